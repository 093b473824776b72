"""Position rules of the `persons` component: the (organisation, title) pairs of a person.

- positions: the title string written right before the name ('某市委常委、组织部部长某某' →
  [(某市委, 常委), (某市委组织部, 部长)]), split at 、 into items; each item is paired by the
  first item rule that handles it (a body written in it, an anaphor 企业, a union of the
  enterprise before, a head of government after a party committee, a bare title);
- title_after: a title written after the name (某某副市长指出);
- government: a head of government with no body written (县长某某);
- hired_by: 某某被某市总工会聘为某职 (the hiring body, the role as title).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.persons.lexicon import (COMPONENT_NAME, TITLE_AFTER_RE, TITLE_MODIFIERS_RE,
                                                     after_title_cues, anaphors, gov_name, is_title)

# 被 + (optional adverb) + body + appointment verb + role
_HIRED_RE = re.compile(r"(?:同志)?(?:也|还|曾|已|先后|正式)?(被)")
_HIRE_VERB_RE = re.compile(r"(?:正式|特别)?(?:聘为|聘请为|聘任为|特聘为|聘用为)([\u4e00-\u9fff]{2,16}?)(?=[，。；、）)\s]|$)")
_BAD_ROLE_RE = re.compile(r"[的了和与及在]")
_GOV_TITLE_RE = re.compile(r"(省|市|县|区)长$")
_GOV_TITLE_END_RE = re.compile(r"(?:常务)?副?(省|市|县|区)长$")
_GOV_HEAD_RE = re.compile(r"(?:常务)?副?(省|市|县|区)长")
# characters that end the title string before a name
_SEGMENT_STOPS = "，。；：！？“”\n（(）)"
# how far before a name its title string may start
_SEGMENT_REACH = 40
# how far after the enterprise an anaphor (企业党委副书记) may refer back to it
_ANAPHOR_REACH = 200
_PLACE_KEYS = ("place", "region")
_COMPANY_LABELS = (Label.ENTERPRISE, Label.INSTITUTION)


def _place_attrs(base: Mention) -> dict:
    """The place and region attrs of a body, for a body derived from it."""
    return {k: v for k, v in base.attrs.items() if k in _PLACE_KEYS}


def _derived_government(doc: Document, s: int, e: int, surface: str, place: int, region: str) -> Mention:
    """A derived Agency mention on s..e: the people's government of the place."""
    sp = Span(s, e, Label.AGENCY, doc.sentence_of(s), COMPONENT_NAME, {"kind": "derived-government"})
    return Mention(sp, Label.AGENCY, surface, gov_name(doc, place), {"place": place, "region": region, "implied": True})


# --- titles written before the name ---------------------------------------------------------


@dataclass(slots=True)
class Pairing:
    """The state of one positions() call: the pairs found so far ([org mention | None, title])
    and the derived mentions (shared with the caller)."""

    doc: Document
    orgs: list[Mention]
    extra: list[Mention]
    pairs: list[list] = field(default_factory=list)

    def last_org(self) -> Mention | None:
        """The body of the last pair, None when there is none."""
        return self.pairs[-1][0] if self.pairs else None


def segment_start(text: str, pos: int) -> int:
    """The start of the title string before pos: after the last clause punctuation, at most 40
    characters back."""
    i = pos
    lo = max(0, pos - _SEGMENT_REACH)
    while i > lo and text[i - 1] not in _SEGMENT_STOPS:
        i -= 1
    return i


def split_items(text: str, start: int, pos: int) -> list[tuple[int, int]]:
    """The items of the title string start..pos, split at 、 (市委常委、组织部部长 → two)."""
    items: list[tuple[int, int]] = []
    a = start
    for piece in text[start:pos].split("、"):
        items.append((a, a + len(piece)))
        a += len(piece) + 1
    return items


def pair_with_body(st: Pairing, org: Mention, b: int) -> None:
    """某公司的年轻焊工 / 组织部部长 / 某总工会: the last body written in the item with the title
    after it (a possessive and an age or role modifier dropped), or with no title."""
    title = st.doc.text[org.span.end:b].strip()
    if title:
        t2 = TITLE_MODIFIERS_RE.sub("", title)
        if t2 != title and is_title(t2):
            title = t2
    if title and is_title(title):
        st.pairs.append([org, title])
    elif not title:
        st.pairs.append([org, ""])


