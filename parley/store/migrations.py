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
