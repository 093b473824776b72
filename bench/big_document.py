"""One big document (issue 12, finding 4): the sample texts concatenated into ONE text of
`--mb` megabytes of UTF-8 and run through the full Pipeline as a single document. Prints
seconds, KB/s and peak memory (max RSS) for the current `add_mentions` and, with
`--baseline`, for the quadratic original (tests/hardening/test_add_mentions_linear.py keeps
it) side by side, each in a fresh process. Target: 50 MB in under 10 minutes on one core.

usage: python bench/big_document.py [--mb 0.6 2.4 ...] [--baseline-max-mb 0.6]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def _text(mb: float) -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    unit = "\n\n".join(parts)
    target = int(mb * 1024 * 1024)
    n = max(1, target // len(unit.encode("utf-8")) + 1)
    text = "\n\n".join([unit] * n)
    return text.encode("utf-8")[:target].decode("utf-8", "ignore")


def _child(mb: float, baseline: bool) -> None:
    from reformkg.ingest.pipeline import Pipeline

    if baseline:
        from tests.hardening.test_add_mentions_linear import reference_add_mentions
        from reformkg.ingest.extract import awards, persons, programmes, regions
        from reformkg.ingest.extract.orgs import component

        for mod in (awards, persons, programmes, regions, component):
            mod.add_mentions = reference_add_mentions
    text = _text(mb)
    pipe = Pipeline()
    pipe.run_text("预热。临川市总工会。", path="<warm-up>")
    t = time.perf_counter()
    result = pipe.run_text(text, path=f"<{mb} MB>")
    dt = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mb": mb, "baseline": baseline, "seconds": round(dt, 1),
                      "kb_s": round(len(text.encode()) / 1024 / dt, 1), "max_rss_mb": round(rss),
                      "entities": len(result.entities)}))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, nargs="+", default=[0.6, 2.4])
    ap.add_argument("--baseline-max-mb", type=float, default=0.6, help="run the quadratic baseline up to this size")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        _child(float(a.child[0]), a.child[1] == "1")
        return 0
    print(f"load: {os.getloadavg()}")
    print(f"{'MB':>6} {'variant':>10} {'seconds':>9} {'KB/s':>8} {'max RSS MB':>11}")
    for mb in a.mb:
        for baseline in ([True, False] if mb <= a.baseline_max_mb else [False]):
            out = subprocess.run([sys.executable, __file__, "--child", str(mb), "1" if baseline else "0"],
                                 capture_output=True, text=True, cwd=ROOT)
            if out.returncode:
                print(out.stderr[-2000:])
                return 1
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{mb:>6} {'baseline' if baseline else 'new':>10} {r['seconds']:>9} {r['kb_s']:>8} {r['max_rss_mb']:>11}")
    print(f"load: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
