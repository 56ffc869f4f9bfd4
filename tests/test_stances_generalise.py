"""Stances in other writers' phrasing: pair subjects, quoted sources as subjects, passive
agents, hypothetical breaches, aims-only approvals, implicative verbs, conditions.

Every text is written for these tests about conflicts and wording not found in the corpora.
"""

from __future__ import annotations

import pytest

from parley.extract.pipeline import Extractor
from parley.ingest import Article
from parley.record import Record

AGREED = "Serbia and Kosovo agreed on Monday to a ceasefire along the boundary line, the EU said. "


def _stances(extractor: Extractor, text: str) -> set[tuple[str, str, str | None, str | None]]:
    record: Record = extractor.extract(Article.from_text(text, published="2025-05-06"))
    proposer = {p.id: p.proposer for p in record.proposals}
    return {(s.actor, s.stance, proposer.get(s.proposal), s.term) for s in record.stances}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pair expression as subject is the two sides
        (
            AGREED + "Each side has accused the other of violating the truce.",
            {("SRB", "accuses_violation", None, None), ("XKX", "accuses_violation", None, None)},
        ),
        # a quantified subject takes the actor of its complement; a negated own-side "agreed to
        # anything" denies the report
        (
            AGREED
            + 'A Kosovo envoy said both sides had agreed in principle. "Nobody in the Kosovo government has agreed '
            'to anything," a Kosovo official said.',
            {("XKX", "denies_report", None, None)},
        ),
        # "the country" under a ministry's speech verb is the ministry's side
        (
            "Serbia and Kosovo signed a ceasefire agreement on Monday. Kosovo's foreign ministry said in a statement "
            "that the country remained committed to the ceasefire while accusing Serbia of violating it.",
            {("XKX", "accuses_violation", None, None)},
        ),
        # two passive agents, the second after a relative clause
        (
            AGREED
            + "The ceasefire was welcomed by Japan, which has long funded projects in the region, "
            "and by the United Nations.",
            {("JPN", "endorses", None, None), ("UN", "endorses", None, None)},
        ),
        # "insisted there was no agreement" denies the report
        (
            AGREED
            + 'Kosovo\'s prime minister at first insisted there was "no agreement" on any ceasefire.',
            {("XKX", "denies_report", None, None)},
        ),
        # "agreed 'in principle'" with the words in quotation marks
        (
            AGREED + 'A German envoy said both governments had agreed "in principle" to the text.',
            {("SRB", "accepts_in_principle", None, None)},
        ),
    ],
)
def test_stances_generalise_found(extractor: Extractor, text: str, expected: set) -> None:
    found = _stances(extractor, text)
    assert expected <= found, found


def test_stances_generalise_aims_only(extractor: Extractor) -> None:
    """Approving a proposal's aims backs the framework: accepts_in_principle, not signs."""
    text = (
        "Norway presented a proposal to end the fighting between Colombia and the ELN on Sunday. "
        "At a session on Friday the Colombian cabinet approved the objectives of the Norwegian proposal, "
        "a minister said."
    )
    found = _stances(extractor, text)
    assert ("COL", "accepts_in_principle", "NOR", None) in found, found
    assert not any(s[0] == "COL" and s[1] == "signs" for s in found), found


def test_stances_generalise_persuaded(extractor: Extractor) -> None:
    """ "persuaded X to accept" says X accepted; "urged X to accept" does not."""
    text = (
        "Norway presented a proposal for a ceasefire between Colombia and the ELN on Sunday. "
        "On Tuesday the Norwegian envoy persuaded the ELN to accept the Norwegian proposal."
    )
    assert ("ELN", "accepts", "NOR", None) in _stances(extractor, text)
    urged = text.replace("persuaded", "urged")
    assert ("ELN", "accepts", "NOR", None) not in _stances(extractor, urged)


@pytest.mark.parametrize(
    "text",
    [
        # a breach that is only hypothetical, or of something other than the agreement
        AGREED + "Serbia's defence minister warned that Serbia would respond to any breach.",
        AGREED + "Kosovo condemned a drone flight as a violation of its airspace.",
        AGREED + "Serbia asked for a list of what counts as a violation.",
        AGREED
        + "Anyone who violated the truce would be held accountable, Serbia's interior ministry said.",
    ],
)
def test_stances_generalise_no_breach_claimed(extractor: Extractor, text: str) -> None:
    assert not any(s[1] == "accuses_violation" for s in _stances(extractor, text))


def test_stances_generalise_not_in_hypothesis(extractor: Extractor) -> None:
    """A cue under "if" is a hypothesis; a relative clause about an actor's past is not a
    stance on the proposal; "signed on as guarantors" is a role, not a signature."""
    text = (
        AGREED
        + "A Serbian nationalist party threatened to quit the government if Serbia agrees to recognise "
        "the boundary. Hungary, which signed a gas deal with Serbia last year, has said little. "
        "France and Germany, which signed on as guarantors of the ceasefire, hosted the talks."
    )
    found = _stances(extractor, text)
    assert not any(s[0] in ("HUN", "FRA", "DEU") for s in found), found


def test_stances_generalise_conditions(extractor: Extractor) -> None:
    """ "only after …" and "as long as …" make an acceptance conditional."""
    text = (
        "Serbia and Kosovo agreed on Monday to extend the ceasefire along the boundary line by a month. "
        "A Serbian official said Belgrade had accepted the extension only after the envoy gave guarantees "
        "on the border crossings. Kosovo said it would welcome the extension as long as patrols stay "
        "out of the north."
    )
    found = _stances(extractor, text)
    assert ("SRB", "accepts_with_conditions", None, None) in found, found
    assert any(s[0] == "XKX" and s[1] == "accepts_with_conditions" for s in found), found


