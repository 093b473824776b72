"""SPONSORS and CO_SPONSORS readers of the `relations` component: 由A主办的P, A主办/承办/协办P,
sponsor chains, joint and allied organisers (A联合B开展P, 会同…), hosted events (举办/召开 P1、P2),
and every pair of sponsors of one programme.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import combinations

from reformkg.ingest.document import Mention, Span
from reformkg.ingest.extract.context import ACTOR_LABELS, is_reform
from reformkg.ingest.extract.relations.builder import (Builder, NOSTOP, STOP, actors_for, enumeration_before,
                                                       is_policy, programmes, rule_part)
from reformkg.graph.vocab import Label, Rel


_SPONSOR_VERBS = "联合主办|共同主办|主办|承办|协办|联办"
_BY_SPONSOR_RE = re.compile(rf"由({NOSTOP}{{1,60}}?)(?:联合|共同)?({_SPONSOR_VERBS})(?:的|，|,)?")
_SPONSOR_AFTER_SUBJ_RE = re.compile(rf"^{NOSTOP}{{0,8}}?({_SPONSOR_VERBS}|召开|举办|举行)(?:了)?(?:的)?")
_CHAIN_VERB_RE = re.compile(r"(主办|承办|协办|联办)$")
_CHAIN_VERB_REL_RE = re.compile(r"(主办|承办|协办|联办|举办)$")  # A、B联合举办的P: only right before 的P
_ORDINAL_BEFORE_RE = re.compile(r"(?:第[一二三四五六七八九十百\d]+届|(?:19|20)\d{2}年度?)+$")
_P_BY_RE = re.compile(rf"[，,]?由(?:{NOSTOP}{{1,30}}?(?:主办|承办|协办|联办)[、，,]?)+")
_CHAIN_SEG_RE = re.compile(r"((?:(?!主办|承办|协办|联办)[^，,])+?)(主办|承办|协办|联办)")
_THIS_EVENT_RE = re.compile(rf"({_SPONSOR_VERBS})(?:了)?(?:该|此|本次|本届|这次|这项)(?:赛事|活动|比赛|竞赛|大赛|会议|论坛|展会|项目)的")
_JOINT_RE = re.compile(rf"^{NOSTOP}{{0,8}}?(联合开展|共同开展|联合举办|共同举办|联合发起|共同发起|联合推出|联合组织|共同组织|联合实施|共同实施|"
                       rf"联合开设|共同开设|联合开办|共同开办|合作开办|合作开设)(?:了)?")
_ALLY_RE = re.compile(rf"(?:联合|会同|携手|协同)({NOSTOP}{{2,40}}?)(?:共同|一起|联合)?(开展|举办|主办|实施|推出|组织|启动|发起|开设|开办|创办)(?:了)?")
# 与B合作开办P / 同B联合实施P: the subject and B organise P together
_WITH_JOINT_RE = re.compile(rf"(?:与|同|跟)({NOSTOP}{{2,40}}?)(?:合作|联合|共同)(开办|开设|创办|合办|举办|开展|主办|实施|评选|组织)(?:了)?")
# 联合实施 a plan (not an event) is running it together: RUNS for each, and they co-sponsor
_JOINT_RUN_VERB_RE = re.compile(r"(?:实施|推进|推行)")
# A与B共同开设 a class (订单班, 培训班, 学徒班): a class two coordinated subjects open together
# is a programme each of them runs (A联合B开设 / A与B合作开办 keep the organiser reading)
_JOINT_CLASS_VERB_RE = re.compile(r"共同(?:开设|开办|创办)")
_CLASS_NAME_RE = re.compile(r"(?:订单班|培训班|学徒班|研修班|冠名班|定向班|精品班|[^赛会]班)[”\"]?$")
_EVENT_BY_RE = re.compile(r"(?:(?:本届|本次|此次|该项?|这次|这项)|(?:(?<=[。！？；;\n])|^)\s*(?:(?:据了解|据悉|此外|同时|目前)[，,])?)"
                          r"(大赛|竞赛|比赛|赛事|活动|招聘会|论坛|展会|评选)(?:由)", re.M)
_EVENT_NAME_RE = re.compile(r"(?:赛|会|会议|论坛|活动|仪式|节|展|峰会|调研|讲座)[”\"]?$")
# a meeting (convened: 召开/举行), whose convener may be a region (江苏省召开…会议, 我市召开…推进会)
_MEETING_NAME_RE = re.compile(r"(?:会|会议|论坛|峰会)[”\"]?$")
_CONVENE_VERBS = ("召开", "举行")
# (先后)举办/承办/召开 P1、P2和P3 — verb with no written subject before its object list
_HOST_RE = re.compile(r"(?:先后|相继|成功|组织|联合|共同|连续|定期|积极|精心|还|并|又|分别)?"
                      r"(举办|主办|承办|协办|召开|举行|组织举办|联合举办|共同举办)(?:了|过)?(?!的)")
_HOST_FIRST_GAP_RE = re.compile(r"(?:全市|全县|全区|全省|全国|首届|第[一二三四五六七八九十百\d]+届|\d{4}年度?|年度|一年一度的)*")
_QUOTED_ITEM_RE = re.compile(r"^(?:“[^”]{1,40}”[、，,]?)+")
_HOST_GAP_RE = re.compile(r"(?:[、，,和及与暨]|以及)?(?:等)?(?:\d{4}年度?|第[一二三四五六七八九十百\d]+届)?")
# (A)会同/联合B、C等部门(单位)，(共同)开展/深化 P
_ALLY_WIDE_RE = re.compile(rf"(?:联合|会同|携手|协同)({NOSTOP}{{2,60}}?)(?:等{NOSTOP}{{0,10}})?[，,]?(?:在{NOSTOP}{{1,16}}?)?"
                           rf"(?:共同|一起|联合)?(?:开展|举办|主办|实施|推出|组织|启动|发起|深化|推进|打造|开设|开办|创办)(?:了)?"
                           rf"{NOSTOP}{{0,6}}$")


def _add_sponsor(b: Builder, actor: Mention, prog: Mention, role: str, trig: tuple[int, int]) -> None:
    """SPONSORS actor → prog in role; a new sponsor is remembered for CO_SPONSORS."""
    if b.add(Rel.SPONSORS, actor, prog, trig, role=role):
        b.sponsors.setdefault(b.key(prog), []).append((actor, role, Span(trig[0], trig[1], Rel.SPONSORS)))


def _add_joint(b: Builder, actor: Mention, prog: Mention, verb: str, trig: tuple[int, int]) -> None:
    """A jointly organised programme: 联合实施 a plan (no event) is RUNS by each of them (they
    still co-sponsor it); 联合开展/举办/开设 anything is SPONSORS."""
    pname = prog.normalised or prog.surface or ""
    if (_JOINT_RUN_VERB_RE.search(verb) and not _EVENT_NAME_RE.search(pname)) \
            or (_JOINT_CLASS_VERB_RE.search(verb) and _CLASS_NAME_RE.search(pname)):
        b.add(Rel.RUNS, actor, prog, trig)
        b.joint.setdefault(b.key(prog), []).append((actor, "联合实施", Span(trig[0], trig[1], Rel.RUNS)))
    else:
        _add_sponsor(b, actor, prog, "联合开展", trig)


def sponsors(b: Builder) -> None:
    """SPONSORS: the sponsors written around each named programme, then events named before
    their sponsors (本届大赛由A主办) and hosts of 该赛事 (承办该赛事的X)."""
    progs = programmes(b.ctx)
    for p in progs:
        _sponsors_of(b, p)
    _event_by_sponsors(b)
    _this_event_hosts(b, progs)


@rule_part
def _sponsors_of(b: Builder, p: Mention) -> None:
    """The sponsor shapes around one programme, in order."""
    cs, _ = b.ctx.clause_bounds(p.span.start)
    _by_sponsor(b, p, cs)
    # A主办、B承办的P / A、B主办，C承办的P: each verb with the names written right before it
    _by_chain(b, p)
    _by_joint(b, p)
    _sponsor_chain(b, p)
    _sponsors_after(b, p)
    if _subject_sponsors(b, p, cs):
        return
    _allied_sponsors(b, p, cs)


@rule_part
def _by_sponsor(b: Builder, p: Mention, cs: int) -> None:
    """由A、B主办的P: the names between 由 and the verb right before P."""
    ctx, text = b.ctx, b.doc.text
    for m in _BY_SPONSOR_RE.finditer(text, cs, p.span.start):
        if m.end() < p.span.start - 2:
            continue
        role = m.group(2).replace("联合", "").replace("共同", "")
        actors = [a for a in ctx.mentions_between(m.start(1), m.end(1))
                  if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs]
        for a in actors:
            _add_sponsor(b, a, p, role, (m.start(), p.span.end))


@rule_part
def _sponsors_after(b: Builder, p: Mention) -> None:
    """P由A主办、B承办: the sponsors follow the event's name."""
    ctx, text = b.ctx, b.doc.text
    m = _P_BY_RE.match(text, p.span.end, min(len(text), p.span.end + 80))
    if not m:
        return
    for seg in _CHAIN_SEG_RE.finditer(text, m.start(), m.end()):
        names = [a for a in ctx.mentions_between(seg.start(1), seg.end(1))
                 if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs]
        for a in names:
            _add_sponsor(b, a, p, seg.group(2), (p.span.start, m.end()))


