"""Backend conformance: the same behaviour on every configured store (embedded FalkorDB always,
Neo4j when REFORMKG_TEST_NEO4J_URI is set): ingest, idempotent re-ingest, new version, delete,
atomicity under an injected failure, search, neighbours, paths, read-only enforcement, timeouts."""

from __future__ import annotations

import pytest

from reformkg.graph.model import Entity, Evidence, Fact, NodeRecord, entity_id, fact_id
from reformkg.graph.records import CypherError, GraphEdge, GraphNode, GraphPath, QueryTimeout, ReadOnlyViolation
from reformkg.graph.writer import build_batch, document_write_plan
from tests.conftest import make_doc_result


def _counts(store):
    s = store.stats()
    return s["nodes"], s["relationships"], s["labels"], s["types"]


def _write(store, ontology, result):
    return store.write_document(build_batch(result, ontology))


def test_ingest_writes_every_part(store, ontology):
    summary = _write(store, ontology, make_doc_result("d1"))
    assert summary.nodes_created == 6  # Document, Union, Programme, Region, Person, Outcome
    nodes, rels, labels, types = _counts(store)
    assert nodes == 6
    assert labels["Entity"] == 4 and labels["Document"] == 1 and labels["Outcome"] == 1
    assert types == {"RUNS": 1, "LOCATED_IN": 1, "HOLDS_POSITION": 1, "REPORTED": 1, "MENTIONED_IN": 5}
    doc = store.read("MATCH (d:Document {doc_id: 'd1'}) RETURN d").rows[0][0]
    assert isinstance(doc, GraphNode) and doc.props["source_key"] == "d1.txt" and doc.props["date"] == "2023-05-01"
    edge = store.read("MATCH (:Union)-[e:RUNS]->(:Programme) RETURN e").rows[0][0]
    assert isinstance(edge, GraphEdge)
    assert edge.src.startswith("uni_") and edge.tgt.startswith("pro_")
    assert edge.props["ev_doc"] == ["d1"] and edge.props["evidence_count"] == 1
    assert edge.props["ev_sentence"] == ["测试市总工会举办“匠心筑梦”技能竞赛。"]
    assert edge.props["ev_start"] == [0] and edge.props["ev_end"] == [19]


def test_same_fact_in_two_documents_is_one_edge_with_two_evidence_entries(store, ontology):
    _write(store, ontology, make_doc_result("d1"))
    _write(store, ontology, make_doc_result("d2", sentence="另一句：测试市总工会举办“匠心筑梦”技能竞赛。", start=7))
    rows = store.read("MATCH (:Union)-[e:RUNS]->() RETURN e.ev_doc, e.ev_start, e.evidence_count").rows
    assert len(rows) == 1
    ev_doc, ev_start, count = rows[0]
    assert sorted(zip(ev_doc, ev_start)) == [("d1", 0), ("d2", 7)] and count == 2
    assert store.stats()["documents"] == 2


def test_reingest_is_idempotent(store, ontology):
    _write(store, ontology, make_doc_result("d1"))
    _write(store, ontology, make_doc_result("d2", union="另一个区总工会"))
    before = _counts(store)
    evidence = store.read("MATCH ()-[e]->() WHERE e.ev_doc IS NOT NULL RETURN e.id, e.ev_doc ORDER BY e.id").rows
    summary = _write(store, ontology, make_doc_result("d1"))
    assert summary.nodes_created == 0 and summary.relationships_created == 0
    assert summary.nodes_deleted == 0 and summary.relationships_deleted == 0
    assert _counts(store) == before
    assert store.read("MATCH ()-[e]->() WHERE e.ev_doc IS NOT NULL RETURN e.id, e.ev_doc ORDER BY e.id").rows == evidence


def test_aliases_are_unioned_across_documents(store, ontology):
    a = make_doc_result("d1")
    b = make_doc_result("d2")
    b.entities[0].aliases = ["测试总工会"]
    _write(store, ontology, a)
    _write(store, ontology, b)
    aliases = store.read("MATCH (u:Union) RETURN u.aliases").rows[0][0]
    assert set(aliases) == {"测试市总工会"[-5:], "测试总工会"}


