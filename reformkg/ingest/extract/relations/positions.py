"""HOLDS_POSITION readers of the `relations` component: person title attributes, ORG+title+PERSON
adjacency, author lines, congress deputies (当选…人大代表) and office in the party centre.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from reformkg.ingest.document import Document, Mention
from reformkg.ingest.extract.context import ORG_LABELS, DocContext
from reformkg.ingest.extract.relations.builder import Builder, STOP, rule_part
from reformkg.graph.vocab import Label, Rel


_TITLE_DEIXIS_RE = re.compile(r"(?:该|本)?(?:企业|公司|集团)")
_SUBUNIT_RE = re.compile(r"^(?:女工委|女职工委员会|经审会|经费审查委员会|办公室|工会委员会|团委|妇委会|党委|党支部|党总支)")
_CORE_RE = re.compile(r"以(\S{2,4})同志为核心的(党中央)")
_TITLE_AFTER_RE = re.compile(r"^\s?(教授|副教授|研究员|博士|讲师|高级工程师|工程师|技师|高级技师|院士|"
                             r"(?:常务)?副?(?:书记|主席|省长|市长|县长|区长|部长|局长|厅长|主任|院长|校长|董事长|总经理|会长))")
# 某公司装配工/焊工/职工/首席技师张三: a worker's trade or grade is the position held there
_TRADE_TITLE_RE = re.compile(r"(?:[\u4e00-\u9fff]{0,4}(?:装配|焊|钳|电|车|铣|磨|维修|检修|操作|锅炉|管道|起重|叉车|数控)工|"
                             r"(?:首席|高级|资深)?(?:技师|技术员|工程师|操作手|操作员)|职工|员工|一线工人|班组长|班长|机长)")
_QUOTED_GROUP_RE = re.compile(r"^“[^”]{2,20}”")
_GROUP_TITLE_RE = re.compile(r"(?:副)?(?:团长|队长|组长|会长|主任|负责人|领队|召集人|站长|室长)")
_NPC_BEFORE_RE = re.compile(r"(?:还|也|又|曾|先后|曾经|已)?(?:光荣|成功|顺利|再次|连续)?(?:当选为?|成为|是|作为|担任)(?:第[一二三四五六七八九十]+届)?$")
_TITLE_TRIM = re.compile(r"^[\s、，,]+|[\s、，,]+$")


def position_pairs(doc: Document, person: Mention) -> list[tuple[Mention, str]]:
    """(organisation mention, title) pairs from the person component's attrs: the Mention
    objects in attrs["org_mentions"], else indices in attrs["positions"]/["org"]."""
    a = person.attrs or {}
    om = a.get("org_mentions")
    if isinstance(om, (list, tuple)) and om:
        res = [(o, str(t or "")) for o, t in om if isinstance(o, Mention)]
        if res:
            return res
    pairs: list[tuple[int, str]] = []
    for key in ("positions", "titles", "org"):
        v = a.get(key)
        if isinstance(v, (list, tuple)):
            for item in v:
                if isinstance(item, (list, tuple)) and len(item) >= 2 and isinstance(item[0], int):
                    pairs.append((item[0], str(item[1] or "")))
                elif isinstance(item, dict) and isinstance(item.get("org"), int):
                    pairs.append((item["org"], str(item.get("title") or "")))
    if not pairs and isinstance(a.get("org"), int):
        pairs.append((a["org"], str(a.get("title") or "")))
    return [(doc.mentions[i], t) for i, t in pairs if 0 <= i < len(doc.mentions)]


def holds_position(b: Builder) -> None:
    """HOLDS_POSITION from the person component's title attrs, a deictic 企业/公司 title, else the
    ORG title PERSON fallback."""
    doc, ctx = b.doc, b.ctx
    for person in list(doc.mentions):
        if person.label != Label.PERSON:
            continue
        pairs = _merge_subunits(doc, ctx, position_pairs(doc, person))
        if pairs:
            for org, title in pairs:
                s = min(org.span.start, person.span.start)
                e = max(org.span.end, person.span.end)
                b.add(Rel.HOLDS_POSITION, person, org, (s, e), title=title or person.attrs.get("title"))
            continue
        title = (person.attrs or {}).get("title") or ""
        dm = _TITLE_DEIXIS_RE.match(title)
        if dm:
            # 企业党委副书记、工会主席张忠波: 企业/公司/集团 is the enterprise named before
            ante = ctx.previous_mention(person.span.start, Label.ENTERPRISE)
            if ante is not None and person.span.start - ante.span.end < 200:
                first = re.split(r"[、，,]", title[dm.end():])[0]
                b.add(Rel.HOLDS_POSITION, person, ante, (person.span.start - len(title), person.span.end),
                      title=first)
            continue
        if person.attrs.get("title") and not person.attrs.get("org") and _listed_after_colleague(b, person):
            continue
        if _bracketed_post(b, person):
            continue
        _holds_position_fallback(b, person)


_BRACKET_OPEN = "（("
_BRACKET_CLOSE = "）)"


@rule_part
def _bracketed_post(b: Builder, person: Mention) -> bool:
    """王华（某省总工会党组书记、常务副主席）: the body and title in brackets right after the name
    (an interviewee, a speaker, a listed honouree). True when found."""
    ctx, text = b.ctx, b.doc.text
    pos = person.span.end
    if text[pos:pos + 1] not in _BRACKET_OPEN or not text[pos:pos + 1]:
        return False
    close = min((k for k in (text.find(c, pos + 1, pos + 40) for c in _BRACKET_CLOSE) if k > 0), default=-1)
    if close < 0:
        return False
    orgs = [m for m in ctx.mentions_between(pos + 1, close) if m.label in ORG_LABELS]
    if not orgs or orgs[0].span.start != pos + 1:
        return False
    org = max((m for m in orgs if m.span.start == pos + 1), key=lambda m: m.span.end)
    title = _TITLE_TRIM.sub("", text[org.span.end:close])
    if not title or not _title_gap_ok(title) or not (_looks_like_title(title) or _TRADE_TITLE_RE.fullmatch(title)):
        return False
    b.add(Rel.HOLDS_POSITION, person, org, (person.span.start, close + 1), title=title)
    return True


def _listed_after_colleague(b: Builder, person: Mention) -> bool:
    """甲厅厅长王某、副厅长李某: a title and name listed right after a colleague's hold the post
    at the colleague's body; True when linked."""
    doc, text = b.doc, b.doc.text
    title = person.attrs.get("title") or ""
    prev = b.ctx.previous_mention(person.span.start, Label.PERSON)
    if prev is None or text[prev.span.end:person.span.start] != "、" + title:
        return False
    orgs = [org for org, _ in position_pairs(doc, prev)]
    for org in orgs[:1]:
        b.add(Rel.HOLDS_POSITION, person, org, (prev.span.start, person.span.end), title=title)
    return bool(orgs)


