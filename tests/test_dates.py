"""The ``parley_dates`` component: time expressions resolved against the publication date."""

from __future__ import annotations

import copy
import json
import re
from datetime import date
from pathlib import Path

import pytest

from parley.errors import LexiconError
from parley.extract import dates as dates_module
from parley.extract.analysis import Analysis
from parley.extract.dates import (
    DateRuler,
    date_of,
    load_date_lexicon,
    range_end,
    resolve,
    sentence_dates,
    words,
)
from parley.extract.pipeline import load_model

GOLD_DIR = Path(__file__).parent / "data" / "dev"

TUE = date(2025, 5, 6)  # a Tuesday: RECORD.md's example
SUN = date(2025, 6, 1)
JAN = date(2025, 1, 5)  # a Sunday early in the year


# --------------------------------------------------------------------------- resolve


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("on Sunday", TUE, "2025-05-04"),
        ("On Sunday", TUE, "2025-05-04"),
        ("late on Monday", TUE, "2025-05-05"),
        ("Late on Monday", TUE, "2025-05-05"),
        ("earlier on Saturday", TUE, "2025-05-03"),
        ("on Monday night", TUE, "2025-05-05"),
        ("Monday's", TUE, "2025-05-05"),
        ("Sunday", TUE, "2025-05-04"),
        ("in the early hours of Sunday", TUE, "2025-05-04"),
        ("on Tuesday", TUE, "2025-05-06"),  # the publication day itself
        ("on Wednesday", TUE, "2025-04-30"),  # the day after publication weekday: last week's
        ("next Tuesday", TUE, "2025-05-13"),
        ("next Friday", TUE, "2025-05-09"),
        ("last Friday", TUE, "2025-05-02"),
        ("last Tuesday", TUE, "2025-04-29"),
        ("on Saturday", SUN, "2025-05-31"),  # across a month boundary
        ("on Friday", date(2025, 1, 2), "2024-12-27"),  # across a year boundary
    ],
)
def test_dates_resolve_weekday(text: str, published: date, value: str) -> None:
    assert resolve(text, published)[:2] == (value, "weekday")


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("on Sunday", "future", "2025-05-11"),  # "is due to take effect on Sunday"
        ("on Tuesday", "future", "2025-05-06"),
        ("on Sunday", "past", "2025-05-04"),
        ("next Sunday", "past", "2025-05-11"),  # "next" wins over the tense
    ],
)
def test_dates_resolve_weekday_tense(text: str, tense: str, value: str) -> None:
    assert resolve(text, TUE, tense=tense)[0] == value


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("May 20", TUE, "2025-05-20"),
        ("on Jan. 19", date(2025, 3, 31), "2025-01-19"),
        ("Aug. 4", date(2025, 7, 29), "2025-08-04"),
        ("June 27", date(2025, 7, 20), "2025-06-27"),
        ("20 May", TUE, "2025-05-20"),
        ("on 3 June", TUE, "2025-06-03"),
        ("on July 29", TUE, "2025-07-29"),
        ("the 5th of May", TUE, "2025-05-05"),
        ("2025-03-11", TUE, "2025-03-11"),
        ("March 11, 2025", TUE, "2025-03-11"),
        ("Nov 27", date(2024, 11, 27), "2024-11-27"),
        ("Dec. 30", JAN, "2024-12-30"),  # a January article: last December
        ("Jan. 3", date(2024, 12, 28), "2025-01-03"),  # a few days ahead, across the year
        ("by Aug. 18", date(2025, 7, 20), "2025-08-18"),  # a deadline stays ahead
        ("by Aug. 18", TUE, "2025-08-18"),  # "by" reads as a deadline
        ("from Aug. 14", date(2023, 6, 10), "2023-08-14"),
        ("Oct. 30", TUE, "2024-10-30"),  # six months ahead with no year: last year's
        ("on Sunday, May 4", TUE, "2025-05-04"),
        ("Sunday, May 4", date(2026, 5, 1), "2025-05-04"),  # the weekday picks the year
        ("on Feb. 29", date(2024, 3, 10), "2024-02-29"),
    ],
)
def test_dates_resolve_absolute(text: str, published: date, value: str) -> None:
    assert resolve(text, published)[:2] == (value, "absolute")


