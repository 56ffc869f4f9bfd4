"""Actor roles (ANNOTATION.md, VOCABULARY.md) on short articles written for these tests.

Each case states or shows one role and checks that the record gives it, or that a near miss
(a hypothetical, a request, a future venue, a side that only welcomes) does not.
"""

from __future__ import annotations

import pytest

from parley.extract.pipeline import Extractor
from parley.ingest.article import Article


def _roles(extractor: Extractor, text: str, published: str = "2025-03-12") -> dict[str, list[str]]:
    record = extractor.extract(Article.from_text(text, published=published))
    return {a.id: a.roles for a in record.actors}


# A lede that makes the article one about a negotiation, so that roles are given at all.
LEDE = "Armenia and Azerbaijan signed a ceasefire agreement on Tuesday after weeks of talks. "


@pytest.mark.parametrize(
    ("text", "actor", "role"),
    [
        # mediator: brokering, mediation, mediators, relative clauses, hyphenated compounds
        (LEDE + "The agreement was brokered by Kazakhstan over three rounds.", "KAZ", "mediator"),
        (LEDE + "Oman, which has mediated between the two neighbours for months, welcomed the signing.", "OMN", "mediator"),
        (LEDE + "The deal followed a Qatar-brokered truce that held for a week.", "QAT", "mediator"),
        (LEDE + "The talks were led by Swiss mediators in a hotel outside the city.", "CHE", "mediator"),
        (LEDE + "Both sides praised the mediation of Norway.", "NOR", "mediator"),
        # facilitator
        (LEDE + "Kenya, the facilitator of the process, said it would keep the channel open.", "KEN", "facilitator"),
        # relay: asked to carry a message
        (LEDE + "Baku asked Georgia to relay a message to Yerevan about prisoners.", "GEO", "relay"),
        # host: hosted by, and talks held in a third state's city
        (LEDE + "The talks, hosted by Saudi Arabia, ended late on Monday.", "SAU", "host"),
        (LEDE + "Saudi officials said the two delegations had met in Jeddah for five hours.", "SAU", "host"),
        # guarantor
        (LEDE + "Turkey, Russia and France will act as guarantors of the agreement.", "TUR", "guarantor"),
        (LEDE + "The guarantor countries, Turkey and France, attended the ceremony.", "FRA", "guarantor"),
        # backer
        (LEDE + "Turkey, Azerbaijan's closest backer, called the deal a victory.", "TUR", "backer"),
        (LEDE + "The separatists, backed by Russia, did not take part.", "RUS", "backer"),
        # monitor: a body led by an actor, or an actor's team of observers
        (LEDE + "A mechanism led by the European Union will monitor the ceasefire line.", "EU", "monitor"),
        (LEDE + "Georgia said it would coordinate a team of OSCE observers to verify the truce.", "OSCE", "monitor"),
        # an invitation to its capital is hosting, even for a round still to come
        (LEDE + "Georgia, the facilitator, has invited both delegations to Tbilisi next week.", "GEO", "host"),
        # "the two governments" just named are asked to carry the text
        (LEDE + "Georgian and Turkish diplomats met in Ankara. Baku asked the two governments to deliver the text.",
         "GEO", "relay"),
        # observer / witness
        (LEDE + "Representatives of the United Nations attended the signing as observers.", "UN", "observer_witness"),
        # endorser: a third party that welcomes the deal
        (LEDE + "The African Union welcomed the agreement as an important step.", "AU", "endorser"),
        # parties: the signatories
        (LEDE + "The European Union welcomed the deal.", "ARM", "party"),
        (LEDE + "The European Union welcomed the deal.", "AZE", "party"),
    ],
)
def test_roles_stated_role_is_given(extractor: Extractor, text: str, actor: str, role: str) -> None:
    assert role in _roles(extractor, text).get(actor, [])


@pytest.mark.parametrize(
    ("text", "actor", "role"),
    [
        # a hypothetical or a request is not a role
        (LEDE + "Analysts said Kazakhstan could play a role in brokering a final treaty.", "KAZ", "mediator"),
        (LEDE + "Yerevan wants the United States to guarantee the agreement.", "USA", "guarantor"),
        (LEDE + "Baku said Georgia was ready to host the next round.", "GEO", "host"),
        # a future venue is no host
        (LEDE + "The next round of talks will be held in Tbilisi in May, Georgian officials said.", "GEO", "host"),
        # a side that welcomes its own deal is a party, not an endorser
        (LEDE + "Azerbaijan welcomed the agreement as historic.", "AZE", "endorser"),
        # a mediator that convenes the talks is not also a facilitator
        (LEDE + "The talks were convened and mediated by Kazakhstan.", "KAZ", "facilitator"),
        # a third party is not a party
        (LEDE + "The agreement was brokered by Kazakhstan over three rounds.", "KAZ", "party"),
        # a would-be patron is none yet
        (LEDE + "Both leaders said they would support nominating Kazakhstan's president for a prize.", "ARM", "backer"),
        # backing a plan is a stance, not backing a side
        (LEDE + "France backed the agreement on Wednesday.", "FRA", "backer"),
        # a patron's own ally is not its backer: "its main backer" names the one backed
        (LEDE + "Turkey, Azerbaijan's closest backer, called the deal a victory.", "AZE", "backer"),
    ],
)
def test_roles_near_miss_gives_no_role(extractor: Extractor, text: str, actor: str, role: str) -> None:
    assert role not in _roles(extractor, text).get(actor, [])


