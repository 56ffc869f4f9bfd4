"""Scoring extracted records against gold records (spec: SCORING.md).

Usage: load the gold records with :func:`load_gold_dir`, pair each with the record the
extractor made of its ``article.text``, pass the ``(gold, predicted)`` pairs to :func:`score`,
then print the :class:`Report` with :func:`render_report` (and :func:`render_misses` for the
``--verbose`` view) or write ``report.to_dict()`` as JSON.
"""

from __future__ import annotations

from .gold import load_gold_dir, load_gold_file
from .report import format_score, render_misses, render_report
from .scoring import (
    JACCARD_THRESHOLD,
    LAYERS,
    NO_PROPOSAL,
    SUMMARY_LAYERS,
    Accuracy,
    ArticleScore,
    Counts,
    LayerScore,
    Report,
    match_actors,
    normalise,
    param_agrees,
    score,
    score_article,
    word_jaccard,
)

__all__ = [
    "JACCARD_THRESHOLD",
    "LAYERS",
    "NO_PROPOSAL",
    "SUMMARY_LAYERS",
    "Accuracy",
    "ArticleScore",
    "Counts",
    "LayerScore",
    "Report",
    "format_score",
    "load_gold_dir",
    "load_gold_file",
    "match_actors",
    "normalise",
    "param_agrees",
    "render_misses",
    "render_report",
    "score",
    "score_article",
    "word_jaccard",
]
