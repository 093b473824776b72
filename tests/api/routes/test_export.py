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


def test_export_time_filter_matches_the_neighbourhood(client):
    """since/until filter an exported neighbourhood like GET /neighbors; without center: 422."""
    ent = fg.eid("ent")
    for params in ({"since": "2024-01-01"}, {"until": "2023-12-31"}):
        shown = client.get(f"/api/entities/{ent}/neighbors", params={"depth": 1, **params}).json()
        r = client.get("/api/export", params={"format": "json", "center": ent, "depth": 1, **params})
        assert r.status_code == 200
        assert {e["id"] for e in json.loads(r.content)["edges"]} == {e["id"] for e in shown["edges"]}
    everything = json.loads(client.get("/api/export", params={"format": "json", "center": ent, "depth": 1}).content)
    late = json.loads(client.get("/api/export", params={"format": "json", "center": ent, "depth": 1,
                                                         "since": "2024-01-01"}).content)
    assert len(late["edges"]) < len(everything["edges"])
    assert client.get("/api/export", params={"since": "2024-01-01"}).status_code == 422
