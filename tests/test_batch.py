"""Batch runs with the real extractor: one bad input never stops a batch, every input ends in
exactly one outcome, and nothing is skipped silently. Each case runs on SQLite and PostgreSQL.

The mixed batch (every bad input kind between good articles of every kind) is ingested once
per backend for the module; cases that need another store or order make their own.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from parley.batch import IngestSummary, extract_paths, ingest_articles, ingest_paths
from parley.extract.pipeline import Extraction, Extractor
from parley.ingest import Article, Skipped, iter_articles, read_path
from parley.record import load_record
from parley.store.store import Store

DATA = Path(__file__).parent / "data" / "ingest"
CAIRO = DATA / "good" / "cairo_talks.txt"
DOHA = DATA / "good" / "doha_round.json"


@pytest.fixture(scope="module")
def ingested(
    module_db_url: str, mixed_batch: list[Path], extractor: Extractor
) -> tuple[Store, IngestSummary]:
    """The mixed batch, ingested once into a store of this module's backend."""
    store = Store.open(module_db_url)
    summary = ingest_paths(mixed_batch, store=store, extractor=extractor)
    yield store, summary
    store.close()


def test_batch_ingest_stores_every_good_article(
    ingested: tuple[Store, IngestSummary], mixed_batch_articles: dict[str, Article]
) -> None:
    store, summary = ingested
    assert len(mixed_batch_articles) == 8
    assert sorted(summary.stored) == sorted(mixed_batch_articles)
    assert sorted(row.id for row in store.articles()) == sorted(mixed_batch_articles)
    for article_id, article in mixed_batch_articles.items():
        record = store.record(article_id)
        assert record.article.title == article.title
        assert store.article_text(article_id) == article.text


@pytest.mark.parametrize(
    "kind",
    [
        "empty", "binary", "undecodable", "malformed-json", "html-without-body", "too-large",
        "not-english", "missing-file", "unsupported-type", "jsonl-malformed-line",
        "jsonl-missing-text", "jsonl-not-english", "jsonl-empty-text", "jsonl-bad-date",
        "jsonl-array",
    ],
)
def test_batch_ingest_reports_each_bad_input(
    ingested: tuple[Store, IngestSummary], bad_inputs: dict[str, Any], kind: str
) -> None:
    _, summary = ingested
    bad = bad_inputs[kind]
    (skip,) = [s for s in summary.skipped if s.where == bad.where]
    assert skip.reason == bad.reason
    assert bad.words in skip.detail
    assert str(skip) == f"{bad.where}: {skip.detail} [{bad.reason}]"


def test_batch_ingest_every_input_has_one_outcome(
    ingested: tuple[Store, IngestSummary], bad_inputs: dict[str, Any], mixed_batch_articles: dict
) -> None:
    _, summary = ingested
    assert summary.total == len(mixed_batch_articles) + len(bad_inputs)
    assert summary.updated == [] and summary.unchanged == []
    assert summary.reasons() == Counter(b.reason for b in bad_inputs.values())
    data = summary.to_dict()
    assert (data["stored"], data["updated"], data["unchanged"]) == (8, 0, 0)
    assert {s["input"] for s in data["skipped"]} == {b.where for b in bad_inputs.values()}


def test_batch_ingest_again_is_unchanged(
    ingested: tuple[Store, IngestSummary], mixed_batch: list[Path], extractor: Extractor,
    mixed_batch_articles: dict[str, Article],
) -> None:
    store, first = ingested
    listing = store.articles()
    again = ingest_paths(mixed_batch, store=store, extractor=extractor)
    assert again.stored == [] and again.updated == []
    assert sorted(again.unchanged) == sorted(mixed_batch_articles)
    assert [str(s) for s in again.skipped] == [str(s) for s in first.skipped]
    assert store.articles() == listing


