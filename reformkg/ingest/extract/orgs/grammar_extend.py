"""Left-extension rules of the `orgs` grammar: from a strong head (委员会, 学院, 有限公司 …) the
name extends left over name-like words (at most 12 characters) and through a region.

`extend_left` (grammar.py) runs these rules in order over one `LeftExtension` state:

1. the rules before the walk (`BEFORE_WALK`), each of which may decide the result: a head glued
   inside the word before it, a body written after its parent and a space;
2. the walk over the words to the left (`walk_left`), one word at a time through `WORD_RULES`:
   each rule stops the walk, extends the name and goes on, or passes the word to the next rule;
3. the adjustments of the start that was reached (`ADJUSTMENTS`);
4. the decisions on the span (`DECISIONS`), then `final_candidate`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Callable

from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Span
from reformkg.ingest.extract.common import Words, is_cjk, is_latin_name_char
from reformkg.ingest.extract.orgs.filters import is_generic_body, joint_verb_cut
from reformkg.ingest.extract.orgs.grammar_cand import Cand
from reformkg.ingest.extract.orgs.lexicon import BAD_START, CONTEXT_PREFIX_CHARS, DISCOURSE_WORDS, LEAD_VERBS

# tagger labels of the words a name may be made of
NAME_TAGS = frozenset({"n", "nz", "LOC", "ORG", "vn", "an", "j", "nw", "s"})
# tagger labels of a name word that may end in a conjunction glued to it (甲与|乙大学)
_CONJ_GLUE_TAGS = frozenset(("ORG", "nz", "n"))
# labels of a firm or institution spanned by the tagger before a sub-body (某某有限公司+工会)
_PARENT_LABELS = frozenset({Label.ENTERPRISE, Label.INSTITUTION})
_REGION_WIDE = ("全省", "全市", "全县", "全区")
_REGION_CHARS = "省市县区"
_PREFIX_CHARS = CONTEXT_PREFIX_CHARS
_DEICTIC_FIRM_WORDS = frozenset({"公司", "集团", "企业", "厂", "集团公司"})

# what may stand before a contextual prefix char (、市某某协会): no character of a longer word
_BEFORE_PREFIX = "、，。在由和与及的为对向将把从是等"
_BRACKETS = "()（）"
_MAX_NAME = 12            # characters of name words before the head
_MAX_VERB_NAME = 10       # ... when a verb inside the name is crossed
_QUOTE_REACH = 16         # how far back an opening quote is looked for


@lru_cache(maxsize=1)
def sub_bodies() -> tuple[str, ...]:
    """Sub-bodies written after their parent body (工会, 办公室, 分公司 …)."""
    return tuple(lx.read_lines("org_grammar_sub_bodies.txt"))


@lru_cache(maxsize=1)
def glued_bigrams() -> frozenset[str]:
    """Words whose last character the tagger may glue to the name after them (其中, 以及 …)."""
    return frozenset(lx.read_lines("org_grammar_glued_bigrams.txt"))


@lru_cache(maxsize=1)
def action_verbs() -> frozenset[str]:
    """Verbs a body's name never contains (某市召开…联席会议): org_grammar_action_verbs.txt."""
    return frozenset(lx.read_lines("org_grammar_action_verbs.txt"))


@lru_cache(maxsize=1)
def verb_body_heads() -> frozenset[str]:
    """Heads of long names that may hold a verb (委员会, 联席会议 …)."""
    return frozenset(lx.read_lines("org_grammar_verb_body_heads.txt"))


@lru_cache(maxsize=1)
def spaced_child_heads() -> frozenset[str]:
    """Heads of a body written after its parent and a space (干部学校, 培训中心 …)."""
    return frozenset(lx.read_lines("org_grammar_spaced_child_heads.txt"))


@lru_cache(maxsize=1)
def region_wide_heads() -> frozenset[str]:
    """Heads of joint bodies named after the whole region (全省…联席会议)."""
    return frozenset(lx.read_lines("org_grammar_region_wide_heads.txt"))


