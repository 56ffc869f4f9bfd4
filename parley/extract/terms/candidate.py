"""A term candidate as it goes through the rules, and the term families the rules test."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from .lexicon import Cue

__all__ = ["CESSATION", "DETAINEES", "Cand", "derived_cue"]

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
