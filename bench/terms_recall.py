"""Recall, parameter accuracy and spurious mentions of ``parley_terms`` on a gold corpus.

    python bench/terms_recall.py [--gold tests/data/dev] [--verbose]

For every gold term (every proposal's terms) the harness looks for a term mention of the same
type whose evidence overlaps the gold ``quote`` (located with ``text.find(quote)``):

- **recall**: found / gold terms, overall and by term family (VOCABULARY.md);
- **parameter accuracy**: over the gold parameters of the found terms, the share that the
  mention's parameters agree with (``parley.evaluate.scoring.param_agrees``, SCORING.md rules);
- **spurious**: mentions that overlap no gold term quote, listed with their cue, so that true
  non-provisions can be told from provisions of background agreements the gold leaves out.

``--verbose`` also lists the missed terms and every wrong parameter.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "data" / "dev")
    parser.add_argument("--verbose", "-v", action="store_true")
    args = parser.parse_args(argv)

    components = tuple(c for c in COMPONENTS if c not in ("parley_proposals", "parley_stances"))
    components += tuple(d for d in DATES if d not in components) + ("parley_terms",)
    extractor = Extractor(components=components)
    found = total = 0
    fam_found: Counter[str] = Counter()
    fam_total: Counter[str] = Counter()
    type_found: Counter[str] = Counter()
    type_total: Counter[str] = Counter()
    p_ok = p_total = 0
    spurious: list[str] = []
    missed: list[str] = []
    wrong: list[str] = []
    mentions = 0
    seconds = 0.0
    for path in sorted(args.gold.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        meta = gold["article"]
        text = meta["text"]
        article = Article(text=text, id=meta["id"], published=meta.get("published"))
        t0 = time.perf_counter()
        doc = extractor.nlp(extractor._doc(article))
        seconds += time.perf_counter() - t0
        terms = doc._.parley.terms
        mentions += len(terms)
        spans = [char_span(doc, t.start, t.end) for t in terms]
        quotes = []
        for proposal in gold.get("proposals", []):
            for term in proposal.get("terms", []):
                start = text.find(term["quote"])
                quotes.append((start, start + len(term["quote"])))
                family = family_of(term["type"])
                total += 1
                fam_total[family] += 1
                type_total[term["type"]] += 1
                hits = [
                    n
                    for n, (s, e) in enumerate(spans)
                    if terms[n].type == term["type"]
                    and s < start + len(term["quote"])
                    and start < e
                ]
                if not hits:
                    missed.append(f"{meta['id']} {term['type']}: {term['quote']!r}")
                    continue
                found += 1
                fam_found[family] += 1
                type_found[term["type"]] += 1
                best = max(
                    hits,
                    key=lambda n: sum(
                        1
                        for k, v in term.get("params", {}).items()
                        if k in terms[n].params and param_agrees(v, terms[n].params[k])
                    ),
                )
                mention = terms[best]
                for key, value in term.get("params", {}).items():
                    p_total += 1
                    if key in mention.params and param_agrees(value, mention.params[key]):
                        p_ok += 1
                    else:
                        wrong.append(
                            f"{meta['id']} {term['type']}.{key}: gold {json.dumps(value)} "
                            f"got {json.dumps(mention.params.get(key))}"
                        )
        for n, (s, e) in enumerate(spans):
            if not any(s < qe and qs < e for qs, qe in quotes):
                t = terms[n]
                spurious.append(
                    f"{meta['id']} {t.type} [{t.cue}] {text[s:e]!r} {json.dumps(t.params) if t.params else ''}"
                )

    print(
        f"articles: {len(list(args.gold.glob('*.json')))}  term mentions: {mentions}  "
        f"pipeline seconds: {seconds:.2f}"
    )
    print(f"recall: {found}/{total} = {found / total:.3f}" if total else "recall: n/a")
    for family in sorted(fam_total):
        print(
            f"  {family:13s} {fam_found[family]:3d}/{fam_total[family]:3d} = {fam_found[family] / fam_total[family]:.3f}"
        )
    print(
        f"parameter accuracy: {p_ok}/{p_total} = {p_ok / p_total:.3f}"
        if p_total
        else "parameter accuracy: n/a"
    )
    print(f"spurious mentions: {len(spurious)}")
    for line in spurious:
        print("  " + line)
    if args.verbose:
        print("by type:")
        for name in sorted(type_total):
            print(f"  {name:30s} {type_found[name]}/{type_total[name]}")
        print(f"missed: {len(missed)}")
        for line in missed:
            print("  " + line)
        print(f"wrong parameters: {len(wrong)}")
        for line in wrong:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
