"""JSON-ready views of the picture, shared by the CLI's ``--json`` output and the web app.

Each function returns plain data (dicts, lists, strings, numbers); the CLI turns it into rich
tables and the web pages into HTML, so the two always say the same thing.
"""

from __future__ import annotations

from typing import Any

from ..errors import NotFoundError
from ..extract.lexicons import load_lexicons
from ..store.store import Store
from ..vocabulary import polarity_of
from .diff import diff_proposals
from .identity import Override
from .model import CanonicalProposal, Negotiation, Picture, Position, PositionEntry
from .picture import build_picture
from .positions import agreement_on_terms, cell, changed_since

__all__ = [
    "actors_view",
    "diff_view",
    "find_negotiation",
    "negotiations_view",
    "picture_from_store",
    "positions_view",
    "proposal_view",
    "proposals_view",
    "timeline_view",
]

THIRD_PARTY_ROLES = ("mediator", "relay", "host", "guarantor", "facilitator", "monitor", "observer_witness", "endorser", "backer")


def picture_from_store(store: Store) -> Picture:
    """The picture of every negotiation in ``store``, with the analysts' corrections."""
    overrides = [Override(o["action"], o["report"], o["target"]) for o in store.overrides()]
    return build_picture(store.records_with_text(), overrides)


def find_negotiation(picture: Picture, ref: str | None) -> Negotiation:
    """The negotiation ``ref`` names (id, name or 1-based number); the largest if None."""
    if not picture.negotiations:
        raise NotFoundError("the store holds no negotiation yet; ingest articles with `parley ingest PATH`")
    if ref is None:
        return picture.negotiations[0]
    found = picture.negotiation(ref)
    if found is None:
        names = ", ".join(f"{n.id} ({n.name})" for n in picture.negotiations)
        raise NotFoundError(f"no negotiation {ref!r}; known: {names}")
    return found


def _name(actor_id: str | None) -> str | None:
    if actor_id is None:
        return None
    entry = load_lexicons().actors.get(actor_id)
    return entry.name if entry is not None else actor_id


def _entry(e: PositionEntry) -> dict[str, Any]:
    return {
        "date": e.date, "stance": e.stance, "polarity": polarity_of(e.stance), "certainty": e.certainty,
        "article": e.article_id, "quote": e.quote, "speaker": e.speaker, "source": e.source,
        "conditions": list(e.conditions),
    }


def _position(p: Position) -> dict[str, Any]:
    return {
        "actor": p.actor, "proposal": p.proposal, "term": p.term, "latest": _entry(p.latest),
        "changed": p.changed, "history": [_entry(e) for e in p.history],
    }


def _proposal_summary(p: CanonicalProposal) -> dict[str, Any]:
    return {
        "id": p.id, "label": p.label, "labels": p.labels, "kind": p.kind, "proposer": p.proposer,
        "proposer_name": _name(p.proposer), "parent": p.parent, "children": p.children, "status": p.status,
        "first_reported": p.first_reported, "last_reported": p.last_reported, "reports": len(p.reports),
        "articles": p.articles, "channel": p.channel,
    }


def negotiations_view(picture: Picture) -> list[dict[str, Any]]:
    out = []
    for number, n in enumerate(picture.negotiations, 1):
        current = n.current_proposal
        last = max((e for e in n.timeline if e.date), key=lambda e: e.date or "", default=None)
        out.append({
            "number": number, "id": n.id, "name": n.name, "parties": n.parties,
            **{f"{role}s": n.actors_with(role) for role in ("mediator", "relay", "host", "guarantor")},
            "articles": len(n.articles), "proposals": len(n.proposals),
            "latest_proposal": _proposal_summary(current) if current else None,
            "last_change": {"date": last.date, "summary": last.summary} if last else None,
        })
    return out


def proposals_view(negotiation: Negotiation) -> list[dict[str, Any]]:
    return [_proposal_summary(p) for p in negotiation.proposals]


