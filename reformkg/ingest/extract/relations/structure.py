"""Structure read once and shared by the relation types.

- Coordination: a relation read for one item of a list (A、B和C) holds for every item of it,
  heads (A、B被评为X; A、B联合印发P) and tails (A荣获X、Y) alike, for the distributive types.
- Affiliation pairs: an enterprise or school written right before a person (X公司张某, X学院的李某)
  gives HOLDS_POSITION without a title.
- Lists introduced by 分别是/名单如下 (ingest/data/triggers/LIST_INTRO.tsv): each item's person
  (or, without one, its organisation) receives the honour named before the list, and the
  item's organisation is the person's employer.
- A sponsor before a modified verb (X牵头主办的P, X负责承办的P).
- Event anaphors: X承办了本次大赛 sponsors the latest named event before it.
- Composition: X由A、B、C等N个部门组成 makes A, B, C members of X; A、B(等N家单位)成为/是Y(的首批)成员单位
  makes A and B members of Y.
- Honours named before and taken up by 获此殊荣/榜上有名 (anaphoric triggers in AWARDED.tsv): the
  listed recipients of the clause receive the latest honour named before them; a listed subject
  with a counted apposition (A、B、C三个试点单位(经验)被评为X) receives X, each item.
- Honours in apposition (张某（全国五一劳动奖章获得者）) and granted by a named agent
  (张某被某部授予“某某”称号).
- Places written before a body (在X县Y街道产改试点企业Z公司, 来到X区Z公司): the body stands in
  each place of the chain (categories between them in ingest/data/place_categories.txt).
- A policy whose title opens with the name of a body the text names (《X关于…的方案》) is ISSUED by it.
- Pilot lists: 试点单位包括：A、B、C (or 试点企业有A、B) makes each listed actor a pilot of the programme
  named before the list, else of the reform.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from reformkg.ingest.document import Mention, Span
from reformkg.ingest.extract.context import ACTOR_LABELS, ORG_LABELS, REFORM_NAME
from reformkg.ingest.extract.relations.builder import Builder
from reformkg.ingest.extract.relscore.triggers import alternation, trigger_index
from reformkg.graph.vocab import Label, Rel
from reformkg.ingest import lexicons as lx

DISTRIBUTIVE = (Rel.AWARDED, Rel.PILOTS, Rel.SPONSORS, Rel.ISSUED, Rel.RUNS)
_COORDINATORS = frozenset({"、", "和", "与", "及", "以及", "和“", "、“"})
_AFFILIATION_GAPS = frozenset({"", "的"})
EMPLOYERS = (Label.ENTERPRISE, Label.INSTITUTION)
_ITEM_SPLIT_RE = re.compile(r"[，,；;。]")
_SEMICOLON_SPLIT_RE = re.compile(r"[；;。]")
_BRACKET_OPEN = frozenset({"（", "("})
_BRACKET_CLOSE = frozenset({"）", ")"})
_QUOTES = "“”\"《》"


def _gap(text: str, a: Mention, b: Mention) -> str:
    return text[a.span.end:b.span.start].strip(_QUOTES + " ")


def _joined(text: str, a: Mention, c: Mention) -> bool:
    """Are two mentions items of one list: a coordinator between them, or quoted names written
    back to back (《A》《B》, “A”“B”)?"""
    raw = text[a.span.end:c.span.start]
    return _gap(text, a, c) in _COORDINATORS or (raw != "" and raw.strip(_QUOTES) == "")


def coordinated(b: Builder, m: Mention) -> list[Mention]:
    """The other items of the coordinated list `m` belongs to (same clause, same label family)."""
    ms, text = b.ctx.mentions, b.doc.text
    try:
        i = next(k for k, x in enumerate(ms) if x is m)
    except StopIteration:
        return []
    family = ORG_LABELS if m.label in ORG_LABELS else (m.label,)  # a region never lists with bodies
    out: list[Mention] = []
    for step in (-1, 1):
        cur, j = m, i + step
        while 0 <= j < len(ms):
            n = ms[j]
            if n.span.start < cur.span.end and n.span.end > cur.span.start:  # nested/overlapping
                j += step
                continue
            a, c = (n, cur) if step < 0 else (cur, n)
            if n.label not in family or id(n) in b.ctx.title_orgs or not _joined(text, a, c):
                break
            out.append(n)
            cur, j = n, j + step
    return out


def _register_sponsor(b: Builder, actor: Mention, event: Mention, role: str, trig: tuple[int, int]) -> None:
    """Record a sponsor of `event` so that the co-sponsor pass pairs it with the others."""
    b.sponsors.setdefault(b.key(event), []).append((actor, role, Span(trig[0], trig[1], Rel.SPONSORS)))


def distribute(b: Builder) -> None:
    """Every relation of a distributive type also holds for the coordinated siblings of its ends."""
    for rc in list(b.out):
        if rc.type not in DISTRIBUTIVE:
            continue
        trig = (rc.trigger.start, rc.trigger.end) if rc.trigger is not None else None
        for sib in coordinated(b, rc.head):
            if b.add(rc.type, sib, rc.tail, trig, **dict(rc.props)) and rc.type == Rel.SPONSORS and trig:
                _register_sponsor(b, sib, rc.tail, rc.props.get("role", ""), trig)
        if rc.tail.label != Label.PROGRAMME or rc.type == Rel.ISSUED:
            for sib in coordinated(b, rc.tail):
                b.add(rc.type, rc.head, sib, trig, **dict(rc.props))


@lru_cache(maxsize=None)
def _word_table(name: str) -> frozenset[str]:
    path = resources.files("reformkg.ingest") / "data" / name
    return frozenset(ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
                     if ln.strip() and not ln.startswith("#"))


def worker_roles() -> frozenset[str]:
    """Generic worker roles (ingest/data/worker_roles.txt)."""
    return _word_table("worker_roles.txt")


_ROLE_MAX_CHARS = 8
_ROLE_MODIFIER_RE = re.compile(r"[\u4e00-\u9fff]{0,6}")


def is_worker_role(text: str, roles: frozenset[str] | set[str]) -> bool:
    """A worker role: one of the table's, or a short modifier before one (桥吊司机, 数控车工)."""
    if text in roles:
        return True
    return 0 < len(text) <= _ROLE_MAX_CHARS and any(
        text.endswith(r) and _ROLE_MODIFIER_RE.fullmatch(text[:-len(r)]) for r in roles)


