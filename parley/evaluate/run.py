"""Run the extractor over gold records and score the result (``parley eval``)."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import EvalError
from ..extract.pipeline import Extractor
from ..ingest.article import Article
from ..record import Record
from .scoring import Report, score

__all__ = ["evaluate", "predict"]


def _article(gold: Record) -> Article:
    meta = gold.article
    # the gold text as it is, so that predicted offsets index it
    return Article(
        text=meta.text or "",
        id=meta.id,
        url=meta.url,
        title=meta.title,
        publisher=meta.publisher,
        published=meta.published,
        language=meta.language,
        origin=meta.id,
        stem=meta.id,
    )


def predict(golds: Sequence[Record], extractor: Extractor | None = None) -> list[Record]:
    """The extractor's records for the texts of ``golds``, in the same order."""
    extractor = extractor or Extractor()
    records = []
    for outcome in extractor.extract_many([_article(g) for g in golds]):
        if outcome.record is None:
            raise EvalError(f"{outcome.article.origin}: {outcome.error}")
        records.append(outcome.record)
    return records


def evaluate(golds: Sequence[Record], extractor: Extractor | None = None) -> Report:
    """Score the extractor against ``golds`` (SCORING.md)."""
    return score(zip(golds, predict(golds, extractor), strict=True))
