"""The overview page's figures, computed from the graph: per region (province, or the
prefecture cities of one province) a measure — pilots, honours, programmes run, outcomes
reported — joined through the regions' adcodes; documents and programmes by year; the most
connected actors of each type; the actors of one region.

An actor belongs to a region when it is that Region, is LOCATED_IN it, or names it as its
`region` property; a region's adcode gives its province (first two digits) and prefecture
city (first four). Counts roll up from districts to cities to provinces by adcode prefix.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from reformkg.graph.queries import MENTIONED_IN, Reader
from reformkg.graph.vocab import Label, Rel

MEASURES = {  # measure → (relationship type counted from the actor, what it says)
    "pilots": (Rel.PILOTS, "试点 pilots (designations and pilot units)"),
    "honours": (Rel.AWARDED, "荣誉 honours"),
    "programmes": (Rel.RUNS, "开展项目 programmes run"),
    "outcomes": (Rel.REPORTED, "成效 outcomes reported"),
}
PILOT_LABEL = Label.PILOT_UNIT


def province_of(adcode: str) -> str:
    return adcode[:2] + "0000"


def city_of(adcode: str) -> str | None:
    return adcode[:4] + "00" if adcode[2:4] != "00" else None


def _regions(reader: Reader) -> tuple[dict[str, str], dict[str, str]]:
    """({region id: adcode}, {region name or alias: adcode})."""
    by_id, by_name = {}, {}
    for rid, name, aliases, adcode in reader._rows(
            "MATCH (r:Region) WHERE r.adcode IS NOT NULL RETURN r.id, r.name, r.aliases, r.adcode"):
        code = str(adcode)
        if not (code.isdigit() and len(code) == 6):
            continue
        by_id[rid] = code
        for n in [name, *(aliases or [])]:
            if n and n not in by_name:
                by_name[n] = code
    return by_id, by_name


def actor_regions(reader: Reader) -> dict[str, str]:
    """{actor id: adcode} for every actor that can be placed (the most specific region wins)."""
    by_id, by_name = _regions(reader)
    out: dict[str, str] = dict(by_id)
    for aid, region, located in reader._rows(
            f"MATCH (a:{reader.ontology.umbrella_label}) WHERE NOT a:Region "
            "OPTIONAL MATCH (a)-[:LOCATED_IN]->(r:Region) RETURN a.id, a.region, collect(r.id)"):
        codes = [by_id[r] for r in located if r in by_id]
        if not codes and region in by_name:
            codes = [by_name[region]]
        if codes:
            out[aid] = max(codes, key=lambda c: (c[4:] != "00", c[2:4] != "00", c))
    return out


def measure_counts(reader: Reader, measure: str) -> Counter[str]:
    """{actor id: count} of the measure."""
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}; one of {', '.join(MEASURES)}")
    rel = reader.ontology.check_type(MEASURES[measure][0])
    counts: Counter[str] = Counter()
    for aid, n in reader._rows(f"MATCH (a)-[r:{rel}]->() RETURN a.id, count(r)"):
        counts[aid] += int(n)
    if measure == "pilots" and PILOT_LABEL in reader.ontology.extra_labels:
        for (aid,) in reader._rows(f"MATCH (a:{PILOT_LABEL}) RETURN a.id"):
            counts[aid] += 1
    return counts


def region_values(reader: Reader, measure: str, province: str | None = None) -> dict[str, Any]:
    """Counts by province (or, for one province's adcode, by its prefecture cities)."""
    places = actor_regions(reader)
    counts = measure_counts(reader, measure)
    values: Counter[str] = Counter()
    unplaced = 0
    for aid, n in counts.items():
        code = places.get(aid)
        if code is None:
            unplaced += n
            continue
        if province:
            if province_of(code) != province:
                continue
            key = city_of(code) if province[:2] not in ("11", "12", "31", "50") else code
            if key is None:
                continue
            values[key] += n
        else:
            values[province_of(code)] += n
    return {"measure": measure, "label": MEASURES[measure][1], "province": province,
            "values": [{"adcode": k, "value": v} for k, v in sorted(values.items())],
            "total": sum(counts.values()), "unplaced": unplaced}


def region_actors(reader: Reader, adcode: str, measure: str, limit: int = 100) -> dict[str, Any]:
    """The actors placed in a region (province, city or district by adcode prefix), with their
    count of the measure, most first."""
    places = actor_regions(reader)
    counts = measure_counts(reader, measure)
    prefix = adcode[:2] if adcode.endswith("0000") else adcode[:4] if adcode.endswith("00") else adcode
    ids = [a for a, c in places.items() if c.startswith(prefix)]
    nodes = reader.get_nodes(ids) if ids else {}
    from reformkg.graph.queries import node_labels, node_props, primary_labels

    items = []
    for aid in ids:
        n = nodes.get(aid)
        if n is None:
            continue
        items.append({"id": aid, "name": node_props(n).get("name") or "",
                      "labels": primary_labels(node_labels(n), reader.ontology), "value": counts.get(aid, 0)})
    items.sort(key=lambda x: (-x["value"], x["name"], x["id"]))
    return {"adcode": adcode, "measure": measure, "items": items[:limit], "total": len(items)}


def timeline(reader: Reader) -> dict[str, Any]:
    """Documents by year, and programmes by the year of the earliest document naming them."""
    docs: Counter[str] = Counter()
    for (date,) in reader._rows("MATCH (d:Document) WHERE d.date IS NOT NULL RETURN d.date"):
        y = str(date)[:4]
        if y.isdigit():
            docs[y] += 1
    progs: Counter[str] = Counter()
    for _pid, first in reader._rows(f"MATCH (p:Programme)-[:{MENTIONED_IN}]->(d:Document) WHERE d.date IS NOT NULL "
                                    "RETURN p.id, min(d.date)"):
        y = str(first)[:4]
        if y.isdigit():
            progs[y] += 1
    years = sorted(set(docs) | set(progs))
    return {"years": years, "documents": [docs.get(y, 0) for y in years],
            "programmes": [progs.get(y, 0) for y in years]}


def top_actors(reader: Reader, per_type: int = 5) -> dict[str, list[dict[str, Any]]]:
    """The most connected actors of each actor label (relationships other than mentions)."""
    types = reader.types_text(t for t in reader.ontology.rel_types if t != MENTIONED_IN)
    out: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for label in reader.ontology.actor_labels:
        lab = reader.ontology.check_label(label)
        for aid, name, d in reader._rows(f"MATCH (n:{lab})-[r:{types}]-() RETURN n.id, n.name, count(r) AS d "
                                         f"ORDER BY d DESC, n.name LIMIT {int(per_type)}"):
            out[label].append({"id": aid, "name": name or "", "degree": int(d)})
    return dict(out)
