"""The entity layer: actors, people and sources on sentences written for these tests."""

from __future__ import annotations

import pytest

from parley.extract.pipeline import Extractor
from parley.ingest.article import Article


def _record(extractor: Extractor, text: str, published: str = "2025-05-06"):
    return extractor.extract(Article.from_text(text, published=published))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Qatari mediators met Hamas negotiators in Doha on Monday.", {"QAT", "HAMAS"}),
        ("Israel said it would send a delegation to Cairo.", {"ISR"}),
        ("The Kremlin rejected the offer, while Kyiv said it was studying it.", {"RUS", "UKR"}),
        ("Sudan's army and the Rapid Support Forces traded accusations.", {"SAF", "RSF"}),
        ("Talks with Russia resumed in Istanbul.", {"RUS"}),
    ],
)
def test_extract_entities_agentive_actors(extractor: Extractor, text: str, expected: set[str]) -> None:
    assert {a.id for a in _record(extractor, text).actors} == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Palestinian prisoners would be freed under the plan, Hamas said.", "PSE"),
        ("A strike hit a market in Gaza, Israel's military said, while a London-based monitor counted the dead.", "GBR"),
        ("Sudan's two-year war has displaced millions, the army said.", "SDN"),
        ("Former Nigerian president Olusegun Obasanjo led the African Union panel.", "NGA"),
    ],
)
def test_extract_entities_places_and_peoples_are_not_actors(extractor: Extractor, text: str, absent: str) -> None:
    assert absent not in {a.id for a in _record(extractor, text).actors}


def test_extract_entities_descriptive_reference_resolves(extractor: Extractor) -> None:
    text = "Hamas delegates arrived in Cairo. Two sources in the Palestinian group said it wanted guarantees."
    record = _record(extractor, text)
    assert "PSE" not in {a.id for a in record.actors}
    anonymous = [s for s in record.sources if s.kind == "anonymous"]
    assert anonymous and anonymous[0].affiliation == "HAMAS"


@pytest.mark.parametrize(
    ("text", "name", "affiliation"),
    [
        ("Turkish Foreign Minister Hakan Fidan met the delegation.", "Hakan Fidan", "TUR"),
        ("Hamas's Gaza chief Khalil al-Hayya said the group had answered.", "Khalil al-Hayya", "HAMAS"),
        ("The envoy, Morgan Ortagus, arrived. Ortagus said little.", "Morgan Ortagus", "USA"),
        ("Foreign ministers Ararat Mirzoyan of Armenia and Jeyhun Bayramov of Azerbaijan spoke.", "Jeyhun Bayramov", "AZE"),
    ],
)
def test_extract_entities_people_with_affiliation(extractor: Extractor, text: str, name: str, affiliation: str) -> None:
    people = {p.name: p for p in _record(extractor, text).people}
    assert name in people
    assert people[name].affiliation == affiliation


def test_extract_entities_surname_joins_full_name(extractor: Extractor) -> None:
    text = "Prime Minister Benjamin Netanyahu spoke on Sunday. Netanyahu said the talks would go on."
    people = _record(extractor, text).people
    assert [p.name for p in people] == ["Benjamin Netanyahu"]
    assert len(people[0].mentions) == 2


@pytest.mark.parametrize(
    ("text", "kind", "affiliation"),
    [
        ("An Israeli official, speaking on condition of anonymity, said the talks had stalled.", "anonymous", "ISR"),
        ("The sources told the daily Asharq Al-Awsat that Hamas had agreed.", "media", None),
        ("In a statement, Hamas said it had received the proposal.", "document", "HAMAS"),
        ("The Kremlin said it was studying the offer.", "official", "RUS"),
        ("Residents said the shelling went on all night.", "unspecified", None),
    ],
)
def test_extract_entities_source_kinds(extractor: Extractor, text: str, kind: str, affiliation: str | None) -> None:
    sources = _record(extractor, text).sources
    assert any(s.kind == kind and s.affiliation == affiliation for s in sources), sources


def test_extract_entities_offsets_index_the_text(extractor: Extractor) -> None:
    text = "Egyptian mediators handed Hamas a new proposal on Sunday, Egypt's foreign ministry said."
    record = _record(extractor, text)
    article_text = Article.from_text(text).text
    for actor in record.actors:
        for start, end in actor.mentions:
            assert article_text[start:end]
