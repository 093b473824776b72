"""The review flow in real chromium: with the API key a reviewer confirms a fact and corrects a
title from the evidence panel; the decisions show a badge, survive a reload, leave the queue,
and come out as gold records. Confidence and producer show when the evidence carries them."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.conftest import shot

pytestmark = pytest.mark.browser

API_KEY = "e2e-review-key"  # the module's server is started with this key (conftest)
WAIT = 30_000  # ms


def _evidence_of(page, edge_id: str) -> None:
    page.evaluate("(id) => window.reformkg.showEvidence(id)", edge_id)
    page.wait_for_function(f"window.reformkg.lastEvidence === '{edge_id}' && window.reformkg.busy === 0", timeout=WAIT)


def test_review_from_the_evidence_panel(page, browser_server):
    ids, base = browser_server.ids, browser_server.base
    page.goto(f"{base}/?id={ids['union']}")
    page.wait_for_function("window.reformkg && window.reformkg.draws >= 1 && window.reformkg.busy === 0", timeout=WAIT)
    runs = page.evaluate("window.reformkg.state.edgesData.get().find(e => e.raw && e.raw.type === 'RUNS').id")
    _evidence_of(page, runs)
    # no key yet: no controls, a hint
    assert page.locator("#evidence .review button").count() == 0
    assert "API key" in page.locator("#evidence .review-box").inner_text()
    # the queue, lowest confidence first
    page.locator("#review summary").click()
    page.wait_for_function("window.reformkg.queueLoaded > 0", timeout=WAIT)
    page.locator("#api-key").fill(API_KEY)
    page.locator("#api-key").dispatch_event("change")
    page.wait_for_function("document.querySelectorAll('#evidence .review button').length > 0", timeout=WAIT)
    # confirm: a badge, kept after a reload
    page.locator("#evidence .review button[data-act=confirm]").click()
    page.wait_for_function("window.reformkg.lastDecision || document.querySelector('#evidence .review-msg .error')",
                           timeout=WAIT)
    assert not page.locator("#evidence .review-msg .error").count(), page.locator("#evidence .review-msg").inner_text()
    assert page.evaluate("window.reformkg.lastDecision.decision") == "confirm"
    page.wait_for_function("document.querySelector('#evidence .review-slot .review-badge.ok') !== null", timeout=WAIT)
    shot(page, "review-confirmed")
    queued = httpx.get(base + "/api/review/queue", params={"limit": 500}).json()["items"]
    assert runs not in [q["id"] for q in queued]
    # correct a title: 李建华's post
    pos = page.evaluate(f"""window.reformkg.state.edgesData.get().find(e => e.raw && e.raw.type === 'HOLDS_POSITION'
        && e.from === '{ids['li']}').id""")
    _evidence_of(page, pos)
    page.locator("#evidence details.correct summary").click()
    page.locator("#evidence input[name=title]").fill("党组书记")
    page.locator("#evidence .review button[data-act=correct]").click()
    page.wait_for_function("window.reformkg.lastDecision && window.reformkg.lastDecision.decision === 'correct'",
                           timeout=WAIT)
    page.wait_for_function("document.querySelector('#evidence .review-slot .review-badge.fix') !== null "
                           "&& window.reformkg.busy === 0", timeout=WAIT)
    assert "title=党组书记" in page.locator("#evidence .rel").inner_text()
    shot(page, "review-corrected")
    page.reload()
    page.wait_for_function("window.reformkg && window.reformkg.draws >= 1 && window.reformkg.busy === 0", timeout=WAIT)
    _evidence_of(page, runs)
    page.wait_for_function("document.querySelector('#evidence .review-slot .review-badge.ok') !== null", timeout=WAIT)
    # both decisions are gold records of the fixture's documents
    gold = httpx.get(base + "/api/review/gold").json()
    rels = [r for rec in gold for r in rec["relations"]]
    assert {"type": "HOLDS_POSITION", "source": "李建华", "target": "示范市总工会",
            "properties": {"title": "党组书记"}} in rels
    assert any(r["type"] == "RUNS" and r["source"] == "示范市总工会" for r in rels)


def test_reject_removes_the_edge(page, browser_server):
    ids, base = browser_server.ids, browser_server.base
    page.add_init_script(f"sessionStorage.setItem('reformkg-key', '{API_KEY}')")
    page.goto(f"{base}/?id={ids['firm']}&depth=1")
    page.wait_for_function("window.reformkg && window.reformkg.draws >= 1 && window.reformkg.busy === 0", timeout=WAIT)
    edge = page.evaluate("window.reformkg.state.edgesData.get().find(e => e.raw && e.raw.type === 'PARTNERS_WITH').id")
    _evidence_of(page, edge)
    page.locator("#evidence .review button[data-act=reject]").click()
    page.wait_for_function("window.reformkg.lastDecision && window.reformkg.lastDecision.decision === 'reject'",
                           timeout=WAIT)
    assert not page.evaluate(f"!!window.reformkg.state.edgesData.get('{edge}')")
    assert "PARTNERS_WITH" not in httpx.get(f"{base}/api/entities/{ids['firm']}").json()["counts"]
    shot(page, "review-rejected")
