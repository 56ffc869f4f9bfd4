"""Tests for the PLOVER check (``parley.evaluate.plover``).

The PLOVER gold standard records are third-party (CC BY-SA) data read at run time from
``../shared/datasets/PLOVER/``; none of their sentences is copied here. The records below are
written for these tests in the file's format.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rich.console import Console

from parley.errors import EvalError
from parley.evaluate.plover import (
    CAMEO_COUNTRY,
    RENAMES,
    GoldActor,
    PloverRecord,
    PredictedEvent,
    cameo_codes,
    choose_event,
    evaluate_plover,
    evt_spans,
    load_plover,
    plover_type,
    render_plover,
    score_record,
)
from parley.vocabulary import EVENT_TYPES

PLOVER_FILE = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "PLOVER" / "PLOVER_GSR_CAMEO.txt"


def record(**fields) -> dict:
    base = {
        "id": "TEST-0001",
        "date": "2000-01-01",
        "event": "AGREE",
        "text": "Norway and Sweden agreed to hold talks.",
        "source": [{"actorText": "Norway", "code": "NOR"}],
        "target": [{"actorText": "Sweden", "code": "SWE"}],
        "textInfo": {"markup": "(SRC: Norway) and (TAR: Sweden) (EVT: agreed) to hold talks."},
    }
    base.update(fields)
    return base


def write(tmp_path: Path, records: list[dict]) -> Path:
    path = tmp_path / "plover.json"
    header = {"id": "TEST-DOCUMENT", "event": "DOCUMENT", "eventText": "documentation"}
    path.write_text(json.dumps([header, *records]), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- renames


@pytest.mark.parametrize(
    ("old", "new"),
    [("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("INVESTIGATE", "ACCUSE"), ("FIGHT", "ASSAULT"), ("AGREE", "AGREE")],
)
def test_plover_renames_old_categories(old, new) -> None:
    assert plover_type(old) == new
    assert new in EVENT_TYPES


def test_plover_renames_cover_every_old_name() -> None:
    assert set(RENAMES) == {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"}


def test_plover_load_skips_document_and_renames(tmp_path) -> None:
    path = write(tmp_path, [record(event="DEMAND"), record(id="TEST-0002", target="")])
    records = load_plover(path)
    assert [r.type for r in records] == ["REQUEST", "AGREE"]
    assert records[0].original_type == "DEMAND"
    assert [a.code for a in records[1].actors] == ["NOR"]  # "" target: no actor


def test_plover_load_refuses_a_broken_file(tmp_path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(EvalError):
        load_plover(path)
    with pytest.raises(EvalError):
        load_plover(tmp_path / "missing.json")


# --------------------------------------------------------------------------- code mapping


@pytest.mark.parametrize(
    ("actor", "kind", "country", "code"),
    [
        ("JPN", "state", "JPN", "JPN"),  # a state is its ISO code
        ("HAMAS", "armed_group", "PSE", "PSE"),  # a group is coded by its country
        ("HEZBOLLAH", "armed_group", "LBN", "LBN"),
        ("UN", "igo", None, "IGO"),
        ("ICRC", "ngo", None, "NGO"),
        ("AL_QAEDA", "armed_group", None, "IMG"),
    ],
)
def test_plover_code_mapping(actor, kind, country, code) -> None:
    assert code in cameo_codes(actor, kind, country)


def test_plover_cameo_country_exceptions() -> None:
    assert CAMEO_COUNTRY["JAP"] == "JPN" and CAMEO_COUNTRY["ITL"] == "ITA"


def _record(codes: list[tuple[str, str]], type_: str = "AGREE") -> PloverRecord:
    return PloverRecord(
        id="T", text="t", type=type_, original_type=type_, actors=tuple(GoldActor(t, c) for t, c in codes),
        markup=None, published="2000-01-01",
    )


def test_plover_score_maps_cameo_exceptions_and_countries() -> None:
    gold = _record([("Japanese Prime Minister", "JAP"), ("Hamas", "PSE")])
    predicted = PredictedEvent("AGREE", ("JPN", "HAMAS"), (0, 1))
    describe = {"JPN": ("state", "JPN"), "HAMAS": ("armed_group", "PSE")}
    assert score_record(gold, predicted, describe, {}) == (True, 2, 0, 0)


def test_plover_score_matches_igo_by_text() -> None:
    gold = _record([("the Arab League", "IGO"), ("Egypt", "EGY")], "REQUEST")
    predicted = PredictedEvent("AGREE", ("ARAB_LEAGUE", "SYR"), (0, 1))
    describe = {"ARAB_LEAGUE": ("igo", None), "SYR": ("state", "SYR")}
    correct, tp, fp, fn = score_record(gold, predicted, describe, {"ARAB_LEAGUE": ["Arab League"]})
    assert (correct, tp, fp, fn) == (False, 1, 1, 1)


def test_plover_score_without_event_counts_as_wrong() -> None:
    gold = _record([("Norway", "NOR"), ("Sweden", "SWE")])
    assert score_record(gold, None, {}, {}) == (False, 0, 0, 2)


def test_plover_one_gold_code_matches_once() -> None:
    gold = _record([("Palestinians", "PSE")])
    predicted = PredictedEvent("AGREE", ("HAMAS", "PSE"), (0, 1))
    describe = {"HAMAS": ("armed_group", "PSE"), "PSE": ("state", "PSE")}
    assert score_record(gold, predicted, describe, {}) == (True, 1, 1, 0)


# --------------------------------------------------------------------------- choosing the event


def test_plover_evt_spans_find_the_marked_words() -> None:
    text = "Norway and Sweden agreed to hold talks."
    markup = "(SRC: Norway) and (TAR: Sweden) (EVT: agreed) to hold talks."
    assert evt_spans(text, markup) == [(text.index("agreed"), text.index("agreed") + len("agreed"))]
    assert evt_spans(text, None) == []


def test_plover_choose_event_prefers_the_marked_trigger() -> None:
    first = PredictedEvent("CONSULT", ("NOR",), (0, 4))
    second = PredictedEvent("AGREE", ("NOR",), (18, 24))
    assert choose_event([first, second], [(18, 24)]) is second
    assert choose_event([first, second], [(40, 45)]) is first
    assert choose_event([], [(0, 1)]) is None


# --------------------------------------------------------------------------- end to end


def test_plover_evaluate_on_written_records(tmp_path, extractor) -> None:
    records = [
        record(),
        record(
            id="TEST-0002",
            event="DISAPPROVE",
            text="Albania accused Serbia of violating the border agreement.",
            source=[{"actorText": "Albania", "code": "ALB"}],
            target=[{"actorText": "Serbia", "code": "SRB"}],
            textInfo={"markup": "(SRC: Albania) (EVT: accused) (TAR: Serbia) of violating the border agreement."},
        ),
        record(
            id="TEST-0003",
            event="FIGHT",
            text="Rebels shelled the northern town overnight.",
            source=[{"actorText": "Rebels", "code": "REB"}],
            target="",
            textInfo={"markup": "(SRC: Rebels) (EVT: shelled) the northern town overnight."},
        ),
    ]
    report = evaluate_plover(write(tmp_path, records), extractor)
    assert report.overall.records == 3 and report.negotiation.records == 2
    assert report.categories["ACCUSE"].type_correct == 1
    assert report.categories["AGREE"].type_correct == 1
    assert report.negotiation.type_accuracy == 1.0
    assert report.negotiation.actor_f1 == 1.0
    assert [m.id for m in report.misses] == ["TEST-0003"]
    data = report.to_dict()
    assert data["negotiation"]["type_accuracy"] == 1.0 and data["renames"]["DEMAND"] == "REQUEST"
    console = Console(record=True, width=120)
    render_plover(report, console, verbose=True)
    out = console.export_text()
    assert "negotiation-related" in out and "TEST-0003" in out


@pytest.mark.skipif(not PLOVER_FILE.exists(), reason=f"PLOVER gold standard not found at {PLOVER_FILE}")
def test_plover_gold_standard_targets(extractor) -> None:
    """On the negotiation-related records: event-type accuracy >= 0.80, actor F1 >= 0.80."""
    report = evaluate_plover(PLOVER_FILE, extractor)
    assert report.overall.records == 322
    assert report.negotiation.type_accuracy >= 0.80
    assert report.negotiation.actor_f1 >= 0.80
