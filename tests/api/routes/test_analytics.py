"""Centrality and communities (networkx on the filtered graph)."""

import pytest


@pytest.mark.parametrize("metric", ["degree", "betweenness", "pagerank"])
def test_centrality(client, metric):
    r = client.get("/api/analytics/centrality", params={"metric": metric, "limit": 5})
    assert r.status_code == 200
    body = r.json()
    assert body["metric"] == metric and len(body["items"]) == 5
    scores = [i["score"] for i in body["items"]]
    assert scores == sorted(scores, reverse=True)
    assert all(i["labels"][0] != "Document" for i in body["items"])  # MENTIONED_IN left out


def test_centrality_degree_top_and_label(client):
    body = client.get("/api/analytics/centrality", params={"metric": "degree"}).json()
    assert body["items"][0]["name"] == "临川市总工会"
    body = client.get("/api/analytics/centrality", params={"label": "Person"}).json()
    assert {i["name"] for i in body["items"]} == {"赵志远", "钱小梅"}
    assert client.get("/api/analytics/centrality", params={"metric": "closeness"}).status_code == 422


def test_centrality_filtered_graph(client):
    body = client.get("/api/analytics/centrality", params={"rel_types": ["PART_OF"]}).json()
    assert body["nodes"] == 3 and body["edges"] == 2


def test_communities(client):
    body = client.get("/api/analytics/communities").json()
    assert body["communities"]
    members = [{m["name"] for m in c["members"]} for c in body["communities"]]
    assert any({"临川市总工会", "临川市人社局"} <= m for m in members)
    assert all(c["size"] >= 2 for c in body["communities"])


def test_analytics_cache_belongs_to_the_app(fresh):
    """No module-level cache: a new app on the same store sees what was written since."""
    from fastapi.testclient import TestClient

    import fixture_graph as fg
    from reformkg.api.main import create_app
    from reformkg.graph.ontology import get_ontology
    from reformkg.graph.writer import build_batch

    settings, store = fresh
    onto = get_ontology()
    store.write_document(build_batch(fg.document_a(onto), onto))
    first = TestClient(create_app(settings, store)).get("/api/analytics/centrality").json()
    store.write_document(build_batch(fg.document_b(onto), onto))
    second = TestClient(create_app(settings, store)).get("/api/analytics/centrality").json()
    assert second["edges"] > first["edges"]
