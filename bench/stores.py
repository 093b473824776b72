"""The two stores side by side: the same workload on the embedded FalkorDB and on Neo4j 5, in one run.

Workload:
1. ingest — the development set (../shared/dev/docs, else samples/) extracted once through the
   real pipeline, then written `--copies` times (default 50) under distinct doc ids and source
   keys (evidence re-pointed to each copy), document by document through
   `GraphStore.write_document`: documents per second of the store writes;
   (also shown without the first fifth of the copies: Neo4j replans and JIT-compiles while
   the graph is young);
2. reads on that graph, single client, `--reads` times each (default 60), on entities drawn
   from the graph (the best-connected actors and a spread of others): entity card, neighbourhood
   depth 1 and depth 2, search (name substrings), shortest paths between two actors, and
   collaborators — the application's own reads (graph/queries.py, graph/analytics.py): p50, p95.

Prints one table with both stores and the ratio FalkorDB/Neo4j (docs/s: above 1 means FalkorDB
is faster; latencies: below 1 means FalkorDB is faster), plus `uptime` before and after.

Neo4j: `--neo4j-uri` (or REFORMKG_TEST_NEO4J_URI); without either, the test server of
scripts/neo4j-test-server.sh is started for the run and stopped after it (its ONE database is
emptied first: never point this at a database you want to keep).

    python bench/stores.py [--copies 50] [--reads 60] [--neo4j-uri bolt://127.0.0.1:7687]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reformkg.config import Settings  # noqa: E402
from reformkg.graph import embedded  # noqa: E402
from reformkg.graph.model import DocumentResult, Evidence  # noqa: E402
from reformkg.graph.store import GraphStore, open_store  # noqa: E402
from reformkg.graph.writer import build_batch  # noqa: E402

SERVER = ROOT / "scripts" / "neo4j-test-server.sh"


def _docs_dir() -> Path:
    dev = ROOT.parent / "shared" / "dev" / "docs"
    return dev if dev.is_dir() else ROOT / "samples"


from scale import recopy as _recopy  # noqa: E402 - the same distinct copies as bench/scale.py


def _uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True, timeout=5).stdout.strip()
    except OSError:
        return "uptime unavailable"


def _pcts(samples: list[float]) -> tuple[float, float]:
    s = sorted(samples)
    return statistics.median(s), s[min(len(s) - 1, int(round(0.95 * (len(s) - 1))))]


def ingest(store: GraphStore, results: list[DocumentResult], copies: int) -> list[float]:
    """Seconds per copy of the document set."""
    per_copy = []
    for i in range(copies):
        t0 = time.perf_counter()
        for res in results:
            store.write_document(build_batch(_recopy(res, i), store.ontology))
        per_copy.append(time.perf_counter() - t0)
    return per_copy


def workload(store: GraphStore, reads: int, seed: int) -> dict[str, list[float]]:
    """Single-client latencies (seconds) of the application's reads on `store`."""
    from reformkg.graph.analytics import score_collaborators
    from reformkg.graph.queries import Reader

    reader = Reader(store, store.ontology)
    actors = [r[0] for r in store.read(
        "MATCH (n:Entity)-[r]-() WHERE type(r) <> 'MENTIONED_IN' RETURN n.id, count(r) AS c "
        "ORDER BY c DESC, n.id").rows]
    names = [r[0] for r in store.read("MATCH (n:Entity) WHERE size(n.name) >= 3 RETURN n.name ORDER BY n.id").rows]
    rnd = random.Random(seed)  # the same entities, in the same order, on both stores
    picks = [actors[i % 10] if i % 2 == 0 else rnd.choice(actors) for i in range(reads)]
    pairs = [(rnd.choice(actors[:30]), rnd.choice(actors)) for _ in range(reads)]
    terms = []
    for _ in range(reads):
        name = rnd.choice(names)
        k = rnd.randrange(0, max(1, len(name) - 2))
        terms.append(name[k:k + rnd.choice([2, 3, 4])])
    ops: dict[str, Callable[[int], Any]] = {
        "card": lambda i: reader.card(picks[i]),
        "neighbours depth 1": lambda i: reader.neighbourhood(picks[i], depth=1),
        "neighbours depth 2": lambda i: reader.neighbourhood(picks[i], depth=2),
        "search": lambda i: reader.search(terms[i]),
        "shortest path": lambda i: reader.paths(*pairs[i]),
        "collaborators": lambda i: score_collaborators(picks[i], reader.collaborator_rows(picks[i]) or {}, reader),
    }
    out: dict[str, list[float]] = {}
    for name, op in ops.items():
        op(0)  # warm-up (plan caches, JIT)
        times = []
        for i in range(reads):
            t = time.perf_counter()
            op(i)
            times.append(time.perf_counter() - t)
        out[name] = times
    return out


