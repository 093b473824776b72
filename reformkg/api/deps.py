"""FastAPI dependencies as Annotated aliases: the store, settings and ontology held by the app,
`require_api_key` for write routes (off — 403 — when no key is configured), and
`cypher_access` for /api/cypher: the API key is required when the server is bound beyond
loopback; on loopback anonymous clients are rate-limited per client address."""

from __future__ import annotations

import hmac
import ipaddress
import threading
import time
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


def read_context(request: Request) -> tuple["GraphStore", Settings, Ontology]:
    """(store, settings, ontology) of the app, for the hot read routes: what StoreDep,
    SettingsDep and OntologyDep give, without three dependencies for FastAPI to solve on every
    request (503 as get_store when there is no store)."""
    state = request.app.state
    store = getattr(state, "store", None)
    if store is None:
        raise ApiError("the graph store is not available", status=503)
    return store, state.settings, state.ontology


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


def is_loopback(host: str) -> bool:
    """Is `host` (REFORMKG_HOST) a loopback address? 0.0.0.0, :: and names other than
    localhost are not."""
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _has_valid_key(settings: Settings, credentials: HTTPAuthorizationCredentials | None) -> bool:
    return bool(settings.api_key and credentials is not None and credentials.scheme.lower() == "bearer"
                and hmac.compare_digest(credentials.credentials.encode(), settings.api_key.encode()))


class RateLimiter:
    """A token bucket per client: `per_minute` requests a minute, bursts up to that many."""

    def __init__(self, per_minute: int, max_clients: int = 10_000) -> None:
        self.rate = per_minute / 60.0
        self.burst = float(max(1, per_minute))
        self.max_clients = max_clients
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, client: str) -> float:
        """0 when allowed, else the seconds to wait."""
        now = time.monotonic()
        with self._lock:
            tokens, at = self._buckets.get(client, (self.burst, now))
            tokens = min(self.burst, tokens + (now - at) * self.rate)
            if tokens >= 1:
                if len(self._buckets) >= self.max_clients and client not in self._buckets:
                    self._buckets.clear()  # bounded memory: forget everyone rather than grow
                self._buckets[client] = (tokens - 1, now)
                return 0.0
            self._buckets[client] = (tokens, now)
            return (1 - tokens) / self.rate if self.rate else 60.0


async def cypher_access(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> None:
    """Who may run analyst Cypher: with the API key, anyone; without it, only clients of a
    server bound to loopback, at `cypher_rate_per_minute` requests a minute each."""
    settings: Settings = request.app.state.settings
    if _has_valid_key(settings, credentials):
        return
    exposed = settings.published_host or settings.host
    if not is_loopback(exposed):
        if not settings.api_key:
            raise Forbidden("read-only Cypher is off: the server is bound beyond loopback "
                            f"({exposed}) and no REFORMKG_API_KEY is configured")
        if credentials is None:
            raise ApiError("the server is bound beyond loopback: Cypher needs "
                           "Authorization: Bearer <REFORMKG_API_KEY>", status=401)
        raise Forbidden("invalid API key")
    limiter = getattr(request.app.state, "cypher_rate", None)
    if limiter is None:
        limiter = request.app.state.cypher_rate = RateLimiter(settings.cypher_rate_per_minute)
    wait = limiter.take(request.client.host if request.client else "?")
    if wait:
        raise ApiError(f"too many Cypher requests: at most {settings.cypher_rate_per_minute} a minute "
                       "without an API key; retry later", status=429,
                       headers={"Retry-After": str(max(1, int(wait + 0.999)))})


CypherAccess = Depends(cypher_access)
