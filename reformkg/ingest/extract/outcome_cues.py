"""Cues that a stated number is not a result of the reform, read from the data table
`ingest/data/outcome_not_results.tsv` (class, scope, units, regex): background statistics,
plan content, set-up counts, per-unit quotas, references to a set already counted, the origin of
participants and the structure of an event. `not_a_result` names the first class that matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reformkg.ingest import lexicons as lx

SCOPES = ("before", "after", "clause", "sentence", "upto", "lead")


@dataclass(frozen=True, slots=True)
class Cue:
    """One row of the table: the class it names, where it looks, which units it applies to."""

    cls: str
    scope: str
    units: frozenset[str] | None  # None: any unit
    rx: re.Pattern


@lru_cache(maxsize=1)
def cues() -> tuple[Cue, ...]:
    out = []
    for i, row in enumerate(lx._read_tsv("outcome_not_results.tsv")):
        if len(row) != 4 or row[1] not in SCOPES:
            raise ValueError(f"outcome_not_results.tsv: row {i + 1} must be class, scope ({'/'.join(SCOPES)}), "
                             f"units, regex; got {row!r}")
        units = None if row[2] == "*" else frozenset(row[2].split(","))
        out.append(Cue(row[0], row[1], units, re.compile(row[3])))
    return tuple(out)


def not_a_result(text: str, unit: str, start: int, end: int, clause: tuple[int, int],
                 sentence: tuple[int, int]) -> str | None:
    """The class of the first cue that says the quantity text[start:end] is no result, else None."""
    cs, ce = clause
    ss, se = sentence
    for c in cues():
        if c.units is not None and unit not in c.units:
            continue
        if c.scope == "before":
            hit = c.rx.search(text[cs:start])
        elif c.scope == "after":
            hit = c.rx.search(text[end:ce])
        elif c.scope == "clause":
            hit = c.rx.search(text[cs:ce])
        elif c.scope == "sentence":
            hit = c.rx.search(text[ss:se])
        elif c.scope == "upto":
            hit = c.rx.search(text[ss:start])
        else:
            hit = c.rx.search(text[max(ss, start - 3):start])
        if hit:
            return c.cls
    return None
