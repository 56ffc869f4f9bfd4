"""Build the picture of every negotiation from stored records.

    >>> picture = build_picture(store.records_with_text(), store.overrides())

The picture is a pure function of the records and the analysts' overrides: ingesting the
same articles twice, or in another order, gives the same picture.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..record import Record
from ..vocabulary import polarity_of
from .grouping import group_records, negotiation_name
from .identity import Override, assign_proposals
from .model import (
    ActorRole,
    CanonicalProposal,
    Negotiation,
    Picture,
    PositionEntry,
    ProposalReport,
    TermView,
    TimelineEntry,
)
from .positions import build_positions

__all__ = ["build_picture", "quote_of"]


def quote_of(text: str | None, evidence: Sequence[Sequence[int]] | None, quote: str | None = None) -> str | None:
    """The words an evidence span points at (or a gold record's quote)."""
    if quote:
        return quote
    if text is None or not evidence:
        return None
    start, end = evidence[0]
    return text[start:end]


def _reports(record: Record, text: str | None) -> list[ProposalReport]:
    reports = []
    for p in record.proposals:
        terms = [
            TermView(t.type, dict(t.params), t.phase, record.article.id, quote_of(text, t.evidence, t.quote))
            for t in p.terms
        ]
        reports.append(
            ProposalReport(
                article_id=record.article.id,
                local_id=p.id,
                published=record.article.published,
                publisher=record.article.publisher,
                label=p.label,
                proposer=p.proposer,
                channel=list(p.channel),
                status=p.status,
                local_parent=p.parent,
                terms=terms,
                quote=quote_of(text, p.evidence, p.quote),
            )
        )
    return reports


def _roles(records: list[Record]) -> list[ActorRole]:
    seen: dict[tuple[str, str], list[str]] = {}
    for record in records:
        for actor in record.actors:
            for role in actor.roles:
                seen.setdefault((actor.id, role), []).append(record.article.published or "")
    roles = []
    for (actor, role), dates in seen.items():
        known = sorted(d for d in dates if d)
        roles.append(ActorRole(actor, role, known[0] if known else None, known[-1] if known else None, len(dates)))
    return sorted(roles, key=lambda r: (r.role, -r.articles, r.actor))


def _positions(records: list[Record], texts: dict[str, str | None], proposals: list[CanonicalProposal]):
    canonical = {r.key: p.id for p in proposals for r in p.reports}
    rows = []
    for record in records:
        sources = {s.id: s for s in record.sources}
        text = texts.get(record.article.id)
        for stance in record.stances:
            if stance.proposal is None:
                continue
            proposal = canonical.get(f"{record.article.id}#{stance.proposal}")
            if proposal is None:
                continue
            source = sources.get(stance.source) if stance.source else None
            entry = PositionEntry(
                date=record.article.published,
                stance=stance.stance,
                certainty=stance.certainty,
                article_id=record.article.id,
                quote=quote_of(text, stance.evidence, stance.quote),
                speaker=stance.speaker,
                source=(source.name or source.kind) if source else None,
                conditions=tuple(stance.conditions),
            )
            rows.append((stance.actor, proposal, stance.term, entry))
    return build_positions(rows)


def _timeline(records: list[Record], negotiation: Negotiation) -> list[TimelineEntry]:
    merged: dict[tuple, TimelineEntry] = {}
    for record in records:
        sources = {s.id: s for s in record.sources}
        for event in record.events:
            date = event.date or None
            key = (date, event.type, tuple(sorted(event.actors)), tuple(sorted(event.recipients)))
            who = ", ".join(event.actors) + (" → " + ", ".join(event.recipients) if event.recipients else "")
            source = sources.get(event.source) if event.source else None
            source_name = (source.name or source.kind) if source else (record.article.publisher or "")
            where = f" in {event.location}" if event.location else ""
            if key in merged:
                old = merged[key]
                merged[key] = TimelineEntry(
                    old.date, old.kind, old.summary,
                    tuple(dict.fromkeys((*old.articles, record.article.id))),
                    tuple(dict.fromkeys((*old.sources, source_name))),
                    old.data,
                )
            else:
                merged[key] = TimelineEntry(
                    date or record.article.published,
                    "event",
                    f"{event.type}{'/' + event.mode if event.mode else ''} {who}{where}",
                    (record.article.id,),
                    (source_name,),
                    {"type": event.type, "mode": event.mode, "actors": event.actors,
                     "recipients": event.recipients, "dated": date is not None},
                )
    entries = list(merged.values())
    for proposal in negotiation.proposals:
        first = proposal.reports[0]
        parent = f" ({proposal.kind} of {proposal.parent})" if proposal.parent else ""
        entries.append(
            TimelineEntry(
                proposal.first_reported,
                "proposal",
                f"{proposal.id} {proposal.label!r} by {proposal.proposer or 'no named author'} first reported{parent}",
                (first.article_id,),
                (first.publisher or "",),
                {"proposal": proposal.id},
            )
        )
    for position in negotiation.positions:
        previous = None
        for entry in position.history:
            if previous is not None and entry.stance != previous:
                target = position.proposal + (f".{position.term}" if position.term else "")
                entries.append(
                    TimelineEntry(
                        entry.date,
                        "stance",
                        f"{position.actor} on {target}: {previous} → {entry.stance}",
                        (entry.article_id,),
                        (entry.source or "",),
                        {"actor": position.actor, "proposal": position.proposal, "term": position.term,
                         "from": previous, "to": entry.stance, "polarity": polarity_of(entry.stance)},
                    )
                )
            previous = entry.stance
    order = {"proposal": 0, "event": 1, "stance": 2}
    return sorted(entries, key=lambda e: (e.date or "9999", order[e.kind], e.summary))


def build_picture(
    items: Iterable[tuple[Record, str | None]], overrides: Sequence[Override] = ()
) -> Picture:
    """Group records into negotiations and build each negotiation's picture."""
    records = []
    texts: dict[str, str | None] = {}
    for record, text in items:
        records.append(record)
        texts[record.article.id] = text if text is not None else record.article.text
    groups, unassigned = group_records(records)
    negotiations = []
    for key in sorted(groups, key=lambda k: (-len(groups[k]), k)):
        members = groups[key]
        parties = key.split("-")
        negotiation = Negotiation(id=key, name=negotiation_name(parties), parties=sorted(parties))
        negotiation.articles = [r.article.id for r in members]
        negotiation.roles = _roles(members)
        negotiation.proposals = assign_proposals(
            key, [_reports(r, texts[r.article.id]) for r in members], overrides
        )
        negotiation.positions = _positions(members, texts, negotiation.proposals)
        negotiation.timeline = _timeline(members, negotiation)
        negotiations.append(negotiation)
    return Picture(negotiations, unassigned)
