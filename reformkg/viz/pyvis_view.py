"""Subgraph → standalone, OFFLINE pyvis HTML (used by `GET /viz/entity/{id}` and `reformkg viz`).

pyvis assembles the nodes, edges and options; the page is rendered from our own template
(`templates/pyvis_offline.html`) because pyvis's templates pull Bootstrap, tom-select and, in
some modes, vis-network from CDNs. Ours inlines the vendored vis-network standalone build
(static/vendor/vis-network) and nothing else: the file opens with no network at all.

A subgraph is anything with `nodes` and `edges` (the API's `Subgraph` model or a dict):
nodes carry `id`, `name` (or `props.name`), `labels`; edges carry `id`, `type`, the two ends
(`source`/`target`, `src`/`tgt` or `from`/`to`) and `evidence_count`.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from reformkg.graph.ontology import Ontology, get_ontology
from reformkg.viz import style

log = logging.getLogger(__name__)

VIZ_DIR = Path(__file__).parent
VENDOR_JS = VIZ_DIR / "static" / "vendor" / "vis-network" / "vis-network.min.js"
MAX_DEPTH = 3
DEFAULT_EDGE_CAP = 500


@dataclass
class SimpleSubgraph:
    """A store-neutral subgraph for the pyvis view (the API's Subgraph has the same keys)."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    truncated: bool = False
    total: int = 0
    center: str | None = None


# ------------------------------------------------------------------ normalising input
def _as_dict(obj: Any) -> dict[str, Any]:
    if isinstance(obj, dict):
        return obj
    if hasattr(obj, "model_dump"):
        return obj.model_dump()
    if hasattr(obj, "__dataclass_fields__"):
        return {k: getattr(obj, k) for k in obj.__dataclass_fields__}
    return dict(obj)


def _first(d: dict[str, Any], *keys: str, default: Any = None) -> Any:
    for k in keys:
        if d.get(k) is not None:
            return d[k]
    return default


def node_fields(node: Any) -> dict[str, Any]:
    d = _as_dict(node)
    props = d.get("props") or d.get("properties") or {}
    return {
        "id": str(d["id"]),
        "name": _first(d, "name", default=None) or props.get("name") or props.get("title") or str(d["id"]),
        "labels": list(_first(d, "labels", default=[]) or ([d["label"]] if d.get("label") else [])),
        "aliases": list(_first(d, "aliases", default=None) or props.get("aliases") or []),
        "region": _first(d, "region", default=None) or props.get("region"),
    }


def edge_fields(edge: Any) -> dict[str, Any]:
    d = _as_dict(edge)
    props = d.get("props") or d.get("properties") or {}
    return {
        "id": str(_first(d, "id", default="")),
        "type": str(_first(d, "type", "rel_type", default="")),
        "source": str(_first(d, "source", "src", "from", "start")),
        "target": str(_first(d, "target", "tgt", "to", "end")),
        "evidence_count": int(_first(d, "evidence_count", default=None) or props.get("evidence_count") or 0),
        "props": props,
    }


# ------------------------------------------------------------------ building the page
def build_network(subgraph: Any, ontology: Ontology | None = None, center: str | None = None) -> Network:
    """A pyvis Network with ontology styles: one node per node, one edge per relationship."""
    onto = ontology or get_ontology()
    sg = _as_dict(subgraph)
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    seen: set[str] = set()
    for raw in sg.get("nodes", []):
        n = node_fields(raw)
        if n["id"] in seen:
            continue
        seen.add(n["id"])
        primary = style.primary_label(n["labels"], onto)
        opts = style.node_style(n["labels"], onto)
        title_lines = [f"{primary}: {n['name']}"]
        if style.is_pilot(n["labels"], onto):
            title_lines.append("PilotUnit (试点)")
        if n["aliases"]:
            title_lines.append("aliases: " + "、".join(map(str, n["aliases"][:8])))
        if n["region"]:
            title_lines.append(f"region: {n['region']}")
        shape = opts.pop("shape")
        color = opts.pop("color")
        if center and n["id"] == center:
            opts["borderWidth"] = max(opts.get("borderWidth", 1), 3)
            opts["font"] = {"size": 18, "bold": True}
        label = str(n["name"])
        label = label if len(label) <= 16 else label[:14] + "…"  # the full name is in the tooltip
        net.add_node(n["id"], label=label, shape=shape, color=color, title="\n".join(title_lines),
                     **opts)  # no `group`: pyvis drops the colour of grouped nodes
    for raw in sg.get("edges", []):
        e = edge_fields(raw)
        if e["source"] not in seen or e["target"] not in seen:
            continue
        est = style.edge_style(e["type"], onto)
        title = f"{e['type']} · evidence: {e['evidence_count']}"
        extra = {k: v for k, v in e["props"].items() if k in ("title", "role", "year", "level", "programme") and v}
        if extra:
            title += "\n" + ", ".join(f"{k}={v}" for k, v in extra.items())
        net.add_edge(e["source"], e["target"], id=e["id"] or None, label=est["label"], title=title,
                     color=est["color"], arrows=est["arrows"], width=1 + min(e["evidence_count"], 5) * 0.6)
    net.set_options(json.dumps(_options(len(seen))))
    return net


def _options(n_nodes: int) -> dict[str, Any]:
    return {
        "nodes": {"font": {"face": style.CJK_FONT_STACK, "size": 14}},
        "edges": {"font": {"face": style.CJK_FONT_STACK, "size": 10, "align": "middle"},
                  "smooth": {"type": "dynamic"}},
        "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 150 if n_nodes > 150 else 250},
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110}},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    }


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=FileSystemLoader(str(VIZ_DIR / "templates")),
                       autoescape=select_autoescape(["html"]))


