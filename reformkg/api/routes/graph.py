"""Paths: how two actors are connected (shortest undirected paths, evidence on each hop)."""


from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from reformkg.api.deps import OntologyDep, SettingsDep, StoreDep
from reformkg.api.errors import NotFound
from reformkg.api.routes.common import reader, run_heavy
from reformkg.api.schemas import MAX_PATHS, ErrorBody, OntologyEnums, PathResult


def build(enums: OntologyEnums) -> APIRouter:
    RelType = enums.RelType
    router = APIRouter(prefix="/api", tags=["graph"])

    @router.get("/paths", response_model=PathResult, responses={404: {"model": ErrorBody}},
                summary="Shortest paths between two nodes")
    async def paths(
        request: Request, store: StoreDep, settings: SettingsDep, onto: OntologyDep,
        source: Annotated[str, Query(min_length=1, max_length=200)],
        target: Annotated[str, Query(min_length=1, max_length=200)],
        max_hops: Annotated[int, Query(ge=1, le=8)] = 6,
        limit: Annotated[int, Query(ge=1, le=MAX_PATHS)] = 10,
        rel_types: Annotated[list[RelType] | None, Query(description="default: all but MENTIONED_IN")] = None,  # type: ignore[valid-type]
        min_confidence: Annotated[float, Query(ge=0.0, le=1.0, description="only relationships at least this confident")] = 0.0,
    ) -> dict[str, Any]:
        out = await run_heavy(request, lambda: reader(store, onto, settings).paths(
            source, target, max_hops, limit, [t.value for t in rel_types] if rel_types else None,
            min_confidence=min_confidence))
        if out is None:
            raise NotFound(f"unknown source or target id ({source!r}, {target!r})")
        return out

    return router
