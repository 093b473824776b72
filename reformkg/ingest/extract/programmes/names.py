"""Helpers shared by the rules of the `programmes` component: the head noun written after a
name, a region written before it, the kind of a programme, and the Programme mention itself.
"""

from __future__ import annotations

import re

from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.common import is_cjk, only_words
from reformkg.ingest.extract.programmes.lexicon import (COMPONENT_NAME, EDITION_RE, ETC_RE, HEAD_MODIFIERS,
                                                        HEADS_SORTED, POLICY_END, POLICY_END_BARE,
                                                        VERB_AFTER_QUOTE)


def only_generic(core: str, words: tuple[str, ...]) -> bool:
    """Whether core is made only of the generic words (主题劳动 of 主题劳动技能竞赛)."""
    return only_words(core, words)


def bare_head(head: str) -> str:
    """The head without a modality modifier (线上线下专场招聘会 → 专场招聘会)."""
    for mod in HEAD_MODIFIERS:
        if head.startswith(mod) and len(head) - len(mod) >= 2:
            return head[len(mod):]
    return head


def after_etc(tail: str) -> tuple[str, str]:
    """('等', rest) when the text after a quoted name starts with a coordinating 等(系列)."""
    m = ETC_RE.match(tail)
    return (m.group(1), tail[m.end():]) if m else ("", tail)


def _longest_head(tail: str) -> str:
    """The longest run of plain CJK text within 12 characters of tail that ends with a head
    noun, with no 的/和/等… before the head (“X”青年技能竞赛 → 青年技能竞赛)."""
    head = ""
    for h in HEADS_SORTED:
        k = tail.find(h)
        if k < 0 or k + len(h) > 12 or not all(is_cjk(ch) for ch in tail[:k + len(h)]):
            continue
        if re.search(r"[的和与及是在等暨]", tail[:k]) or re.match(r"[一二三四五六七八九十两\d]+[项个大类条]", tail):
            continue
        if k + len(h) > len(head):
            head = tail[:k + len(h)]
    return head


def _without_brand(head: str) -> str:
    """A trailing 品牌/栏目 after another head is cut (X竞赛品牌 → X竞赛)."""
    for brand in ("品牌栏目", "品牌", "栏目"):
        if head.endswith(brand) and len(head) > len(brand):
            core = head[: -len(brand)]
            if core.endswith(HEADS_SORTED):
                head = core
            break
    return head


def first_head(tail: str) -> str:
    """The head noun phrase right after a quoted name: the longest run of plain CJK text within
    12 characters that ends with a head noun; a trailing 品牌/栏目 after another head is cut
    (“X”竞赛品牌 → “X”竞赛)."""
    ed = EDITION_RE.match(tail)
    if ed is not None:
        # “X”某地第四届职业技能大赛: a place and an edition before the head
        rest = first_head(tail[ed.end():])
        return tail[:ed.end()] + rest if rest else ""
    if tail.startswith(VERB_AFTER_QUOTE):
        return ""          # 推动“X”纳入集体协商: a verb follows the quoted name, no head
    head = _without_brand(_longest_head(tail))
    if head.endswith(("产业体系", "产业集群", "产业链")):
        return ""          # “A+B”现代产业体系: an economic structure, not a programme
    if re.search(r"(评选|评比|选树)", head) and not re.fullmatch(r"[\u4e00-\u9fff]{2,6}(成果|案例|作品|项目)(评选|评比)(活动)?", head):
        return ""          # “X”评选: X is an honour (see awards), not a programme; but “五小”创新成果评选
                           # judges results (an event)
    return head


def scope_place(doc: Document, pos: int) -> int:
    """The region a 全市/全县/全区/全省 scope at pos stands for (-1 if none is resolvable)."""
    from reformkg.ingest.extract.regions import context_place

    return context_place(doc, pos, doc.text[pos + 1])


def in_heading(doc: Document, pos: int) -> bool:
    """Whether pos lies in a short unpunctuated line (a section heading: 打好“X牌”): its quoted
    words are a section slogan, not a programme's name."""
    for ps, pe in doc.paragraphs:
        if ps <= pos < pe:
            line = doc.text[ps:pe].strip()
            return len(line) <= 20 and not re.search(r"[。！？；]", line)
    return False


