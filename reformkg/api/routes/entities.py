"""Entities: search, card, neighbourhood, collaborators, and curation (merge, split-alias)."""


from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from starlette.concurrency import run_in_threadpool

from reformkg.api.deps import OntologyDep, SettingsDep, StoreDep, read_context, require_api_key
from reformkg.api.errors import ApiError, NotFound, Unprocessable
from reformkg.api.fast_json import json_response
from reformkg.api.routes.common import IdPath, cached, reader, run_heavy
from reformkg.api.schemas import (
    IsoDate,
    MAX_PAGE, MAX_SUBGRAPH_EDGES, CollaboratorList, CurationResult, EntityCard, EntitySummary, ErrorBody,
    MergeRequest, OntologyEnums, Page, SplitAliasRequest, Subgraph,
)
from reformkg.graph import analytics, curation
from reformkg.graph.queries import Reader, node_labels, node_props, primary_labels

NOT_FOUND = {404: {"model": ErrorBody, "description": "unknown id"}}
WRITE = {401: {"model": ErrorBody}, 403: {"model": ErrorBody}, 404: {"model": ErrorBody}, 422: {"model": ErrorBody}}


def build(enums: OntologyEnums) -> APIRouter:
    NodeLabel = enums.NodeLabel
    RelType = enums.RelType
    router = APIRouter(prefix="/api/entities", tags=["entities"])

    @router.get("", response_model=Page[EntitySummary], summary="Search entities by name or alias")
    async def search(
        request: Request,
        q: Annotated[str, Query(max_length=200, description="substring of the name or an alias")] = "",
        type: Annotated[NodeLabel | None, Query(description="only this label")] = None,  # type: ignore[valid-type]
        region: Annotated[str | None, Query(max_length=200, description="region id, name or alias; includes regions below it")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
        offset: Annotated[int, Query(ge=0, le=10_000)] = 0,
    ) -> Any:
        store, settings, onto = read_context(request)
        label = type.value if type is not None else None
        out = await run_heavy(request, cached(store, ("search", q, label, region, limit, offset),
                                              lambda: reader(store, onto, settings).search(q, label, region, limit,
                                                                                           offset)))
        return json_response(out, Page[EntitySummary])

    @router.get("/{id}", response_model=EntityCard, responses=NOT_FOUND, summary="The entity card")
    async def card(request: Request, id: IdPath) -> Any:
        store, settings, onto = read_context(request)
        # one trip to a worker thread: a sync route would take a second one to validate the answer
        out = await run_in_threadpool(cached(store, ("card", id), lambda: reader(store, onto, settings).card(id)))
        if out is None:
            raise NotFound(f"no entity with id {id!r}")
        return json_response(out, EntityCard)

    @router.get("/{id}/neighbors", response_model=Subgraph, responses=NOT_FOUND,
                summary="The neighbourhood of an entity as {nodes, edges}")
    async def neighbors(
        request: Request, id: IdPath,
        depth: Annotated[int, Query(ge=1, le=3)] = 1,
        rel_types: Annotated[list[RelType] | None, Query(description="default: all but MENTIONED_IN")] = None,  # type: ignore[valid-type]
        labels: Annotated[list[NodeLabel] | None, Query(description="only neighbours with one of these labels")] = None,  # type: ignore[valid-type]
        since: Annotated[IsoDate | None, Query(description="only relationships read from documents dated on/after")] = None,
        until: Annotated[IsoDate | None, Query(description="only relationships read from documents dated on/before")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_SUBGRAPH_EDGES)] = 200,
        min_confidence: Annotated[float, Query(ge=0.0, le=1.0, description="only relationships at least this confident")] = 0.0,
    ) -> Any:
        if since and until and since > until:
            raise Unprocessable("since is after until")
        store, settings, onto = read_context(request)
        def read() -> dict | None:
            return reader(store, onto, settings).neighbourhood(
                id, depth, [t.value for t in rel_types] if rel_types else None,
                [lb.value for lb in labels] if labels else None,
                since.isoformat() if since else None, until.isoformat() if until else None, limit, min_confidence)

        read = cached(store, ("neighbors", id, depth, tuple(rel_types or ()), tuple(labels or ()), since, until, limit,
                              min_confidence), read)
        out = await (run_heavy(request, read) if depth > 1 else run_in_threadpool(read))
        if out is None:
            raise NotFound(f"no entity with id {id!r}")
        return json_response(out, Subgraph)

    @router.get("/{id}/collaborators", response_model=CollaboratorList, responses=NOT_FOUND,
                summary="Who works with whom: actors ranked by shared programmes, ties and documents")
    async def collaborators(request: Request, id: IdPath, store: StoreDep, settings: SettingsDep, onto: OntologyDep,
                            limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20) -> dict[str, Any]:
        r = reader(store, onto, settings)
        def read() -> dict[str, Any] | None:
            rows = r.collaborator_rows(id)
            return None if rows is None else analytics.score_collaborators(id, rows, r, limit)

        out = await run_heavy(request, cached(store, ("collaborators", id, limit), read))
        if out is None:
            raise NotFound(f"no entity with id {id!r}")
        return out

    def _summary(r: Reader, eid: str) -> EntitySummary:
        node = r.get_node(eid)
        if node is None:
            raise NotFound(f"no entity with id {eid!r}")
        p = node_props(node)
        return EntitySummary(id=eid, name=p.get("name") or "", labels=primary_labels(node_labels(node), r.ontology),
                             aliases=list(p.get("aliases") or []), region=p.get("region"))

    @router.post("/merge", response_model=CurationResult, responses=WRITE, dependencies=[Depends(require_api_key)],
                 summary="Merge entities into one (stored; survives re-ingest)")
    def merge(body: MergeRequest, store: StoreDep, settings: SettingsDep, onto: OntologyDep) -> CurationResult:
        try:
            decisions, moved = curation.record_merge(store, onto, body.target_id, body.source_ids)
        except curation.CurationError as exc:
            raise ApiError(str(exc), status=exc.status) from exc
        r = reader(store, onto, settings)
        return CurationResult(decision_id=",".join(d.id for d in decisions), kind="merge",
                              entity=_summary(r, body.target_id), moved_edges=moved)

    @router.post("/{id}/split-alias", response_model=CurationResult, responses=WRITE,
                 dependencies=[Depends(require_api_key)], summary="Split an alias off an entity (stored)")
    def split_alias(id: IdPath, body: SplitAliasRequest, store: StoreDep, settings: SettingsDep,
                    onto: OntologyDep) -> CurationResult:
        try:
            d = curation.record_split(store, onto, id, body.alias)
        except curation.CurationError as exc:
            raise ApiError(str(exc), status=exc.status) from exc
        return CurationResult(decision_id=d.id, kind="split", entity=_summary(reader(store, onto, settings), id))

    return router