def _merge_subunits(doc: Document, ctx: DocContext, pairs: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """常州市总工会女工委部长: a sub-unit (女工委, 办公室) written right after its parent body is
    part of the title; the position is held in the parent body."""
    out = []
    for org, title in pairs:
        i = bisect_left(ctx.starts, org.span.start) - 1
        parent = None
        while i >= 0:
            m = ctx.mentions[i]
            if m.span.end == org.span.start and m.label in ORG_LABELS:
                parent = m
                break
            if m.span.end < org.span.start:
                break
            i -= 1
        if parent is not None and _SUBUNIT_RE.search(org.surface or ""):
            out.append((parent, (org.surface or "") + title))
        else:
            out.append((org, title))
    return out


def _looks_like_title(title: str) -> bool:
    """Whether the last item of title ends with a title word of the lexicon."""
    try:
        from reformkg.ingest import lexicons as lx
        words = lx.titles()
    except Exception:  # lexicon unavailable: a minimal list
        words = ("书记", "主席", "部长", "局长", "主任", "委员", "常委", "院长", "校长", "经理", "董事长", "教授",
                 "召集人", "会长", "秘书长", "厅长", "市长", "县长", "区长", "省长", "组长", "队长")
    last = re.split(r"[、，,]", title)[-1]
    return 0 < len(last) <= 12 and any(last.endswith(w) for w in words)


def party_centre(b: Builder) -> None:
    """以X同志为核心的党中央: X holds the office of general secretary of the party centre."""
    doc, ctx = b.doc, b.ctx
    for m in _CORE_RE.finditer(doc.text):
        person = ctx.mention_at(m.start(1), {Label.PERSON})
        centre = ctx.mention_at(m.start(2), {Label.AGENCY})
        if person is not None and centre is not None:
            b.add(Rel.HOLDS_POSITION, person, centre, (m.start(), m.end()), title="总书记")
    # <name>总书记 in a text that names the party centre (党中央/中共中央) itself
    centre = next((x for x in ctx.mentions if x.label == Label.AGENCY and (x.normalised or x.surface) == "中共中央"), None)
    if centre is None:
        return
    for person in ctx.mentions:
        if person.label == Label.PERSON and doc.text.startswith("总书记", person.span.end):
            b.add(Rel.HOLDS_POSITION, person, centre, (person.span.start, person.span.end + 3), title="总书记")


_PRONOUN_POST_RE = re.compile(r"(?:现|目前|还|也|同时|现在)?(?:任|现任|担任|兼任|出任|现为)")


# 现任X公司电客车司机 / 质检员: a post written after 现任 and the body ends with a role word
_ROLE_TAIL_RE = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:司机|驾驶员|[^\W\d]员|技师|工程师|师傅|工|长|手)$")
_PROFILE_POST_RE = re.compile(r"(?:现|目前|现在)(?:任|为)|现任")


