"""Document-level extraction off the main process, results back in input order.

- `iter_files(paths)` streams the files under `paths` in the order of `loaders.iter_paths`
  (a sorted folder walk that holds one directory's entries at a time); `count_files` counts
  them without keeping them.
- `Extractor` maps a stream of jobs to `Done` records *in input order*. Backends: in-process
  (`workers=1`), a pool of spawned worker processes (each builds its Pipeline, and so loads
  the tagger, once), or a dask.distributed cluster (`reformkg.ingest.distributed`). At most
  `window` jobs are in flight, so memory stays bounded whatever the number of files.
- Two kinds of work: "result" (the whole pipeline, no store: `reformkg extract`) and
  "prepared" (load, normalise, segment, components: `reformkg ingest`, whose single writer
  resolves each prepared document against the store in input order, so that the output is the
  same whatever the number of workers).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from reformkg.ingest import loaders
from reformkg.ingest.loaders import iter_files  # noqa: F401 - re-exported for the CLI

log = logging.getLogger(__name__)

RESULT = "result"  # worker returns a DocumentResult (no identity lookup, no curation)
PREPARED = "prepared"  # worker returns (Document, timings); the caller resolves it
KINDS = (RESULT, PREPARED)
MIN_FILES_PER_WORKER = 8  # below this many files per worker, starting workers costs more than it saves
WINDOW_PER_WORKER = 4  # jobs in flight per worker


@dataclass(slots=True)
class Done:
    """One job's outcome: `value` (DocumentResult or (Document, timings)) or an error line."""

    path: str
    value: Any = None
    error: str | None = None
    skipped: bool = False  # not extracted (e.g. unchanged since the last ingest)
    seconds: float = 0.0  # extraction time in the worker
    cpu: float = 0.0  # the worker's CPU time for this document (start-up excluded)


# ---- the file list, streamed ---------------------------------------------------------------

def count_files(paths: Iterable[Path]) -> int:
    return sum(1 for _ in iter_files(paths))


def choose_workers(requested: int | None, n_files: int) -> int:
    """`requested` as given (at most one per file); by default every core, but one process
    for small runs where starting workers (each loads the tagger) costs more than it saves."""
    if requested is not None:
        if requested < 1:
            raise ValueError(f"--workers must be at least 1, not {requested}")
        return max(1, min(requested, n_files))
    cores = os.cpu_count() or 1
    return max(1, min(cores, n_files // MIN_FILES_PER_WORKER))


# ---- the work done per document -------------------------------------------------------------

_PIPELINE: Any = None


def init_worker(kind: str) -> None:
    """Build this process's Pipeline once (lexicons and the tagger load here)."""
    global _PIPELINE
    from reformkg.ingest import lexicons
    from reformkg.ingest.pipeline import Pipeline

    if kind not in KINDS:
        raise ValueError(f"unknown kind of work {kind!r}")
    logging.basicConfig(level=logging.ERROR)
    _PIPELINE = Pipeline()
    lexicons.warm()


def work(kind: str, path: str) -> Done:
    """Extract one file in this process; failures come back as an error line (picklable)."""
    from reformkg.ingest.pipeline import error_line

    if _PIPELINE is None:
        init_worker(kind)
    t, c = time.perf_counter(), time.process_time()
    try:
        if kind == RESULT:
            value: Any = _PIPELINE.run_file(Path(path))
        else:
            value = _PIPELINE.prepare(loaders.load(Path(path)))
    except Exception as exc:  # noqa: BLE001 - one line per bad file, the run goes on
        return Done(path=path, error=error_line(path, exc), seconds=time.perf_counter() - t,
                    cpu=time.process_time() - c)
    return Done(path=path, value=value, seconds=time.perf_counter() - t, cpu=time.process_time() - c)


# ---- backends -------------------------------------------------------------------------------

class Extractor:
    """Jobs in, `Done` out in input order. Use as a context manager.

    `submit(path)` hands a path to the backend and returns something `wait(handle)` turns into
    a Done; `map(jobs)` takes (path, extract?) pairs — pairs with False pass through as
    `Done(skipped=True)` in their place — and yields Dones in input order, with at most
    `window` extractions in flight.
    """

    def __init__(self, kind: str, workers: int = 1, window: int | None = None,
                 run_local: Callable[[str], Done] | None = None):
        if kind not in KINDS:
            raise ValueError(f"unknown kind of work {kind!r}")
        self.kind = kind
        self.workers = max(1, int(workers))
        self.window = window or self.workers * WINDOW_PER_WORKER
        self._run_local = run_local
        self._pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> "Extractor":
        if self.workers > 1:
            ctx = multiprocessing.get_context("spawn")  # no inherited sockets, threads or locks
            self._pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=ctx,
                                             initializer=init_worker, initargs=(self.kind,))
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def submit(self, path: str) -> Any:
        if self._pool is None:
            return (self._run_local or (lambda p: work(self.kind, p)))(path)
        return self._pool.submit(work, self.kind, path)

    def wait(self, path: str, handle: Any) -> Done:
        if isinstance(handle, Done):
            return handle
        try:
            return handle.result()
        except BrokenProcessPool as exc:
            return Done(path=path, error=f"error: {path}: a worker process died ({exc})")

    def map(self, jobs: Iterable[tuple[Path | str, bool]]) -> Iterator[Done]:
        pending: deque[tuple[str, Any]] = deque()
        for path, extract in jobs:
            path = str(path)
            pending.append((path, self.submit(path) if extract else Done(path=path, skipped=True)))
            # hand back whatever is ready at the head; block only when the window is full
            while pending and (len(pending) >= self.window or not _is_future(pending[0][1])
                               or pending[0][1].done()):
                p, handle = pending.popleft()
                yield self.wait(p, handle)
        while pending:
            p, handle = pending.popleft()
            yield self.wait(p, handle)


def _is_future(handle: Any) -> bool:
    return not isinstance(handle, Done) and hasattr(handle, "done")