def affiliations(b: Builder) -> None:
    """An employer written right before a person, or before a worker role and a person:
    HOLDS_POSITION, with the role as title when one is written."""
    ms, text = b.ctx.mentions, b.doc.text
    roles = worker_roles()
    for a, p in zip(ms, ms[1:]):
        if p.label != Label.PERSON or a.label not in EMPLOYERS or a.span.end > p.span.start:
            continue
        gap = text[a.span.end:p.span.start]
        if gap in _AFFILIATION_GAPS:
            b.add(Rel.HOLDS_POSITION, p, a, (a.span.start, p.span.end))
        elif is_worker_role(gap.removeprefix("的"), roles):
            b.add(Rel.HOLDS_POSITION, p, a, (a.span.start, p.span.end), title=gap.removeprefix("的"))
    for p, a in zip(ms, ms[1:]):
        # 张三（甲公司）: the employer in brackets right after the person (lists, notices)
        if p.label == Label.PERSON and a.label in EMPLOYERS and text[p.span.end:a.span.start] in _BRACKET_OPEN \
                and text[a.span.end:a.span.end + 1] in _BRACKET_CLOSE:
            b.add(Rel.HOLDS_POSITION, p, a, (p.span.start, a.span.end + 1))


def honours_lists(b: Builder) -> None:
    """`…“称号”…分别是：X公司张某，Y公司李某`: AWARDED for each item, employers as positions."""
    doc, ctx = b.doc, b.ctx
    intro = trigger_index(("LIST_INTRO",))
    for s0, s1 in doc.sentences:
        sent = doc.text[s0:s1]
        for hit in intro.find(sent):
            at = s0 + hit.start
            before = [m for m in ctx.mentions_between(s0, at) if m.label == Label.AWARD]
            if not before:
                continue
            award = before[-1]
            start = s0 + hit.end
            for item in _items(doc.text, start, s1):
                ms = [m for m in ctx.mentions_between(*item) if m.label in ACTOR_LABELS or m.label == Label.PERSON]
                persons = [m for m in ms if m.label == Label.PERSON]
                for p in persons:
                    b.add(Rel.AWARDED, p, award, (at, item[1]))
                if len(persons) == 1:
                    _item_post(b, persons[0], ms, item)
                if not persons and len(ms) == 1:
                    b.add(Rel.AWARDED, ms[0], award, (at, item[1]))


