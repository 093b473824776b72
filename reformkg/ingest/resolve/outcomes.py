"""Outcome candidates → Outcomes, credited to their actor's entity, with evidence; two outcomes
with one identity in a document are told apart by their offset."""

from __future__ import annotations

from reformkg.graph.model import Entity, Outcome, outcome_id
from reformkg.ingest.document import Document
from reformkg.ingest.resolve.evidence import evidence


def resolve_outcomes(doc: Document, entities: dict[int, Entity]) -> list[Outcome]:
    """The document's outcomes (entities: id(mention) → entity)."""
    outcomes: list[Outcome] = []
    seen_out: set[str] = set()
    for oc in doc.outcomes:
        actor = entities.get(id(oc.actor)) if oc.actor is not None else None
        actor_id = actor.id if actor else None
        oid = outcome_id(actor_id, oc.metric, oc.value, oc.unit, oc.year)
        ev = evidence(doc, oc.span.start, oc.span.end, oc.span.sentence)
        if oid in seen_out:
            oid = outcome_id(actor_id, oc.metric + f"@{ev.start}", oc.value, oc.unit, oc.year)
        seen_out.add(oid)
        outcomes.append(Outcome(oid, float(oc.value), oc.unit, oc.qualifier, oc.metric, oc.year, actor_id, [ev]))
    return outcomes
