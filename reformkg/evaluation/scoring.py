"""Scoring of extraction records against gold records, by the matching rules of eval/FORMAT.md.

Entities match on type and a shared name (name or alias, after stripping quotes, brackets and
spaces), one to one, exact canonical names first; relations on type and both ends (symmetric
types in either direction), an end resolving through the gold entities that carry its name and
the gold twin of the predicted entity that carries it; outcomes on value and unit, one to one,
with the actor scored apart on the matched ones. Besides the counts it keeps every false
positive and false negative, so that error classes can be counted.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable

from reformkg.graph.ontology import get_ontology

_STRIP = re.compile(r"[\s“”\"'‘’《》〈〉「」『』()（）\[\]【】·•]")


def norm(name: str | None) -> str:
    return _STRIP.sub("", name or "")


def names_of(entity: dict) -> set[str]:
    return {n for n in (norm(x) for x in [entity.get("name", "")] + list(entity.get("aliases") or [])) if n}


@dataclass(frozen=True, slots=True)
class Error:
    """One false positive ("fp") or false negative ("fn"), or a wrongly credited outcome ("actor")."""

    doc: str
    kind: str  # entity | relation | outcome | actor
    side: str  # fp | fn | actor
    type: str
    record: dict
    evidence: str = ""


@dataclass
class Tally:
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def add(self, key: str, tp: int, fp: int, fn: int) -> None:
        self.tp[key] += tp
        self.fp[key] += fp
        self.fn[key] += fn

    def merge(self, other: "Tally") -> None:
        for k in set(other.tp) | set(other.fp) | set(other.fn):
            self.add(k, other.tp[k], other.fp[k], other.fn[k])

    def prf(self, key: str | None = None) -> tuple[float, float, float, int, int, int]:
        keys = [key] if key else list(set(self.tp) | set(self.fp) | set(self.fn))
        tp, fp, fn = (sum(d[k] for k in keys) for d in (self.tp, self.fp, self.fn))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0), tp, fp, fn


@dataclass
class Score:
    """Tallies of one or more documents and their errors."""

    entities: Tally = field(default_factory=Tally)
    relations: Tally = field(default_factory=Tally)
    outcomes: Tally = field(default_factory=Tally)
    actor: Tally = field(default_factory=Tally)
    errors: list[Error] = field(default_factory=list)

    def merge(self, other: "Score") -> None:
        for a in ("entities", "relations", "outcomes", "actor"):
            getattr(self, a).merge(getattr(other, a))
        self.errors.extend(other.errors)

    def summary(self) -> dict[str, float]:
        return {"entity_f1": self.entities.prf()[2], "relation_f1": self.relations.prf()[2],
                "outcome_f1": self.outcomes.prf("outcome")[2], "actor_accuracy": self.actor.prf("actor")[0]}


def match_entities(gold: list[dict], pred: list[dict]) -> dict[int, int]:
    """One-to-one match of predicted to gold entities of the same type; returns pred → gold index."""
    gold_names = [names_of(g) for g in gold]
    taken: set[int] = set()
    pairs: dict[int, int] = {}
    for exact in (True, False):
        for pi, p in enumerate(pred):
            if pi in pairs:
                continue
            pn = names_of(p)
            for gi, g in enumerate(gold):
                if gi in taken or g.get("type") != p.get("type"):
                    continue
                if (norm(p.get("name")) == norm(g.get("name"))) if exact else bool(pn & gold_names[gi]):
                    pairs[pi] = gi
                    taken.add(gi)
                    break
    return pairs


def name_resolver(entities: list[dict]) -> Callable[[str], set[int]]:
    index: dict[str, set[int]] = defaultdict(set)
    for i, e in enumerate(entities):
        for n in names_of(e):
            index[n].add(i)
    return lambda name: index.get(norm(name), set())


def _score_entities(doc: str, gents: list[dict], pents: list[dict], pairs: dict[int, int], s: Score) -> None:
    matched_gold = set(pairs.values())
    for t in sorted({e["type"] for e in gents} | {e["type"] for e in pents}):
        g_n = sum(1 for e in gents if e["type"] == t)
        p_n = sum(1 for e in pents if e["type"] == t)
        tp = sum(1 for gi in pairs.values() if gents[gi]["type"] == t)
        s.entities.add(t, tp, p_n - tp, g_n - tp)
    s.errors += [Error(doc, "entity", "fp", e["type"], e) for i, e in enumerate(pents) if i not in pairs]
    s.errors += [Error(doc, "entity", "fn", e["type"], e) for i, e in enumerate(gents) if i not in matched_gold]


def _score_relations(doc: str, gold: dict, pred: dict, gres, pend, s: Score) -> None:
    onto = get_ontology()
    scored, symmetric = set(onto.scored_types), set(onto.symmetric_types)
    gold_rels = [r for r in gold.get("relations", []) if r.get("type") in scored]
    used: set[int] = set()
    tp_by: dict[str, int] = defaultdict(int)
    fp_by: dict[str, int] = defaultdict(int)
    for r in pred.get("relations", []):
        rtype = r.get("type")
        if rtype not in scored:
            continue
        ps, pt = pend(r.get("source", "")), pend(r.get("target", ""))
        hit = None
        for gi, g in enumerate(gold_rels):
            if gi in used or g["type"] != rtype:
                continue
            gs, gt = gres(g["source"]), gres(g["target"])
            if (ps & gs and pt & gt) or (rtype in symmetric and ps & gt and pt & gs):
                hit = gi
                break
        if hit is None:
            fp_by[rtype] += 1
            s.errors.append(Error(doc, "relation", "fp", rtype, r, r.get("evidence", "")))
        else:
            used.add(hit)
            tp_by[rtype] += 1
    for t in scored:
        g_n = sum(1 for g in gold_rels if g["type"] == t)
        s.relations.add(t, tp_by[t], fp_by[t], g_n - tp_by[t])
    s.errors += [Error(doc, "relation", "fn", g["type"], g, g.get("evidence", ""))
                 for gi, g in enumerate(gold_rels) if gi not in used]


def _same_value(g: dict, o: dict) -> bool:
    try:
        gv, pv = float(g["value"]), float(o.get("value"))
    except (TypeError, ValueError, KeyError):
        return False
    return abs(gv - pv) <= 1e-6 * max(1.0, abs(gv)) and norm(g.get("unit")) == norm(o.get("unit"))


def _score_outcomes(doc: str, gold: dict, pred: dict, gres, pend, s: Score) -> None:
    gouts = list(gold.get("outcomes", []))
    used: set[int] = set()
    tp = fp = 0
    for o in pred.get("outcomes", []):
        hit = next((gi for gi, g in enumerate(gouts) if gi not in used and _same_value(g, o)), None)
        if hit is None:
            fp += 1
            s.errors.append(Error(doc, "outcome", "fp", "outcome", o, o.get("evidence", "")))
            continue
        used.add(hit)
        tp += 1
        g = gouts[hit]
        g_actor = gres(g.get("actor", "") or "")
        ok = bool(g_actor & pend(o.get("actor", "") or "")) if g_actor else norm(o.get("actor")) == norm(g.get("actor"))
        s.actor.add("actor", int(ok), int(not ok), 0)
        if not ok:
            s.errors.append(Error(doc, "outcome", "actor", "outcome", {"gold_actor": g.get("actor", ""), **o},
                                  g.get("evidence", "")))
    s.outcomes.add("outcome", tp, fp, len(gouts) - tp)
    s.errors += [Error(doc, "outcome", "fn", "outcome", g, g.get("evidence", ""))
                 for gi, g in enumerate(gouts) if gi not in used]


def score_document(gold: dict, pred: dict) -> Score:
    """Score one predicted record against its gold record."""
    onto = get_ontology()
    types = set(onto.entity_labels)
    doc = gold.get("doc", "")
    gents = [e for e in gold.get("entities", []) if e.get("type") in types]
    pents = [e for e in pred.get("entities", []) if e.get("type") in types]
    pairs = match_entities(gents, pents)
    s = Score()
    _score_entities(doc, gents, pents, pairs, s)
    gres, pres = name_resolver(gents), name_resolver(pents)

    def pend(name: str) -> set[int]:
        return set(gres(name)) | {pairs[pi] for pi in pres(name) if pi in pairs}

    _score_relations(doc, gold, pred, gres, pend, s)
    _score_outcomes(doc, gold, pred, gres, pend, s)
    return s