def kind_of(name: str) -> str:
    """The kind of a programme from its name's ending: policy, competition, training, mechanism,
    plan or initiative (《某市X办法》 policy, X技能竞赛 competition, X培训班 training)."""
    core = name.rstrip("》”\"")
    if name.startswith("《") and core.endswith(POLICY_END):
        return "policy"
    if re.search(r"(竞赛|大赛|比赛|练兵|运动会|评选|杯)", core[-6:]):
        return "competition"
    if re.search(r"(培训|班|夜校|讲堂|课堂|学堂)", core[-6:]):
        return "training"
    if re.search(r"(机制|制度|体系|模式|通道|协商|工作法)", core[-6:]):
        return "mechanism"
    if re.search(r"(规划|计划|方案|战略)$", core):
        return "plan"
    if core.endswith(POLICY_END_BARE):
        return "policy"
    return "initiative"


def make_mention(doc: Document, s: int, e: int, name: str, rule: str, aliases: tuple[str, ...] = ()) -> Mention:
    """The Programme mention text[s:e] named `name` (kind from the name), found by `rule`."""
    sp = Span(s, e, Label.PROGRAMME, doc.sentence_of(s), COMPONENT_NAME, {"rule": rule})
    attrs: dict = {"kind": kind_of(name)}
    aliases = tuple(aliases)
    if "，" in name:
        # the normaliser widened the source's ASCII commas: names are written as the source
        # writes them (the widened form stays an alias)
        a, b = doc.offsets.to_source(s, e)
        src = doc.source_text[a:b] if 0 <= a < b <= len(doc.source_text) else ""
        if "," in src and "，" not in src:
            aliases = aliases + (name,)
            name = name.replace("，", ",")
    spaced = _spaced_slogan(doc, s, e, name)
    if spaced is not None:
        aliases, name = tuple(dict.fromkeys(aliases + (name,))), spaced
    if aliases:
        attrs["aliases"] = list(aliases)
    return Mention(sp, Label.PROGRAMME, doc.text[s:e], name, attrs)


# a quoted slogan of two phrases the source separates by one space (“当好主人 建功时代”)
_SPACED_QUOTE_RE = re.compile(r"“([\u4e00-\u9fff]{3,})[ \u3000]([\u4e00-\u9fff]{3,})”")


def _spaced_slogan(doc: Document, s: int, e: int, name: str) -> str | None:
    """The name as the source writes a two-phrase quoted slogan in it (one space between the
    phrases, which the normaliser drops), else None; the joined form stays an alias."""
    a, b = doc.offsets.to_source(s, e)
    src = doc.source_text[a:b] if 0 <= a < b <= len(doc.source_text) else ""
    m = _SPACED_QUOTE_RE.search(src)
    if m is None:
        return None
    joined = f"“{m.group(1)}{m.group(2)}”"
    return name.replace(joined, f"“{m.group(1)} {m.group(2)}”", 1) if joined in name else None


def convening_place(doc: Document, verb_start: int) -> int:
    """The region (written or contextual: 我市, 该区) named last in the clause before a convening
    verb at verb_start (某市召开…会); -1 if none."""
    text = doc.text
    cs = max(text.rfind(p, 0, verb_start) for p in "，。；：！？\n") + 1
    place = -1
    for sp in doc.layers.get("regions", []):
        if sp.start >= verb_start:
            break
        if sp.start >= cs and lx.is_place(sp.attrs.get("place")) and text[sp.start - 1:sp.start] not in _LOCATIVE \
                and _SUBJECT_GAP_RE.fullmatch(text, sp.end, verb_start):
            place = sp.attrs["place"]
    return place


# 在某市召开: a place where, not who; between the subject and the verb only adverbs or a date
_LOCATIVE = frozenset("在于赴到来至")
_SUBJECT_GAP_RE = re.compile(r"(?:还|也|又|近日|日前|再次|首次|专门|隆重|正式|先后|\d{1,2}月\d{1,2}日|上午|下午){0,3}")


def region_prefix(doc: Document, s: int) -> tuple[str, int]:
    """A region (or a contextual 省/市/县/区) written right before a name belongs to it:
    市“十四五”发展规划 in a document about 某市 → 某市“十四五”发展规划. Returns the region's
    full name and where its mention starts ("", s when none)."""
    from reformkg.ingest.extract.regions import context_place

    text = doc.text
    for sp in doc.layers.get("regions", []):
        if sp.end == s and not sp.attrs.get("contextual") and sp.attrs.get("place", -1) >= 0:
            return lx.gazetteer().get(sp.attrs["place"]).name, sp.start
    if s > 0 and text[s - 1] in "省市县区" and (s < 2 or not is_cjk(text[s - 2]) or text[s - 2] in "的在和与及、被入将把为全"):
        place = context_place(doc, s - 1, text[s - 1])
        if place >= 0:
            return lx.gazetteer().get(place).name, s - 1
    return "", s
