"""Named collectives of unions (川渝两地工会, 长三角三省一市总工会, 两省一市工会): one name for
several bodies. When the text names exactly that many unions of the places the collective
counts (provinces for 省, cities for 市, either for 地), the collective stands for them: its
relations are read as relations of each member (ANNOTATION.md: a named collective whose members
the text names is expanded to those members)."""

from __future__ import annotations

import re

from reformkg.graph.model import Entity
from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.resolve.grouping import Groups

_COUNT = {"两": 2, "二": 2, "三": 3, "四": 4, "五": 5}
# 两地/三省/两市 … (总)工会, 三省一市/两省一市 (总)工会
_COLLECTIVE_RE = re.compile(r"(?:([两二三四五])(地|省|市)|([两三四])省一市)(?:总)?工会$")
_LEVELS = {"省": (lx.LEVEL_PROVINCE,), "市": (lx.LEVEL_CITY, lx.LEVEL_PROVINCE), "地": (lx.LEVEL_PROVINCE, lx.LEVEL_CITY)}


def collective_size(name: str) -> tuple[int, tuple[str, ...]] | None:
    """(number of members, place levels they may have) of a collective's name, else None."""
    m = _COLLECTIVE_RE.search(name)
    if m is None:
        return None
    if m.group(3):
        return _COUNT[m.group(3)] + 1, (lx.LEVEL_PROVINCE,)
    return _COUNT[m.group(1)], _LEVELS[m.group(2)]


def collective_members(groups: Groups, ent_by_group: dict[int, Entity]) -> dict[str, list[Entity]]:
    """Entity id of each collective → its member unions (only when the text names exactly as
    many unions of the counted places: otherwise the collective stays as written)."""
    gz = groups.gz
    unions = [g for g in groups.groups.values() if g.label == Label.UNION and lx.is_place(g.props.get("place"))]
    out: dict[str, list[Entity]] = {}
    for g in groups.groups.values():
        if g.label != Label.UNION or id(g) not in ent_by_group:
            continue
        size = collective_size(ent_by_group[id(g)].name)
        if size is None:
            continue
        count, levels = size
        members = {ent_by_group[id(u)].id: ent_by_group[id(u)] for u in unions
                   if u is not g and id(u) in ent_by_group and ent_by_group[id(u)].name.endswith("总工会")
                   and gz.get(u.props["place"]).level in levels}
        if len(members) == count:
            out[ent_by_group[id(g)].id] = list(members.values())
    return out