def test_new_version_replaces_what_the_old_version_alone_supported(store, ontology):
    _write(store, ontology, make_doc_result("d1", "a.txt"))  # with person + HOLDS_POSITION
    _write(store, ontology, make_doc_result("other", "b.txt", person=None))  # supports RUNS/LOCATED_IN too
    summary = _write(store, ontology, make_doc_result("d1v2", "a.txt", person=None, region=("新测试县", "999901")))
    assert summary.replaced == ["d1"]
    docs = {r[0] for r in store.read("MATCH (d:Document) RETURN d.doc_id").rows}
    assert docs == {"other", "d1v2"}
    # the person and its post were only in the old version: gone
    assert store.read("MATCH (p:Person) RETURN count(p)").scalar() == 0
    assert store.read("MATCH ()-[e:HOLDS_POSITION]->() RETURN count(e)").scalar() == 0
    # RUNS was read in both: it stays, without the old version's evidence
    ev = store.read("MATCH ()-[e:RUNS]->() RETURN e.ev_doc, e.evidence_count").rows
    assert len(ev) == 1 and sorted(ev[0][0]) == ["d1v2", "other"] and ev[0][1] == 2
    # the old region is still supported by "other"; the new region exists
    regions = {r[0] for r in store.read("MATCH (r:Region) RETURN r.name").rows}
    assert regions == {"测试市", "新测试县"}
    # no evidence anywhere points to the old version, no edge without evidence
    assert store.read("MATCH ()-[e]->() WHERE 'd1' IN e.ev_doc RETURN count(e)").scalar() == 0
    assert store.read("MATCH ()-[e]->() WHERE e.evidence_count = 0 RETURN count(e)").scalar() == 0
    assert store.read("MATCH (n)-[:MENTIONED_IN]->(d:Document {doc_id: 'd1'}) RETURN count(n)").scalar() == 0


def test_reingest_after_extraction_changed_drops_stale_evidence(store, ontology):
    _write(store, ontology, make_doc_result("d1"))
    _write(store, ontology, make_doc_result("d1", person=None))  # same doc_id, the person no longer extracted
    assert store.read("MATCH (p:Person) RETURN count(p)").scalar() == 0
    assert store.read("MATCH ()-[e:HOLDS_POSITION]->() RETURN count(e)").scalar() == 0
    assert store.stats()["documents"] == 1


def test_gazetteer_edges_without_evidence_survive_reingest(store, ontology):
    parent = Entity(id=entity_id("Region", "999800"), label="Region", name="测试省", props={"level": "province"})
    child_id = entity_id("Region", "999900")
    part = Fact(id=fact_id("PART_OF", child_id, parent.id), type="PART_OF", source_id=child_id, target_id=parent.id)
    doc = make_doc_result("d1", extra_entities=[parent], extra_facts=[part])
    _write(store, ontology, doc)
    before = _counts(store)
    assert store.read("MATCH ()-[e:PART_OF]->() RETURN e.evidence_count").rows == [[0]]
    _write(store, ontology, doc)
    assert _counts(store) == before
    _write(store, ontology, make_doc_result("d2", "d1.txt", extra_entities=[parent], extra_facts=[part]))
    assert _counts(store) == before  # a new version bringing the same containment
    assert store.delete_document("d2")
    assert store.stats()["nodes"] == 0


def test_delete_document(store, ontology):
    _write(store, ontology, make_doc_result("d1"))
    _write(store, ontology, make_doc_result("d2", person="李另外"))
    assert store.delete_document("d1") is True
    assert store.delete_document("d1") is False
    assert {r[0] for r in store.read("MATCH (p:Person) RETURN p.name").rows} == {"李另外"}
    ev = store.read("MATCH ()-[e:RUNS]->() RETURN e.ev_doc").rows
    assert ev == [[["d2"]]]
    assert store.delete_document("d2") is True
    assert store.stats()["nodes"] == 0 and store.stats()["relationships"] == 0


