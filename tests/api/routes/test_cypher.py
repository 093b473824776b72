"""POST /api/cypher (read-only, row cap, errors) and the saved-query catalogue."""

import pytest


def test_cypher_read(client):
    r = client.post("/api/cypher", json={"query": "MATCH (n:Union) RETURN n.name AS name, n"})
    assert r.status_code == 200
    body = r.json()
    assert body["columns"] == ["name", "n"] and body["rows"][0][0] == "临川市总工会"
    assert body["rows"][0][1]["labels"][0] == "Union"  # nodes as plain JSON
    assert body["truncated"] is False and body["row_cap"] == 50


def test_cypher_parameters(client):
    r = client.post("/api/cypher", json={"query": "MATCH (n:Entity) WHERE n.name = $name RETURN n.id",
                                         "parameters": {"name": "赵志远"}})
    assert r.status_code == 200 and len(r.json()["rows"]) == 1


def test_cypher_row_cap_is_reported(client):
    r = client.post("/api/cypher", json={"query": "UNWIND range(1, 500) AS i RETURN i"})
    body = r.json()
    assert len(body["rows"]) == 50 and body["row_cap"] == 50 and body["truncated"] is True
    r = client.post("/api/cypher", json={"query": "UNWIND range(1, 500) AS i RETURN i", "row_cap": 7})
    assert len(r.json()["rows"]) == 7 and r.json()["row_cap"] == 7
    r = client.post("/api/cypher", json={"query": "UNWIND range(1, 500) AS i RETURN i", "row_cap": 10_000})
    assert r.json()["row_cap"] == 50  # never above the server's cap


@pytest.mark.parametrize("query", [
    "CREATE (n:Union {name: 'x'})",
    "MATCH (n:Union) SET n.name = 'x'",
    "MATCH (n:Person) DETACH DELETE n",
    "MERGE (n:Award {id: 'x'}) RETURN n",
])
def test_cypher_writes_are_403(client, query):
    r = client.post("/api/cypher", json={"query": query})
    assert r.status_code == 403
    assert "read-only" in r.json()["message"]
    assert client.post("/api/cypher", json={"query": "MATCH (n:Person) RETURN count(n)"}).json()["rows"] == [[2]]


def test_cypher_bad_query_is_400_with_engine_message(client):
    r = client.post("/api/cypher", json={"query": "MATCH (n RETURN n"})
    assert r.status_code == 400
    assert r.json()["message"].startswith("bad Cypher:") and len(r.json()["message"]) > len("bad Cypher: ")
    assert client.post("/api/cypher", json={"query": ""}).status_code == 422


def test_saved_queries(client):
    pytest.importorskip("reformkg.cypher")
    listed = client.get("/api/queries").json()
    if not listed:
        pytest.skip("no saved queries")
    names = [q["name"] for q in listed]
    assert all(q["cypher"] and q["question"] for q in listed)
    name = names[0]
    r = client.post(f"/api/queries/{name}", json={"parameters": {}})
    assert r.status_code in (200, 400)  # a missing parameter is the engine's 400, never a 5xx
    assert client.post("/api/queries/no_such_query", json={}).status_code == 404


def test_saved_query_runs_read_only(client):
    pytest.importorskip("reformkg.cypher")
    listed = {q["name"]: q for q in client.get("/api/queries").json()}
    if "co_sponsors" not in listed:
        pytest.skip("co_sponsors query not in the catalogue")
    r = client.post("/api/queries/co_sponsors", json={"parameters": {"actor": "临川市总工会"}})
    assert r.status_code == 200, r.text
    assert "临川市人社局" in {row[0] for row in r.json()["rows"]}


def test_cypher_server_side_timeout_is_408(api_settings, loaded):
    from fastapi.testclient import TestClient

    from reformkg.api.main import create_app

    c = TestClient(create_app(api_settings.model_copy(update={"query_timeout_ms": 1}), loaded))
    # each range is within the limit (issue 12); their product runs past the timeout
    r = c.post("/api/cypher", json={"query": "UNWIND range(1, 5000) AS i UNWIND range(1, 4000) AS j "
                                              "WITH i WHERE (i + j) % 7 = 3 RETURN count(i)"})
    assert r.status_code == 408
    assert "timed out" in r.json()["message"]


def test_a_parameter_the_engine_cannot_hold_is_a_client_error(client):
    """2**63 does not fit a 64-bit integer: the Neo4j driver raised OverflowError (a 500)."""
    r = client.post("/api/cypher", json={"query": "RETURN $x AS x", "parameters": {"x": 2 ** 63}})
    assert r.status_code in (200, 400), r.text
    if r.status_code == 400:
        assert "parameter" in r.text.lower()
