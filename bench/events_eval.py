"""Events on the dev corpus (F1, event-date accuracy, negatives) and, when the data set is
there, the PLOVER check.

    python bench/events_eval.py [--gold tests/data/dev] [--plover ../shared/datasets/PLOVER/PLOVER_GSR_CAMEO.txt] [-v]

Targets: events F1 >= 0.70 and event-date accuracy >= 0.80 on dev, zero events on the
negative articles; on PLOVER's negotiation-related records, event-type accuracy >= 0.75 and
actor F1 >= 0.80.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from rich.console import Console  # noqa: E402

from parley.evaluate import format_score, load_gold_dir, render_misses  # noqa: E402
from parley.evaluate.plover import _default_extractor, evaluate_plover, render_plover  # noqa: E402
from parley.evaluate.run import evaluate  # noqa: E402

DEFAULT_PLOVER = ROOT.parent / "shared" / "datasets" / "PLOVER" / "PLOVER_GSR_CAMEO.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "dev")
    parser.add_argument("--plover", type=Path, default=DEFAULT_PLOVER)
    parser.add_argument("-v", "--verbose", action="store_true", help="list misses")
    args = parser.parse_args()

    out = Console(highlight=False)
    extractor = _default_extractor()  # the pipeline's components plus parley_events
    out.print(f"pipeline: {', '.join(extractor.nlp.pipe_names)}")
    report = evaluate(load_gold_dir(args.gold), extractor)
    events = report.layers["events"]
    out.print(
        f"dev events: P {format_score(events.precision)} R {format_score(events.recall)} "
        f"F1 {format_score(events.f1)} (TP {events.tp}, FP {events.fp}, FN {events.fn})"
    )
    dates = report.event_dates
    out.print(f"dev event dates: accuracy {format_score(dates.value)} ({dates.correct}/{dates.total})")
    for article_id, counts in report.negatives.items():
        out.print(f"negative article {article_id}: {counts.get('events', 0)} event(s)")
    if args.verbose:
        render_misses(report, out)

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
