"""Who works with whom (GET /api/entities/{id}/works-with) ranks exactly as the saved query
`works_with` does when an analyst runs it; reasons are typed and counted; co-mention is a
separate list, off by default. Paths can go around generic nodes, which are then named."""

from __future__ import annotations

import fixture_graph as fg

from reformkg.cypher import get_saved_query
from reformkg.graph import hubs
from reformkg.graph.queries import Reader


def _saved_ranking(store, actor: str, limit: int = 20) -> list[tuple[str, float]]:
    sq = get_saved_query("works_with")
    res = store.read_only_user_query(sq.cypher, sq.bind({"actor": actor, "limit": limit}))  # as `reformkg query --saved`
    col = {c: i for i, c in enumerate(res.columns)}
    return [(row[col["id"]], round(float(row[col["score"]]), 3)) for row in res.rows]


def test_api_and_saved_query_give_the_same_ranking(client, loaded):
    for key in ("union", "agency", "ent", "chair"):
        body = client.get(f"/api/entities/{fg.eid(key)}/works-with").json()
        api = [(it["id"], it["score"]) for it in body["items"]]
        assert api == _saved_ranking(loaded, fg.eid(key)), key
        # by name, as an analyst would call it, the same answer
        assert _saved_ranking(loaded, fg.ENTITIES[key][1]) == api
    assert client.get(f"/api/entities/{fg.eid('union')}/works-with").json()["items"]


def test_reasons_are_typed_and_co_mention_is_separate(client):
    body = client.get(f"/api/entities/{fg.eid('union')}/works-with").json()
    by_id = {it["id"]: it for it in body["items"]}
    agency = by_id[fg.eid("agency")]
    kinds = {r["kind"] for r in agency["reasons"]}
    assert {"CO_SPONSORS", "SAME_PROGRAMME", "SAME_BODY"} <= kinds
    co = next(r for r in agency["reasons"] if r["kind"] == "CO_SPONSORS")
    assert co["via"] == "“金蓝领”技能提升行动" and co["documents"] == 1
    assert co["text"].startswith("co-sponsored “金蓝领”技能提升行动") and co["text"].endswith("1 document")
    # weights are shown and add up to the score
    assert abs(sum(r["weight"] for r in agency["reasons"]) - agency["score"]) < 1e-6
    ranked = [it["score"] for it in body["items"]]
    assert ranked == sorted(ranked, reverse=True)
    assert body["co_mentions"] is None
    assert all(r["kind"] != "CO_MENTION" for it in body["items"] for r in it["reasons"])
    with_mentions = client.get(f"/api/entities/{fg.eid('union')}/works-with", params={"co_mention": "true"}).json()
    assert with_mentions["items"] == body["items"]
    assert with_mentions["co_mentions"], "the fixture's documents name other actors beside the union"
    assert all(r["kind"] == "CO_MENTION" for it in with_mentions["co_mentions"] for r in it["reasons"])


def test_works_with_unknown_404(client):
    assert client.get("/api/entities/uni_nope/works-with").status_code == 404


def test_paths_skip_generic_nodes_and_name_them(client, loaded):
    a, b = fg.eid("chair"), fg.eid("agency")  # 赵志远 — 临川市总工会 — 临川市人社局
    plain = client.get("/api/paths", params={"source": a, "target": b}).json()
    middle = plain["paths"][0]["nodes"][1]["id"]
    degree = hubs.generic_nodes(Reader(loaded, loaded.ontology), 1)[middle]["degree"]
    # with the union's degree as the threshold the union is generic: the path goes around it
    around = client.get("/api/paths", params={"source": a, "target": b, "skip_generic": "true",
                                              "hub_degree": degree}).json()
    assert middle in [h["id"] for h in around["excluded"]]
    assert all(middle not in [n["id"] for n in p["nodes"]] for p in around["paths"])
    assert {h["id"] for h in around["excluded"]} <= set(hubs.generic_nodes(Reader(loaded, loaded.ontology), degree))
    # the ends themselves are never skipped
    own = client.get("/api/paths", params={"source": middle, "target": b, "skip_generic": "true",
                                           "hub_degree": degree}).json()
    assert own["paths"] and own["paths"][0]["nodes"][0]["id"] == middle
