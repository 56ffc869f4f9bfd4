"""Extraction quality is gated like correctness: the dev corpus must keep its F1 floors.

The floors live in ``tests/eval_baseline.json`` with a hash of the corpus they were measured
on. Raise a floor when the extractor gets better; lowering one is a decision to write down in
the commit that does it, never a way to make this test pass.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from parley.evaluate import load_gold_dir
from parley.evaluate.run import evaluate
from parley.extract.pipeline import Extractor

BASELINE = Path(__file__).parent / "eval_baseline.json"


def corpus_hash(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.json")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def baseline() -> dict:
    return json.loads(BASELINE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def report(baseline: dict, extractor: Extractor):
    corpus = Path(__file__).parent.parent / baseline["corpus"]
    return evaluate(load_gold_dir(corpus), extractor)


def test_eval_gate_corpus_is_the_measured_one(baseline: dict) -> None:
    corpus = Path(__file__).parent.parent / baseline["corpus"]
    assert corpus_hash(corpus) == baseline["corpus_sha256"], "the gold corpus changed: re-measure the floors"


def _value(report, layer: str) -> float:
    if layer == "parley_score":
        return report.parley_score or 0.0
    item = getattr(report, layer)
    value = getattr(item, "f1", None)
    if value is None:
        value = getattr(item, "value", None)
    return value or 0.0


def test_eval_gate_floors(report, baseline: dict) -> None:
    epsilon = baseline["epsilon"]
    below = {
        layer: (round(_value(report, layer), 3), floor)
        for layer, floor in baseline["floors"].items()
        if _value(report, layer) + epsilon < floor
    }
    assert not below, f"below the floor (measured, floor): {below}"


def test_eval_gate_negative_articles_stay_empty(report) -> None:
    totals = report.negative_totals()
    assert totals == {"proposals": 0, "stances": 0, "events": 0}, totals
