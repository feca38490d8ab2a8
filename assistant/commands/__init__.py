"""Command-line subcommands. Each module defines ``register(subparsers)``; cli.py lists them."""