_ITEM_POST_GAP_RE = re.compile(r"[，,\s]*")


def _item_post(b: Builder, person: Mention, ms: list[Mention], item: tuple[int, int]) -> None:
    """赵甲，某公司高级技师: the body written right after the item's person, the rest its title."""
    text = b.doc.text
    after = [m for m in ms if m.label in EMPLOYERS and m.span.start >= person.span.end]
    if not after or not _ITEM_POST_GAP_RE.fullmatch(text, person.span.end, after[0].span.start) \
            or text[person.span.end:after[0].span.start] == "":
        return
    rest = text[after[0].span.end:item[1]].strip()
    title = rest if re.fullmatch(r"[\u4e00-\u9fff]{1,12}", rest) else None
    b.add(Rel.HOLDS_POSITION, person, after[0], (person.span.start, item[1]), title=title)


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of the list items between `start` (after the introducing word) and `end`."""
    seg = text[start:end]
    pos = start + len(seg) - len(seg.lstrip("：: "))
    out = []
    # 赵甲，某公司高级技师；钱乙，某学院教师: items set off by semicolons keep their commas
    split = _SEMICOLON_SPLIT_RE if re.search(r"[；;]", text[pos:end]) else _ITEM_SPLIT_RE
    for piece in split.split(text[pos:end]):
        if piece.strip():
            out.append((pos, pos + len(piece)))
        pos += len(piece) + 1
    return out


_EVENT_ANAPHOR_RE = re.compile(rf"({alternation(Rel.SPONSORS)})(?:了)?(?:该|此|本次|本届|这次|这项|此次)"
                               r"(?:赛事|活动|比赛|竞赛|大赛|会议|论坛|展会)(?!的)")
_SUBJECT_GAP_RE = re.compile(r"(?:也|还|则|又|具体|负责|全程|共同|联合)*")


def _subject_before(b: Builder, pos: int) -> list[Mention]:
    """The actor written right before the verb at `pos` (with its coordinated siblings)."""
    cs, _ = b.ctx.clause_bounds(pos)
    prev = [m for m in b.ctx.mentions_between(cs, pos) if m.label in ACTOR_LABELS and id(m) not in b.ctx.title_orgs]
    if not prev or not _SUBJECT_GAP_RE.fullmatch(b.doc.text[prev[-1].span.end:pos]):
        return []
    return [prev[-1], *coordinated(b, prev[-1])]


def event_anaphors(b: Builder) -> None:
    """`X承办了本次大赛`: X sponsors the latest named event before it, in the verb's role."""
    roles = {t.word: t.role for t in trigger_index((Rel.SPONSORS,)).by_type[Rel.SPONSORS]}
    for m in _EVENT_ANAPHOR_RE.finditer(b.doc.text):
        event = b.ctx._previous_event(m.start())
        if event is None:
            continue
        role = roles.get(m.group(1), m.group(1))
        for actor in _subject_before(b, m.start()):
            if b.add(Rel.SPONSORS, actor, event, (m.start(), m.end()), role=role):
                _register_sponsor(b, actor, event, role, (m.start(), m.end()))


