"""Trigger tables: per relation type, the words that signal it (ingest/data/triggers/<TYPE>.tsv)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ahocorasick


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    word: str
    role: str  # "" when the type has no role


@dataclass(frozen=True, slots=True)
class TriggerHit:
    start: int
    end: int
    trigger: Trigger


@lru_cache(maxsize=None)
def _read(rtype: str) -> tuple[Trigger, ...]:
    path = resources.files("reformkg.ingest") / "data" / "triggers" / f"{rtype}.tsv"
    if not path.is_file():
        return ()
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].rstrip()
        if not line:
            continue
        word, _, role = line.partition("\t")
        out.append(Trigger(rtype, word.strip(), "" if role.strip() in ("", "-") else role.strip()))
    return tuple(out)


class TriggerIndex:
    """All trigger words of the given types in one Aho-Corasick automaton."""

    def __init__(self, types: tuple[str, ...]):
        self.by_type = {t: _read(t) for t in types}
        self.automaton = ahocorasick.Automaton()
        words: dict[str, list[Trigger]] = {}
        for trig in (tr for lst in self.by_type.values() for tr in lst):
            words.setdefault(trig.word, []).append(trig)
        for w, trigs in words.items():
            self.automaton.add_word(w, (len(w), tuple(trigs)))
        if words:
            self.automaton.make_automaton()
        self.empty = not words

    def find(self, text: str) -> list[TriggerHit]:
        """Every trigger occurrence in `text` (offsets into `text`)."""
        if self.empty:
            return []
        hits = []
        for end, (n, trigs) in self.automaton.iter(text):
            for trig in trigs:
                hits.append(TriggerHit(end - n + 1, end + 1, trig))
        return hits


@lru_cache(maxsize=None)  # one per distinct tuple of types (a handful in the code)
def trigger_index(types: tuple[str, ...]) -> TriggerIndex:
    return TriggerIndex(types)


@lru_cache(maxsize=None)
def trigger_words(rtype: str) -> tuple[str, ...]:
    """The trigger words of one type, longest first (for a regex alternation)."""
    return tuple(sorted({t.word for t in _read(rtype)}, key=lambda w: (-len(w), w)))


def alternation(rtype: str) -> str:
    """A regex alternation of the type's trigger words."""
    import re

    return "|".join(re.escape(w) for w in trigger_words(rtype))
