"""Turn a processed ``Doc`` and its :class:`Analysis` into a ``parley.record/1`` record.

This is the only place where spaCy objects meet the record model. Token spans become
character offsets into the article text, which is exactly the text the doc was made from.
"""

from __future__ import annotations

from spacy.tokens import Doc

from .._version import EXTRACTOR_VERSION
from ..ingest.article import Article
from ..record import (
    Actor,
    ArticleMeta,
    Event,
    ExtractorInfo,
    Person,
    Proposal,
    Record,
    Source,
    Stance,
    Term,
)
from .analysis import Analysis, analysis_of
from .lexicons import load_lexicons

__all__ = ["build_record", "char_span"]


def char_span(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets ``[start, end)`` of the tokens ``doc[start:end]``."""
    first, last = doc[start], doc[end - 1]
    return first.idx, last.idx + len(last.text)


def build_record(doc: Doc, article: Article, *, pipeline: str) -> Record:
    """The record for ``article`` from its processed ``doc``."""
    analysis = analysis_of(doc)
    return Record(
        article=ArticleMeta(
            id=article.id,
            url=article.url,
            title=article.title,
            publisher=article.publisher,
            published=article.published,
            language=article.language,
        ),
        extractor=ExtractorInfo(version=EXTRACTOR_VERSION, pipeline=pipeline),
        actors=_actors(doc, analysis),
        people=[
            Person(
                name=p.name,
                affiliation=p.affiliation,
                title=p.title,
                mentions=[char_span(doc, s, e) for s, e in p.spans],
            )
            for p in analysis.people
        ],
        sources=[
            Source(
                id=s.id,
                kind=s.kind,
                name=s.name,
                affiliation=s.affiliation,
                mentions=sorted({char_span(doc, a, b) for a, b in s.spans}),
            )
            for s in analysis.sources
        ],
        proposals=_proposals(doc, analysis),
        stances=_stances(doc, analysis),
        events=_events(doc, analysis),
    )


def _source_id(analysis: Analysis, index: int | None) -> str | None:
    return analysis.sources[index].id if index is not None else None


def _proposals(doc: Doc, analysis: Analysis) -> list[Proposal]:
    proposals = []
    for index, p in enumerate(analysis.proposals):
        terms = []
        term_ids: dict[int, str] = {}
        for number, n in enumerate(p.terms, 1):
            term_ids[n] = f"p{index + 1}.t{number}"
        for n in p.terms:
            t = analysis.terms[n]
            sequencing = None
            if t.exchange_with is not None and t.exchange_with in term_ids:
                sequencing = {"in_exchange_for": term_ids[t.exchange_with]}
            terms.append(
                Term(
                    type=t.type,
                    params=t.params,
                    phase=t.phase,
                    evidence=[char_span(doc, t.start, t.end)],
                    id=term_ids[n],
                    sequencing=sequencing,
                )
            )
        proposals.append(
            Proposal(
                id=f"p{index + 1}",
                label=p.label,
                proposer=p.proposer,
                channel=p.channel,
                status=p.status,
                parent=f"p{p.parent + 1}" if p.parent is not None else None,
                evidence=[char_span(doc, s, e) for s, e in p.mentions[:3]],
                terms=terms,
            )
        )
    return proposals


def _stances(doc: Doc, analysis: Analysis) -> list[Stance]:
    return [
        Stance(
            actor=s.actor,
            stance=s.stance,
            proposal=f"p{s.proposal + 1}" if s.proposal is not None else None,
            term=s.term,
            speaker=s.speaker,
            conditions=s.conditions,
            source=_source_id(analysis, s.source),
            certainty=s.certainty,
            evidence=[char_span(doc, s.start, s.end)],
        )
        for s in analysis.stances
    ]


def _events(doc: Doc, analysis: Analysis) -> list[Event]:
    return [
        Event(
            type=e.type,
            mode=e.mode,
            actors=e.actors,
            recipients=e.recipients,
            date=e.date.value if e.date is not None else None,
            date_text=e.date.text if e.date is not None else None,
            location=e.location,
            source=_source_id(analysis, e.source),
            evidence=[char_span(doc, e.start, e.end)],
        )
        for e in analysis.events
    ]


def _actors(doc: Doc, analysis: Analysis) -> list[Actor]:
    registry = load_lexicons().actors
    order: list[str] = []
    agentive: set[str] = set()
    for mention in analysis.actor_mentions:
        if mention.actor not in order:
            order.append(mention.actor)
        if mention.agentive:
            agentive.add(mention.actor)
    roles = analysis.roles
    for actor_id in _referenced(analysis):
        if actor_id not in order:
            order.append(actor_id)
        agentive.add(actor_id)
    actors = []
    for actor_id in order:
        if actor_id not in agentive:
            continue
        entry = registry.get(actor_id)
        mentions = [
            char_span(doc, m.start, m.end) for m in analysis.actor_mentions if m.actor == actor_id
        ]
        actors.append(
            Actor(
                id=actor_id,
                name=entry.name if entry else analysis.extra.get("event_actors", {}).get(actor_id, actor_id),
                kind=entry.kind if entry else "other",
                country=entry.country if entry else None,
                roles=roles.get(actor_id, []),
                mentions=mentions,
            )
        )
    return actors


def _referenced(analysis: Analysis) -> list[str]:
    """Actors that a proposal, stance or event of the record names: they are in the record."""
    found: list[str] = []
    for p in analysis.proposals:
        found.extend(a for a in [p.proposer, *p.channel] if a)
    found.extend(s.actor for s in analysis.stances)
    for e in analysis.events:
        found.extend(e.actors)
        found.extend(e.recipients)
    return list(dict.fromkeys(found))