def anaphor_item(st: Pairing, a: int, b: int, title: str) -> bool:
    """企业党委副书记: 企业 (该公司, 集团 …) is the enterprise named last before, within 200
    characters (a derived Enterprise mention on the anaphor)."""
    ana = next((w for w in anaphors() if title.startswith(w) and is_title(title[len(w):])), None)
    if ana is None:
        return False
    base = _anaphor_base(st, a, ana)
    if base is None:
        return False
    firm = base.normalised[:-2] if base.label == Label.UNION else base.normalised
    rest = title[len(ana):]
    if rest.startswith("工会") and is_title(rest[2:]):
        # 集团公司工会主席: the chair of the group's union
        sp = Span(a, a + len(ana) + 2, Label.UNION, st.doc.sentence_of(a), COMPONENT_NAME, {"kind": "anaphor"})
        st.extra.append(Mention(sp, Label.UNION, ana + "工会", firm + "工会", {**_place_attrs(base), "implied": True}))
        st.pairs.append([st.extra[-1], rest[2:]])
        return True
    if base.label == Label.UNION:
        return False
    sp = Span(a, a + len(ana), Label.ENTERPRISE, st.doc.sentence_of(a), COMPONENT_NAME, {"kind": "anaphor"})
    ref = Mention(sp, Label.ENTERPRISE, ana, firm, _place_attrs(base))
    st.extra.append(ref)
    st.pairs.append([ref, rest])
    return True


def _is_firm_union(name: str) -> bool:
    """某某集团(有限公司)工会: the union of a firm written in full."""
    return name.endswith("工会") and name[:-2].endswith(("集团", "公司"))


def _anaphor_base(st: Pairing, a: int, ana: str) -> Mention | None:
    """The enterprise an anaphor before a title refers to: the last one named before a, within
    reach; for 集团 the last group (…集团…) named before, however far back in the text."""
    prev = [o for o in st.orgs if o.label == Label.ENTERPRISE and o.span.end <= a]
    if "集团" in ana:
        # a group, or a group's union (某某集团有限公司工会: the group is its name less 工会)
        groups = [o for o in st.orgs if o.span.end <= a and "集团" in (o.normalised or "") and
                  (o.label == Label.ENTERPRISE or (o.label == Label.UNION and _is_firm_union(o.normalised or "")))]
        if groups:
            return groups[-1]
    if not prev or a - prev[-1].span.end >= _ANAPHOR_REACH:
        return None
    return prev[-1]


def union_item(st: Pairing, a: int, b: int, title: str) -> bool:
    """某公司党委副书记、工会主席: the chair of that enterprise's (or institution's) union (a
    derived Union mention on 工会)."""
    base = st.last_org()
    if not (title.startswith("工会") and is_title(title[2:]) and base is not None and base.label in _COMPANY_LABELS):
        return False
    sp = Span(a, a + 2, Label.UNION, st.doc.sentence_of(a), COMPONENT_NAME, {"kind": "derived"})
    union = Mention(sp, Label.UNION, "工会", base.normalised + "工会", {**_place_attrs(base), "implied": True})
    st.extra.append(union)
    st.pairs.append([union, title[2:]])
    return True


def _committee_with_place(m: Mention | None) -> bool:
    """m is a party committee (…委) of a known place."""
    return m is not None and m.normalised.endswith("委") and m.attrs.get("place", -1) is not None and \
        m.attrs.get("place", -1) >= 0


def government_item(st: Pairing, a: int, b: int, title: str) -> bool:
    """区委副书记、区长: after a committee of a place, the head of government holds office in
    the place's people's government (a derived Agency mention on the title)."""
    base = st.last_org()
    if not _GOV_HEAD_RE.fullmatch(title or "") or not _committee_with_place(base):
        return False
    gov = _derived_government(st.doc, a, b, title, base.attrs["place"], base.attrs["region"])
    st.extra.append(gov)
    st.pairs.append([gov, title])
    return True


def bare_title_item(st: Pairing, a: int, b: int, title: str) -> bool:
    """党组书记、副主席: a title with no body joins the titles of the pair before, else opens a
    pair of its own with no body."""
    if title and is_title(title):
        if st.pairs:
            st.pairs[-1][1] = (st.pairs[-1][1] + "、" + title) if st.pairs[-1][1] else title
        else:
            st.pairs.append([None, title])
    return True


ItemRule = Callable[[Pairing, int, int, str], bool]
# the rules for an item with no body written in it, in the order they are tried
ITEM_RULES: tuple[ItemRule, ...] = (anaphor_item, union_item, government_item, bare_title_item)


def pair_item(st: Pairing, a: int, b: int) -> None:
    """Pair the item a..b of a title string: with the last body written in it, else by the first
    item rule that handles it."""
    inside = [o for o in st.orgs if a <= o.span.start and o.span.end <= b]
    if inside:
        pair_with_body(st, inside[-1], b)
        return
    title = st.doc.text[a:b]
    for rule in ITEM_RULES:
        if rule(st, a, b, title):
            return


def author_line(text: str, pos: int, pairs: list[list]) -> dict:
    """某市总工会 某某 (an author line): the body written right before the name, a space apart on
    one line, with no title."""
    gap = text[pairs[-1][0].span.end:pos] if pairs and pairs[-1][0] is not None else ""
    if gap and gap.isspace() and "\n" not in gap:
        return {"title": "", "org_mentions": [(pairs[-1][0], "")]}
    return {}


