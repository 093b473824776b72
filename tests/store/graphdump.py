"""Test helpers for comparing stores: a whole-graph dump in engine-neutral form, row
normalisation for query results, and the CLI's ingest loop (Pipeline → build_batch →
write_document) for a list of files.

The dump compares *whole* property maps of every node and relationship (no property list is
spelled here), so it keeps meaning when the writer's layout changes.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from reformkg.graph.records import GraphEdge, GraphNode, GraphPath, WriteSummary
from reformkg.graph.store import GraphStore

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus"
DEV_DOCS = SHARED / "dev" / "docs"


def norm(value: Any) -> Any:
    """A hashable, engine-neutral form of a query value (floats that are whole numbers compare
    equal to ints; lists keep their order; maps become sorted tuples)."""
    if isinstance(value, GraphNode):
        return ("node", value.id, tuple(sorted(value.labels)), norm(value.props))
    if isinstance(value, GraphEdge):
        return ("edge", value.id, value.type, value.src, value.tgt, norm(value.props))
    if isinstance(value, GraphPath):
        return ("path", tuple(norm(n) for n in value.nodes), tuple(norm(e) for e in value.edges))
    if isinstance(value, dict):
        return tuple(sorted((str(k), norm(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(norm(v) for v in value)
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    return value


def _unordered_lists(v: Any) -> Any:
    """Every list as a multiset: `collect()` has no defined order in Cypher, and the engines
    aggregate in different orders (paths keep theirs)."""
    if isinstance(v, tuple) and v and v[0] == "path":
        return v
    if isinstance(v, tuple):
        return tuple(sorted((_unordered_lists(x) for x in v), key=repr))
    return v


def comparable_rows(store: GraphStore, cypher: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The rows of an analyst query, normalised for comparing two engines."""
    return [tuple(_unordered_lists(norm(c)) for c in r) for r in store.read_only_user_query(cypher, params).rows]


def is_ordered(cypher: str) -> bool:
    """Whether the query (comments aside) sorts its result."""
    body = "\n".join(line for line in cypher.splitlines() if not line.strip().startswith("//"))
    return bool(re.search(r"\border\s+by\b", body, re.I))


def dump(store: GraphStore) -> tuple[dict[str, Any], dict[Any, Any]]:
    """(nodes, relationships): node id → (labels, props); relationship key → (type, src, tgt,
    props), keyed by its stable id (or by type and ends where it has none)."""
    nodes: dict[str, Any] = {}
    for (node,) in store.read("MATCH (n) RETURN n").rows:
        assert node.id not in nodes, f"two nodes with id {node.id}"
        nodes[node.id] = (tuple(sorted(node.labels)), norm(node.props))
    rels: dict[Any, Any] = {}
    for src, tgt, edge in store.read("MATCH (a)-[r]->(b) RETURN a.id, b.id, r").rows:
        key = edge.id if edge.id is not None else (edge.type, src, tgt)
        assert key not in rels, f"two relationships keyed {key}"
        rels[key] = (edge.type, src, tgt, norm(edge.props))
    return nodes, rels


def diff(a: dict[Any, Any], b: dict[Any, Any], limit: int = 5) -> str:
    """A short description of how two dump halves differ (for assertion messages)."""
    only_a = sorted(set(a) - set(b), key=str)[:limit]
    only_b = sorted(set(b) - set(a), key=str)[:limit]
    changed = [k for k in sorted(set(a) & set(b), key=str) if a[k] != b[k]][:limit]
    lines = [f"only in first: {only_a}", f"only in second: {only_b}"]
    lines += [f"{k}: {a[k]!r} != {b[k]!r}" for k in changed]
    return "\n".join(lines)


def ingest_files(store: GraphStore, files: list[Path]) -> list[WriteSummary]:
    """What `reformkg ingest` does per file, in process (curation decisions applied)."""
    from reformkg.graph.curation import Curation
    from reformkg.graph.writer import build_batch
    from reformkg.ingest.pipeline import Pipeline

    pipe = Pipeline(ontology=store.ontology, identity=store, curation=Curation.load(store, store.ontology) or None)
    return [store.write_document(build_batch(pipe.run_file(p), store.ontology)) for p in files]


def seed_files() -> list[Path]:
    """The seed corpus and the development set (../shared), as `reformkg ingest` lists them."""
    from reformkg.ingest.loaders import iter_paths

    return iter_paths([p for p in (CORPUS, DEV_DOCS) if p.is_dir()])