@lru_cache(maxsize=1)
def _vendor_js() -> str:
    """The vendored vis-network, ready to inline. Its licence banner and core-js metadata hold
    a few inert http(s) links (never fetched); writing their `//` as `\\/\\/` (the same string
    in JS, text in comments) keeps the page free of any URL at all, which the tests check."""
    js = VENDOR_JS.read_text(encoding="utf-8")
    return js.replace("</script", "<\\/script").replace("://", ":\\/\\/")


def _script_json(value: Any) -> str:
    """JSON safe to put inside <script>: no '</' sequence can close the element."""
    return json.dumps(value, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


def render_html(subgraph: Any, title: str = "reformkg", ontology: Ontology | None = None,
                center: str | None = None) -> str:
    """The standalone HTML page for a subgraph (vis-network inlined; no external URL is loaded)."""
    onto = ontology or get_ontology()
    sg = _as_dict(subgraph)
    net = build_network(sg, onto, center=center)
    nodes, edges, _heading, _h, _w, options = net.get_network_data()
    present = {style.primary_label(node_fields(n)["labels"], onto) for n in sg.get("nodes", [])}
    rels = {edge_fields(e)["type"] for e in sg.get("edges", [])}
    legend = [item for item in style.legend(onto)
              if (item["kind"] == "label" and item["name"] in present) or (item["kind"] == "rel" and item["name"] in rels)
              or item["kind"] == "extra"]
    shown = len([e for e in edges])
    total = int(sg.get("total") or shown)
    return _env().get_template("pyvis_offline.html").render(
        title=title,
        vis_js=_vendor_js(),
        nodes_json=_script_json(nodes),
        edges_json=_script_json(edges),
        options_json=options.replace("</", "<\\/"),
        legend=legend,
        font=style.CJK_FONT_STACK,
        shown=shown,
        total=max(total, shown),
        truncated=bool(sg.get("truncated")),
    )


# ------------------------------------------------------------------ reading from a store
def _reader(store: Any, ontology: Ontology | None = None) -> Any:
    from reformkg.graph.queries import Reader  # the API's reads: the view matches /api/.../neighbors

    return Reader(store, ontology or get_ontology())


def resolve_entity(store: Any, name_or_id: str, ontology: Ontology | None = None) -> dict[str, Any] | None:
    """Find an entity by id, else by name or alias (exact, then prefix, then substring; most
    connected first), as the search endpoint ranks them."""
    reader = _reader(store, ontology)
    node = reader.get_node(name_or_id)
    if node is not None:
        from reformkg.graph.queries import summary_node

        return summary_node(node, reader.ontology)
    found = reader.search(name_or_id, limit=1)
    return found["items"][0] if found["items"] else None


def neighbourhood(store: Any, name_or_id: str, depth: int = 1, cap: int = DEFAULT_EDGE_CAP,
                  ontology: Ontology | None = None, **filters: Any) -> SimpleSubgraph:
    """The neighbourhood the API returns for GET /api/entities/{id}/neighbors (KeyError if unknown)."""
    depth = max(1, min(int(depth), MAX_DEPTH))
    center = resolve_entity(store, name_or_id, ontology)
    if center is None:
        raise KeyError(name_or_id)
    sg = _reader(store, ontology).neighbourhood(center["id"], depth=depth, limit=cap, **filters)
    if sg is None:
        raise KeyError(name_or_id)
    return SimpleSubgraph(nodes=sg["nodes"], edges=sg["edges"], truncated=sg["truncated"],
                          total=sg["total"], center=center["id"])


def entity_view_html(store: Any, name_or_id: str, depth: int = 1, cap: int = DEFAULT_EDGE_CAP,
                     ontology: Ontology | None = None) -> str:
    sg = neighbourhood(store, name_or_id, depth=depth, cap=cap, ontology=ontology)
    center = next((n for n in sg.nodes if n["id"] == sg.center), None)
    title = f"{(center or {}).get('name') or name_or_id} · depth {depth} · reformkg"
    return render_html(sg.__dict__, title=title, ontology=ontology, center=sg.center)


def write_entity_view(store: Any, name_or_id: str, depth: int, out: Path, cap: int = DEFAULT_EDGE_CAP,
                      ontology: Ontology | None = None) -> Path:
    """Write the standalone offline HTML view of an entity's neighbourhood (the CLI's `reformkg viz`).
    Raises KeyError when no entity has that id, name or alias."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(entity_view_html(store, name_or_id, depth=depth, cap=cap, ontology=ontology), encoding="utf-8")
    log.info("wrote %s", out)
    return out


__all__ = ["render_html", "build_network", "neighbourhood", "resolve_entity", "entity_view_html",
           "write_entity_view", "SimpleSubgraph", "DEFAULT_EDGE_CAP"]
