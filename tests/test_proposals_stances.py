"""Proposals and stances on short texts written for these tests (no outlet's wording).

Each test feeds one sentence or a short article through the full pipeline (the session
``extractor``) and checks one behaviour of ``parley_proposals`` or ``parley_stances``:
authors, identity, counter-proposals and joint proposals, which sentences state a proposal's
content, each of the 17 stances, negation, hedges, disputes, conditions, endorsements, and
that an article without negotiation content yields nothing.
"""

from __future__ import annotations

import pytest

from parley.extract.pipeline import Extractor
from parley.ingest import Article
from parley.record import Record
from parley.vocabulary import STANCES


def _extract(extractor: Extractor, text: str) -> Record:
    return extractor.extract(Article.from_text(text, published="2025-05-06"))


def _stances(record: Record) -> set[tuple[str, str, str | None, str | None]]:
    """(actor, stance, proposer of the target, term) of every stance."""
    proposer = {p.id: p.proposer for p in record.proposals}
    return {(s.actor, s.stance, proposer.get(s.proposal), s.term) for s in record.stances}


def _terms(record: Record) -> dict[str | None, set[str]]:
    """Term types by the proposer of the proposal that holds them."""
    found: dict[str | None, set[str]] = {}
    for p in record.proposals:
        found.setdefault(p.proposer, set()).update(t.type for t in p.terms)
    return found


# -- proposals: authors ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "author"),
    [
        ("Hamas said on Monday it had studied Egypt's plan for a 40-day truce.", "EGY"),
        ("Hamas said on Monday it was studying the Qatari proposal for a 40-day truce.", "QAT"),
        ("Hamas is studying a ceasefire plan put forward by Turkey last week.", "TUR"),
        ("Hamas is studying a ceasefire plan drawn up by Qatari mediators.", "QAT"),
        ("Egypt presented a new proposal for a 40-day ceasefire on Sunday.", "EGY"),
        ("Lebanese officials met on Monday to discuss a U.S.-drafted text that would end the fighting.", "USA"),
        ("On Thursday the Egyptian government offered what officials called a bridging proposal.", "EGY"),
    ],
)
def test_proposals_stances_author_forms(extractor: Extractor, text: str, author: str) -> None:
    record = _extract(extractor, text)
    assert [p.proposer for p in record.proposals] == [author]
    assert (author, "proposes", author, None) in _stances(record)


@pytest.mark.parametrize(
    "text",
    [
        "Israel and Hamas signed the Cairo agreement on Sunday, ending three months of fighting.",
        "Israel and Hamas agreed to the deal after talks brokered by Qatar, a statement said.",
    ],
)
def test_proposals_stances_brokered_or_placed_agreement_has_no_author(extractor: Extractor, text: str) -> None:
    record = _extract(extractor, text)
    assert [p.proposer for p in record.proposals] == [None]


def test_proposals_stances_offer_made_by_a_verb(extractor: Extractor) -> None:
    record = _extract(extractor, "Turkey welcomed the truce and offered to help Russia monitor the ceasefire.")
    assert "TUR" in [p.proposer for p in record.proposals]
    assert "monitoring_verification" in _terms(record)["TUR"]


# -- proposals: identity, counter-proposals, joint proposals --------------------------------------


def test_proposals_stances_later_mentions_join_their_proposal(extractor: Extractor) -> None:
    text = (
        "Egypt put forward a new ceasefire proposal on Sunday. "
        "The plan would halt the fighting for 40 days. "
        "Hamas said it had accepted the offer, and Israel said it was studying the text."
    )
    record = _extract(extractor, text)
    assert [p.proposer for p in record.proposals] == ["EGY"]
    stances = _stances(record)
    assert ("HAMAS", "accepts", "EGY", None) in stances
    assert ("ISR", "considers", "EGY", None) in stances


@pytest.mark.parametrize(
    ("text", "counter_author"),
    [
        (
            "Egypt put forward a ceasefire proposal on Sunday. Israel answered on Monday with a "
            "counter-proposal that calls for the release of 11 hostages.",
            "ISR",
        ),
        (
            "Israel sent a paper to Damascus last month. Damascus responded this week with its own draft, "
            "which calls for an end to Israeli strikes.",
            "SYR",
        ),
    ],
)
def test_proposals_stances_counter_proposal_has_parent(extractor: Extractor, text: str, counter_author: str) -> None:
    record = _extract(extractor, text)
    by_author = {p.proposer: p for p in record.proposals}
    counter = by_author[counter_author]
    assert counter.parent is not None and counter.parent != counter.id
    assert (counter_author, "counter_proposes", counter_author, None) in _stances(record)


def test_proposals_stances_joint_proposal_has_no_proposer(extractor: Extractor) -> None:
    text = "Qatari and Egyptian mediators would now push for a truce of up to 30 days, a diplomat said."
    record = _extract(extractor, text)
    assert [p.proposer for p in record.proposals] == [None]
    stances = _stances(record)
    assert ("QAT", "proposes", None, None) in stances
    assert ("EGY", "proposes", None, None) in stances


