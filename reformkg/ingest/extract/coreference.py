"""Coreference component: third-person pronouns and anaphoric noun phrases that refer to a
person (她/他, 该同志, 这位老师傅/工匠/劳模 …) become Person mentions of the person they refer to.

For each such reference a Mention is added at the reference's span with label "Person",
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

from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.persons import finalise_indices

# 这位/该位/那位 + a noun for a person (optionally 老/女/年轻 before it)
_PERSON_NOUNS = ("老师傅", "师傅", "大工匠", "工匠", "劳模", "劳动模范", "老劳模", "技师", "技术能手", "女工", "女职工",
                 "职工", "工人", "员工", "匠人", "同志", "老党员", "党员", "书记", "主席", "负责人", "老人", "小伙",
                 "小伙子", "姑娘", "大姐", "大哥", "焊工", "电工", "钳工", "车工", "工程师", "专家", "带头人", "能手",
                 "班长", "组长", "厂长", "老师", "教师", "师父", "青年", "状元", "标兵", "先锋", "女将", "巾帼")
_NP_RE = re.compile(r"该同志|(?:这位|该位|那位)(?:年轻的?|年轻|老|女|90后|80后|00后)?(?:"
                    + "|".join(sorted((re.escape(n) for n in _PERSON_NOUNS), key=len, reverse=True)) + ")")
_PRONOUN_RE = re.compile(r"[他她]")
# characters that make 他/她 part of another word
_NOT_BEFORE = frozenset("其利吉无排自")
_NOT_AFTER = frozenset("们俩人山乡处国日者用律物方杀年途")
_PROFILE_RE = re.compile(r"[—―－─\-]{1,2}\s*记")
_QUOTE_OPEN, _QUOTE_CLOSE = "“「『", "”」』"
_PROFILE_WINDOW = 8       # paragraphs within which the profiled person must have been named


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


class Coreference:
    """Pronoun and anaphoric-NP references to persons, as Person mentions."""

    name = "coreference"
    requires: tuple[str, ...] = ("mentions",)
    assigns: tuple[str, ...] = ("mentions", "profile")

    def __call__(self, doc: Document) -> Document:
        text = doc.text
        persons = [m for m in doc.mentions if m.label == "Person" and not m.attrs.get("pronoun")]
        if not persons:
            return doc
        persons.sort(key=lambda m: m.span.start)
        profiled = self._profiled(doc, persons)
        if profiled is not None and profiled[2]:
            # a profile proved by its subtitle (——记…NAME): later components credit the person
            first = next(m for m in persons if m.normalised == profiled[0])
            doc.layers["profile"] = [Span(max(profiled[1], 0), len(text), "PROFILE", -1, self.name,
                                          {"name": profiled[0], "first": first.span.start})]
        refs = self._references(doc)
        if not refs:
            return doc
        p_starts = [m.span.start for m in persons]
        para_starts = [s for s, _ in doc.paragraphs]
        quotes = _quote_spans(text, doc.paragraphs)
        q_starts = [s for s, _ in quotes]
        taken = [(m.span.start, m.span.end) for m in doc.mentions]
        taken.sort()
        t_starts = [s for s, _ in taken]

        new: list[tuple[Mention, Mention]] = []
        resolved: list[tuple[int, str]] = []
        for s, e in refs:
            # inside an existing mention (an organisation's name): not a reference
            k = bisect.bisect_right(t_starts, e - 1) - 1
            clash = False
            while k >= 0 and taken[k][0] >= s - 80:
                if taken[k][1] > s:
                    clash = True
                    break
                k -= 1
            if clash:
                continue
            qi = bisect.bisect_right(q_starts, s) - 1
            if qi >= 0 and quotes[qi][0] < s and e <= quotes[qi][1]:
                continue      # inside quoted speech
            ante = self._antecedent(doc, s, persons, p_starts, para_starts, profiled, resolved)
            if ante is None:
                continue
            sp = Span(s, e, "Person", doc.sentence_of(s), self.name, {})
            new.append((Mention(sp, "Person", text[s:e], ante.normalised, {"pronoun": True}), ante))
            resolved.append((s, ante.normalised))
        if not new:
            return doc
        doc.mentions.extend(m for m, _ in new)
        doc.mentions.sort(key=lambda m: (m.span.start, -m.span.end))
        index = {id(m): i for i, m in enumerate(doc.mentions)}
        for m, ante in new:
            m.attrs["antecedent"] = index[id(ante)]
        finalise_indices(doc)      # inserted mentions shift the person→organisation indices
        return doc

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
        for m in _NP_RE.finditer(text):
            out.append(m.span())
        out.sort()
        return out

    # ---- antecedents -----------------------------------------------------------------------
    @staticmethod
    def _profiled(doc: Document, persons: list[Mention]) -> tuple[str, int, bool] | None:
        """(normalised name, start of the profile, from a subtitle) of the person the document
        profiles: a subtitle ——记…NAME, else one person named far more often than any other."""
        text = doc.text
        head = doc.title or ""
        hm = _PROFILE_RE.search(head)
        if hm:
            after = head[hm.end():]
            for p in persons:
                if p.normalised and p.normalised in after:
                    return p.normalised, 0, True
        for m in _PROFILE_RE.finditer(text):
            ls = text.rfind("\n", 0, m.start()) + 1
            le = text.find("\n", m.end())
            le = len(text) if le < 0 else le
            if le - ls > 60:
                continue      # a subtitle line, not a dash in running text
            in_line = [p for p in persons if m.end() <= p.span.start and p.span.end <= le]
            if in_line:
                return in_line[0].normalised, ls, True
        counts = Counter(p.normalised for p in persons)
        if not counts:
            return None
        ranked = counts.most_common(2)
        top, n = ranked[0]
        second = ranked[1][1] if len(ranked) > 1 else 0
        if n >= 3 and n >= 2 * second + 1:
            return top, 0, False
        return None

    @staticmethod
    def _antecedent(doc: Document, pos: int, persons: list[Mention], p_starts: list[int],
                    para_starts: list[int], profiled: tuple[str, int, bool] | None,
                    resolved: list[tuple[int, str]]) -> Mention | None:
        i = bisect.bisect_right(p_starts, pos) - 1
        while i >= 0 and persons[i].span.end > pos:
            i -= 1
        if i < 0:
            return None
        si = doc.sentence_of(pos)
        ss = doc.sentences[si][0] if si >= 0 else pos
        pi = bisect.bisect_right(para_starts, pos) - 1
        # persons named earlier in the same sentence
        in_sent = []
        for k in range(i, -1, -1):
            if persons[k].span.start < ss:
                break
            in_sent.append(persons[k])
        names = {m.normalised for m in in_sent}
        if len(names) >= 2:
            return None           # two persons named before it: ambiguous
        prof = None
        if profiled is not None and pos >= profiled[1]:
            k = i
            while k >= 0 and persons[k].normalised != profiled[0]:
                k -= 1
            if k >= 0 and pi - (bisect.bisect_right(para_starts, persons[k].span.start) - 1) <= _PROFILE_WINDOW:
                prof = persons[k]
        if names:
            if prof is not None and in_sent[0].normalised != prof.normalised:
                return None       # 在师傅李四的指导下，他…: in a profile, another person named before it
            return in_sent[0]
        last = persons[i]
        if prof is not None:
            if last.normalised == prof.normalised:
                return prof
            # another person named since the profiled one, and no reference to the profiled
            # one after it: the subtitle's person (——记…) still wins, a count alone does not
            since_prof = any(p > last.span.start and n == prof.normalised for p, n in resolved)
            if since_prof or profiled[2]:
                return prof
            return None
        lpi = bisect.bisect_right(para_starts, last.span.start) - 1
        if pi - lpi <= 1:
            return last
        return None


def component() -> Coreference:
    return Coreference()
