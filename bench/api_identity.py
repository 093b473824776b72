"""Byte identity of the read API across two code trees: the benchmark's graph (bench/api_load.py,
built there with --data-dir) served by `--against` (a git ref or a directory) and by this tree,
one after the other, each asked the same N requests of the benchmark's mix (its own generator,
uniform ids, a fixed seed) and a list of edge cases (errors, filters, the routes' other branches);
status, content type and body must be the same byte for byte.

    python bench/api_identity.py --data-dir /tmp/h-api2/apigraph --against main [--requests 3000]
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import random
import shutil
import sys
import tempfile
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import api_cpu  # noqa: E402
import api_load  # noqa: E402


async def _fetch_all(base: str, targets: list[str], clients: int) -> list[tuple[int, str, bytes]]:
    """(status, content type, body) of every target, in the order given."""
    u = urlsplit(base)
    out: list[tuple[int, str, bytes] | None] = [None] * len(targets)
    todo = list(range(len(targets) - 1, -1, -1))

    async def worker() -> None:
        reader, writer = await asyncio.open_connection(u.hostname, u.port)
        try:
            while todo:
                i = todo.pop()
                writer.write(f"GET {targets[i]} HTTP/1.1\r\nHost: {u.hostname}\r\n\r\n".encode())
                head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
                headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in head[1:] if line)}
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                out[i] = (int(head[0].split()[1]), headers.get("content-type", ""), body)
        finally:
            writer.close()

    await asyncio.gather(*(worker() for _ in range(clients)))
    return [x for x in out if x is not None]


# answers beside the benchmark's mix: errors, defaults and the routes' other branches
EDGE_CASES = [
    "/api/entities/per_nosuchid", "/api/entities/per_nosuchid/neighbors", "/api/entities/per_nosuchid/works-with",
    "/api/paths?source=per_nosuchid&target=per_nosuchid2", "/api/entities?q=", "/api/entities?q=%E5%B7%A5%E4%BC%9A&limit=0",
    "/api/entities?q=a&type=Bogus", "/api/entities?q=%E5%B8%82&type=Region&limit=5&offset=3",
    "/api/entities?q=%E5%B7%A5%E4%BC%9A&region=nowhere", "/api/entities?limit=201",
    "/api/entities/{id}/neighbors?depth=4", "/api/entities/{id}/neighbors?depth=2&limit=5",
    "/api/entities/{id}/neighbors?since=2020-01-01&until=2019-01-01", "/api/entities/{id}/neighbors?since=2020-01-01",
    "/api/entities/{id}/neighbors?rel_types=MEMBER_OF&labels=Person", "/api/entities/{id}/neighbors?min_confidence=2",
    "/api/entities/{id}/works-with?co_mention=true", "/api/entities/{id}/works-with?limit=0",
    "/api/paths?source={id}&target={id2}&skip_generic=true", "/api/paths?source={id}&target={id}",
    "/api/paths?source={id}&target={id2}&max_hops=9", "/api/paths?source={id}",
]


def requests_of_mix(n: int, ids: list[str], names: list[str], seed: int) -> list[tuple[str, str]]:
    """(kind, target) of n requests drawn as the benchmark draws them."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        kind, path, params = api_load._requests(rng, ids, names)
        out.append((kind, path + ("?" + urlencode(params) if params else "")))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data-dir", type=Path, required=True)
    ap.add_argument("--against", default="main")
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--clients", type=int, default=4)
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()

    from reformkg.graph import embedded

    data_dir = args.data_dir.resolve()
    ids, names = api_cpu.sample_ids(data_dir)
    reqs = requests_of_mix(args.requests, ids, names, args.seed)
    reqs += [("edge", t.format(id=ids[0], id2=ids[1])) for t in EDGE_CASES]
    scratch = Path(tempfile.mkdtemp(prefix="rkg-identity-"))
    answers = []
    try:
        for code in (api_load._code_tree(args.against, scratch), api_load.ROOT):
            server, base = api_load._serve(code, data_dir, 2)
            try:
                answers.append(asyncio.run(_fetch_all(base, [t for _k, t in reqs], args.clients)))
            finally:
                api_load._stop(server)
    finally:
        embedded.stop(data_dir)
        shutil.rmtree(scratch, ignore_errors=True)
    old, new = answers
    per_kind: Counter[str] = Counter()
    differ = []
    statuses: Counter[int] = Counter()
    for (kind, target), a, b in zip(reqs, old, new):
        per_kind[kind] += 1
        statuses[a[0]] += 1
        if a != b:
            differ.append((kind, target, a, b))
    digest = hashlib.sha256(b"".join(a[2] for a in old)).hexdigest()[:16]
    print(f"{len(reqs)} requests ({dict(per_kind)}); statuses {dict(statuses)}; "
          f"{sum(len(a[2]) for a in old)} bytes of answers (sha256 {digest}); {len(differ)} differ")
    for kind, target, a, b in differ[:5]:
        print(f"  {kind} {target}\n    {args.against}: {a[0]} {a[1]} {a[2][:300]!r}\n    this: {b[0]} {b[1]} {b[2][:300]!r}")
    return 1 if differ or len(old) != len(new) or len(old) != len(reqs) else 0


if __name__ == "__main__":
    sys.exit(main())
