"""The API's cached reads (search, card, neighbours, paths, who-works-with, collaborators) are
never served after the graph changed: a delete through the API, a document written by
another store object (ingest in another process) and a review decision each show at once."""

from __future__ import annotations

import fixture_graph as fg

from reformkg.graph.dialects import FalkorDialect
from reformkg.graph.ontology import get_ontology
from reformkg.graph.store import GraphStore
from reformkg.graph.writer import build_batch


def _paths(response) -> list | int:
    """The paths, or the status when there are none to ask for (404: an end is gone)."""
    return response.json()["paths"] if response.status_code == 200 else response.status_code


def _reads(client) -> dict:
    ent, union = fg.eid("ent"), fg.eid("union")
    return {
        "search": [i["id"] for i in client.get("/api/entities", params={"q": "东湖"}).json()["items"]],
        "card": client.get(f"/api/entities/{ent}").json()["counts"],
        "d1": sorted(e["id"] for e in client.get(f"/api/entities/{ent}/neighbors").json()["edges"]),
        "d2": sorted(e["id"] for e in client.get(f"/api/entities/{ent}/neighbors", params={"depth": 2}).json()["edges"]),
        "paths": _paths(client.get("/api/paths", params={"source": ent, "target": fg.eid("school")})),
        "works": [p["id"] for p in client.get(f"/api/entities/{ent}/works-with").json()["items"]],
        "collab": [p["id"] for p in client.get(f"/api/entities/{union}/collaborators").json()["items"]],
    }


def _other_store(store) -> GraphStore:
    """The same graph through a connection of its own, as another process reaches it."""
    if isinstance(store.dialect, FalkorDialect):
        sock = store.dialect._db.connection.connection_pool.connection_kwargs["path"]
        return GraphStore(FalkorDialect(store.dialect.graph_name, unix_socket_path=sock), get_ontology())
    return store  # Neo4j: nothing is cached (no graph version), the same store will do


def test_cached_reads_follow_delete_ingest_and_review(write_client, fresh, auth):
    _settings, store = fresh
    first = _reads(write_client)
    assert _reads(write_client) == first  # stable while nothing changes (served from the cache)
    assert isinstance(first["paths"], list) and first["paths"] and first["works"] and "PARTNERS_WITH" in first["card"]

    # a delete through the API: document B held the partnership with the school
    assert write_client.delete(f"/api/documents/{fg.DOC_B}", headers=auth).status_code == 200
    gone = _reads(write_client)
    assert "PARTNERS_WITH" not in gone["card"] and gone["paths"] == 404 and gone["d1"] != first["d1"]
    assert fg.eid("dup") not in gone["search"]

    # an ingest by another process writes it again
    other = _other_store(store)
    other.write_document(build_batch(fg.document_b(get_ontology()), get_ontology()))
    assert _reads(write_client) == first

    # a review decision (reject) through the API
    rel = next(r for r in write_client.get(f"/api/entities/{fg.eid('ent')}").json()["related"]
               if r["rel_type"] == "PARTNERS_WITH")
    assert write_client.post(f"/api/review/facts/{rel['rel_id']}", headers=auth,
                             json={"decision": "reject"}).status_code == 200
    after = _reads(write_client)
    assert "PARTNERS_WITH" not in after["card"] and after["paths"] == []
    if other is not store:
        other.close()