# a profile's facts right after the name (，男，/，女，): the sentence describes the person
_PROFILE_FACTS_RE = re.compile(r"[，,](?:男|女)[，,、]")
_CLAUSE_COMMA_RE = re.compile(r"[，,]")


def _profile_body_clause(b: Builder, start: int, se: int) -> re.Match[str] | None:
    """The comma before the first clause of a profile sentence that opens with a body (…，汉族，
    X公司高级技师): a match ending where the body starts; None when no such clause comes before
    another person."""
    text = b.doc.text
    for m in b.ctx.mentions_between(start, se):
        if m.label == Label.PERSON:
            return None
        if m.label in ORG_LABELS and text[m.span.start - 1:m.span.start] in ("，", ","):
            return _CLAUSE_COMMA_RE.match(text, m.span.start - 1)
    return None


def _profile_post(b: Builder, person: Mention):
    """李某，男，1975年生，现任X公司首席技师: a profile sentence opening with the person's name;
    the 现任 clause (no other person named before it) gives the post."""
    doc, text = b.doc, b.doc.text
    si = doc.sentence_of(person.span.start)
    if si < 0:
        return None
    ss, se = doc.sentences[si]
    if text[ss:person.span.start].strip() or text[person.span.end:person.span.end + 1] not in ("，", ","):
        return None
    vm = _PROFILE_POST_RE.search(text, person.span.end, se)
    if vm is None and _PROFILE_FACTS_RE.match(text, person.span.end):
        vm = _profile_body_clause(b, person.span.end, se)  # 李某，男，汉族，X公司高级技师
        return vm
    if vm is None or text[vm.start() - 1:vm.start()] not in ("，", ","):
        return None
    if any(x.label == Label.PERSON and x is not person for x in b.ctx.mentions_between(person.span.end, vm.start())):
        return None
    return vm


def pronoun_positions(b: Builder) -> None:
    """她现任X公司工会副主席: a pronoun person (coreference) + 现任/担任 + ORG + title."""
    doc, ctx, text = b.doc, b.ctx, b.doc.text
    for person in list(doc.mentions):
        if person.label != Label.PERSON:
            continue
        vm = _PRONOUN_POST_RE.match(text, person.span.end)
        if not (person.attrs or {}).get("pronoun"):
            vm = _profile_post(b, person)
        if not vm:
            continue
        _, ce = ctx.clause_bounds(min(vm.end(), len(text) - 1))
        pos = vm.end()
        org = None
        while True:  # X公司工会: the last (longest) of adjacent bodies
            at = [m for m in ctx.mentions_between(pos, ce) if m.span.start == pos and m.label in ORG_LABELS]
            if not at:
                break
            org = max(at, key=lambda m: m.span.end)
            pos = org.span.end
        if org is None:
            continue
        tm = re.match(rf"[^{STOP}、]{{1,12}}", text[pos:ce])
        title = tm.group() if tm else ""
        if title and (_looks_like_title(title) or _TRADE_TITLE_RE.fullmatch(title) or _ROLE_TAIL_RE.search(title)):
            b.add(Rel.HOLDS_POSITION, person, org, (person.span.start, pos + len(title)), title=title)


