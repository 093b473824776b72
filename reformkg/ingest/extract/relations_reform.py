"""Relations about the reform itself (产业工人队伍建设改革, 产改) read from designation,
leadership and policy language, for the `relations` component (called by
`relations.extract_relations` with its builder):

PILOTS  我市/我省/<region> 要抓住(产改)试点这一契机 / 我市产改试点工作 → the region pilots the
        reform (a count such as 2个…试点城市之一 is a designation, never an outcome);
        (多家|N家|一批)…试点单位/企业 … ：A、B、C → each example pilots it.
RUNS    <body>(主要)领导(就)…产改…作出批示 / <body><name>书记对…产改…作出批示 / <person with a post>
        对…作出批示 → the body runs the reform; <body>作出的…产改…决策部署 (产改是<body>作出的…部署);
        我市/我省/<region>(的)产改工作 → the region runs it; a reform office, leading group or joint
        meeting of the reform (X产改办, 产改工作联席会议) that 要/负责/牵头 … runs it, and so does a
        body written in brackets right after it (产改办（市总工会）).
        A body that leads (X牵头组织) in a sentence on the reform runs it; a bare 联席会议/领导小组/产改办
        subject with a duty is the reform body of that head named earlier (not a 各县区… one);
        产改是<body>着眼…作出的…决策部署 credits the body after 是.
PILOTS  (多家)“X”试点单位…：……A建起…。B开办…: the organisations opening the example clauses
        pilot the programme headed by “X” elsewhere in the text.
ISSUED  贯彻/落实/按照 中央和省(委)关于…的《意见》 → each issuer named before 关于 issues the policy
        (bare 中央/党中央 → 中共中央, bare 省/市/县/区 → the region the passage is about).

Every rule needs the reform (or a named programme) written in the clause it reads: nothing is
credited by the document's topic alone.
"""

from __future__ import annotations

import re

from reformkg.ingest.document import Mention, Span
from reformkg.ingest.extract.context import ACTOR_LABELS, ORG_LABELS, is_reform
from reformkg.ingest.extract.relations.builder import POLICY_NAME_RE, is_policy, reform_programme, rule_part
from reformkg.ingest.extract.relations.pilots import level_of, mark_pilot
from reformkg.ingest.extract.relations.positions import position_pairs
from reformkg.graph.vocab import Label, Rel

_STOP = "，,。；;：:！？!?\n"
_NS = rf"[^{_STOP}]"
_REFORM_WORD = r"(?:产改|产业工人队伍建设改革|产业工人队伍建设)"

# --- PILOTS ----------------------------------------------------------------------------------
# <region> (要)(抓住/推进…)(产改)试点(工作/这一契机): the region itself is the pilot
_REGION_PILOT_RE = re.compile(
    rf"(?:的)?(?:要|将|应|需|必须|正|已)?(?:紧紧|牢牢|切实)?"
    rf"(?:抓住|抓好|抓牢|用好|把握|利用|借助|依托|推进|推动|深化|做好|落实|开展|扎实推进|全面推进|作为)?(?:好)?"
    rf"({_REFORM_WORD})?(?:全面|综合)?试点"
    r"(?!单位|企业|园区|城市|县|区|市|省份|学校|院校|基地|工会|项目|示范|名单)")
_OPPORTUNITY_RE = re.compile(r"(?:这一|这个|的)?(?:契机|机遇|机会|工作)")
# 多家/N家/一批 … 试点单位(企业) … ：A、B、C
_MANY_PILOTS_RE = re.compile(r"(?:多家|一批|部分|(?:\d+|[一二两三四五六七八九十百]+)家)"
                             rf"{_NS}{{0,16}}?试点(?:单位|企业)")

# --- RUNS ------------------------------------------------------------------------------------
_INSTRUCTION_RE = re.compile(r"作出(?:了)?(?:重要)?(?:批示|指示)|作(?:了)?(?:重要)?批示|批示(?:指出|要求|强调)")
_LEADER_AFTER_RE = re.compile(r"^(?:的)?(?:主要|分管|有关|相关)?(?:领导(?:同志)?|负责同志|负责人)")
_TITLE_WORD_RE = re.compile(r"^(?:书记|副书记|省长|副省长|市长|副市长|县长|副县长|区长|副区长|主席|副主席|"
                            r"部长|副部长|主任|副主任|局长|副局长|厅长|副厅长)")
