"""GET /health: is the store reachable, and how big is the graph."""


import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from reformkg.api.deps import StoreDep
from reformkg.api.schemas import Health, OntologyEnums

log = logging.getLogger(__name__)


def build(enums: OntologyEnums) -> APIRouter:
    router = APIRouter(tags=["health"])

    @router.get("/health", response_model=Health, responses={503: {"model": Health}})
    def health(store: StoreDep) -> Health | JSONResponse:
        try:
            stats = store.stats()
        except Exception as exc:  # the point of a health check: report, don't raise
            log.warning("health check failed: %s", exc)
            body = Health(status="unavailable", store="unreachable", message=str(exc))
            return JSONResponse(status_code=503, content=body.model_dump())
        return Health(status="ok", store="reachable", nodes=stats.get("nodes"),
                      relationships=stats.get("relationships"), documents=stats.get("documents"))

    return router
