"""Fact review through the API: confirm, reject and correct facts and outcomes (API key only),
decisions stored and re-applied on re-ingest, the queue (lowest confidence first), and the
gold records they make (../shared/eval/FORMAT.md, `reformkg export --format gold DIR`)."""

from __future__ import annotations

import json

import fixture_graph as fg

from reformkg.graph.curation import Curation
from reformkg.graph.model import fact_id
from reformkg.graph.ontology import get_ontology
from reformkg.graph.writer import build_batch


def _edge(client, key: str, rtype: str) -> dict:
    card = client.get(f"/api/entities/{fg.eid(key)}").json()
    rows = card["positions"] + card["awards"] + card["programmes"] + card["related"]
    return next(r for r in rows if r["rel_type"] == rtype)


def _reingest(store) -> None:
    onto = get_ontology()
    cur = Curation.load(store, onto)
    for doc in (fg.document_a(onto), fg.document_b(onto)):
        store.write_document(build_batch(cur.apply(doc), onto))


def test_writes_need_the_key(write_client):
    rel = _edge(write_client, "chair", "HOLDS_POSITION")
    assert write_client.post(f"/api/review/facts/{rel['rel_id']}", json={"decision": "confirm"}).status_code == 401


def test_queue_confirm_and_badge(write_client, auth):
    q = write_client.get("/api/review/queue", params={"limit": 500}).json()
    assert q["total"] == len(q["items"]) > 0
    confs = [i["confidence"] for i in q["items"]]
    assert confs == sorted(confs)  # lowest confidence first (1.0 when the store keeps none)
    first = q["items"][0]
    r = write_client.post(f"/api/review/facts/{first['id']}", headers=auth, json={"decision": "confirm"})
    assert r.status_code == 200 and r.json()["decision"] == "confirm"
    state = write_client.get(f"/api/review/facts/{first['id']}").json()["review"]
    assert state["decision"] == "confirm" and state["docs"]
    after = write_client.get("/api/review/queue", params={"limit": 500}).json()
    assert after["total"] == q["total"] - 1 and first["id"] not in [i["id"] for i in after["items"]]
    bad = write_client.post(f"/api/review/facts/{first['id']}", headers=auth, json={"decision": "maybe"})
    assert bad.status_code == 422


def test_reject_survives_reingest(write_client, fresh, auth):
    _settings, store = fresh
    rel = _edge(write_client, "ent", "PARTNERS_WITH")
    assert write_client.post(f"/api/review/facts/{rel['rel_id']}", headers=auth,
                             json={"decision": "reject"}).status_code == 200
    assert "PARTNERS_WITH" not in write_client.get(f"/api/entities/{fg.eid('ent')}").json()["counts"]
    _reingest(store)
    assert "PARTNERS_WITH" not in write_client.get(f"/api/entities/{fg.eid('ent')}").json()["counts"]


def test_correct_a_title_and_an_end_survives_reingest(write_client, fresh, auth):
    _settings, store = fresh
    rel = _edge(write_client, "chair", "HOLDS_POSITION")
    r = write_client.post(f"/api/review/facts/{rel['rel_id']}", headers=auth,
                          json={"decision": "correct", "props": {"title": "党组书记、主席"}})
    assert r.status_code == 200, r.text
    new = _edge(write_client, "chair", "HOLDS_POSITION")
    assert new["props"]["title"] == "党组书记、主席"
    assert write_client.get(f"/api/review/facts/{new['rel_id']}").json()["review"]["decision"] == "correct"
    # a wrong end: the school, not the enterprise, runs … here: SPONSORS moved to another sponsor
    spons = _edge(write_client, "ent", "SPONSORS")
    r = write_client.post(f"/api/review/facts/{spons['rel_id']}", headers=auth,
                          json={"decision": "correct", "source_id": fg.eid("union")})
    assert r.status_code == 200, r.text
    assert r.json()["new_id"] == fact_id("SPONSORS", fg.eid("union"), fg.eid("prog"), False)
    _reingest(store)
    assert _edge(write_client, "chair", "HOLDS_POSITION")["props"]["title"] == "党组书记、主席"
    assert "SPONSORS" not in write_client.get(f"/api/entities/{fg.eid('ent')}").json()["counts"]
    assert write_client.get(f"/api/entities/{fg.eid('union')}").json()["counts"].get("SPONSORS") == 1
    # an end the type does not allow
    r = write_client.post(f"/api/review/facts/{_edge(write_client, 'worker', 'AWARDED')['rel_id']}", headers=auth,
                          json={"decision": "correct", "type": "PILOTS"})
    assert r.status_code == 422 and "PILOTS" in r.json()["message"]


