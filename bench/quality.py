"""Extraction quality on every tuning corpus at once: dev, the sample series, tune and tune2.

    python bench/quality.py [--layer stances] [--verbose] [corpus ...]

Prints each corpus's parley score and layer F1s, and the figures over all of them together
(micro-averaged). The held-out set (tests/data/heldout) is deliberately not among the
defaults: it measures generalisation and must not be tuned on; pass it explicitly to measure.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rich.console import Console  # noqa: E402

from parley.evaluate import load_gold_dir, render_misses  # noqa: E402
from parley.evaluate.run import predict  # noqa: E402
from parley.evaluate.scoring import score  # noqa: E402
from parley.extract.pipeline import Extractor  # noqa: E402

DEFAULTS = ("tests/data/dev", "parley/samples/gold", "tests/data/tune", "tests/data/tune2")
LAYERS = ("actors", "roles", "people", "sources", "proposals", "terms", "stances", "stances_by_polarity", "events")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", nargs="*", default=list(DEFAULTS))
    parser.add_argument("--verbose", "-v", action="store_true", help="list misses and spurious units")
    args = parser.parse_args()
    extractor = Extractor()
    console = Console(width=200)
    all_pairs = []
    header = f"{'corpus':<22} {'score':>6} " + " ".join(f"{layer[:9]:>9}" for layer in LAYERS) + "  params  dates"
    console.print(header)
    for corpus in args.corpora:
        golds = load_gold_dir(ROOT / corpus)
        pairs = list(zip(golds, predict(golds, extractor), strict=True))
        all_pairs += pairs
        _row(console, corpus, score(pairs))
        if args.verbose:
            render_misses(score(pairs), console, limit=30)
    if len(args.corpora) > 1:
        _row(console, "ALL", score(all_pairs))


def _row(console: Console, name: str, report) -> None:  # type: ignore[no-untyped-def]
    def f(value: float | None) -> str:
        return "  n/a" if value is None else f"{value:.3f}"

    cells = " ".join(f"{f(getattr(report, layer).f1):>9}" for layer in LAYERS)
    negatives = report.negative_totals()
    extra = f"  neg:{sum(negatives.values())}" if sum(negatives.values()) else ""
    console.print(f"{name:<22} {f(report.parley_score):>6} {cells}  {f(report.term_parameters.value):>6} "
                  f"{f(report.event_dates.value):>6}{extra}")


if __name__ == "__main__":
    main()
