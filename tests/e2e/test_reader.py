"""The document reader in real chromium: from a card or an evidence sentence, the stored
document opens with every mention highlighted by label and linked to its card, and the facts
read from it beside it, each jumping to its sentence."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from tests.e2e.conftest import shot

pytestmark = pytest.mark.browser

WAIT = 30_000  # ms


def _hub(base: str) -> dict:
    return httpx.get(base + "/api/analytics/centrality", params={"metric": "degree", "limit": 1}).json()["items"][0]


def test_reader_from_a_card_and_from_evidence(page, browser_server):
    if browser_server.ids.get("_ingested", "0") == "0":
        pytest.skip("no document was ingested (pipeline not available): no stored text to read")
    base = browser_server.base
    hub = _hub(base)
    page.goto(f"{base}/?id={hub['id']}")
    page.wait_for_function("window.reformkg && window.reformkg.draws >= 1 && window.reformkg.busy === 0", timeout=WAIT)
    page.wait_for_function("document.querySelectorAll('#card a.doc-open').length > 0", timeout=WAIT)
    hrefs = page.evaluate("Array.from(document.querySelectorAll('#card a.doc-open')).map(a => a.getAttribute('href'))")
    doc = parse_qs(urlsplit(hrefs[0]).query)["doc"][0]
    data = httpx.get(f"{base}/api/reader/{doc}").json()
    assert data["text"] and data["mentions"] and data["facts"]
    page.goto(base + hrefs[0])
    page.wait_for_function("window.reformkgReader && window.reformkgReader.ready", timeout=WAIT)
    mentions = page.locator("#doc-text a.mention")
    assert mentions.count() == len(data["mentions"])
    assert page.locator(f"#doc-text a.mention[data-id='{hub['id']}']").count() >= 1  # the card's entity is in it
    first = data["mentions"][0]
    link = mentions.first
    assert link.inner_text() == data["text"][first["start"]:first["end"]]
    assert link.get_attribute("href") == f"/?id={first['id']}"
    assert link.evaluate("e => getComputedStyle(e).borderBottomStyle") == "solid"
    assert page.locator("#doc-text").inner_text().replace("\n", "") == data["text"].replace("\n", "")
    # a fact jumps to its sentence
    k = next(i for i, f in enumerate(data["facts"]) if f["sentence_start"] >= 0)
    fact = data["facts"][k]
    page.locator(f"#fact-list button[data-k='{k}']").click()
    flashed = "".join(page.locator("#doc-text .sent.flash").all_inner_texts())
    assert flashed == data["text"][fact["sentence_start"]:fact["sentence_end"]]
    shot(page, "document-reader")
    # from an evidence sentence: the reader opens on that sentence
    page.goto(f"{base}/?id={hub['id']}")
    page.wait_for_function("window.reformkg && window.reformkg.draws >= 1 && window.reformkg.busy === 0", timeout=WAIT)
    edge = page.evaluate("window.reformkg.state.edgesData.get().find(e => e.raw && e.raw.evidence_count > 0).id")
    page.evaluate("(id) => window.reformkg.showEvidence(id)", edge)
    page.wait_for_function(f"window.reformkg.lastEvidence === '{edge}'", timeout=WAIT)
    href = page.locator("#evidence a.doc-open").first.get_attribute("href")
    assert "at=" in href
    sentence = page.locator("#evidence .sentence").first.inner_text()
    page.goto(base + href)
    page.wait_for_function("window.reformkgReader && window.reformkgReader.ready", timeout=WAIT)
    assert page.evaluate("window.reformkgReader.jumped") is not None
    flashed = "".join(page.locator("#doc-text .sent.flash").all_inner_texts())
    assert sentence.strip() and sentence.strip()[:20] in flashed
    shot(page, "document-reader-from-evidence")
