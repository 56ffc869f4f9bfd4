"""Tests for the ingest stage: every input kind, and every refusal with its message.

Fixture articles live in ``tests/data/ingest`` (written for these tests); binary, oversized and
mis-encoded inputs are generated in ``tmp_path``.
"""

from __future__ import annotations

import builtins
import io
import json
import os
import shutil
import unicodedata
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

import parley.ingest as ingest
from parley.errors import InputError
from parley.ingest import (
    MAX_BYTES,
    Article,
    Skipped,
    article_from_text,
    article_id,
    iter_articles,
    normalise_text,
    read_path,
)
from parley.ingest.html import html_to_article_fields
from parley.ingest.language import detect_language, is_english, language_verdict

DATA = Path(__file__).parent / "data" / "ingest"
GOOD = DATA / "good"
BAD = DATA / "bad"
DEV = Path(__file__).parent / "data" / "dev"

ENGLISH = (
    "KHARTOUM, May 4 — Army and paramilitary negotiators agreed on Saturday to a week-long "
    "truce so that aid can reach the capital, the mediators said in a joint statement."
)
FRENCH = (
    "GENÈVE, 3 mars — Les délégations se sont retrouvées lundi pour une nouvelle série de "
    "pourparlers. Les médiateurs proposent une trêve de trente jours et un échange de prisonniers."
)
SPANISH = (
    "BOGOTÁ, 5 de junio — El gobierno y la guerrilla acordaron el lunes un alto el fuego de seis "
    "meses, según anunciaron los países garantes al término de la ronda de conversaciones."
)

# --------------------------------------------------------------------------------------------
# helpers


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def refusal(path: str | Path, **meta: object) -> InputError:
    """The InputError read_path raises for ``path``; fails the test if none is raised."""
    with pytest.raises(InputError) as caught:
        read_path(path, **meta)  # type: ignore[arg-type]
    return caught.value


# --------------------------------------------------------------------------------------------
# public API


def test_ingest_public_api() -> None:
    assert set(ingest.__all__) == {
        "Article",
        "Skipped",
        "read_path",
        "iter_articles",
        "article_from_text",
        "normalise_text",
        "article_id",
        "MAX_BYTES",
    }
    assert MAX_BYTES == 5 * 1024 * 1024


# --------------------------------------------------------------------------------------------
# each input kind


def test_ingest_txt_reads_text_and_keyword_metadata() -> None:
    (article,) = read_path(
        GOOD / "cairo_talks.txt",
        url="https://news.example.org/cairo",
        title="Talks resume in Cairo",
        publisher="Example Wire",
        published="2025-03-03",
    )
    raw = (GOOD / "cairo_talks.txt").read_text(encoding="utf-8")
    assert article.text == normalise_text(raw)
    assert article.text.startswith("CAIRO, March 3 — Negotiators")
    assert article.id == article_id(article.text)
    assert (article.url, article.title, article.publisher, article.published) == (
        "https://news.example.org/cairo",
        "Talks resume in Cairo",
        "Example Wire",
        "2025-03-03",
    )
    assert article.origin == str(GOOD / "cairo_talks.txt")
    assert article.stem == "cairo_talks"
    assert article.language == "en"


def test_ingest_json_reads_text_metadata_and_id() -> None:
    (article,) = read_path(GOOD / "doha_round.json")
    assert article.text.startswith("DOHA, April 12 — Mediators presented")
    assert "\n\nThe new draft" in article.text
    assert article.url == "https://news.example.org/2025/04/12/doha-round"
    assert article.title == "Mediators table revised truce plan in Doha"
    assert article.publisher == "Example Wire"
    assert article.published == "2025-04-12"
    assert article.stem == "doha_round"  # the file's stem; the JSON id is kept in extra
    assert article.extra == {"source_id": "doha-round-2"}
    assert article.id == article_id(article.text)


