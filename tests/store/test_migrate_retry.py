"""`migrate` under failing batch writes: a batch that fails the way a Neo4j transaction timeout
(or a transient memory limit) fails is written again in halves and the copy ends complete, with
equal counts; a batch that keeps failing at the smallest size, or fails permanently (a
constraint violation), raises MigrationError naming the batch.

The destination is a real embedded FalkorDB graph behind a thin wrapper whose `write` refuses
batches above a size with the exception a Neo4j store raises: the driver's own exception class
with Neo4j 5's status code, mapped by the Neo4j dialect exactly as `run_write` maps it.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Callable

import pytest

from reformkg.config import Settings
from reformkg.graph import bulk
from reformkg.graph.bulk import MigrationError, is_transient, migrate
from reformkg.graph.records import CypherError, QueryTimeout, StoreError
from reformkg.graph.store import GraphStore, open_store
from reformkg.graph.writer import build_batch
from tests.conftest import _fresh_graph_name, make_doc_result
from tests.store.graphdump import diff, dump

neo4j_exceptions = pytest.importorskip("neo4j.exceptions")

TIMEOUT = "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration"
MEMORY = "Neo.TransientError.General.TransactionMemoryLimit"
CONSTRAINT = "Neo.ClientError.Schema.ConstraintValidationFailed"


def neo4j_failure(code: str, message: str) -> tuple[Exception, Exception]:
    """(what the neo4j driver raises for a server failure with this status code, what
    `Neo4jDialect.run_write` raises for it)."""
    from reformkg.graph.dialects import Neo4jDialect

    err = neo4j_exceptions.Neo4jError
    hydrate = getattr(err, "_hydrate_neo4j", None) or getattr(err, "hydrate")
    raw = hydrate(code=code, message=message)
    mapped = Neo4jDialect("bolt://127.0.0.1:1", driver=object())._map_error(raw)  # no connection is made
    return raw, mapped


class FailingWrites:
    """A store whose batch writes (`$rows`) of more than `limit` rows fail with `failure`; every
    other call goes to the real store underneath."""

    def __init__(self, store: GraphStore, limit: int, failure: Callable[[], tuple[Exception, Exception]]):
        self._store = store
        self.limit = limit
        self.failure = failure
        self.sizes: list[int] = []  # rows of every batch write tried
        self.failed = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def write(self, query: str, params: dict[str, Any] | None = None):
        rows = (params or {}).get("rows")
        if rows is not None:
            self.sizes.append(len(rows))
            if len(rows) > self.limit:
                self.failed += 1
                raw, mapped = self.failure()
                raise mapped from raw
        return self._store.write(query, params)


@pytest.fixture
def source(embedded_data_dir, ontology):
    """An embedded graph of 30 small documents (24 unions; about 130 nodes, 290 relationships)."""
    st = open_store(Settings(data_dir=embedded_data_dir, graph_name=_fresh_graph_name()), ontology)
    for i in range(30):
        doc = make_doc_result(f"doc{i:03d}", union=f"测试{i % 24}市总工会", programme=f"“匠心{i % 7}”技能竞赛",
                              region=(f"测试{i % 5}市", f"99{i % 5:04d}"), person=f"王测{i % 9}",
                              sentence=f"测试{i % 24}市总工会举办“匠心{i % 7}”技能竞赛。")
        st.write_document(build_batch(doc, ontology))
    yield st
    st.clear()
    st.close()


@pytest.fixture
def destination(embedded_data_dir, ontology):
    st = open_store(Settings(data_dir=embedded_data_dir, graph_name=_fresh_graph_name()), ontology)
    yield st
    st.clear()
    st.close()


def _same(src: GraphStore, dst: GraphStore) -> None:
    s, d = src.stats(), dst.stats()
    assert (d["nodes"], d["relationships"], d["labels"], d["types"]) == \
           (s["nodes"], s["relationships"], s["labels"], s["types"])
    s_nodes, s_rels = dump(src)
    d_nodes, d_rels = dump(dst)
    assert d_nodes == s_nodes, diff(s_nodes, d_nodes)
    assert d_rels == s_rels, diff(s_rels, d_rels)


def test_the_failures_are_classified_as_migrate_retries_them():
    for code, transient in ((TIMEOUT, True), (MEMORY, True), (CONSTRAINT, False)):
        raw, mapped = neo4j_failure(code, "x")
        try:
            raise mapped from raw
        except Exception as exc:  # noqa: BLE001
            assert is_transient(exc) is transient, code
    _, timeout = neo4j_failure(TIMEOUT, "x")
    assert isinstance(timeout, QueryTimeout)
    assert is_transient(QueryTimeout("Query timed out"))  # FalkorDB's timeout maps to the same class
    assert is_transient(StoreError("the graph engine is busy: max pending queries exceeded"))
    assert not is_transient(CypherError("Invalid input 'MERG'"))
    assert not is_transient(StoreError("cannot reach Neo4j at bolt://x: connection refused"))


@pytest.mark.parametrize("code", [TIMEOUT, MEMORY])
def test_migrate_halves_a_batch_that_times_out_and_the_copy_is_complete(source, destination, code, caplog):
    dst = FailingWrites(destination, limit=5, failure=lambda: neo4j_failure(code, "The transaction has been "
                                                                             "terminated (test)"))
    with caplog.at_level(logging.WARNING, logger="reformkg.graph.bulk"):
        report = migrate(source, dst, batch_size=40, min_batch=2, progress=False)
    # the 24 unions: 24 rows fail, 12 fail, 6 fail, 3 pass; 3 rows a batch from then on
    assert dst.failed == 3 and report["retries"] == 3 and report["batch_size_end"] == 3
    last_failure = max(i for i, n in enumerate(dst.sizes) if n > dst.limit)
    assert all(n <= 3 for n in dst.sizes[last_failure + 1:])
    assert report["verified"] and not report["mismatches"]
    assert report["nodes"] == source.stats()["nodes"] and report["relationships"] == source.stats()["relationships"]
    _same(source, destination)
    retries = [r.getMessage() for r in caplog.records if "retrying in batches of" in r.getMessage()]
    assert [int(re.search(r"batches of (\d+) rows", m).group(1)) for m in retries] == [12, 6, 3]
    assert re.search(r"writing nodes :Union:Entity, rows 1-24 of 24 \(id uni_\w+ … id uni_\w+\) failed "
                     r"\((QueryTimeout|StoreError): The transaction has been terminated", retries[0]), retries[0]


def test_migrate_gives_up_on_a_batch_that_fails_at_the_smallest_size(source, destination, monkeypatch, caplog):
    monkeypatch.setattr(bulk, "RETRY_PAUSES_S", (0.0, 0.0))
    dst = FailingWrites(destination, limit=2, failure=lambda: neo4j_failure(TIMEOUT, "terminated (test)"))
    with caplog.at_level(logging.WARNING, logger="reformkg.graph.bulk"):
        with pytest.raises(MigrationError) as info:
            migrate(source, dst, batch_size=16, min_batch=4, progress=False)
    msg = str(info.value)
    assert "failed 3 times at the smallest batch size (4 rows)" in msg
    assert re.match(r"writing nodes :\w+:Entity, rows 1-4 of \d+ \(id \w+ … id \w+\) failed", msg), msg
    assert "QueryTimeout" in msg
    # the first batch (of the first label's nodes, more than 4 of them) halved to the floor,
    # then tried there again after each pause
    assert dst.sizes[-3:] == [4, 4, 4] and all(n > 4 for n in dst.sizes[:-3]) and len(dst.sizes) <= 5
    assert sum("retry 1 of 2" in r.getMessage() for r in caplog.records) == 1


def test_a_permanent_error_is_raised_at_once_naming_the_batch(source, destination):
    dst = FailingWrites(destination, limit=9, failure=lambda: neo4j_failure(
        CONSTRAINT, "Node(1) already exists with label `Union` and property `id` = 'x'"))
    with pytest.raises(MigrationError) as info:
        migrate(source, dst, batch_size=40, min_batch=4, progress=False)
    msg = str(info.value)
    # the first batch of more than 9 rows (the unions) failed once and was not retried
    assert dst.failed == 1 and dst.sizes[-1] == 24 and all(n <= 9 for n in dst.sizes[:-1])
    assert msg.startswith("writing nodes :Union:Entity, rows 1-24 of 24 (id uni_") and "CypherError" in msg
    assert "already exists" in msg
    assert isinstance(info.value.__cause__, CypherError)
