"""GET /health and GET /api/ontology."""


def test_health_reports_counts(client):
    r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    assert body["documents"] == 2
    assert body["nodes"] >= 15 and body["relationships"] > 20


def test_health_503_without_store(api_settings):
    from fastapi.testclient import TestClient

    from reformkg.api.main import create_app

    app = create_app(api_settings, None)
    r = TestClient(app).get("/health")  # no lifespan run: no store on the app
    assert r.status_code == 503
    assert "store" in r.json()["message"]


def test_cors_origins_from_settings(api_settings, loaded):
    from fastapi.testclient import TestClient

    from reformkg.api.main import create_app

    settings = api_settings.model_copy(update={"cors_origins": ["http://example.test"]})
    c = TestClient(create_app(settings, loaded))
    r = c.options("/api/entities", headers={"Origin": "http://example.test", "Access-Control-Request-Method": "GET"})
    assert r.headers.get("access-control-allow-origin") == "http://example.test"
    r = c.get("/health", headers={"Origin": "http://elsewhere.test"})
    assert "access-control-allow-origin" not in r.headers
    plain = TestClient(create_app(api_settings, loaded)).get("/health", headers={"Origin": "http://example.test"})
    assert "access-control-allow-origin" not in plain.headers


def test_openapi_docs_are_served_without_a_cdn(client):
    import re

    page = client.get("/docs")
    assert page.status_code == 200
    refs = re.findall(r'(?:src|href)=["\']([^"\']+)', page.text) + re.findall(r"url: ['\"]([^'\"]+)", page.text)
    assert refs, page.text
    assert not [u for u in refs if u.startswith(("http:", "https:", "//"))], refs
    for url in refs:
        if url.endswith((".js", ".css")):
            assert client.get(url).status_code == 200, url
    assert client.get("/openapi.json").json()["info"]["title"] == "reformkg"
