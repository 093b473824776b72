"""`reformkg eval`: extract documents, score them against a gold directory and report.

Prints the score table (per type and micro), a per-document table and, when a check set is
given, the check set and the work set apart; writes every false positive and false negative
with its sentence to a JSON Lines file so that error classes can be counted. Errors of the
check-set documents are withheld from that file unless asked for: the check set measures
generalisation only while nobody reads its errors.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from pathlib import Path
from typing import Iterable

from reformkg.evaluation.scoring import Score, Tally, score_document
from reformkg.graph.ontology import get_ontology

log = logging.getLogger(__name__)


def load_gold(gold_dirs: Iterable[Path]) -> dict[str, dict]:
    """Gold records by document file name, from one or more directories of `<doc>.json`."""
    gold: dict[str, dict] = {}
    for d in gold_dirs:
        for f in sorted(Path(d).glob("*.json")):
            try:
                rec = json.loads(f.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise ValueError(f"{f}: not a gold record ({exc})") from exc
            if not isinstance(rec, dict) or "doc" not in rec:
                raise ValueError(f"{f}: not a gold record (no 'doc' key)")
            gold[rec["doc"]] = rec
    return gold


def load_checkset(path: Path | None) -> set[str]:
    """Document stems listed one per line (# comments allowed)."""
    if path is None:
        return set()
    return {ln.split("#", 1)[0].strip() for ln in Path(path).read_text(encoding="utf-8").splitlines()} - {""}


def stem(doc: str) -> str:
    return Path(doc).stem


def score_records(gold: dict[str, dict], pred: dict[str, dict], docs: Iterable[str] | None = None) -> dict[str, Score]:
    """Per-document scores (a gold document with no prediction scores as an empty one)."""
    return {d: score_document(gold[d], pred.get(d, {})) for d in (docs if docs is not None else gold)}


def total(scores: Iterable[Score]) -> Score:
    out = Score()
    for s in scores:
        out.merge(s)
    return out


def _row(name: str, t: Tally, key: str | None = None) -> str:
    p, r, f, tp, fp, fn = t.prf(key)
    return f"{name:16} {p:6.3f} {r:6.3f} {f:6.3f} {tp:5} {fp:5} {fn:5}"


def score_table(s: Score, title: str = "") -> str:
    onto = get_ontology()
    lines = [title] if title else []
    lines.append(f"{'':16} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}")
    for group, tally, keys in (("entities", s.entities, onto.entity_labels),
                               ("relations", s.relations, onto.scored_types)):
        lines.append(f"-- {group}")
        lines += [_row(k, tally, k) for k in keys if tally.tp[k] + tally.fp[k] + tally.fn[k]]
    lines += [_row("entity_micro", s.entities), _row("relation_micro", s.relations),
              _row("outcome", s.outcomes, "outcome"), f"outcome actor accuracy: {s.actor.prf('actor')[0]:.3f}"]
    return "\n".join(lines)


def summary_line(name: str, s: Score) -> str:
    m = s.summary()
    return (f"{name:12} entity {m['entity_f1']:.3f}  relation {m['relation_f1']:.3f}  "
            f"outcome {m['outcome_f1']:.3f}  actor {m['actor_accuracy']:.3f}")


def per_document_table(scores: dict[str, Score], checkset: set[str]) -> str:
    lines = [f"{'document':28} {'set':5} {'ent F1':>7} {'rel F1':>7} {'out F1':>7} {'actor':>6} {'fp':>4} {'fn':>4}"]
    for d, s in sorted(scores.items()):
        m = s.summary()
        fp = sum(1 for e in s.errors if e.side == "fp")
        fn = sum(1 for e in s.errors if e.side == "fn")
        lines.append(f"{d:28} {'check' if stem(d) in checkset else 'work':5} {m['entity_f1']:7.3f} "
                     f"{m['relation_f1']:7.3f} {m['outcome_f1']:7.3f} {m['actor_accuracy']:6.3f} {fp:4} {fn:4}")
    return "\n".join(lines)


def write_errors(scores: dict[str, Score], out: Path, withheld: set[str]) -> int:
    """Every error of the documents not withheld, one JSON object per line; returns the count."""
    n = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as fh:
        for d, s in sorted(scores.items()):
            if stem(d) in withheld:
                continue
            for e in s.errors:
                fh.write(json.dumps(asdict(e), ensure_ascii=False) + "\n")
                n += 1
    return n
