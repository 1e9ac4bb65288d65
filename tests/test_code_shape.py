"""The shape of the code: every function short enough to read at once, and
modules that import each other only one way (but the check-kind registry)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "checker"
MAX_FUNCTION_LINES = 59  # "under 60": a function longer than a screen is split
REGISTRY = "checker.checking.kinds"  # kinds/__init__ imports the families, which register themselves in it


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _function_lengths() -> list[tuple[int, str]]:
    lengths = []
    for name, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                start = min([node.lineno, *(d.lineno for d in node.decorator_list)])
                lengths.append((node.end_lineno - start + 1, f"{name}.{node.name} (line {node.lineno})"))
    return sorted(lengths, reverse=True)


def test_every_function_is_under_60_lines():
    lengths = _function_lengths()
    assert len(lengths) > 500  # the walk found the package's functions
    too_long = [f"{where}: {size} lines" for size, where in lengths if size > MAX_FUNCTION_LINES]
    assert not too_long, too_long


def _imported(tree: ast.AST, modules: dict[str, Path]) -> set[str]:
    """The package's modules a module imports, at the top or in a function;
    what is imported only for type checking does not count (it never runs)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in modules)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("checker"):
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                found.add(submodule if submodule in modules else node.module)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph = {}
    for name, path in modules.items():
        graph[name] = _imported(ast.parse(path.read_text(encoding="utf-8")), modules) - {name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(component)

    for node in sorted(graph):
        if node not in index:
            connect(node)
    return found


def test_no_import_cycle_but_the_check_registry():
    graph = import_graph()
    assert "checker.reading.lexer" in graph["checker.reading.letter_reader"]  # the graph sees imports
    cycles = _cycles(graph)
    registry = [c for c in cycles if REGISTRY in c]
    assert all(module.startswith(REGISTRY) for c in registry for module in c), registry
    others = [sorted(c) for c in cycles if REGISTRY not in c]
    assert not others, others


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]