@dataclass
class LeftExtension:
    """The state of one left extension from the head text[s:e]."""

    text: str
    words: Words
    s: int                    # where the head starts
    e: int                    # where the head ends
    reg_by_end: dict
    head: str
    start: int                # where the name starts so far
    n: int = 0                # characters of name words crossed
    place: int = -1           # the region reached, if any
    before_verb: int = -1     # where the name stood before a verb word was crossed
    i: int = -1               # the word being looked at
    result: Cand | None = None

    def decide(self, cand: Cand | None) -> bool:
        """Set the result (None: no name) and say the extension is decided."""
        self.result = cand
        return True

    def region_at_start(self) -> Span | None:
        """The region ending where the name starts, when the name has grown."""
        return self.reg_by_end.get(self.start) if self.start < self.s else None


class Step(Enum):
    """What a word rule does with the walk."""

    STOP = "stop"
    NEXT = "next"


WordRule = Callable[[LeftExtension, Span], "Step | None"]
StateRule = Callable[[LeftExtension], bool]


# ---------------------------------------------------------------------------------------------
# before the walk


def after_joint_verb(st: LeftExtension, j: int) -> Cand | None:
    """The name after a joint-action verb the tagger glued into the word (甲局联合乙委员会): it
    starts after the verb; a lone 市/省… before the head is a contextual prefix (联合市委员会)."""
    st.start = j
    if st.s - j < 1:
        return None
    if st.text[j] in _REGION_CHARS and j + 1 == st.s:
        return Cand(j, st.e, "contextual", prefix_char=st.text[j])
    return Cand(j, st.e, "strong", -1)


def glued_run(st: LeftExtension) -> Cand | None:
    """The Chinese run glued to the head inside a word that starts with other characters
    (2024某某研究院): the name when it has two characters or more and is not generic."""
    if st.s - st.start < 2:
        return None
    if is_generic_body(st.text[st.start:st.s]):
        return Cand(st.start, st.e, "generic")
    return Cand(st.start, st.e, "strong", -1)


def decide_glued_head(st: LeftExtension) -> bool:
    """The head is glued to the word before it (三方委员会, 。某某研究院): the name starts where
    the Chinese characters of that word start. Decided here: a lead verb glued to the name
    (联合市委员会) gives no name; a joint-action verb inside it (甲联合乙委员会) or a non-Chinese
    start of the word (see `after_joint_verb`, `glued_run`) gives the name. A whole word glued
    to the head goes on to the walk."""
    w_here = st.words.at(st.s)
    if w_here is None or w_here.start >= st.s:
        return False
    k = st.s
    while k > w_here.start and is_cjk(st.text[k - 1]):
        k -= 1
    st.start = k
    if st.text[k:k + 2] in LEAD_VERBS:
        return st.decide(None)
    j = joint_verb_cut(st.text, k, st.s)
    if j > k:
        return st.decide(after_joint_verb(st, j))
    if k > w_here.start:
        return st.decide(glued_run(st))
    return False


def decide_spaced_parent(st: LeftExtension) -> bool:
    """A heading or credit line that spaces its parts (某市总工会 干部学校): the body before the
    space is the parent of the head and starts the name."""
    s, text = st.s, st.text
    if not (st.start == s and s >= 2 and text[s - 1] == " " and text[s - 2] != " "):
        return False
    w_prev = st.words.at(s - 2)
    if w_prev is not None and w_prev.label == "ORG" and lx.org_label_of(text[w_prev.start:w_prev.end]) and \
            st.head in spaced_child_heads():
        return st.decide(Cand(w_prev.start, st.e, "strong", -1))
    return False


BEFORE_WALK: tuple[StateRule, ...] = (decide_glued_head, decide_spaced_parent)


# ---------------------------------------------------------------------------------------------
# the walk: one word to the left at a time


def stop_at_gap(st: LeftExtension, w: Span) -> Step | None:
    """The word does not end where the name starts (a space or a character outside the words)."""
    return Step.STOP if w.end != st.start else None


def stop_at_region(st: LeftExtension, w: Span) -> Step | None:
    """A region ends where the name starts (某县+某某委员会): it starts the name, with 中共 before
    it (中共某县委员会); the walk stops."""
    r = st.reg_by_end.get(st.start)
    if r is None:
        return None
    st.start = r.start
    st.place = r.attrs.get("place", -1)
    if st.start >= 2 and st.text[st.start - 2:st.start] == "中共":
        st.start -= 2
    return Step.STOP


