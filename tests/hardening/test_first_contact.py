"""Finding 10 (issue 12): a newcomer's first hour. The data dir is resolved once and named in
every summary; commands other than ingest refuse to create a new empty store; `serve` stops
the embedded store it started; --help is readable with real defaults; progress shows from
the first file; every third-party module a test imports is a declared dependency; the
README's first-hour examples work on samples/."""

from __future__ import annotations

import ast
import importlib.metadata as md
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from reformkg.cli import app
from reformkg.config import Settings, get_settings
from reformkg.graph import embedded
from tests.conftest import SAMPLES
from tests.e2e.server import free_port

REPO = Path(__file__).resolve().parents[2]


def _run(*args: str, env: dict[str, str] | None = None):
    get_settings.cache_clear()
    try:
        return CliRunner().invoke(app, list(args), catch_exceptions=False, env=env)
    finally:
        get_settings.cache_clear()


@pytest.fixture
def cli_env(monkeypatch, settings):
    monkeypatch.setenv("REFORMKG_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("REFORMKG_GRAPH_NAME", settings.graph_name)
    monkeypatch.delenv("REFORMKG_STORE_URI", raising=False)
    get_settings.cache_clear()
    yield settings
    get_settings.cache_clear()


def test_data_dir_is_absolute_whatever_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = Settings(data_dir=Path("rel-data"))
    assert s.data_dir == tmp_path / "rel-data" and s.data_dir.is_absolute()
    assert str(s.data_dir) in s.where


@pytest.mark.parametrize("argv", [["export", "out.graphml"], ["stats"], ["query", "MATCH (n) RETURN count(n)"]])
def test_commands_other_than_ingest_do_not_create_an_empty_store(tmp_path, monkeypatch, argv):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("REFORMKG_DATA_DIR", raising=False)
    monkeypatch.delenv("REFORMKG_STORE_URI", raising=False)
    get_settings.cache_clear()
    try:
        res = _run(*argv)
    finally:
        get_settings.cache_clear()
    assert res.exit_code == 1
    assert str(tmp_path / "reformkg-data") in res.stderr and "reformkg ingest" in res.stderr
    assert "--data-dir" in res.stderr
    assert not (tmp_path / "reformkg-data" / "appendonlydir").exists()
    assert not embedded.is_running(tmp_path / "reformkg-data")


def test_summaries_name_the_data_dir(cli_env):
    pytest.importorskip("reformkg.ingest.pipeline")
    files = sorted(SAMPLES.glob("*.txt"))[:1]
    if not files:
        pytest.skip("no samples/*.txt")
    res = _run("ingest", str(files[0]))
    assert res.exit_code == 0 and f"data dir {cli_env.data_dir}" in res.stdout
    res = _run("stats")
    assert f"store: data dir {cli_env.data_dir}" in res.stdout
    res = _run("query", "MATCH (d:Document) RETURN count(d)")
    assert f"data dir {cli_env.data_dir}" in res.stdout


def test_progress_shows_the_first_file(cli_env):
    pytest.importorskip("reformkg.ingest.pipeline")
    files = sorted(SAMPLES.glob("*.txt"))[:1]
    if not files:
        pytest.skip("no samples/*.txt")
    res = _run("ingest", str(files[0]), env={"REFORMKG_PROGRESS": "1"})
    assert res.exit_code == 0
    assert "ingest:" in res.stderr and files[0].name in res.stderr


def test_help_is_readable_with_real_defaults():
    env = {"COLUMNS": "160"}
    serve = _run("serve", "--help", env=env).stdout
    assert "settings." not in serve
    assert f"default {Settings.model_fields['host'].default}" in serve
    assert f"default {Settings.model_fields['port'].default}" in serve
    query = _run("query", "--help", env=env).stdout
    for line in query.splitlines():
        if "--json" in line or "--list" in line or "--param" in line:
            assert "<bool>" not in line and "<list" not in line, line
    assert "(default 10000" in query or f"(default {Settings.model_fields['query_timeout_ms'].default}" in query


def _command_paths(cmd, prefix=()):
    for name, sub in sorted(getattr(cmd, "commands", {}).items()):
        yield (*prefix, name)
        yield from _command_paths(sub, (*prefix, name))


def test_every_commands_help_has_plain_labels():
    """No Python type names (`<bool>`, `<list[Path]>`, `<path>`) and no braces around
    arguments in any command's --help; every option and argument says what it is."""
    import typer.main

    paths = [(), *_command_paths(typer.main.get_command(app))]
    assert len(paths) >= 12, paths
    for path in paths:
        out = _run(*path, "--help", env={"COLUMNS": "160"}).stdout
        assert "Usage:" in out, (path, out)
        for label in ("<bool>", "<list", "<path>", "<str>", "<int>", "settings."):
            assert label not in out, (path, label, out)
        assert not re.search(r"Usage:.*\{", out), (path, out)
    root = typer.main.get_command(app)
    for path in paths[1:]:
        cmd = root
        for name in path:
            cmd = cmd.commands[name]
        undescribed = [p.name for p in cmd.params if not getattr(p, "help", None)]
        assert not undescribed, f"{' '.join(path)}: options/arguments without a description: {undescribed}"


def test_serve_stops_the_embedded_store_it_started(tmp_path):
    d = tmp_path / "data"
    embedded.ensure_running(d)
    embedded.stop(d, wait_exit=True)  # a store exists, no server runs
    port = free_port()
    env = {**os.environ, "REFORMKG_DATA_DIR": str(d), "REFORMKG_STORE_URI": ""}
    proc = subprocess.Popen([sys.executable, "-m", "reformkg.cli", "serve", "--port", str(port)], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.3)
        else:
            pytest.fail(proc.stderr.read1().decode(errors="replace") if proc.stderr else "no output")
        assert embedded.is_running(d)
        proc.send_signal(signal.SIGINT)  # Ctrl-C
        _, err = proc.communicate(timeout=60)
        assert not embedded.is_running(d), err.decode(errors="replace")[-1000:]
        assert b"stopped the embedded store it started" in err
    finally:
        if proc.poll() is None:
            proc.kill()
        embedded.stop(d)


def _declared() -> set[str]:
    import tomllib

    meta = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = list(meta["dependencies"]) + [r for extra in meta.get("optional-dependencies", {}).values() for r in extra]
    return {re.split(r"[\[<>=!~; ]", r, maxsplit=1)[0].lower().replace("_", "-") for r in reqs}


def test_every_module_a_test_imports_is_declared():
    found: set[str] = set()
    for p in (REPO / "tests").rglob("*.py"):
        for n in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(n, ast.Import):
                found |= {a.name.split(".")[0] for a in n.names}
            elif isinstance(n, ast.ImportFrom) and n.level == 0 and n.module:
                found.add(n.module.split(".")[0])
            elif isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "importorskip" and n.args \
                    and isinstance(n.args[0], ast.Constant):
                found.add(str(n.args[0].value).split(".")[0])
    dists = md.packages_distributions()
    local = {"tests", "reformkg", "conftest", "fixture_graph", "graphdata", "server"}
    declared = _declared() | {"reformkg"}
    missing = {}
    for mod in sorted(found - set(sys.stdlib_module_names) - local):
        names = {d.lower().replace("_", "-") for d in dists.get(mod, [mod])}
        if not names & declared:
            missing[mod] = sorted(names)
    assert not missing, f"imported by tests but not declared in pyproject.toml: {missing}"


def test_readme_first_contact():
    text = (REPO / "README.md").read_text(encoding="utf-8")
    head = text[:4000]
    assert "Python 3.11" in head and "python3 -m venv" in head and "/health" in head
    assert "../shared" in head


def test_readme_query_examples_return_rows_on_the_samples(loaded_store, embedded_data_dir):
    """Every `reformkg query …` line of the README's first-hour block returns rows on samples/."""
    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- first-hour -->", 2)
    assert len(block) == 3, "README has no <!-- first-hour --> block"
    lines = [ln.split("#")[0].strip() for ln in block[1].splitlines() if ln.strip().startswith("reformkg query")]
    assert lines
    if loaded_store.engine != "falkordb":
        pytest.skip("the README examples run on the embedded store")
    env = {"REFORMKG_DATA_DIR": str(embedded_data_dir), "REFORMKG_GRAPH_NAME": loaded_store.dialect.graph_name,
           "REFORMKG_STORE_URI": ""}
    import shlex

    for line in lines:
        argv = shlex.split(line)[1:] + ["--json"]
        res = _run(*argv, env=env)
        assert res.exit_code == 0, (line, res.stderr)
        assert json.loads(res.stdout)["rows"], f"no rows on samples/: {line}"
