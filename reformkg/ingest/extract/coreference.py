"""Coreference component: third-person pronouns and anaphoric noun phrases that refer to a
person (她/他, 该同志, 这位老师傅/工匠/劳模 …) become Person mentions of the person they refer to.

For each such reference a Mention is added at the reference's span with label Label.PERSON,
`normalised` = the antecedent's normalised name, `attrs["pronoun"] = True` and
`attrs["antecedent"]` = index of the antecedent mention in doc.mentions (nothing else is
copied: no titles, no positions). The resolver maps it to the antecedent's entity without
making the pronoun an alias.

The antecedent is chosen conservatively:
- a pronoun inside quoted speech (“…”) is skipped;
- two or more different persons named before it in its sentence: skipped (never resolved
  across a different person);
- in a profile (a subtitle "——记…NAME", or one person named far more often than any other,
  and that person named in the last few paragraphs): the profiled person; skipped when the
  sentence names another person before the pronoun, and, for a profile read off the counts
  only, when another person was named after the profiled one (and not referred to since);
- otherwise the one person named before it in its sentence, else the most recent person named
  in the same or the previous paragraph.
Not pronouns of a person: 他们/她们/其他/他人/他山/他乡/吉他/利他 …
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from reformkg.graph.vocab import Label
from reformkg.ingest import lexicons as lx
from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.persons import finalise_indices

# 这位/该位/那位 + a noun for a person (optionally 老/女/年轻 before it): nouns in data
_NP_MODIFIERS = r"(?:年轻的?|年轻|老|女|90后|80后|00后)?"
_PRONOUN_RE = re.compile(r"[他她]")
# characters that make 他/她 part of another word
_NOT_BEFORE = frozenset("其利吉无排自")
_NOT_AFTER = frozenset("们俩人山乡处国日者用律物方杀年途")
_PROFILE_RE = re.compile(r"[—―－─\-]{1,2}\s*记")
_QUOTE_OPEN, _QUOTE_CLOSE = "“「『", "”」』"
_PROFILE_WINDOW = 8       # paragraphs within which the profiled person must have been named
_CLASH_WINDOW = 80        # how far back a mention covering a reference may start
_PROFILE_LAYER = "PROFILE"
Profiled = tuple[str, int, bool]     # (normalised name, start of the profile, from a subtitle)


@lru_cache(maxsize=1)
def _np_re() -> re.Pattern[str]:
    """该同志, or 这位/该位/那位 (+ 年轻/老/女 …) + a noun for a person (这位老师傅)."""
    nouns = lx.read_lines("coref_person_nouns.txt")
    return re.compile(r"该同志|(?:这位|该位|那位)" + _NP_MODIFIERS + "(?:"
                      + "|".join(sorted((re.escape(n) for n in nouns), key=len, reverse=True)) + ")")


def _title_profile(doc: Document, persons: list[Mention]) -> Profiled | None:
    """A title with a subtitle (某某之路——记某厂高级技师某某): the person named after 记."""
    head = doc.title or ""
    hm = _PROFILE_RE.search(head)
    if hm:
        after = head[hm.end():]
        for p in persons:
            if p.normalised and p.normalised in after:
                return p.normalised, 0, True
    return None


def _subtitle_profile(doc: Document, persons: list[Mention]) -> Profiled | None:
    """A short subtitle line in the text (——记某厂高级技师某某): the first person named in it;
    the profile starts at the line."""
    text = doc.text
    for m in _PROFILE_RE.finditer(text):
        ls = text.rfind("\n", 0, m.start()) + 1
        le = text.find("\n", m.end())
        le = len(text) if le < 0 else le
        if le - ls > 60:
            continue      # a subtitle line, not a dash in running text
        in_line = [p for p in persons if m.end() <= p.span.start and p.span.end <= le]
        if in_line:
            return in_line[0].normalised, ls, True
    return None


def _count_profile(persons: list[Mention]) -> Profiled | None:
    """One person named at least 3 times and more than twice as often as any other."""
    counts = Counter(p.normalised for p in persons)
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if n >= 3 and n >= 2 * second + 1:
        return top, 0, False
    return None


def _quote_spans(text: str, paragraphs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(start, end) of quoted passages “…”; a quote may run over broken lines but not past its
    paragraph (an unclosed one ends there)."""
    out: list[tuple[int, int]] = []
    for ps, pe in paragraphs or [(0, len(text))]:
        i = ps
        while i < pe:
            ch = text[i]
            if ch not in _QUOTE_OPEN:
                i += 1
                continue
            close = _QUOTE_CLOSE[_QUOTE_OPEN.index(ch)]
            j = i + 1
            while j < pe and text[j] != close and text[j] not in _QUOTE_OPEN:
                j += 1
            if j < pe and text[j] in _QUOTE_OPEN:
                i = j            # a new opening quote before any close: the first was stray
                continue
            out.append((i, min(j + 1, pe)))
            i = j + 1
    return out


