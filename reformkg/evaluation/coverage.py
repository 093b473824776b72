"""Which relation rules fire: per producer (the rule function or model named on each fact), the
facts it produced over a set of documents and how many of them gold confirms; and the rule
functions that produced nothing at all (candidates for removal)."""

from __future__ import annotations

import ast
from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping
from importlib import resources
from pathlib import Path

from reformkg.evaluation.scoring import Score

RULE_MODULES = ("relations", "relations_reform.py")


@dataclass(frozen=True, slots=True)
class ProducerCount:
    producer: str
    facts: int
    false_positives: int

    @property
    def confirmed(self) -> int:
        return self.facts - self.false_positives


def producer_counts(pred: dict[str, dict], scores: dict[str, Score]) -> list[ProducerCount]:
    """Facts per producer in the predicted records, and how many of them are false positives."""
    facts: dict[str, int] = defaultdict(int)
    fps: dict[str, int] = defaultdict(int)
    for rec in pred.values():
        for r in rec.get("relations", []):
            facts[r.get("producer", "?")] += 1
    for s in scores.values():
        for e in s.errors:
            if e.kind == "relation" and e.side == "fp":
                fps[e.record.get("producer", "?")] += 1
    return sorted((ProducerCount(p, n, fps[p]) for p, n in facts.items()), key=lambda c: (-c.facts, c.producer))


def rule_functions() -> set[str]:
    """Names of the functions in the relation-rule modules that add a fact themselves (`b.add(...)`)."""
    base = Path(str(resources.files("reformkg.ingest.extract")))
    files: list[Path] = []
    for name in RULE_MODULES:
        p = base / name
        files += sorted(p.glob("*.py")) if p.is_dir() else [p]
    out: set[str] = set()
    for f in files:
        tree = ast.parse(f.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)) and fn.name != "add" and any(
                    isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "add"
                    and isinstance(n.func.value, ast.Name) and n.func.value.id == "b" for n in ast.walk(fn)):
                out.add(fn.name.lstrip("_"))
    return out


def coverage_table(counts: list[ProducerCount], firings: Mapping[str, int] | None = None,
                   parts_fired: set[str] | None = None) -> str:
    """Facts kept per producer (with gold's confirmation), how often each rule proposed a fact
    (an earlier rule's duplicate too), and the rule functions that never proposed one."""
    firings = firings or {}
    lines = [f"{'producer':34} {'facts':>6} {'confirmed':>9} {'precision':>9} {'proposed':>9}"]
    for c in counts:
        prec = c.confirmed / c.facts if c.facts else 0.0
        lines.append(f"{c.producer:34} {c.facts:6} {c.confirmed:9} {prec:9.3f} {firings.get(c.producer, 0):9}")
    kept = {c.producer for c in counts}
    for producer in sorted(set(firings) - kept):
        lines.append(f"{producer:34} {0:6} {0:9} {'':9} {firings[producer]:9}")
    fired = {p.removeprefix("rule:") for p in kept | set(firings)} | (parts_fired or set())
    silent = sorted(rule_functions() - fired)
    lines.append("rule functions that proposed no fact: " + (", ".join(silent) if silent else "none"))
    return "\n".join(lines)