_DECISION_RE = re.compile(rf"作出的{_NS}{{0,40}}?(?:决策部署|战略部署|重大部署|决策)")
_REFORM_WORK_RE = re.compile(rf"(?:的)?{_REFORM_WORD}(?:改革)?(?:工作)?")
_OFFICE_RE = re.compile(rf"{_REFORM_WORD}\S{{0,6}}?(?:办|办公室|领导小组|联席会议|工作专班|协调小组)$")
_DUTY_AFTER_RE = re.compile(r"\s*(?:[（(][^）)]{2,20}[）)])?\s*(?:要|应|须|需|负责|牵头|统筹|将|积极|切实|加强)")
_BRACKETED_RE = re.compile(r"\s*[（(]([^）)]{2,20})[）)]")

# --- ISSUED ----------------------------------------------------------------------------------
_FOLLOW_RE = re.compile(r"(?:认真|深入|全面)?(?:贯彻落实|贯彻|落实|按照|根据|依据|执行|对照)")
_ABOUT_RE = re.compile(r"关于")
_BARE_ISSUER_RE = re.compile(r"党中央|中央|(?<![\u4e00-\u9fff])[省市县区](?:委|政府)?|(?<=[和、及与])[省市县区](?:委|政府)?")
_ISSUER_GAP_RE = re.compile(r"^[和、及与\s]*$")


def _reform_at(b, s: int, e: int) -> Mention:
    """The reform's mention (derived at [s, e) when the text has none)."""
    return reform_programme(b, (s, e))


def _derived(b, s: int, e: int, label: str, name: str, attrs: dict) -> Mention:
    """A mention the entity components did not produce (中央 → 中共中央), added to the document."""
    for m in b.ctx.mentions_between(s, e):
        if m.label == label and (m.normalised or m.surface) == name:
            return m
    for m in b.doc.mentions:
        if m.label == label and (m.normalised or m.surface) == name and m.span.start == s:
            return m
    span = Span(s, e, label, b.doc.sentence_of(s), "relations", {})
    m = Mention(span=span, label=label, surface=b.doc.text[s:e], normalised=name, attrs=dict(attrs, derived=True))
    b.doc.mentions.append(m)
    return m


def _place_region(b, s: int, e: int, kind: str) -> Mention | None:
    """The Region a bare 省/市/县/区 at s stands for (the region the passage is about)."""
    try:
        from reformkg.ingest import lexicons as lx
        from reformkg.ingest.extract.regions import context_place
        place = context_place(b.doc, s, kind)
        if place is None or place < 0:
            return None
        p = lx.gazetteer().get(place)
    except Exception:  # no gazetteer: nothing to resolve to
        return None
    for m in b.ctx.mentions:
        if m.label == Label.REGION and (m.attrs or {}).get("place") == place and not (m.attrs or {}).get("derived"):
            return m
    return _derived(b, s, e, Label.REGION, p.name, {"place": place, "level": p.level, "adcode": p.adcode,
                                                "contextual": True})


# ---- PILOTS ---------------------------------------------------------------------------------

def _own_region(ctx, r: Mention) -> bool:
    """A Region mention that can act for itself: no title's body, no 全市-scope, and a
    contextual one only when written 我/本/该…."""
    if r.label != Label.REGION or id(r) in ctx.title_orgs or (r.surface or "").startswith("全"):
        return False
    return not ((r.attrs or {}).get("contextual") and not (r.surface or "")[:1] in ("我", "本", "该"))


def region_pilots(b) -> None:
    """我市要抓住产改试点这一契机 / 我省产改试点工作 / <region>产改试点: the region is the pilot."""
    ctx = b.ctx
    for r in ctx.mentions:
        if _own_region(ctx, r):
            _region_pilot(b, r)


