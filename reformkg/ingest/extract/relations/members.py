"""MEMBER_OF reader of the `relations` component: the org mentions of a 成员单位/成员由/由…组成
clause → the committee, joint meeting or alliance.
"""

from __future__ import annotations

import re

from reformkg.ingest.document import Mention
from reformkg.ingest.extract.context import ACTOR_LABELS
from reformkg.ingest.extract.relations.builder import Builder, NOSTOP, enumeration_before, rule_part
from reformkg.graph.vocab import Label, Rel


_COMPOSED_RE = re.compile(rf"由({NOSTOP}{{2,120}}?)(?:等{NOSTOP}{{0,10}}?)?(?:共同)?组成")
_MEMBER_RE = re.compile(r"成员单位|成员由|成员包括|成员为|成员有|成员涵盖|成员是")
_COMMITTEE_WORD_RE = re.compile(r"(联席会议|委员会|联盟|领导小组|工作小组|协调小组|协会|理事会|工作专班)(?:的)?$")
# the bare committee word right before 由 (联席会议由…组成), after a clause break
_BARE_COMMITTEE_RE = re.compile(r"(?:^|(?<=[，。；：\n]))(?:该|此)?(联席会议|委员会|联盟|领导小组|工作小组|协调小组|理事会|工作专班)$")
_COMMITTEE_RE = re.compile(r"(?:联席会议|委员会|联盟|领导小组|工作小组|协调小组|协会|理事会|工作专班|议事协调机构)$")
# A、B、C等N个部门为成员单位 / …等15家成员单位: a member list whose body was named before
_MEMBER_LIST_TAIL_RE = re.compile(r"(?:等(?:(?:\d+|[一二两三四五六七八九十百]+)(?:个|家)?)?(?:部门|单位|机构)?)?(?:为|作为|是|均为)?$")


def members(b: Builder) -> None:
    """MEMBER_OF: <committee>由A、B、C组成, and the bodies of a 成员单位/成员由… clause."""
    text = b.doc.text
    for m in _COMPOSED_RE.finditer(text):
        _committee_composed(b, m)
    for m in _MEMBER_RE.finditer(text):
        _member_clause(b, m)


@rule_part
def _committee_composed(b: Builder, m: re.Match) -> None:
    """<committee>由A、B、C(等N家单位)组成: the committee named right before 由."""
    ctx = b.ctx
    committee = None
    for x in reversed(ctx.mentions_between(max(0, m.start() - 40), m.start())):
        if x.span.end == m.start() and x.label in (Label.AGENCY, Label.INSTITUTION) \
                and _COMMITTEE_RE.search(x.normalised or x.surface):
            committee = x
        break
    if committee is None:
        committee = _committee_named_before(b, m.start())
    if committee is None:
        return
    for x in ctx.mentions_between(m.start(1), m.end(1)):
        if x.label in ACTOR_LABELS and x.label != Label.REGION and id(x) not in ctx.title_orgs:
            b.add(Rel.MEMBER_OF, x, committee, (committee.span.start, m.end()))


def _committee_named_before(b: Builder, pos: int) -> Mention | None:
    """联席会议由…组成 with the bare word: the committee of that kind named last before, within
    the paragraph or the one before it."""
    ctx, text = b.ctx, b.doc.text
    wm = _BARE_COMMITTEE_RE.search(text, max(0, pos - 8), pos)
    if wm is None:
        return None
    pi = ctx.paragraph_of(pos)
    floor = b.doc.paragraphs[max(0, pi - 1)][0] if pi >= 0 and b.doc.paragraphs else 0
    for x in reversed(ctx.mentions_between(floor, wm.start())):
        if x.label in (Label.AGENCY, Label.INSTITUTION) and (x.normalised or x.surface or "").endswith(wm.group(1)):
            return x
    return None


@rule_part
def _member_clause(b: Builder, m: re.Match) -> None:
    """A 成员单位/成员由… clause: its committee, and the bodies of the clause (or the list the
    committee was found with) as members."""
    ctx = b.ctx
    cs, ce = ctx.clause_bounds(m.start())
    if b.doc.sentence_of(m.start()) < 0:
        return
    cands = [x for x in ctx.mentions_between(cs, ce) if x.label in ACTOR_LABELS and id(x) not in ctx.title_orgs]
    committee, listed = _member_committee(b, m, cs, cands)
    if committee is None or listed == []:
        return
    for x in (listed or cands):
        if x is committee or b.key(x) == b.key(committee) or x.label == Label.REGION:
            continue
        if x.span.end == m.start():
            continue
        b.add(Rel.MEMBER_OF, x, committee, (cs, ce))


