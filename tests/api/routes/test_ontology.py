"""GET /api/ontology and the ontology-derived enums in OpenAPI."""


def test_ontology_json(client):
    r = client.get("/api/ontology")
    assert r.status_code == 200
    body = r.json()
    assert "Union" in body["labels"] and "CO_SPONSORS" in body["relationships"]
    assert body["relationships"]["CO_SPONSORS"]["symmetric"] is True


def test_openapi_lists_enums(client):
    schema = client.get("/openapi.json").json()["components"]["schemas"]
    assert "Person" in schema["NodeLabel"]["enum"]
    assert "MENTIONED_IN" in schema["RelType"]["enum"]


def test_unknown_label_is_422(client):
    r = client.get("/api/entities", params={"type": "Spaceship"})
    assert r.status_code == 422
    assert "type" in r.json()["message"]
