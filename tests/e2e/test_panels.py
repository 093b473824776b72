"""The side panels and filters in real chromium: who works with whom with typed reasons (and
co-mentions only on request), paths around generic nodes (named), panels cleared when the
entity changes, empty filter results explained, the label filter keeping in-between nodes."""

from __future__ import annotations

import itertools

import httpx
import pytest

from tests.e2e.conftest import shot

pytestmark = pytest.mark.browser

WAIT = 30_000  # ms


def _wait_drawn(page, at_least: int) -> None:
    page.wait_for_function(f"window.reformkg && window.reformkg.draws >= {at_least} && window.reformkg.busy === 0",
                           timeout=WAIT)


def _open(page, base: str, eid: str, extra: str = "") -> None:
    page.goto(f"{base}/?id={eid}{extra}")
    _wait_drawn(page, 1)
    page.wait_for_function(f"window.reformkg.lastCollaborators === '{eid}'", timeout=WAIT)


def test_collaborators_panel_shows_typed_reasons(page, browser_server):
    ids = browser_server.ids
    _open(page, browser_server.base, ids["union"])
    panel = page.locator("#collaborators")
    partners = panel.locator("ol.partners > li")
    assert partners.count() >= 3
    text = panel.inner_text()
    assert "示范市人社局" in text and "co-sponsored" in text and "1 document" in text
    assert "both run “匠心杯”职业技能竞赛" in text and "both members of 示范市产改联席会议" in text
    assert panel.locator("ol.co-mentions").count() == 0  # off by default
    first = partners.first.inner_text()
    assert "示范市人社局" in first  # co-sponsoring weighs most
    shot(page, "collaborators-panel")
    page.locator("#co-mention").check()
    page.wait_for_function("document.querySelectorAll('#collaborators ol.co-mentions').length === 1", timeout=WAIT)
    assert "同页提及" in panel.inner_text()
    shot(page, "collaborators-with-co-mentions")


def _pair_through_a_hub(base: str) -> tuple[str, str, dict]:
    hubs = httpx.get(base + "/api/analytics/centrality", params={"metric": "degree", "limit": 5}).json()["items"]
    hub_ids = {h["id"] for h in hubs}
    items = httpx.get(base + "/api/entities", params={"type": "Union", "limit": 40}).json()["items"]
    for a, b in itertools.combinations([i["id"] for i in items], 2):
        if a in hub_ids or b in hub_ids:
            continue
        plain = httpx.get(base + "/api/paths", params={"source": a, "target": b, "max_hops": 6}).json()
        via = [n for n in (plain["paths"][0]["nodes"][1:-1] if plain["paths"] else []) if n["id"] in hub_ids]
        if via:
            return a, b, via[0]
    pytest.skip("no two unions of the ingested documents are linked through a hub")


def test_paths_skip_generic_nodes_by_default(page, browser_server):
    if browser_server.ids.get("_ingested", "0") == "0":
        pytest.skip("no document was ingested (pipeline not available): no hubs")
    a, b, hub = _pair_through_a_hub(browser_server.base)
    page.goto(browser_server.base + "/")
    page.wait_for_function("window.reformkg && window.reformkg.ready === true", timeout=WAIT)
    assert page.locator("#skip-generic").is_checked()
    page.evaluate("([a, b]) => { document.querySelector('#path-a').dataset.id = a; "
                  "document.querySelector('#path-b').dataset.id = b; }", [a, b])
    page.locator("#find-paths").click()
    page.wait_for_function("window.reformkg.lastExcluded !== undefined && window.reformkg.busy === 0", timeout=WAIT)
    assert hub["id"] in page.evaluate("window.reformkg.lastExcluded")
    body = page.locator("#paths .body").inner_text()
    assert "skipped generic nodes" in body and hub["name"] in body
    for path in page.evaluate("""() => Array.from(document.querySelectorAll('#paths .path')).map(d =>
            Array.from(d.querySelectorAll('a.ent')).map(a => a.dataset.id))"""):
        assert hub["id"] not in path
    shot(page, "paths-skip-generic")
    page.locator("#skip-generic").uncheck()
    page.evaluate("window.reformkg.lastExcluded = undefined")
    page.locator("#find-paths").click()
    page.wait_for_function("window.reformkg.lastExcluded !== undefined && window.reformkg.busy === 0", timeout=WAIT)
    assert hub["id"] in page.locator("#paths .path").first.inner_html()


def test_panels_cleared_when_the_entity_changes(page, browser_server):
    ids = browser_server.ids
    _open(page, browser_server.base, ids["union"])
    edge = page.evaluate(f"window.reformkg.state.edgesData.get().find(e => e.raw && e.raw.type === 'RUNS').id")
    page.evaluate("(id) => window.reformkg.showEvidence(id)", edge)
    page.wait_for_function(f"window.reformkg.lastEvidence === '{edge}'", timeout=WAIT)
    assert page.locator("#evidence mark").count() > 0
    page.locator("#card a.ent").filter(has_text="李建华").first.click()
    page.wait_for_function("document.querySelector('#card-name')?.textContent === '李建华'", timeout=WAIT)
    assert page.locator("#evidence mark").count() == 0
    assert "示范市总工会" not in page.locator("#evidence").inner_text()