@pytest.mark.parametrize(
    ("given", "expected_title", "expected_published"),
    [
        pytest.param(
            {}, "Mediators table revised truce plan in Doha", "2025-04-12", id="none-given"
        ),
        pytest.param(
            {"title": None, "published": None},
            "Mediators table revised truce plan in Doha",
            "2025-04-12",
            id="none-does-not-override",
        ),
        pytest.param(
            {"title": "Revised plan", "published": "2025-04-13"},
            "Revised plan",
            "2025-04-13",
            id="given-overrides",
        ),
    ],
)
def test_ingest_keyword_metadata_overrides_only_when_given(
    given: dict[str, object], expected_title: str, expected_published: str
) -> None:
    (article,) = read_path(GOOD / "doha_round.json", **given)  # type: ignore[arg-type]
    assert article.title == expected_title
    assert article.published == expected_published
    assert article.url == "https://news.example.org/2025/04/12/doha-round"


def test_ingest_jsonl_reads_each_line_and_skips_blank_lines() -> None:
    path = GOOD / "wire.jsonl"
    articles = read_path(path)
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:3", f"{path}:4"]
    assert [a.stem for a in articles] == ["geneva_envoy_1", "3", "7"]
    assert articles[0].title == "UN envoy sees 'narrow window' for talks"
    assert articles[0].published == "2025-02-20T09:30:00+01:00"
    assert articles[0].extra == {"source_id": "geneva/envoy 1"}
    assert articles[1].title == "Prisoner exchange completed"
    assert articles[2].extra == {"source_id": "7"}
    assert len({a.id for a in articles}) == 3


@pytest.mark.parametrize(
    ("line_id", "stem"),
    [
        pytest.param("d01", "d01", id="plain"),
        pytest.param("gaza/2025-05-06 #1", "gaza_2025-05-06_1", id="slash-and-space"),
        pytest.param("../../etc/passwd", "etc_passwd", id="path-traversal"),
        pytest.param(12, "12", id="integer"),
        pytest.param("///", "1", id="nothing-safe-left"),
        pytest.param(None, "1", id="no-id"),
    ],
)
def test_ingest_jsonl_id_becomes_safe_stem(tmp_path: Path, line_id: object, stem: str) -> None:
    obj: dict[str, object] = {"text": ENGLISH}
    if line_id is not None:
        obj["id"] = line_id
    path = write(tmp_path / "one.jsonl", json.dumps(obj) + "\n")
    (article,) = read_path(path)
    assert article.stem == stem


def test_ingest_html_extracts_main_text_and_metadata() -> None:
    (article,) = read_path(GOOD / "nairobi_truce.html")
    assert article.title == "Rival factions agree to humanitarian pause"
    assert article.url == "https://news.example.org/2025/06/02/humanitarian-pause"
    assert article.publisher == "Example Wire"
    assert article.published == "2025-06-02"
    assert article.stem == "nairobi_truce"
    paragraphs = article.text.rstrip("\n").split("\n\n")
    assert paragraphs[-3].startswith("NAIROBI, June 2 — The two rival factions agreed")
    assert paragraphs[-1].startswith("A mediator said the pause could be extended")
    assert "\n" not in "".join(paragraphs)  # paragraphs separated by blank lines only
    for boilerplate in (
        "Related stories",
        "Aid convoys wait",
        "believe it when",
        "Copyright",
        "Business",
    ):
        assert boilerplate not in article.text


def test_ingest_html_honours_declared_charset(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1252"><title>Talks in Genève</title></head><body>'
        "<article><p>GENÈVE, March 3 — Delegations from both sides met in Genève on Monday for "
        "a new round of ceasefire talks, the mediators said in a short statement.</p>"
        "</article></body></html>"
    )
    path = write(tmp_path / "geneve.html", page.encode("cp1252"))
    (article,) = read_path(path)
    assert "met in Genève on Monday" in article.text


def test_ingest_html_fields_function() -> None:
    fields = html_to_article_fields((GOOD / "nairobi_truce.html").read_bytes(), "page.html")
    assert fields["publisher"] == "Example Wire"
    assert fields["published"] == "2025-06-02"
    assert "\n\nThe pause is due to begin" in fields["text"]
    with pytest.raises(InputError) as caught:
        html_to_article_fields((BAD / "nav_only.html").read_text(encoding="utf-8"), "nav.html")
    assert caught.value.reason == "no_article_body"


