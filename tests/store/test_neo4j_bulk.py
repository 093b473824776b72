"""Bulk moves into a real Neo4j: `reformkg migrate --to bolt://…` from a filled embedded
FalkorDB, and `reformkg export --format neo4j-csv` loaded by the real `neo4j-admin database
import full` (the import tool of the Neo4j test server's jars, through its `import.sh`) into a
second Neo4j server started on the imported database. Both give the same counts per label and
type as the source — and the same nodes and relationships, property maps included."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reformkg.config import Settings
from reformkg.graph.store import GraphStore, open_store
from tests.conftest import REPO, SAMPLES, _fresh_graph_name, neo4j_settings, open_neo4j_store, require_neo4j
from tests.store.graphdump import CORPUS, diff, dump, ingest_files

pytestmark = [pytest.mark.neo4j]

SERVER_SCRIPT = REPO / "scripts" / "neo4j-test-server.sh"


@pytest.fixture(scope="module")
def filled(embedded_data_dir: Path, ontology):
    """(settings, store): an embedded graph holding the seed corpus (or samples/)."""
    require_neo4j()
    settings = Settings(data_dir=embedded_data_dir, graph_name=_fresh_graph_name())
    store = open_store(settings, ontology)
    from reformkg.ingest.loaders import iter_paths

    ingest_files(store, iter_paths([CORPUS if CORPUS.is_dir() else SAMPLES]))
    yield settings, store
    store.clear()
    store.close()


def _cli(*args: str, env: dict[str, str], timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "reformkg.cli", *args], cwd=REPO, env={**os.environ, **env},
                          capture_output=True, text=True, timeout=timeout)


def _without_empty_lists(half: dict) -> dict:
    """neo4j-admin's CSV has no empty array (an empty cell is no property): `[]` counts as absent."""
    def strip(props: tuple) -> tuple:
        return tuple((k, v) for k, v in props if v != ())

    return {key: (*val[:-1], strip(val[-1])) for key, val in half.items()}


def _same_graph(src: GraphStore, dst: GraphStore, *, csv: bool = False) -> None:
    s, d = src.stats(), dst.stats()
    assert (d["nodes"], d["relationships"], d["labels"], d["types"]) == \
           (s["nodes"], s["relationships"], s["labels"], s["types"])
    s_nodes, s_rels = dump(src)
    d_nodes, d_rels = dump(dst)
    if csv:
        s_nodes, s_rels, d_nodes, d_rels = map(_without_empty_lists, (s_nodes, s_rels, d_nodes, d_rels))
    assert d_nodes == s_nodes, diff(s_nodes, d_nodes)
    assert d_rels == s_rels, diff(s_rels, d_rels)


def test_migrate_from_a_filled_falkordb_into_neo4j(filled, embedded_data_dir, ontology):
    settings, src = filled
    neo = open_neo4j_store(neo4j_settings(embedded_data_dir), ontology)
    try:
        env = {"REFORMKG_DATA_DIR": str(settings.data_dir), "REFORMKG_GRAPH_NAME": settings.graph_name,
               "REFORMKG_STORE_URI": ""}
        res = _cli("migrate", "--to", require_neo4j(), "--user", "", "--password", "", "--quiet", env=env)
        assert res.returncode == 0, res.stderr
        assert f"copied {src.stats()['nodes']} nodes" in res.stdout
        _same_graph(src, neo)
        # a second run into the now non-empty destination is refused without --merge/--clear
        again = _cli("migrate", "--to", require_neo4j(), "--user", "", "--password", "", "--quiet", env=env)
        assert again.returncode == 1 and "not empty" in again.stderr
    finally:
        neo.clear()
        neo.close()


def test_neo4j_csv_export_loads_with_neo4j_admin_import(filled, tmp_path, ontology):
    if shutil.which("java") is None:
        pytest.skip("java not found: neo4j-admin needs it")
    settings, src = filled
    out = tmp_path / "csv"
    res = _cli("export", "--format", "neo4j-csv", str(out),
               env={"REFORMKG_DATA_DIR": str(settings.data_dir), "REFORMKG_GRAPH_NAME": settings.graph_name,
                    "REFORMKG_STORE_URI": ""})
    assert res.returncode == 0, res.stderr
    # `neo4j-admin` as the export's import.sh calls it: the real AdminTool of these Neo4j jars
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    admin = bin_dir / "neo4j-admin"
    admin.write_text(f'#!/bin/sh\nexec bash "{SERVER_SCRIPT}" admin "$@"\n', encoding="utf-8")
    admin.chmod(0o755)
    home = tmp_path / "neo4j-home"
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "NEO4J_HOME": str(home)}
    imp = subprocess.run(["sh", str(out / "import.sh")], env=env, cwd=tmp_path, capture_output=True, text=True,
                         timeout=900)  # neo4j-admin writes import.report into its working directory
    assert imp.returncode == 0, imp.stdout[-3000:] + imp.stderr[-3000:]
    assert "IMPORT DONE" in imp.stdout
    # a second Neo4j server on the imported database; it stops when this test ends (or dies)
    state = tmp_path / "state"
    server_env = {**os.environ, "NEO4J_TEST_STATE_DIR": str(state), "NEO4J_TEST_COPY_FROM": str(home),
                  "NEO4J_TEST_PARENT_PID": str(os.getpid())}
    start = subprocess.run(["bash", str(SERVER_SCRIPT), "start"], env=server_env, capture_output=True, text=True,
                           timeout=300)
    assert start.returncode == 0, start.stderr
    uri = start.stdout.strip().splitlines()[-1]
    try:
        assert uri.startswith("bolt://") and uri != require_neo4j()
        imported = open_store(Settings(data_dir=settings.data_dir, store_uri=uri, neo4j_user=""), ontology)
        try:
            _same_graph(src, imported, csv=True)
            # reformkg's schema and search work on the imported database
            name = src.read("MATCH (n:Entity) RETURN n.name ORDER BY n.id LIMIT 1").scalar()
            assert name in {n.props["name"] for n in imported.search(name)[0]}
        finally:
            imported.close()
    finally:
        subprocess.run(["bash", str(SERVER_SCRIPT), "stop"], env=server_env, capture_output=True, timeout=120)
