"""`--dask`: extraction on a dask.distributed cluster (a LocalCluster here), the writer single:
the same JSONL and the same graph as `--workers 1`."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reformkg.cli import app
from reformkg.config import get_settings
from tests.conftest import SAMPLES, _fresh_graph_name
from tests.store.test_parallel_ingest import _dump, _use_graph

distributed = pytest.importorskip("distributed", reason="dask.distributed not installed (pip install -e .[distributed])")


def _run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def scheduler():
    cluster = distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None)
    yield cluster.scheduler_address
    cluster.close()


@pytest.fixture
def corpus(tmp_path) -> Path:
    files = sorted(p for p in SAMPLES.iterdir() if p.is_file())[:3] if SAMPLES.exists() else []
    if len(files) < 2:
        pytest.skip("samples/ needs documents")
    d = tmp_path / "corpus"
    d.mkdir()
    for f in files:
        shutil.copy(f, d / f.name)
    (d / "bad.txt").write_bytes(b"")
    return d


def test_extract_on_dask_equals_one_process(scheduler, corpus, tmp_path, monkeypatch):
    monkeypatch.delenv("REFORMKG_DASK_SCHEDULER", raising=False)
    get_settings.cache_clear()
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert _run("extract", str(corpus), "--jsonl", str(local), "--workers", "1").exit_code == 1
    res = _run("extract", str(corpus), "--jsonl", str(remote), "--dask", scheduler)
    assert res.exit_code == 1 and "bad.txt" in res.stderr and "empty file" in res.stderr
    assert local.read_text(encoding="utf-8") == remote.read_text(encoding="utf-8") != ""


def test_ingest_on_dask_equals_one_process(scheduler, corpus, embedded_data_dir, monkeypatch):
    graphs = {}
    for how in ("local", "dask"):
        graphs[how] = _fresh_graph_name()
        _use_graph(monkeypatch, embedded_data_dir, graphs[how])
        if how == "dask":
            monkeypatch.setenv("REFORMKG_DASK_SCHEDULER", scheduler)  # the setting, not the option
            get_settings.cache_clear()
            res = _run("ingest", str(corpus))
        else:
            res = _run("ingest", str(corpus), "--workers", "1")
        assert res.exit_code == 1 and "ingested 3 document(s) of 4" in res.stdout
    monkeypatch.delenv("REFORMKG_DASK_SCHEDULER")
    get_settings.cache_clear()
    one, two = (_dump(embedded_data_dir, graphs[h]) for h in ("local", "dask"))
    assert one[1] and one == two


def test_unreachable_scheduler_is_one_error_line(corpus, tmp_path, monkeypatch):
    monkeypatch.delenv("REFORMKG_DASK_SCHEDULER", raising=False)
    get_settings.cache_clear()
    res = CliRunner().invoke(app, ["extract", str(corpus), "--jsonl", str(tmp_path / "x.jsonl"),
                                   "--dask", "tcp://127.0.0.1:9"])
    assert res.exit_code == 1 and res.stderr.startswith("error: cannot use the dask scheduler")