def extend_over_verb(st: LeftExtension, w: Span) -> Step | None:
    """A two-character verb inside a long body name (某省某行业协调劳动关系三方委员会): crossed
    once, and kept only when the name reaches a region further left (`drop_unanchored_verb`)."""
    frag = st.text[w.start:w.end]
    if w.label == "v" and len(frag) == 2 and frag not in LEAD_VERBS and frag not in action_verbs() and st.before_verb < 0 and \
            st.n + 2 <= _MAX_VERB_NAME and st.head in verb_body_heads():
        st.before_verb = st.start
        st.n += 2
        st.start = w.start
        st.i -= 1
        return Step.NEXT
    return None


def extend_over_chan_gai(st: LeftExtension, w: Span) -> Step | None:
    """产改 right before the name (某区产改联席会议): part of the name, whatever the tagger made
    of it; the walk goes on from the word before it."""
    if st.text[max(0, st.start - 2):st.start] != "产改":
        return None
    st.n += 2
    st.start -= 2
    st.i = st.words.index_at(st.start - 1) if st.start > 0 else -1
    return Step.NEXT


def extend_over_studio_person(st: LeftExtension, w: Span) -> Step | None:
    """A person's name opening a workroom's name (某某劳模创新工作室, 某某技能大师工作室): part of the
    name, and the walk stops there."""
    if not st.head.endswith("工作室"):
        return None
    if w.label == "PER" and 2 <= w.end - w.start <= 6 and st.n + (w.end - w.start) <= _MAX_NAME:
        st.n += w.end - w.start
        st.start = w.start
        return Step.STOP
    # the tagger cut the name here (杨永|修劳模…) but labels it whole elsewhere in the text
    known = st.words.person_words(st.text)
    for k in (4, 3, 2):
        if st.start - k >= 0 and st.text[st.start - k:st.start] in known and st.words.is_start(st.start - k):
            st.n += k
            st.start -= k
            return Step.STOP
    return None


def stop_at_deictic_firm(st: LeftExtension, w: Span) -> Step | None:
    """该公司|盾构工程公司: 公司/集团 after 该/本/我/其 refers to a firm named before; it is no part
    of the name (see mention_adjust.strip_glued_deixis)."""
    frag = st.text[w.start:w.end]
    if frag in _DEICTIC_FIRM_WORDS and w.start > 0 and st.text[w.start - 1] in "该本我其此":
        return Step.STOP
    return None


def stop_at_non_name(st: LeftExtension, w: Span) -> Step | None:
    """A word that is no name word: another part of speech, a function-word start (该, 和 …) or a
    discourse word (下一步某某委员会)."""
    if w.label not in NAME_TAGS or st.text[w.start] in BAD_START or st.text[w.start:w.end] in DISCOURSE_WORDS:
        return Step.STOP
    return None


def stop_at_conjunction(st: LeftExtension, w: Span) -> Step | None:
    """A name word glued to a conjunction (甲公司与|乙大学): the other body of a pair."""
    if st.text[w.end - 1] in "与和及" and w.label in _CONJ_GLUE_TAGS:
        return Step.STOP
    return None


def stop_at_non_cjk(st: LeftExtension, w: Span) -> Step | None:
    """A word with characters other than Chinese and brackets (2024, ABC); not a firm's name the
    tagger read with its Latin capitals (TCL科技集团股份有限公司)."""
    frag = st.text[w.start:w.end]
    if any(not is_cjk(ch) and ch not in _BRACKETS for ch in frag):
        latin_name = w.label == "ORG" and any(ch.isascii() and ch.isupper() for ch in frag) and \
            all(is_cjk(ch) or ch in _BRACKETS or is_latin_name_char(ch) for ch in frag) \
            and sum(map(is_cjk, frag)) >= 2
        return None if latin_name else Step.STOP
    return None


def stop_at_parent_firm(st: LeftExtension, w: Span) -> Step | None:
    """A firm or institution the tagger spanned right before a sub-body (某某有限公司+工会): the
    union of that firm; it starts the name and the walk stops."""
    frag = st.text[w.start:w.end]
    if st.n == 0 and st.head in sub_bodies() and w.label == "ORG" and w.end - w.start <= 24 and \
            lx.org_label_of(frag) in _PARENT_LABELS and frag[0] not in BAD_START:
        st.start = w.start
        return Step.STOP
    return None


def stop_at_length(st: LeftExtension, w: Span) -> Step | None:
    """The name would grow beyond 12 characters."""
    return Step.STOP if st.n + (w.end - w.start) > _MAX_NAME else None


