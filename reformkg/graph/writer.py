"""DocumentResult → GraphBatch, and GraphBatch → the parameterised Cypher that writes it.

`build_batch(result, ontology)` is store-neutral. `document_write_plan(...)` turns a batch into
an ordered list of Cypher *segments* plus one parameter dict; the dialect runs them
all-or-nothing (FalkorDB: one query chained with `WITH count(*) AS _`; Neo4j: one managed
transaction). Cypher here is written once for both engines.

What a document write does:
1. MERGE the Document node, then the nodes (`UNWIND $rows AS r MERGE (n:Label {id: r.id})
   SET n += r.props`), aliases unioned with the stored ones, and `search_text` (space-separated
   lower-cased character bigrams of name + aliases) recomputed for the full-text index.
2. MERGE the edges on their `id`, adding this document's evidence: `evidence_count`,
   `confidence` (the best entry's) and, while the relationship holds fewer than EV_PREVIEW
   entries, the parallel arrays `ev_doc`, `ev_sentence`, `ev_start`, `ev_end`,
   `ev_confidence`, `ev_producer` (all the evidence of most facts; a bounded preview of hubs).
   Symmetric types are stored once, smaller id first. Facts whose evidence is all below the
   store's `min_confidence` are not written (`filter_batch`).
3. MERGE `MENTIONED_IN` from every node of the batch to the Document node with `count`; the
   one from a fact's target also records every evidence entry of this document for the facts
   into that node (`fx_*` arrays, see FX_FIELDS). A write touches no other document's
   evidence, so its cost does not grow with the number of documents reading the same facts.
4. Paths: a Document keeps every source key (path) that holds its content in `source_keys`.
   A path that now holds new content is taken off the document it held before; that document
   stays while another path still holds it (two copies of one file), else it is superseded.
5. Re-ingest or new version (a superseded version, or this very doc_id, is stored): first take
   the evidence of those documents out (counts from their `fx_*` entries, previews filtered),
   then write as above, then delete edges left without evidence, the MENTIONED_IN edges of the
   old versions, nodes no longer mentioned anywhere and the superseded Document nodes.
Labels and types enter Cypher text only after an ontology check; all values are parameters.
"""

from __future__ import annotations

import json
import logging
from reformkg.graph.vocab import Label, Rel
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from .model import (
    DocumentResult,
    EdgeRecord,
    Entity,
    Evidence,
    Fact,
    GraphBatch,
    NodeRecord,
    Outcome,
    canonical_pair,
    document_node_id,
    fact_id,
)
from .ontology import Ontology

log = logging.getLogger(__name__)

DOCUMENT = Label.DOCUMENT
OUTCOME = Label.OUTCOME
MENTIONED_IN = Rel.MENTIONED_IN
REPORTED = Rel.REPORTED
PILOT_LABEL = Label.PILOT_UNIT
RESERVED_NODE_PROPS = ("id", "aliases", "search_text")
EV_FIELDS = ("ev_doc", "ev_sentence", "ev_start", "ev_end", "ev_confidence", "ev_producer")
SOURCE_KEYS = "source_keys"  # Document: every path (source key) that currently holds this content
UNSUPPORTED_FLAG = "unsupported"  # transient, set and deleted within one clean-up


# --------------------------------------------------------------------------------------------
# DocumentResult → GraphBatch
# --------------------------------------------------------------------------------------------


def _prop_value(v: Any) -> Any:
    """Property values the engines accept: primitives or homogeneous lists of primitives."""
    if isinstance(v, (str, int, float, bool)):
        return v
    if isinstance(v, (list, tuple, set)):
        items = [x for x in v if x is not None]
        if all(isinstance(x, str) for x in items):
            return list(items)
        if all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in items):
            return list(items)
        return [x if isinstance(x, str) else json.dumps(x, ensure_ascii=False, default=str) for x in items]
    return json.dumps(v, ensure_ascii=False, default=str)


def _clean_props(props: dict[str, Any]) -> dict[str, Any]:
    return {k: _prop_value(v) for k, v in props.items() if v is not None and k not in RESERVED_NODE_PROPS}


