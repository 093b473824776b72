"""Evidence provenance in the store: each evidence entry keeps the confidence and producer of
the rule or model that read the fact; the relationship carries its best confidence; facts
below the store's min_confidence are not written."""

from __future__ import annotations

import dataclasses

from reformkg.config import Settings
from reformkg.graph.model import Evidence
from reformkg.graph.queries import Reader
from reformkg.graph.store import open_store
from reformkg.graph.writer import build_batch
from tests.conftest import make_doc_result


def _with_confidence(result, confidence: float, producer: str, types=("RUNS",)):
    """The result with the evidence of facts of `types` re-scored."""
    facts = [dataclasses.replace(f, evidence=[dataclasses.replace(e, confidence=confidence, producer=producer)
                                              for e in f.evidence]) if f.type in types else f
             for f in result.facts]
    return dataclasses.replace(result, facts=facts)


def _runs(store):
    return store.read("MATCH (:Union)-[e:RUNS]->() RETURN e.id, e.ev_doc, e.ev_confidence, e.ev_producer, "
                      "e.confidence").rows


def test_confidence_and_producer_stored_per_entry(store, ontology):
    store.write_document(build_batch(_with_confidence(make_doc_result("d1"), 0.6, "model:relations-v1"), ontology))
    d2 = make_doc_result("d2", sentence="另一句：测试市总工会举办“匠心筑梦”技能竞赛。", start=7)
    store.write_document(build_batch(_with_confidence(d2, 0.9, "rule:runs_trigger"), ontology))
    (rid, docs, confs, producers, best), = _runs(store)
    by_doc = {d: (c, p) for d, c, p in zip(docs, confs, producers)}
    assert by_doc == {"d1": (0.6, "model:relations-v1"), "d2": (0.9, "rule:runs_trigger")}
    assert best == 0.9
    # the evidence read returns them per entry, and the relationship's best confidence
    out = Reader(store, ontology).evidence(rid)
    assert {(i["doc_id"], i["confidence"], i["producer"]) for i in out["items"]} == {
        ("d1", 0.6, "model:relations-v1"), ("d2", 0.9, "rule:runs_trigger")}
    assert out["edge"]["confidence"] == 0.9
    # removing the confident document leaves the other entry and lowers the best confidence
    assert store.delete_document("d2")
    (_rid, docs, confs, producers, best), = _runs(store)
    assert docs == ["d1"] and confs == [0.6] and producers == ["model:relations-v1"] and best == 0.6


def test_reingest_with_new_confidence_replaces_the_entry(store, ontology):
    store.write_document(build_batch(_with_confidence(make_doc_result("d1"), 0.4, "rules"), ontology))
    store.write_document(build_batch(_with_confidence(make_doc_result("d1"), 0.8, "rules"), ontology))
    (_rid, docs, confs, _p, best), = _runs(store)
    assert docs == ["d1"] and confs == [0.8] and best == 0.8


def test_default_evidence_is_rules_at_full_confidence(store, ontology):
    store.write_document(build_batch(make_doc_result("d1"), ontology))
    (_rid, docs, confs, producers, best), = _runs(store)
    assert confs == [Evidence("x", "", 0, 0).confidence] and producers == [Evidence("x", "", 0, 0).producer]
    assert best == confs[0]


def test_min_confidence_skips_weak_facts(embedded_data_dir, ontology):
    settings = Settings(data_dir=embedded_data_dir, graph_name="t_minconf", min_confidence=0.5)
    store = open_store(settings, ontology)
    try:
        store.clear()
        store.ensure_schema()
        result = _with_confidence(make_doc_result("d1"), 0.3, "model:weak")
        store.write_document(build_batch(result, ontology))
        types = store.stats()["types"]
        assert "RUNS" not in types  # below the threshold: not written
        assert types["LOCATED_IN"] == 1 and types["HOLDS_POSITION"] == 1  # the others (1.0) are
        # a second document reading the fact confidently writes it, with only that entry
        d2 = make_doc_result("d2", sentence="另一句：测试市总工会举办“匠心筑梦”技能竞赛。", start=7)
        store.write_document(build_batch(_with_confidence(d2, 0.7, "model:strong"), ontology))
        (_rid, docs, confs, _p, best), = _runs(store)
        assert docs == ["d2"] and confs == [0.7] and best == 0.7
    finally:
        store.clear()
        store.close()


def test_min_confidence_filter_in_reads(store, ontology):
    store.write_document(build_batch(_with_confidence(make_doc_result("d1"), 0.3, "model:weak"), ontology))
    reader = Reader(store, ontology)
    union = store.read("MATCH (u:Union) RETURN u.id").rows[0][0]
    all_types = {e["type"] for e in reader.neighbourhood(union)["edges"]}
    assert "RUNS" in all_types
    strong = reader.neighbourhood(union, min_confidence=0.5)
    assert "RUNS" not in {e["type"] for e in strong["edges"]} and "LOCATED_IN" in {e["type"] for e in strong["edges"]}
    for e in reader.neighbourhood(union)["edges"]:
        assert e["confidence"] == (0.3 if e["type"] == "RUNS" else 1.0)
    prog = store.read("MATCH (p:Programme) RETURN p.id").rows[0][0]
    assert reader.paths(union, prog)["paths"]
    assert not reader.paths(union, prog, max_hops=1, min_confidence=0.5)["paths"]