def test_ingest_directory_is_recursive_sorted_and_ignores_hidden(tmp_path: Path) -> None:
    root = tmp_path / "inbox"
    shutil.copy(GOOD / "doha_round.json", write(root / "b" / "doha.json", ""))
    shutil.copy(GOOD / "cairo_talks.txt", write(root / "a.txt", ""))
    shutil.copy(GOOD / "nairobi_truce.html", write(root / "b" / "c" / "nairobi.htm", ""))
    write(root / "b" / "readme.md", "# not an article\n")
    write(root / ".hidden.txt", ENGLISH)
    write(root / ".cache" / "old.txt", ENGLISH)
    items = list(iter_articles([root]))
    assert [(type(i).__name__, Path(i.origin).relative_to(root).as_posix()) for i in items] == [
        ("Article", "a.txt"),
        ("Article", "b/c/nairobi.htm"),
        ("Article", "b/doha.json"),
        ("Skipped", "b/readme.md"),
    ]
    skipped = items[3]
    assert isinstance(skipped, Skipped) and skipped.reason == "unsupported_type"


def test_ingest_paths_may_be_a_single_path() -> None:
    items = list(iter_articles(str(GOOD / "cairo_talks.txt")))
    assert len(items) == 1 and isinstance(items[0], Article)


# --------------------------------------------------------------------------------------------
# normalisation and id stability


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda t: t, id="same"),
        pytest.param(lambda t: t.replace("\n", "\r\n"), id="crlf"),
        pytest.param(lambda t: t.replace("\n", "\r"), id="cr"),
        pytest.param(lambda t: unicodedata.normalize("NFD", t), id="nfd"),
        pytest.param(lambda t: "\ufeff" + t, id="bom"),
        pytest.param(lambda t: "\n\n  " + t + "\n\n\n", id="surrounding-whitespace"),
    ],
)
def test_ingest_id_is_stable_across_encodings_of_the_same_text(
    tmp_path: Path, variant: Callable[[str], str]
) -> None:
    text = "GENÈVE, March 3 — Delegations met in Genève.\nThe envoy said talks would resume soon.\n"
    reference = article_from_text(text)
    (from_file,) = read_path(write(tmp_path / "variant.txt", variant(text)))
    assert from_file.id == reference.id == article_id(normalise_text(text))
    assert from_file.text == reference.text
    assert unicodedata.is_normalized("NFC", from_file.text) and "\r" not in from_file.text


def test_ingest_same_text_same_id_across_kinds(tmp_path: Path) -> None:
    txt = write(tmp_path / "a.txt", ENGLISH)
    js = write(tmp_path / "b.json", json.dumps({"text": ENGLISH, "title": "x"}))
    jl = write(tmp_path / "c.jsonl", json.dumps({"text": ENGLISH}) + "\n")
    ids = {article.id for path in (txt, js, jl) for article in read_path(path)}
    assert ids == {article_id(normalise_text(ENGLISH))}


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2025-05-06", "2025-05-06"),
        ("  2025-05-06 ", "2025-05-06"),
        ("2025-05-06T14:30", "2025-05-06T14:30:00"),
        ("2025-05-06T14:30:00Z", "2025-05-06T14:30:00+00:00"),
        ("2025-05-06 14:30:00+03:00", "2025-05-06T14:30:00+03:00"),
        (date(2025, 5, 6), "2025-05-06"),
        (datetime(2025, 5, 6, 14, 30, tzinfo=UTC), "2025-05-06T14:30:00+00:00"),
        ("", None),
        (None, None),
    ],
)
def test_ingest_published_is_normalised_to_iso(given: object, expected: str | None) -> None:
    article = article_from_text(ENGLISH, published=given)  # type: ignore[arg-type]
    assert article.published == expected


# --------------------------------------------------------------------------------------------
# refusals: one table of bad inputs, each with its reason and a piece of its message


def fixture(name: str) -> Callable[[Path], Path]:
    return lambda tmp: BAD / name


def oversized(tmp: Path) -> Path:
    """A sparse file one byte over the limit: nothing is written but its length."""
    path = tmp / "huge.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)
    return path


def dir_without_articles(tmp: Path) -> Path:
    """A directory whose only file is hidden, so there is nothing to read."""
    write(tmp / "inbox" / ".todo.txt", ENGLISH)
    return tmp / "inbox"


