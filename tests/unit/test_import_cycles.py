"""Import cycles (issue 9, item 4): the import graph of the `reformkg` package, read with `ast`
from module-level import statements (imports inside functions run late and are left out, and so
are `if TYPE_CHECKING:` blocks), has no cycle among the reformkg.ingest modules.

An edge runs from a module to each reformkg module it imports: `import a.b` → a.b,
`from a import b` → a.b when that is a module, else a; relative imports are resolved against the
importing module's package. Like grimp and import-linter, the implicit import of a parent
package's __init__ is not an edge.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "reformkg"
SCOPE = "reformkg.ingest"

# cycles allowed for now, each as the sorted tuple of its modules (a strongly connected component);
# every entry names why it cannot be broken in the files of this change
ALLOWED_INGEST_CYCLES: set[tuple[str, ...]] = set()


def module_name(path: Path, root: Path) -> str:
    """Dotted module name of a file below root's parent (a package's __init__.py is the package)."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    t = node.test
    return (isinstance(t, ast.Name) and t.id == "TYPE_CHECKING") or \
        (isinstance(t, ast.Attribute) and t.attr == "TYPE_CHECKING")


def module_level_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Import statements run when the module is imported: at top level or inside top-level
    if/try/with/class blocks, not in functions and not under `if TYPE_CHECKING:`."""
    out: list[ast.Import | ast.ImportFrom] = []
    stack: list[ast.stmt] = list(tree.body)
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            out.append(node)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        elif isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
        else:
            for name in ("body", "orelse", "finalbody", "handlers"):
                stack.extend(getattr(node, name, []) or [])
    return out


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """module → the modules of root's package it imports at module level."""
    files = {module_name(p, root): p for p in sorted(root.rglob("*.py"))}
    top = root.name
    graph: dict[str, set[str]] = {m: set() for m in files}
    for module, path in files.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in module_level_imports(tree):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                base = _absolute(node, module, path.name == "__init__.py")
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names]
            graph[module].update(t for t in targets if t.split(".")[0] == top and t in files and t != module)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[tuple[str, ...]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[tuple[str, ...]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(tuple(sorted(comp)))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return sorted(out)


def a_cycle(graph: dict[str, set[str]], component: tuple[str, ...]) -> list[str]:
    """One concrete cycle through a component's first module (for a readable message)."""
    members = set(component)
    start = component[0]
    path, seen = [start], {start}

    def walk(v: str) -> bool:
        for w in sorted(graph[v] & members):
            if w == start:
                return True
            if w not in seen:
                seen.add(w)
                path.append(w)
                if walk(w):
                    return True
                path.pop()
        return False

    walk(start)
    return path + [start]


def _within(graph: dict[str, set[str]], scope: str) -> dict[str, set[str]]:
    keep = {m for m in graph if m == scope or m.startswith(scope + ".")}
    return {m: graph[m] & keep for m in keep}


def test_no_import_cycle_in_ingest() -> None:
    graph = _within(import_graph(), SCOPE)
    found = [c for c in cycles(graph) if c not in ALLOWED_INGEST_CYCLES]
    assert found == [], "import cycles among reformkg.ingest modules:\n" + "\n".join(
        " -> ".join(a_cycle(graph, c)) for c in found)


def test_allowed_cycles_still_exist() -> None:
    """An allow-list entry whose cycle is gone must be removed (the list only shrinks)."""
    present = set(cycles(_within(import_graph(), SCOPE)))
    assert sorted(ALLOWED_INGEST_CYCLES - present) == []


def test_the_graph_sees_the_package() -> None:
    graph = import_graph()
    assert "reformkg.ingest.resolve" in graph["reformkg.ingest.pipeline"]
    assert "reformkg.ingest.lexicons" in graph["reformkg.ingest.resolve.names"]


def test_the_checker_finds_cycles_and_ignores_late_imports(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "sub" / "__init__.py").write_text("from . import a\n")
    (pkg / "sub" / "a.py").write_text("from pkg.sub.b import x\n")
    (pkg / "sub" / "b.py").write_text("import pkg.c\nx = 1\n")
    (pkg / "c.py").write_text("from .sub import a\n")
    (pkg / "d.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from pkg import e\n"
                              "def f():\n    from pkg import e\n")
    (pkg / "e.py").write_text("try:\n    from pkg import d\nexcept ImportError:\n    d = None\n")
    graph = import_graph(pkg)
    assert graph["pkg.sub"] == {"pkg.sub.a"} and graph["pkg.c"] == {"pkg.sub.a"}
    assert graph["pkg.d"] == set() and graph["pkg.e"] == {"pkg.d"}
    assert cycles(graph) == [("pkg.c", "pkg.sub.a", "pkg.sub.b")]
    assert a_cycle(graph, ("pkg.c", "pkg.sub.a", "pkg.sub.b")) == ["pkg.c", "pkg.sub.a", "pkg.sub.b", "pkg.c"]
    (pkg / "d.py").write_text("from pkg import e\n")
    assert ("pkg.d", "pkg.e") in cycles(import_graph(pkg))