@pytest.mark.parametrize(
    ("text", "published", "value"),
    [
        ("at 4 a.m. on Wednesday", date(2024, 11, 27), "2024-11-27T04:00"),
        ("from midnight on Monday", date(2025, 7, 29), "2025-07-28T24:00"),
        ("midnight on Monday", date(2025, 7, 29), "2025-07-28T24:00"),
        ("at 7 a.m. on Tuesday", date(2025, 7, 29), "2025-07-29T07:00"),
        ("on Wednesday at 4 a.m.", date(2024, 11, 27), "2024-11-27T04:00"),
        ("at 4 a.m. (0200 GMT) on Wednesday", date(2024, 11, 27), "2024-11-27T04:00"),
        ("at 10:30 p.m. on Monday", TUE, "2025-05-05T22:30"),
        ("at 12 a.m. on Monday", TUE, "2025-05-05T00:00"),
        ("at noon on Friday", TUE, "2025-05-02T12:00"),
        ("at 0400 GMT on Friday", TUE, "2025-05-02T04:00"),
        ("at 16:00 on 3 June", TUE, "2025-06-03T16:00"),
    ],
)
def test_dates_resolve_time(text: str, published: date, value: str) -> None:
    assert resolve(text, published)[:2] == (value, "time")


def test_dates_resolve_time_without_day_has_no_value() -> None:
    assert resolve("at 4 a.m.", TUE)[:2] == (None, "time")


@pytest.mark.parametrize(
    ("text", "published", "value", "kind"),
    [
        ("today", TUE, "2025-05-06", "relative"),
        ("yesterday", TUE, "2025-05-05", "relative"),
        ("yesterday", date(2025, 1, 1), "2024-12-31", "relative"),
        ("tomorrow", TUE, "2025-05-07", "relative"),
        ("overnight", TUE, "2025-05-06", "relative"),
        ("last night", TUE, "2025-05-05", "relative"),
        ("tomorrow morning", TUE, "2025-05-07", "relative"),
        ("three weeks ago", TUE, "2025-04-15", "relative"),
        ("two days ago", date(2025, 3, 1), "2025-02-27", "relative"),
        ("last week", TUE, "2025-W18", "week"),
        ("this week", TUE, "2025-W19", "week"),
        ("earlier this week", TUE, "2025-W19", "week"),
        ("next week", TUE, "2025-W20", "week"),
        ("last week", date(2025, 1, 3), "2024-W52", "week"),
        ("this week", date(2024, 12, 30), "2025-W01", "week"),  # ISO week-year
        ("over the weekend", TUE, "2025-W18", "week"),
        ("over the weekend", date(2025, 5, 4), "2025-W18", "week"),  # published on the Sunday
        ("this month", TUE, "2025-05", "month"),
        ("earlier this month", TUE, "2025-05", "month"),
        ("last month", TUE, "2025-04", "month"),
        ("last month", JAN, "2024-12", "month"),
        ("in March", TUE, "2025-03", "month"),
        ("in December", JAN, "2024-12", "month"),
        ("in late March", TUE, "2025-03", "month"),
        ("mid-March", TUE, "2025-03", "month"),
        ("in March 2024", TUE, "2024-03", "month"),
        ("since April 2023", TUE, "2023-04", "month"),
        ("last August", date(2025, 3, 14), "2024-08", "month"),
        ("last August", date(2025, 9, 1), "2025-08", "month"),
        ("two months ago", TUE, "2025-03", "month"),
        ("last year", TUE, "2024", "year"),
        ("earlier this year", TUE, "2025", "year"),
        ("in 2014", TUE, "2014", "year"),
        ("in late 2014", TUE, "2014", "year"),
        ("in mid-2024", TUE, "2024", "year"),
    ],
)
def test_dates_resolve_relative(text: str, published: date, value: str, kind: str) -> None:
    assert resolve(text, published)[:2] == (value, kind)


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("in March", None, "2025-03"),  # two months ahead of a January article
        ("in March", "past", "2024-03"),  # "Israel resumed its offensive in March"
        ("in October", "future", "2025-10"),  # "elections will be held in October"
        ("in October", None, "2024-10"),
    ],
)
def test_dates_resolve_month_year_inference(text: str, tense: str | None, value: str) -> None:
    assert resolve(text, date(2025, 1, 15), tense=tense)[0] == value


