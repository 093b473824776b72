"""API load benchmark: a synthetic graph (default 100k nodes / 300k relationships, labels and
relationship types in ontology-valid proportions, 30% of relationship ends drawn from a power
law so that hubs of a few thousand exist) written straight into an embedded store (batched
UNWIND); the API served by `reformkg serve` with 2 uvicorn workers; then, from another process,
a 1-client baseline (service time without queueing) and 32 concurrent keep-alive clients for
60 s over a mix of search 20%, entity card 30%, neighbours depth 1 25% and depth 2 12%, paths
(max 4 hops) 8%, who-works-with 5%. Prints p50/p95/p99 latency per endpoint, requests per
second, errors and the load average of the machine.

`--against REF` (a git ref of this repository, or a directory holding another copy of it) serves
that code first on the same graph and with the same load, then this tree's code, and prints the
two side by side: on a shared, noisy machine only figures from one run compare.

Loopback only; bounded in time; everything it starts (store server, uvicorn) is stopped at the
end and the temporary data dir removed (unless --data-dir is given, which is kept for --reuse).

    python bench/api_load.py [--nodes 100000] [--rels 300000] [--duration 60] [--clients 32]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import multiprocessing as mp
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reformkg.config import Settings  # noqa: E402
from reformkg.graph.model import document_node_id, entity_id, fact_id  # noqa: E402
from reformkg.graph.ontology import get_ontology  # noqa: E402

log = logging.getLogger("api_load")

# share of the nodes per label (Documents are taken off the top)
LABEL_SHARE = {"Region": 0.02, "Union": 0.10, "Enterprise": 0.28, "Agency": 0.10, "Institution": 0.08,
               "Person": 0.30, "Programme": 0.08, "Award": 0.02, "Outcome": 0.01}
DOC_SHARE = 0.01
TYPE_SHARE = {"MENTIONED_IN": 0.20, "LOCATED_IN": 0.10, "HOLDS_POSITION": 0.10, "RUNS": 0.10, "SPONSORS": 0.08,
              "PILOTS": 0.04, "CO_SPONSORS": 0.08, "PARTNERS_WITH": 0.08, "MEMBER_OF": 0.08, "AWARDED": 0.06,
              "ISSUED": 0.02, "PART_OF": 0.01, "REPORTED": 0.05}
MIX = {"search": 0.20, "card": 0.30, "neighbors_d1": 0.25, "neighbors_d2": 0.12, "paths": 0.08, "works_with": 0.05}
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志远小梅红兵玉兰德永海波宁春雪"
PLACES = "江河湖山海云林川东西南北安平宁泰华兴昌盛和丰青阳明德临远长新"
ORG_WORDS = "精密机械电子材料装备科技能源化工纺织建设港务物流汽车船舶钢铁医药食品智能"


def _name(rng: random.Random, label: str, i: int) -> str:
    place = "".join(rng.choice(PLACES) for _ in range(2))
    if label == "Person":
        return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2)))) + f"{i % 97}"
    words = "".join(rng.choice(ORG_WORDS) for _ in range(2))
    return {
        "Region": f"{place}{('市', '县', '区', '镇')[i % 4]}{i}",
        "Union": f"{place}{words}工会{i}",
        "Enterprise": f"{place}{words}有限公司{i}",
        "Agency": f"{place}人社局{words}{i}",
        "Institution": f"{place}{words}技师学院{i}",
        "Programme": f"“{words}杯”技能竞赛{i}",
        "Award": f"{place}工匠{i}",
        "Outcome": f"培训 {i}人次",
    }[label]


def _grams(*names: str) -> str:
    out = []
    for s in names:
        s = s.lower()
        out.extend([s] if len(s) < 2 else [s[i:i + 2] for i in range(len(s) - 1)])
    return " ".join(out)


def build_graph(store, n_nodes: int, n_rels: int, seed: int = 7, batch: int = 5000) -> dict[str, list[str]]:
    """Write the synthetic graph; returns ids per label."""
    onto = get_ontology()
    rng = random.Random(seed)
    umbrella = onto.umbrella_label
    ids: dict[str, list[str]] = {}
    n_docs = max(1, int(n_nodes * DOC_SHARE))
    doc_ids = [f"benchdoc{i:08d}" for i in range(n_docs)]
    rows = [{"id": document_node_id(d), "doc_id": d, "name": f"测试文档{i}", "title": f"测试文档{i}",
             "date": f"{2018 + i % 7}-{1 + i % 12:02d}-{1 + i % 28:02d}", "source": "测试报"}
            for i, d in enumerate(doc_ids)]
    for k in range(0, len(rows), batch):
        store.write("UNWIND $rows AS r CREATE (d:Document) SET d = r", {"rows": rows[k:k + batch]})
    ids["Document"] = [r["id"] for r in rows]
    remaining = n_nodes - n_docs
    counts = {label: int(remaining * share) for label, share in LABEL_SHARE.items()}
    counts["Person"] += remaining - sum(counts.values())
    for label, count in counts.items():
        rows = []
        for i in range(count):
            name = _name(rng, label, i)
            nid = entity_id(label, f"bench:{i}") if label != "Outcome" else f"out_bench{i:08d}"
            aliases = [name[:4]] if i % 5 == 0 else []
            row = {"id": nid, "name": name, "aliases": aliases}
            if label != "Outcome":
                row["search_text"] = _grams(name, *aliases)
                row["region"] = f"{rng.choice(PLACES)}{rng.choice(PLACES)}市"
            else:
                row.update(value=float(i), unit="人次", metric="培训", year=2020 + i % 5)
            rows.append(row)
        extra = f":{umbrella}" if label in onto.entity_labels else ""
        for k in range(0, len(rows), batch):
            store.write(f"UNWIND $rows AS r CREATE (n:{label}{extra}) SET n = r", {"rows": rows[k:k + batch]})
        ids[label] = [r["id"] for r in rows]
        log.info("nodes %s: %d", label, len(rows))

    # relationships: endpoints from the ontology's rules, a skewed choice (some hubs)
    def pick(pool: list[str]) -> str:
        """30% of the ends follow a power law over the pool (hubs of a few thousand), the rest uniform."""
        if rng.random() < 0.3:
            return pool[min(int((rng.paretovariate(1.2) - 1.0) * 20), len(pool) - 1)]
        return rng.choice(pool)

    seen: set[str] = set()
    groups: dict[tuple[str, str, str], list[dict]] = defaultdict(list)
    types = list(TYPE_SHARE)
    weights = [TYPE_SHARE[t] for t in types]
    made = 0
    while made < n_rels:
        t = rng.choices(types, weights)[0]
        spec = onto.relationships[t]
        sl = rng.choice([x for x in spec.from_ if ids.get(x)])
        tl = rng.choice([x for x in spec.to if ids.get(x)])
        s, g = pick(ids[sl]), pick(ids[tl])
        if s == g:
            continue
        sym = t in onto.symmetric_types
        if sym and g < s:
            s, g, sl, tl = g, s, tl, sl
        rid = fact_id(t, s, g, sym)
        if rid in seen:
            continue
        seen.add(rid)
        if t == "MENTIONED_IN":
            props = {"id": rid, "count": 1 + made % 3}
        else:
            ev = [rng.choice(doc_ids) for _ in range(1 + made % 3)]
            props = {"id": rid, "ev_doc": ev, "ev_sentence": [f"测试句子{j}，两者合作开展活动。" for j in range(len(ev))],
                     "ev_start": [0] * len(ev), "ev_end": [10] * len(ev), "evidence_count": len(ev)}
        groups[(t, sl, tl)].append({"s": s, "t": g, "p": props})
        made += 1
    for (t, sl, tl), rows in groups.items():
        for k in range(0, len(rows), batch):
            store.write(f"UNWIND $rows AS r MATCH (a:{sl} {{id: r.s}}) MATCH (b:{tl} {{id: r.t}}) "
                        f"CREATE (a)-[e:{t}]->(b) SET e = r.p", {"rows": rows[k:k + batch]})
    log.info("relationships: %d", made)
    return ids


# ---- load generator (runs in its own process) ------------------------------------------------

def _requests(rng: random.Random, ids: list[str], names: list[str]) -> tuple[str, str, dict]:
    kind = rng.choices(list(MIX), list(MIX.values()))[0]
    if kind == "search":  # 2-4 characters of a stored name, punctuation dropped (what people type)
        n = "".join(ch for ch in rng.choice(names) if ch.isalnum())
        i = rng.randrange(max(1, len(n) - 2))
        return kind, "/api/entities", {"q": n[i:i + 2 + rng.randrange(3)], "limit": 20}
    eid = rng.choice(ids)
    if kind == "card":
        return kind, f"/api/entities/{eid}", {}
    if kind == "neighbors_d1":
        return kind, f"/api/entities/{eid}/neighbors", {"depth": 1}
    if kind == "neighbors_d2":
        return kind, f"/api/entities/{eid}/neighbors", {"depth": 2}
    if kind == "works_with":
        return kind, f"/api/entities/{eid}/works-with", {"limit": 20}
    return kind, "/api/paths", {"source": eid, "target": rng.choice(ids), "max_hops": 4, "limit": 5}


class _Conn:
    """A minimal keep-alive HTTP/1.1 GET client on asyncio streams: the load generator must not
    eat the CPU the server under test needs (httpx costs several times more per request)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, target: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {target} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length = 0
        for line in lines[1:]:
            if line.lower().startswith("content-length:"):
                length = int(line.split(":", 1)[1])
        body = await self.reader.readexactly(length) if length else b""
        return status, body

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


