"""`reformkg eval`: tables, the per-document table, the errors file, the check set withheld,
and agreement with ../shared/eval/score.py where it is present."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reformkg.cli import app
from reformkg.evaluation.scoring import score_document

SHARED = Path(__file__).resolve().parents[2].parent / "shared"

DOC_A = "拉萨市总工会开展“雪域工匠”培训工程，培训职工300人。"
DOC_B = "林芝市总工会主席次仁出席会议。"


def _setup(tmp_path: Path) -> tuple[Path, Path]:
    docs, gold = tmp_path / "docs", tmp_path / "gold"
    docs.mkdir()
    gold.mkdir()
    (docs / "a.txt").write_text(DOC_A, encoding="utf-8")
    (docs / "b.txt").write_text(DOC_B, encoding="utf-8")
    (gold / "a.json").write_text(json.dumps({"doc": "a.txt", "entities": [
        {"type": "Union", "name": "拉萨市总工会", "aliases": []},
        {"type": "Programme", "name": "“雪域工匠”培训工程", "aliases": ["雪域工匠"]},
        {"type": "Region", "name": "西藏自治区", "aliases": []}],
        "relations": [{"type": "RUNS", "source": "拉萨市总工会", "target": "“雪域工匠”培训工程", "evidence": DOC_A}],
        "outcomes": [{"actor": "拉萨市总工会", "value": 300, "unit": "人", "evidence": DOC_A}]}, ensure_ascii=False),
        encoding="utf-8")
    (gold / "b.json").write_text(json.dumps({"doc": "b.txt", "entities": [
        {"type": "Person", "name": "次仁", "aliases": []}, {"type": "Union", "name": "林芝市总工会", "aliases": []}],
        "relations": [{"type": "HOLDS_POSITION", "source": "次仁", "target": "林芝市总工会"}], "outcomes": []},
        ensure_ascii=False), encoding="utf-8")
    return docs, gold


def test_eval_prints_tables_and_writes_errors(tmp_path: Path) -> None:
    docs, gold = _setup(tmp_path)
    check = tmp_path / "check.txt"
    check.write_text("# check set\nb\n", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    r = CliRunner().invoke(app, ["eval", str(gold), str(docs), "--errors", str(errors), "--checkset", str(check)])
    assert r.exit_code == 0, r.output
    assert "entity_micro" in r.output and "relation_micro" in r.output and "outcome actor accuracy" in r.output
    assert "a.txt" in r.output and "check set" in r.output and "work set" in r.output
    rows = [json.loads(x) for x in errors.read_text(encoding="utf-8").splitlines()]
    assert rows, "the gold region is never mentioned, so at least one false negative is written"
    assert {"doc", "kind", "side", "type", "record", "evidence"} <= set(rows[0])
    assert all(row["doc"] != "b.txt" for row in rows), "check-set errors are withheld"
    assert any(row["side"] == "fn" and row["record"]["name"] == "西藏自治区" for row in rows)


def test_eval_bad_gold_names_the_file(tmp_path: Path) -> None:
    docs, gold = _setup(tmp_path)
    (gold / "broken.json").write_text("{not json", encoding="utf-8")
    r = CliRunner().invoke(app, ["eval", str(gold), str(docs)])
    assert r.exit_code == 1
    assert "broken.json" in r.output


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="../shared/eval/score.py not present")
def test_scoring_agrees_with_score_py() -> None:
    spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = {"doc": "x.txt", "entities": [{"type": "Union", "name": "甲市总工会", "aliases": ["市总工会"]},
                                         {"type": "Person", "name": "张三", "aliases": []},
                                         {"type": "Agency", "name": "甲市人社局", "aliases": []}],
            "relations": [{"type": "HOLDS_POSITION", "source": "张三", "target": "市总工会"},
                          {"type": "CO_SPONSORS", "source": "甲市总工会", "target": "甲市人社局"}],
            "outcomes": [{"actor": "甲市总工会", "value": 5, "unit": "家"}, {"actor": "甲市人社局", "value": 7, "unit": "人"}]}
    pred = {"doc": "x.txt", "entities": [{"type": "Union", "name": "甲市总工会", "aliases": []},
                                         {"type": "Person", "name": "张三", "aliases": []},
                                         {"type": "Agency", "name": "甲市人社局", "aliases": []},
                                         {"type": "Person", "name": "李四", "aliases": []}],
            "relations": [{"type": "HOLDS_POSITION", "source": "张三", "target": "甲市总工会"},
                          {"type": "CO_SPONSORS", "source": "甲市人社局", "target": "甲市总工会"},
                          {"type": "RUNS", "source": "甲市总工会", "target": "甲市人社局"}],
            "outcomes": [{"actor": "甲市人社局", "value": 5, "unit": "家"}, {"actor": "", "value": 9, "unit": "人"}]}
    ent, rel, out, actor = score.Tally(), score.Tally(), score.Tally(), score.Tally()
    score.score_doc(gold, pred, ent, rel, out, actor)
    mine = score_document(gold, pred)
    assert mine.entities.prf() == ent.prf()
    assert mine.relations.prf() == rel.prf()
    assert mine.outcomes.prf("outcome") == out.prf("outcome")
    assert mine.actor.prf("actor") == actor.prf("actor")
