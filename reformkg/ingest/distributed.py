"""Document-level extraction on a dask.distributed cluster (`--dask tcp://host:8786` or
REFORMKG_DASK_SCHEDULER); the writer stays single, in the calling process.

The caller reads each file and ships its bytes, so the workers need reformkg installed but
no shared filesystem. Each worker process builds its Pipeline once (`parallel.init_worker`);
start workers with one thread each (`dask worker tcp://host:8786 --nworkers N --nthreads 1`)
since extraction is CPU-bound Python. Results come back in input order with at most `window`
documents in flight (`parallel.Extractor.map`).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from reformkg.ingest import loaders, parallel
from reformkg.ingest.parallel import Done, Extractor

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 10


def load_bytes(path: str, data: bytes) -> Any:
    """`loaders.load` on bytes read elsewhere (same format sniffing and loaders)."""
    if not data:
        raise loaders.LoadError(path, "empty file")
    media_type = loaders.sniff(Path(path), data)
    return loaders.LOADERS[media_type](Path(path), data, media_type)


def remote_work(kind: str, path: str, data: bytes) -> Done:
    """Runs on a dask worker: extract one document from its bytes."""
    from reformkg.ingest.pipeline import error_line

    if parallel._PIPELINE is None:
        parallel.init_worker(kind)
    pipe = parallel._PIPELINE
    t = time.perf_counter()
    try:
        raw = load_bytes(path, data)
        value: Any = pipe.run_raw(raw) if kind == parallel.RESULT else pipe.prepare(raw)
    except Exception as exc:  # noqa: BLE001 - one line per bad file, the run goes on
        return Done(path=path, error=error_line(path, exc), seconds=time.perf_counter() - t)
    return Done(path=path, value=value, seconds=time.perf_counter() - t)


class DaskExtractor(Extractor):
    """An Extractor whose work runs on a dask.distributed cluster."""

    def __init__(self, kind: str, scheduler: Any, window: int | None = None):
        from distributed import Client

        super().__init__(kind, workers=1, window=window)
        # `scheduler`: an address, or a cluster object (LocalCluster in tests)
        self.client = Client(scheduler, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
        if window is None:
            threads = sum(self.client.nthreads().values()) or 1
            self.window = threads * parallel.WINDOW_PER_WORKER

    def __enter__(self) -> "DaskExtractor":
        return self

    def close(self) -> None:
        client = getattr(self, "client", None)
        if client is not None:
            client.close()
            self.client = None

    def submit(self, path: str) -> Any:
        try:
            data = Path(path).read_bytes()
        except OSError:
            try:
                loaders.load(Path(path))  # the loader's own one-line reason
            except Exception as exc:  # noqa: BLE001
                from reformkg.ingest.pipeline import error_line

                return Done(path=path, error=error_line(path, exc))
            return Done(path=path, error=f"error: {path}: cannot read file")
        return self.client.submit(remote_work, self.kind, path, data, pure=False, retries=1)

    def wait(self, path: str, handle: Any) -> Done:
        if isinstance(handle, Done):
            return handle
        try:
            return handle.result()
        except Exception as exc:  # noqa: BLE001 - a lost worker, a cancelled task
            return Done(path=path, error=f"error: {path}: dask task failed: {type(exc).__name__}: {exc}")