def test_stances_generalise_later_proposal_named(extractor: Extractor) -> None:
    """A live blog in reverse order: "the renewal" is welcomed before the entry that announces it."""
    text = (
        "18:10 GMT The European Union has welcomed the renewal.\n\n"
        "16:30 GMT Kosovo's prime minister said his government had agreed to the renewal.\n\n"
        "14:00 GMT The EU envoy announced that Serbia and Kosovo had agreed to renew the truce for two more months."
    )
    found = _stances(extractor, text)
    assert ("EU", "endorses", None, None) in found, found
    assert ("XKX", "accepts", None, None) in found, found


def test_stances_generalise_raised_and_unbriefed(extractor: Extractor) -> None:
    """ "is understood to have agreed" is the subject's (hedged) acceptance; "his government had
    not been briefed" under an official's speech verb is his side's denial of receipt; a
    mediator named after "mediation by" is no signatory."""
    text = (
        "Norway presented a proposal for a ceasefire between Colombia and the ELN on Sunday. "
        "The ELN is understood to have agreed to the Norwegian proposal, according to two people briefed on the talks. "
        "A Colombian minister, speaking on condition of anonymity, said his government had not been briefed "
        "on the details of the Norwegian proposal. The swap of prisoners had been agreed thanks to mediation by Cuba."
    )
    record = extractor.extract(Article.from_text(text, published="2025-05-06"))
    proposer = {p.id: p.proposer for p in record.proposals}
    found = {(s.actor, s.stance, proposer.get(s.proposal), s.term): s for s in record.stances}
    assert ("ELN", "accepts", "NOR", None) in found, found.keys()
    assert found[("ELN", "accepts", "NOR", None)].certainty == "hedged"
    assert ("COL", "denies_receiving", "NOR", None) in found, found.keys()
    assert not any(k[0] == "CUB" for k in found), found.keys()


def test_stances_generalise_own_denial_and_refusals(extractor: Extractor) -> None:
    """ "X says it never agreed" denies the report; "would accept no agreement that …" is a
    conditional acceptance; "gave its blessing" endorses; "agreed with X to …" makes X a party
    to it."""
    text = (
        "Norway presented a proposal for a ceasefire between Colombia and the ELN on Sunday. "
        "The ELN says it never agreed to the Norwegian proposal. "
        "Colombia's president said his government would accept no agreement that left the ELN armed. "
        "Washington gave its blessing to the Norwegian proposal."
    )
    found = _stances(extractor, text)
    assert ("ELN", "denies_report", "NOR", None) in found, found
    assert ("COL", "accepts_with_conditions", "NOR", None) in found, found
    assert ("USA", "endorses", "NOR", None) in found, found
    both = (
        "Talks in Geneva ended on Tuesday with two statements. According to the texts, Armenia and "
        "Azerbaijan each agreed with France to a ceasefire along the border."
    )
    assert ("FRA", "accepts", None, None) in _stances(extractor, both)


def test_stances_generalise_terms_a_side_sets(extractor: Extractor) -> None:
    """ "would depend on X, officials said" is the speakers' demand for X; "will not disarm until
    X" demands X rather than rejecting disarmament."""
    depend = (
        "Norway presented a proposal for a ceasefire between Colombia and the ELN on Sunday. "
        "Colombian officials said any lasting deal would depend on the ELN handing over its weapons."
    )
    assert ("COL", "demands", "NOR", "disarmament_demilitarization") in _stances(extractor, depend)
    until = (
        "Norway presented a proposal for a ceasefire between Colombia and the ELN on Sunday, under which "
        "the ELN would hand over its weapons and the army would withdraw from the province. The ELN has "
        "said it will not hand over its weapons until the army withdraws its troops from the province."
    )
    found = _stances(extractor, until)
    assert ("ELN", "demands", "NOR", "force_withdrawal") in found, found
    assert ("ELN", "rejects", "NOR", "disarmament_demilitarization") not in found, found


def test_stances_generalise_signed_texts(extractor: Extractor) -> None:
    """A signed "statement" is an agreement; a passive conjunct shares its subject."""
    statement = (
        "Ethiopia and Eritrea ended their border war on Monday. The seven-point statement, signed late on "
        "Monday by Ethiopian Prime Minister Abiy Ahmed and Eritrean President Isaias Afwerki, declares a "
        "ceasefire along the border."
    )
    found = _stances(extractor, statement)
    assert {("ETH", "signs", None, None), ("ERI", "signs", None, None)} <= found, found
    shared = (
        "The ceasefire agreement between Ethiopia and Eritrea came together within hours and was signed "
        "remotely by Abiy Ahmed of Ethiopia and Isaias Afwerki of Eritrea."
    )
    found = _stances(extractor, shared)
    assert ("ETH", "signs", None, None) in found, found


def test_stances_generalise_judge_and_willingness(extractor: Extractor) -> None:
    """ "would judge the plan by its implementation" reserves judgement (considers); "signalled a
    willingness to discuss X" is open_to X."""
    text = (
        "Norway presented a proposal for a ceasefire between Colombia and the ELN on Sunday, under which the "
        "ELN would hand over its weapons. Venezuela would judge the Norwegian proposal by its implementation, "
        "an official in Caracas said. The ELN has signalled a willingness to discuss handing over its weapons."
    )
    found = _stances(extractor, text)
    assert ("VEN", "considers", "NOR", None) in found, found
    assert ("ELN", "open_to", "NOR", "disarmament_demilitarization") in found, found
