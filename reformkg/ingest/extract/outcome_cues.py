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

SCOPES = ("before", "after", "clause", "sentence", "upto", "lead")  # the keys of _WINDOWS


@dataclass(frozen=True, slots=True)
class Cue:
    """One row of the table: the class it names, where it looks, which units it applies to."""

    cls: str
    scope: str
    units: frozenset[str] | None  # None: any unit
    rx: re.Pattern


TABLE = "outcome_not_results.tsv"


def _rows(name: str) -> list[list[str]]:
    """The tab-separated rows of a data table in ingest/data (blank lines and # comments skipped)."""
    lines = (ln.strip() for ln in (lx.DATA_DIR / name).read_text(encoding="utf-8").splitlines())
    return [ln.split("\t") for ln in lines if ln and not ln.startswith("#")]


@lru_cache(maxsize=1)
def cues() -> tuple[Cue, ...]:
    out = []
    for i, row in enumerate(_rows(TABLE)):
        if len(row) != 4 or row[1] not in SCOPES:
            raise ValueError(f"outcome_not_results.tsv: row {i + 1} must be class, scope ({'/'.join(SCOPES)}), "
                             f"units, regex; got {row!r}")
        units = None if row[2] == "*" else frozenset(row[2].split(","))
        out.append(Cue(row[0], row[1], units, re.compile(row[3])))
    return tuple(out)


# the stretch of text each scope searches: (start, end, clause start, clause end, sentence
# start, sentence end) of the quantity -> (from, to)
_WINDOWS = {
    "before": lambda s, e, cs, ce, ss, se: (cs, s),
    "after": lambda s, e, cs, ce, ss, se: (e, ce),
    "clause": lambda s, e, cs, ce, ss, se: (cs, ce),
    "sentence": lambda s, e, cs, ce, ss, se: (ss, se),
    "upto": lambda s, e, cs, ce, ss, se: (ss, s),
    "lead": lambda s, e, cs, ce, ss, se: (max(ss, s - 3), s),
}


def not_a_result(text: str, unit: str, start: int, end: int, clause: tuple[int, int],
                 sentence: tuple[int, int]) -> str | None:
    """The class of the first cue that says the quantity text[start:end] is no result, else None."""
    cs, ce = clause
    ss, se = sentence
    for c in cues():
        if c.units is not None and unit not in c.units:
            continue
        lo, hi = _WINDOWS[c.scope](start, end, cs, ce, ss, se)
        if c.rx.search(text[lo:hi]):
            return c.cls
    return None