def test_proposals_stances_numbered_phase_of_a_plan_is_an_agreement_of_its_own(extractor: Extractor) -> None:
    text = "Israel and Hamas have agreed on the first phase of Egypt's plan, under which the fighting will stop."
    record = _extract(extractor, text)
    agreement = next(p for p in record.proposals if p.proposer is None)
    plan = next(p for p in record.proposals if p.proposer == "EGY")
    assert agreement.parent == plan.id


# -- terms: which sentences state a proposal's content ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Egypt put forward a new proposal on Sunday. Under the plan, Israel would free 100 Palestinian prisoners.",
        "Egypt put forward a new proposal on Sunday. The offer also calls for the release of 100 Palestinian prisoners.",
        "Egypt put forward a new proposal on Sunday. It provides for the release of 100 Palestinian prisoners.",
    ],
)
def test_proposals_stances_content_sentence_attaches_terms(extractor: Extractor, text: str) -> None:
    assert "prisoner_release" in _terms(_extract(extractor, text)).get("EGY", set())


def test_proposals_stances_bullet_list_attaches_terms(extractor: Extractor) -> None:
    text = (
        "Egypt put forward a new proposal on Sunday. Its main provisions are:\n\n"
        "- Hamas would free 20 living hostages;\n"
        "- Israel would release 300 Palestinian prisoners;\n"
        "- 500 aid trucks a day would enter the territory.\n\n"
        "Hamas said it was studying the text."
    )
    terms = _terms(_extract(extractor, text)).get("EGY", set())
    assert {"hostage_release", "prisoner_release", "humanitarian_access"} <= terms


def test_proposals_stances_continuation_attaches_terms(extractor: Extractor) -> None:
    text = (
        "Egypt put forward a new proposal on Sunday, under which Hamas would free 20 hostages. "
        "In return, Israel would release 300 Palestinian prisoners."
    )
    terms = _terms(_extract(extractor, text)).get("EGY", set())
    assert {"hostage_release", "prisoner_release"} <= terms


def test_proposals_stances_background_sentence_does_not_attach_terms(extractor: Extractor) -> None:
    text = (
        "Egypt put forward a new proposal on Sunday that would halt the fighting for 40 days.\n\n"
        "Israel released 50 prisoners in a separate exchange last year, officials said."
    )
    assert "prisoner_release" not in _terms(_extract(extractor, text)).get("EGY", set())


# -- the 17 stances --------------------------------------------------------------------------------

_PLAN = "Egypt put forward a new ceasefire proposal on Sunday. "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (_PLAN, ("EGY", "proposes", "EGY", None)),
        (_PLAN + "Israel answered with a counter-proposal on Monday.", ("ISR", "counter_proposes", "ISR", None)),
        (_PLAN + "Hamas demanded that the plan include the release of all Palestinian prisoners.",
         ("HAMAS", "demands", "EGY", "prisoner_release")),
        (_PLAN + "Hamas said it had accepted the proposal.", ("HAMAS", "accepts", "EGY", None)),
        (_PLAN + "Hamas said it accepted the proposal in principle.", ("HAMAS", "accepts_in_principle", "EGY", None)),
        (_PLAN + "Hamas said it accepted the proposal, provided that Israel halted its strikes.",
         ("HAMAS", "accepts_with_conditions", "EGY", None)),
        (_PLAN + "Israel said it was studying the proposal.", ("ISR", "considers", "EGY", None)),
        (_PLAN + "Israel said it was open to the proposal.", ("ISR", "open_to", "EGY", None)),
        (_PLAN + "Israel asked for clarifications on the proposal.", ("ISR", "seeks_clarification", "EGY", None)),
        (_PLAN + "Israel rejected the proposal on Monday.", ("ISR", "rejects", "EGY", None)),
        (_PLAN + "Hamas said it had not received the proposal.", ("HAMAS", "denies_receiving", "EGY", None)),
        (_PLAN + "Israel has yet to respond to the proposal.", ("ISR", "no_response", "EGY", None)),
        (_PLAN + "Israel signed the proposal on Tuesday.", ("ISR", "signs", "EGY", None)),
        (_PLAN + "The United Nations welcomed the proposal.", ("UN", "endorses", "EGY", None)),
        (_PLAN + "Hamas said on Monday that it had walked away from the proposal.", ("HAMAS", "withdraws", "EGY", None)),
        ("Israel and Hamas signed a ceasefire agreement on Sunday. On Monday, Israel accused Hamas of violating "
         "the agreement.", ("ISR", "accuses_violation", None, None)),
        (_PLAN + "Hamas reportedly accepted the proposal. Hamas denied reports that it had accepted the proposal.",
         ("HAMAS", "denies_report", "EGY", None)),
    ],
)
def test_proposals_stances_each_stance(extractor: Extractor, text: str, expected: tuple) -> None:
    assert expected in _stances(_extract(extractor, text))