async def _drive(base: str, ids: list[str], names: list[str], clients: int, duration: float, seed: int) -> dict:
    from urllib.parse import urlencode, urlsplit

    u = urlsplit(base)
    lat: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    samples: list[str] = []
    deadline = time.perf_counter() + duration

    async def worker(w: int) -> None:
        rng = random.Random(seed * 1000 + w)
        conn = _Conn(u.hostname or "127.0.0.1", u.port or 80)
        while time.perf_counter() < deadline:
            kind, path, params = _requests(rng, ids, names)
            target = path + ("?" + urlencode(params) if params else "")
            t0 = time.perf_counter()
            try:
                status, body = await asyncio.wait_for(conn.get(target), 30.0)
                ok = status == 200
                if not ok and len(samples) < 10:
                    samples.append(f"{kind} {status} {body[:200]!r}")
            except Exception as exc:  # noqa: BLE001 - counted as an error, fresh connection
                ok = False
                await conn.close()
                if len(samples) < 10:
                    samples.append(f"{kind} {type(exc).__name__}: {exc}")
            lat[kind].append(time.perf_counter() - t0)
            if not ok:
                errors[kind] += 1
        await conn.close()

    await asyncio.gather(*(worker(w) for w in range(clients)))
    return {"lat": dict(lat), "errors": dict(errors), "samples": samples}


