"""Result conversion: engine objects → GraphNode/GraphEdge/GraphPath with stable ids.

Neo4j: real `neo4j.graph` Node/Relationship/Path objects, built by the driver's own Bolt
hydrator (what a live result holds), converted by a Neo4jDialect whose driver is never
connected. FalkorDB: real client objects from a real embedded query.
"""

from __future__ import annotations

import datetime as dt

import neo4j
import pytest
from neo4j._codec.hydration.bolt.v1.hydration_handler import _GraphHydrator
from neo4j.time import Date, DateTime

from reformkg.graph.dialects import FalkorDialect, Neo4jDialect
from reformkg.graph.records import GraphEdge, GraphNode, GraphPath


@pytest.fixture
def neo() -> Neo4jDialect:
    driver = neo4j.GraphDatabase.driver("bolt://127.0.0.1:9", auth=("neo4j", "x"))  # never connected
    d = Neo4jDialect("bolt://127.0.0.1:9", driver=driver)
    yield d
    d.close()


def test_neo4j_node_edge_path(neo):
    h = _GraphHydrator()
    a = h.hydrate_node(1, ["Person", "Entity"], {"id": "per_a", "name": "甲", "aliases": ["甲某"]}, "4:x:1")
    b = h.hydrate_node(2, ["Union", "Entity"], {"id": "uni_b", "name": "乙工会"}, "4:x:2")
    r = h.hydrate_relationship(10, 1, 2, "HOLDS_POSITION", {"id": "rel_1", "title": "主席", "ev_doc": ["d1"]},
                               "5:x:10", "4:x:1", "4:x:2")
    rel2 = h.hydrate_unbound_relationship(11, "LOCATED_IN", {"id": "rel_2"}, "5:x:11")
    c = h.hydrate_node(3, ["Region", "Entity"], {"id": "reg_c", "name": "丙市"}, "4:x:3")
    path = h.hydrate_path([a, b, c], [r, rel2], [1, 1, 2, 2])
    assert isinstance(path, neo4j.graph.Path) and isinstance(r, neo4j.graph.Relationship)
    rows = neo.convert_rows([[a, r, path, {"k": [b]}, 3, "x", None]])
    node, edge, p, m, i, s, z = rows[0]
    assert node == GraphNode(id="per_a", labels=["Person", "Entity"], props={"id": "per_a", "name": "甲", "aliases": ["甲某"]})
    assert edge == GraphEdge(id="rel_1", type="HOLDS_POSITION", src="per_a", tgt="uni_b",
                             props={"id": "rel_1", "title": "主席", "ev_doc": ["d1"]})
    assert isinstance(p, GraphPath)
    assert [n.id for n in p.nodes] == ["per_a", "uni_b", "reg_c"]
    assert [(e.type, e.src, e.tgt) for e in p.edges] == [("HOLDS_POSITION", "per_a", "uni_b"), ("LOCATED_IN", "uni_b", "reg_c")]
    assert m == {"k": [GraphNode(id="uni_b", labels=["Union", "Entity"], props={"id": "uni_b", "name": "乙工会"})]}
    assert (i, s, z) == (3, "x", None)


def test_neo4j_edge_endpoints_looked_up_when_not_in_result(neo, monkeypatch):
    h = _GraphHydrator()
    r = h.hydrate_relationship(10, 1, 2, "RUNS", {"id": "rel_1"}, "5:x:10", "4:x:1", "4:x:2")
    asked: list[list[str]] = []

    def lookup(keys):  # stands in for the one extra read a live store answers
        asked.append(sorted(keys))
        return {"4:x:1": "uni_a", "4:x:2": "pro_b"}

    monkeypatch.setattr(neo, "_lookup_stable_ids", lookup)
    (edge,), = neo.convert_rows([[r]])
    assert asked == [["4:x:1", "4:x:2"]]
    assert (edge.src, edge.tgt) == ("uni_a", "pro_b")