def position_attrs(text: str, pos: int, pairs: list[list]) -> dict:
    """The attrs of the pairs: all titles joined with 、 and the pairs with a body; none when the
    last title does not end right before the name."""
    pairs = [p for p in pairs if p[1]]
    last_title = pairs[-1][1]
    if not text[:pos].endswith(last_title.split("、")[-1]):
        return {}
    attrs: dict = {"title": "、".join(p[1] for p in pairs)}
    org_pairs = [(p[0], p[1]) for p in pairs if p[0] is not None]
    if org_pairs:
        attrs["org_mentions"] = org_pairs
    return attrs


def positions(doc: Document, pos: int, orgs: list[Mention], extra: list[Mention] | None = None) -> dict:
    """Parse the title string written right before a name: '某市委常委、组织部部长' →
    [(某市委, 常委), (组织部, 部长)]."""
    text = doc.text
    seg_start = segment_start(text, pos)
    if seg_start >= pos:
        return {}
    st = Pairing(doc, orgs, [] if extra is None else extra)
    for a, b in split_items(text, seg_start, pos):
        pair_item(st, a, b)
    if not st.pairs or not any(p[1] for p in st.pairs):
        return author_line(text, pos, st.pairs)
    return position_attrs(text, pos, st.pairs)


# --- titles written after the name, governments, hiring bodies ------------------------------


def title_after(doc: Document, s: int, e: int, orgs: list[Mention], extra: list[Mention]) -> dict:
    """A title written after the name (王某副市长指出, 省委李某书记): the body is the
    organisation written right before the name, else for 市长/县长/区长/省长 the people's
    government of the context region (a derived Agency mention on the title)."""
    text = doc.text
    m = TITLE_AFTER_RE.match(text, e)
    if m is None:
        return {}
    title = m.group(1)
    te = e + len(title)
    if not text[te:te + 2].startswith(after_title_cues()):
        return {}
    before = [o for o in orgs if o.span.end == s]
    if before:
        return {"title": title, "org_mentions": [(before[-1], title)], "title_after": True}
    gov = _GOV_TITLE_RE.search(title)
    if gov is None:
        return {"title": title, "title_after": True}
    from reformkg.ingest.extract.regions import context_place

    place = context_place(doc, s, gov.group(1))
    if place < 0:
        return {"title": title, "title_after": True}
    region = lx.gazetteer().get(place).name
    gov_m = _derived_government(doc, e, te, title, place, region)
    extra.append(gov_m)
    return {"title": title, "org_mentions": [(gov_m, title)], "title_after": True, "region": region}


def _region_before(doc: Document, ts: int) -> int:
    """The place of the last written (not contextual) region ending at ts, else -1."""
    place = -1
    for sp in doc.layers.get("regions", []):
        if sp.end == ts and not sp.attrs.get("contextual") and lx.is_place(sp.attrs.get("place")):
            place = sp.attrs["place"]
    return place


def government(doc: Document, s: int, attrs: dict, extra: list[Mention]) -> dict:
    """县长陈某 / 某某县县长陈某 / 市长陈某: a head of government with no body written is
    a position in the people's government of the region written before the title, else of
    the context region."""
    title = attrs.get("title", "")
    last = title.split("、")[-1]
    gov = _GOV_TITLE_END_RE.search(last)
    if gov is None or attrs.get("org_mentions") or not doc.text[:s].endswith(last):
        return attrs
    last = gov.group(0)
    ts = s - len(last)
    place = _region_before(doc, ts)
    if place < 0:
        from reformkg.ingest.extract.regions import context_place

        place = context_place(doc, ts, gov.group(1))
    if place < 0:
        return attrs
    region = lx.gazetteer().get(place).name
    gov_m = _derived_government(doc, ts, s, last, place, region)
    extra.append(gov_m)
    attrs = dict(attrs)
    attrs["title"] = attrs["title"][: len(attrs["title"]) - len(gov.group(0))] + last \
        if attrs["title"].endswith(gov.group(0)) else attrs["title"]
    if len(attrs["title"]) > len(last) and not attrs["title"].endswith("、" + last):
        attrs["title"] = last      # 某某县县长 → 县长 (the region is the body's)
    attrs["org_mentions"] = [(gov_m, last)]
    attrs.setdefault("region", region)
    return attrs


def hired_by(doc: Document, e: int, orgs: list[Mention], attrs: dict) -> dict:
    """王某被某总工会聘为某职 / 被某单位聘请为某职: a position with the hiring body, the role as
    title."""
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
    if len(role) < 2 or _BAD_ROLE_RE.search(role):
        return attrs
    attrs = dict(attrs)
    pairs = list(attrs.get("org_mentions") or [])
    if not any(o is org for o, _t in pairs):
        pairs.append((org, role))
    attrs["org_mentions"] = pairs
    attrs.setdefault("title", role)
    return attrs