@pytest.mark.parametrize(
    ("text", "anchor", "value"),
    [
        ("two days earlier", "2025-03-29", "2025-03-27"),
        ("a day earlier", "2025-01-16", "2025-01-15"),
        ("the day before", "2025-03-29", "2025-03-28"),
        ("The day before", "2025-03-01", "2025-02-28"),
        ("a day later", "2025-03-29", "2025-03-30"),
        ("the next day", "2024-12-31", "2025-01-01"),
        ("the following day", "2025-03-29", "2025-03-30"),
        ("Hours after Hayya spoke", "2025-03-29", "2025-03-29"),
        ("hours later", "2025-03-29", "2025-03-29"),
        ("48 hours later", "2025-03-29", "2025-03-31"),
        ("later that day", "2025-03-29", "2025-03-29"),
        ("on the same day", "2025-03-29", "2025-03-29"),
        ("a week later", "2025-03-29", "2025-04-05"),
        ("two days after the vote on Friday", "2025-03-01", "2025-05-04"),  # the date inside wins
    ],
)
def test_dates_resolve_anchored(text: str, anchor: str, value: str) -> None:
    assert resolve(text, TUE, anchor=anchor)[:2] == (value, "anchored")


def test_dates_resolve_anchored_defaults_to_publication() -> None:
    assert resolve("two days earlier", TUE)[0] == "2025-05-04"


def test_dates_resolve_ago_ignores_the_anchor() -> None:
    assert resolve("three weeks ago", TUE, anchor="2025-01-01")[0] == "2025-04-15"


def test_dates_resolve_unquantified_anchored_has_no_value() -> None:
    assert resolve("days after the talks collapsed", TUE, anchor="2025-05-01")[:2] == (None, "anchored")


@pytest.mark.parametrize(
    ("text", "published", "start", "end"),
    [
        ("between June 20 and June 30", date(2025, 6, 3), "2025-06-20", "2025-06-30"),
        ("from July 6 to Aug. 3", date(2023, 6, 10), "2023-07-06", "2023-08-03"),
        ("June 20-30", date(2025, 6, 3), "2025-06-20", "2025-06-30"),
        ("20-30 June", date(2025, 6, 3), "2025-06-20", "2025-06-30"),
        ("between 20 and 30 June", date(2025, 6, 3), "2025-06-20", "2025-06-30"),
        ("from Dec. 20 to Jan. 5", date(2024, 12, 1), "2024-12-20", "2025-01-05"),
        ("from Friday to Monday", TUE, "2025-05-02", "2025-05-05"),
    ],
)
def test_dates_resolve_range(text: str, published: date, start: str, end: str) -> None:
    value, kind, rule = resolve(text, published)
    assert (value, kind) == (start, "range")
    assert rule.endswith(f"end={end}")


@pytest.mark.parametrize(
    ("text", "value", "kind"),
    [
        ("March 11, 2025", "2025-03-11", "absolute"),
        ("2025-03-11", "2025-03-11", "absolute"),
        ("in March 2024", "2024-03", "month"),
        ("in 2014", "2014", "year"),
        ("on Sunday", None, "weekday"),
        ("May 20", None, "absolute"),
        ("yesterday", None, "relative"),
        ("in March", None, "month"),
        ("last week", None, "week"),
    ],
)
def test_dates_resolve_without_publication_date(text: str, value: str | None, kind: str) -> None:
    assert resolve(text, None)[:2] == (value, kind)


