"""Structure rules of the extraction code (issue 9, item 4): no module imports another module's
private names, and no function or method is above cyclomatic complexity 25 (radon)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from radon.complexity import cc_visit

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "reformkg"
MAX_COMPLEXITY = 25

# every module of the package: the extraction (issue 9) and everything else
FILES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)
CHECKED = FILES


def _rel(p: Path) -> str:
    return p.relative_to(ROOT).as_posix()


def private_imports(source: str) -> list[str]:
    """`from reformkg… import _name` statements in source, as 'module._name' strings."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "reformkg":
            out += [f"{node.module}.{a.name}" for a in node.names if a.name.startswith("_")]
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            out += [f"{'.' * node.level}{node.module or ''}.{a.name}" for a in node.names if a.name.startswith("_")]
    return out


def complex_blocks(source: str) -> list[str]:
    """Functions and methods in source above MAX_COMPLEXITY, as 'name (complexity)' strings."""
    out = []
    for block in cc_visit(source):
        for b in [block, *getattr(block, "methods", []), *getattr(block, "closures", [])]:
            if b.complexity > MAX_COMPLEXITY and not hasattr(b, "methods"):
                out.append(f"{b.name} ({b.complexity})")
    return out


def test_the_whole_package_is_checked() -> None:
    assert len(FILES) > 100
    assert PACKAGE / "ingest" / "extract" / "orgs" / "mention.py" in FILES


@pytest.mark.parametrize("path", CHECKED, ids=_rel)
def test_no_import_of_private_names(path: Path) -> None:
    assert private_imports(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", CHECKED, ids=_rel)
def test_no_function_above_complexity_limit(path: Path) -> None:
    assert complex_blocks(path.read_text(encoding="utf-8")) == []


def test_the_checks_catch_what_they_look_for() -> None:
    branches = "\n".join(f"    if x == {i}:\n        return {i}" for i in range(MAX_COMPLEXITY + 1))
    assert complex_blocks(f"def f(x):\n{branches}\n    return -1\n") == [f"f ({MAX_COMPLEXITY + 2})"]
    assert complex_blocks("def f(x):\n    return 1 if x else 2\n") == []
    assert private_imports("from reformkg.a import _b, c\nfrom os import _exit\n") == ["reformkg.a._b"]
    assert private_imports("from .builder import _x\n") == [".builder._x"]
