"""Every fact names its producer and carries a confidence: relation rules and the scorer in
extraction, and the resolver's own facts — LOCATED_IN read from a region written in the
organisation's name or from context (with the precision `reformkg train` measured for that
producer), PART_OF from the gazetteer."""

from __future__ import annotations

from reformkg.graph.vocab import Rel
from reformkg.ingest.extract.relscore.model import shipped_model
from reformkg.ingest.pipeline import Pipeline
from reformkg.ingest.resolve.facts import PRODUCER_CONTEXT, PRODUCER_GAZETTEER, PRODUCER_NAME


def _facts(text: str):
    result = Pipeline().run_text(text, path="t.txt")
    names = {e.id: e.name for e in result.entities}
    return [(f.type, names.get(f.source_id), names.get(f.target_id), f.evidence[0]) for f in result.facts if f.evidence]


def test_located_in_names_how_it_was_read_with_the_measured_precision():
    text = "台州市地处浙江省中部。近日，台州市总工会与台州精工机械有限公司签订协议。"
    got = [(t, s, o, ev) for t, s, o, ev in _facts(text) if t == Rel.LOCATED_IN]
    assert got, "no LOCATED_IN read"
    model = shipped_model()
    for _, _, _, ev in got:
        assert ev.producer in (PRODUCER_NAME, PRODUCER_CONTEXT)
        assert ev.confidence == round(model.rule_precision[ev.producer], 4)
        assert 0 < ev.confidence < 1


def test_part_of_comes_from_the_gazetteer():
    text = "河南省郑州市总工会在郑州市召开会议，河南省总工会出席。"
    part_of = [ev for t, _, _, ev in _facts(text) if t == Rel.PART_OF]
    assert part_of and all(ev.producer == PRODUCER_GAZETTEER for ev in part_of)


def test_every_fact_of_a_document_has_a_named_producer_and_a_confidence():
    text = "由甲省总工会主办、乙市总工会承办的“金锤杯”焊工技能大赛在乙市举行。张某华获得一等奖。"
    for _, _, _, ev in _facts(text):
        assert ev.producer != "rules" and ev.producer
        assert 0 <= ev.confidence <= 1
