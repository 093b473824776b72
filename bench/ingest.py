"""Ingest benchmark: documents per second into the embedded store.

The corpus (../shared/corpus, else samples/) is replicated N times (default 200) under
distinct ids. Default mode extracts each file once through the real pipeline, then writes
every copy with its own doc_id/source_key (evidence re-pointed to the copy), so the store
figure is the store's own; the extraction rate is measured on the single pass. `--full` runs
the whole pipeline on every copy instead (a distinct marker line is appended to the text so
that the content hash differs) — slow on a small machine, use `--copies`.

    python bench/ingest.py [--copies 200] [--full] [--corpus DIR] [--keep DIR]
    python bench/ingest.py --distinct [100,1000,10000]   # per-document write cost as the store grows

`--distinct` writes that many distinct documents (the seed files under their own ids, each
reading the same facts: every fact a hub) and prints per-document write p50/p95 and store CPU
at each size, with the ratio of the last to the first (see bench/scale.py, which it runs).

Prints: documents, seconds and documents/s for extraction, batch building and store writes,
the store's final counts, and p50/p95 per-document write latency.

`--lookups N` then times, on the store just written (or on `--lookups-store DIR:GRAPH`, e.g.
the 100k-node graph `bench/api_load.py --data-dir DIR` keeps, graph `bench`), N identity
look-ups (`GraphStore.candidates`, by name and by alias) and N version look-ups (`_versions`,
run by every document write), side by side with the label-scanning Cypher they replaced.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reformkg.config import Settings  # noqa: E402
from reformkg.graph import embedded  # noqa: E402
from reformkg.graph.model import DocumentResult, Evidence  # noqa: E402
from reformkg.graph.store import open_store  # noqa: E402
from reformkg.graph.writer import build_batch  # noqa: E402


def _corpus(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    shared = ROOT.parent / "shared" / "corpus"
    return shared if shared.exists() and any(shared.iterdir()) else ROOT / "samples"


def _recopy(result: DocumentResult, i: int) -> DocumentResult:
    """The same extraction under a distinct doc_id and source_key (evidence re-pointed)."""
    doc_id = f"{result.doc_id}c{i}"

    def ev(items: list[Evidence]) -> list[Evidence]:
        return [dataclasses.replace(e, doc_id=doc_id) for e in items]

    return dataclasses.replace(
        result,
        doc_id=doc_id,
        source_key=f"{result.source_key}#copy{i}",
        path=f"{result.path}#copy{i}",
        entities=[dataclasses.replace(e, evidence=ev(e.evidence)) for e in result.entities],
        facts=[dataclasses.replace(f, evidence=ev(f.evidence)) for f in result.facts],
        outcomes=[dataclasses.replace(o, evidence=ev(o.evidence)) for o in result.outcomes],
    )


# the look-ups as they were before the list-element indexes (issue 11), for the side-by-side
SCAN_CANDIDATES = ("MATCH (n:{label}) WHERE n.name = $name OR $name IN coalesce(n.aliases, []) "
                   "OPTIONAL MATCH (n)-[h:HOLDS_POSITION]->(o) RETURN n.id, collect(h.title) ORDER BY n.id LIMIT 50")
SCAN_VERSIONS = ("MATCH (o:Document) WHERE o.doc_id = $doc_id OR ($source_key <> '' AND "
                 "($source_key IN coalesce(o.source_keys, []) OR o.source_key = $source_key)) "
                 "RETURN o.doc_id, coalesce(o.source_keys, [o.source_key])")


def _pcts(xs: list[float]) -> str:
    xs = sorted(xs)
    return f"p50 {statistics.median(xs) * 1000:6.2f} ms, p95 {xs[int(0.95 * (len(xs) - 1))] * 1000:6.2f} ms"


def lookups(store, n: int, seed: int = 3) -> None:
    """Identity and version look-ups, indexed (the store's) and scanning (before), side by side."""
    import random

    rng = random.Random(seed)
    onto = store.ontology
    names: list[tuple[str, str]] = []
    for label in onto.entity_labels:
        rows = store.read(f"MATCH (n:{label}) RETURN n.name, n.aliases LIMIT 2000").rows
        for name, aliases in rows:
            names.append((label, rng.choice(list(aliases)) if aliases and rng.random() < 0.5 else name))
    docs = store.read("MATCH (d:Document) RETURN d.doc_id, d.source_key LIMIT 5000").rows
    if not names or not docs:
        print("lookups: the store holds no entities or documents")
        return
    picks = [rng.choice(names) for _ in range(n)]
    dpicks = [rng.choice(docs) for _ in range(n)]
    counts = store.stats()
    print(f"lookups on {counts['nodes']} nodes ({counts['documents']} documents), {n} of each:")
    for title, fn in (
        ("candidates, indexed (now)", lambda i: store.candidates(*picks[i])),
        ("candidates, label scan (before)",
         lambda i: store.read(SCAN_CANDIDATES.format(label=onto.check_label(picks[i][0])), {"name": picks[i][1]})),
        ("_versions, indexed (now)", lambda i: store._versions(dpicks[i][0], dpicks[i][1] or "")),
        ("_versions, Document scan (before)",
         lambda i: store.read(SCAN_VERSIONS, {"doc_id": dpicks[i][0], "source_key": dpicks[i][1] or ""})),
    ):
        times = []
        for i in range(n):
            t = time.perf_counter()
            fn(i)
            times.append(time.perf_counter() - t)
        print(f"  {title:<36} {_pcts(times)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=200)
    ap.add_argument("--full", action="store_true", help="run the whole pipeline on every copy")
    ap.add_argument("--corpus", default=None)
    ap.add_argument("--keep", default=None, help="data dir to keep (default: a temp dir, removed)")
    ap.add_argument("--distinct", nargs="?", const="100,1000,10000", default=None,
                    help="per-document write cost at these numbers of distinct documents")
    ap.add_argument("--lookups", type=int, default=0, metavar="N",
                    help="then time N identity and N version look-ups, indexed vs the former scans")
    ap.add_argument("--lookups-store", default=None, metavar="DIR:GRAPH",
                    help="only the look-ups, on this existing embedded store (data dir and graph name)")
    args = ap.parse_args()
    if args.lookups_store:
        d, _, graph = args.lookups_store.rpartition(":")
        st = open_store(Settings(data_dir=Path(d), graph_name=graph or "reformkg"))
        try:
            lookups(st, args.lookups or 200)
        finally:
            st.close()
        return 0
    if args.distinct:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        import scale

        sizes = [int(x) for x in args.distinct.split(",") if x]
        tmp_dir = Path(tempfile.mkdtemp(prefix="reformkg-bench-"))
        try:
            w = scale.write_cost(sizes, tmp_dir)
        finally:
            embedded.stop(tmp_dir)
        if len(w) > 1:
            print(f"ratio at {w[-1][0]} vs {w[0][0]}: write p50 {w[-1][1] / w[0][1]:.2f}x, "
                  f"CPU per doc {w[-1][3] / w[0][3]:.2f}x (target <= 1.5x)")
        return 0

    from reformkg.ingest.loaders import iter_paths, load
    from reformkg.ingest.document import RawDocument
    from reformkg.ingest.pipeline import Pipeline

    corpus = _corpus(args.corpus)
    files = iter_paths([corpus])
    tmp = None if args.keep else tempfile.TemporaryDirectory(prefix="reformkg-bench-")
    data_dir = Path(args.keep or tmp.name)
    settings = Settings(data_dir=data_dir, graph_name="bench")
    store = open_store(settings)
    store.clear()
    store.ensure_schema()
    pipe = Pipeline(ontology=store.ontology)
    ontology = store.ontology

    extract_s = batch_s = 0.0
    write_times: list[float] = []
    errors = 0
    n_docs = 0
    t_all = time.perf_counter()
    raws = []
    for f in files:
        try:
            raws.append(load(f))
        except Exception as exc:  # noqa: BLE001
            errors += 1
            print(f"error: {f}: {exc}", file=sys.stderr)
    text_kb = sum(len(r.source_text.encode("utf-8")) for r in raws) / 1024

    base_results: list[DocumentResult] = []
    if not args.full:
        t = time.perf_counter()
        for raw in raws:
            base_results.append(pipe.run_raw(raw))
        extract_s = time.perf_counter() - t
        extract_docs = len(raws)

    for i in range(args.copies):
        if args.full:
            for raw in raws:
                t = time.perf_counter()
                copy = RawDocument(path=f"{raw.path}#copy{i}", media_type=raw.media_type, encoding=raw.encoding,
                                   source_text=raw.source_text + f"\n\n（基准测试副本 {i}）\n", meta=raw.meta)
                result = pipe.run_raw(copy)
                extract_s += time.perf_counter() - t
                t = time.perf_counter()
                batch = build_batch(result, ontology)
                batch_s += time.perf_counter() - t
                t = time.perf_counter()
                store.write_document(batch)
                write_times.append(time.perf_counter() - t)
                n_docs += 1
        else:
            for res in base_results:
                t = time.perf_counter()
                batch = build_batch(_recopy(res, i), ontology)
                batch_s += time.perf_counter() - t
                t = time.perf_counter()
                store.write_document(batch)
                write_times.append(time.perf_counter() - t)
                n_docs += 1
    total_s = time.perf_counter() - t_all
    if args.full:
        extract_docs = n_docs
    if args.lookups:
        lookups(store, args.lookups)
    stats = store.stats()
    store.close()
    embedded.stop(data_dir)
    if tmp is not None:
        tmp.cleanup()

    write_s = sum(write_times)
    per_doc_extract = extract_s / max(extract_docs, 1)
    per_doc_store = (write_s + batch_s) / max(n_docs, 1)
    wt = sorted(write_times)
    print(f"corpus: {corpus} ({len(raws)} files, {text_kb:.1f} KB of text, {errors} unreadable)")
    print(f"mode: {'full pipeline per copy' if args.full else 'extract once, write every copy'}; copies: {args.copies}")
    print(f"documents written: {n_docs} in {total_s:.1f} s wall")
    print(f"extraction: {extract_docs} docs in {extract_s:.2f} s = {extract_docs / extract_s if extract_s else 0:.2f} docs/s "
          f"({text_kb * (extract_docs / max(len(raws), 1)) / extract_s if extract_s else 0:.1f} KB/s)")
    print(f"build_batch: {batch_s:.2f} s = {n_docs / batch_s if batch_s else 0:.0f} docs/s")
    print(f"store writes: {write_s:.2f} s = {n_docs / write_s if write_s else 0:.1f} docs/s into the embedded store; "
          f"per doc p50 {statistics.median(wt) * 1000:.1f} ms, p95 {wt[int(0.95 * (len(wt) - 1))] * 1000:.1f} ms, "
          f"max {wt[-1] * 1000:.1f} ms")
    print(f"end to end (extraction + store) ≈ {1 / (per_doc_extract + per_doc_store):.2f} docs/s single process")
    print(f"store after: {stats['documents']} documents, {stats['nodes']} nodes, {stats['relationships']} relationships")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
