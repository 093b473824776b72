"""The application's reads: search, entity card, neighbourhood, paths, collaborators, evidence,
documents. Cypher written once for both engines (FalkorDB and Neo4j).

Conventions:
- Nodes are addressed by their stable `id` property, never engine ids. The label of an entity
  id is known from its prefix (`model.entity_id` uses the first three letters of the label),
  so lookups hit the per-label `id` index instead of scanning every node.
- User values reach Cypher only as parameters; labels and relationship types enter the text
  only after an ontology check; variable-length bounds and limits are validated ints.
- Results are plain dicts shaped like the API's public models (the API maps them; this module
  does not import the API).
- Time filters (`since`/`until`, ISO dates) apply to the *documents* behind a relationship: an
  edge passes when at least one of its evidence documents (`ev_doc` → `Document.date`) falls
  in the range (MENTIONED_IN: its document). Edges with no evidence at all (gazetteer
  PART_OF) are structural and always pass. Documents without a date never match a range.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from reformkg.graph.ontology import Ontology
from reformkg.graph.vocab import Label, Rel

if TYPE_CHECKING:  # pragma: no cover
    from reformkg.graph.store import GraphStore

log = logging.getLogger(__name__)

EVIDENCE_KEYS = ("ev_doc", "ev_sentence", "ev_start", "ev_end", "ev_confidence", "ev_producer")
FX_KEYS = ("fx_id", "fx_src", "fx_sentence", "fx_start", "fx_end", "fx_confidence", "fx_producer")  # writer.FX_FIELDS
HIDDEN_PROPS = frozenset({"id", "name", "aliases", "search_text", "confidence", "unsupported", *EVIDENCE_KEYS, *FX_KEYS})
DEFAULT_CONFIDENCE = 1.0  # evidence written before confidences existed, and structural edges
DEFAULT_PRODUCER = "rules"
MENTIONED_IN = Rel.MENTIONED_IN
DOC_LABEL = Label.DOCUMENT
OUTCOME_LABEL = Label.OUTCOME

SEARCH_CAP = 500  # candidates ranked per search (exact names fetched first)
TOTAL_CAP = 10_000  # search totals are exact up to this
DEGREE_CAP = 200  # best candidates (rank, then shorter name) whose degree orders a search page
CARD_CAP = 1000  # relationships read for one card
PATH_EXPAND_CAP = 50_000  # relationships read per breadth-first hop when looking for paths
NEIGHBOUR_COUNT_CAP = 1000  # relationships of a cut hop counted for a neighbourhood's `total`


# ---- small helpers ---------------------------------------------------------------------------

# search ranks, best first: the whole name, a whole alias, the start of either, anywhere in
# either, then persons found through the title of a post they hold
MATCH_KINDS = ("exact", "alias", "prefix", "substring", "title")


def _match_rank(ql: str, name: str | None, aliases: Any) -> int:
    """Index into MATCH_KINDS of how a lower-cased term matches a name and its aliases."""
    if not ql:
        return MATCH_KINDS.index("substring")
    low = (name or "").lower()
    alias = [a.lower() for a in (aliases or []) if isinstance(a, str)]
    if ql == low:
        return 0
    if ql in alias:
        return 1
    if low.startswith(ql) or any(a.startswith(ql) for a in alias):
        return 2
    return 3

def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, dict):
        return obj.get(name, default)
    return getattr(obj, name, default)


def node_props(node: Any) -> dict[str, Any]:
    props = _get(node, "props")
    if props is None and isinstance(node, dict):
        props = node
    return dict(props or {})


def node_id(node: Any) -> str:
    nid = _get(node, "id")
    if nid is None:
        nid = node_props(node).get("id")
    return str(nid)


def node_labels(node: Any) -> list[str]:
    return list(_get(node, "labels") or [])


def public_props(props: dict[str, Any]) -> dict[str, Any]:
    """Node/edge properties without the identity fields, evidence arrays and internal fields."""
    return {k: v for k, v in props.items() if k not in HIDDEN_PROPS and not k.startswith("_")
            and not k.endswith("_bigrams") and v is not None}


def primary_labels(labels: Iterable[str], ontology: Ontology) -> list[str]:
    """Ontology labels first (primary label, then extra labels), the umbrella label last."""
    labels = list(labels)
    main = [lb for lb in labels if lb in ontology.labels]
    extra = [lb for lb in labels if lb in ontology.extra_labels]
    rest = [lb for lb in labels if lb not in main and lb not in extra and not lb.startswith(ontology.reserved_prefix)]
    return main + extra + rest


def summary_node(node: Any, ontology: Ontology, depth: int | None = None) -> dict[str, Any]:
    props = node_props(node)
    out = {
        "id": node_id(node),
        "name": props.get("name") or props.get("title"),
        "labels": primary_labels(node_labels(node), ontology),
        "aliases": list(props.get("aliases") or []),
        "props": public_props(props),
    }
    if depth is not None:
        out["depth"] = depth
    return out


def edge_dict(edge: Any) -> dict[str, Any]:
    props = dict(_get(edge, "props") or {})
    count = props.get("evidence_count")
    if count is None:
        count = len(props.get("ev_doc") or [])
    return {
        "id": str(_get(edge, "id") or props.get("id")),
        "type": _get(edge, "type"),
        "source": str(_get(edge, "src")),
        "target": str(_get(edge, "tgt")),
        "props": public_props({k: v for k, v in props.items() if k != "evidence_count"}),
        "evidence_count": int(count or 0),
        "confidence": edge_confidence(props.get("confidence"), count),
    }


def _as_float(value: Any) -> Any:
    """An engine integer where the API has a float field, as the float pydantic makes of it."""
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _as_int(value: Any) -> Any:
    """A whole engine float where the API has an int field, as the int pydantic makes of it."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def edge_confidence(value: Any, evidence_count: Any) -> float | None:
    """The relationship's confidence (its best evidence); None for edges without evidence."""
    if value is not None:
        return float(value)
    return DEFAULT_CONFIDENCE if evidence_count else None


def confidence_where(var: str = "r") -> str:
    """Filter text keeping relationships whose confidence is at least `$min_confidence`
    (edges without a stored confidence — structural, MENTIONED_IN, older stores — pass)."""
    return f"coalesce({var}.confidence, 1.0) >= $min_confidence"


def _int(value: int, low: int, high: int) -> int:
    """A validated int for Cypher text (bounds and limits cannot be parameters everywhere)."""
    value = int(value)
    if not low <= value <= high:
        raise ValueError(f"{value} outside {low}..{high}")
    return value


