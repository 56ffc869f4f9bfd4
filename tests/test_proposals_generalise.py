"""Proposals and their terms in phrasings other writers use (texts written for these tests).

Each case is a short text about a conflict none of the tuning corpora covers, worded afresh,
for one rule of ``parley_proposals`` or of the truce parameters of ``parley_terms``:
provisions that "the two sides" or "both" agreed, restated truces, the objectives of a
plan, a plan that is not the agreement it follows, unilateral declarations, "by"-phrases
that name no author, and durations or dates that belong to something else.
"""

from __future__ import annotations

from parley.extract.pipeline import Extractor
from parley.ingest import Article
from parley.record import Record


def _extract(extractor: Extractor, text: str, published: str = "2025-05-06") -> Record:
    return extractor.extract(Article.from_text(text, published=published))


def _terms(record: Record) -> dict[str | None, list[str]]:
    """Term types by the proposer of the proposal that holds them."""
    found: dict[str | None, list[str]] = {}
    for p in record.proposals:
        found.setdefault(p.proposer, []).extend(t.type for t in p.terms)
    return found


# -- provisions the sides agreed --------------------------------------------------------------


def test_collective_subject_agrees_provisions_past_a_purpose_clause(extractor: Extractor) -> None:
    text = (
        "Serbia and Kosovo agreed on Friday to an immediate ceasefire in the north. "
        "The two governments also agreed to hold follow-up meetings next week to make sure "
        "the truce holds."
    )
    terms = _terms(_extract(extractor, text))
    assert "negotiation_process" in terms.get(None, [])


def test_both_agreed_joins_the_agreement_already_made(extractor: Extractor) -> None:
    text = (
        "Mediators said on Monday that Ethiopia and the TPLF had each agreed to stop all "
        "shelling around Mekelle. Both also agreed to allow the return of displaced civilians."
    )
    record = _extract(extractor, text)
    assert [p.proposer for p in record.proposals] == [None]
    assert {"ceasefire", "movement_and_return"} <= set(_terms(record)[None])


def test_restated_truce_is_one_term(extractor: Extractor) -> None:
    text = (
        "Somalia and al-Shabaab agreed to a ceasefire with immediate effect, the mediators said. "
        "The two sides agreed to stop all firing on land and at sea from midnight."
    )
    terms = _terms(_extract(extractor, text))
    assert terms.get(None, []).count("ceasefire") == 1


# -- content sentences ---------------------------------------------------------------------------


def test_objectives_of_a_plan_are_its_terms(extractor: Extractor) -> None:
    text = (
        "Kenya put forward a peace proposal for South Sudan last month. "
        "At a meeting on Monday the government approved its objectives. "
        "The objectives include the withdrawal of foreign troops from Juba and the release of "
        "political prisoners."
    )
    terms = _terms(_extract(extractor, text))
    assert {"force_withdrawal", "prisoner_release"} <= set(terms.get("KEN", []))


# -- identity: an authored plan is not the agreement in focus ------------------------------------


def test_authored_plan_is_not_the_agreement_it_follows(extractor: Extractor) -> None:
    text = (
        "Congo and the M23 rebels have observed the Doha truce since it took effect last week. "
        "The next stage, according to the 12-point plan put forward by Qatar in March, would "
        "involve the disarmament of the rebels."
    )
    record = _extract(extractor, text)
    assert sorted(str(p.proposer) for p in record.proposals) == ["None", "QAT"]
    assert "disarmament_demilitarization" in _terms(record)["QAT"]


# -- authors ---------------------------------------------------------------------------------------


def test_declared_truce_is_its_declarer_s(extractor: Extractor) -> None:
    record = _extract(
        extractor, "The ELN announced a unilateral ceasefire on Monday for the election period."
    )
    assert [p.proposer for p in record.proposals] == ["ELN"]
    truce = record.proposals[0].terms[0]
    assert truce.params.get("unilateral") is True
    assert truce.params.get("covered_actors") == ["ELN"]


def test_announced_agreement_between_others_has_no_author(extractor: Extractor) -> None:
    text = (
        "A ceasefire between Armenia and Azerbaijan was holding on Sunday. "
        "Russia announced the truce late on Saturday."
    )
    record = _extract(extractor, text)
    assert [p.proposer for p in record.proposals] == [None]


def test_declarer_is_not_borrowed_across_an_adverbial_clause(extractor: Extractor) -> None:
    text = (
        "Colombia's government announced a ceasefire on Monday, two days after a coalition of "
        "rebel fronts declared a pause of its own."
    )
    record = _extract(extractor, text)
    assert [p.proposer for p in record.proposals] == ["COL"]


def test_by_phrase_without_an_agent_names_no_author(extractor: Extractor) -> None:
    text = (
        "Serbia and Kosovo signed an accord on Monday. Russia, which regards Kosovo as part of "
        "Serbia, said Moscow would judge the agreement by its implementation, and insisted on more."
    )
    record = _extract(extractor, text)
    assert [p.proposer for p in record.proposals] == [None]