@rule_part
def _region_pilot(b, r: Mention) -> None:
    """<region>(要抓住)(产改)试点…: the region, as its clause's subject, pilots the reform."""
    ctx, text = b.ctx, b.doc.text
    cs, ce = ctx.clause_bounds(r.span.start)
    m = _REGION_PILOT_RE.match(text, r.span.end, ce)
    if not m or not _region_pilot_phrase(b, r, m, cs, ce):
        return
    subj = ctx.subject_group(cs, ce)
    if r not in subj and r.span.start != ctx.subject_start(cs, ce):
        # the region must be the clause's subject (推动园区产改试点 names no pilot)
        before = text[cs:r.span.start]
        if before and not re.fullmatch(r"(?:推动|推进|抓好|做好|深化|加快|要|将|并|同时)*", before):
            return
    target = _reform_at(b, m.start(), m.end())
    if b.add(Rel.PILOTS, r, target, (r.span.start, m.end())):
        mark_pilot(r)


def _region_pilot_phrase(b, r: Mention, m: re.Match, cs: int, ce: int) -> bool:
    """Whether the 试点 phrase after the region designates it: not 试点中/过程/期间 nor …开展…试点
    without the reform's name, and the reform in the sentence (or an opportunity in a text on it)."""
    text = b.doc.text
    after = text[m.end():m.end() + 6]
    if after.startswith(("中", "过程", "期间")) and not m.group(1):
        return False
    si = b.doc.sentence_of(r.span.start)
    ss, se = b.doc.sentences[si] if si >= 0 else (cs, ce)
    if not m.group(1) and not re.search(_REFORM_WORD, text[ss:se]) \
            and not (_OPPORTUNITY_RE.match(text, m.end()) and re.search(_REFORM_WORD, text)):
        return False  # 我市要抓住试点这一契机: the reform in the sentence, or an opportunity in a text on it
    return not (text[r.span.end:m.start(1) if m.group(1) else m.end()].find("开展") >= 0 and not m.group(1))


def example_pilots(b) -> None:
    """(多家|N家)…试点单位…：A、B、C / …。A…，B…: organisations given as examples right after a
    sentence about several pilot units (same paragraph) are pilots."""
    ctx, doc, text = b.ctx, b.doc, b.doc.text
    for m in _MANY_PILOTS_RE.finditer(text):
        si = doc.sentence_of(m.start())
        if si < 0:
            continue
        ss, se = doc.sentences[si]
        progs = [p for p in ctx.mentions_between(ss, m.end()) if p.label == Label.PROGRAMME and not is_policy(p)]
        target = progs[-1] if progs and not is_reform(progs[-1]) else None
        if target is None:
            target = _named_elsewhere(b, m.group())
        if target is None:
            if not re.search(_REFORM_WORD, text[ss:se]):
                continue
            target = _reform_at(b, m.start(), m.end())
        colon = text.find("：", m.end(), se)
        if colon < 0:
            colon = text.find(":", m.end(), se)
        if colon < 0:
            continue
        items: list[Mention] = []
        pos = colon + 1
        for x in ctx.mentions_between(pos, se):
            if x.span.start < pos:
                continue
            gap = text[pos:x.span.start]
            if gap.strip(" 、，,和及") or x.label not in ORG_LABELS or id(x) in ctx.title_orgs:
                break
            items.append(x)
            pos = x.span.end
        if not items:
            items = _example_subjects(b, colon + 1, si)
        level = level_of(m.group())
        for x in items:
            if b.add(Rel.PILOTS, x, target, (m.start(), x.span.end), level=level):
                mark_pilot(x)


_ELLIPSIS_RE = re.compile(r"…{1,2}|\.{3,6}|。{3}")


def _named_elsewhere(b, seg: str) -> Mention | None:
    """A quoted name in seg (多家“某某企业”试点单位) that heads a Programme mention elsewhere in the
    text (“某某企业”创建工作): that programme."""
    qm = re.search(r"“([^”]{2,20})”", seg)
    if qm is None:
        return None
    q = qm.group()
    for p in b.ctx.mentions:
        if p.label != Label.PROGRAMME or is_reform(p) or (p.attrs or {}).get("derived"):
            continue
        name = p.normalised or p.surface or ""
        if name == q or name.startswith(q):
            return p
    return None


