"""Zones and the `Orgs` component: bodies a document about one zone names by the zone's kind
alone (园区党工委、管委会 → 某高新区党工委, 某高新区管委会), and Region mentions for the zones that
start bodies' names (某高新区总工会).
"""

from __future__ import annotations

import re

from reformkg.graph.vocab import Label
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.common import is_cjk
from reformkg.ingest.extract.orgs.lexicon import COMPONENT_NAME

_ZONE_ANAPHOR_RE = re.compile(r"(园区|高新区|开发区|经开区)(党工委|管委会|管理委员会|党群工作部|总工会|工会)"
                              r"(?:[、和及与](党工委|管委会|管理委员会))?")
_ANAPHOR_BEFORE = "、，。；：和与及由在的对向经"
_REGION_ATTRS = ("level", "adcode", "place", "parent")


def _body_label(body: str) -> str:
    """A zone's 工会/总工会 is a Union, its other bodies (党工委, 管委会) Agencies."""
    return Label.UNION if body.endswith("工会") else Label.AGENCY


def _the_zones(doc: Document, text: str) -> list[Span]:
    """The document's zone spans when they are all one zone (written with and without its city:
    某市某高新区 / 某高新区); [] when the text names no zone or two."""
    from reformkg.ingest.resolve import zone_key

    zones = [sp for sp in doc.layers.get("regions", []) if sp.attrs.get("zone")]
    keys = {zone_key(text[sp.start:sp.end]) for sp in zones}
    if len([k for k in keys if not any(o != k and o.endswith(k) for o in keys)]) != 1:
        return []
    return zones


def _zone_before(zones: list[Span], pos: int) -> Span:
    """The zone written nearest before pos (the first zone when none is)."""
    before = [sp for sp in zones if sp.end <= pos]
    return before[-1] if before else zones[0]


def _name_park_body(text: str, m: re.Match[str], host: Mention | None, zones: list[Span]) -> None:
    """园区总工会 read as a name of its own (a mention spanning exactly 园区+body): it is the
    zone's body, named with the zone written before it."""
    s = m.start()
    if host is None or host.span.start != s or host.span.end != m.end(2) or host.attrs.get("zone") \
            or host.surface != m.group(1) + m.group(2) or m.group(1) != "园区":
        return
    zsp = _zone_before(zones, s)
    host.normalised = text[zsp.start:zsp.end] + m.group(2)
    host.attrs = {"zone": text[zsp.start:zsp.end]}
    host.label = host.span.label = _body_label(m.group(2))


def _not_an_anaphor(text: str, m: re.Match[str], host: Mention | None) -> bool:
    """Inside a mention (unless it is the zone's first body with a second after it: 某高新区
    党工委、管委会), or after a name character (某工业园区党工委 is a named zone's body)."""
    s = m.start()
    if host is not None:
        return not (host.attrs.get("zone") and host.span.end == m.end(2) and m.group(3))
    return s > 0 and is_cjk(text[s - 1]) and text[s - 1] not in _ANAPHOR_BEFORE


def _anaphor_mentions(doc: Document, text: str, m: re.Match[str], host: Mention | None,
                      zone: str) -> list[Mention]:
    """The bodies of one match, named zone + body: the first unless a mention already spans it
    (X高新区党工委), and the second of a pair (、管委会), which shares the written zone."""
    groups = (3,) if host is not None else (2, 3)
    out: list[Mention] = []
    for g in groups:
        body = m.group(g)
        if body is None:
            continue
        bs, be = (m.start(), m.end(2)) if g == 2 else (m.start(3), m.end(3))
        label = _body_label(body)
        sp = Span(bs, be, label, doc.sentence_of(bs), COMPONENT_NAME, {"kind": "zone-anaphor"})
        out.append(Mention(sp, label, text[bs:be], zone + body, {"zone": zone}))
    return out


def zone_anaphor_bodies(doc: Document, text: str, found: list[Mention]) -> list[Mention]:
    """园区党工委、管委会 in a document about one zone: the zone's bodies, named with the zone as
    the text writes it nearest before (某高新区党工委); none when the text names two zones."""
    zones = _the_zones(doc, text)
    if not zones:
        return []
    out: list[Mention] = []
    for m in _ZONE_ANAPHOR_RE.finditer(text):
        s = m.start()
        host = next((o for o in found + out if o.span.start <= s < o.span.end), None)
        _name_park_body(text, m, host, zones)
        if _not_an_anaphor(text, m, host):
            continue
        zsp = _zone_before(zones, s)
        zone = host.attrs["zone"] if host is not None else text[zsp.start:zsp.end]
        out.extend(_anaphor_mentions(doc, text, m, host, zone))
    return out


def zone_mentions(doc: Document, orgs: list[Mention]) -> list[Mention]:
    """Region mentions (level zone) for the zones that start bodies' names (某高新区总工会):
    resolve places the body in that zone."""
    zones = {sp.start: sp for sp in doc.layers.get("regions", []) if sp.attrs.get("zone")}
    have = {(m.span.start, m.span.end) for m in doc.mentions if m.label == Label.REGION}
    out: list[Mention] = []
    for m in orgs:
        zname = m.attrs.get("zone")
        sp = zones.get(m.span.start)
        if not zname or sp is None or sp.end >= m.span.end or (sp.start, sp.end) in have:
            continue
        have.add((sp.start, sp.end))
        out.append(Mention(sp, Label.REGION, doc.text[sp.start:sp.end], sp.attrs.get("name", zname),
                           {k: v for k, v in sp.attrs.items() if k in _REGION_ATTRS}))
    return out
