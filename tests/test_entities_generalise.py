"""The entity layer on wording and conflicts the tuning corpora do not use.

Each test names the principle it checks: who governs a state at the article's date, a name's
own words, titles in apposition, documents named for their issuer, speakers on the line of
their verb, outside voices, and roles read from syntax (passive agents, the place of talks).
"""

from __future__ import annotations

import pytest

from parley.extract.pipeline import Extractor
from parley.ingest.article import Article
from parley.lexicon.actors import ActorRegistry


def _record(extractor: Extractor, text: str, published: str = "2025-06-10"):
    return extractor.extract(Article.from_text(text, published=published))


def _roles(extractor: Extractor, text: str, published: str = "2025-06-10") -> dict[str, list[str]]:
    return {a.id: a.roles for a in _record(extractor, text, published).actors}


# -- actors ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        ("MINUSCA", "MINUSCA"),
        ("UNMOGIP", "UNMOGIP"),
        ("African Union Support and Stabilization Mission in Somalia", "AUSSOM"),
        ("Radaa Deterrence Force", "RADAA"),
        ("Stability Support Apparatus", "SSA"),
        ("Gulf Clan", "GULF_CLAN"),
        ("Clan del Golfo", "GULF_CLAN"),
        ("Quad", "QUAD"),
        ("Haqqani network", "HAQQANI_NETWORK"),
        ("Patriotic Union of Kurdistan", "PUK"),
    ],
)
def test_registry_knows_missions_groups_and_coalitions(name: str, actor: str) -> None:
    assert [e.id for e in ActorRegistry.load().lookup(name)][:1] == [actor]


def test_governing_group_is_the_state_after_it_took_power(extractor: Extractor) -> None:
    text = (
        "Taliban negotiators met Uzbek officials in Tashkent on Monday to discuss a railway deal."
    )
    after = {a.id for a in _record(extractor, text, "2024-02-05").actors}
    before = {a.id for a in _record(extractor, text, "2019-02-05").actors}
    assert "AFG" in after and "TALIBAN" not in after
    assert "TALIBAN" in before


def test_army_in_a_rebel_groups_name_is_not_the_states_military(extractor: Extractor) -> None:
    text = (
        "Myanmar's ruling council extended martial law on Friday. The Kachin Independence Army "
        "said it had captured a border post, and the military denied losing it."
    )
    record = _record(extractor, text)
    military = next(text.index(w) for w in ("the military",))
    owner = [a.id for a in record.actors if any(s <= military < e for s, e in a.mentions)]
    assert owner == ["MMR"]


# -- people ---------------------------------------------------------------------------------


def test_people_registry_namesake_in_another_office(extractor: Extractor) -> None:
    text = (
        "Interior Minister Pedro Sánchez told lawmakers in Lima that police would guard the mines."
    )
    person = next(p for p in _record(extractor, text).people if p.name.endswith("nchez"))
    assert person.affiliation != "ESP"


def test_people_title_in_apposition_before_the_name(extractor: Extractor) -> None:
    text = (
        "Ecuador's government declared a state of emergency on Sunday. The interior minister, "
        "Carla Mendoza, said troops would patrol the ports."
    )
    person = next(p for p in _record(extractor, text).people if p.name == "Carla Mendoza")
    assert person.title == "interior minister"
    assert person.affiliation == "ECU"


# -- sources --------------------------------------------------------------------------------


def _sources(extractor: Extractor, text: str):
    return _record(extractor, text).sources


def test_sources_document_named_for_the_office_that_issued_it(extractor: Extractor) -> None:
    text = (
        "Ethiopia's foreign ministry said in a statement on Monday that the border would stay open."
    )
    docs = [s for s in _sources(extractor, text) if s.kind == "document"]
    assert [(s.name, s.affiliation) for s in docs] == [
        ("statement of Ethiopia's foreign ministry", "ETH")
    ]


