"""Fixtures for the browser tests: one real server for the module (fixture graph + samples/ +
../shared/corpus + ../shared/dev/docs when the pipeline is there), headless Debian chromium through Playwright, and a
page that records console errors and every request to a host other than the server."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest

from tests.e2e.fixture_graph import load_fixture
from tests.e2e.server import CHROMIUM, CHROMIUM_ARGS, REPO, Server, chromium_missing, start_server

ARTIFACTS = REPO / "test-artifacts"


@pytest.fixture(scope="module")
def browser_server(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[Server]:
    why = chromium_missing()
    if why:
        pytest.skip(why)
    # the development set too: the hub views are tested on its five best-connected entities
    ingest = [REPO / "samples", REPO.parent / "shared" / "corpus", REPO.parent / "shared" / "dev" / "docs"]
    # a test module that writes (fact review) sets API_KEY: its server gets that key
    key = getattr(request.module, "API_KEY", None)
    server = start_server(tmp_path_factory.mktemp("ui-data"), load_fixture, ingest=ingest,
                          env={"REFORMKG_API_KEY": key} if key else None)
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser(browser_server: Server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


class PageWatch:
    """What a page did that the tests forbid: console errors, page errors, foreign requests."""

    def __init__(self, allowed_netloc: str) -> None:
        self.allowed = allowed_netloc
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.foreign: list[str] = []
        self.failed: list[str] = []

    def on_request(self, route) -> None:  # every request goes through here
        url = route.request.url
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob") or (parts.scheme == "http" and parts.netloc == self.allowed):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def check(self) -> None:
        problems = {"console errors": self.console_errors, "page errors": self.page_errors,
                    "requests to other hosts": self.foreign, "failed requests": self.failed}
        bad = {k: v for k, v in problems.items() if v}
        assert not bad, bad


@pytest.fixture
def page(browser, browser_server: Server, request: pytest.FixtureRequest):
    ARTIFACTS.mkdir(exist_ok=True)
    ctx = browser.new_context(viewport={"width": 1500, "height": 900}, accept_downloads=True, locale="zh-CN")
    watch = PageWatch(urlsplit(browser_server.base).netloc)
    ctx.route("**/*", watch.on_request)
    pg = ctx.new_page()
    pg.on("console", lambda m: watch.console_errors.append(f"{m.text} @ {m.location}") if m.type == "error" else None)
    pg.on("pageerror", lambda e: watch.page_errors.append(str(e)))
    pg.on("requestfailed", lambda r: watch.failed.append(f"{r.url} {r.failure}")
          if urlsplit(r.url).netloc == watch.allowed else None)
    pg.watch = watch  # type: ignore[attr-defined]
    try:
        yield pg
        watch.check()
    finally:
        try:
            pg.screenshot(path=str(ARTIFACTS / f"{request.node.name}-final.png"))
        except Exception:  # the page may already be gone
            pass
        ctx.close()


def shot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path
