"""Facts of a resolved document: relation candidates checked against the ontology (the pruned
ones counted), LOCATED_IN (an organisation → the region or zone in its name or context),
PART_OF (a region → its parent in the gazetteer; a zone → the region it is named with) and the
PilotUnit extra label. Regions needed only as the end of a fact are added as implicit entities."""

from __future__ import annotations

import dataclasses

from reformkg.graph.model import Entity, Evidence, Fact, entity_id, fact_id
from reformkg.graph.ontology import Ontology
from reformkg.graph.vocab import Label, Rel
from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention
from reformkg.ingest.resolve.entities import IMPLICIT
from reformkg.ingest.resolve.evidence import evidence, relation_span
from reformkg.ingest.resolve.group import ORG_LABELS
from reformkg.ingest.resolve.grouping import Groups
from reformkg.ingest.resolve.names import zone_key

MAX_EVIDENCE = 5            # evidence entries kept per fact and document


class FactSet:
    """The facts of one document by id, and the count of candidates the ontology pruned per type."""

    def __init__(self, ontology: Ontology):
        self.ontology = ontology
        self.facts: dict[str, Fact] = {}
        self.pruned: dict[str, int] = {}

    def prune(self, rtype: str) -> None:
        self.pruned[rtype] = self.pruned.get(rtype, 0) + 1

    def add(self, rtype: str, src: Entity, tgt: Entity, props: dict, ev: Evidence | None) -> None:
        """Add a fact (or its evidence and missing props to the same fact read before)."""
        if src.id == tgt.id:
            return
        if not self.ontology.allows(rtype, src.label, tgt.label):
            self.prune(rtype)
            return
        sym = rtype in self.ontology.symmetric_types
        s_id, t_id = src.id, tgt.id
        if sym and t_id < s_id:
            s_id, t_id = t_id, s_id
        fid = fact_id(rtype, s_id, t_id, symmetric=sym)
        f = self.facts.get(fid)
        if f is None:
            f = self.facts[fid] = Fact(fid, rtype, s_id, t_id, dict(props))
        else:
            for k, v in props.items():
                f.props.setdefault(k, v)
        if ev is not None and len(f.evidence) < MAX_EVIDENCE and ev not in f.evidence:
            f.evidence.append(ev)


def _mention_evidence(doc: Document, m: Mention) -> Evidence:
    return evidence(doc, m.span.start, m.span.end, m.span.sentence)


def relation_facts(doc: Document, entities: dict[int, Entity], facts: FactSet,
                   members: dict[str, list[Entity]] | None = None) -> None:
    """The relation candidates whose ends both resolved, with the rule's confidence and name; an
    end that is a named collective with known members (see resolve.collectives) stands for each
    member."""
    members = members or {}
    for rc in doc.relations:
        src, tgt = entities.get(id(rc.head)), entities.get(id(rc.tail))
        if src is None or tgt is None:
            facts.prune(rc.type)
            continue
        sid, s, e = relation_span(doc, rc)
        ev = dataclasses.replace(evidence(doc, s, e, sid), confidence=round(rc.confidence, 4), producer=rc.producer)
        props = {k: v for k, v in rc.props.items() if v is not None}
        for a in members.get(src.id, [src]):
            for b in members.get(tgt.id, [tgt]):
                if a.id != b.id:
                    facts.add(rc.type, a, b, props, ev)
        if rc.type == Rel.SPONSORS and src.id in members:
            # 三省一市总工会联合举办P: the members hold P together
            group = members[src.id]
            for i, a in enumerate(group):
                for b in group[i + 1:]:
                    facts.add(Rel.CO_SPONSORS, a, b, {"programme": tgt.name}, ev)


class RegionIndex:
    """Region entities by gazetteer place (made implicit when a fact needs one the text does not
    mention) and zone entities by zone key; `entities` holds every entity by id, the implicit
    regions included."""

    def __init__(self, groups: Groups, ent_by_group: dict[int, Entity]):
        self.gz = groups.gz
        self.entities: dict[str, Entity] = {e.id: e for e in ent_by_group.values()}
        self.by_place: dict[int, Entity] = {}
        self.zones: dict[str, Entity] = {}
        for g in groups.groups.values():
            if g.label == Label.REGION and g.props.get("place", -1) >= 0:
                self.by_place[g.props["place"]] = ent_by_group[id(g)]
        for g in groups.groups.values():
            if g.label == Label.REGION and (g.props.get("place", -1) is None or g.props.get("place", -1) < 0):
                ent = ent_by_group.get(id(g))
                if ent is not None:
                    for n in [ent.name] + list(ent.aliases):
                        self.zones.setdefault(zone_key(n), ent)

    def of_place(self, place: int) -> Entity:
        """The region entity of a gazetteer place (an implicit one when not mentioned)."""
        e = self.by_place.get(place)
        if e is None:
            p = self.gz.get(place)
            props = {"level": p.level, IMPLICIT: True}
            if p.adcode:
                props["adcode"] = p.adcode
            e = Entity(entity_id(Label.REGION, p.adcode or p.key), Label.REGION, p.name, [], [], props, 0, [])
            self.by_place[place] = e
            self.entities[e.id] = e
        return e


