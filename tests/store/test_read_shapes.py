"""The reads reshaped for CPU (one query text per shape, fewer round trips) return exactly what
the shapes they replaced returned: path lookups merged into one query, the path expansion's
fixed limit, node lookups through the umbrella label, hop dicts built only for what is kept."""

from __future__ import annotations

from typing import Any

import pytest

from reformkg.graph.queries import Reader


@pytest.fixture
def reader(embedded_store, ontology) -> Reader:
    st = embedded_store
    # a hub union with members, a partner ring, an outcome, a programme; parallel and typed edges
    st.write(
        "CREATE (u:Union:Entity {id: 'uni_hub', name: '总工会'}), (r:Region:Entity {id: 'reg_r', name: '甲市'}), "
        "(p:Programme:Entity {id: 'pro_p', name: '“技能”竞赛'}), (o:Outcome {id: 'out_o', name: '培训 5人次', value: 5.0}), "
        "(u)-[:LOCATED_IN {id: 'rel_loc', evidence_count: 2}]->(r), (u)-[:RUNS {id: 'rel_runs', confidence: 0.5}]->(p), "
        "(u)-[:REPORTED {id: 'rel_rep'}]->(o)")
    st.write("UNWIND range(1, 30) AS k CREATE (e:Enterprise:Entity {id: 'ent_' + toString(k), name: '企业' + toString(k)}) "
             "WITH e, k MATCH (u:Union {id: 'uni_hub'}) CREATE (e)-[:MEMBER_OF {id: 'rel_m' + toString(k)}]->(u)")
    st.write("UNWIND range(1, 29) AS k MATCH (a:Enterprise {id: 'ent_' + toString(k)}), (b:Enterprise {id: 'ent_' + toString(k + 1)}) "
             "CREATE (a)-[:PARTNERS_WITH {id: 'rel_pw' + toString(k)}]->(b)")
    return Reader(st, ontology)


def _per_label_nodes(r: Reader, ids: list[str]) -> dict[str, Any]:
    """Nodes by id the way get_nodes read them before: one query per label of the id prefix."""
    out: dict[str, Any] = {}
    for i in ids:
        label = r.label_of(i)
        lab = f":{label}" if label else ""
        for row in r._rows(f"MATCH (n{lab} {{id: $i}}) RETURN n", {"i": i}):
            out[row[0].id] = row[0]
    return out


def test_get_nodes_through_the_umbrella_label_finds_the_same_nodes(reader):
    ids = ["uni_hub", "reg_r", "pro_p", "out_o", "ent_3", "ent_30", "per_missing", "nolabel"]
    assert reader.get_nodes(ids) == _per_label_nodes(reader, ids)


def test_edges_by_hop_in_one_query_reads_what_one_query_per_type_read(reader):
    types = {"rel_loc": "LOCATED_IN", "rel_runs": "RUNS", "rel_m4": "MEMBER_OF", "rel_pw7": "PARTNERS_WITH",
             "rel_rep": "REPORTED"}
    hops = {("uni_hub", "rel_loc", "reg_r"), ("uni_hub", "rel_runs", "pro_p"), ("ent_4", "rel_m4", "uni_hub"),
            ("ent_7", "rel_pw7", "ent_8"), ("uni_hub", "rel_rep", "out_o"), ("ent_1", "rel_m1", "uni_hub")}  # rel_m1: untyped
    got = reader._edges_by_hop(hops, types)
    assert set(got) == {h[1] for h in hops}
    for rid, t in types.items():
        (a, r, b), = reader._rows(f"MATCH ()-[r:{t} {{id: $i}}]->() RETURN startNode(r), r, endNode(r)", {"i": rid})
        assert got[rid] == r


@pytest.mark.parametrize("cap", [1, 5, 31, 32, 33, 1000])
def test_expand_with_a_fixed_limit_keeps_the_rows_a_shrinking_limit_kept(reader, cap):
    ids = ["uni_hub", "out_o", "ent_5", "reg_r"]  # two label groups (entities, Outcome)
    types = reader.types_text(reader.default_types())
    rows: list[list[Any]] = []
    cut = False
    for lab, group in reader._groups(ids).items():  # the old shape: a limit of what is left
        rows.extend(reader._rows(f"UNWIND $ids AS i MATCH (a:{lab} {{id: i}})-[r:{types}]-(b) "
                                 f"RETURN a.id, r.id, b.id, type(r) LIMIT {cap - len(rows) + 1}", {"ids": group}))
        if len(rows) > cap:
            rows, cut = rows[:cap], True
            break
    assert reader._expand(ids, types, cap) == (rows, cut)


@pytest.mark.parametrize("limit", [1, 3, 31, 33, 200])
@pytest.mark.parametrize("depth", [1, 2, 3])
def test_neighbourhood_builds_the_same_subgraph_as_building_every_row(reader, monkeypatch, depth, limit):
    got = reader.neighbourhood("ent_5", depth, limit=limit)

    def take_every_row(self, hop_rows, d, lim, nodes, edges):  # the old loop: both dicts for every row
        nxt = []
        for row in hop_rows:
            e, other = self._hop(row)
            if e["id"] in edges:
                continue
            if len(edges) >= lim:
                return nxt, True
            edges[e["id"]] = e
            if other["id"] not in nodes:
                nodes[other["id"]] = {**other, "depth": d}
                nxt.append(other["id"])
        return nxt, False

    monkeypatch.setattr(Reader, "_take_hop", take_every_row)
    assert got == reader.neighbourhood("ent_5", depth, limit=limit)
