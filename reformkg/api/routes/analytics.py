"""Analytics with networkx on the (filtered) graph: centrality and communities.

Results are cached per app (on `app.state`, no module-level state) for CACHE_TTL_S seconds
(a write shows up after that).
"""


import threading
import time
from enum import Enum
from typing import Annotated, Any, Callable

from fastapi import APIRouter, Query, Request

from reformkg.api.deps import OntologyDep, SettingsDep, StoreDep
from reformkg.api.routes.common import reader
from reformkg.api.schemas import MAX_PAGE, CentralityResult, CommunityResult, OntologyEnums
from reformkg.graph import analytics

GRAPH_CAP = 200_000  # relationships loaded into networkx at most (reported as truncated)
CACHE_TTL_S = 120.0  # results are reused this long: betweenness/communities take seconds on large graphs
CACHE_SIZE = 32


class TTLCache:
    """A small TTL cache (one computation at a time per key is good enough here)."""

    def __init__(self, ttl_s: float = CACHE_TTL_S, size: int = CACHE_SIZE) -> None:
        self.ttl_s = ttl_s
        self.size = size
        self._items: dict[tuple, tuple[float, Any]] = {}
        self._lock = threading.Lock()

    def get_or_compute(self, key: tuple, compute: Callable[[], Any]) -> Any:
        now = time.monotonic()
        with self._lock:
            for k in [k for k, (t, _v) in self._items.items() if now - t > self.ttl_s]:
                del self._items[k]
            hit = self._items.get(key)
        if hit is not None:
            return hit[1]
        value = compute()
        with self._lock:
            self._items[key] = (time.monotonic(), value)
            while len(self._items) > self.size:
                self._items.pop(next(iter(self._items)))
        return value


def _cached(request: Request, key: tuple, compute: Callable[[], Any]) -> Any:
    """The app's analytics cache (created with the app by `create_app`)."""
    cache = getattr(request.app.state, "analytics_cache", None)
    if cache is None:
        cache = request.app.state.analytics_cache = TTLCache()
    return cache.get_or_compute(key, compute)


class Metric(str, Enum):
    degree = "degree"
    betweenness = "betweenness"
    pagerank = "pagerank"


def build(enums: OntologyEnums) -> APIRouter:
    NodeLabel = enums.NodeLabel
    RelType = enums.RelType
    router = APIRouter(prefix="/api/analytics", tags=["analytics"])

    @router.get("/centrality", response_model=CentralityResult)
    def centrality(
        request: Request, store: StoreDep, settings: SettingsDep, onto: OntologyDep,
        metric: Metric = Metric.degree,
        label: Annotated[NodeLabel | None, Query(description="rank only nodes with this label")] = None,  # type: ignore[valid-type]
        rel_types: Annotated[list[RelType] | None, Query(description="default: all but MENTIONED_IN")] = None,  # type: ignore[valid-type]
        labels: Annotated[list[NodeLabel] | None, Query(description="graph restricted to these labels")] = None,  # type: ignore[valid-type]
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
    ) -> dict[str, Any]:
        r = reader(store, onto, settings)
        types = tuple(sorted(t.value for t in rel_types)) if rel_types else None
        labs = tuple(sorted(lb.value for lb in labels)) if labels else None

        def compute() -> tuple[Any, dict[str, float], bool]:
            g, truncated = analytics.build_graph(r, list(types) if types else None, list(labs) if labs else None,
                                                 GRAPH_CAP)
            return g, analytics.centrality(g, metric.value), truncated

        g, scores, truncated = _cached(request, (settings.graph_name, "centrality", metric.value, types, labs), compute)
        items = analytics.top_nodes(g, scores, r, label.value if label else None, limit)
        return {"metric": metric.value, "items": items, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                "truncated": truncated}

    @router.get("/communities", response_model=CommunityResult)
    def communities(
        request: Request, store: StoreDep, settings: SettingsDep, onto: OntologyDep,
        rel_types: Annotated[list[RelType] | None, Query()] = None,  # type: ignore[valid-type]
        labels: Annotated[list[NodeLabel] | None, Query()] = None,  # type: ignore[valid-type]
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="communities returned")] = 20,
        members: Annotated[int, Query(ge=1, le=500, description="members listed per community")] = 50,
    ) -> dict[str, Any]:
        r = reader(store, onto, settings)
        types = tuple(sorted(t.value for t in rel_types)) if rel_types else None
        labs = tuple(sorted(lb.value for lb in labels)) if labels else None

        def compute() -> tuple[Any, list[set[str]], bool]:
            g, truncated = analytics.build_graph(r, list(types) if types else None, list(labs) if labs else None,
                                                 GRAPH_CAP)
            return g, analytics.communities(g), truncated

        g, comms, truncated = _cached(request, (settings.graph_name, "communities", types, labs), compute)
        degree = dict(g.degree())
        out = []
        for i, c in enumerate(comms[:limit]):
            scores = {n: float(degree[n]) for n in c}
            out.append({"index": i, "size": len(c), "members": analytics.top_nodes(g, scores, r, None, members)})
        return {"communities": out, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                "truncated": truncated or len(comms) > limit}

    return router