@rule_part
def _subject_sponsors(b: Builder, p: Mention, cs: int) -> bool:
    """A(、B)主办/承办/召开P, A、B联合开展P: the subject group directly before the verb; True when
    the programme is decided."""
    ctx, text = b.ctx, b.doc.text
    group = ctx.subject_group(cs, p.span.start)
    if not group:
        return _carried_joint_sponsors(b, p, cs)
    rest = text[group[-1].span.end:p.span.start]
    sm = _SPONSOR_AFTER_SUBJ_RE.match(rest)
    if sm and sm.end() >= len(rest) - 2:
        _subject_verb_sponsors(b, p, group, sm.group(1))
        return True
    jm = _JOINT_RE.match(rest)
    if jm and (len(group) >= 2 or _ETC_BODIES_RE.match(rest)) and jm.end() >= len(rest) - 2:
        for a in group:
            _add_joint(b, a, p, jm.group(1), (group[0].span.start, p.span.end))
        return True
    return False


def _previous_clause_group(b: Builder, cs: int) -> list[Mention]:
    """The subject group of the clause right before cs in the same sentence."""
    si = b.doc.sentence_of(cs)
    if si < 0:
        return []
    before = [(s, e) for s, e in b.ctx.clauses(si) if e <= cs]
    return b.ctx.subject_group(*before[-1]) if before else []