BAD_FILES = [
    pytest.param(
        lambda tmp: tmp / "missing.txt", "not_found", "no such file or directory", id="not-found"
    ),
    pytest.param(
        fixture("notes.md"), "unsupported_type", "unsupported file type '.md'", id="unsupported-md"
    ),
    pytest.param(
        lambda tmp: write(tmp / "README", ENGLISH),
        "unsupported_type",
        "has no suffix",
        id="no-suffix",
    ),
    pytest.param(oversized, "too_large", "over the 5.0 MB", id="too-large"),
    pytest.param(fixture("empty.txt"), "empty", "the file is empty", id="empty-txt"),
    pytest.param(fixture("blank.txt"), "empty", "only whitespace", id="whitespace-txt"),
    pytest.param(fixture("empty_text.json"), "empty", "'text' is empty", id="empty-json-text"),
    pytest.param(
        lambda tmp: write(tmp / "blank.html", "  \n"),
        "empty",
        "only whitespace",
        id="whitespace-html",
    ),
    pytest.param(dir_without_articles, "empty", "no files of a supported type", id="empty-dir"),
    pytest.param(
        lambda tmp: write(tmp / "scan.txt", b"%PDF-1.7\n" + b"\x00\x17\x8f" * 50),
        "binary",
        "NUL bytes",
        id="binary-nul",
    ),
    pytest.param(
        lambda tmp: write(tmp / "noise.json", bytes(range(1, 9)) * 40 + b"talks"),
        "binary",
        "control characters",
        id="binary-controls",
    ),
    pytest.param(
        lambda tmp: write(
            tmp / "latin1.txt", "Talks resumed in Genève on Monday.".encode("latin-1")
        ),
        "undecodable",
        "byte 0xE8 at byte offset 20",
        id="undecodable-latin1",
    ),
    pytest.param(
        lambda tmp: write(tmp / "wide.txt", "Talks resumed on Monday.".encode("utf-16")),
        "undecodable",
        "UTF-16",
        id="undecodable-utf16",
    ),
    pytest.param(
        lambda tmp: write(
            tmp / "latin1.html",
            "<html><body><p>Talks resumed in Genève.</p></body></html>".encode("latin-1"),
        ),
        "undecodable",
        "declares no other charset",
        id="undecodable-html",
    ),
    pytest.param(
        fixture("broken.json"),
        "malformed_json",
        "Expecting ',' delimiter at line 4, column 3",
        id="malformed-json",
    ),
    pytest.param(
        fixture("list.json"), "malformed_json", "found a JSON array", id="json-not-object"
    ),
    pytest.param(fixture("no_text.json"), "missing_text", "has no 'text' field", id="missing-text"),
    pytest.param(
        lambda tmp: write(tmp / "number.json", '{"text": 42}'),
        "missing_text",
        "has a number as 'text'",
        id="text-not-string",
    ),
    pytest.param(
        fixture("nav_only.html"), "no_article_body", "no article text", id="nav-only-html"
    ),
    pytest.param(fixture("french.txt"), "not_english", "identified as 'fr'", id="not-english-fr"),
    pytest.param(
        lambda tmp: write(tmp / "spanish.json", json.dumps({"text": SPANISH})),
        "not_english",
        "identified as 'es'",
        id="not-english-es",
    ),
    pytest.param(
        fixture("bad_date.json"),
        "bad_metadata",
        "'last Tuesday' is not an ISO date",
        id="bad-published",
    ),
    pytest.param(
        fixture("bad_url.json"), "bad_metadata", "'url' must be a string, not int", id="bad-url"
    ),
    pytest.param(
        lambda tmp: write(tmp / "bad_id.json", json.dumps({"id": [1], "text": ENGLISH})),
        "bad_metadata",
        "'id' must be a string or an integer",
        id="bad-id",
    ),
]


@pytest.mark.parametrize(("make", "reason", "message"), BAD_FILES)
def test_ingest_read_path_refuses_bad_file(
    tmp_path: Path, make: Callable[[Path], Path], reason: str, message: str
) -> None:
    path = make(tmp_path)
    error = refusal(path)
    assert error.reason == reason
    assert error.origin == str(path) and error.line is None
    assert message in error.detail
    assert str(error) == f"{path}: {error.detail} [{reason}]"  # the message names the file


def test_ingest_bad_keyword_metadata_is_refused() -> None:
    error = refusal(GOOD / "cairo_talks.txt", published="next week")
    assert error.reason == "bad_metadata"
    assert str(error).startswith(f"{GOOD / 'cairo_talks.txt'}: 'published' cannot be read")
    error = refusal(GOOD / "cairo_talks.txt", title=3)
    assert error.reason == "bad_metadata" and "'title' must be a string" in error.detail


