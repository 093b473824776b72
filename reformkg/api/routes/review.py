"""Fact review: confirm, reject or correct a fact or an outcome (API key), the decision on a
relationship (for the evidence panel's badge), the review queue (lowest confidence first), the
decisions, and the gold records they make (../shared/eval/FORMAT.md)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from reformkg.api.deps import OntologyDep, StoreDep, require_api_key
from reformkg.api.errors import ApiError
from reformkg.api.routes.common import IdPath
from reformkg.api.schemas import ErrorBody, OntologyEnums
from reformkg.graph import review

WRITE = {401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 404: {"model": ErrorBody}, 422: {"model": ErrorBody}}
Decision = Literal["confirm", "reject", "correct"]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FactReviewRequest(_Body):
    decision: Decision
    type: str | None = Field(default=None, description="correct: the right relationship type")
    source_id: str | None = Field(default=None, description="correct: the right source entity id")
    target_id: str | None = Field(default=None, description="correct: the right target entity id")
    props: dict[str, Any] | None = Field(default=None, description="correct: title, role, year, level, programme")
    note: str = Field(default="", max_length=2000)


class OutcomeReviewRequest(_Body):
    decision: Decision
    value: float | None = Field(default=None, description="correct: the value in base units")
    unit: str | None = Field(default=None, max_length=40)
    actor_id: str | None = Field(default=None, description="correct: the entity credited")
    note: str = Field(default="", max_length=2000)


class ReviewOut(_Body):
    id: str
    kind: str
    target: str
    decision: str
    original: dict[str, Any]
    corrected: dict[str, Any]
    new_id: str | None = None
    docs: list[str]
    note: str = ""
    created: str = ""


class ReviewState(_Body):
    review: ReviewOut | None = None


class QueueItem(_Body):
    id: str
    type: str
    source: str
    source_name: str | None = None
    target: str
    target_name: str | None = None
    confidence: float
    producer: str | None = None
    evidence_count: int
    sentence: str | None = None


class Queue(_Body):
    items: list[QueueItem]
    total: int
    limit: int
    offset: int


def _fail(exc: review.ReviewError) -> ApiError:
    return ApiError(str(exc), status=exc.status)


def build(enums: OntologyEnums) -> APIRouter:
    router = APIRouter(prefix="/api/review", tags=["review"])

    @router.post("/facts/{id}", response_model=ReviewOut, responses=WRITE, dependencies=[Depends(require_api_key)],
                 summary="Confirm, reject or correct a fact (stored; survives re-ingest)")
    def review_fact(id: IdPath, body: FactReviewRequest, store: StoreDep, onto: OntologyDep) -> dict[str, Any]:
        correction = body.model_dump(include={"type", "source_id", "target_id", "props"}, exclude_none=True)
        try:
            return review.record_fact(store, onto, id, body.decision, correction, body.note).public()
        except review.ReviewError as exc:
            raise _fail(exc) from exc

    @router.post("/outcomes/{id}", response_model=ReviewOut, responses=WRITE,
                 dependencies=[Depends(require_api_key)],
                 summary="Confirm, reject or correct an outcome: value, unit, credited actor (stored)")
    def review_outcome(id: IdPath, body: OutcomeReviewRequest, store: StoreDep, onto: OntologyDep) -> dict[str, Any]:
        try:
            return review.record_outcome(store, onto, id, body.decision, body.value, body.unit, body.actor_id,
                                         body.note).public()
        except review.ReviewError as exc:
            raise _fail(exc) from exc

    @router.get("/facts/{id}", response_model=ReviewState, summary="The decision on a relationship, if any")
    def fact_state(id: IdPath, store: StoreDep, onto: OntologyDep) -> dict[str, Any]:
        r = review.Reviews.load(store, onto).for_edge(id)
        return {"review": r.public() if r else None}

    @router.get("/outcomes/{id}", response_model=ReviewState, summary="The decision on an outcome, if any")
    def outcome_state(id: IdPath, store: StoreDep, onto: OntologyDep) -> dict[str, Any]:
        r = review.Reviews.load(store, onto).outcomes.get(id)
        return {"review": r.public() if r else None}

    @router.get("/queue", response_model=Queue, summary="Facts to review, lowest confidence first")
    def review_queue(store: StoreDep, onto: OntologyDep, limit: Annotated[int, Query(ge=1, le=500)] = 20,
                     offset: Annotated[int, Query(ge=0, le=100_000)] = 0) -> dict[str, Any]:
        return review.queue(store, onto, limit, offset)

    @router.get("/decisions", response_model=list[ReviewOut], summary="Every review decision, oldest first")
    def decisions(store: StoreDep, onto: OntologyDep) -> list[dict[str, Any]]:
        return [r.public() for r in review.Reviews.load(store, onto).items]

    @router.get("/gold", summary="Confirmed and corrected facts as extraction records (eval FORMAT.md)")
    def gold(store: StoreDep, onto: OntologyDep) -> list[dict[str, Any]]:
        return review.gold_records(store, onto)

    return router
