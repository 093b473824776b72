"""Read-only Cypher for analysts (POST /api/cypher) and the saved-query catalogue
(GET /api/queries, POST /api/queries/{name}). Read-only is enforced by the engine; the
server applies its timeout and row cap, and says when the cap cut the result."""


import logging
from typing import Any

from typing import Callable

import anyio
from fastapi import APIRouter, Request

from reformkg.api.deps import CypherAccess, SettingsDep, StoreDep
from reformkg.api.errors import ApiError, BadRequest, NotFound
from reformkg.api.routes.common import json_safe
from reformkg.api.schemas import (
    CypherRequest, CypherResponse, ErrorBody, OntologyEnums, SavedQueryInfo, SavedQueryRun,
)
from reformkg.graph.query_guard import check_query
from reformkg.graph.records import StoreError

log = logging.getLogger(__name__)

ERRORS = {400: {"model": ErrorBody, "description": "bad Cypher (the engine's message), or beyond the limits "
                                                    "(length, nesting, range size, parameter depth)"},
          401: {"model": ErrorBody, "description": "server bound beyond loopback: the API key is required"},
          403: {"model": ErrorBody, "description": "the query would write, or a wrong API key"},
          408: {"model": ErrorBody, "description": "server-side timeout"},
          429: {"model": ErrorBody, "description": "too many anonymous Cypher requests (Retry-After)"},
          503: {"model": ErrorBody, "description": "the graph engine is busy or unreachable"}}
CYPHER_WAIT_S = 5.0  # how long a request waits for its turn before 503


def _catalogue() -> dict[str, Any]:
    try:
        from reformkg.cypher import load_catalogue
    except ImportError:
        return {}
    return load_catalogue()


def run_read_only(store: Any, settings: Any, query: str, parameters: dict[str, Any], row_cap: int | None) -> CypherResponse:
    cap = min(row_cap or settings.row_cap, settings.row_cap)
    try:
        res = store.read_only_user_query(query, parameters, timeout_ms=settings.query_timeout_ms, row_cap=cap)
    except StoreError:
        raise
    except (TypeError, ValueError, OverflowError) as exc:  # parameters the driver cannot send (2**63 …)
        raise BadRequest(f"bad query parameters: {exc}") from exc
    return CypherResponse(columns=list(res.columns), rows=[json_safe(list(r)) for r in res.rows],
                          row_cap=cap, truncated=bool(res.truncated))


def _info(q: Any) -> SavedQueryInfo:
    params = getattr(q, "parameters", None)
    if isinstance(params, dict):  # Parameter records (name, type, required, default, description, example)
        params = {k: (p.model_dump() if hasattr(p, "model_dump") else p) for k, p in params.items()}
    return SavedQueryInfo(name=q.name, question=q.question, parameters=json_safe(params),
                          example=json_safe(getattr(q, "example", None)), cypher=q.cypher)


def build(enums: OntologyEnums) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["cypher"])

    # the bearer token is optional on loopback (rate-limited without it): say so in OpenAPI
    @router.post("/cypher", response_model=CypherResponse, responses=ERRORS, summary="Run read-only Cypher",
                 dependencies=[CypherAccess], openapi_extra={"security": [{}, {"HTTPBearer": []}]})
    async def cypher(request: Request, body: CypherRequest, store: StoreDep, settings: SettingsDep) -> CypherResponse:
        guard = getattr(store, "guard", None)
        if guard is not None:  # refused at once, without waiting for a turn
            check_query(body.query, body.parameters, guard)
        return await run_user_query(request, lambda: run_read_only(store, settings, body.query, body.parameters,
                                                                   body.row_cap))

    @router.get("/queries", response_model=list[SavedQueryInfo], summary="The saved analyst queries")
    def queries() -> list[SavedQueryInfo]:
        return [_info(q) for _, q in sorted(_catalogue().items())]

    @router.post("/queries/{name}", response_model=CypherResponse, responses={**ERRORS, 404: {"model": ErrorBody}},
                 summary="Run a saved query (read-only) with parameters")
    async def run_saved(request: Request, name: str, body: SavedQueryRun, store: StoreDep,
                        settings: SettingsDep) -> CypherResponse:
        q = _catalogue().get(name)
        if q is None:
            raise NotFound(f"no saved query {name!r}")
        try:  # declared types, defaults for the optional ones, 400 for unknown or missing ones
            params = q.bind(body.parameters) if hasattr(q, "bind") else body.parameters
        except ValueError as exc:
            raise BadRequest(str(exc)) from exc
        return await run_user_query(request, lambda: run_read_only(store, settings, q.cypher, params, body.row_cap))

    return router


async def run_user_query(request: Request, fn: Callable[[], CypherResponse]) -> CypherResponse:
    """User Cypher runs one at a time per API worker, on a thread of its own, so that a slow
    query never holds the engine threads or the thread pool that cards and /health need;
    a request that waits longer than CYPHER_WAIT_S for its turn gets 503."""
    limiter = getattr(request.app.state, "cypher_limiter", None)
    if limiter is None:
        limiter = request.app.state.cypher_limiter = anyio.CapacityLimiter(1)
    with anyio.move_on_after(CYPHER_WAIT_S) as scope:
        await limiter.acquire()
    if scope.cancelled_caught:
        raise ApiError("the analyst Cypher queue is full; retry in a few seconds", status=503,
                       headers={"Retry-After": str(int(CYPHER_WAIT_S))})
    try:
        return await anyio.to_thread.run_sync(fn)
    finally:
        limiter.release()
