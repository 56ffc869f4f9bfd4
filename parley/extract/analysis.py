"""What the extractor's components find in one article, before it becomes a record.

The :class:`Analysis` hangs on the spaCy ``Doc`` as ``doc._.parley``. Each component reads
the parts it ``requires`` and fills the parts it ``assigns``; :mod:`parley.extract.build`
turns the finished analysis into a :class:`~parley.record.Record`. Token indices refer to the
``Doc``; character offsets to the article text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Doc

__all__ = [
    "ActorMention",
    "Analysis",
    "DateMention",
    "EventMention",
    "PersonInfo",
    "ProposalInfo",
    "StanceInfo",
    "SourceInfo",
    "TermMention",
    "analysis_of",
]


@dataclass(slots=True)
class ActorMention:
    """A stretch of text that names an actor."""

    start: int  # token index
    end: int  # token index, exclusive
    actor: str  # actor id
    form: str  # name | alias | demonym | capital | institution | army | generic
    agentive: bool  # the actor does or is addressed in something here (not a mere place)
    rule: str = "registry"


@dataclass(slots=True)
class PersonInfo:
    """A named individual, with every mention."""

    name: str
    surname: str
    affiliation: str | None
    title: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)  # token spans
    registry: bool = False  # found in the packaged people registry


@dataclass(slots=True)
class SourceInfo:
    """Who a claim comes from (RECORD.md sources)."""

    kind: str  # media | official | anonymous | document | unspecified
    name: str | None
    affiliation: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)  # token spans of the mentions
    person: int | None = None  # index into Analysis.people for a named official
    id: str = ""


@dataclass(slots=True)
class DateMention:
    """A time expression, resolved against the publication date."""

    start: int  # token span of the expression, with its preposition: "on Sunday", "late on Monday"
    end: int
    text: str  # exactly the text of the span (an event's date_text)
    value: str | None  # ISO: "2025-05-04", "2024-11-27T04:00", "2025-05" (month), "2025-W18" (week)
    kind: str  # weekday | absolute | relative | anchored | month | week | year | time | range | dateline
    rule: str  # the rule that resolved it, for `parley explain`


@dataclass(slots=True)
class TermMention:
    """A provision stated in the text, typed with the 30 term types, with its parameters."""

    start: int  # token span of the evidence: the shortest phrase that states the provision
    end: int
    type: str
    params: dict[str, Any] = field(default_factory=dict)
    phase: int | None = None
    cue: str = ""  # the lexicon entry or rule that fired
    exchange_with: int | None = None  # index of the term mention it is exchanged for


@dataclass(slots=True)
class EventMention:
    """A PLOVER event: who did what to whom, when and where."""

    start: int  # token span of the evidence (the clause that reports it)
    end: int
    type: str
    mode: str | None
    actors: list[str]
    recipients: list[str]
    trigger: int  # token index of the word that triggered it
    date: DateMention | None = None
    location: str | None = None
    source: int | None = None  # index into Analysis.sources
    cue: str = ""


@dataclass
class ProposalInfo:
    """One proposal of the article, with every mention of it."""

    label: str | None
    proposer: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)  # token spans
    channel: list[str] = field(default_factory=list)
    status: str | None = None
    parent: int | None = None  # index into Analysis.proposals
    counter: bool = False
    background: bool = False
    terms: list[int] = field(default_factory=list)  # indices into Analysis.terms
    heads: set[str] = field(default_factory=set)
    status_rank: int = -1
    rule: str = ""


@dataclass
class StanceInfo:
    """An actor's position toward a proposal or one of its terms."""

    actor: str
    stance: str
    proposal: int | None  # index into Analysis.proposals
    term: str | None
    start: int  # token span of the evidence
    end: int
    speaker: str | None = None
    conditions: list[str] = field(default_factory=list)
    source: int | None = None  # index into Analysis.sources
    certainty: str = "confirmed"
    cue: str = ""


@dataclass
class Analysis:
    """Everything found in one article, component by component."""

    published: date | None = None
    actor_mentions: list[ActorMention] = field(default_factory=list)
    people: list[PersonInfo] = field(default_factory=list)
    person_at: dict[int, int] = field(default_factory=dict)  # token index -> people index
    sources: list[SourceInfo] = field(default_factory=list)
    # token index of a speech verb -> source index, for attributing claims
    source_of_verb: dict[int, int] = field(default_factory=dict)
    media_spans: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, name)
    dates: list[DateMention] = field(default_factory=list)
    terms: list[TermMention] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    proposals: list[ProposalInfo] = field(default_factory=list)
    stances: list[StanceInfo] = field(default_factory=list)
    roles: dict[str, list[str]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    def mentions_of(self, actor: str) -> list[ActorMention]:
        return [m for m in self.actor_mentions if m.actor == actor]

    def mention_at(self, token_i: int) -> ActorMention | None:
        """The actor mention covering token ``token_i``, if any."""
        index = self.extra.get("_mention_index")
        if index is None or index[0] is not self.actor_mentions or index[1] != len(self.actor_mentions):
            table = {i: m for m in self.actor_mentions for i in range(m.start, m.end)}
            index = (self.actor_mentions, len(self.actor_mentions), table)
            self.extra["_mention_index"] = index
        return index[2].get(token_i)


if not Doc.has_extension("parley"):
    Doc.set_extension("parley", default=None)


def analysis_of(doc: Doc) -> Analysis:
    """The doc's analysis, created empty when the doc came without one."""
    analysis = doc._.parley
    if analysis is None:
        analysis = Analysis()
        doc._.parley = analysis
    return analysis
