"""Fixtures shared by the test suite, named for what they return.

Stores run for real on both backends. ``store`` (and ``db_url``, ``new_db_url``) is parametrised
over SQLite — a file in ``tmp_path`` — and PostgreSQL — a new schema per test in the database
that ``PARLEY_TEST_POSTGRES`` names, dropped afterwards. Without that variable the PostgreSQL
cases skip, saying so; ``.ci/with-postgres COMMAND`` runs COMMAND beside a throwaway server
(CI runs ``make test`` that way).
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, make_url, text

from parley.extract.pipeline import Extractor
from parley.ingest import MAX_BYTES, Article, article_from_text, iter_articles
from parley.record import Record, load_record
from parley.store.store import Store, resolve_db_url

DATA = Path(__file__).parent / "data"
DEV = DATA / "dev"
INGEST = DATA / "ingest"

PG_ENV = "PARLEY_TEST_POSTGRES"
PG_SKIP = (
    f"PostgreSQL store tests need a server: set {PG_ENV}=postgresql://USER@HOST:PORT/DB "
    "(or run the tests through .ci/with-postgres, which starts a throwaway one)"
)
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
"""Parameters for fixtures that run a test on each store backend."""


def pytest_report_header(config: pytest.Config) -> str:
    url = os.environ.get(PG_ENV)
    if not url:
        return f"store backends: sqlite (postgresql skipped: {PG_ENV} is not set)"
    shown = make_url(url).render_as_string(hide_password=True)
    return f"store backends: sqlite, postgresql ({shown})"


# -- databases -------------------------------------------------------------------------------


class Databases:
    """Makes empty databases for tests, and drops the PostgreSQL ones afterwards.

    On PostgreSQL a test's "database" is a new schema in the database that
    ``PARLEY_TEST_POSTGRES`` names, reached through a URL that puts it first on the search
    path (``?options=-csearch_path=…``), as a user would share one database between stores:
    as isolated as a database of its own for the store, and far quicker to make than one.
    """

    def __init__(self, admin_url: str | None):
        self.admin_url = admin_url
        self._admin: Engine | None = None
        self.created: list[str] = []

    def admin(self) -> Engine:
        if self.admin_url is None:
            pytest.skip(PG_SKIP)
        if self._admin is None:
            self._admin = create_engine(
                resolve_db_url(self.admin_url),
                isolation_level="AUTOCOMMIT",
                connect_args={"options": "-c lock_timeout=20000"},
            )
        return self._admin

    def new(self, backend: str, folder: Path) -> str:
        """The URL (or path) of a new, empty database on ``backend``."""
        if backend == "sqlite":
            folder.mkdir(parents=True, exist_ok=True)
            return str(folder / f"parley-{uuid.uuid4().hex[:8]}.db")
        engine = self.admin()
        name = f"parley_test_{uuid.uuid4().hex[:12]}"
        try:
            with engine.connect() as conn:
                conn.execute(text(f'CREATE SCHEMA "{name}"'))
        except Exception as exc:  # noqa: BLE001 - a clear failure, not a skip: the server was asked for
            pytest.fail(f"cannot create a test schema through {PG_ENV}: {exc}")
        self.created.append(name)
        assert self.admin_url is not None
        # the plain postgresql:// form, as a user gives it (Store rewrites it for psycopg)
        url = make_url(self.admin_url).update_query_dict({"options": f"-csearch_path={name}"})
        return url.render_as_string(hide_password=False)

    @staticmethod
    def schema_of(url: str) -> str | None:
        options = make_url(url).query.get("options") if "://" in url else None
        if isinstance(options, str) and options.startswith("-csearch_path="):
            return options.removeprefix("-csearch_path=")
        return None

    def drop(self, url: str) -> None:
        name = self.schema_of(url)
        if name is not None and name in self.created:
            with self.admin().connect() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
            self.created.remove(name)

    def close(self) -> None:
        if self._admin is not None:
            with self._admin.connect() as conn:
                for name in self.created:
                    conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
            self._admin.dispose()
        self.created.clear()


@pytest.fixture(scope="session")
def databases() -> Iterator[Databases]:
    """Makes new databases on either backend (see :class:`Databases`)."""
    dbs = Databases(os.environ.get(PG_ENV) or None)
    yield dbs
    dbs.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql``: the store backend of this test case."""
    return request.param