def _composition_words() -> str:
    return "|".join(re.escape(t.word) for t in trigger_index((Rel.MEMBER_OF,)).by_type[Rel.MEMBER_OF] if t.role == "composed")


def composed_of(b: Builder) -> None:
    """`X由A、B、C等N个部门组成`: the listed bodies are members of X."""
    words = _composition_words()
    if not words:
        return
    tail_re = re.compile(rf"(?:等[^，,。；;]{{0,10}}?)?(?:共同)?(?:{words})")
    text = b.doc.text
    for x in b.ctx.mentions:
        if x.label not in (Label.AGENCY, Label.INSTITUTION) or not text.startswith("由", x.span.end):
            continue
        cs, ce = b.ctx.clause_bounds(x.span.end)
        members = [m for m in b.ctx.mentions_between(x.span.end + 1, ce) if m.label in ACTOR_LABELS]
        if not members or members[0].span.start != x.span.end + 1:
            continue
        group = [members[0], *[m for m in coordinated(b, members[0]) if m.span.start > x.span.end]]
        last = max(group, key=lambda m: m.span.end)
        if tail_re.match(text, last.span.end, ce):
            for m in group:
                b.add(Rel.MEMBER_OF, m, x, (x.span.start, ce))


_MEMBER_OF_BODY_RE = re.compile(r"(?:成为|是|作为|为|系)([^，,。；;]{2,60}?)的?(?:首批|第[一二三四五六七八九十\d]+批)?成员(?:单位)?")
_BODY_LABELS = (Label.AGENCY, Label.INSTITUTION, Label.UNION)


def _clause_subjects(b: Builder, pos: int) -> list[Mention]:
    """The first actor of the clause before `pos` and its coordinated siblings."""
    cs, _ = b.ctx.clause_bounds(pos)
    prev = [m for m in b.ctx.mentions_between(cs, pos) if m.label in ACTOR_LABELS and id(m) not in b.ctx.title_orgs]
    return [prev[0], *[m for m in coordinated(b, prev[0]) if m.span.end <= pos]] if prev else []


def member_units(b: Builder) -> None:
    """`A、B等N家单位成为Y首批成员单位` / `A是Y的成员单位`: A and B are members of Y."""
    for m in _MEMBER_OF_BODY_RE.finditer(b.doc.text):
        bodies = [x for x in b.ctx.mentions_between(m.start(1), m.end(1)) if x.label in _BODY_LABELS]
        if not bodies:
            continue
        for actor in _clause_subjects(b, m.start()):
            b.add(Rel.MEMBER_OF, actor, bodies[-1], (m.start(), m.end()))


_PILOT_LIST_RE = re.compile(r"试点(?:单位|企业|省份|城市|园区|县区|县|区|工会|学校|院校|基地)(?:名单)?"
                            r"(?:(?:包括|有|为|是|分别是|分别为|如下)[：:]?|[：:])")


def _pilot_target(b: Builder, start: int, at: int) -> Mention | None:
    """The programme named in the sentence before the list, else the reform (if mentioned)."""
    named = [m for m in b.ctx.mentions_between(start, at) if m.label == Label.PROGRAMME]
    if named:
        return named[-1]
    return next((m for m in b.ctx.mentions if m.label == Label.PROGRAMME and (m.normalised or m.surface) == REFORM_NAME),
                None)


def pilot_lists(b: Builder) -> None:
    """`试点单位包括：A、B、C`: each listed actor pilots the programme named before the list."""
    doc = b.doc
    for m in _PILOT_LIST_RE.finditer(doc.text):
        si = doc.sentence_of(m.start())
        if si < 0:
            continue
        s0, s1 = doc.sentences[si]
        target = _pilot_target(b, s0, m.end())
        items = [x for x in b.ctx.mentions_between(m.end(), s1) if x.label in ACTOR_LABELS]
        if target is None or not items:
            continue
        for actor in [items[0], *[x for x in coordinated(b, items[0]) if x.span.start > m.end()]]:
            if b.add(Rel.PILOTS, actor, target, (m.start(), s1)):
                actor.attrs["pilot"] = True


