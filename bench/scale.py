"""Scale benchmark: ingest of 100, 1,000 and 10,000 distinct documents with 1 and 2 workers.

Documents are the seed corpus (../shared/corpus and ../shared/dev/docs, else samples/) with a
changed first sentence per copy, so every copy is a distinct document (own doc_id, own
source_key) that reads the same facts: each fact gains one evidence entry per copy of its
file, the worst case for the store (every fact a hub).

Two parts, both run on the embedded store in a temp data dir:

1. **Write cost** (`--write-sizes`, default 100,1000,10000): extract each seed file once, then
   write N distinct copies; per-document write time p50/p95 over the last 10 % of the writes
   before each size, and the ratio to the first size (target: <= 1.5 at 10,000 vs 100).
2. **Ingest** (`--ingest-sizes`, default 100,1000; `--workers 1,2`): the real ingest path on
   real files (`reformkg.ingest.parallel.Extractor` → resolve → build_batch → write, as
   `reformkg ingest` does): docs/s, KB/s, per-document write p50/p95, peak RSS of this
   process and of its workers, CPU seconds of both, and the machine's load.

Then an extrapolation for 100,000 documents on 2 and on 16 cores, with what it rests on.

    python bench/scale.py [--write-sizes 100,1000,10000] [--ingest-sizes 100,1000] [--workers 1,2]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import resource
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# BENCH_CODE_ROOT=/path/to/another/checkout measures that checkout's code (baseline side by side)
sys.path.insert(0, os.environ.get("BENCH_CODE_ROOT") or str(ROOT))

from reformkg.config import Settings  # noqa: E402
from reformkg.graph import embedded  # noqa: E402
from reformkg.graph.model import DocumentResult, Evidence  # noqa: E402
from reformkg.graph.store import open_store  # noqa: E402
from reformkg.graph.writer import build_batch  # noqa: E402


def seed_files() -> list[Path]:
    shared = ROOT.parent / "shared"
    files = sorted((shared / "corpus").glob("*.txt")) + sorted((shared / "dev" / "docs").glob("*.txt"))
    return files or sorted(p for p in (ROOT / "samples").iterdir() if p.is_file())


def changed_first_sentence(text: str, i: int) -> str:
    """The text with copy number i written into its first sentence (a distinct document)."""
    return f"（副本{i}）" + text


def recopy(result: DocumentResult, i: int) -> DocumentResult:
    """The same extraction under a distinct doc_id and source_key (evidence re-pointed)."""
    doc_id = f"{result.doc_id}c{i}"

    def ev(items: list[Evidence]) -> list[Evidence]:
        return [dataclasses.replace(e, doc_id=doc_id) for e in items]

    return dataclasses.replace(
        result, doc_id=doc_id, source_key=f"{result.source_key}#copy{i}", path=f"{result.path}#copy{i}",
        entities=[dataclasses.replace(e, evidence=ev(e.evidence)) for e in result.entities],
        facts=[dataclasses.replace(f, evidence=ev(f.evidence)) for f in result.facts],
        outcomes=[dataclasses.replace(o, evidence=ev(o.evidence)) for o in result.outcomes],
    )


def pct(values: list[float], q: float) -> float:
    v = sorted(values)
    return v[int(q * (len(v) - 1))] if v else float("nan")


def load_avg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def server_cpu(data_dir: Path) -> float:
    """CPU seconds used so far by the embedded FalkorDB server of `data_dir` (all threads)."""
    try:
        pid = int((data_dir / embedded.PID_FILE).read_text().strip())
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(") ", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


def open_temp_store(tmp: Path, name: str):
    store = open_store(Settings(data_dir=tmp, graph_name=name))
    store.clear()
    store.ensure_schema()
    return store


# ---- 1. write cost ----------------------------------------------------------------------------

def write_cost(sizes: list[int], tmp: Path) -> list[tuple[int, float, float, float]]:
    from reformkg.ingest.pipeline import Pipeline

    pipe = Pipeline()
    base = [pipe.run_file(p) for p in seed_files()]
    store = open_temp_store(tmp, "scale_write")
    times: list[float] = []
    cpu: list[float] = []  # cumulative CPU seconds (server + this process) after each write
    out = []
    try:
        n = 0
        for size in sizes:
            while n < size:
                batch = build_batch(recopy(base[n % len(base)], n), store.ontology)
                t = time.perf_counter()
                store.write_document(batch)
                times.append(time.perf_counter() - t)
                if n % 10 == 0 or n + 1 >= size - max(size // 10, 10):
                    cpu.append(server_cpu(tmp) + time.process_time())
                else:
                    cpu.append(float("nan"))
                n += 1
            lo = size - max(size // 10, 10)
            window = times[lo:size]
            cpu_per_doc = (cpu[size - 1] - cpu[lo - 1]) / (size - lo) if lo >= 1 else float("nan")
            out.append((size, pct(window, 0.5), pct(window, 0.95), cpu_per_doc))
            print(f"  {size:>6} docs written: per-doc write p50 {out[-1][1] * 1000:7.1f} ms  "
                  f"p95 {out[-1][2] * 1000:7.1f} ms  CPU (store server + client) {cpu_per_doc * 1000:6.1f} ms/doc"
                  f"   (load {load_avg()})", flush=True)
    finally:
        store.clear()
        store.close()
    return out


# ---- 2. ingest with workers -------------------------------------------------------------------

@dataclasses.dataclass
class IngestRun:
    docs: int
    workers: int
    seconds: float
    kb: float
    write_p50: float
    write_p95: float
    main_cpu: float
    worker_cpu: float
    rss_main_mb: float
    rss_worker_mb: float
    resolve_s: float
    errors: int


def make_files(n: int, out: Path) -> list[Path]:
    seeds = [(p, p.read_text(encoding="utf-8")) for p in seed_files()]
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(n):
        p, text = seeds[i % len(seeds)]
        f = out / f"{i:06d}_{p.name}"
        f.write_text(changed_first_sentence(text, i), encoding="utf-8")
        files.append(f)
    return files


def ingest(files_dir: Path, workers: int, tmp: Path) -> IngestRun:
    from reformkg.ingest.parallel import PREPARED, Extractor, iter_files
    from reformkg.ingest.pipeline import Pipeline

    store = open_temp_store(tmp, f"scale_ingest_{workers}")
    pipe = Pipeline(ontology=store.ontology, identity=store)
    kb = sum(f.stat().st_size for f in iter_files([files_dir])) / 1024
    writes: list[float] = []
    resolve_s = 0.0
    errors = docs = 0
    c0 = time.process_time()
    ch0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    try:
        with Extractor(PREPARED, workers) as ex:
            for done in ex.map((f, True) for f in iter_files([files_dir])):
                if done.error:
                    errors += 1
                    continue
                t = time.perf_counter()
                result = pipe.finish(*done.value) if isinstance(done.value, tuple) else done.value
                batch = build_batch(result, store.ontology)
                t2 = time.perf_counter()
                store.write_document(batch)
                writes.append(time.perf_counter() - t2)
                resolve_s += t2 - t
                docs += 1
        seconds = time.perf_counter() - t0
    finally:
        store.clear()
        store.close()
    ch1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    self_ru = resource.getrusage(resource.RUSAGE_SELF)
    return IngestRun(
        docs=docs, workers=workers, seconds=seconds, kb=kb, write_p50=pct(writes, 0.5), write_p95=pct(writes, 0.95),
        main_cpu=time.process_time() - c0, worker_cpu=(ch1.ru_utime + ch1.ru_stime) - (ch0.ru_utime + ch0.ru_stime),
        rss_main_mb=self_ru.ru_maxrss / 1024, rss_worker_mb=ch1.ru_maxrss / 1024, resolve_s=resolve_s, errors=errors)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--write-sizes", default="100,1000,10000")
    ap.add_argument("--ingest-sizes", default="100,1000")
    ap.add_argument("--workers", default="1,2")
    args = ap.parse_args()
    write_sizes = [int(x) for x in args.write_sizes.split(",") if x]
    ingest_sizes = [int(x) for x in args.ingest_sizes.split(",") if x]
    worker_counts = [int(x) for x in args.workers.split(",") if x]
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # stop the store server on `kill` too
    tmp = Path(tempfile.mkdtemp(prefix="reformkg-scale-"))
    cores = os.cpu_count() or 1
    print(f"machine: {cores} cores, load {load_avg()} at start; seed: {len(seed_files())} files")
    try:
        w = []
        if write_sizes:
            print("1. write cost, distinct documents (extraction once, every copy written under its own id):")
            w = write_cost(write_sizes, tmp)
            if len(w) > 1:
                print(f"  ratio at {w[-1][0]} vs {w[0][0]}: per-doc write p50 {w[-1][1] / w[0][1]:.2f}x, "
                      f"p95 {w[-1][2] / w[0][2]:.2f}x, CPU per doc {w[-1][3] / w[0][3]:.2f}x (target <= 1.5x)")
        runs: list[IngestRun] = []
        if ingest_sizes:
            print("2. ingest (real files, changed first sentence per copy; extraction in worker processes):")
            print(f"  {'docs':>6} {'workers':>7} {'wall s':>8} {'docs/s':>7} {'KB/s':>7} {'wr p50':>8} {'wr p95':>8} "
                  f"{'main cpu':>9} {'wkr cpu':>8} {'RSS main':>9} {'RSS wkr':>8}  load")
            for n in ingest_sizes:
                files_dir = tmp / f"files_{n}"
                make_files(n, files_dir)
                for k in worker_counts:
                    r = ingest(files_dir, k, tmp)
                    runs.append(r)
                    print(f"  {r.docs:>6} {k:>7} {r.seconds:>8.1f} {r.docs / r.seconds:>7.2f} {r.kb / r.seconds:>7.1f} "
                          f"{r.write_p50 * 1000:>6.1f}ms {r.write_p95 * 1000:>6.1f}ms {r.main_cpu:>8.1f}s "
                          f"{r.worker_cpu:>7.1f}s {r.rss_main_mb:>7.0f}MB "
                          f"{(f'{r.rss_worker_mb:>6.0f}MB' if k > 1 else '     -  ')}  {load_avg()}",
                          flush=True)
                shutil.rmtree(files_dir, ignore_errors=True)
        if runs:
            extrapolate(runs, w)
    finally:
        embedded.stop(tmp)
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def extrapolate(runs: list[IngestRun], writes: list[tuple[int, float, float, float]]) -> None:
    """100,000 documents on 2 and on 16 cores, from CPU-time figures (the machine is shared)."""
    big = max(runs, key=lambda r: (r.docs, r.workers))
    multi = [r for r in runs if r.docs == big.docs and r.workers > 1]
    ref = multi[0] if multi else big
    if multi:  # the workers' CPU per document (worker start-up included)
        per_doc_extract = ref.worker_cpu / ref.docs
        # this process: resolve, build_batch, the client side of the write
        writer_client = ref.main_cpu / ref.docs
    else:
        per_doc_extract = (ref.main_cpu - ref.resolve_s) / ref.docs
        writer_client = ref.resolve_s / ref.docs
    # the store server's side of a write, at the largest write size measured (else the wall p50)
    writer_server = writes[-1][3] if writes else ref.write_p50
    per_doc_writer = writer_client + writer_server
    kb_per_doc = big.kb / big.docs
    n = 100_000
    print(f"3. extrapolation to {n:,} documents of {kb_per_doc:.1f} KB:")
    print(f"  rests on: extraction {per_doc_extract * 1000:.0f} ms CPU per document (workers' CPU time in the "
          f"{ref.docs}-document run, so the load of other jobs does not count), linear in cores (one worker "
          f"process per core, documents independent); the single writer at {per_doc_writer * 1000:.0f} ms per "
          f"document ({writer_client * 1000:.0f} ms CPU here for resolve + build + client, "
          f"{writer_server * 1000:.0f} ms for the store "
          f"{'(CPU per write at ' + str(writes[-1][0]) + ' documents, taken as flat beyond)' if writes else '(wall p50)'}); "
          f"writer and workers overlap, so the run takes the longer of the two")
    for cores in (2, 16):
        # the writer (this process and the store server) shares the cores with the workers:
        # all CPU spread over the cores, or the writer's serial time, whichever is longer
        spread_s = n * (per_doc_extract + per_doc_writer) / cores
        writer_s = n * per_doc_writer
        total = max(spread_s, writer_s)
        bound = "CPU (extraction)" if spread_s >= writer_s else "the single writer"
        print(f"  {cores:>2} cores: all CPU spread {spread_s / 3600:.2f} h, writer alone {writer_s / 3600:.2f} h "
              f"→ ≈ {total / 3600:.2f} h ({n / total:.1f} docs/s), bound by {bound}")
    print(f"  one writer keeps up with about {per_doc_writer and per_doc_extract / per_doc_writer:.1f} extraction cores")


if __name__ == "__main__":
    raise SystemExit(main())
