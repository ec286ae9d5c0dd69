"""The house rules of CONTRIBUTING.md's "How it is built", read from the engine's source: no
import circle, modules and functions a reader takes in at once, the command line on top, the
test oracle independent, and stops through Sphinx outside the command line."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "cvsite"
MODULE_LINES = 400
FUNCTION_LINES = 60
SCAFFOLD = PACKAGE / "cli" / "scaffold"
ENTRY_POINTS = ("cvsite", "cvsite.__main__")  # `python -m cvsite`, and the package itself


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@cache
def modules() -> dict[str, tuple[Path, ast.Module]]:
    return {
        module_name(path): (path, ast.parse(path.read_text(encoding="utf-8")))
        for path in sorted(PACKAGE.rglob("*.py"))
        if SCAFFOLD not in path.parents  # a new site's files, not the engine's
    }


def imported(name: str, tree: ast.Module, top_level_only: bool) -> set[str]:
    """The cvsite modules that `name` imports (at its top level, or anywhere)."""
    known, found = modules(), set()
    package = name if modules()[name][0].name == "__init__.py" else name.rpartition(".")[0]
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name in known}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([node.module] if node.module else []))
            for alias in node.names:
                target = f"{base}.{alias.name}"
                found.add(target if target in known else base)
    return {module for module in found if module in known and module != name}


def circle_from(start: str, graph: dict[str, set[str]]) -> list[str]:
    """A path of imports that leads from `start` back to it, or []."""
    stack, seen = [(start, [start])], set()
    while stack:
        module, path = stack.pop()
        for target in sorted(graph[module]):
            if target == start:
                return [*path, start]
            if target not in seen:
                seen.add(target)
                stack.append((target, [*path, target]))
    return []


def test_no_module_imports_itself_back_in_a_circle():
    graph = {name: imported(name, tree, True) for name, (_, tree) in modules().items()}
    circles = {" -> ".join(circle) for name in graph if (circle := circle_from(name, graph))}
    assert not circles


def test_no_module_and_no_function_is_longer_than_a_reader_takes_in_at_once():
    long = []
    for name, (path, tree) in modules().items():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MODULE_LINES:
            long.append(f"{name}: {lines} lines")
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > FUNCTION_LINES:
                    long.append(f"{name}.{node.name}: {length} lines")
    assert not long


@pytest.mark.parametrize("package", ["cli", "testing"])
def test_what_sits_on_top_is_imported_by_nothing_below(package):
    """The command line uses the engine, never the other way round; the test oracle is an
    independent reading of the sources, so the engine does not use it (nor it the engine)."""
    inside = f"cvsite.{package}"
    users = {
        f"{name} imports {target}"
        for name, (_, tree) in modules().items()
        if not name.startswith(inside)
        for target in imported(name, tree, False)
        if target.startswith(inside) and name not in ENTRY_POINTS
    }
    assert not users


def imports_from_outside(package: str, top_level_too: bool) -> set[str]:
    """What the modules of `package` import from other packages (and from cvsite's top-level
    modules, where `top_level_too`)."""
    return {
        f"{name} imports {target}"
        for name, (_, tree) in modules().items()
        if name.startswith(package)
        for target in imported(name, tree, False)
        if not target.startswith(package) and (top_level_too or target.count(".") > 1)
    }


def test_the_test_oracle_imports_nothing_of_the_engine():
    assert not imports_from_outside("cvsite.testing", top_level_too=True)


def ends_the_process(node: ast.AST) -> bool:
    if isinstance(node, ast.Raise) and node.exc is not None:
        raised = node.exc.func if isinstance(node.exc, ast.Call) else node.exc
        return isinstance(raised, ast.Name) and raised.id == "SystemExit"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr == "exit" and getattr(node.func.value, "id", "") == "sys"
    return False


def is_main_block(node: ast.stmt) -> bool:
    test = node.test if isinstance(node, ast.If) else None
    return isinstance(test, ast.Compare) and getattr(test.left, "id", "") == "__name__"


def test_only_the_command_line_ends_the_process():
    """Library code stops a build through Sphinx's errors, so a program that builds in-process
    gets the error instead of being ended; `if __name__ == "__main__":` is a command line."""
    stops = []
    for name, (_, tree) in modules().items():
        if name.startswith(("cvsite.cli", "cvsite.__main__")):
            continue
        body = [statement for statement in tree.body if not is_main_block(statement)]
        for statement in body:
            stops += [
                f"{name}:{node.lineno}" for node in ast.walk(statement) if ends_the_process(node)
            ]
    assert not stops


def test_the_publication_model_imports_no_other_package():
    """Every consumer reads the record; the record reads nothing of its consumers."""
    assert not imports_from_outside("cvsite.publications", top_level_too=False)


def test_a_concern_s_setup_only_lists_its_components():
    """Each module registers its own events, directives, nodes and handlers; a package's
    setup() only calls its components' (as sphinx-design's do), and the extension its concerns'."""
    registrations = []
    for name, (path, tree) in modules().items():
        if path.name != "__init__.py" and name != "cvsite.extension":
            continue
        setups = [node for node in tree.body if getattr(node, "name", "") == "setup"]
        registrations += [
            f"{name}.setup calls app.{call.func.attr}"
            for setup in setups
            for call in ast.walk(setup)
            if isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and getattr(call.func.value, "id", "") == "app"
        ]
    assert not registrations