@pytest.mark.parametrize(
    "text",
    ["Hamas may accept", "a 60-day ceasefire", "for five years", "within 72 hours", "by day 16", "six months", "aged 18 to 25", "5,000 troops"],
)
def test_dates_resolve_rejects_non_dates(text: str) -> None:
    assert resolve(text, TUE)[:2] == (None, "unknown")


def test_dates_words_normalise() -> None:
    assert words("at 4 a.m. on Jan. 19") == ["at", "4", "am", "on", "jan", "19"]
    assert words("Monday’s") == ["monday", "'s"]
    assert words("2025-03-11") == ["2025", "-", "03", "-", "11"]


# ------------------------------------------------------------------------ lexicon


def test_dates_lexicon_loads() -> None:
    lex = load_date_lexicon()
    assert lex.weekdays["sunday"] == 6
    assert lex.month("sept") == 9
    assert lex.month("june") == 6


@pytest.mark.parametrize(
    ("key", "broken"),
    [
        ("months", ["january"]),
        ("month_abbreviations", {"jan": 13}),
        ("directions", {"last": "previous"}),
        ("units", {"days": "fortnight"}),
        ("anchored_phrases", [{"phrase": "the day before"}]),
        ("time_words", {"midnight": "late"}),
    ],
)
def test_dates_lexicon_errors_name_the_key(key: str, broken: object) -> None:
    data = copy.deepcopy(load_date_lexicon().raw)
    data[key] = broken
    with pytest.raises(LexiconError) as info:
        dates_module._build_lexicon(data)
    assert "dates.json" in str(info.value)
    assert key in str(info.value)


# ---------------------------------------------------------------------- component


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.fixture(scope="module")
def ruler(nlp):
    return DateRuler(nlp)


@pytest.fixture(scope="module")
def run(nlp, ruler):
    def _run(text: str, published: date | None = TUE):
        doc = nlp(text)
        doc._.parley = Analysis(published=published)
        ruler(doc)
        return doc

    return _run


def _found(doc) -> list[tuple[str, str | None, str]]:
    return [(m.text, m.value, m.kind) for m in doc._.parley.dates]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The envoy met rebel leaders on Sunday, officials said.", [("on Sunday", "2025-05-04", "weekday")]),
        ("Negotiators left the capital late on Monday.", [("late on Monday", "2025-05-05", "weekday")]),
        ("Earlier on Saturday, the council had voted.", [("Earlier on Saturday", "2025-05-03", "weekday")]),
        ("The minister flew home on Monday night.", [("on Monday night", "2025-05-05", "weekday")]),
        ("Monday's talks ended without a deal.", [("Monday's", "2025-05-05", "weekday")]),
        ("The ministry said Sunday that the border was shut.", [("Sunday", "2025-05-04", "weekday")]),
        ("The delegation will return next Tuesday.", [("next Tuesday", "2025-05-13", "weekday")]),
        ("The two men last spoke last Friday.", [("last Friday", "2025-05-02", "weekday")]),
        ("The vote is due to take place on Sunday.", [("on Sunday", "2025-05-11", "weekday")]),
        ("Shelling resumed in the early hours of Sunday.", [("in the early hours of Sunday", "2025-05-04", "weekday")]),
        ("The summit will open on 3 June and close on June 5.", [("on 3 June", "2025-06-03", "absolute"), ("on June 5", "2025-06-05", "absolute")]),
        ("The summit opened on 3 June.", [("on 3 June", "2024-06-03", "absolute")]),  # past tense: last year's
        ("A committee is to be installed on July 25.", [("on July 25", "2025-07-25", "absolute")]),
        ("The text was signed on Jan. 19.", [("on Jan. 19", "2025-01-19", "absolute")]),
        ("The plan was drafted on March 11, 2025.", [("on March 11, 2025", "2025-03-11", "absolute")]),
        ("The accord dated 2025-03-11 was published.", [("2025-03-11", "2025-03-11", "absolute")]),
        ("Talks began on Sunday, May 4, in the capital.", [("on Sunday, May 4", "2025-05-04", "absolute")]),
        ("Fighting flared again in March.", [("in March", "2025-03", "month")]),
        ("The rebels withdrew in March 2024.", [("in March 2024", "2024-03", "month")]),
        ("Drones were launched overnight.", [("overnight", "2025-05-06", "relative")]),
        ("Envoys met last week and will meet again this week.", [("last week", "2025-W18", "week"), ("this week", "2025-W19", "week")]),
        ("The offer was made earlier this month.", [("earlier this month", "2025-05", "month")]),
        ("The truce collapsed last year.", [("last year", "2024", "year")]),
        ("The talks broke down three weeks ago.", [("three weeks ago", "2025-04-15", "relative")]),
    ],
)
def test_dates_component_finds(run, text: str, expected: list) -> None:
    assert _found(run(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the governing verb's tense sends a bare weekday forward (published Tuesday 2025-05-06)
        ("The vote is due to take place on Sunday.", "2025-05-11"),
        ("The envoy, who leaves office on Monday, spoke to reporters.", "2025-05-12"),
        ("The country will send a team to join the talks on Wednesday.", "2025-05-07"),
        ("Envoys were expected to arrive on Wednesday.", "2025-05-07"),
        ("Egypt said it would host the delegations from Monday.", "2025-05-12"),
        ("The group must free the captives by noon on Monday.", "2025-05-12T12:00"),
        ("A spokesman would not comment on Sunday.", "2025-05-04"),
        ("The envoy arrived on Wednesday.", "2025-04-30"),
        ("The envoy has arrived on Wednesday.", "2025-04-30"),
    ],
)
def test_dates_component_tense(run, text: str, expected: str) -> None:
    assert run(text)._.parley.dates[0].value == expected


