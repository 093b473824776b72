"""A real reformkg server for browser tests and bench/ui_load.py: an embedded store in a temp
data dir, loaded with our fixture graph (and samples/ plus ../shared/corpus through the
pipeline when it is available), served by `reformkg serve` (or uvicorn on the app factory when
the CLI is not there) on a free loopback port, in a child process.
"""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import httpx

log = logging.getLogger(__name__)

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("REFORMKG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage"]


def chromium_missing() -> str | None:
    """Why browser tests cannot run here, or None."""
    if not Path(CHROMIUM).exists():
        return f"chromium not installed at {CHROMIUM} (apt-get install chromium chromium-driver fonts-noto-cjk)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright (python package) not installed"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ingest_documents(store: Any, paths: list[Path]) -> int:
    """Ingest files through the real pipeline when it exists; returns how many were written."""
    try:
        from reformkg.graph.ontology import get_ontology
        from reformkg.graph.writer import build_batch
        from reformkg.ingest.loaders import iter_paths
        from reformkg.ingest.pipeline import Pipeline
    except ImportError as exc:  # the pipeline is another part's work; the fixture graph still loads
        log.warning("pipeline not available (%s): only the fixture graph is loaded", exc)
        return 0
    onto = get_ontology()
    try:
        pipeline = Pipeline(ontology=onto, identity=store)
    except Exception as exc:  # its own tests report it; the UI tests still run on the fixture graph
        log.warning("pipeline cannot be built (%s): only the fixture graph is loaded", exc)
        return 0
    written = 0
    for path in iter_paths([p for p in paths if p.exists()]):
        try:
            store.write_document(build_batch(pipeline.run_file(path), onto))
            written += 1
        except Exception as exc:  # one bad document must not stop the UI tests
            log.warning("ingest of %s failed: %s", path, exc)
    return written


@dataclass
class Server:
    """A running server; `command` says whether it is `reformkg serve` or plain uvicorn."""

    base: str
    data_dir: Path
    proc: subprocess.Popen
    ids: dict[str, str] = field(default_factory=dict)
    log_path: Path | None = None
    command: list[str] = field(default_factory=list)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)
        from reformkg.graph import embedded

        embedded.stop(self.data_dir)


def start_server(data_dir: Path, load: Callable[[Any], dict[str, str]], ingest: list[Path] | None = None,
                 workers: int = 1, env: dict[str, str] | None = None) -> Server:
    """Load a graph into a fresh embedded store in `data_dir`, then serve it on a free port
    (`env`: more REFORMKG_* settings for the server, e.g. an API key)."""
    from reformkg.config import Settings
    from reformkg.graph.store import open_store

    data_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings(data_dir=data_dir)
    from reformkg.graph import embedded

    store = open_store(settings)
    try:
        ids = load(store)
        if ingest:
            ids["_ingested"] = str(ingest_documents(store, ingest))
    except BaseException:
        store.close()
        embedded.stop(data_dir)
        raise
    store.close()  # the embedded server keeps running in data_dir; the app reconnects to it
    port = free_port()
    env = {**os.environ, "REFORMKG_DATA_DIR": str(data_dir), "REFORMKG_HOST": "127.0.0.1",
           "REFORMKG_PORT": str(port), "REFORMKG_LOG_LEVEL": "WARNING", "PYTHONPATH": str(REPO), **(env or {})}
    if _cli_has_serve():  # `reformkg serve`, run as `python -m reformkg.cli` (no PATH needed)
        cmd = [sys.executable, "-m", "reformkg.cli", "serve", "--host", "127.0.0.1", "--port", str(port),
               "--workers", str(workers)]
    else:
        cmd = [sys.executable, "-m", "uvicorn", "--factory", "reformkg.api.main:create_app", "--host", "127.0.0.1",
               "--port", str(port), "--log-level", "warning", "--workers", str(workers)]
    log_path = data_dir / "server.log"
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log_path.open("wb"), stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    server = Server(base=base, data_dir=data_dir, proc=proc, ids=ids, log_path=log_path, command=cmd)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            server.stop()
            raise RuntimeError(f"server exited ({proc.returncode}): {log_path.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(base + "/api/ontology", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    server.stop()
    raise RuntimeError("server did not come up in 60 s")


def _cli_has_serve() -> bool:
    out = subprocess.run([sys.executable, "-m", "reformkg.cli", "serve", "--help"], capture_output=True, text=True,
                         cwd=REPO, env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"})
    return out.returncode == 0 and "--port" in out.stdout
