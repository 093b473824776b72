"""Fact review: a reviewer confirms, rejects or corrects a fact (a relationship: its type, ends,
title/role/year) or an outcome (value, unit, credited actor).

Decisions are stored like curation decisions, as nodes under the reserved label `_Review`, so
they survive re-ingest: `Reviews.apply(result)` (called by `Curation.apply`, which the resolver
runs last) drops rejected facts and outcomes and rewrites corrected ones in every re-extracted
`DocumentResult`. The graph is changed at once as well (`record_fact`, `record_outcome`).

`queue()` lists the facts not yet reviewed, lowest confidence first (the evidence's
`ev_confidence` when the store keeps it, else 1.0). `gold_records()` turns confirmed and
corrected decisions into extraction records of ../shared/eval/FORMAT.md, one per document,
for extraction training and evaluation (`reformkg export --format gold DIR`).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reformkg.graph.model import DocumentResult, fact_id, stable_hash
from reformkg.graph.ontology import Ontology, get_ontology
from reformkg.graph.vocab import Label, Rel

if TYPE_CHECKING:  # pragma: no cover
    from reformkg.graph.store import GraphStore

log = logging.getLogger(__name__)

DECISIONS = ("confirm", "reject", "correct")
FACT_PROPS = ("title", "role", "year", "level", "programme")  # what a reviewer may correct on a fact
EVIDENCE_KEYS = ("ev_doc", "ev_sentence", "ev_start", "ev_end")
OUTCOME_LABEL = Label.OUTCOME
REPORTED = Rel.REPORTED
MENTIONED_IN = Rel.MENTIONED_IN


class ReviewError(ValueError):
    """A review that cannot be carried out (unknown id, type or end not allowed, bad value)."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


def review_label(ontology: Ontology) -> str:
    return f"{ontology.reserved_prefix}Review"


@dataclass
class Review:
    """One decision. For a fact: `target` the relationship id as reviewed, `original` its type,
    ends and properties, `corrected` the new ones (`new_id`: its id after the correction). For
    an outcome: `target` the Outcome id, `corrected` {value, unit, actor_id}."""

    id: str
    kind: str  # "fact" | "outcome"
    target: str
    decision: str
    original: dict[str, Any] = field(default_factory=dict)
    corrected: dict[str, Any] = field(default_factory=dict)
    new_id: str = ""
    docs: list[str] = field(default_factory=list)
    note: str = ""
    created: str = ""

    def to_props(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "target": self.target, "decision": self.decision,
                "original": json.dumps(self.original, ensure_ascii=False),
                "corrected": json.dumps(self.corrected, ensure_ascii=False), "new_id": self.new_id,
                "docs": list(self.docs), "note": self.note, "created": self.created}

    @classmethod
    def from_props(cls, p: dict[str, Any]) -> "Review":
        def js(v: Any) -> dict[str, Any]:
            try:
                return dict(json.loads(v)) if v else {}
            except (TypeError, ValueError):
                return {}
        return cls(id=str(p.get("id") or ""), kind=str(p.get("kind") or ""), target=str(p.get("target") or ""),
                   decision=str(p.get("decision") or ""), original=js(p.get("original")),
                   corrected=js(p.get("corrected")), new_id=str(p.get("new_id") or ""),
                   docs=[str(d) for d in (p.get("docs") or [])], note=str(p.get("note") or ""),
                   created=str(p.get("created") or ""))

    def public(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "target": self.target, "decision": self.decision,
                "original": self.original, "corrected": self.corrected, "new_id": self.new_id or None,
                "docs": self.docs, "note": self.note, "created": self.created}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _props(obj: Any) -> dict[str, Any]:
    return dict(getattr(obj, "props", None) or (obj.get("props") if isinstance(obj, dict) else {}) or {})