@dataclass(frozen=True)
class Reader:
    """The application's reads over one store and ontology."""

    store: "GraphStore"
    ontology: Ontology
    timeout_ms: int | None = None

    # ---- plumbing ----------------------------------------------------------------------------
    def _rows(self, query: str, params: dict[str, Any] | None = None, row_cap: int | None = None) -> list[list[Any]]:
        return self.store.read(query, params or {}, timeout_ms=self.timeout_ms, row_cap=row_cap).rows

    def label_of(self, entity_id: str) -> str | None:
        """The ontology label encoded in an id prefix (`reg_…` → Region), or None."""
        prefix = entity_id.split("_", 1)[0] if "_" in entity_id else ""
        for label in self.ontology.labels:
            if label[:3].lower() == prefix:
                return label
        return None

    def node_pattern(self, var: str, entity_id: str) -> str:
        """`(var:Label {id:$…})` text for an id; the parameter is always named `$<var>_id`."""
        label = self.label_of(entity_id)
        lab = f":{self.ontology.check_label(label)}" if label else ""
        return f"({var}{lab} {{id: ${var}_id}})"

    def types_text(self, types: Iterable[str]) -> str:
        checked = [self.ontology.check_type(t) for t in types]
        return "|".join(checked)

    def default_types(self, include_mentions: bool = False) -> list[str]:
        return [t for t in self.ontology.rel_types if include_mentions or t != MENTIONED_IN]

    # ---- nodes -------------------------------------------------------------------------------
    def get_node(self, entity_id: str) -> Any | None:
        rows = self._rows(f"MATCH {self.node_pattern('n', entity_id)} RETURN n LIMIT 1", {"n_id": entity_id})
        return rows[0][0] if rows else None

    def exists(self, entity_id: str) -> bool:
        rows = self._rows(f"MATCH {self.node_pattern('n', entity_id)} RETURN n.id LIMIT 1", {"n_id": entity_id})
        return bool(rows)

    def get_nodes(self, ids: list[str]) -> dict[str, Any]:
        """Nodes by id: one query for all entities (the umbrella label's id index), one per other
        label prefix, one for ids without a known prefix."""
        entity = set(self.ontology.entity_labels)
        by_label: dict[str | None, list[str]] = {}
        for i in ids:
            label = self.label_of(i)
            by_label.setdefault(self.ontology.umbrella_label if label in entity else label, []).append(i)
        out: dict[str, Any] = {}
        for label, group in by_label.items():
            lab = f":{self.ontology.check_label(label)}" if label else ""
            for row in self._rows(f"UNWIND $ids AS i MATCH (n{lab} {{id: i}}) RETURN n", {"ids": group}):
                out[node_id(row[0])] = row[0]
        return out

    # ---- search ------------------------------------------------------------------------------
    def region_scope(self, region: str) -> tuple[list[str], list[str]]:
        """Ids and names of a region (by id, name or alias) and every region below it (PART_OF*)."""
        rows = self._rows(
            "MATCH (r:Region) WHERE r.id = $region OR r.name = $region OR $region IN coalesce(r.aliases, []) "
            "OPTIONAL MATCH (sub:Region)-[:PART_OF*1..6]->(r) "
            "RETURN r.id, r.name, collect(DISTINCT sub.id), collect(DISTINCT sub.name)",
            {"region": region},
        )
        ids: set[str] = set()
        names: set[str] = set()
        for rid, rname, sub_ids, sub_names in rows:
            ids.add(rid)
            names.add(rname)
            ids.update(x for x in sub_ids if x)
            names.update(x for x in sub_names if x)
        return sorted(ids), sorted(n for n in names if n)

    def search(self, q: str = "", label: str | None = None, region: str | None = None,
               limit: int = 20, offset: int = 0) -> dict[str, Any]:
        """Entities by name or alias substring; ranked exact > prefix > substring, then degree,
        then the shorter name.

        Bounded work per request: full-text (character bigrams) narrows the candidates when the
        store has it, the substring test is exact, and at most SEARCH_CAP candidates are ranked.
        When a term matches more than that, exact names are fetched through the name index so
        that they still come first, and prefix/substring ranking applies to the first SEARCH_CAP
        candidates; `total` is exact up to TOTAL_CAP. Degree orders the DEGREE_CAP best
        candidates (by rank, then shorter name) within their rank.
        """
        limit = _int(limit, 1, 10_000)
        offset = _int(offset, 0, 10_000_000)
        lab = self.ontology.check_label(label) if label else self.ontology.umbrella_label
        raw = (q or "").strip()
        ql = raw.lower()
        params: dict[str, Any] = {"q": ql, "raw": raw}
        where = "($q = '' OR toLower(n.name) CONTAINS $q OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS $q))"
        region_clause = ""
        empty = {"items": [], "total": 0, "limit": limit, "offset": offset}
        if region:
            rids, rnames = self.region_scope(region)
            if not rids:
                return empty
            params.update(rids=rids, rnames=rnames)
            region_clause = (
                " OPTIONAL MATCH (n)-[:LOCATED_IN|PART_OF]->(x:Region) WITH n, collect(x.id) AS locs"
                " WHERE n.id IN $rids OR n.region IN $rnames OR n.region IN $rids OR any(i IN locs WHERE i IN $rids)")
        call, ft_params = ("", {})
        if ql and lab == self.ontology.umbrella_label and hasattr(self.store, "fulltext_query"):
            call, ft_params = self.store.fulltext_query(ql)
        if call:
            params.update(ft_params)
            match = f"{call} WITH node AS n WHERE n:{lab} AND {where}{region_clause}"
        else:
            match = f"MATCH (n:{lab}) WHERE {where}{region_clause}"
        cols = "n.id, n.name, n.aliases, labels(n), n.region"
        rows = self._rows(f"{match} RETURN {cols} LIMIT {SEARCH_CAP + 1}", params)
        total = len(rows)
        found: dict[str, list[Any]] = {}
        if total > SEARCH_CAP:  # a common term: count, and make sure exact and prefix matches are ranked
            total = int(self._rows(match + f" WITH n LIMIT {TOTAL_CAP} RETURN count(n)", params)[0][0])
            if raw:  # exact names through the name index, whatever the engine's candidate order
                for row in self._rows(f"MATCH (n:{lab}) WHERE n.name = $raw{region_clause} RETURN {cols} "
                                      f"LIMIT {SEARCH_CAP}", params):
                    found.setdefault(row[0], row)
        for row in rows[:SEARCH_CAP]:
            found.setdefault(row[0], row)
        titled = self._title_matches(raw, lab, bool(region), set(found))
        total += len(titled)
        if total == 0 or offset >= SEARCH_CAP:
            return {**empty, "total": total}
        ranked = []
        for nid, name, aliases, labels, reg in found.values():
            ranked.append([_match_rank(ql, name, aliases), nid, name or "", list(aliases or []), labels, reg, None])
        ranked.extend(titled)
        ranked.sort(key=lambda r: (r[0], len(r[2]), r[1]))
        ranked = ranked[:SEARCH_CAP]
        degree = self.degrees([r[1] for r in ranked[:max(DEGREE_CAP, offset + limit)]])
        ranked.sort(key=lambda r: (r[0], r[1] not in degree, -degree.get(r[1], 0), len(r[2]), r[2], r[1]))
        items = [{"id": nid, "name": name, "labels": primary_labels(labels, self.ontology), "aliases": aliases,
                  "region": reg, "degree": degree.get(nid, 0), "match": MATCH_KINDS[rank] if ql else None,
                  "via": via or None}
                 for rank, nid, name, aliases, labels, reg, via in ranked[offset:offset + limit]]
        return {"items": items, "total": total, "limit": limit, "offset": offset}

    def _title_matches(self, raw: str, label: str, regional: bool, seen: set[str]) -> list[list[Any]]:
        """Persons holding a position whose title contains the term (书记 → the secretaries), as
        ranked rows after every name match; `via` says which post ("党组书记 · 示范市总工会")."""
        person = Label.PERSON
        if not raw or regional or Rel.HOLDS_POSITION not in self.ontology.relationships or \
                person not in self.ontology.labels or label not in (person, self.ontology.umbrella_label):
            return []
        head = (f"MATCH (n:{self.ontology.check_label(person)})-[h:{self.ontology.check_type(Rel.HOLDS_POSITION)}]->(o) "
                "WHERE ")
        tail = f" RETURN n.id, n.name, n.aliases, labels(n), n.region, h.title, o.name LIMIT {SEARCH_CAP}"
        titles = self.position_titles()
        if titles is None:  # no read cache: test every post
            rows = self._rows(head + "h.title CONTAINS $raw" + tail, {"raw": raw})
        else:  # the titles that contain the term, from the cached list; most terms are no title
            hit = [t for t in titles if raw in t]
            rows = self._rows(head + "h.title IN $titles" + tail, {"titles": hit}) if hit else []
        out: dict[str, list[Any]] = {}
        for nid, name, aliases, labels, reg, title, org in rows:
            if nid in seen:
                continue
            via = f"{title} · {org}" if org else title
            if nid in out:
                out[nid][6] = out[nid][6] + "；" + via
            else:
                out[nid] = [len(MATCH_KINDS) - 1, nid, name or "", list(aliases or []), labels, reg, via]
        return list(out.values())

    def position_titles(self) -> list[str] | None:
        """The distinct titles of all posts (HOLDS_POSITION), read once per graph version; None
        when the store keeps no read cache (then a title search tests every post)."""
        version = self.store.version() if hasattr(self.store, "cached") and self.store.cache.max_entries else None
        if version is None:
            return None
        rel = self.ontology.check_type(Rel.HOLDS_POSITION)
        return self.store.cached(("position-titles",), lambda: sorted(
            {r[0] for r in self._rows(f"MATCH ()-[h:{rel}]->() WHERE h.title IS NOT NULL RETURN DISTINCT h.title")
             if isinstance(r[0], str)}), version=version)

    def degrees(self, ids: list[str]) -> dict[str, int]:
        """Number of relationships of each node (all types), through the engine's own degree
        function where it has one (dialect)."""
        dialect = getattr(self.store, "dialect", None)
        degree = dialect.degree_expr("n") if dialect is not None else "size([(n)-[]-() | 1])"
        cache = getattr(self.store, "node_cache", None)
        version = self.store.version() if cache is not None and cache.max_entries else None
        out: dict[str, int] = {}
        if version is not None:  # degrees read under this graph version are still right
            out = {k[1]: v for k, v in cache.get_many(version, [("degree", i) for i in ids]).items()}
        todo = [i for i in ids if i not in out]
        fresh: dict[str, int] = {}
        for lab, group in self._groups(todo).items():
            for nid, deg in self._rows(f"UNWIND $ids AS i MATCH (n:{lab} {{id: i}}) RETURN i, {degree}",
                                       {"ids": group}):
                fresh[nid] = int(deg)
        if version is not None and fresh:
            cache.put_many(version, {("degree", k): v for k, v in fresh.items()})
        out.update(fresh)
        return out

    # ---- projections (scalars and maps instead of whole nodes: less to ship and convert) ---------
    def edge_fields(self, types: Iterable[str] | None = None) -> list[str]:
        """Edge properties worth returning for these relationship types (evidence arrays excluded)."""
        fields = {"evidence_count", "confidence"}
        for t in types or self.ontology.rel_types:
            fields.update(self.ontology.relationships[t].properties)
        return sorted(fields)

    def _hop_return(self, a: str, b: str, types: Iterable[str] | None = None) -> str:
        """Columns of one hop a-[r]-b: a.id, r.id, type, a is the start, edge map, evidence size,
        b.id, labels, b's properties (maps are parsed per key by the client: keep them small)."""
        emap = "r {" + ", ".join(f".{f}" for f in self.edge_fields(types)) + "}"
        return (f"{a}.id, r.id, type(r), startNode(r) = {a}, {emap}, "
                f"size(coalesce(r.ev_doc, [])), {b}.id, labels({b}), properties({b})")

    def _hop(self, row: list[Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        """(edge dict, other-node dict) from a `_hop_return` row."""
        return self._hop_edge(row), self._hop_node(row)

    @staticmethod
    def _hop_edge(row: list[Any]) -> dict[str, Any]:
        """The edge dict of a `_hop_return` row."""
        aid, rid, rtype, a_is_start, eprops, n_ev, bid = row[:7]
        eprops = {k: v for k, v in (eprops or {}).items() if v is not None}
        count = eprops.pop("evidence_count", None)
        conf = eprops.pop("confidence", None)
        n = int(count if count is not None else n_ev or 0)
        return {"id": str(rid), "type": rtype, "source": aid if a_is_start else bid,
                "target": bid if a_is_start else aid, "props": eprops,
                "evidence_count": n, "confidence": edge_confidence(conf, n)}

    def _hop_node(self, row: list[Any]) -> dict[str, Any]:
        """The other node's dict of a `_hop_return` row."""
        bid, blabels, bprops = row[6:9]
        bprops = {k: v for k, v in (bprops or {}).items() if v is not None}
        return {"id": str(bid), "name": bprops.get("name") or bprops.get("title"),
                "labels": primary_labels(blabels, self.ontology), "aliases": list(bprops.get("aliases") or []),
                "props": public_props(bprops)}

    def _groups(self, ids: Iterable[str]) -> dict[str, list[str]]:
        """Ids grouped by the label to match them on (the umbrella label for entities)."""
        out: dict[str, list[str]] = {}
        entity = set(self.ontology.entity_labels)
        for i in ids:
            label = self.label_of(i)
            key = self.ontology.umbrella_label if (label is None or label in entity) else label
            out.setdefault(self.ontology.check_label(key), []).append(i)
        return out

    # ---- card --------------------------------------------------------------------------------
    def card(self, entity_id: str) -> dict[str, Any] | None:
        pat = self.node_pattern("n", entity_id)
        p = {"n_id": entity_id}
        head = self._rows(f"MATCH {pat} OPTIONAL MATCH (n)-[r]-() RETURN n, type(r), count(r)", p)
        if not head:
            return None
        node = head[0][0]
        counts = {t: int(c) for _n, t, c in head if t is not None}
        props = node_props(node)
        rows = self._rows(f"MATCH {pat}-[r]-(m) RETURN {self._hop_return('n', 'm')} LIMIT {CARD_CAP + 1}", p)
        truncated = len(rows) > CARD_CAP
        card: dict[str, Any] = {
            "id": node_id(node), "name": props.get("name") or props.get("title") or "",
            "labels": primary_labels(node_labels(node), self.ontology),
            "aliases": list(props.get("aliases") or []), "properties": public_props(props),
            "positions": [], "awards": [], "programmes": [], "related": [], "outcomes": [],
            "documents": [], "counts": counts, "truncated": truncated,
        }
        programme_types = {t for t, s in self.ontology.relationships.items() if tuple(s.to) == (Label.PROGRAMME,)}
        for row in rows[:CARD_CAP]:
            e, other = self._hop(row)
            olabels = other["labels"]
            oprops = other["props"]
            if e["type"] == MENTIONED_IN and DOC_LABEL in olabels:
                doc = document_summary({"id": other["id"], "props": oprops})
                doc["mentions"] = int(e["props"].get("count") or 0) or None
                card["documents"].append(doc)
                continue
            if OUTCOME_LABEL in olabels:
                card["outcomes"].append({
                    "id": other["id"], "name": other["name"], "value": _as_float(oprops.get("value")),
                    **{k: oprops.get(k) for k in ("unit", "qualifier", "metric")}, "year": _as_int(oprops.get("year")),
                    "evidence_count": e["evidence_count"],
                })
                continue
            rel = {
                "id": other["id"], "name": other["name"] or "", "labels": olabels, "rel_type": e["type"],
                "rel_id": e["id"], "direction": "out" if e["source"] == card["id"] else "in",
                "props": e["props"], "evidence_count": e["evidence_count"],
            }
            if e["type"] == Rel.HOLDS_POSITION:
                card["positions"].append(rel)
            elif e["type"] == Rel.AWARDED:
                card["awards"].append(rel)
            elif e["type"] in programme_types:
                card["programmes"].append(rel)
            else:
                card["related"].append(rel)
        card["documents"].sort(key=lambda d: (d.get("date") or "", d["doc_id"]), reverse=True)
        for key in ("positions", "awards", "programmes", "related"):
            card[key].sort(key=lambda r: (-r["evidence_count"], r["rel_type"], r["name"]))
        return card

    # ---- time filter -------------------------------------------------------------------------
    def docs_in_range(self, since: str | None, until: str | None) -> list[str] | None:
        """doc_ids of documents dated in [since, until] (ISO strings); None when no filter."""
        if not since and not until:
            return None
        rows = self._rows(
            "MATCH (d:Document) WHERE d.date IS NOT NULL AND ($since IS NULL OR d.date >= $since) "
            "AND ($until IS NULL OR d.date <= $until) RETURN d.doc_id",
            {"since": since, "until": (until + "\uffff") if until else None},
        )
        return sorted({r[0] for r in rows if r[0]})

    # an edge whose preview holds all its evidence is decided on the preview; a larger one on the
    # per-document entries on its target's MENTIONED_IN edges (`fxhit`, projected by FX_HIT)
    TIME_WHERE = (f"((type(r) = '{MENTIONED_IN}' AND b.doc_id IN $docs) OR (type(r) <> '{MENTIONED_IN}' AND "
                  "(size(coalesce(r.ev_doc, [])) = 0 OR any(x IN r.ev_doc WHERE x IN $docs) OR fxhit > 0)))")
    FX_HIT = (f"CASE WHEN type(r) = '{MENTIONED_IN}' OR coalesce(r.evidence_count, 0) <= size(coalesce(r.ev_doc, [])) "
              "THEN 0 WHEN endNode(r) = b "
              f"THEN size([(b)-[m:{MENTIONED_IN}]->(dd:{DOC_LABEL}) WHERE dd.doc_id IN $docs AND r.id IN m.fx_id | 1]) "
              f"ELSE size([(a)-[m:{MENTIONED_IN}]->(dd:{DOC_LABEL}) WHERE dd.doc_id IN $docs AND r.id IN m.fx_id | 1]) "
              "END AS fxhit")

    # ---- neighbourhood -------------------------------------------------------------------------
    def _neighbour_filters(self, label_filter: list[str] | None, docs: list[str] | None,
                           min_confidence: float) -> list[str]:
        """WHERE conditions of every neighbourhood hop (labels, time range, confidence)."""
        where = []
        if label_filter:
            where.append("any(l IN labels(b) WHERE l IN $labels)")
        if docs is not None:
            where.append(self.TIME_WHERE)
        if min_confidence > 0:
            where.append(confidence_where("r"))
        return where

    def _hop_where(self, where: list[str], seen: list[str], docs: list[str] | None) -> str:
        """The text after the hop's MATCH: the filters, and edges already taken left out."""
        hop_where = where + (["NOT r.id IN $seen"] if seen else [])
        wtext = (" WHERE " + " AND ".join(hop_where)) if hop_where else ""
        if docs is not None:  # the time test needs a projected column first
            wtext = f" WITH a, r, b, {self.FX_HIT}{wtext}"
        return wtext

    def _hop_rows(self, frontier: list[str], types: str, type_list: list[str], wtext: str,
                  params: dict[str, Any], budget: int) -> tuple[list[list[Any]], bool]:
        """The rows of one hop from the frontier (label by label, about `budget` of them); True
        when the budget was used up before every label was read."""
        hop_rows: list[list[Any]] = []
        for lab, group in self._groups(frontier).items():
            fetch = budget - len(hop_rows) + 1
            if fetch <= 1 and hop_rows:
                return hop_rows, True
            # the limit as a parameter: one query text (one compiled plan) whatever the budget
            rows = self._rows(
                f"UNWIND $ids AS i MATCH (a:{lab} {{id: i}})-[r:{types}]-(b){wtext} "
                f"RETURN {self._hop_return('a', 'b', type_list)} LIMIT $hop_limit",
                {**params, "ids": group, "hop_limit": max(fetch, 1) + 20})
            hop_rows.extend(rows)
        return hop_rows, False

    def _take_hop(self, hop_rows: list[list[Any]], depth: int, limit: int, nodes: dict[str, dict[str, Any]],
                  edges: dict[str, dict[str, Any]]) -> tuple[list[str], bool]:
        """Add a hop's new edges (up to `limit` in all) and nodes; (the new frontier, True when
        the limit cut the hop)."""
        nxt: list[str] = []
        for row in hop_rows:  # dicts are built only for the edges and nodes kept
            rid = str(row[1])
            if rid in edges:
                continue
            if len(edges) >= limit:
                return nxt, True
            edges[rid] = self._hop_edge(row)
            bid = str(row[6])
            if bid not in nodes:
                node = self._hop_node(row)
                node["depth"] = depth
                nodes[bid] = node
                nxt.append(bid)
        return nxt, False

    def _count_hop(self, frontier: list[str], types: str, wtext: str, params: dict[str, Any]) -> int:
        """The distinct relationships of a cut hop, counted in the engine (up to
        NEIGHBOUR_COUNT_CAP per label)."""
        counted = 0
        for lab, group in self._groups(frontier).items():
            counted += int(self._rows(
                f"UNWIND $ids AS i MATCH (a:{lab} {{id: i}})-[r:{types}]-(b){wtext} "
                f"WITH DISTINCT r LIMIT {NEIGHBOUR_COUNT_CAP} RETURN count(r)",
                {**params, "ids": group})[0][0])
        return counted

    def neighbourhood(self, entity_id: str, depth: int = 1, rel_types: list[str] | None = None,
                      labels: list[str] | None = None, since: str | None = None, until: str | None = None,
                      limit: int = 200, min_confidence: float = 0.0) -> dict[str, Any] | None:
        """The subgraph within `depth` hops, breadth first, capped at `limit` edges.

        `total` counts the distinct relationships found up to the hop where the cap was reached
        (that hop counted in the engine, up to NEIGHBOUR_COUNT_CAP of its relationships, so that
        a frontier of hubs costs a bounded count); hops beyond it are not explored.
        """
        depth = _int(depth, 1, 3)
        limit = _int(limit, 1, 100_000)
        center = self.get_node(entity_id)
        if center is None:
            return None
        type_list = rel_types or self.default_types()
        types = self.types_text(type_list)
        label_filter = [self.ontology.check_label(lb) for lb in labels] if labels else None
        docs = self.docs_in_range(since, until)
        where = self._neighbour_filters(label_filter, docs, min_confidence)
        nodes: dict[str, dict[str, Any]] = {entity_id: summary_node(center, self.ontology, 0)}
        edges: dict[str, dict[str, Any]] = {}
        frontier = [entity_id]
        truncated = False
        total = 0
        for d in range(1, depth + 1):
            if not frontier:
                break
            seen = list(edges)
            wtext = self._hop_where(where, seen, docs)
            params = {"labels": label_filter or [], "docs": docs or [], "seen": seen,
                      "min_confidence": float(min_confidence)}
            hop_rows, over = self._hop_rows(frontier, types, type_list, wtext, params, limit - len(edges))
            nxt, cut = self._take_hop(hop_rows, d, limit, nodes, edges)
            if over or cut:
                truncated = True
                total = len(seen) + self._count_hop(frontier, types, wtext, params)
                break
            total = len(edges)
            frontier = nxt
        used = {entity_id} | {e["source"] for e in edges.values()} | {e["target"] for e in edges.values()}
        return {"nodes": [n for i, n in nodes.items() if i in used], "edges": list(edges.values()),
                "truncated": truncated, "total": max(total, len(edges))}

    # ---- paths -------------------------------------------------------------------------------
    def _path_hops(self, p: list[str], names: dict[str, list[str]], edges: dict[str, Any],
                   evidence_per_hop: int, docs_needed: set[str]) -> list[dict[str, Any]]:
        """The hops of an id path with their evidence (stops at an edge no longer there);
        the documents the evidence cites are added to `docs_needed`."""
        hops = []
        for i in range(0, len(p) - 2, 2):
            edge = edges.get(p[i + 1])
            if edge is None:  # changed underneath us
                break
            e = edge_dict(edge)
            ev = evidence_items(_get(edge, "props") or {}, names.get(e["source"], []), names.get(e["target"], []),
                                evidence_per_hop)
            docs_needed.update(i["doc_id"] for i in ev)
            hops.append({"edge": e, "evidence": ev})
        return hops

    def _path_item(self, p: list[str], nodes: dict[str, Any], edges: dict[str, Any], evidence_per_hop: int,
                   docs_needed: set[str]) -> dict[str, Any] | None:
        """One path of the result from its [node, edge, …, node] ids; None when part of it is gone."""
        pnodes = [nodes[n] for n in p[0::2] if n in nodes]
        names = {node_id(n): _names(n) for n in pnodes}
        hops = self._path_hops(p, names, edges, evidence_per_hop, docs_needed)
        if len(hops) * 2 + 1 != len(p) or len(pnodes) != len(hops) + 1:
            return None
        return {"nodes": [{**summary_node(n, self.ontology), "depth": None} for n in pnodes], "hops": hops,
                "length": len(hops)}

    def _attach_documents(self, paths: list[dict[str, Any]], docs_needed: set[str]) -> None:
        """Set the `document` summary of every evidence item of the paths."""
        if not docs_needed:
            return
        docs = self.documents_by_id(sorted(docs_needed))
        for p in paths:
            for hop in p["hops"]:
                for item in hop["evidence"]:
                    item["document"] = docs.get(item["doc_id"])

    def paths(self, source: str, target: str, max_hops: int = 6, limit: int = 10,
              rel_types: list[str] | None = None, evidence_per_hop: int = 3,
              min_confidence: float = 0.0) -> dict[str, Any] | None:
        """Shortest undirected paths between two nodes, with evidence on each hop.

        A bidirectional breadth-first search in plain per-hop Cypher (id columns only), which
        costs a fraction of `allShortestPaths` on large graphs with hubs; every shortest path
        found is then read back whole. Each hop reads at most PATH_EXPAND_CAP relationships:
        when a hub hits that cap `truncated` is set (some shortest paths may be missing).
        """
        max_hops = _int(max_hops, 1, 10)
        limit = _int(limit, 1, 1000)
        if not self.exists(source) or not self.exists(target):
            return None
        out: dict[str, Any] = {"source": source, "target": target, "max_hops": max_hops, "paths": [], "truncated": False}
        if source == target:
            return out
        type_list = rel_types or self.default_types()
        edge_types: dict[str, str] = {}
        id_paths, truncated = self._shortest_id_paths(source, target, max_hops, self.types_text(type_list), limit + 1,
                                                      min_confidence, edge_types)
        out["truncated"] = truncated or len(id_paths) > limit
        id_paths = id_paths[:limit]
        if not id_paths:
            return out
        node_ids = sorted({n for p in id_paths for n in p[0::2]})
        nodes = self.get_nodes(node_ids)
        edges = self._edges_by_hop({(p[i], p[i + 1], p[i + 2]) for p in id_paths for i in range(0, len(p) - 2, 2)},
                                   edge_types)
        docs_needed: set[str] = set()
        for p in id_paths:
            item = self._path_item(p, nodes, edges, evidence_per_hop, docs_needed)
            if item is not None:
                out["paths"].append(item)
        self._attach_documents(out["paths"], docs_needed)
        return out

    def _expand(self, ids: list[str], types: str, cap: int,
                min_confidence: float = 0.0) -> tuple[list[list[Any]], bool]:
        """(a.id, r.id, b.id, type) rows of one hop from `ids`; True when the cap cut them."""
        rows: list[list[Any]] = []
        where = f" WHERE {confidence_where('r')}" if min_confidence > 0 else ""
        for lab, group in self._groups(ids).items():
            # a fixed limit (one query text, one compiled plan): what a later label adds beyond
            # `cap` in all is cut below, the same rows a limit of what is left would give
            got = self._rows(f"UNWIND $ids AS i MATCH (a:{lab} {{id: i}})-[r:{types}]-(b){where} "
                             f"RETURN a.id, r.id, b.id, type(r) LIMIT {cap + 1}",
                             {"ids": group, "min_confidence": float(min_confidence)})
            rows.extend(got)
            if len(rows) > cap:
                return rows[:cap], True
        return rows, False

    def _shortest_id_paths(self, source: str, target: str, max_hops: int, types: str,
                           limit: int, min_confidence: float = 0.0,
                           edge_types: dict[str, str] | None = None) -> tuple[list[list[str]], bool]:
        """All shortest paths as [node, edge, node, …, node] id lists (at most `limit`);
        `edge_types` (when given) receives the type of every relationship met."""
        level = ({source: 0}, {target: 0})
        parents: tuple[dict[str, list[tuple[str, str]]], dict[str, list[tuple[str, str]]]] = ({}, {})
        frontier = ([source], [target])
        depth = [0, 0]
        truncated = False
        meet: list[str] = []
        while depth[0] + depth[1] < max_hops and frontier[0] and frontier[1]:
            side = 0 if len(frontier[0]) <= len(frontier[1]) else 1
            rows, cut = self._expand(frontier[side], types, PATH_EXPAND_CAP, min_confidence)
            truncated |= cut
            d = depth[side] + 1
            lv, par = level[side], parents[side]
            nxt: list[str] = []
            for a, rid, b, *rtype in rows:
                if edge_types is not None and rtype:
                    edge_types[rid] = rtype[0]
                if a == b:
                    continue
                known = lv.get(b)
                if known is None:
                    lv[b] = d
                    nxt.append(b)
                    par[b] = [(a, rid)]
                elif known == d and (a, rid) not in par[b]:
                    par[b].append((a, rid))
            depth[side] = d
            frontier = (nxt, frontier[1]) if side == 0 else (frontier[0], nxt)
            other = level[1 - side]
            hits = [(d + other[n], n) for n in nxt if n in other]
            if hits:
                best = min(h[0] for h in hits)
                meet = [n for length, n in hits if length == best]
                break
        if not meet:
            return [], truncated

        def chains(node: str, side: int, budget: int) -> list[list[str]]:
            """Paths from the side's root to `node`, as [root, edge, …, node]."""
            if not parents[side].get(node):
                return [[node]]
            out: list[list[str]] = []
            for parent, rid in parents[side][node]:
                for head in chains(parent, side, budget):
                    out.append(head + [rid, node])
                    if len(out) >= budget:
                        return out
            return out

        result: list[list[str]] = []
        for m in meet:
            for left in chains(m, 0, limit):
                for right in chains(m, 1, limit):
                    result.append(left + right[::-1][1:])
                    if len(result) >= limit:
                        return result, truncated
        return result, truncated

    def _edges_by_hop(self, hops: set[tuple[str, str, str]], edge_types: dict[str, str] | None = None) -> dict[str, Any]:
        """Edges (GraphEdge) by id: through the relationship index of their type when it is
        known (a hub's other relationships are not read), else from their first node."""
        out: dict[str, Any] = {}
        by_type: dict[str, list[str]] = {}
        rest = set()
        for hop in hops:
            t = (edge_types or {}).get(hop[1])
            if t in self.ontology.relationships:
                by_type.setdefault(t, []).append(hop[1])
            else:
                rest.add(hop)
        if by_type:  # one query, one branch per type (a fixed text: one compiled plan)
            types = list(self.ontology.rel_types)
            query = " UNION ALL ".join(
                f"UNWIND $rids{k} AS i MATCH ()-[r:{self.ontology.check_type(t)} {{id: i}}]->() "
                "RETURN startNode(r) AS a, r, endNode(r) AS b" for k, t in enumerate(types))
            for a, r, b in self._rows(query, {f"rids{k}": sorted(by_type.get(t, ())) for k, t in enumerate(types)}):
                out[str(_get(r, "id"))] = r
        by_label: dict[str, list[dict[str, str]]] = {}
        for a, rid, b in rest:
            for lab, group in self._groups([a]).items():
                by_label.setdefault(lab, []).append({"a": a, "r": rid, "b": b})
        for lab, pairs in by_label.items():
            for a, r, b in self._rows(f"UNWIND $pairs AS p MATCH (a:{lab} {{id: p.a}})-[r]-(b) "
                                      "WHERE r.id = p.r AND b.id = p.b RETURN a, r, b", {"pairs": pairs}):
                out[str(_get(r, "id"))] = r
        return out

    # ---- evidence ----------------------------------------------------------------------------
    def edge(self, edge_id: str, near: str | None = None) -> tuple[Any, Any, Any] | None:
        """(source node, edge, target node) of a relationship id. With `near` (the id of either
        end) the lookup starts from that node's index; otherwise one typed branch per type, so
        that a relationship index on `id` (per type) is used where the schema has one."""
        if near:
            rows = self._rows(f"MATCH {self.node_pattern('n', near)}-[r]-(m) WHERE r.id = $id "
                              "RETURN startNode(r), r, endNode(r) LIMIT 1", {"n_id": near, "id": edge_id})
            if rows:
                return tuple(rows[0])  # type: ignore[return-value]
        query = " UNION ALL ".join(
            f"MATCH (a)-[r:{self.ontology.check_type(t)}]->(b) WHERE r.id = $id RETURN a, r, b"
            for t in self.ontology.rel_types)
        rows = self._rows(query, {"id": edge_id})
        return tuple(rows[0]) if rows else None  # type: ignore[return-value]

    def evidence(self, edge_id: str, limit: int = 50, near: str | None = None) -> dict[str, Any] | None:
        found = self.edge(edge_id, near)
        if found is None:
            return None
        a, r, b = found
        props = _get(r, "props") or {}
        preview = len(props.get("ev_doc") or [])
        total = max(int(props.get("evidence_count") or 0), preview)
        items = []
        if total > preview:  # a fact read in many documents: the entries on their MENTIONED_IN edges
            items = self.document_evidence(edge_id, node_id(b), _names(a), _names(b), limit)
        if not items:
            items = evidence_items(props, _names(a), _names(b), limit)
        docs = self.documents_by_id(sorted({i["doc_id"] for i in items}))
        for item in items:
            item["document"] = docs.get(item["doc_id"])
        return {"edge": edge_dict(r), "source": summary_node(a, self.ontology), "target": summary_node(b, self.ontology),
                "items": items, "total": total, "truncated": total > len(items)}

    def document_evidence(self, edge_id: str, target: str, source_names: list[str], target_names: list[str],
                          limit: int) -> list[dict[str, Any]]:
        """Evidence entries of a relationship as recorded per document (on the MENTIONED_IN edges
        of its target, see writer.py), ordered by document and offset."""
        limit = _int(limit, 1, 100_000)
        rows = self._rows(
            f"MATCH {self.node_pattern('t', target)}-[m:{MENTIONED_IN}]->(d:{DOC_LABEL}) WHERE $rid IN m.fx_id "
            "UNWIND range(0, size(m.fx_id) - 1) AS i WITH d, m, i WHERE m.fx_id[i] = $rid "
            "RETURN d.doc_id, m.fx_sentence[i], m.fx_start[i], m.fx_end[i], m.fx_confidence[i], m.fx_producer[i] "
            f"ORDER BY d.doc_id, m.fx_start[i] LIMIT {limit}", {"t_id": target, "rid": edge_id})
        props = {"ev_doc": [r[0] for r in rows], "ev_sentence": [r[1] for r in rows], "ev_start": [r[2] for r in rows],
                 "ev_end": [r[3] for r in rows], "ev_confidence": [r[4] for r in rows], "ev_producer": [r[5] for r in rows]}
        return evidence_items(props, source_names, target_names, limit)

    # ---- documents ---------------------------------------------------------------------------
    def documents_by_id(self, doc_ids: list[str]) -> dict[str, dict[str, Any]]:
        if not doc_ids:
            return {}
        rows = self._rows("UNWIND $ids AS i MATCH (d:Document {doc_id: i}) RETURN d", {"ids": doc_ids})
        # every field of the API's DocumentSummary (mentions: entity cards only)
        return {node_props(r[0]).get("doc_id"): {**document_summary(r[0]), "mentions": None} for r in rows}

    def documents(self, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        limit = _int(limit, 1, 10_000)
        offset = _int(offset, 0, 10_000_000)
        total = self._rows("MATCH (d:Document) RETURN count(d)")[0][0]
        rows = self._rows(
            f"MATCH (d:Document) RETURN d ORDER BY d.date DESC, d.doc_id SKIP {offset} LIMIT {limit}")
        return {"items": [document_summary(r[0]) for r in rows], "total": int(total), "limit": limit, "offset": offset}

    def document(self, doc_id: str, limit: int = 500) -> dict[str, Any] | None:
        limit = _int(limit, 1, 10_000)
        rows = self._rows("MATCH (d:Document {doc_id: $doc}) RETURN d LIMIT 1", {"doc": doc_id})
        if not rows:
            return None
        out = document_summary(rows[0][0])
        ents = self._rows(
            "MATCH (d:Document {doc_id: $doc})<-[m:MENTIONED_IN]-(n) "
            f"RETURN n, m.count ORDER BY m.count DESC, n.name LIMIT {limit + 1}", {"doc": doc_id})
        facts = self._rows(  # the facts whose evidence this document's MENTIONED_IN edges record
            "MATCH (d:Document {doc_id: $doc})<-[m:MENTIONED_IN]-(b)<-[r]-(a) "
            "WHERE type(r) <> 'MENTIONED_IN' AND (r.id IN coalesce(m.fx_id, []) OR $doc IN coalesce(r.ev_doc, [])) "
            f"RETURN DISTINCT r.id, type(r), a.id, a.name, b.id, b.name LIMIT {limit + 1}", {"doc": doc_id})
        out["entities"] = [{
            "id": node_id(n), "name": node_props(n).get("name") or "", "labels": primary_labels(node_labels(n), self.ontology),
            "aliases": list(node_props(n).get("aliases") or []), "region": node_props(n).get("region"),
            "degree": int(c or 0),
        } for n, c in ents[:limit]]
        out["facts"] = [{"id": i, "type": t, "source": s, "source_name": sn, "target": tg, "target_name": tn}
                        for i, t, s, sn, tg, tn in facts[:limit]]
        out["truncated"] = len(ents) > limit or len(facts) > limit
        return out

    # ---- collaborators -------------------------------------------------------------------------
    def collaborator_rows(self, entity_id: str, cap: int = 5000) -> dict[str, list[tuple[Any, ...]]] | None:
        """Raw evidence of collaboration, scored by `analytics.score_collaborators`."""
        if not self.exists(entity_id):
            return None
        pat = self.node_pattern("x", entity_id)
        p = {"x_id": entity_id, "actors": list(self.ontology.actor_labels)}
        tie_types = [t for t in (Rel.CO_SPONSORS, Rel.PARTNERS_WITH, Rel.MEMBER_OF) if t in self.ontology.relationships]
        prog_types = [t for t, s in self.ontology.relationships.items() if tuple(s.to) == (Label.PROGRAMME,)]
        actor = "any(l IN labels(y) WHERE l IN $actors)"
        out: dict[str, list[tuple[Any, ...]]] = {"tie": [], "shared_programme": [], "shared_group": [], "shared_document": []}
        if tie_types:
            out["tie"] = [tuple(r) for r in self._rows(
                f"MATCH {pat}-[r:{self.types_text(tie_types)}]-(y) WHERE {actor} "
                f"RETURN y, type(r), r.evidence_count LIMIT {cap}", p)]
        if Rel.MEMBER_OF in self.ontology.relationships:
            member = self.ontology.check_type(Rel.MEMBER_OF)
            out["shared_group"] = [tuple(r) for r in self._rows(
                f"MATCH {pat}-[:{member}]->(g)<-[:{member}]-(y) WHERE y.id <> $x_id AND {actor} "
                f"RETURN y, g.id, g.name LIMIT {cap}", p)]
        if prog_types:
            tt = self.types_text(prog_types)
            out["shared_programme"] = [tuple(r) for r in self._rows(
                f"MATCH {pat}-[:{tt}]->(g:{Label.PROGRAMME})<-[:{tt}]-(y) WHERE y.id <> $x_id AND {actor} "
                f"RETURN DISTINCT y, g.id, g.name LIMIT {cap}", p)]
        out["shared_document"] = [tuple(r) for r in self._rows(
            f"MATCH {pat}-[:{MENTIONED_IN}]->(g:{DOC_LABEL})<-[:{MENTIONED_IN}]-(y) WHERE y.id <> $x_id AND {actor} "
            f"RETURN y, g.doc_id, g.title LIMIT {cap}", p)]
        return out

    # ---- whole (filtered) graph for analytics and export ---------------------------------------
    def edges_for_analysis(self, rel_types: list[str] | None = None, labels: list[str] | None = None,
                           cap: int = 200_000) -> tuple[list[tuple[str, str, str, str]], bool]:
        """(edges as (id, type, src, tgt), truncated): id columns only, so large graphs stay cheap."""
        cap = _int(cap, 1, 10_000_000)
        rows = self._filtered_edges(rel_types, labels, "r.id, type(r), a.id, b.id", cap)
        return [tuple(r) for r in rows[:cap]], len(rows) > cap  # type: ignore[misc]

    def _filtered_edges(self, rel_types: list[str] | None, labels: list[str] | None, columns: str,
                        cap: int) -> list[list[Any]]:
        """Rows `columns` of (a)-[r]->(b) of these types with both ends carrying one of `labels`
        (at most cap + 1, so that the caller can tell it was cut)."""
        types = self.types_text(rel_types or self.default_types())
        label_filter = [self.ontology.check_label(lb) for lb in labels] if labels else None
        where = (" WHERE any(l IN labels(a) WHERE l IN $labels) AND any(l IN labels(b) WHERE l IN $labels)"
                 if label_filter else "")
        return self._rows(f"MATCH (a)-[r:{types}]->(b){where} RETURN {columns} LIMIT {cap + 1}",
                          {"labels": label_filter or []})

    def subgraph_for_export(self, rel_types: list[str] | None = None, labels: list[str] | None = None,
                            cap: int = 50_000) -> dict[str, Any]:
        cap = _int(cap, 1, 1_000_000)
        rows = self._filtered_edges(rel_types, labels, "a, r, b", cap)
        nodes: dict[str, dict[str, Any]] = {}
        edges = []
        for a, r, b in rows[:cap]:
            for n in (a, b):
                nid = node_id(n)
                if nid not in nodes:
                    nodes[nid] = summary_node(n, self.ontology)
            edges.append(edge_dict(r))
        return {"nodes": list(nodes.values()), "edges": edges, "truncated": len(rows) > cap, "total": len(edges)}


def document_summary(node: Any) -> dict[str, Any]:
    props = node_props(node)
    authors = props.get("authors") or []
    if isinstance(authors, str):
        authors = [authors]
    return {
        "doc_id": str(props.get("doc_id") or ""), "id": node_id(node),
        "title": props.get("title") or props.get("name"), "date": props.get("date"),
        "source": props.get("source"), "authors": list(authors), "path": props.get("path"),
    }


def _names(node: Any) -> list[str]:
    props = node_props(node)
    names = [props.get("name")] + list(props.get("aliases") or [])
    return [n for n in dict.fromkeys(names) if isinstance(n, str) and n]


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _find(sentence: str, names: list[str]) -> tuple[int, int] | None:
    """Earliest occurrence of any name (longest first at the same position)."""
    best: tuple[int, int] | None = None
    for name in sorted(names, key=len, reverse=True):
        i = sentence.find(name)
        if i >= 0 and (best is None or i < best[0]):
            best = (i, i + len(name))
    return best


def split_sentence(sentence: str, source_names: list[str], target_names: list[str]) -> dict[str, Any]:
    """before/match/after around the two entity names (the match runs from the first name found
    to the end of the last); offsets in code points and in UTF-16 units."""
    spans = [s for s in (_find(sentence, source_names), _find(sentence, target_names)) if s]
    if spans:
        start = min(s[0] for s in spans)
        end = max(s[1] for s in spans)
    else:
        start = end = 0
    before, match, after = sentence[:start], sentence[start:end], sentence[end:]
    if not spans:
        before, match, after = sentence, "", ""
        start = end = len(sentence)
    return {
        "sentence": sentence, "before": before, "match": match, "after": after,
        "match_start": start, "match_end": end,
        "match_start_utf16": utf16_len(sentence[:start]), "match_end_utf16": utf16_len(sentence[:end]),
    }


def evidence_items(props: dict[str, Any], source_names: list[str], target_names: list[str],
                   limit: int) -> list[dict[str, Any]]:
    docs = list(props.get("ev_doc") or [])
    sentences = list(props.get("ev_sentence") or [])
    starts = list(props.get("ev_start") or [])
    ends = list(props.get("ev_end") or [])
    confs = list(props.get("ev_confidence") or [])
    producers = list(props.get("ev_producer") or [])
    items = []
    for i, doc in enumerate(docs[: max(limit, 0)]):
        sentence = sentences[i] if i < len(sentences) and sentences[i] is not None else ""
        # the fields in the order of the API's EvidenceItem (its JSON is written as it is)
        item: dict[str, Any] = {"doc_id": str(doc), "document": None}
        item.update(split_sentence(str(sentence), source_names, target_names))
        item.update(start=int(starts[i]) if i < len(starts) and starts[i] is not None else -1,
                    end=int(ends[i]) if i < len(ends) and ends[i] is not None else -1,
                    confidence=float(confs[i]) if i < len(confs) and confs[i] is not None else DEFAULT_CONFIDENCE,
                    producer=str(producers[i]) if i < len(producers) and producers[i] is not None else DEFAULT_PRODUCER)
        items.append(item)
    return items