@rule_part
def _carried_joint_sponsors(b: Builder, p: Mention, cs: int) -> bool:
    """A与B结对共建，联合开展P: a subject-less clause of a joint verb carries the two or more
    bodies the sentence's previous clause opens with."""
    text = b.doc.text
    rest = text[b.ctx.subject_start(cs, p.span.start):p.span.start]
    jm = _JOINT_RE.match(rest)
    if not jm or jm.end() < len(rest) - 2:
        return False
    group = [a for a in _previous_clause_group(b, cs) if a.label != Label.REGION]
    if len(group) < 2:
        return False
    for a in group:
        _add_joint(b, a, p, jm.group(1), (group[0].span.start, p.span.end))
    return True


@rule_part
def _subject_verb_sponsors(b: Builder, p: Mention, group: list[Mention], verb: str) -> None:
    """A主办/承办P: the group sponsors P in the verb's role; 召开/举办/举行 only a named event (a
    region 召开s where, not who)."""
    if verb in ("召开", "举办", "举行"):
        if not _EVENT_NAME_RE.search(p.normalised or p.surface):
            return
        role = verb  # the literal verb (ANNOTATION: sponsoring roles are the verb as written)
        if verb in _CONVENE_VERBS and not _MEETING_NAME_RE.search(p.normalised or p.surface):
            group = [a for a in group if a.label != Label.REGION]  # 某县举行…大赛: where, not who
    else:
        role = verb.replace("联合", "").replace("共同", "")
    for a in group:
        _add_sponsor(b, a, p, role, (group[0].span.start, p.span.end))


