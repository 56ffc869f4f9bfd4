"""The web app and HTTP API, in-process (FastAPI's TestClient), on SQLite and PostgreSQL.

The store holds the 14 sample gold records and one hostile article, ingested through the real
extractor, whose text, title, URL and publisher carry HTML and script.
"""

from __future__ import annotations

import html
import json
import re
import socket
import time
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'parley[web]'")

with warnings.catch_warnings():  # Starlette's TestClient warns about its httpx dependency
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from parley.batch import ingest_articles  # noqa: E402
from parley.cli import cli  # noqa: E402
from parley.errors import ParleyError  # noqa: E402
from parley.ingest import article_from_text  # noqa: E402
from parley.record import load_record  # noqa: E402
from parley.store.store import Store  # noqa: E402
from parley.web import Settings, create_app  # noqa: E402
from parley.web.security import CSP  # noqa: E402

GOLD = sorted((Path(__file__).parent.parent / "parley" / "samples" / "gold").glob("*.json"))

HOSTILE_TEXT = """CAIRO, Oct 21 (Test Wire) — Hamas said on Tuesday it accepted the U.S. plan for a ceasefire in Gaza <script>alert(1)</script> and would free all hostages, Egyptian mediators said.

Israel rejected <img src=x onerror=alert(1)> the demand for a full withdrawal from Gaza, an Israeli official said. <!-- a hidden comment --> Qatar said talks would resume in Doha next week.
"""
HOSTILE_META = {"title": '<script>alert("title")</script> Truce <b>talks</b>', "url": "javascript:alert(1)",
                "publisher": "<i>Test Wire</i>", "published": "2025-10-21"}
LIVE = ["<script>alert", "<img src=x", "<!-- a hidden comment", "<b>talks", "<i>Test Wire", 'href="javascript:']
"""What must never appear in an HTML page: the hostile article's markup, live."""

NEGOTIATION = "HAMAS-ISR"


def fill_store(store: Store, extractor: Any) -> str:
    """Import the sample gold records and ingest the hostile article; its id."""
    for path in GOLD:
        record = load_record(json.loads(path.read_text(encoding="utf-8")))
        store.import_record(record, record.article.text or "")
    hostile = article_from_text(HOSTILE_TEXT, origin="hostile.txt", **HOSTILE_META)
    summary = ingest_articles([hostile], store=store, extractor=extractor)
    assert summary.stored == [hostile.id], summary.to_dict()
    return hostile.id


@pytest.fixture(scope="module")
def web_store(module_db_url: str, extractor: Any) -> Iterator[tuple[str, str]]:
    """(store URL, hostile article id) of a store filled by :func:`fill_store`."""
    with Store.open(module_db_url) as store:
        hostile = fill_store(store, extractor)
    yield module_db_url, hostile


@pytest.fixture(scope="module")
def client(web_store: tuple[str, str], extractor: Any) -> Iterator[TestClient]:
    """A client of the app over ``web_store``, listening on loopback without a token."""
    app = create_app(web_store[0], Settings(), extractor=lambda: extractor)
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def hostile(web_store: tuple[str, str]) -> str:
    return web_store[1]


@pytest.fixture(scope="module")
def picture_ids(client: TestClient) -> dict[str, str]:
    """Ids to build paths with: the current proposal, a cell of its matrix."""
    view = client.get(f"/negotiations/{NEGOTIATION}.json").json()
    row = next(r for r in view["positions"]["rows"] if r["actor"] == "HAMAS")
    term = next(t for t in view["positions"]["terms"] if t in row["cells"] and not row["cells"][t]["inherited"])
    return {"proposal": view["positions"]["proposal"]["id"], "cell": row["cells"][term]["url"],
            "whole": row["cells"]["*"]["url"]}


