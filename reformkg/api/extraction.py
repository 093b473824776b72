"""Extraction of uploaded documents in a worker process with a time limit (issue 12).

`ExtractionRunner.extract(path)` loads, normalises, segments and runs the extraction
components of one file in a separate process (one per API worker, started on first use with
the `spawn` method, so no lock of the server's threads is inherited) and returns the
extracted `Document`; resolution and the store write stay in the server. When a document
takes longer than `timeout_s` the process is killed — the CPU and the request are freed, the
document is reported as failed and nothing of it is written — and a fresh process is started
for the next upload.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from reformkg.ingest.document import Document

log = logging.getLogger(__name__)


class ExtractionTimeout(Exception):
    """A document took longer than the extraction time limit."""


_PIPELINE: Any = None


def _extract_in_worker(path: str) -> Document:
    """Runs in the worker process: load → normalise → segment → components (no store)."""
    global _PIPELINE
    from reformkg.ingest import loaders, normalise, segment
    from reformkg.ingest.pipeline import Pipeline

    if _PIPELINE is None:
        _PIPELINE = Pipeline()
    try:
        doc = segment.segment(normalise.normalise(loaders.load(Path(path))))
        return _PIPELINE.extract(doc)
    except loaders.LoadError:
        raise
    except Exception as exc:  # noqa: BLE001 - sent back as text: not every exception pickles
        raise RuntimeError(f"{type(exc).__name__}: {exc}") from None


class ExtractionRunner:
    """One extraction process with a per-document time limit."""

    def __init__(self, timeout_s: float) -> None:
        self.timeout_s = timeout_s
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _get_pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"))
            return self._pool

    def _kill(self, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._pool is pool:
                self._pool = None
        for proc in list(getattr(pool, "_processes", {}).values()):
            try:
                proc.kill()
            except (OSError, AttributeError):
                pass
        pool.shutdown(wait=False, cancel_futures=True)

    def extract(self, path: Path) -> Document:
        """The extracted document; ExtractionTimeout past the limit; the worker's own error
        (LoadError, ComponentError …) otherwise."""
        pool = self._get_pool()
        try:
            future = pool.submit(_extract_in_worker, str(path))
            return future.result(timeout=self.timeout_s)
        except FutureTimeout as exc:
            log.warning("extraction of %s took longer than %.0f s: worker stopped", path, self.timeout_s)
            self._kill(pool)
            raise ExtractionTimeout(f"extraction took longer than {self.timeout_s:g} s (REFORMKG_EXTRACT_TIMEOUT_S); "
                                    "nothing was written") from exc
        except BrokenProcessPool as exc:
            self._kill(pool)
            raise RuntimeError(f"the extraction process died ({exc})") from exc

    def close(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            self._kill(pool)