_APPOSITION_RE = re.compile(r"[（(](?:[^（()）]{0,12}?[、，,])?$")
_APPOSITION_END_RE = re.compile(r"(?:荣誉)?(?:称号)?(?:获得者)?[）)]")
_PASSIVE_GRANT_RE = re.compile(r"被([^，,。；;！？]{2,40}?)(?:授予|评为|命名为|认定为|表彰为)(?:了)?(?:\d{4}年度?)?")
_RECIPIENT_GAP_RE = re.compile(r"(?:也|还|又|曾|先后|已|再次|更是)*")
_RECIPIENTS = (Label.PERSON, Label.ENTERPRISE, Label.UNION, Label.INSTITUTION, Label.REGION)


def appositive_honours(b: Builder) -> None:
    """`张某（全国五一劳动奖章获得者）`: the person in front of the bracket holds the honour."""
    ms, text = b.ctx.mentions, b.doc.text
    for i, award in enumerate(ms):
        if award.label != Label.AWARD or not _APPOSITION_END_RE.match(text, award.span.end):
            continue
        before = [m for m in ms[max(0, i - 3):i] if m.span.end <= award.span.start]
        if not before or before[-1].label != Label.PERSON:
            continue
        person = before[-1]
        if _APPOSITION_RE.fullmatch(text[person.span.end:award.span.start]):
            b.add(Rel.AWARDED, person, award, (person.span.start, award.span.end))


def passive_grants(b: Builder) -> None:
    """`X被某部授予“某某”称号`: X (written right before 被) receives the honour written right after."""
    ctx, text = b.ctx, b.doc.text
    for m in _PASSIVE_GRANT_RE.finditer(text):
        at = m.end() + (1 if text[m.end():m.end() + 1] in _QUOTES else 0)
        award = ctx.mention_at(m.end(), frozenset({Label.AWARD})) or ctx.mention_at(at, frozenset({Label.AWARD}))
        if award is None:
            continue
        cs, _ = ctx.clause_bounds(m.start())
        prev = [x for x in ctx.mentions_between(cs, m.start()) if x.label in _RECIPIENTS]
        if prev and _RECIPIENT_GAP_RE.fullmatch(text[prev[-1].span.end:m.start()]):
            for r in [prev[-1], *coordinated(b, prev[-1])]:
                b.add(Rel.AWARDED, r, award, (r.span.start, award.span.end))


_LED_SPONSOR_RE = re.compile(rf"(?:牵头|负责|具体|全程|联合|共同)({alternation(Rel.SPONSORS)})的(?:\d{{4}}年度?|第[一二三四五六七八九十百\d]+届)*")


def led_sponsors(b: Builder) -> None:
    """`X牵头主办的P`: X sponsors P in the verb's role."""
    roles = {t.word: t.role for t in trigger_index((Rel.SPONSORS,)).by_type[Rel.SPONSORS]}
    text = b.doc.text
    for m in _LED_SPONSOR_RE.finditer(text):
        at = m.end() + (1 if text[m.end():m.end() + 1] in _QUOTES else 0)
        progs = [x for x in b.ctx.mentions_between(m.end(), m.end() + 60) if x.label == Label.PROGRAMME]
        if not progs or progs[0].span.start > at:
            continue
        role = roles.get(m.group(1), m.group(1))
        for actor in _subject_before(b, m.start()):
            if b.add(Rel.SPONSORS, actor, progs[0], (m.start(), progs[0].span.end), role=role):
                _register_sponsor(b, actor, progs[0], role, (m.start(), m.end()))


