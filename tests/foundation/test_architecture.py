"""The plan of the house: one-way layers, no import cycle, function-level imports only with
a reason. Read from the source files (no import runs), so a new module is checked as soon
as it exists.

Layers, lowest first; a module may import its own layer and the ones below:

    praxis (site/) <- taxonomy <- labs <- practices <- search <- demo

The project's composition root (``praxis.settings``, ``praxis.urls``) wires every app
together and is the one place in ``praxis`` allowed to name the apps above it.
"""

import ast
import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LAYERS = [
    "praxis",
    "taxonomy",
    "territories",
    "labs",
    "practices",
    "search",
    "members",
    "alerts",
    "freshness",
    "contributions",
    "discussions",
    "transpositions",
    "demo",
]
FOLDERS = {"praxis": "site"}  # package -> folder, where they differ
COMPOSITION_ROOT = ("praxis.settings", "praxis.urls", "praxis.wsgi", "praxis.asgi")
HIGHER_LABEL = re.compile(r"^(?P<app>[a-z]+)\.[A-Za-z_]+$")
UPWARD_CALLS = re.compile(r"apps\.(get_app_config|get_model|get_containing_app_config)\(")


def project_modules() -> dict[str, Path]:
    """module name -> file, for every first-party module but migrations."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    modules = {}
    for package in LAYERS:
        folder = FOLDERS.get(package, package)
        for name in listed:
            path = Path(name)
            if path.parts[0] != folder or "migrations" in path.parts or not (REPO / path).exists():
                continue
            parts = [package, *path.with_suffix("").parts[1:]]
            if parts[-1] == "__init__":
                parts.pop()
            modules[".".join(parts)] = REPO / path
    return modules


MODULES = project_modules()


def layer_of(module: str) -> int:
    return LAYERS.index(module.split(".")[0])


def imported_names(tree: ast.AST, module: str):
    """(imported module, node, inside a function) for every first-party import of ``module``."""
    functions = [node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)]
    nested = {id(inner) for function in functions for inner in ast.walk(function) if inner is not function}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            targets = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for target in targets:
            if target in MODULES and target != module:
                yield target, node, id(node) in nested


def parsed(module: str):
    path = MODULES[module]
    return ast.parse(path.read_text(), filename=str(path)), path.read_text().splitlines()


def test_the_layer_packages_are_all_found():
    assert {module.split(".")[0] for module in MODULES} >= {"praxis", "taxonomy", "labs", "practices", "search"}


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_imports_a_higher_layer(module):
    if module.startswith(COMPOSITION_ROOT):
        return
    tree, _lines = parsed(module)
    upward = [
        f"{target} (line {node.lineno})"
        for target, node, _in_function in imported_names(tree, module)
        if layer_of(target) > layer_of(module)
    ]
    assert not upward, f"{module} imports a higher layer: {upward}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_module_names_a_higher_layer_by_string_or_app_registry(module):
    """Not ``apps.get_model("practices", ...)``, ``get_app_config("search")`` nor a
    ``"practices.PracticePage"`` label: a higher app registers into a hook instead."""
    if module.startswith(COMPOSITION_ROOT):
        return
    tree, lines = parsed(module)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    named = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            match = HIGHER_LABEL.match(node.value)
            if match and match["app"] in LAYERS and layer_of(match["app"]) > layer_of(module):
                named.append(f"{node.value!r} (line {node.lineno})")
    assert not named, f"{module} names a higher layer: {named}"
    assert not [line for line in lines if UPWARD_CALLS.search(line) and '"praxis"' not in line], (
        f"{module} looks an app up in the registry"
    )


def test_no_import_cycle_between_modules():
    graph = {}
    for module in MODULES:
        tree, _lines = parsed(module)
        graph[module] = {target for target, _node, _in_function in imported_names(tree, module)}
    # Tarjan's strongly connected components: any component of two modules or more is a cycle.
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph.get(node, ()):
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
                cycles.append(sorted(component))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    assert not cycles, f"import cycles: {cycles}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_function_level_imports_say_why(module):
    """A first-party import inside a function is allowed only with its reason on the line
    (``# reason``), or in ``AppConfig.ready`` (models are not loaded before)."""
    tree, lines = parsed(module)
    ready_bodies = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef) and node.name == "ready"
        for inner in ast.walk(node)
    }
    silent = [
        f"line {node.lineno}: {target}"
        for target, node, in_function in imported_names(tree, module)
        if in_function and id(node) not in ready_bodies and "#" not in lines[node.end_lineno - 1]
    ]
    assert not silent, f"{module} imports inside functions without a reason: {silent}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_stay_small(module):
    """A file over ~400 lines is asking to be split by meaning."""
    assert len(MODULES[module].read_text().splitlines()) <= 420, f"{module} is over 420 lines"