@pytest.mark.parametrize(
    "text",
    [
        "Hamas may accept the offer, a mediator said.",
        "The group may reject a 60-day ceasefire that would last for five years.",
        "Talks must conclude within 72 hours and a review is due by day 16.",
        "Six months of fighting displaced 2,000 families and a 45-year-old man.",
        "Prisoners aged 18 to 25 were exchanged for 339 children.",
        "The 2014 war killed thousands, and some 2000 homes were destroyed.",
        "Theresa May praised the Good Friday agreement in the Sunday Times.",
        "The talks have lasted for two days and will go on for days.",
        "May they succeed, the envoy wrote.",
    ],
)
def test_dates_component_ignores_durations_numbers_and_names(run, text: str) -> None:
    assert _found(run(text)) == []


def test_dates_component_text_is_the_span(run) -> None:
    doc = run("On Sunday the envoy arrived, and late on Monday he met the delegation at 4 a.m. on Tuesday.")
    mentions = doc._.parley.dates
    assert mentions
    for m in mentions:
        assert m.text == doc[m.start : m.end].text
    assert [(m.start, -m.end) for m in mentions] == sorted((m.start, -m.end) for m in mentions)


def test_dates_component_anchored_uses_last_plain_date(run) -> None:
    text = (
        "In a speech on Saturday, the commander said the offer had arrived two days earlier. "
        "The plan was long. Hours after he spoke, the cabinet met. The next day, talks resumed."
    )
    doc = run(text, date(2025, 3, 31))
    values = {m.text: (m.value, m.kind) for m in doc._.parley.dates}
    assert values["on Saturday"] == ("2025-03-29", "weekday")
    assert values["two days earlier"] == ("2025-03-27", "anchored")
    # anchored mentions never anchor each other: both count from Saturday
    assert values["Hours after he spoke"] == ("2025-03-29", "anchored")
    assert values["The next day"] == ("2025-03-30", "anchored")


def test_dates_component_anchored_without_a_date_counts_from_publication(run) -> None:
    doc = run("The day before, the mediators had met.")
    assert _found(doc) == [("The day before", "2025-05-05", "anchored")]


