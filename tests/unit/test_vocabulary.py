"""Labels and relation types are named through reformkg.graph.vocab (generated from
ontology.yaml), never spelled as string literals in any module of the package."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from reformkg.graph import vocab_gen
from reformkg.graph.ontology import get_ontology

ROOT = Path(__file__).resolve().parents[2] / "reformkg"
# every module but the generated vocabulary itself
CHECKED = sorted(p for p in ROOT.rglob("*.py") if "__pycache__" not in p.parts and p.name != "vocab.py")


def test_vocab_module_is_generated_from_the_ontology() -> None:
    assert vocab_gen.main(["--check"]) == 0, "run python -m reformkg.graph.vocab_gen"


def test_vocab_names_every_label_and_type() -> None:
    from reformkg.graph.vocab import Label, Rel

    onto = get_ontology()
    assert set(onto.labels) <= set(vars(Label).values())
    assert set(onto.relationships) == {v for k, v in vars(Rel).items() if not k.startswith("_")}


@pytest.mark.parametrize("path", CHECKED, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_label_or_type_literals(path: Path) -> None:
    onto = get_ontology()
    names = set(onto.labels) | set(onto.relationships) | set(onto.extra_labels)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    bad = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
           and n.value in names and id(n) not in docstrings]
    assert not bad, f"{path.name} spells {sorted(set(bad))}: use reformkg.graph.vocab"