def _label_of_id(ontology: Ontology, eid: str) -> str | None:
    prefix = eid.split("_", 1)[0] if "_" in eid else ""
    for label in ontology.labels:
        if label[:3].lower() == prefix:
            return label
    return None


def _pattern(ontology: Ontology, var: str, eid_param: str, eid: str) -> str:
    label = _label_of_id(ontology, eid)
    return f"({var}{':' + ontology.check_label(label) if label else ''} {{id: ${eid_param}}})"


# ---- loading and re-ingest ------------------------------------------------------------------------

@dataclass
class Reviews:
    """Decisions in force, by what they apply to."""

    items: list[Review] = field(default_factory=list)
    ontology: Ontology | None = None

    def __post_init__(self) -> None:
        self.facts = {r.target: r for r in self.items if r.kind == "fact"}
        self.outcomes = {r.target: r for r in self.items if r.kind == "outcome"}

    def __bool__(self) -> bool:
        return bool(self.items)

    @classmethod
    def load(cls, store: "GraphStore", ontology: Ontology | None = None) -> "Reviews":
        ontology = ontology or get_ontology()
        rows = store.read(f"MATCH (c:{review_label(ontology)}) RETURN c ORDER BY c.created, c.id").rows
        return cls([Review.from_props(_props(node)) for (node,) in rows], ontology)

    def for_edge(self, edge_id: str) -> Review | None:
        """The decision on a relationship, by the id it had when reviewed or the id it got."""
        if edge_id in self.facts:
            return self.facts[edge_id]
        return next((r for r in self.facts.values() if r.new_id == edge_id), None)

    def apply(self, result: DocumentResult) -> DocumentResult:
        """Re-extracted facts and outcomes follow the decisions: rejected ones are dropped,
        corrected ones rewritten (type, ends, properties; value, unit, actor)."""
        if not self.items:
            return result
        onto = self.ontology or get_ontology()
        ids = {e.id for e in result.entities}
        facts = []
        for f in result.facts:
            r = self.facts.get(f.id)
            if r is None or r.decision == "confirm":
                facts.append(f)
                continue
            if r.decision == "reject":
                continue
            c = r.corrected
            s, t, typ = c.get("source_id") or f.source_id, c.get("target_id") or f.target_id, c.get("type") or f.type
            if s not in ids or t not in ids:  # the corrected end is not in this document: keep the fact out
                continue
            sym = typ in onto.symmetric_types
            if sym and t < s:
                s, t = t, s
            f.type, f.source_id, f.target_id = typ, s, t
            f.props = {**f.props, **(c.get("props") or {})}
            f.id = fact_id(typ, s, t, sym)
            facts.append(f)
        result.facts = facts
        outcomes = []
        for o in result.outcomes:
            r = self.outcomes.get(o.id)
            if r is not None and r.decision == "reject":
                continue
            if r is not None and r.decision == "correct":
                c = r.corrected
                if c.get("value") is not None:
                    o.value = float(c["value"])
                if c.get("unit"):
                    o.unit = str(c["unit"])
                if c.get("actor_id") and c["actor_id"] in ids:
                    o.actor_id = str(c["actor_id"])
            outcomes.append(o)
        result.outcomes = outcomes
        return result


# ---- recording decisions ---------------------------------------------------------------------------

def _save(store: "GraphStore", ontology: Ontology, r: Review) -> None:
    store.write(f"MERGE (c:{review_label(ontology)} {{id: $id}}) SET c += $props", {"id": r.id, "props": r.to_props()})


def _edge(store: "GraphStore", ontology: Ontology, edge_id: str) -> tuple[Any, Any, Any]:
    from reformkg.graph.queries import Reader

    found = Reader(store, ontology).edge(edge_id)
    if found is None:
        raise ReviewError(f"unknown relationship {edge_id!r}", 404)
    return found


def _name(node: Any) -> str:
    p = _props(node)
    return str(p.get("name") or p.get("title") or "")