# A等N部门/家单位联合开展P: the named one of a counted group acts jointly
_ETC_BODIES_RE = re.compile(r"等(?:\d+|[二两三四五六七八九十]+)(?:个|家)?(?:部门|单位|机构|方)")
_ALLY_FILLER_RE = re.compile(r"[、，,和及与以及等]|相关|有关|部门|单位|共同|一起|\d+个|[一二两三四五六七八九十]+个|在|的")
ALLY_RESIDUE_MAX = 6  # characters besides the allies' names and list words: more is a clause, not a list


def _only_allies(text: str, start: int, end: int, allies: list[Mention]) -> bool:
    """Is text[start:end] the list of allies (names, coordinators, 等N个部门), not a clause with
    its own verb (会同B指导各地…用于实施P)?"""
    pieces, pos = [], start
    for a in sorted(allies, key=lambda m: m.span.start):
        pieces.append(text[pos:max(pos, a.span.start)])
        pos = max(pos, a.span.end)
    pieces.append(text[pos:end])
    residue = _ALLY_FILLER_RE.sub("", "".join(pieces))
    return len(residue) <= ALLY_RESIDUE_MAX


def _inside_a_name(ctx, pos: int) -> bool:
    """联合 inside a body's name (某某工会联合会, 某某联合总会) is no joint verb."""
    i = bisect_right(ctx.starts, pos) - 1
    while i >= 0 and ctx.starts[i] >= pos - 40:
        if ctx.mentions[i].span.end > pos:
            return True
        i -= 1
    return False


def _venue(text: str, m: Mention) -> bool:
    """在X (举办): the place an event is held, not an ally (联合B在某镇举办P)."""
    return text[max(0, m.span.start - 1):m.span.start] == "在"


@rule_part
def _allied_sponsors(b: Builder, p: Mention, cs: int) -> None:
    """(A)联合/会同B(共同)开展P, (A)与B合作开办P: A (subject or context) and B jointly organise P
    (a place written 在X among them is the venue)."""
    ctx, text = b.ctx, b.doc.text
    for rx in (_ALLY_RE, _WITH_JOINT_RE):
        lm = rx.search(text, cs, p.span.start)
        if lm and lm.end() >= p.span.start - 2 and not _inside_a_name(ctx, lm.start()):
            named = [a for a in ctx.mentions_between(lm.start(1), lm.end(1))
                     if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs]
            allies = [a for a in named if not _venue(text, a)]
            if allies and _only_allies(text, lm.start(1), lm.end(1), named):
                leads = [a for a in actors_for(b, lm.start(), exclude=p) if a not in allies]
                if rx is _WITH_JOINT_RE and not leads:
                    continue
                for a in leads + allies:
                    _add_joint(b, a, p, lm.group(2), (lm.start(), p.span.end))
                break


@rule_part
def _event_by_sponsors(b: Builder) -> None:
    """本届大赛由A、B联合主办，C承办: the event named before, with each verb's names."""
    for m in _EVENT_BY_RE.finditer(b.doc.text):
        _event_by(b, m)