def proposal_view(picture: Picture, proposal_id: str) -> dict[str, Any]:
    """One proposal: its terms, reports (with why each joined), lineage and diff to its parent."""
    found = picture.proposal(proposal_id)
    if found is None:
        raise NotFoundError(f"no proposal {proposal_id!r} (see `parley proposals`)")
    negotiation, proposal = found
    view = _proposal_summary(proposal)
    view["negotiation"] = negotiation.id
    view["terms"] = [{"type": t.type, "params": t.params, "phase": t.phase, "article": t.article_id, "quote": t.quote}
                     for t in proposal.terms()]
    view["reports_detail"] = [
        {"report": r.key, "article": r.article_id, "local_id": r.local_id, "published": r.published,
         "publisher": r.publisher, "label": r.label, "status": r.status, "quote": r.quote, "why": r.reason}
        for r in proposal.reports
    ]
    parent = negotiation.proposal(proposal.parent) if proposal.parent else None
    view["diff_to_parent"] = diff_view(picture, parent.id, proposal.id) if parent else None
    view["positions"] = [_position(p) for p in negotiation.positions if p.proposal == proposal.id]
    return view


def positions_view(negotiation: Negotiation, proposal_id: str | None = None, since: str | None = None) -> dict[str, Any]:
    """Actors × terms of a proposal (the current one unless given), with agreement and change."""
    proposal = negotiation.proposal(proposal_id) if proposal_id else negotiation.current_proposal
    if proposal is None:
        raise NotFoundError(f"no proposal {proposal_id!r} in {negotiation.name}" if proposal_id
                            else f"{negotiation.name} has no proposal yet")
    terms = list(dict.fromkeys(t.type for t in proposal.terms()))
    actors = list(dict.fromkeys(
        [*negotiation.parties, *(p.actor for p in negotiation.positions if p.proposal == proposal.id)]
    ))
    rows = []
    for actor in actors:
        cells = {}
        for term in [None, *terms]:
            found = cell(negotiation.positions, actor, proposal.id, term)
            if found is not None:
                inherited = term is not None and found.term is None
                cells[term or "*"] = {**_position(found), "inherited": inherited}
        rows.append({"actor": actor, "name": _name(actor), "party": actor in negotiation.parties, "cells": cells})
    changed = changed_since(negotiation.positions, since) if since else []
    return {
        "negotiation": negotiation.id, "proposal": _proposal_summary(proposal), "terms": terms, "rows": rows,
        "agreement": agreement_on_terms(negotiation.positions, proposal, negotiation.parties),
        "since": since, "changed": [_position(p) for p in changed],
    }


def timeline_view(negotiation: Negotiation) -> list[dict[str, Any]]:
    return [
        {"date": e.date, "kind": e.kind, "summary": e.summary, "articles": list(e.articles),
         "sources": [s for s in e.sources if s], **({"data": e.data} if e.data else {})}
        for e in negotiation.timeline
    ]


def diff_view(picture: Picture, old_id: str, new_id: str) -> dict[str, Any]:
    found_old, found_new = picture.proposal(old_id), picture.proposal(new_id)
    for ref, found in ((old_id, found_old), (new_id, found_new)):
        if found is None:
            raise NotFoundError(f"no proposal {ref!r} (see `parley proposals`)")
    assert found_old is not None and found_new is not None
    diff = diff_proposals(found_old[1], found_new[1])
    return {
        "old": _proposal_summary(found_old[1]), "new": _proposal_summary(found_new[1]),
        "entries": [{"change": e.change, "term": e.term, "param": e.param, "old": e.old, "new": e.new}
                    for e in diff.entries],
    }


def actors_view(picture: Picture) -> list[dict[str, Any]]:
    """Every actor in a negotiation, with its roles and when they were reported."""
    out = []
    for n in picture.negotiations:
        by_actor: dict[str, list[dict[str, Any]]] = {}
        for r in n.roles:
            by_actor.setdefault(r.actor, []).append(
                {"role": r.role, "first": r.first, "last": r.last, "articles": r.articles})
        for actor, roles in sorted(by_actor.items()):
            out.append({"negotiation": n.id, "actor": actor, "name": _name(actor), "roles": roles})
    return out
