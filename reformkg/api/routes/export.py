"""GET /api/export: a filtered subgraph as GraphML, GEXF or node-link JSON."""


from enum import Enum
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from reformkg.api.deps import OntologyDep, SettingsDep, StoreDep
from reformkg.api.errors import NotFound, Unprocessable
from reformkg.api.routes.common import reader
from reformkg.api.schemas import IsoDate, ErrorBody, OntologyEnums
from reformkg.graph import export as exporter

MAX_EXPORT_EDGES = 100_000


class ExportFormat(str, Enum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"


def build(enums: OntologyEnums) -> APIRouter:
    NodeLabel = enums.NodeLabel
    RelType = enums.RelType
    router = APIRouter(prefix="/api", tags=["export"])

    @router.get("/export", response_class=Response, responses={
        200: {"content": {m: {} for m in exporter.FORMATS.values()}, "description": "the subgraph file"},
        404: {"model": ErrorBody}})
    def export(
        store: StoreDep, settings: SettingsDep, onto: OntologyDep,
        format: ExportFormat = ExportFormat.graphml,
        rel_types: Annotated[list[RelType] | None, Query(description="default: all but MENTIONED_IN")] = None,  # type: ignore[valid-type]
        labels: Annotated[list[NodeLabel] | None, Query(description="both ends must carry one of these labels")] = None,  # type: ignore[valid-type]
        center: Annotated[str | None, Query(max_length=200, description="only the neighbourhood of this node")] = None,
        depth: Annotated[int, Query(ge=1, le=3)] = 2,
        since: Annotated[IsoDate | None, Query(description="with center: relationships read from documents dated on/after")] = None,
        until: Annotated[IsoDate | None, Query(description="with center: relationships read from documents dated on/before")] = None,
        limit: Annotated[int, Query(ge=1, le=MAX_EXPORT_EDGES)] = 10_000,
    ) -> Response:
        r = reader(store, onto, settings)
        types = [t.value for t in rel_types] if rel_types else None
        labs = [lb.value for lb in labels] if labels else None
        if (since or until) and not center:
            raise Unprocessable("since/until filter a neighbourhood: give center as well")
        if center:
            sub = r.neighbourhood(center, depth, types, labs, since.isoformat() if since else None,
                                  until.isoformat() if until else None, limit=limit)
            if sub is None:
                raise NotFound(f"no entity with id {center!r}")
        else:
            sub = r.subgraph_for_export(types, labs, limit)
        body = exporter.export_bytes(sub, format.value)
        headers = {"Content-Disposition": f'attachment; filename="reformkg.{format.value}"',
                   "X-Truncated": "true" if sub.get("truncated") else "false"}
        return Response(content=body, media_type=exporter.FORMATS[format.value], headers=headers)

    return router
