"""Positions: for each actor, proposal and term, the latest stance and its history.

A stance's date is the publication date of the article that reports it (records carry no
stance dates). The latest stance is the one from the most recent article; when that article
reports several, the last one that is not a denial, an accusation of violation or disputed
wins, because those qualify a position rather than state it. A term-level position overrides
the proposal-level one for that term (:func:`cell`).
"""

from __future__ import annotations

from collections.abc import Iterable

from ..vocabulary import polarity_of
from .model import CanonicalProposal, Position, PositionEntry

__all__ = ["agreement_on_terms", "build_positions", "cell", "changed_since"]

_QUALIFIERS = frozenset({"denies_report", "accuses_violation", "denies_receiving"})


def _latest(entries: list[PositionEntry]) -> PositionEntry:
    last_date = entries[-1].date
    same_day = [e for e in entries if e.date == last_date]
    plain = [e for e in same_day if e.stance not in _QUALIFIERS and e.certainty != "disputed"]
    return (plain or same_day)[-1]


def build_positions(rows: Iterable[tuple[str, str, str | None, PositionEntry]]) -> list[Position]:
    """Positions from (actor, canonical proposal id, term, entry) rows in date order."""
    grouped: dict[tuple[str, str, str | None], list[PositionEntry]] = {}
    for actor, proposal, term, entry in rows:
        grouped.setdefault((actor, proposal, term), []).append(entry)
    positions = []
    for (actor, proposal, term), entries in grouped.items():
        entries.sort(key=lambda e: (e.date or "", e.article_id))
        positions.append(Position(actor, proposal, term, entries, _latest(entries)))
    positions.sort(key=lambda p: (p.proposal, p.actor, p.term or ""))
    return positions


def cell(positions: list[Position], actor: str, proposal: str, term: str | None) -> Position | None:
    """The position shown for ``actor`` on ``term`` of ``proposal``: the term-level one if
    the actor has one, else its position on the whole proposal."""
    exact = next((p for p in positions if (p.actor, p.proposal, p.term) == (actor, proposal, term)), None)
    if exact is not None or term is None:
        return exact
    return next((p for p in positions if (p.actor, p.proposal, p.term) == (actor, proposal, None)), None)


def agreement_on_terms(
    positions: list[Position], proposal: CanonicalProposal, parties: list[str]
) -> dict[str, str]:
    """For each term type of ``proposal``: ``agree`` when every party with a position
    supports it, ``diverge`` when parties differ, ``open`` when fewer than two have one."""
    result = {}
    for term in dict.fromkeys(t.type for t in proposal.terms()):
        polarities = {}
        for actor in parties:
            position = cell(positions, actor, proposal.id, term)
            if position is not None:
                polarities[actor] = polarity_of(position.latest.stance)
        if len(polarities) < 2:
            result[term] = "open"
        elif len(set(polarities.values())) == 1 and "support" in polarities.values():
            result[term] = "agree"
        else:
            result[term] = "diverge"
    return result


def changed_since(positions: list[Position], since: str) -> list[Position]:
    """Positions whose stance changed on or after ``since`` (an ISO date)."""
    changed = []
    for position in positions:
        before = [e for e in position.history if (e.date or "") < since]
        after = [e for e in position.history if (e.date or "") >= since]
        if after and (not before or _latest(before).stance != position.latest.stance):
            changed.append(position)
    return changed
