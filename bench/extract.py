"""Throughput of ``parley extract`` against the bare spaCy pipeline, measured in one run.

    python bench/extract.py [--articles 200] [--rounds 3] [--gold tests/data/dev]

The dev corpus texts are repeated to at least ``--articles`` articles. Both sides process
the same texts with the same model and the same ``nlp.pipe`` batch size; rounds alternate
between them so that load on a shared machine hits both alike. Parley's side includes
everything ``parley extract`` does per article after reading it: the rule components and
building and validating the record. Prints articles per second for each side and the ratio
of their per-article costs (target: under 1.5).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from parley.extract.pipeline import Extractor, load_model  # noqa: E402
from parley.ingest.article import Article  # noqa: E402


def load_articles(gold: Path, n: int) -> list[Article]:
    base = [json.loads(p.read_text(encoding="utf-8"))["article"] for p in sorted(gold.glob("*.json"))]
    if not base:
        raise SystemExit(f"no gold files in {gold}")
    articles = []
    while len(articles) < n:
        for meta in base:
            articles.append(
                Article.from_text(meta["text"], published=meta.get("published"), origin=str(meta["id"]))
            )
    return articles[: max(n, len(base))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "dev")
    args = parser.parse_args()

    articles = load_articles(args.gold, args.articles)
    texts = [a.text for a in articles]
    bare = load_model()
    extractor = Extractor()
    # warm up both (lexicon caches, first-batch allocations)
    list(bare.pipe(texts[:16], batch_size=args.batch_size))
    list(extractor.extract_many(articles[:16], batch_size=args.batch_size))

    bare_times, parley_times = [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for _doc in bare.pipe(texts, batch_size=args.batch_size):
            pass
        bare_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        failures = sum(
            1 for o in extractor.extract_many(articles, batch_size=args.batch_size) if o.record is None
        )
        parley_times.append(time.perf_counter() - start)
        if failures:
            raise SystemExit(f"{failures} article(s) failed to extract")

    n = len(articles)
    bare_best, parley_best = min(bare_times), min(parley_times)
    ratios = [p / b for p, b in zip(parley_times, bare_times, strict=True)]
    print(f"articles per run          {n}  ({len(set(texts))} distinct texts, {args.rounds} rounds)")
    print(f"bare spaCy nlp.pipe       {n / bare_best:8.2f} articles/s   (best of {args.rounds})")
    print(f"parley extract            {n / parley_best:8.2f} articles/s   (best of {args.rounds})")
    print(f"ratio parley/bare         {parley_best / bare_best:8.3f}   (per-round: "
          + ", ".join(f"{r:.3f}" for r in ratios) + f"; median {statistics.median(ratios):.3f})")
    print(f"pipeline                  {extractor.nlp.pipe_names}")


if __name__ == "__main__":
    main()