def test_neo4j_edge_endpoints_hydrated_in_the_result_need_no_lookup(neo, monkeypatch):
    h = _GraphHydrator()
    h.hydrate_node(1, ["Union", "Entity"], {"id": "uni_a", "name": "甲工会"}, "4:x:1")  # seen elsewhere in the record
    r = h.hydrate_relationship(10, 1, 2, "RUNS", {"id": "rel_1"}, "5:x:10", "4:x:1", "4:x:2")
    asked: list[list[str]] = []
    monkeypatch.setattr(neo, "_lookup_stable_ids", lambda keys: asked.append(sorted(keys)) or {"4:x:2": "pro_b"})
    (edge,), = neo.convert_rows([[r]])
    assert asked == [["4:x:2"]]  # only the endpoint without properties is looked up
    assert (edge.src, edge.tgt) == ("uni_a", "pro_b")


def test_neo4j_sessions_read_in_read_mode_and_share_bookmarks(neo):
    # causal consistency on clusters: reads after a write must wait for it (shared bookmarks)
    with neo._session(read=True) as r, neo._session(read=False) as w:
        assert r._config.default_access_mode == neo4j.READ_ACCESS
        assert w._config.default_access_mode == neo4j.WRITE_ACCESS
        assert r._config.bookmark_manager is not None
        assert r._config.bookmark_manager is w._config.bookmark_manager


def test_neo4j_temporal_values_become_iso_strings(neo):
    h = _GraphHydrator()
    n = h.hydrate_node(1, ["Document"], {"id": "doc_1", "date": Date(2023, 5, 1)}, "4:x:1")
    rows = neo.convert_rows([[n, DateTime(2023, 5, 1, 8, 30, 0), dt.date(2020, 11, 6)]])
    assert rows[0][0].props["date"] == "2023-05-01"
    assert rows[0][1].startswith("2023-05-01T08:30:00")
    assert rows[0][2] == "2020-11-06"


def test_neo4j_fulltext_and_ddl_syntax(neo):
    assert neo.fulltext_term(["江苏", "苏省"]) == '"江苏" AND "苏省"'
    assert "db.index.fulltext.queryNodes('fulltext_entity_search_text', $q)" in neo.fulltext_call("Entity", "q")


def test_neo4j_schema_is_idempotent_ddl_then_waits_for_the_indexes(neo, monkeypatch):
    from reformkg.graph import schema
    from reformkg.graph.ontology import get_ontology

    sent: list[str] = []
    monkeypatch.setattr(neo, "_schema", sent.append)
    counts = schema.ensure_schema(neo, get_ontology())
    assert len(sent) == sum(counts.values()) + 1
    assert all(" IF NOT EXISTS " in stmt for stmt in sent[:-1])
    assert sent[-1] == "CALL db.awaitIndexes(300)"  # a populating full-text index cannot be queried


def test_falkordb_objects(embedded_store):
    st = embedded_store
    st.write("CREATE (:Person:Entity {id: 'per_a', name: '甲'})-[:HOLDS_POSITION {id: 'rel_1', title: '主席'}]->"
             "(:Union:Entity {id: 'uni_b', name: '乙'})")
    res = st.read("MATCH p = (a:Person)-[e]->(b) RETURN a, e, p, {x: b} AS m, date('2023-05-01') AS d")
    a, e, p, m, d = res.rows[0]
    assert a == GraphNode(id="per_a", labels=["Person", "Entity"], props={"id": "per_a", "name": "甲"})
    assert (e.id, e.type, e.src, e.tgt) == ("rel_1", "HOLDS_POSITION", "per_a", "uni_b")
    assert [n.id for n in p.nodes] == ["per_a", "uni_b"] and p.edges[0].src == "per_a"
    assert m["x"].id == "uni_b"
    assert d == "2023-05-01"
    assert res.columns == ["a", "e", "p", "m", "d"]
    # an edge alone: its endpoints are looked up by engine id
    (edge,), = st.read("MATCH ()-[e]->() RETURN e").rows
    assert (edge.src, edge.tgt) == ("per_a", "uni_b")
    assert isinstance(st.dialect, FalkorDialect)


def _client_rows(st, query: str, params: dict | None = None) -> list[list]:
    """The rows as the `falkordb` client parses them, converted by the generic `convert_rows`
    (what run_read returned before the one-pass decoder)."""
    res = st.dialect._graph.ro_query(query, params or {})
    return st.dialect.convert_rows([list(r) for r in res.result_set])


