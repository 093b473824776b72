"""The API over the shared corpus (skipped when ../shared/corpus is absent): every document is
uploaded through POST /api/documents (the real pipeline), then search, cards, neighbourhoods,
evidence and paths are read back for the best-connected entities. No corpus text is used here:
what is asked for is taken from the graph itself."""

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import _RUN, API_KEY, _open, _settings
from reformkg.api.main import create_app

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
AUTH = {"Authorization": f"Bearer {API_KEY}"}

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus not present")


@pytest.fixture(scope="module")
def corpus_client(api_data_dir):
    pytest.importorskip("reformkg.ingest.pipeline")
    s = _settings(api_data_dir, f"api_corpus_{_RUN}", api_key=API_KEY, max_upload_bytes=5 * 1024 * 1024)
    store = _open(s)
    client = TestClient(create_app(s, store))
    files = sorted(p for p in CORPUS.iterdir() if p.is_file())
    r = client.post("/api/documents", headers=AUTH,
                    files=[("files", (p.name, p.read_bytes(), "text/plain")) for p in files])
    assert r.status_code == 201, r.text
    yield client, r.json()["items"], len(files)
    store.clear()
    store.close()


def test_every_document_ingested(corpus_client):
    client, items, n = corpus_client
    assert all(i["ok"] for i in items), [i for i in items if not i["ok"]]
    assert client.get("/health").json()["documents"] == n
    docs = client.get("/api/documents").json()
    assert docs["total"] == n
    for d in docs["items"]:
        detail = client.get(f"/api/documents/{d['doc_id']}").json()
        assert detail["entities"], d


def test_reading_the_corpus_graph(corpus_client):
    client, _items, _n = corpus_client
    top = client.get("/api/analytics/centrality", params={"metric": "degree", "limit": 8}).json()["items"]
    assert top
    for item in top:
        card = client.get(f"/api/entities/{item['id']}")
        assert card.status_code == 200
        name = card.json()["name"]
        hits = client.get("/api/entities", params={"q": name, "limit": 50}).json()["items"]
        assert item["id"] in [h["id"] for h in hits]  # found by its own name
        assert hits[0]["match"] == "exact"
        sub = client.get(f"/api/entities/{item['id']}/neighbors", params={"depth": 2}).json()
        ids = {n["id"] for n in sub["nodes"]}
        assert all(e["source"] in ids and e["target"] in ids for e in sub["edges"])
        for e in sub["edges"][:5]:
            ev = client.get(f"/api/edges/{e['id']}/evidence").json()
            for it in ev["items"]:
                assert it["before"] + it["match"] + it["after"] == it["sentence"]
        assert client.get(f"/api/entities/{item['id']}/collaborators").status_code == 200
    a, b = top[0]["id"], top[-1]["id"]
    assert client.get("/api/paths", params={"source": a, "target": b}).status_code == 200
