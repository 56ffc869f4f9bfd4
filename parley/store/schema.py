"""Tables of the Parley store (SQLAlchemy Core), shared by SQLite and PostgreSQL.

Each article's record is kept whole (``articles.record``, the JSON that ``parley show``
prints) and also spread over fact tables that queries join: actors, people, sources,
proposals, terms, stances, events. The fact tables are derived from the record and are
rewritten with it, in the same transaction.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

__all__ = [
    "actors",
    "articles",
    "events",
    "metadata",
    "migrations",
    "people",
    "proposal_overrides",
    "proposals",
    "sources",
    "stances",
    "terms",
]

metadata = MetaData()

migrations = Table(
    "parley_migrations",
    metadata,
    Column("name", String(200), primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)

articles = Table(
    "articles",
    metadata,
    Column("id", String(80), primary_key=True),  # sha256:<hex>
    Column("url", Text),
    Column("title", Text),
    Column("publisher", Text),
    Column("published", String(40)),  # ISO date or datetime as the article carries it
    Column("language", String(12), nullable=False),
    Column("text", Text, nullable=False),
    Column("origin", Text),  # the input it was read from
    Column("extractor_version", String(40), nullable=False),
    Column("record", JSON, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("extracted_at", DateTime(timezone=True), nullable=False),
)


def _fact_table(name: str, *columns: Column) -> Table:  # type: ignore[type-arg]
    """A table of facts of one article, deleted with it (ON DELETE CASCADE)."""
    return Table(
        name,
        metadata,
        Column(
            "article_id",
            String(80),
            ForeignKey("articles.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        Column("seq", Integer, primary_key=True),  # position in the record's list
        *columns,
    )


actors = _fact_table(
    "actors",
    Column("actor_id", String(80), nullable=False),
    Column("name", Text, nullable=False),
    Column("kind", String(20), nullable=False),
    Column("country", String(3)),
    Column("roles", JSON, nullable=False),
    Column("mentions", JSON, nullable=False),
)
Index("ix_actors_actor_id", actors.c.actor_id)

people = _fact_table(
    "people",
    Column("name", Text, nullable=False),
    Column("affiliation", String(80)),
    Column("title", Text),
    Column("mentions", JSON, nullable=False),
)

sources = _fact_table(
    "sources",
    Column("source_id", String(20), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("name", Text),
    Column("affiliation", String(80)),
    Column("mentions", JSON, nullable=False),
)

proposals = _fact_table(
    "proposals",
    Column("proposal_id", String(20), nullable=False),
    Column("label", Text),
    Column("proposer", String(80)),
    Column("channel", JSON, nullable=False),
    Column("status", String(30)),
    Column("parent", String(20)),
    Column("evidence", JSON, nullable=False),
)
Index("ix_proposals_proposer", proposals.c.proposer)

terms = _fact_table(
    "terms",
    Column("proposal_id", String(20), nullable=False),
    Column("term_type", String(40), nullable=False),
    Column("params", JSON, nullable=False),
    Column("phase", Integer),
    Column("evidence", JSON, nullable=False),
)

stances = _fact_table(
    "stances",
    Column("actor_id", String(80), nullable=False),
    Column("stance", String(40), nullable=False),
    Column("proposal_id", String(20)),
    Column("term_type", String(40)),
    Column("speaker", Text),
    Column("conditions", JSON, nullable=False),
    Column("source_id", String(20)),
    Column("certainty", String(20), nullable=False),
    Column("evidence", JSON, nullable=False),
)
Index("ix_stances_actor", stances.c.actor_id)

events = _fact_table(
    "events",
    Column("event_type", String(20), nullable=False),
    Column("mode", String(20)),
    Column("actors", JSON, nullable=False),
    Column("recipients", JSON, nullable=False),
    Column("date", String(40)),
    Column("date_text", Text),
    Column("location", Text),
    Column("source_id", String(20)),
    Column("evidence", JSON, nullable=False),
)
Index("ix_events_date", events.c.date)

FACT_TABLES = (actors, people, sources, proposals, terms, stances, events)

# Analysts' corrections to proposal identity (``parley split`` / ``parley merge``). They are
# the only part of the negotiation picture that records cannot rebuild, so they are stored.
proposal_overrides = Table(
    "proposal_overrides",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("action", String(10), nullable=False),  # split | merge
    Column("report", String(120), nullable=False),  # "<article id>#<local proposal id>"
    Column("target", String(120)),  # merge: another report's key
    Column("note", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# The full-text index of article titles and texts (migration 0003_search). It is not a table of
# this metadata: on SQLite it is an FTS5 virtual table (with FTS5's own shadow tables, all
# named ``articles_fts…``) kept in sync by triggers on ``articles``; on PostgreSQL it is a GIN
# index on the ``to_tsvector`` of :data:`SEARCH_DOCUMENT`.
SEARCH_INDEX = "articles_fts"
SEARCH_MAX_CHARS = 500_000
"""PostgreSQL indexes the title and the first 500,000 characters of the text (a ``tsvector``
holds at most 1 MB); SQLite indexes the whole text."""
SEARCH_DOCUMENT = f"translate(left(coalesce(title, '') || ' ' || text, {SEARCH_MAX_CHARS}), '<>&', '   ')"
"""The indexed text on PostgreSQL: queries must use the same expression to use the index.
``<``, ``>`` and ``&`` become spaces: PostgreSQL's parser would otherwise take ``<b>`` for an
HTML tag, or ``&amp;`` for an entity, and leave the words in it out (articles are plain text)."""
