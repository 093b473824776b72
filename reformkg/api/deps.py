"""FastAPI dependencies as Annotated aliases: the store, settings and ontology held by the app,
and `require_api_key` for write routes (off — 403 — when no key is configured)."""

from __future__ import annotations

import hmac
from typing import TYPE_CHECKING, Annotated, Any

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from reformkg.api.errors import ApiError, Forbidden
from reformkg.config import Settings
from reformkg.graph.ontology import Ontology

if TYPE_CHECKING:  # pragma: no cover
    from reformkg.graph.store import GraphStore


async def get_store(request: Request) -> "GraphStore":
    store = getattr(request.app.state, "store", None)
    if store is None:
        raise ApiError("the graph store is not available", status=503)
    return store


async def get_settings(request: Request) -> Settings:
    return request.app.state.settings


async def get_ontology(request: Request) -> Ontology:
    return request.app.state.ontology


StoreDep = Annotated[Any, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
OntologyDep = Annotated[Ontology, Depends(get_ontology)]

_bearer = HTTPBearer(auto_error=False, description="REFORMKG_API_KEY; write endpoints are off without one")


async def require_api_key(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Write routes: `Authorization: Bearer <REFORMKG_API_KEY>`; 403 if no key is configured."""
    settings: Settings = request.app.state.settings
    if not settings.api_key:
        raise Forbidden("write endpoints are off: no REFORMKG_API_KEY is configured on the server")
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise ApiError("missing bearer token (Authorization: Bearer <REFORMKG_API_KEY>)", status=401)
    if not hmac.compare_digest(credentials.credentials.encode(), settings.api_key.encode()):
        raise Forbidden("invalid API key")


ApiKeyDep = Depends(require_api_key)
