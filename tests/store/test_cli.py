"""The `reformkg` CLI end to end on the embedded store: ingest with a bad file (one error line,
the others ingested, exit 1, summary), idempotent re-ingest, query (--json, --param, refusal
of writes), stats, extract --jsonl and `store stop`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reformkg.cli import app
from reformkg.config import get_settings
from reformkg.graph import embedded
from tests.conftest import SAMPLES


@pytest.fixture
def cli_env(monkeypatch, settings):
    monkeypatch.setenv("REFORMKG_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("REFORMKG_GRAPH_NAME", settings.graph_name)
    monkeypatch.delenv("REFORMKG_STORE_URI", raising=False)
    get_settings.cache_clear()
    yield settings
    get_settings.cache_clear()


def _run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def _sample_files() -> list[Path]:
    files = sorted(p for p in SAMPLES.iterdir() if p.is_file()) if SAMPLES.exists() else []
    if not files:
        pytest.skip("no samples/")
    return files


def test_ingest_reports_bad_files_and_continues(cli_env, tmp_path):
    pytest.importorskip("reformkg.ingest.pipeline")
    good = _sample_files()[:2]
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    res = _run("ingest", *map(str, good), str(bad))
    assert res.exit_code == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and str(bad) in errors[0]
    assert "ingested 2 document(s) of 3" in res.stdout and "1 error(s)" in res.stdout
    stats = json.loads(_run("stats", "--json").stdout)
    assert stats["documents"] == 2 and stats["nodes"] > 2


def test_ingest_twice_changes_nothing_and_query(cli_env):
    pytest.importorskip("reformkg.ingest.pipeline")
    files = _sample_files()[:1]
    assert _run("ingest", *map(str, files)).exit_code == 0
    first = json.loads(_run("stats", "--json").stdout)
    res = _run("ingest", *map(str, files))
    assert res.exit_code == 0 and "+0 nodes" in res.stdout
    assert json.loads(_run("stats", "--json").stdout)["nodes"] == first["nodes"]
    out = _run("query", "MATCH (d:Document) RETURN d.doc_id AS id, d LIMIT $n", "--param", "n=5", "--json")
    data = json.loads(out.stdout)
    assert data["columns"] == ["id", "d"] and len(data["rows"]) == 1
    assert data["rows"][0][1]["labels"] == ["Document"]
    res = _run("query", "CREATE (n:Award {id: 'x'})")
    assert res.exit_code == 1 and "ReadOnlyViolation" in res.stderr
    assert json.loads(_run("stats", "--json").stdout)["nodes"] == first["nodes"]


def test_query_param_values_parsed_as_json(cli_env):
    data = json.loads(_run("query", "RETURN $a AS a, $b AS b, $c AS c", "-p", "a=3", "-p", "b=江苏",
                           "-p", 'c=["x", 1]', "--json").stdout)
    assert data["rows"] == [[3, "江苏", ["x", 1]]]


def test_bad_cypher_exit_code(cli_env):
    res = _run("query", "MATCH (n RETURN n")
    assert res.exit_code == 1 and res.stderr.startswith("error: CypherError")


def test_extract_jsonl(cli_env, tmp_path):
    pytest.importorskip("reformkg.ingest.jsonl")
    files = _sample_files()[:2]
    out = tmp_path / "out.jsonl"
    res = _run("extract", *map(str, files), "--jsonl", str(out))
    assert res.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2 and all(json.loads(line)["doc"] for line in lines)
    assert json.loads(_run("stats", "--json").stdout)["documents"] == 0  # the store was not touched


def test_extract_creates_the_output_folder_or_names_the_unwritable_file(cli_env, tmp_path):
    pytest.importorskip("reformkg.ingest.jsonl")
    files = _sample_files()[:1]
    out = tmp_path / "new" / "dir" / "out.jsonl"
    assert _run("extract", *map(str, files), "--jsonl", str(out)).exit_code == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    res = _run("extract", *map(str, files), "--jsonl", str(blocker / "out.jsonl"))
    assert res.exit_code == 1 and res.stderr.startswith(f"error: {blocker / 'out.jsonl'}: cannot write")


def test_store_stop(tmp_path, monkeypatch):
    d = tmp_path / "own"
    monkeypatch.setenv("REFORMKG_DATA_DIR", str(d))
    get_settings.cache_clear()
    try:
        assert _run("store", "start").exit_code == 0  # starts the server (stats no longer creates a store)
        assert embedded.is_running(d)
        res = _run("store", "stop")
        assert res.exit_code == 0 and "stopped" in res.stdout
        assert not embedded.is_running(d)
        assert "no embedded store running" in _run("store", "stop").stdout
    finally:
        embedded.stop(d)
        get_settings.cache_clear()



UNREACHABLE = ["bolt://127.0.0.1:1", "falkordb://127.0.0.1:1", "foo://x"]


def _one_error_line(res, prefix: str) -> None:
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert lines and lines[0].startswith(prefix), res.stderr
    assert "Traceback" not in res.stderr


@pytest.mark.parametrize("uri", UNREACHABLE)
@pytest.mark.parametrize("argv", [["stats"], ["query", "RETURN 1"], ["ingest", "missing.txt"]])
def test_unreachable_or_unknown_store_is_one_error_line(cli_env, monkeypatch, uri, argv):
    monkeypatch.setenv("REFORMKG_STORE_URI", uri)
    get_settings.cache_clear()
    _one_error_line(_run(*argv), "error: cannot open the store:")


@pytest.mark.parametrize("uri", UNREACHABLE)
def test_migrate_to_an_unreachable_store_is_one_error_line(cli_env, uri):
    _one_error_line(_run("migrate", "--to", uri), "migrate:")


@pytest.mark.parametrize("fmt", ["json", "neo4j-csv"])
def test_export_to_an_unwritable_place_is_one_error_line(cli_env, tmp_path, fmt):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    res = _run("export", str(blocker / "out"), "--format", fmt)
    assert res.exit_code == 1 and res.stderr.startswith("error: ") and "cannot write" in res.stderr
    ok = _run("export", str(tmp_path / "new" / "out"), "--format", fmt)
    assert ok.exit_code == 0 and ok.stdout.startswith("wrote ")


def test_store_going_away_mid_ingest_is_restarted(tmp_path, monkeypatch):
    """Issue 12 (finding 7): the embedded server stopping mid-ingest is started again from its
    append-only file on the next write, and the ingest completes."""
    pytest.importorskip("reformkg.ingest.pipeline")
    from reformkg.ingest.pipeline import Pipeline

    files = _sample_files()[:3]
    d = tmp_path / "own"
    monkeypatch.setenv("REFORMKG_DATA_DIR", str(d))
    monkeypatch.delenv("REFORMKG_STORE_URI", raising=False)
    get_settings.cache_clear()
    run_file = Pipeline.run_file

    def run_then_stop_the_server(self, path):  # the server stops after the first document is read
        result = run_file(self, path)
        embedded.stop(d)
        return result

    monkeypatch.setattr(Pipeline, "run_file", run_then_stop_the_server)
    try:
        res = _run("ingest", *map(str, files))
        assert res.exit_code == 0, res.stderr
        assert res.stdout.startswith("ingested 3 document(s) of 3") and "store now holds 3 documents" in res.stdout
    finally:
        embedded.stop(d)
        get_settings.cache_clear()
