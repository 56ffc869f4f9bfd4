"""The example Parley was founded on (dev article d01), end to end through ``parley extract``.

Two anonymous Hamas sources told Asharq Al-Awsat that a Hamas delegation met Turkey's foreign
minister and intelligence chief in Ankara on Sunday and asked Turkey to relay a "comprehensive
deal" to Washington; Israel's prime minister rejected it; Qatar mediates too. Every fact must
come out with its evidence, and the evidence must say it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from parley.cli import cli
from parley.record import Record, load_record

D01 = Path(__file__).parent / "data" / "dev" / "d01.json"
TEXT = json.loads(D01.read_text(encoding="utf-8"))["article"][
    "text"
]  # already NFC with \n newlines


@pytest.fixture(scope="module")
def record(tmp_path_factory, extractor) -> Record:  # extractor: the session's loaded model
    gold = json.loads(D01.read_text(encoding="utf-8"))["article"]
    path = tmp_path_factory.mktemp("founding") / "hamas-turkey.txt"
    path.write_text(TEXT, encoding="utf-8")
    result = CliRunner(env={"PARLEY_DB": None}).invoke(
        cli, ["extract", str(path), "--published", gold["published"]], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    (line,) = [line for line in result.stdout.splitlines() if line.strip()]
    return load_record(json.loads(line), origin=str(path))


def said(record: Record, item) -> str:  # type: ignore[no-untyped-def]
    """The text of an item's evidence spans, which index the article's (normalised) text."""
    return " … ".join(TEXT[start:end] for start, end in item.evidence)


def test_founding_example_actors_and_roles(record: Record) -> None:
    roles = {actor.id: set(actor.roles) for actor in record.actors}
    assert "party" in roles["HAMAS"]
    assert "relay" in roles["TUR"]
    assert "mediator" in roles["QAT"]
    assert "guarantor" in roles["USA"]
    assert "party" in roles["ISR"]


def test_founding_example_proposal_has_the_six_typed_terms(record: Record) -> None:
    deal = next(p for p in record.proposals if p.label and "comprehensive deal" in p.label)
    assert deal.proposer == "HAMAS"
    assert "TUR" in deal.channel
    first_start, first_end = deal.evidence[0]
    sentence_end = TEXT.index(".", first_end)
    assert (
        "comprehensive deal" in TEXT[first_start:sentence_end]
    )  # 'a proposal for a "comprehensive deal"'
    assert "the offer" in said(record, deal)  # later mentions join it
    terms = {term.type: term for term in deal.terms}
    assert terms["hostage_release"].params.get("categories") == ["all"]
    assert (
        "prisoner_release" in terms
    )  # "in exchange for an agreed number of Palestinian prisoners"
    assert terms["hostage_release"].sequencing == {"in_exchange_for": terms["prisoner_release"].id}
    assert "permanent_end_of_war" in terms  # "a complete halt to the fighting"
    assert terms["force_withdrawal"].params.get("extent") == "full"
    assert terms["long_term_truce"].params.get("duration_years") == 5
    assert terms["guarantees"].params.get("scope") == "regional and international"
    assert terms["humanitarian_access"].params.get("delivery_mechanism") == "approved"
    assert "five-year truce" in said(record, terms["long_term_truce"])
    assert "approved mechanisms" in said(record, terms["humanitarian_access"])


def test_founding_example_technocratic_government_of_the_egyptian_plan(record: Record) -> None:
    plan = next(p for p in record.proposals if p.proposer == "EGY")
    (term,) = [t for t in plan.terms if t.type == "interim_governance"]
    assert term.params.get("composition") == "technocrats"
    accepts = [
        s
        for s in record.stances
        if s.actor == "HAMAS" and s.proposal == plan.id and s.stance == "accepts"
    ]
    assert accepts and accepts[0].term == "interim_governance"


def test_founding_example_israel_rejects_the_deal(record: Record) -> None:
    deal = next(p for p in record.proposals if p.proposer == "HAMAS")
    (rejection,) = [s for s in record.stances if s.actor == "ISR" and s.proposal == deal.id]
    assert rejection.stance == "rejects"
    assert rejection.speaker == "Benjamin Netanyahu"
    assert "publicly rejected the initiative" in said(record, rejection)


def test_founding_example_ankara_meeting_on_the_sunday_before_publication(record: Record) -> None:
    (meeting,) = [e for e in record.events if e.type == "CONSULT"]
    assert meeting.actors == ["HAMAS"] and meeting.recipients == ["TUR"]
    assert meeting.location == "Ankara"
    assert meeting.date == "2025-05-04"  # published Tuesday 2025-05-06
    assert meeting.date_text == "on Sunday"
    assert "in Ankara on Sunday" in said(record, meeting)


def test_founding_example_attributed_to_anonymous_hamas_sources(record: Record) -> None:
    anonymous = [s for s in record.sources if s.kind == "anonymous"]
    assert len(anonymous) == 1 and anonymous[0].affiliation == "HAMAS"
    media = [s for s in record.sources if s.kind == "media"]
    assert [s.name for s in media] == ["Asharq Al-Awsat"]
    proposes = next(s for s in record.stances if s.actor == "HAMAS" and s.stance == "proposes")
    assert proposes.source == anonymous[0].id and proposes.certainty == "reported"
