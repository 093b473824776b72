"""FalkorDB's compact result format decoded straight into plain Python rows.

The `falkordb` client parses every cell of a reply through a generic dispatcher into its own
Node/Edge/Path/OrderedDict objects, which `Dialect.convert_rows` then walks once more to make
plain values and `GraphNode`/`GraphEdge`/`GraphPath`. On the API's reads (hundreds of cells
per query) those two passes cost more CPU than the engine spends answering. `decode_rows`
does both in one pass over the reply that redis-py (hiredis) hands back, with the common
cells (strings, integers, nulls, lists and maps of them) handled inline; rare types (points,
vectors, temporal values) go through the client's own parser (`fallback`). The result is the
same as `convert_rows` over the client's objects: the tests compare the two on every type.

Compact cells are `[type, value]`: 1 null, 2 string, 3 integer, 4 boolean ("true"/"false"),
5 double (text), 6 array of cells, 7 edge `[id, type index, source id, target id, props]`,
8 node `[id, [label indexes], props]`, 9 path `[array cell of nodes, array cell of edges]`,
10 map `[key, cell, key, cell, …]`; entity props are `[[key index, type, value], …]`. Label,
relationship type and property key indexes are resolved through the client's graph schema
(which refreshes itself when it meets an index it does not know).
"""

from __future__ import annotations

from typing import Any, Callable, Protocol

from .records import GraphEdge, GraphNode, GraphPath

NULL, STRING, INTEGER, BOOLEAN, DOUBLE, ARRAY, EDGE, NODE, PATH, MAP = range(1, 11)
_AS_IS = frozenset((NULL, STRING, INTEGER))  # cells whose value is the Python value (a null's is None)


class Schema(Protocol):
    """The part of the client's graph schema used here (`falkordb.graph_schema.GraphSchema`)."""

    def get_label(self, idx: int) -> str: ...
    def get_relation(self, idx: int) -> str: ...
    def get_property(self, idx: int) -> str: ...


def decode_rows(raw_rows: list[list[list[Any]]], schema: Schema,
                fallback: Callable[[list[Any]], Any]) -> tuple[list[list[Any]], dict[int, str],
                                                                   list[tuple[GraphEdge, int, int]]]:
    """(rows of plain values, engine node id → stable id of every node met, edges met with their
    endpoints' engine ids). `fallback(cell)` converts cells of the rare types."""
    known: dict[int, str] = {}
    edges: list[tuple[GraphEdge, int, int]] = []
    get_property = schema.get_property

    def props_of(raw: list[list[Any]]) -> dict[str, Any]:
        return {get_property(p[0]): p[2] if p[1] in _AS_IS else value(p[1], p[2]) for p in raw}

    def node(v: list[Any]) -> GraphNode:
        props = props_of(v[2])
        sid = props.get("id")
        if sid is not None:
            known[v[0]] = sid
        return GraphNode(id=sid, labels=[schema.get_label(i) for i in v[1]], props=props)

    def edge(v: list[Any]) -> GraphEdge:
        props = props_of(v[4])
        e = GraphEdge(id=props.get("id"), type=schema.get_relation(v[1]), src=None, tgt=None, props=props)
        edges.append((e, v[2], v[3]))
        return e

    def value(t: int, v: Any) -> Any:
        """One cell's value."""
        if t == ARRAY:
            return [x[1] if x[0] in _AS_IS else value(x[0], x[1]) for x in v]
        if t == MAP:
            keys = iter(v)
            return {k: c[1] if c[0] in _AS_IS else value(c[0], c[1]) for k, c in zip(keys, keys)}
        if t in _AS_IS:
            return v
        if t == DOUBLE:
            return float(v)
        if t == BOOLEAN:
            return v == "true" or v == b"true"
        if t == NODE:
            return node(v)
        if t == EDGE:
            return edge(v)
        if t == PATH:
            return GraphPath(nodes=value(*v[0]), edges=value(*v[1]))
        return fallback([t, v])

    rows = [[c[1] if c[0] in _AS_IS else value(c[0], c[1]) for c in row] for row in raw_rows]
    return rows, known, edges
