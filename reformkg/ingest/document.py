"""Pipeline records that cross module lines inside ingest: RawDocument, OffsetMap, Document,
Span, Mention, RelationCandidate, OutcomeCandidate.

Spans hold positions into `Document.text` (the normalised text), never copied text; the
`OffsetMap` maps any such span back to `Document.source_text` (the text as stored).
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A file as loaded: `source_text` is the decoded text as stored (what provenance points into)."""

    path: str
    media_type: str
    encoding: str
    source_text: str
    meta: dict[str, Any] = field(default_factory=dict)


class OffsetMap:
    """origin[i] = source offset of normalised character i; origin[len(text)] = len(source)."""

    __slots__ = ("origin",)

    def __init__(self, origin: array | list[int]):
        self.origin = origin if isinstance(origin, array) else array("l", origin)

    @classmethod
    def identity(cls, n: int) -> "OffsetMap":
        return cls(array("l", range(n + 1)))

    def __len__(self) -> int:
        return len(self.origin)

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span of the normalised text to a half-open span of the source text."""
        if start >= end:
            s = self.origin[start]
            return s, s
        return self.origin[start], self.origin[end - 1] + 1


@dataclass(slots=True)
class Span:
    """A labelled character span over Document.text."""

    start: int
    end: int
    label: str
    sentence: int = -1
    component: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Mention:
    """An entity mention: `label` is an ontology label; `normalised` the canonical surface;
    `entity_key` is filled in by the resolver."""

    span: Span
    label: str
    surface: str
    normalised: str
    attrs: dict[str, Any] = field(default_factory=dict)
    entity_key: str | None = None


@dataclass(slots=True)
class RelationCandidate:
    type: str
    head: Mention
    tail: Mention
    trigger: Span | None = None
    props: dict[str, Any] = field(default_factory=dict)
    confidence: float = 1.0  # 0-1: the scorer's probability, or the rule default
    producer: str = "rules"  # the rule function or model that proposed it


@dataclass(slots=True)
class OutcomeCandidate:
    value: float
    unit: str
    qualifier: str
    metric: str
    year: int | None
    span: Span
    actor: Mention | None = None


@dataclass(slots=True)
class Document:
    """A normalised document moving through the extraction components."""

    doc_id: str
    source_key: str
    path: str
    source_text: str
    text: str
    offsets: OffsetMap
    media_type: str = "text/plain"
    title: str = ""
    date: str | None = None
    source: str = ""
    authors: list[str] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    layers: dict[str, list[Span]] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[RelationCandidate] = field(default_factory=list)
    rule_firings: dict[str, int] = field(default_factory=dict)  # producer → facts it proposed (duplicates too)
    rule_parts_fired: set[str] = field(default_factory=set)  # every relation-rule function on a proposing call stack
    outcomes: list[OutcomeCandidate] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)  # loader metadata (RawDocument.meta, e.g. html title)
    # indexes the components derive from a layer (see derived_index), rebuilt when the layer changes
    derived: dict[str, tuple[Any, int, Any]] = field(default_factory=dict, repr=False, compare=False)

    def derived_index(self, name: str, layer: str, build: Any) -> Any:
        """`build(spans)` of layer `layer`, computed once while that layer's list is the same
        object of the same length (the cache holds the list, so its id cannot be reused)."""
        spans = self.layers.get(layer, [])
        hit = self.derived.get(name)
        if hit is not None and hit[0] is spans and hit[1] == len(spans):
            return hit[2]
        value = build(spans)
        self.derived[name] = (spans, len(spans), value)
        return value

    def span_text(self, span: Span | tuple[int, int]) -> str:
        s, e = (span.start, span.end) if isinstance(span, Span) else span
        return self.text[s:e]

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence containing character `pos` (binary search), -1 if none."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            s, e = self.sentences[mid]
            if pos < s:
                hi = mid - 1
            elif pos >= e:
                lo = mid + 1
            else:
                return mid
        return -1

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.offsets.to_source(start, end)
