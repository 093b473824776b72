"""The candidate span of the `orgs` grammar (`Cand`): where a body's name starts and ends, the
rule that found it, and the region or contextual prefix (省/市/县…) it was read with.
"""

from __future__ import annotations


class Cand:
    __slots__ = ("start", "end", "kind", "place", "prefix_char", "committee")

    def __init__(self, start: int, end: int, kind: str, place: int = -1, prefix_char: str = "",
                 committee: bool = False):
        self.start, self.end, self.kind, self.place = start, end, kind, place
        self.prefix_char = prefix_char
        self.committee = committee
