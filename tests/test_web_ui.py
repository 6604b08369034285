"""The dashboard in a real browser: Debian's chromium driven by Playwright against uvicorn on
127.0.0.1, on the store of test_web_api (real corpus articles, the seed, a hostile article).

Screenshots of every page go to docs/ when CHRONIQUE_SCREENSHOTS=1, so that a plain test run
leaves the tree as it was.
"""

from __future__ import annotations

import os
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = Path(os.environ.get("CHRONIQUE_CHROMIUM", "/usr/bin/chromium"))
DOCS = Path(__file__).resolve().parents[1] / "docs"
SHOTS = os.environ.get("CHRONIQUE_SCREENSHOTS") == "1"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (make test does: "
                "apt-get install chromium)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is a dev dependency")
uvicorn = pytest.importorskip("uvicorn")

sys.path.insert(0, str(Path(__file__).parent))
from test_web_api import HOSTILE_TITLE, SEED, STORE, build_store  # noqa: E402


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """uvicorn in a thread of this process (the spaCy models are loaded once, here)."""
    from chronique.web import create_app

    build_store(STORE)
    port = free_port()
    config = uvicorn.Config(create_app(STORE, interval=1), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


class Watched:
    """A page that records dialogs (none may open), console errors and off-server requests."""

    def __init__(self, browser: object, base: str) -> None:
        self.context = browser.new_context(viewport={"width": 1360, "height": 900})
        self.page = self.context.new_page()
        self.base = base
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        host = urlparse(base).netloc
        self.page.on("request", lambda r: urlparse(r.url).netloc not in (host, "")
                     and not r.url.startswith("data:") and self.foreign.append(r.url))

    def go(self, path: str) -> object:
        resp = self.page.goto(self.base + path, wait_until="load")
        assert resp is not None and resp.status == 200, (path, resp and resp.status)
        return self.page

    def shot(self, name: str) -> None:
        if SHOTS:
            DOCS.mkdir(exist_ok=True)
            self.page.screenshot(path=str(DOCS / f"{name}.png"), full_page=False)

    def check(self) -> None:
        assert not self.dialogs, f"a dialog opened: {self.dialogs}"
        assert not self.foreign, f"requests left the server: {self.foreign}"
        assert not self.errors, f"console errors: {self.errors}"


@pytest.fixture
def web(browser, server) -> Iterator[Watched]:
    w = Watched(browser, server)
    yield w
    w.context.close()


def test_overview_draws_timeline_map_and_dyads(web):
    page = web.go("/?actor=RUS&recipient=PRK")
    assert page.locator("h1").inner_text() == "Overview"
    assert page.locator("#timeline rect").count() > 0
    assert page.locator("#map image").count() == 1
    assert page.locator("#map circle").count() > 0
    assert page.locator("table.dyads tbody tr").count() > 0
    # the land outline (a bundled file) loaded
    assert page.evaluate("fetch('/static/world-110m.svg').then(r => r.status)") == 200
    web.shot("overview")
    page.select_option("select[name=interval]", "month")  # applies on change
    page.wait_for_url("**interval=month**")
    assert page.locator("#timeline rect").count() > 0
    web.check()


def test_events_filter_and_sort_change_the_table(web):
    page = web.go("/events")
    rows = page.locator("table.events tbody tr")
    total = int(page.locator("#event-total").inner_text())
    assert rows.count() == min(total, 50) > 5
    web.shot("events")
    page.select_option("select[name=type]", "AID")  # applies on change
    page.wait_for_url("**type=AID**")
    filtered = int(page.locator("#event-total").inner_text())
    assert 0 < filtered < total
    types = page.locator("table.events tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.type)")
    assert set(types) == {"AID"}
    assert "type=AID" in page.locator("#export-csv").get_attribute("href")
    page.fill("input[name=actor]", "prk")
    page.click("form#event-filters button")
    page.wait_for_url("**actor=prk**")
    assert int(page.locator("#event-total").inner_text()) <= filtered
    page = web.go("/events")
    page.click("th a:text-is('score')")
    page.wait_for_url("**sort=score**")
    scores = [float(s) for s in page.locator("table.events tbody td.num:nth-child(6)")
              .all_inner_texts() if s.strip()]
    assert scores == sorted(scores)
    web.check()


def test_claims_show_the_seed_arms_supply_as_alleged_and_denied(web):
    page = web.go("/claims")
    row = page.locator("tr.claim[data-type=AID]")
    assert row.count() == 1
    status = row.locator("td.status").inner_text()
    assert "alleged" in status and "denied" in status
    assert "USA" in row.locator("td.asserted").inner_text()
    denied = row.locator("td.denied").inner_text()
    assert "RUS" in denied and "PRK" in denied
    assert "démenti" in row.locator("td.sentence").inner_text()
    web.shot("claims")
    web.check()


def test_article_highlights_and_event_panel(web):
    page = web.go("/articles/seed")
    for kind in ("actor", "trigger", "time", "quote"):
        assert page.locator(f"article.text .hl-{kind}").count() > 0, kind
    cards = page.locator(".event-card")
    assert cards.count() >= 5
    aid = page.locator(".event-card", has_text="AID").first
    assert "denied by" in aid.inner_text() and "asserted by" in aid.inner_text()
    aid.hover()  # its triggers in the text are marked
    assert page.locator(".hl.focus").count() > 0
    web.shot("article")
    web.check()


def test_actor_page(web):
    page = web.go("/actors/RUS")
    assert "Russia" in page.locator("h1").inner_text()
    assert page.locator("h2", has_text="As actor").count() == 1
    assert page.locator("h2", has_text="Partners").count() == 1
    assert page.locator("blockquote.quote").count() > 0
    web.shot("actor")
    page = web.go("/actors")
    assert page.locator("table.actors tbody tr").count() > 3
    web.check()


def test_hostile_article_stays_inert(web):
    page = web.go("/articles")
    page.click(f"a:text-is('{HOSTILE_TITLE}')")
    page.wait_for_url("**/articles/**")
    assert page.locator("h1").inner_text() == HOSTILE_TITLE  # shown as text
    assert page.locator("main script, main img").count() == 0
    assert "<script>alert(1)</script>" in page.locator("article.text").inner_text()
    page.wait_for_timeout(300)
    web.go("/events?text=mentir")
    web.check()  # no dialog opened


def test_analyse_paste_and_upload(web):
    page = web.go("/analyse")
    page.fill("textarea[name=text]", "La Russie a accusé les États-Unis de mentir, mardi.\n\n"
              "Moscou et Pyongyang ont démenti les allégations américaines selon lesquelles la "
              "Corée du Nord aurait fourni des armes à la Russie.")
    page.fill("input[name=published]", "2023-09-12")
    page.click("#analyse-submit")
    page.wait_for_selector("#reading-title")
    assert page.locator(".event-card").count() >= 1
    assert page.locator("article.text .hl-actor").count() > 0
    page = web.go("/analyse")
    page.set_input_files("input[name=upload]", str(SEED))  # app.js puts it in the text box
    page.wait_for_function("document.getElementById('analyse-text').value.length > 100")
    page.click("#analyse-submit")
    page.wait_for_selector("#reading-title")
    assert "2023-09" in page.locator("#reading-title").inner_text()
    assert page.locator(".event-card", has_text="AID").count() == 1
    web.shot("analyse")
    web.check()