def _example_subjects(b, start: int, si: int, max_sentences: int = 3) -> list[Mention]:
    """…试点单位…：<examples>……A建起…。B开办…: the organisations that open a clause (or follow
    an ellipsis) after the colon, in the rest of the sentence and the next sentences of the
    paragraph, until a sentence whose subject is no organisation."""
    ctx, doc, text = b.ctx, b.doc, b.doc.text
    pi = ctx.paragraph_of(start)
    pe = doc.paragraphs[pi][1] if pi >= 0 else doc.sentences[si][1]
    out: list[Mention] = []
    for sj in range(si, min(len(doc.sentences), si + 1 + max_sentences)):
        ss, se = doc.sentences[sj]
        if ss >= pe:
            break
        found = False
        starts = [max(ss, start)] + [e.end() for e in _ELLIPSIS_RE.finditer(text, max(ss, start), se)]
        for cs, ce in ctx.clauses(sj):
            if cs >= start:
                starts.append(cs)
        for p0 in sorted(set(starts)):
            ce = ctx.clause_bounds(p0)[1] if p0 < se else se
            m, _ = ctx.clause_subject(p0, ce, ORG_LABELS, allow_programme=False)
            if m is not None and m.span.start >= start and m.label in ORG_LABELS \
                    and all(b.key(m) != b.key(x) for x in out):
                out.append(m)
                found = True
        if sj > si and not found:
            break
    return out


# ---- RUNS -----------------------------------------------------------------------------------

def leader_body(b, cs: int, pos: int) -> Mention | None:
    """The body whose leader acts in clause [cs, pos): <body>(主要)领导, <body><name>书记,
    <name>(title) of a person whose title names a body, <body>书记<name>."""
    ctx, text = b.ctx, b.doc.text
    start = ctx.subject_start(cs, pos)
    ms = [m for m in ctx.mentions_between(start, pos)]
    if not ms or ms[0].span.start > start + 1:
        return None
    first = ms[0]
    if first.label in (Label.AGENCY, Label.UNION):
        rest = text[first.span.end:pos]
        if _LEADER_AFTER_RE.match(rest) or _TITLE_WORD_RE.match(rest):
            return first
        if ctx.word_tag(first.span.end) == "PER" and re.match(r"[\u4e00-\u9fff]{2,3}(?:同志)?(?:书记|省长|市长|县长|区长|主席|主任)", rest):
            return first  # 省委某某书记 (the name not tagged as a person)
        if len(ms) > 1 and ms[1].label == Label.PERSON and ms[1].span.start - first.span.end <= 8:
            gap = text[first.span.end:ms[1].span.start]
            if not gap or _TITLE_WORD_RE.match(gap) or _TITLE_WORD_RE.match(text[ms[1].span.end:pos]):
                return first
        return None
    if first.label == Label.PERSON:
        pairs = position_pairs(b.doc, first)
        orgs = [o for o, _ in pairs if o.label in (Label.AGENCY, Label.UNION)]
        return orgs[0] if orgs else None
    return None


def leadership_runs(b) -> None:
    """A body's leader instructs on the reform (…就做好产改工作作出批示), or a body takes the
    decision on it (党中央作出的…重大决策部署): the body runs the reform."""
    ctx, doc, text = b.ctx, b.doc, b.doc.text
    for m in _INSTRUCTION_RE.finditer(text):
        cs, _ = ctx.clause_bounds(m.start())
        seg = text[cs:m.start()]
        rm = re.search(_REFORM_WORD, seg)
        if not rm:
            continue
        body = leader_body(b, cs, cs + rm.start())
        if body is None:
            continue
        if b.add(Rel.RUNS, body, _reform_at(b, cs + rm.start(), cs + rm.end()), (body.span.start, m.end())):
            pass
    for m in _DECISION_RE.finditer(text):
        si = doc.sentence_of(m.start())
        if si < 0:
            continue
        ss, se = doc.sentences[si]
        seg = text[ss:m.end()]
        if not re.search(_REFORM_WORD, seg):
            continue
        prev = [x for x in ctx.mentions_between(max(ss, m.start() - 16), m.start())
                if x.span.end == m.start() and x.label in (Label.AGENCY,)]
        if not prev:
            # 产改是党中央着眼…、提高…作出的重大决策部署: the body after 是 decides, with a purpose
            # phrase between it and 作出
            cs, _ = ctx.clause_bounds(m.start())
            for x in ctx.mentions_between(max(cs, m.start() - 50), m.start()):
                if x.label == Label.AGENCY and id(x) not in ctx.title_orgs \
                        and re.search(r"(?:是|为|系|由)$", text[max(cs, x.span.start - 1):x.span.start]) \
                        and not any(y.label in ACTOR_LABELS for y in ctx.mentions_between(x.span.end, m.start())):
                    prev = [x]
                    break
        if not prev:
            continue
        body = prev[-1]
        rm = re.search(_REFORM_WORD, seg)
        b.add(Rel.RUNS, body, _reform_at(b, ss + rm.start(), ss + rm.end()), (body.span.start, m.end()))


