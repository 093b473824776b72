"""CPU per request of each read endpoint, API and engine apart: the graph of bench/api_load.py
(built there with --data-dir; reused here), `reformkg serve` of this tree (or --code DIR), then
for each endpoint of the benchmark's mix a fixed number of its requests (the benchmark's own
request generator, uniform ids) from a few keep-alive clients, with the CPU seconds of the
server's process tree and of the engine process read before and after.

Optionally (`--py-spy SECONDS`) a py-spy profile of the API workers under the full mix is
written to --out (speedscope or flamegraph as py-spy names it).

    python bench/api_cpu.py --data-dir /tmp/h-api2/apigraph [--requests 1500] [--clients 8]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import api_load  # noqa: E402  (the benchmark: graph, request generator, server start/stop)


async def _run_fixed(base: str, targets: list[str], clients: int) -> tuple[int, int]:
    """GET every target over `clients` keep-alive connections; (requests, non-200 answers)."""
    from urllib.parse import urlsplit

    u = urlsplit(base)
    queue = list(reversed(targets))
    bad = 0

    async def worker() -> None:
        nonlocal bad
        conn = api_load._Conn(u.hostname or "127.0.0.1", u.port or 80)
        while queue:
            status, _body = await conn.get(queue.pop())
            bad += status != 200
        await conn.close()

    await asyncio.gather(*(worker() for _ in range(clients)))
    return len(targets), bad


def targets_of(kind: str, n: int, ids: list[str], names: list[str], seed: int) -> list[str]:
    """n request targets of one kind of the benchmark's mix (its generator, redrawn until the kind fits)."""
    from urllib.parse import urlencode

    rng = random.Random(seed)
    out: list[str] = []
    while len(out) < n:
        k, path, params = api_load._requests(rng, ids, names)
        if k == kind:
            out.append(path + ("?" + urlencode(params) if params else ""))
    return out


def sample_ids(data_dir: Path) -> tuple[list[str], list[str]]:
    """The ids and names the benchmark draws from (same query, same shuffle)."""
    from reformkg.config import Settings
    from reformkg.graph.ontology import get_ontology
    from reformkg.graph.store import open_store

    store = open_store(Settings(data_dir=data_dir, graph_name="bench"))
    try:
        rows = store.read(f"MATCH (n:{get_ontology().umbrella_label}) RETURN n.id, n.name LIMIT 200000").rows
    finally:
        store.close()
    rng = random.Random(7)
    rng.shuffle(rows)
    return [r[0] for r in rows[:20000]], [r[1] for r in rows[:20000]]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--code", type=Path, default=api_load.ROOT)
    ap.add_argument("--requests", type=int, default=1500)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--py-spy", type=float, default=0.0, help="seconds of py-spy under the full mix (0: none)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/api_cpu_profile.txt"))
    ap.add_argument("--skip-kinds", action="store_true", help="no per-endpoint figures (only the profile)")
    ap.add_argument("--perf", action="store_true", help="also `perf record` the engine during the profile")
    args = ap.parse_args()

    from reformkg.graph import embedded

    data_dir = args.data_dir.resolve()
    ids, names = sample_ids(data_dir)
    server, base = api_load._serve(args.code.resolve(), data_dir, args.workers)
    report: dict[str, dict[str, float]] = {}
    try:
        engine = api_load._engine_pid(data_dir)
        for kind in api_load.MIX:  # warm: plans compiled, caches of titles and generic data read
            asyncio.run(_run_fixed(base, targets_of(kind, 100, ids, names, 99), args.clients))
        for kind in ([] if args.skip_kinds else api_load.MIX):
            targets = targets_of(kind, args.requests, ids, names, 11)
            c0 = (api_load._cpu_seconds(server.pid), api_load._cpu_seconds(engine) if engine else 0.0)
            t0 = time.perf_counter()
            n, bad = asyncio.run(_run_fixed(base, targets, args.clients))
            wall = time.perf_counter() - t0
            c1 = (api_load._cpu_seconds(server.pid), api_load._cpu_seconds(engine) if engine else 0.0)
            api, eng = (c1[0] - c0[0]) * 1000 / n, (c1[1] - c0[1]) * 1000 / n
            report[kind] = {"api_ms": round(api, 2), "engine_ms": round(eng, 2), "total_ms": round(api + eng, 2),
                            "rps": round(n / wall, 1), "errors": bad}
            print(f"{kind:<14} API {api:6.2f} ms + engine {eng:6.2f} ms = {api + eng:6.2f} ms/req "
                  f"({n / wall:7.1f} req/s, {bad} errors)", flush=True)
        if report:
            mix = sum(api_load.MIX[k] * report[k]["total_ms"] for k in report)
            mix_api = sum(api_load.MIX[k] * report[k]["api_ms"] for k in report)
            print(f"{'mix-weighted':<14} API {mix_api:6.2f} ms + engine {mix - mix_api:6.2f} ms = {mix:6.2f} ms/req")
        if args.py_spy > 0:
            spy = subprocess.Popen(["py-spy", "record", "--pid", str(server.pid), "--subprocesses", "--duration",
                                    str(int(args.py_spy)), "--format", "raw", "--output", str(args.out),
                                    "--gil", "--rate", "250"])
            perf = None
            if args.perf and engine:
                perf = subprocess.Popen(["perf", "record", "-F", "499", "-g", "-p", str(engine), "-o",
                                         str(args.out) + ".perf", "--", "sleep", str(int(args.py_spy))])
            time.sleep(1.0)
            api_load._client_main(base, ids, names, 32, args.py_spy, 5, _Sink())
            spy.wait(timeout=60)
            if perf is not None:
                perf.wait(timeout=60)
            print(f"py-spy profile: {args.out}")
        print(json.dumps(report))
    finally:
        api_load._stop(server)
        embedded.stop(data_dir)
    return 0


class _Sink:
    """A queue stand-in for api_load._client_main run in this process."""

    def put(self, _item: object) -> None:
        pass


if __name__ == "__main__":
    sys.exit(main())
