"""Ingest: read files, directories and stdin into normalised, validated :class:`Article` s.

    read_path(path, **meta)        strict: a list of articles, or InputError for the first problem
    iter_articles(paths, **meta)   batches: Article or Skipped for each input, never raises for one
    article_from_text(text, ...)   one article from a string, with the same checks

Refusals carry a stable reason code (see :mod:`parley.ingest.readers`).
"""

from __future__ import annotations

from .article import Article, Skipped, article_id, normalise_text
from .readers import MAX_BYTES, article_from_text, iter_articles, read_path

__all__ = [
    "MAX_BYTES",
    "Article",
    "Skipped",
    "article_from_text",
    "article_id",
    "iter_articles",
    "normalise_text",
    "read_path",
]
