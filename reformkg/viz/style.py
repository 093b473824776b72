"""Colours, shapes and the legend of every view, taken from the ontology (never a palette of its own).

The browser UI reads the same data through `/api/ontology` (or `/viz/style.json`); pyvis views
call `node_style()` / `edge_style()` directly.
"""

from __future__ import annotations

from typing import Any, Iterable

from reformkg.graph.ontology import Ontology, get_ontology
from reformkg.graph.vocab import Label

PILOT_LABEL = Label.PILOT_UNIT
# vis-network shapes that draw the label inside the shape (others draw it below)
LABEL_INSIDE_SHAPES = frozenset({"ellipse", "circle", "database", "box", "text"})
CJK_FONT_STACK = "'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Microsoft YaHei', 'PingFang SC', sans-serif"


def primary_label(labels: Iterable[str], ontology: Ontology | None = None) -> str:
    """The first label the ontology knows as a node label (skips Entity, PilotUnit and unknowns)."""
    onto = ontology or get_ontology()
    labels = list(labels)
    for label in labels:
        if label in onto.labels:
            return label
    return labels[0] if labels else ""


def is_pilot(labels: Iterable[str], ontology: Ontology | None = None) -> bool:
    onto = ontology or get_ontology()
    return any(label in onto.extra_labels for label in labels)


def node_style(labels: Iterable[str], ontology: Ontology | None = None) -> dict[str, Any]:
    """vis-network node options for a node with these labels: colour and shape of the primary
    label; a PilotUnit gets a thick border in the PilotUnit colour."""
    onto = ontology or get_ontology()
    labels = list(labels)
    primary = primary_label(labels, onto)
    style = onto.labels[primary].style if primary in onto.labels else None
    color = style.color if style else "#999999"
    shape = style.shape if style else "dot"
    out: dict[str, Any] = {"color": {"background": color, "border": color}, "shape": shape, "borderWidth": 1}
    if shape not in LABEL_INSIDE_SHAPES:
        out["size"] = 16
    pilot = next((onto.extra_labels[l] for l in labels if l in onto.extra_labels), None)
    if pilot is not None:
        out["color"] = {"background": color, "border": pilot.style.color}
        out["borderWidth"] = 5
        out["shapeProperties"] = {"borderDashes": [6, 3]}
    return out


def edge_style(rel_type: str, ontology: Ontology | None = None) -> dict[str, Any]:
    """vis-network edge options for a relationship type (symmetric types have no arrow)."""
    onto = ontology or get_ontology()
    spec = onto.relationships.get(rel_type)
    color = spec.style.color if spec else "#999999"
    return {
        "color": {"color": color, "highlight": color},
        "arrows": "" if (spec is not None and spec.symmetric) else "to",
        "label": rel_type,
    }


def legend(ontology: Ontology | None = None) -> list[dict[str, Any]]:
    """Legend entries: node labels, extra labels, relationship types, each with colour and shape."""
    onto = ontology or get_ontology()
    items: list[dict[str, Any]] = []
    for name, spec in onto.labels.items():
        items.append({"kind": "label", "name": name, "color": spec.style.color, "shape": spec.style.shape,
                      "description": spec.description})
    for name, spec in onto.extra_labels.items():
        items.append({"kind": "extra", "name": name, "color": spec.style.color, "shape": spec.style.shape,
                      "description": spec.description})
    for name, spec in onto.relationships.items():
        items.append({"kind": "rel", "name": name, "color": spec.style.color, "shape": "line",
                      "symmetric": spec.symmetric, "description": spec.description})
    return items


def style_json(ontology: Ontology | None = None) -> dict[str, Any]:
    """Everything the browser needs to draw: per-label and per-type styles plus the legend."""
    onto = ontology or get_ontology()
    return {
        "labels": {k: {"color": v.style.color, "shape": v.style.shape} for k, v in onto.labels.items()},
        "extra_labels": {k: {"color": v.style.color, "shape": v.style.shape} for k, v in onto.extra_labels.items()},
        "rel_types": {k: {"color": v.style.color, "symmetric": v.symmetric} for k, v in onto.relationships.items()},
        "umbrella_label": onto.umbrella_label,
        "legend": legend(onto),
        "font": CJK_FONT_STACK,
    }
