"""The store: articles and their records in SQLite (default) or PostgreSQL.

    >>> store = Store.open("parley.db")            # or "postgresql+psycopg://…", or None
    >>> store.put(article, record)                 # one transaction per article
    'stored'
    >>> store.record("9f2c")                       # id or unambiguous id prefix
    Record(...)

Callers never see SQL or backend differences; the backend is chosen by the URL.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import (
    Connection,
    Engine,
    and_,
    create_engine,
    delete,
    event,
    func,
    inspect,
    make_url,
    select,
    text,
)
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from ..errors import NotFoundError, StoreError
from ..ingest.article import Article
from ..record import ExtractorInfo, Record, load_record
from . import schema
from .migrations import WRITE, apply_migrations

__all__ = ["DEFAULT_DB", "ArticleRow", "PutResult", "SearchHit", "Store", "resolve_db_url"]

DEFAULT_DB = "parley.db"
PutResult = Literal["stored", "updated", "unchanged"]


def resolve_db_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for ``db``: a URL as given, a path as SQLite, else ``$PARLEY_DB``
    or ``./parley.db``."""
    db = db or os.environ.get("PARLEY_DB") or DEFAULT_DB
    if "://" in db:
        if db.startswith("postgres://"):
            db = "postgresql+psycopg://" + db[len("postgres://") :]
        elif db.startswith("postgresql://"):
            db = "postgresql+psycopg://" + db[len("postgresql://") :]
        return db
    if db == ":memory:":
        return "sqlite+pysqlite:///:memory:"
    return "sqlite+pysqlite:///" + str(Path(db).expanduser())


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """What ``parley articles`` lists about one stored article."""

    id: str
    title: str | None
    publisher: str | None
    published: str | None
    url: str | None
    extractor_version: str
    actors: int
    proposals: int
    stances: int
    events: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    """An article that matches a search, with its text (for snippets and quotes)."""

    id: str
    title: str | None
    publisher: str | None
    published: str | None
    text: str


_WORD = re.compile(r"\w+")


def _masked(url: str) -> str:
    """``url`` with its password (if any) replaced by ``***``, for messages."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _reason(exc: SQLAlchemyError) -> str:
    """The database's own words for ``exc``, on one line, without the SQL and its values."""
    orig = getattr(exc, "orig", None)
    text = str(orig if orig is not None else exc).split("\n[SQL:", 1)[0]
    return " ".join(text.split())


PG_CONNECT_TIMEOUT = 10  # seconds; an unreachable host is an error, not a hang


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Python's sqlite3 would open transactions itself, only before INSERT/UPDATE/DELETE, so
    # DDL (migrations) and the reads before a write would run outside them. Leave the
    # transactions to SQLAlchemy instead (_sqlite_begin): every transaction, DDL included, is
    # then one SQLite transaction, as on PostgreSQL.
    dbapi_conn.isolation_level = None
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    # a write takes the write lock at its start: in WAL mode a deferred transaction that read
    # before another writer committed could not write at all (SQLITE_BUSY_SNAPSHOT)
    write = conn.get_execution_options().get("parley_write")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


