"""Batch runs: read inputs, extract, and store — one bad article never stops the run.

    >>> summary = ingest_paths(["articles/"], store=store, extractor=extractor)
    >>> summary.stored, summary.unchanged, summary.skipped

Every input ends in exactly one outcome: stored, updated, unchanged, or skipped with a
named reason (a refused input, a failed extraction, a failed write). Nothing is skipped
silently: skips are returned, counted and logged.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ParleyError
from .extract.pipeline import Extraction, Extractor
from .ingest import Article, Skipped, iter_articles
from .store.store import Store

__all__ = ["IngestSummary", "extract_paths", "ingest_articles", "ingest_paths"]

log = logging.getLogger("parley")

Outcome = Extraction | Skipped


def extract_paths(
    paths: Iterable[str | Path],
    extractor: Extractor,
    *,
    meta: dict[str, Any] | None = None,
    batch_size: int = 16,
    stdin: Any = None,
) -> Iterator[Outcome]:
    """Extract every article found under ``paths``, in input order.

    Yields an :class:`Extraction` per article read (``record`` or ``error`` set) and a
    :class:`Skipped` per refused input.
    """
    pending: list[Article] = []
    kwargs = dict(meta or {})
    if stdin is not None:
        kwargs["stdin"] = stdin
    for item in iter_articles(paths, **kwargs):
        if isinstance(item, Skipped):
            yield from extractor.extract_many(pending, batch_size=batch_size)
            pending = []
            log.warning("skipped %s", item)
            yield item
            continue
        pending.append(item)
        if len(pending) >= batch_size:
            yield from extractor.extract_many(pending, batch_size=batch_size)
            pending = []
    yield from extractor.extract_many(pending, batch_size=batch_size)


@dataclass
class IngestSummary:
    """What an ingest run did, input by input."""

    stored: list[str] = field(default_factory=list)  # article ids
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.stored) + len(self.updated) + len(self.unchanged) + len(self.skipped)

    def reasons(self) -> Counter[str]:
        return Counter(s.reason for s in self.skipped)

    def to_dict(self) -> dict[str, Any]:
        return {
            "stored": len(self.stored),
            "updated": len(self.updated),
            "unchanged": len(self.unchanged),
            "skipped": [
                {"input": s.where, "reason": s.reason, "detail": s.detail} for s in self.skipped
            ],
        }


def ingest_articles(
    items: Iterable[Article | Skipped],
    *,
    store: Store,
    extractor: Extractor,
    batch_size: int = 16,
    on_outcome: Callable[[str, Article | Skipped], None] | None = None,
) -> IngestSummary:
    """Extract and store ``items``; articles already stored by this extractor version are
    not extracted again. ``on_outcome(kind, item)`` is called once per input."""
    summary = IngestSummary()
    seen: set[str] = set()

    def report(kind: str, item: Article | Skipped) -> None:
        if on_outcome is not None:
            on_outcome(kind, item)

    def skip(item: Skipped) -> None:
        log.warning("skipped %s", item)
        summary.skipped.append(item)
        report("skipped", item)

    def flush(batch: list[Article]) -> None:
        for outcome in extractor.extract_many(batch, batch_size=batch_size):
            article = outcome.article
            if outcome.record is None:
                skip(Skipped(article.origin, "extraction_failed", outcome.error or "unknown error"))
                continue
            try:
                result = store.put(article, outcome.record)
            except ParleyError as exc:
                skip(Skipped(article.origin, "store_failed", str(exc)))
                continue
            getattr(summary, result).append(article.id)
            report(result, article)

    pending: list[Article] = []
    for item in items:
        if isinstance(item, Skipped):
            skip(item)
            continue
        if item.id in seen or store.stored_version(item.id) == extractor.version:
            summary.unchanged.append(item.id)
            report("unchanged", item)
            seen.add(item.id)
            continue
        seen.add(item.id)
        pending.append(item)
        if len(pending) >= batch_size:
            flush(pending)
            pending = []
    if pending:
        flush(pending)
    return summary


def ingest_paths(
    paths: Iterable[str | Path],
    *,
    store: Store,
    extractor: Extractor,
    meta: dict[str, Any] | None = None,
    batch_size: int = 16,
    stdin: Any = None,
    on_outcome: Callable[[str, Article | Skipped], None] | None = None,
) -> IngestSummary:
    """Read every input under ``paths`` and :func:`ingest_articles` them."""
    kwargs = dict(meta or {})
    if stdin is not None:
        kwargs["stdin"] = stdin
    return ingest_articles(
        iter_articles(paths, **kwargs),
        store=store,
        extractor=extractor,
        batch_size=batch_size,
        on_outcome=on_outcome,
    )