def test_sources_document_subject_with_its_issuer(extractor: Extractor) -> None:
    text = "The communique, issued by the Kenyan presidency, said both sides would meet in Nairobi."
    docs = [s for s in _sources(extractor, text) if s.kind == "document"]
    assert len(docs) == 1 and docs[0].affiliation == "KEN"
    assert docs[0].name.endswith("communique of the Kenyan presidency")


def test_sources_the_statement_is_the_document_quoted_before(extractor: Extractor) -> None:
    text = (
        "The M23 said in a statement posted online late on Friday that it would leave the town. "
        "Its fighters would be gone by Sunday, the statement said."
    )
    docs = [s for s in _sources(extractor, text) if s.kind == "document"]
    assert [s.name for s in docs] == ["statement posted online"]
    assert len(docs[0].mentions) == 2


def test_sources_speaker_is_on_the_line_of_its_verb(extractor: Extractor) -> None:
    text = (
        "Live\n\n14.05 CET\nThe office of the Armenian prime minister has confirmed the talks "
        "would go ahead."
    )
    names = [s.name for s in _sources(extractor, text)]
    assert not any("CET" in (n or "") for n in names)
    assert any((n or "").startswith("The office of the Armenian prime minister") for n in names)


def test_sources_his_spokesman_names_whom_he_speaks_for(extractor: Extractor) -> None:
    text = "The AU envoy, Moussa Faki, welcomed the truce. His spokesman said Faki would travel to Juba."
    names = [s.name for s in _sources(extractor, text)]
    assert "His spokesman (Faki's)" in names


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        (
            "Four people died in the blast, municipal officials said.",
            "official",
            "municipal officials",
        ),
        (
            "Aid agencies said the convoy had been turned back at the border.",
            "unspecified",
            "Aid agencies",
        ),
        (
            "An exiled Sudanese opposition group said the army had shelled the camp.",
            "unspecified",
            "An exiled Sudanese opposition group",
        ),
        (
            "Armenian officials accused Azerbaijan of shelling border villages.",
            "official",
            "Armenian officials",
        ),
    ],
)
def test_sources_kind_by_what_the_speaker_is(
    extractor: Extractor, text: str, kind: str, name: str
) -> None:
    assert any(s.kind == kind and s.name == name for s in _sources(extractor, text)), _sources(
        extractor, text
    )


def test_sources_participle_accusing_is_an_act_not_a_source(extractor: Extractor) -> None:
    text = (
        "Azerbaijan's army suspended the border talks, accusing Armenia of shelling its positions."
    )
    assert _sources(extractor, text) == []


def test_sources_one_official_is_one_of_the_sources_just_quoted(extractor: Extractor) -> None:
    text = (
        'Colombian government sources said the talks had stalled. "Nothing is agreed," one '
        "official said."
    )
    anonymous = [s for s in _sources(extractor, text) if s.kind == "anonymous"]
    assert len(anonymous) == 1 and len(anonymous[0].mentions) == 2


def test_sources_spokesman_for_an_unnamed_company_is_anonymous(extractor: Extractor) -> None:
    text = "A spokesman for one large insurer said premiums would stay high until the truce held."
    assert [s.kind for s in _sources(extractor, text)] == ["anonymous"]


@pytest.mark.parametrize(
    ("text", "affiliation"),
    [
        ("A European diplomat in Kinshasa said the deal was fragile.", None),
        ("A security source in Kigali said the troops would stay.", "RWA"),
        ("Ethiopia's TPLF said it would hand over heavy weapons.", "TPLF"),
    ],
)
def test_sources_affiliation_from_the_phrase(
    extractor: Extractor, text: str, affiliation: str | None
) -> None:
    sources = _sources(extractor, text)
    assert [s.affiliation for s in sources] == [affiliation], sources


# -- roles ----------------------------------------------------------------------------------