def _dedupe_evidence(evidence: list[Evidence]) -> list[Evidence]:
    seen: set[tuple[str, int, int]] = set()
    out = []
    for ev in sorted(evidence, key=lambda e: (e.doc_id, e.start, e.end)):
        key = (ev.doc_id, ev.start, ev.end)
        if key not in seen:
            seen.add(key)
            out.append(ev)
    return out


def filter_batch(batch: GraphBatch, min_confidence: float) -> GraphBatch:
    """The batch without evidence entries below `min_confidence`, and without the edges left
    with none (edges that never had evidence, MENTIONED_IN and the like, stay)."""
    if min_confidence <= 0:
        return batch
    edges = []
    dropped = 0
    for e in batch.edges:
        if not e.evidence:
            edges.append(e)
            continue
        kept = [ev for ev in e.evidence if ev.confidence >= min_confidence]
        if not kept:
            dropped += 1
            continue
        edges.append(e if len(kept) == len(e.evidence) else EdgeRecord(e.id, e.type, e.src, e.tgt, e.props, kept))
    if dropped:
        log.debug("%s: %d facts below confidence %.2f not written", batch.doc_id, dropped, min_confidence)
    return GraphBatch(doc_id=batch.doc_id, source_key=batch.source_key, nodes=batch.nodes, edges=edges)


def with_content_hash(batch: GraphBatch, content_hash: str) -> GraphBatch:
    """Record the hash of the file's bytes on the Document node (unchanged files are skipped
    on the next ingest)."""
    for n in batch.nodes:
        if n.labels[0] == DOCUMENT:
            n.props["content_hash"] = content_hash
    return batch


def outcome_name(value: float, unit: str, qualifier: str, metric: str) -> str:
    num = int(value) if float(value).is_integer() else value
    return f"{metric} {num}{qualifier or ''}{unit or ''}".strip()


Mentions = dict[str, tuple[int, Evidence | None]]


def _entity_labels(ent: Entity, ontology: Ontology, path: str) -> list[str]:
    """An entity's labels: primary, the extra labels allowed on it, then the umbrella label."""
    label = ontology.check_label(ent.label)
    labels = [label]
    for extra in ent.extra_labels:
        ontology.check_label(extra)
        spec = ontology.extra_labels.get(extra)
        if spec is not None and label not in spec.applies_to:
            log.warning("%s: extra label %s not allowed on %s %s", path, extra, label, ent.name)
            continue
        if extra not in labels:
            labels.append(extra)
    if label in ontology.entity_labels:
        labels.append(ontology.umbrella_label)
    return labels


def _add_entity(ent: Entity, ontology: Ontology, path: str, nodes: dict[str, NodeRecord], mentions: Mentions) -> None:
    """Add one entity's node and mention count (the same entity twice: aliases, labels and
    mention counts unioned)."""
    umbrella = ontology.umbrella_label
    labels = _entity_labels(ent, ontology, path)
    props = _clean_props(ent.props)
    props["name"] = ent.name
    aliases = list(dict.fromkeys(a for a in [*ent.aliases] if a))
    props_full = {"id": ent.id, **props, "aliases": aliases}
    if ent.id in nodes:  # same entity twice: union
        old = nodes[ent.id]
        old.props["aliases"] = list(dict.fromkeys(old.props.get("aliases", []) + aliases))
        for extra in labels:
            if extra not in old.labels:
                old.labels.insert(-1 if old.labels[-1] == umbrella else len(old.labels), extra)
        prev = mentions.get(ent.id, (0, None))
        mentions[ent.id] = (prev[0] + ent.mentions, prev[1])
        return
    nodes[ent.id] = NodeRecord(id=ent.id, labels=labels, props=props_full)
    first = _dedupe_evidence(ent.evidence)[:1]
    mentions[ent.id] = (ent.mentions, first[0] if first else None)


