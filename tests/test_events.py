"""Tests for the ``parley_events`` component (PLOVER events, VOCABULARY.md / ANNOTATION.md).

Every sentence here was written for these tests. The model is loaded once for the module.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from parley.errors import LexiconError
from parley.extract import events as events_module
from parley.extract.pipeline import Extractor
from parley.ingest.article import Article
from parley.record import Event
from parley.vocabulary import EVENT_MODES

DEV = Path(__file__).parent / "data" / "dev"
PUBLISHED = "2025-05-06"  # a Tuesday


def events(extractor: Extractor, text: str, published: str = PUBLISHED) -> list[Event]:
    return extractor.extract(Article.from_text(text, published=published, origin="test")).events


def one(extractor: Extractor, text: str, type_: str) -> Event:
    found = [e for e in events(extractor, text) if e.type == type_]
    assert len(found) == 1, f"expected one {type_} in {text!r}, got {found}"
    return found[0]


def participants(event: Event) -> set[str]:
    return set(event.actors) | set(event.recipients)


# --------------------------------------------------------------------------- types and modes


@pytest.mark.parametrize(
    ("text", "type_", "mode", "actors", "recipients"),
    [
        # CONSULT
        ("A Hamas delegation met Turkish Foreign Minister Hakan Fidan in Ankara on Sunday.",
         "CONSULT", "visit", ["HAMAS"], ["TUR"]),
        ("Egypt and Qatar mediated between Israel and Hamas.",
         "CONSULT", "third-party", ["EGY", "QAT"], ["ISR", "HAMAS"]),
        ("Russian and Ukrainian negotiators held talks in Istanbul on Monday.",
         "CONSULT", "multilateral", ["RUS", "UKR"], []),
        ("U.S. President Donald Trump spoke by telephone with Russian President Vladimir Putin on Saturday.",
         "CONSULT", "phone", ["USA"], ["RUS"]),
        # REQUEST
        ("Hamas urged Turkey to relay the offer to Washington.", "REQUEST", "assist", ["HAMAS"], ["TUR"]),
        ("The United States called on Israel to accept the proposal.", "REQUEST", "change", ["USA"], ["ISR"]),
        ("Israel demanded that Hamas release all the hostages.", "REQUEST", "yield", ["ISR"], ["HAMAS"]),
        ("Ukraine invited Russia to meet in Istanbul.", "REQUEST", "meet", ["UKR"], ["RUS"]),
        # AGREE, REJECT
        ("Qatar offered to host new talks between Israel and Hamas.", "AGREE", None, ["QAT"], ["ISR", "HAMAS"]),
        ("Hamas rejected the Egyptian proposal on Tuesday.", "REJECT", None, ["HAMAS"], ["EGY"]),
        ("Israel refused to meet the Hamas delegation.", "REJECT", "meet", ["ISR"], ["HAMAS"]),
        # SUPPORT
        ("Israel and Lebanon signed the agreement on Monday.", "SUPPORT", None, ["ISR", "LBN"], []),
        ("Israel's cabinet approved the agreement late on Tuesday.", "SUPPORT", None, ["ISR"], []),
        ("The European Union welcomed the ceasefire.", "SUPPORT", None, ["EU"], []),
        # CONCEDE (declared) and RETREAT (carried out)
        ("Hamas said it would release five hostages.", "CONCEDE", None, ["HAMAS"], []),
        ("Israel released 90 Palestinian prisoners on Sunday.", "RETREAT", "release", ["ISR"], ["PSE"]),
        ("Israeli forces withdrew from the town of Khiam on Monday.", "RETREAT", "withdraw", ["ISR"], []),
        ("A ceasefire between Israel and Hezbollah took effect on Wednesday.",
         "RETREAT", "ceasefire", ["ISR", "HEZBOLLAH"], []),
        ("Israel reopened the Rafah crossing on Monday.", "RETREAT", "access", ["ISR"], []),
        ("The M23 rebels laid down their weapons on Sunday.", "RETREAT", "disarm", ["M23"], []),
        # AID
        ("The United Nations delivered food aid to Yemen on Monday.", "AID", None, ["UN"], ["YEM"]),
        # ACCUSE
        ("Thailand accused Cambodia of violating the ceasefire on Tuesday.", "ACCUSE", "allege", ["THA"], ["KHM"]),
        ("Ukraine accused Russia of war crimes.", "ACCUSE", "disapprove", ["UKR"], ["RUS"]),
        ("The International Criminal Court opened an investigation into Russia.",
         "ACCUSE", "investigate", ["ICC"], ["RUS"]),
        # THREATEN
        ("Hamas threatened to suspend the talks with Israel.", "THREATEN", "relations", ["HAMAS"], ["ISR"]),
        ("Israel warned that it would strike Hezbollah if the group violated the truce.",
         "THREATEN", "violence", ["ISR"], ["HEZBOLLAH"]),
        # SANCTION
        ("Sudan's army suspended its participation in the talks with the RSF on Wednesday.",
         "SANCTION", "withdraw", ["SAF"], ["RSF"]),
        ("The United States imposed sanctions on the RSF on Thursday.", "SANCTION", None, ["USA"], ["RSF"]),
    ],
)
def test_events_type_mode_and_roles(extractor, text, type_, mode, actors, recipients) -> None:
    event = one(extractor, text, type_)
    assert event.mode == mode
    assert sorted(event.actors) == sorted(actors)
    assert sorted(event.recipients) == sorted(recipients)
    assert event.mode is None or event.mode in EVENT_MODES[event.type]
    assert event.evidence, "every event points at the clause that reports it"


def test_events_cover_every_negotiation_type_and_consult_mode() -> None:
    """The lexicon offers a cue for each type the brief codes and each CONSULT mode."""
    lexicon = events_module.load_event_lexicon()
    types = {cue.type for cue in lexicon.cues}
    for type_ in ("CONSULT", "REQUEST", "AGREE", "REJECT", "SUPPORT", "CONCEDE", "RETREAT", "AID",
                  "ACCUSE", "THREATEN", "SANCTION"):
        assert type_ in types
    consult_modes = {cue.mode for cue in lexicon.cues if cue.type == "CONSULT"}
    assert {"visit", "third-party", "multilateral", "phone"} <= consult_modes


# --------------------------------------------------------------------------- roles


def test_events_mediation_makes_the_mediator_the_actor(extractor) -> None:
    event = one(extractor, "The talks between Russia and Ukraine were brokered by Turkey.", "CONSULT")
    assert (event.mode, event.actors, sorted(event.recipients)) == ("third-party", ["TUR"], ["RUS", "UKR"])


def test_events_visit_makes_the_visitor_act_and_the_host_receive(extractor) -> None:
    event = one(extractor, "U.S. envoy Steve Witkoff arrived in Moscow on Thursday and met Putin.", "CONSULT")
    assert (event.mode, event.actors, event.recipients, event.location) == ("visit", ["USA"], ["RUS"], "Moscow")


def test_events_host_of_several_guests_is_a_meeting_of_all(extractor) -> None:
    text = "Egyptian President Abdel Fattah al-Sisi hosted Israeli Prime Minister Benjamin Netanyahu and Palestinian President Mahmoud Abbas in Cairo."
    event = one(extractor, text, "CONSULT")
    assert event.mode == "multilateral" and event.recipients == []
    assert set(event.actors) == {"EGY", "ISR", "PSE"}


def test_events_reciprocal_agreement_has_no_recipients(extractor) -> None:
    event = one(extractor, "Armenia and Azerbaijan agreed to open the border.", "AGREE")
    assert sorted(event.actors) == ["ARM", "AZE"] and event.recipients == []


def test_events_accepting_a_proposal_answers_its_author(extractor) -> None:
    event = one(extractor, "Israel and Lebanon accepted a U.S. proposal to end the fighting.", "AGREE")
    assert sorted(event.actors) == ["ISR", "LBN"] and event.recipients == ["USA"]


def test_events_object_pronoun_is_not_the_subject(extractor) -> None:
    text = "Washington blamed the Houthis for the failure and called on them to accept the proposal."
    request = one(extractor, text, "REQUEST")
    assert request.actors == ["USA"] and request.recipients == ["HOUTHIS"]


# --------------------------------------------------------------------------- where and when


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("A Hamas delegation met Turkish Foreign Minister Hakan Fidan in Ankara on Sunday.", "Ankara"),
        ("The proposal was agreed between U.S. and Ukrainian officials in the Saudi city of Jeddah on Tuesday.", "Jeddah"),
        ("Russian and Ukrainian negotiators held talks in Istanbul on Monday.", "Istanbul"),
    ],
)
def test_events_location_from_in_or_at(extractor, text, location) -> None:
    assert any(e.location == location for e in events(extractor, text))


def test_events_date_resolved_against_publication(extractor) -> None:
    event = one(extractor, "Israel released 90 Palestinian prisoners on Sunday.", "RETREAT")
    if event.date is None:
        pytest.skip("no dates component in the pipeline")
    assert (event.date, event.date_text) == ("2025-05-04", "on Sunday")


def test_events_act_at_a_dated_meeting_takes_its_date(extractor) -> None:
    text = (
        "A Hamas delegation met Turkish Foreign Minister Hakan Fidan in Ankara on Sunday.\n\n"
        "The delegation urged the Turkish officials to relay the offer to Washington, the sources said."
    )
    found = events(extractor, text)
    meeting = next(e for e in found if e.type == "CONSULT")
    request = next(e for e in found if e.type == "REQUEST")
    if meeting.date is None:
        pytest.skip("no dates component in the pipeline")
    assert request.date == meeting.date and request.location == "Ankara"


def test_events_background_before_the_news_is_not_coded(extractor) -> None:
    text = (
        "Sudan's army suspended its participation in the talks with the RSF on Wednesday.\n\n"
        "The two sides signed a seven-day ceasefire on May 10."
    )
    found = events(extractor, text, published="2025-06-01")
    if not any(e.date for e in found):
        pytest.skip("no dates component in the pipeline")
    assert [e.type for e in found] == ["SANCTION"]


# --------------------------------------------------------------------------- non-events


@pytest.mark.parametrize(
    "text",
    [
        "Israel did not meet the Hamas delegation.",  # negated
        "Qatar could mediate between Israel and Hamas.",  # hypothetical
        "There was no immediate comment from Israel.",  # press line
        "Israel declined to comment on the proposal.",  # press line
        "The Russian defence ministry said it had carried out a precision strike on the city.",  # attack
        "More than 60 people were wounded in the strike, regional officials said.",  # casualties
        "Putin asked how a ceasefire would be monitored along the front line.",  # a question
        "Under the deal, Israel would release 250 Palestinian prisoners.",  # proposal content
        "The European Union's envoy said Hezbollah could be disarmed if the army deployed.",  # hypothetical
    ],
)
def test_events_non_events(extractor, text) -> None:
    assert events(extractor, text) == []


def test_events_negated_modal_acceptance_is_a_rejection(extractor) -> None:
    event = one(extractor, "Hamas said it would not accept the Israeli proposal.", "REJECT")
    assert event.actors == ["HAMAS"] and event.recipients == ["ISR"]


def test_events_other_speakers_prediction_is_not_a_concession(extractor) -> None:
    text = "U.S. President Joe Biden said Israeli forces would gradually withdraw from southern Lebanon."
    assert [e for e in events(extractor, text) if e.type in ("CONCEDE", "RETREAT")] == []


def test_events_obligation_is_the_speakers_request(extractor) -> None:
    event = one(extractor, "U.S. envoy Steve Witkoff said Hamas should accept the U.S. framework.", "REQUEST")
    assert event.actors == ["USA"] and event.recipients == ["HAMAS"]


@pytest.mark.parametrize("name", ["d15", "d16"])
def test_events_negative_articles_have_none(extractor, name) -> None:
    gold = json.loads((DEV / f"{name}.json").read_text(encoding="utf-8"))["article"]
    found = events(extractor, gold["text"], published=gold["published"])
    assert found == []


# --------------------------------------------------------------------------- merging


def test_events_merge_repeated_mentions_of_one_interaction(extractor) -> None:
    text = (
        "Thailand accused Cambodia on Tuesday of violating the ceasefire.\n\n"
        "The Thai government said Cambodian forces had violated the truce in several areas."
    )
    accusations = [e for e in events(extractor, text) if e.type == "ACCUSE"]
    assert len(accusations) == 1
    assert accusations[0].actors == ["THA"] and accusations[0].recipients == ["KHM"]


def test_events_merge_co_signatories(extractor) -> None:
    text = (
        "The leaders of Armenia and Azerbaijan signed a joint declaration at the White House on Friday.\n\n"
        "U.S. President Donald Trump also put his signature to the declaration."
    )
    signings = [e for e in events(extractor, text, published="2025-08-09") if e.type == "SUPPORT"]
    assert len(signings) == 1 and set(signings[0].actors) == {"ARM", "AZE", "USA"}


def test_events_hosted_talks_join_the_meeting_they_refer_to(extractor) -> None:
    text = (
        "Russian and Ukrainian negotiators met in Istanbul on Monday.\n\n"
        "The talks were hosted by Turkey."
    )
    meetings = [e for e in events(extractor, text, published="2025-06-03") if e.type == "CONSULT"]
    assert len(meetings) == 1 and participants(meetings[0]) == {"RUS", "UKR", "TUR"}


# --------------------------------------------------------------------------- lexicon


def _lexicon_data() -> dict:
    path = Path(events_module.data_path(events_module.LEXICON))
    return json.loads(path.read_text(encoding="utf-8"))


def test_events_lexicon_loads_and_is_versioned() -> None:
    lexicon = events_module.load_event_lexicon()
    assert lexicon.version >= 1
    ids = [cue.id for cue in lexicon.cues]
    assert len(ids) == len(set(ids))
    for cue in lexicon.cues:
        assert cue.type in EVENT_MODES
        assert cue.mode is None or cue.mode in EVENT_MODES[cue.type]


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (lambda d: d["cues"][1].update(type="NEGOTIATE"), ".type"),
        (lambda d: d["cues"][1].update(mode="telepathy"), ".mode"),
        (lambda d: d["cues"][1].update(wrong_key=True), "wrong_key"),
        (lambda d: d["cues"][1].update(actor=["the_boss"]), ".actor"),
        (lambda d: d["cues"][1].update(object="spaceships"), ".object"),
        (lambda d: d.pop("classes"), "classes"),
    ],
)
def test_events_lexicon_errors_name_file_and_key(change, key) -> None:
    data = copy.deepcopy(_lexicon_data())
    change(data)
    with pytest.raises(LexiconError) as info:
        events_module.parse_event_lexicon(data)
    assert "events.json" in str(info.value) and key in str(info.value)


# --------------------------------------------------------------------------- interactions named by nouns


@pytest.mark.parametrize(
    ("text", "type_", "actors", "recipients"),
    [
        # a mediated meeting: the mediator acts, the sides receive
        ("The truce came after five days of UN-mediated talks between Sudan's army and the Rapid Support Forces.",
         "CONSULT", ["UN"], ["SAF", "RSF"]),
        # a participle the parser coordinated with the wrong verb still describes the talks
        ("Sudan's army and the Rapid Support Forces signed the truce after a week of talks hosted by Saudi Arabia "
         "in Jeddah and brokered by Riyadh and Washington.", "CONSULT", ["SAU", "USA"], ["SAF", "RSF"]),
        # a mediation noun that names its mediator
        ("Russia and Ukraine exchanged prisoners on Wednesday. The swap had been agreed thanks to mediation by "
         "the United Arab Emirates.", "CONSULT", ["ARE"], ["RUS", "UKR"]),
        # a call told as the circumstance of another act
        ("Israeli Prime Minister Benjamin Netanyahu described the offer to U.S. President Joe Biden in a call on Sunday.",
         "CONSULT", ["ISR"], ["USA"]),
        # a phrase with no verb of its own
        ("Egypt, Qatar and Turkey have been in contact with Israel and Hamas to keep the ceasefire on track.",
         "CONSULT", ["EGY", "QAT", "TUR"], ["ISR", "HAMAS"]),
        # "Hamas's talks with Turkish officials": the owner and the partner of the talks
        ("Hamas's talks with Turkish officials in Ankara were productive, the group said on Sunday.",
         "CONSULT", ["HAMAS"], ["TUR"]),
    ],
)
def test_events_interaction_named_by_a_noun(extractor, text, type_, actors, recipients) -> None:
    event = one(extractor, text, type_)
    assert sorted(event.actors) == sorted(actors) and sorted(event.recipients) == sorted(recipients)


def test_events_a_new_round_of_a_meeting_has_its_participants(extractor) -> None:
    text = ("Egyptian and Qatari mediators met Israeli and Hamas negotiators in Cairo on Monday. "
            "A second round began on Tuesday.")
    meetings = [e for e in events(extractor, text, published="2025-05-08") if e.type == "CONSULT"]
    assert [e.date for e in meetings] == ["2025-05-05", "2025-05-06"]
    assert all(participants(e) == {"EGY", "QAT", "ISR", "HAMAS"} for e in meetings)


def test_events_phone_diplomacy_of_mediators_reaches_the_sides(extractor) -> None:
    text = ("Qatar and Egypt are the mediators between Israel and Hamas.\n\n"
            "Officials from Qatar and Egypt worked the phones overnight to rescue the truce.")
    calls = [e for e in events(extractor, text) if e.type == "CONSULT" and e.mode == "phone"]
    assert len(calls) == 1 and set(calls[0].actors) == {"QAT", "EGY"} and set(calls[0].recipients) == {"ISR", "HAMAS"}


# --------------------------------------------------------------------------- types of less common acts


@pytest.mark.parametrize(
    ("text", "type_", "mode", "actors", "recipients"),
    [
        ("Russia on Monday walked away from the Black Sea grain deal with Ukraine.", "SANCTION", "withdraw", ["RUS"], ["UKR"]),
        ("U.S. President Donald Trump gave Hamas three days to respond to the plan.", "REQUEST", "yield", ["USA"], ["HAMAS"]),
        ("Malaysia has invited Thailand and Cambodia to talks in Kuala Lumpur next week.", "AGREE", None, ["MYS"], ["THA", "KHM"]),
        ("A convoy of the International Committee of the Red Cross carrying medicine reached Mekelle on Friday.",
         "AID", None, ["ICRC"], []),
        ("U.S. President Donald Trump spent several hours in Israel on Monday.", "CONSULT", "visit", ["USA"], ["ISR"]),
        ("Hamas handed over the coffins of four dead hostages to Israel late on Monday.", "RETREAT", "release", ["HAMAS"], ["ISR"]),
        ("Russia and Ukraine on Wednesday carried out their largest exchange of prisoners of war.",
         "RETREAT", "release", ["RUS", "UKR"], []),
        ("Israeli Prime Minister Benjamin Netanyahu said Hamas would be disarmed, by agreement or by military force.",
         "THREATEN", "violence", ["ISR"], ["HAMAS"]),
        ("Israeli Prime Minister Benjamin Netanyahu warned of further consequences if Hamas kept refusing the plan.",
         "THREATEN", None, ["ISR"], ["HAMAS"]),
        ("Washington gave its blessing to the agreement between Armenia and Azerbaijan.", "SUPPORT", None, ["USA"], []),
    ],
)
def test_events_less_common_acts(extractor, text, type_, mode, actors, recipients) -> None:
    event = one(extractor, text, type_)
    assert event.mode == mode
    assert sorted(event.actors) == sorted(actors) and sorted(event.recipients) == sorted(recipients)


# --------------------------------------------------------------------------- who acts, who receives


@pytest.mark.parametrize(
    ("text", "type_", "actors", "recipients"),
    [
        # the prisoners' nation stands for the other side of the conflict
        ("Hamas released 20 Israeli hostages on Monday and Israel began freeing 1,900 Palestinian prisoners.",
         "RETREAT", ["ISR"], ["HAMAS"]),
        # an answer with a counter-proposal goes to the author of the plan it answers
        ("Egypt put forward a ceasefire proposal to Israel and Hamas on Monday. Hamas accepted it on Tuesday, while "
         "Israel answered with a counter-proposal of its own.", "AGREE", ["ISR"], ["EGY"]),
        # a vague group that acts is an actor in its own words
        ("Opposition groups in Zimbabwe demanded that the government hold new elections.",
         "REQUEST", ["OPPOSITION_GROUPS_IN_ZIMBABWE"], ["ZWE"]),
        # "his Congolese counterpart": the nationality named, not the other side
        ("Rwanda's foreign minister met his Congolese counterpart in Luanda on Tuesday.", "CONSULT", ["RWA"], ["COD"]),
    ],
)
def test_events_roles_from_descriptions(extractor, text, type_, actors, recipients) -> None:
    found = [e for e in events(extractor, text, published="2025-05-08") if e.type == type_]
    assert any(sorted(e.actors) == sorted(actors) and sorted(e.recipients) == sorted(recipients) for e in found), found


def test_events_mediators_carrying_anothers_text_mediate(extractor) -> None:
    text = "Qatari and Egyptian mediators handed Hamas the U.S. proposal at a meeting in Doha on Tuesday."
    found = events(extractor, text)
    assert [e.type for e in found if e.type in ("AGREE", "CONSULT")] == ["CONSULT"]
    meeting = next(e for e in found if e.type == "CONSULT")
    assert set(meeting.actors) == {"QAT", "EGY"} and meeting.recipients == ["HAMAS"] and meeting.mode == "third-party"


# --------------------------------------------------------------------------- dates from context


def test_events_occasion_participle_dates_the_act(extractor) -> None:
    text = "Speaking to reporters at the White House on Tuesday, U.S. President Donald Trump gave Hamas three days to respond."
    assert one(extractor, text, "REQUEST").date == "2025-05-06"


def test_events_pronoun_subject_continues_the_dated_statement(extractor) -> None:
    text = ("The Israeli military said two soldiers were killed in Rafah on Sunday. "
            "It accused Hamas of a blatant breach of the ceasefire.")
    assert one(extractor, text, "ACCUSE").date == "2025-05-04"


def test_events_statement_at_a_dated_meeting_takes_its_date(extractor) -> None:
    text = ("Russian and Ukrainian negotiators met in Istanbul on Monday.\n\n"
            "Ukraine's delegation presented a memorandum.\n\n"
            "The delegations discussed prisoners.\n\n"
            "Russia's negotiator said Moscow would hand back the bodies of 6,000 Ukrainian soldiers.")
    assert one(extractor, text, "CONCEDE").date == "2025-05-05"


def test_events_past_act_with_a_weekday_hung_on_an_infinitive(extractor) -> None:
    text = "U.S. President Donald Trump unveiled a plan to end the war at the White House on Monday."
    assert one(extractor, text, "AGREE").date == "2025-05-05"


def test_events_bound_of_a_truce_gives_way_to_the_date_of_the_agreement(extractor) -> None:
    text = ("The agreement between Congo and Rwanda was reached on Tuesday.\n\n"
            "Congo and Rwanda have agreed to a ceasefire from midnight on Sunday.")
    agreements = [e for e in events(extractor, text, published="2025-05-08") if e.type == "AGREE"]
    assert len(agreements) == 1 and agreements[0].date == "2025-05-06"


def test_events_signing_that_names_no_signer_is_the_sides_signing(extractor) -> None:
    text = ("Armenia and Azerbaijan have agreed on the first stretch of their border. Under a protocol signed on "
            "Friday, Yerevan agreed that four villages will return to Azerbaijani control.")
    found = events(extractor, text, published="2024-04-20")
    assert [e.type for e in found] == ["SUPPORT"]
    assert set(found[0].actors) == {"ARM", "AZE"} and found[0].date == "2024-04-19"


# --------------------------------------------------------------------------- not news


@pytest.mark.parametrize(
    "text",
    [
        "Qatar, which brokered the January agreement between Israel and Hamas, condemned nothing.",  # describes a broker
        "The Luanda deal follows a truce between Congo and Rwanda brokered by the United States earlier this month.",
        "Hamas said on Sunday it remained committed to the ceasefire agreement with Israel.",  # a standing position
        "Jordan's foreign minister said he had asked Washington for clarifications on the plan.",  # asks for information
        "The Haitian government signed an agreement with a private security company on Monday.",  # a contract
        "Congo has repeatedly refused to negotiate with the M23 rebels.",  # habitual
        "For six weeks the Kremlin brokered truces between Armenia and Azerbaijan that collapsed within minutes.",
        "Hamas said it was willing to consider a long-term truce with Israel.",  # deliberation, a stance
        "Hamas insisted that talks with Israel on the second phase begin immediately.",  # a mandate, not an act
        "U.S. envoy Steve Witkoff is expected to travel to Israel next week.",  # someone's schedule
        "Egypt will present its reconstruction plan to Arab leaders at a summit in Cairo on Friday.",  # planned later
        "Israeli Prime Minister Benjamin Netanyahu has vowed to achieve total victory over Hamas.",  # a war aim
        "Tigrayan weapons are to be handed over at the same time as foreign forces pull out of the region.",  # a plan
    ],
)
def test_events_not_news(extractor, text) -> None:
    assert events(extractor, text, published="2025-05-08") == []


def test_events_welcome_that_urges_respect_is_one_act(extractor) -> None:
    text = "The U.N. Secretary-General welcomed the agreement between Israel and Hamas and urged both sides to respect it."
    assert [e.type for e in events(extractor, text)] == ["SUPPORT"]


def test_events_signing_commitment_is_the_content_of_the_signing(extractor) -> None:
    text = ("Sudan's army and the Rapid Support Forces signed a declaration late on Thursday, committing to "
            "protect civilians.")
    assert [e.type for e in events(extractor, text)] == ["SUPPORT"]


def test_events_background_of_a_vague_past_period_is_dropped(extractor) -> None:
    text = ("Colombia's government and the Segunda Marquetalia signed a roadmap on Friday.\n\n"
            "The government suspended its dialogue with the ELN earlier this year after a string of attacks.")
    assert [e.type for e in events(extractor, text, published="2024-06-29")] == ["SUPPORT"]


# --------------------------------------------------------------------------- merging


def test_events_acts_on_different_proposals_are_not_merged(extractor) -> None:
    text = ("The UN put forward a proposal to reopen the roads on Wednesday. "
            "The Houthis answered with a plan of their own.")
    offers = [e for e in events(extractor, text, published="2022-06-02") if e.type == "AGREE"]
    assert {tuple(e.actors) for e in offers} == {("UN",), ("HOUTHIS",)}


def test_events_a_person_with_no_known_actor_still_acts(extractor) -> None:
    """A named person the article ties to no actor: the act is kept, with no actor id."""
    event = one(extractor, "Lt. Gen. Prosper Avril resigned yesterday to allow elections to take place.", "RETREAT")
    assert event.actors == [] and event.recipients == []
