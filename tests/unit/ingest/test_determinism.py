"""Extraction is deterministic: the samples give byte-identical extraction records under two
different hash seeds (a set or frozenset iterated where order matters would show here)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _extract(seed: str, out: Path) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed, "REFORMKG_PROGRESS": "0"}
    subprocess.run([sys.executable, "-m", "reformkg.cli", "extract", str(ROOT / "samples"), "--jsonl", str(out),
                    "-j", "1"], check=True, cwd=ROOT, env=env, capture_output=True)
    return out.read_bytes()


def test_extraction_does_not_depend_on_the_hash_seed(tmp_path):
    first = _extract("1", tmp_path / "a.jsonl")
    assert first and first == _extract("2", tmp_path / "b.jsonl")
