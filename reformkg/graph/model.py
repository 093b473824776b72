"""Resolved records (Evidence, Entity, Fact, Outcome, DocumentResult) and the store-neutral
writer input (NodeRecord, EdgeRecord, GraphBatch), with the deterministic id functions."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

ID_LEN = 16


def stable_hash(*parts: object) -> str:
    h = hashlib.sha1("\x1f".join("" if p is None else str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:ID_LEN]


def entity_id(label: str, key: str) -> str:
    """Id of an entity node: label prefix + hash of its identity key (adcode, qualified name …)."""
    return f"{label[:3].lower()}_{stable_hash(label, key)}"


def outcome_id(actor_id: str | None, metric: str, value: float, unit: str, year: int | None) -> str:
    return f"out_{stable_hash(actor_id, metric, repr(float(value)), unit, year)}"


def document_node_id(doc_id: str) -> str:
    return f"doc_{doc_id}"


def fact_id(rel_type: str, source_id: str, target_id: str, symmetric: bool = False) -> str:
    if symmetric and target_id < source_id:
        source_id, target_id = target_id, source_id
    return f"rel_{stable_hash(rel_type, source_id, target_id)}"


def canonical_pair(source_id: str, target_id: str) -> tuple[str, str]:
    """Symmetric facts are stored once, smaller id first."""
    return (source_id, target_id) if source_id <= target_id else (target_id, source_id)


@dataclass(frozen=True, slots=True)
class Evidence:
    doc_id: str
    sentence: str
    start: int  # offsets into the source text of the document (as stored)
    end: int
    confidence: float = 1.0  # 0-1, from the rule or model that produced the fact
    producer: str = "rules"  # name of that rule or model, shown with the evidence


@dataclass(slots=True)
class Entity:
    id: str
    label: str
    name: str
    aliases: list[str] = field(default_factory=list)
    extra_labels: list[str] = field(default_factory=list)
    props: dict[str, Any] = field(default_factory=dict)
    mentions: int = 1
    evidence: list[Evidence] = field(default_factory=list)  # first mention(s), for MENTIONED_IN


@dataclass(slots=True)
class Fact:
    id: str
    type: str
    source_id: str
    target_id: str
    props: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Outcome:
    id: str
    value: float
    unit: str
    qualifier: str
    metric: str
    year: int | None
    actor_id: str | None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class DocumentResult:
    """Everything read from one document, resolved and ready to emit (JSONL or graph)."""

    doc_id: str
    source_key: str
    path: str
    title: str
    date: str | None
    source: str
    authors: list[str]
    text_length: int
    entities: list[Entity] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    pruned: dict[str, int] = field(default_factory=dict)


@dataclass(slots=True)
class NodeRecord:
    id: str
    labels: list[str]  # primary label first, then extra labels (PilotUnit, Entity)
    props: dict[str, Any]


@dataclass(slots=True)
class EdgeRecord:
    id: str
    type: str
    src: str
    tgt: str
    props: dict[str, Any]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class GraphBatch:
    """Store-neutral writer input for one document."""

    doc_id: str
    source_key: str
    nodes: list[NodeRecord] = field(default_factory=list)
    edges: list[EdgeRecord] = field(default_factory=list)