def _holds_position_fallback(b: Builder, person: Mention) -> None:
    """ORG title、ORG title PERSON (or ORG PERSON 教授) without title attrs from the person component."""
    text = b.doc.text
    chain = _org_chain(b, person)
    after = _TITLE_AFTER_RE.match(text[person.span.end:person.span.end + 6])
    if after and not chain:
        _org_then_title(b, person, after)
        return
    for org, title in chain:
        if not title and after:
            title = after.group(1)
        if not title or not (_looks_like_title(title) or _GROUP_TITLE_RE.fullmatch(_QUOTED_GROUP_RE.sub("", title))
                             or _TRADE_TITLE_RE.fullmatch(title)):
            continue
        b.add(Rel.HOLDS_POSITION, person, org, (org.span.start, person.span.end), title=title)


def _org_chain(b: Builder, person: Mention) -> list[tuple[Mention, str]]:
    """Organisations right before the person, chained through title words (A主席、B书记张三),
    nearest first, each with the title written after it."""
    ctx, text = b.ctx, b.doc.text
    chain: list[tuple[Mention, str]] = []
    i = bisect_left(ctx.starts, person.span.start) - 1
    nxt_start = person.span.start
    while i >= 0:
        m = ctx.mentions[i]
        i -= 1
        if m.span.end > nxt_start:
            continue
        if m.label == Label.PROGRAMME and not chain and (m.surface or "").startswith("“") \
                and _GROUP_TITLE_RE.fullmatch(text[m.span.end:nxt_start]):
            continue  # X总工会“某某宣讲团”团长某某: the group is part of the title
        if m.label not in ORG_LABELS or not _title_gap_ok(text[m.span.end:nxt_start]):
            break
        gap = text[m.span.end:nxt_start]
        chain.append((m, _TITLE_TRIM.sub("", gap)))
        nxt_start = m.span.start
        if text[max(0, m.span.start - 1):m.span.start] != "、":
            break
    return chain


def _title_gap_ok(gap: str) -> bool:
    """Whether the text between a body and the next one (or the person) can be a title: short,
    no punctuation or verb-like word; a named group only before a group title."""
    core = _QUOTED_GROUP_RE.sub("", gap, count=1)  # X总工会“某某宣讲团”团长: a named group in the title
    if core != gap and not _GROUP_TITLE_RE.fullmatch(core):
        return False
    if len(core) > 14 or any(c in STOP + "“”《》（）()" for c in core):
        return False
    return not re.search(r"[与和及对为向在由把将被从给同是说]", gap)


@rule_part
def _org_then_title(b: Builder, person: Mention, after: re.Match) -> None:
    """ORG PERSON 教授: the body written right before the person, the title right after."""
    ctx, text = b.ctx, b.doc.text
    j = bisect_left(ctx.starts, person.span.start) - 1
    if j >= 0:
        m = ctx.mentions[j]
        gap = text[m.span.end:person.span.start]
        if m.label in ORG_LABELS and len(gap.strip()) == 0:
            b.add(Rel.HOLDS_POSITION, person, m, (m.span.start, person.span.end + after.end()),
                  title=after.group(1))


def author_positions(b: Builder) -> None:
    """An article's author line `<org>[<title>] <name>`: the author holds a post in the body
    they sign for (title when written)."""
    ctx = b.ctx
    for ps, pe in b.doc.paragraphs:
        if pe - ps > 60:
            continue
        parts = ctx.author_line(ps, pe)
        if parts is None or parts[1] is None:
            continue
        org, person, title = parts
        b.add(Rel.HOLDS_POSITION, person, org, (org.span.start, person.span.end), title=title or None)


def congress_deputies(b: Builder) -> None:
    """<name>(光荣)当选(第N届)全国人大代表: a deputy holds a seat in that people's congress."""
    ctx, text = b.ctx, b.doc.text
    for cong in ctx.mentions:
        if cong.label != Label.AGENCY or text[cong.span.end:cong.span.end + 2] != "代表":
            continue
        name = cong.normalised or cong.surface or ""
        if not (name.endswith("人民代表大会") or name.endswith("人大")):
            continue
        cs, _ = ctx.clause_bounds(cong.span.start)
        prev = [m for m in ctx.mentions_between(cs, cong.span.start) if m.label == Label.PERSON]
        if not prev:
            continue
        person = prev[-1]
        gap = text[person.span.end:cong.span.start]
        if not _NPC_BEFORE_RE.fullmatch(gap):
            continue
        title = text[cong.span.start:cong.span.end + 2]
        pm = re.search(r"第[一二三四五六七八九十]+届$", gap)
        if pm:
            title = pm.group() + title
        b.add(Rel.HOLDS_POSITION, person, cong, (person.span.start, cong.span.end + 2), title=title)
