"""The relation scorer: candidates from the ontology's endpoint rules, trigger tables as data,
the model file format, and confidence/producer on every fact (composed sentences only)."""

from __future__ import annotations

from reformkg.graph.ontology import get_ontology
from reformkg.ingest import normalise, segment
from reformkg.ingest.document import RawDocument
from reformkg.ingest.extract.relscore.candidates import candidate_types, generate, sentence_mentions
from reformkg.ingest.extract.relscore.component import scored_candidates
from reformkg.ingest.extract.relscore.model import RelationModel, shipped_model
from reformkg.ingest.extract.relscore.triggers import trigger_index
from reformkg.ingest.jsonl import to_record
from reformkg.ingest.pipeline import Pipeline, rule_components

TEXT = ("昌都市总工会与昌都职业技术学院签订校企合作协议。"
        "大赛由昌都市总工会主办，昌都市人社局承办。"
        "昌都市总工会副主席扎西出席会议。")


def _rule_doc(text: str = TEXT):
    doc = segment.segment(normalise.normalise(RawDocument("t.txt", "text/plain", "utf-8", text)))
    return Pipeline(components=rule_components()).extract(doc)


def test_candidates_respect_endpoint_rules_and_sentences() -> None:
    onto = get_ontology()
    doc = _rule_doc()
    cands = generate(doc, onto)
    assert cands, "a sentence with two actors gives candidates"
    for c in cands:
        assert onto.allows(c.type, c.head.label, c.tail.label)
        assert c.head.span.sentence == c.tail.span.sentence == c.sentence or c.sentence >= 0
        assert c.type != "LOCATED_IN"
    sents = sentence_mentions(doc)
    for ms in sents.values():
        assert [m.span.start for m in ms] == sorted(m.span.start for m in ms)


def test_symmetric_types_are_proposed_once_per_pair() -> None:
    onto = get_ontology()
    seen = set()
    for c in generate(_rule_doc(), onto):
        if c.type in onto.symmetric_types:
            key = (c.type, frozenset((id(c.head), id(c.tail))))
            assert key not in seen
            seen.add(key)


def test_trigger_tables_cover_every_candidate_type() -> None:
    idx = trigger_index(candidate_types(get_ontology()))
    for t in candidate_types(get_ontology()):
        assert idx.by_type[t], f"no trigger table for {t}"
    hits = idx.find("由甲单位主办，乙单位承办")
    assert {(h.trigger.type, h.trigger.role) for h in hits if h.trigger.type == "SPONSORS"} >= {("SPONSORS", "主办"),
                                                                                                  ("SPONSORS", "承办")}


def test_model_file_round_trips_and_scores_monotonically() -> None:
    m = RelationModel({"A|x": 2.0, "A|y": -1.0}, -0.5, 0.9, {"rule:r": 0.8}, ("d1",))
    again = RelationModel.from_json(m.to_json())
    assert again == m
    assert again.to_json() == m.to_json()
    assert m.probability(["A|x"]) > m.probability([]) > m.probability(["A|y"])
    assert 0.0 < m.probability(["A|y"] * 100) < 1e-9 + m.probability(["A|y"])


def test_features_name_no_entities() -> None:
    for c, feats in scored_candidates(_rule_doc(), get_ontology()):
        for f in feats:
            assert "昌都" not in f and "扎西" not in f, f


def test_every_fact_has_confidence_and_producer() -> None:
    res = Pipeline().run_text(TEXT, path="t.txt")
    scored = set(get_ontology().scored_types)
    facts = [f for f in res.facts if f.type in scored]
    assert facts
    for f in facts:
        for ev in f.evidence:
            assert 0.0 <= ev.confidence <= 1.0
            assert ev.producer
    rec = to_record(res)
    assert all("confidence" in r and "producer" in r for r in rec["relations"])


def test_shipped_model_is_present_and_valid() -> None:
    m = shipped_model()
    assert m is not None, "the package ships reformkg/ingest/data/relation_model.json"
    assert 0.0 < m.threshold <= 1.0
    assert m.weights and all(isinstance(v, float) for v in m.weights.values())
    assert all(0.0 <= p <= 1.0 for p in m.rule_precision.values())


def test_model_adds_only_the_types_it_is_allowed_to() -> None:
    from reformkg.ingest.extract.relscore.component import apply_model

    onto = get_ontology()
    eager = RelationModel({}, 10.0, 0.5, {}, (), 0.0, ("PARTNERS_WITH",))  # every candidate scores ~1
    doc = apply_model(_rule_doc(), eager, onto)
    added = [rc for rc in doc.relations if rc.producer == "model:relscore"]
    assert added and {rc.type for rc in added} == {"PARTNERS_WITH"}
    assert all(0.5 <= rc.confidence <= 1.0 for rc in added)
    shy = RelationModel({}, 10.0, 0.5, {}, (), 0.0, ())
    assert not [rc for rc in apply_model(_rule_doc(), shy, onto).relations if rc.producer == "model:relscore"]


def test_rule_confidence_blends_rule_precision_and_model() -> None:
    from reformkg.ingest.extract.relscore.component import apply_model

    doc = _rule_doc()
    assert doc.relations, "the composed text gives rule facts"
    sure = RelationModel({}, 30.0, 0.99, {rc.producer: 0.5 for rc in doc.relations}, (), 0.0, ())
    out = apply_model(doc, sure, get_ontology())
    covered = [rc for rc in out.relations if rc.confidence > 0.5]
    assert covered and all(abs(rc.confidence - 0.75) < 1e-3 for rc in covered)
