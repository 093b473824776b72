"""Candidate rules of the `persons` component: where a name may be written. Each rule adds
(start, end) → how entries to the shared candidate dict, in order (a later rule sees the
candidates of the earlier ones and never overwrites them):

1. tagger_names: the tagger's PER spans, their ends repaired (a cut three-character name, a
   title character or a verb glued to the name);
2. names_after_titles: a name written right after a position title (…主席某某说);
3. names_before_titles: a name written right before a title the tagger read as ordinary words
   (某某副市长宣读…).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Span
from reformkg.ingest.extract.common import is_cjk
from reformkg.ingest.extract.persons.table_cells import table_names
from reformkg.ingest.extract.persons.lexicon import (ADVERB_TAILS, FUNCTION_CHARS, NAME_BAD_CHARS_RE, NAME_BAD_LAST,
                                                     NAME_BAD_WORD_LABELS, NAME_LEFT_CHARS, NAME_WORD_LABELS,
                                                     TITLE_AFTER_RE, after_name_words, after_title_cues, list_cues, name_left_words,
                                                     position_titles, speech_cues, surname_ok, title_regex, verb_tails)

Cands = dict[tuple[int, int], str]
WordAt = dict[int, Span]
CandidateRule = Callable[[Document, Cands, WordAt], None]

# tagger word labels after a two-character name that may hold the name's third character
_CUT_NEXT_LABELS = ("n", "v", "a", "nz")
# tagger word labels that are no word of their own (punctuation, particles, other)
_NOT_A_WORD_LABELS = ("w", "u", "xc")


# --- 1. the tagger's names ----------------------------------------------------------------


def extend_cut_name(text: str, s: int, e: int, word_at: WordAt) -> int:
    """孙某|芹光荣 → 孙某芹|光荣: the tagger cut a three-character name after two characters; when
    the rest of the next word is a word of its own, its first character belongs to the name. So
    does a lone noun character between the name and the verb or preposition after it (胡某|钱|为)."""
    nxt = word_at.get(e)
    if e - s == 2 and nxt is not None and nxt.end - nxt.start == 1 and nxt.label == "n" and is_cjk(text[e]):
        after = word_at.get(nxt.end)
        if after is not None and text[after.start:after.end] in after_name_words():
            return e + 1
    if e - s != 2 or nxt is None or nxt.end - nxt.start < 3 or nxt.label not in _CUT_NEXT_LABELS \
            or not is_cjk(text[e]):
        return e
    from reformkg.ingest.extract.tagger import lac_words

    rest = lac_words(text[e + 1:nxt.end + 2])
    if rest and rest[0][1] == nxt.end - e - 1 and rest[0][2] not in _NOT_A_WORD_LABELS:
        return e + 1
    return e


_NAME_DOTS = "·•・‧"


def join_dotted_parts(text: str, e: int, word_at: WordAt) -> int:
    """阿依古丽|·|买买提: the parts of a transliterated name joined by a middle dot are one name
    (the dot written as ·); each part is the tagger's next word, whatever its label."""
    while e < len(text) and text[e] in _NAME_DOTS:
        nxt = word_at.get(e + 1)
        if nxt is None or not all(is_cjk(ch) for ch in text[nxt.start:nxt.end]) or nxt.end - nxt.start > 6:
            break
        e = nxt.end
    return e


def join_dotted_start(text: str, s: int, words: list[Span]) -> int:
    """买买提|·|艾力 with only the last part read as a name: the parts before the dot join it
    (each a word of Chinese characters, at most six); `words` are the tagger's words in order."""
    ends = [w.end for w in words]
    while s >= 2 and text[s - 1] in _NAME_DOTS:
        i = bisect.bisect_left(ends, s - 1)
        if i >= len(words) or words[i].end != s - 1:
            break
        w = words[i]
        if not all(is_cjk(ch) for ch in text[w.start:w.end]) or w.end - w.start > 6 or w.end - w.start < 2:
            break
        s = w.start
    return s


def dotted_name_after_title(text: str, s: int) -> int:
    """高级技师买|买提·艾力: a transliterated name the tagger cut after the first one or two of its
    characters starts right after the title written before it."""
    for back in (1, 2):
        p = s - back
        if p > 0 and all(is_cjk(ch) for ch in text[p:s]) and \
                any(text.endswith(t, 0, p) for t in position_titles() if len(t) >= 2):
            return p
    return s


