"""Resolution: mentions → entities (canonical name = fullest form, aliases = every surface form),
identity keys (regions by adcode, organisations by normalised name, persons by name plus
compatible regions/positions through an optional IdentityLookup), relation candidates → Facts
checked against the ontology (pruned ones counted), outcome candidates → Outcomes, LOCATED_IN
(organisation → its region) and PART_OF (region → parent region, from the gazetteer) facts,
PilotUnit extra labels, evidence with source offsets. A curation object is applied last.

The steps, one module each: names (name-string tests), grouping and short_forms (mentions →
groups, short forms merged by named rules per label), canonical (the name of a group), identity
(persons across documents), entities (groups → entities), facts (relations, LOCATED_IN, PART_OF,
PilotUnit), outcomes, evidence.
"""

from __future__ import annotations

from typing import Protocol

from reformkg.graph.model import DocumentResult, Entity
from reformkg.graph.ontology import Ontology
from reformkg.graph.vocab import Label
from reformkg.ingest.document import Document
from reformkg.ingest.resolve.canonical import region_chains
from reformkg.ingest.resolve.entities import IMPLICIT, drop_generic_groups, group_entities
from reformkg.ingest.resolve.collectives import collective_members
from reformkg.ingest.resolve.facts import (FactSet, RegionIndex, located_in_facts, mark_pilot_units, part_of_facts,
                                          relation_facts)
from reformkg.ingest.resolve.group import ORG_LABELS
from reformkg.ingest.resolve.grouping import Groups
from reformkg.ingest.resolve.identity import IdentityLookup
from reformkg.ingest.resolve.names import norm_key, zone_key
from reformkg.ingest.resolve.outcomes import resolve_outcomes

__all__ = ["IMPLICIT", "ORG_LABELS", "Curation", "IdentityLookup", "norm_key", "resolve", "zone_key"]


class Curation(Protocol):
    def apply(self, result: DocumentResult) -> DocumentResult: ...


def _grouped(doc: Document, ontology: Ontology) -> Groups:
    """The document's mentions in groups, prefixed region names added, short forms merged."""
    groups = Groups(doc)
    for m in doc.mentions:
        if m.label in ontology.labels:
            groups.add(m)
    for sp in doc.layers.get("regions", []):
        pref = sp.attrs.get("prefixed")
        place = sp.attrs.get("place", -1)
        if pref and place is not None and place >= 0:
            g = groups.groups.get((Label.REGION, "place:" + groups.gz.get(place).key))
            if g is not None:
                g.names.append(pref)
    groups.merge_short_forms()
    return groups


def resolve(doc: Document, ontology: Ontology, identity: IdentityLookup | None = None,
            curation: Curation | None = None) -> DocumentResult:
    """Turn a fully extracted Document into a DocumentResult."""
    groups = _grouped(doc, ontology)
    chains = region_chains(doc, groups.gz)
    drop_generic_groups(groups, chains)
    ent_by_group = group_entities(groups, chains, identity)
    entities: dict[int, Entity] = {}
    for m in doc.mentions:
        g = groups.of_mention.get(id(m))
        if g is not None:
            entities[id(m)] = ent_by_group[id(g)]

    facts = FactSet(ontology)
    members = collective_members(groups, ent_by_group)
    relation_facts(doc, entities, facts, members)
    regions = RegionIndex(groups, ent_by_group)
    located_in_facts(doc, entities, regions, facts)
    part_of_facts(doc, entities, regions, facts)
    mark_pilot_units(doc, entities, ontology)
    outcomes = resolve_outcomes(doc, entities)

    ents_out = list({e.id: e for e in list(ent_by_group.values()) + list(regions.entities.values())}.values())
    credited = {o.actor_id for o in outcomes}
    ents_out = [e for e in ents_out if e.id not in members or e.id in credited]   # a collective is its members
    result = DocumentResult(doc_id=doc.doc_id, source_key=doc.source_key, path=doc.path, title=doc.title,
                            date=doc.date, source=doc.source, authors=list(doc.authors),
                            text_length=len(doc.text), entities=ents_out, facts=list(facts.facts.values()),
                            outcomes=outcomes, pruned=facts.pruned)
    if curation is not None:
        result = curation.apply(result)
    return result
