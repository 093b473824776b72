"""Helpers shared by the routers: the Reader for a request, id path parameters, JSON-safe values."""


import math
from typing import Annotated, Any, Callable, TypeVar

import anyio
from fastapi import Path, Request

from reformkg.config import Settings
from reformkg.graph.ontology import Ontology
from reformkg.graph.queries import Reader
from reformkg.graph.records import to_jsonable

IdPath = Annotated[str, Path(min_length=1, max_length=200, description="the node's stable id")]
T = TypeVar("T")

async def run_heavy(request: Request, fn: Callable[[], T]) -> T:
    """Expensive reads (search, depth ≥ 2, paths, collaborators, analytics, export) run at most
    `settings.heavy_concurrency` at a time per worker, on threads of their own: a burst of them
    then queues instead of taking every thread (and the GIL) from cheap interactive reads
    (cards, depth-1 neighbourhoods). Measured with bench/api_load.py (32 clients, 2 workers):
    1 gives more requests/s than 2 or 4 and keeps cards and depth 1 fast, at the same heavy p95."""
    limiter = getattr(request.app.state, "heavy_limiter", None)
    if limiter is None:
        limit = max(1, request.app.state.settings.heavy_concurrency)
        limiter = request.app.state.heavy_limiter = anyio.CapacityLimiter(limit)
    return await anyio.to_thread.run_sync(fn, limiter=limiter)


def cached(store: Any, key: tuple[Any, ...], fn: Callable[[], T]) -> Callable[[], T]:
    """`fn` answered from the store's read cache (results per graph version, see
    graph/read_cache.py) when the store has one; `key` names the route and every parameter."""
    if not hasattr(store, "cached"):
        return fn
    return lambda: store.cached(key, fn)


def reader(store: Any, ontology: Ontology, settings: Settings) -> Reader:
    return Reader(store, ontology, timeout_ms=settings.query_timeout_ms)


def json_safe(value: Any) -> Any:
    """Engine values as JSON: nodes/edges/paths as dicts; NaN/inf as None; bytes as text."""
    value = to_jsonable(value)
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, dict):
        return {k: json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_safe(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)
