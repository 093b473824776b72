"""Finding 7 (issue 12): the embedded store supervises itself. A server killed with SIGKILL is
started again from its append-only file by the next request (API or CLI), with a log line and
nothing lost; when it cannot be started again, ingest stops at the first store failure with
one clear error and the count of what was written."""

from __future__ import annotations

import logging
import os
import signal
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from reformkg.api.main import create_app
from reformkg.cli import app
from reformkg.config import Settings, get_settings
from reformkg.graph import embedded
from reformkg.graph.store import open_store
from tests.api import fixture_graph
from tests.conftest import SAMPLES


def _kill(d: Path) -> None:
    pid = int((d / embedded.PID_FILE).read_text().strip())
    time.sleep(1.5)  # appendfsync everysec: what was acknowledged is on disk
    os.kill(pid, signal.SIGKILL)
    while embedded._alive(pid):
        time.sleep(0.05)


def test_api_restarts_a_killed_store_from_its_aof(tmp_path, caplog):
    d = tmp_path / "data"
    settings = Settings(data_dir=d, store_uri="")
    try:
        with TestClient(create_app(settings)) as c:
            fixture_graph.load(c.app.state.store, c.app.state.store.ontology)
            before = c.get("/api/documents").json()["total"]
            assert before == 2
            _kill(d)
            with caplog.at_level(logging.WARNING):
                r = c.get("/api/documents")
            assert r.status_code == 200 and r.json()["total"] == before
            assert "restarting it from its append-only file" in caplog.text
            assert c.get("/health").json()["status"] == "ok"
    finally:
        embedded.stop(d)


def _samples() -> list[Path]:
    files = sorted(p for p in SAMPLES.iterdir() if p.is_file()) if SAMPLES.exists() else []
    if len(files) < 3:
        pytest.skip("samples/ has fewer than 3 files")
    return files[:3]


def test_ingest_stops_at_the_first_store_failure(tmp_path, monkeypatch):
    pytest.importorskip("reformkg.ingest.pipeline")
    from reformkg.ingest.pipeline import Pipeline

    files = _samples()
    d = tmp_path / "own"
    monkeypatch.setenv("REFORMKG_DATA_DIR", str(d))
    monkeypatch.delenv("REFORMKG_STORE_URI", raising=False)
    get_settings.cache_clear()
    run_file = Pipeline.run_file
    calls = []

    def break_the_store_after_one(self, path):
        result = run_file(self, path)
        calls.append(path)
        if len(calls) == 2:  # the server dies and its append-only file is damaged: no restart possible
            _kill(d)
            manifest = next((d / "appendonlydir").glob("*.manifest"))
            manifest.write_text("not a manifest\n")
        return result

    monkeypatch.setattr(Pipeline, "run_file", break_the_store_after_one)
    try:
        res = CliRunner().invoke(app, ["ingest", *map(str, files)], catch_exceptions=False)
        assert res.exit_code == 1
        errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
        assert len(errors) == 1 and "the store failed" in errors[0] and str(files[1]) in errors[0]
        assert res.stdout.startswith("ingested 1 document(s) of 3")
        assert "stopped at the first store failure, 1 file(s) not attempted" in res.stdout
        assert len(calls) == 2
    finally:
        embedded.stop(d)
        get_settings.cache_clear()


def test_a_file_name_with_invalid_utf8_is_printed_not_a_traceback(tmp_path, monkeypatch, settings):
    monkeypatch.setenv("REFORMKG_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("REFORMKG_GRAPH_NAME", settings.graph_name)
    monkeypatch.delenv("REFORMKG_STORE_URI", raising=False)
    get_settings.cache_clear()
    bad = Path(os.fsdecode(bytes(tmp_path) + b"/bad-\xff\xfe.txt"))
    bad.write_bytes(b"")
    try:
        res = CliRunner().invoke(app, ["ingest", str(bad)], catch_exceptions=False)
    finally:
        get_settings.cache_clear()
    assert res.exit_code == 1
    assert "bad-\\xff\\xfe.txt" in res.stderr and "empty file" in res.stderr
