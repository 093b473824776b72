"""open_store / make_dialect: the store URI picks the engine (no server is contacted here)."""

from __future__ import annotations

import pytest

from reformkg.config import Settings
from reformkg.graph.dialects import FalkorDialect, Neo4jDialect
from reformkg.graph.records import StoreError
from reformkg.graph.store import make_dialect


@pytest.mark.parametrize("uri", ["bolt://localhost:7687", "neo4j://cluster.example:7687", "neo4j+s://x.databases.neo4j.io"])
def test_neo4j_uris_select_the_neo4j_dialect(uri, tmp_path):
    d = make_dialect(Settings(data_dir=tmp_path, store_uri=uri, neo4j_user="u", neo4j_password="p", neo4j_database="db"))
    try:
        assert isinstance(d, Neo4jDialect) and d.name == "neo4j"
        assert d.database == "db" and d.uri == uri
    finally:
        d.close()


def test_unreachable_falkordb_tcp_uri_is_a_store_error_and_starts_nothing(tmp_path):
    with pytest.raises(StoreError, match="127.0.0.1:9"):
        make_dialect(Settings(data_dir=tmp_path, store_uri="falkordb://127.0.0.1:9", graph_name="g"))
    assert not (tmp_path / "falkordb.pid").exists()


def test_unknown_scheme_is_refused(tmp_path):
    with pytest.raises(StoreError):
        make_dialect(Settings(data_dir=tmp_path, store_uri="http://localhost:7474"))


def test_empty_uri_is_the_embedded_store_and_a_new_graph_reads_as_empty(settings):
    assert settings.embedded
    d = make_dialect(settings)
    try:
        assert isinstance(d, FalkorDialect)
        assert d.run_read("RETURN 1 AS one", {}, None, None).rows == [[1]]
        assert d.run_read("MATCH (n) RETURN count(n)", {}, None, None).rows == [[0]]
    finally:
        d.close()
