"""Parallel extraction: `ingest`/`extract --workers 2` give exactly what `--workers 1` gives
(worker processes extract, one writer resolves and writes in input order); the file list is
streamed in `iter_paths` order; an unchanged file is skipped by its content hash."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reformkg.cli import app
from reformkg.config import Settings, get_settings
from reformkg.graph.store import open_store
from reformkg.ingest.loaders import iter_paths
from reformkg.ingest.parallel import Extractor, RESULT, choose_workers, iter_files
from tests.conftest import SAMPLES, _fresh_graph_name


def _run(*args: str):
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


@pytest.fixture
def corpus(tmp_path) -> Path:
    files = sorted(p for p in SAMPLES.iterdir() if p.is_file()) if SAMPLES.exists() else []
    if len(files) < 3:
        pytest.skip("samples/ needs at least 3 documents")
    d = tmp_path / "corpus"
    (d / "sub").mkdir(parents=True)
    for i, f in enumerate(files):
        shutil.copy(f, (d / "sub" if i % 2 else d) / f.name)
    (d / "bad.txt").write_bytes(b"")  # one failing file, reported in its place
    return d


def _use_graph(monkeypatch, data_dir: Path, graph: str) -> None:
    monkeypatch.setenv("REFORMKG_DATA_DIR", str(data_dir))
    monkeypatch.setenv("REFORMKG_GRAPH_NAME", graph)
    monkeypatch.delenv("REFORMKG_STORE_URI", raising=False)
    monkeypatch.delenv("REFORMKG_DASK_SCHEDULER", raising=False)
    get_settings.cache_clear()


def _dump(data_dir: Path, graph: str) -> tuple[list, list]:
    store = open_store(Settings(data_dir=data_dir, graph_name=graph))
    try:
        nodes = store.read("MATCH (n) RETURN n.id, labels(n), properties(n) ORDER BY n.id").rows
        rels = store.read("MATCH (a)-[r]->(b) RETURN r.id, type(r), a.id, b.id, properties(r) ORDER BY r.id").rows
        return ([[i, sorted(ls), p] for i, ls, p in nodes], rels)
    finally:
        store.clear()
        store.close()


def test_iter_files_streams_iter_paths_order(corpus):
    (corpus / "sub" / "zz.md").write_text("# 标题\n正文。", encoding="utf-8")
    (corpus / ".hidden.txt").write_text("x", encoding="utf-8")
    (corpus / "a.txt").write_text("甲。", encoding="utf-8")
    (corpus / "a").mkdir()
    (corpus / "a" / "b.txt").write_text("乙。", encoding="utf-8")
    assert list(iter_files([corpus, corpus / "a.txt"])) == iter_paths([corpus, corpus / "a.txt"])


def test_choose_workers():
    assert choose_workers(3, 2) == 2 and choose_workers(1, 100) == 1
    assert choose_workers(None, 1) == 1  # a handful of files: no worker processes
    with pytest.raises(ValueError):
        choose_workers(0, 10)


def test_ingest_with_two_workers_equals_one(corpus, embedded_data_dir, monkeypatch):
    graphs = {}
    for workers in ("1", "2"):
        graph = _fresh_graph_name()
        _use_graph(monkeypatch, embedded_data_dir, graph)
        res = _run("ingest", str(corpus), "--workers", workers)
        assert res.exit_code == 1  # the empty file
        errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
        assert len(errors) == 1 and "bad.txt" in errors[0]
        n = len(iter_paths([corpus]))
        assert f"ingested {n - 1} document(s) of {n}" in res.stdout
        graphs[workers] = graph
    one, two = (_dump(embedded_data_dir, graphs[w]) for w in ("1", "2"))
    assert one[0] and one[1]
    assert one == two


def test_extract_with_two_workers_equals_one(corpus, tmp_path):
    out = {}
    for workers in ("1", "2"):
        out[workers] = tmp_path / f"w{workers}.jsonl"
        res = _run("extract", str(corpus), "--jsonl", str(out[workers]), "--workers", workers)
        assert res.exit_code == 1 and "bad.txt" in res.stderr
    one = out["1"].read_text(encoding="utf-8")
    assert one and one == out["2"].read_text(encoding="utf-8")
    paths = [json.loads(line)["path"] if "path" in json.loads(line) else None for line in one.splitlines()]
    assert len(paths) == len(iter_paths([corpus])) - 1


def test_unchanged_file_skipped_before_extraction(corpus, embedded_data_dir, monkeypatch):
    graph = _fresh_graph_name()
    _use_graph(monkeypatch, embedded_data_dir, graph)
    (corpus / "bad.txt").unlink()
    n = len(iter_paths([corpus]))
    first = _run("ingest", str(corpus), "--workers", "1")
    assert first.exit_code == 0 and "0 unchanged skipped" in first.stdout
    changed = iter_paths([corpus])[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "\n本文另有补充。", encoding="utf-8")
    again = _run("ingest", str(corpus), "--workers", "1")
    assert again.exit_code == 0
    assert f"{n - 1} unchanged skipped" in again.stdout and "1 earlier version(s) replaced" in again.stdout
    forced = _run("ingest", str(corpus), "--workers", "1", "--force")
    assert "0 unchanged skipped" in forced.stdout and "+0 nodes, +0 relationships" in forced.stdout
    _dump(embedded_data_dir, graph)  # clears the graph


def test_extractor_keeps_input_order_with_a_small_window(corpus):
    files = iter_paths([corpus])
    with Extractor(RESULT, workers=2, window=2) as ex:
        done = list(ex.map((p, i % 3 != 1) for i, p in enumerate(files)))
    assert [d.path for d in done] == [str(p) for p in files]
    assert [d.skipped for d in done] == [i % 3 == 1 for i in range(len(files))]
    assert all(d.error for d in done if d.path.endswith("bad.txt") and not d.skipped)
