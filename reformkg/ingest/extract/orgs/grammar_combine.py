"""Merge rules of the `orgs` grammar: an organisation joined with the sub-body or department
written right after it (某县委+组织部, 某某集团有限公司+工会), in up to four rounds, then the
longest candidates that do not overlap.
"""

from __future__ import annotations

from functools import lru_cache

from reformkg.ingest import lexicons as lx
from reformkg.ingest.extract.orgs.grammar_cand import Cand
from reformkg.ingest.extract.orgs.grammar_extend import sub_bodies
from reformkg.ingest.extract.orgs.lexicon import dept_set

# kinds of candidates that may be joined to the body before them
_JOINED_KINDS = frozenset(("dept", "lac", "strong", "industry", "tail", "generic"))
# kinds that are joined to whatever body precedes them
_ALWAYS_JOINED_KINDS = frozenset(("dept", "tail", "generic"))
# kinds that never stand alone (and never take a body after them)
LOOSE_KINDS = frozenset(("tail", "generic"))
_WOMENS_COMMITTEES = ("女工委", "女职工委员会")
# ends of a body whose own organ a strong name after it may be (某市总工会+某某中心)
_PARENT_BODY_ENDS = ("工会", "委", "局", "厅", "政府")
_MAX_ROUNDS = 4


@lru_cache(maxsize=1)
def committee_titles() -> tuple[str, ...]:
    """Titles written after a women's committee (主任, 部长 …)."""
    return tuple(lx.read_lines("org_grammar_committee_titles.txt"))


def index_by_start(cands: list[Cand]) -> dict[int, list[Cand]]:
    """The candidates by where they start, in order."""
    by_start: dict[int, list[Cand]] = {}
    for c in cands:
        by_start.setdefault(c.start, []).append(c)
    return by_start


def is_title_committee(text: str, d: Cand) -> bool:
    """A women's committee before a title (女工委主任): part of the title, not a separate body."""
    return text[d.start:d.end] in _WOMENS_COMMITTEES and text[d.end:d.end + 3].startswith(committee_titles())


def is_organ_of(text: str, c: Cand, d: Cand) -> bool:
    """A strong name without a region right after a named union, committee, bureau or government
    (某市总工会+某某服务中心): an organ of that body."""
    parent = text[c.start:c.end]
    return d.kind == "strong" and d.place < 0 and lx.org_label_of(parent) is not None and \
        parent.endswith(_PARENT_BODY_ENDS)


def joins_after(text: str, c: Cand, d: Cand) -> bool:
    """Whether d, written right after c, is a sub-body of c (某县委+组织部): a known department
    or sub-body, a department/tail/generic candidate, or an organ of c (`is_organ_of`)."""
    if d.kind not in _JOINED_KINDS or d.end <= c.end or c.kind in LOOSE_KINDS:
        return False
    if is_title_committee(text, d):
        return False
    body = text[d.start:d.end]
    return body in dept_set() or body.endswith(sub_bodies()) or d.kind in _ALWAYS_JOINED_KINDS or \
        is_organ_of(text, c, d)


def join_round(text: str, cands: list[Cand], by_start: dict[int, list[Cand]], keys: set[tuple[int, int]]) -> list[Cand]:
    """One round of joins: each candidate with each sub-body starting where it ends, as a new
    candidate of the first one's kind and region unless that span is known (keys grows)."""
    new = []
    for c in cands:
        for d in by_start.get(c.end, []):
            if not joins_after(text, c, d):
                continue
            key = (c.start, d.end)
            if key not in keys:
                keys.add(key)
                new.append(Cand(c.start, d.end, c.kind, c.place, c.prefix_char, False))
    return new


def join_sub_bodies(text: str, cands: list[Cand]) -> list[Cand]:
    """The candidates with the joined ones after them, up to four rounds (a body, its department,
    the department's office …)."""
    by_start = index_by_start(cands)
    keys = {(c.start, c.end) for c in cands}
    for _ in range(_MAX_ROUNDS):
        new = join_round(text, cands, by_start, keys)
        if not new:
            break
        cands = cands + new
        for c in new:
            by_start.setdefault(c.start, []).append(c)
    return cands


def longest_non_overlapping(text: str, cands: list[Cand]) -> list[Cand]:
    """The candidates that stand alone, longest first (then leftmost), none overlapping one
    taken before; in text order."""
    cands = [c for c in cands if c.kind not in LOOSE_KINDS]
    cands.sort(key=lambda c: (-(c.end - c.start), c.start))
    taken = bytearray(len(text) + 1)
    out = []
    for c in cands:
        if any(taken[c.start:c.end]):
            continue
        taken[c.start:c.end] = b"\x01" * (c.end - c.start)
        out.append(c)
    out.sort(key=lambda c: c.start)
    return out
