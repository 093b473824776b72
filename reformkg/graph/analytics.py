"""Graph analytics with networkx on a (filtered) subgraph read through `queries.Reader`:
centrality (degree, betweenness, pagerank), communities (Louvain), and the scoring of
who-works-with-whom (collaborators) from the raw rows the reader returns.

Relationships are treated as undirected for centrality and communities (a tie is a tie);
MENTIONED_IN is left out unless asked for, since documents would dominate everything.
"""

from __future__ import annotations

import logging
from typing import Any

import networkx as nx

from reformkg.graph.queries import Reader, node_id, node_labels, node_props, primary_labels
from reformkg.graph.vocab import Rel

log = logging.getLogger(__name__)

METRICS = ("degree", "betweenness", "pagerank")
BETWEENNESS_SAMPLE = 300  # nodes sampled for betweenness on large graphs (seeded, deterministic)
BETWEENNESS_BUDGET = 2_000_000  # sampled sources × edges

# weights of the collaboration evidence
WEIGHTS = {"tie": 3.0, "shared_group": 1.5, "shared_programme": 2.0, "shared_document": 0.5}
MAX_REASONS = 10


def build_graph(reader: Reader, rel_types: list[str] | None = None, labels: list[str] | None = None,
                cap: int = 200_000) -> tuple[nx.Graph, bool]:
    """An undirected weighted graph (edge weight = number of relationships between two nodes)."""
    edges, truncated = reader.edges_for_analysis(rel_types, labels, cap)
    g = nx.Graph()
    for _rid, _t, s, t in edges:
        if s == t:
            continue
        if g.has_edge(s, t):
            g[s][t]["weight"] += 1
        else:
            g.add_edge(s, t, weight=1)
    return g, truncated


