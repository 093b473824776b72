"""The overview's figures on the API fixture graph: measures placed on regions through
LOCATED_IN and the `region` property, rolled up by adcode to provinces and cities; a region's
actors; documents by year; the most connected actors by type."""

from __future__ import annotations

import fixture_graph as fg

from reformkg.graph.ontology import get_ontology

ONTO = get_ontology()
DOCS = (fg.document_a(ONTO), fg.document_b(ONTO))
ADCODE = {fg.eid(k): fg.ENTITIES[k][3]["adcode"] for k in ("prov", "city", "dist")}
BY_NAME = {fg.ENTITIES[k][1]: fg.ENTITIES[k][3]["adcode"] for k in ("prov", "city", "dist")}


def _place(entity_id: str) -> str | None:
    """The fixture's own answer: the region an actor is LOCATED_IN, else its region property."""
    for doc in DOCS:
        for f in doc.facts:
            if f.type == "LOCATED_IN" and f.source_id == entity_id:
                return ADCODE[f.target_id]
    key = next(k for k in fg.ENTITIES if fg.eid(k) == entity_id)
    return ADCODE.get(entity_id) or BY_NAME.get(fg.ENTITIES[key][3].get("region"))


def _expected(rel_type: str, level: int) -> dict[str, int]:
    """Distinct relationships of a type per region code cut to `level` digits."""
    seen = {f.id: f for doc in DOCS for f in doc.facts if f.type == rel_type}
    out: dict[str, int] = {}
    for f in seen.values():
        code = _place(f.source_id)
        if code:
            key = code[:level].ljust(6, "0")
            out[key] = out.get(key, 0) + 1
    return out


def test_programmes_by_province_and_city(client):
    body = client.get("/api/overview/regions", params={"measure": "programmes"}).json()
    assert {v["adcode"]: v["value"] for v in body["values"]} == _expected("RUNS", 2)
    prov = fg.ENTITIES["prov"][3]["adcode"]
    cities = client.get("/api/overview/regions", params={"measure": "programmes", "province": prov}).json()
    assert {v["adcode"]: v["value"] for v in cities["values"]} == _expected("RUNS", 4)
    honours = client.get("/api/overview/regions", params={"measure": "honours"}).json()
    assert {v["adcode"]: v["value"] for v in honours["values"]} == _expected("AWARDED", 2)


def test_region_actors_timeline_and_top(client):
    city = fg.ENTITIES["city"][3]["adcode"]
    body = client.get(f"/api/overview/regions/{city}/actors", params={"measure": "programmes"}).json()
    ids = [i["id"] for i in body["items"]]
    assert fg.eid("union") in ids and fg.eid("agency") in ids and fg.eid("ent") in ids  # 东湖区 is in the city
    union = next(i for i in body["items"] if i["id"] == fg.eid("union"))
    runs = {f.id for doc in DOCS for f in doc.facts if f.type == "RUNS" and f.source_id == fg.eid("union")}
    assert union["value"] == len(runs)
    years = client.get("/api/overview/timeline").json()
    assert years["years"] == sorted({d.date[:4] for d in DOCS})
    assert years["documents"] == [sum(d.date.startswith(y) for d in DOCS) for y in years["years"]]
    top = client.get("/api/overview/top", params={"per_type": 1}).json()
    assert set(top) <= set(ONTO.actor_labels) and top["Union"][0]["id"] == fg.eid("union")
    assert client.get("/api/overview/regions", params={"measure": "nope"}).status_code == 422
