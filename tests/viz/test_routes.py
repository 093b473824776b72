"""viz/routes.py: the page and its assets are served by reformkg itself and reference nothing outside."""

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from reformkg.viz.routes import STATIC_DIR, router


@pytest.fixture(scope="module")
def ui_client():
    app = FastAPI()
    app.include_router(router)
    return TestClient(app)


def test_index_page_loads_only_local_assets(ui_client):
    r = ui_client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    refs = re.findall(r'(?:src|href)="([^"]+)"', r.text)
    assert refs, "no assets referenced?"
    for ref in refs:
        assert ref.startswith("/"), ref
        assert not ref.startswith("//"), ref
        if ref.startswith("/ui/"):
            assert ui_client.get(ref).status_code == 200, ref


def test_vendored_vis_network_is_served(ui_client):
    r = ui_client.get("/ui/vendor/vis-network/vis-network.min.js")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/javascript")
    assert "Network" in r.text and len(r.text) > 100_000
    assert ui_client.get("/ui/vendor/vis-network/LICENSE-MIT").status_code == 200


def test_no_asset_refers_to_another_host():
    pattern = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import|fetch\(\s*["']https?:""")
    for path in STATIC_DIR.rglob("*"):
        if path.suffix in (".html", ".css", ".js"):
            assert not pattern.search(path.read_text(encoding="utf-8")), path
    own = [p for p in STATIC_DIR.glob("*") if p.suffix in (".html", ".css", ".js")]
    for path in own:  # our own files name no URL at all (XML namespace names are identifiers, not fetched)
        text = re.sub(r"""xmlns(:\w+)?=["'][^"']*["']""", "", path.read_text(encoding="utf-8"))
        assert not re.search(r"https?://", text), path


@pytest.mark.parametrize("path", ["/ui/../routes.py", "/ui/%2e%2e/routes.py", "/ui/vendor", "/ui/nope.js", "/ui/"])
def test_static_route_refuses_what_is_not_a_static_file(ui_client, path):
    assert ui_client.get(path).status_code == 404


def test_style_json(ui_client):
    body = ui_client.get("/viz/style.json").json()
    assert body["labels"]["Person"]["shape"] and body["rel_types"]["RUNS"]["color"].startswith("#")


def test_favicon(ui_client):
    assert ui_client.get("/favicon.ico").status_code == 200