def test_falkordb_one_pass_decoder_matches_the_client_parser(embedded_store):
    st = embedded_store
    st.write("CREATE (a:Person:Entity {id: 'per_a', name: '甲\"引号\\\\', aliases: ['甲某', 'A'], score: 0.875, n: 3, "
             "ok: true, no: false, nested: [1, 2.5, 'x']})"
             "-[:HOLDS_POSITION {id: 'rel_1', title: '主席', ev_doc: ['d1', 'd2'], confidence: 1.0}]->"
             "(b:Union:Entity {id: 'uni_b', name: '乙'}), (b)-[:LOCATED_IN {id: 'rel_2'}]->(c:Region:Entity {id: 'reg_c'}), "
             "(c)-[:PART_OF {id: 'rel_self'}]->(c), (:Document {doc_id: 'd1', date: '2023-05-01'})")
    queries = [
        "MATCH (a:Person) RETURN a, a.id, a.aliases, a.score, a.n, a.ok, a.no, a.nested, a.missing",
        "MATCH p = (a:Person)-[e]->(b)-[f]->(c) RETURN a, e, p, {x: b, y: [c, 1, null], z: {w: f}} AS m",
        "MATCH ()-[e]->() RETURN e ORDER BY e.id",  # endpoints not in the result: looked up
        "MATCH (n) RETURN labels(n), properties(n), n {.id, .name, .nope} ORDER BY n.id",
        "MATCH (a)-[r]->(b) RETURN a.id, r.id, type(r), startNode(r) = a, r {.title, .confidence}, "
        "size(coalesce(r.ev_doc, [])), b.id, labels(b), properties(b) ORDER BY r.id",
        "RETURN date('2023-05-01') AS d, localdatetime('2023-05-01T08:30:00') AS t, point({latitude: 1.5, longitude: 2.5}) AS p, "
        "vecf32([1.0, 2.0]) AS v, duration({days: 2}) AS du, 1.0 / 3 AS third, -0.0 AS z, 2.0 ^ 70 AS big, [] AS e, {} AS m",
        "UNWIND $ids AS i MATCH (n:Entity {id: i}) RETURN i, n",
        "MATCH (n:Nothing) RETURN n",
    ]
    for q in queries:
        params = {"ids": ["per_a", "uni_b", "zzz"]} if "$ids" in q else None
        assert st.read(q, params).rows == _client_rows(st, q, params), q
    res = st.read("MATCH (n:Person) RETURN n.name AS name, count(*) AS c")
    assert res.columns == ["name", "c"] and res.rows == [['甲"引号\\', 1]]
    assert st.read("MATCH (n:Entity) RETURN n.id ORDER BY n.id", row_cap=2).truncated


def test_falkordb_raw_reads_report_engine_errors(embedded_store):
    from reformkg.graph.records import CypherError, ReadOnlyViolation

    st = embedded_store
    with pytest.raises(CypherError):
        st.read("MATCH (n RETURN n")
    with pytest.raises(CypherError):  # a run-time error, after rows were produced
        st.read("UNWIND [1, 2, 'a'] AS x RETURN x * 2")
    with pytest.raises(ReadOnlyViolation):
        st.read_only_user_query("CREATE (:Person {id: 'x'})")
    assert st.read("RETURN $s, $l, $m", {"s": 'a"b\\c', "l": [1, "x", None], "m": {"k": [1.5]}}).rows == \
        [['a"b\\c', [1, "x", None], {"k": [1.5]}]]


def test_falkordb_degree_counts_every_relationship_once(embedded_store):
    st = embedded_store
    st.write("CREATE (a:Union:Entity {id: 'uni_a'})-[:PARTNERS_WITH {id: 'r1'}]->(b:Union:Entity {id: 'uni_b'}), "
             "(a)-[:PARTNERS_WITH {id: 'r2'}]->(b), (b)-[:MEMBER_OF {id: 'r3'}]->(a), (a)-[:PART_OF {id: 'r4'}]->(a), "
             "(:Union:Entity {id: 'uni_c'})")
    expr = st.dialect.degree_expr("n")
    rows = st.read(f"MATCH (n:Entity) RETURN n.id, {expr}, indegree(n) + outdegree(n) ORDER BY n.id").rows
    assert rows == [["uni_a", 5, 5], ["uni_b", 3, 3], ["uni_c", 0, 0]]
