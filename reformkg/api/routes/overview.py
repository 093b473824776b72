"""The overview page's data: a measure by region (provinces, or one province's cities), the
actors of a region, documents and programmes by year, the most connected actors by type."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request

from reformkg.api.deps import OntologyDep, SettingsDep, StoreDep
from reformkg.api.routes.common import reader, run_heavy
from reformkg.api.schemas import OntologyEnums
from reformkg.graph import overview

Measure = Enum("Measure", {m: m for m in overview.MEASURES}, type=str)  # type: ignore[misc]
Adcode = Annotated[str, Path(pattern=r"^\d{6}$", description="a region's 6-digit adcode")]


def build(enums: OntologyEnums) -> APIRouter:
    router = APIRouter(prefix="/api/overview", tags=["overview"])

    @router.get("/regions", summary="A measure by province, or by the cities of one province")
    async def regions(request: Request, store: StoreDep, settings: SettingsDep, onto: OntologyDep,
                      measure: Measure = Measure.pilots,  # type: ignore[valid-type, attr-defined]
                      province: Annotated[str | None, Query(pattern=r"^\d{2}0000$")] = None) -> dict[str, Any]:
        r = reader(store, onto, settings)
        return await run_heavy(request, lambda: overview.region_values(r, measure.value, province))

    @router.get("/regions/{adcode}/actors", summary="The actors placed in a region, by the measure")
    async def actors(request: Request, adcode: Adcode, store: StoreDep, settings: SettingsDep, onto: OntologyDep,
                     measure: Measure = Measure.pilots,  # type: ignore[valid-type, attr-defined]
                     limit: Annotated[int, Query(ge=1, le=500)] = 100) -> dict[str, Any]:
        r = reader(store, onto, settings)
        return await run_heavy(request, lambda: overview.region_actors(r, adcode, measure.value, limit))

    @router.get("/timeline", summary="Documents and programmes by year")
    async def timeline(request: Request, store: StoreDep, settings: SettingsDep, onto: OntologyDep) -> dict[str, Any]:
        r = reader(store, onto, settings)
        return await run_heavy(request, lambda: overview.timeline(r))

    @router.get("/top", summary="The most connected actors of each type")
    async def top(request: Request, store: StoreDep, settings: SettingsDep, onto: OntologyDep,
                  per_type: Annotated[int, Query(ge=1, le=50)] = 5) -> dict[str, Any]:
        r = reader(store, onto, settings)
        return await run_heavy(request, lambda: overview.top_actors(r, per_type))

    return router