# -- truce parameters ----------------------------------------------------------------------------


def test_length_of_the_fighting_is_no_truce_length(extractor: Extractor) -> None:
    record = _extract(
        extractor,
        "Calm returned on Friday after the government declared a ceasefire to end three days of clashes.",
    )
    truces = [t for p in record.proposals for t in p.terms]
    assert [t.type for t in truces] == ["ceasefire"]
    assert "duration_days" not in truces[0].params
    assert "start_at" not in truces[0].params  # Friday is when calm returned


def test_date_of_a_visit_is_no_truce_start(extractor: Extractor) -> None:
    text = (
        "Sudan's army and the RSF signed a truce in Jeddah last month. "
        "The US envoy arrived in Port Sudan on Tuesday to shore up the truce."
    )
    record = _extract(extractor, text)
    assert all(
        "start_at" not in t.params or t.params["start_at"] != "2025-05-06"
        for p in record.proposals
        for t in p.terms
    )


def test_return_of_displaced_people_is_no_release(extractor: Extractor) -> None:
    text = (
        "Ethiopia and the TPLF signed an agreement on Monday. "
        "It provides for the return of all displaced Tigrayans to their villages."
    )
    terms = _terms(_extract(extractor, text)).get(None, [])
    assert "movement_and_return" in terms
    assert "prisoner_release" not in terms


def test_truce_that_expired_is_a_background_agreement(extractor: Extractor) -> None:
    text = (
        "Somalia and the rebels agreed on Sunday to an immediate ceasefire. "
        "The talks followed a 72-hour truce agreed on Monday that expired on Thursday night."
    )
    record = _extract(extractor, text)
    statuses = sorted(str(p.status) for p in record.proposals)
    assert len(record.proposals) == 2 and "collapsed" in statuses


def test_delegations_agree_provisions_in_a_clause(extractor: Extractor) -> None:
    text = (
        "Ethiopia and Eritrea agreed on Tuesday to a ceasefire along their border, the mediators said.\n\n"
        "Talks went on late into the night. The delegations also agreed that troops should pull "
        "back from Badme."
    )
    terms = _terms(_extract(extractor, text))
    assert "force_withdrawal" in terms.get(None, [])


def test_dated_truce_brought_into_the_story_is_its_own_agreement(extractor: Extractor) -> None:
    text = (
        "Congo and the M23 rebels agreed on Sunday to a ceasefire in North Kivu, Qatar said. "
        "The fighting had eased under a ten-day humanitarian truce brokered by Angola earlier this month."
    )
    record = _extract(extractor, text)
    assert len(record.proposals) == 2
    assert all(
        len([t for t in p.terms if t.type in ("ceasefire", "humanitarian_pause")]) == 1
        for p in record.proposals
    )


def test_an_actor_s_agreement_won_is_consent_not_a_text(extractor: Extractor) -> None:
    text = (
        "A truce between Sudan's army and the RSF took effect on Monday. "
        "A diplomat said Egypt had helped to secure the army's agreement."
    )
    record = _extract(extractor, text)
    assert [p.proposer for p in record.proposals] == [None]


def test_truce_in_force_is_the_proposal_the_parties_took_up(extractor: Extractor) -> None:
    text = (
        "A ceasefire between Armenia and Azerbaijan was holding on Sunday.\n\n"
        "Armenia's government confirmed that it had agreed to the French proposal for a "
        "ceasefire along the border."
    )
    record = _extract(extractor, text)
    assert [p.proposer for p in record.proposals] == ["FRA"]


def test_committee_to_implement_is_an_implementation_mechanism(extractor: Extractor) -> None:
    text = (
        "Ethiopia and the TPLF signed an agreement on Monday that provides for a ceasefire. "
        "A joint committee is to work out how the accord will be implemented."
    )
    terms = _terms(_extract(extractor, text)).get(None, [])
    assert "implementation_mechanism" in terms
    assert "monitoring_verification" not in terms


def test_committee_that_monitors_stays_a_monitor(extractor: Extractor) -> None:
    text = (
        "Ethiopia and the TPLF signed an agreement on Monday that provides for a ceasefire. "
        "Under the agreement, a joint committee will monitor the implementation of the truce."
    )
    assert "monitoring_verification" in _terms(_extract(extractor, text)).get(None, [])


def test_next_sentence_goes_on_with_what_was_agreed(extractor: Extractor) -> None:
    text = (
        "A mediator said the two commanders had agreed to stop all shelling around Goma from midnight. "
        "The two commanders will speak again on Tuesday, he said."
    )
    terms = _terms(_extract(extractor, text)).get(None, [])
    assert "negotiation_process" in terms


