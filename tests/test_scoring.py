"""Tests for parley.evaluate: SCORING.md implemented as a library (expected numbers by hand)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console

from parley.errors import EvalError
from parley.evaluate import (
    LAYERS,
    Counts,
    LayerScore,
    Report,
    load_gold_dir,
    param_agrees,
    render_misses,
    render_report,
    score,
    word_jaccard,
)
from parley.record import Record, load_record

DEV = Path(__file__).parent / "data" / "dev"
GOLD = load_gold_dir(DEV)
GOLD_BY_ID = {g.article.id: g for g in GOLD}

# ----------------------------------------------------------------------------- helpers


def actor(id_: str, name: str | None = None, aliases: list[str] | None = None, roles=()) -> dict:
    data: dict[str, Any] = {"id": id_, "name": name or id_, "kind": "state", "roles": list(roles)}
    if aliases is not None:
        data["aliases"] = aliases
    return data


def proposal(id_: str, proposer: str | None, *terms: dict) -> dict:
    return {"id": id_, "proposer": proposer, "quote": "q", "terms": list(terms)}


def term(type_: str, phase: int | None = None, **params: Any) -> dict:
    return {"type": type_, "params": params, "phase": phase, "quote": "q"}


def stance(actor_id: str, name: str, prop: str | None = "p1", term_type: str | None = None) -> dict:
    return {"actor": actor_id, "stance": name, "proposal": prop, "term": term_type, "quote": "q"}


def event(type_: str, actors: list[str], recipients=(), mode=None, date=None) -> dict:
    return {
        "type": type_,
        "mode": mode,
        "actors": actors,
        "recipients": list(recipients),
        "date": date,
        "quote": "q",
    }


def rec(article_id: str = "a1", **parts: Any) -> Record:
    return load_record({"article": {"id": article_id, "text": "q"}, **parts}, origin=article_id)


def counts(report: Report, layer: str) -> tuple[int, int, int]:
    ls = report.layers[layer]
    return (ls.tp, ls.fp, ls.fn)


def one(gold: Record, predicted: Record) -> Report:
    return score([(gold, predicted)])


# ----------------------------------------------------------------------------- gold vs itself


@pytest.mark.parametrize("article_id", sorted(GOLD_BY_ID))
def test_scoring_gold_against_itself_is_perfect(article_id: str) -> None:
    gold = GOLD_BY_ID[article_id]
    report = one(gold, gold)
    for name, layer in report.layers.items():
        if layer.tp + layer.fp + layer.fn == 0:  # e.g. proposals of a negative control
            assert layer.f1 is None, name
        else:
            assert (layer.precision, layer.recall, layer.f1) == (1.0, 1.0, 1.0), name
    assert report.term_parameters.value in (1.0, None)
    assert report.event_dates.value in (1.0, None)
    assert report.parley_score == 1.0
    assert report.per_article[0].missed == {} and report.per_article[0].spurious == {}


def _renamed(gold: Record) -> Record:
    """The gold record with every actor id replaced, as an extractor with other ids would."""
    data = gold.to_dict(with_text=True)
    ids = {a["id"] for a in data["actors"]}
    text = json.dumps(data, ensure_ascii=False)
    for old in sorted(ids, key=len, reverse=True):
        text = text.replace(f'"{old}"', f'"X_{old.lower()}"')
    renamed = json.loads(text)
    for a, original in zip(renamed["actors"], gold.actors, strict=True):
        a["name"] = original.name  # a name equal to its id ("M23") was replaced too
        a.pop("aliases", None)  # matching must go through the predicted name
    return load_record(renamed, origin="renamed")


@pytest.mark.parametrize(
    ("predicted_of", "label"),
    [(lambda g: g, "identical"), (_renamed, "ids renamed everywhere, names kept")],
)
def test_scoring_whole_dev_set_against_itself(predicted_of, label: str) -> None:
    report = score((g, predicted_of(g)) for g in GOLD)
    assert report.articles == 16
    for name, layer in report.layers.items():
        assert layer.f1 == 1.0 and layer.fp == layer.fn == 0, (label, name)
    assert report.term_parameters.value == 1.0 and report.term_parameters.total > 0
    assert report.event_dates.value == 1.0 and report.event_dates.total > 0
    assert report.parley_score == 1.0
    assert report.negatives == {
        "d15": {"proposals": 0, "stances": 0, "events": 0},
        "d16": {"proposals": 0, "stances": 0, "events": 0},
    }


# ----------------------------------------------------------------------------- actors


USA = actor("USA", "United States", aliases=["U.S.", "Washington", "the White House"])


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [
        (actor("US", "United States"), (1, 0, 0)),  # name equals gold name
        (actor("US", "Foo"), (1, 0, 0)),  # id "US" equals alias "U.S." after normalisation
        (actor("X1", "U.S."), (1, 0, 0)),  # name equals alias
        (actor("X2", "The United States"), (1, 0, 0)),  # leading "the" dropped
        (actor("X3", "white house"), (1, 0, 0)),  # alias "the White House", case folded
        (actor("usa", "America"), (1, 0, 0)),  # id equal after case folding
        (actor("AMERICA", "America"), (0, 1, 1)),
        (actor("US_GOV", "US government"), (0, 1, 1)),
    ],
)
def test_scoring_actor_alias_matching(predicted: dict, expected: tuple[int, int, int]) -> None:
    report = one(rec(actors=[USA]), rec(actors=[predicted]))
    assert counts(report, "actors") == expected


def test_scoring_actor_accents_are_stripped() -> None:
    gold = rec(actors=[actor("TUR", "Turkey", aliases=["Türkiye", "Ankara"])])
    predicted = rec(actors=[actor("TURKIYE", "Turkiye")])
    assert counts(one(gold, predicted), "actors") == (1, 0, 0)


def test_scoring_actor_matching_is_one_to_one_ids_first() -> None:
    # Both predicted actors could match USA; the id match wins, the other is a false positive
    # and its id is not mapped, so its stance and event do not match.
    gold = rec(
        actors=[USA, actor("HAMAS", "Hamas")],
        proposals=[proposal("p1", "HAMAS")],
        stances=[stance("USA", "considers")],
        events=[event("AGREE", ["USA"])],
    )
    predicted = rec(
        actors=[actor("US", "United States"), actor("USA", "Washington"), actor("HAMAS", "Hamas")],
        proposals=[proposal("p1", "HAMAS")],
        stances=[stance("US", "considers")],
        events=[event("AGREE", ["US"])],
    )
    report = one(gold, predicted)
    assert counts(report, "actors") == (2, 1, 0)
    assert counts(report, "stances") == (0, 1, 1)
    assert counts(report, "events") == (0, 1, 1)
    assert report.per_article[0].spurious["actors"] == ["US"]


def test_scoring_actor_matching_maximises_name_matches() -> None:
    # First-fit in order would give "the group" to the Houthis and leave Hamas unmatched; the
    # maximum matching moves the Houthis to "Ansar Allah" and matches both.
    gold = rec(
        actors=[
            actor("HOUTHIS", "Houthis", aliases=["the group", "Ansar Allah"]),
            actor("HAMAS", "Hamas", aliases=["the group"]),
        ]
    )
    predicted = rec(actors=[actor("G1", "the group"), actor("G2", "Ansar Allah")])
    report = one(gold, predicted)
    assert counts(report, "actors") == (2, 0, 0)


# ----------------------------------------------------------------------------- id mapping


def _mapping_pair() -> tuple[Record, Record]:
    gold = rec(
        actors=[USA | {"roles": ["mediator"]}, actor("HAMAS", "Hamas", [], ["party"])],
        people=[{"name": "Steve Witkoff", "affiliation": "USA"}],
        sources=[{"id": "s1", "kind": "anonymous", "name": "a US official", "affiliation": "USA"}],
        proposals=[proposal("p1", "USA", term("guarantees", guarantors=["USA"]))],
        stances=[stance("HAMAS", "considers", "p1", "guarantees")],
        events=[event("CONSULT", ["USA"], ["HAMAS"], "third-party", "2025-05-04")],
    )
    predicted = rec(
        actors=[
            actor("US", "United States", None, ["mediator"]),
            actor("HMS", "Hamas", None, ["party"]),
        ],
        people=[{"name": "Witkoff", "affiliation": "US"}],
        sources=[{"id": "x", "kind": "anonymous", "name": "officials", "affiliation": "US"}],
        proposals=[proposal("a", "US", term("guarantees", guarantors=["US"]))],
        stances=[stance("HMS", "considers", "a", "guarantees")],
        events=[event("CONSULT", ["HMS", "US"], [], "multilateral", "2025-05-04")],
    )
    return gold, predicted


@pytest.mark.parametrize("layer", LAYERS)
def test_scoring_predicted_ids_are_mapped_in_every_layer(layer: str) -> None:
    report = one(*_mapping_pair())
    layer_score = report.layers[layer]
    assert (layer_score.fp, layer_score.fn) == (0, 0)
    assert layer_score.f1 == 1.0


def test_scoring_predicted_ids_are_mapped_in_parameters_and_dates() -> None:
    report = one(*_mapping_pair())
    assert (report.term_parameters.correct, report.term_parameters.total) == (1, 1)
    assert (report.event_dates.correct, report.event_dates.total) == (1, 1)


# ----------------------------------------------------------------------------- multiplicity


def _two_hamas_proposals() -> Record:
    return rec(
        actors=[actor("HAMAS", "Hamas"), actor("ISR", "Israel")],
        proposals=[
            proposal("p1", "HAMAS", term("ceasefire")),
            proposal("p2", "HAMAS", term("ceasefire")),
        ],
        stances=[stance("ISR", "rejects", "p1")],
    )


@pytest.mark.parametrize(
    ("n_predicted", "expected"),
    [(0, (0, 0, 2)), (1, (1, 0, 1)), (2, (2, 0, 0)), (3, (2, 1, 0))],
)
def test_scoring_multiplicity_two_proposals_by_one_proposer(
    n_predicted: int, expected: tuple[int, int, int]
) -> None:
    predicted = rec(
        actors=[actor("HAMAS", "Hamas"), actor("ISR", "Israel")],
        proposals=[proposal(f"p{i}", "HAMAS", term("ceasefire")) for i in range(n_predicted)],
    )
    report = one(_two_hamas_proposals(), predicted)
    assert counts(report, "proposals") == expected
    assert counts(report, "terms") == expected
    assert counts(report, "terms_by_family") == expected


def test_scoring_stance_on_either_proposal_of_one_proposer_matches() -> None:
    predicted = _two_hamas_proposals()
    predicted.stances[0].proposal = "p2"  # the other Hamas proposal
    report = one(_two_hamas_proposals(), predicted)
    assert counts(report, "stances") == (1, 0, 0)


def test_scoring_stance_without_proposal_is_not_a_null_proposer() -> None:
    gold = rec(
        actors=[actor("ISR")], proposals=[proposal("p1", None)], stances=[stance("ISR", "accepts")]
    )
    predicted = rec(actors=[actor("ISR")], stances=[stance("ISR", "accepts", None)])
    report = one(gold, predicted)
    assert counts(report, "stances") == (0, 1, 1)
    assert report.per_article[0].spurious["stances"] == ["(ISR, accepts, (no proposal), -)"]


# ----------------------------------------------------------------------------- sources


@pytest.mark.parametrize(
    ("gold_source", "predicted_source", "tp"),
    [
        (("media", "Asharq Al-Awsat"), ("media", "Asharq Al-Awsat newspaper"), 1),  # 2/3
        (("media", "Asharq Al-Awsat"), ("media", "Al-Awsat"), 1),  # exactly 1/2
        (("media", "Reuters news agency"), ("media", "Reuters"), 0),  # 1/3
        (("official", "the Kremlin"), ("official", "Kremlin"), 1),
        (("official", "White House spokesperson Karoline Leavitt"), ("official", "Leavitt"), 0),
        (("official", "a b c"), ("official", "a b d"), 1),  # 2/4, exactly the threshold
        (("official", "a b c"), ("official", "a b d e"), 0),  # 2/5
        (("media", "Kremlin"), ("official", "Kremlin"), 0),  # kinds differ
        (("unspecified", None), ("unspecified", None), 1),  # two missing names
        (("unspecified", None), ("unspecified", "officials"), 0),
    ],
)
def test_scoring_source_name_jaccard(gold_source, predicted_source, tp: int) -> None:
    def source(kind: str, name: str | None) -> dict:
        return {"id": "s1", "kind": kind, "name": name, "affiliation": None}

    report = one(rec(sources=[source(*gold_source)]), rec(sources=[source(*predicted_source)]))
    assert counts(report, "sources") == (tp, 1 - tp, 1 - tp)


def test_scoring_sources_matched_one_to_one_optimally() -> None:
    def sources(*names: str) -> list[dict]:
        return [{"id": f"s{i}", "kind": "media", "name": n} for i, n in enumerate(names)]

    # In order, "Asharq Al-Awsat" would take "Al-Awsat" (1/2) and leave "Al-Awsat report" with
    # "Asharq Al-Awsat" (1/3); the maximum matching pairs both.
    gold = rec(sources=sources("Asharq Al-Awsat", "Al-Awsat report"))
    predicted = rec(sources=sources("Al-Awsat", "Asharq Al-Awsat"))
    assert counts(one(gold, predicted), "sources") == (2, 0, 0)


@pytest.mark.parametrize(
    ("predicted_name", "predicted_affiliation", "tp"),
    [
        ("a senior official", "HAMAS", 1),  # names are not compared for anonymous sources
        ("two Hamas sources", None, 0),
        ("two Hamas sources", "ISR", 0),
        ("sources", "HMS", 1),  # HMS is the predicted id of Hamas
    ],
)
def test_scoring_anonymous_sources_by_affiliation(
    predicted_name: str, predicted_affiliation: str | None, tp: int
) -> None:
    gold = rec(
        actors=[actor("HAMAS", "Hamas"), actor("ISR", "Israel")],
        sources=[
            {"id": "s1", "kind": "anonymous", "name": "two Hamas sources", "affiliation": "HAMAS"}
        ],
    )
    predicted = rec(
        actors=[actor("HMS", "Hamas"), actor("ISR", "Israel")],
        sources=[
            {
                "id": "s",
                "kind": "anonymous",
                "name": predicted_name,
                "affiliation": predicted_affiliation,
            }
        ],
    )
    assert counts(one(gold, predicted), "sources") == (tp, 1 - tp, 1 - tp)


# ----------------------------------------------------------------------------- people


@pytest.mark.parametrize(
    ("gold_person", "predicted_person", "tp"),
    [
        (("Benjamin Netanyahu", "ISR"), ("Netanyahu", "ISR"), 1),
        (("Benjamin Netanyahu", "ISR"), ("Binyamin Netanyahu", "ISR"), 1),
        (("Benjamin Netanyahu", "ISR"), ("Mr. Netanyahu.", "ISR"), 1),
        (("Benjamin Netanyahu", "ISR"), ("Benjamin Netanyahu", None), 0),
        (("Benjamin Netanyahu", "ISR"), ("Benjamin", "ISR"), 0),
        (("Recep Tayyip Erdoğan", "TUR"), ("Erdogan", "TUR"), 1),
        (("Abdel Fattah al-Sisi", "EGY"), ("Sisi", "EGY"), 0),  # "al-Sisi" -> "alsisi"
    ],
)
def test_scoring_people_surname_rule(gold_person, predicted_person, tp: int) -> None:
    def person(name: str, affiliation: str | None) -> dict:
        return {"name": name, "affiliation": affiliation}

    actors = [actor("ISR"), actor("TUR"), actor("EGY")]
    report = one(
        rec(actors=actors, people=[person(*gold_person)]),
        rec(actors=actors, people=[person(*predicted_person)]),
    )
    assert counts(report, "people") == (tp, 1 - tp, 1 - tp)


# ----------------------------------------------------------------------------- parameters


@pytest.mark.parametrize(
    ("gold", "predicted", "actor_map", "agrees"),
    [
        (30, 30, None, True),
        (30, 30.0, None, True),
        (30, 31, None, False),
        (30, "30", None, False),
        (True, True, None, True),
        (True, 1, None, False),
        ("Gaza Strip", "gaza strip", None, True),
        ("the Philadelphi corridor", "Philadelphi Corridor", None, True),
        ("full", "partial", None, False),
        ("northern Gaza", "Gaza", None, True),  # 1/2: at the threshold
        ("northern Gaza Strip", "Gaza", None, False),  # 1/3
        ("a b c", "a b d", None, True),  # 2/4
        ("a b c", "a b d e", None, False),  # 2/5
        ("ISR", "IL", {"IL": "ISR"}, True),
        ("ISR", "IL", None, False),
        (["women", "children"], ["children", "women"], None, True),
        (["women", "children"], ["women"], None, True),  # 1/2
        (["women", "children", "elderly"], ["women"], None, False),  # 1/3
        (["a", "b", "c"], ["a", "b", "d"], None, True),  # 2/4
        (["a", "b"], ["a", "c"], None, False),  # 1/3
        (["Women"], ["women."], None, True),  # elements normalised
        (["all"], "all", None, True),  # a scalar counts as a one-element list
        ([], [], None, True),
        (["TUR", "USA"], ["TR", "US"], {"TR": "TUR", "US": "USA"}, True),
        (["TUR", "USA"], ["TR", "US"], None, False),
        ({"day_1": 4, "day_30": 2}, {"day_1": 4, "day_30": 2}, None, True),
        ({"day_1": 4, "day_30": 2}, {"day_1": 4}, None, False),
        ({"day_1": 4, "day_30": 2}, {"day_1": 4, "day_30": 2, "day_60": 4}, None, True),
        ({"day_1": 4}, {"day_1": 5}, None, False),
        ({"day_1": 4}, [4], None, False),
        (None, None, None, True),
    ],
)
def test_scoring_term_parameter_values(gold, predicted, actor_map, agrees: bool) -> None:
    assert param_agrees(gold, predicted, actor_map) is agrees


def test_scoring_word_jaccard_edges() -> None:
    assert word_jaccard("Asharq Al-Awsat", "Al-Awsat") == 0.5
    assert word_jaccard(None, "") == 1.0
    assert word_jaccard("a", None) == 0.0


def _hostage_terms(*terms: dict) -> Record:
    return rec(actors=[actor("HAMAS", "Hamas")], proposals=[proposal("p1", "HAMAS", *terms)])


@pytest.mark.parametrize(
    ("predicted_terms", "correct", "total"),
    [
        # gold: phase 1 {count 33, categories [women, children], within_hours 48}, phase 2 {count 20}
        (
            [
                term(
                    "hostage_release",
                    1,
                    count=33,
                    categories=["women", "children"],
                    within_hours=48,
                ),
                term("hostage_release", 2, count=20),
            ],
            4,
            4,
        ),
        # same terms in the other order: pairing follows parameter agreement
        (
            [
                term("hostage_release", 2, count=20),
                term(
                    "hostage_release",
                    1,
                    count=33,
                    categories=["women", "children"],
                    within_hours=48,
                ),
            ],
            4,
            4,
        ),
        # within_hours missing, categories 1/3, phase-2 count wrong
        (
            [
                term("hostage_release", 1, count=33, categories=["elderly", "women", "sick"]),
                term("hostage_release", 2, count=19),
            ],
            1,
            4,
        ),
        # one predicted term: only the better-agreeing gold term is matched (3 of its params)
        ([term("hostage_release", None, count=33, categories=["women"])], 2, 3),
        # another term type: no matched term, nothing to score
        ([term("prisoner_release", 1, count=33)], 0, 0),
    ],
)
def test_scoring_term_parameter_accuracy(
    predicted_terms: list[dict], correct: int, total: int
) -> None:
    gold = _hostage_terms(
        term("hostage_release", 1, count=33, categories=["women", "children"], within_hours=48),
        term("hostage_release", 2, count=20),
    )
    report = one(gold, _hostage_terms(*predicted_terms))
    assert (report.term_parameters.correct, report.term_parameters.total) == (correct, total)
    assert report.term_parameters.value == (correct / total if total else None)


def test_scoring_term_parameters_need_the_same_mapped_proposer() -> None:
    gold = _hostage_terms(term("hostage_release", count=33))
    predicted = rec(
        actors=[actor("HAMAS", "Hamas"), actor("QAT", "Qatar")],
        proposals=[proposal("p1", "QAT", term("hostage_release", count=33))],
    )
    report = one(gold, predicted)
    assert counts(report, "terms") == (0, 1, 1)
    assert report.term_parameters.total == 0 and report.term_parameters.value is None


# ----------------------------------------------------------------------------- stances


@pytest.mark.parametrize(
    ("gold_stance", "predicted_stance", "exact", "by_polarity"),
    [
        (("rejects", None), ("rejects", None), (1, 0, 0), (1, 0, 0)),
        (("rejects", None), ("withdraws", None), (0, 1, 1), (1, 0, 0)),  # both oppose
        (("accepts", None), ("signs", None), (0, 1, 1), (1, 0, 0)),  # both support
        (("considers", None), ("no_response", None), (0, 1, 1), (1, 0, 0)),  # both pending
        (("accepts", None), ("considers", None), (0, 1, 1), (0, 1, 1)),
        (("rejects", None), ("rejects", "ceasefire"), (0, 1, 1), (0, 1, 1)),  # term differs
    ],
)
def test_scoring_stance_polarity_collapse(
    gold_stance, predicted_stance, exact, by_polarity
) -> None:
    def record(name: str, term_type: str | None) -> Record:
        return rec(
            actors=[actor("HAMAS"), actor("ISR")],
            proposals=[proposal("p1", "HAMAS", term("ceasefire"))],
            stances=[stance("ISR", name, "p1", term_type)],
        )

    report = one(record(*gold_stance), record(*predicted_stance))
    assert counts(report, "stances") == exact
    assert counts(report, "stances_by_polarity") == by_polarity


# ----------------------------------------------------------------------------- events


@pytest.mark.parametrize(
    ("predicted_event", "tp"),
    [
        (event("CONSULT", ["HAMAS"], ["TUR"], "visit"), 1),
        (event("CONSULT", ["TUR"], ["HAMAS"], "phone"), 1),  # roles swapped, mode differs
        (event("CONSULT", ["TUR", "HAMAS"], []), 1),  # one set of actors and recipients
        (event("CONSULT", ["HAMAS"], []), 0),
        (event("CONSULT", ["HAMAS"], ["TUR", "USA"]), 0),
        (event("REQUEST", ["HAMAS"], ["TUR"], "assist"), 0),
    ],
)
def test_scoring_events_compare_actor_sets(predicted_event: dict, tp: int) -> None:
    actors = [actor("HAMAS"), actor("TUR"), actor("USA")]
    gold = rec(actors=actors, events=[event("CONSULT", ["HAMAS"], ["TUR"], "visit")])
    report = one(gold, rec(actors=actors, events=[predicted_event]))
    assert counts(report, "events") == (tp, 1 - tp, 1 - tp)


_GOLD_EVENTS = [
    event("CONSULT", ["HAMAS"], ["TUR"], "visit", "2025-05-04"),
    event("AGREE", ["HAMAS"]),  # undated in gold: never counted
    event("REQUEST", ["HAMAS"], ["TUR"], "assist", "2025-05-04"),
]


@pytest.mark.parametrize(
    ("predicted_events", "correct", "total"),
    [
        (_GOLD_EVENTS, 2, 2),
        # datetime compared on its first ten characters; an invented date on an undated gold
        # event is not counted; the unmatched REQUEST is not counted
        (
            [
                event("CONSULT", ["HAMAS"], ["TUR"], None, "2025-05-04T10:00:00"),
                event("AGREE", ["HAMAS"], [], None, "2025-05-01"),
            ],
            1,
            1,
        ),
        (
            [
                event("CONSULT", ["HAMAS"], ["TUR"]),
                event("REQUEST", ["TUR"], ["HAMAS"], None, "2025-05-03"),
            ],
            0,
            2,
        ),
        ([event("AGREE", ["HAMAS"], [], None, "2025-05-04")], 0, 0),
        ([], 0, 0),
    ],
)
def test_scoring_event_dates_over_gold_dated_matched_events(
    predicted_events: list[dict], correct: int, total: int
) -> None:
    actors = [actor("HAMAS"), actor("TUR")]
    report = one(
        rec(actors=actors, events=_GOLD_EVENTS), rec(actors=actors, events=predicted_events)
    )
    assert (report.event_dates.correct, report.event_dates.total) == (correct, total)


def test_scoring_event_dates_pair_duplicates_by_date() -> None:
    actors = [actor("HAMAS"), actor("TUR")]
    gold = rec(
        actors=actors,
        events=[
            event("CONSULT", ["HAMAS"], ["TUR"], None, "2025-05-01"),
            event("CONSULT", ["HAMAS"], ["TUR"], None, "2025-05-04"),
        ],
    )
    predicted = rec(
        actors=actors, events=[event("CONSULT", ["TUR", "HAMAS"], [], None, "2025-05-04")]
    )
    report = one(gold, predicted)
    assert counts(report, "events") == (1, 0, 1)
    assert (report.event_dates.correct, report.event_dates.total) == (1, 1)


# ----------------------------------------------------------------------------- negatives


def test_scoring_negative_articles_count_predictions() -> None:
    negative = GOLD_BY_ID["d15"]
    predicted = rec(
        article_id="d15",
        actors=[a.model_dump() for a in negative.actors],
        proposals=[proposal("p1", None, term("ceasefire"), term("prisoner_release"))],
        stances=[
            stance(negative.actors[0].id, "rejects"),
            stance(negative.actors[0].id, "considers"),
        ],
        events=[event("CONSULT", [negative.actors[0].id])],
    )
    report = score([(negative, predicted), (GOLD_BY_ID["d01"], GOLD_BY_ID["d01"])])
    assert report.negatives == {"d15": {"proposals": 1, "stances": 2, "events": 1}}
    assert report.negative_totals() == {"proposals": 1, "stances": 2, "events": 1}
    d15 = report.per_article[0]
    assert d15.negative and not report.per_article[1].negative
    assert d15.layers["proposals"] == Counts(0, 1, 0)
    assert d15.layers["terms"] == Counts(0, 2, 0)
    assert d15.layers["stances"] == Counts(0, 2, 0)
    assert d15.layers["events"] == Counts(0, 1, 0)


# ----------------------------------------------------------------------------- averaging, empties


def test_scoring_is_micro_averaged() -> None:
    # a1: actors TP 2; a2: TP 0, FP 2, FN 1. Micro: P 2/4, R 2/3, F1 4/7 (macro would be 0.5).
    pairs = [
        (rec("a1", actors=[actor("A"), actor("B")]), rec("a1", actors=[actor("A"), actor("B")])),
        (rec("a2", actors=[actor("C")]), rec("a2", actors=[actor("D"), actor("E")])),
    ]
    report = score(pairs)
    assert counts(report, "actors") == (2, 2, 1)
    assert (report.actors.precision, report.actors.recall) == (0.5, 2 / 3)
    assert report.actors.f1 == pytest.approx(4 / 7)
    # roles, terms, stances and events have nothing to score anywhere: n/a, counted as 1.0
    assert report.roles.f1 is None
    assert report.parley_score == pytest.approx((4 / 7 + 4) / 5)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        (rec(), rec(), LayerScore(0, 0, 0, None, None, None)),
        (rec(actors=[actor("A")]), rec(), LayerScore(0, 0, 1, 0.0, 0.0, 0.0)),
        (rec(), rec(actors=[actor("A")]), LayerScore(0, 1, 0, 0.0, 0.0, 0.0)),
    ],
)
def test_scoring_empty_records_do_not_divide_by_zero(gold, predicted, expected) -> None:
    report = one(gold, predicted)
    assert report.actors == expected
    assert report.term_parameters.value is None and report.event_dates.value is None
    # the other four summary layers are n/a and count as 1.0
    assert report.parley_score == pytest.approx(
        ((expected.f1 if expected.f1 is not None else 1.0) + 4) / 5
    )


def test_scoring_no_articles() -> None:
    report = score([])
    assert report.articles == 0 and report.parley_score is None
    assert all(layer.f1 is None for layer in report.layers.values())
    assert json.loads(json.dumps(report.to_dict()))["parley_score"] is None


def test_scoring_report_to_dict_is_json_ready() -> None:
    gold, predicted = GOLD_BY_ID["d01"], copy.deepcopy(GOLD_BY_ID["d01"])
    predicted.stances[0].stance = (
        "rejects" if predicted.stances[0].stance != "rejects" else "accepts"
    )
    data = json.loads(json.dumps(score([(gold, predicted)]).to_dict()))
    assert list(data["layers"]) == list(LAYERS)
    assert data["layers"]["stances"]["fp"] == 1 and data["layers"]["stances"]["fn"] == 1
    article = data["per_article"][0]
    assert article["article_id"] == "d01"
    assert len(article["missed"]["stances"]) == 1 and len(article["spurious"]["stances"]) == 1


# ----------------------------------------------------------------------------- rendering


def test_scoring_render_report_and_misses() -> None:
    gold = GOLD_BY_ID["d05"]
    predicted = copy.deepcopy(gold)
    predicted.events = predicted.events[1:]
    predicted.proposals[0].terms[0].params = {}
    report = score([(gold, predicted), (GOLD_BY_ID["d16"], GOLD_BY_ID["d16"])])
    console = Console(record=True, width=140)
    render_report(report, console)
    render_misses(report, console, limit=1)
    out = console.export_text()
    for expected in (
        "actors *",
        "stances by polarity",
        "term parameters",
        "event dates",
        "parley score",
        "negative articles: 1",
        "d05",
        "missed",
        "wrong",
        "n/a",
    ):
        assert expected in out, expected


def test_scoring_render_report_shows_undefined_scores_as_na() -> None:
    console = Console(record=True, width=140)
    render_report(score([(GOLD_BY_ID["d16"], GOLD_BY_ID["d16"])]), console)
    rows = [line for line in console.export_text().splitlines() if "proposals" in line]
    assert rows and rows[0].count("n/a") == 3  # P, R and F1


# ----------------------------------------------------------------------------- gold loading


def _write(directory: Path, name: str, content: str | dict) -> None:
    text = content if isinstance(content, str) else json.dumps(content)
    (directory / name).write_text(text, encoding="utf-8")


def _valid() -> dict:
    return json.loads(GOLD_BY_ID["d01"].to_json(with_text=True))


def _bad_quote() -> dict:
    data = _valid()
    data["stances"][1]["quote"] = "words that are not in the article"
    return data


def _no_text() -> dict:
    data = _valid()
    del data["article"]["text"]
    return data


def _bad_record() -> dict:
    data = _valid()
    data["stances"][0]["stance"] = "likes"
    return data


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({}, "no gold files"),
        ({"d01.json": "{not json"}, "malformed JSON at line 1"),
        ({"d01.json": "[1, 2]"}, "one JSON object"),
        ({"d01.json": _bad_record()}, "stances.0.stance"),
        ({"d01.json": _no_text()}, "article.text"),
        ({"d01.json": _bad_quote()}, "stances[1].quote is not a substring"),
        ({"a.json": _valid(), "b.json": _valid()}, "also used by a.json"),
    ],
)
def test_scoring_gold_loader_errors(tmp_path: Path, files: dict, message: str) -> None:
    for name, content in files.items():
        _write(tmp_path, name, content)
    with pytest.raises(EvalError) as info:
        load_gold_dir(tmp_path)
    assert message in str(info.value)
    if files:  # the error names the offending file (the second one for a duplicate id)
        assert max(files) in str(info.value)


@pytest.mark.parametrize("kind", ["missing", "file"])
def test_scoring_gold_loader_needs_a_directory(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "gold"
    if kind == "file":
        target.write_text("{}", encoding="utf-8")
    with pytest.raises(EvalError, match="directory"):
        load_gold_dir(target)


def test_scoring_gold_loader_reads_the_dev_set_sorted() -> None:
    assert [g.article.id for g in GOLD] == [f"d{i:02d}" for i in range(1, 17)]
    assert all(g.article.text for g in GOLD)
