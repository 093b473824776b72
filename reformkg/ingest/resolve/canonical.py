"""The canonical name of a group: the fullest form; for regions the gazetteer's official name
(a district written with its city keeps that chain); for organisations the written form, with
the city+county chain the document writes for a county or district body."""

from __future__ import annotations

from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document
from reformkg.ingest.resolve.group import ORG_LABELS, Group
from reformkg.ingest.resolve.names import norm_key


def region_chains(doc: Document, gz: lx.Gazetteer) -> dict[str, str]:
    """County/district name → the longest city+county chain the document writes for it."""
    out: dict[str, str] = {}
    for sp in doc.layers.get("regions", []):
        pref = sp.attrs.get("prefixed")
        place = sp.attrs.get("place", -1)
        if pref and place is not None and place >= 0:
            p = gz.get(place)
            if p.level in (lx.LEVEL_COUNTY, lx.LEVEL_DISTRICT) and pref.endswith(p.name) and \
                    len(pref) > len(out.get(p.name, "")):
                out[p.name] = pref
    return out


def _official_region_name(g: Group, chains: dict[str, str], gz: lx.Gazetteer) -> str | None:
    """The gazetteer's official name, except that a district the text writes with its city
    (镇江市京口区) is named that fullest way; counties and districts written bare keep the bare
    official name (泗洪县, 武进区). None for a region with no gazetteer place (a zone)."""
    place = g.props.get("place", -1)
    if place is None or place < 0:
        return None
    p = gz.get(place)
    if p.level == lx.LEVEL_DISTRICT and p.name in chains:
        return chains[p.name]
    return p.name


def _with_written_chain(name: str, chains: dict[str, str]) -> str:
    """A county/district body is named with the region chain the document writes
    (顺德区委组织部 → 佛山市顺德区委组织部 when the text says 佛山市顺德区)."""
    for short, chain in chains.items():
        if name.startswith(short) and not name.startswith(chain):
            return chain + name[len(short):]
    return name


def canonical(g: Group, chains: dict[str, str], gz: lx.Gazetteer) -> str:
    """The canonical name of a group (chains: region_chains of its document)."""
    names = [n for n in g.names if n]
    if g.label == Label.REGION:
        official = _official_region_name(g, chains, gz)
        if official is not None:
            return official
        explicit = [m.surface for m in g.mentions if not m.attrs.get("contextual")]
        names = names + [s for s in explicit if len(s) > 2]
    if g.label in ORG_LABELS and g.written:
        # 人大常委会/住建局 written short: the name is the written form with its region, the
        # official full form (unless written too) an alias
        names = [n for n in g.written if n] or names
    best = max(names, key=lambda n: (len(norm_key(n)), n.startswith(("“", "《")))) if names else g.surfaces[0]
    if g.label in ORG_LABELS:
        return _with_written_chain(best, chains)
    return best
