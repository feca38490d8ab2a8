"""``python -m assistant.knowledge [CORPUS]``: check the knowledge statements, print problems."""

import sys
from collections import Counter
from pathlib import Path

from assistant.knowledge.checks import validate_statements
from assistant.knowledge.statements import load_statements

corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("corpus")
problems = validate_statements(corpus)
for file, ident, message in problems:
    print(f"{file}: {ident}: {message}")
statements, _ = load_statements(corpus)
by_file = Counter(s.file for s in statements)
print(f"{len(statements)} statements ({dict(by_file)}), {len(problems)} problems")
sys.exit(1 if problems else 0)
