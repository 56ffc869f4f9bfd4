"""Events on the tuning corpora (F1, event-date accuracy, negatives) and, when the data set is
there, the PLOVER check.

    python bench/events_eval.py [--gold DIR ...] [--plover ../shared/datasets/PLOVER/PLOVER_GSR_CAMEO.txt] [-v]

Targets: events F1 >= 0.85 and event-date accuracy >= 0.80 on dev, >= 0.65 over all the
tuning corpora together; zero events on the negative articles; on PLOVER's
negotiation-related records, event-type accuracy >= 0.80 and actor F1 >= 0.80. The held-out
set (tests/data/heldout) is not among the defaults: pass it explicitly to measure.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rich.console import Console  # noqa: E402

from parley.evaluate import format_score, load_gold_dir, render_misses  # noqa: E402
from parley.evaluate.plover import evaluate_plover, render_plover  # noqa: E402
from parley.evaluate.run import predict  # noqa: E402
from parley.evaluate.scoring import score  # noqa: E402
from parley.extract.pipeline import Extractor  # noqa: E402

DEFAULT_PLOVER = ROOT.parent / "shared" / "datasets" / "PLOVER" / "PLOVER_GSR_CAMEO.txt"
DEFAULT_GOLD = ("tests/data/dev", "parley/samples/gold", "tests/data/tune", "tests/data/tune2")


def _line(out: Console, name: str, report) -> None:  # type: ignore[no-untyped-def]
    events, dates = report.layers["events"], report.event_dates
    negatives = sum(counts.get("events", 0) for counts in report.negatives.values())
    out.print(
        f"{name:<22} events P {format_score(events.precision)} R {format_score(events.recall)} "
        f"F1 {format_score(events.f1)} (TP {events.tp}, FP {events.fp}, FN {events.fn}); "
        f"dates {format_score(dates.value)} ({dates.correct}/{dates.total}); "
        f"events on negative articles: {negatives}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", nargs="*", default=list(DEFAULT_GOLD), help="gold directories")
    parser.add_argument("--plover", type=Path, default=DEFAULT_PLOVER)
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses")
    args = parser.parse_args()

    out = Console(highlight=False, width=200)
    extractor = Extractor()
    out.print(f"pipeline: {', '.join(extractor.nlp.pipe_names)}")
    all_pairs = []
    for gold in args.gold:
        golds = load_gold_dir(ROOT / gold if not Path(gold).is_absolute() else Path(gold))
        pairs = list(zip(golds, predict(golds, extractor), strict=True))
        all_pairs += pairs
        report = score(pairs)
        _line(out, gold, report)
        if args.verbose:
            render_misses(report, out)
    if len(args.gold) > 1:
        _line(out, "ALL", score(all_pairs))

    if args.plover.exists():
        plover = evaluate_plover(args.plover, extractor)
        render_plover(plover, out, verbose=args.verbose)
        neg = plover.negotiation
        out.print(
            f"PLOVER negotiation-related: type accuracy {format_score(neg.type_accuracy)}, "
            f"actor F1 {format_score(neg.actor_f1)}; all records: type accuracy "
            f"{format_score(plover.overall.type_accuracy)}, actor F1 {format_score(plover.overall.actor_f1)}"
        )
    else:
        out.print(f"PLOVER check skipped: {args.plover} is not there")


if __name__ == "__main__":
    main()
