"""The shape of the code: data flows one way, functions fit on a screen, modules stay small.

The flow (docs/architecture.md): loading -> model -> dataset -> checking / analysis -> render
-> cli. No module imports one that imports it back, directly or round a loop, and no package
imports a package that imports it back.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
PACKAGE = SRC / "accords"
#: The loader's event loop is one long function on purpose: it is the hot path of every run.
LONG_ON_PURPOSE = frozenset({"accords.loading.yaml_positions._consume"})
MAX_FUNCTION_LINES = 60
MAX_MODULE_LINES = 400


def _modules() -> dict[str, Path]:
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(SRC).with_suffix("").parts)
        modules[name.removesuffix(".__init__")] = path
    return modules


MODULES = _modules()


def _resolve(name: str) -> str | None:
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


def _imports(module: str, path: Path) -> Iterator[str]:
    """The accords modules that ``module`` imports, at any depth of its code."""
    is_package = path.name == "__init__.py"
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = module.split(".") if is_package else module.split(".")[:-1]
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, *([node.module] if node.module else [])])
            targets = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in targets:
            found = _resolve(target) if target.startswith("accords") else None
            if found is not None and found != module:
                yield found


def _graph() -> dict[str, set[str]]:
    return {module: set(_imports(module, path)) for module, path in MODULES.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def _package_of(module: str) -> str:
    return ".".join(module.split(".")[:2])


def test_no_module_is_in_an_import_cycle() -> None:
    assert _cycles(_graph()) == []


def test_no_package_is_in_an_import_cycle() -> None:
    packages: dict[str, set[str]] = {}
    for module, targets in _graph().items():
        if module == "accords":
            continue  # the package root re-exports the public API
        for target in targets:
            if target != "accords" and _package_of(target) != _package_of(module):
                packages.setdefault(_package_of(module), set()).add(_package_of(target))
    assert _cycles(packages) == []


def test_functions_fit_on_a_screen() -> None:
    long = []
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                name = f"{module}.{node.name}"
                if lines > MAX_FUNCTION_LINES and name not in LONG_ON_PURPOSE:
                    long.append(f"{name}: {lines} lines")
    assert long == []


def test_modules_stay_small() -> None:
    large = [
        f"{module}: {lines} lines"
        for module, path in MODULES.items()
        if (lines := path.read_text("utf-8").count("\n")) > MAX_MODULE_LINES
    ]
    assert large == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