class Store:
    """Articles and their records; every write is one transaction."""

    def __init__(self, engine: Engine):
        self.engine = engine
        self.url = engine.url.render_as_string(hide_password=True)
        self.backend = engine.dialect.name  # "sqlite" or "postgresql"
        self._search_index: bool | None = None  # SQLite: has the FTS5 table (migration 0003)

    @classmethod
    def open(cls, db: str | None = None, *, migrate: bool = True) -> Store:
        """Open (and by default migrate) the store at ``db`` (see :func:`resolve_db_url`)."""
        url = resolve_db_url(db)
        try:
            if url.startswith("sqlite"):
                path = url.split("///", 1)[1]
                if path != ":memory:":
                    parent = Path(path).parent
                    if not parent.is_dir():
                        raise StoreError(f"cannot open store {path}: folder {parent} does not exist")
                engine = create_engine(url)
                event.listen(engine, "connect", _sqlite_pragmas)
                event.listen(engine, "begin", _sqlite_begin)
            else:
                connect_args: dict[str, Any] = {}
                if url.startswith("postgresql") and "connect_timeout" not in url:
                    connect_args["connect_timeout"] = PG_CONNECT_TIMEOUT
                engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
        except (ArgumentError, NoSuchModuleError) as exc:
            hint = ""
            if "postgres" in url:
                hint = " (install the PostgreSQL extra: pip install 'parley[postgres]')"
            raise StoreError(f"cannot use database URL {_masked(url)!r}: {exc}{hint}") from None
        except ModuleNotFoundError as exc:
            raise StoreError(
                f"cannot use database URL {_masked(url)!r}: {exc}. "
                "Install the PostgreSQL extra: pip install 'parley[postgres]'"
            ) from None
        store = cls(engine)
        if migrate:
            store.migrate()
        return store

    def migrate(self) -> list[str]:
        """Apply the pending migrations (see :mod:`parley.store.migrations`); their names."""
        try:
            return apply_migrations(self.engine)
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise StoreError(f"cannot open or migrate store {self.url}: {_reason(exc)}") from None

    @contextmanager
    def _reading(self, what: str) -> Iterator[Connection]:
        """A connection for a read; database errors become :class:`StoreError`."""
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot read {what} from store {self.url}: {_reason(exc)}") from None

    def _sorted(self, column: Any) -> Any:
        """``column`` for ORDER BY, sorting the same on every backend: by code point (not by
        the server's locale) and NULLs last."""
        if self.backend == "postgresql":
            column = column.collate("C")
        return column.asc().nulls_last()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -----------------------------------------------------------------------

    def stored_version(self, article_id: str) -> str | None:
        """The extractor version of the stored record of ``article_id``, or None."""
        with self._reading(f"article {article_id}") as conn:
            return conn.execute(
                select(schema.articles.c.extractor_version).where(
                    schema.articles.c.id == article_id
                )
            ).scalar_one_or_none()

    def put(self, article: Article, record: Record) -> PutResult:
        """Store ``record`` for ``article`` in one transaction.

        Returns ``unchanged`` when the same article is stored with a record by the same
        extractor version, ``updated`` when an older record is replaced, else ``stored``.
        Nothing already stored is lost when the write fails.
        """
        if record.article.id != article.id:
            raise StoreError(f"record {record.article.id} does not belong to article {article.id}")
        record.check_text(article.text)
        _refuse_nul(article)
        version = record.extractor.version if record.extractor else "unknown"
        now = datetime.now(UTC)
        try:
            with self.engine.execution_options(**WRITE).begin() as conn:
                row = conn.execute(
                    select(schema.articles.c.extractor_version, schema.articles.c.ingested_at).where(
                        schema.articles.c.id == article.id
                    )
                ).first()
                if row is not None and row.extractor_version == version:
                    return "unchanged"
                values = {
                    "url": article.url,
                    "title": article.title,
                    "publisher": article.publisher,
                    "published": article.published,
                    "language": article.language,
                    "text": article.text,
                    "origin": article.origin,
                    "extractor_version": version,
                    "record": record.to_dict(),
                    "extracted_at": now,
                }
                if row is None:
                    conn.execute(
                        schema.articles.insert().values(id=article.id, ingested_at=now, **values)
                    )
                else:
                    for table in schema.FACT_TABLES:
                        conn.execute(delete(table).where(table.c.article_id == article.id))
                    conn.execute(
                        schema.articles.update()
                        .where(schema.articles.c.id == article.id)
                        .values(**values)
                    )
                _insert_facts(conn, article.id, record)
        except SQLAlchemyError as exc:
            raise StoreError(
                f"cannot store article {article.id} ({article.origin}): {_reason(exc)}"
            ) from None
        return "stored" if row is None else "updated"

    # -- reading -----------------------------------------------------------------------

    def resolve_id(self, ref: str) -> str:
        """The full article id for ``ref``: an id, an id without ``sha256:``, or a prefix.

        Ids are lower-case hex, so ``ref`` is matched without regard to case; the match is
        the same on every backend (SQLite's LIKE would ignore case, PostgreSQL's would not).
        """
        given = ref
        ref = ref.strip().lower()
        if ref in ("", "sha256:"):
            raise NotFoundError("give an article id or a prefix of one (see `parley articles`)")
        needle = ref if ref.startswith("sha256:") else "sha256:" + ref
        ids_ = schema.articles.c.id
        with self._reading("article ids") as conn:
            # imported records may carry their own ids ("d01"); try the id as given first
            ids = list(conn.execute(select(ids_).where(ids_.in_([given.strip(), needle]))).scalars())
            if not ids:
                prefix = func.substr(ids_, 1, len(needle)) == needle
                ids = list(
                    conn.execute(select(ids_).where(prefix).order_by(ids_).limit(2)).scalars()
                )
        ref = given.strip()
        if not ids:
            raise NotFoundError(f"no stored article has id {ref!r} (see `parley articles`)")
        if len(ids) > 1:
            raise NotFoundError(f"article id prefix {ref!r} is ambiguous; give more characters")
        return ids[0]

    def record(self, ref: str) -> Record:
        """The stored record of the article ``ref`` (see :meth:`resolve_id`)."""
        article_id = self.resolve_id(ref)
        with self._reading(f"article {article_id}") as conn:
            data = conn.execute(
                select(schema.articles.c.record).where(schema.articles.c.id == article_id)
            ).scalar_one()
        return load_record(data, origin=article_id)

    def article_text(self, ref: str) -> str:
        article_id = self.resolve_id(ref)
        with self._reading(f"article {article_id}") as conn:
            return conn.execute(
                select(schema.articles.c.text).where(schema.articles.c.id == article_id)
            ).scalar_one()

    def records_with_text(self) -> Iterator[tuple[Record, str]]:
        """Every stored record with its article text, oldest publication first."""
        a = schema.articles
        with self._reading("records") as conn:
            rows = conn.execute(
                select(a.c.id, a.c.record, a.c.text).order_by(
                    self._sorted(a.c.published), self._sorted(a.c.id)
                )
            )
            for row in rows:
                yield load_record(row.record, origin=row.id), row.text

    def import_record(self, record: Record, text: str, *, origin: str = "import") -> PutResult:
        """Store a record made elsewhere (a gold file, an export) with its article text."""
        meta = record.article
        article = Article(
            text=text, id=meta.id, url=meta.url, title=meta.title, publisher=meta.publisher,
            published=meta.published, language=meta.language, origin=origin, stem=meta.id,
        )
        if record.extractor is None:
            record = record.model_copy(update={"extractor": ExtractorInfo(version="imported", pipeline="import")})
        return self.put(article, record)

    # -- analysts' corrections -----------------------------------------------------------

    def overrides(self) -> list[dict[str, Any]]:
        """The proposal-identity corrections, oldest first."""
        o = schema.proposal_overrides
        with self._reading("proposal overrides") as conn:
            rows = conn.execute(select(o).order_by(o.c.id))
            return [dict(row._mapping) for row in rows]

    def add_override(self, action: str, report: str, target: str | None = None, note: str | None = None) -> int:
        """Record ``split`` (keep ``report`` apart) or ``merge`` (put it with ``target``)."""
        if action not in ("split", "merge"):
            raise StoreError(f"override action must be split or merge (not {action!r})")
        if action == "merge" and not target:
            raise StoreError("a merge needs a target report")
        try:
            with self.engine.execution_options(**WRITE).begin() as conn:
                result = conn.execute(
                    schema.proposal_overrides.insert().values(
                        action=action, report=report, target=target, note=note, created_at=datetime.now(UTC)
                    )
                )
                return int(result.inserted_primary_key[0])
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot record the {action} of {report}: {_reason(exc)}") from None

    def remove_override(self, override_id: int) -> None:
        o = schema.proposal_overrides
        try:
            with self.engine.execution_options(**WRITE).begin() as conn:
                gone = conn.execute(delete(o).where(o.c.id == override_id)).rowcount
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot remove override {override_id}: {_reason(exc)}") from None
        if not gone:
            raise NotFoundError(f"no override has id {override_id} (see `parley overrides`)")

    def record_with_text(self, ref: str) -> tuple[Record, str]:
        """The stored record of the article ``ref`` and the article's text."""
        article_id = self.resolve_id(ref)
        a = schema.articles
        with self._reading(f"article {article_id}") as conn:
            row = conn.execute(select(a.c.record, a.c.text).where(a.c.id == article_id)).one()
        return load_record(row.record, origin=article_id), row.text

    def fingerprint(self) -> tuple[Any, ...]:
        """A cheap value that changes whenever what the negotiation picture is built from
        changes: the article count, the latest extraction time, the overrides' count and
        latest id."""
        a, o = schema.articles, schema.proposal_overrides
        query = select(
            select(func.count()).select_from(a).scalar_subquery(),
            select(func.max(a.c.extracted_at)).scalar_subquery(),
            select(func.count()).select_from(o).scalar_subquery(),
            select(func.max(o.c.id)).scalar_subquery(),
        )
        with self._reading("the store's state") as conn:
            return tuple(conn.execute(query).one())

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Articles whose title or text has every word of ``query``, best match first.

        Words are matched by stem ("talks" finds "talk"); punctuation and search operators in
        ``query`` are ignored. SQLite uses the FTS5 index, PostgreSQL ``plainto_tsquery``.
        """
        words = _WORD.findall(query)
        if not words or limit < 1:
            return []
        a = schema.articles
        columns = "a.id, a.title, a.publisher, a.published, a.text"
        sql: Any
        if self.backend == "postgresql":
            document = f"to_tsvector('english'::regconfig, {schema.SEARCH_DOCUMENT})"
            sql = text(
                f"SELECT {columns} FROM articles AS a, plainto_tsquery('english', :q) AS q "
                f"WHERE {document} @@ q "
                f"ORDER BY ts_rank({document}, q) DESC, a.published DESC NULLS LAST, a.id LIMIT :n"
            )
            params: dict[str, Any] = {"q": " ".join(words), "n": limit}
        elif self._has_search_index():
            fts = schema.SEARCH_INDEX
            sql = text(
                f"SELECT {columns} FROM {fts} JOIN articles AS a ON a.id = {fts}.article_id "
                f"WHERE {fts} MATCH :q ORDER BY bm25({fts}), a.published DESC, a.id LIMIT :n"
            )
            params = {"q": " ".join('"' + w.replace('"', "") + '"' for w in words), "n": limit}
        else:  # an SQLite library without FTS5: scan the texts
            haystack = func.lower(func.coalesce(a.c.title, "") + " " + a.c.text)
            sql = (
                select(a.c.id, a.c.title, a.c.publisher, a.c.published, a.c.text)
                .where(and_(*(haystack.contains(w.lower(), autoescape=True) for w in words)))
                .order_by(self._sorted(a.c.published), a.c.id)
                .limit(limit)
            )
            params = {}
        with self._reading("search results") as conn:
            return [
                SearchHit(row.id, row.title, row.publisher, row.published, row.text)
                for row in conn.execute(sql, params)
            ]

    def _has_search_index(self) -> bool:
        if self._search_index is None:
            self._search_index = inspect(self.engine).has_table(schema.SEARCH_INDEX)
        return self._search_index

    def records(self) -> Iterator[Record]:
        """Every stored record, oldest publication first (undated ones last)."""
        a = schema.articles
        with self._reading("records") as conn:
            rows = conn.execute(
                select(a.c.id, a.c.record).order_by(
                    self._sorted(a.c.published), self._sorted(a.c.id)
                )
            )
            for row in rows:
                yield load_record(row.record, origin=row.id)

    def count(self) -> int:
        with self._reading("the article count") as conn:
            return conn.execute(select(func.count()).select_from(schema.articles)).scalar_one()

    def articles(self) -> list[ArticleRow]:
        """The stored articles with counts of their facts, by publication date (undated ones
        last, then by id)."""
        a = schema.articles

        def counted(table: Any) -> Any:
            return (
                select(func.count())
                .select_from(table)
                .where(table.c.article_id == a.c.id)
                .scalar_subquery()
            )

        query = select(
            a.c.id,
            a.c.title,
            a.c.publisher,
            a.c.published,
            a.c.url,
            a.c.extractor_version,
            counted(schema.actors).label("n_actors"),
            counted(schema.proposals).label("n_proposals"),
            counted(schema.stances).label("n_stances"),
            counted(schema.events).label("n_events"),
        ).order_by(self._sorted(a.c.published), self._sorted(a.c.id))
        with self._reading("articles") as conn:
            return [
                ArticleRow(
                    id=row.id,
                    title=row.title,
                    publisher=row.publisher,
                    published=row.published,
                    url=row.url,
                    extractor_version=row.extractor_version,
                    actors=row.n_actors,
                    proposals=row.n_proposals,
                    stances=row.n_stances,
                    events=row.n_events,
                )
                for row in conn.execute(query)
            ]


def _refuse_nul(article: Article) -> None:
    """PostgreSQL cannot keep NUL characters in text; refuse them on every backend alike."""
    for name in ("text", "title", "url", "publisher", "published", "origin"):
        value = getattr(article, name)
        if value and "\x00" in value:
            raise StoreError(
                f"cannot store article {article.id} ({article.origin}): its {name} contains "
                "a NUL character (U+0000), which the store does not keep"
            )


def _insert_facts(conn: Connection, article_id: str, record: Record) -> None:
    """Spread ``record`` over the fact tables."""

    def rows(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [{"article_id": article_id, "seq": i, **item} for i, item in enumerate(items)]

    batches: list[tuple[Any, list[dict[str, Any]]]] = [
        (
            schema.actors,
            [
                {
                    "actor_id": x.id,
                    "name": x.name,
                    "kind": x.kind,
                    "country": x.country,
                    "roles": list(x.roles),
                    "mentions": [list(m) for m in x.mentions],
                }
                for x in record.actors
            ],
        ),
        (
            schema.people,
            [
                {
                    "name": x.name,
                    "affiliation": x.affiliation,
                    "title": x.title,
                    "mentions": [list(m) for m in x.mentions],
                }
                for x in record.people
            ],
        ),
        (
            schema.sources,
            [
                {
                    "source_id": x.id,
                    "kind": x.kind,
                    "name": x.name,
                    "affiliation": x.affiliation,
                    "mentions": [list(m) for m in x.mentions],
                }
                for x in record.sources
            ],
        ),
        (
            schema.proposals,
            [
                {
                    "proposal_id": p.id,
                    "label": p.label,
                    "proposer": p.proposer,
                    "channel": list(p.channel),
                    "status": p.status,
                    "parent": p.parent,
                    "evidence": [list(e) for e in p.evidence or []],
                }
                for p in record.proposals
            ],
        ),
        (
            schema.terms,
            [
                {
                    "proposal_id": p.id,
                    "term_type": t.type,
                    "params": t.params,
                    "phase": t.phase,
                    "evidence": [list(e) for e in t.evidence or []],
                }
                for p in record.proposals
                for t in p.terms
            ],
        ),
        (
            schema.stances,
            [
                {
                    "actor_id": s.actor,
                    "stance": s.stance,
                    "proposal_id": s.proposal,
                    "term_type": s.term,
                    "speaker": s.speaker,
                    "conditions": list(s.conditions),
                    "source_id": s.source,
                    "certainty": s.certainty,
                    "evidence": [list(e) for e in s.evidence or []],
                }
                for s in record.stances
            ],
        ),
        (
            schema.events,
            [
                {
                    "event_type": e.type,
                    "mode": e.mode,
                    "actors": list(e.actors),
                    "recipients": list(e.recipients),
                    "date": e.date,
                    "date_text": e.date_text,
                    "location": e.location,
                    "source_id": e.source,
                    "evidence": [list(x) for x in e.evidence or []],
                }
                for e in record.events
            ],
        ),
    ]
    for table, items in batches:
        if items:
            conn.execute(table.insert(), rows(items))
