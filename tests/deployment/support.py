"""Helpers for the deployment tests: replica processes on their own data directories and the
environment that points a process at the shared services."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reliability.support import REPO, subprocess_env

from assistant.config import Settings

HERE = Path(__file__).resolve().parent


def shared_env(settings: Settings, **extra: str) -> dict[str, str]:
    """``subprocess_env`` plus the database and the upload store, when set."""
    env = subprocess_env(settings, **extra)
    if settings.database_url:
        env["ASSISTANT_DATABASE_URL"] = settings.database_url
    if settings.upload_dir:
        env["ASSISTANT_UPLOAD_DIR"] = str(settings.upload_dir)
    return env


def run_cli(settings: Settings, *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "assistant.cli", *args], capture_output=True,
                          text=True, env=shared_env(settings), timeout=timeout, cwd=str(REPO),
                          check=False)


class Replica:
    """``replica_driver.py`` in a process of its own."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.process = subprocess.Popen(
            [sys.executable, str(HERE / "replica_driver.py")], env=shared_env(settings),
            cwd=str(REPO), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True)
        ready = self.process.stdout.readline()
        assert ready and json.loads(ready)["ready"], "the replica did not start"

    def __call__(self, **command) -> dict:
        self.process.stdin.write(json.dumps(command) + "\n")
        self.process.stdin.flush()
        reply = json.loads(self.process.stdout.readline())
        assert "error" not in reply, reply["error"]
        return reply

    def stop(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=60)
