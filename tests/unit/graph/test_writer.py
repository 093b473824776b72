"""build_batch and the write plan: labels from the ontology, umbrella and PilotUnit labels,
props, evidence arrays, symmetric order, MENTIONED_IN, and Cypher carrying values only as
parameters. (What the plan does to a store is in tests/store/test_conformance.py.)"""

from __future__ import annotations

import pytest

from reformkg.graph.model import Entity, Evidence, Fact, GraphBatch, NodeRecord, entity_id, fact_id
from reformkg.graph.store import search_grams
from reformkg.graph.writer import MENTIONED_IN, build_batch, delete_plan, document_write_plan
from tests.conftest import make_doc_result


def test_batch_nodes_and_labels(ontology):
    res = make_doc_result("d1")
    res.entities[2].extra_labels = ["PilotUnit"]  # the region
    batch = build_batch(res, ontology)
    by_id = {n.id: n for n in batch.nodes}
    doc = by_id["doc_d1"]
    assert doc.labels == ["Document"]
    assert doc.props["doc_id"] == "d1" and doc.props["source_key"] == "d1.txt" and doc.props["name"] == "标题 d1"
    union = by_id[entity_id("Union", "测试市总工会")]
    assert union.labels == ["Union", "Entity"]
    assert union.props["name"] == "测试市总工会" and union.props["aliases"] == ["测试市总工会"[-5:]]
    region = by_id[entity_id("Region", "999900")]
    assert region.labels == ["Region", "PilotUnit", "Entity"] and region.props["adcode"] == "999900"
    outcome = next(n for n in batch.nodes if n.labels == ["Outcome"])
    assert outcome.props["value"] == 500.0 and outcome.props["qualifier"] == "余" and outcome.props["year"] == 2023
    assert "Entity" not in outcome.labels


def test_batch_edges_evidence_and_mentions(ontology):
    batch = build_batch(make_doc_result("d1"), ontology)
    types = sorted(e.type for e in batch.edges)
    assert types.count(MENTIONED_IN) == 5  # every node but the Document
    assert {"RUNS", "LOCATED_IN", "HOLDS_POSITION", "REPORTED"} <= set(types)
    runs = next(e for e in batch.edges if e.type == "RUNS")
    assert [(ev.doc_id, ev.start, ev.end) for ev in runs.evidence] == [("d1", 0, 19)]
    union_mention = next(e for e in batch.edges if e.type == MENTIONED_IN and e.src == runs.src)
    assert union_mention.props["count"] == 2 and union_mention.tgt == "doc_d1"
    assert union_mention.evidence == []


def test_pilot_label_refused_on_labels_it_does_not_apply_to(ontology):
    res = make_doc_result("d1")
    res.entities[0].extra_labels = ["PilotUnit"]  # a Union may be a pilot
    res.entities[1].extra_labels = ["PilotUnit"]  # a Programme may not
    labels = {n.id: n.labels for n in build_batch(res, ontology).nodes}
    assert "PilotUnit" in labels[res.entities[0].id] and "PilotUnit" not in labels[res.entities[1].id]


def test_unknown_label_or_type_is_refused(ontology):
    res = make_doc_result("d1")
    res.entities[0].label = "Union) DETACH DELETE (x"
    with pytest.raises(ValueError):
        build_batch(res, ontology)
    res = make_doc_result("d1")
    res.facts[0].type = "RUNS]->() DELETE x //"
    with pytest.raises(ValueError):
        build_batch(res, ontology)


def test_facts_breaking_endpoint_rules_or_outside_the_document_are_dropped(ontology):
    res = make_doc_result("d1")
    u, p = res.entities[0], res.entities[1]
    ev = Evidence("d1", "句", 0, 1)
    res.facts.append(Fact(id=fact_id("LOCATED_IN", p.id, u.id), type="LOCATED_IN", source_id=p.id, target_id=u.id,
                          evidence=[ev]))  # Programme LOCATED_IN Union: not allowed
    res.facts.append(Fact(id=fact_id("RUNS", u.id, "pro_elsewhere"), type="RUNS", source_id=u.id,
                          target_id="pro_elsewhere", evidence=[ev]))
    types = [e.type for e in build_batch(res, ontology).edges if e.type != MENTIONED_IN]
    assert sorted(types) == ["HOLDS_POSITION", "LOCATED_IN", "REPORTED", "RUNS"]


def test_symmetric_facts_put_in_canonical_order(ontology):
    a = Entity(id="ins_zzz", label="Institution", name="乙大学")
    b = Entity(id="ent_aaa", label="Enterprise", name="甲公司")
    fid = fact_id("PARTNERS_WITH", a.id, b.id, symmetric=True)
    fact = Fact(id=fid, type="PARTNERS_WITH", source_id=a.id, target_id=b.id, evidence=[Evidence("d1", "句", 0, 1)])
    res = make_doc_result("d1", extra_entities=[a, b], extra_facts=[fact])
    edge = next(e for e in build_batch(res, ontology).edges if e.type == "PARTNERS_WITH")
    assert (edge.src, edge.tgt) == ("ent_aaa", "ins_zzz")


def test_duplicate_evidence_collapsed_and_props_made_storable(ontology):
    res = make_doc_result("d1")
    ev = res.facts[0].evidence[0]
    res.facts[0].evidence = [ev, ev]
    res.facts[0].props = {"note": {"a": 1}, "years": [2020, 2021], "none": None}
    runs = next(e for e in build_batch(res, ontology).edges if e.type == "RUNS")
    assert len(runs.evidence) == 1
    assert runs.props == {"note": '{"a": 1}', "years": [2020, 2021]}


def test_plan_has_no_values_in_cypher_text(ontology):
    res = make_doc_result("d1", union="注入'}) DETACH DELETE n //市总工会")
    batch = build_batch(res, ontology)
    plan = document_write_plan(batch, ontology, olds=["old1"], existed=True)
    text = "\n".join(plan.segments)
    assert "注入" not in text and "d1" not in text and "old1" not in text
    assert plan.params["olds"] == ["old1"] and plan.params["doc_id"] == "d1"
    assert any("DETACH DELETE o" in s for s in plan.segments)  # the clean-up ran because of olds
    fresh = document_write_plan(batch, ontology, olds=[], existed=False)
    assert not any("DETACH DELETE" in s for s in fresh.segments)
    assert delete_plan("x").params["olds"] == ["x"]


def test_batch_without_document_node_is_refused(ontology):
    batch = GraphBatch(doc_id="d", source_key="k", nodes=[NodeRecord(id="uni_x", labels=["Union", "Entity"], props={})])
    with pytest.raises(ValueError):
        document_write_plan(batch, ontology, olds=[], existed=False)


def test_search_grams():
    assert search_grams("江苏省总工会") == ["江苏", "苏省", "省总", "总工", "工会"]
    assert search_grams("SK海力士") == ["sk", "k海", "海力", "力士"]
    assert search_grams("“英才”") == ["英才"]
    assert search_grams("省") == []
    assert search_grams("a-b") == []
