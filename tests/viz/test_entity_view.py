"""The pyvis entity view through the real app and a real embedded store: GET /viz/entity/{id}
and write_entity_view (the CLI's `reformkg viz`)."""

import re

import pytest
from fastapi.testclient import TestClient

from reformkg.api.main import create_app
from reformkg.viz.pyvis_view import neighbourhood, write_entity_view
from tests.e2e.fixture_graph import load_fixture


@pytest.fixture
def fixture_app(embedded_store, settings):
    ids = load_fixture(embedded_store)
    return TestClient(create_app(settings, store=embedded_store)), ids, embedded_store


def test_viz_entity_route_serves_offline_page(fixture_app):
    client, ids, _ = fixture_app
    r = client.get(f"/viz/entity/{ids['union']}", params={"depth": 2})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert not re.search(r"https?://", html)
    for name in ("示范市总工会", "李建华", "“匠心杯”职业技能竞赛", "示范职业技术学院"):
        assert name in html
    assert "王小燕" not in client.get(f"/viz/entity/{ids['union']}", params={"depth": 1}).text


def test_viz_entity_route_errors(fixture_app):
    client, _, _ = fixture_app
    assert client.get("/viz/entity/uni_doesnotexist00").status_code == 404
    assert client.get("/viz/entity/x", params={"depth": 9}).status_code == 422


def test_same_subgraph_as_the_api(fixture_app):
    client, ids, store = fixture_app
    api = client.get(f"/api/entities/{ids['firm']}/neighbors", params={"depth": 2, "limit": 500}).json()
    sg = neighbourhood(store, ids["firm"], depth=2)
    assert {n["id"] for n in sg.nodes} == {n["id"] for n in api["nodes"]}
    assert {e["id"] for e in sg.edges} == {e["id"] for e in api["edges"]}


def test_write_entity_view_by_name_and_alias(fixture_app, tmp_path):
    _, ids, store = fixture_app
    out = write_entity_view(store, "东湖精工", 1, tmp_path / "v" / "firm.html")  # an alias
    html = out.read_text(encoding="utf-8")
    assert "东湖精工有限公司" in html and "王小燕" in html and not re.search(r"https?://", html)
    with pytest.raises(KeyError):
        write_entity_view(store, "没有这个单位", 1, tmp_path / "none.html")
