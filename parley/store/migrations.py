"""Named, recorded, run-once migrations for every backend.

A migration is a function of a SQLAlchemy ``Connection`` registered with ``@migration(name)``.
:func:`apply_migrations` runs, in order, each one whose name is not yet in the
``parley_migrations`` table, each in its own transaction, and records it there. Names never
change once released; a schema change is a new migration.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import Connection, Engine, inspect, select

from . import schema

__all__ = ["MIGRATIONS", "WRITE", "apply_migrations", "applied_migrations", "migration"]

WRITE = {"parley_write": True}
"""Execution options of a transaction that writes: on SQLite it starts with BEGIN IMMEDIATE,
taking the write lock at once (a second writer waits for it instead of failing midway)."""

Migration = Callable[[Connection], None]
MIGRATIONS: list[tuple[str, Migration]] = []


def migration(name: str) -> Callable[[Migration], Migration]:
    """Register ``fn`` as the migration ``name`` (applied in registration order)."""

    def register(fn: Migration) -> Migration:
        if any(existing == name for existing, _ in MIGRATIONS):
            raise ValueError(f"migration {name!r} is registered twice")
        MIGRATIONS.append((name, fn))
        return fn

    return register


@migration("0001_articles_and_facts")
def _initial(conn: Connection) -> None:
    schema.metadata.create_all(
        conn,
        tables=[
            schema.articles,
            schema.actors,
            schema.people,
            schema.sources,
            schema.proposals,
            schema.terms,
            schema.stances,
            schema.events,
        ],
    )


@migration("0002_proposal_overrides")
def _overrides(conn: Connection) -> None:
    schema.metadata.create_all(conn, tables=[schema.proposal_overrides])


@migration("0003_search")
def _search(conn: Connection) -> None:
    """A full-text index of article titles and texts, kept in sync in the transaction of
    each write: on SQLite an FTS5 table that triggers on ``articles`` update (skipped when
    the SQLite library has no FTS5; :meth:`Store.search` then scans the texts), on
    PostgreSQL a GIN index on the text's ``tsvector``."""
    if conn.dialect.name == "sqlite":
        if not _has_fts5(conn):
            return
        fts = schema.SEARCH_INDEX
        conn.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {fts} USING fts5("
            "article_id UNINDEXED, title, text, tokenize = 'porter unicode61')"
        )
        insert = (
            f"INSERT INTO {fts} (article_id, title, text) "
            "VALUES (new.id, coalesce(new.title, ''), new.text);"
        )
        remove = f"DELETE FROM {fts} WHERE article_id = old.id;"
        conn.exec_driver_sql(f"CREATE TRIGGER {fts}_insert AFTER INSERT ON articles BEGIN {insert} END")
        conn.exec_driver_sql(f"CREATE TRIGGER {fts}_delete AFTER DELETE ON articles BEGIN {remove} END")
        conn.exec_driver_sql(
            f"CREATE TRIGGER {fts}_update AFTER UPDATE OF title, text ON articles "
            f"BEGIN {remove} {insert} END"
        )
        conn.exec_driver_sql(
            f"INSERT INTO {fts} (article_id, title, text) "
            "SELECT id, coalesce(title, ''), text FROM articles"
        )
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(
            f"CREATE INDEX ix_{schema.SEARCH_INDEX} ON articles "
            f"USING gin (to_tsvector('english'::regconfig, {schema.SEARCH_DOCUMENT}))"
        )


def _has_fts5(conn: Connection) -> bool:
    options = {row[0] for row in conn.exec_driver_sql("PRAGMA compile_options")}
    return "ENABLE_FTS5" in options


def applied_migrations(engine: Engine) -> list[str]:
    """Names of the migrations recorded in the database, in the order applied."""
    if not inspect(engine).has_table(schema.migrations.name):
        return []
    with engine.connect() as conn:
        rows = conn.execute(
            select(schema.migrations.c.name).order_by(
                schema.migrations.c.applied_at, schema.migrations.c.name
            )
        )
        return [row.name for row in rows]


def apply_migrations(engine: Engine) -> list[str]:
    """Apply every pending migration; return the names applied now."""
    writer = engine.execution_options(**WRITE)
    schema.metadata.create_all(writer, tables=[schema.migrations])
    done = set(applied_migrations(engine))
    applied: list[str] = []
    for name, fn in MIGRATIONS:
        if name in done:
            continue
        with writer.begin() as conn:  # the migration and its record: one transaction
            fn(conn)
            conn.execute(
                schema.migrations.insert().values(name=name, applied_at=datetime.now(UTC))
            )
        applied.append(name)
    return applied