BAD_LINES = [
    pytest.param(
        b'{"text": "unterminated',
        "malformed_json",
        "not valid JSON: Unterminated string",
        id="malformed",
    ),
    pytest.param(b"[1, 2]", "malformed_json", "found a JSON array", id="not-object"),
    pytest.param(b'{"title": "No body"}', "missing_text", "has no 'text' field", id="missing-text"),
    pytest.param(
        b'{"text": ["a"]}', "missing_text", "has an array as 'text'", id="text-not-string"
    ),
    pytest.param(b'{"text": " "}', "empty", "'text' is empty", id="empty"),
    pytest.param(
        json.dumps({"text": FRENCH}).encode(), "not_english", "identified as 'fr'", id="not-english"
    ),
    pytest.param(
        json.dumps({"published": "soon", "text": ENGLISH}).encode(),
        "bad_metadata",
        "'soon'",
        id="bad-published",
    ),
    pytest.param(
        json.dumps({"publisher": {"name": "x"}, "text": ENGLISH}).encode(),
        "bad_metadata",
        "'publisher' must be a string, not dict",
        id="bad-publisher",
    ),
    pytest.param(
        b'{"text": "caf\xe9 talks"}', "undecodable", "byte 0xE9 at byte offset 13", id="undecodable"
    ),
]


def jsonl_with(tmp: Path, bad_line: bytes) -> Path:
    """A JSONL file: a good line, the bad line (line 2), another good line."""
    good = json.dumps({"text": ENGLISH}).encode()
    other = json.dumps({"text": ENGLISH + " More talks are planned."}).encode()
    return write(tmp / "batch.jsonl", b"\n".join([good, bad_line, other]) + b"\n")


@pytest.mark.parametrize(("bad_line", "reason", "message"), BAD_LINES)
def test_ingest_jsonl_bad_line_names_file_and_line(
    tmp_path: Path, bad_line: bytes, reason: str, message: str
) -> None:
    path = jsonl_with(tmp_path, bad_line)
    error = refusal(path)  # strict: the first bad line raises
    assert (error.reason, error.origin, error.line) == (reason, str(path), 2)
    assert message in error.detail
    assert str(error) == f"{path}:2: {error.detail} [{reason}]"

    items = list(iter_articles([path]))  # batch: the good lines still come out
    assert [type(i).__name__ for i in items] == ["Article", "Skipped", "Article"]
    skipped = items[1]
    assert isinstance(skipped, Skipped)
    assert (skipped.reason, skipped.where) == (reason, f"{path}:2")
    assert str(skipped) == str(error)
    assert [i.origin for i in items if isinstance(i, Article)] == [f"{path}:1", f"{path}:3"]


def test_ingest_jsonl_oversized_line_is_refused_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("wb") as handle:
        handle.write(json.dumps({"text": ENGLISH}).encode() + b"\n")
        handle.write(b'{"text": "' + b"a" * MAX_BYTES + b'"}\n')
        handle.write(json.dumps({"id": "last", "text": ENGLISH}).encode() + b"\n")
    items = list(iter_articles([path]))
    assert [type(i).__name__ for i in items] == ["Article", "Skipped", "Article"]
    assert isinstance(items[1], Skipped)
    assert (items[1].reason, items[1].line) == ("too_large", 2)
    assert isinstance(items[2], Article) and items[2].stem == "last"


def test_ingest_oversized_file_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = oversized(tmp_path)
    opened: list[Path] = []
    real_open = builtins.open

    def spy(file: object, *args: object, **kwargs: object) -> object:
        if isinstance(file, str | os.PathLike) and Path(file) == path:
            opened.append(path)
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(builtins, "open", spy)
    monkeypatch.setattr(io, "open", spy)
    error = refusal(path)
    assert error.reason == "too_large"
    assert "5.0 MB (5,242,881 bytes)" in error.detail
    assert opened == []  # decided from the size on disk alone


