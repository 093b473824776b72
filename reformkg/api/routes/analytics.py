"""Analytics with networkx on the (filtered) graph: centrality and communities.

Results are cached per worker for CACHE_TTL_S seconds (a write shows up after that).
"""


import threading
import time
from enum import Enum
from typing import Annotated, Any, Callable

from fastapi import APIRouter, Query

from reformkg.api.deps import OntologyDep, SettingsDep, StoreDep
from reformkg.api.routes.common import reader
from reformkg.api.schemas import MAX_PAGE, CentralityResult, CommunityResult, OntologyEnums
from reformkg.graph import analytics

GRAPH_CAP = 200_000  # relationships loaded into networkx at most (reported as truncated)
CACHE_TTL_S = 120.0  # results are reused this long: betweenness/communities take seconds on large graphs
_cache: dict[tuple, tuple[float, Any]] = {}
_lock = threading.Lock()


def _cached(key: tuple, compute: Callable[[], Any]) -> Any:
    """A small per-process TTL cache (one computation at a time per key is good enough here)."""
    now = time.monotonic()
    with _lock:
        for k in [k for k, (t, _v) in _cache.items() if now - t > CACHE_TTL_S]:
            del _cache[k]
        hit = _cache.get(key)
    if hit is not None:
        return hit[1]
    value = compute()
    with _lock:
        _cache[key] = (time.monotonic(), value)
        while len(_cache) > 32:
            _cache.pop(next(iter(_cache)))
    return value


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
        store: StoreDep, settings: SettingsDep, onto: OntologyDep,
        metric: Metric = Metric.degree,
        label: Annotated[NodeLabel | None, Query(description="rank only nodes with this label")] = None,  # type: ignore[valid-type]
        rel_types: Annotated[list[RelType] | None, Query(description="default: all but MENTIONED_IN")] = None,  # type: ignore[valid-type]
        labels: Annotated[list[NodeLabel] | None, Query(description="graph restricted to these labels")] = None,  # type: ignore[valid-type]
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 20,
    ):
        r = reader(store, onto, settings)
        types = tuple(sorted(t.value for t in rel_types)) if rel_types else None
        labs = tuple(sorted(lb.value for lb in labels)) if labels else None

        def compute() -> tuple[Any, dict[str, float], bool]:
            g, truncated = analytics.build_graph(r, list(types) if types else None, list(labs) if labs else None,
                                                 GRAPH_CAP)
            return g, analytics.centrality(g, metric.value), truncated

        g, scores, truncated = _cached((id(store), settings.graph_name, "centrality", metric.value, types, labs), compute)
        items = analytics.top_nodes(g, scores, r, label.value if label else None, limit)
        return {"metric": metric.value, "items": items, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                "truncated": truncated}

    @router.get("/communities", response_model=CommunityResult)
    def communities(
        store: StoreDep, settings: SettingsDep, onto: OntologyDep,
        rel_types: Annotated[list[RelType] | None, Query()] = None,  # type: ignore[valid-type]
        labels: Annotated[list[NodeLabel] | None, Query()] = None,  # type: ignore[valid-type]
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="communities returned")] = 20,
        members: Annotated[int, Query(ge=1, le=500, description="members listed per community")] = 50,
    ):
        r = reader(store, onto, settings)
        types = tuple(sorted(t.value for t in rel_types)) if rel_types else None
        labs = tuple(sorted(lb.value for lb in labels)) if labels else None

        def compute() -> tuple[Any, list[set[str]], bool]:
            g, truncated = analytics.build_graph(r, list(types) if types else None, list(labs) if labs else None,
                                                 GRAPH_CAP)
            return g, analytics.communities(g), truncated

        g, comms, truncated = _cached((id(store), settings.graph_name, "communities", types, labs), compute)
        degree = dict(g.degree())
        out = []
        for i, c in enumerate(comms[:limit]):
            scores = {n: float(degree[n]) for n in c}
            out.append({"index": i, "size": len(c), "members": analytics.top_nodes(g, scores, r, None, members)})
        return {"communities": out, "nodes": g.number_of_nodes(), "edges": g.number_of_edges(),
                "truncated": truncated or len(comms) > limit}

    return router
