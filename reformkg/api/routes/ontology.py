"""GET /api/ontology: the ontology as JSON (labels, relationship types, rules, styles)."""


from typing import Any

from fastapi import APIRouter

from reformkg.api.deps import OntologyDep
from reformkg.api.schemas import OntologyEnums


def build(enums: OntologyEnums) -> APIRouter:
    router = APIRouter(prefix="/api", tags=["ontology"])

    @router.get("/ontology", response_model=dict[str, Any])
    def ontology(onto: OntologyDep) -> dict[str, Any]:
        return onto.to_json()

    return router
