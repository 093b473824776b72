"""The browser UI's routes: `GET /` (the page), `GET /ui/{path}` (its static files, vendored
vis-network included), `GET /viz/style.json` (ontology styles) and `GET /viz/entity/{id}?depth=`
(a standalone offline pyvis page). Included by `reformkg.api.main.create_app`.

Everything the page needs is served from here: no CDN, no external font.
"""

from __future__ import annotations

import logging
import mimetypes
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response

from reformkg.graph.ontology import get_ontology
from reformkg.viz import pyvis_view, style

log = logging.getLogger(__name__)

STATIC_DIR = (Path(__file__).parent / "static").resolve()
_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
          ".html": "text/html; charset=utf-8", ".svg": "image/svg+xml", ".json": "application/json",
          ".woff2": "font/woff2", ".woff": "font/woff", ".ttf": "font/ttf", ".otf": "font/otf"}

router = APIRouter(tags=["ui"])


def _ontology(request: Request) -> Any:
    return getattr(request.app.state, "ontology", None) or get_ontology()


@router.get("/", include_in_schema=False)
def index() -> FileResponse:
    return FileResponse(STATIC_DIR / "index.html", media_type=_TYPES[".html"], headers={"Cache-Control": "no-cache"})


@router.get("/favicon.ico", include_in_schema=False)
def favicon() -> FileResponse:
    return FileResponse(STATIC_DIR / "favicon.svg", media_type=_TYPES[".svg"])


@router.get("/ui/{path:path}", include_in_schema=False)
def static_file(path: str) -> Response:
    """A file of the UI (only files under static/, no directory listing, no escaping it)."""
    target = (STATIC_DIR / path).resolve()
    if not target.is_relative_to(STATIC_DIR) or not target.is_file():
        raise HTTPException(status_code=404, detail=f"no such file: {path}")
    media = _TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
    cache = "public, max-age=86400" if "vendor" in target.relative_to(STATIC_DIR).parts else "no-cache"
    return FileResponse(target, media_type=media, headers={"Cache-Control": cache})


@router.get("/viz/style.json", summary="Colours, shapes and legend of every view (from the ontology)")
def style_json(request: Request) -> JSONResponse:
    return JSONResponse(style.style_json(_ontology(request)))


@router.get("/viz/entity/{entity_id}", response_class=HTMLResponse,
            summary="Standalone offline pyvis page of an entity's neighbourhood")
def entity_view(request: Request, entity_id: str,
                depth: int = Query(1, ge=1, le=pyvis_view.MAX_DEPTH),
                limit: int = Query(pyvis_view.DEFAULT_EDGE_CAP, ge=1, le=2000)) -> HTMLResponse:
    store = getattr(request.app.state, "store", None)
    if store is None:
        raise HTTPException(status_code=503, detail="store not open")
    try:
        html = pyvis_view.entity_view_html(store, entity_id, depth=depth, cap=limit, ontology=_ontology(request))
    except KeyError:
        raise HTTPException(status_code=404, detail=f"unknown entity {entity_id}") from None
    return HTMLResponse(html)
