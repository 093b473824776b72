"""Extraction throughput: the seed corpus (../shared/corpus, else samples/) repeated to at least
2 MB of UTF-8 text, run through the full extraction Pipeline (normalise → segment → components
→ resolve) in one process. Prints KB/s of UTF-8 text and the time per component.

With `--workers N` (N > 1) the same text, written out as files, goes through the worker
processes of `reformkg extract --workers N` (reformkg.ingest.parallel) instead, and the
figures are wall clock and the workers' CPU time, side by side with one process.

usage: python bench/extract_throughput.py [--mb 2] [--corpus DIR] [--workers N]
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reformkg.ingest import lexicons  # noqa: E402
from reformkg.ingest.document import RawDocument  # noqa: E402
from reformkg.ingest.loaders import iter_paths, load  # noqa: E402
from reformkg.ingest.pipeline import Pipeline  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=2.0)
    ap.add_argument("--corpus", type=Path, default=None)
    ap.add_argument("--workers", type=int, default=1)
    a = ap.parse_args()
    logging.basicConfig(level=logging.ERROR)
    corpus = a.corpus or (ROOT.parent / "shared" / "corpus")
    if not corpus.is_dir():
        corpus = ROOT / "samples"
    raws = [load(p) for p in iter_paths([corpus])]
    if not raws:
        print(f"no documents under {corpus}")
        return 1
    pipe = Pipeline()
    lexicons.warm()
    pipe.run_raw(raws[0])                       # warm-up: model and automata loaded once
    target = int(a.mb * 1024 * 1024)
    total = 0
    docs = 0
    timings: Counter[str] = Counter()
    t0 = time.perf_counter()
    c0 = time.process_time()
    i = 0
    while total < target:
        raw = raws[i % len(raws)]
        # a distinct path per copy, as a real run would have
        copy = RawDocument(path=f"{raw.path}#{i}", media_type=raw.media_type, encoding=raw.encoding,
                           source_text=raw.source_text)
        result = pipe.run_raw(copy)
        timings.update(result.timings)
        total += len(raw.source_text.encode("utf-8"))
        docs += 1
        i += 1
    dt = time.perf_counter() - t0
    cpu = time.process_time() - c0
    print(f"corpus: {corpus} ({len(raws)} files), {docs} documents, {total / 1024:.0f} KB in {dt:.2f} s")
    print(f"extraction throughput: {total / 1024 / dt:.1f} KB/s wall clock (single process)")
    print(f"                       {total / 1024 / cpu:.1f} KB/s of process CPU time "
          f"(the wall-clock figure drops when other jobs share the cores)")
    for name, sec in timings.most_common():
        print(f"  {name:18} {sec:7.2f} s  {100 * sec / dt:5.1f} %")
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    if a.workers > 1:
        parallel_run(raws, docs, total, a.workers, total / 1024 / cpu)
    return 0


def parallel_run(raws: list, docs: int, total: int, workers: int, single_cpu_kbs: float) -> None:
    """The same documents as files through `workers` extraction processes."""
    import resource
    import shutil
    import tempfile

    from reformkg.ingest.parallel import RESULT, Extractor

    tmp = Path(tempfile.mkdtemp(prefix="reformkg-xt-"))
    try:
        paths = []
        for i in range(docs):
            raw = raws[i % len(raws)]
            p = tmp / f"{i:05d}.txt"
            p.write_text(raw.source_text, encoding="utf-8")
            paths.append(p)
        ch0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        with Extractor(RESULT, workers) as ex:
            done = list(ex.map((p, True) for p in paths))
        errors = sum(1 for d in done if d.error)
        doc_cpu = sum(d.cpu for d in done)  # in the workers, per document (start-up excluded)
        dt = time.perf_counter() - t0
        ch1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        wcpu = (ch1.ru_utime + ch1.ru_stime) - (ch0.ru_utime + ch0.ru_stime)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    kb = total / 1024
    print(f"{workers} worker processes: {docs} documents, {kb:.0f} KB in {dt:.2f} s wall = {kb / dt:.1f} KB/s "
          f"({errors} errors); workers' CPU {wcpu:.1f} s = {kb / wcpu:.1f} KB/s per core")
    print(f"  per document in the workers (start-up excluded): {doc_cpu:.1f} s CPU = {kb / doc_cpu:.1f} KB/s per core")
    print(f"  speed-up over one process by CPU time: {workers} x {kb / wcpu:.1f} / {single_cpu_kbs:.1f} = "
          f"{workers * (kb / wcpu) / single_cpu_kbs:.2f}x with worker start-up, "
          f"{workers * (kb / doc_cpu) / single_cpu_kbs:.2f}x without (what an idle {workers}-core machine would "
          f"show on a long run); load now {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    sys.exit(main())