def _node_label(ontology: Ontology, node: Any) -> str | None:
    for lb in getattr(node, "labels", None) or []:
        if lb in ontology.labels:
            return lb
    return None


def _fact_review(edge_id: str, decision: str, etype: str, a: Any, b: Any, eprops: dict[str, Any],
                 note: str) -> Review:
    """The decision on a relationship as found (type, ends, reviewable properties, documents)."""
    original = {"type": etype, "source_id": a.id, "target_id": b.id, "source_name": _name(a), "target_name": _name(b),
                "props": {k: eprops[k] for k in FACT_PROPS if k in eprops}}
    docs = list(dict.fromkeys(str(d) for d in (eprops.get("ev_doc") or [])))
    return Review(id=f"rev_{stable_hash('fact', edge_id)}", kind="fact", target=edge_id, decision=decision,
                  original=original, docs=docs, note=note, created=_now())


def _delete_fact(store: "GraphStore", ontology: Ontology, a: Any, etype: str, edge_id: str) -> None:
    """Delete the relationship `edge_id` of type `etype` from node `a`."""
    store.write(f"MATCH {_pattern(ontology, 'a', 'a_id', a.id)}-[r:{etype}]->(b) WHERE r.id = $rid DELETE r",
                {"a_id": a.id, "rid": edge_id})


def _corrected_type(ontology: Ontology, c: dict[str, Any], etype: str) -> str:
    """The relationship type of a correction (the current one when it names none)."""
    typ = ontology.check_type(c.get("type") or etype) if (c.get("type") or etype) in ontology.relationships \
        else None
    if typ is None:
        raise ReviewError(f"unknown relationship type {c.get('type')!r}")
    return typ


def _corrected_ends(store: "GraphStore", ontology: Ontology, typ: str, s_id: str, t_id: str) -> dict[str, Any]:
    """The nodes of the corrected ends (both must exist and the ontology allow `typ` between them)."""
    from reformkg.graph.queries import Reader

    nodes = Reader(store, ontology).get_nodes([s_id, t_id])
    for end in (s_id, t_id):
        if end not in nodes:
            raise ReviewError(f"unknown entity {end!r}", 404)
    slab, tlab = _node_label(ontology, nodes[s_id]), _node_label(ontology, nodes[t_id])
    if not ontology.allows(typ, slab or "", tlab or ""):
        raise ReviewError(f"{typ} does not go from a {slab} to a {tlab}")
    return nodes


def _corrected_fact_props(c: dict[str, Any]) -> dict[str, Any]:
    """The properties a correction sets (only FACT_PROPS may be corrected)."""
    new_props = {k: v for k, v in (c.get("props") or {}).items() if k in FACT_PROPS}
    unknown = set(c.get("props") or {}) - set(FACT_PROPS)
    if unknown:
        raise ReviewError(f"a fact's {', '.join(sorted(unknown))} cannot be corrected here; "
                          f"properties: {', '.join(FACT_PROPS)}")
    return new_props


def _apply_fact_props(eprops: dict[str, Any], new_props: dict[str, Any], new_id: str) -> dict[str, Any]:
    """The relationship's properties after a correction: empty values remove a property."""
    props = {k: v for k, v in eprops.items()}
    props.update({k: v for k, v in new_props.items() if v not in (None, "")})
    for k in [k for k, v in new_props.items() if v in (None, "")]:
        props.pop(k, None)
    props["id"] = new_id
    return props