@dataclass
class Scope:
    """What resolving one document's references looks at: its persons (by start), paragraph
    starts, profiled person, quoted passages, the spans of its mentions, and the references
    resolved so far (position, antecedent's name)."""

    persons: list[Mention]
    p_starts: list[int]
    para_starts: list[int]
    profiled: Profiled | None
    quotes: list[tuple[int, int]]
    q_starts: list[int]
    taken: list[tuple[int, int]]
    t_starts: list[int]
    resolved: list[tuple[int, str]] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Document, persons: list[Mention], profiled: Profiled | None) -> Scope:
        quotes = _quote_spans(doc.text, doc.paragraphs)
        taken = sorted((m.span.start, m.span.end) for m in doc.mentions)
        return cls(persons, [m.span.start for m in persons], [s for s, _ in doc.paragraphs], profiled,
                   quotes, [s for s, _ in quotes], taken, [s for s, _ in taken])

    def paragraph(self, pos: int) -> int:
        """Index of the paragraph of pos (-1 before the first)."""
        return bisect.bisect_right(self.para_starts, pos) - 1


def _inside_mention(scope: Scope, s: int, e: int) -> bool:
    """某某他山公司: the reference lies inside an existing mention (an organisation's name)."""
    taken = scope.taken
    k = bisect.bisect_right(scope.t_starts, e - 1) - 1
    while k >= 0 and taken[k][0] >= s - _CLASH_WINDOW:
        if taken[k][1] > s:
            return True
        k -= 1
    return False


def _in_quote(scope: Scope, s: int, e: int) -> bool:
    """“他比我强。”: the reference lies inside quoted speech."""
    qi = bisect.bisect_right(scope.q_starts, s) - 1
    return qi >= 0 and scope.quotes[qi][0] < s and e <= scope.quotes[qi][1]


def _last_before(scope: Scope, pos: int) -> int:
    """Index of the last person mention ending at or before pos (-1 when none)."""
    persons = scope.persons
    i = bisect.bisect_right(scope.p_starts, pos) - 1
    while i >= 0 and persons[i].span.end > pos:
        i -= 1
    return i


def _in_sentence(doc: Document, scope: Scope, i: int, pos: int) -> list[Mention]:
    """The persons named before pos in its sentence, nearest first (persons[i] is the last)."""
    si = doc.sentence_of(pos)
    ss = doc.sentences[si][0] if si >= 0 else pos
    out = []
    for k in range(i, -1, -1):
        if scope.persons[k].span.start < ss:
            break
        out.append(scope.persons[k])
    return out


def _profiled_mention(scope: Scope, i: int, pos: int, pi: int) -> Mention | None:
    """The last mention of the profiled person before pos, when pos is in the profile and that
    mention is within _PROFILE_WINDOW paragraphs."""
    profiled = scope.profiled
    if profiled is None or pos < profiled[1]:
        return None
    k = i
    while k >= 0 and scope.persons[k].normalised != profiled[0]:
        k -= 1
    if k >= 0 and pi - scope.paragraph(scope.persons[k].span.start) <= _PROFILE_WINDOW:
        return scope.persons[k]
    return None


def _in_profile(scope: Scope, last: Mention, prof: Mention) -> Mention | None:
    """No person named before it in its sentence, in a profile: the profiled person, when named
    last; else (another person named since) when the profiled one was referred to after that
    person, or the profile is a subtitle's (——记…): a count alone does not win."""
    if last.normalised == prof.normalised:
        return prof
    since_prof = any(p > last.span.start and n == prof.normalised for p, n in scope.resolved)
    if since_prof or scope.profiled[2]:
        return prof
    return None


