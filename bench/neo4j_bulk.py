"""Bulk loading into Neo4j, the three ways side by side in one run, on the same graph.

The graph: the development set (../shared/dev/docs, else samples/) extracted once through the
real pipeline, then written `--docs` times in all (default 500) into a fresh embedded FalkorDB
graph as distinct documents: copy n of a file gets its own doc_id and source key with the
evidence re-pointed (`recopy` of bench/scale.py, as bench/stores.py and `ingest.py --distinct`
use), so every fact gains one evidence entry per copy — the shape of a corpus of many reports on
the same actors, and the worst case for relationship property size.

Measured, wall-clock seconds and relationships per second:

(a) `migrate` (what `reformkg migrate --to bolt://…` runs) into the Neo4j database emptied
    first: batched `UNWIND … MERGE` transactions over Bolt, schema creation and the count check
    included;
(b) `export --format neo4j-csv` (`export_neo4j_csv`) + the generated `import.sh` run with the
    real `neo4j-admin database import full` of the test server's Neo4j (scripts/neo4j-test-
    server.sh admin) into a new, stopped Neo4j home + the schema reformkg creates when it first
    opens the store (constraints and indexes, awaited online) on a second server started on the
    imported home. The server start itself is shown but not counted (any import needs the
    database stopped and started again; the harness start is a JVM start);
(c) with `--sample K` (default 10; 0 skips it): per-document ingest straight into Neo4j
    (`build_batch` + `GraphStore.write_document`, what `reformkg ingest` does per document
    after extraction): after one untimed warm-up document, K documents written onto the
    N-document graph (the cost at the end of an ingest) and K into the emptied database (the cost at the start); the full ingest is
    extrapolated as N × the mean of the two per-document times, i.e. assuming the cost grows
    linearly with the graph (bench/stores.py shows it growing steadily with the evidence arrays).

Then the node and relationship counts (and per label and type) of the embedded source, of the
migrated database and of the imported one must be equal, or the run fails.

The figures rest on: this machine (2 cores, shared: the load average at start and end is
printed — read the seconds with it), the Neo4j 5 harness server of scripts/neo4j-test-server.sh
(one JVM, 1 GiB heap, 64 MiB page cache, 120 s transaction timeout; a tuned server with more
page cache is faster at (a) and (c), neo4j-admin less affected), the default migrate batch of
1000 rows, and this graph's shape (few nodes, many relationships with array properties).
Extraction is not timed: it is the same for all three and runs once.

Neo4j: `--uri` uses an existing server for (a) and (c) — its database is EMPTIED (never point
this at a database you want to keep); otherwise the test server is started for the run with its
own state dir and stopped after it. (b) always imports into a new Neo4j home with the test
server's neo4j-admin and starts a second test server on it (Java and Maven needed).

    python bench/neo4j_bulk.py [--docs 500] [--sample 10] [--uri bolt://127.0.0.1:7687]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scale import load_avg, recopy  # noqa: E402 - the distinct copies of bench/scale.py and stores.py

from reformkg.config import Settings  # noqa: E402
from reformkg.graph import embedded  # noqa: E402
from reformkg.graph.bulk import export_neo4j_csv, migrate  # noqa: E402
from reformkg.graph.store import GraphStore, open_store  # noqa: E402
from reformkg.graph.writer import build_batch  # noqa: E402

SERVER = ROOT / "scripts" / "neo4j-test-server.sh"


def dev_docs() -> Path:
    dev = ROOT.parent / "shared" / "dev" / "docs"
    return dev if dev.is_dir() else ROOT / "samples"


def start_server(state: Path, copy_from: Path | None = None) -> str:
    """Start a Neo4j test server with its own state dir (stopped with this process at the
    latest); its bolt URI."""
    env = {**os.environ, "NEO4J_TEST_STATE_DIR": str(state), "NEO4J_TEST_PARENT_PID": str(os.getpid())}
    if copy_from is not None:
        env["NEO4J_TEST_COPY_FROM"] = str(copy_from)
    res = subprocess.run(["bash", str(SERVER), "start"], env=env, capture_output=True, text=True, timeout=900)
    if res.returncode != 0:
        sys.exit(f"cannot start the Neo4j test server: {res.stderr.strip()[-2000:]}")
    return res.stdout.strip().splitlines()[-1]


def stop_server(state: Path) -> None:
    env = {**os.environ, "NEO4J_TEST_STATE_DIR": str(state)}
    subprocess.run(["bash", str(SERVER), "stop"], env=env, capture_output=True, timeout=120)


def counts(store: GraphStore) -> dict[str, Any]:
    st = store.stats()
    return {"nodes": st["nodes"], "relationships": st["relationships"], "labels": dict(st["labels"]),
            "types": dict(st["types"])}


def neo4j_store(uri: str, data_dir: Path, user: str, password: str, *, ensure_schema: bool) -> GraphStore:
    return open_store(Settings(data_dir=data_dir, store_uri=uri, neo4j_user=user, neo4j_password=password),
                      ensure_schema=ensure_schema)


def empty(store: GraphStore) -> None:
    """Empty a Neo4j database in small transactions: relationships first, then nodes (one
    `DETACH DELETE` of 5,000 hub nodes with their relationships can pass the server's
    per-transaction memory limit on a large graph)."""
    for query in ("MATCH ()-[r]->() WITH r LIMIT 10000 DELETE r RETURN count(*)",
                  "MATCH (n) WITH n LIMIT 10000 DELETE n RETURN count(*)"):
        while store.write(query).scalar(0):
            pass


def per_document(store: GraphStore, base: list, first: int, k: int) -> float:
    """Seconds per document for writing copies first … first+k-1, one document at a time."""
    t = time.perf_counter()
    for n in range(first, first + k):
        store.write_document(build_batch(recopy(base[n % len(base)], n), store.ontology))
    return (time.perf_counter() - t) / k


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=500, help="distinct documents in the graph (default 500)")
    ap.add_argument("--sample", type=int, default=10, metavar="K",
                    help="documents per per-document ingest sample, at the start and at the end (0: skip)")
    ap.add_argument("--uri", default=None, help="an existing Neo4j for (a) and (c); its database is emptied")
    ap.add_argument("--user", default=os.environ.get("REFORMKG_TEST_NEO4J_USER", ""))
    ap.add_argument("--password", default=os.environ.get("REFORMKG_TEST_NEO4J_PASSWORD", ""))
    ap.add_argument("--batch-size", type=int, default=1000, help="migrate batch size (default 1000)")
    args = ap.parse_args()

    from reformkg.ingest.loaders import iter_paths
    from reformkg.ingest.pipeline import Pipeline

    load_start = load_avg()
    t_run = time.perf_counter()
    tmp = Path(tempfile.mkdtemp(prefix="reformkg-bench-bulk-"))
    servers: list[Path] = []
    src: GraphStore | None = None
    try:
        files = iter_paths([dev_docs()])
        t = time.perf_counter()
        pipe = Pipeline()
        base = [pipe.run_file(p) for p in files]
        extract_s = time.perf_counter() - t

        # the source: N distinct documents in a fresh embedded graph
        src = open_store(Settings(data_dir=tmp / "embedded", graph_name="bench_bulk"))
        src.clear()
        src.ensure_schema()
        t = time.perf_counter()
        for n in range(args.docs):
            src.write_document(build_batch(recopy(base[n % len(base)], n), src.ontology))
        build_s = time.perf_counter() - t
        want = counts(src)
        rels = want["relationships"]
        print(f"graph: {args.docs} distinct documents ({len(base)} files of {dev_docs()} extracted once in "
              f"{extract_s:.1f}s, written {args.docs // len(base)}-{-(-args.docs // len(base))}x) into embedded "
              f"FalkorDB in {build_s:.1f}s: {want['nodes']} nodes, {rels} relationships", flush=True)

        # (a) migrate
        if args.uri:
            uri = args.uri
        else:
            servers.append(tmp / "server-migrate")
            uri = start_server(servers[-1])
        dst = neo4j_store(uri, tmp / "embedded", args.user, args.password, ensure_schema=False)
        try:
            empty(dst)
            t = time.perf_counter()
            dst.ensure_schema()  # what migrate does first (timed apart here; then a no-op inside it)
            mschema_s = time.perf_counter() - t
            t = time.perf_counter()
            report = migrate(src, dst, batch_size=args.batch_size, progress=False)
            copy_s = time.perf_counter() - t
            migrate_s = mschema_s + copy_s
            migrated = counts(dst)
            print(f"(a) migrate: schema {mschema_s:.1f}s + copy {copy_s:.1f}s ({report['retries']} batch writes "
                  f"retried)", flush=True)

            # (c) per-document ingest: K documents at the end (onto the migrated graph), K at the start
            ingest_end = ingest_start = None
            if args.sample > 0:
                per_document(dst, base, args.docs + args.sample, 1)  # untimed: plans compiled, JIT warm
                ingest_end = per_document(dst, base, args.docs, args.sample)
                empty(dst)
                ingest_start = per_document(dst, base, 0, args.sample)
                empty(dst)
                print(f"(c) per-document ingest: {ingest_start:.2f} s/doc at the start, {ingest_end:.2f} s/doc "
                      f"at {args.docs} documents", flush=True)
        finally:
            dst.close()
        if servers:
            stop_server(servers.pop())

        # (b) neo4j-csv export + neo4j-admin import + schema on first open
        csv_dir = tmp / "csv"
        t = time.perf_counter()
        export_neo4j_csv(src, csv_dir)
        export_s = time.perf_counter() - t
        bin_dir = tmp / "bin"  # `neo4j-admin` as import.sh calls it: the test server's real AdminTool
        bin_dir.mkdir()
        admin = bin_dir / "neo4j-admin"
        admin.write_text(f'#!/bin/sh\nexec bash "{SERVER}" admin "$@"\n', encoding="utf-8")
        admin.chmod(0o755)
        home = tmp / "neo4j-home"
        env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}", "NEO4J_HOME": str(home)}
        t = time.perf_counter()
        imp = subprocess.run(["sh", str(csv_dir / "import.sh")], env=env, cwd=tmp, capture_output=True, text=True,
                             timeout=3600)
        import_s = time.perf_counter() - t
        if imp.returncode != 0 or "IMPORT DONE" not in imp.stdout:
            sys.exit(f"import.sh failed:\n{imp.stdout[-3000:]}\n{imp.stderr[-3000:]}")
        servers.append(tmp / "server-import")
        t = time.perf_counter()
        uri2 = start_server(servers[-1], copy_from=home)
        start_s = time.perf_counter() - t
        t = time.perf_counter()
        imported_store = neo4j_store(uri2, tmp / "embedded", "", "", ensure_schema=True)
        schema_s = time.perf_counter() - t
        try:
            imported = counts(imported_store)
        finally:
            imported_store.close()
        stop_server(servers.pop())
        print(f"(b) export {export_s:.1f}s, import.sh {import_s:.1f}s, server start {start_s:.1f}s, "
              f"schema {schema_s:.1f}s", flush=True)
    finally:
        for state in servers:
            stop_server(state)
        if src is not None:
            src.close()
        embedded.stop(tmp / "embedded")
        shutil.rmtree(tmp, ignore_errors=True)

    equal = migrated == want and imported == want
    csv_total = export_s + import_s + schema_s
    print()
    print(f"Neo4j: {'--uri ' + args.uri if args.uri else 'test server (scripts/neo4j-test-server.sh)'} for (a) "
          f"and (c); neo4j-admin of scripts/neo4j-test-server.sh and a second test server for (b)")
    print(f"{'way':<52}{'seconds':>10}{'rels/s':>10}")
    print(f"{'(a) migrate (batched MERGE over Bolt)':<52}{migrate_s:>10.1f}{rels / migrate_s:>10.0f}")
    print(f"{'    of which schema (constraints, indexes)':<52}{mschema_s:>10.1f}")
    print(f"{'(b) export --format neo4j-csv':<52}{export_s:>10.1f}")
    print(f"{'    import.sh (neo4j-admin database import full)':<52}{import_s:>10.1f}")
    print(f"{'    schema on first open (constraints, indexes)':<52}{schema_s:>10.1f}")
    print(f"{'    total':<52}{csv_total:>10.1f}{rels / csv_total:>10.0f}")
    print(f"{'    (server start on the imported home, not counted)':<52}{start_s:>10.1f}")
    if ingest_start is not None and ingest_end is not None:
        est = args.docs * (ingest_start + ingest_end) / 2
        label = f"(c) per-document ingest, extrapolated from 2x{args.sample}"
        print(f"{label:<52}{est:>10.0f}{rels / est:>10.0f}")
        print(f"    ({ingest_start:.2f} s/doc on the empty database, {ingest_end:.2f} s/doc at {args.docs} documents; "
              f"{args.docs} x their mean)")
    print(f"(b) is {migrate_s / csv_total:.1f}x faster than (a)"
          + (f"; (a) is {args.docs * (ingest_start + ingest_end) / 2 / migrate_s:.0f}x faster than (c)"
             if ingest_start is not None and ingest_end is not None else ""))
    print(f"counts: embedded {want['nodes']} nodes / {rels} relationships; migrated {migrated['nodes']} / "
          f"{migrated['relationships']}; imported {imported['nodes']} / {imported['relationships']}; per label and type "
          f"{'EQUAL' if equal else 'DIFFERENT'}")
    if not equal:
        for name, got in (("migrated", migrated), ("imported", imported)):
            for kind in ("labels", "types"):
                for key in sorted(set(want[kind]) | set(got[kind])):
                    if want[kind].get(key) != got[kind].get(key):
                        print(f"  {name} {kind[:-1]} {key}: {want[kind].get(key)} vs {got[kind].get(key)}")
    print(f"load average (1, 5, 15 min): {load_start} at start, {load_avg()} at end; {os.cpu_count()} cores; "
          f"whole run {time.perf_counter() - t_run:.0f}s")
    return 0 if equal else 1


if __name__ == "__main__":
    raise SystemExit(main())