def test_failed_document_write_leaves_nothing(store, ontology):
    _write(store, ontology, make_doc_result("d1"))
    before = _counts(store)
    batch = build_batch(make_doc_result("bad", union="坏的市总工会", person="赵失败"), ontology)
    plan = document_write_plan(batch, ontology, olds=[], existed=False)
    # inject a failure after most of the document has been written: a conflicting node id
    # violates the unique constraint on Entity.id in the last segment
    dup = batch.nodes[1].id
    plan.segments.append(f"CREATE (x:Award:Entity {{id: '{dup}', name: 'dup'}})")
    with pytest.raises(CypherError):
        store.dialect.run_atomic(plan.segments, plan.params)
    assert _counts(store) == before
    assert store.read("MATCH (d:Document {doc_id: 'bad'}) RETURN count(d)").scalar() == 0
    assert store.read("MATCH (p:Person {name: '赵失败'}) RETURN count(p)").scalar() == 0


def test_failed_write_through_write_document(store, ontology):
    first = make_doc_result("d1")
    _write(store, ontology, first)
    before = _counts(store)
    batch = build_batch(make_doc_result("bad", union="坏的市总工会", person="赵失败"), ontology)
    # an Award node whose id collides with the stored union: the unique constraint on Entity.id
    # fails the write after the Document and other nodes were merged
    batch.nodes.append(NodeRecord(id=first.entities[0].id, labels=["Award", "Entity"], props={"name": "冲突"}))
    with pytest.raises(CypherError):
        store.write_document(batch)
    assert _counts(store) == before
    assert store.read("MATCH (p:Person {name: '赵失败'}) RETURN count(p)").scalar() == 0


def test_search(store, ontology):
    _write(store, ontology, make_doc_result("d1"))
    _write(store, ontology, make_doc_result("d2", union="江测省总工会", programme="“金蓝领”培训工程", person=None,
                                            region=("江测省", "990000")))
    import time

    for _ in range(50):  # full-text index builds are asynchronous on FalkorDB
        nodes, total = store.search("总工会")
        if total >= 2:
            break
        time.sleep(0.1)
    assert {n.props["name"] for n in nodes} == {"测试市总工会", "江测省总工会"}
    nodes, total = store.search("江测省")
    assert nodes[0].props["name"] == "江测省"  # exact name first
    assert "江测省总工会" in {n.props["name"] for n in nodes}
    nodes, total = store.search("江测", labels=["Union"])
    assert [n.props["name"] for n in nodes] == ["江测省总工会"]
    nodes, total = store.search("匠")  # one character: CONTAINS fallback
    assert [n.props["name"] for n in nodes] == ["“匠心筑梦”技能竞赛"]
    nodes, total = store.search("金蓝领")
    assert [n.props["name"] for n in nodes] == ["“金蓝领”培训工程"]
    assert store.search("完全无关词")[1] == 0
    page, total = store.search("总工会", limit=1, offset=1)
    assert len(page) == 1 and total == 2


def test_candidates(store, ontology):
    _write(store, ontology, make_doc_result("d1"))
    cands = store.candidates("Union", "测试市总工会")
    assert len(cands) == 1 and cands[0]["name"] == "测试市总工会"
    assert store.candidates("Union", "测试市总工会"[-5:])[0]["id"] == cands[0]["id"]  # by alias
    person = store.candidates("Person", "王测试")[0]
    assert person["positions"] == [{"title": "主席", "org": "测试市总工会", "org_id": cands[0]["id"]}]
    assert store.candidates("Union", "不存在") == []


def test_neighbours_and_paths(store, ontology):
    _write(store, ontology, make_doc_result("d1"))
    uid = entity_id("Union", "测试市总工会")
    pid = entity_id("Person", "王测试")
    rid = entity_id("Region", "999900")
    rows = store.read("MATCH (n:Entity {id: $id})-[e]-(m) WHERE type(e) <> 'MENTIONED_IN' RETURN m.id, type(e) ORDER BY m.id",
                      {"id": uid}).rows
    assert {r[0] for r in rows} == {pid, rid, entity_id("Programme", "“匠心筑梦”技能竞赛"),
                                   [r[0] for r in rows if r[0].startswith("out_")][0]}
    res = store.read("MATCH (a {id: $a}), (b {id: $b}) WITH a, b "
                     "MATCH p = allShortestPaths((a)-[*..6]-(b)) WHERE none(x IN relationships(p) WHERE type(x) = 'MENTIONED_IN') "
                     "RETURN p", {"a": pid, "b": rid})
    path = res.rows[0][0]
    assert isinstance(path, GraphPath)
    assert [n.id for n in path.nodes] == [pid, uid, rid]
    assert [e.type for e in path.edges] == ["HOLDS_POSITION", "LOCATED_IN"]
    assert path.edges[0].src == pid and path.edges[0].tgt == uid