def _client_main(base: str, ids: list[str], names: list[str], clients: int, duration: float, seed: int, q) -> None:
    q.put(asyncio.run(_drive(base, ids, names, clients, duration, seed)))


def _pct(xs: list[float], p: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    k = min(len(xs) - 1, max(0, int(round(p / 100 * (len(xs) - 1)))))
    return xs[k] * 1000


def _print_table(res: dict, with_mean: bool) -> None:
    """Requests, errors and latency percentiles per endpoint (and the mean, if asked)."""
    mean_head = f"{'mean ms':>9}" if with_mean else ""
    print(f"{'endpoint':<14}{'requests':>10}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{mean_head}")
    for kind in MIX:
        xs = res["lat"].get(kind, [])
        mean = f"{(statistics.fmean(xs) * 1000 if xs else float('nan')):>9.1f}" if with_mean else ""
        print(f"{kind:<14}{len(xs):>10}{res['errors'].get(kind, 0):>8}{_pct(xs, 50):>9.1f}{_pct(xs, 95):>9.1f}"
              f"{_pct(xs, 99):>9.1f}{mean}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_http(url: str, timeout: float = 120.0) -> None:
    import httpx

    end = time.time() + timeout
    while time.time() < end:
        try:
            if httpx.get(url, timeout=30.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"server did not answer {url}")


def _loadavg() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} cores)"


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a process and all its descendants (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = defaultdict(list)
    stats: dict[int, list[str]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[int(d)] = fields
        children[int(fields[1])].append(int(d))  # fields[1]: the parent pid
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        if p in stats:
            total += (int(stats[p][11]) + int(stats[p][12])) / tick  # utime, stime
        todo.extend(children.get(p, []))
    return total


def _engine_pid(data_dir: Path) -> int | None:
    from reformkg.graph import embedded

    try:
        return int((data_dir / embedded.PID_FILE).read_text().strip())
    except (OSError, ValueError):
        return None


def _code_tree(against: str, tmp: Path) -> Path:
    """A directory holding the code to compare with: `against` itself when it is a directory,
    else the files of that git ref of this repository (git archive)."""
    p = Path(against)
    if p.is_dir():
        return p.resolve()
    out = tmp / "against"
    out.mkdir(parents=True, exist_ok=True)
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", against], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(out)], input=archive, check=True)
    return out


def _serve(code: Path, data_dir: Path, workers: int) -> tuple[subprocess.Popen, str]:
    """`reformkg serve` of the code in `code` (N workers) on the bench graph; (process, base URL)."""
    port = _free_port()
    env = {**os.environ, "REFORMKG_DATA_DIR": str(data_dir), "REFORMKG_GRAPH_NAME": "bench",
           "REFORMKG_LOG_LEVEL": "WARNING", "PYTHONPATH": str(code)}
    cmd = [sys.executable, "-c", "from reformkg.cli import app; app()", "serve", "--host", "127.0.0.1",
           "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(cmd, env=env, cwd=str(code), start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_http(base + "/api/ontology")
    except Exception:
        _stop(server)
        raise
    return server, base


def _stop(server: subprocess.Popen) -> None:
    try:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(server.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _measure(label: str, code: Path, data_dir: Path, args: argparse.Namespace, ids: list[str],
             names: list[str]) -> dict:
    """Serve `code`, run the 1-client baseline, the warm-up and the timed load; the results."""
    server, base = _serve(code, data_dir, args.workers)
    ctx = mp.get_context("spawn")

    def run(clients: int, duration: float, seed: int) -> dict:
        """Drive the server from a process of its own; its results."""
        q = ctx.Queue()
        p = ctx.Process(target=_client_main, args=(base, ids, names, clients, duration, seed, q))
        p.start()
        out = q.get(timeout=duration + 120)
        p.join()
        return out

    out: dict = {"label": label, "code": str(code)}
    try:
        print(f"\n== {label}: {code} on {base}, {args.workers} workers; {_loadavg()}")
        if args.baseline > 0:  # one client, no queueing: the service time of each endpoint
            out["single"] = run(1, args.baseline, args.seed + 2)
            print(f"\n{label}: 1 client for {args.baseline:.0f} s (service time without queueing):")
            _print_table(out["single"], with_mean=False)
        if args.warmup > 0:
            run(args.clients, args.warmup, args.seed + 1)
        out["load_before"] = _loadavg()
        engine = _engine_pid(data_dir)
        cpu0 = (_cpu_seconds(server.pid), _cpu_seconds(engine) if engine else 0.0)
        res = out["load"] = run(args.clients, args.duration, args.seed)
        cpu1 = (_cpu_seconds(server.pid), _cpu_seconds(engine) if engine else 0.0)
        out["load_after"] = _loadavg()
        out["cpu"] = (cpu1[0] - cpu0[0], cpu1[1] - cpu0[1])
    finally:
        _stop(server)
    total = sum(len(v) for v in res["lat"].values())
    errors = sum(res["errors"].values())
    print(f"\n{label}: {args.clients} clients for {args.duration:.0f} s ({out['load_before']} before, "
          f"{out['load_after']} after):")
    _print_table(res, with_mean=True)
    allx = [x for v in res["lat"].values() for x in v]
    print(f"{'all':<14}{total:>10}{errors:>8}{_pct(allx, 50):>9.1f}{_pct(allx, 95):>9.1f}{_pct(allx, 99):>9.1f}")
    api_cpu, engine_cpu = out["cpu"]
    per = 1000.0 / max(total, 1)
    print(f"throughput: {total / args.duration:.1f} requests/s; errors: {errors}")
    print(f"CPU per request (whatever the machine's load): API {api_cpu * per:.2f} ms + engine "
          f"{engine_cpu * per:.2f} ms = {(api_cpu + engine_cpu) * per:.2f} ms; at that cost {os.cpu_count()} "
          f"idle cores serve about {os.cpu_count() * 1000 / max((api_cpu + engine_cpu) * per, 1e-9):.0f} requests/s")
    if res["samples"]:
        print("error samples:\n  " + "\n  ".join(res["samples"]))
    out["summary"] = {"requests": total, "errors": errors, "rps": round(total / args.duration, 1),
                      "cpu_ms_per_request": round((api_cpu + engine_cpu) * per, 2),
                      **{f"{k}_p95_ms": round(_pct(res["lat"].get(k, []), 95), 1) for k in MIX}}
    return out


def _side_by_side(runs: list[dict], args: argparse.Namespace) -> None:
    """p50/p95 per endpoint (1 client and under load) of each code tree, in columns."""
    print(f"\nside by side ({args.clients} clients, {args.duration:.0f} s, {args.workers} workers):")
    head = f"{'endpoint':<14}"
    for r in runs:
        head += f"{r['label'] + ' 1c p50':>18}{'load p50':>10}{'load p95':>10}"
    print(head)
    for kind in MIX:
        line = f"{kind:<14}"
        for r in runs:
            single = r.get("single", {"lat": {}})["lat"].get(kind, [])
            xs = r["load"]["lat"].get(kind, [])
            line += f"{_pct(single, 50):>18.1f}{_pct(xs, 50):>10.1f}{_pct(xs, 95):>10.1f}"
        print(line)
    line = f"{'req/s, errors':<14}"
    for r in runs:
        line += f"{'':>18}{r['summary']['rps']:>10.1f}{r['summary']['errors']:>10}"
    print(line)
    line = f"{'CPU ms/req':<14}"
    for r in runs:
        line += f"{'':>18}{r['summary']['cpu_ms_per_request']:>10.2f}{'':>10}"
    print(line)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--nodes", type=int, default=100_000)
    ap.add_argument("--rels", type=int, default=300_000)
    ap.add_argument("--duration", type=float, default=60.0, help="seconds of load (default 60)")
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--warmup", type=float, default=5.0, help="seconds of untimed warm-up load")
    ap.add_argument("--baseline", type=float, default=10.0, help="seconds of 1-client load first (0: skip)")
    ap.add_argument("--against", default="", metavar="REF_OR_DIR",
                    help="also serve this code (a git ref, or a directory with a copy of the repository) "
                         "first, on the same graph, and print both side by side")
    ap.add_argument("--data-dir", type=Path, default=None, help="reuse/keep this data dir (default: a temp dir)")
    ap.add_argument("--reuse", action="store_true", help="do not rebuild the graph if it is already there")
    ap.add_argument("--keep", action="store_true", help="keep the temp data dir")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--falkordb-threads", type=int, default=0,
                    help="THREAD_COUNT of the embedded FalkorDB this bench starts (0: its default, the core count)")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")

    from reformkg.graph import embedded
    from reformkg.graph.store import open_store

    if args.falkordb_threads > 0:  # experiment knob: module argument of the server started below
        base_command = embedded._server_command

        def _command(d: Path, sock: Path) -> list[str]:
            cmd = base_command(d, sock)
            i = cmd.index("--loadmodule") + 2
            return cmd[:i] + ["THREAD_COUNT", str(args.falkordb_threads)] + cmd[i:]

        embedded._server_command = _command
    tmp = args.data_dir is None
    data_dir = Path(tempfile.mkdtemp(prefix="rkg-bench-")) if tmp else args.data_dir.resolve()
    scratch = Path(tempfile.mkdtemp(prefix="rkg-bench-code-"))
    settings = Settings(data_dir=data_dir, graph_name="bench")
    try:
        store = open_store(settings)
        stats = store.stats() if args.reuse else {"nodes": 0}
        if not args.reuse or stats["nodes"] < args.nodes:
            t0 = time.perf_counter()
            store.clear()
            store.ensure_schema()
            build_graph(store, args.nodes, args.rels, args.seed)
            print(f"graph built in {time.perf_counter() - t0:.1f} s")
        onto = get_ontology()
        sample_rows = store.read(f"MATCH (n:{onto.umbrella_label}) RETURN n.id, n.name LIMIT 200000").rows
        rng = random.Random(args.seed)
        rng.shuffle(sample_rows)
        ids = [r[0] for r in sample_rows[:20000]]
        names = [r[1] for r in sample_rows[:20000]]
        stats = store.stats()
        print(f"store: {stats['nodes']} nodes, {stats['relationships']} relationships; {_loadavg()}")
        store.close()

        trees = [("against", _code_tree(args.against, scratch))] if args.against else []
        trees.append(("this", ROOT))
        runs = [_measure(label, code, data_dir, args, ids, names) for label, code in trees]
        if len(runs) > 1:
            _side_by_side(runs, args)
        print(json.dumps({r["label"]: r["summary"] for r in runs}))
        return 0 if runs[-1]["summary"]["errors"] == 0 else 1
    finally:
        embedded.stop(data_dir)
        shutil.rmtree(scratch, ignore_errors=True)
        if tmp and not args.keep:
            shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
