"""Documents: list, detail, upload (auth, size limit, pipeline), delete."""

import fixture_graph as fg
from fastapi.testclient import TestClient

from reformkg.api.main import create_app


def test_list_documents(client):
    body = client.get("/api/documents").json()
    assert body["total"] == 2
    assert [d["doc_id"] for d in body["items"]] == [fg.DOC_B, fg.DOC_A]  # newest first
    assert body["items"][1]["authors"] == ["测试记者"]


def test_document_detail(client):
    r = client.get(f"/api/documents/{fg.DOC_B}")
    assert r.status_code == 200
    body = r.json()
    assert body["title"] == "东湖区校企合作见闻" and body["date"] == "2024-06-10"
    assert {e["name"] for e in body["entities"]} >= {"钱小梅", "临川技师学院"}
    assert {f["type"] for f in body["facts"]} == {"PARTNERS_WITH", "AWARDED", "RUNS", "LOCATED_IN"}
    assert client.get(f"/api/documents/doc_{fg.DOC_B}").status_code == 200  # node id accepted too
    assert client.get("/api/documents/nosuchdoc").status_code == 404


def test_write_routes_off_without_key(api_settings, loaded):
    settings = api_settings.model_copy(update={"api_key": ""})
    c = TestClient(create_app(settings, loaded))
    r = c.delete(f"/api/documents/{fg.DOC_A}", headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403 and "REFORMKG_API_KEY" in r.json()["message"]
    r = c.post("/api/documents", files={"files": ("x.txt", "临川市总工会".encode(), "text/plain")})
    assert r.status_code == 403


def test_write_routes_need_the_key(client):
    assert client.delete(f"/api/documents/{fg.DOC_A}").status_code == 401
    r = client.delete(f"/api/documents/{fg.DOC_A}", headers={"Authorization": "Bearer wrong"})
    assert r.status_code == 403
    assert client.get("/api/documents").json()["total"] == 2


def test_delete_document(write_client, auth):
    r = write_client.delete(f"/api/documents/{fg.DOC_B}", headers=auth)
    assert r.status_code == 200 and r.json() == {"doc_id": fg.DOC_B, "deleted": True}
    assert write_client.get("/api/documents").json()["total"] == 1
    # what only document B supported is gone; the rest stays
    assert write_client.get(f"/api/entities/{fg.eid('worker')}").status_code == 404
    card = write_client.get(f"/api/entities/{fg.eid('union')}").json()
    assert card["programmes"][0]["evidence_count"] == 1
    assert write_client.delete(f"/api/documents/{fg.DOC_B}", headers=auth).status_code == 404


def test_upload_too_large_is_413(write_client, auth):
    big = ("临川市总工会。" * 20000).encode()  # > 64 KiB limit of the test settings
    r = write_client.post("/api/documents", headers=auth, files={"files": ("big.txt", big, "text/plain")})
    assert r.status_code == 413
    assert "larger" in r.json()["message"]


def test_413_names_the_configured_limit(write_client, auth):
    """Rejected on Content-Length before the body is read; the message gives the setting's value."""
    big = b"x" * (64 * 1024 * 3)
    r = write_client.post("/api/documents", headers=auth, files={"files": ("big.txt", big, "text/plain")})
    assert r.status_code == 413
    assert r.json()["message"] == f"upload larger than {64 * 1024} bytes"


def test_upload_runs_the_pipeline(write_client, auth):
    import pytest

    pytest.importorskip("reformkg.ingest.pipeline")
    text = ("临川市总工会举办职工技能大赛\n\n2024年5月8日，临川市总工会联合临川市人社局举办“金蓝领”技能提升行动，"
            "东湖精密机械有限公司承办。\n").encode()
    r = write_client.post("/api/documents", headers=auth,
                          files=[("files", ("../../etc/新闻.txt", text, "text/plain")),
                                 ("files", ("empty.txt", b"", "text/plain"))])
    assert r.status_code == 201, r.text
    items = r.json()["items"]
    assert items[0]["ok"] is True and items[0]["entities"] > 0, items
    assert items[1]["ok"] is False and items[1]["message"]
    assert write_client.get("/api/documents").json()["total"] == 3
    assert write_client.get(f"/api/documents/{items[0]['doc_id']}").status_code == 200