def region_work_runs(b) -> None:
    """我市/我省/<region>(的)产改工作 (推动我省产改工作走在全国前列): the region runs the reform.
    A region written before a reform mention is handled by relations.runs._runs; this reads the
    phrases without one (产改工作 is no Programme mention)."""
    ctx, text = b.ctx, b.doc.text
    for r in ctx.mentions:
        if not _own_region(ctx, r):
            continue
        m = _REFORM_WORK_RE.match(text, r.span.end)
        if not m:
            continue
        nxt = text[m.end():m.end() + 2]
        if nxt.startswith(("试点", "办", "领导", "联席", "专班", "指导", "服务", "示范", "企业", "典型", "经验",
                           "模式", "品牌", "样本", "成果", "推进会", "现场会", "会议", "座谈")):
            continue
        if not re.match(r"[走取向迈实在有不进成得已再中上的和与及，,。；;、]", nxt):
            continue  # 产改工作新格局: the reform's work qualifies another noun
        if ctx.in_quotes(r.span.start, m.end()):
            continue  # a quoted slogan (构建…产改工作新格局)
        b.add(Rel.RUNS, r, _reform_at(b, r.span.end, m.end()), (r.span.start, m.end()))


def office_runs(b) -> None:
    """A reform office, leading group or joint meeting (名称含产改) with a duty (要/负责/牵头…), and a
    body written in brackets right after it (产改办（市总工会）要…): they run the reform."""
    ctx, text = b.ctx, b.doc.text
    for m in ctx.mentions:
        if m.label not in (Label.AGENCY, Label.INSTITUTION) or id(m) in ctx.title_orgs:
            continue
        name = m.normalised or m.surface or ""
        if not _OFFICE_RE.search(name):
            continue
        if not _DUTY_AFTER_RE.match(text, m.span.end):
            continue
        cs, ce = ctx.clause_bounds(m.span.start)
        if m.span.start != ctx.subject_start(cs, ce) and m not in ctx.subject_group(cs, ce):
            continue
        target = _reform_at(b, m.span.start, m.span.end)
        b.add(Rel.RUNS, m, target, (m.span.start, m.span.end))
        bm = _BRACKETED_RE.match(text, m.span.end)
        if bm:
            for x in ctx.mentions_between(bm.start(1), bm.end(1)):
                if x.label in ORG_LABELS and x is not m:
                    b.add(Rel.RUNS, x, target, (m.span.start, x.span.end))


_BARE_BODY_RE = re.compile(r"(联席会议?|领导小组|工作专班|产改办)(?=\s*(?:要|应|须|需|负责|牵头|统筹|将))")
_REFORM_BODY_NAME_RE = re.compile(rf"{_REFORM_WORD}\S{{0,8}}?(?:联席会议?|领导小组|工作专班|办|办公室)$")


def bare_office_runs(b) -> None:
    """联席会议要统筹…推动产改工作…: a body of the reform named by its bare head word (no mention
    there) as a clause subject with a duty is the reform body named earlier (市产改联席会议, not
    各县区产改联席会): it runs the reform."""
    ctx, text = b.ctx, b.doc.text
    for m in _BARE_BODY_RE.finditer(text):
        if m.start() > 0 and re.match(r"[\u4e00-\u9fff]", text[m.start() - 1]):
            continue  # part of a longer name or phrase
        cs, ce = ctx.clause_bounds(m.start())
        if ctx.subject_start(cs, ce) != m.start() or ctx.mentions_between(m.start(), m.end()):
            continue
        head = m.group(1)
        ante = None
        for x in reversed(ctx.mentions_between(0, m.start())):
            name = x.normalised or x.surface or ""
            if x.label in (Label.AGENCY, Label.INSTITUTION, Label.UNION) and _REFORM_BODY_NAME_RE.search(name) \
                    and head.rstrip("议") in name and text[max(0, x.span.start - 1):x.span.start] != "各" \
                    and text[max(0, x.span.start - 2):x.span.start] not in ("各县", "各区", "各市"):
                ante = x
                break
        if ante is None:
            continue
        b.add(Rel.RUNS, ante, _reform_at(b, m.start(), m.end()), (m.start(), m.end()))