def _add_outcome(out: Outcome, ontology: Ontology, nodes: dict[str, NodeRecord], edges: dict[str, EdgeRecord],
                 mentions: Mentions) -> None:
    """Add one outcome's node and mention, and the REPORTED edge from its actor."""
    props = {
        "id": out.id,
        "name": outcome_name(out.value, out.unit, out.qualifier, out.metric),
        "value": float(out.value),
        "unit": out.unit,
        "qualifier": out.qualifier,
        "metric": out.metric,
    }
    if out.year is not None:
        props["year"] = int(out.year)
    nodes.setdefault(out.id, NodeRecord(id=out.id, labels=[OUTCOME], props=props))
    first = _dedupe_evidence(out.evidence)[:1]
    mentions.setdefault(out.id, (1, first[0] if first else None))
    if out.actor_id:
        fid = fact_id(REPORTED, out.actor_id, out.id)
        edges[fid] = EdgeRecord(id=fid, type=ontology.check_type(REPORTED), src=out.actor_id, tgt=out.id,
                                props={}, evidence=_dedupe_evidence(out.evidence))


def _add_fact(fact: Fact, ontology: Ontology, path: str, nodes: dict[str, NodeRecord],
              edges: dict[str, EdgeRecord]) -> None:
    """Add one fact's edge (symmetric types smaller id first; dropped when an endpoint is
    missing or the ontology does not allow it; the same fact twice: evidence and props merged)."""
    rel = ontology.check_type(fact.type)
    src, tgt = fact.source_id, fact.target_id
    if rel in ontology.symmetric_types:
        src, tgt = canonical_pair(src, tgt)
    s_node, t_node = nodes.get(src), nodes.get(tgt)
    if s_node is None or t_node is None:
        log.warning("%s: %s fact %s has an endpoint outside the document; dropped", path, rel, fact.id)
        return
    if not ontology.allows(rel, s_node.labels[0], t_node.labels[0]):
        log.warning("%s: %s not allowed between %s and %s; dropped", path, rel, s_node.labels[0], t_node.labels[0])
        return
    if fact.id in edges:
        e = edges[fact.id]
        e.evidence = _dedupe_evidence(e.evidence + list(fact.evidence))
        e.props.update(_clean_props(fact.props))
        return
    edges[fact.id] = EdgeRecord(id=fact.id, type=rel, src=src, tgt=tgt, props=_clean_props(fact.props),
                                evidence=_dedupe_evidence(list(fact.evidence)))


def _add_mentions(mentions: Mentions, doc_node: str, edges: dict[str, EdgeRecord]) -> None:
    """A MENTIONED_IN edge from every node to the Document node (count, first mention)."""
    for nid, (count, first) in mentions.items():
        mid = fact_id(MENTIONED_IN, nid, doc_node)
        props: dict[str, Any] = {"count": int(count)}
        if first is not None:
            props.update(first_sentence=first.sentence, first_start=first.start, first_end=first.end)
        edges[mid] = EdgeRecord(id=mid, type=MENTIONED_IN, src=nid, tgt=doc_node, props=props)


def _document_node(result: DocumentResult, doc_node: str) -> NodeRecord:
    """The Document node of a result."""
    doc_props = {
        "id": doc_node,
        "doc_id": result.doc_id,
        "name": result.title or PurePath(result.path).name,
        "title": result.title,
        "date": result.date,
        "source": result.source,
        "authors": list(result.authors),
        "path": result.path,
        "source_key": result.source_key,
        "text_length": int(result.text_length),
    }
    return NodeRecord(id=doc_node, labels=[DOCUMENT], props=doc_props)


def build_batch(result: DocumentResult, ontology: Ontology) -> GraphBatch:
    """Store-neutral nodes and edges of one document (labels and types checked against the ontology)."""
    doc_node = document_node_id(result.doc_id)
    nodes: dict[str, NodeRecord] = {}
    edges: dict[str, EdgeRecord] = {}
    mentions: Mentions = {}
    for ent in result.entities:
        _add_entity(ent, ontology, result.path, nodes, mentions)
    for out in result.outcomes:
        _add_outcome(out, ontology, nodes, edges, mentions)
    for fact in result.facts:
        _add_fact(fact, ontology, result.path, nodes, edges)
    _add_mentions(mentions, doc_node, edges)
    batch_nodes = [_document_node(result, doc_node), *nodes.values()]
    return GraphBatch(doc_id=result.doc_id, source_key=result.source_key, nodes=batch_nodes, edges=list(edges.values()))


# --------------------------------------------------------------------------------------------
# GraphBatch → Cypher segments
# --------------------------------------------------------------------------------------------


