"""DocumentResult → extraction record (../shared/eval/FORMAT.md), one JSON object per line.

Entities of the eight scored labels with name, aliases and properties (level/adcode/kind);
relations of the scored types by entity name; outcomes with the actor's name. Entities that
the resolver added only as the end of a fact (not mentioned on their own) are left out, and
so are the relations that need them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable

from reformkg.graph.model import DocumentResult
from reformkg.graph.ontology import get_ontology
from reformkg.ingest.resolve import IMPLICIT

ENTITY_TYPES = ("Region", "Union", "Enterprise", "Agency", "Institution", "Person", "Programme", "Award")
_PROPS = ("level", "adcode", "kind")


def to_record(result: DocumentResult) -> dict:
    onto = get_ontology()
    scored = set(onto.scored_types)
    names: dict[str, str] = {}
    entities = []
    for e in result.entities:
        if e.label not in ENTITY_TYPES or e.props.get(IMPLICIT):
            continue
        names[e.id] = e.name
        rec = {"type": e.label, "name": e.name, "aliases": list(e.aliases)}
        props = {k: e.props[k] for k in _PROPS if e.props.get(k)}
        if props:
            rec["properties"] = props
        entities.append(rec)
    relations = []
    for f in result.facts:
        if f.type not in scored or f.source_id not in names or f.target_id not in names:
            continue
        rec = {"type": f.type, "source": names[f.source_id], "target": names[f.target_id]}
        if f.props:
            rec["properties"] = dict(f.props)
        if f.evidence:
            rec["evidence"] = f.evidence[0].sentence
            rec["confidence"] = round(max(ev.confidence for ev in f.evidence), 4)
            rec["producer"] = f.evidence[0].producer
        relations.append(rec)
    all_names = {e.id: e.name for e in result.entities}
    outcomes = []
    for o in result.outcomes:
        rec = {"actor": all_names.get(o.actor_id, "") if o.actor_id else "", "value": o.value, "unit": o.unit,
               "metric": o.metric}
        if o.qualifier:
            rec["qualifier"] = o.qualifier
        if o.year is not None:
            rec["year"] = o.year
        if o.evidence:
            rec["evidence"] = o.evidence[0].sentence
        outcomes.append(rec)
    return {"doc": Path(result.path).name, "entities": entities, "relations": relations, "outcomes": outcomes}


def write_jsonl(results: Iterable[DocumentResult], path: Path) -> int:
    n = 0
    with Path(path).open("w", encoding="utf-8") as fh:
        for r in results:
            fh.write(json.dumps(to_record(r), ensure_ascii=False) + "\n")
            n += 1
    return n
