"""Paths: how two actors are connected (shortest undirected paths, evidence on each hop),
optionally around generic nodes (hubs), which are then named."""


from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from reformkg.api.deps import read_context
from reformkg.api.errors import NotFound
from reformkg.api.fast_json import json_response
from reformkg.api.routes.common import cached, reader, run_heavy
from reformkg.api.schemas import MAX_PATHS, ApiModel, ErrorBody, OntologyEnums, PathResult
from reformkg.graph import hubs


class GenericNode(ApiModel):
    id: str
    name: str
    degree: int


class PathAroundHubs(PathResult):
    excluded: list[GenericNode] | None = None
    hub_degree: int | None = None


def build(enums: OntologyEnums) -> APIRouter:
    RelType = enums.RelType
    router = APIRouter(prefix="/api", tags=["graph"])

    @router.get("/paths", response_model=PathAroundHubs, responses={404: {"model": ErrorBody}},
                summary="Shortest paths between two nodes (optionally not through generic nodes)")
    async def paths(
        request: Request,
        source: Annotated[str, Query(min_length=1, max_length=200)],
        target: Annotated[str, Query(min_length=1, max_length=200)],
        max_hops: Annotated[int, Query(ge=1, le=8)] = 6,
        limit: Annotated[int, Query(ge=1, le=MAX_PATHS)] = 10,
        rel_types: Annotated[list[RelType] | None, Query(description="default: all but MENTIONED_IN")] = None,  # type: ignore[valid-type]
        skip_generic: Annotated[bool, Query(description="do not go through generic nodes (hubs); they are "
                                                        "listed in `excluded`")] = False,
        hub_degree: Annotated[int, Query(ge=2, le=100_000, description="a node with at least this many "
                                                                       "relationships is generic")] = hubs.DEFAULT_HUB_DEGREE,
        min_confidence: Annotated[float, Query(ge=0.0, le=1.0, description="only relationships at least this confident")] = 0.0,
    ) -> Any:
        store, settings, onto = read_context(request)
        types = [t.value for t in rel_types] if rel_types else None
        r = reader(store, onto, settings)
        key = ("paths", source, target, max_hops, limit, tuple(types or ()), skip_generic, hub_degree, min_confidence)
        if skip_generic:
            def around() -> dict[str, Any] | None:
                # the generic nodes are one scan of every relationship: read once per graph version
                generic = cached(store, ("generic-nodes", hub_degree), lambda: hubs.generic_nodes(r, hub_degree))()
                return hubs.paths_around_hubs(r, source, target, max_hops, limit, types, hub_degree, hubs=generic,
                                              min_confidence=min_confidence)

            out = await run_heavy(request, cached(store, key, around))
        else:
            out = await run_heavy(request, cached(store, key, lambda: r.paths(source, target, max_hops, limit, types,
                                                                              min_confidence=min_confidence)))
        if out is None:
            raise NotFound(f"unknown source or target id ({source!r}, {target!r})")
        if skip_generic:
            return out
        return json_response({**out, "excluded": None, "hub_degree": None}, PathAroundHubs)

    return router
