"""The structure of ``psg`` stays as docs/architecture.md draws it.

Read from the source with ``ast`` (nothing is imported): every app sits on a
layer and imports only from apps on lower layers, so there is no cycle
between apps; no code file is longer than 500 lines; and an import inside a
function is left only where the framework needs it (``AppConfig.ready``, a
migration), with a comment saying why.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "psg"

# From the bottom up; an app imports only from apps on a lower layer. The
# same list, drawn, is in docs/architecture.md.
LAYERS = [
    {"core"},
    {"taxonomy"},
    {"news", "publications", "events", "standard_pages"},
    {"home", "search", "feeds", "metadata", "legacy", "api"},
    {"members"},
    {"bulletin"},
    {"demo"},
]
LAYER = {app: number for number, apps in enumerate(LAYERS) for app in apps}
# The composition root: it wires every app together, and nothing imports it.
ROOT = {"settings", "urls", "wsgi", "asgi", "__init__"}
# Imports that must be able to fail at run time, and why. Nothing else.
OPTIONAL_IMPORTS = {
    ("bulletin/pdf.py", "load_renderer"): (
        "WeasyPrint needs Pango from the system; without it the site serves "
        "everything but the editions' PDFs"
    ),
}
MAX_LINES = 500
# Demo content is data written as code: long by nature.
LONG_DATA_FILES = {"demo/news.py"}


def code_files():
    return sorted(path for path in PACKAGE.rglob("*.py") if path.is_file())


def relative(path):
    return path.relative_to(PACKAGE).as_posix()


def app_of(path):
    return path.relative_to(PACKAGE).parts[0].removesuffix(".py")


def is_test(path):
    return "tests" in path.relative_to(PACKAGE).parts or path.name == "conftest.py"


def is_migration(path):
    return "migrations" in path.relative_to(PACKAGE).parts


def imported_modules(path, tree):
    """(line, module) of every ``psg`` module the file imports, anywhere in
    it, relative imports resolved."""
    package = ["psg", *path.relative_to(PACKAGE).parent.parts]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.append((node.lineno, module))
    return [(line, module) for line, module in found if module.startswith("psg.")]


def app_imports():
    """{(importing app, imported app): ["file:line", …]} for the code that
    ships (tests build the site they need and may use any app)."""
    edges = {}
    for path in code_files():
        app = app_of(path)
        if app in ROOT or is_test(path):
            continue
        tree = ast.parse(path.read_text(), filename=str(path))
        for line, module in imported_modules(path, tree):
            target = module.split(".")[1]
            if target != app:
                edges.setdefault((app, target), []).append(f"{relative(path)}:{line}")
    return edges


def test_every_app_is_on_a_layer():
    apps = (
        {
            path.name
            for path in PACKAGE.iterdir()
            if (path / "apps.py").exists() or (path / "__init__.py").exists()
        }
        - ROOT
        - {"templates", "static"}
    )
    missing = sorted(apps - set(LAYER))
    assert not missing, (
        f"{', '.join(missing)} on no layer: add it to LAYERS here and to the "
        "drawing in docs/architecture.md"
    )


def test_apps_import_only_from_lower_layers():
    upward = [
        f"{place} imports psg.{target} (layer {LAYER.get(target)}) from "
        f"psg.{app} (layer {LAYER.get(app)})"
        for (app, target), places in sorted(app_imports().items())
        if target not in ROOT and LAYER.get(target, 99) >= LAYER.get(app, -1)
        for place in places
    ]
    assert not upward, (
        "An app imports only from apps below it (docs/architecture.md); use a "
        "signal or a registry the higher app fills instead:\n" + "\n".join(upward)
    )


def find_cycle(edges):
    """One cycle of the directed graph ``edges`` as a list of nodes, or None."""
    graph = {}
    for source, target in edges:
        graph.setdefault(source, set()).add(target)
    done, path = set(), []

    def visit(node):
        if node in path:
            return [*path[path.index(node) :], node]
        if node in done:
            return None
        path.append(node)
        for target in sorted(graph.get(node, ())):
            cycle = visit(target)
            if cycle:
                return cycle
        path.pop()
        done.add(node)
        return None

    for node in sorted(graph):
        cycle = visit(node)
        if cycle:
            return cycle
    return None


def test_no_cycle_between_apps():
    edges = app_imports()
    cycle = find_cycle(edges)
    assert cycle is None, "A cycle between apps: " + " -> ".join(
        f"{app} ({edges[(app, target)][0]})"
        for app, target in zip(cycle, cycle[1:], strict=False)
    )


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({("a", "b"): [], ("b", "c"): [], ("c", "a"): []}) == [
        "a",
        "b",
        "c",
        "a",
    ]
    assert find_cycle({("a", "b"): [], ("a", "c"): [], ("b", "c"): []}) is None


def test_no_code_file_is_over_500_lines():
    long = [
        f"{relative(path)}: {count} lines"
        for path in code_files()
        if not is_migration(path) and relative(path) not in LONG_DATA_FILES
        for count in [len(path.read_text().splitlines())]
        if count > MAX_LINES
    ]
    assert not long, (
        f"Split these by job (no code file over {MAX_LINES} lines):\n" + "\n".join(long)
    )


def inner_imports(tree):
    """(import node, enclosing function) for every import inside a function."""
    found = []

    def visit(node, function):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                visit(child, child)
            elif isinstance(child, ast.Import | ast.ImportFrom) and function:
                found.append((child, function))
            else:
                visit(child, function)

    visit(tree, None)
    return found


def test_imports_inside_functions_only_where_the_framework_needs_them():
    wrong = []
    for path in code_files():
        if is_migration(path):
            continue
        source = path.read_text()
        lines = source.splitlines()
        for node, function in inner_imports(ast.parse(source)):
            place = f"{relative(path)}:{node.lineno} (in {function.name})"
            if (relative(path), function.name) in OPTIONAL_IMPORTS:
                continue
            if not (path.name == "apps.py" and function.name == "ready"):
                wrong.append(f"{place}: move it to the top of the module")
                continue
            # A comment on the line, or just above the imports it explains.
            above = node.lineno - 2
            while above >= 0 and (
                not lines[above].strip()
                or lines[above].strip().startswith(("from ", "import "))
            ):
                above -= 1
            if "#" not in lines[node.lineno - 1] and not (
                above >= 0 and lines[above].strip().startswith("#")
            ):
                wrong.append(f"{place}: say in a comment why it is here")
    assert not wrong, (
        "Imports inside functions are left only in AppConfig.ready and "
        "migrations, each with a one-line reason:\n" + "\n".join(wrong)
    )
