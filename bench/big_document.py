"""One big document (issue 12, finding 4): the sample texts concatenated into ONE text of
`--mb` megabytes of UTF-8 and run through the full Pipeline (normalise, segment, components,
resolve) as a single document, each size in a fresh process. Prints seconds (wall and CPU),
KB/s of CPU time and peak memory (max RSS) for windowed extraction (REFORMKG_EXTRACT_WINDOW_CHARS,
reformkg.ingest.windows) and, up to `--baseline-max-mb`, side by side with the whole document
extracted at once (window 0: what every size did before windows). Sizes above `--max-mb` are not
run but extrapolated from the CPU rate of the largest windowed run (said so in the output).
Target: 50 MB in under 10 minutes on one core, memory bounded.

usage: python bench/big_document.py [--mb 0.6 6 12 50] [--baseline-max-mb 0.6] [--max-mb 50]
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


def _child(mb: float, window: int | None) -> None:
    from reformkg.ingest.pipeline import Pipeline

    text = _text(mb)
    pipe = Pipeline(window_chars=window)
    pipe.run_text("预热。临川市总工会。", path="<warm-up>")
    t, c = time.perf_counter(), time.process_time()
    result = pipe.run_text(text, path=f"<{mb} MB>")
    dt, cpu = time.perf_counter() - t, time.process_time() - c
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kb = len(text.encode()) / 1024
    print(json.dumps({"mb": mb, "window": pipe.window_chars, "seconds": round(dt, 1), "cpu": round(cpu, 1),
                      "kb_s": round(kb / cpu, 1), "max_rss_mb": round(rss), "entities": len(result.entities),
                      "facts": len(result.facts)}))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, nargs="+", default=[0.6, 6, 12, 50])
    ap.add_argument("--baseline-max-mb", type=float, default=0.6,
                    help="run the whole document at once (window 0) up to this size")
    ap.add_argument("--max-mb", type=float, default=50, help="extrapolate sizes above this instead of running them")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        _child(float(a.child[0]), None if a.child[1] == "default" else int(a.child[1]))
        return 0
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores")
    print(f"{'MB':>6} {'variant':>16} {'wall s':>8} {'CPU s':>8} {'KB/s CPU':>9} {'max RSS MB':>11} {'entities':>9} "
          f"{'facts':>6}")
    last_rate = None
    for mb in a.mb:
        if mb > a.max_mb:
            if last_rate:
                est = mb * 1024 / last_rate
                print(f"{mb:>6} {'windowed':>16} extrapolated from {last_rate} KB/s CPU: ~{est:.0f} s CPU "
                      f"({est / 60:.1f} min) — not run")
            continue
        for window in (["0", "default"] if mb <= a.baseline_max_mb else ["default"]):
            out = subprocess.run([sys.executable, __file__, "--child", str(mb), window],
                                 capture_output=True, text=True, cwd=ROOT)
            if out.returncode:
                print(out.stderr[-2000:])
                return 1
            r = json.loads(out.stdout.strip().splitlines()[-1])
            variant = "whole (window 0)" if r["window"] == 0 else f"windowed {r['window']}"
            if r["window"]:
                last_rate = r["kb_s"]
            print(f"{mb:>6} {variant:>16} {r['seconds']:>8} {r['cpu']:>8} {r['kb_s']:>9} {r['max_rss_mb']:>11} "
                  f"{r['entities']:>9} {r['facts']:>6}", flush=True)
    print(f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