# lower-cased character bigrams (single characters for one-character names) of name + aliases
SEARCH_TEXT_EXPR = (
    "reduce(acc = '', s IN [toLower(coalesce(n.name, ''))] + [a IN al | toLower(a)] | acc + "
    "CASE WHEN size(s) < 2 THEN ' ' + s "
    "ELSE reduce(b = '', i IN range(0, size(s) - 2) | b + ' ' + substring(s, i, 2)) END)"
)

# Evidence: every entry lives on the MENTIONED_IN edge from the fact's *target* to the document
# it was read in, as parallel arrays FX_FIELDS (fact id and source id first): written once with
# that document, removed with it, so a document's write never touches another document's
# evidence. The relationship keeps `evidence_count`, `confidence` (the best entry's) and, in
# EV_FIELDS, the first EV_PREVIEW entries (a document's entries are added while fewer than
# EV_PREVIEW are there): all of them for most facts, a bounded preview for hubs.
EV_PREVIEW = 16
FX_FIELDS = ("fx_id", "fx_src", "fx_sentence", "fx_start", "fx_end", "fx_confidence", "fx_producer")

EVIDENCE_APPEND = (  # count and confidence first: they read the arrays as they were
    f"e.{UNSUPPORTED_FLAG} = null, "
    "e.evidence_count = coalesce(e.evidence_count, had) + size(r.ev_doc), "
    "e.confidence = CASE WHEN r.confidence IS NULL THEN e.confidence "
    "WHEN coalesce(e.confidence, CASE WHEN had > 0 THEN 1.0 END) > r.confidence "
    "THEN coalesce(e.confidence, 1.0) ELSE r.confidence END\n"
    # a full preview is not written at all (not even with its own value)
    f"FOREACH (_ IN CASE WHEN had < {EV_PREVIEW} THEN [1] ELSE [] END | SET "
) + ", ".join(f"e.{f} = coalesce(e.{f}, []) + r.{f}" for f in EV_FIELDS) + ")"

EVIDENCE_KEEP_SET = ", ".join(f"e.{f} = [i IN keep | e.{f}[i]]" for f in EV_FIELDS)


def remove_counted(umbrella: str) -> str:
    """Step 1 of removing the evidence of the documents `$touched`: facts holding more entries
    than their preview lose the entries those documents' MENTIONED_IN edges record."""
    return f"""MATCH (o:{DOCUMENT}) WHERE o.doc_id IN $touched
MATCH (o)<-[m:{MENTIONED_IN}]-(t)
WHERE size(coalesce(m.fx_id, [])) > 0
UNWIND range(0, size(m.fx_id) - 1) AS i
WITH t, m.fx_id[i] AS fid, m.fx_src[i] AS sid, count(*) AS c
MATCH (s:{umbrella} {{id: sid}})-[e]->(t)
WHERE e.id = fid AND e.evidence_count > size(coalesce(e.ev_doc, []))
SET e.{UNSUPPORTED_FLAG} = CASE WHEN e.evidence_count - c <= 0 THEN true END,
    e.evidence_count = e.evidence_count - c"""


# Step 2: the previews drop those documents' entries; where the preview held every entry,
# count and best confidence are recomputed from what is left (confidence first: it reads the
# arrays as they were).
REMOVE_PREVIEW = f"""MATCH (o:{DOCUMENT}) WHERE o.doc_id IN $touched
MATCH (o)<-[:{MENTIONED_IN}]-(n)
MATCH (n)-[e]-()
WHERE e.ev_doc IS NOT NULL AND any(x IN e.ev_doc WHERE x IN $touched)
WITH DISTINCT e
WITH e, [i IN range(0, size(e.ev_doc) - 1) WHERE NOT e.ev_doc[i] IN $touched] AS keep, size(e.ev_doc) AS had
WITH e, keep, coalesce(e.evidence_count, had) <= had AS whole
SET e.confidence = CASE WHEN whole THEN reduce(m = 0.0, i IN keep |
        CASE WHEN coalesce(e.ev_confidence[i], 1.0) > m THEN coalesce(e.ev_confidence[i], 1.0) ELSE m END)
        ELSE e.confidence END,
    e.{UNSUPPORTED_FLAG} = CASE WHEN whole AND size(keep) = 0 THEN true ELSE e.{UNSUPPORTED_FLAG} END,
    e.evidence_count = CASE WHEN whole THEN size(keep) ELSE e.evidence_count END,
    {EVIDENCE_KEEP_SET}"""