def _event_named_before(b: Builder, m: re.Match) -> Mention | None:
    """The event 本届大赛/大赛 (at m) stands for: the previous event, for a bare noun only the one of
    the same paragraph whose name has that head noun."""
    ctx = b.ctx
    target = ctx._previous_event(m.start())
    if target is None:
        return None
    noun = m.group(1)
    if not m.group().lstrip().startswith(("本", "此", "该", "这")):
        # bare 大赛由…: the event of the same paragraph whose name has that head noun
        tname = target.normalised or target.surface or ""
        head = "赛" if noun.endswith("赛") else noun
        if head not in tname:
            return None
        if ctx.paragraph_of(target.span.start) != ctx.paragraph_of(m.start(1)) and not _sole_event(b, target, noun, m.start()):
            return None
    return target


def _sole_event(b: Builder, target: Mention, noun: str, pos: int) -> bool:
    """Is target the only event named before pos with that very noun (the article's 大赛, which a
    bare 大赛 in a later paragraph stands for; a 竞赛 is not a 大赛)?"""
    keys = {b.key(p) for p in programmes(b.ctx)
            if p.span.end <= pos and noun in (p.normalised or p.surface or "") and not is_reform(p)}
    return keys == {b.key(target)}


@rule_part
def _event_by(b: Builder, m: re.Match) -> None:
    """本次活动由A与B联合开展 (both organise it), else 由A主办、B承办 segment by segment."""
    doc, ctx, text = b.doc, b.ctx, b.doc.text
    target = _event_named_before(b, m)
    if target is None:
        return
    si = doc.sentence_of(m.start())
    se = doc.sentences[si][1] if si >= 0 else len(text)
    pos = m.end() - 1  # at 由
    jm = _BY_JOINT_AFTER_RE.match(text, pos, se)
    if jm:
        # 本次活动由A与B联合开展: both organise the event
        names = [a for a in ctx.mentions_between(jm.start(1), jm.end(1))
                 if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs and a.label != Label.REGION]
        if len(names) >= 2:
            for a in names:
                _add_sponsor(b, a, target, "联合开展", (m.start(), jm.end()))
            return
    for seg in _CHAIN_SEG_RE.finditer(text, pos, se):
        if seg.start() > pos + 1 and not re.fullmatch(r"[，,、]?", text[pos:seg.start()]):
            break
        names = [a for a in ctx.mentions_between(seg.start(1), seg.end(1))
                 if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs and a.label != Label.REGION]
        if not names:
            break
        for a in names:
            _add_sponsor(b, a, target, seg.group(2), (m.start(), seg.end()))
        pos = seg.end()


@rule_part
def _this_event_hosts(b: Builder, progs: list[Mention]) -> None:
    """承办该赛事的X: X sponsors the event the passage is about (the latest one with sponsors,
    else the latest)."""
    ctx, text = b.ctx, b.doc.text
    for m in _THIS_EVENT_RE.finditer(text):
        x = ctx.mention_at(m.end(), ACTOR_LABELS)
        if x is None:
            continue
        prev = [q for q in progs if q.span.end <= m.start() and _EVENT_NAME_RE.search(q.normalised or q.surface)]
        if prev:
            # 该赛事 is the event the passage is about: the latest one with sponsors, else the latest
            sponsored = [q for q in prev if b.key(q) in b.sponsors and m.start() - q.span.end < 1500]
            target = sponsored[-1] if sponsored else prev[-1]
            _add_sponsor(b, x, target, m.group(1), (m.start(), x.span.end))


def hosted_events(b: Builder) -> None:
    """(先后)举办/承办/召开 P1、P2和P3: a hosting verb with its object list; the host is the
    clause's subject, else the actor the context credits (the paragraph's or article's body).
    举办/主办/承办/协办 take any named programme but a policy; 召开/举行 only named events."""
    for vm in _HOST_RE.finditer(b.doc.text):
        _hosted(b, vm)


