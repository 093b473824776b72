"""Structure read once and shared by the relation types.

- Coordination: a relation read for one item of a list (A、B和C) holds for every item of it,
  heads (A、B被评为X; A、B联合印发P) and tails (A荣获X、Y) alike, for the distributive types.
- Affiliation pairs: an enterprise or school written right before a person (X公司张某, X学院的李某)
  gives HOLDS_POSITION without a title.
- Lists introduced by 分别是/名单如下 (ingest/data/triggers/LIST_INTRO.tsv): each item's person
  (or, without one, its organisation) receives the honour named before the list, and the
  item's organisation is the person's employer.
"""

from __future__ import annotations

import re

from reformkg.ingest.document import Mention
from reformkg.ingest.extract._context import ACTOR_LABELS
from reformkg.ingest.extract.relations.builder import _Builder
from reformkg.ingest.extract.relscore.triggers import trigger_index

DISTRIBUTIVE = ("AWARDED", "PILOTS", "SPONSORS", "ISSUED", "RUNS")
_COORDINATORS = frozenset({"、", "和", "与", "及", "以及", "和“", "、“"})
_AFFILIATION_GAPS = frozenset({"", "的"})
_EMPLOYERS = ("Enterprise", "Institution")
_ITEM_SPLIT_RE = re.compile(r"[，,；;。]")
_QUOTES = "“”\"《》"


def _gap(text: str, a: Mention, b: Mention) -> str:
    return text[a.span.end:b.span.start].strip(_QUOTES + " ")


def coordinated(b: _Builder, m: Mention) -> list[Mention]:
    """The other items of the coordinated list `m` belongs to (same clause, same label family)."""
    ms, text = b.ctx.mentions, b.doc.text
    try:
        i = next(k for k, x in enumerate(ms) if x is m)
    except StopIteration:
        return []
    family = ACTOR_LABELS if m.label in ACTOR_LABELS else (m.label,)
    out: list[Mention] = []
    for step in (-1, 1):
        cur, j = m, i + step
        while 0 <= j < len(ms):
            n = ms[j]
            if n.span.start < cur.span.end and n.span.end > cur.span.start:  # nested/overlapping
                j += step
                continue
            a, c = (n, cur) if step < 0 else (cur, n)
            if n.label not in family or id(n) in b.ctx.title_orgs or _gap(text, a, c) not in _COORDINATORS:
                break
            out.append(n)
            cur, j = n, j + step
    return out


def distribute(b: _Builder) -> None:
    """Every relation of a distributive type also holds for the coordinated siblings of its ends."""
    for rc in list(b.out):
        if rc.type not in DISTRIBUTIVE:
            continue
        trig = (rc.trigger.start, rc.trigger.end) if rc.trigger is not None else None
        for sib in coordinated(b, rc.head):
            b.add(rc.type, sib, rc.tail, trig, **dict(rc.props))
        if rc.tail.label != "Programme" or rc.type == "ISSUED":
            for sib in coordinated(b, rc.tail):
                b.add(rc.type, rc.head, sib, trig, **dict(rc.props))


def affiliations(b: _Builder) -> None:
    """An employer written right before a person: HOLDS_POSITION with no title."""
    ms, text = b.ctx.mentions, b.doc.text
    for a, p in zip(ms, ms[1:]):
        if p.label == "Person" and a.label in _EMPLOYERS and a.span.end <= p.span.start \
                and text[a.span.end:p.span.start] in _AFFILIATION_GAPS:
            b.add("HOLDS_POSITION", p, a, (a.span.start, p.span.end))


def honours_lists(b: _Builder) -> None:
    """`…“称号”…分别是：X公司张某，Y公司李某`: AWARDED for each item, employers as positions."""
    doc, ctx = b.doc, b.ctx
    intro = trigger_index(("LIST_INTRO",))
    for s0, s1 in doc.sentences:
        sent = doc.text[s0:s1]
        for hit in intro.find(sent):
            at = s0 + hit.start
            before = [m for m in ctx.mentions_between(s0, at) if m.label == "Award"]
            if not before:
                continue
            award = before[-1]
            start = s0 + hit.end
            for item in _items(doc.text, start, s1):
                ms = [m for m in ctx.mentions_between(*item) if m.label in ACTOR_LABELS or m.label == "Person"]
                persons = [m for m in ms if m.label == "Person"]
                for p in persons:
                    b.add("AWARDED", p, award, (at, item[1]))
                if not persons and len(ms) == 1:
                    b.add("AWARDED", ms[0], award, (at, item[1]))


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the list items between `start` (after the introducing word) and `end`."""
    seg = text[start:end]
    pos = start + len(seg) - len(seg.lstrip("：: "))
    out = []
    for piece in _ITEM_SPLIT_RE.split(text[pos:end]):
        if piece.strip():
            out.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    return out