def centrality(g: nx.Graph, metric: str) -> dict[str, float]:
    if metric not in METRICS:
        raise ValueError(f"unknown metric {metric!r}")
    if g.number_of_nodes() == 0:
        return {}
    if metric == "degree":
        return {n: float(d) for n, d in g.degree()}
    if metric == "betweenness":
        n, m = g.number_of_nodes(), g.number_of_edges()
        # sampled (seeded, deterministic) on large graphs: about BETWEENNESS_BUDGET edge visits
        k = None if n <= BETWEENNESS_SAMPLE else max(10, min(BETWEENNESS_SAMPLE, BETWEENNESS_BUDGET // max(m, 1)))
        return nx.betweenness_centrality(g, k=k, seed=0, normalized=True)
    try:
        return nx.pagerank(g, weight="weight", max_iter=200)
    except nx.PowerIterationFailedConvergence:  # pragma: no cover - rare
        log.warning("pagerank did not converge; returning degree instead")
        return {n: float(d) for n, d in g.degree()}


def top_nodes(g: nx.Graph, scores: dict[str, float], reader: Reader, label: str | None,
              limit: int, scan: int = 5000) -> list[dict[str, Any]]:
    """The best-scored nodes (optionally of one label) with names and labels read from the store."""
    order = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:scan]
    out: list[dict[str, Any]] = []
    for i in range(0, len(order), 200):
        chunk = order[i:i + 200]
        if label and label in reader.ontology.labels:  # the id prefix tells the primary label
            chunk = [(n, sc) for n, sc in chunk if reader.label_of(n) in (label, None)]
        nodes = reader.get_nodes([n for n, _ in chunk])
        for nid, score in chunk:
            node = nodes.get(nid)
            if node is None:
                continue
            labs = node_labels(node)
            if label and label not in labs:
                continue
            out.append({"id": nid, "name": node_props(node).get("name"),
                        "labels": primary_labels(labs, reader.ontology), "score": round(float(score), 6)})
            if len(out) >= limit:
                return out
    return out


def communities(g: nx.Graph, min_size: int = 2) -> list[set[str]]:
    """Louvain communities (seeded), largest first; singletons dropped."""
    if g.number_of_edges() == 0:
        return []
    comms = nx.community.louvain_communities(g, weight="weight", seed=0)
    comms = [c for c in comms if len(c) >= min_size]
    comms.sort(key=lambda c: (-len(c), min(c)))
    return comms


def score_collaborators(entity_id: str, rows: dict[str, list[tuple[Any, ...]]], reader: Reader,
                        limit: int = 50) -> dict[str, Any]:
    """Rank actors by the weighted evidence that they work with `entity_id`, with the reasons."""
    acc: dict[str, dict[str, Any]] = {}

    def add(node: Any, reason: dict[str, Any]) -> None:
        nid = node_id(node)
        if nid == entity_id:
            return
        entry = acc.get(nid)
        if entry is None:
            props = node_props(node)
            entry = acc[nid] = {"id": nid, "name": props.get("name") or "",
                                "labels": primary_labels(node_labels(node), reader.ontology), "score": 0.0,
                                "reasons": [], "_seen": set()}
        key = (reason["kind"], reason.get("rel_type"), reason.get("via_id"))
        if key in entry["_seen"]:
            return
        entry["_seen"].add(key)
        entry["score"] += reason["weight"]
        entry["reasons"].append(reason)

    for y, rel_type, count in rows.get("tie", []):
        w = WEIGHTS["tie"] * (1.0 + 0.1 * min(int(count or 0), 10))
        add(y, {"kind": "tie", "rel_type": rel_type, "weight": round(w, 3)})
    for y, gid, gname in rows.get("shared_group", []):
        add(y, {"kind": "shared_group", "rel_type": Rel.MEMBER_OF, "via_id": gid, "via_name": gname,
                "weight": WEIGHTS["shared_group"]})
    for y, gid, gname in rows.get("shared_programme", []):
        add(y, {"kind": "shared_programme", "via_id": gid, "via_name": gname, "weight": WEIGHTS["shared_programme"]})
    for y, did, title in rows.get("shared_document", []):
        add(y, {"kind": "shared_document", "via_id": did, "via_name": title, "weight": WEIGHTS["shared_document"]})

    ranked = sorted(acc.values(), key=lambda e: (-e["score"], e["name"], e["id"]))
    items = []
    for e in ranked[:limit]:
        e.pop("_seen", None)
        e["score"] = round(e["score"], 3)
        e["reasons"] = sorted(e["reasons"], key=lambda r: -r["weight"])[:MAX_REASONS]
        items.append(e)
    return {"id": entity_id, "items": items, "total": len(ranked), "truncated": len(ranked) > limit}


# ---- who works with whom: typed evidence (the saved query works_with.cypher ranks) ------------

WORKS_WITH_QUERY = "works_with"
# how each kind of evidence reads on a reason line ({via}: the programme or body it goes through)
REASON_TEXT = {
    Rel.CO_SPONSORS: ("联合主办", "co-sponsored {via}"),
    Rel.PARTNERS_WITH: ("合作", "partners with"),
    Rel.MEMBER_OF: ("成员关系", "member tie"),
    "SAME_BODY": ("同为成员", "both members of {via}"),
    "SAME_PROGRAMME": ("共同开展", "both run {via}"),
    "SAME_POSTS": ("同一单位任职", "posts in {via}"),
}


def reason_text(kind: str, via: str | None, documents: int) -> str:
    """'co-sponsored 2020年…竞赛 (联合主办), 1 document': the kind's words, the programme or body
    it goes through, and the number of documents."""
    zh, en = REASON_TEXT.get(kind, (kind, kind))
    words = " ".join(en.format(via=via or "together").split())
    return f"{words} ({zh}), {documents} document{'' if documents == 1 else 's'}"


def works_with(reader: Reader, entity_id: str, limit: int = 20) -> list[dict[str, Any]]:
    """Partners of an entity ranked by the saved query `works_with` (typed, weighted evidence:
    co-sponsoring, partnering, memberships, the same programme, posts in the same body), each
    with its reasons and their texts. The API serves exactly this ranking."""
    from reformkg.cypher import get_saved_query

    sq = get_saved_query(WORKS_WITH_QUERY)
    rows = reader.store.read(sq.cypher, sq.bind({"actor": entity_id, "limit": limit}),
                             timeout_ms=reader.timeout_ms).rows
    out = []
    for pid, name, label, score, reasons in rows:
        items = [{"kind": r.get("kind"), "via": r.get("via") or None, "documents": int(r.get("documents") or 0),
                  "weight": round(float(r.get("weight") or 0.0), 3),
                  "text": reason_text(r.get("kind") or "", r.get("via"), int(r.get("documents") or 0))}
                 for r in (reasons or [])]
        out.append({"id": pid, "name": name or "", "label": label, "score": round(float(score or 0.0), 3),
                    "reasons": items})
    return out


def co_mentions(rows: dict[str, list[tuple[Any, ...]]], reader: Reader, limit: int = 20) -> list[dict[str, Any]]:
    """Actors named in the same documents (pages) as the entity: a separate, weaker signal,
    ranked by the number of shared documents."""
    acc: dict[str, dict[str, Any]] = {}
    for y, did, title in rows.get("shared_document", []):
        nid = node_id(y)
        e = acc.get(nid)
        if e is None:
            e = acc[nid] = {"id": nid, "name": node_props(y).get("name") or "",
                            "label": (primary_labels(node_labels(y), reader.ontology) or [None])[0],
                            "score": 0.0, "reasons": [], "_docs": set()}
        if did in e["_docs"]:
            continue
        e["_docs"].add(did)
        e["score"] += 1.0
        if len(e["reasons"]) < MAX_REASONS:
            e["reasons"].append({"kind": "CO_MENTION", "via": title or did, "documents": 1, "weight": 1.0,
                                 "text": f"同页提及 · named on the same page: {title or did}"})
    ranked = sorted(acc.values(), key=lambda e: (-e["score"], e["name"], e["id"]))[:limit]
    for e in ranked:
        e.pop("_docs", None)
    return ranked
