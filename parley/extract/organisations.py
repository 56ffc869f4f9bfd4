"""Organisations the actor registry does not know, named by their own words.

News names many bodies once ("the opposition Armenia Alliance", "the Independent
Decommissioning Body"). A run of capitalised words that ends in a word for a kind of
organisation ("Alliance", "Front", "Body", "Mission"; or followed by "party"), that no
registry form, person or outlet covers, is an organisation: its id is an upper-case slug of
the name, its kind guessed from that word (``entities.json`` ``organisation_kinds``). A
state's name inside it ("Armenia Alliance") is part of the name, not a mention of the state.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from spacy.tokens import Doc, Token

from .analysis import ActorMention

__all__ = ["organisation_spans", "slug"]

_JOINERS = frozenset({"of", "for", "and", "the", "on", "de", "del", "la"})


def slug(name: str) -> str:
    """"Armenia Alliance" → ``ARMENIA_ALLIANCE``."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^A-Z0-9]+", "_", text.upper()).strip("_")


def _capitalised(token: Token) -> bool:
    return token.is_title and token.is_alpha and token.pos_ in ("PROPN", "NOUN", "ADJ")


def organisation_spans(
    doc: Doc,
    kinds: dict[str, str],
    blocked: set[int],
    demonyms: set[int],
    title_words: Iterable[str],
) -> list[tuple[int, int, str, str]]:
    """``(start, end, name, kind)`` of each unregistered organisation name.

    ``blocked`` are tokens of registry forms (other than a state's name or demonym), people
    and outlets; ``demonyms`` the tokens of a state's demonym ("Israeli Forces" is the
    state's army, not a body of its own).
    """
    titles = frozenset(title_words)
    found: list[tuple[int, int, str, str]] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if not _capitalised(token) or i in blocked or token.lower_ in titles or token.is_sent_start and token.lower_ in _JOINERS:
            i += 1
            continue
        end = i
        while end < len(doc) and end not in blocked and (
            _capitalised(doc[end]) or doc[end].lower_ in _JOINERS and end + 1 < len(doc) and _capitalised(doc[end + 1])
        ):
            end += 1
        last = doc[end - 1].lower_
        after = doc[end] if end < len(doc) else None
        if last in kinds:
            kind, words = kinds[last], doc[i : end - 1]
        elif after is not None and after.lower_ in kinds and not after.is_title and after.pos_ == "NOUN":
            kind, words = kinds[after.lower_], doc[i:end]  # "the Democratic Center party"
        else:
            i = max(end, i + 1)
            continue
        if len(words) >= 1 and end - i >= 2 and not all(t.i in demonyms for t in words):
            found.append((i, end, doc[i:end].text, kind))
        i = max(end, i + 1)
    return found


def organisation_mentions(
    doc: Doc,
    mentions: list[ActorMention],
    kinds: dict[str, str],
    blocked: set[int],
    states: dict[int, ActorMention],
    title_words: Iterable[str],
) -> tuple[list[ActorMention], dict[str, str]]:
    """New mentions for unregistered organisations, and their names by id; the state
    mentions they swallow are removed from ``mentions``."""
    demonyms = {i for i, m in states.items() if m.form == "demonym"}
    spans = organisation_spans(doc, kinds, blocked, demonyms, title_words)
    names: dict[str, str] = {}
    found: list[ActorMention] = []
    for start, end, name, _kind in spans:
        actor = slug(name)
        if len(actor) < 4:
            continue
        swallowed = {states[i].start for i in range(start, end) if i in states}
        mentions[:] = [m for m in mentions if m.start not in swallowed]
        names[actor] = name
        found.append(ActorMention(start, end, actor, "name", False, rule="organisation"))
    return found, names
