"""API request/response models (pydantic) and the ontology-derived enums.

`NodeLabel` and `RelType` are built from the ontology when the app is created
(`ontology_enums`), so OpenAPI lists the valid values and anything else gets 422.
The public models are deliberately separate from the store records (GraphNode/GraphEdge).
"""

from __future__ import annotations

from enum import Enum
from typing import Any, Generic, TypeVar

import datetime as _dt
import re as _re
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from reformkg.graph.ontology import Ontology

T = TypeVar("T")

# Hard limits on every list the API returns (the query parameter may ask for less).
MAX_PAGE = 200
MAX_SUBGRAPH_EDGES = 2000
MAX_PATHS = 50
MAX_EVIDENCE = 200



_ISO_DATE = _re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(v: Any) -> Any:
    """Dates only as YYYY-MM-DD: a number such as 0 is not read as a Unix time (1970-01-01)."""
    if isinstance(v, str) and not _ISO_DATE.fullmatch(v.strip()):
        raise ValueError("expected a date as YYYY-MM-DD")
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        raise ValueError("expected a date as YYYY-MM-DD")
    return v


IsoDate = Annotated[_dt.date, BeforeValidator(_iso_date)]

class OntologyEnums:
    """String enums of the ontology's labels and relationship types, built once per ontology."""

    def __init__(self, ontology: Ontology) -> None:
        labels = list(ontology.label_names) + list(ontology.extra_labels)
        self.NodeLabel = Enum("NodeLabel", {n: n for n in labels}, type=str)  # type: ignore[misc]
        self.RelType = Enum("RelType", {n: n for n in ontology.rel_types}, type=str)  # type: ignore[misc]
        self.ontology = ontology


_ENUM_CACHE: dict[int, OntologyEnums] = {}


def ontology_enums(ontology: Ontology) -> OntologyEnums:
    """Enums for this ontology (cached by identity: FastAPI needs one class per schema name)."""
    key = id(ontology)
    if key not in _ENUM_CACHE:
        _ENUM_CACHE[key] = OntologyEnums(ontology)
    return _ENUM_CACHE[key]


class ApiModel(BaseModel):
    """Base of the API's public models: unknown fields are refused."""

    model_config = ConfigDict(extra="forbid")


class ErrorBody(ApiModel):
    status: int
    message: str
    details: list[Any] | None = None


class Page(ApiModel, Generic[T]):
    items: list[T]
    total: int
    limit: int
    offset: int = 0


class Health(ApiModel):
    status: str
    store: str
    nodes: int | None = None
    relationships: int | None = None
    documents: int | None = None
    message: str | None = None


class EntitySummary(ApiModel):
    id: str
    name: str
    labels: list[str]
    aliases: list[str] = Field(default_factory=list)
    region: str | None = None
    degree: int = 0
    match: str | None = Field(default=None, description="exact | alias | prefix | substring | title (search only)")
    via: str | None = Field(default=None, description="search by a post's title: the post and body it is in")


class RelatedEntity(ApiModel):
    """A neighbour as seen from an entity card, with the relationship that links them."""

    id: str
    name: str
    labels: list[str]
    rel_type: str
    rel_id: str
    direction: str = Field(description="out: this entity → related; in: related → this entity")
    props: dict[str, Any] = Field(default_factory=dict)
    evidence_count: int = 0


class DocumentSummary(ApiModel):
    doc_id: str
    id: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    authors: list[str] = Field(default_factory=list)
    path: str | None = None
    mentions: int | None = Field(default=None, description="mentions of the entity (entity card only)")


class OutcomeItem(ApiModel):
    id: str
    name: str | None = None
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    metric: str | None = None
    year: int | None = None
    evidence_count: int = 0


class EntityCard(ApiModel):
    id: str
    name: str
    labels: list[str]
    aliases: list[str] = Field(default_factory=list)
    properties: dict[str, Any] = Field(default_factory=dict)
    positions: list[RelatedEntity] = Field(default_factory=list, description="HOLDS_POSITION (either end)")
    awards: list[RelatedEntity] = Field(default_factory=list)
    programmes: list[RelatedEntity] = Field(default_factory=list, description="RUNS/PILOTS/SPONSORS/ISSUED")
    related: list[RelatedEntity] = Field(default_factory=list, description="other relationships")
    outcomes: list[OutcomeItem] = Field(default_factory=list)
    documents: list[DocumentSummary] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict, description="relationships per type")
    truncated: bool = False


class SubgraphNode(ApiModel):
    id: str
    name: str | None = None
    labels: list[str]
    aliases: list[str] = Field(default_factory=list, description="other names (evidence highlighting)")
    props: dict[str, Any] = Field(default_factory=dict)
    depth: int | None = None


