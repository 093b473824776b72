"""GET /api/paths: shortest undirected paths with evidence on each hop."""

import fixture_graph as fg


def test_paths_with_evidence(client):
    r = client.get("/api/paths", params={"source": fg.eid("chair"), "target": fg.eid("agency")})
    assert r.status_code == 200
    body = r.json()
    assert body["paths"], body
    p = body["paths"][0]
    assert p["length"] == 2 and p["nodes"][0]["id"] == fg.eid("chair") and p["nodes"][-1]["id"] == fg.eid("agency")
    hop = p["hops"][0]
    assert hop["edge"]["type"] == "HOLDS_POSITION"
    ev = hop["evidence"][0]
    assert ev["before"] + ev["match"] + ev["after"] == ev["sentence"]
    assert "赵志远" in ev["match"] and "临川市总工会" in ev["match"]
    assert ev["document"]["title"] == "临川市产改工作综述"


def test_paths_max_hops_and_types(client):
    a, b = fg.eid("chair"), fg.eid("school")
    assert client.get("/api/paths", params={"source": a, "target": b, "max_hops": 2}).json()["paths"] == []
    assert client.get("/api/paths", params={"source": a, "target": b, "max_hops": 6}).json()["paths"]
    only = client.get("/api/paths", params={"source": a, "target": b, "rel_types": ["HOLDS_POSITION"]}).json()
    assert only["paths"] == []
    assert client.get("/api/paths", params={"source": a, "target": b, "max_hops": 99}).status_code == 422


def test_paths_unknown_404(client):
    r = client.get("/api/paths", params={"source": fg.eid("chair"), "target": "per_nobody"})
    assert r.status_code == 404
    assert client.get("/api/paths", params={"source": fg.eid("chair")}).status_code == 422