@rule_part
def _hosted(b: Builder, vm: re.Match) -> None:
    """One hosting verb: its object list of events, then its host(s)."""
    doc, ctx, text = b.doc, b.ctx, b.doc.text
    verb = vm.group(1)
    si = doc.sentence_of(vm.start())
    if si < 0:
        return
    se = doc.sentences[si][1]
    if text[max(0, vm.start() - 1):vm.start()] in ("由", "的") or ctx.in_quotes(vm.start(), vm.end()):
        return
    events = _hosted_list(b, vm, se)
    if not events:
        return
    tail = text[events[-1].span.end:events[-1].span.end + 1]
    if tail and tail not in STOP + "、等及和与暨（(":
        return  # 举行P1和P2启动仪式: the names qualify another head noun
    role = verb.replace("组织", "").replace("联合", "").replace("共同", "") or verb
    for a in _hosts(b, vm, events):
        for ev in events:
            _add_sponsor(b, a, ev, role, (vm.start(), ev.span.end))


def _hosted_list(b: Builder, vm: re.Match, se: int) -> list[Mention]:
    """The programmes the hosting verb governs (P1、P2和P3), up to the first that is no event
    it can take."""
    ctx = b.ctx
    verb = vm.group(1)
    events: list[Mention] = []
    pos = vm.end()
    first = True
    for m in ctx.mentions_between(vm.end(), min(se, vm.end() + 200)):
        if m.span.start < pos:
            continue
        if not _host_gap_ok(b, pos, m.span.start, first):
            break
        if m.label == Label.REGION:
            continue  # 举办沛县2023年“…”: a region qualifying the event (checked with the gap)
        if m.label != Label.PROGRAMME or is_reform(m) or is_policy(m):
            break
        if verb in ("召开", "举行") and not _EVENT_NAME_RE.search(m.normalised or m.surface):
            break
        events.append(m)
        pos = m.span.end
        first = False
    return events


def _host_gap_ok(b: Builder, pos: int, end: int, first: bool) -> bool:
    """The text between the verb (or the previous item) and the next item, without regions:
    ordinals and scope words before the first item (an unrecognised quoted item too), a joiner
    between items."""
    ctx, text = b.ctx, b.doc.text
    g = text[pos:end]
    for r in ctx.mentions_between(pos, end):
        if r.label == Label.REGION:
            g = g.replace(text[r.span.start:r.span.end], "")
    if first:
        g = _QUOTED_ITEM_RE.sub("", g)  # an unrecognised quoted item before this one
        return bool(_HOST_FIRST_GAP_RE.fullmatch(g))
    return bool(_HOST_GAP_RE.fullmatch(g))


def _hosts(b: Builder, vm: re.Match, events: list[Mention]) -> list[Mention]:
    """The host of a hosting verb: the clause's subject, else the context's actor (not for a
    speaker's 我们召开, nor a city-wide meeting with no written host); 召开/举行 never a region."""
    ctx, text = b.ctx, b.doc.text
    verb = vm.group(1)
    hcs, _ = ctx.clause_bounds(vm.start())
    # 我们召开…会 in a speech: the speaker's body is not the topic a later sentence names
    speaker = bool(re.search(r"我们|我(?=[\u4e00-\u9fff]{0,4}$)", text[hcs:vm.start()]))
    # 召开了全市…推进会 with no written host: a city-wide meeting is convened by whoever the
    # report does not say (the section's body only hosts what it 举办s/承办s)
    citywide = verb in _CONVENE_VERBS and _CITYWIDE_RE.match(events[0].surface or "")
    actors = actors_for(b, vm.start(), exclude=events[0], fallback=not speaker and not citywide)
    if verb in _CONVENE_VERBS:
        meeting = _MEETING_NAME_RE.search(events[0].normalised or events[0].surface or "")
        # 某市举行…大赛: where, not who; a region convenes a meeting (江苏省召开…会议)
        actors = [a for a in actors if a.label != Label.REGION or (meeting and not _placed(text, a))]
        if not actors and meeting and not speaker:
            actors = named_region(b, events[0])
    return actors


_CITYWIDE_RE = re.compile(r"[“]?(?:全省|全市|全县|全区|全国)")


