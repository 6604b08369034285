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


def test_events_facets_filter_and_sort_change_the_table(web):
    page = web.go("/events")
    rows = page.locator("table.events tbody tr")
    total = int(page.locator("#event-total").inner_text())
    assert rows.count() == min(total, 50) > 5
    web.shot("events")
    facet = page.locator("section.facet[data-facet=type] a").first
    chosen = facet.get_attribute("data-value")
    facet.click()
    page.wait_for_url(f"**type={chosen}**")
    filtered = int(page.locator("#event-total").inner_text())
    assert 0 < filtered < total
    types = page.locator("table.events tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.type)")
    assert set(types) == {chosen}
    assert f"type={chosen}" in page.locator("#export-csv").get_attribute("href")
    second = page.locator("section.facet[data-facet=type] a[aria-pressed=false]").first
    other = second.get_attribute("data-value")
    second.click()  # a second value of the same facet: either type
    page.wait_for_url(f"**type={other}**")
    both = page.locator("table.events tbody tr").evaluate_all(
        "rows => rows.map(r => r.dataset.type)")
    assert set(both) == {chosen, other}
    page = web.go("/events")
    page.click("th a:text-is('score')")
    page.wait_for_url("**sort=score**")
    scores = [float(s) for s in page.locator("table.events tbody td.num:nth-child(6)")
              .all_inner_texts() if s.strip()]
    assert scores == sorted(scores)
    assert "sort=score" in page.locator("#export-csv").get_attribute("href")
    web.check()


def test_denied_supply_counts_only_when_asked(web):
    page = web.go("/events?type=AID&actor=PRK&recipient=RUS")
    assert page.locator("#event-total").inner_text() == "0"
    page.check("input[name=modality][value=denied]")
    page.check("input[name=modality][value=alleged]")
    page.click("form#event-filters button")
    page.wait_for_url("**modality=denied**")
    assert int(page.locator("#event-total").inner_text()) >= 1
    page = web.go("/")
    before = int(page.locator("#total-events").inner_text())
    page.check("input[name=modality][value=denied]")
    page.click("form#scope-form button")
    page.wait_for_url("**modality=denied**")
    assert int(page.locator("#total-events").inner_text()) > before
    web.check()


def test_day_chart_places_bars_by_date(web):
    page = web.go("/")
    dyads = page.evaluate("fetch('/api/v1/overview?modality=all').then(r => r.json())"
                          ".then(o => o.top_dyads.map(d => [d.source, d.target]))")

    def days(pair: list[str]) -> int:
        url = (f"/api/v1/timeseries?actor={pair[0]}&recipient={pair[1]}&both=true"
               "&interval=day&modality=all")
        return page.evaluate(f"fetch('{url}').then(r => r.json()).then(t => t.series.length)")

    a, b = max(dyads, key=days)
    page = web.go(f"/?interval=day&modality=all&actor={a}&recipient={b}")
    bars = page.locator("#timeline a.bar").evaluate_all(
        "bars => bars.map(b => [b.dataset.period, b.getBBox().x])")
    assert len(bars) >= 3
    from datetime import date

    days = [date.fromisoformat(d) for d, _ in bars]
    xs = [x for _, x in bars]
    rate = (xs[-1] - xs[0]) / max((days[-1] - days[0]).days, 1)
    for (d, x) in zip(days, xs, strict=True):
        assert abs(xs[0] + (d - days[0]).days * rate - x) < 2.5  # proportional to time
    assert page.locator("#timeline text.ytick").count() >= 3  # a y scale
    page.locator("#timeline a.bar").first.click()  # a period lists its events
    page.wait_for_url("**/events?**since=**")
    assert int(page.locator("#event-total").inner_text()) >= 1
    web.check()


def test_search_network_map_event_and_quotes(web):
    page = web.go("/")
    page.fill("#site-search", "Poutine")
    page.press("#site-search", "Enter")
    page.wait_for_url("**/search?q=Poutine")
    assert "Vladimir Putin" in page.locator("#search-actors").inner_text()
    web.shot("search")
    page = web.go("/search?q=coree")
    assert page.locator("#search-articles li a").count() > 0
    page = web.go("/network?modality=all")
    assert page.locator("#network a.edge").count() > 0
    node = page.locator("#network a.node").first
    node.hover()
    assert "dim" in page.locator("#network").get_attribute("class")
    web.shot("network")
    page.locator("#network a.edge").first.dispatch_event("click")
    page.wait_for_url("**/events?**actor=**")
    assert int(page.locator("#event-total").inner_text()) >= 1
    page = web.go("/map?modality=all")
    page.wait_for_selector("svg.map[data-ready='1']")
    assert int(page.locator("#unplaced-count").inner_text()) > 0
    web.shot("map")
    box = page.locator("#map").get_attribute("viewBox")
    page.click("button[data-zoom=in]")
    assert page.locator("#map").get_attribute("viewBox") != box
    page.click("button[data-zoom=reset]")
    page.locator("#map-points a.place").first.dispatch_event("click")
    page.wait_for_url("**/events?**place=**")
    assert int(page.locator("#event-total").inner_text()) >= 1
    page = web.go("/claims")
    page.locator("tr.claim[data-type=AID] td.sentence a").first.click()
    page.wait_for_url("**/events/**")
    assert "démenti" in page.locator("main").inner_text()
    web.shot("event")
    page = web.go("/quotes")
    assert page.locator("table.quotes tbody tr").count() > 5
    web.shot("quotes")
    web.check()


@pytest.mark.parametrize("path", ["/", "/events", "/claims", "/quotes", "/network", "/map",
                                  "/articles/seed", "/actors/RUS", "/search?q=Russie"])
def test_phone_screen_has_no_horizontal_scroll(browser, server, path):
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    page.goto(server + path, wait_until="load")
    wide = page.evaluate("document.documentElement.scrollWidth")
    assert wide <= 390, (path, wide)
    if SHOTS and path == "/":
        page.screenshot(path=str(DOCS / "overview-phone.png"))
    ctx.close()


def test_keyboard_reaches_controls_and_follows_a_card(web):
    page = web.go("/articles/seed")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    card = page.locator(".event-card").first
    card.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('hl')")
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