def test_edge_endpoints_resolved_without_nodes_in_result(store, ontology):
    _write(store, ontology, make_doc_result("d1"))
    edge = store.read("MATCH ()-[e:HOLDS_POSITION]->() RETURN e").rows[0][0]
    assert edge.src == entity_id("Person", "王测试") and edge.tgt == entity_id("Union", "测试市总工会")


def test_symmetric_fact_stored_once_in_canonical_order(store, ontology):
    a = Entity(id=entity_id("Institution", "测试大学"), label="Institution", name="测试大学")
    b = Entity(id=entity_id("Enterprise", "测试公司"), label="Enterprise", name="测试公司")
    hi, lo = sorted([a.id, b.id], reverse=True)
    ev = Evidence("d1", "测试大学与测试公司签约。", 0, 12)
    facts = [Fact(id=fact_id("PARTNERS_WITH", hi, lo, symmetric=True), type="PARTNERS_WITH", source_id=hi, target_id=lo,
                  evidence=[ev])]
    _write(store, ontology, make_doc_result("d1", extra_entities=[a, b], extra_facts=facts))
    rows = store.read("MATCH (x)-[e:PARTNERS_WITH]->(y) RETURN x.id, y.id").rows
    assert rows == [[lo, hi]]


def test_read_only_user_query_refuses_writes(store, ontology):
    _write(store, ontology, make_doc_result("d1"))
    before = _counts(store)
    for q in ["CREATE (n:Person {id: 'x', name: 'x'})", "MATCH (n:Person) SET n.name = 'y'",
              "MATCH (n) DETACH DELETE n", "MERGE (n:Award {id: 'z'}) RETURN n"]:
        with pytest.raises(ReadOnlyViolation):
            store.read_only_user_query(q)
    assert _counts(store) == before
    res = store.read_only_user_query("MATCH (n:Person) RETURN n.name AS name", {})
    assert res.columns == ["name"] and res.rows == [["王测试"]]


def test_bad_cypher_raises_engine_message(store):
    with pytest.raises(CypherError) as err:
        store.read_only_user_query("MATCH (n RETURN n")
    assert str(err.value)


def test_row_cap_truncates(store, ontology):
    _write(store, ontology, make_doc_result("d1"))
    res = store.read_only_user_query("MATCH (n) RETURN n.id", row_cap=2)
    assert len(res.rows) == 2 and res.truncated
    res = store.read_only_user_query("MATCH (n) RETURN n.id", row_cap=100)
    assert len(res.rows) == 6 and not res.truncated


def test_timeout(store):
    with pytest.raises(QueryTimeout):
        store.read_only_user_query(
            "UNWIND range(1, 3000) AS x UNWIND range(1, 3000) AS y WITH x, y WHERE (x * y) % 7 = 3 RETURN count(*)",
            timeout_ms=20)


def test_ensure_schema_is_idempotent(store, ontology):
    first = store.ensure_schema(ontology)
    assert store.ensure_schema(ontology) == first


