"""Events read the way other writers report them (the readings added for the third tuning set).

Every sentence here was written for these tests, about conflicts and wording that the tuning
corpora do not use. The model is loaded once for the module.
"""

from __future__ import annotations

import pytest

from parley.extract.pipeline import Extractor
from parley.ingest.article import Article
from parley.record import Event

PUBLISHED = "2025-05-06"  # a Tuesday


def events(extractor: Extractor, text: str) -> list[Event]:
    return extractor.extract(Article.from_text(text, published=PUBLISHED, origin="test")).events


def of_type(extractor: Extractor, text: str, type_: str) -> list[Event]:
    return [e for e in events(extractor, text) if e.type == type_]


def test_accusations_in_conflict_news_with_no_negotiation_are_not_events(extractor) -> None:
    text = (
        "BOGOTA, May 6 — Gunmen attacked a police post in Cauca province on Monday, killing two officers.\n\n"
        "Colombia's defence ministry accused the ELN of carrying out the attack and of recruiting children.\n\n"
        "Residents said the road to the provincial capital had been closed since the weekend.\n\n"
        "The ELN did not respond to a request for comment."
    )
    assert events(extractor, text) == []


def test_a_request_named_by_its_author_is_a_request_to_the_one_who_acted(extractor) -> None:
    text = (
        "Norway's foreign minister spoke to Colombian officials on Monday at Venezuela's request."
    )
    request = of_type(extractor, text, "REQUEST")
    assert [(e.mode, e.actors, e.recipients) for e in request] == [("assist", ["VEN"], ["NOR"])]
    meeting = of_type(extractor, text, "CONSULT")
    assert [(e.actors, e.recipients, e.date) for e in meeting] == [(["NOR"], ["COL"], "2025-05-05")]


def test_an_order_to_ones_own_army_to_strike_threatens_the_other_side(extractor) -> None:
    text = (
        "Colombia's defence minister, Ivan Velasquez, said he had ordered the army to strike back hard "
        "at any attack by the ELN."
    )
    threat = of_type(extractor, text, "THREATEN")
    assert [(e.mode, e.actors, e.recipients) for e in threat] == [("violence", ["COL"], ["ELN"])]
    assert of_type(extractor, text, "REQUEST") == []


def test_an_order_to_ones_own_army_to_move_is_no_request(extractor) -> None:
    text = "Colombia's defence minister, Ivan Velasquez, said he had ordered the army to leave the town of Tame."
    assert of_type(extractor, text, "REQUEST") == []


def test_an_accusation_in_a_clause_with_no_subject_of_its_own_is_the_speakers(extractor) -> None:
    text = (
        "The ELN said in a statement that it remained committed to the truce, while accusing Colombia "
        "of violations in two provinces."
    )
    accuse = of_type(extractor, text, "ACCUSE")
    assert [(e.actors, e.recipients) for e in accuse] == [(["ELN"], ["COL"])]


def test_since_after_a_superlative_does_not_make_the_act_habitual(extractor) -> None:
    text = "Colombia and the ELN agreed on Monday to a ceasefire after the deadliest fighting between the two sides since the talks collapsed in 2019."
    agree = of_type(extractor, text, "AGREE")
    assert [(sorted(e.actors), e.date) for e in agree] == [(["COL", "ELN"], "2025-05-05")]


def test_committing_an_act_is_no_commitment(extractor) -> None:
    assert (
        of_type(
            extractor,
            "The ELN said the government had committed a serious error by ending the talks.",
            "AGREE",
        )
        == []
    )


def test_a_mutual_accusation_is_one_accusation_each_way(extractor) -> None:
    pairs = {
        (e.actors[0], e.recipients[0])
        for e in of_type(
            extractor,
            "Armenia and Azerbaijan accused each other of shelling border villages on Monday.",
            "ACCUSE",
        )
    }
    assert pairs == {("ARM", "AZE"), ("AZE", "ARM")}
    text = (
        "Armenia and Azerbaijan traded fire along the border on Sunday.\n\n"
        "Each side accused the other of opening fire first."
    )
    pairs = {(e.actors[0], e.recipients[0]) for e in of_type(extractor, text, "ACCUSE")}
    assert pairs == {("ARM", "AZE"), ("AZE", "ARM")}


def test_one_verb_with_objects_dated_apart_is_one_meeting_each(extractor) -> None:
    text = "Kenyan mediators met the Sudanese army delegation on Sunday and the RSF delegation on Monday in Nairobi."
    meetings = sorted((e.recipients, e.date) for e in of_type(extractor, text, "CONSULT"))
    assert meetings == [(["RSF"], "2025-05-05"), (["SAF"], "2025-05-04")]


def test_talking_to_both_sides_reaches_the_parties(extractor) -> None:
    text = (
        "Sudan's army and the RSF have fought for two years.\n\n"
        "Kenyan envoys had been talking to both sides for weeks before the truce was announced."
    )
    consult = of_type(extractor, text, "CONSULT")
    assert [(e.actors, sorted(e.recipients)) for e in consult] == [(["KEN"], ["RSF", "SAF"])]