def drop_title_start(text: str, s: int, e: int) -> int:
    """李某副|市长 → 李某|副市长 and 李某常务|副市长 → 李某|常务副市长: the tagger took the first
    characters of the title into the name."""
    if e - s < 3:
        return e
    if text[e - 1] in "副正常" and TITLE_AFTER_RE.match(text, e) is not None:
        return e - 1
    if TITLE_AFTER_RE.match(text, e - 1) is None and text[e - 2:e] == "常务" and TITLE_AFTER_RE.match(text, e) is not None:
        return e - 2
    return e


def drop_glued_verb(text: str, s: int, e: int) -> int:
    """王某主持 → 王某 (the first verb that ends the span and leaves two characters), else
    王某华也 → 王某华 (an adverb after a three-character name without a compound surname)."""
    for v in verb_tails():
        if text[s:e].endswith(v) and e - len(v) - s >= 2:
            return e - len(v)
    if e - s == 4 and text[e - 1] in ADVERB_TAILS and text[s:s + 2] not in lx.compound_surnames():
        return e - 1
    return e


def tagger_names(doc: Document, cands: Cands, word_at: WordAt) -> None:
    """The tagger's PER spans (王某主持 → 王某), their ends repaired (and their starts, for a
    transliterated name whose first parts the tagger left out)."""
    text = doc.text
    words = sorted(word_at.values(), key=lambda w: w.start)
    for sp in doc.layers.get("lac", []):
        if sp.label != "PER":
            continue
        e = extend_cut_name(text, sp.start, sp.end, word_at)
        if e - sp.start > 1 and text[e - 1] in _NAME_DOTS:
            e -= 1            # 买提· : the dot the tagger kept belongs between the parts
        e = join_dotted_parts(text, e, word_at)
        e = drop_title_start(text, sp.start, e)
        e = drop_glued_verb(text, sp.start, e)
        s = sp.start
        if any(ch in _NAME_DOTS for ch in text[s:e]):
            s = dotted_name_after_title(text, s)
        if s and text[s - 1] in _NAME_DOTS:
            s = join_dotted_start(text, s, words)
        cands[(s, e)] = "lac"


# --- 2. names after a title ---------------------------------------------------------------


def cue_after_name(text: str, s: int, e: int, word_at: WordAt) -> bool:
    """What follows a name written after a title makes it one: a speech verb (…主席某某说,
    …主席某某也参加), else a separator or conjunction (…主任某某、…) when the tagger does not
    read the characters as an ordinary word."""
    after = text[e:e + 2]
    if after[:1] in ADVERB_TAILS and text[e + 1:e + 3].startswith(speech_cues()):
        after = text[e + 1:e + 3]
    if after.startswith(speech_cues()):
        return True
    w = word_at.get(s)
    return after.startswith(list_cues()) and not (w is not None and w.label not in NAME_WORD_LABELS and w.end >= e)


def name_after_title(text: str, s: int, e: int, word_at: WordAt) -> bool:
    """text[s:e] is a name written right after a title (书记某某说): CJK characters, no adverb at
    the end of four, a cue after it, a surname, no title or function character at its end."""
    if e > len(text):
        return False
    name = text[s:e]
    if not all(is_cjk(ch) for ch in name):
        return False
    if e - s == 4 and name[-1] in ADVERB_TAILS:
        return False          # 王大某也参加: the adverb is not part of the name
    if not cue_after_name(text, s, e, word_at):
        return False
    if not surname_ok(name) or any(name.endswith(t) for t in lx.titles()):
        return False
    return name[-1] not in NAME_BAD_LAST


def names_after_titles(doc: Document, cands: Cands, word_at: WordAt) -> None:
    """A name of two to four characters written right after a position title (部长某某说,
    党组书记、副主席某某表示): the shortest one that reads as a name."""
    text = doc.text
    for m in title_regex().finditer(text):
        s = m.end()
        for n in (2, 3, 4):
            if name_after_title(text, s, s + n, word_at):
                cands.setdefault((s, s + n), "title")
                break


# --- 3. names before a title --------------------------------------------------------------