@pytest.fixture
def new_db_url(
    backend: str, databases: Databases, tmp_path: Path
) -> Iterator[Callable[[], str]]:
    """A function that returns the URL of a new, empty database on this case's backend; the
    databases are dropped when the test ends."""
    made: list[str] = []

    def new() -> str:
        made.append(databases.new(backend, tmp_path / "db"))
        return made[-1]

    yield new
    for url in made:
        databases.drop(url)


@pytest.fixture
def db_url(new_db_url: Callable[[], str]) -> str:
    """The URL (or SQLite path) of an empty database on this case's backend."""
    return new_db_url()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """A migrated, empty :class:`Store` on this case's backend."""
    with Store.open(db_url) as opened:
        yield opened


@pytest.fixture(scope="module", params=BACKENDS)
def module_backend(request: pytest.FixtureRequest) -> str:
    """``sqlite`` or ``postgresql``, for fixtures that fill one store per test module."""
    return request.param


@pytest.fixture(scope="module")
def module_db_url(
    module_backend: str, databases: Databases, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The URL of an empty database on ``module_backend``, kept for the whole module: tests
    that read the same ingested corpus share it instead of extracting it again."""
    url = databases.new(module_backend, tmp_path_factory.mktemp("db"))
    yield url
    databases.drop(url)


@pytest.fixture
def failing_inserts() -> Callable[..., None]:
    """A function ``(store, table, article_id=None)`` that makes the database itself refuse
    inserts into ``table`` (for one article, or all) with a trigger: a real database error in
    the middle of a write, on either backend."""

    def install(store: Store, table: str, article_id: str | None = None) -> None:
        with store.engine.begin() as conn:
            if store.backend == "sqlite":
                when = f"WHEN NEW.article_id = '{article_id}'" if article_id else ""
                conn.exec_driver_sql(
                    f"CREATE TRIGGER parley_test_fail_{table} BEFORE INSERT ON {table} {when} "
                    "BEGIN SELECT RAISE(ABORT, 'forced failure for the test'); END"
                )
            else:
                conn.exec_driver_sql(
                    "CREATE OR REPLACE FUNCTION parley_test_fail() RETURNS trigger "
                    "LANGUAGE plpgsql AS $$ BEGIN "
                    "RAISE EXCEPTION 'forced failure for the test'; END $$"
                )
                when = f"WHEN (NEW.article_id = '{article_id}')" if article_id else ""
                conn.exec_driver_sql(
                    f"CREATE TRIGGER parley_test_fail_{table} BEFORE INSERT ON {table} "
                    f"FOR EACH ROW {when} EXECUTE FUNCTION parley_test_fail()"
                )

    return install


# -- extraction ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The real extraction pipeline (spaCy model + Parley's components), built once — the
    same object the ``parley`` commands use in this process."""
    from parley.cli import shared_extractor

    return shared_extractor()


# -- inputs ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BadInput:
    """An input that ingest refuses: where it is, the reason code, words of the detail."""

    path: Path
    reason: str
    words: str
    line: int | None = None

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line is not None else str(self.path)


@pytest.fixture(scope="session")
def bad_inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, BadInput]:
    """Every kind of bad input, by kind: the fixtures in tests/data/ingest, and binary,
    undecodable, oversized and missing files made here."""
    made = tmp_path_factory.mktemp("bad-inputs")
    (made / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (made / "latin1.txt").write_bytes(
        "Les négociateurs se sont réunis à Genève; the talks resumed on Monday.".encode("latin-1")
    )
    with (made / "huge.txt").open("wb") as handle:  # one byte over the 5 MB limit
        handle.write(b"The talks went on. " * (MAX_BYTES // 19) + b"x" * (MAX_BYTES % 19 + 1))
    bad = INGEST / "bad"
    mixed = INGEST / "mixed.jsonl"
    return {
        "empty": BadInput(bad / "empty.txt", "empty", "the file is empty"),
        "binary": BadInput(made / "binary.txt", "binary", "looks binary, not text"),
        "undecodable": BadInput(made / "latin1.txt", "undecodable", "is not valid UTF-8"),
        "malformed-json": BadInput(bad / "broken.json", "malformed_json", "not valid JSON"),
        "html-without-body": BadInput(bad / "nav_only.html", "no_article_body", "no article text"),
        "too-large": BadInput(made / "huge.txt", "too_large", "over the 5.0 MB"),
        "not-english": BadInput(bad / "french.txt", "not_english", "is not English"),
        "missing-file": BadInput(made / "missing.txt", "not_found", "no such file or directory"),
        "unsupported-type": BadInput(bad / "notes.md", "unsupported_type", "unsupported file type '.md'"),
        "jsonl-malformed-line": BadInput(mixed, "malformed_json", "not valid JSON", line=2),
        "jsonl-missing-text": BadInput(mixed, "missing_text", "has no 'text' field", line=3),
        "jsonl-not-english": BadInput(mixed, "not_english", "is not English", line=4),
        "jsonl-empty-text": BadInput(mixed, "empty", "'text' is empty", line=7),
        "jsonl-bad-date": BadInput(mixed, "bad_metadata", "'published' cannot be read", line=8),
        "jsonl-array": BadInput(mixed, "malformed_json", "found a JSON array", line=9),
    }


GOOD_INPUTS = [
    INGEST / "good" / "cairo_talks.txt",
    INGEST / "good" / "doha_round.json",
    INGEST / "good" / "nairobi_truce.html",
    INGEST / "good" / "wire.jsonl",
]
"""Readable inputs of each kind (the .jsonl holds three articles)."""


@pytest.fixture(scope="session")
def mixed_batch(bad_inputs: dict[str, BadInput]) -> list[Path]:
    """Good and bad inputs interleaved: every bad kind, and good articles of every kind
    (including the good lines of tests/data/ingest/mixed.jsonl)."""
    bad_files = list(dict.fromkeys(b.path for b in bad_inputs.values()))
    batch: list[Path] = []
    good = list(GOOD_INPUTS)
    for path in bad_files:
        batch.append(path)
        if good:
            batch.append(good.pop(0))
    return batch + good


@pytest.fixture(scope="session")
def mixed_batch_articles(mixed_batch: list[Path]) -> dict[str, Article]:
    """The articles that ingest reads from ``mixed_batch``, by id: what a batch must store."""
    return {
        item.id: item for item in iter_articles(mixed_batch) if isinstance(item, Article)
    }


# -- the dev corpus --------------------------------------------------------------------------


@pytest.fixture(scope="session")
def dev_gold() -> dict[str, dict[str, Any]]:
    """The dev gold files (``tests/data/dev/*.json``) as JSON data, by file stem."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*.json"))}


def _gold_as_stored(stem: str, gold: dict[str, Any]) -> tuple[Article, Record]:
    """A dev gold record as the store would get it: an article with a real id, and the record
    with evidence offsets (found from the gold quotes) in place of quotes and no gold extras."""
    meta = gold["article"]
    article = article_from_text(
        meta["text"],
        origin=f"tests/data/dev/{stem}.json",
        stem=stem,
        url=meta.get("url"),
        title=meta.get("title"),
        publisher=meta.get("publisher"),
        published=meta.get("published"),
    )
    data = json.loads(json.dumps(gold))
    data.pop("notes", None)
    data["article"] = {k: v for k, v in meta.items() if k != "text"} | {"id": article.id}
    data["extractor"] = {"name": "parley", "version": Extractor.version, "pipeline": "gold"}
    for actor in data["actors"]:
        actor.pop("aliases", None)

    def evidenced(item: dict[str, Any]) -> None:
        quote = item.pop("quote")
        start = article.text.find(quote)
        assert start >= 0, f"{stem}: quote not in the text: {quote!r}"
        item["evidence"] = [[start, start + len(quote)]]

    for proposal in data["proposals"]:
        evidenced(proposal)
        for term in proposal["terms"]:
            evidenced(term)
    for item in data["stances"] + data["events"]:
        evidenced(item)
    record = load_record(data, origin=stem)
    record.check_text(article.text)
    return article, record


@pytest.fixture(scope="session")
def dev_stored(dev_gold: dict[str, dict[str, Any]]) -> dict[str, tuple[Article, Record]]:
    """Each dev gold record as an (article, record) pair ready for ``Store.put``, by stem."""
    return {stem: _gold_as_stored(stem, gold) for stem, gold in dev_gold.items()}