def test_samples_through_the_real_pipeline(loaded_store, ontology):
    """The sample corpus via Pipeline → build_batch → write_document: every relationship but
    MENTIONED_IN carries consistent evidence pointing at stored documents, and ingesting the
    same files again changes nothing."""
    from reformkg.graph.writer import build_batch
    from reformkg.ingest.loaders import iter_paths
    from reformkg.ingest.pipeline import Pipeline
    from tests.conftest import SAMPLES

    st = loaded_store
    before = _counts(st)
    assert before[0] > 0 and st.stats()["documents"] >= 1
    from reformkg.ingest.loaders import load

    # evidence offsets point into the text as stored (the source text of the file)
    docs = {r[0]: len(load(r[1]).source_text) for r in st.read("MATCH (d:Document) RETURN d.doc_id, d.path").rows}
    rows = st.read("MATCH ()-[e]->() WHERE type(e) <> 'MENTIONED_IN' "
                   "RETURN type(e), e.ev_doc, e.ev_sentence, e.ev_start, e.ev_end, e.evidence_count").rows
    assert rows
    for rel, ev_doc, ev_sent, ev_start, ev_end, count in rows:
        assert count == len(ev_doc) == len(ev_sent) == len(ev_start) == len(ev_end), rel
        assert count >= 1 or rel == "PART_OF", rel  # containment may come from the gazetteer alone
        for d, s, e in zip(ev_doc, ev_start, ev_end):
            assert d in docs and 0 <= s <= e <= docs[d], (rel, d, s, e)
    orphans = st.read("MATCH (n) WHERE NOT n:Document AND NOT (n)-[:MENTIONED_IN]->() RETURN count(n)").scalar()
    assert orphans == 0
    pipe = Pipeline(ontology=ontology, identity=st)
    for p in iter_paths([SAMPLES]):
        summary = st.write_document(build_batch(pipe.run_file(p), ontology))
        assert summary.nodes_created == summary.nodes_deleted == 0, p
    assert _counts(st) == before


# ---- the application's reads (graph/queries.py) on every store ---------------------------------


def _reader(store, ontology):
    from reformkg.graph.queries import Reader

    return Reader(store, ontology)


def _two_docs(store, ontology):
    _write(store, ontology, make_doc_result("d1"))
    _write(store, ontology, make_doc_result("d2", person="李另外", sentence="另一句测试市总工会举办“匠心筑梦”技能竞赛。", start=3))
    return entity_id("Union", "测试市总工会"), entity_id("Person", "王测试"), entity_id("Region", "999900")


def test_reader_search_and_card(store, ontology):
    uid, pid, _rid = _two_docs(store, ontology)
    r = _reader(store, ontology)
    found = r.search("总工会")
    assert [i["id"] for i in found["items"]] == [uid] and found["total"] == 1
    card = r.card(uid)
    assert card["id"] == uid and card["name"] == "测试市总工会"
    assert {p["name"] for p in card["positions"]} == {"王测试", "李另外"}
    assert r.card("uni_missing") is None


def test_reader_neighbourhood_and_paths(store, ontology):
    uid, pid, rid = _two_docs(store, ontology)
    r = _reader(store, ontology)
    sub = r.neighbourhood(uid, depth=1)
    ids = {n["id"] for n in sub["nodes"]}
    assert {uid, pid, rid, entity_id("Person", "李另外")} <= ids
    assert all(not e["type"] == "MENTIONED_IN" for e in sub["edges"])
    paths = r.paths(pid, rid)
    assert paths["paths"], paths
    first = paths["paths"][0]
    assert [n["id"] for n in first["nodes"]] == [pid, uid, rid]
    assert [h["edge"]["type"] for h in first["hops"]] == ["HOLDS_POSITION", "LOCATED_IN"]


def test_reader_evidence_lists_every_supporting_document(store, ontology):
    _two_docs(store, ontology)
    r = _reader(store, ontology)
    edge_id = store.read("MATCH ()-[e:RUNS]->() RETURN e.id").scalar()
    ev = r.evidence(edge_id)
    assert ev["edge"]["evidence_count"] == 2
    assert sorted((i["doc_id"], i["document"]["title"]) for i in ev["items"]) == [("d1", "标题 d1"), ("d2", "标题 d2")]


# ---- read-only analyst Cypher: everything that is not a read is refused by the engine ------------