def places_before_bodies(b: Builder) -> None:
    """A chain of places written right before an organisation (optionally with a category word
    between): the organisation is located in each place of the chain."""
    text = b.doc.text
    categories = _word_table("place_categories.txt")
    ms = b.ctx.mentions
    # a region written inside a longer one (沭阳县 in 沭阳县章集街道) is that one's chain parent
    nested = _nested_regions(ms)
    top = [m for m in ms if id(m) not in nested]
    for i, org in enumerate(top):
        if org.label not in ORG_LABELS or id(org) in b.ctx.title_orgs:
            continue
        for place in _place_chain(text, top, i, categories):
            b.add(Rel.LOCATED_IN, org, place, (place.span.start, org.span.end))
            for inner in (m for m in ms if nested.get(id(m)) is place):
                b.add(Rel.LOCATED_IN, org, inner, (place.span.start, org.span.end))


_IN_PLACE_CLAUSE_RE = re.compile(r"(?:在|位于)$")
_FIRM_LABELS = frozenset({Label.ENTERPRISE, Label.INSTITUTION})


def firms_in_a_park(b: Builder) -> None:
    """在某工业园区，甲公司、乙公司等企业…: the firms that open the clause after a park or town
    set as the scene are located there (a park's or town's firms, not visitors to a city)."""
    ctx, text = b.ctx, b.doc.text
    for r in ctx.mentions:
        if r.label != Label.REGION or (r.attrs or {}).get("level") not in (lx.LEVEL_ZONE, lx.LEVEL_TOWN) \
                or not _IN_PLACE_CLAUSE_RE.search(text, max(0, r.span.start - 2), r.span.start) \
                or text[r.span.end:r.span.end + 1] not in "，,":
            continue
        cs, ce = ctx.clause_bounds(r.span.end + 1)
        for firm in ctx.subject_group(cs, ce, labels=_FIRM_LABELS):
            if firm.label in _FIRM_LABELS:
                b.add(Rel.LOCATED_IN, firm, r, (r.span.start, firm.span.end))


def _nested_regions(ms: list[Mention]) -> dict[int, Mention]:
    """id of each region mention written inside a longer region mention → that one (one sweep over
    the mentions in text order)."""
    out: dict[int, Mention] = {}
    outer: Mention | None = None
    for m in ms:
        if m.label != Label.REGION:
            continue
        if outer is not None and outer.span.start <= m.span.start and m.span.end <= outer.span.end \
                and (m.span.end - m.span.start) < (outer.span.end - outer.span.start):
            out[id(m)] = outer
        elif outer is None or m.span.end > outer.span.end:
            outer = m
    return out


def _place_chain(text: str, ms: list[Mention], i: int, categories: frozenset[str]) -> list[Mention]:
    """The regions written right before ms[i] (with a category word between, 产改试点企业)."""
    chain: list[Mention] = []
    pos, j = ms[i].span.start, i - 1
    while j >= 0:
        m = ms[j]
        if m.label != Label.REGION and not chain and m.span.start >= pos - 8:
            j -= 1  # a mention inside the category words (产改 in 产改试点企业)
            continue
        gap = text[m.span.end:pos] if m.span.end <= pos else None
        if m.label != Label.REGION or gap is None or (gap and (chain or gap not in categories)):
            break
        chain.append(m)
        pos, j = m.span.start, j - 1
    return chain


_RECIPIENT_LABELS = (Label.PERSON, *sorted(ACTOR_LABELS))
_COUNTED_APPOSITION_RE = re.compile(r"(?:等)?(?:\d+|[一二两三四五六七八九十]+)(?:个|家|所|名|位|人)[^，,。；;、“”]{0,10}$")


def _award_words(anaphoric: bool) -> list[str]:
    trigs = trigger_index((Rel.AWARDED,)).by_type[Rel.AWARDED]
    return sorted({t.word for t in trigs if (t.role == "anaphor") == anaphoric}, key=len, reverse=True)


_MODIFIED_ITEM_GAP_RE = re.compile(r"(?:、|和|及)[^，,。；;]{0,20}?的")


