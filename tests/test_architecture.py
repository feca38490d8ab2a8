"""The package's shape, checked: no import cycle inside ``assistant/``, and no module outside the
engine, index and retrieval layers touching the stores of an index."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "assistant"

# the modules that own the stores of an index; everything else goes through Engine's methods
STORE_OWNERS = ("assistant.engine", "assistant.hybrid", "assistant.index.", "assistant.ingest.")
STORE_ATTRIBUTES = re.compile(r"\.(catalog|embedder|store|stores|keywords|vectors)\b")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports(path: Path, known: set[str]) -> set[str]:
    """The package's modules ``path`` imports, at the top or inside a function (a deferred
    import is still a dependency; deferring it only hides a cycle)."""
    found: set[str] = set()
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            for alias in node.names:
                child = f"{base}.{alias.name}"
                found.add(child if child in known else base)
    return {name for name in found if name in known}


def import_graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(path, set(known)) - {name} for name, path in known.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                component.append(item)
                if item == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_graph_sees_imports_of_every_kind():
    graph = import_graph()
    assert "assistant.config" in graph["assistant.engine"]          # from x import Name
    assert "assistant.hybrid" in graph["assistant.engine"]
    assert graph["assistant.cli"]                                   # deferred imports count
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycle_in_the_package():
    assert cycles(import_graph()) == []


def test_only_the_index_layers_touch_the_stores():
    offenders = []
    for name, path in modules().items():
        if name.startswith(STORE_OWNERS) or name in STORE_OWNERS:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"engine\w*" + STORE_ATTRIBUTES.pattern, line):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{number}: {line.strip()}")
    assert offenders == [], "use Engine's methods (documents(), document_text(), …):\n" + \
        "\n".join(offenders)


# the library's top layer: what the CLI, the app and the evaluation call
TOP_LAYER = ("assistant.engine", "assistant.library", "assistant.cases", "assistant.conversation",
             "assistant.citations", "assistant.translations", "assistant.advisor",
             "assistant.advisor.tables", "assistant.answer.pipeline", "assistant.memo.build",
             "assistant.memo.export", "assistant.evaluation.runner",
             "assistant.evaluation.report", "assistant.ingest.indexer", "assistant.hybrid")


def test_every_public_function_of_the_top_layer_says_what_it_promises():
    known = modules()
    missing = []
    for name in TOP_LAYER:
        tree = ast.parse(known[name].read_text(encoding="utf-8"))
        for node in tree.body:
            members = [node] if isinstance(node, ast.FunctionDef) else (
                [m for m in node.body if isinstance(m, ast.FunctionDef)]
                if isinstance(node, ast.ClassDef) and not node.name.startswith("_") else [])
            for member in members:
                if not member.name.startswith("_") and ast.get_docstring(member) is None:
                    missing.append(f"{name}: {member.name}")
    assert missing == []
