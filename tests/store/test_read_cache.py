"""The read cache and the graph version it is keyed by (issue 11): every kind of write — a
document written, written again, replaced, deleted, a curation or review write, a clear — moves
the version, also when another store object (another process) makes it, so a cached read is
never served after the graph changed. On Neo4j there is no version and nothing is cached."""

from __future__ import annotations

import pytest

from reformkg.graph.queries import Reader
from reformkg.graph.read_cache import ReadCache
from reformkg.graph.vocab import Label, Rel
from reformkg.graph.writer import build_batch
from tests.conftest import make_doc_result


def _count_unions(store) -> int:
    return int(store.read(f"MATCH (u:{Label.UNION}) RETURN count(u)").scalar(0))


def test_every_kind_of_write_moves_the_version(store, ontology):
    if store.version() is None:  # Neo4j: no version, so the cache must stay empty
        calls = []
        for _ in range(2):
            store.cached(("k",), lambda: calls.append(1) or len(calls))
        assert calls == [1, 1] and len(store.cache) == 0
        return
    seen = [store.version()]

    def moved() -> bool:
        seen.append(store.version())
        return seen[-1] != seen[-2]

    store.write_document(build_batch(make_doc_result("d1"), ontology))
    assert moved(), "document write"
    store.write_document(build_batch(make_doc_result("d1"), ontology))
    assert moved(), "the same document again (idempotent, but a write)"
    store.write_document(build_batch(make_doc_result("d1b", source_key="d1.txt", union="另一个区总工会"), ontology))
    assert moved(), "a new version of the file"
    store.write(f"MATCH (u:{Label.UNION}) SET u.reviewed = true")
    assert moved(), "curation/review write"
    assert store.delete_document("d1b")
    assert moved(), "delete"
    assert not store.delete_document("no-such-doc") and not moved(), "nothing deleted, nothing changed"
    store.clear()
    assert moved(), "clear"


def test_a_write_by_another_store_object_invalidates_cached_reads(store, ontology):
    if store.version() is None:
        pytest.skip("this engine keeps no graph version, so nothing is cached (see the test above)")
    # the same graph through a connection of its own, as another process (ingest, another API
    # worker) reaches it
    from reformkg.graph.dialects import FalkorDialect
    from reformkg.graph.store import GraphStore

    sock = store.dialect._db.connection.connection_pool.connection_kwargs["path"]
    other = GraphStore(FalkorDialect(store.dialect.graph_name, unix_socket_path=sock), ontology)
    try:
        store.write_document(build_batch(make_doc_result("d1"), ontology))
        assert store.cached(("unions",), lambda: _count_unions(store)) == 1
        assert store.cached(("unions",), lambda: -1) == 1  # served from the cache
        other.write_document(build_batch(make_doc_result("d2", union="另一个区总工会"), ontology))
        assert store.cached(("unions",), lambda: _count_unions(store)) == 2
    finally:
        other.close()


def test_reader_results_follow_writes(store, ontology):
    """The reads the API caches (search with its title list and degrees, card) change as soon
    as the graph does."""
    reader = Reader(store, ontology)
    store.write_document(build_batch(make_doc_result("d1"), ontology))

    def search(q: str) -> list[str]:
        return [i["name"] for i in store.cached(("search", q), lambda: reader.search(q))["items"]]

    assert search("总工会") == ["测试市总工会"]
    union = reader.search("测试市总工会")["items"][0]
    assert union["degree"] == reader.degrees([union["id"]])[union["id"]] > 0
    degree_before = union["degree"]
    store.write_document(build_batch(make_doc_result("d2", union="另一个区总工会"), ontology))
    assert sorted(search("总工会")) == ["另一个区总工会", "测试市总工会"]
    store.write_document(build_batch(make_doc_result("d3", programme="“工匠杯”竞赛", person=None), ontology))
    assert reader.degrees([union["id"]])[union["id"]] > degree_before  # a new RUNS and MENTIONED_IN
    # the title search: a post written after the title list was read is found
    assert [i["match"] for i in reader.search("主席")["items"]] == ["title"]
    before = len(reader.search("首席技师")["items"])
    store.write(f"MATCH (:{Label.PERSON})-[h:{Rel.HOLDS_POSITION}]->() SET h.title = '首席技师'")
    after = reader.search("首席技师")["items"]
    assert before == 0 and [i["match"] for i in after] == ["title"] and after[0]["via"].startswith("首席技师")


def test_read_cache_drops_old_versions_and_is_bounded():
    cache = ReadCache(max_entries=3)
    assert cache.get_or_compute(1, "a", lambda: "a1") == "a1"
    assert cache.get_or_compute(1, "a", lambda: "other") == "a1"
    assert cache.get_or_compute(2, "a", lambda: "a2") == "a2"  # a new version: recomputed
    cache.put(1, "b", "stale")  # computed under a version that is no longer current: not kept
    assert cache.get_or_compute(2, "b", lambda: "b2") == "b2"
    for k in "cde":
        cache.get_or_compute(2, k, lambda k=k: k)
    assert len(cache) == 3 and cache.get_or_compute(2, "a", lambda: "again") == "again"  # least recent went
    assert cache.get_or_compute(None, "x", lambda: 1) == 1 and cache.get_or_compute(None, "x", lambda: 2) == 2
    assert ReadCache(0).get_or_compute(1, "a", lambda: 1) == 1 and len(ReadCache(0)) == 0