def _placed(text: str, m: Mention) -> bool:
    """Is the mention written as a place (在X, 于X, 赴X, 来X)?"""
    return text[max(0, m.span.start - 1):m.span.start] in ("在", "于", "赴", "来", "到")


def named_region(b: Builder, event: Mention) -> list[Mention]:
    """The region a meeting's resolved name opens with (召开了全市…推进会 → the city the name
    was resolved to): its nearest mention before the meeting, else its first."""
    name = event.normalised or event.surface or ""
    regions = [m for m in b.ctx.mentions if m.label == Label.REGION and (m.normalised or m.surface)
               and name.startswith(m.normalised or m.surface) and m.span.start != event.span.start]
    if not regions:
        return []
    longest = max(len(m.normalised or m.surface) for m in regions)
    regions = [m for m in regions if len(m.normalised or m.surface) == longest]
    before = [m for m in regions if m.span.start < event.span.start]
    return [before[-1] if before else regions[0]]


def allied_events(b: Builder) -> None:
    """A会同/联合B、C等部门，(共同)开展/深化P: A (subject or context) and its allies sponsor P."""
    doc, ctx, text = b.doc, b.ctx, b.doc.text
    for p in programmes(ctx):
        if is_reform(p) or is_policy(p) or (p.attrs or {}).get("derived"):
            continue
        si = doc.sentence_of(p.span.start)
        if si < 0:
            continue
        ss = doc.sentences[si][0]
        lm = _ALLY_WIDE_RE.search(text, max(ss, p.span.start - 120), p.span.start)
        if not lm or _inside_a_name(ctx, lm.start()):
            continue
        allies = [a for a in ctx.mentions_between(lm.start(1), lm.end(1))
                  if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs and a.label != Label.REGION]
        if not allies or not _only_allies(text, lm.start(1), lm.end(1), allies):
            continue
        leads = [a for a in actors_for(b, lm.start(), exclude=p) if all(b.key(a) != b.key(x) for x in allies)]
        if not leads:
            continue
        for a in leads + allies:
            _add_sponsor(b, a, p, "联合开展", (lm.start(), p.span.end))


# 由A主办、B协办、C承办的(第N届)P: every role clause of a 由… chain ending right before P
# the roles a 由… chain may also give that make no sponsor (Units named only as 指导 get neither)
_NO_SPONSOR_ROLES = ("指导", "支持", "特别支持")
_BY_CHAIN_RE = re.compile(r"由((?:[^，,。；;：:！？!?\n由]{1,40}?(?:联合|共同)?(?:主办|承办|协办|联办|指导|特别支持|支持)[、，,]?){2,})的$")
_BY_CHAIN_SEG_RE = re.compile(r"((?:(?!主办|承办|协办|联办|指导|特别支持|支持)[^，,])+?)(主办|承办|协办|联办|指导|特别支持|支持)")


# 由A与B联合组织的P / P由A、B共同开展: two or more bodies jointly organise a named event
_BY_JOINT_BEFORE_RE = re.compile(rf"由({NOSTOP}{{2,60}}?)(?:联合|共同)(?:组织|开展|举办|评选|发起)的$")
_BY_JOINT_AFTER_RE = re.compile(rf"[，,]?由({NOSTOP}{{2,60}}?)(?:联合|共同)(?:组织|开展|举办|评选|发起)")
_JOINT_EVENT_RE = re.compile(r"(?:赛|会|论坛|活动|评选|节|展|峰会)$")


def _by_joint(b: Builder, p: Mention) -> None:
    """由A与B联合组织的P / P由A、B共同开展: two or more named bodies jointly organise an event."""
    doc, ctx, text = b.doc, b.ctx, b.doc.text
    if not _JOINT_EVENT_RE.search(p.normalised or p.surface or ""):
        return
    si = doc.sentence_of(p.span.start)
    if si < 0:
        return
    ss, se = doc.sentences[si]
    pos = p.span.start
    om = _ORDINAL_BEFORE_RE.search(text, max(ss, pos - 10), pos)
    if om:
        pos = om.start()
    m = _BY_JOINT_BEFORE_RE.search(text, max(ss, pos - 70), pos) or _BY_JOINT_AFTER_RE.match(text, p.span.end, se)
    if not m:
        return
    names = [a for a in ctx.mentions_between(m.start(1), m.end(1))
             if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs and a.label != Label.REGION]
    if len(names) < 2:
        return
    for a in names:
        _add_sponsor(b, a, p, "联合开展", (min(m.start(), p.span.start), max(m.end(), p.span.end)))