# separate segment: FalkorDB pushes a filter placed after SET below it (the SET then sees
# only the filtered rows), so the edges the step above left without evidence are flagged
# there and deleted here. Edges that never had evidence (gazetteer PART_OF) are not flagged.
DELETE_UNSUPPORTED = f"""MATCH (o:{DOCUMENT}) WHERE o.doc_id IN $touched
MATCH (o)<-[:{MENTIONED_IN}]-(n)
MATCH (n)-[e]-()
WHERE e.{UNSUPPORTED_FLAG} = true
WITH DISTINCT e
DELETE e"""

CLEAN_MENTIONS = f"""MATCH (n)-[m:{MENTIONED_IN}]->(o:{DOCUMENT})
WHERE o.doc_id IN $olds OR (o.doc_id = $doc_id AND NOT n.id IN $node_ids)
DELETE m
WITH DISTINCT n
OPTIONAL MATCH (n)-[x:{MENTIONED_IN}]->()
WITH n, count(x) AS c
WHERE c = 0
DETACH DELETE n"""

RELEASE_PATH = f"""MATCH (o:{DOCUMENT}) WHERE o.doc_id IN $released
WITH o, [k IN coalesce(o.{SOURCE_KEYS}, [o.source_key]) WHERE k IS NOT NULL AND k <> $source_key] AS rest
SET o.{SOURCE_KEYS} = rest, o.source_key = head(rest), o.path = head(rest)"""

CLEAN_DOCUMENTS = f"""MATCH (o:{DOCUMENT}) WHERE o.doc_id IN $olds
DETACH DELETE o"""


@dataclass(slots=True)
class WritePlan:
    segments: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)


def _umbrella_of(label: str, ontology: Ontology) -> str:
    return ontology.umbrella_label if label in ontology.entity_labels else ontology.check_label(label)


def _remove_evidence(plan: WritePlan, ontology: Ontology) -> None:
    """Segments taking the evidence of `$touched` documents out (before anything is written)."""
    plan.segments += [remove_counted(ontology.umbrella_label), REMOVE_PREVIEW]


def _cleanup(plan: WritePlan) -> None:
    """Segments deleting what is left unsupported, unmentioned or superseded (after the write)."""
    plan.segments += [DELETE_UNSUPPORTED, CLEAN_MENTIONS, CLEAN_DOCUMENTS]


def _document_segments(plan: WritePlan, batch: GraphBatch, primary: dict[str, str]) -> None:
    """MERGE the Document node (`$doc`), adding this path to the paths that hold it; raises
    ValueError when the batch has no Document node."""
    doc_rows = [n for n in batch.nodes if n.labels[0] == DOCUMENT]
    for n in doc_rows:
        plan.params["doc"] = {"id": n.id, "props": {k: _prop_value(v) if v is not None else None
                                                    for k, v in n.props.items() if k != "id"}}
        # the document is held by every path it was read from: add this one, keep the others
        plan.segments.append(
            f"MERGE (d:{DOCUMENT} {{id: $doc.id}})\n"
            f"WITH d, [k IN coalesce(d.{SOURCE_KEYS}, [d.source_key]) WHERE k IS NOT NULL AND k <> '' "
            "AND k <> $source_key] AS had\n"
            f"SET d += $doc.props, d.{SOURCE_KEYS} = had + CASE WHEN $source_key = '' THEN [] ELSE [$source_key] END"
        )
        primary[n.id] = DOCUMENT
    if not doc_rows:
        raise ValueError(f"batch of {batch.doc_id} has no Document node")


def _node_rows(batch: GraphBatch, ontology: Ontology,
               primary: dict[str, str]) -> tuple[dict[str, list[dict[str, Any]]], list[str]]:
    """The non-Document nodes as parameter rows by primary label, and the ids of the pilots
    (records every node's primary label in `primary`)."""
    by_label: dict[str, list[dict[str, Any]]] = {}
    pilots: list[str] = []
    for n in batch.nodes:
        label = ontology.check_label(n.labels[0])
        if label == DOCUMENT:
            continue
        primary[n.id] = label
        for extra in n.labels[1:]:
            ontology.check_label(extra)
            if extra == PILOT_LABEL:
                pilots.append(n.id)
        props = {k: v for k, v in n.props.items() if k not in RESERVED_NODE_PROPS and v is not None}
        by_label.setdefault(label, []).append({"id": n.id, "props": props, "aliases": list(n.props.get("aliases") or [])})
    return by_label, pilots


