"""Shared lexicon of the `persons` component: the word lists (read once from
`reformkg/ingest/data/person_*.txt`), the regexes of titles, and small name and title tests.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document
from reformkg.ingest.extract.common import is_cjk, word_list

COMPONENT_NAME = "persons"
ORG_LABELS = (Label.UNION, Label.AGENCY, Label.ENTERPRISE, Label.INSTITUTION)

# characters the tagger glues to the end of a name (某某也参加, 某某都…)
ADVERB_TAILS = "也还都又就却曾便亦均"
# prepositions and conjunctions that are no surname before a title (由某局长主持, 向某局长表示)
FUNCTION_CHARS = frozenset("由向和与在对请给把被让同及或将为从经是于跟")
# characters that end no name written after a title
NAME_BAD_LAST = "说的了是在和与及等"
# characters before a name written before a title that give it a left boundary (由某某局长主持)
NAME_LEFT_CHARS = "由请和与及同"
# characters of the rest of a name written before a title that make it no name (某会长, 某市委)
NAME_BAD_CHARS_RE = re.compile(r"[的了是在和与及等会委局部厅办院府组党工市县区省镇乡村司团校长记席任理事]")
# tagger labels of a word that makes characters before a title no name (a place, a body, a date)
NAME_BAD_WORD_LABELS = ("LOC", "ORG", "TIME")
# tagger labels of a word that still reads as a name after a title
NAME_WORD_LABELS = ("PER", "nr")

# a title written after a name (某某副市长指出, 某某局长主持)
TITLE_AFTER_RE = re.compile(r"((?:党组|党委|党工委)?(?:常务)?(?:副省长|常务副市长|常务副县长|常务副区长|副省长|副市长|副县长|副区长|省长|市长|县长|区长|"
                            r"副书记|书记|副主席|主席|副部长|部长|副局长|局长|副主任|主任|副厅长|厅长|董事长|总经理))")
# 女 is a modifier of 女焊工, but the first character of 女工委部长 / 女职工委员会主任
TITLE_MODIFIERS_RE = re.compile(r"^的?(年轻|青年|老|资深|女(?!工委|职工|工部)|一线|优秀)?(的)?")


def position_titles() -> tuple[str, ...]:
    """Position titles after which a bare name is read (person_position_titles.txt)."""
    return word_list("person_position_titles.txt")


def byline_cues() -> tuple[str, ...]:
    """Words before a name that mark a byline (person_byline_cues.txt)."""
    return word_list("person_byline_cues.txt")


def symbolic_after() -> tuple[str, ...]:
    """Words after a name that make it a symbol (person_symbolic_after.txt)."""
    return word_list("person_symbolic_after.txt")


def speech_cues() -> tuple[str, ...]:
    """Speech and action words after a name written after a title (person_speech_cues.txt)."""
    return word_list("person_speech_cues.txt")


def list_cues() -> tuple[str, ...]:
    """Separators and conjunctions after a name written after a title (person_list_cues.txt)."""
    return word_list("person_list_cues.txt")


def verb_tails() -> tuple[str, ...]:
    """Verbs the tagger glues to a name, in the order they are tried (person_verb_tails.txt)."""
    return word_list("person_verb_tails.txt")


def short_titles() -> tuple[str, ...]:
    """Titles written after a bare surname (person_short_titles.txt)."""
    return word_list("person_short_titles.txt")


def after_title_cues() -> tuple[str, ...]:
    """Words after a title written after a name (person_after_title_cues.txt)."""
    return word_list("person_after_title_cues.txt")


def name_left_words() -> tuple[str, ...]:
    """Words that give a name before a title a left boundary (person_name_left.txt)."""
    return word_list("person_name_left.txt")


def anaphors() -> tuple[str, ...]:
    """Words that refer to the enterprise named last before, in order (person_anaphors.txt)."""
    return word_list("person_anaphors.txt")


def gov_name(doc: Document, place: int) -> str:
    """The people's government of a region, named as the document names the region's bodies
    (某市某区人民政府)."""
    from reformkg.ingest.extract.orgs import display_name

    return display_name(doc, place) + "人民政府"


_QUOTE_SENTENCE_RE = re.compile(r"[，。,；！？]")


def in_quotation(text: str, s: int, e: int) -> bool:
    """s..e lies inside a quoted passage “…” that holds a sentence (a comma or full stop), not
    a quoted name."""
    q = text.rfind("“", max(0, s - 60), s)
    if q < 0 or "”" in text[q:s]:
        return False
    c = text.find("”", e, e + 60)
    if c < 0 or "“" in text[e:c]:
        return False
    return bool(_QUOTE_SENTENCE_RE.search(text[q:c]))


def surname_ok(name: str) -> bool:
    """The name starts with a surname (a compound one such as 欧阳 when three characters or more),
    is a transliterated name in parts (阿依古丽·买买提), or a Tibetan or Mongolian name of four
    characters or more opening with a usual first part (次仁多吉)."""
    if len(name) >= 3 and name[:2] in lx.compound_surnames():
        return True
    if "·" in name and len(name) >= 4:
        return True
    if len(name) >= 4 and name.startswith(minority_name_starts()):
        return True
    return name[0] in lx.surnames()


@lru_cache(maxsize=1)
def after_name_words() -> frozenset[str]:
    """Verbs and prepositions written right after a name (person_after_name_words.txt)."""
    return frozenset(lx.read_lines("person_after_name_words.txt"))


@lru_cache(maxsize=1)
def minority_name_starts() -> tuple[str, ...]:
    """First parts of Tibetan and Mongolian names (person_minority_name_starts.txt)."""
    return tuple(lx.read_lines("person_minority_name_starts.txt"))


def is_title(s: str) -> bool:
    """s (stripped) is a position title of at most 14 CJK characters (党委副书记, 车间主任)."""
    s = s.strip()
    if not s or len(s) > 14:
        return False
    return any(s.endswith(t) for t in lx.titles()) and all(is_cjk(ch) for ch in s)


@lru_cache(maxsize=1)
def title_regex() -> re.Pattern:
    """The position titles as one regex, longest first."""
    return re.compile("(?:" + "|".join(re.escape(t) for t in sorted(position_titles(), key=len, reverse=True)) + ")")