def test_roles_hosting_forces_is_not_hosting_talks(extractor: Extractor) -> None:
    text = (
        "Ethiopia and the TPLF agreed to a truce on Monday. Djibouti, which hosts French troops, "
        "welcomed the agreement."
    )
    assert "host" not in _roles(extractor, text).get("DJI", [])


def test_roles_host_is_the_state_where_the_talks_were_held(extractor: Extractor) -> None:
    text = (
        "Congo and the M23 agreed to a ceasefire on Wednesday. Angola, Kenya and Qatar, which "
        "have offered guarantees, hosted a Congolese delegation in Luanda on Tuesday for talks "
        "with the rebels."
    )
    roles = _roles(extractor, text)
    assert "host" in roles.get("AGO", [])
    assert "host" not in roles.get("KEN", []) and "host" not in roles.get("QAT", [])


def test_roles_conjoined_passive_shares_its_agent(extractor: Extractor) -> None:
    text = (
        "Armenia and Azerbaijan agreed to a border deal on Friday at talks that were hosted by "
        "Switzerland and mediated jointly with Norway."
    )
    roles = _roles(extractor, text)
    assert "mediator" in roles.get("CHE", [])
    assert "mediator" in roles.get("NOR", []) and "host" not in roles.get("NOR", [])


def test_roles_strikes_in_a_place_do_not_host(extractor: Extractor) -> None:
    text = (
        "Congo and the M23 agreed to a truce on Monday. Hours later drones struck positions in "
        "Rwanda's Rubavu district."
    )
    assert "host" not in _roles(extractor, text).get("RWA", [])


def test_roles_coordinating_an_operation_is_not_backing(extractor: Extractor) -> None:
    text = (
        "Congo and the M23 signed a truce on Monday. Peacekeepers were deployed in coordination "
        "with MONUSCO to watch the front line."
    )
    assert "backer" not in _roles(extractor, text).get("MONUSCO", [])


def test_roles_welcomed_by_makes_endorsers(extractor: Extractor) -> None:
    text = (
        "Armenia and Azerbaijan signed a peace agreement on Friday. The agreement was welcomed "
        "by France and by the European Union."
    )
    roles = _roles(extractor, text)
    assert "endorser" in roles.get("FRA", [])
    assert "endorser" in roles.get("EU", [])


def test_roles_messages_carried_between_sides_make_a_relay(extractor: Extractor) -> None:
    text = (
        "Colombia and the ELN agreed to resume talks on Monday. Messages between the two sides "
        "have been carried by Brazil's foreign ministry."
    )
    assert "relay" in _roles(extractor, text).get("BRA", [])


def test_roles_signing_another_pact_in_an_aside_is_no_side(extractor: Extractor) -> None:
    text = (
        "Ethiopia and the TPLF signed a truce on Monday. Turkey, which signed a security pact "
        "with Somalia last year, welcomed the truce."
    )
    assert "party" not in _roles(extractor, text).get("TUR", [])


def test_sources_registry_one_word_form_is_the_person(extractor: Extractor) -> None:
    text = (
        "Chinese President Xi Jinping met the Kazakh leader in Astana on Tuesday. Xi told "
        "reporters the pipeline talks had gone well."
    )
    sources = [s for s in _sources(extractor, text) if s.kind == "official"]
    assert [(s.name, s.affiliation) for s in sources] == [("Xi Jinping", "CHN")]


def test_sources_unnamed_officer_belongs_to_the_army_last_named(extractor: Extractor) -> None:
    text = (
        "Washington and Riyadh urged calm on Monday, and Washington said the United States "
        "would keep pressing. The Sudanese army said it would fight on. A senior army officer, "
        "speaking on condition of anonymity, said no envoy had called."
    )
    anonymous = [s for s in _sources(extractor, text) if s.kind == "anonymous"]
    assert [s.affiliation for s in anonymous] == ["SAF"]


def test_national_red_cross_society_is_not_the_icrc(extractor: Extractor) -> None:
    text = (
        "Gunmen attacked a convoy of the Kenya Red Cross near Mandera, the Somali government said."
    )
    assert "ICRC" not in {a.id for a in _record(extractor, text).actors}