class SubgraphEdge(ApiModel):
    id: str
    type: str
    source: str
    target: str
    props: dict[str, Any] = Field(default_factory=dict)
    evidence_count: int = 0
    confidence: float | None = Field(None, description="the best confidence of its evidence (none: structural edge)")


class Subgraph(ApiModel):
    nodes: list[SubgraphNode]
    edges: list[SubgraphEdge]
    truncated: bool = False
    total: int = Field(0, description="edges matching before the cap (the hop where the cap was reached is "
                                      "counted up to 1,000 relationships)")


class EvidenceItem(ApiModel):
    """One evidence sentence; `before + match + after == sentence`.

    Offsets into the sentence are given in code points (Python) and in UTF-16 units (JS).
    """

    doc_id: str
    document: DocumentSummary | None = None
    sentence: str
    before: str
    match: str
    after: str
    match_start: int
    match_end: int
    match_start_utf16: int
    match_end_utf16: int
    start: int = Field(description="start offset of the fact in the document's source text")
    end: int
    confidence: float = Field(1.0, description="0-1, from the rule or model that read the fact here")
    producer: str = Field("rules", description="name of that rule or model")


class EdgeEvidence(ApiModel):
    edge: SubgraphEdge
    source: SubgraphNode
    target: SubgraphNode
    items: list[EvidenceItem]
    total: int
    truncated: bool = False


class PathHop(ApiModel):
    edge: SubgraphEdge
    evidence: list[EvidenceItem] = Field(default_factory=list)


class PathItem(ApiModel):
    nodes: list[SubgraphNode]
    hops: list[PathHop]
    length: int


class PathResult(ApiModel):
    source: str
    target: str
    max_hops: int
    paths: list[PathItem]
    truncated: bool = False


class CollaboratorReason(ApiModel):
    kind: str = Field(description="tie | shared_programme | shared_group | shared_document")
    rel_type: str | None = None
    via_id: str | None = None
    via_name: str | None = None
    weight: float


class Collaborator(ApiModel):
    id: str
    name: str
    labels: list[str]
    score: float
    reasons: list[CollaboratorReason]


class CollaboratorList(ApiModel):
    id: str
    items: list[Collaborator]
    total: int
    truncated: bool = False


class DocumentFact(ApiModel):
    id: str
    type: str
    source: str
    source_name: str | None = None
    target: str
    target_name: str | None = None


class DocumentDetail(DocumentSummary):
    entities: list[EntitySummary] = Field(default_factory=list)
    facts: list[DocumentFact] = Field(default_factory=list)
    truncated: bool = False


class UploadItem(ApiModel):
    filename: str
    ok: bool
    doc_id: str | None = None
    title: str | None = None
    entities: int = 0
    facts: int = 0
    outcomes: int = 0
    message: str | None = None


class UploadResult(ApiModel):
    items: list[UploadItem]


class DeleteResult(ApiModel):
    doc_id: str
    deleted: bool


class CentralityItem(ApiModel):
    id: str
    name: str | None = None
    labels: list[str]
    score: float


class CentralityResult(ApiModel):
    metric: str
    items: list[CentralityItem]
    nodes: int
    edges: int
    truncated: bool = False


class Community(ApiModel):
    index: int
    size: int
    members: list[CentralityItem]


class CommunityResult(ApiModel):
    communities: list[Community]
    nodes: int
    edges: int
    truncated: bool = False


class CypherRequest(ApiModel):
    query: str = Field(min_length=1, max_length=20_000)
    parameters: dict[str, Any] = Field(default_factory=dict)
    row_cap: int | None = Field(default=None, ge=1, description="at most the server's cap")


class CypherResponse(ApiModel):
    columns: list[str]
    rows: list[list[Any]]
    row_cap: int
    truncated: bool


class SavedQueryInfo(ApiModel):
    name: str
    question: str
    parameters: Any = None
    example: Any = None
    cypher: str


class SavedQueryRun(ApiModel):
    parameters: dict[str, Any] = Field(default_factory=dict)
    row_cap: int | None = Field(default=None, ge=1)


class MergeRequest(ApiModel):
    target_id: str = Field(min_length=1, max_length=200, description="the entity that is kept")
    source_ids: list[str] = Field(min_length=1, max_length=50, description="entities merged into it")


class SplitAliasRequest(ApiModel):
    alias: str = Field(min_length=1, max_length=200)


class CurationResult(ApiModel):
    decision_id: str
    kind: str
    entity: EntitySummary
    moved_edges: int = 0