_REFUSED_BOTH = [
    "CREATE (n:Person {id: 'x', name: 'x'})",
    "MATCH (n:Person) CALL { WITH n SET n.name = 'y' } RETURN count(*)",
    "CALL { CREATE (m:Award {id: 'a', name: 'a'}) RETURN m } RETURN m",
    "MATCH (n:Person) CALL { WITH n DETACH DELETE n } RETURN count(*)",
    "LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row LIMIT 1",
    "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:9/x.csv' AS row RETURN row",
    "CREATE INDEX FOR (n:Person) ON (n.hacked)",
]
_REFUSED = {
    "neo4j": [
        "MATCH (n:Person) CALL (n) { SET n.name = 'y' } RETURN count(*)",
        "CALL db.createLabel('Hacked')",
        "CALL db.createProperty('hacked')",
        "CALL db.createRelationshipType('HACKED')",
        "CREATE INDEX hacked IF NOT EXISTS FOR (n:Person) ON (n.hacked)",
        "CREATE FULLTEXT INDEX hacked_ft FOR (n:Person) ON EACH [n.hacked]",
        "DROP INDEX idx_person_name",
        "DROP CONSTRAINT uniq_person_id",
        "CREATE CONSTRAINT hacked_c FOR (n:Award) REQUIRE n.hacked IS UNIQUE",
        "CALL db.clearQueryCaches()",
    ],
    "falkordb": [
        "CALL db.idx.fulltext.createNodeIndex('Person', 'hacked')",
        "CALL db.idx.fulltext.drop('Entity')",
    ],
}


def _schema_of(store) -> list:
    if store.engine == "neo4j":
        rows = store.read("SHOW INDEXES YIELD name, labelsOrTypes, properties RETURN name, labelsOrTypes, properties "
                          "ORDER BY name").rows
        rows += store.read("SHOW CONSTRAINTS YIELD name RETURN name ORDER BY name").rows
    else:
        rows = store.read("CALL db.indexes() YIELD label, properties, types RETURN label, properties, types "
                          "ORDER BY label").rows
        rows += store.read("CALL db.constraints() YIELD type, label, properties RETURN type, label, properties "
                           "ORDER BY label").rows
    return rows


_ENGINE_OF_KIND = {"embedded": "falkordb", "neo4j": "neo4j"}


@pytest.mark.parametrize("kind,query", [(k, q) for k, e in _ENGINE_OF_KIND.items() for q in _REFUSED_BOTH + _REFUSED[e]])
def test_read_only_user_query_refuses_every_non_read(make_store, ontology, kind, query):
    store = make_store(kind)
    _write(store, ontology, make_doc_result("d1"))
    before = _counts(store), store.read("MATCH (n) RETURN n.id, n.name ORDER BY n.id").rows, _schema_of(store)
    with pytest.raises(ReadOnlyViolation):
        store.read_only_user_query(query)
    after = _counts(store), store.read("MATCH (n) RETURN n.id, n.name ORDER BY n.id").rows, _schema_of(store)
    assert after == before


def test_application_reads_run_in_engine_read_mode(store, ontology):
    """Not only the analyst path: every `store.read` runs where the engine refuses writes."""
    _write(store, ontology, make_doc_result("d1"))
    before = _counts(store)
    for q in ["CREATE (n:Person {id: 'x', name: 'x'})", "MATCH (n:Person) SET n.name = 'y'",
              "CREATE INDEX FOR (n:Person) ON (n.hacked)"]:
        with pytest.raises(ReadOnlyViolation):
            store.read(q)
    assert _counts(store) == before


def test_timeout_cuts_a_runaway_query_and_the_server_stays_responsive(store, ontology):
    import time

    _write(store, ontology, make_doc_result("d1"))
    runaway = ("UNWIND range(1, 100000) AS x UNWIND range(1, 100000) AS y "
               "WITH x, y WHERE (x * y) % 7 = 3 RETURN count(*)")
    t0 = time.monotonic()
    with pytest.raises(QueryTimeout):
        store.read_only_user_query(runaway, timeout_ms=300)
    assert time.monotonic() - t0 < 10, "the timeout cut the query (10^10 rows would take hours)"
    t1 = time.monotonic()
    assert store.read_only_user_query("MATCH (n:Person) RETURN n.name").rows == [["王测试"]]
    _write(store, ontology, make_doc_result("d2", person="李另外"))
    assert store.stats()["documents"] == 2
    assert time.monotonic() - t1 < 5
