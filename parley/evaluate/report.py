"""Print a scoring :class:`~parley.evaluate.scoring.Report` with rich.

:func:`render_report` prints the layer table (P, R, F1, TP, FP, FN), the two accuracies, the
parley score and the negative-article line. :func:`render_misses` is the ``--verbose`` view:
per article, the units each layer missed or invented and the parameters and dates judged wrong.
Scores that are undefined (nothing in gold and nothing predicted) print as ``n/a``.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from .scoring import LAYERS, SUMMARY_LAYERS, Accuracy, ArticleScore, Report

__all__ = ["format_score", "render_misses", "render_report"]


def format_score(value: float | None) -> str:
    """A score with three decimals, or ``n/a`` when it is undefined."""
    return "n/a" if value is None else f"{value:.3f}"


def _layer_table(report: Report) -> Table:
    table = Table(title=f"Scores over {report.articles} article(s) (micro-averaged)")
    table.add_column("layer")
    for name in ("P", "R", "F1", "TP", "FP", "FN"):
        table.add_column(name, justify="right")
    for name, layer in report.layers.items():
        label = name.replace("_", " ") + (" *" if name in SUMMARY_LAYERS else "")
        table.add_row(
            label,
            format_score(layer.precision),
            format_score(layer.recall),
            format_score(layer.f1),
            str(layer.tp),
            str(layer.fp),
            str(layer.fn),
        )
    return table


def _accuracy_table(report: Report) -> Table:
    table = Table(title="Accuracy")
    table.add_column("item")
    for name in ("accuracy", "correct", "total"):
        table.add_column(name, justify="right")
    rows: list[tuple[str, Accuracy]] = [
        ("term parameters", report.term_parameters),
        ("event dates", report.event_dates),
    ]
    for label, acc in rows:
        table.add_row(label, format_score(acc.value), str(acc.correct), str(acc.total))
    return table


def _negatives_line(report: Report) -> str:
    if not report.negatives:
        return "negative articles: none in the set"
    totals = report.negative_totals()
    return (
        f"negative articles: {len(report.negatives)}; predicted there: "
        f"{totals['proposals']} proposal(s), {totals['stances']} stance(s), "
        f"{totals['events']} event(s)"
    )


def render_report(report: Report, console: Console | None = None) -> None:
    """Print the layer table, the accuracies, the parley score and the negatives line."""
    out = console or Console()
    out.print(_layer_table(report))
    out.print(_accuracy_table(report))
    summary = ", ".join(name.replace("_", " ") for name in SUMMARY_LAYERS)
    out.print(
        f"[bold]parley score: {format_score(report.parley_score)}[/bold] "
        f"(mean F1 of the * layers: {escape(summary)}; an n/a layer counts as 1.000)"
    )
    out.print(escape(_negatives_line(report)))


def _print_units(out: Console, label: str, units: list[str], limit: int) -> None:
    shown = ", ".join(units[:limit])
    more = f" … and {len(units) - limit} more" if len(units) > limit else ""
    out.print(f"    {label}: {escape(shown)}{more}")


def _render_article(out: Console, article: ArticleScore, limit: int) -> None:
    flag = " (negative)" if article.negative else ""
    out.print(
        f"[bold]{escape(article.article_id)}[/bold]{flag}  "
        f"parley score {format_score(article.parley_score)}"
    )
    for name in LAYERS:
        missed, spurious = article.missed.get(name, []), article.spurious.get(name, [])
        if not (missed or spurious):
            continue
        counts = article.layers[name]
        out.print(f"  {name} (TP {counts.tp}, FP {counts.fp}, FN {counts.fn})")
        if missed:
            _print_units(out, "missed", missed, limit)
        if spurious:
            _print_units(out, "spurious", spurious, limit)
    for name, items in article.wrong.items():
        acc = article.term_parameters if name == "term_parameters" else article.event_dates
        out.print(f"  {name} ({acc.correct}/{acc.total} correct)")
        _print_units(out, "wrong", items, limit)


def render_misses(report: Report, console: Console | None = None, limit: int = 10) -> None:
    """Per article, list up to ``limit`` missed, spurious and wrong items per layer."""
    out = console or Console()
    shown = 0
    for article in report.per_article:
        if article.missed or article.spurious or article.wrong:
            _render_article(out, article, max(limit, 0))
            shown += 1
    if not shown:
        out.print("no misses: every article matches its gold record")
