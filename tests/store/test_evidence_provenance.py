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


def _copy(i: int, confidence: float = 1.0):
    d = make_doc_result(f"m{i:02d}", sentence=f"第{i}篇：测试市总工会举办“匠心筑梦”技能竞赛。", start=i)
    return _with_confidence(d, confidence, f"p{i}", types=("RUNS", "LOCATED_IN", "HOLDS_POSITION"))


def test_fact_read_in_more_documents_than_the_preview(store, ontology):
    """Past the preview every entry is still there (per document), counted, returned, and
    removed with exactly its document."""
    from reformkg.graph.writer import EV_PREVIEW

    n = EV_PREVIEW + 4
    for i in range(n):
        store.write_document(build_batch(_copy(i, 0.9 if i == n - 1 else 0.5), ontology))
    (rid, docs, confs, _p, best), = _runs(store)
    assert len(docs) == EV_PREVIEW and best == 0.9
    assert store.read("MATCH ()-[e:RUNS]->() RETURN e.evidence_count").scalar() == n
    assert store.read("MATCH ()-[e]->() RETURN count(e)").scalar() == store.stats()["relationships"]
    reader = Reader(store, ontology)
    out = reader.evidence(rid, limit=100)
    assert out["total"] == n and len(out["items"]) == n and out["edge"]["evidence_count"] == n
    assert sorted(i["doc_id"] for i in out["items"]) == [f"m{i:02d}" for i in range(n)]
    assert {i["producer"] for i in out["items"]} == {f"p{i}" for i in range(n)}
    assert all(i["sentence"].endswith("技能竞赛。") and i["start"] >= 0 for i in out["items"])
    # the document holds its fact whether or not it is in the preview
    assert [f["type"] for f in reader.document(f"m{n - 1:02d}")["facts"]].count("RUNS") == 1
    # a time range selects the edge through a document outside the preview
    union = store.read("MATCH (u:Union) RETURN u.id").rows[0][0]
    for i in range(n):
        store.write("MATCH (d:Document {doc_id: $d}) SET d.date = $date",
                    {"d": f"m{i:02d}", "date": "2024-06-01" if i == n - 1 else "2020-01-01"})
    late = reader.neighbourhood(union, since="2024-01-01")
    assert "RUNS" in {e["type"] for e in late["edges"]}
    # removing documents: one outside the preview, then one inside it
    assert store.delete_document(f"m{n - 1:02d}")
    assert store.read("MATCH ()-[e:RUNS]->() RETURN e.evidence_count").scalar() == n - 1
    assert store.delete_document("m00")
    assert store.read("MATCH ()-[e:RUNS]->() RETURN e.evidence_count").scalar() == n - 2
    out = reader.evidence(rid, limit=100)
    assert sorted(i["doc_id"] for i in out["items"]) == [f"m{i:02d}" for i in range(1, n - 1)]
    # re-ingesting a stored document keeps the same entries (its preview entry may move last)
    before = store.read("MATCH ()-[e:RUNS]->() RETURN e.evidence_count, e.ev_doc").rows[0]
    store.write_document(build_batch(_copy(5, 0.5), ontology))
    after = store.read("MATCH ()-[e:RUNS]->() RETURN e.evidence_count, e.ev_doc").rows[0]
    assert after[0] == before[0] and sorted(after[1]) == sorted(before[1])
    store.write_document(build_batch(_copy(n - 2, 0.5), ontology))  # one outside the preview
    assert store.read("MATCH ()-[e:RUNS]->() RETURN e.evidence_count").scalar() == n - 2
    assert len(reader.evidence(rid, limit=100)["items"]) == n - 2
    for i in range(1, n - 1):
        assert store.delete_document(f"m{i:02d}")
    assert store.stats()["relationships"] == 0 and store.stats()["nodes"] == 0
