"""Extraction throughput: the seed corpus (../shared/corpus, else samples/) repeated to at least
2 MB of UTF-8 text, run through the full extraction Pipeline (normalise → segment → components
→ resolve) in one process. Prints KB/s of UTF-8 text and the time per component.

usage: python bench/extract_throughput.py [--mb 2] [--corpus DIR]
"""

from __future__ import annotations

import argparse
import logging
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
    return 0


if __name__ == "__main__":
    sys.exit(main())