def _node_segments(plan: WritePlan, ontology: Ontology, by_label: dict[str, list[dict[str, Any]]],
                   pilots: list[str]) -> None:
    """One MERGE segment per label (`$n0`, `$n1`, …; entities also get the umbrella label,
    their aliases unioned and `search_text`), then the PilotUnit label (`$pilots`)."""
    p = plan.params
    for i, (label, rows) in enumerate(sorted(by_label.items())):
        key = f"n{i}"
        p[key] = rows
        if label in ontology.entity_labels:
            umbrella = ontology.umbrella_label
            plan.segments.append(
                f"UNWIND ${key} AS r\nMERGE (n:{label} {{id: r.id}})\nSET n += r.props, n:{umbrella}\n"
                "WITH n, r, coalesce(n.aliases, []) AS old\n"
                "WITH n, old + [a IN r.aliases WHERE NOT a IN old] AS al\n"
                f"SET n.aliases = al, n.search_text = {SEARCH_TEXT_EXPR}"
            )
        else:
            plan.segments.append(f"UNWIND ${key} AS r\nMERGE (n:{label} {{id: r.id}})\nSET n += r.props")
    if pilots:
        p["pilots"] = pilots
        plan.segments.append(
            f"UNWIND $pilots AS pid\nMATCH (n:{ontology.umbrella_label} {{id: pid}})\nSET n:{ontology.check_label(PILOT_LABEL)}"
        )


def _edge_row(e: EdgeRecord, rel: str, doc_id: str) -> dict[str, Any]:
    """The parameter row of one edge: props and this document's evidence as parallel arrays."""
    evs = [ev for ev in e.evidence if ev.doc_id == doc_id] if rel != MENTIONED_IN else []
    return {
        "id": e.id, "src": e.src, "tgt": e.tgt,
        "props": {k: _prop_value(v) for k, v in e.props.items() if v is not None and k not in EV_FIELDS and k != "id"},
        "ev_doc": [ev.doc_id for ev in evs], "ev_sentence": [ev.sentence for ev in evs],
        "ev_start": [int(ev.start) for ev in evs], "ev_end": [int(ev.end) for ev in evs],
        "ev_confidence": [float(ev.confidence) for ev in evs], "ev_producer": [str(ev.producer) for ev in evs],
    }


EdgeGroups = dict[tuple[str, str, str], list[dict[str, Any]]]


def _edge_groups(batch: GraphBatch, ontology: Ontology, primary: dict[str, str]) -> EdgeGroups:
    """Edge rows grouped by (type, source umbrella label, target umbrella label)."""
    groups: EdgeGroups = {}
    for e in batch.edges:
        rel = ontology.check_type(e.type)
        s_umb = _umbrella_of(primary.get(e.src, ontology.umbrella_label), ontology)
        t_umb = _umbrella_of(primary.get(e.tgt, ontology.umbrella_label), ontology)
        groups.setdefault((rel, s_umb, t_umb), []).append(_edge_row(e, rel, batch.doc_id))
    return groups


def _fx_columns(groups: EdgeGroups, doc_id: str) -> dict[str, dict[str, list[Any]]]:
    """Every evidence entry of this document by the fact's target, as FX_FIELDS columns (they
    go on the target's MENTIONED_IN edge); warns about targets without one."""
    fx: dict[str, dict[str, list[Any]]] = {}
    for (rel, _s, _t), rows in groups.items():
        if rel == MENTIONED_IN:
            continue
        for r in rows:
            if not r["ev_doc"]:
                continue
            cols = fx.setdefault(r["tgt"], {f: [] for f in FX_FIELDS})
            n = len(r["ev_doc"])
            cols["fx_id"] += [r["id"]] * n
            cols["fx_src"] += [r["src"]] * n
            for f in ("sentence", "start", "end", "confidence", "producer"):
                cols[f"fx_{f}"] += r[f"ev_{f}"]
    mentioned = {r["src"] for (rel, _s, _t), rows in groups.items() if rel == MENTIONED_IN for r in rows}
    for tgt in fx:
        if tgt not in mentioned:
            log.warning("%s: facts into %s kept without their per-document evidence (no MENTIONED_IN)",
                        doc_id, tgt)
    return fx


