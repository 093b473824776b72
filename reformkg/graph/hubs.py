"""Generic nodes (hubs) and paths that go around them.

A path of five hops through the umbrella programme 产业工人队伍建设改革 or a province is valid
but says nothing; policy staff want the paths that do not lean on such hubs. A node is generic
when it has at least `min_degree` relationships (MENTIONED_IN left out). `SkippingReader` finds
paths as `queries.Reader` does, never stepping onto a generic node (other than the two ends), and
records which generic nodes it stepped around so that the UI can name them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from reformkg.graph.queries import MENTIONED_IN, Reader

DEFAULT_HUB_DEGREE = 30


def generic_nodes(reader: Reader, min_degree: int = DEFAULT_HUB_DEGREE) -> dict[str, dict[str, Any]]:
    """{id: {id, name, degree}} of the entities with at least `min_degree` relationships."""
    min_degree = max(1, int(min_degree))
    types = reader.types_text(t for t in reader.ontology.rel_types if t != MENTIONED_IN)
    rows = reader.store.read(
        f"MATCH (n:{reader.ontology.umbrella_label})-[r:{types}]-() WITH n, count(r) AS d WHERE d >= $min "
        "RETURN n.id, n.name, d ORDER BY d DESC", {"min": min_degree}, timeout_ms=reader.timeout_ms).rows
    return {nid: {"id": nid, "name": name or "", "degree": int(d)} for nid, name, d in rows}


@dataclass(frozen=True)
class SkippingReader(Reader):
    """A Reader whose path search does not step onto the `skip` nodes; `met` collects the
    skipped nodes it came across (ids)."""

    skip: frozenset[str] = frozenset()
    met: set[str] = field(default_factory=set)

    def _expand(self, ids: list[str], types: str, cap: int,
                min_confidence: float = 0.0) -> tuple[list[list[Any]], bool]:
        rows, cut = super()._expand(ids, types, cap, min_confidence)
        kept = []
        for row in rows:
            if row[2] in self.skip:
                self.met.add(row[2])
            else:
                kept.append(row)
        return kept, cut


def paths_around_hubs(reader: Reader, source: str, target: str, max_hops: int, limit: int,
                      rel_types: list[str] | None, min_degree: int = DEFAULT_HUB_DEGREE,
                      hubs: dict[str, dict[str, Any]] | None = None,
                      min_confidence: float = 0.0) -> dict[str, Any] | None:
    """`Reader.paths` avoiding generic nodes; adds `excluded`: the generic nodes met on the way
    (the ones that the paths would otherwise have gone through), best-connected first."""
    hubs = hubs if hubs is not None else generic_nodes(reader, min_degree)
    skip = frozenset(h for h in hubs if h not in (source, target))
    sr = SkippingReader(reader.store, reader.ontology, reader.timeout_ms, skip=skip)
    out = sr.paths(source, target, max_hops, limit, rel_types, min_confidence=min_confidence)
    if out is None:
        return None
    out["excluded"] = sorted((hubs[h] for h in sr.met), key=lambda h: (-h["degree"], h["name"]))
    out["hub_degree"] = min_degree
    return out