def test_empty_filter_result_is_explained(page, browser_server):
    ids = browser_server.ids
    _open(page, browser_server.base, ids["firm"], "&depth=1")
    page.locator("#rel-filter summary").click()
    for box in page.locator("#rel-filter input").all():
        box.set_checked(box.get_attribute("value") == "ISSUED")
    page.locator("#rel-filter summary").click()
    draws = page.evaluate("window.reformkg.draws")
    page.locator("#apply").click()
    _wait_drawn(page, draws + 1)
    status = page.locator("#status")
    assert status.is_visible()
    assert "no relationship matches the filters" in status.inner_text() and "ISSUED" in status.inner_text()
    shot(page, "empty-filter-explained")


def test_label_filter_keeps_in_between_nodes(page, browser_server):
    ids = browser_server.ids
    _open(page, browser_server.base, ids["li"], "&depth=2")
    page.locator("#label-filter summary").click()
    page.locator("#label-filter input[value='Programme']").check()
    page.locator("#label-filter summary").click()
    draws = page.evaluate("window.reformkg.draws")
    page.locator("#apply").click()
    _wait_drawn(page, draws + 1)
    shown = page.evaluate("window.reformkg.state.nodesData.getIds()")
    assert ids["contest"] in shown  # two hops away, through the union
    assert ids["union"] in shown  # the node in between stays, faded
    assert page.evaluate(f"window.reformkg.state.nodesData.get('{ids['union']}').opacity") < 1
    assert ids["hr"] not in shown  # an Agency: not asked for, not in between


def test_pyvis_legend_shows_pilots_as_drawn(page, browser_server):
    """Pilots are drawn with a dashed border (not a star): the standalone view's legend says so."""
    page.goto(f"{browser_server.base}/viz/entity/{browser_server.ids['firm']}?depth=1")
    page.wait_for_function("window.reformkgDrawn > 0", timeout=WAIT)
    entry = page.locator("#legend div").filter(has_text="PilotUnit").first
    assert "dashed border" in entry.inner_text() and "star" not in entry.inner_text()
    assert entry.locator(".sw").evaluate("e => getComputedStyle(e).borderTopStyle") == "dashed"
    firm = browser_server.ids["firm"]
    dashes = page.evaluate(f"window.reformkgNetwork.body.nodes['{firm}'].options.shapeProperties.borderDashes")
    assert dashes, "the pilot node itself is drawn dashed"


def _outcome_name(o: dict) -> str:
    """metric + value (with its qualifier) + unit, as the UI names an outcome."""
    q = o.get("qualifier") or ""
    value = f"{int(o['value']):,}" if float(o["value"]).is_integer() else str(o["value"])
    before = q in ("近", "约", "超过", "超", "逾", "达", "不少于", "至少")
    return " ".join(x for x in (o.get("metric") or "", (q if before else "") + value + ("" if before else q),
                                o.get("unit") or "") if x)


def test_outcomes_are_named_by_what_they_count_and_credit_their_actor(page, browser_server):
    ids = browser_server.ids
    card = httpx.get(f"{browser_server.base}/api/entities/{ids['union']}").json()
    outcome = card["outcomes"][0]
    expected = _outcome_name(outcome)
    _open(page, browser_server.base, ids["union"])
    item = page.locator("#card li.outcome").first
    assert item.locator("a.ent").inner_text() == expected
    # the graph labels the node the same way (the full name in its tooltip)
    title = page.evaluate(f"window.reformkg.state.nodesData.get('{outcome['id']}').title")
    assert expected in title
    item.locator("a.ent").click()
    page.wait_for_function(f"document.querySelector('#card-name')?.textContent === {expected!r}", timeout=WAIT)
    credited = page.locator("#card .credited")
    assert "credited to" in credited.inner_text() and card["name"] in credited.inner_text()
    shot(page, "outcome-card")


def test_evidence_shows_confidence_and_producer_when_present(page, browser_server):
    """Evidence entries carry `confidence` and `producer`; the panel shows them — first with
    values substituted into the real answer, then as the store itself returns them."""
    import json

    ids = browser_server.ids

    def add_fields(route):
        resp = route.fetch()
        body = resp.json()
        for i, item in enumerate(body.get("items", [])):
            item["confidence"] = 0.5 + i / 10
            item["producer"] = "rules:test"
        route.fulfill(response=resp, body=json.dumps(body), headers={**resp.headers, "content-type": "application/json"})

    page.route("**/api/edges/*/evidence", add_fields)
    _open(page, browser_server.base, ids["union"])
    edge = page.evaluate("window.reformkg.state.edgesData.get().find(e => e.raw && e.raw.type === 'RUNS').id")
    page.evaluate("(id) => window.reformkg.showEvidence(id)", edge)
    page.wait_for_function(f"window.reformkg.lastEvidence === '{edge}'", timeout=WAIT)
    conf = page.locator("#evidence .conf").first.inner_text()
    assert "0.50" in conf and "rules:test" in conf
    page.unroute("**/api/edges/*/evidence")
    _open(page, browser_server.base, ids["firm"])  # the store's own fields
    edge = page.evaluate("window.reformkg.state.edgesData.get().find(e => e.raw && e.raw.evidence_count > 0).id")
    page.evaluate("(id) => window.reformkg.showEvidence(id)", edge)
    page.wait_for_function(f"window.reformkg.lastEvidence === '{edge}'", timeout=WAIT)
    assert page.locator("#evidence .conf").count() > 0
    stored = page.locator("#evidence .conf").first.inner_text()
    assert "rules:test" not in stored and any(ch.isdigit() for ch in stored)