def test_ingest_mixed_jsonl_fixture() -> None:
    path = DATA / "mixed.jsonl"
    error = refusal(path)
    assert (error.reason, error.line) == ("malformed_json", 2)
    items = list(iter_articles([path]))
    assert [a.stem for a in items if isinstance(a, Article)] == ["ok-1", "ok-2"]
    assert [(s.line, s.reason) for s in items if isinstance(s, Skipped)] == [
        (2, "malformed_json"),
        (3, "missing_text"),
        (4, "not_english"),
        (7, "empty"),
        (8, "bad_metadata"),
        (9, "malformed_json"),
    ]


def test_ingest_batch_mixing_good_and_bad_inputs(tmp_path: Path) -> None:
    good = [
        GOOD / "cairo_talks.txt",
        GOOD / "doha_round.json",
        GOOD / "nairobi_truce.html",
        GOOD / "wire.jsonl",
    ]
    good_articles = 1 + 1 + 1 + 3
    bad: list[tuple[Path, str]] = []
    for n, case in enumerate(BAD_FILES):
        make, reason, _ = case.values
        assert callable(make) and isinstance(reason, str)
        bad.append((make(tmp_path / f"case{n}"), reason))
    lines = [case.values[0] for case in BAD_LINES]
    jsonl = write(
        tmp_path / "lines.jsonl",
        b"\n".join([json.dumps({"id": "keep", "text": ENGLISH}).encode(), *lines]) + b"\n",  # type: ignore[list-item]
    )
    # interleave good and bad inputs; the batch must not stop at any of them
    paths: list[Path] = [p for pair in zip(good, [b for b, _ in bad], strict=False) for p in pair]
    paths += [b for b, _ in bad[len(good) :]] + [jsonl]

    items = list(iter_articles(paths))
    articles = [i for i in items if isinstance(i, Article)]
    skipped = [i for i in items if isinstance(i, Skipped)]

    assert len(articles) == good_articles + 1
    assert {a.origin.split(":")[0] for a in articles} == {str(p) for p in good} | {str(jsonl)}
    assert len(skipped) == len(BAD_FILES) + len(BAD_LINES)
    assert len(items) == len(articles) + len(skipped)
    assert [(s.origin, s.reason) for s in skipped if s.line is None] == [
        (str(p), r) for p, r in bad
    ]
    assert [(s.line, s.reason) for s in skipped if s.line is not None] == [
        (n, case.values[1]) for n, case in enumerate(BAD_LINES, start=2)
    ]
    assert Counter(s.reason for s in skipped) == Counter(
        [r for _, r in bad] + [case.values[1] for case in BAD_LINES]
    )


def test_ingest_strict_read_of_a_directory_raises_on_the_first_bad_file() -> None:
    error = refusal(BAD)
    assert (error.origin, error.reason) == (str(BAD / "bad_date.json"), "bad_metadata")


# --------------------------------------------------------------------------------------------
# stdin


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(ENGLISH.encode(), [("-", "stdin")], id="text"),
        pytest.param(
            json.dumps({"text": ENGLISH, "title": "Truce"}, indent=2).encode(),
            [("-", "stdin")],
            id="json-object",
        ),
        pytest.param(
            (
                json.dumps({"text": ENGLISH})
                + "\n\n"
                + json.dumps({"id": "b", "text": ENGLISH})
                + "\n"
            ).encode(),
            [("-:1", "1"), ("-:3", "b")],
            id="jsonl",
        ),
        pytest.param(b"\xef\xbb\xbf" + ENGLISH.encode(), [("-", "stdin")], id="utf8-bom"),
    ],
)
def test_ingest_stdin_reads_text_json_and_jsonl(
    data: bytes, expected: list[tuple[str, str]]
) -> None:
    articles = read_path("-", stdin=io.BytesIO(data))
    assert [(a.origin, a.stem) for a in articles] == expected
    assert all(a.text == normalise_text(ENGLISH) for a in articles)


def test_ingest_stdin_accepts_a_text_stream() -> None:
    (article,) = read_path("-", stdin=io.StringIO(ENGLISH), title="From a pipe")
    assert article.title == "From a pipe" and article.stem == "stdin"


