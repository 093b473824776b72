"""Export a (filtered) subgraph as GraphML, GEXF (Gephi) or node-link JSON (notebooks).

Input is the `Subgraph`-shaped dict the reader returns (`nodes`, `edges`); list-valued
properties (aliases, authors) are joined with " | " for GraphML/GEXF, which only hold scalars.
"""

from __future__ import annotations

import io
import json
from typing import Any

import networkx as nx

FORMATS = {
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "json": "application/json",
}
LIST_SEP = " | "


def _scalar(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return LIST_SEP.join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    if value is None:
        return ""
    return value


def to_networkx(subgraph: dict[str, Any], flat: bool = True) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    conv = _scalar if flat else (lambda v: v)
    for n in subgraph["nodes"]:
        attrs = {f"p_{k}": conv(v) for k, v in (n.get("props") or {}).items()}
        labels = n.get("labels") or []
        g.add_node(n["id"], name=conv(n.get("name") or ""), label=labels[0] if labels else "",
                   labels=conv(labels), **attrs)
    for e in subgraph["edges"]:
        attrs = {f"p_{k}": conv(v) for k, v in (e.get("props") or {}).items()}
        g.add_edge(e["source"], e["target"], key=e["id"], id=e["id"], type=e["type"],
                   evidence_count=int(e.get("evidence_count") or 0), **attrs)
    return g


def _clean_types(g: nx.MultiDiGraph) -> None:
    """GraphML wants one type per attribute key: coerce mixed-type keys to strings."""
    for items in (list(g.nodes(data=True)), [(None, d) for *_x, d in g.edges(keys=True, data=True)]):
        kinds: dict[str, set[type]] = {}
        for _n, d in items:
            for k, v in d.items():
                kinds.setdefault(k, set()).add(type(v))
        mixed = {k for k, t in kinds.items() if len(t) > 1}
        for _n, d in items:
            for k in mixed:
                if k in d:
                    d[k] = str(d[k])


def export_bytes(subgraph: dict[str, Any], fmt: str) -> bytes:
    """Serialise a subgraph in one of FORMATS."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}")
    if fmt == "json":
        g = to_networkx(subgraph, flat=False)
        data = nx.node_link_data(g, edges="edges")
        data["truncated"] = bool(subgraph.get("truncated"))
        return json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")
    g = to_networkx(subgraph, flat=True)
    _clean_types(g)
    buf = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(g, buf, encoding="utf-8")
    else:
        nx.write_gexf(g, buf, encoding="utf-8")
    return buf.getvalue()
