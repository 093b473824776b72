"""The working state of one `orgs` candidate while the mention rules (orgs/mention.py) decide on
it, and what a rule can answer: nothing (go on), REJECT, a narrower Cand to try instead, or the
finished Mention.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Union

from reformkg.ingest.document import Document, Mention
from reformkg.ingest.extract.orgs.grammar import Cand


class Reject:
    """A rule's answer: the candidate is not a mention."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "REJECT"


REJECT = Reject()

# None: go on with the next rule; REJECT: no mention; Cand: decide on this narrower span instead;
# Mention: the finished mention
Outcome = Union[Mention, Cand, Reject, None]


@dataclass
class MentionState:
    """One candidate under decision: its (possibly narrowed) span and surface, then the label,
    the normalised name, the place and the attrs the rules fill in."""

    doc: Document
    text: str
    c: Cand
    pending: list[Mention]
    surface: str = ""
    label: str | None = None
    normalised: str = ""
    place: int = -1
    attrs: dict = field(default_factory=dict)

    def narrow(self, c: Cand) -> None:
        """Continue with the span of c (surface follows)."""
        self.c = c
        self.surface = self.text[c.start:c.end]


Rule = Callable[[MentionState], Outcome]