def _member_committee(b: Builder, m: re.Match, cs: int,
                      cands: list[Mention]) -> tuple[Mention | None, list[Mention] | None]:
    """The committee of a member clause, and the member list when it is not the whole clause:
    (a) the body right before 成员, (b) the committee word before it, (c) a list before
    为成员单位, (d) 成员单位包括 after the body named earlier."""
    committee = None
    # (a) the committee named right before 成员 (三方委员会成员由…)
    for x in cands:
        if x.span.end == m.start() and x.label in (Label.AGENCY, Label.INSTITUTION):
            committee = x
    if committee is None:
        committee = _committee_by_word(b, m, cs)
    if committee is not None:
        return committee, None
    found = _committee_before_list(b, m, cs)
    if found is None and re.match(r"成员单位(?:包括|有|为|是|涵盖)", b.doc.text[m.start():m.start() + 7]):
        found = _committee_before_clause(b, m, cs, cands)
    return found if found is not None else (None, None)


def _committee_by_word(b: Builder, m: re.Match, cs: int) -> Mention | None:
    """(b) the committee word before 成员 (…为联席会议成员单位) → the nearest earlier mention with
    that head, outside this clause's member list."""
    ctx, doc = b.ctx, b.doc
    wm = _COMMITTEE_WORD_RE.search(doc.text, max(cs, m.start() - 12), m.start())
    if wm is None:
        return None
    head = wm.group(1)
    pi = ctx.paragraph_of(m.start())
    floor = doc.paragraphs[max(0, pi - 1)][0] if pi >= 0 else 0
    for x in reversed(ctx.mentions_between(floor, cs)):
        if x.label in (Label.AGENCY, Label.INSTITUTION) and (x.normalised or x.surface).endswith(head):
            return x
    return None


def _committee_before_list(b: Builder, m: re.Match, cs: int) -> tuple[Mention, list[Mention]] | None:
    """(c) A、B、C等N个部门为成员单位: the joint body named last before the list, in this sentence
    or the current/previous paragraph; the members are the list."""
    ctx, doc = b.ctx, b.doc
    items = enumeration_before(b, _list_end(b, cs, m.start()))
    if len(items) < 2 or m.group().startswith("成员由"):
        return None
    pi = ctx.paragraph_of(m.start())
    floor = doc.paragraphs[max(0, pi - 1)][0] if pi >= 0 else 0
    for x in reversed(ctx.mentions_between(floor, items[0].span.start)):
        if x.label in (Label.AGENCY, Label.INSTITUTION) and _COMMITTEE_RE.search(x.normalised or x.surface or "") \
                and id(x) not in ctx.title_orgs:
            return x, items
    return None


def _committee_before_clause(b: Builder, m: re.Match, cs: int,
                             cands: list[Mention]) -> tuple[Mention, list[Mention]] | None:
    """(d) X协调小组成立，成员单位包括A、B、C: the joint body named before, in this sentence or the
    current paragraph; the members are the bodies after the verb."""
    ctx, doc = b.ctx, b.doc
    pi = ctx.paragraph_of(m.start())
    floor = doc.paragraphs[pi][0] if pi >= 0 else cs
    for x in reversed(ctx.mentions_between(floor, cs)):
        if x.label in (Label.AGENCY, Label.INSTITUTION) and _COMMITTEE_RE.search(x.normalised or x.surface or "") \
                and id(x) not in ctx.title_orgs:
            return x, [y for y in cands if y.span.start >= m.end()]
    return None


def _list_end(b: Builder, cs: int, pos: int) -> int:
    """End of a name list written right before pos (…、C等19个部门为 → after C), else pos."""
    lm = _MEMBER_LIST_TAIL_RE.search(b.doc.text, max(cs, pos - 16), pos)
    return lm.start() if lm and lm.group() else pos
