"""Quality floors on ../shared/gold (skipped when absent): the extractor's score.py figures must
not fall below these (set a little under what it reaches, to catch regressions)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from reformkg.ingest.jsonl import write_jsonl
from reformkg.ingest.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = SHARED / "gold"
CORPUS = SHARED / "corpus"
SCORE = SHARED / "eval" / "score.py"

FLOORS = {"entity_micro": 0.96, "relation_micro": 0.93, "outcome": 0.90}
ACTOR_FLOOR = 0.90
PERSON_PRECISION_FLOOR = 0.95

pytestmark = pytest.mark.skipif(not (GOLD.is_dir() and SCORE.exists()), reason="../shared/gold not present")


@pytest.fixture(scope="module")
def summary(tmp_path_factory: pytest.TempPathFactory) -> dict:
    spec = importlib.util.spec_from_file_location("score", SCORE)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = score.load_gold(GOLD)
    paths = [CORPUS / d for d in gold if (CORPUS / d).exists()]
    assert paths
    pipe = Pipeline()
    out = tmp_path_factory.mktemp("pred") / "pred.jsonl"
    write_jsonl([pipe.run_file(p) for p in paths], out)
    pred = score.load_pred(out)
    ent, rel, outc, actor = score.Tally(), score.Tally(), score.Tally(), score.Tally()
    for d in gold:
        score.score_doc(gold[d], pred.get(d, {}), ent, rel, outc, actor)
    return {"entity_micro": ent.prf()[2], "relation_micro": rel.prf()[2], "outcome": outc.prf("outcome")[2],
            "actor": actor.prf("actor")[0], "person_p": ent.prf("Person")[0], "rel": rel}


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_f1_floor(summary: dict, key: str) -> None:
    assert summary[key] >= FLOORS[key], f"{key} F1 {summary[key]:.3f} below {FLOORS[key]}"


def test_actor_and_person_precision(summary: dict) -> None:
    assert summary["actor"] >= ACTOR_FLOOR
    assert summary["person_p"] >= PERSON_PRECISION_FLOOR


def test_relation_types_with_five_gold_keep_precision(summary: dict) -> None:
    rel = summary["rel"]
    for t in set(rel.tp) | set(rel.fn):
        if rel.tp[t] + rel.fn[t] >= 5 and rel.tp[t] + rel.fp[t] > 0:
            assert rel.prf(t)[0] >= 0.8, t
