"""The web layer's pure parts: highlighting, facts of a stored record, the network, settings.

No app, no store: each function is called with data built here.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'parley[web]'")

from parley.errors import ParleyError  # noqa: E402
from parley.record import load_record  # noqa: E402
from parley.web.facts import locate, record_facts  # noqa: E402
from parley.web.highlight import highlighted_text, marked, query_pattern, snippets  # noqa: E402
from parley.web.network import network_view, relations_of  # noqa: E402
from parley.web.settings import Settings, is_loopback  # noqa: E402
from parley.web.urls import article_path, json_twin, safe_external_url  # noqa: E402

GOLD = Path(__file__).parent.parent / "parley" / "samples" / "gold"


def fact(number: int, layer: str, *spans: tuple[int, int], summary: str = "") -> dict[str, object]:
    return {"number": number, "layer": layer, "summary": summary or f"fact {number}", "spans": [list(s) for s in spans]}


def plain(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


# -- highlighting --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["Talks <script>alert(1)</script> resumed.", "a <img src=x onerror=alert(1)> b", "x <!-- c --> & y \"'",
     "", "no facts at all"],
)
def test_web_highlight_escapes_every_piece(text: str) -> None:
    facts = [fact(1, "stance", (0, min(len(text), 12))), fact(2, "actor", (2, min(len(text), 5)))]
    out = str(highlighted_text(text, facts if text else []))
    assert plain(out) == text
    assert "<script" not in out and "<img" not in out and "<!--" not in out


def test_web_highlight_crossing_spans_link_each_piece_to_its_innermost_fact() -> None:
    text = "Hamas accepted the plan on Friday."
    facts = [fact(1, "stance", (0, 23)), fact(2, "actor", (0, 5)), fact(3, "proposal", (15, 23)),
             fact(4, "event", (6, 33))]
    out = str(highlighted_text(text, facts))
    assert plain(out) == text
    assert re.search(r'href="#f-2"[^>]*>Hamas</a>', out)
    assert re.search(r'class="hl hl-stance hl-proposal hl-event top-proposal bg-proposal" href="#f-3"', out)
    for number in (1, 2, 3, 4):
        assert f'id="e-{number}"' in out


def test_web_highlight_focus_is_one_mark_around_the_span() -> None:
    text = "Israel said it rejected the demand, officials said."
    facts = [fact(1, "actor", (0, 6)), fact(2, "stance", (7, 34))]
    out = str(highlighted_text(text, facts, focus=[0, 34]))
    found = re.search(r'<mark class="focus" id="hl">(.*)</mark>', out)
    assert found and plain(found.group(1)) == text[:34]
    assert out.count("<mark") == 1


def test_web_highlight_titles_are_escaped_attributes() -> None:
    out = str(highlighted_text("abc", [fact(1, "event", (0, 3), summary='x" onmouseover="alert(1)')]))
    assert 'onmouseover="' not in out and "&#34; onmouseover=&#34;" in out


def test_web_highlight_further_spans_get_numbered_anchors() -> None:
    out = str(highlighted_text("Qatar and Qatar", [fact(7, "actor", (0, 5), (10, 15))]))
    assert 'id="e-7"' in out and 'id="e-7-1"' in out


def test_web_search_snippets_mark_the_words_loosely() -> None:
    pattern = query_pattern('talks "OR" (hostage*')
    assert pattern is not None
    text = "The talk went on. " * 20 + "<b>Hostages</b> were freed after the talks."
    found = snippets(text, pattern, width=20)
    assert found and all(s["marks"] for s in found)
    rendered = [str(marked(s["text"], s["marks"])) for s in found]
    assert any("<mark>Hostages</mark>" in r for r in rendered)
    assert all("<b>" not in r for r in rendered)
    assert query_pattern("  ,;  ") is None


# -- facts of a stored record --------------------------------------------------------------------


def test_web_facts_of_a_gold_record_find_quotes_and_names_in_the_text() -> None:
    data = json.loads((GOLD / "07-hamas-response.json").read_text(encoding="utf-8"))
    record = load_record(data)
    text = data["article"]["text"]
    facts = record_facts(record, text)
    layers = {f.layer for f in facts}
    assert layers == {"actor", "person", "source", "proposal", "term", "stance", "event"}
    assert [f.number for f in facts] == list(range(1, len(facts) + 1))
    for f in facts:
        for start, end in f.spans:
            assert 0 <= start < end <= len(text)
    stance = next(f for f in facts if f.layer == "stance")
    assert text[slice(*stance.spans[0])] == record.stances[0].quote
    hamas = next(f for f in facts if f.layer == "actor" and f.data["id"] == "HAMAS")
    assert {text[s:e] for s, e in hamas.spans} >= {"Hamas"}
    assert locate(text, "no such words") is None


# -- the network ---------------------------------------------------------------------------------


def test_web_network_relations_from_events_roles_and_channels() -> None:
    record = load_record(json.loads((GOLD / "05-mediators-deliver-framework.json").read_text(encoding="utf-8")))
    relations = relations_of(record)
    kinds = {(r.kind, r.source, r.target) for r in relations}
    assert ("mediates", "QAT", "HAMAS") in kinds  # CONSULT/third-party
    assert ("relays", "USA", "QAT") in kinds and ("relays", "QAT", "EGY") in kinds  # the plan's channel
    assert all(r.article_id == record.article.id and r.source != r.target for r in relations)


def test_web_network_view_is_deterministic_weighted_and_filtered() -> None:
    records = [load_record(json.loads(p.read_text(encoding="utf-8"))) for p in sorted(GOLD.glob("*.json"))]
    relations = [r for record in records for r in relations_of(record)]
    first = network_view(relations, ["HAMAS", "ISR"], {})
    assert first == network_view(relations, ["HAMAS", "ISR"], {})
    assert [n["id"] for n in first["nodes"]][:2] == ["HAMAS", "ISR"]
    meets = [e for e in first["edges"] if e["kind"] == "meets"]
    assert len({(e["source"], e["target"]) for e in meets}) == len(meets)  # one edge per pair
    assert sum(e["weight"] for e in first["edges"]) == len(relations)
    for n in first["nodes"]:
        assert 0 <= n["x"] <= first["width"] and 0 <= n["y"] <= first["height"]
    october = network_view(relations, ["HAMAS", "ISR"], {}, "2025-10-09", "2025-10-13")
    assert 0 < len(october["edges"]) < len(first["edges"])


# -- settings and URLs ---------------------------------------------------------------------------


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("localhost", True), ("::1", True), ("[::1]", True), ("127.0.0.5", True),
    ("0.0.0.0", False), ("192.168.1.10", False), ("example.org", False), ("::", False),
])
def test_web_settings_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_web_settings_need_a_token_beyond_loopback() -> None:
    assert not Settings().require_token
    assert Settings(token="t").require_token
    with pytest.raises(ParleyError, match="refusing to listen on 0.0.0.0"):
        Settings(host="0.0.0.0").check()
    assert Settings(host="0.0.0.0", token="t").check().require_token
    with pytest.raises(ParleyError, match="page_size"):
        Settings(page_size=0).check()


def test_web_urls() -> None:
    assert article_path("sha256:abc", (3, 9)) == "/articles/abc?highlight=3-9#hl"
    assert article_path("a/b c") == "/articles/a%2Fb%20c"
    assert json_twin("/") == "/.json" and json_twin("/search", "q=x") == "/search.json?q=x"
    assert safe_external_url("https://example.org/x") == "https://example.org/x"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "//evil.example", None, ""):
        assert safe_external_url(bad) is None
