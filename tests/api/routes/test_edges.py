"""GET /api/edges/{id}/evidence and the before/match/after split."""

import fixture_graph as fg

from reformkg.graph.model import fact_id
from reformkg.graph.queries import split_sentence


def test_evidence_of_edge_from_two_documents(client):
    rid = fact_id("RUNS", fg.eid("union"), fg.eid("prog"))
    r = client.get(f"/api/edges/{rid}/evidence")
    assert r.status_code == 200
    body = r.json()
    assert body["edge"]["type"] == "RUNS" and body["total"] == 2
    assert {i["doc_id"] for i in body["items"]} == {fg.DOC_A, fg.DOC_B}
    for item in body["items"]:
        assert item["before"] + item["match"] + item["after"] == item["sentence"]
        assert item["match"].startswith("临川市总工会") and item["match"].endswith("技能提升行动")
        assert item["document"]["doc_id"] == item["doc_id"]
    one = client.get(f"/api/edges/{rid}/evidence", params={"limit": 1}).json()
    assert len(one["items"]) == 1 and one["truncated"] is True


def test_evidence_unknown_404(client):
    assert client.get("/api/edges/rel_nothing/evidence").status_code == 404


def test_split_counts_utf16_units():
    s = "𠀀甲乙公司与丙丁学院合作"  # an astral character first: 1 code point, 2 UTF-16 units
    out = split_sentence(s, ["甲乙公司"], ["丙丁学院"])
    assert out["match"] == "甲乙公司与丙丁学院"
    assert (out["match_start"], out["match_end"]) == (1, 10)
    assert (out["match_start_utf16"], out["match_end_utf16"]) == (2, 11)
    none = split_sentence("无关句子", ["甲"], ["乙"])
    assert none["before"] == "无关句子" and none["match"] == "" and none["after"] == ""


def test_evidence_with_node_hint(client):
    rid = fact_id("RUNS", fg.eid("union"), fg.eid("prog"))
    for near in (fg.eid("union"), fg.eid("prog")):
        body = client.get(f"/api/edges/{rid}/evidence", params={"node": near}).json()
        assert body["source"]["id"] == fg.eid("union") and body["target"]["id"] == fg.eid("prog")
        assert body["total"] == 2
    # a wrong hint still finds the edge (falls back to the full lookup)
    assert client.get(f"/api/edges/{rid}/evidence", params={"node": fg.eid("chair")}).status_code == 200


def test_evidence_and_subgraph_nodes_carry_aliases(client):
    """The UI highlights both ends' names *and aliases* in evidence sentences: nodes carry them."""
    rid = fact_id("RUNS", fg.eid("union"), fg.eid("prog"))
    body = client.get(f"/api/edges/{rid}/evidence").json()
    assert body["source"]["aliases"] == ["市总工会"] and body["target"]["aliases"] == ["金蓝领"]
    sub = client.get(f"/api/entities/{fg.eid('union')}/neighbors").json()
    by_id = {n["id"]: n for n in sub["nodes"]}
    assert by_id[fg.eid("union")]["aliases"] == ["市总工会"]
    assert by_id[fg.eid("prog")]["aliases"] == ["金蓝领"]
