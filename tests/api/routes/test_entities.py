"""Search, entity card, neighbourhood and collaborators through the real app."""

import fixture_graph as fg


def test_search_ranks_exact_then_prefix_then_degree(client):
    body = client.get("/api/entities", params={"q": "临川"}).json()
    names = [i["name"] for i in body["items"]]
    assert names[0] == "临川市"  # exact alias match ("临川") first
    assert body["items"][0]["match"] == "alias"
    assert body["total"] == len(names) == 5
    prefix = [i for i in body["items"] if i["match"] == "prefix"]
    assert [i["degree"] for i in prefix] == sorted((i["degree"] for i in prefix), reverse=True)


def test_search_by_alias_and_substring(client):
    body = client.get("/api/entities", params={"q": "东湖精机"}).json()
    assert [i["id"] for i in body["items"]] == [fg.eid("ent")]
    body = client.get("/api/entities", params={"q": "技能提升"}).json()
    assert body["items"][0]["id"] == fg.eid("prog") and body["items"][0]["match"] == "substring"
    body = client.get("/api/entities", params={"q": "梅"}).json()  # one character: no bigram
    assert [i["name"] for i in body["items"]] == ["钱小梅"]


def test_search_label_and_region_filter(client):
    body = client.get("/api/entities", params={"q": "东湖", "type": "Enterprise"}).json()
    assert {i["name"] for i in body["items"]} == {"东湖精密机械有限公司", "东湖精密机械公司"}
    # region filter includes regions below it (东湖区 PART_OF 临川市)
    body = client.get("/api/entities", params={"region": "临川市", "type": "Enterprise"}).json()
    assert {i["name"] for i in body["items"]} == {"东湖精密机械有限公司", "东湖精密机械公司"}
    body = client.get("/api/entities", params={"region": fg.eid("dist"), "type": "Agency"}).json()
    assert body["total"] == 0
    body = client.get("/api/entities", params={"region": "不存在的地方"}).json()
    assert body == {"items": [], "total": 0, "limit": 20, "offset": 0}


def test_search_paging(client):
    first = client.get("/api/entities", params={"q": "临川", "limit": 2}).json()
    second = client.get("/api/entities", params={"q": "临川", "limit": 2, "offset": 2}).json()
    assert len(first["items"]) == 2 and len(second["items"]) == 2
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    assert client.get("/api/entities", params={"limit": 0}).status_code == 422
    assert client.get("/api/entities", params={"limit": 10_000}).status_code == 422


def test_card(client):
    r = client.get(f"/api/entities/{fg.eid('union')}")
    assert r.status_code == 200
    card = r.json()
    assert card["name"] == "临川市总工会" and card["labels"][0] == "Union"
    assert card["aliases"] == ["市总工会"]
    assert [p["name"] for p in card["positions"]] == ["赵志远"]
    assert card["positions"][0]["props"]["title"] == "主席"
    assert [p["name"] for p in card["programmes"]] == ["“金蓝领”技能提升行动"]
    assert card["programmes"][0]["evidence_count"] == 2  # read from both documents
    assert {d["doc_id"] for d in card["documents"]} == {fg.DOC_A, fg.DOC_B}
    assert card["counts"]["RUNS"] == 1 and card["counts"]["MENTIONED_IN"] == 2
    assert "search_text" not in card["properties"]


def test_card_awards_and_outcomes(client):
    worker = client.get(f"/api/entities/{fg.eid('worker')}").json()
    assert [a["name"] for a in worker["awards"]] == ["全国五一劳动奖章"]
    prog = client.get(f"/api/entities/{fg.eid('prog')}").json()
    assert len(prog["outcomes"]) == 1 and prog["outcomes"][0]["value"] == 3000.0


def test_card_unknown_is_404(client):
    for eid in ("uni_doesnotexist", "nothing-like-an-id"):
        r = client.get(f"/api/entities/{eid}")
        assert r.status_code == 404
        assert eid in r.json()["message"]


def test_neighbors_depth(client):
    one = client.get(f"/api/entities/{fg.eid('chair')}/neighbors").json()
    assert {n["name"] for n in one["nodes"]} == {"赵志远", "临川市总工会"}
    assert one["total"] == 1 and not one["truncated"]
    two = client.get(f"/api/entities/{fg.eid('chair')}/neighbors", params={"depth": 2}).json()
    assert "“金蓝领”技能提升行动" in {n["name"] for n in two["nodes"]}
    assert all(e["type"] != "MENTIONED_IN" for e in two["edges"])
    assert {e["source"] for e in two["edges"]} | {e["target"] for e in two["edges"]} <= {n["id"] for n in two["nodes"]}


