"""Findings 1 and 2 (issue 12): no query can take the service down. A real server (uvicorn on
the app factory, its own embedded FalkorDB with the default engine limits) is attacked, several
at once, with the queries that took it down before — brackets nested 5,000 deep, range() of
10^10 items (constant and computed), a cartesian product, 2M rows, a huge collect() — while
/health and an entity card are polled. Asserted: both answer within 1 s (p99) throughout and
never fail; every attack gets a 4xx or a capped 200, never a 5xx; the engine's memory stays
under ENGINE_MEMORY_BOUND_MB; refused queries (nesting, constant range) are refused at once;
a 2M-row answer, when its turn comes, is capped."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from reformkg.config import Settings
from reformkg.graph import embedded
from reformkg.graph.ontology import get_ontology
from reformkg.graph.store import open_store
from tests.api import fixture_graph
from tests.e2e.server import free_port

REPO = Path(__file__).resolve().parents[2]
ENGINE_MEMORY_BOUND_MB = 2048
ATTACK_SECONDS = 20.0
QUIET_SECONDS = 5.0
QUERY_TIMEOUT_MS = 5000
ATTACK_PAUSE_S = 0.1  # each attacker fires again 0.1 s after every answer (the rate limit is lifted)

ATTACKS = {
    "nesting 5000": "RETURN " + "(" * 5000 + "1" + ")" * 5000,
    "range 10^10": "UNWIND range(1, 10000000000) AS x RETURN count(x)",
    "computed range 10^10": "UNWIND range(1, toInteger('10000000000')) AS x RETURN count(x)",
    "cartesian": "UNWIND range(1, 1000000) AS a UNWIND range(1, 1000000) AS b RETURN count(*)",
    "2M rows": "UNWIND range(1, 1000) AS a UNWIND range(1, 2000) AS b RETURN a, b",
    "collect": "UNWIND range(1, 1000000) AS a UNWIND range(1, 1000) AS b RETURN collect(a)",
}


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("attack-data")
    settings = Settings(data_dir=data, store_uri="")
    store = open_store(settings)
    fixture_graph.load(store, get_ontology())
    store.close()
    port = free_port()
    env = {**os.environ, "REFORMKG_DATA_DIR": str(data), "REFORMKG_STORE_URI": "",
           "REFORMKG_QUERY_TIMEOUT_MS": str(QUERY_TIMEOUT_MS), "REFORMKG_CYPHER_RATE_PER_MINUTE": "100000",
           "REFORMKG_HOST": "127.0.0.1"}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "reformkg.api.main:create_app",
                             "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
                            cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        proc.kill()
        pytest.fail("server did not start: " + proc.stderr.read().decode(errors="replace")[-2000:])
    yield base, int((data / embedded.PID_FILE).read_text().strip())
    proc.terminate()
    proc.wait(timeout=30)
    embedded.stop(data)


def test_attacks_do_not_take_the_service_down(server):
    base, engine_pid = server
    stop = threading.Event()
    results: dict[str, list[int]] = {name: [] for name in ATTACKS}
    latencies: dict[str, list[float]] = {"health": [], "card": []}
    failures: list[str] = []
    peak = [0.0]
    card = f"{base}/api/entities/{fixture_graph.eid('union')}"

    def attack(name: str, query: str) -> None:
        with httpx.Client(timeout=60) as c:
            while not stop.is_set():
                try:
                    r = c.post(base + "/api/cypher", json={"query": query})
                    results[name].append(r.status_code)
                    if name == "2M rows" and r.status_code == 200:
                        assert r.json()["truncated"] and len(r.json()["rows"]) <= 5000
                except httpx.HTTPError as exc:
                    failures.append(f"{name}: {exc!r}")
                time.sleep(ATTACK_PAUSE_S)

    def poll(kind: str, url: str) -> None:
        with httpx.Client(timeout=5) as c:
            while not stop.is_set():
                t = time.perf_counter()
                try:
                    r = c.get(url)
                    if r.status_code != 200:
                        failures.append(f"{kind}: {r.status_code} {r.text[:200]}")
                except httpx.HTTPError as exc:
                    failures.append(f"{kind}: {exc!r}")
                latencies[kind].append(time.perf_counter() - t)
                time.sleep(0.1)

    def watch() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], _rss_mb(engine_pid))
            time.sleep(0.05)

    with httpx.Client(timeout=30) as warm:  # first requests load code paths and caches: not an attack effect
        for _ in range(3):
            assert warm.get(card).status_code == 200 and warm.get(base + "/health").status_code == 200
    quiet: dict[str, list[float]] = {"health": [], "card": []}  # the same polling without attacks
    with httpx.Client(timeout=5) as c:
        t_end = time.monotonic() + QUIET_SECONDS
        while time.monotonic() < t_end:
            for kind, url in (("health", base + "/health"), ("card", card)):
                t = time.perf_counter()
                c.get(url)
                quiet[kind].append(time.perf_counter() - t)
            time.sleep(0.1)
    threads = [threading.Thread(target=attack, args=(n, q)) for n, q in ATTACKS.items()]
    threads += [threading.Thread(target=attack, args=(n, q)) for n, q in ATTACKS.items()]  # two of each
    threads += [threading.Thread(target=poll, args=("health", base + "/health")),
                threading.Thread(target=poll, args=("card", card)), threading.Thread(target=watch)]
    for t in threads:
        t.start()
    time.sleep(ATTACK_SECONDS)
    stop.set()
    for t in threads:
        t.join(timeout=90)

    def p99(xs: list[float]) -> float:
        return statistics.quantiles(xs, n=100)[98] if len(xs) >= 2 else max(xs)

    report = {k: (len(v), round(p99(v), 3), round(max(v), 3)) for k, v in latencies.items()}
    baseline = {k: (len(v), round(p99(v), 3), round(max(v), 3)) for k, v in quiet.items()}
    print(f"\nload {os.getloadavg()}; without attacks (n, p99 s, max s): {baseline}; "
          f"during attacks: {report}; engine peak {peak[0]:.0f} MB; "
          f"attack statuses: { {k: sorted(set(v)) for k, v in results.items()} }")
    assert not failures, failures[:10]
    for kind, xs in latencies.items():
        assert xs and p99(xs) < 1.0, (kind, report)
    for name, statuses in results.items():
        assert statuses, f"{name}: no answer at all"
        # 503: the one-at-a-time queue for user Cypher was full for 5 s (Retry-After), by design
        assert all(s < 500 or s == 503 for s in statuses), (name, statuses)
    assert set(results["nesting 5000"]) == {400} and set(results["range 10^10"]) == {400}
    assert set(results["2M rows"]) <= {200, 503}  # a 200 is capped (checked as it arrives)
    assert peak[0] < ENGINE_MEMORY_BOUND_MB, f"engine reached {peak[0]:.0f} MB"
    assert httpx.get(base + "/health", timeout=5).json()["status"] in ("ok", "degraded")
