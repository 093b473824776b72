"""The routers added for policy staff's views (who works with whom, fact review, overview,
document reader), gathered so that the app registers them with one entry."""

from __future__ import annotations

from fastapi import APIRouter

from reformkg.api.routes import collaboration, overview, reader, review
from reformkg.api.schemas import OntologyEnums

MODULES = (collaboration, review, reader, overview)


def build(enums: OntologyEnums) -> APIRouter:
    router = APIRouter()
    for module in MODULES:
        router.include_router(module.build(enums))
    return router