def _correct_fact(store: "GraphStore", ontology: Ontology, review: Review, a: Any, b: Any, etype: str,
                  edge_id: str, eprops: dict[str, Any], correction: dict[str, Any] | None) -> None:
    """Replace the relationship by its corrected type, ends and properties; fills in
    `review.corrected` and `review.new_id`."""
    c = dict(correction or {})
    typ = _corrected_type(ontology, c, etype)
    s_id, t_id = c.get("source_id") or a.id, c.get("target_id") or b.id
    nodes = _corrected_ends(store, ontology, typ, s_id, t_id)
    new_props = _corrected_fact_props(c)
    sym = typ in ontology.symmetric_types
    if sym and t_id < s_id:
        s_id, t_id = t_id, s_id
    new_id = fact_id(typ, s_id, t_id, sym)
    props = _apply_fact_props(eprops, new_props, new_id)
    _delete_fact(store, ontology, a, etype, edge_id)
    store.write(f"MATCH {_pattern(ontology, 's', 's_id', s_id)}, {_pattern(ontology, 't', 't_id', t_id)} "
                f"MERGE (s)-[r:{typ}]->(t) SET r += $props", {"s_id": s_id, "t_id": t_id, "props": props})
    review.corrected = {"type": typ, "source_id": s_id, "target_id": t_id,
                        "source_name": _name(nodes[s_id]), "target_name": _name(nodes[t_id]), "props": new_props}
    review.new_id = new_id


def record_fact(store: "GraphStore", ontology: Ontology, edge_id: str, decision: str,
                correction: dict[str, Any] | None = None, note: str = "") -> Review:
    """Confirm, reject or correct a relationship, in the graph and as a stored decision."""
    if decision not in DECISIONS:
        raise ReviewError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    a, edge, b = _edge(store, ontology, edge_id)
    etype = ontology.check_type(edge.type)
    if etype == MENTIONED_IN:
        raise ReviewError("mentions are not facts to review")
    eprops = {k: v for k, v in _props(edge).items() if v is not None}
    review = _fact_review(edge_id, decision, etype, a, b, eprops, note)
    if decision == "reject":
        _delete_fact(store, ontology, a, etype, edge_id)
    elif decision == "correct":
        _correct_fact(store, ontology, review, a, b, etype, edge_id, eprops, correction)
    _save(store, ontology, review)
    return review


def record_outcome(store: "GraphStore", ontology: Ontology, outcome_id: str, decision: str,
                   value: float | None = None, unit: str | None = None, actor_id: str | None = None,
                   note: str = "") -> Review:
    """Confirm, reject or correct an outcome (value, unit, credited actor)."""
    if decision not in DECISIONS:
        raise ReviewError(f"decision must be one of {', '.join(DECISIONS)}, not {decision!r}")
    lab = ontology.check_label(OUTCOME_LABEL)
    rows = store.read(f"MATCH (o:{lab} {{id: $id}}) OPTIONAL MATCH (a)-[r:{REPORTED}]->(o) RETURN o, a, r",
                      {"id": outcome_id}).rows
    if not rows:
        raise ReviewError(f"unknown outcome {outcome_id!r}", 404)
    o = _props(rows[0][0])
    actor, rep = rows[0][1], rows[0][2]
    original = {k: o.get(k) for k in ("value", "unit", "qualifier", "metric", "year")}
    original.update({"actor_id": getattr(actor, "id", None), "actor_name": _name(actor) if actor is not None else None})
    docs = list(dict.fromkeys(str(d) for d in (_props(rep).get("ev_doc") or []))) if rep is not None else []
    review = Review(id=f"rev_{stable_hash('outcome', outcome_id)}", kind="outcome", target=outcome_id,
                    decision=decision, original=original, docs=docs, note=note, created=_now())
    if decision == "reject":
        store.write(f"MATCH (o:{lab} {{id: $id}}) DETACH DELETE o", {"id": outcome_id})
    elif decision == "correct":
        if value is None and not unit and not actor_id:
            raise ReviewError("a correction needs a value, a unit or an actor")
        sets = {}
        if value is not None:
            sets["value"] = float(value)
        if unit:
            sets["unit"] = str(unit)
        if sets:
            store.write(f"MATCH (o:{lab} {{id: $id}}) SET o += $sets", {"id": outcome_id, "sets": sets})
        corrected: dict[str, Any] = dict(sets)
        if actor_id and actor_id != getattr(actor, "id", None):
            from reformkg.graph.queries import Reader

            node = Reader(store, ontology).get_node(actor_id)
            if node is None:
                raise ReviewError(f"unknown entity {actor_id!r}", 404)
            if not ontology.allows(REPORTED, _node_label(ontology, node) or "", OUTCOME_LABEL):
                raise ReviewError(f"a {_node_label(ontology, node)} cannot be credited with an outcome")
            props = {k: v for k, v in _props(rep).items() if v is not None} if rep is not None else {}
            props["id"] = fact_id(REPORTED, actor_id, outcome_id, False)
            store.write(f"MATCH (a)-[r:{REPORTED}]->(o:{lab} {{id: $id}}) DELETE r", {"id": outcome_id})
            store.write(f"MATCH {_pattern(ontology, 'a', 'a_id', actor_id)}, (o:{lab} {{id: $id}}) "
                        f"MERGE (a)-[r:{REPORTED}]->(o) SET r += $props",
                        {"a_id": actor_id, "id": outcome_id, "props": props})
            corrected.update({"actor_id": actor_id, "actor_name": _name(node)})
        review.corrected = corrected
    _save(store, ontology, review)
    return review


