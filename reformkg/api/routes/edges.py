"""GET /api/edges/{id}/evidence: the sentences and documents behind a relationship."""


from typing import Annotated, Any

from fastapi import APIRouter, Query

from reformkg.api.deps import OntologyDep, SettingsDep, StoreDep
from reformkg.api.errors import NotFound
from reformkg.api.routes.common import IdPath, reader
from reformkg.api.schemas import MAX_EVIDENCE, EdgeEvidence, ErrorBody, OntologyEnums


def build(enums: OntologyEnums) -> APIRouter:
    router = APIRouter(prefix="/api/edges", tags=["edges"])

    @router.get("/{id}/evidence", response_model=EdgeEvidence, responses={404: {"model": ErrorBody}})
    def evidence(id: IdPath, store: StoreDep, settings: SettingsDep, onto: OntologyDep,
                 limit: Annotated[int, Query(ge=1, le=MAX_EVIDENCE)] = 50,
                 node: Annotated[str | None, Query(max_length=200, description=(
                     "id of either end, if known: the lookup starts there (fast on large graphs)"))] = None) -> dict[str, Any]:
        out = reader(store, onto, settings).evidence(id, limit, node)
        if out is None:
            raise NotFound(f"no relationship with id {id!r}")
        return out

    return router
