"""The state one call of the `Orgs` component passes between its steps: the document, its word
boundaries and regions, then the candidates, mentions and spans as the steps build them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reformkg.ingest.document import Document, Mention, Span
from reformkg.ingest.extract.common import Words
from reformkg.ingest.extract.orgs.grammar import Cand


@dataclass(slots=True)
class OrgsState:
    """What the steps of one `Orgs` call share (each step reads and extends it in order)."""

    doc: Document
    text: str
    words: Words
    regions: list[Span]                 # the document's non-contextual region spans
    reg_by_end: dict[int, Span]         # a located region or zone by its end (a body's prefix)
    cands: list[Cand] = field(default_factory=list)
    shared: list[Mention] = field(default_factory=list)     # one body per name before a shared head
    mentions: list[Mention] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)         # the "orgs" layer
    parents: list[Mention] = field(default_factory=list)    # parent firms of a body's name

    @classmethod
    def of(cls, doc: Document) -> OrgsState:
        """The initial state for doc: its words and regions, nothing found yet."""
        regions = [sp for sp in doc.layers.get("regions", []) if not sp.attrs.get("contextual")]
        reg_by_end = {}
        for sp in regions:
            if sp.attrs.get("place", -1) >= 0 or sp.attrs.get("zone"):
                reg_by_end[sp.end] = sp
        return cls(doc, doc.text, Words(doc), regions, reg_by_end)
