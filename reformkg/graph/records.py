"""Store-side records that cross module lines: query results as plain Python (`QueryResult`,
`GraphNode`, `GraphEdge`, `GraphPath`), the `WriteSummary` of a write, and the store errors.

Ids in these records are always the stable `id` property, never an engine id.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class GraphNode:
    id: str | None
    labels: list[str]
    props: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "labels": list(self.labels), "props": dict(self.props)}


@dataclass(slots=True)
class GraphEdge:
    id: str | None
    type: str
    src: str | None
    tgt: str | None
    props: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "src": self.src, "tgt": self.tgt, "props": dict(self.props)}


@dataclass(slots=True)
class GraphPath:
    nodes: list[GraphNode]
    edges: list[GraphEdge]

    def to_dict(self) -> dict[str, Any]:
        return {"nodes": [n.to_dict() for n in self.nodes], "edges": [e.to_dict() for e in self.edges]}


@dataclass(slots=True)
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts keyed by column name."""
        return [dict(zip(self.columns, row)) for row in self.rows]

    def scalar(self, default: Any = None) -> Any:
        return self.rows[0][0] if self.rows and self.rows[0] else default


@dataclass(slots=True)
class WriteSummary:
    """What a write changed (engine counters); `replaced` lists doc_ids of superseded versions."""

    doc_id: str = ""
    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    properties_set: int = 0
    replaced: list[str] = field(default_factory=list)

    def add(self, other: "WriteSummary") -> None:
        self.nodes_created += other.nodes_created
        self.nodes_deleted += other.nodes_deleted
        self.relationships_created += other.relationships_created
        self.relationships_deleted += other.relationships_deleted
        self.properties_set += other.properties_set

    @property
    def nodes_added(self) -> int:
        return self.nodes_created - self.nodes_deleted

    @property
    def relationships_added(self) -> int:
        return self.relationships_created - self.relationships_deleted

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def to_jsonable(value: Any) -> Any:
    """Plain JSON-friendly form of a converted value (nodes/edges/paths become dicts)."""
    if isinstance(value, (GraphNode, GraphEdge, GraphPath)):
        return value.to_dict()
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value


class StoreError(RuntimeError):
    """Base class of store errors (connection problems, unexpected engine errors)."""


class CypherError(StoreError):
    """The engine rejected the Cypher (syntax, semantics, constraint); message is the engine's."""


class ReadOnlyViolation(StoreError):
    """A read-only query tried to write."""


class QueryTimeout(StoreError):
    """The query ran past its timeout."""
