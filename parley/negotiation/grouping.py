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


def principals(record: Record) -> list[str]:
    """The record's principal parties (at most two), most mentioned first."""
    parties = [a for a in record.actors if "party" in a.roles]
    if not parties:
        return []
    parties.sort(key=lambda a: (-len(a.mentions), a.id))
    return sorted(a.id for a in parties[:2])


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
    """Negotiation id → its records (in date order), and the ids of articles in none."""
    pairs: dict[str, list[Record]] = {}
    singles: list[tuple[str, Record]] = []
    unassigned: list[str] = []
    for record in records:
        found = principals(record)
        if len(found) == 2:
            pairs.setdefault("-".join(found), []).append(record)
        elif len(found) == 1:
            singles.append((found[0], record))
        else:
            unassigned.append(record.article.id)
    sizes = Counter({key: len(value) for key, value in pairs.items()})
    for actor, record in singles:
        homes = sorted((key for key in pairs if actor in key.split("-")), key=lambda k: (-sizes[k], k))
        if homes:
            pairs[homes[0]].append(record)
        else:
            pairs.setdefault(actor, []).append(record)
    for key in pairs:
        pairs[key].sort(key=lambda r: (r.article.published or "9999", r.article.id))
    return pairs, unassigned