def page_paths(ids: dict[str, str], hostile: str) -> list[str]:
    short = hostile.removeprefix("sha256:")
    return [
        "/", f"/negotiations/{NEGOTIATION}", f"/negotiations/{NEGOTIATION}?proposal={ids['proposal']}&since=2025-10-05",
        ids["cell"], ids["whole"], f"/negotiations/{NEGOTIATION}/network",
        f"/negotiations/{NEGOTIATION}/network?from=2025-10-01&to=2025-10-10", f"/negotiations/{NEGOTIATION}/timeline",
        f"/proposals/{ids['proposal']}", "/articles", "/articles/07-hamas-response", f"/articles/{short}",
        "/articles/07-hamas-response?highlight=0-20", "/search", "/search?q=hostages", "/search?q=script+alert",
        "/search?q=accepted+plan", "/ingest", "/jobs",
    ]


def twin(path: str) -> str:
    base, _, query = path.partition("?")
    return ("/.json" if base == "/" else base + ".json") + (f"?{query}" if query else "")


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, attrs))


def tags(page: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every element of an HTML page, as a browser's parser sees it: (tag, attributes)."""
    parser = _Tags()
    parser.feed(page)
    return parser.found


def visible(page: str) -> str:
    """The text of an HTML page as a reader sees it, whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split()).replace(" ,", ",")


def assert_error_shape(body: dict[str, Any], status: int) -> None:
    assert set(body) == {"ok", "error", "errors", "status"}, body
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and body["error"]
    assert isinstance(body["errors"], list)


# -- pages and their JSON twins ----------------------------------------------------------------


def test_web_every_page_has_a_json_twin(client: TestClient, picture_ids: dict[str, str], hostile: str) -> None:
    for path in page_paths(picture_ids, hostile):
        page = client.get(path)
        assert page.status_code == 200, (path, page.text[-500:])
        assert page.headers["content-type"].startswith("text/html"), path
        assert f'href="{html.escape(twin(path))}"' in page.text, f"{path} does not link its JSON twin"
        data = client.get(twin(path))
        assert data.status_code == 200, (twin(path), data.text[:300])
        assert data.headers["content-type"] == "application/json", path
        assert isinstance(data.json(), dict | list)


def test_web_overview_lists_the_negotiation(client: TestClient) -> None:
    view = client.get("/.json").json()
    (negotiation,) = view["negotiations"]
    assert negotiation["id"] == NEGOTIATION and negotiation["parties"] == ["HAMAS", "ISR"]
    assert {"QAT", "EGY"} <= set(negotiation["mediators"])
    assert negotiation["latest_proposal"]["url"] == f"/proposals/{negotiation['latest_proposal']['id']}"
    assert negotiation["last_change"]["date"] and negotiation["articles"] >= 13
    page = visible(client.get("/").text)
    for words in ("Israel–Hamas", "Hamas, Israel", "Qatar", negotiation["latest_proposal"]["label"],
                  negotiation["last_change"]["summary"]):
        assert words in page, words


def test_web_matrix_cells_are_coloured_by_polarity_and_link_to_their_history(client: TestClient) -> None:
    view = client.get(f"/negotiations/{NEGOTIATION}.json").json()
    page = client.get(f"/negotiations/{NEGOTIATION}").text
    matrix = view["positions"]
    assert matrix["terms"] and matrix["rows"]
    for row in matrix["rows"]:
        for c in row["cells"].values():
            assert c["polarity"] in ("support", "pending", "oppose")
            assert f'href="{c["url"]}"' in page
            assert f'class="cell {c["polarity"]}' in page
    polarities = {c["polarity"] for r in matrix["rows"] for c in r["cells"].values()}
    assert polarities >= {"support", "oppose"}


def test_web_cell_page_has_history_and_evidence_links_to_the_highlighted_article(
    client: TestClient, picture_ids: dict[str, str]
) -> None:
    cell = client.get(twin(picture_ids["cell"])).json()
    assert cell["history"] and cell["latest"]["polarity"] in ("support", "pending", "oppose")
    for entry in cell["history"]:
        link = entry["evidence_url"]
        assert re.fullmatch(r"/articles/[^?]+\?highlight=\d+-\d+#hl", link), link
        article = client.get(link.split("#")[0]).text
        marked = re.search(r'<mark class="focus" id="hl">(.*?)</mark>', article, re.S)
        assert marked, link
        assert html.unescape(re.sub(r"<[^>]+>", "", marked.group(1))) == entry["quote"]


def test_web_article_page_highlights_every_fact_with_anchors_both_ways(client: TestClient) -> None:
    view = client.get("/articles/07-hamas-response.json").json()
    page = client.get("/articles/07-hamas-response").text
    assert {"actor", "source", "proposal", "term", "stance", "event"} <= set(view["layers"])
    first_spans = [tuple(f["spans"][0]) for f in view["facts"] if f["spans"]]
    linked = {int(n) for n in re.findall(r'<a class="hl [^"]*" href="#f-(\d+)"', page)}
    assert linked <= {f["number"] for f in view["facts"]}
    for fact in view["facts"]:
        assert f'id="f-{fact["number"]}"' in page  # the fact's row in the table
        if fact["spans"]:
            assert f'id="e-{fact["number"]}"' in page  # where the text says it
            assert f'href="#e-{fact["number"]}"' in page  # the row links there
            if first_spans.count(tuple(fact["spans"][0])) == 1:  # facts sharing a span share a link
                assert fact["number"] in linked, fact
    text = re.search(r'<div class="article-text" id="text">(.*?)</div>', page, re.S)
    assert text and html.unescape(re.sub(r"<[^>]+>", "", text.group(1))) == view["text"]


def test_web_proposal_page_has_terms_lineage_reports_and_diff(client: TestClient) -> None:
    proposals = client.get(f"/negotiations/{NEGOTIATION}.json").json()["proposals"]
    counter = next(p for p in proposals if p["kind"] == "counter")
    view = client.get(f"/proposals/{counter['id']}.json").json()
    assert view["terms"] and view["reports_detail"] and all(r["why"] for r in view["reports_detail"])
    assert view["lineage"]["parent"]["id"] == counter["parent"]
    assert {e["change"] for e in view["diff_to_parent"]["entries"]} >= {"added", "dropped"}
    page = client.get(f"/proposals/{counter['id']}").text
    assert f'href="/proposals/{counter["parent"]}"' in page
    assert "Changes from" in page


def test_web_network_is_inline_svg_weighted_and_filtered_by_date(client: TestClient) -> None:
    whole = client.get(f"/negotiations/{NEGOTIATION}/network.json").json()
    assert {"mediates", "meets"} <= {e["kind"] for e in whole["edges"]}
    assert max(e["weight"] for e in whole["edges"]) > 1
    assert {"HAMAS", "ISR"} <= {n["id"] for n in whole["nodes"]}
    again = client.get(f"/negotiations/{NEGOTIATION}/network.json").json()
    assert [(n["x"], n["y"]) for n in again["nodes"]] == [(n["x"], n["y"]) for n in whole["nodes"]]
    narrow = client.get(f"/negotiations/{NEGOTIATION}/network.json?from=2025-10-09&to=2025-10-13").json()
    assert 0 < sum(e["weight"] for e in narrow["edges"]) < sum(e["weight"] for e in whole["edges"])
    assert all("2025-10-09" <= e["first"] <= e["last"] <= "2025-10-13" for e in narrow["edges"])
    page = client.get(f"/negotiations/{NEGOTIATION}/network").text
    assert "<svg" in page and page.count('class="edge edge-') == len(whole["edges"])
    assert "<script" not in page


def test_web_timeline_has_proposals_stance_changes_and_events_with_sources(client: TestClient) -> None:
    entries = client.get(f"/negotiations/{NEGOTIATION}/timeline.json").json()["entries"]
    assert {"proposal", "event", "stance"} <= {e["kind"] for e in entries}
    dates = [e["date"] for e in entries if e["date"]]
    assert dates == sorted(dates)
    assert all(e["article_urls"] for e in entries)
    assert any(e["sources"] for e in entries)


def test_web_search_finds_text_and_evidence_quotes(client: TestClient) -> None:
    view = client.get("/search.json?q=hostages released").json()
    assert view["count"] > 0
    assert any(r["evidence"] for r in view["results"])
    for r in view["results"]:
        assert r["snippets"] and all(s["marks"] for s in r["snippets"])
    assert client.get("/search.json?q=zzzyxnothing").json()["count"] == 0
    assert client.get("/search.json?q=" + "%22%28%2A+OR").status_code == 200  # FTS syntax is ignored


def test_web_picture_is_cached_until_the_store_changes(client: TestClient, web_store: tuple[str, str]) -> None:
    board = client.app.state.parley  # type: ignore[attr-defined]
    client.get("/.json")
    builds = board.snapshot().builds
    for path in ("/.json", f"/negotiations/{NEGOTIATION}.json", f"/negotiations/{NEGOTIATION}/timeline.json"):
        client.get(path)
    assert board.snapshot().builds == builds
    with Store.open(web_store[0]) as store:
        override = store.add_override("split", "07-hamas-response#p2")
    try:
        assert len(client.get(f"/negotiations/{NEGOTIATION}.json").json()["proposals"]) > 0
        assert board.snapshot().builds == builds + 1
    finally:
        with Store.open(web_store[0]) as store:
            store.remove_override(override)


# -- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/negotiations/NOPE-NADA.json", 404),
        ("/negotiations/NOPE-NADA/network.json", 404),
        ("/proposals/Pnope.json", 404),
        ("/articles/deadbeef00.json", 404),
        ("/jobs/nojob.json", 404),
        ("/no/such/page.json", 404),
        (f"/negotiations/{NEGOTIATION}/positions/NOBODY/Pnope/proposal.json", 404),
        ("/search.json?limit=many", 422),
        ("/search.json?limit=0", 422),
        (f"/negotiations/{NEGOTIATION}/network.json?from=last-week", 422),
        (f"/negotiations/{NEGOTIATION}.json?since=yesterday", 422),
        ("/articles/07-hamas-response.json?highlight=oops", 422),
        ("/articles/07-hamas-response.json?highlight=50-10", 422),
        ("/articles.json?page=0", 422),
    ],
)
def test_web_errors_have_one_json_shape_and_an_html_page(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert_error_shape(response.json(), status)
    if status == 422:
        assert response.json()["errors"][0]["loc"]
    page = client.get(path.replace(".json", "", 1))
    assert page.status_code == status and page.headers["content-type"].startswith("text/html")
    assert f"{status} ·" in page.text


def test_web_unexpected_failure_is_a_500_in_the_same_shape(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    board = client.app.state.parley  # type: ignore[attr-defined]

    def broken() -> None:
        raise RuntimeError("the picture is on fire")

    monkeypatch.setattr(board.cache, "get", broken)
    response = client.get("/.json")
    assert response.status_code == 500
    assert_error_shape(response.json(), 500)
    assert "on fire" not in response.text  # details go to the log, not to the client
    assert response.headers["content-security-policy"] == CSP
    assert client.get("/").status_code == 500


def test_web_csp_and_nosniff_on_every_response(client: TestClient, picture_ids: dict[str, str], hostile: str) -> None:
    paths = [*page_paths(picture_ids, hostile), "/static/parley.css", "/static/nope.css", "/openapi.json",
             "/nope", "/nope.json", "/search.json?limit=x"]
    for path in paths:
        for p in (path, twin(path)) if not path.startswith(("/static", "/openapi")) else (path,):
            response = client.get(p)
            assert response.headers["content-security-policy"] == CSP, p
            assert response.headers["x-content-type-options"] == "nosniff", p
    posted = client.post("/api/articles", content=b"not json", headers={"content-type": "application/json"})
    assert posted.headers["content-security-policy"] == CSP


def test_web_pages_have_no_inline_script_or_style(client: TestClient, picture_ids: dict[str, str], hostile: str) -> None:
    for path in page_paths(picture_ids, hostile):
        elements = tags(client.get(path).text)
        assert not [t for t, _ in elements if t in ("script", "style", "iframe", "object", "embed")], path
        attributes = {name for _, attrs in elements for name, _ in attrs}
        assert "style" not in attributes, path
        assert not [a for a in attributes if a.startswith("on")], path
        links = [value or "" for _, attrs in elements for name, value in attrs if name in ("href", "src", "action")]
        assert not [v for v in links if v.strip().lower().startswith(("javascript:", "data:"))], path


def test_web_hostile_article_is_inert_on_every_page(client: TestClient, picture_ids: dict[str, str], hostile: str) -> None:
    for path in page_paths(picture_ids, hostile):
        page = client.get(path).text
        for live in LIVE:
            assert live not in page, (path, live)
    search = client.get("/search?q=script+alert").text
    assert "<script>alert(1)</script>" in html.unescape(re.sub(r"<[^>]+>", "", search))  # as text
    assert "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in client.get("/articles").text
    article = client.get(f"/articles/{hostile.removeprefix('sha256:')}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article
    body = re.search(r'<div class="article-text" id="text">(.*?)</div>', article, re.S)
    assert body and html.unescape(re.sub(r"<[^>]+>", "", body.group(1))) == HOSTILE_TEXT  # shown as text
    shown = visible(article)
    for raw in ('<script>alert("title")</script> Truce <b>talks</b>', "<i>Test Wire</i>", "javascript:alert(1)"):
        assert raw in shown, raw
    assert not [t for t, _ in tags(article) if t in ("script", "img", "b", "i")]


# -- writes: the token, bad articles, jobs --------------------------------------------------------


@pytest.fixture(scope="module")
def public_client(web_store: tuple[str, str], extractor: Any) -> Iterator[TestClient]:
    """A client of the app as it runs on a public address, with the token ``s3cret``."""
    app = create_app(web_store[0], Settings(host="0.0.0.0", token="s3cret", refresh_seconds=1),
                     extractor=lambda: extractor)
    with TestClient(app) as test_client:
        yield test_client


def test_web_refuses_a_public_host_without_a_token(web_store: tuple[str, str]) -> None:
    with pytest.raises(ParleyError, match="refusing to listen on 0.0.0.0"):
        create_app(web_store[0], Settings(host="0.0.0.0"))
    with pytest.raises(ParleyError, match="in-memory"):
        create_app(":memory:")


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"}])
def test_web_write_without_the_token_is_401(public_client: TestClient, headers: dict[str, str]) -> None:
    response = public_client.post("/api/articles", json={"text": HOSTILE_TEXT}, headers=headers)
    assert response.status_code == 401
    assert_error_shape(response.json(), 401)
    assert response.headers["www-authenticate"] == "Bearer"
    form = public_client.post("/ingest", data={"text": HOSTILE_TEXT}, headers=headers)
    assert form.status_code == 401 and form.headers["content-type"].startswith("text/html")
    assert public_client.get("/.json").status_code == 200  # reading needs no token


def test_web_write_with_the_token_is_accepted(public_client: TestClient) -> None:
    bad = public_client.post("/api/articles", json={"title": "no text"}, headers={"Authorization": "Bearer s3cret"})
    assert bad.status_code == 400  # past the token check, refused for what it carries
    form = public_client.post("/ingest", data={"text": "", "token": "s3cret"})
    assert form.status_code == 400  # the form's token field is accepted too
    assert "ingest" in public_client.get("/ingest").text.lower() and 'name="token"' in public_client.get("/ingest").text


def test_web_write_from_another_site_is_refused(client: TestClient) -> None:
    for headers in ({"Origin": "http://evil.example"}, {"Sec-Fetch-Site": "cross-site", "Origin": "null"},
                    {"Sec-Fetch-Site": "same-site"}):
        response = client.post("/api/articles", json={"text": "x"}, headers=headers)
        assert response.status_code == 403, headers
        assert_error_shape(response.json(), 403)
    same = client.post("/api/articles", json={}, headers={"Sec-Fetch-Site": "same-origin", "Origin": "null"})
    assert same.status_code == 400  # let through, and refused for what it carries


def test_web_loopback_server_answers_loopback_host_names_only(client: TestClient) -> None:
    assert client.get("/.json", headers={"Host": "127.0.0.1:8000"}).status_code == 200
    assert client.get("/.json", headers={"Host": "localhost:8000"}).status_code == 200
    rebound = client.get("/.json", headers={"Host": "evil.example"})
    assert rebound.status_code == 403
    assert_error_shape(rebound.json(), 403)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ({"title": "no text"}, "missing_text"),
        ([{"text": "   "}], "empty"),
        ({"articles": [{"text": 42}]}, "missing_text"),
        ([{"text": HOSTILE_TEXT, "published": "last Tuesday"}], "bad_metadata"),
        ([{"text": "Les négociateurs se sont réunis au Caire mardi pour discuter d'un cessez-le-feu à Gaza "
                   "et de la libération des otages, selon des sources diplomatiques."}], "not_english"),
        (["just a string"], "malformed_json"),
        ([], "empty"),
    ],
)
def test_web_bad_article_is_a_400_with_the_reason_code(client: TestClient, body: Any, reason: str) -> None:
    response = client.post("/api/articles", json=body)
    assert response.status_code == 400
    data = response.json()
    assert_error_shape(data, 400)
    assert data["errors"][0]["reason"] == reason
    assert f"[{reason}]" in data["error"]


def test_web_malformed_json_body_is_a_400(client: TestClient) -> None:
    response = client.post("/api/articles", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["reason"] == "malformed_json"


def wait_for_job(client: TestClient, url: str, timeout: float = 60.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while True:
        job = client.get(url).json()
        if job["status"] in ("done", "failed") or time.monotonic() > deadline:
            return job
        time.sleep(0.05)


def test_web_post_articles_runs_a_background_job(client: TestClient) -> None:
    fresh = HOSTILE_TEXT.replace("Oct 21", "Oct 22").replace("on Tuesday", "on Wednesday")
    before = client.get("/.json").json()["articles"]
    response = client.post("/api/articles", json=[
        {"text": fresh, "title": "A second report", "published": "2025-10-22", "id": 7},
        {"title": "this one has no text"},
    ])
    assert response.status_code == 202, response.text
    data = response.json()
    assert data["ok"] is True and response.headers["location"] == data["json"]
    assert data["skipped"] == [{"input": "request[1]", "reason": "missing_text", "detail": data["skipped"][0]["detail"]}]
    job = wait_for_job(client, data["json"])
    assert job["status"] == "done", job
    assert (job["done"], job["total"], job["stored"]) == (2, 2, 1)
    assert [s["reason"] for s in job["skipped"]] == ["missing_text"]
    assert client.get("/.json").json()["articles"] == before + 1
    page = client.get(data["page"]).text
    assert "missing_text" in page and 'http-equiv="refresh"' not in page
    assert client.get("/jobs.json").json()["jobs"][0]["id"] == job["id"]


def test_web_ingest_form_uploads_files_and_reports_reasons(client: TestClient, tmp_path: Path) -> None:
    lines = [json.dumps({"text": HOSTILE_TEXT.replace("Oct 21", "Oct 23")}), "{broken", json.dumps({"title": "x"})]
    files = [
        ("files", ("feed.jsonl", "\n".join(lines).encode(), "application/x-ndjson")),
        ("files", ("notes.md", b"# not an article", "text/markdown")),
        ("files", ("empty.txt", b"", "text/plain")),
    ]
    response = client.post("/ingest", data={"text": "", "title": ""}, files=files, follow_redirects=False)
    assert response.status_code == 303, response.text
    job = wait_for_job(client, response.headers["location"] + ".json")
    assert job["status"] == "done" and job["total"] == 5
    reasons = {s["input"]: s["reason"] for s in job["skipped"]}
    assert reasons == {"upload:feed.jsonl:2": "malformed_json", "upload:feed.jsonl:3": "missing_text",
                       "upload:notes.md": "unsupported_type", "upload:empty.txt": "empty"}
    assert job["stored"] + job["unchanged"] == 1
    empty = client.post("/ingest", data={"text": "  "})
    assert empty.status_code == 400 and empty.headers["content-type"].startswith("text/html")


# -- the API document and the CLI -----------------------------------------------------------------


def test_web_openapi_describes_the_json_api(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/.json", "/negotiations/{negotiation_id}.json", "/proposals/{proposal_id}.json",
            "/articles/{article_id}.json", "/search.json", "/api/articles", "/jobs/{job_id}.json",
            "/negotiations/{negotiation_id}/network.json"} <= paths
    assert not [p for p in paths if not (p.endswith(".json") or p.startswith("/api/"))]
    assert client.get("/docs").status_code == 404  # no third-party Swagger UI


def test_web_serve_get_answers_without_a_socket(web_store: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    def no_socket(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("serve --get opened a listening socket")

    monkeypatch.setattr(socket.socket, "bind", no_socket)
    monkeypatch.setattr(socket.socket, "listen", no_socket)
    monkeypatch.setattr("uvicorn.run", no_socket)
    runner = CliRunner()
    result = runner.invoke(cli, ["serve", "--db", web_store[0], "--get", "/.json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["negotiations"][0]["id"] == NEGOTIATION
    missing = runner.invoke(cli, ["serve", "--db", web_store[0], "--get", "/proposals/Pnope.json"])
    assert missing.exit_code == 1
    assert_error_shape(json.loads(missing.stdout), 404)
    page = runner.invoke(cli, ["serve", "--db", web_store[0], "--get", "/"])
    assert page.exit_code == 0 and "<!doctype html>" in page.stdout


def test_web_serve_refuses_a_public_host_without_a_token(web_store: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PARLEY_TOKEN", raising=False)
    called: list[Any] = []
    monkeypatch.setattr("uvicorn.run", lambda *a, **k: called.append(a))
    result = CliRunner().invoke(cli, ["serve", "--db", web_store[0], "--host", "0.0.0.0"])
    assert result.exit_code == 1 and not called
    assert "refusing to listen on 0.0.0.0" in result.output and "--token" in result.output


def test_web_serve_prints_its_address_then_serves(web_store: tuple[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    called: list[dict[str, Any]] = []
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: called.append(kwargs))
    result = CliRunner().invoke(cli, ["serve", "--db", web_store[0], "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Parley dashboard: http://127.0.0.1:8123/")
    assert called == [{"host": "127.0.0.1", "port": 8123, "log_level": "info"}]



# -- the search index behind /search (Store.search, migration 0003_search) ----------------------


def test_web_store_search_matches_every_word_by_stem(store: Store) -> None:
    for path in GOLD:
        record = load_record(json.loads(path.read_text(encoding="utf-8")))
        store.import_record(record, record.article.text or "")
    hits = store.search("Sharm talks", 50)
    assert hits and all("sharm" in h.text.lower() and "talk" in h.text.lower() for h in hits)
    assert "09-sharm-talks-open" in [h.id for h in hits]
    assert {h.id for h in store.search("hostage", 50)} == {h.id for h in store.search("hostages", 50)}
    assert len(store.search("hostages", 2)) == 2
    assert store.search("zzzyxnothing") == [] and store.search(" ,;:* ") == []
    assert store.search('"AND OR NOT ( * NEAR') is not None  # operators are words, never syntax


def test_web_store_search_follows_every_write_in_its_transaction(
    store: Store, dev_stored: dict[str, Any], failing_inserts: Any
) -> None:
    stem = sorted(dev_stored)[0]
    article, record = dev_stored[stem]
    word = "Zyxwvutian"
    odd = article_from_text(article.text + f"\nThe {word} delegation arrived.\n", title=article.title,
                            published=article.published)
    moved = load_record({**record.to_dict(), "article": {**record.to_dict()["article"], "id": odd.id}})
    failing_inserts(store, "actors", odd.id)
    with pytest.raises(ParleyError):
        store.put(odd, moved)
    assert store.search(word) == []  # the failed write left nothing in the index
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER IF EXISTS parley_test_fail_actors" + (" ON actors" if store.backend == "postgresql" else ""))
    assert store.put(odd, moved) == "stored"
    assert [h.id for h in store.search(word)] == [odd.id]
    newer = moved.model_copy(update={"extractor": moved.extractor.model_copy(update={"version": "9.9.9"})})
    assert store.put(odd, newer) == "updated"
    assert [h.id for h in store.search(word)] == [odd.id]  # re-extraction keeps one index entry


def test_web_store_search_without_fts5_scans_the_texts(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    if store.backend != "sqlite":
        pytest.skip("the text scan is SQLite's fallback when its library has no FTS5")
    for path in GOLD[:4]:
        record = load_record(json.loads(path.read_text(encoding="utf-8")))
        store.import_record(record, record.article.text or "")
    indexed = {h.id for h in store.search("Witkoff plan", 50)}
    monkeypatch.setattr(store, "_has_search_index", lambda: False)
    assert indexed and {h.id for h in store.search("witkoff PLAN", 50)} == indexed
    assert store.search("100%_") == []
