"""JSONL: FORMAT.md records (doc = basename, scored labels/types, names as ends, outcomes)."""

from __future__ import annotations

import json
from pathlib import Path

from reformkg.graph.model import DocumentResult, Entity, Fact, Outcome
from reformkg.ingest.jsonl import to_record, write_jsonl
from reformkg.ingest.resolve import IMPLICIT


def _result() -> DocumentResult:
    ents = [Entity("u1", "Union", "温州市总工会", ["市总工会"]),
            Entity("r1", "Region", "温州市", [], props={"level": "city", "adcode": "330300"}),
            Entity("r0", "Region", "浙江省", [], props={"level": "province", IMPLICIT: True}),
            Entity("p1", "Person", "李四", [])]
    facts = [Fact("f1", "LOCATED_IN", "u1", "r1"), Fact("f2", "PART_OF", "r1", "r0"),
             Fact("f3", "HOLDS_POSITION", "p1", "u1", {"title": "主席"})]
    outs = [Outcome("o1", 5000.0, "人次", "余", "培训", 2021, "u1")]
    return DocumentResult("d", "k", "/a/b/doc1.txt", "", None, "", [], 10, ents, facts, outs)


def test_record_shape() -> None:
    rec = to_record(_result())
    assert rec["doc"] == "doc1.txt"
    assert {e["name"] for e in rec["entities"]} == {"温州市总工会", "温州市", "李四"}
    region = [e for e in rec["entities"] if e["name"] == "温州市"][0]
    assert region["properties"] == {"level": "city", "adcode": "330300"}
    assert {r["type"] for r in rec["relations"]} == {"LOCATED_IN", "HOLDS_POSITION"}
    hp = [r for r in rec["relations"] if r["type"] == "HOLDS_POSITION"][0]
    assert hp == {"type": "HOLDS_POSITION", "source": "李四", "target": "温州市总工会", "properties": {"title": "主席"}}
    assert rec["outcomes"][0]["actor"] == "温州市总工会" and rec["outcomes"][0]["value"] == 5000.0


def test_write_jsonl(tmp_path: Path) -> None:
    out = tmp_path / "x.jsonl"
    assert write_jsonl([_result(), _result()], out) == 2
    lines = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[1])["doc"] == "doc1.txt"