def test_dates_component_time_keeps_its_day(run, nlp) -> None:
    doc = run("The truce took effect at 4 a.m. on Wednesday.", date(2024, 11, 27))
    assert _found(doc) == [
        ("at 4 a.m. on Wednesday", "2024-11-27T04:00", "time"),
        ("on Wednesday", "2024-11-27", "weekday"),
    ]
    took = next(t for t in doc if t.text == "took")
    assert date_of(doc, doc._.parley, took).text == "on Wednesday"
    assert date_of(doc, doc._.parley, took, prefer_time=True).value == "2024-11-27T04:00"
    sent = next(iter(doc.sents))
    assert [m.text for m in sentence_dates(doc, doc._.parley, sent)] == ["at 4 a.m. on Wednesday"]
    assert len(sentence_dates(doc, doc._.parley, sent, nested=True)) == 2


def test_dates_component_midnight(run) -> None:
    doc = run("The leaders agreed to a truce from midnight on Monday.", date(2025, 7, 29))
    assert _found(doc) == [
        ("midnight on Monday", "2025-07-28T24:00", "time"),
        ("on Monday", "2025-07-28", "weekday"),
    ]


@pytest.mark.parametrize(
    ("text", "range_text", "start", "end_text", "end"),
    [
        ("Another round is planned between June 20 and June 30.", "between June 20 and June 30", "2025-06-20", "June 30", "2025-06-30"),
        ("Talks will run from July 6 to Aug. 3.", "from July 6 to Aug. 3", "2025-07-06", "Aug. 3", "2025-08-03"),
        ("Talks are scheduled for June 20-30.", "June 20-30", "2025-06-20", "30", "2025-06-30"),
    ],
)
def test_dates_component_range(run, text: str, range_text: str, start: str, end_text: str, end: str) -> None:
    doc = run(text, date(2025, 6, 3))
    analysis = doc._.parley
    ranges = [m for m in analysis.dates if m.kind == "range"]
    assert [(m.text, m.value) for m in ranges] == [(range_text, start)]
    assert ranges[0].rule.endswith(f"end={end}")
    last = range_end(analysis, ranges[0])
    assert (last.text, last.value) == (end_text, end)


def test_dates_component_dateline(run) -> None:
    doc = run("ANKARA, May 6 — Hamas said on Sunday it had met Turkish officials.")
    analysis = doc._.parley
    assert _found(doc)[0] == ("May 6", "2025-05-06", "dateline")
    said = next(t for t in doc if t.text == "said")
    assert date_of(doc, analysis, said).text == "on Sunday"
    assert [m.text for m in sentence_dates(doc, analysis, next(iter(doc.sents)))] == ["on Sunday"]


def test_dates_component_dateline_after_title_and_byline(run) -> None:
    doc = run("Talks resume in Cairo\nBy a staff reporter\n\nCAIRO, May 6 (Reuters) — Envoys met on Sunday.")
    assert _found(doc) == [("May 6", "2025-05-06", "dateline"), ("on Sunday", "2025-05-04", "weekday")]


def test_dates_component_date_in_text_is_no_dateline(run) -> None:
    doc = run("WASHINGTON (AP) — The accord, signed on May 2 - a Friday - was welcomed.")
    assert [m.kind for m in doc._.parley.dates] == ["absolute"]


def test_dates_component_dateline_with_agency(run) -> None:
    doc = run("KYIV, April 5 (Reuters) - A missile struck the city.", date(2025, 4, 5))
    assert _found(doc) == [("April 5", "2025-04-05", "dateline")]


def test_dates_component_dateline_sets_missing_publication_date(run) -> None:
    doc = run("GAZA CITY, May 6, 2025 — Mediators met on Sunday.", None)
    assert doc._.parley.published == date(2025, 5, 6)
    assert _found(doc)[1] == ("on Sunday", "2025-05-04", "weekday")


