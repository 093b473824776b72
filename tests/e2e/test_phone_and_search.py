"""Phone and tablet layouts (390×844, 768×1024): card, graph and evidence stacked under tabs,
the graph filling the width, no sideways scroll; and search that finds: totals with a "more"
row, a post title finding the persons holding it. Screenshots go to test-artifacts/."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.conftest import shot

pytestmark = pytest.mark.browser

WAIT = 30_000  # ms
INK = """() => { const c = document.querySelector('#network canvas');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++; return n; }"""


def _no_sideways_scroll(page) -> None:
    sw, iw = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert sw <= iw, f"page is {sw}px wide in a {iw}px viewport"


@pytest.mark.parametrize("size", [(390, 844), (768, 1024)], ids=["phone-390", "tablet-768"])
def test_narrow_layout_stacks_panels_under_tabs(page, browser_server, size):
    w, h = size
    page.set_viewport_size({"width": w, "height": h})
    page.goto(f"{browser_server.base}/?id={browser_server.ids['union']}")
    page.wait_for_function("window.reformkg && window.reformkg.draws >= 1 && window.reformkg.busy === 0", timeout=WAIT)
    page.wait_for_function("!!document.querySelector('#card-name')", timeout=WAIT)
    tabs = page.locator("#tabs button")
    assert tabs.count() == 3 and page.locator("#tabs").is_visible()
    # the card first, alone
    assert page.locator("#card").is_visible() and not page.locator("#graph-panel").is_visible()
    _no_sideways_scroll(page)
    shot(page, f"narrow-{w}-card")
    # the graph: the whole width, really drawn
    page.locator("#tabs [data-tab=graph]").click()
    assert page.locator("#graph-panel").is_visible() and not page.locator("#card").is_visible()
    net = page.locator("#network").bounding_box()
    assert net["width"] >= 0.9 * w and net["height"] >= 300, net
    page.wait_for_timeout(300)
    assert page.evaluate(INK) > 500
    _no_sideways_scroll(page)
    shot(page, f"narrow-{w}-graph")
    # evidence, paths and collaborators
    page.locator("#tabs [data-tab=side]").click()
    assert page.locator("#side").is_visible() and not page.locator("#graph-panel").is_visible()
    edge = page.evaluate("window.reformkg.state.edgesData.get().find(e => e.raw && e.raw.type === 'RUNS').id")
    page.evaluate("(id) => window.reformkg.showEvidence(id)", edge)
    page.wait_for_function(f"window.reformkg.lastEvidence === '{edge}'", timeout=WAIT)
    assert page.locator("#evidence mark").count() > 0
    _no_sideways_scroll(page)
    shot(page, f"narrow-{w}-evidence")


def test_wide_layout_has_no_tabs(page, browser_server):
    page.goto(browser_server.base + "/")
    page.wait_for_function("window.reformkg && window.reformkg.ready === true", timeout=WAIT)
    assert not page.locator("#tabs").is_visible()
    for sel in ("#card", "#graph-panel", "#side"):
        assert page.locator(sel).is_visible()


def _type(page, text: str) -> None:
    box = page.locator("#search")
    box.fill("")
    box.press_sequentially(text, delay=40)
    page.wait_for_function(f"window.reformkg.lastSearch && window.reformkg.lastSearch.q === '{text}'", timeout=WAIT)


def test_search_pages_with_total_and_finds_post_titles(page, browser_server):
    page.goto(browser_server.base + "/")
    page.wait_for_function("window.reformkg && window.reformkg.ready === true", timeout=WAIT)
    # a post title finds the person holding it, saying through which post
    _type(page, "书记")
    titled = page.locator("#suggestions li[data-match=title]")
    assert titled.count() >= 1
    assert all("书记" in t for t in titled.all_inner_texts())
    while not page.locator("#suggestions li[data-match=title]").filter(has_text="李建华").count():
        more = page.locator("#suggestions a.more")
        assert more.count(), "李建华 (党组书记) not among the results"
        n = page.evaluate("window.reformkg.lastSearch.shown")
        more.dispatch_event("mousedown")
        page.wait_for_function(f"window.reformkg.lastSearch.shown > {n}", timeout=WAIT)
    hit = page.locator("#suggestions li[data-match=title]").filter(has_text="李建华").first
    assert "党组书记、常务副主席 · 示范市总工会" in hit.inner_text()
    shot(page, "search-by-title")
    # a common term: "10 / total" and a "more" row loading the next page
    term = "总工会"
    total = httpx.get(browser_server.base + "/api/entities", params={"q": term, "limit": 1}).json()["total"]
    if total <= 10:
        pytest.skip(f"only {total} entities match {term}: nothing to page")
    _type(page, term)
    foot = page.locator("#suggestions li.total")
    assert foot.inner_text().startswith(f"10 / {total}")
    page.locator("#suggestions a.more").dispatch_event("mousedown")
    page.wait_for_function("window.reformkg.lastSearch.shown > 10", timeout=WAIT)
    shown = min(20, total)
    assert page.locator("#suggestions li[role=option]").count() == shown
    assert foot.inner_text().startswith(f"{shown} / {total}")
    shot(page, "search-more")