def extend_over_word(st: LeftExtension, w: Span) -> Step | None:
    """A name word (某某+委员会): part of the name; the walk goes on."""
    st.n += w.end - w.start
    st.start = w.start
    st.i -= 1
    return Step.NEXT


WORD_RULES: tuple[WordRule, ...] = (stop_at_gap, stop_at_region, extend_over_verb, extend_over_chan_gai,
                                    extend_over_studio_person, stop_at_deictic_firm, stop_at_non_name, stop_at_conjunction, stop_at_non_cjk, stop_at_parent_firm,
                                    stop_at_length, extend_over_word)


def word_step(st: LeftExtension, w: Span) -> Step:
    """What the first word rule that applies does with word w."""
    for rule in WORD_RULES:
        step = rule(st, w)
        if step is not None:
            return step
    return Step.STOP


def walk_left(st: LeftExtension) -> None:
    """Extend the name over the words to its left until a rule stops the walk."""
    st.i = st.words.index_at(st.start - 1) if st.start > 0 else -1
    st.n = st.s - st.start
    while st.i >= 0:
        if word_step(st, st.words.spans[st.i]) is Step.STOP:
            break


# ---------------------------------------------------------------------------------------------
# adjustments of the start reached


def drop_unanchored_verb(st: LeftExtension) -> None:
    """A verb was crossed but no region reached: the verb is not part of the name, which starts
    after it again."""
    if st.before_verb >= 0 and st.place < 0 and st.region_at_start() is None:
        st.start = st.before_verb


def take_region_before(st: LeftExtension) -> None:
    """The region right before the name words (某区|产改联席会议 when the tagger glued the region
    to the next word): it starts the name."""
    if st.place >= 0:
        return
    r = st.region_at_start()
    if r is not None:
        st.start, st.place = r.start, r.attrs.get("place", -1)


def take_quoted_name(st: LeftExtension) -> None:
    """Nothing reached and a closing quote before the head (“某某”产业工人学院): the quoted name
    starts the body."""
    s, text = st.s, st.text
    if st.start == s and s > 0 and text[s - 1] == "”":
        q = text.rfind("“", max(0, s - _QUOTE_REACH), s - 1)
        if q >= 0 and "”" not in text[q:s - 1]:
            st.start = q


def drop_glued_char(st: LeftExtension) -> None:
    """The tagger glued the last character of a word to the name (其中|某某集团 read as
    其|中某某集团): the name starts one character later."""
    if st.start < st.s and st.text[st.start - 1:st.start + 1] in glued_bigrams():
        st.start += 1


ADJUSTMENTS: tuple[Callable[[LeftExtension], None], ...] = (drop_unanchored_verb, take_region_before,
                                                              take_quoted_name, drop_glued_char)


# ---------------------------------------------------------------------------------------------
# decisions on the span reached


def decide_region_wide(st: LeftExtension) -> bool:
    """全省/全市/全县/全区 before a joint body without a region (全市某某联席会议): the body of
    the context region, with the prefix char of 全X."""
    start, text = st.start, st.text
    if start >= 2 and text[start - 2:start] in _REGION_WIDE and st.place < 0 and st.head in region_wide_heads():
        return st.decide(Cand(start - 2, st.e, "contextual", prefix_char=text[start - 1]))
    return False


def decide_contextual_prefix(st: LeftExtension) -> bool:
    """A lone 省/市/县/区/州/旗 (no region ends there) before the name, not inside a longer word
    (、市某某协会): the body of the context region with that prefix char."""
    start, text = st.start, st.text
    if not (start > 0 and text[start - 1] in _PREFIX_CHARS and start - 1 not in st.reg_by_end):
        return False
    if start < 2 or not is_cjk(text[start - 2]) or text[start - 2] in _BEFORE_PREFIX:
        return st.decide(Cand(start - 1, st.e, "contextual", prefix_char=text[start - 1]))
    return False


def decide_no_name(st: LeftExtension) -> bool:
    """Nothing before the head was taken: no name."""
    return st.decide(None) if st.start == st.s else False


DECISIONS: tuple[StateRule, ...] = (decide_region_wide, decide_contextual_prefix, decide_no_name)


def final_candidate(st: LeftExtension) -> Cand:
    """The name reached: generic when it is only generic words and has no region (企业工会),
    else strong with the region reached."""
    if st.place < 0 and is_generic_body(st.text[st.start:st.s]):
        return Cand(st.start, st.e, "generic")
    return Cand(st.start, st.e, "strong", st.place)
