"""Evidence provenance over the API: confidence and producer per evidence entry, the
relationship's best confidence, and the min_confidence filter."""

import dataclasses

from fastapi.testclient import TestClient

from reformkg.api.main import create_app
from reformkg.graph.ontology import get_ontology
from reformkg.graph.writer import build_batch
from tests.conftest import make_doc_result


def _scored(result, confidence, producer):
    facts = [dataclasses.replace(f, evidence=[dataclasses.replace(e, confidence=confidence, producer=producer)
                                              for e in f.evidence]) if f.type == "RUNS" else f for f in result.facts]
    return dataclasses.replace(result, facts=facts)


def test_evidence_and_neighbours_carry_confidence(fresh):
    settings, store = fresh
    onto = get_ontology()
    store.write_document(build_batch(_scored(make_doc_result("d1"), 0.35, "model:relations"), onto))
    client = TestClient(create_app(settings, store))
    rid, union = store.read("MATCH (u:Union)-[e:RUNS]->() RETURN e.id, u.id").rows[0]
    body = client.get(f"/api/edges/{rid}/evidence").json()
    assert body["edge"]["confidence"] == 0.35
    assert [(i["confidence"], i["producer"]) for i in body["items"]] == [(0.35, "model:relations")]
    edges = client.get(f"/api/entities/{union}/neighbors").json()["edges"]
    assert {e["type"]: e["confidence"] for e in edges}["RUNS"] == 0.35
    strong = client.get(f"/api/entities/{union}/neighbors", params={"min_confidence": 0.5}).json()["edges"]
    assert "RUNS" not in {e["type"] for e in strong} and strong
    prog = store.read("MATCH (p:Programme) RETURN p.id").rows[0][0]
    paths = client.get("/api/paths", params={"source": union, "target": prog, "max_hops": 1}).json()
    hop = paths["paths"][0]["hops"][0]
    assert hop["edge"]["confidence"] == 0.35 and hop["evidence"][0]["producer"] == "model:relations"
    weak_cut = client.get("/api/paths", params={"source": union, "target": prog, "max_hops": 1,
                                                  "min_confidence": 0.5}).json()
    assert weak_cut["paths"] == []
    assert client.get(f"/api/entities/{union}/neighbors", params={"min_confidence": 1.5}).status_code == 422
