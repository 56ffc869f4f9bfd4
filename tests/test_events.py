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
from parley.extract.pipeline import COMPONENTS, Extractor
from parley.ingest.article import Article
from parley.record import Event
from parley.vocabulary import EVENT_MODES

DEV = Path(__file__).parent / "data" / "dev"
PUBLISHED = "2025-05-06"  # a Tuesday


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    components = list(COMPONENTS)
    if "parley_events" not in components:
        components.append("parley_events")
    return Extractor(components=components)


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
