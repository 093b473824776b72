"""Readable views at any size, in real chromium: the five best-connected entities of the
development set open without two node label boxes overlapping, large neighbourhoods fold into
expandable group nodes, a click at the default depth shows more, the legend sits off the
drawing area, and the path view runs left to right. Screenshots go to test-artifacts/."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.conftest import shot

pytestmark = pytest.mark.browser

WAIT = 30_000  # ms

# every drawn node's box (shape and label) in canvas coordinates, as vis-network measured it
BOXES = """() => {
    const n = window.reformkg.state.network;
    return window.reformkg.state.nodesData.getIds().map(id => {
        const b = n.getBoundingBox(id); return {id, l: b.left, r: b.right, t: b.top, b: b.bottom}; }); }"""


def _wait_drawn(page, at_least: int) -> None:
    page.wait_for_function(f"window.reformkg && window.reformkg.draws >= {at_least} && window.reformkg.busy === 0",
                           timeout=WAIT)


def _overlapping(boxes: list[dict]) -> list[tuple[str, str]]:
    out = []
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a["l"] < b["r"] and b["l"] < a["r"] and a["t"] < b["b"] and b["t"] < a["b"]:
                out.append((a["id"], b["id"]))
    return out


def _hubs(base: str, n: int = 5) -> list[dict]:
    items = httpx.get(base + "/api/analytics/centrality", params={"metric": "degree", "limit": n}).json()["items"]
    assert len(items) == n
    return items


def _intersects(a: dict, b: dict) -> bool:
    return a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"] and \
        a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"]


def test_hub_views_have_no_overlapping_labels(page, browser_server):
    if browser_server.ids.get("_ingested", "0") == "0":
        pytest.skip("no document was ingested (pipeline not available): no development-set hubs")
    hubs = _hubs(browser_server.base)
    for i, hub in enumerate(hubs):
        page.goto(f"{browser_server.base}/?id={hub['id']}")
        _wait_drawn(page, 1)
        boxes = page.evaluate(BOXES)
        assert len(boxes) > 5, hub
        assert not _overlapping(boxes), (hub["name"], _overlapping(boxes)[:5])
        if i == 0:
            shot(page, "hub-view")
    # the biggest neighbourhood is folded into group nodes, and fits the node budget
    page.goto(f"{browser_server.base}/?id={hubs[0]['id']}&depth=3")
    _wait_drawn(page, 1)
    loaded = page.evaluate("Object.keys(window.reformkg.state.all.nodes).length")
    drawn = page.evaluate("window.reformkg.state.nodesData.length")
    groups = page.evaluate("window.reformkg.state.nodesData.get().filter(v => v.grp).map(v => v.label)")
    assert loaded > drawn and groups, (loaded, drawn)
    assert all(g.startswith("+") for g in groups)
    assert drawn <= page.evaluate("window.reformkg.state.budget") + 10
    assert not _overlapping(page.evaluate(BOXES))


def test_group_node_opens_and_click_at_default_depth_shows_more(page, browser_server):
    if browser_server.ids.get("_ingested", "0") == "0":
        pytest.skip("no document was ingested (pipeline not available)")
    hub = _hubs(browser_server.base, 1)[0]
    page.goto(f"{browser_server.base}/?id={hub['id']}")  # default depth (2)
    _wait_drawn(page, 1)
    assert page.locator("#depth").input_value() == "2"
    # a group node: clicking it draws its best members
    gid = page.evaluate("window.reformkg.state.nodesData.get().filter(v => v.grp)[0].id")
    before = page.evaluate("window.reformkg.state.nodesData.get().filter(v => v.raw).length")
    page.evaluate("(id) => window.reformkg.expand(id)", gid)
    _wait_drawn(page, 2)
    after = page.evaluate("window.reformkg.state.nodesData.get().filter(v => v.raw).length")
    assert after > before
    assert not _overlapping(page.evaluate(BOXES))
    # a click on a drawn neighbour whose own neighbours are folded adds them to the view
    nid = page.evaluate("""() => { const p = window.reformkg.state.plan;
        const g = p.groups.find(g => g.parent !== window.reformkg.state.center); return g && g.parent; }""")
    assert nid, "no folded neighbours at depth 2"
    box = page.locator("#network").bounding_box()
    dom = page.evaluate("(id) => { const n = window.reformkg.state.network; return n.canvasToDOM(n.getPositions([id])[id]); }",
                        nid)
    before = page.evaluate("window.reformkg.state.nodesData.get().filter(v => v.raw).length")
    draws = page.evaluate("window.reformkg.draws")
    page.mouse.click(box["x"] + dom["x"], box["y"] + dom["y"])
    page.wait_for_function(f"window.reformkg.lastExpand && window.reformkg.lastExpand.id === '{nid}'", timeout=WAIT)
    _wait_drawn(page, draws + 1)
    assert page.evaluate("window.reformkg.lastExpand.added") > 0
    assert page.evaluate("window.reformkg.state.nodesData.get().filter(v => v.raw).length") > before
    shot(page, "hub-expanded")


def test_legend_is_collapsible_and_off_the_drawing_area(page, browser_server):
    page.goto(f"{browser_server.base}/?id={browser_server.ids['union']}")
    _wait_drawn(page, 1)
    legend = page.locator("#legend")
    assert legend.evaluate("e => e.tagName") == "DETAILS"
    for opened in (False, True):
        if opened:
            legend.locator("summary").click()
            assert "RUNS" in legend.inner_text() and "PilotUnit" in legend.inner_text()
        assert not _intersects(legend.bounding_box(), page.locator("#network").bounding_box()), opened
    shot(page, "legend-open")


def test_path_view_runs_left_to_right(page, browser_server):
    ids = browser_server.ids
    page.goto(browser_server.base + "/")
    page.wait_for_function("window.reformkg && window.reformkg.ready === true", timeout=WAIT)
    for sel, text, expect in (("#path-a", "李建", "李建华"), ("#path-b", "王小", "王小燕")):
        page.locator(sel).click()
        page.locator(sel).press_sequentially(text, delay=60)
        page.locator(f"{sel} + ul.suggestions li").filter(has_text=expect).first.click()
    page.locator("#find-paths").click()
    page.locator("#paths .path").first.wait_for(state="visible", timeout=WAIT)
    _wait_drawn(page, 1)
    paths = page.evaluate("""() => Array.from(document.querySelectorAll('#paths .path')).map(d =>
        Array.from(d.querySelectorAll('a.ent')).map(a => a.dataset.id))""")
    pos = page.evaluate("() => window.reformkg.state.network.getPositions()")
    assert paths and all(len(p) >= 3 for p in paths)
    for p in paths:
        xs = [pos[i]["x"] for i in p]
        assert xs == sorted(xs) and len(set(xs)) == len(xs), (p, xs)
    assert paths[0][0] == ids["li"] and paths[0][-1] == ids["wang"]
    assert not _overlapping(page.evaluate(BOXES))
    shot(page, "path-view")