def _antecedent(doc: Document, scope: Scope, pos: int) -> Mention | None:
    """The person a reference at pos refers to (None: unresolved); see the module docstring."""
    i = _last_before(scope, pos)
    if i < 0:
        return None
    pi = scope.paragraph(pos)
    in_sent = _in_sentence(doc, scope, i, pos)
    names = {m.normalised for m in in_sent}
    if len(names) >= 2:
        return None           # two persons named before it: ambiguous
    prof = _profiled_mention(scope, i, pos, pi)
    if names:
        if prof is not None and in_sent[0].normalised != prof.normalised:
            return None       # 在师傅李四的指导下，他…: in a profile, another person named before it
        return in_sent[0]
    last = scope.persons[i]
    if prof is not None:
        return _in_profile(scope, last, prof)
    if pi - scope.paragraph(last.span.start) <= 1:
        return last           # the most recent person, in the same or the previous paragraph
    return None


def _resolve(doc: Document, refs: list[tuple[int, int]], scope: Scope) -> list[tuple[Mention, Mention]]:
    """(pronoun mention, antecedent) for each reference that is no part of a mention, not in
    quoted speech and resolved; each resolution is seen by the later ones."""
    new: list[tuple[Mention, Mention]] = []
    for s, e in refs:
        if _inside_mention(scope, s, e) or _in_quote(scope, s, e):
            continue
        ante = _antecedent(doc, scope, s)
        if ante is None:
            continue
        sp = Span(s, e, Label.PERSON, doc.sentence_of(s), Coreference.name, {})
        new.append((Mention(sp, Label.PERSON, doc.text[s:e], ante.normalised, {"pronoun": True}), ante))
        scope.resolved.append((s, ante.normalised))
    return new


def _insert(doc: Document, new: list[tuple[Mention, Mention]]) -> None:
    """Add the pronoun mentions in order and point each at its antecedent's index."""
    doc.mentions.extend(m for m, _ in new)
    doc.mentions.sort(key=lambda m: (m.span.start, -m.span.end))
    index = {id(m): i for i, m in enumerate(doc.mentions)}
    for m, ante in new:
        m.attrs["antecedent"] = index[id(ante)]
    finalise_indices(doc)      # inserted mentions shift the person→organisation indices


class Coreference:
    """Pronoun and anaphoric-NP references to persons, as Person mentions."""

    name = "coreference"
    requires: tuple[str, ...] = ("mentions",)
    assigns: tuple[str, ...] = ("mentions", "profile")

    def __call__(self, doc: Document) -> Document:
        persons = [m for m in doc.mentions if m.label == Label.PERSON and not m.attrs.get("pronoun")]
        if not persons:
            return doc
        persons.sort(key=lambda m: m.span.start)
        profiled = self._profiled(doc, persons)
        self._publish_profile(doc, persons, profiled)
        refs = self._references(doc)
        if not refs:
            return doc
        new = _resolve(doc, refs, Scope.of(doc, persons, profiled))
        if new:
            _insert(doc, new)
        return doc

    def _publish_profile(self, doc: Document, persons: list[Mention], profiled: Profiled | None) -> None:
        """A profile proved by its subtitle (——记…NAME): the profile layer, so that later
        components credit the person."""
        if profiled is None or not profiled[2]:
            return
        first = next(m for m in persons if m.normalised == profiled[0])
        doc.layers["profile"] = [Span(max(profiled[1], 0), len(doc.text), _PROFILE_LAYER, -1, self.name,
                                      {"name": profiled[0], "first": first.span.start})]

    # ---- references ------------------------------------------------------------------------
    @staticmethod
    def _references(doc: Document) -> list[tuple[int, int]]:
        text = doc.text
        out: list[tuple[int, int]] = []
        for m in _PRONOUN_RE.finditer(text):
            s = m.start()
            if s > 0 and text[s - 1] in _NOT_BEFORE:
                continue
            if text[s + 1:s + 2] in _NOT_AFTER and text[s + 1:s + 2]:
                continue
            out.append((s, s + 1))
        for m in _np_re().finditer(text):
            out.append(m.span())
        out.sort()
        return out

    # ---- the profiled person -------------------------------------------------------------
    @staticmethod
    def _profiled(doc: Document, persons: list[Mention]) -> Profiled | None:
        """(normalised name, start of the profile, from a subtitle) of the person the document
        profiles: a subtitle ——记…NAME, else one person named far more often than any other."""
        return _title_profile(doc, persons) or _subtitle_profile(doc, persons) or _count_profile(persons)


def component() -> Coreference:
    return Coreference()