# ---- the review queue --------------------------------------------------------------------------------

def queue(store: "GraphStore", ontology: Ontology, limit: int = 20, offset: int = 0) -> dict[str, Any]:
    """Facts read from documents and not yet reviewed, lowest confidence first (then fewest
    evidence entries)."""
    limit, offset = max(1, min(int(limit), 500)), max(0, min(int(offset), 100_000))
    reviewed = sorted(Reviews.load(store, ontology).facts)
    types = "|".join(ontology.check_type(t) for t in ontology.rel_types if t != MENTIONED_IN)
    # facts read from documents (structural gazetteer edges carry no evidence: nothing to review)
    base = (f"MATCH (a)-[r:{types}]->(b) WHERE NOT r.id IN $reviewed AND size(coalesce(r.ev_doc, [])) > 0 "
            "WITH a, r, b, reduce(m = 1.0, c IN coalesce(r.ev_confidence, []) | "
            "CASE WHEN c < m THEN c ELSE m END) AS conf")
    total = int(store.read(base + " RETURN count(r)", {"reviewed": reviewed}).rows[0][0])
    rows = store.read(base + " RETURN r.id, type(r), a.id, coalesce(a.name, a.title), b.id, coalesce(b.name, b.title), "
                      "conf, coalesce(r.ev_producer, []), size(coalesce(r.ev_doc, [])), r.ev_sentence "
                      f"ORDER BY conf ASC, size(coalesce(r.ev_doc, [])) ASC, r.id SKIP {offset} LIMIT {limit}",
                      {"reviewed": reviewed}).rows
    items = [{"id": rid, "type": t, "source": s, "source_name": sn, "target": tg, "target_name": tn,
              "confidence": float(conf if conf is not None else 1.0),
              "producer": ", ".join(dict.fromkeys(str(p) for p in (prod or []))) or None,
              "evidence_count": int(n or 0), "sentence": (sent or [None])[0]}
             for rid, t, s, sn, tg, tn, conf, prod, n, sent in rows]
    return {"items": items, "total": total, "limit": limit, "offset": offset}


# ---- gold records ------------------------------------------------------------------------------------

def _document_names(store: "GraphStore", doc_ids: list[str]) -> dict[str, str]:
    """File name of each document id (its path or source key; the id when it has neither)."""
    names: dict[str, str] = {}
    if doc_ids:
        for did, path, key in store.read("MATCH (d:Document) WHERE d.doc_id IN $ids RETURN d.doc_id, d.path, "
                                         "d.source_key", {"ids": doc_ids}).rows:
            names[did] = Path(str(path or key or did)).name
    return names


