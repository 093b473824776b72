"""Industry-head rules of the `orgs` grammar: a short proper name written with an industry head
(某某药业, 某某|化纤) in a list or as the subject of a clause is a firm's name.

The heads are looked up by suffix in a set (one slice per distinct head length) rather than
testing every word against every head.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reformkg.ingest import lexicons as lx
from reformkg.ingest.extract.common import Words, is_cjk
from reformkg.ingest.extract.orgs.lexicon import BAD_START, GENERIC_PLACE_WORDS, industry_head_words

# tagger labels of the words that may carry a firm's short name
_NAME_TAGS = frozenset({"n", "nz", "ORG", "LOC", "PER", "j", "vn", "s"})
# what may stand right before the name: punctuation, a conjunction (甲与乙药业), 树 (树某某品牌)
_BEFORE_CHARS = "、，,。：:；（(“\n 与和及树"
# what may follow the name: list punctuation, 等/和/与, or a company word
_AFTER_CHARS = frozenset(("、", "，", ",", "。", "等", "和", "与", "(", "（", "；", "在", "：", ":"))
_AFTER_WORDS = frozenset(("公司", "集团", "有限"))
# after a sentence or clause start, the name may be the subject of a predicate word
_CLAUSE_START_CHARS = "。\n，,：:"
_PREDICATE_TAGS = frozenset(("v", "vd", "d", "p", "ad"))


@dataclass(frozen=True)
class IndustryHeads:
    """The industry heads as a set, with their distinct lengths for suffix lookup."""

    words: frozenset[str]
    lengths: tuple[int, ...]

    def ends(self, frag: str) -> bool:
        """Whether frag ends with a head and has at least one character before it (某某药业)."""
        n = len(frag)
        return any(k < n and frag[-k:] in self.words for k in self.lengths)


@lru_cache(maxsize=1)
def industry_heads() -> IndustryHeads:
    """The industry heads of `industry_heads.txt`, indexed (built once)."""
    words = frozenset(industry_head_words())
    return IndustryHeads(words, tuple(sorted({len(h) for h in words})))


@lru_cache(maxsize=1)
def generic_starts() -> tuple[str, ...]:
    """Words that start a generic activity rather than a firm's name (企业文化建设)."""
    return tuple(lx.read_lines("org_grammar_industry_generic_starts.txt"))


def industry_span(text: str, words: Words, i: int, heads: IndustryHeads) -> tuple[int, int] | None:
    """The span of a name with an industry head at word i: one word ending in a head (某某药业,
    4-8 characters) or a name word of 2-4 characters followed by a head word (某某|化纤). A place
    word (南方) counts only before a head word and never when it is generic (国内|能源)."""
    w = words.spans[i]
    if w.label not in _NAME_TAGS:
        return None
    frag = text[w.start:w.end]
    nxt = words.spans[i + 1] if i + 1 < len(words.spans) else None
    next_is_head = nxt is not None and text[nxt.start:nxt.end] in heads.words
    if w.label == "s" and (frag in GENERIC_PLACE_WORDS or not next_is_head):
        return None
    if not 2 <= len(frag) <= 8:
        return None
    if heads.ends(frag):
        return (w.start, w.end) if len(frag) >= 4 else None
    if next_is_head and len(frag) <= 4:
        return w.start, nxt.end
    return None


def industry_before_ok(text: str, words: Words, i: int, s: int) -> bool:
    """Before the name: the text start, punctuation or a conjunction (甲、乙药业), or a verb word
    (支持|某某化工)."""
    prev = text[s - 1] if s > 0 else "。"
    return prev in _BEFORE_CHARS or (i > 0 and words.spans[i - 1].label == "v")


def industry_after_ok(text: str, words: Words, s: int, e: int) -> bool:
    """After the name: list punctuation or 等/和/与 (某某药业、…), a company word (某某化工公司),
    or - at a clause start - a predicate word (。某某药业投资…)."""
    after = text[e:e + 2]
    if after[:1] in _AFTER_CHARS or after in _AFTER_WORDS:
        return True
    prev = text[s - 1] if s > 0 else "。"
    if prev not in _CLAUSE_START_CHARS:
        return False
    nxt_w = words.at(e) if e < len(text) else None
    return nxt_w is not None and nxt_w.label in _PREDICATE_TAGS


def industry_name_ok(name: str) -> bool:
    """The name is Chinese characters only, starts with no function word (该, 和 …) and is no
    generic activity (企业文化, 品牌建设)."""
    return all(is_cjk(ch) for ch in name) and name[0] not in BAD_START and not name.startswith(generic_starts())
