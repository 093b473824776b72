"""Identity candidates and document versions are found through indexes (issue 11): by name, by
alias and by a path holding a document, on every engine; on FalkorDB, which indexes list
elements, the plans of both look-ups read no whole label."""

from __future__ import annotations

from reformkg.graph.dialects import FalkorDialect
from reformkg.graph.vocab import Label
from reformkg.graph.writer import build_batch
from tests.conftest import make_doc_result


def _recorded(store) -> list[tuple[str, dict]]:
    """Record the reads the store sends (the engine still answers them)."""
    sent: list[tuple[str, dict]] = []
    run_read = store.dialect.run_read

    def recording(query, params=None, *args, **kw):
        sent.append((query, dict(params or {})))
        return run_read(query, params, *args, **kw)

    store.dialect.run_read = recording
    return sent


def test_candidates_by_name_and_alias(store, ontology):
    store.write_document(build_batch(make_doc_result("d1"), ontology))
    by_name = store.candidates(Label.UNION, "测试市总工会")
    alias = make_doc_result("d1").entities[0].aliases[0]
    by_alias = store.candidates(Label.UNION, alias)
    assert [c["name"] for c in by_name] == ["测试市总工会"] == [c["name"] for c in by_alias]
    assert by_name[0]["aliases"] == [alias] and alias != "测试市总工会"
    assert store.candidates(Label.UNION, "没有这个工会") == []
    assert store.candidates(Label.PERSON, "王测试")[0]["positions"][0]["title"] == "主席"


def test_versions_by_doc_id_source_key_and_held_paths(store, ontology):
    store.write_document(build_batch(make_doc_result("d1", source_key="a.txt"), ontology))
    assert store._versions("d1", "a.txt") == ([], [], True)
    assert store._versions("d2", "a.txt") == (["d1"], [], False)  # a new version of a.txt replaces d1
    assert store._versions("d2", "") == ([], [], False)
    store.write_document(build_batch(make_doc_result("d1", source_key="b.txt"), ontology))  # b.txt holds d1 too
    assert store._versions("d3", "b.txt") == ([], ["d1"], False)  # a.txt still holds it: released, kept


def test_falkordb_lookups_read_no_whole_label(embedded_store, ontology):
    store = embedded_store
    assert isinstance(store.dialect, FalkorDialect)
    store.write_document(build_batch(make_doc_result("d1", source_key="a.txt"), ontology))
    sent = _recorded(store)
    store.candidates(Label.UNION, make_doc_result("d1").entities[0].aliases[0])
    store.write_document(build_batch(make_doc_result("d2", source_key="a.txt"), ontology))
    assert len(sent) >= 2
    for query, params in sent:
        plan = str(store.dialect._graph.explain(query, params))
        assert "Node By Index Scan" in plan and "Label Scan" not in plan and "All Node Scan" not in plan, plan