@pytest.mark.parametrize(
    ("data", "reason", "message"),
    [
        pytest.param(b"", "empty", "stdin is empty", id="empty"),
        pytest.param(
            b"Talks in Gen\xe8ve", "undecodable", "byte 0xE8 at byte offset 12", id="undecodable"
        ),
        pytest.param(b"\x00\x01\x02" * 10, "binary", "NUL bytes", id="binary"),
        pytest.param(
            b'{"text": "unfinished', "malformed_json", "line 1, column 10", id="malformed-json"
        ),
        pytest.param(b'{"title": "x"}', "missing_text", "has no 'text' field", id="missing-text"),
        pytest.param(FRENCH.encode(), "not_english", "identified as 'fr'", id="not-english"),
        pytest.param(b"a" * (MAX_BYTES + 1), "too_large", "stdin is over", id="too-large"),
    ],
)
def test_ingest_stdin_refusals(data: bytes, reason: str, message: str) -> None:
    error = refusal("-", stdin=io.BytesIO(data))
    assert (error.origin, error.reason) == ("-", reason)
    assert message in error.detail
    (skipped,) = iter_articles(["-"], stdin=io.BytesIO(data))
    assert isinstance(skipped, Skipped) and skipped.reason == reason


# --------------------------------------------------------------------------------------------
# article_from_text


def test_ingest_article_from_text_builds_an_article() -> None:
    article = article_from_text(
        ENGLISH + "\r\n",
        origin="note",
        stem="khartoum",
        publisher="Example Wire",
        published="2025-05-04",
    )
    assert article.text == ENGLISH + "\n"
    assert (article.origin, article.stem, article.publisher, article.published) == (
        "note",
        "khartoum",
        "Example Wire",
        "2025-05-04",
    )


@pytest.mark.parametrize(
    ("text", "meta", "reason"),
    [
        pytest.param(" \n\t", {}, "empty", id="empty"),
        pytest.param(SPANISH, {}, "not_english", id="not-english"),
        pytest.param("a " * (MAX_BYTES // 2 + 1), {}, "too_large", id="too-large"),
        pytest.param(ENGLISH, {"published": "May 4th"}, "bad_metadata", id="bad-published"),
        pytest.param(ENGLISH, {"url": 5}, "bad_metadata", id="bad-url"),
    ],
)
def test_ingest_article_from_text_refusals(text: str, meta: dict[str, object], reason: str) -> None:
    with pytest.raises(InputError) as caught:
        article_from_text(text, origin="note", **meta)  # type: ignore[arg-type]
    assert (caught.value.origin, caught.value.reason) == ("note", reason)
    assert str(caught.value).startswith("note: ")


# --------------------------------------------------------------------------------------------
# language identification


@pytest.mark.parametrize("path", sorted(DEV.glob("d*.json")), ids=lambda p: p.stem)
def test_ingest_dev_corpus_is_english(path: Path) -> None:
    text = json.loads(path.read_text(encoding="utf-8"))["article"]["text"]
    assert is_english(text)
    assert article_from_text(text).language == "en"


@pytest.mark.parametrize(
    "text",
    [
        "Khalil al-Hayya told Asharq Al-Awsat in Doha on Sunday that the talks had stalled.",
        "Khalil al-Hayya told Asharq Al-Awsat in Doha",
        "Mohammed bin Abdulrahman Al Thani met Sheikh Tamim bin Hamad Al Thani and Abdel Fattah "
        "al-Sisi in Sharm el-Sheikh.",
        "Volodymyr Zelenskiy, Rustem Umerov and Andriy Yermak met Hakan Fidan in Istanbul.",
        "Talks resume",  # too short to tell
        "",
    ],
)
def test_ingest_english_with_foreign_names_is_accepted(text: str) -> None:
    assert is_english(text)


@pytest.mark.parametrize(("text", "code"), [(FRENCH, "fr"), (SPANISH, "es")])
def test_ingest_language_detection_of_foreign_text(text: str, code: str) -> None:
    assert detect_language(text)[0] == code
    verdict = language_verdict(text)
    assert (verdict.code, verdict.english) == (code, False)
    assert verdict.score > 0.9


def test_ingest_short_text_is_undecidable() -> None:
    assert detect_language("Waffenruhe jetzt") == ("und", 0.0)
    assert is_english("Waffenruhe jetzt")


def test_ingest_nul_character_in_json_text_is_refused(tmp_path) -> None:
    path = tmp_path / "nul.json"
    path.write_text('{"text": "Talks resumed in Doha\\u0000 on Monday."}', encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_path(path)
    assert caught.value.reason == "binary"
    assert "nul.json" in str(caught.value) and "NUL" in str(caught.value)