def _entity_info(store: "GraphStore", ontology: Ontology, ent_ids: list[str]) -> dict[str, tuple[str, str, list[str]]]:
    """(label, name, aliases) of each stored entity id."""
    ents: dict[str, tuple[str, str, list[str]]] = {}
    if ent_ids:
        from reformkg.graph.queries import Reader

        for eid, node in Reader(store, ontology).get_nodes(ent_ids).items():
            p = _props(node)
            ents[eid] = (_node_label(ontology, node) or "", str(p.get("name") or ""), list(p.get("aliases") or []))
    return ents


def _gold_relation(ontology: Ontology, r: Review, state: dict[str, Any], rec: dict[str, Any],
                   ents: dict[str, tuple[str, str, list[str]]]) -> None:
    """Add a decided fact to a record: its ends as entities (once by name) and the relation."""
    for end in (state["source_id"], state["target_id"]):
        if end in ents and not any(e["name"] == ents[end][1] for e in rec["entities"]):
            label, name, aliases = ents[end]
            if label in ontology.entity_labels:
                rec["entities"].append({"type": label, "name": name, "aliases": aliases})
    s = ents.get(state["source_id"], ("", state.get("source_name") or "", []))[1]
    t = ents.get(state["target_id"], ("", state.get("target_name") or "", []))[1]
    rel = {"type": state["type"], "source": s, "target": t}
    props = {**(r.original.get("props") or {}), **(r.corrected.get("props") or {})}
    if props:
        rel["properties"] = {k: v for k, v in props.items() if v not in (None, "")}
    rec["relations"].append(rel)


def _gold_outcome(state: dict[str, Any], rec: dict[str, Any]) -> None:
    """Add a decided outcome to a record."""
    out = {"actor": state.get("actor_name"), "value": state.get("value"), "unit": state.get("unit")}
    for k in ("qualifier", "metric"):
        if state.get(k):
            out[k] = state[k]
    rec["outcomes"].append(out)


def gold_records(store: "GraphStore", ontology: Ontology) -> list[dict[str, Any]]:
    """Confirmed and corrected decisions as extraction records (../shared/eval/FORMAT.md), one
    per source document the decided facts were read from."""
    reviews = Reviews.load(store, ontology)
    keep = [r for r in reviews.items if r.decision in ("confirm", "correct")]
    names = _document_names(store, sorted({d for r in keep for d in r.docs}))
    ents = _entity_info(store, ontology, sorted({x for r in keep for x in _ends(r)}))
    records: dict[str, dict[str, Any]] = {}
    for r in keep:
        for did in r.docs:
            rec = records.setdefault(did, {"doc": names.get(did, did), "entities": [], "relations": [], "outcomes": []})
            state = {**r.original, **{k: v for k, v in r.corrected.items() if v not in (None, "")}}
            if r.kind == "fact":
                _gold_relation(ontology, r, state, rec, ents)
            else:
                _gold_outcome(state, rec)
    return [records[k] for k in sorted(records, key=lambda d: records[d]["doc"])]


def _ends(r: Review) -> list[str]:
    if r.kind != "fact":
        return []
    state = {**r.original, **{k: v for k, v in r.corrected.items() if v}}
    return [state.get("source_id"), state.get("target_id")]  # type: ignore[list-item]


def export_gold(store: "GraphStore", out_dir: Path, ontology: Ontology | None = None) -> int:
    """Write the gold records into `out_dir`: one `<doc>.json` per document and all of them as
    `reviewed.jsonl`. Returns the number of records."""
    ontology = ontology or get_ontology()
    records = gold_records(store, ontology)
    out_dir.mkdir(parents=True, exist_ok=True)
    with (out_dir / "reviewed.jsonl").open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for rec in records:
        (out_dir / f"{Path(rec['doc']).stem}.json").write_text(json.dumps(rec, ensure_ascii=False, indent=1),
                                                              encoding="utf-8")
    return len(records)
