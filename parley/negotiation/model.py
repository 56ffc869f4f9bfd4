"""The negotiation across articles: plain data classes, built by :mod:`.picture`.

One article is a snapshot; these classes hold the picture many articles make together:
which negotiations exist (grouped by their parties), which proposals are the same proposal
reported by many outlets, how proposals descend from one another, where each actor stands
on each proposal and term and how that moved, and what happened when.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ActorRole",
    "CanonicalProposal",
    "Diff",
    "DiffEntry",
    "Negotiation",
    "Picture",
    "Position",
    "PositionEntry",
    "ProposalReport",
    "TermView",
    "TimelineEntry",
]


@dataclass(frozen=True, slots=True)
class TermView:
    """One term as an article reports it."""

    type: str
    params: dict[str, Any]
    phase: int | None
    article_id: str
    quote: str | None = None


@dataclass(slots=True)
class ProposalReport:
    """A proposal as one article reports it, and why it joined its canonical proposal."""

    article_id: str
    local_id: str
    published: str | None
    publisher: str | None
    label: str | None
    proposer: str | None
    channel: list[str]
    status: str | None
    local_parent: str | None
    terms: list[TermView]
    quote: str | None = None
    reason: str = ""

    @property
    def key(self) -> str:
        return f"{self.article_id}#{self.local_id}"


@dataclass(slots=True)
class CanonicalProposal:
    """One proposal across all the articles that report it."""

    id: str
    negotiation: str
    proposer: str | None
    reports: list[ProposalReport] = field(default_factory=list)
    parent: str | None = None
    kind: str = "original"  # original | revision | counter | agreement
    children: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        labels = [r.label for r in self.reports if r.label]
        if not labels:
            return self.id
        return max(labels, key=lambda label: (labels.count(label), -labels.index(label)))

    @property
    def labels(self) -> list[str]:
        return list(dict.fromkeys(r.label for r in self.reports if r.label))

    @property
    def first_reported(self) -> str | None:
        dates = [r.published for r in self.reports if r.published]
        return min(dates) if dates else None

    @property
    def last_reported(self) -> str | None:
        dates = [r.published for r in self.reports if r.published]
        return max(dates) if dates else None

    @property
    def status(self) -> str | None:
        dated = [r for r in self.reports if r.status]
        return dated[-1].status if dated else None

    @property
    def status_history(self) -> list[dict[str, Any]]:
        return [
            {"date": r.published, "status": r.status, "article": r.article_id}
            for r in self.reports
            if r.status
        ]

    @property
    def channel(self) -> list[str]:
        return list(dict.fromkeys(a for r in self.reports for a in r.channel))

    @property
    def articles(self) -> list[str]:
        return list(dict.fromkeys(r.article_id for r in self.reports))

    def terms(self) -> list[TermView]:
        """The proposal's terms across reports: one per provision, the latest report's
        parameters winning, earlier ones filling what it leaves out."""
        merged: list[TermView] = []
        for report in sorted(self.reports, key=lambda r: (r.published or "", r.article_id), reverse=True):
            for term in report.terms:
                same = [m for m in merged if m.type == term.type and _same_provision(m.params, term.params)]
                if not same:
                    merged.append(term)
                    continue
                index = merged.index(same[0])
                params = dict(term.params)
                params.update(same[0].params)  # the later report (already merged) wins
                merged[index] = TermView(same[0].type, params, same[0].phase or term.phase, same[0].article_id, same[0].quote)
        order = {t: n for n, t in enumerate(_TERM_ORDER)}
        return sorted(merged, key=lambda t: (t.phase or 0, order.get(t.type, 99)))


def _same_provision(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two terms of one type are one provision unless their categories or actors differ."""
    for key in ("categories", "withdrawing_actor", "actor", "group", "covered_actors", "population"):
        if key in a and key in b and a[key] != b[key]:
            return False
    return True


def _term_order() -> tuple[str, ...]:
    from ..vocabulary import TERM_TYPES

    return TERM_TYPES


_TERM_ORDER = _term_order()


@dataclass(frozen=True, slots=True)
class PositionEntry:
    """One reported stance: when, what, how sure, and the words that say it."""

    date: str | None
    stance: str
    certainty: str
    article_id: str
    quote: str | None
    speaker: str | None = None
    source: str | None = None
    conditions: tuple[str, ...] = ()


@dataclass(slots=True)
class Position:
    """An actor's position on a proposal (``term`` None) or on one of its terms."""

    actor: str
    proposal: str
    term: str | None
    history: list[PositionEntry]
    latest: PositionEntry

    @property
    def changed(self) -> bool:
        return len({e.stance for e in self.history}) > 1


@dataclass(frozen=True, slots=True)
class ActorRole:
    """A role an actor held in a negotiation, with the dates it was reported."""

    actor: str
    role: str
    first: str | None
    last: str | None
    articles: int


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One dated happening: an event, a proposal first reported, or a stance change."""

    date: str | None
    kind: str  # event | proposal | stance
    summary: str
    articles: tuple[str, ...]
    sources: tuple[str, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Negotiation:
    """The talks between a set of parties, across every article about them."""

    id: str  # the parties' ids joined by "-": "HAMAS-ISR"
    name: str  # "Israel–Hamas"
    parties: list[str]
    articles: list[str] = field(default_factory=list)
    roles: list[ActorRole] = field(default_factory=list)
    proposals: list[CanonicalProposal] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)

    def proposal(self, proposal_id: str) -> CanonicalProposal | None:
        return next((p for p in self.proposals if p.id == proposal_id), None)

    def actors_with(self, role: str) -> list[str]:
        return list(dict.fromkeys(r.actor for r in self.roles if r.role == role))

    @property
    def current_proposal(self) -> CanonicalProposal | None:
        """The proposal most recently reported that no later proposal supersedes."""
        live = [p for p in self.proposals if p.status not in ("superseded", "collapsed")] or self.proposals
        return max(live, key=lambda p: (p.last_reported or "", len(p.reports)), default=None)


@dataclass(frozen=True, slots=True)
class DiffEntry:
    """One difference between two proposals' terms."""

    change: str  # added | dropped | changed | unchanged
    term: str
    param: str | None = None
    old: Any = None
    new: Any = None


@dataclass(slots=True)
class Diff:
    """What a revision or counter-proposal added, dropped or changed, term by term."""

    old: str
    new: str
    entries: list[DiffEntry]

    def of(self, change: str) -> list[DiffEntry]:
        return [e for e in self.entries if e.change == change]


@dataclass(slots=True)
class Picture:
    """Every negotiation the store's records describe."""

    negotiations: list[Negotiation]
    unassigned: list[str] = field(default_factory=list)  # articles about no negotiation

    def negotiation(self, ref: str) -> Negotiation | None:
        ref_low = ref.lower()
        for n in self.negotiations:
            if ref_low in (n.id.lower(), n.name.lower()) or str(self.negotiations.index(n) + 1) == ref:
                return n
        return None

    def proposal(self, proposal_id: str) -> tuple[Negotiation, CanonicalProposal] | None:
        for n in self.negotiations:
            p = n.proposal(proposal_id)
            if p is not None:
                return n, p
        return None
