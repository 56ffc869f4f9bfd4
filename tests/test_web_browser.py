"""The dashboard in a real headless Chromium (Debian's ``chromium``, driven by Playwright).

The app runs with uvicorn in a thread on a free loopback port over a store of the 14 sample
gold records and one hostile article (HTML and script in its text, title, URL and publisher).
Every test fails on a JavaScript dialog (an injected ``alert`` that ran) and on a
Content-Security-Policy violation. Screenshots go to ``tests/artifacts/`` (git-ignored).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'parley[web]'")
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed: pip install 'parley[dev]'")

import uvicorn  # noqa: E402
from test_web import HOSTILE_TEXT, NEGOTIATION, fill_store  # noqa: E402

from parley.store.store import Store  # noqa: E402
from parley.web import Settings, create_app  # noqa: E402

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def find_chromium() -> str | None:
    """Debian's Chromium (never a browser downloaded by Playwright)."""
    for candidate in (os.environ.get("PARLEY_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


CHROMIUM = find_chromium()
if CHROMIUM is None:
    pytest.skip("no Chromium at /usr/bin/chromium: apt-get install -y chromium (.ci/run installs it), "
                "or set PARLEY_CHROMIUM", allow_module_level=True)


@dataclass
class Server:
    url: str
    hostile: str
    store_url: str


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, extractor: Any) -> Iterator[Server]:
    """The app on a free loopback port, served by uvicorn in a thread."""
    db = str(tmp_path_factory.mktemp("browser") / "parley.db")
    with Store.open(db) as store:
        hostile = fill_store(store, extractor)
    app = create_app(db, Settings(refresh_seconds=1), extractor=lambda: extractor)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    uv = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the app did not start")
        time.sleep(0.02)
    yield Server(f"http://127.0.0.1:{port}", hostile, db)
    uv.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Watched:
    """A page, and what went wrong on it: dialogs that opened, CSP violations, page errors."""

    page: Any
    dialogs: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    def check(self) -> None:
        assert not self.dialogs, f"a dialog opened (injected script ran): {self.dialogs}"
        assert not self.violations, f"the page broke its CSP or failed: {self.violations}"

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"browser-{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@pytest.fixture
def page(browser: Any) -> Iterator[Watched]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    watched = Watched(context.new_page())

    def on_dialog(dialog: Any) -> None:
        watched.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_console(message: Any) -> None:
        if message.type == "error" and ("Content Security Policy" in message.text or "Refused" in message.text):
            watched.violations.append(message.text)

    watched.page.on("dialog", on_dialog)
    watched.page.on("console", on_console)
    watched.page.on("pageerror", lambda error: watched.violations.append(f"page error: {error}"))
    yield watched
    watched.check()
    context.close()


def test_browser_every_page_renders(server: Server, page: Watched) -> None:
    hostile = server.hostile.removeprefix("sha256:")
    pages = {
        "01-overview": "/",
        "02-matrix": f"/negotiations/{NEGOTIATION}",
        "03-network": f"/negotiations/{NEGOTIATION}/network",
        "04-timeline": f"/negotiations/{NEGOTIATION}/timeline",
        "05-articles": "/articles",
        "06-article": "/articles/07-hamas-response",
        "07-hostile-article": f"/articles/{hostile}",
        "08-search": "/search?q=hostages+released",
        "09-ingest": "/ingest",
        "10-jobs": "/jobs",
        "11-not-found": "/proposals/Pnope",
    }
    for name, path in pages.items():
        response = page.page.goto(server.url + path)
        assert response is not None
        assert response.status == (404 if name == "11-not-found" else 200), path
        assert response.headers["content-security-policy"].startswith("default-src 'self'")
        assert page.page.locator("h1").first.is_visible(), path
        assert page.page.evaluate("document.querySelectorAll('script').length") == 0, path
        page.shot(name)
    page.page.goto(server.url + "/")
    page.page.click("text=Positions matrix")
    assert page.page.url.endswith(f"/negotiations/{NEGOTIATION}")
    proposal = page.page.locator("h2 >> a").first
    label = proposal.inner_text()
    proposal.click()
    assert "/proposals/" in page.page.url and label in page.page.locator("h1").inner_text()
    page.shot("12-proposal")


def test_browser_matrix_cell_to_evidence_to_highlighted_article(server: Server, page: Watched) -> None:
    p = page.page
    p.goto(f"{server.url}/negotiations/{NEGOTIATION}")
    cells = p.locator('table.matrix td.cell:not(.inherited) a[data-actor="HAMAS"]:not([data-term="*"])')
    assert cells.count() > 0
    cell = cells.first
    stance = cell.inner_text().strip()
    term = cell.get_attribute("data-term")
    cell.click()
    p.wait_for_url(re.compile(rf"/positions/HAMAS/[^/]+/{term}$"))
    assert term.replace("_", " ") in p.locator("h1").inner_text()
    assert stance in p.locator(".verdict").inner_text()
    page.shot("20-cell")
    evidence = p.locator("a.evidence-link").last
    quote = evidence.inner_text().strip().strip("“”")
    evidence.click()
    p.wait_for_url(re.compile(r"/articles/[^?]+\?highlight=\d+-\d+#hl$"))
    highlight = p.locator("#text mark#hl")
    assert highlight.count() == 1
    assert " ".join(highlight.inner_text().split()) == " ".join(quote.split())
    assert highlight.is_visible()
    page.shot("21-evidence-in-article")
    first_fact = highlight.locator("a.hl").first
    if first_fact.count():
        target = first_fact.get_attribute("href")
        first_fact.click()
        assert p.url.endswith(target) and p.locator(f"tr{target}").is_visible()
        back = p.locator(f"tr{target} a").first
        back.click()
        assert re.search(r"#e-\d+", p.url)


def test_browser_hostile_article_is_inert(server: Server, page: Watched) -> None:
    p = page.page
    hostile = server.hostile.removeprefix("sha256:")
    p.goto(f"{server.url}/articles/{hostile}")
    text = p.locator("#text").inner_text()
    for raw in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<!-- a hidden comment -->"):
        assert raw in text, raw
    assert '<script>alert("title")</script> Truce <b>talks</b>' == p.locator("h1").inner_text()
    assert p.locator("#text img, #text script, #text b").count() == 0
    assert p.locator('a[href^="javascript:"]').count() == 0
    page.shot("30-hostile-article")
    for path in (f"/negotiations/{NEGOTIATION}", f"/negotiations/{NEGOTIATION}/positions/HAMAS/{_current(server)}/proposal",
                 "/search?q=script+alert", "/articles", f"/negotiations/{NEGOTIATION}/timeline"):
        p.goto(server.url + path)
        assert p.evaluate("document.querySelectorAll('script, img, iframe, object').length") == 0, path
    p.goto(f"{server.url}/search?q=script+alert")
    assert "<script>alert(1)</script>" in p.locator("main").inner_text()
    page.shot("31-hostile-search")
    time.sleep(0.2)  # give any injected handler a moment to fire


def _current(server: Server) -> str:
    import json
    import urllib.request

    with urllib.request.urlopen(f"{server.url}/negotiations/{NEGOTIATION}.json") as response:
        return json.load(response)["positions"]["proposal"]["id"]


def test_browser_ingest_form_runs_a_job_and_shows_its_progress(server: Server, page: Watched) -> None:
    p = page.page
    p.goto(f"{server.url}/ingest")
    text = HOSTILE_TEXT.replace("Oct 21", "Oct 24").replace("on Tuesday", "on Friday")
    p.fill("textarea[name=text]", text)
    p.fill("input[name=title]", "Talks resume <em>in Doha</em>")
    p.fill("input[name=publisher]", "Browser Wire")
    p.fill("input[name=published]", "2025-10-24")
    page.shot("40-ingest-form")
    p.click("form.ingest button[type=submit]")
    p.wait_for_url(re.compile(r"/jobs/[0-9a-f]+$"))
    p.wait_for_selector("#job-status.status-done", timeout=60_000)
    assert "1 of 1" in p.locator("#job-done").inner_text()
    page.shot("41-job-done")
    p.click("text=Talks resume <em>in Doha</em>")
    p.wait_for_url(re.compile(r"/articles/"))
    assert p.locator("h1").inner_text() == "Talks resume <em>in Doha</em>"
    assert "Browser Wire" in p.locator(".byline").inner_text()


def test_browser_network_is_drawn_and_filtered_by_date(server: Server, page: Watched) -> None:
    p = page.page
    p.goto(f"{server.url}/negotiations/{NEGOTIATION}/network")
    svg = p.locator("svg#network-graph")
    assert svg.is_visible()
    nodes, edges = svg.locator("g.node").count(), svg.locator("g.edge").count()
    assert nodes > 3 and edges > nodes
    page.shot("50-network")
    p.fill("input[name=from]", "2025-10-09")
    p.fill("input[name=to]", "2025-10-13")
    p.click("text=Filter")
    p.wait_for_url(re.compile(r"from=2025-10-09&to=2025-10-13"))
    assert 0 < p.locator("svg#network-graph g.edge").count() < edges
    page.shot("51-network-filtered")
