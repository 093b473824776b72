"""GET /health: is the store reachable, and how big is the graph.

It answers within HEALTH_BUDGET_S whatever the engine is doing: the probe runs on threads of
its own (not the request thread pool that a burst of slow requests can fill), and when the
engine does not answer in time the status is "degraded" (store "busy") with the last counts
seen, instead of the request hanging. No store at all, or an engine that refuses, is 503."""


import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from reformkg.api.deps import StoreDep
from reformkg.api.schemas import Health, OntologyEnums

log = logging.getLogger(__name__)

HEALTH_BUDGET_S = 0.5  # the whole answer, probe included
COUNTS_MAX_AGE_S = 10.0  # counts are recomputed at most this often
_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="reformkg-health")


def _counts(store: Any) -> dict[str, Any]:
    return store.stats()


def build(enums: OntologyEnums) -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/health", response_model=Health, responses={503: {"model": Health}},
                summary="Store reachable? (degraded when the engine is busy)")
    async def health(request: Request, store: StoreDep) -> Health | JSONResponse:
        loop = asyncio.get_running_loop()
        state = request.app.state
        cached: tuple[float, dict[str, Any]] | None = getattr(state, "health_counts", None)
        deadline = time.monotonic() + HEALTH_BUDGET_S
        pending = getattr(state, "health_pending", None)
        if pending is None or pending.done():
            if cached is None or time.monotonic() - cached[0] > COUNTS_MAX_AGE_S:
                pending = state.health_pending = loop.run_in_executor(_POOL, _counts, store)
            else:
                pending = None
        stats = cached[1] if cached else {}
        if pending is not None:
            try:
                stats = await asyncio.wait_for(asyncio.shield(pending), timeout=max(0.05, deadline - time.monotonic()))
                state.health_counts = (time.monotonic(), stats)
            except asyncio.TimeoutError:
                return Health(status="degraded", store="busy", nodes=stats.get("nodes"),
                              relationships=stats.get("relationships"), documents=stats.get("documents"),
                              message=f"the graph engine did not answer within {HEALTH_BUDGET_S} s")
            except Exception as exc:  # the point of a health check: report, don't raise
                log.warning("health check failed: %s", exc)
                body = Health(status="unavailable", store="unreachable", message=str(exc))
                return JSONResponse(status_code=503, content=body.model_dump())
        return Health(status="ok", store="reachable", nodes=stats.get("nodes"),
                      relationships=stats.get("relationships"), documents=stats.get("documents"))

    return router
