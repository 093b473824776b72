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
from reformkg.graph.vocab import Label
from reformkg.ingest.resolve import IMPLICIT

ENTITY_TYPES = (Label.REGION, Label.UNION, Label.ENTERPRISE, Label.AGENCY, Label.INSTITUTION, Label.PERSON,
                Label.PROGRAMME, Label.AWARD)
_PROPS = ("level", "adcode", "kind")


def _entity_records(result: DocumentResult) -> tuple[list[dict], dict[str, str]]:
    """Records of the scored entities mentioned on their own, and their names by id."""
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
    return entities, names


def _relation_records(result: DocumentResult, names: dict[str, str]) -> list[dict]:
    """Records of the facts of scored types between entities in `names`, with the first
    evidence sentence, the best confidence and the producer."""
    scored = set(get_ontology().scored_types)
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
    return relations


def _outcome_records(result: DocumentResult) -> list[dict]:
    """Records of the outcomes, the actor by name (implicit entities too)."""
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
    return outcomes


def to_record(result: DocumentResult) -> dict:
    """The extraction record of one document."""
    entities, names = _entity_records(result)
    return {"doc": Path(result.path).name, "entities": entities, "relations": _relation_records(result, names),
            "outcomes": _outcome_records(result)}


def write_jsonl(results: Iterable[DocumentResult], path: Path) -> int:
    n = 0
    with Path(path).open("w", encoding="utf-8") as fh:
        for r in results:
            fh.write(json.dumps(to_record(r), ensure_ascii=False) + "\n")
            n += 1
    return n