def test_dates_component_without_publication_date(run) -> None:
    doc = run("Mediators met on Sunday and signed a text on March 11, 2025.", None)
    assert _found(doc) == [("on Sunday", None, "weekday"), ("on March 11, 2025", "2025-03-11", "absolute")]


# ------------------------------------------------------------------------ date_of


def _tok(doc, text: str):
    return next(t for t in doc if t.text == text)


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("The envoy met rebel leaders on Sunday and urged them to talk.", "met", "on Sunday"),
        ("The envoy met rebel leaders on Sunday and urged them to talk.", "urged", "on Sunday"),
        ("A senior official said on Wednesday that the group would cooperate.", "cooperate", "on Wednesday"),
        ("The signing of the accord on Friday was welcomed.", "signing", "on Friday"),
        ("Officials said on Monday that talks had collapsed on Sunday.", "said", "on Monday"),
        ("Officials said on Monday that talks had collapsed on Sunday.", "collapsed", "on Sunday"),
        ("The group said the talks had collapsed on Sunday.", "said", "on Sunday"),
        ("The cabinet approved the deal, which was drafted in Cairo.", "approved", None),
    ],
)
def test_dates_date_of(run, text: str, trigger: str, expected: str | None) -> None:
    doc = run(text)
    found = date_of(doc, doc._.parley, _tok(doc, trigger))
    assert (found.text if found else None) == expected


# ------------------------------------------------------------------------ dev gold


def _gold() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD_DIR.glob("d*.json"))]


@pytest.fixture(scope="module")
def dev_docs(nlp, ruler):
    """The dev articles, parsed once and run through the component (which reads only the
    spaCy annotations and the publication date, as it does inside the pipeline)."""
    docs = []
    for gold in _gold():
        meta = gold["article"]
        doc = nlp(meta["text"])
        doc._.parley = Analysis(published=date.fromisoformat(meta["published"]))
        docs.append((gold, ruler(doc)))
    return docs


def test_dates_dev_gold_event_dates(dev_docs) -> None:
    """Every gold ``date_text`` is a mention's text, with the gold ``date`` as its value."""
    total, missed = 0, []
    for gold, doc in dev_docs:
        mentions = {(m.text, m.value) for m in doc._.parley.dates}
        for event in gold["events"]:
            if not event.get("date_text"):
                continue
            total += 1
            if (event["date_text"], event["date"]) not in mentions:
                missed.append((gold["article"]["id"], event["date_text"], event["date"]))
    assert total == 45
    assert missed == []  # 45 of 45


def test_dates_dev_gold_parameter_dates(dev_docs) -> None:
    """The ISO dates in term parameters (start_at, deadlines, timetables) are all found."""
    iso = re.compile(r"\d{4}-\d\d-\d\d(?:T\d\d:\d\d)?")
    for gold, doc in dev_docs:
        values = {m.value for m in doc._.parley.dates}
        for proposal in gold["proposals"]:
            for term in proposal["terms"]:
                for wanted in iso.findall(json.dumps(term.get("params", {}))):
                    assert wanted in values, (gold["article"]["id"], term["type"], wanted)


def test_dates_dev_datelines(dev_docs) -> None:
    for gold, doc in dev_docs:
        first = doc._.parley.dates[0]
        assert first.kind == "dateline"
        assert first.value == gold["article"]["published"]


def test_dates_runs_in_the_extractor_pipeline(nlp) -> None:
    from parley.extract.pipeline import COMPONENTS, Extractor
    from parley.ingest.article import Article

    before = list(nlp.pipe_names)
    try:
        extractor = Extractor(nlp, components=(*COMPONENTS, "parley_dates"))
        gold = _gold()[0]
        article = Article.from_text(gold["article"]["text"], published=gold["article"]["published"])
        doc = extractor.nlp(extractor._doc(article))
        found = [(m.text, m.value) for m in doc._.parley.dates]
        assert ("on Sunday", "2025-05-04") in found
        assert extractor.extract(article).article.published == "2025-05-06"
    finally:
        for name in [n for n in nlp.pipe_names if n not in before]:
            nlp.remove_pipe(name)
