"""Recall, parameter accuracy and spurious mentions of ``parley_terms`` on a gold corpus.

    python bench/terms_recall.py [--gold tests/data/dev] [--verbose]
    python bench/terms_recall.py --sentences tests/data/terms_sentences.jsonl [--verbose]

For every gold term (every proposal's terms) the harness looks for a term mention of the same
type whose evidence overlaps the gold ``quote`` (located with ``text.find(quote)``):

- **recall**: found / gold terms, overall and by term family (VOCABULARY.md);
- **parameter accuracy**: over the gold parameters of the found terms, the share that the
  mention's parameters agree with (``parley.evaluate.scoring.param_agrees``, SCORING.md rules);
- **spurious**: mentions that overlap no gold term quote, listed with their cue, so that true
  non-provisions can be told from provisions of background agreements the gold leaves out.

``--sentences`` reads the tuning sentences instead (one JSON object a line: ``text`` and
``terms``, each with a ``type`` — alternatives as ``"a|b"`` — and optional ``params``). A
sentence's expected terms are matched one to one with its mentions of an accepted type;
mentions in a sentence that expects none (a false friend) are spurious.

Timing: the spaCy model's own components and the ``parley_terms`` component are timed
separately, so that the rule layer's share of the per-article cost can be checked.

``--verbose`` also lists the missed terms and every wrong parameter.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import parley.extract.coref  # noqa: E402,F401
import parley.extract.terms  # noqa: E402,F401
from parley.evaluate.scoring import param_agrees  # noqa: E402
from parley.extract.pipeline import COMPONENTS, Extractor  # noqa: E402
from parley.ingest.article import Article  # noqa: E402
from parley.vocabulary import family_of  # noqa: E402

try:  # the dates component, when it is installed
    import parley.extract.dates  # noqa: F401

    DATES: tuple[str, ...] = ("parley_dates",)
except ImportError:  # pragma: no cover
    DATES = ()


def char_span(doc, start: int, end: int) -> tuple[int, int]:
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


class Timed:
    """Runs the pipeline component by component, adding up the model's and the terms' time."""

    def __init__(self, extractor: Extractor):
        self.extractor = extractor
        self.model = self.rules = self.terms = 0.0
        self.parley = {name for name in extractor.nlp.pipe_names if name.startswith("parley_")}

    def __call__(self, article: Article) -> Any:
        nlp = self.extractor.nlp
        doc = self.extractor._doc(article)
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            doc = proc(doc)
            spent = time.perf_counter() - t0
            if name == "parley_terms":
                self.terms += spent
            elif name in self.parley:
                self.rules += spent
            else:
                self.model += spent
        return doc

    def report(self, articles: int) -> str:
        share = self.terms / self.model if self.model else 0.0
        return (
            f"timing per article: spaCy model {1000 * self.model / articles:.1f} ms, "
            f"parley_terms {1000 * self.terms / articles:.1f} ms ({share:.0%} of the model), "
            f"other parley rules {1000 * self.rules / articles:.1f} ms"
        )


def accepted(expected: str) -> set[str]:
    return set(expected.split("|"))


def score_params(expected: dict[str, Any], got: dict[str, Any]) -> int:
    return sum(1 for k, v in expected.items() if k in got and param_agrees(v, got[k]))


class Tally:
    def __init__(self) -> None:
        self.found = self.total = self.p_ok = self.p_total = self.mentions = 0
        self.fam_found: Counter[str] = Counter()
        self.fam_total: Counter[str] = Counter()
        self.type_found: Counter[str] = Counter()
        self.type_total: Counter[str] = Counter()
        self.spurious: list[str] = []
        self.missed: list[str] = []
        self.wrong: list[str] = []

    def expect(self, type_: str) -> None:
        name = type_.split("|")[0]
        self.total += 1
        self.fam_total[family_of(name)] += 1
        self.type_total[name] += 1

    def hit(self, type_: str) -> None:
        name = type_.split("|")[0]
        self.found += 1
        self.fam_found[family_of(name)] += 1
        self.type_found[name] += 1

    def params(self, where: str, type_: str, expected: dict[str, Any], got: dict[str, Any]) -> None:
        for key, value in expected.items():
            self.p_total += 1
            if key in got and param_agrees(value, got[key]):
                self.p_ok += 1
            else:
                self.wrong.append(
                    f"{where} {type_}.{key}: gold {json.dumps(value)} "
                    f"got {json.dumps(got.get(key))}"
                )

    def print(self, verbose: bool) -> None:
        t = self
        print(
            f"recall: {t.found}/{t.total} = {t.found / t.total:.3f}" if t.total else "recall: n/a"
        )
        for family in sorted(t.fam_total):
            print(
                f"  {family:13s} {t.fam_found[family]:3d}/{t.fam_total[family]:3d} = "
                f"{t.fam_found[family] / t.fam_total[family]:.3f}"
            )
        print(
            f"parameter accuracy: {t.p_ok}/{t.p_total} = {t.p_ok / t.p_total:.3f}"
            if t.p_total
            else "parameter accuracy: n/a"
        )
        print(f"spurious mentions: {len(t.spurious)}")
        for line in t.spurious:
            print("  " + line)
        if verbose:
            print("by type:")
            for name in sorted(t.type_total):
                print(f"  {name:30s} {t.type_found[name]}/{t.type_total[name]}")
            print(f"missed: {len(t.missed)}")
            for line in t.missed:
                print("  " + line)
            print(f"wrong parameters: {len(t.wrong)}")
            for line in t.wrong:
                print("  " + line)


def run_gold(directory: Path, timed: Timed, tally: Tally) -> int:
    paths = sorted(directory.glob("*.json"))
    for path in paths:
        gold = json.loads(path.read_text(encoding="utf-8"))
        meta = gold["article"]
        text = meta["text"]
        doc = timed(Article(text=text, id=meta["id"], published=meta.get("published")))
        terms = doc._.parley.terms
        tally.mentions += len(terms)
        spans = [char_span(doc, t.start, t.end) for t in terms]
        quotes = []
        for proposal in gold.get("proposals", []):
            for term in proposal.get("terms", []):
                start = text.find(term["quote"])
                end = start + len(term["quote"])
                quotes.append((start, end))
                tally.expect(term["type"])
                hits = [
                    n
                    for n, (s, e) in enumerate(spans)
                    if terms[n].type == term["type"] and s < end and start < e
                ]
                if not hits:
                    tally.missed.append(f"{meta['id']} {term['type']}: {term['quote']!r}")
                    continue
                tally.hit(term["type"])
                expected = term.get("params", {})
                best = max(hits, key=lambda n: score_params(expected, terms[n].params))
                tally.params(meta["id"], term["type"], expected, terms[best].params)
        for n, (s, e) in enumerate(spans):
            if not any(s < qe and qs < e for qs, qe in quotes):
                t = terms[n]
                tally.spurious.append(
                    f"{meta['id']} {t.type} [{t.cue}] {text[s:e]!r} "
                    f"{json.dumps(t.params) if t.params else ''}"
                )
    return len(paths)


def run_sentences(path: Path, timed: Timed, tally: Tally) -> int:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    for row in rows:
        doc = timed(Article(text=row["text"], id=row["id"], published="2025-06-15"))
        terms = doc._.parley.terms
        tally.mentions += len(terms)
        used: set[int] = set()
        shown = [(t.type, doc[t.start : t.end].text) for t in terms]
        for term in row["terms"]:
            tally.expect(term["type"])
            expected = term.get("params", {})
            hits = [
                n for n, t in enumerate(terms) if n not in used and t.type in accepted(term["type"])
            ]
            if not hits:
                tally.missed.append(f"{row['id']} {term['type']}: {row['text']!r} got {shown}")
                continue
            best = max(hits, key=lambda n: (score_params(expected, terms[n].params), -n))
            used.add(best)
            tally.hit(term["type"])
            tally.params(row["id"], term["type"], expected, terms[best].params)
        if not row["terms"]:
            for t in terms:
                tally.spurious.append(
                    f"{row['id']} {t.type} [{t.cue}] {doc[t.start : t.end].text!r} "
                    f"in {row['text']!r}"
                )
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=None)
    parser.add_argument("--sentences", type=Path, default=None)
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)
    if args.gold is None and args.sentences is None:
        args.gold = ROOT / "tests" / "data" / "dev"

    components = tuple(c for c in COMPONENTS if c not in ("parley_proposals", "parley_stances"))
    components += tuple(d for d in DATES if d not in components) + ("parley_terms",)
    timed = Timed(Extractor(components=components))
    tally = Tally()
    t0 = time.perf_counter()
    if args.sentences is not None:
        count = run_sentences(args.sentences, timed, tally)
        unit = "sentences"
    else:
        count = run_gold(args.gold, timed, tally)
        unit = "articles"
    seconds = time.perf_counter() - t0
    print(f"{unit}: {count}  term mentions: {tally.mentions}  pipeline seconds: {seconds:.2f}")
    print(timed.report(count))
    tally.print(args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
