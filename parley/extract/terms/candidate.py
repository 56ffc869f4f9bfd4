"""A term candidate as it goes through the rules, and the term families the rules test."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from spacy.tokens import Token

from .lexicon import Cue

__all__ = ["AGENDA_VERBS", "CESSATION", "DETAINEES", "Cand", "counterpart", "derived_cue"]

CESSATION = frozenset(
    {
        "ceasefire",
        "humanitarian_pause",
        "ceasefire_extension",
        "long_term_truce",
        "permanent_end_of_war",
    }
)
DETAINEES = frozenset({"hostage_release", "prisoner_release", "remains_and_missing"})
# "agreed to discuss …", "to work out …": what follows is on the agenda, not yet a provision
AGENDA_VERBS = frozenset(
    {
        "prepare",
        "discuss",
        "address",
        "agree",
        "finalise",
        "finalize",
        "negotiate",
        "reach",
        "work",
        "settle",
        "resolve",
    }
)


@dataclass
class Cand:
    cue: Cue
    type: str
    anchor: int
    start: int  # match span (token indices)
    end: int
    frame: int | None = None
    cue_id: str = ""
    span: tuple[int, int] = (0, 0)
    params: dict[str, Any] = field(default_factory=dict)
    phase: int | None = None
    exchange: int | None = None

    def __post_init__(self) -> None:
        self.cue_id = self.cue_id or self.cue.id


@cache
def derived_cue(type_: str, cue_id: str) -> Cue:
    """The cue of a term that a rule, not a lexicon entry, found ("release.people")."""
    return Cue(cue_id, type_, (), None, {}, {}, 0)


_OTHER_SIDE = {"hostage_release": "prisoner_release", "prisoner_release": "hostage_release"}


def counterpart(frame: Token, cands: list[Cand]) -> str | None:
    """ "free 20 hostages in exchange for 250 prisoners": the people given in exchange for a
    release are released by the other side (hostages for prisoners, prisoners for hostages)."""
    if not (frame.dep_ == "pobj" and frame.head.lower_ == "in"):
        return None
    verb = frame.head.head
    given = [
        c
        for c in cands
        if c.type in _OTHER_SIDE
        and c.anchor < frame.i
        and verb.left_edge.i <= c.anchor <= verb.right_edge.i
    ]
    return _OTHER_SIDE[given[-1].type] if given else None