PRODUCER_ZONE = "resolve:zone_in_name"
PRODUCER_NAME = "resolve:region_in_name"
PRODUCER_CONTEXT = "resolve:region_from_context"
PRODUCER_ANCESTOR = "resolve:region_above_place"
_BELOW_CITY = frozenset({lx.LEVEL_COUNTY, lx.LEVEL_DISTRICT, lx.LEVEL_TOWN})
PRODUCER_GAZETTEER = "gazetteer"


def measured_precision(producer: str) -> float:
    """The precision the shipped relation model measured for a producer on the visible gold
    (`reformkg train`), 1.0 when it has none."""
    from reformkg.ingest.extract.relscore.model import shipped_model

    model = shipped_model()
    return round(model.rule_precision.get(producer, 1.0), 4) if model is not None else 1.0


def _located_in(m: Mention, regions: RegionIndex) -> tuple[Entity, str] | None:
    """The zone or region an organisation mention stands in, and how it was read: the zone it is
    named after (X高新区工会), else its gazetteer place — written in its name, or from context."""
    if m.attrs.get("zone") and zone_key(m.attrs["zone"]) in regions.zones:
        return regions.zones[zone_key(m.attrs["zone"])], PRODUCER_ZONE
    if m.attrs.get("place", -1) is not None and m.attrs.get("place", -1) >= 0:
        where = regions.of_place(m.attrs["place"])
        name = (m.normalised or "") + (m.surface or "")
        place = regions.gz.get(m.attrs["place"])
        written = any(n and n in name for n in (place.name, place.short, where.name,
                                                 *where.aliases))
        return where, PRODUCER_NAME if written else PRODUCER_CONTEXT
    return None


def located_in_facts(doc: Document, entities: dict[int, Entity], regions: RegionIndex, facts: FactSet) -> None:
    """LOCATED_IN: an organisation whose region (or zone) is in its name or context."""
    for m in doc.mentions:
        if m.label not in ORG_LABELS:
            continue
        src = entities.get(id(m))
        if src is None:
            continue
        found = _located_in(m, regions)
        if found is None:
            continue
        where, producer = found
        ev = dataclasses.replace(_mention_evidence(doc, m), producer=producer, confidence=measured_precision(producer))
        facts.add(Rel.LOCATED_IN, src, where, {}, ev)
        above = _mentioned_region_above(where, m, regions)
        if above is not None:
            facts.add(Rel.LOCATED_IN, src, above, {},
                      dataclasses.replace(ev, producer=PRODUCER_ANCESTOR,
                                          confidence=measured_precision(PRODUCER_ANCESTOR)))


def _mentioned_region_above(where: Entity, m: Mention, regions: RegionIndex) -> Entity | None:
    """The prefecture city above an organisation's county, district or town that the text
    mentions, when the place itself is not mentioned (only written in names): 仪征市总工会 in a
    piece about 扬州市 stands in 扬州市 too. None when the place is a mentioned region, a zone or a
    city (a city's body is not placed in its province), or the text does not mention the city."""
    if not where.props.get(IMPLICIT) or m.attrs.get("zone"):
        return None
    gz = regions.gz
    if gz.get(m.attrs["place"]).level not in _BELOW_CITY:
        return None
    for parent in gz.ancestors(m.attrs["place"]):
        e = regions.by_place.get(parent.idx)
        if parent.level == lx.LEVEL_CITY:
            return e if e is not None and not e.props.get(IMPLICIT) else None
    return None


def part_of_facts(doc: Document, entities: dict[int, Entity], regions: RegionIndex, facts: FactSet) -> None:
    """PART_OF: a mentioned region → its parent in the gazetteer; a zone → the region it is
    named with."""
    gz = regions.gz
    for place, e in list(regions.by_place.items()):
        if e.props.get(IMPLICIT):
            continue
        p = gz.get(place)
        if p.parent >= 0 and p.adcode and gz.get(p.parent).adcode == p.adcode:
            continue      # 香港 under 香港特别行政区: one code, one place (no PART_OF onto itself)
        if p.parent >= 0:
            parent = regions.of_place(p.parent)
            ev = dataclasses.replace(e.evidence[0], producer=PRODUCER_GAZETTEER) if e.evidence else None
            facts.add(Rel.PART_OF, e, parent, {"source": "gazetteer"}, ev)
    for m in doc.mentions:
        if m.label == Label.REGION and m.attrs.get("place", -1) == -1 and lx.is_place(m.attrs.get("parent")):
            src = entities.get(id(m))
            if src is not None:
                facts.add(Rel.PART_OF, src, regions.of_place(m.attrs["parent"]), {"source": "gazetteer"},
                          dataclasses.replace(_mention_evidence(doc, m), producer=PRODUCER_GAZETTEER))


def mark_pilot_units(doc: Document, entities: dict[int, Entity], ontology: Ontology) -> None:
    """The PilotUnit extra label on designated pilots and on every head of a PILOTS relation."""
    pilots = {id(rc.head) for rc in doc.relations if rc.type == Rel.PILOTS}
    for m in doc.mentions:
        if m.attrs.get("pilot") or id(m) in pilots:
            e = entities.get(id(m))
            if e is not None and Label.PILOT_UNIT in ontology.extra_labels and \
                    e.label in ontology.extra_labels[Label.PILOT_UNIT].applies_to and \
                    Label.PILOT_UNIT not in e.extra_labels:
                e.extra_labels.append(Label.PILOT_UNIT)