def _by_chain(b: Builder, p: Mention) -> None:
    """由A主办、B协办、C承办的(第N届)P: each role clause of a 由… chain ending right before P."""
    doc, ctx, text = b.doc, b.ctx, b.doc.text
    si = doc.sentence_of(p.span.start)
    if si < 0:
        return
    ss = doc.sentences[si][0]
    pos = p.span.start
    om = _ORDINAL_BEFORE_RE.search(text, max(ss, pos - 10), pos)
    if om:
        pos = om.start()
    m = _BY_CHAIN_RE.search(text, max(ss, pos - 200), pos)
    if not m:
        return
    for seg in _BY_CHAIN_SEG_RE.finditer(text, m.start(1), m.end(1)):
        if seg.group(2) in _NO_SPONSOR_ROLES:
            continue
        names = [a for a in ctx.mentions_between(seg.start(1), seg.end(1))
                 if a.label in ACTOR_LABELS and id(a) not in ctx.title_orgs and a.label != Label.REGION]
        for a in names:
            _add_sponsor(b, a, p, seg.group(2), (m.start(), p.span.end))


def _sponsor_chain(b: Builder, p: Mention) -> None:
    """A主办、B承办的P / A、B联合主办P: each role verb with the names enumerated right before it."""
    doc, text = b.doc, b.doc.text
    si = doc.sentence_of(p.span.start)
    if si < 0:
        return
    ss = doc.sentences[si][0]
    pos = p.span.start
    om = _ORDINAL_BEFORE_RE.search(text, max(ss, pos - 10), pos)
    if om and text[om.start() - 1:om.start()] == "的":
        pos = om.start()  # …承办的第四届“P” / …举办的2023年P
    relative = text[pos - 1:pos] == "的"
    if relative:
        pos -= 1
    found: list[tuple[list[Mention], str, int]] = []
    while pos > ss:
        vm = (_CHAIN_VERB_RE if found or not relative else _CHAIN_VERB_REL_RE).search(text, max(ss, pos - 6), pos)
        if not vm:
            break
        vstart = vm.start()
        jm = re.search(r"(?:联合|共同)$", text[max(ss, vstart - 2):vstart])
        if jm:
            vstart -= 2  # A、B联合主办
        names = enumeration_before(b, vstart)
        if not names:
            break
        found.append((names, "主办" if vm.group(1) == "举办" else vm.group(1), names[0].span.start))
        pos = names[0].span.start
        while pos > ss and text[pos - 1] in "、，,和及":
            pos -= 1
    for names, verb, start in found:
        for a in names:
            _add_sponsor(b, a, p, verb, (start, p.span.end))


def co_sponsors(b: Builder) -> None:
    """CO_SPONSORS: every pair of sponsors (and joint runners) of one programme."""
    groups = dict(b.sponsors)
    for pid, lst in b.joint.items():
        groups[pid] = groups.get(pid, []) + lst
    for pid, lst in groups.items():
        actors: list[Mention] = []
        for a, _, _ in lst:
            if all(b.key(a) != b.key(x) for x in actors):
                actors.append(a)
        prog = next((r.tail for r in b.out if r.type in (Rel.SPONSORS, Rel.RUNS) and b.key(r.tail) == pid), None)
        for x, y in combinations(actors, 2):
            trig = lst[0][2]
            b.add(Rel.CO_SPONSORS, x, y, (trig.start, trig.end),
                  programme=(prog.normalised or prog.surface) if prog else None)