def test_outcome_correct_and_reject(write_client, fresh, auth):
    _settings, store = fresh
    out = write_client.get(f"/api/entities/{fg.eid('prog')}").json()["outcomes"][0]
    r = write_client.post(f"/api/review/outcomes/{out['id']}", headers=auth,
                          json={"decision": "correct", "value": out["value"] + 500, "actor_id": fg.eid("union")})
    assert r.status_code == 200, r.text
    card = write_client.get(f"/api/entities/{out['id']}").json()
    assert card["properties"]["value"] == out["value"] + 500
    assert [x["id"] for x in card["related"] if x["rel_type"] == "REPORTED"] == [fg.eid("union")]
    _reingest(store)
    card = write_client.get(f"/api/entities/{out['id']}").json()
    assert card["properties"]["value"] == out["value"] + 500
    assert write_client.get(f"/api/review/outcomes/{out['id']}").json()["review"]["decision"] == "correct"
    r = write_client.post(f"/api/review/outcomes/{out['id']}", headers=auth, json={"decision": "reject"})
    assert r.status_code == 200
    _reingest(store)
    assert write_client.get(f"/api/entities/{out['id']}").status_code == 404


def test_gold_records(write_client, fresh, auth, tmp_path):
    _settings, store = fresh
    rel = _edge(write_client, "chair", "HOLDS_POSITION")
    write_client.post(f"/api/review/facts/{rel['rel_id']}", headers=auth, json={"decision": "confirm"})
    rej = _edge(write_client, "ent", "PARTNERS_WITH")
    write_client.post(f"/api/review/facts/{rej['rel_id']}", headers=auth, json={"decision": "reject"})
    gold = write_client.get("/api/review/gold").json()
    assert [g["doc"] for g in gold] == ["a.txt"]
    rec = gold[0]
    assert set(rec) == {"doc", "entities", "relations", "outcomes"}
    assert rec["relations"] == [{"type": "HOLDS_POSITION", "source": "赵志远", "target": "临川市总工会",
                                 "properties": {"title": rel["props"]["title"]}}]
    assert {e["name"] for e in rec["entities"]} == {"赵志远", "临川市总工会"}
    from reformkg.graph.review import export_gold

    assert export_gold(store, tmp_path / "gold") == 1
    assert json.loads((tmp_path / "gold" / "a.json").read_text(encoding="utf-8")) == rec
    assert (tmp_path / "gold" / "reviewed.jsonl").read_text(encoding="utf-8").count("\n") == 1


def test_gold_export_is_scored_by_the_eval_script(write_client, fresh, auth, tmp_path):
    """The exported records are what ../shared/eval/score.py reads (scored against themselves)."""
    import subprocess
    import sys
    from pathlib import Path

    import pytest

    from reformkg.graph.review import export_gold

    score = Path(__file__).resolve().parents[3].parent / "shared" / "eval" / "score.py"
    if not score.exists():
        pytest.skip(f"{score} not present (the shared evaluation kit is beside the repository)")
    _settings, store = fresh
    rel = _edge(write_client, "chair", "HOLDS_POSITION")
    write_client.post(f"/api/review/facts/{rel['rel_id']}", headers=auth, json={"decision": "confirm"})
    gold = tmp_path / "gold"
    export_gold(store, gold)
    out = subprocess.run([sys.executable, str(score), str(gold), str(gold / "reviewed.jsonl")],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    line = next(ln for ln in out.stdout.splitlines() if ln.startswith("relation_micro"))
    assert line.split()[1:4] == ["1.000", "1.000", "1.000"], out.stdout
