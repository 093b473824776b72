"""Groups → Entities: canonical name, aliases (every surface form but bare kind words), identity
key (regions by adcode, persons through the identity lookup, others by normalised name),
properties and the first mentions as evidence; groups named only by a kind word are dropped and
two groups with one id become one entity."""

from __future__ import annotations

from reformkg.graph.model import Entity, entity_id
from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.normalise import to_simplified, without_pinyin
from reformkg.ingest.resolve.canonical import canonical
from reformkg.ingest.resolve.evidence import evidence
from reformkg.ingest.resolve.group import ORG_LABELS, Group
from reformkg.ingest.resolve.grouping import Groups
from reformkg.ingest.resolve.identity import IdentityLookup, person_context, person_identity
from reformkg.ingest.resolve.names import norm_key

IMPLICIT = "_implicit"      # Entity.props flag: added for a fact, not mentioned on its own


def as_read_forms(doc, mentions) -> list[str]:
    """The names as the source writes them where it writes them in traditional script (廣州市總工會
    for 广州市总工会) or with pinyin glosses (產業(yè)): the source text behind a mention whose
    simplified form, glosses dropped, is its surface."""
    out = []
    src = doc.source_text
    for m in mentions:
        try:
            a, b = doc.offsets.to_source(m.span.start, m.span.end)
        except (IndexError, ValueError):
            continue
        read = src[a:b]
        if read != m.surface and len(read) <= 2 * len(m.surface or "") and \
                to_simplified(without_pinyin(read)) == m.surface:
            out.append(read)
            if without_pinyin(read) not in (read, m.surface):
                out.append(without_pinyin(read))     # repaired, in the script as read
    return out


def entity_of(g: Group, groups: Groups, chains: dict[str, str], identity: IdentityLookup | None) -> Entity:
    """The entity of a group (chains: region_chains of the document)."""
    gz = groups.gz
    name = canonical(g, chains, gz)
    generic = lx.generic_names()
    # a bare kind word (总工会, 企业) in the text refers to the body; it is not one of its names
    aliases = sorted({s for s in g.surfaces + g.names + as_read_forms(groups.doc, g.mentions)
                      if s and s != name and norm_key(s) not in generic})
    props = {k: v for k, v in g.props.items() if k in ("level", "adcode", "kind")}
    if g.label in ORG_LABELS and g.props.get("place", -1) >= 0:
        props["region"] = gz.get(g.props["place"]).name
    forced_id = None
    if g.label == Label.REGION:
        key = g.props.get("adcode") or g.key
    elif g.label == Label.PERSON:
        key, forced_id = person_identity(name, g, identity)
        regions, _ = person_context(g)
        if regions:
            props["region"] = sorted(regions)[0]
    else:
        key = norm_key(name)
    ev = [evidence(groups.doc, m.span.start, m.span.end, m.span.sentence) for m in g.mentions[:3]]
    ent = Entity(forced_id or entity_id(g.label, key), g.label, name, aliases, [], props, len(g.mentions), ev)
    if g.implicit or all(m.attrs.get("derived_from") for m in g.mentions):
        # a region read off a body's name to credit a figure: not mentioned on its own
        ent.props[IMPLICIT] = True
    return ent


def drop_generic_groups(groups: Groups, chains: dict[str, str]) -> None:
    """A body named only by its kind (总工会, 上级工会): no entity."""
    generic = lx.generic_names()
    for key in [k for k, g in groups.groups.items()
                if g.label != Label.REGION and norm_key(canonical(g, chains, groups.gz)) in generic]:
        groups.drop(key)


def group_entities(groups: Groups, chains: dict[str, str], identity: IdentityLookup | None) -> dict[int, Entity]:
    """id(group) → its entity; groups whose entities share an id (identity collisions) share
    one entity, which takes the other's aliases and mentions."""
    ent_by_group: dict[int, Entity] = {}
    for g in groups.groups.values():
        ent_by_group[id(g)] = entity_of(g, groups, chains, identity)
    by_id: dict[str, Entity] = {}
    for gid, e in list(ent_by_group.items()):
        if e.id in by_id:
            o = by_id[e.id]
            o.aliases = sorted(set(o.aliases) | set(e.aliases) | ({e.name} - {o.name}))
            o.mentions += e.mentions
            ent_by_group[gid] = o
        else:
            by_id[e.id] = e
    return ent_by_group
