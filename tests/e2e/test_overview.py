"""The overview page in real chromium, every asset served by reformkg (no CDN: any foreign
request fails the test): the map of China coloured by a measure computed from the graph, the
drill into a province's cities, the clicked region's actors opening their cards, the timeline
and the most connected actors by type."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.conftest import shot

pytestmark = pytest.mark.browser

WAIT = 30_000  # ms
READY = "window.reformkgOverview && window.reformkgOverview.ready && window.reformkgOverview.busy === 0"


def _coloured(page) -> dict[str, int]:
    return {d["adcode"]: d["value"] for d in page.evaluate("window.reformkgOverview.data") if d["value"]}


def test_overview_map_drill_and_cards(page, browser_server):
    if browser_server.ids.get("_ingested", "0") == "0":
        pytest.skip("no document was ingested (pipeline not available): no regions with adcodes")
    base = browser_server.base
    page.goto(base + "/ui/overview.html")
    page.wait_for_function(READY, timeout=WAIT)
    assert page.evaluate("typeof echarts") == "object"
    for measure in ("pilots", "outcomes"):
        page.select_option("#measure", measure)
        page.wait_for_function(f"{READY} && window.reformkgOverview.values.measure === '{measure}'", timeout=WAIT)
        api = httpx.get(base + "/api/overview/regions", params={"measure": measure}).json()
        assert _coloured(page) == {v["adcode"]: v["value"] for v in api["values"] if v["value"]}
    shot(page, "overview-map")
    # the province with the most outcomes: click it on the map, its cities are drawn
    best = max(_coloured(page).items(), key=lambda kv: kv[1])[0]
    pt = page.evaluate(f"""() => {{ const geo = echarts.getMap('100000').geoJson;
        const f = geo.features.find(f => String(f.id || f.properties.id) === '{best}');
        return window.reformkgOverview.chart.convertToPixel({{seriesIndex: 0}}, f.properties.cp); }}""")
    box = page.locator("#map").bounding_box()
    drawn = page.evaluate("window.reformkgOverview.drawn")
    page.mouse.click(box["x"] + pt[0], box["y"] + pt[1])
    page.wait_for_function(f"{READY} && window.reformkgOverview.map === '{best}' && window.reformkgOverview.drawn > {drawn}",
                           timeout=WAIT)
    cities = httpx.get(base + "/api/overview/regions", params={"measure": "outcomes", "province": best}).json()
    assert _coloured(page) == {v["adcode"]: v["value"] for v in cities["values"] if v["value"]}
    assert all(code.startswith(best[:2]) for code in _coloured(page))
    # the clicked region's actors, each opening its card
    page.wait_for_function(f"window.reformkgOverview.region === '{best}' && window.reformkgOverview.regionLoaded > 0",
                           timeout=WAIT)
    first = page.locator("#region-actors a").first
    name = first.inner_text()
    shot(page, "overview-province")
    # the timeline and the most connected actors
    years = httpx.get(base + "/api/overview/timeline").json()["years"]
    assert page.evaluate("window.reformkgOverview.timeline.years") == years and years
    assert page.locator("#top-actors h3").count() >= 3
    first.click()
    page.wait_for_function("!!document.querySelector('#card-name')", timeout=WAIT)
    assert page.locator("#card-name").inner_text() == name


def test_overview_api_checks_its_input(browser_server):
    base = browser_server.base
    assert httpx.get(base + "/api/overview/regions", params={"measure": "nonsense"}).status_code == 422
    assert httpx.get(base + "/api/overview/regions", params={"province": "32"}).status_code == 422
    assert httpx.get(base + "/api/overview/regions/abc/actors").status_code in (404, 422)