def title_after_name_at(text: str, t: int, te: int, taken: list[tuple[int, int]]) -> bool:
    """The title at t..te may follow a name: a cue after it (某局长主持) and no candidate already
    covering or starting at its start."""
    if not text[te:te + 2].startswith(after_title_cues()):
        return False
    return not (any(a < t and t <= b for (a, b) in taken) or any(a == t for (a, b) in taken))


def left_boundary(doc: Document, s: int, ends: set[int]) -> bool:
    """A name starting at s has a clear left boundary: the text start, a non-CJK character, the
    end of a mention, a discourse word (会上, 随后) or a preposition (由, 请)."""
    text = doc.text
    left = text[s - 1:s] if s > 0 else ""
    return left == "" or not is_cjk(left) or s in ends or text[max(0, s - 2):s] in name_left_words() \
        or left in NAME_LEFT_CHARS


def name_before_title(doc: Document, s: int, t: int, ends: set[int], word_at: WordAt) -> bool:
    """text[s:t] is a name written right before a title (由某某局长主持): CJK with a surname, no
    body or function character in it, a clear left boundary, inside no mention and no place,
    body or date word of the tagger."""
    text = doc.text
    name = text[s:t]
    if not all(is_cjk(ch) for ch in name) or not surname_ok(name):
        return False
    if NAME_BAD_CHARS_RE.search(name[1:]):
        return False
    if name[0] in FUNCTION_CHARS:
        return False      # 由王某局长主持 / 向张局长表示: a preposition, not a surname
    if not left_boundary(doc, s, ends):
        return False
    if any(mm.span.start <= s < mm.span.end for mm in doc.mentions):
        return False
    w = word_at.get(s)
    return not (w is not None and w.label in NAME_BAD_WORD_LABELS and w.end > s + 1)


def names_before_titles(doc: Document, cands: Cands, word_at: WordAt) -> None:
    """A name written right before a position title that the tagger read as ordinary words
    (王某副市长宣读…, 由李某局长主持): a surname, two or three characters (three tried first), a
    clear left boundary and a cue after the title."""
    text = doc.text
    ends = {m.span.end for m in doc.mentions}
    taken = [(a, b) for (a, b) in cands]
    for m in TITLE_AFTER_RE.finditer(text):
        t = m.start()
        if not title_after_name_at(text, t, m.end(), taken):
            continue
        for n in (3, 2):
            s = t - n
            if s >= 0 and name_before_title(doc, s, t, ends, word_at):
                cands.setdefault((s, t), "title-after")
                break


# the candidate rules, in the order they run
# --- 4. names in the name column of a table ------------------------------------------------


def table_name_cells(doc: Document, cands: Cands, word_at: WordAt) -> None:
    """The name column of a tab-separated table (see persons.table_cells)."""
    for s, e in table_names(doc):
        cands.setdefault((s, e), "table")


# --- 5. a name found elsewhere, written again as a word of its own -------------------------


def names_found_elsewhere(doc: Document, cands: Cands, word_at: WordAt) -> None:
    """A name the rules above found (王某) written again as a whole word the tagger labelled
    otherwise (王某（某总工会副主席）：… tagged ORG): the same name. Only 2–4 character names, and
    only where the word starts a line or follows a bracket, a colon or sentence punctuation."""
    text = doc.text
    names = {text[s:e] for (s, e) in cands if 2 <= e - s <= 4}
    if not names:
        return
    for w in doc.layers.get("lac_words", []):
        if (w.start, w.end) in cands or text[w.start:w.end] not in names:
            continue
        if w.start == 0 or text[w.start - 1] in _REPEAT_BEFORE:
            cands[(w.start, w.end)] = "repeat"


_REPEAT_BEFORE = "\n（(：:，,。；;！？、“"

CANDIDATE_RULES: tuple[CandidateRule, ...] = (tagger_names, names_after_titles, names_before_titles,
                                              table_name_cells, names_found_elsewhere)


def candidates(doc: Document) -> Cands:
    """All candidate name spans of the document → how they were found (lac, title, title-after)."""
    word_at: WordAt = {w.start: w for w in doc.layers.get("lac_words", [])}
    cands: Cands = {}
    for rule in CANDIDATE_RULES:
        rule(doc, cands, word_at)
    return cands
