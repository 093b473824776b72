"""GET /api/export: GraphML, GEXF and JSON of a filtered subgraph."""

import io
import json

import fixture_graph as fg
import networkx as nx


def test_export_graphml_roundtrip(client):
    r = client.get("/api/export", params={"format": "graphml"})
    assert r.status_code == 200 and "graphml" in r.headers["content-type"]
    g = nx.read_graphml(io.BytesIO(r.content))
    assert g.nodes[fg.eid("union")]["name"] == "临川市总工会"
    assert g.number_of_edges() == 15  # every relationship but MENTIONED_IN
    assert r.headers["x-truncated"] == "false"


def test_export_gexf(client):
    r = client.get("/api/export", params={"format": "gexf", "labels": ["Region"]})
    assert r.status_code == 200
    g = nx.read_gexf(io.BytesIO(r.content))
    assert g.number_of_nodes() == 3 and g.number_of_edges() == 2


def test_export_json_center(client):
    r = client.get("/api/export", params={"format": "json", "center": fg.eid("chair"), "depth": 1})
    data = json.loads(r.content)
    assert {n["id"] for n in data["nodes"]} == {fg.eid("chair"), fg.eid("union")}
    assert data["edges"][0]["type"] == "HOLDS_POSITION"


def test_export_limit_and_errors(client):
    r = client.get("/api/export", params={"format": "json", "limit": 2})
    assert len(json.loads(r.content)["edges"]) == 2 and r.headers["x-truncated"] == "true"
    assert client.get("/api/export", params={"format": "csv"}).status_code == 422
    assert client.get("/api/export", params={"center": "per_nobody"}).status_code == 404
