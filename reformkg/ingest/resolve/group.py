"""The Group: the mentions of one entity in a document, with its candidate names, surfaces
(aliases), properties and the names as written."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reformkg.graph.vocab import Label
from reformkg.ingest.document import Mention

ORG_LABELS = (Label.UNION, Label.AGENCY, Label.ENTERPRISE, Label.INSTITUTION)


@dataclass
class Group:
    """The mentions of one entity and what they say about it."""

    label: str
    key: str
    mentions: list[Mention] = field(default_factory=list)
    names: list[str] = field(default_factory=list)     # candidate canonical names
    surfaces: list[str] = field(default_factory=list)
    props: dict[str, Any] = field(default_factory=dict)
    implicit: bool = False
    written: list[str] = field(default_factory=list)   # names as written (before expanding 人社局 …)