_LEADS_RE = re.compile(r"(?:具体|负责)?牵头(?:组织|抓总|负责|推进|实施|协调)?")


def lead_runs(b) -> None:
    """…、总工会牵头组织、各部门协同履职的推进机制 … 产改: a body that leads (牵头) the work of a
    sentence about the reform runs it (a named programme in the clause is read by relations.runs._runs)."""
    ctx, doc, text = b.ctx, b.doc, b.doc.text
    for m in ctx.mentions:
        if m.label not in (Label.UNION, Label.AGENCY) or id(m) in ctx.title_orgs:
            continue
        lm = _LEADS_RE.match(text, m.span.end)
        if not lm:
            continue
        if text[max(0, m.span.start - 1):m.span.start] == "由":
            continue  # 由X牵头…: relations.runs._runs reads the programme it leads
        si = doc.sentence_of(m.span.start)
        if si < 0:
            continue
        ss, se = doc.sentences[si]
        cs, ce = ctx.clause_bounds(m.span.start)
        if any(p.label == Label.PROGRAMME and not is_reform(p) for p in ctx.mentions_between(lm.end(), ce)):
            continue
        rm = re.search(_REFORM_WORD, text[ss:se])
        if not rm:
            continue
        b.add(Rel.RUNS, m, _reform_at(b, ss + rm.start(), ss + rm.end()), (m.span.start, lm.end()))


# ---- ISSUED ---------------------------------------------------------------------------------

def _issuers(b, s: int, e: int) -> list[Mention]:
    """Issuers written in text[s:e] (中央和省, 中共中央、国务院, 省委省政府)."""
    ctx, text = b.ctx, b.doc.text
    out: list[Mention] = []
    covered: list[tuple[int, int]] = []
    for x in ctx.mentions_between(s, e):
        if x.label in ACTOR_LABELS and id(x) not in ctx.title_orgs and not (x.attrs or {}).get("contextual"):
            out.append(x)
            covered.append((x.span.start, x.span.end))
    for bm in _BARE_ISSUER_RE.finditer(text, s, e):
        if any(cs_ <= bm.start() < ce_ for cs_, ce_ in covered):
            continue
        w = bm.group()
        if w in ("中央", "党中央"):
            out.append(_derived(b, bm.start(), bm.end(), Label.AGENCY, "中共中央", {"level": "national"}))
        else:
            r = _place_region(b, bm.start(), bm.end(), w[0])
            if r is None:
                continue
            if len(w) > 1:
                continue  # 省委/省政府 not found as a mention: leave to the entity side
            out.append(r)
        covered.append(bm.span())
    # everything between the issuers must be joiners or other issuers
    out.sort(key=lambda x: x.span.start)
    return out


def followed_policies(b) -> None:
    """贯彻/落实/按照 <issuers>关于…的《P》: the issuers named before 关于 issue P."""
    for p in b.ctx.mentions:
        if p.label != Label.PROGRAMME or (p.attrs or {}).get("derived"):
            continue
        kind = (p.attrs or {}).get("kind")
        name = p.surface or ""
        if kind in ("policy", "plan") or name.startswith("《") or POLICY_NAME_RE.search(p.normalised or name):
            _followed_policy(b, p)