def test_roles_guarantor_list_is_not_the_parties(extractor: Extractor) -> None:
    text = LEDE + "The deal is backed by guarantor countries Turkey, France and Kazakhstan."
    roles = _roles(extractor, text)
    for actor in ("TUR", "FRA", "KAZ"):
        assert "guarantor" in roles.get(actor, [])
    assert "backer" not in roles.get("ARM", []) and "backer" not in roles.get("AZE", [])


def test_roles_party_component_of_a_side(extractor: Extractor) -> None:
    text = (
        "Israel and Hamas agreed on a ceasefire on Wednesday, mediators said. "
        "The far-right Jewish Power party threatened to quit the government over the deal, "
        "while the opposition Yesh Atid party said it would back it from outside."
    )
    roles = _roles(extractor, text, "2025-01-16")
    assert "party_component" in roles.get("OTZMA_YEHUDIT", [])
    assert "party_component" not in roles.get("YESH_ATID", [])
    assert "party" in roles.get("ISR", []) and "party" in roles.get("HAMAS", [])


def test_roles_signers_are_parties_unless_they_guarantee(extractor: Extractor) -> None:
    text = (
        "Sudan's army and the Rapid Support Forces signed a declaration in Jeddah on Thursday. "
        "Saudi Arabia and the United States, which facilitated the talks, signed a separate "
        "pledge in which they undertook to act as guarantors."
    )
    roles = _roles(extractor, text, "2023-05-12")
    assert "party" in roles.get("SAF", []) and "party" in roles.get("RSF", [])
    assert "party" not in roles.get("USA", [])
    assert "facilitator" in roles.get("USA", []) and "guarantor" in roles.get("USA", [])
    assert "host" in roles.get("SAU", [])


def test_roles_dateline_city_hosts_talks_held_here(extractor: Extractor) -> None:
    text = (
        "NAIROBI, Kenya — Ethiopia and the Tigray People's Liberation Front signed a declaration "
        "here on Saturday after talks convened by the African Union. Kenya's foreign ministry "
        "said the signing opened the way for aid."
    )
    roles = _roles(extractor, text, "2022-11-13")
    assert "host" in roles.get("KEN", [])
    assert "facilitator" in roles.get("AU", [])


def test_roles_envoy_tabling_a_text_mediates(extractor: Extractor) -> None:
    text = (
        "Yemen's government and the Houthis rejected parts of a truce plan on Sunday. The "
        "proposal UN envoy Hans Grundberg submitted to the parties on Saturday would extend "
        "the truce by six months."
    )
    roles = _roles(extractor, text, "2022-10-03")
    assert "mediator" in roles.get("UN", [])


def test_roles_none_without_negotiation(extractor: Extractor) -> None:
    text = (
        "Shelling killed 12 people in Kharkiv overnight, Ukrainian officials said. Russia's "
        "defence ministry said its forces had struck military targets. Residents said the "
        "blasts shook buildings across the city."
    )
    record = extractor.extract(Article.from_text(text, published="2025-04-05"))
    assert record.actors and all(a.roles == [] for a in record.actors)


def test_roles_evidence_is_kept_for_explain(extractor: Extractor) -> None:
    doc = extractor.nlp(extractor._doc(Article.from_text(LEDE + "The agreement was brokered by Kazakhstan.")))
    evidence = doc._.parley.extra["role_evidence"]
    assert ("mediator", "verb broker by") in evidence["KAZ"]


@pytest.mark.parametrize(
    ("name", "patch"),
    [
        ("roles.json", {"roles": {"mediator": {"verbs": ["mediate", " broker"]}}}),
        ("roles.json", {"roles": {"umpire": {"verbs": ["referee"]}}}),
        ("places.json", {"cities": {"Doha": "XXQ"}}),
    ],
)
def test_roles_cue_files_are_validated(monkeypatch: pytest.MonkeyPatch, name: str, patch: dict) -> None:
    from parley.errors import LexiconError
    from parley.extract import role_cues

    real = role_cues.load_cue_file

    def broken(file: str, required: dict) -> dict:
        data = real(file, required)
        return {**data, **patch} if file == name else data

    monkeypatch.setattr(role_cues, "load_cue_file", broken)
    with pytest.raises(LexiconError):
        role_cues.RoleCues()