def test_a_proposal_described_by_its_authors_is_no_offer_and_answers_them(extractor) -> None:
    text = (
        "The M23 said on Monday that it had accepted a ceasefire proposed by Angola and Kenya, "
        "while Congo's government has yet to reply."
    )
    agree = of_type(extractor, text, "AGREE")
    assert [(e.actors, sorted(e.recipients)) for e in agree] == [(["M23"], ["AGO", "KEN"])]


def test_a_side_announcing_its_own_truce_declares_it(extractor) -> None:
    text = (
        "Ethiopia's government announced a unilateral truce in the Amhara region on Monday.\n\n"
        "The Fano militia said it had not been consulted."
    )
    assert [e.actors for e in of_type(extractor, text, "CONCEDE")] == [["ETH"]]
    assert of_type(extractor, text, "AGREE") == []


def test_a_period_heading_coordinated_verbs_makes_them_all_habitual(extractor) -> None:
    text = (
        "For three months Qatar pleaded, cajoled and mediated between Congo and the M23 without result.\n\n"
        "On Monday the two sides signed a declaration of principles in Doha."
    )
    assert of_type(extractor, text, "CONSULT") == []


def test_no_as_a_determiner_is_no_refusal(extractor) -> None:
    text = "Kenya's foreign minister said no Kenyan troops would be deployed to Darfur."
    assert of_type(extractor, text, "REJECT") == []


def test_an_offer_to_help_someone_is_made_to_them(extractor) -> None:
    text = (
        "Ethiopia and Eritrea signed the agreement on Monday.\n\n"
        "Kenya welcomed the deal and offered to help Ethiopia monitor the border."
    )
    agree = of_type(extractor, text, "AGREE")
    assert [(e.actors, e.recipients) for e in agree] == [(["KEN"], ["ETH"])]


def test_a_warning_with_no_target_named_is_to_the_other_side(extractor) -> None:
    text = (
        "Thailand and Cambodia agreed to a ceasefire on Monday.\n\n"
        "The Thai army warned that it would respond with force to any breach."
    )
    threat = of_type(extractor, text, "THREATEN")
    assert [(e.actors, e.recipients) for e in threat] == [(["THA"], ["KHM"])]


def test_fighters_destroying_their_own_weapons_disarm(extractor) -> None:
    text = (
        "The PKK and Turkey agreed to a peace process in May.\n\n"
        "Fighters of the PKK set fire to their rifles at a ceremony in Sulaymaniyah on Friday."
    )
    disarm = of_type(extractor, text, "RETREAT")
    assert [(e.mode, e.actors, e.recipients, e.date) for e in disarm] == [
        ("disarm", ["PKK"], ["TUR"], "2025-05-02")
    ]


def test_weapons_handed_to_someone_named_are_no_disarmament(extractor) -> None:
    assert [
        e.type
        for e in events(extractor, "The United States handed over weapons to Ukraine on Monday.")
    ] == ["AID"]


def test_violations_reported_in_an_existential_clause_are_an_accusation(extractor) -> None:
    text = (
        "Thailand and Cambodia agreed a truce on Sunday.\n\n"
        "The Thai army chief said on Monday there had been repeated violations of the truce by Cambodia."
    )
    accuse = of_type(extractor, text, "ACCUSE")
    assert [(e.mode, e.actors, e.recipients, e.date) for e in accuse] == [
        ("allege", ["THA"], ["KHM"], "2025-05-05")
    ]


def test_one_sides_operations_ending_is_its_ceasefire(extractor) -> None:
    text = (
        "Armenia and Azerbaijan agreed a truce on Sunday.\n\n"
        "Hours later Azerbaijan's military operations in Karabakh had ended."
    )
    retreat = of_type(extractor, text, "RETREAT")
    assert [(e.mode, e.actors) for e in retreat] == [("ceasefire", ["AZE"])]
    assert of_type(extractor, "The fighting ended on Monday.", "RETREAT") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Kenyan envoy said he was in contact with both sides to consolidate the truce and to reach agreement on a buffer zone.",
        "Armenia said the crossing would stay shut and that reopening it would depend on Azerbaijan releasing the prisoners.",
    ],
)
def test_conditions_and_aims_are_not_acts(extractor, text) -> None:
    assert [e for e in events(extractor, text) if e.type in ("AGREE", "RETREAT")] == []


def test_a_visitor_whose_title_the_parser_split_still_visits(extractor) -> None:
    # the parser reads "vice" and "president" as two subjects of "arrived"
    text = "The US vice-president, Kamala Harris, arrived in Poland on Tuesday."
    visit = of_type(extractor, text, "CONSULT")
    assert [(e.mode, e.actors, e.recipients, e.date) for e in visit] == [
        ("visit", ["USA"], ["POL"], "2025-05-06")
    ]


def test_fighters_in_an_actors_ranks_are_that_actor(extractor) -> None:
    text = "Sudan's army and the RSF agreed a truce on Monday. Chad insisted that foreign fighters in the RSF's ranks must leave Sudan."
    request = of_type(extractor, text, "REQUEST")
    assert [(e.mode, e.actors, e.recipients) for e in request] == [("yield", ["TCD"], ["RSF"])]