def _listed_before(b: Builder, pos: int) -> list[Mention]:
    """The recipients listed in the clause right before `pos`: mentions of the last one's label
    joined by coordinators, also when each item carries a modifier (由X打造的A、Y打造的B)."""
    cs, _ = b.ctx.clause_bounds(pos)
    ms = [m for m in b.ctx.mentions_between(cs, pos) if m.label in _RECIPIENT_LABELS and id(m) not in b.ctx.title_orgs]
    if not ms or b.doc.text[ms[-1].span.end:pos].strip(_QUOTES + " "):
        return []
    text = b.doc.text
    out = [ms[-1]]
    for m in reversed([x for x in ms[:-1] if x.label == ms[-1].label]):
        gap = text[m.span.end:out[-1].span.start].strip(_QUOTES + " ")
        if gap not in _COORDINATORS | {""} and not _MODIFIED_ITEM_GAP_RE.fullmatch(gap):
            break
        out.append(m)
    return list(reversed(out))


def _coordinated_run(text: str, ms: list[Mention]) -> list[Mention]:
    """The longest run of mentions ending with the last of `ms` joined only by coordinators."""
    out = [ms[-1]] if ms else []
    for m in reversed(ms[:-1]):
        if text[m.span.end:out[-1].span.start].strip(_QUOTES + " ") not in _COORDINATORS:
            break
        out.append(m)
    return list(reversed(out))


def honour_anaphors(b: Builder) -> None:
    """`…命名“X”，A、B榜上有名` / `另有A、B获此殊荣`: the listed recipients receive the latest honour named before."""
    words = _award_words(anaphoric=True)
    if not words:
        return
    text = b.doc.text
    for m in re.finditer("|".join(map(re.escape, words)), text):
        awards = [x for x in b.ctx.mentions_between(max(0, m.start() - 300), m.start()) if x.label == Label.AWARD]
        recipients = _listed_before(b, m.start())
        if not awards or not recipients:
            continue
        for r in recipients:
            b.add(Rel.AWARDED, r, awards[-1], (r.span.start, m.end()))


def counted_recipients(b: Builder) -> None:
    """`A、B、C三个试点单位经验被评为“X”`: each listed actor receives X."""
    words = [w for w in _award_words(anaphoric=False) if len(w) >= 2]
    text = b.doc.text
    for award in (m for m in b.ctx.mentions if m.label == Label.AWARD):
        before = text[max(0, award.span.start - 6):award.span.start].rstrip(_QUOTES)
        word = next((w for w in words if before.endswith(w)), None)
        if word is None:
            continue
        verb_at = award.span.start - (len(text[max(0, award.span.start - 6):award.span.start]) - len(before)) - len(word)
        cs, _ = b.ctx.clause_bounds(verb_at)
        listed = [m for m in b.ctx.mentions_between(cs, verb_at) if m.label in _RECIPIENT_LABELS]
        if len(listed) < 2 or not _COUNTED_APPOSITION_RE.search(text, listed[-1].span.end, verb_at):
            continue
        group = _coordinated_run(text, listed)
        if len(group) < 2:
            continue
        for r in group:
            b.add(Rel.AWARDED, r, award, (r.span.start, award.span.end))


_TITLE_ISSUER_END_RE = re.compile(r"(?:关于|“|《|\d{4}年|[^\d\W]{0,12}?(?:办法|方案|意见|通知|规定|指南|细则|计划|规划|清单|问卷))")


def title_issuers(b: Builder) -> None:
    """`《X关于…的方案》`: a body the document names, written at the head of a policy title, issued it."""
    orgs = [m for m in b.ctx.mentions if m.label in ORG_LABELS]
    names = sorted({(m.normalised or m.surface): m for m in orgs}.items(), key=lambda kv: -len(kv[0]))
    for p in (m for m in b.ctx.mentions if m.label == Label.PROGRAMME):
        title = (p.surface or "").lstrip("《“\"")
        for name, org in names:
            if title.startswith(name) and _TITLE_ISSUER_END_RE.match(title, len(name)):
                b.add(Rel.ISSUED, org, p, (p.span.start, p.span.end))
                break