def test_batch_ingest_order_does_not_change_the_records(
    ingested: tuple[Store, IngestSummary], mixed_batch: list[Path], extractor: Extractor,
    databases: Any, module_backend: str, tmp_path: Path,
) -> None:
    store, _ = ingested
    url = databases.new(module_backend, tmp_path)
    try:
        with Store.open(url) as other:
            summary = ingest_paths(list(reversed(mixed_batch)), store=other, extractor=extractor,
                                   batch_size=3)
            assert sorted(summary.stored) == sorted(row.id for row in store.articles())
            theirs = {r.article.id: r.to_dict() for r in other.records()}
            assert theirs == {r.article.id: r.to_dict() for r in store.records()}
            assert [(r.id, r.actors, r.stances) for r in other.articles()] == [
                (r.id, r.actors, r.stances) for r in store.articles()
            ]
    finally:
        databases.drop(url)


def test_batch_skips_are_logged(
    store: Store, extractor: Extractor, bad_inputs: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    kinds = ["empty", "unsupported-type", "missing-file"]
    with caplog.at_level(logging.WARNING, logger="parley"):
        summary = ingest_paths([bad_inputs[k].path for k in kinds], store=store, extractor=extractor)
    assert len(summary.skipped) == 3
    logged = [r.getMessage() for r in caplog.records if r.name == "parley"]
    assert logged == [f"skipped {s}" for s in summary.skipped]


def test_batch_ingest_reports_each_input_to_on_outcome(
    store: Store, extractor: Extractor, bad_inputs: dict[str, Any]
) -> None:
    seen: list[tuple[str, str]] = []
    ingest_paths(
        [bad_inputs["empty"].path, CAIRO, CAIRO, bad_inputs["unsupported-type"].path],
        store=store, extractor=extractor,
        on_outcome=lambda kind, item: seen.append((kind, getattr(item, "where", None) or item.origin)),
    )
    assert sorted(seen) == sorted([
        ("skipped", str(bad_inputs["empty"].path)),
        ("stored", str(CAIRO)),
        ("unchanged", str(CAIRO)),  # the same article twice in one batch: stored once
        ("skipped", str(bad_inputs["unsupported-type"].path)),
    ])


def test_batch_write_failure_skips_that_article_only(
    store: Store, extractor: Extractor, failing_inserts: Callable[..., None]
) -> None:
    (cairo,) = read_path(CAIRO)
    (doha,) = read_path(DOHA)
    failing_inserts(store, "actors", cairo.id)
    summary = ingest_paths([CAIRO, DOHA], store=store, extractor=extractor)
    assert summary.stored == [doha.id]
    (skip,) = summary.skipped
    assert (skip.where, skip.reason) == (str(CAIRO), "store_failed")
    assert "forced failure for the test" in skip.detail
    assert [row.id for row in store.articles()] == [doha.id]


def test_batch_older_record_is_re_extracted(store: Store, extractor: Extractor) -> None:
    (cairo,) = read_path(CAIRO)
    data = extractor.extract(cairo).to_dict()
    data["extractor"]["version"] = "0.0.0-old"
    data["actors"] = []
    assert store.put(cairo, load_record(data)) == "stored"
    summary = ingest_paths([CAIRO], store=store, extractor=extractor)
    assert summary.updated == [cairo.id]
    assert store.stored_version(cairo.id) == extractor.version
    assert store.record(cairo.id).to_dict() == extractor.extract(cairo).to_dict()


def test_batch_ingest_articles_takes_articles_and_skips(store: Store, extractor: Extractor) -> None:
    items = [Skipped("feed", "empty", "nothing there"), *read_path(DOHA)]
    summary = ingest_articles(items, store=store, extractor=extractor)
    assert len(summary.stored) == 1
    assert [str(s) for s in summary.skipped] == ["feed: nothing there [empty]"]


def test_batch_extract_paths_yields_in_input_order(
    extractor: Extractor, bad_inputs: dict[str, Any]
) -> None:
    paths = [bad_inputs["empty"].path, CAIRO, bad_inputs["unsupported-type"].path, DOHA,
             DATA / "good" / "wire.jsonl"]
    outcomes = list(extract_paths(paths, extractor, batch_size=2))
    expected = [
        item.where if isinstance(item, Skipped) else item.origin for item in iter_articles(paths)
    ]
    assert [o.where if isinstance(o, Skipped) else o.article.origin for o in outcomes] == expected
    for outcome in outcomes:
        if isinstance(outcome, Extraction):
            assert outcome.error is None
            assert outcome.record is not None
            assert outcome.record.article.id == outcome.article.id
            outcome.record.check_text(outcome.article.text)