def _neo4j_uri(arg: str | None) -> tuple[str, dict[str, str] | None]:
    """(uri, env of a server this run started, or None)."""
    uri = arg or os.environ.get("REFORMKG_TEST_NEO4J_URI", "")
    if uri:
        return uri, None
    env = {**os.environ, "NEO4J_TEST_STATE_DIR": tempfile.mkdtemp(prefix="reformkg-bench-neo4j-"),
           "NEO4J_TEST_PARENT_PID": str(os.getpid())}
    res = subprocess.run(["bash", str(SERVER), "start"], env=env, capture_output=True, text=True, timeout=900)
    if res.returncode != 0:
        sys.exit(f"cannot start the Neo4j test server: {res.stderr.strip()}")
    return res.stdout.strip().splitlines()[-1], env


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=50)
    ap.add_argument("--reads", type=int, default=60)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--neo4j-uri", default=None)
    ap.add_argument("--neo4j-user", default=os.environ.get("REFORMKG_TEST_NEO4J_USER", ""))
    ap.add_argument("--neo4j-password", default=os.environ.get("REFORMKG_TEST_NEO4J_PASSWORD", ""))
    args = ap.parse_args()

    from reformkg.ingest.loaders import iter_paths
    from reformkg.ingest.pipeline import Pipeline

    load_before = _uptime()
    files = iter_paths([_docs_dir()])
    pipe = Pipeline()
    t = time.perf_counter()
    results = [pipe.run_file(p) for p in files]
    extract_s = time.perf_counter() - t

    uri, server_env = _neo4j_uri(args.neo4j_uri)
    tmp = tempfile.TemporaryDirectory(prefix="reformkg-bench-stores-")
    data_dir = Path(tmp.name)
    stores = {
        "FalkorDB": open_store(Settings(data_dir=data_dir, graph_name="bench_stores")),
        "Neo4j": open_store(Settings(data_dir=data_dir, store_uri=uri, neo4j_user=args.neo4j_user,
                                     neo4j_password=args.neo4j_password)),
    }
    figures: dict[str, dict[str, Any]] = {}
    try:
        for name, store in stores.items():
            store.clear()
            store.ensure_schema()
            per_copy = ingest(store, results, args.copies)
            stats = store.stats()
            figures[name] = {"docs": len(results) * args.copies, "ingest_s": sum(per_copy),
                             "late_docs": len(results) * len(per_copy[args.copies // 5:]),
                             "late_s": sum(per_copy[args.copies // 5:]),
                             "per_copy": per_copy, "nodes": stats["nodes"], "rels": stats["relationships"],
                             "reads": workload(store, args.reads, args.seed)}
            store.clear()
    finally:
        for store in stores.values():
            store.close()
        embedded.stop(data_dir)
        tmp.cleanup()
        if server_env is not None:
            subprocess.run(["bash", str(SERVER), "stop"], env=server_env, capture_output=True, timeout=120)

    f, n = figures["FalkorDB"], figures["Neo4j"]
    print(f"load before: {load_before}")
    print(f"workload: {len(files)} documents of {_docs_dir()} extracted once in {extract_s:.1f}s, "
          f"written {args.copies}x = {f['docs']} documents; {args.reads} reads per operation, single client")
    print(f"graph: FalkorDB {f['nodes']} nodes / {f['rels']} relationships; "
          f"Neo4j {n['nodes']} nodes / {n['rels']} relationships")
    print(f"Neo4j: {uri}{' (test server started for this run)' if server_env else ''}")
    print()
    print(f"{'measure':<28}{'FalkorDB':>14}{'Neo4j':>14}{'FalkorDB/Neo4j':>16}")
    fd, nd = f["docs"] / f["ingest_s"], n["docs"] / n["ingest_s"]
    print(f"{'ingest docs/s':<28}{fd:>14.1f}{nd:>14.1f}{fd / nd:>16.2f}")
    fl, nl = f["late_docs"] / f["late_s"], n["late_docs"] / n["late_s"]
    print(f"{'  without first 20% copies':<28}{fl:>14.1f}{nl:>14.1f}{fl / nl:>16.2f}")
    k = max(1, min(5, args.copies // 4))
    for label, part in ((f"  first {k} copies", slice(0, k)), (f"  last {k} copies", slice(-k, None))):
        fr = len(results) * k / sum(f["per_copy"][part])
        nr = len(results) * k / sum(n["per_copy"][part])
        print(f"{label:<28}{fr:>14.1f}{nr:>14.1f}{fr / nr:>16.2f}")
    for op in f["reads"]:
        fp = _pcts(f["reads"][op])
        np_ = _pcts(n["reads"][op])
        for label, a, b in (("p50", fp[0], np_[0]), ("p95", fp[1], np_[1])):
            print(f"{op + ' ' + label + ' ms':<28}{a * 1000:>14.2f}{b * 1000:>14.2f}{a / b:>16.2f}")
    print()
    print(f"load after: {_uptime()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
