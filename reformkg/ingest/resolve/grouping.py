"""Mentions → groups, one group per entity of a document: a grouping key per label (regions by
gazetteer place, organisations by name without parent regions, others by normalised name), then
short forms merged into the full form they abbreviate (short_forms.same)."""

from __future__ import annotations

from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention
from reformkg.ingest.extract.context.patterns import REFORM_NAME
from reformkg.ingest.resolve.group import ORG_LABELS, Group
from reformkg.ingest.resolve.names import drop_parent_regions, event_key, norm_key, zone_key
from reformkg.ingest.resolve.short_forms import same


def _is_reference(m: Mention) -> bool:
    """该市/全区 (contextual) and implied mentions refer to an entity; they do not name it."""
    return bool(m.attrs.get("contextual") or m.attrs.get("implied"))


def _has_place(attrs: dict) -> bool:
    place = attrs.get("place", -1)
    return place is not None and place >= 0


class Groups:
    """The groups of one document, keyed by (label, key), and the group of each mention."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.gz = lx.gazetteer()
        self.groups: dict[tuple[str, str], Group] = {}
        self.of_mention: dict[int, Group] = {}

    def group_key(self, m: Mention) -> str:
        """The grouping key of a mention within its label."""
        if m.label == Label.REGION:
            if _has_place(m.attrs):
                return "place:" + self.gz.get(m.attrs["place"]).key
            return "zone:" + zone_key(m.normalised)
        if m.label in ORG_LABELS:
            # written short (人社局) and full (人力资源和社会保障局): one body
            return drop_parent_regions(norm_key(m.normalised))
        if m.label == Label.PROGRAMME:
            if m.attrs.get("kind") == "meeting":
                # 某省产改工作推进会 / 某省产业工人队伍建设改革推进会: one meeting
                return event_key(m.normalised.replace("产改", REFORM_NAME).replace("工作", ""))
            return event_key(m.normalised)
        return norm_key(m.normalised)

    def add(self, m: Mention) -> None:
        """Put a mention into its group (made when new), with its names, surfaces and props."""
        key = self.group_key(m)
        g = self.groups.get((m.label, key))
        if g is None:
            g = self.groups[(m.label, key)] = Group(m.label, key)
        g.mentions.append(m)
        self.of_mention[id(m)] = g
        if m.attrs.get("pronoun"):
            # 她/该同志 (coreference): the antecedent's entity, never an alias or a name of its own
            return
        if not _is_reference(m):
            # 该市/全区 are references, not names: as aliases they would match any region
            g.surfaces.append(m.surface)
        g.names.append(m.normalised)
        g.written.append(m.attrs.get("written") or m.normalised)
        for a in m.attrs.get("aliases", []) or []:
            g.surfaces.append(a)
        if m.label == Label.REGION:
            self._add_region_props(g, m)
        for k in ("kind", "level"):
            if k in m.attrs and m.label in (Label.PROGRAMME, Label.AWARD):
                g.props.setdefault(k, m.attrs[k])
        if m.label in ORG_LABELS and _has_place(m.attrs):
            g.props.setdefault("place", m.attrs["place"])

    def _add_region_props(self, g: Group, m: Mention) -> None:
        """A region's gazetteer place, level and adcode (a zone when it has no place)."""
        if not _has_place(m.attrs):
            g.props["level"] = lx.LEVEL_ZONE
            return
        place = m.attrs["place"]
        p = self.gz.get(place)
        g.props.setdefault("place", place)
        g.props["level"] = p.level
        if p.adcode:
            g.props["adcode"] = p.adcode
        if not _is_reference(m):
            g.names.append(p.name)

    def merge_short_forms(self) -> None:
        """A short form after its full form is the same entity: 新电公司 ↔ 新海发电 (abbreviation
        of a preceding enterprise), 镇江港务集团 ↔ 镇江港务集团有限公司, a programme's bare quoted
        name ↔ the quoted name with its head."""
        by_label: dict[str, list[Group]] = {}
        for g in self.groups.values():
            by_label.setdefault(g.label, []).append(g)
        for label, groups in by_label.items():
            groups.sort(key=lambda g: -max(len(norm_key(n)) for n in g.names))
            # a group's names do not change as it absorbs others (their names become surfaces)
            longest = {id(g): norm_key(max(g.names, key=len)) for g in groups}
            alive = {id(g) for g in groups}
            for g in groups:
                if id(g) in alive:
                    self._merge_into(label, g, groups, longest, alive)

    def _merge_into(self, label: str, g: Group, groups: list[Group], longest: dict[int, str],
                    alive: set[int]) -> None:
        """Absorb into g every other live group of the label that is a short form of it."""
        gname = longest[id(g)]
        first = min(m.span.start for m in g.mentions)
        for h in groups:
            if h is g or id(h) not in alive:
                continue
            hname = longest[id(h)]
            if len(hname) > len(gname) or (len(hname) == len(gname) and label != Label.PROGRAMME and
                                           not hname.endswith(("公司", "集团"))):
                continue
            if same(label, gname, hname, g, h, first):
                self.absorb(g, h)
                alive.discard(id(h))

    def absorb(self, g: Group, h: Group) -> None:
        """Merge group h into g (h's names become g's surfaces)."""
        for m in h.mentions:
            self.of_mention[id(m)] = g
        g.mentions.extend(h.mentions)
        g.surfaces.extend(h.surfaces)
        g.surfaces.extend(h.names)
        g.written.extend(h.written)
        for k, v in h.props.items():
            g.props.setdefault(k, v)
        del self.groups[(h.label, h.key)]

    def drop(self, key: tuple[str, str]) -> None:
        """Remove a group and forget its mentions."""
        for m in self.groups[key].mentions:
            self.of_mention.pop(id(m), None)
        del self.groups[key]