def test_neighbors_filters(client):
    union = fg.eid("union")
    r = client.get(f"/api/entities/{union}/neighbors", params={"rel_types": ["RUNS", "HOLDS_POSITION"]}).json()
    assert {e["type"] for e in r["edges"]} == {"RUNS", "HOLDS_POSITION"}
    r = client.get(f"/api/entities/{union}/neighbors", params={"labels": ["Agency"]}).json()
    assert {n["name"] for n in r["nodes"]} == {"临川市总工会", "临川市人社局", "临川市产改联席会议"}
    r = client.get(f"/api/entities/{union}/neighbors", params={"rel_types": ["MENTIONED_IN"]}).json()
    assert {n["labels"][0] for n in r["nodes"] if n["id"] != union} == {"Document"}
    assert client.get(f"/api/entities/{union}/neighbors", params={"rel_types": ["LIKES"]}).status_code == 422


def test_neighbors_time_filter_uses_document_dates(client):
    ent = fg.eid("ent")
    r = client.get(f"/api/entities/{ent}/neighbors", params={"since": "2024-01-01"}).json()
    assert {e["type"] for e in r["edges"]} == {"PARTNERS_WITH"}  # only doc B is dated 2024
    r = client.get(f"/api/entities/{ent}/neighbors", params={"until": "2023-12-31"}).json()
    assert {e["type"] for e in r["edges"]} == {"SPONSORS", "LOCATED_IN"}
    r = client.get(f"/api/entities/{ent}/neighbors", params={"since": "2025-01-01", "until": "2024-01-01"})
    assert r.status_code == 422


def test_neighbors_cap_is_reported(client):
    r = client.get(f"/api/entities/{fg.eid('union')}/neighbors", params={"depth": 3, "limit": 3}).json()
    assert len(r["edges"]) == 3 and r["truncated"] is True and r["total"] > 3


def test_neighbors_unknown_404(client):
    assert client.get("/api/entities/per_nobody/neighbors").status_code == 404


def test_collaborators(client):
    r = client.get(f"/api/entities/{fg.eid('union')}/collaborators")
    assert r.status_code == 200
    items = {i["name"]: i for i in r.json()["items"]}
    agency = items["临川市人社局"]  # tie (CO_SPONSORS) + shared group + shared programme + shared document
    assert {x["kind"] for x in agency["reasons"]} == {"tie", "shared_group", "shared_programme", "shared_document"}
    assert r.json()["items"][0]["name"] == "临川市人社局"
    assert "东湖精密机械有限公司" in items  # shared programme (SPONSORS/RUNS) and documents
    assert all(i["id"] != fg.eid("union") for i in r.json()["items"])
    assert client.get("/api/entities/uni_nobody/collaborators").status_code == 404


def test_search_common_term_keeps_exact_first(fresh):
    """More matches than the ranking window: the exact name still comes first, total is exact."""
    from fastapi.testclient import TestClient

    from reformkg.api.main import create_app
    from reformkg.graph.model import entity_id
    from reformkg.graph.queries import SEARCH_CAP

    settings, store = fresh
    n = SEARCH_CAP + 100
    rows = [{"id": entity_id("Enterprise", f"测试{i}"), "name": f"华东测试机械厂{i:04d}", "search_text": ""}
            for i in range(n)]
    rows.append({"id": entity_id("Enterprise", "华东"), "name": "华东", "search_text": ""})
    for r in rows:
        s = r["name"].lower()
        r["search_text"] = " ".join(s[i:i + 2] for i in range(len(s) - 1))
    store.write("UNWIND $rows AS r CREATE (n:Enterprise:Entity) SET n = r", {"rows": rows})
    c = TestClient(create_app(settings, store))
    body = c.get("/api/entities", params={"q": "华东", "limit": 5}).json()
    assert body["total"] == n + 1
    assert body["items"][0]["name"] == "华东" and body["items"][0]["match"] == "exact"
    assert all(i["match"] == "prefix" for i in body["items"][1:])