def _edge_segments(plan: WritePlan, groups: EdgeGroups, fx: dict[str, dict[str, list[Any]]]) -> None:
    """One MERGE segment per edge group (`$e0`, `$e1`, …): MENTIONED_IN with the `fx_*`
    columns, facts appending this document's evidence."""
    empty = {f: [] for f in FX_FIELDS}
    for i, ((rel, s_umb, t_umb), rows) in enumerate(sorted(groups.items())):
        key = f"e{i}"
        if rel == MENTIONED_IN:
            plan.params[key] = [{"id": r["id"], "src": r["src"], "props": {**r["props"], **fx.get(r["src"], empty)}}
                                for r in rows]
            plan.segments.append(
                f"UNWIND ${key} AS r\nMATCH (a:{s_umb} {{id: r.src}})\nMATCH (d:{DOCUMENT} {{id: $doc.id}})\n"
                f"MERGE (a)-[e:{MENTIONED_IN} {{id: r.id}}]->(d)\nSET e += r.props"
            )
            continue
        for row in rows:
            row["confidence"] = max(row["ev_confidence"], default=None)
        plan.params[key] = rows
        # this document's entries were taken out first (re-ingest, new version): append only
        plan.segments.append(
            f"UNWIND ${key} AS r\nMATCH (a:{s_umb} {{id: r.src}})\nMATCH (b:{t_umb} {{id: r.tgt}})\n"
            f"MERGE (a)-[e:{rel} {{id: r.id}}]->(b)\n"
            "WITH e, r, size(coalesce(e.ev_doc, [])) AS had\n"
            f"SET e += r.props, {EVIDENCE_APPEND}"
        )


def _replacement_segments(plan: WritePlan, batch: GraphBatch, ontology: Ontology, olds: list[str],
                          existed: bool, released: list[str] | tuple[str, ...]) -> None:
    """Release this path from `released`; when older versions or this document are stored,
    take their evidence out first and clean up after the write."""
    if released:
        plan.params["released"] = list(released)
        plan.segments.append(RELEASE_PATH)
    if olds or existed:
        doc_node = document_node_id(batch.doc_id)
        plan.params.update(
            touched=list(olds) + ([batch.doc_id] if existed else []),
            node_ids=[n.id for n in batch.nodes if n.id != doc_node],
            edge_ids=[e.id for e in batch.edges if e.type != MENTIONED_IN],
        )
        removal = WritePlan()
        _remove_evidence(removal, ontology)
        plan.segments[:0] = removal.segments
        _cleanup(plan)


def document_write_plan(batch: GraphBatch, ontology: Ontology, olds: list[str], existed: bool,
                        released: list[str] | tuple[str, ...] = ()) -> WritePlan:
    """Segments writing `batch`; `olds` = doc_ids of superseded versions (no other path holds
    them), `existed` = this doc_id is stored, `released` = documents this path held before
    that another path still holds (they stay; only this path is taken off them)."""
    plan = WritePlan()
    plan.params.update(doc_id=batch.doc_id, olds=list(olds), source_key=batch.source_key or "")
    primary: dict[str, str] = {}
    _document_segments(plan, batch, primary)
    by_label, pilots = _node_rows(batch, ontology, primary)
    _node_segments(plan, ontology, by_label, pilots)
    groups = _edge_groups(batch, ontology, primary)
    _edge_segments(plan, groups, _fx_columns(groups, batch.doc_id))
    _replacement_segments(plan, batch, ontology, olds, existed, released)
    return plan


def delete_plan(doc_id: str, ontology: Ontology | None = None) -> WritePlan:
    """Segments removing one document and everything only it supported."""
    from .ontology import get_ontology

    ontology = ontology or get_ontology()
    plan = WritePlan(params={"olds": [doc_id], "touched": [doc_id], "doc_id": "", "node_ids": [], "edge_ids": []})
    _remove_evidence(plan, ontology)
    _cleanup(plan)
    return plan