def test_refine_rule_may_require_a_word_class_absent() -> None:
    from parley.errors import LexiconError
    from parley.extract.terms.lexicon import TermLexicon

    data = {
        "version": 1,
        "words": {"impl": ["implement"], "mon": ["monitor"]},
        "cues": [{"id": "m.c", "type": "monitoring_verification", "match": "^committee"}],
        "refine": [
            {
                "type": "monitoring_verification",
                "when": {"in_span": "impl", "not_in_span": "mon"},
                "to": "implementation_mechanism",
            }
        ],
    }
    assert TermLexicon.from_data(data, "test").refine[0]["when"]["not_in_span"] == "mon"
    data["refine"][0]["when"]["not_in_span"] = "nowhere"
    try:
        TermLexicon.from_data(data, "test")
    except LexiconError as exc:
        assert "nowhere" in str(exc)
    else:  # pragma: no cover
        raise AssertionError("an unknown word class must be refused")


def test_remains_of_captives_are_no_release_of_captives(extractor: Extractor) -> None:
    text = (
        "Under the deal, the FARC dissidents must hand over the remains of 12 soldiers "
        "who died in captivity."
    )
    terms = _terms(_extract(extractor, text)).get(None, [])
    assert "remains_and_missing" in terms
    assert "prisoner_release" not in terms and "hostage_release" not in terms


def test_people_given_in_exchange_are_released_by_the_other_side(extractor: Extractor) -> None:
    text = (
        "Under the deal, the ELN would free 15 kidnapped soldiers in exchange for about 40 "
        "men serving long sentences in state jails."
    )
    terms = _terms(_extract(extractor, text)).get(None, [])
    assert "hostage_release" in terms and "prisoner_release" in terms


def test_captives_given_for_prisoners_are_hostages(extractor: Extractor) -> None:
    text = (
        "Under the deal, Kyiv would release 120 Russian prisoners of war in return for 90 "
        "Ukrainian civilians held in occupied areas."
    )
    terms = _terms(_extract(extractor, text)).get(None, [])
    assert terms.count("prisoner_release") + terms.count("hostage_release") >= 2


def test_commitments_coupled_to_a_declared_truce_are_its_terms(extractor: Extractor) -> None:
    text = (
        "Somalia's defence ministry said it had decided on a full ceasefire around Mogadishu "
        "and would deploy neutral units along the lines of contact."
    )
    terms = _terms(_extract(extractor, text)).get("SOM", [])
    assert {"ceasefire", "buffer_zone"} <= set(terms)


def test_commitments_both_sides_made_are_terms_of_their_agreement(extractor: Extractor) -> None:
    text = (
        "Ethiopia and Eritrea agreed to an immediate ceasefire in Algiers. A mediator said both "
        "sides had committed not to carry out hostile acts against each other and not to "
        "support armed groups that attack the other."
    )
    record = _extract(extractor, text)
    terms = _terms(record).get(None, [])
    assert terms.count("ceasefire") == 1  # the hostile acts restate the truce
    assert "external_military_support" in terms
    support = next(
        t for p in record.proposals for t in p.terms if t.type == "external_military_support"
    )
    assert support.params.get("measure") == "halt"


def test_aid_a_truce_is_for_is_its_purpose_not_a_provision(extractor: Extractor) -> None:
    text = (
        "Ethiopia and the TPLF signed an agreement on Monday. "
        "It calls for a two-week humanitarian truce to let food aid reach the besieged towns."
    )
    terms = _terms(_extract(extractor, text)).get(None, [])
    assert "humanitarian_pause" in terms
    assert "humanitarian_access" not in terms


def test_aid_as_a_provision_of_its_own_is_kept(extractor: Extractor) -> None:
    text = (
        "Ethiopia and the TPLF signed an agreement on Monday. "
        "It provides for a ceasefire and for the unimpeded delivery of aid to Tigray."
    )
    assert "humanitarian_access" in _terms(_extract(extractor, text)).get(None, [])


def test_a_mediator_announcing_a_truce_does_not_author_it(extractor: Extractor) -> None:
    text = (
        "Qatar, which has mediated between Israel and Hamas for months, announced a four-day "
        "truce in Gaza on Wednesday."
    )
    record = _extract(extractor, text)
    assert "QAT" not in [p.proposer for p in record.proposals]


def test_label_keeps_the_modifiers_of_its_modifiers(extractor: Extractor) -> None:
    """ "a 21-point proposal": the number belongs to the label, or every plan is a "point plan"."""
    record = _extract(extractor, "The rebels rejected the 21-point proposal on Friday.")
    assert [p.label for p in record.proposals] == ["21-point proposal"]
    record = _extract(extractor, "Kenya presented a new three-phase framework to both delegations on Sunday.")
    assert any("three-phase framework" in (p.label or "") for p in record.proposals)
