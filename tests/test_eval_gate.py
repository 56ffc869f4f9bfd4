"""Extraction quality is gated like correctness: each gated corpus must keep its F1 floors.

The floors live in ``tests/eval_baseline.json``, one entry per corpus with a hash of the
files they were measured on. Raise a floor when the extractor gets better; lowering one is a
decision to write down in the commit that does it, never a way to make this test pass. The
held-out set (``tests/data/heldout``) is deliberately not gated: it is measured, never tuned on.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from parley.evaluate import load_gold_dir
from parley.evaluate.run import evaluate
from parley.extract.pipeline import Extractor

ROOT = Path(__file__).parent.parent
BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text(encoding="utf-8"))
GATES = {gate["corpus"]: gate for gate in BASELINE["corpora"]}


def corpus_hash(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(directory.glob("*.json")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module", params=sorted(GATES))
def gate(request) -> dict:
    return GATES[request.param]


_REPORTS: dict[str, object] = {}


@pytest.fixture
def report(gate: dict, extractor: Extractor):
    corpus = gate["corpus"]
    if corpus not in _REPORTS:
        _REPORTS[corpus] = evaluate(load_gold_dir(ROOT / corpus), extractor)
    return _REPORTS[corpus]


def test_eval_gate_corpus_is_the_measured_one(gate: dict) -> None:
    assert corpus_hash(ROOT / gate["corpus"]) == gate["corpus_sha256"], (
        f"the gold corpus {gate['corpus']} changed: re-measure its floors"
    )


def _value(report, layer: str) -> float:
    if layer == "parley_score":
        return report.parley_score or 0.0
    item = getattr(report, layer)
    value = getattr(item, "f1", None)
    if value is None:
        value = getattr(item, "value", None)
    return value or 0.0


def test_eval_gate_floors(gate: dict, report) -> None:
    epsilon = BASELINE["epsilon"]
    below = {
        layer: (round(_value(report, layer), 3), floor)
        for layer, floor in gate["floors"].items()
        if _value(report, layer) + epsilon < floor
    }
    assert not below, f"{gate['corpus']} below the floor (measured, floor): {below}"


def test_eval_gate_negative_articles_stay_empty(report) -> None:
    totals = report.negative_totals()
    assert all(count == 0 for count in totals.values()), totals