@rule_part
def _followed_policy(b, p: Mention) -> None:
    """One policy: the follow verb and 关于 before it, and the issuers written between them
    (issuers and joiners only)."""
    doc, text = b.doc, b.doc.text
    si = doc.sentence_of(p.span.start)
    if si < 0:
        return
    ss, _ = doc.sentences[si]
    about = _about_of(b, p, ss)
    if about is None:
        return
    fm = None
    for x in _FOLLOW_RE.finditer(text, max(ss, about.start() - 30), about.start()):
        fm = x
    if fm is None:
        return
    issuer_text = text[fm.end():about.start()]
    if len(issuer_text) > 24 or re.search(r"[，,。；;：:]", issuer_text) or not issuer_text.strip("“《"):
        return
    issuers = _issuers(b, fm.end(), about.start())
    if not issuers:
        return
    # the issuer span must be made of issuers and joiners only
    rest = issuer_text
    for x in sorted(issuers, key=lambda y: -(y.span.end - y.span.start)):
        rest = rest.replace(text[x.span.start:x.span.end], "", 1)
    rest = _BARE_ISSUER_RE.sub("", rest.replace("《", "").replace("“", ""))
    if not _ISSUER_GAP_RE.match(rest):
        return
    for x in issuers:
        b.add(Rel.ISSUED, x, p, (fm.start(), p.span.end))


def _about_of(b, p: Mention, ss: int) -> re.Match | None:
    """关于 starting the policy's title, else 关于…的 right before it in the same sentence."""
    text = b.doc.text
    about = _ABOUT_RE.search(text, p.span.start, min(p.span.end, p.span.start + 3))
    if about is None:
        for am in _ABOUT_RE.finditer(text, max(ss, p.span.start - 80), p.span.start):
            about = am
        if about is None or re.search(r"[。；;]", text[about.end():p.span.start]) \
                or not re.search(r"的[《“]?$", text[max(ss, p.span.start - 3):p.span.start]):
            return None
    return about


# ---- RUNS: P，X负责考核 -------------------------------------------------------------------------

_CHARGE_RE = re.compile(r"(?:具体|牵头)?负责(?:考核|考评|评估|实施|组织实施|组织|落实|推进|督导|监督|牵头)")


def charged_runs(b) -> None:
    """将…列入P，X负责考核 / P，由X负责实施: the body put in charge of a named programme runs it."""
    ctx, text = b.ctx, b.doc.text
    for p in ctx.mentions:
        if p.label != Label.PROGRAMME or is_reform(p) or (p.attrs or {}).get("derived"):
            continue
        m = re.compile(r"[^，,。；;]{0,4}[，,]\s*(?:并|由)?").match(text, p.span.end)
        if not m:
            continue
        x = ctx.mention_at(m.end(), ORG_LABELS)
        if x is None or id(x) in ctx.title_orgs:
            continue
        cm = _CHARGE_RE.match(text, x.span.end)
        if not cm:
            continue
        b.add(Rel.RUNS, x, p, (p.span.start, cm.end()))


# ---- anchors --------------------------------------------------------------------------------

_REFORM_WORK_ANCHOR_RE = re.compile(r"产改(?=(?:试点)?工作(?!领导小组|联席会议|专班|办公室|委员会|推进会|现场会|会议|座谈会|例会|"
                                    r"调度会|交流会|培训班|指导站|服务站|站|室|组))")


def add_reform_work_anchors(doc) -> None:
    """产改工作 / 产改试点工作 name the reform, though the entity components leave 产改 before 工
    alone (产改工作领导小组 is a body): add a reform mention for each such 产改 outside a name, so
    that the run and pilot rules read them like any other mention of the reform."""
    text = doc.text
    if "产改" not in text:
        return
    spans = sorted((m.span.start, m.span.end) for m in doc.mentions)
    starts = [s for s, _ in spans]
    from bisect import bisect_right
    for m in _REFORM_WORK_ANCHOR_RE.finditer(text):
        s, e = m.span()
        k = bisect_right(starts, s) - 1
        covered = False
        while k >= 0 and spans[k][0] >= s - 40:
            if spans[k][1] > s:
                covered = True
                break
            k -= 1
        if covered or (k >= 0 and spans[k][1] > s):
            continue
        span = Span(s, e, Label.PROGRAMME, doc.sentence_of(s), "relations", {})
        doc.mentions.append(Mention(span=span, label=Label.PROGRAMME, surface="产改", normalised="产业工人队伍建设改革",
                                    attrs={"kind": "initiative", "reform": True, "anchor": True}))


