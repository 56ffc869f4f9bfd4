"""Which negotiation each article is about: records grouped by their parties.

An article's principal parties are the actors it gives the ``party`` role (the two mentioned
most, when there are more). Articles with the same two principals form one negotiation
("Israel–Hamas"); an article with a single principal joins the negotiation of that actor
with the most articles; an article with no party joins nothing. The result depends only on
the set of records, never on the order they were ingested in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..extract.lexicons import load_lexicons
from ..record import Record

__all__ = ["group_records", "negotiation_name", "principals"]


def principals(record: Record, limit: int = 3) -> list[str]:
    """The record's party-role actors (states, armed groups, parties), most mentioned first."""
    registry = load_lexicons().actors
    parties = [
        a for a in record.actors
        if "party" in a.roles and (registry.get(a.id) is None or registry.get(a.id).kind != "igo")
    ]
    parties.sort(key=lambda a: (-len(a.mentions), a.id))
    return [a.id for a in parties[:limit]]


def _pairs(found: list[str]) -> list[str]:
    return ["-".join(sorted((a, b))) for i, a in enumerate(found) for b in found[i + 1 :]]


def _rank(actor_id: str) -> tuple[int, str]:
    """States first, then a state's own army, then other actors; the name breaks ties."""
    registry = load_lexicons().actors
    entry = registry.get(actor_id)
    if entry is None:
        return (3, actor_id)
    if entry.kind == "state":
        return (0, entry.name)
    if any(state.army_actor == actor_id for state in registry if state.kind == "state"):
        return (1, entry.name)
    return (2, entry.name)


def negotiation_name(parties: Sequence[str]) -> str:
    """"Israel–Hamas", "Russia–Ukraine", "SAF–RSF"."""
    registry = load_lexicons().actors
    ordered = sorted(parties, key=_rank)
    names = []
    for actor_id in ordered:
        entry = registry.get(actor_id)
        name = entry.name if entry is not None else actor_id
        if entry is not None and len(name) > 18 and entry.aliases:
            short = min((a for a in entry.aliases if a.isupper() or len(a) <= 12), key=len, default=None)
            name = short or name
        names.append(name)
    return "–".join(names)


def group_records(records: Sequence[Record]) -> tuple[dict[str, list[Record]], list[str]]:
    """Negotiation id → its records (in date order), and the ids of articles in none.

    Every pair of an article's principal parties is a candidate negotiation; pairs that
    several articles share are the negotiations. Each article joins the shared pair both of
    whose members it names as actors (the most shared pair if several), else the shared pair
    of one of its parties, else its own first pair. Only the set of records matters, never
    their order."""
    principal = {r.article.id: principals(r) for r in records}
    counts: Counter[str] = Counter(p for found in principal.values() for p in _pairs(found))
    shared = {p for p, n in counts.items() if n >= 2}
    groups: dict[str, list[Record]] = {}
    unassigned: list[str] = []
    for record in records:
        found = principal[record.article.id]
        if not found:
            unassigned.append(record.article.id)
            continue
        actors = {a.id for a in record.actors}
        both = [p for p in shared if set(p.split("-")) <= actors]
        one = [p for p in shared if set(p.split("-")) & set(found)]
        own = _pairs(found)
        choices = both or one or own
        key = max(choices, key=lambda p: (counts[p], p in own, p)) if choices else found[0]
        groups.setdefault(key, []).append(record)
    for key in groups:
        groups[key].sort(key=lambda r: (r.article.published or "9999", r.article.id))
    return groups, unassigned