def test_proposals_stances_each_stance_covers_the_vocabulary() -> None:
    covered = {case[1][1] for case in test_proposals_stances_each_stance.pytestmark[0].args[1]}
    assert covered == set(STANCES)


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        (_PLAN + "Israel described the terms as unworkable.", "rejects"),
        (_PLAN + "Israel poured cold water on the proposal.", "rejects"),
        (_PLAN + "Israel balked at the proposal.", "rejects"),
        (_PLAN + "Israel signalled it could live with the proposal.", "accepts_with_conditions"),
        (_PLAN + "Israel has not said whether it will accept the proposal.", "no_response"),
        (_PLAN + "Israel said it wanted the terms clarified.", "seeks_clarification"),
    ],
)
def test_proposals_stances_indirect_cues(extractor: Extractor, text: str, stance: str) -> None:
    assert ("ISR", stance, "EGY", None) in _stances(_extract(extractor, text))


# -- negation, hedges, disputes, conditions ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (_PLAN + "Israel did not reject the proposal, officials said.", "rejects"),
        (_PLAN + "Israel has not accepted the proposal.", "accepts"),
        (_PLAN + "Washington urged Israel to accept the proposal.", "accepts"),
        (_PLAN + "Hamas did not respond to a request for comment.", "no_response"),
    ],
)
def test_proposals_stances_negation_is_no_plain_stance(extractor: Extractor, text: str, absent: str) -> None:
    assert not [s for s in _stances(_extract(extractor, text)) if s[1] == absent]


def test_proposals_stances_own_denial_of_rejection_is_denies_report(extractor: Extractor) -> None:
    text = _PLAN + '"We did not reject the proposal," a Hamas official said.'
    assert ("HAMAS", "denies_report", "EGY", None) in _stances(_extract(extractor, text))


def test_proposals_stances_hedge_makes_hedged(extractor: Extractor) -> None:
    record = _extract(extractor, _PLAN + "Israel has reportedly accepted the proposal.")
    stance = next(s for s in record.stances if s.actor == "ISR" and s.stance == "accepts")
    assert stance.certainty == "hedged"


def test_proposals_stances_denied_stance_is_disputed(extractor: Extractor) -> None:
    text = _PLAN + "Hamas reportedly accepted the proposal. Hamas denied reports that it had accepted the proposal."
    record = _extract(extractor, text)
    accepted = next(s for s in record.stances if s.actor == "HAMAS" and s.stance == "accepts")
    assert accepted.certainty == "disputed"


def test_proposals_stances_conditions_are_kept(extractor: Extractor) -> None:
    text = _PLAN + "Hamas said it accepted the proposal, provided that Israel halted its strikes."
    record = _extract(extractor, text)
    stance = next(s for s in record.stances if s.stance == "accepts_with_conditions")
    assert any("Israel halted its strikes" in c for c in stance.conditions)


def test_proposals_stances_refusal_until_is_a_demand_with_the_condition(extractor: Extractor) -> None:
    text = _PLAN + "Israel said it would not sign the proposal until Hamas freed all hostages."
    assert ("ISR", "demands", "EGY", None) in _stances(_extract(extractor, text)) or any(
        s[:2] == ("ISR", "demands") for s in _stances(_extract(extractor, text)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israel and Hamas signed a ceasefire agreement on Sunday. Israel accused Hamas of breaching it. "
         "Hamas rejected the accusation.", ("HAMAS", "denies_report", None, None)),
        (_PLAN + "Washington urged Hamas to accept the proposal.", ("USA", "endorses", "EGY", None)),
        ("Egypt put forward a new proposal on Sunday under which Hamas would give up its weapons. "
         "Hamas has said it will not give up its weapons.", ("HAMAS", "rejects", "EGY", "disarmament_demilitarization")),
    ],
)
def test_proposals_stances_stances_read_from_their_context(extractor: Extractor, text: str, expected: tuple) -> None:
    assert expected in _stances(_extract(extractor, text))


# -- endorsement by third parties, acceptance by parties -----------------------------------------


def test_proposals_stances_welcome_by_party_is_acceptance(extractor: Extractor) -> None:
    text = (
        "Israel and Hamas signed a ceasefire agreement on Sunday after talks brokered by Qatar. "
        "Israel welcomed the agreement, and the United Nations welcomed it too."
    )
    stances = _stances(_extract(extractor, text))
    assert ("UN", "endorses", None, None) in stances
    assert ("ISR", "endorses", None, None) not in stances


# -- nothing without negotiation content ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Shelling hit a hospital in the city overnight, killing 12 people, medics said. The army denied "
        "the claim and said rebels had turned a school into a base. A trader said he had turned down an "
        "offer from armed men to buy his stock. Aid agencies were considering whether a convoy could travel.",
        "Drivers accepted an offer of higher pay from importers but many refused to travel. The government "
        "signed an agreement with a private security company to protect convoys, officials said.",
    ],
)
def test_proposals_stances_nothing_on_a_negative_article(extractor: Extractor, text: str) -> None:
    record = _extract(extractor, text)
    assert record.proposals == [] and record.stances == []