def test_state_that_only_places_another_actor_is_not_an_actor(extractor: Extractor) -> None:
    text = "Iraq's Kurdistan Democratic Party said it would join the new cabinet talks in Baghdad."
    actors = {a.id for a in _record(extractor, text).actors}
    assert "KDP" in actors and "IRQ" not in actors


def test_state_news_agency_is_an_outlet_not_an_actor(extractor: Extractor) -> None:
    text = "Bahrain and Qatar agreed to restore flights, the Kuwait News Agency reported on Sunday."
    record = _record(extractor, text)
    assert not any("NEWS_AGENCY" in a.id for a in record.actors)
    assert any(s.kind == "media" and s.name == "Kuwait News Agency" for s in record.sources)


def test_roles_alongside_shares_a_stated_role(extractor: Extractor) -> None:
    text = (
        "Armenia and Azerbaijan signed a peace treaty on Friday. Georgia and Kazakhstan, which "
        "signed on as guarantors of the treaty alongside the European Union, welcomed it."
    )
    roles = _roles(extractor, text)
    assert "guarantor" in roles.get("GEO", []) and "guarantor" in roles.get("EU", [])


def test_sources_bare_spokesperson_speaks_for_the_subject_before(extractor: Extractor) -> None:
    text = (
        "The African Union said it would send observers to the border. A spokesperson said the "
        "first team could leave within a week."
    )
    officials = [
        s for s in _sources(extractor, text) if s.name and s.name.startswith("A spokesperson")
    ]
    assert [(s.name, s.affiliation) for s in officials] == [
        ("A spokesperson of the African Union", "AU")
    ]


@pytest.mark.parametrize(
    ("text", "speaks"),
    [
        (
            "Kenya's army chief called his Somali counterpart on a secure line late on Friday.",
            False,
        ),
        ("Kenya's foreign ministry called the border closure a violation of the accord.", True),
        ("Kenya's foreign ministry called for calm along the border.", True),
    ],
)
def test_sources_calling_someone_up_is_not_attribution(
    extractor: Extractor, text: str, speaks: bool
) -> None:
    assert bool(_sources(extractor, text)) is speaks


def test_roles_in_contact_with_both_sides_mediates(extractor: Extractor) -> None:
    text = (
        "Armenia and Azerbaijan agreed to a ceasefire on Sunday. Kazakhstan has been in contact "
        "with both sides to keep the truce in place, officials said."
    )
    assert "mediator" in _roles(extractor, text).get("KAZ", [])


def test_roles_talks_held_with_each_side_mediate(extractor: Extractor) -> None:
    text = (
        "Colombia and the ELN agreed to a truce on Monday. The deal followed months of "
        "discussions conducted by Norway with the Colombian government and with the ELN leadership in Havana."
    )
    assert "mediator" in _roles(extractor, text).get("NOR", [])


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        (
            "King Hassan of Morocco said he was ready to host the two delegations in Rabat.",
            "Hassan",
            "King",
        ),
        ("Pope Leo urged both armies to respect the Easter truce.", "Leo", "Pope"),
    ],
)
def test_entities_a_monarch_or_cleric_goes_by_one_name(
    extractor: Extractor, text: str, name: str, title: str
) -> None:
    """A title that takes a single name makes that name a person, registry or not."""
    people = {p.name: p for p in _record(extractor, text).people}
    assert name in people and people[name].title == title


def test_entities_a_registry_one_word_form_keeps_the_full_registry_name(
    extractor: Extractor,
) -> None:
    """ "Emir Tamim": the registry's Tamim bin Hamad Al Thani, not "… Al Tamim"."""
    people = _record(
        extractor, "Emir Tamim received the Hamas delegation in Doha on Sunday."
    ).people
    assert [(p.name, p.affiliation) for p in people] == [("Tamim bin Hamad Al Thani", "QAT")]
