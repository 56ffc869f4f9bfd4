"""What an ingest run changed in the picture: new proposals, stance changes, new mediators.

    >>> before = picture_from_store(store)
    >>> ingest_paths(...)
    >>> for change in changes(before, picture_from_store(store)):
    ...     print(change.summary)
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Negotiation, Picture

__all__ = ["Change", "changes"]

_WATCHED_ROLES = ("mediator", "relay", "host", "guarantor", "facilitator")


@dataclass(frozen=True, slots=True)
class Change:
    """One thing that is new in the picture."""

    kind: str  # negotiation | proposal | stance | role
    negotiation: str
    summary: str


def _stances(n: Negotiation) -> dict[tuple[str, str, str | None], str]:
    return {(p.actor, p.proposal, p.term): p.latest.stance for p in n.positions}


def changes(before: Picture, after: Picture) -> list[Change]:
    """Everything in ``after`` that ``before`` did not have, negotiation by negotiation."""
    found: list[Change] = []
    old = {n.id: n for n in before.negotiations}
    for n in after.negotiations:
        prior = old.get(n.id)
        if prior is None:
            found.append(Change("negotiation", n.id, f"new negotiation: {n.name} ({len(n.articles)} article(s))"))
        known = {p.id for p in prior.proposals} if prior else set()
        for p in n.proposals:
            if p.id not in known:
                parent = f", {p.kind} of {p.parent}" if p.parent else ""
                found.append(Change("proposal", n.id, f"{n.name}: new proposal {p.id} {p.label!r} by "
                                                      f"{p.proposer or 'no named author'}{parent}"))
        was = _stances(prior) if prior else {}
        for key, stance in sorted(_stances(n).items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or "")):
            if was.get(key) == stance:
                continue
            actor, proposal, term = key
            target = proposal + (f".{term}" if term else "")
            if key in was:
                found.append(Change("stance", n.id, f"{n.name}: {actor} on {target}: {was[key]} → {stance}"))
            else:
                found.append(Change("stance", n.id, f"{n.name}: {actor} on {target}: {stance}"))
        roles_before = {(r.actor, r.role) for r in prior.roles} if prior else set()
        for role in _WATCHED_ROLES:
            for actor in n.actors_with(role):
                if (actor, role) not in roles_before:
                    found.append(Change("role", n.id, f"{n.name}: new {role} {actor}"))
    return found
