"""Curation decisions (merge entities, split an alias off an entity), stored in the graph under
the reserved internal label `_Curation` and re-applied by the resolver on every re-ingest.

- `record_merge(store, ontology, target_id, source_ids)`: moves the sources' relationships
  (evidence arrays concatenated, duplicates dropped) onto the target, adds their names to the
  target's aliases, deletes the sources and stores one decision per source.
- `record_split(store, ontology, entity_id, alias)`: removes the alias from the entity and
  stores the decision; on re-ingest the alias is dropped again and an entity whose canonical
  name *is* that alias gets an id of its own instead of joining the entity.
- `Curation.load(store)` reads the decisions (and the fact-review decisions of
  `reformkg.graph.review`); `Curation.apply(result)` rewrites a `DocumentResult` (entity ids,
  names, aliases, fact and outcome ids; then rejected/corrected facts and outcomes) so that the
  decisions survive re-ingest. The resolver calls `apply` last.

The graph-side change is a few statements, not one transaction: a failure half way leaves
the decision unrecorded, and repeating the request finishes it (each step is idempotent).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

from reformkg.graph.model import DocumentResult, Entity, Evidence, Fact, entity_id, fact_id, outcome_id, stable_hash
from reformkg.graph.ontology import Ontology, get_ontology
from reformkg.graph.vocab import Label, Rel

if TYPE_CHECKING:  # pragma: no cover
    from reformkg.graph.store import GraphStore

log = logging.getLogger(__name__)

EVIDENCE_KEYS = ("ev_doc", "ev_sentence", "ev_start", "ev_end", "ev_confidence", "ev_producer")
EVIDENCE_DEFAULTS = {"ev_confidence": 1.0, "ev_producer": "rules"}


def curation_label(ontology: Ontology) -> str:
    return f"{ontology.reserved_prefix}Curation"


class CurationError(ValueError):
    """A curation request that cannot be carried out (unknown id, label mismatch, bad alias)."""

    def __init__(self, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Decision:
    id: str
    kind: str  # "merge" | "split"
    entity_id: str  # merge: the target kept; split: the entity the alias is taken from
    source_id: str = ""  # merge: the entity merged away
    name: str = ""  # merge: the target's name
    alias: str = ""  # split: the alias
    created: str = ""

    def to_props(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "entity_id": self.entity_id, "source_id": self.source_id,
                "name": self.name, "alias": self.alias, "created": self.created}


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Curation:
    """Decisions in force; `apply` makes a DocumentResult follow them."""

    decisions: list[Decision] = field(default_factory=list)
    ontology: Ontology | None = None
    reviews: Any = None  # review.Reviews: fact and outcome review decisions, applied last

    def __post_init__(self) -> None:
        self._merge: dict[str, tuple[str, str]] = {}
        self._merged_at: dict[str, str] = {}
        self._split: dict[str, set[str]] = {}
        self._split_at: dict[tuple[str, str], str] = {}
        for d in self.decisions:
            if d.kind == "merge":
                self._merge[d.source_id] = (d.entity_id, d.name)
                self._merged_at[d.source_id] = d.created
            elif d.kind == "split":
                self._split.setdefault(d.entity_id, set()).add(d.alias)
                self._split_at[(d.entity_id, d.alias)] = d.created

    def __bool__(self) -> bool:
        return bool(self.decisions) or bool(self.reviews)

    # ---- loading -----------------------------------------------------------------------------
    @classmethod
    def load(cls, store: "GraphStore", ontology: Ontology | None = None) -> "Curation":
        ontology = ontology or get_ontology()
        rows = store.read(f"MATCH (c:{curation_label(ontology)}) RETURN c ORDER BY c.created, c.id").rows
        decisions = []
        for (node,) in rows:
            p = dict(getattr(node, "props", None) or (node if isinstance(node, dict) else {}))
            decisions.append(Decision(**{k: str(p.get(k) or "") for k in
                                         ("id", "kind", "entity_id", "source_id", "name", "alias", "created")}))
        from reformkg.graph.review import Reviews

        return cls(decisions, ontology, Reviews.load(store, ontology))

    # ---- re-ingest ---------------------------------------------------------------------------
    def merged_into(self, eid: str) -> tuple[str, str] | None:
        """Final (target id, target name) of a merged-away id, following chains."""
        seen = set()
        out = None
        while eid in self._merge and eid not in seen:
            seen.add(eid)
            out = self._merge[eid]
            eid = out[0]
        return out

    def _split_after_merge(self, source_id: str, target_id: str, name: str) -> bool:
        """True when `name` was split off `target_id` at or after `source_id` was merged into it."""
        split_at = self._split_at.get((target_id, name))
        return split_at is not None and split_at >= self._merged_at.get(source_id, "")

    def apply(self, result: DocumentResult) -> DocumentResult:
        result = self._apply_decisions(result)
        return self.reviews.apply(result) if self.reviews else result

    def _apply_decisions(self, result: DocumentResult) -> DocumentResult:
        if not self.decisions:
            return result
        ontology = self.ontology or get_ontology()
        remap: dict[str, str] = {}
        for e in result.entities:
            old = e.id
            split = self._split.get(e.id)
            if split:
                if e.name in split:
                    e.id = entity_id(e.label, f"{e.name}#split:{old}")
                else:
                    e.aliases = [a for a in e.aliases if a not in split]
            target = self.merged_into(e.id)
            if target is not None and self._split_after_merge(e.id, target[0], e.name):
                target = None  # the name was split off the merge target later: it stays apart
            if target is not None:
                tid, tname = target
                names = [e.name, *e.aliases]
                e.id = tid
                if tname:
                    e.name = tname
                split_off = self._split.get(tid, set())
                e.aliases = [a for a in dict.fromkeys(names) if a and a != e.name and a not in split_off]
            if e.id != old:
                remap[old] = e.id
        result.entities = _dedupe_entities(result.entities)
        if remap:
            symmetric = ontology.symmetric_types
            facts: dict[str, Fact] = {}
            for f in result.facts:
                s, t = remap.get(f.source_id, f.source_id), remap.get(f.target_id, f.target_id)
                if s == t:
                    continue
                sym = f.type in symmetric
                if sym and t < s:
                    s, t = t, s
                f.source_id, f.target_id = s, t
                f.id = fact_id(f.type, s, t, sym)
                if f.id in facts:
                    prev = facts[f.id]
                    prev.evidence = _dedupe_evidence(prev.evidence + f.evidence)
                    prev.props = {**f.props, **prev.props}
                else:
                    facts[f.id] = f
            result.facts = list(facts.values())
            for o in result.outcomes:
                if o.actor_id in remap:
                    o.actor_id = remap[o.actor_id]
                    o.id = outcome_id(o.actor_id, o.metric, o.value, o.unit, o.year)
        return result


def _dedupe_evidence(items: list[Evidence]) -> list[Evidence]:
    seen: dict[tuple[str, int, int], Evidence] = {}
    for ev in items:
        seen.setdefault((ev.doc_id, ev.start, ev.end), ev)
    return list(seen.values())


def _dedupe_entities(entities: list[Entity]) -> list[Entity]:
    out: dict[str, Entity] = {}
    for e in entities:
        prev = out.get(e.id)
        if prev is None:
            out[e.id] = e
            continue
        prev.aliases = [a for a in dict.fromkeys([*prev.aliases, e.name, *e.aliases]) if a and a != prev.name]
        prev.extra_labels = list(dict.fromkeys([*prev.extra_labels, *e.extra_labels]))
        prev.props = {**e.props, **prev.props}
        prev.mentions += e.mentions
        prev.evidence = _dedupe_evidence(prev.evidence + e.evidence)
    return list(out.values())


# ---- graph-side changes --------------------------------------------------------------------------

def _node(store: "GraphStore", ontology: Ontology, eid: str) -> Any | None:
    from reformkg.graph.queries import Reader

    return Reader(store, ontology).get_node(eid)


def _primary(node: Any, ontology: Ontology) -> str | None:
    for lb in node.labels:
        if lb in ontology.labels:
            return lb
    return None


def _save(store: "GraphStore", ontology: Ontology, d: Decision) -> None:
    store.write(f"MERGE (c:{curation_label(ontology)} {{id: $id}}) SET c += $props", {"id": d.id, "props": d.to_props()})


def _merge_evidence(a: dict[str, Any], b: dict[str, Any]) -> dict[str, list[Any]]:
    seen = set()
    out: dict[str, list[Any]] = {k: [] for k in EVIDENCE_KEYS}
    for props in (a, b):
        n = len(props.get("ev_doc") or [])
        # arrays missing on older edges (confidence, producer) are filled with their defaults
        cols = [list(props.get(k) or [EVIDENCE_DEFAULTS.get(k)] * n) for k in EVIDENCE_KEYS]
        for row in zip(*cols):
            key = (row[0], row[2], row[3])
            if key in seen:
                continue
            seen.add(key)
            for k, v in zip(EVIDENCE_KEYS, row):
                out[k].append(v)
    return out


def _merge_target(store: "GraphStore", ontology: Ontology, target_id: str) -> tuple[Any, str]:
    """The entity merged into and its label (404 when unknown; Documents and Outcomes refused)."""
    target = _node(store, ontology, target_id)
    if target is None:
        raise CurationError(f"unknown entity {target_id!r}", 404)
    tlabel = _primary(target, ontology)
    if tlabel is None or tlabel in (Label.DOCUMENT, Label.OUTCOME):
        raise CurationError(f"{target_id!r} is not an entity that can be merged")
    return target, tlabel


def _merge_sources(store: "GraphStore", ontology: Ontology, target_id: str, tlabel: str,
                   source_ids: list[str]) -> list[Any]:
    """The entities merged away (each once; not the target; all of the target's label)."""
    sources = []
    for sid in dict.fromkeys(source_ids):
        if sid == target_id:
            raise CurationError("cannot merge an entity into itself")
        node = _node(store, ontology, sid)
        if node is None:
            raise CurationError(f"unknown entity {sid!r}", 404)
        if _primary(node, ontology) != tlabel:
            raise CurationError(f"{sid!r} is a {_primary(node, ontology)}, {target_id!r} a {tlabel}: cannot merge")
        sources.append(node)
    return sources


def _merged_edge_props(rtype: str, old: dict[str, Any], moved: dict[str, Any]) -> dict[str, Any]:
    """Properties of a moved relationship joined with the one already there (`old`, may be
    empty): the old values win, evidence is concatenated without duplicates, mention counts
    added, evidence count and best confidence recomputed."""
    props = {k: v for k, v in moved.items() if v is not None}
    props.update({k: v for k, v in old.items() if v is not None})
    props.update(_merge_evidence(old, moved))
    if rtype == Rel.MENTIONED_IN:
        props["count"] = int(old.get("count") or 0) + int(moved.get("count") or 0)
        return props
    props["evidence_count"] = len(props["ev_doc"])
    counted = [int(p.get("evidence_count") or 0) for p in (old, moved)]
    if any(c > len(p.get("ev_doc") or []) for c, p in zip(counted, (old, moved))):
        props["evidence_count"] = max(len(props["ev_doc"]), sum(counted))  # past the preview
    props["confidence"] = max((c if c is not None else 1.0 for c in props["ev_confidence"]), default=None)
    return props


def _move_edge(store: "GraphStore", ontology: Ontology, target_id: str, sid: str, edge: Any) -> bool:
    """Move one relationship of `sid` onto the target (joined with the target's relationship of
    that type to the same node, if any). False when it would become a loop (not moved)."""
    rtype = ontology.check_type(edge.type)
    s = target_id if edge.src == sid else edge.src
    t = target_id if edge.tgt == sid else edge.tgt
    if s == t:
        return False
    sym = rtype in ontology.symmetric_types
    if sym and t < s:
        s, t = t, s
    slab = _label_of_id(ontology, s)
    tlab = _label_of_id(ontology, t)
    existing = store.read(
        f"MATCH (a{slab} {{id: $s}})-[r:{rtype}]->(b{tlab} {{id: $t}}) RETURN r LIMIT 1", {"s": s, "t": t}).rows
    old = dict(existing[0][0].props) if existing else {}
    props = _merged_edge_props(rtype, old, edge.props)
    if not existing:
        props["id"] = fact_id(rtype, s, t, sym)
    store.write(
        f"MATCH (a{slab} {{id: $s}}), (b{tlab} {{id: $t}}) MERGE (a)-[r:{rtype}]->(b) SET r += $props",
        {"s": s, "t": t, "props": props})
    return True


def _move_edges(store: "GraphStore", ontology: Ontology, target_id: str, tlabel: str, sid: str) -> int:
    """Move every relationship of the source `sid` onto the target; the number moved."""
    rows = store.read(f"MATCH (s:{tlabel} {{id: $sid}})-[r]-(o) RETURN r, o", {"sid": sid}).rows
    moved = 0
    for edge, _other in rows:
        moved += _move_edge(store, ontology, target_id, sid, edge)
    return moved


def record_merge(store: "GraphStore", ontology: Ontology, target_id: str, source_ids: list[str]) -> tuple[list[Decision], int]:
    """Merge `source_ids` into `target_id` in the graph and store the decisions.

    Returns (decisions, relationships moved). Raises CurationError for unknown ids (404),
    merging an entity into itself or across labels (422).
    """
    target, tlabel = _merge_target(store, ontology, target_id)
    sources = _merge_sources(store, ontology, target_id, tlabel, source_ids)
    tname = target.props.get("name") or ""
    aliases = list(target.props.get("aliases") or [])
    moved = 0
    decisions = []
    for src in sources:
        sid = src.id
        moved += _move_edges(store, ontology, target_id, tlabel, sid)
        aliases.extend([src.props.get("name") or "", *(src.props.get("aliases") or [])])
        store.write(f"MATCH (s:{tlabel} {{id: $sid}}) DETACH DELETE s", {"sid": sid})
        d = Decision(id=f"cur_{stable_hash('merge', sid, target_id)}", kind="merge", entity_id=target_id,
                     source_id=sid, name=tname, created=_now())
        _save(store, ontology, d)
        decisions.append(d)
    aliases = [a for a in dict.fromkeys(aliases) if a and a != tname]
    store.write(f"MATCH (t:{tlabel} {{id: $tid}}) SET t.aliases = $aliases", {"tid": target_id, "aliases": aliases})
    return decisions, moved


def record_split(store: "GraphStore", ontology: Ontology, eid: str, alias: str) -> Decision:
    node = _node(store, ontology, eid)
    if node is None:
        raise CurationError(f"unknown entity {eid!r}", 404)
    label = _primary(node, ontology)
    aliases = list(node.props.get("aliases") or [])
    if alias == node.props.get("name"):
        raise CurationError("cannot split off the canonical name; merge or rename instead")
    if alias not in aliases:
        raise CurationError(f"{alias!r} is not an alias of {eid!r}")
    lab = f":{label}" if label else ""
    store.write(f"MATCH (n{lab} {{id: $id}}) SET n.aliases = $aliases",
                {"id": eid, "aliases": [a for a in aliases if a != alias]})
    d = Decision(id=f"cur_{stable_hash('split', eid, alias)}", kind="split", entity_id=eid, alias=alias, created=_now())
    _save(store, ontology, d)
    return d


def _label_of_id(ontology: Ontology, eid: str) -> str:
    prefix = eid.split("_", 1)[0] if "_" in eid else ""
    for label in ontology.labels:
        if label[:3].lower() == prefix:
            return f":{label}"
    return ""
