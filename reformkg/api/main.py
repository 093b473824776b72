"""The FastAPI app factory: `create_app(settings, store)`.

The lifespan opens one GraphStore on `app.state.store` (unless one is given, as tests do),
ensures the schema, and closes it on shutdown. Routers: one per resource (routes/), the
browser UI's router from `reformkg.viz.routes` when that module is present. For uvicorn:
`uvicorn --factory reformkg.api.main:create_app` (settings from REFORMKG_* variables).
"""

from __future__ import annotations

import gc
import logging
import re
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, AsyncIterator

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline
from fastapi.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from reformkg.api import errors
from reformkg.api.deps import is_loopback
from reformkg.api.routes import analytics, cypher, documents, edges, entities, export, graph, health, ontology, staff
from reformkg.api.schemas import ontology_enums
from reformkg.config import Settings, get_settings
from reformkg.graph.ontology import get_ontology

if TYPE_CHECKING:  # pragma: no cover
    from reformkg.graph.store import GraphStore

log = logging.getLogger(__name__)

ROUTERS = (health, ontology, entities, graph, edges, documents, cypher, analytics, export, staff)


class UploadLimit:
    """413 before reading a body whose Content-Length is over the upload limit (uploads only)."""

    def __init__(self, app: ASGIApp, max_bytes: int, slack: int = 64 * 1024) -> None:
        self.app = app
        self.limit = max_bytes  # what the client is told
        self.max_bytes = max_bytes + slack  # multipart framing around the files

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and scope["path"].startswith("/api/documents"):
            for name, value in scope.get("headers", ()):
                if name == b"content-length" and value.isdigit() and int(value) > self.max_bytes:
                    resp = errors.error_response(413, f"upload larger than {self.limit} bytes")
                    await resp(scope, receive, send)
                    return
        await self.app(scope, receive, send)


class AllowHeaders:
    """OPTIONS (other than a CORS preflight) answers 204 with the methods the path really
    supports, and a 405 names all of them in `Allow` (Starlette names only the first route
    that matched the path)."""

    def __init__(self, app: ASGIApp, fastapi_app: FastAPI) -> None:
        self.app = app
        self.fastapi_app = fastapi_app

    def _templates(self) -> list[tuple[int, re.Pattern[str], set[str]]]:
        """(number of path parameters, regex, methods) of every documented path, built once."""
        cached = getattr(self, "_cached", None)
        if cached is None:
            cached = []
            for path, ops in self.fastapi_app.openapi().get("paths", {}).items():
                params = re.findall(r"\{[^}]+\}", path)
                rx = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")
                cached.append((len(params), rx, {m.upper() for m in ops}))
            self._cached = cached
        return cached

    def _allowed(self, scope: Scope) -> list[str]:
        """The methods of the most specific documented path matching the request (a literal
        /api/entities/merge wins over /api/entities/{id}); undocumented paths: the router."""
        from starlette.routing import Match

        path = scope.get("path", "")
        found = sorted((n, methods) for n, rx, methods in self._templates() if rx.match(path))
        methods: set[str] = set()
        if found:
            methods = set(found[0][1])
        else:
            for method in ("GET", "POST", "PUT", "PATCH", "DELETE"):
                probe = {**scope, "method": method}
                if any(route.matches(probe)[0] == Match.FULL for route in self.fastapi_app.router.routes):
                    methods.add(method)
        if methods:
            methods.add("OPTIONS")
        return sorted(methods)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", ()))
        if scope["method"] == "OPTIONS" and b"access-control-request-method" not in headers:
            allowed = self._allowed(scope)
            if allowed:
                from starlette.responses import Response

                await Response(status_code=204, headers={"Allow": ", ".join(allowed)})(scope, receive, send)
                return

        async def send_with_allow(message: dict) -> None:
            if message["type"] == "http.response.start" and message["status"] == 405:
                allowed = self._allowed(scope)
                if allowed:
                    message["headers"] = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"allow"]
                    message["headers"].append((b"allow", ", ".join(allowed).encode()))
            await send(message)

        await self.app(scope, receive, send_with_allow)


COMMON_ERRORS = {
    400: "the graph engine refused the request (its message)",
    408: "the graph engine timed out",
    503: "the graph store is unavailable or busy",
}


def common_errors() -> dict[int | str, dict]:
    """The store's errors, documented on every /api route (they all read the store)."""
    from reformkg.api.schemas import ErrorBody

    return {code: {"model": ErrorBody, "description": text} for code, text in COMMON_ERRORS.items()}


def tune_gc(threshold: int) -> None:
    """A served API process: freeze what startup allocated (modules, routes, models: never
    garbage) out of the cyclic collector's scans, and collect the youngest generation every
    `threshold` container allocations instead of every 700. One read builds thousands of short-
    lived lists and dicts (engine replies, rows, response dicts); with Python's defaults the
    collector ran dozens of times per request and took about a third of the API's CPU
    (bench/api_load.py mix, measured in-process: 1.9 -> 1.25 ms per request). Cycles are still
    collected, only less often. 0: leave the collector alone."""
    if threshold <= 0:
        return
    gc.collect()
    gc.freeze()
    _gen0, gen1, gen2 = gc.get_threshold()
    gc.set_threshold(threshold, gen1, gen2)


def create_app(settings: Settings | None = None, store: "GraphStore | None" = None) -> FastAPI:
    settings = settings or get_settings()
    onto = get_ontology()
    enums = ontology_enums(onto)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        owned = None
        if app.state.store is None:
            from reformkg.graph.store import open_store

            owned = open_store(settings)
            owned.ensure_schema(onto)
            app.state.store = owned
            tune_gc(settings.gc_threshold)
        try:
            yield
        finally:
            runner = getattr(app.state, "extraction", None)
            if runner is not None:  # the upload extraction process
                runner.close()
            if owned is not None:
                owned.close()
                app.state.store = None

    app = FastAPIOffline(  # /docs and /redoc served from the package, no CDN
        title="reformkg",
        version="0.1.0",
        description="Knowledge graph of China's industrial-workforce reform (产改): search, entity cards, "
                    "subgraphs, paths, collaborators, evidence, read-only Cypher.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.ontology = onto
    app.state.store = store
    app.state.analytics_cache = analytics.TTLCache()
    errors.install(app)
    if settings.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=list(settings.cors_origins), allow_credentials=False,
                           allow_methods=["GET", "POST", "DELETE", "OPTIONS"],
                           allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(UploadLimit, max_bytes=settings.max_upload_bytes)
    app.add_middleware(AllowHeaders, fastapi_app=app)
    for module in ROUTERS:
        app.include_router(module.build(enums), responses=None if module is health else common_errors())
    _include_viz(app)
    if not is_loopback(settings.published_host or settings.host):
        log.warning("API bound beyond loopback (%s): /api/cypher requires the API key%s",
                    settings.published_host or settings.host,
                    "" if settings.api_key else " and none is configured, so it is off")
    return app


def _include_viz(app: FastAPI) -> None:
    """The browser UI's router, when the viz package is importable (the API works without it)."""
    try:
        from reformkg.viz.routes import router as viz_router
    except ImportError as exc:
        log.info("browser UI not available: %s", exc)
        return
    app.include_router(viz_router)
