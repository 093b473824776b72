"""Curation: merge and split-alias are applied in the graph and survive re-ingest."""

import fixture_graph as fg

from reformkg.graph.curation import Curation
from reformkg.graph.ontology import get_ontology
from reformkg.graph.writer import build_batch


def test_merge_needs_key(client):
    r = client.post("/api/entities/merge", json={"target_id": fg.eid("ent"), "source_ids": [fg.eid("dup")]})
    assert r.status_code == 401


def test_merge_and_reingest(write_client, fresh, auth):
    _settings, store = fresh
    onto = get_ontology()
    ent, dup = fg.eid("ent"), fg.eid("dup")
    r = write_client.post("/api/entities/merge", headers=auth, json={"target_id": ent, "source_ids": [dup]})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["kind"] == "merge" and "东湖精密机械公司" in body["entity"]["aliases"] and body["moved_edges"] >= 2
    assert write_client.get(f"/api/entities/{dup}").status_code == 404
    card = write_client.get(f"/api/entities/{ent}").json()
    assert card["counts"]["LOCATED_IN"] == 1  # dup's LOCATED_IN 东湖区 joined ent's, evidence combined
    located = [x for x in card["related"] if x["rel_type"] == "LOCATED_IN"][0]
    assert located["evidence_count"] == 2
    # re-ingest document B: the decision is re-applied, dup does not come back
    cur = Curation.load(store, onto)
    store.write_document(build_batch(cur.apply(fg.document_b(onto)), onto))
    assert write_client.get(f"/api/entities/{dup}").status_code == 404
    card = write_client.get(f"/api/entities/{ent}").json()
    assert "东湖精密机械公司" in card["aliases"]
    hits = write_client.get("/api/entities", params={"q": "东湖精密机械公司"}).json()["items"]
    assert [h["id"] for h in hits] == [ent]


def test_merge_errors(write_client, auth):
    ent = fg.eid("ent")
    r = write_client.post("/api/entities/merge", headers=auth, json={"target_id": ent, "source_ids": ["ent_nobody"]})
    assert r.status_code == 404
    r = write_client.post("/api/entities/merge", headers=auth, json={"target_id": ent, "source_ids": [fg.eid("school")]})
    assert r.status_code == 422 and "cannot merge" in r.json()["message"]
    r = write_client.post("/api/entities/merge", headers=auth, json={"target_id": ent, "source_ids": [ent]})
    assert r.status_code == 422


def test_split_alias_survives_reingest(write_client, fresh, auth):
    _settings, store = fresh
    onto = get_ontology()
    ent = fg.eid("ent")
    r = write_client.post(f"/api/entities/{ent}/split-alias", headers=auth, json={"alias": "东湖精机"})
    assert r.status_code == 200, r.text
    assert "东湖精机" not in r.json()["entity"]["aliases"]
    cur = Curation.load(store, onto)
    store.write_document(build_batch(cur.apply(fg.document_a(onto)), onto))
    assert "东湖精机" not in write_client.get(f"/api/entities/{ent}").json()["aliases"]
    r = write_client.post(f"/api/entities/{ent}/split-alias", headers=auth, json={"alias": "不是别名"})
    assert r.status_code == 422
    r = write_client.post("/api/entities/ent_nobody/split-alias", headers=auth, json={"alias": "x"})
    assert r.status_code == 404
