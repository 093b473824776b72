"""GraphStore: the single store implementation the rest of reformkg talks to, and `open_store`.

All Cypher here (and in writer.py) is written once for both engines; the engine-specific
parts live in dialects.py. `open_store(settings)` picks the engine from `settings.store_uri`:
empty → the embedded FalkorDB of `settings.data_dir` (started or reused, see embedded.py);
`bolt://` / `neo4j://` (and the `+s`/`+ssc` variants) → Neo4j; `falkordb://host:port` or
`redis://host:port` → an external FalkorDB server.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from typing import Any, Callable
from urllib.parse import urlparse

from ..config import Settings
from . import schema as _schema
from .dialects import Dialect, FalkorDialect, Neo4jDialect
from .model import GraphBatch
from .ontology import Ontology, get_ontology
from .vocab import Rel
from .read_cache import ReadCache
from .query_guard import QueryLimits, QueryRefused, apply_row_cap, bound_ranges, check_query
from .records import (  # re-exported: others import them from here
    CypherError,
    GraphEdge,
    GraphNode,
    GraphPath,
    QueryResult,
    QueryTimeout,
    ReadOnlyViolation,
    StoreError,
    WriteSummary,
)
from .writer import DOCUMENT, SOURCE_KEYS, delete_plan, document_write_plan, filter_batch

__all__ = [
    "GraphStore", "open_store", "search_grams", "CypherError", "GraphEdge", "GraphNode", "GraphPath",
    "QueryResult", "QueryTimeout", "ReadOnlyViolation", "StoreError", "WriteSummary", "QueryRefused",
]

log = logging.getLogger(__name__)

_WORD = re.compile(r"\w", re.UNICODE)
REVIVE_BACKOFF_S = 10.0  # after a failed restart, fail at once for this long instead of retrying


def search_grams(q: str) -> list[str]:
    """Lower-cased character bigrams of the query that consist of word characters only
    (what both full-text engines tokenise identically); empty for one-character queries."""
    q = q.strip().lower()
    grams: list[str] = []
    for word in re.split(r"\s+", q):
        for i in range(len(word) - 1):
            g = word[i:i + 2]
            if _WORD.match(g[0]) and _WORD.match(g[1]) and "_" not in g and g not in grams:
                grams.append(g)
    return grams


class GraphStore:
    """One graph in one engine, reached through a Dialect."""

    def __init__(self, dialect: Dialect, ontology: Ontology | None = None, *, query_timeout_ms: int | None = None,
                 row_cap: int | None = None, min_confidence: float = 0.0, revive: Callable[[], None] | None = None,
                 guard: QueryLimits | None = None, cache_entries: int = 1024):
        self.dialect = dialect
        self.cache = ReadCache(cache_entries)  # read results per graph version (see read_cache.py)
        self.node_cache = ReadCache(cache_entries * 128)  # small per-node values (degrees), same rule
        self.min_confidence = min_confidence  # facts below it are not written (writer.filter_batch)
        self.ontology = ontology or get_ontology()
        self.query_timeout_ms = query_timeout_ms
        self.row_cap = row_cap
        self.guard = guard
        self._revive = revive  # restarts the embedded server this store depends on
        self._revive_failed_at = float("-inf")
        self._write_lock = threading.Lock()
        self._pinned = threading.local()  # the graph version a cached read of this thread runs under

    def _supervised(self, fn: Callable[[], Any]) -> Any:
        """Run `fn`; when the embedded server is gone, start it again (from its append-only
        file) and run `fn` once more. Other stores report the failure as it is."""
        try:
            return fn()
        except StoreError as exc:
            if self._revive is None or type(exc) is not StoreError or "cannot reach" not in str(exc):
                raise
            if time.monotonic() - self._revive_failed_at < REVIVE_BACKOFF_S:
                raise StoreError(f"{exc}; the embedded server could not be restarted a moment ago") from exc
            log.warning("graph store unreachable (%s); restarting the embedded server", exc)
            try:
                self._revive()
            except Exception as rexc:  # noqa: BLE001 - report the original failure with the reason
                self._revive_failed_at = time.monotonic()
                raise StoreError(f"{exc}; restarting the embedded server failed: {rexc}") from rexc
            return fn()

    def ping(self, timeout_s: float = 0.5) -> bool:
        """Does the engine answer a trivial read within `timeout_s`? (health checks)."""
        try:
            self.dialect.run_read("RETURN 1", {}, max(1, int(timeout_s * 1000)), None)
            return True
        except StoreError:
            return False

    def version(self) -> int | None:
        """The engine's graph version (changes on every write by any process); None: unknown.
        Inside a cached read (`cached`) the version that read is kept under, without asking the
        engine again: one round trip per request instead of one per cache a read consults."""
        pinned = getattr(self._pinned, "version", None)
        if pinned is not None:
            return pinned
        return self._supervised(self.dialect.graph_version)

    def cached(self, key: tuple[Any, ...], compute: Callable[[], Any], version: int | None = None) -> Any:
        """`compute()`, served from the read cache while the graph version is unchanged
        (`version`: one the caller has just read, else it is read here)."""
        if not self.cache.max_entries:
            return compute()
        v = self.version() if version is None else version
        return self.cache.get_or_compute(v, key, lambda: self._under_version(v, compute))

    def _under_version(self, version: int | None, compute: Callable[[], Any]) -> Any:
        """`compute()` with `version()` answering `version` in this thread meanwhile."""
        outer = getattr(self._pinned, "version", None)
        self._pinned.version = version
        try:
            return compute()
        finally:
            self._pinned.version = outer

    @property
    def engine(self) -> str:
        return self.dialect.name

    # ---- schema -------------------------------------------------------------------------
    def ensure_schema(self, ontology: Ontology | None = None) -> dict[str, int]:
        return _schema.ensure_schema(self.dialect, ontology or self.ontology)

    # ---- writes -------------------------------------------------------------------------
    def write_document(self, batch: GraphBatch) -> WriteSummary:
        """Write one document atomically. A document is keyed by its content (doc_id) and held by
        the paths (source keys) it was read from: writing new content from a path releases that
        path from the document it held before; a document no path holds any more is replaced
        (what only it supported goes), one that another path still holds is kept. Facts below
        the store's `min_confidence` are not written."""
        batch = filter_batch(batch, self.min_confidence)
        with self._write_lock:
            def write() -> WriteSummary:
                olds, released, existed = self._versions(batch.doc_id, batch.source_key)
                plan = document_write_plan(batch, self.ontology, olds=olds, existed=existed, released=released)
                summary = self.dialect.run_atomic(plan.segments, plan.params)
                summary.replaced = olds
                return summary

            summary = self._supervised(write)
        summary.doc_id = batch.doc_id
        return summary

    def _versions(self, doc_id: str, source_key: str) -> tuple[list[str], list[str], bool]:
        """(superseded doc_ids: held only by this path, released doc_ids: also held by another
        path, whether doc_id itself is stored)."""
        # three index lookups (doc_id, source_key, an element of source_keys) instead of a
        # filter over every Document: the cost of a write no longer grows with the corpus
        res = self.dialect.run_read(
            f"OPTIONAL MATCH (a:{DOCUMENT} {{doc_id: $doc_id}}) WITH collect(a) AS byid\n"
            f"OPTIONAL MATCH (b:{DOCUMENT} {{source_key: $source_key}}) WITH byid, collect(b) AS bykey\n"
            f"OPTIONAL MATCH (c:{DOCUMENT}) WHERE $source_key IN c.{SOURCE_KEYS} WITH byid, bykey, collect(c) AS held\n"
            "UNWIND byid + bykey + held AS o WITH DISTINCT o\n"
            f"RETURN o.doc_id, coalesce(o.{SOURCE_KEYS}, [o.source_key])",
            {"doc_id": doc_id, "source_key": source_key or None}, None, None,
        )
        olds: set[str] = set()
        released: set[str] = set()
        existed = False
        for d, keys in res.rows:
            if d == doc_id:
                existed = True
                continue
            others = [k for k in (keys or []) if k and k != source_key]
            (released if others else olds).add(d)
        return sorted(olds), sorted(released), existed

    def content_hash(self, source_key: str) -> str | None:
        """The `content_hash` of the file stored under `source_key` (None: not stored, or stored
        without one): an unchanged file need not be extracted again."""
        res = self.dialect.run_read(f"MATCH (o:{DOCUMENT} {{source_key: $k}}) RETURN o.content_hash LIMIT 1",
                                    {"k": source_key}, None, None)
        return res.rows[0][0] if res.rows else None

    def delete_document(self, doc_id: str) -> bool:
        """Remove a document and whatever only it supported; False when it is not stored."""
        with self._write_lock:
            res = self.dialect.run_read(f"MATCH (o:{DOCUMENT} {{doc_id: $d}}) RETURN count(o)", {"d": doc_id}, None, None)
            if not res.scalar(0):
                return False
            plan = delete_plan(doc_id, self.ontology)
            self.dialect.run_atomic(plan.segments, plan.params)
        return True

    def write(self, query: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Internal write (curation, migrations). Not for user-supplied Cypher."""
        result, _summary = self.dialect.run_write(query, params or {})
        return result

    def write_with_summary(self, query: str, params: dict[str, Any] | None = None) -> tuple[QueryResult, WriteSummary]:
        return self.dialect.run_write(query, params or {})

    # ---- reads --------------------------------------------------------------------------
    def read(self, query: str, params: dict[str, Any] | None = None, timeout_ms: int | None = None,
             row_cap: int | None = None) -> QueryResult:
        """Application read (engine-enforced read-only as well)."""
        return self._supervised(lambda: self.dialect.run_read(query, params or {}, timeout_ms or self.query_timeout_ms,
                                                              row_cap, user=False))

    def read_only_user_query(self, query: str, params: dict[str, Any] | None = None, timeout_ms: int | None = None,
                             row_cap: int | None = None) -> QueryResult:
        """Analyst Cypher: the engine refuses writes (ReadOnlyViolation); CypherError; QueryTimeout;
        QueryRefused for text beyond the limits (length, nesting, constant ranges) before it
        reaches the engine. The row cap is applied inside the query (LIMIT) where it can be."""
        cap = row_cap if row_cap is not None else self.row_cap
        params = params or {}
        if self.guard is not None:
            check_query(query, params, self.guard)
            query = bound_ranges(query, self.guard.max_range_items)
            query, _ = apply_row_cap(query, cap)
        return self._supervised(lambda: self.dialect.run_read(query, params, timeout_ms or self.query_timeout_ms,
                                                              cap, user=True))

    def candidates(self, label: str, name: str) -> list[dict[str, Any]]:
        """IdentityLookup for the resolver: stored nodes of `label` named or aliased `name`."""
        label = self.ontology.check_label(label)
        # by name and by alias through their indexes (the alias index holds list elements where
        # the engine has one, dialects.py), not a filter over the whole label
        res = self.read(
            f"OPTIONAL MATCH (a:{label} {{name: $name}}) WITH collect(a) AS named "
            f"OPTIONAL MATCH (b:{label}) WHERE $name IN b.aliases WITH named, collect(b) AS aliased "
            "UNWIND named + aliased AS n WITH DISTINCT n "
            f"OPTIONAL MATCH (n)-[h:{self.ontology.check_type(Rel.HOLDS_POSITION)}]->(o) "
            "RETURN n.id AS id, n.name AS name, n.aliases AS aliases, n.region AS region, "
            "collect(CASE WHEN o IS NULL THEN NULL ELSE {title: h.title, org: o.name, org_id: o.id} END) AS positions "
            "ORDER BY id LIMIT 50",
            {"name": name},
        )
        return [
            {"id": r[0], "name": r[1], "aliases": list(r[2] or []), "region": r[3],
             "positions": [p for p in (r[4] or []) if p]}
            for r in res.rows
        ]

    def fulltext_query(self, term: str, label: str | None = None) -> tuple[str, dict[str, Any]]:
        """(Cypher fragment yielding `node, score`, params) for a search term of ≥ 2 characters.
        Returns ("", {}) when the term has no bigram (use the CONTAINS fall-back)."""
        grams = search_grams(term)
        if not grams:
            return "", {}
        lab = self.ontology.check_label(label or self.ontology.umbrella_label)
        return self.dialect.fulltext_call(lab, "ft_q"), {"ft_q": self.dialect.fulltext_term(grams)}

    def search(self, q: str, labels: list[str] | None = None, limit: int = 20, offset: int = 0) -> tuple[list[GraphNode], int]:
        """Entities whose name or alias contains all bigrams of `q` (one character: CONTAINS),
        exact names first. Returns (page of nodes with `score` in props, total)."""
        q = q.strip()
        if not q:
            return [], 0
        labels = [self.ontology.check_label(x) for x in (labels or [])]
        umbrella = self.ontology.umbrella_label
        call, params = self.fulltext_query(q)
        params.update(q=q, labels=labels)
        label_filter = "AND (size($labels) = 0 OR any(l IN labels(node) WHERE l IN $labels))"
        if call:
            head = f"{call}\nWITH node, score WHERE true {label_filter}"
        else:
            head = (f"MATCH (node:{umbrella}) WHERE (node.name CONTAINS $q OR any(a IN coalesce(node.aliases, []) "
                    f"WHERE a CONTAINS $q)) {label_filter}\nWITH node, 1.0 AS score")
        # exact and prefix matches first, then engine score, shorter names first
        rank = ("CASE WHEN node.name = $q OR $q IN coalesce(node.aliases, []) THEN 0 "
                "WHEN node.name STARTS WITH $q THEN 1 ELSE 2 END")
        res = self.read(
            f"{head}\nWITH node, score, {rank} AS r0\n"
            "RETURN node, score ORDER BY r0, score DESC, size(node.name), node.id",
            params,
        )
        total = len(res.rows)
        out = []
        for node, score in res.rows[offset:offset + limit]:
            node.props["score"] = score
            out.append(node)
        return out, total

    def stats(self) -> dict[str, Any]:
        labels = self.read("MATCH (n) UNWIND labels(n) AS l RETURN l, count(*) ORDER BY l").rows
        types = self.read("MATCH ()-[r]->() RETURN type(r), count(*) ORDER BY type(r)").rows
        nodes = self.read("MATCH (n) RETURN count(n)").scalar(0)
        rels = self.read("MATCH ()-[r]->() RETURN count(r)").scalar(0)
        per_label = {l: c for l, c in labels}
        return {
            "engine": self.engine,
            "nodes": int(nodes),
            "relationships": int(rels),
            "documents": int(per_label.get(DOCUMENT, 0)),
            "labels": per_label,
            "types": {t: c for t, c in types},
        }

    def clear(self) -> None:
        """Delete everything (tests, migration targets)."""
        self.dialect.clear()

    def close(self) -> None:
        self.dialect.close()

    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def make_dialect(settings: Settings, graph_name: str | None = None) -> Dialect:
    uri = settings.store_uri.strip()
    name = graph_name or settings.graph_name
    if settings.embedded:
        from . import embedded

        if uri.startswith("falkordb+unix://"):
            sock = uri[len("falkordb+unix://"):]
        else:
            sock = str(embedded.ensure_running(settings.data_dir))
        return FalkorDialect(name, unix_socket_path=sock, socket_timeout=settings.store_socket_timeout_s)
    scheme = urlparse(uri).scheme.lower()
    if scheme in ("bolt", "neo4j", "bolt+s", "bolt+ssc", "neo4j+s", "neo4j+ssc"):
        return Neo4jDialect(uri, settings.neo4j_user, settings.neo4j_password, settings.neo4j_database)
    if scheme in ("falkordb", "redis"):
        u = urlparse(uri)
        return FalkorDialect(name, host=u.hostname or "localhost", port=u.port or 6379, password=u.password,
                             socket_timeout=settings.store_socket_timeout_s)
    raise StoreError(f"unsupported store URI {uri!r} (empty, bolt://, neo4j://, falkordb://)")


def open_store(settings: Settings, ontology: Ontology | None = None, *, ensure_schema: bool = True,
               graph_name: str | None = None) -> GraphStore:
    """Open the configured store (starting the embedded server if needed) and ensure its schema."""
    revive = None
    if settings.embedded and not settings.store_uri.startswith("falkordb+unix://"):
        from . import embedded

        def revive() -> None:
            embedded.ensure_running(settings.data_dir, restart=True)

    store = GraphStore(make_dialect(settings, graph_name), ontology, query_timeout_ms=settings.query_timeout_ms,
                       row_cap=settings.row_cap, min_confidence=settings.min_confidence, revive=revive,
                       guard=QueryLimits.from_settings(settings), cache_entries=settings.read_cache_entries)
    if ensure_schema:
        store.ensure_schema()
    return store