def test_a_meeting_at_which_a_protocol_was_signed_is_dated_and_has_its_members(extractor) -> None:
    text = (
        "Under a protocol signed on Saturday at the third meeting of the two countries' border commissions, "
        "Kyrgyzstan will hand two villages to Tajikistan."
    )
    consult = of_type(extractor, text, "CONSULT")
    assert [(sorted(e.actors), e.date) for e in consult] == [(["KGZ", "TJK"], "2025-05-03")]


def test_the_date_hung_on_a_description_of_the_people_met_dates_the_meeting(extractor) -> None:
    text = "Qatar hosted a Taliban delegation led by Abdul Ghani Baradar in Doha on Sunday for talks on the ceasefire."
    consult = of_type(extractor, text, "CONSULT")
    assert [e.date for e in consult] == ["2025-05-04"]


def test_accepting_what_someone_called_a_proposal_accepts_that_proposal(extractor) -> None:
    text = "Israel said it had accepted what it called a proposal by U.S. envoy Adam Boehler to extend the truce."
    agree = of_type(extractor, text, "AGREE")
    assert [(e.actors, e.recipients) for e in agree] == [(["ISR"], ["USA"])]


def test_calling_a_counterpart_is_a_phone_call(extractor) -> None:
    text = (
        "India and Pakistan agreed a ceasefire on Saturday.\n\n"
        "Pakistan's Director General of Military Operations (DGMO) had called his Indian counterpart "
        "on the hotline on Saturday afternoon."
    )
    call = of_type(extractor, text, "CONSULT")
    assert [(e.mode, e.actors, e.recipients) for e in call] == [("phone", ["PAK"], ["IND"])]
    assert of_type(extractor, "Hamas called the proposal a trap.", "CONSULT") == []


def test_a_mediation_jointly_with_another_has_both_mediators(extractor) -> None:
    text = (
        "Thailand and Cambodia agreed to a truce at talks in Kuala Lumpur on Monday that were hosted "
        "by Malaysia and mediated jointly with China."
    )
    consult = of_type(extractor, text, "CONSULT")
    assert [(sorted(e.actors), sorted(e.recipients)) for e in consult] == [
        (["CHN", "MYS"], ["KHM", "THA"])
    ]


def test_a_truce_described_as_agreed_by_no_one_named_is_no_agreement(extractor) -> None:
    text = (
        "Thailand and Cambodia agreed to a ceasefire on Monday.\n\n"
        "The talks followed a 48-hour truce agreed on Thursday that collapsed on Saturday."
    )
    agree = of_type(extractor, text, "AGREE")
    assert [e.date for e in agree] == ["2025-05-05"]


def test_refusing_to_let_ones_own_territory_be_used_is_a_pledge(extractor) -> None:
    text = "Afghanistan would not allow its territory to be used against any country, the Taliban spokesman said."
    assert of_type(extractor, text, "REJECT") == []


def test_a_negotiation_under_way_with_no_time_or_place_is_no_meeting(extractor) -> None:
    assert (
        of_type(
            extractor, "Armenia and Azerbaijan are negotiating a broader peace treaty.", "CONSULT"
        )
        == []
    )
    held = of_type(
        extractor,
        "Armenian and Azerbaijani officials are negotiating in Geneva this week.",
        "CONSULT",
    )
    assert [sorted(e.actors) for e in held] == [["ARM", "AZE"]]


def test_an_offer_at_a_meeting_is_made_to_the_others_at_the_table(extractor) -> None:
    text = (
        "A Kenyan delegation held talks with RSF commanders in Nyala on Tuesday.\n\n"
        "According to two people at the meeting, the Kenyan side put forward a plan for a month-long truce."
    )
    agree = of_type(extractor, text, "AGREE")
    assert [(e.actors, e.recipients) for e in agree] == [(["KEN"], ["RSF"])]


def test_an_official_placed_in_a_capital_speaks_for_its_government(extractor) -> None:
    text = (
        "The TPLF set out its terms for a truce on Monday.\n\n"
        "A government spokesman in Addis Ababa described the TPLF's terms as unworkable."
    )
    reject = of_type(extractor, text, "REJECT")
    assert [(e.actors, e.recipients) for e in reject] == [(["ETH"], ["TPLF"])]


def test_weapons_that_should_be_handed_over_are_a_demand_on_their_holders(extractor) -> None:
    text = (
        "Colombia and the ELN agreed a peace process in May.\n\n"
        "A senior Colombian official said the weapons of all ELN fronts should be handed over within months."
    )
    request = of_type(extractor, text, "REQUEST")
    assert [(e.mode, e.actors, e.recipients) for e in request] == [("yield", ["COL"], ["ELN"])]


def test_a_welcome_by_a_body_the_article_does_not_name_is_the_speakers(extractor) -> None:
    text = (
        "Ethiopia and the TPLF signed a truce on Monday.\n\n"
        "Kenya's president, William Ruto, said the region welcomed the step."
    )
    support = [e for e in of_type(extractor, text, "SUPPORT") if e.actors == ["KEN"]]
    assert len(support) == 1
