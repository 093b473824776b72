"""Who works with whom: partners ranked by typed evidence (the saved query `works_with`), and
the separate, off-by-default list of actors only named on the same pages (co-mention)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict

from reformkg.api.deps import read_context
from reformkg.api.errors import NotFound
from reformkg.api.fast_json import json_response
from reformkg.api.routes.common import IdPath, cached, reader, run_heavy
from reformkg.api.schemas import MAX_PAGE, ErrorBody, OntologyEnums
from reformkg.graph import analytics


class WorkReason(BaseModel):
    model_config = ConfigDict(extra="forbid")
    kind: str  # CO_SPONSORS | PARTNERS_WITH | MEMBER_OF | SAME_BODY | SAME_PROGRAMME | SAME_POSTS | CO_MENTION
    via: str | None = None
    documents: int = 0
    weight: float
    text: str


class WorkPartner(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    name: str
    label: str | None = None
    score: float
    reasons: list[WorkReason]


class WorksWith(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    items: list[WorkPartner]
    co_mentions: list[WorkPartner] | None = None


def build(enums: OntologyEnums) -> APIRouter:
    router = APIRouter(prefix="/api/entities", tags=["entities"])

    @router.get("/{id}/works-with", response_model=WorksWith, responses={404: {"model": ErrorBody}},
                summary="Who works with whom: partners ranked by typed, weighted evidence (saved query works_with)")
    async def works_with(
        request: Request, id: IdPath,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
        co_mention: Annotated[bool, Query(description="also list actors only named on the same pages")] = False,
    ) -> Any:
        store, settings, onto = read_context(request)
        r = reader(store, onto, settings)

        def read() -> dict[str, Any] | None:
            if not r.exists(id):
                return None
            out: dict[str, Any] = {"id": id, "items": analytics.works_with(r, id, limit), "co_mentions": None}
            if co_mention:
                out["co_mentions"] = analytics.co_mentions(r.collaborator_rows(id) or {}, r, limit)
            return out

        out = await run_heavy(request, cached(store, ("works-with", id, limit, co_mention), read))
        if out is None:
            raise NotFound(f"no entity with id {id!r}")
        return json_response(out, WorksWith)

    return router
