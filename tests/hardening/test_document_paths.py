"""Finding 3 (issue 12): a document is keyed by its content and by the paths that hold it.
`ingest A; cp A B; ingest B; edit B; ingest B` must keep A's document (A is still on disk),
through the CLI and through the API upload."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reformkg.cli import app
from reformkg.config import get_settings
from tests.conftest import SAMPLES

pytest.importorskip("reformkg.ingest.pipeline")

EDIT = "\n\n临川市总工会举办第二届职工技能大赛，共有三百名职工参赛。\n"


def _sample() -> Path:
    files = sorted(p for p in SAMPLES.glob("*.txt")) if SAMPLES.exists() else []
    if not files:
        pytest.skip("no samples/*.txt")
    return files[0]


def _run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def _doc_ids(store) -> set[str]:
    return {r[0] for r in store.read("MATCH (d:Document) RETURN d.doc_id").rows}


@pytest.fixture
def cli_env(monkeypatch, settings):
    monkeypatch.setenv("REFORMKG_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("REFORMKG_GRAPH_NAME", settings.graph_name)
    monkeypatch.delenv("REFORMKG_STORE_URI", raising=False)
    get_settings.cache_clear()
    yield settings
    get_settings.cache_clear()


def test_cli_copy_then_edit_keeps_the_original(cli_env, tmp_path):
    from reformkg.graph.store import open_store

    a, b = tmp_path / "A.txt", tmp_path / "B.txt"
    shutil.copy(_sample(), a)
    assert _run("ingest", str(a)).exit_code == 0
    store = open_store(cli_env)
    (doc_a,) = _doc_ids(store)
    shutil.copy(a, b)
    assert _run("ingest", str(b)).exit_code == 0
    assert _doc_ids(store) == {doc_a}
    b.write_text(b.read_text(encoding="utf-8") + EDIT, encoding="utf-8")
    assert _run("ingest", str(b)).exit_code == 0
    docs = _doc_ids(store)
    assert doc_a in docs and len(docs) == 2, "A's document was deleted although A.txt still holds it"
    keys = dict(store.read("MATCH (d:Document) RETURN d.doc_id, d.source_keys").rows)
    assert keys[doc_a] == [str(a.resolve())]
    # A's facts are still there: re-ingesting A changes nothing
    before = json.loads(_run("stats", "--json").stdout)
    res = _run("ingest", str(a))
    assert res.exit_code == 0 and "+0 nodes" in res.stdout
    assert json.loads(_run("stats", "--json").stdout) == before
    # editing A now (no other path holds its content) replaces A's document
    a.write_text(a.read_text(encoding="utf-8") + EDIT + "再次修改。\n", encoding="utf-8")
    assert _run("ingest", str(a)).exit_code == 0
    assert doc_a not in _doc_ids(store) and len(_doc_ids(store)) == 2
    store.close()


def test_api_upload_copy_then_edit_keeps_the_original(tmp_path, embedded_data_dir):
    from fastapi.testclient import TestClient

    from reformkg.api.main import create_app
    from reformkg.config import Settings
    from reformkg.graph.store import open_store
    from tests.conftest import _fresh_graph_name

    settings = Settings(data_dir=tmp_path / "data", store_uri=f"falkordb+unix://{_sock(embedded_data_dir)}",
                        graph_name=_fresh_graph_name(), api_key="k")
    store = open_store(settings)
    auth = {"Authorization": "Bearer k"}
    text = _sample().read_bytes()
    try:
        with TestClient(create_app(settings, store)) as c:
            r = c.post("/api/documents", files={"files": ("A.txt", text, "text/plain")}, headers=auth)
            assert r.status_code == 201, r.text
            doc_a = r.json()["items"][0]["doc_id"]
            r = c.post("/api/documents", files={"files": ("B.txt", text, "text/plain")}, headers=auth)
            assert r.status_code == 201 and r.json()["items"][0]["doc_id"] == doc_a
            edited = text + EDIT.encode()
            r = c.post("/api/documents", files={"files": ("B.txt", edited, "text/plain")}, headers=auth)
            assert r.status_code == 201
            doc_b = r.json()["items"][0]["doc_id"]
            assert doc_b != doc_a
            assert _doc_ids(store) == {doc_a, doc_b}
            assert c.get(f"/api/documents/{doc_a}").status_code == 200
    finally:
        store.clear()
        store.close()


def _sock(data_dir: Path) -> str:
    from reformkg.graph import embedded

    return str(embedded.socket_path(data_dir))
