"""Persons component: actors only.

Candidates are the tagger's PER spans and names written right after a position title
(…部长青春说, 党组书记、副主席吴涛); a candidate must start with a surname. Left out: bylines
(H1's "byline" layer, and names next to 记者/通讯员/摄/编辑/校对), symbolic figures
(…精神, …理论). Surname + title (任书记) becomes an alias of the person with that surname.

Each Person mention carries the titles written before it, parsed into (organisation, title)
pairs: `attrs["positions"]` = [(org_index, title)], `attrs["org"]` (first org index) and
`attrs["title"]` (all titles joined with 、); the indices point into doc.mentions and are
fixed by `finalise_indices` once all mention components ran (see awards.py). The organisation
Mention objects themselves are in `attrs["org_mentions"]`.

Titles written after the name (王某副市长, 省委李某书记) count too: the body is the organisation
written right before the name, else for 市长/县长/区长/省长 the people's government of the
context region (a derived Agency mention, attrs["implied"], named <region>人民政府); 县长王某
and 区委副书记、区长王某 give that government as well.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.common import add_mentions, is_cjk

ORG_LABELS = ("Union", "Agency", "Enterprise", "Institution")
_BYLINE_CUES = ("记者", "通讯员", "编辑", "校对", "摄影", "责编", "撰稿", "审核", "审校", "美编", "作者", "来源", "编审")
_SYMBOLIC_AFTER = ("精神", "理论", "定律", "需求层次", "思想", "式", "主义", "杯", "奖", "班")
_SPEECH = ("说", "表示", "介绍", "指出", "认为", "坦言", "告诉", "强调", "称", "谈到", "提到", "提出", "透露", "讲",
           "同志", "作", "在", "等", "带领", "主持", "出席", "参加", "一行", "为", "对", "向", "和", "与", "：", "，", "。",
           "、", "（", "(", "）", ")")
_ANAPHORS = ("该企业", "该公司", "该集团", "企业", "公司", "集团")
# titles after which a bare name is read (position titles, not occupations like 职工/工人)
POSITION_TITLES = ("总书记", "书记", "副书记", "主席", "副主席", "部长", "副部长", "局长", "副局长", "厅长", "副厅长", "主任",
                   "副主任", "常委", "市长", "副市长", "县长", "副县长", "区长", "副区长", "省长", "副省长", "镇长", "院长",
                   "副院长", "校长", "副校长", "所长", "社长", "董事长", "副董事长", "总经理", "副总经理", "经理", "厂长",
                   "召集人", "秘书长", "处长", "科长", "教授", "会长", "副会长", "理事长", "总工程师", "首席技师", "高级技师",
                   "劳模", "工匠", "技术能手", "技能大师")
_SPEECH_STRICT = ("说", "表示", "介绍", "指出", "认为", "坦言", "告诉", "强调", "谈到", "提到", "透露", "讲述", "回忆",
                  "感慨", "笑着", "同志", "（", "(", "主持", "出席", "讲话", "致辞", "调研", "陪同", "带队", "参加", "作")
_VERB_TAILS = ("主持", "出席", "讲话", "致辞", "表示", "介绍", "指出", "强调", "调研", "陪同", "参加", "说",
               "带领", "带队", "一行", "获得", "荣获", "获评", "率")     # 马某率…一行: 率 leads the verb
# 被 + (optional adverb) + body + appointment verb + role
_HIRED_RE = re.compile(r"(?:同志)?(?:也|还|曾|已|先后|正式)?(被)")
_HIRE_VERB_RE = re.compile(r"(?:正式|特别)?(?:聘为|聘请为|聘任为|特聘为|聘用为)([\u4e00-\u9fff]{2,16}?)(?=[，。；、）)\s]|$)")
_ADVERB_TAILS = "也还都又就却曾便亦均"
_SHORT_TITLES = ("书记", "主席", "部长", "局长", "厅长", "主任", "院长", "校长", "经理", "董事长", "市长", "县长",
                 "区长", "省长", "师傅", "老师", "教授", "总", "工")


_TITLE_AFTER_RE = re.compile(r"((?:党组|党委|党工委)?(?:常务)?(?:副省长|常务副市长|常务副县长|常务副区长|副省长|副市长|副县长|副区长|省长|市长|县长|区长|"
                             r"副书记|书记|副主席|主席|副部长|部长|副局长|局长|副主任|主任|副厅长|厅长|董事长|总经理))")
_AFTER_TITLE_CUES = ("，", "。", "、", "：", "指出", "表示", "强调", "要求", "出席", "讲话", "主持", "说", "在", "作", "对",
                     "一行", "带队", "调研", "参加", "为", "和", "与", "等", "向", "希望", "充分", "肯定", "代表", "宣布",
                     "提出", "介绍", "批示", "作出", "深入", "来到", "走访", "会见", "慰问", "（", "(")


# more verbs after a title written after a name (王某副市长宣读…)
_MORE_AFTER_CUES = ("宣读", "传达", "部署", "听取", "看望", "检查", "率队", "就", "颁发", "颁奖", "揭牌", "启动",
                    "点评", "总结", "解读", "通报", "宣讲", "作了", "指导", "到", "赴", "莅临")
_FUNCTION_CHARS = frozenset("由向和与在对请给把被让同及或将为从经是于跟")
_NAME_LEFT = ("会上", "期间", "同志", "随后", "最后", "其中", "此外", "当天", "今天", "昨天", "日前", "近日")


def _gov_name(doc: Document, place: int) -> str:
    """The people's government of a region, named as the document names the region's bodies
    (南通市海门区人民政府)."""
    from reformkg.ingest.extract.orgs import display_name

    return display_name(doc, place) + "人民政府"


def _in_quotation(text: str, s: int, e: int) -> bool:
    """s..e lies inside a quoted passage “…” that holds a sentence (a comma or full stop), not
    a quoted name."""
    q = text.rfind("“", max(0, s - 60), s)
    if q < 0 or "”" in text[q:s]:
        return False
    c = text.find("”", e, e + 60)
    if c < 0 or "“" in text[e:c]:
        return False
    return bool(re.search(r"[，。,；！？]", text[q:c]))


def _surname_ok(name: str) -> bool:
    if len(name) >= 3 and name[:2] in lx.compound_surnames():
        return True
    return name[0] in lx.surnames()


class Persons:
    name = "persons"
    requires: tuple[str, ...] = ("lac", "orgs")
    assigns: tuple[str, ...] = ("persons", "mentions")

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        byline = doc.layers.get("byline", [])
        cands: dict[tuple[int, int], str] = {}
        words_by_start = {w.start: w for w in doc.layers.get("lac_words", [])}
        for sp in doc.layers.get("lac", []):
            if sp.label == "PER":
                e = sp.end
                nxt = words_by_start.get(e)
                if e - sp.start == 2 and nxt is not None and nxt.end - nxt.start >= 3 and nxt.label in ("n", "v", "a", "nz") \
                        and is_cjk(text[e]):
                    # the tagger cut a three-character name (孙华|芹光荣): if the rest of that word
                    # is a word of its own, the first character belongs to the name
                    from reformkg.ingest.extract.tagger import lac_words

                    rest = lac_words(text[e + 1:nxt.end + 2])
                    if rest and rest[0][1] == nxt.end - e - 1 and rest[0][2] not in ("w", "u", "xc"):
                        e += 1
                if e - sp.start >= 3 and text[e - 1] in "副正常" and _TITLE_AFTER_RE.match(text, e) is not None:
                    e -= 1                     # 李某副|市长: the title's first character
                elif e - sp.start >= 3 and _TITLE_AFTER_RE.match(text, e - 1) is None and \
                        text[e - 2:e] in ("常务",) and _TITLE_AFTER_RE.match(text, e) is not None:
                    e -= 2
                for v in _VERB_TAILS:          # the tagger glued a verb to the name (王明主持)
                    if text[sp.start:e].endswith(v) and e - len(v) - sp.start >= 2:
                        e -= len(v)
                        break
                else:
                    # 王明华也参加: an adverb glued to a three-character name
                    if e - sp.start == 4 and text[e - 1] in _ADVERB_TAILS and \
                            text[sp.start:sp.start + 2] not in lx.compound_surnames():
                        e -= 1
                cands[(sp.start, e)] = "lac"
        titles = lx.titles()
        title_re = _title_regex()
        word_at = {w.start: w for w in doc.layers.get("lac_words", [])}
        for m in title_re.finditer(text):
            s = m.end()
            for n in (2, 3, 4):
                e = s + n
                if e > len(text):
                    continue
                name = text[s:e]
                if not all(is_cjk(ch) for ch in name):
                    continue
                after = text[e:e + 2]
                if n == 4 and name[-1] in _ADVERB_TAILS:
                    continue          # 王大海也参加: the adverb is not part of the name
                if after[:1] in _ADVERB_TAILS and text[e + 1:e + 3].startswith(_SPEECH_STRICT):
                    after = text[e + 1:e + 3]
                if not after.startswith(_SPEECH_STRICT):
                    # without a speech verb the tagger must not read the characters as an
                    # ordinary word
                    w = word_at.get(s)
                    if not after.startswith(("，", "、", "。", "等", "在", "和", "与", "对", "向", "率", "带领", "一行")) or \
                            (w is not None and w.label not in ("PER", "nr") and w.end >= e):
                        continue
                if not _surname_ok(name) or any(name.endswith(t) for t in titles):
                    continue
                if name[-1] in "说的了是在和与及等":
                    continue
                cands.setdefault((s, e), "title")
                break
        self._names_before_titles(doc, cands, word_at)
        org_mentions = [m for m in doc.mentions if m.label in ORG_LABELS and not m.attrs.get("derived_from")]
        # a name used anywhere as a symbol (X精神) is a symbol everywhere in the document
        symbolic = {text[s:e] for (s, e) in cands if "精神" in text[e:e + 4] or text[e:e + 2] in ("理论", "定律")}
        mentions: list[Mention] = []
        derived: list[Mention] = []       # unions read from titles (工会主席 after an enterprise)
        accepted: list[tuple[int, int, str]] = []
        for (s, e), how in sorted(cands.items()):
            if e - s == 3 and text[e - 1:e + 1] in ("荣获", "荣立", "荣膺", "荣登") and \
                    text.count(text[s:e]) == sum(text.count(text[s:e] + v) for v in "获立膺登"):
                # 张三荣获: the tagger glued the verb's first character to the name (unless the
                # three-character name is written elsewhere on its own)
                e -= 1
            name = text[s:e]
            if not (2 <= len(name) <= 4) or not all(is_cjk(ch) for ch in name):
                continue
            if not _surname_ok(name) or name in symbolic:
                continue
            if any(b.start < e and s < b.end for b in byline):
                continue
            before = text[max(0, s - 8):s]
            if any(c in before[-5:] for c in _BYLINE_CUES) or text[e:e + 1] == "摄" or \
                    re.search(r"(记者|通讯员)[\s\u4e00-\u9fff]{0,8}$", before):
                continue
            # a credit line: only names and spaces, ending with 摄/文/图
            ls = text.rfind("\n", 0, s) + 1
            le = text.find("\n", e)
            line = text[ls:le if le >= 0 else len(text)].strip()
            if len(line) <= 24 and re.fullmatch(r"[\u4e00-\u9fff\s]+(摄|文|图|摄影|供图)", line) and " " in line:
                continue
            if text[e:e + 4].startswith(_SYMBOLIC_AFTER) or text[e:e + 6].find("精神") in (0, 1, 2, 3, 4):
                if "精神" in text[e:e + 6] or text[e:e + 4].startswith(_SYMBOLIC_AFTER):
                    continue
            # inside an organisation/programme name: not a person
            if any(o.span.start <= s and e <= o.span.end for o in doc.mentions):
                continue
            if how == "lac" and _in_quotation(text, s, e) and not re.match(r"(同志|说|表示|指出|讲)", text[e:e + 2]):
                q = text.rfind("“", max(0, s - 60), s)
                if not re.search(r"(书记|主席|部长|局长|主任|市长|县长|区长|经理|董事长)$", text[q:s]):
                    continue      # a name inside a quotation (“…则万钧不足举也”): a word, not an actor
            alias_of = None
            if len(name) <= 4 and name[1:] in _SHORT_TITLES or name[2:] in _SHORT_TITLES and len(name) == 4:
                alias_of = name[0]
            sp = Span(s, e, "Person", doc.sentence_of(s), self.name, {"how": how})
            attrs = self._positions(doc, s, org_mentions, derived)
            if not attrs.get("title"):
                attrs = self._title_after(doc, s, e, org_mentions, derived) or attrs
            elif not attrs.get("org_mentions"):
                attrs = self._government(doc, s, attrs, derived)
            attrs = self._hired_by(doc, e, org_mentions, attrs)
            if alias_of:
                attrs["surname_title"] = True
            mentions.append(Mention(sp, "Person", name, name, attrs))
            accepted.append((s, e, name))
        # surname + title (任书记): alias of the person with that surname
        full = [m for m in mentions if not m.attrs.get("surname_title")]
        out = []
        for m in mentions:
            if m.attrs.get("surname_title"):
                same = [f for f in full if f.surface[0] == m.surface[0]]
                if not same:
                    continue
                # the nearest preceding one, else the first
                prev = [f for f in same if f.span.start < m.span.start]
                target = prev[-1] if prev else same[0]
                m.normalised = target.normalised
            out.append(m)
        doc.layers["persons"] = [m.span for m in out]
        add_mentions(doc, out + derived)
        return doc

    @staticmethod
    def _names_before_titles(doc: Document, cands: dict[tuple[int, int], str], word_at: dict) -> None:
        """A name written right before a position title that the tagger read as ordinary
        words (王建设副市长宣读…, 由李国庆局长主持): a surname, two or three characters, a clear
        left boundary and a cue after the title."""
        text = doc.text
        ends = {m.span.end for m in doc.mentions}
        taken = [(a, b) for (a, b) in cands]
        for m in _TITLE_AFTER_RE.finditer(text):
            t = m.start()
            te = m.end()
            if not text[te:te + 2].startswith(_AFTER_TITLE_CUES + _MORE_AFTER_CUES):
                continue
            if any(a < t and t <= b for (a, b) in taken) or any(a == t for (a, b) in taken):
                continue
            for n in (3, 2):
                s = t - n
                if s < 0:
                    continue
                name = text[s:t]
                if not all(is_cjk(ch) for ch in name) or not _surname_ok(name):
                    continue
                if re.search(r"[的了是在和与及等会委局部厅办院府组党工市县区省镇乡村司团校长记席任理事]", name[1:]):
                    continue
                if name[0] in _FUNCTION_CHARS:
                    continue      # 由王明局长主持 / 向张局长表示: a preposition, not a surname
                left = text[s - 1:s] if s > 0 else ""
                if not (left == "" or not is_cjk(left) or s in ends or text[max(0, s - 2):s] in _NAME_LEFT
                        or left in "由请和与及同"):
                    continue
                if any(mm.span.start <= s < mm.span.end for mm in doc.mentions):
                    continue
                w = word_at.get(s)
                if w is not None and w.label in ("LOC", "ORG", "TIME") and w.end > s + 1:
                    continue
                cands.setdefault((s, t), "title-after")
                break

    @staticmethod
    def _hired_by(doc: Document, e: int, orgs: list[Mention], attrs: dict) -> dict:
        """王某被X总工会聘为Y / 被X聘请为Y: a position with the hiring body, the role as title."""
        text = doc.text
        m = _HIRED_RE.match(text, e)
        if m is None:
            return attrs
        os_ = m.end(1)
        org = next((o for o in orgs if o.span.start == os_), None)
        if org is None:
            return attrs
        m2 = _HIRE_VERB_RE.match(text, org.span.end)
        if m2 is None:
            return attrs
        role = m2.group(1)
        if len(role) < 2 or re.search(r"[的了和与及在]", role):
            return attrs
        attrs = dict(attrs)
        pairs = list(attrs.get("org_mentions") or [])
        if not any(o is org for o, _t in pairs):
            pairs.append((org, role))
        attrs["org_mentions"] = pairs
        attrs.setdefault("title", role)
        return attrs

    @staticmethod
    def _title_after(doc: Document, s: int, e: int, orgs: list[Mention], extra: list[Mention]) -> dict:
        """A title written after the name (王某副市长指出, 省委李某书记): the body is the
        organisation written right before the name, else for 市长/县长/区长/省长 the people's
        government of the context region (a derived Agency mention on the title)."""
        text = doc.text
        m = _TITLE_AFTER_RE.match(text, e)
        if m is None:
            return {}
        title = m.group(1)
        te = e + len(title)
        if not text[te:te + 2].startswith(_AFTER_TITLE_CUES + _MORE_AFTER_CUES):
            return {}
        before = [o for o in orgs if o.span.end == s]
        if before:
            return {"title": title, "org_mentions": [(before[-1], title)], "title_after": True}
        gov = re.search(r"(省|市|县|区)长$", title)
        if gov is None:
            return {"title": title, "title_after": True}
        from reformkg.ingest.extract.regions import context_place

        place = context_place(doc, s, gov.group(1))
        if place < 0:
            return {"title": title, "title_after": True}
        region = lx.gazetteer().get(place).name
        sp = Span(e, te, "Agency", doc.sentence_of(e), "persons", {"kind": "derived-government"})
        gov_m = Mention(sp, "Agency", title, _gov_name(doc, place), {"place": place, "region": region, "implied": True})
        extra.append(gov_m)
        return {"title": title, "org_mentions": [(gov_m, title)], "title_after": True, "region": region}

    @staticmethod
    def _government(doc: Document, s: int, attrs: dict, extra: list[Mention]) -> dict:
        """县长陈某 / 沭阳县县长陈某 / 市长陈某: a head of government with no body written is
        a position in the people's government of the region written before the title, else of
        the context region."""
        title = attrs.get("title", "")
        last = title.split("、")[-1]
        gov = re.search(r"(?:常务)?副?(省|市|县|区)长$", last)
        if gov is None or attrs.get("org_mentions") or not doc.text[:s].endswith(last):
            return attrs
        last = gov.group(0)
        ts = s - len(last)
        place = -1
        for sp in doc.layers.get("regions", []):
            if sp.end == ts and not sp.attrs.get("contextual") and (sp.attrs.get("place", -1) or -1) >= 0:
                place = sp.attrs["place"]
        if place < 0:
            from reformkg.ingest.extract.regions import context_place

            place = context_place(doc, ts, gov.group(1))
        if place < 0:
            return attrs
        region = lx.gazetteer().get(place).name
        sp = Span(ts, s, "Agency", doc.sentence_of(ts), "persons", {"kind": "derived-government"})
        gov_m = Mention(sp, "Agency", last, _gov_name(doc, place), {"place": place, "region": region, "implied": True})
        extra.append(gov_m)
        attrs = dict(attrs)
        attrs["title"] = attrs["title"][: len(attrs["title"]) - len(gov.group(0))] + last \
            if attrs["title"].endswith(gov.group(0)) else attrs["title"]
        if len(attrs["title"]) > len(last) and not attrs["title"].endswith("、" + last):
            attrs["title"] = last      # 沭阳县县长 → 县长 (the region is the body's)
        attrs["org_mentions"] = [(gov_m, last)]
        attrs.setdefault("region", region)
        return attrs

    @staticmethod
    def _positions(doc: Document, pos: int, orgs: list[Mention], extra: list[Mention] | None = None) -> dict:
        """Parse the title string written right before a name: 'X市委常委、组织部部长' →
        [(X市委, 常委), (组织部, 部长)]."""
        text = doc.text
        i = pos
        lo = max(0, pos - 40)
        while i > lo and text[i - 1] not in "，。；：！？“”\n（(）)":
            i -= 1
        seg_start = i
        if seg_start >= pos:
            return {}
        items: list[tuple[int, int]] = []
        a = seg_start
        for j in range(seg_start, pos):
            if text[j] == "、":
                items.append((a, j))
                a = j + 1
        items.append((a, pos))
        pairs: list[list] = []      # [org_mention | None, title]
        if extra is None:
            extra = []
        for a, b in items:
            inside = [o for o in orgs if a <= o.span.start and o.span.end <= b]
            if inside:
                org = inside[-1]
                title = text[org.span.end:b].strip()
                if title:
                    # X公司的年轻焊工Y: a possessive and an age/role modifier before the title
                    t2 = _TITLE_MODIFIERS.sub("", title)
                    if t2 != title and _is_title(t2):
                        title = t2
                if title and _is_title(title):
                    pairs.append([org, title])
                elif not title:
                    pairs.append([org, ""])
            else:
                title = text[a:b]
                ana = next((w for w in _ANAPHORS if title.startswith(w) and _is_title(title[len(w):])), None)
                if ana is not None:
                    # 企业党委副书记: 企业 is the enterprise named last before
                    prev = [o for o in orgs if o.label == "Enterprise" and o.span.end <= a]
                    if prev and a - prev[-1].span.end < 200:
                        base = prev[-1]
                        sp = Span(a, a + len(ana), "Enterprise", doc.sentence_of(a), "persons", {"kind": "anaphor"})
                        ref = Mention(sp, "Enterprise", ana, base.normalised,
                                      {k: v for k, v in base.attrs.items() if k in ("place", "region")})
                        extra.append(ref)
                        pairs.append([ref, title[len(ana):]])
                        continue
                if title.startswith("工会") and _is_title(title[2:]) and pairs and pairs[-1][0] is not None and \
                        pairs[-1][0].label in ("Enterprise", "Institution"):
                    # X公司党委副书记、工会主席: the chair of that enterprise's union
                    base = pairs[-1][0]
                    sp = Span(a, a + 2, "Union", doc.sentence_of(a), "persons", {"kind": "derived"})
                    union = Mention(sp, "Union", "工会", base.normalised + "工会",
                                    {**{k: v for k, v in base.attrs.items() if k in ("place", "region")}, "implied": True})
                    extra.append(union)
                    pairs.append([union, title[2:]])
                    continue
                gov_head = re.fullmatch(r"(?:常务)?副?(省|市|县|区)长", title or "")
                if gov_head and pairs and pairs[-1][0] is not None and pairs[-1][0].normalised.endswith("委") and \
                        pairs[-1][0].attrs.get("place", -1) is not None and pairs[-1][0].attrs.get("place", -1) >= 0:
                    # 区委副书记、区长: the head of government holds office in the people's government
                    base = pairs[-1][0]
                    sp = Span(a, b, "Agency", doc.sentence_of(a), "persons", {"kind": "derived-government"})
                    gov = Mention(sp, "Agency", title, _gov_name(doc, base.attrs["place"]),
                                  {"place": base.attrs["place"], "region": base.attrs["region"], "implied": True})
                    extra.append(gov)
                    pairs.append([gov, title])
                    continue
                if title and _is_title(title):
                    if pairs:
                        pairs[-1][1] = (pairs[-1][1] + "、" + title) if pairs[-1][1] else title
                    else:
                        pairs.append([None, title])
        # an author line (X总工会 张三): the body written right before the name, with no title
        if not pairs or not any(p[1] for p in pairs):
            gap = text[pairs[-1][0].span.end:pos] if pairs and pairs[-1][0] is not None else ""
            if gap and gap.isspace() and "\n" not in gap:
                return {"title": "", "org_mentions": [(pairs[-1][0], "")]}
            return {}
        pairs = [p for p in pairs if p[1]]
        # a title string is only a position when it ends right before the name
        last_title = pairs[-1][1]
        if not text[:pos].endswith(last_title.split("、")[-1]):
            return {}
        attrs: dict = {"title": "、".join(p[1] for p in pairs)}
        org_pairs = [(p[0], p[1]) for p in pairs if p[0] is not None]
        if org_pairs:
            attrs["org_mentions"] = org_pairs
        return attrs


# 女 is a modifier of 女焊工, but the first character of 女工委部长 / 女职工委员会主任
_TITLE_MODIFIERS = re.compile(r"^的?(年轻|青年|老|资深|女(?!工委|职工|工部)|一线|优秀)?(的)?")


def _is_title(s: str) -> bool:
    s = s.strip()
    if not s or len(s) > 14:
        return False
    return any(s.endswith(t) for t in lx.titles()) and all(is_cjk(ch) for ch in s)


@lru_cache(maxsize=1)
def _title_regex() -> re.Pattern:
    return re.compile("(?:" + "|".join(re.escape(t) for t in sorted(POSITION_TITLES, key=len, reverse=True)) + ")")


def finalise_indices(doc: Document) -> None:
    """Turn the org Mention objects in person attrs into indices into doc.mentions."""
    index = {id(m): i for i, m in enumerate(doc.mentions)}
    for m in doc.mentions:
        if m.label != "Person":
            continue
        pairs = m.attrs.get("org_mentions")
        if not pairs:
            continue
        pos = [(index[id(o)], t) for o, t in pairs if id(o) in index]
        m.attrs["positions"] = pos
        if pos:
            m.attrs["org"] = pos[0][0]
