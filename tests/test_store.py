"""The store, on SQLite and on PostgreSQL through the same ``Store`` API.

Every ``store`` test runs on both backends (PostgreSQL when ``PARLEY_TEST_POSTGRES`` is set;
see tests/conftest.py). Records come from the dev gold files, made into what an extractor would
produce (offsets in place of quotes), so the store is tested without the extractor.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect, make_url, select

from parley.errors import NotFoundError, RecordError, StoreError
from parley.ingest import Article
from parley.record import Record, load_record
from parley.store import migrations, schema
from parley.store.migrations import MIGRATIONS, applied_migrations
from parley.store.store import Store, resolve_db_url

PG_ENV = "PARLEY_TEST_POSTGRES"

Stored = dict[str, tuple[Article, Record]]


def facts(store: Store, article_id: str) -> dict[str, list[dict[str, Any]]]:
    """The rows of every fact table for one article, in record order."""
    with store.engine.connect() as conn:
        return {
            table.name: [
                {k: v for k, v in row._mapping.items() if k != "article_id"}
                for row in conn.execute(
                    select(table).where(table.c.article_id == article_id).order_by(table.c.seq)
                )
            ]
            for table in schema.FACT_TABLES
        }


def expected_counts(record: Record) -> dict[str, int]:
    return {
        "actors": len(record.actors),
        "people": len(record.people),
        "sources": len(record.sources),
        "proposals": len(record.proposals),
        "terms": sum(len(p.terms) for p in record.proposals),
        "stances": len(record.stances),
        "events": len(record.events),
    }


def newer(record: Record, version: str = "9.9.9", **changes: Any) -> Record:
    """``record`` as a newer extractor would make it: another version, perhaps other facts."""
    data = record.to_dict()
    data["extractor"]["version"] = version
    data.update(changes)
    return load_record(data)


def put_all(store: Store, stored: Stored, stems: list[str] | None = None) -> None:
    for stem in stems or sorted(stored):
        article, record = stored[stem]
        assert store.put(article, record) == "stored"


# -- schema and migrations --------------------------------------------------------------------


def test_store_schema_has_every_table_and_column(store: Store) -> None:
    found = inspect(store.engine)
    # SQLite's full-text index (an FTS5 table and its shadow tables) is not a metadata table
    tables = {t for t in found.get_table_names() if not t.startswith(schema.SEARCH_INDEX)}
    assert tables == set(schema.metadata.tables)
    for table in schema.metadata.sorted_tables:
        assert [c["name"] for c in found.get_columns(table.name)] == [c.name for c in table.columns]


def test_store_migrations_are_recorded_and_run_once(db_url: str) -> None:
    names = [name for name, _ in MIGRATIONS]
    with Store.open(db_url, migrate=False) as fresh:
        assert applied_migrations(fresh.engine) == []
        assert fresh.migrate() == names
        assert applied_migrations(fresh.engine) == names
        assert fresh.migrate() == []
    with Store.open(db_url) as again:  # opening migrates, and there is nothing left to do
        assert applied_migrations(again.engine) == names
        assert again.migrate() == []
        with again.engine.connect() as conn:
            rows = conn.execute(select(schema.migrations)).all()
        assert len(rows) == len(names)
        assert all(row.applied_at is not None for row in rows)


def test_store_failed_migration_is_not_recorded_and_leaves_no_half_schema(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(db_url):
        pass

    def half_done(conn: Any) -> None:
        conn.exec_driver_sql("CREATE TABLE parley_half_done (x INTEGER)")
        conn.exec_driver_sql("INSERT INTO no_such_table VALUES (1)")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*MIGRATIONS, ("9999_half_done", half_done)])
    with pytest.raises(StoreError, match="cannot open or migrate store") as caught:
        Store.open(db_url)
    assert "no_such_table" in str(caught.value)
    assert "Traceback" not in str(caught.value)
    with Store.open(db_url, migrate=False) as store:
        assert "9999_half_done" not in applied_migrations(store.engine)
        assert "parley_half_done" not in inspect(store.engine).get_table_names()
    monkeypatch.setattr(migrations, "MIGRATIONS", MIGRATIONS)
    with Store.open(db_url) as store:
        assert store.count() == 0


# -- put ----------------------------------------------------------------------------------------


def test_store_put_returns_stored_unchanged_updated(store: Store, dev_stored: Stored) -> None:
    article, record = dev_stored["d01"]
    assert store.put(article, record) == "stored"
    assert store.put(article, record) == "unchanged"
    assert store.stored_version(article.id) == record.extractor.version
    assert store.put(article, newer(record)) == "updated"
    assert store.stored_version(article.id) == "9.9.9"
    assert store.put(article, newer(record)) == "unchanged"
    assert store.record(article.id).extractor.version == "9.9.9"
    assert store.count() == 1


@pytest.mark.parametrize("stem", ["d01", "d08", "d15"])
def test_store_record_comes_back_as_stored(store: Store, dev_stored: Stored, stem: str) -> None:
    article, record = dev_stored[stem]
    store.put(article, record)
    assert store.record(article.id).to_dict() == record.to_dict()
    assert store.article_text(article.id) == article.text
    assert {name: len(rows) for name, rows in facts(store, article.id).items()} == expected_counts(record)


def test_store_json_columns_keep_types(store: Store, dev_stored: Stored) -> None:
    article, record = dev_stored["d01"]
    store.put(article, record)
    rows = facts(store, article.id)
    assert rows["actors"][0]["roles"] == list(record.actors[0].roles)
    first_term = record.proposals[0].terms[0]
    assert rows["terms"][0]["params"] == first_term.params
    assert rows["terms"][0]["evidence"] == [list(span) for span in first_term.evidence or []]
    assert rows["events"][0]["actors"] == record.events[0].actors
    assert rows["stances"][0]["conditions"] == record.stances[0].conditions
    assert all(isinstance(row["mentions"], list) for row in rows["actors"])


def test_store_update_replaces_the_facts(store: Store, dev_stored: Stored) -> None:
    article, record = dev_stored["d08"]
    store.put(article, record)
    fewer = newer(
        record,
        actors=[a.model_dump(mode="json") for a in record.actors[:2]],
        stances=[s.model_dump(mode="json", exclude_none=True) for s in record.stances[:3]],
        events=[],
    )
    assert store.put(article, fewer) == "updated"
    assert facts(store, article.id) != {}
    assert {name: len(rows) for name, rows in facts(store, article.id).items()} == expected_counts(fewer)
    assert [row["actor_id"] for row in facts(store, article.id)["actors"]] == [a.id for a in fewer.actors]
    (row,) = [r for r in store.articles() if r.id == article.id]
    assert (row.actors, row.stances, row.events) == (2, 3, 0)
    assert row.extractor_version == "9.9.9"


def test_store_update_leaves_other_articles_alone(store: Store, dev_stored: Stored) -> None:
    put_all(store, dev_stored, ["d01", "d02"])
    before = facts(store, dev_stored["d02"][0].id)
    article, record = dev_stored["d01"]
    store.put(article, newer(record, events=[]))
    assert facts(store, dev_stored["d02"][0].id) == before


def _offsets_past_the_text(store: Store, article: Article, record: Record, failing) -> Record:
    data = newer(record).to_dict()
    data["stances"][0]["evidence"] = [[0, len(article.text) + 5]]
    return load_record(data)


def _database_refuses(store: Store, article: Article, record: Record, failing) -> Record:
    failing(store, "events", article.id)  # the last table written: everything else was done
    return newer(record)


def _another_article(store: Store, article: Article, record: Record, failing) -> Record:
    data = newer(record).to_dict()
    data["article"]["id"] = "sha256:" + "0" * 64
    return load_record(data)


FAILED_WRITES = {
    "offsets-past-the-text": (_offsets_past_the_text, RecordError, "stances.0.evidence: span"),
    "database-error": (_database_refuses, StoreError, "forced failure for the test"),
    "record-of-another-article": (_another_article, StoreError, "does not belong to article"),
}


@pytest.mark.parametrize("failure", list(FAILED_WRITES))
def test_store_failed_write_keeps_the_stored_record(
    store: Store, dev_stored: Stored, failing_inserts: Callable[..., None], failure: str
) -> None:
    make, error, words = FAILED_WRITES[failure]
    put_all(store, dev_stored, ["d01", "d02"])
    article, record = dev_stored["d01"]
    before = (store.record(article.id).to_dict(), facts(store, article.id), store.articles())
    bad = make(store, article, record, failing_inserts)
    with pytest.raises(error, match=words) as caught:
        store.put(article, bad)
    assert article.id in str(caught.value)
    assert "[SQL:" not in str(caught.value)  # the database's words, not the statement
    assert (store.record(article.id).to_dict(), facts(store, article.id), store.articles()) == before
    assert store.stored_version(article.id) == record.extractor.version


def test_store_failed_first_write_stores_nothing(
    store: Store, dev_stored: Stored, failing_inserts: Callable[..., None]
) -> None:
    put_all(store, dev_stored, ["d02"])
    article, record = dev_stored["d01"]
    failing_inserts(store, "stances", article.id)
    with pytest.raises(StoreError, match="forced failure for the test"):
        store.put(article, record)
    assert [row.id for row in store.articles()] == [dev_stored["d02"][0].id]
    assert all(rows == [] for rows in facts(store, article.id).values())
    with pytest.raises(NotFoundError):
        store.record(article.id)


def test_store_refuses_nul_characters_on_every_backend(store: Store, dev_stored: Stored) -> None:
    # PostgreSQL cannot keep U+0000 in text; SQLite could, but the backends behave alike
    original, record = dev_stored["d01"]
    article = Article.from_text(original.text.replace("Hamas", "Ha\x00mas", 1), origin="nul.json")
    data = record.to_dict()
    data["article"]["id"] = article.id
    with pytest.raises(StoreError, match=r"nul.json\): its text contains a NUL character"):
        store.put(article, load_record(data))
    assert store.count() == 0


# -- reading ----------------------------------------------------------------------------------


@pytest.fixture
def dev_store(store: Store, dev_stored: Stored) -> Store:
    """``store`` with every dev gold record in it."""
    put_all(store, dev_stored)
    return store


def _shared_prefix(ids: list[str]) -> str:
    """The shortest hex prefix that two of ``ids`` share."""
    hexes = sorted(i.removeprefix("sha256:") for i in ids)
    for size in range(1, 64):
        for a, b in zip(hexes, hexes[1:], strict=False):
            if a[:size] == b[:size]:
                return a[:size]
    raise AssertionError("no two ids share a prefix")


def _unique_prefix(target: str, ids: list[str]) -> str:
    hexes = [i.removeprefix("sha256:") for i in ids]
    mine = target.removeprefix("sha256:")
    for size in range(1, 64):
        if sum(h.startswith(mine[:size]) for h in hexes) == 1:
            return mine[:size]
    raise AssertionError


RESOLVE_FORMS: dict[str, Callable[[str, list[str]], str]] = {
    "full-id": lambda i, ids: i,
    "without-sha256": lambda i, ids: i.removeprefix("sha256:"),
    "12-characters": lambda i, ids: i.removeprefix("sha256:")[:12],
    "shortest-unique-prefix": lambda i, ids: _unique_prefix(i, ids),
    "prefix-with-sha256": lambda i, ids: "sha256:" + i.removeprefix("sha256:")[:8],
    "upper-case": lambda i, ids: i.removeprefix("sha256:")[:10].upper(),
    "surrounding-space": lambda i, ids: f"  {i.removeprefix('sha256:')[:10]} ",
}


@pytest.mark.parametrize("form", list(RESOLVE_FORMS))
def test_store_resolve_id_finds_the_article(dev_store: Store, dev_stored: Stored, form: str) -> None:
    ids = [a.id for a, _ in dev_stored.values()]
    target = dev_stored["d05"][0].id
    ref = RESOLVE_FORMS[form](target, ids)
    assert dev_store.resolve_id(ref) == target
    assert dev_store.record(ref).article.id == target


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("ffffffffffff", "no stored article has id 'ffffffffffff' (see `parley articles`)"),
        ("sha256:" + "0" * 64, "no stored article has id 'sha256:000"),
        ("not-an-id", "no stored article has id 'not-an-id'"),
        ("%", "no stored article has id '%'"),
        ("_", "no stored article has id '_'"),
        ("", "give an article id or a prefix of one"),
        ("sha256:", "give an article id or a prefix of one"),
    ],
    ids=["unknown", "unknown-full", "not-hex", "like-percent", "like-underscore", "empty", "bare-sha256"],
)
def test_store_resolve_id_unknown(dev_store: Store, ref: str, message: str) -> None:
    with pytest.raises(NotFoundError) as caught:
        dev_store.resolve_id(ref)
    assert message in str(caught.value)


def test_store_resolve_id_ambiguous_prefix(dev_store: Store, dev_stored: Stored) -> None:
    prefix = _shared_prefix([a.id for a, _ in dev_stored.values()])
    with pytest.raises(NotFoundError, match=f"article id prefix '{prefix}' is ambiguous; give more characters"):
        dev_store.resolve_id(prefix)


def test_store_articles_counts_and_order(dev_store: Store, dev_stored: Stored) -> None:
    rows = dev_store.articles()
    assert len(rows) == len(dev_stored) == dev_store.count()
    by_id = {a.id: (a, r) for a, r in dev_stored.values()}
    for row in rows:
        article, record = by_id[row.id]
        assert (row.title, row.publisher, row.published, row.url) == (
            article.title, article.publisher, article.published, article.url
        )
        assert (row.actors, row.proposals, row.stances, row.events) == (
            len(record.actors), len(record.proposals), len(record.stances), len(record.events)
        )
        assert row.extractor_version == record.extractor.version
    assert [(r.published, r.id) for r in rows] == sorted((r.published, r.id) for r in rows)
    assert [r.article.id for r in dev_store.records()] == [r.id for r in rows]


def test_store_articles_undated_come_last(store: Store, dev_stored: Stored) -> None:
    put_all(store, dev_stored, ["d01", "d02"])
    original, record = dev_stored["d03"]
    undated = Article.from_text(original.text, origin="undated.txt")
    data = record.to_dict()
    data["article"]["published"] = None
    store.put(undated, load_record(data))
    rows = store.articles()
    assert [r.published for r in rows] == ["2025-03-31", "2025-05-06", None]
    assert [r.article.published for r in store.records()] == ["2025-03-31", "2025-05-06", None]


def test_store_empty(store: Store) -> None:
    assert store.articles() == []
    assert list(store.records()) == []
    assert store.count() == 0
    with pytest.raises(NotFoundError, match="no stored article has id 'abc'"):
        store.record("abc")


def test_store_is_the_same_on_both_backends(
    databases, tmp_path: Path, dev_stored: Stored
) -> None:
    """The same records put into SQLite and PostgreSQL read back identically."""
    if not os.environ.get(PG_ENV):
        pytest.skip(f"needs PostgreSQL: {PG_ENV} is not set")
    urls = [databases.new("sqlite", tmp_path), databases.new("postgresql", tmp_path)]
    seen = []
    try:
        for url in urls:
            with Store.open(url) as store:
                put_all(store, dev_stored)
                ids = [row.id for row in store.articles()]
                seen.append(
                    (
                        store.articles(),
                        [r.to_dict() for r in store.records()],
                        {i: facts(store, i) for i in ids},
                        {i: store.resolve_id(i.removeprefix("sha256:")[:9]) for i in ids},
                    )
                )
    finally:
        databases.drop(urls[1])
    assert seen[0] == seen[1]


# -- opening ----------------------------------------------------------------------------------


def test_store_sqlite_in_a_missing_folder(tmp_path: Path) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    with pytest.raises(StoreError, match=f"folder {missing} does not exist"):
        Store.open(str(missing / "parley.db"))
    assert not missing.exists()


def test_store_sqlite_path_that_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open or migrate store"):
        Store.open(str(tmp_path))


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("postgresql://parley@127.0.0.1:1/parley", "Connection refused"),
        ("postgres://parley:s3cret@127.0.0.1:1/parley", "Connection refused"),
        ("postgresql://parley@no-such-host.invalid/parley", "no-such-host.invalid"),
    ],
    ids=["refused", "refused-with-password", "unknown-host"],
)
def test_store_unreachable_postgresql_is_a_store_error(url: str, words: str) -> None:
    with pytest.raises(StoreError) as caught:
        Store.open(url)
    message = str(caught.value)
    assert message.startswith("cannot open or migrate store postgresql+psycopg://parley")
    assert words in message
    assert "s3cret" not in message
    assert "\n" not in message


def test_store_missing_postgresql_database_is_a_store_error(databases) -> None:
    if not os.environ.get(PG_ENV):
        pytest.skip(f"needs PostgreSQL: {PG_ENV} is not set")
    url = make_url(os.environ[PG_ENV]).set(database="parley_no_such_db").render_as_string(False)
    with pytest.raises(StoreError, match='database "parley_no_such_db" does not exist'):
        Store.open(url)


@pytest.mark.parametrize(
    ("given", "env", "expected"),
    [
        ("postgresql://u@h/db", None, "postgresql+psycopg://u@h/db"),
        ("postgres://u@h:5433/db", None, "postgresql+psycopg://u@h:5433/db"),
        ("postgresql+psycopg://u@h/db", None, "postgresql+psycopg://u@h/db"),
        ("some/dir/x.db", None, "sqlite+pysqlite:///some/dir/x.db"),
        (":memory:", None, "sqlite+pysqlite:///:memory:"),
        (None, "postgresql://u@h/fromenv", "postgresql+psycopg://u@h/fromenv"),
        (None, None, "sqlite+pysqlite:///parley.db"),
        ("given.db", "postgresql://u@h/fromenv", "sqlite+pysqlite:///given.db"),
    ],
)
def test_store_resolve_db_url(
    monkeypatch: pytest.MonkeyPatch, given: str | None, env: str | None, expected: str
) -> None:
    if env is None:
        monkeypatch.delenv("PARLEY_DB", raising=False)
    else:
        monkeypatch.setenv("PARLEY_DB", env)
    assert resolve_db_url(given) == expected
