"""The event cue lexicon, ``events.json``: what triggers an event and how to read it.

Each cue names a PLOVER type and mode (VOCABULARY.md), the words that trigger it (verbs,
nouns, adjectives, phrases), what its object must be, and where its actors and recipients
sit. ``classes`` hold the word lists the component's rules read. The file is validated once
per process (types and modes against :data:`parley.vocabulary.EVENT_MODES`); errors name the
file and the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from ...errors import LexiconError
from ...vocabulary import EVENT_MODES
from ..lexicons import OBJECTS, check_values, data_path, load_cue_file

__all__ = ["LEXICON", "OBJECT_TESTS", "ROLES", "Cue", "EventLexicon", "load_event_lexicon", "parse_event_lexicon"]

LEXICON = "events.json"


ROLES = frozenset({
    "subject", "agent", "patient", "object", "dative", "poss", "proposer", "between",
    "object_actors", "complement_subject", "complement_object", "condition_subject", "speaker",
    "accuser", "deal_parties", "parties", "other_party", "owner", "proposer_channel",
    "served_parties", "main_subject", "violator", "subject_actors", "signatories", "counterpart", "answered", "deal_partners", "subject_owner", "hyphen_agent",
})


OBJECT_TESTS = frozenset({
    "person", "proposal", "with_proposal", "agreement", "agreement_reached", "agreement_or_actor", "endorsable_or_actor",
    "positive_description", "ceasefire_subject", "persons", "forces_or_place", "aid_or_persons",
    "violation_object", "threat", "meeting", "talks", "meeting_subject", "phone_call", "called_for", "at_request", "own_weapons", "hostilities_subject", "person_called", "commercial",
    "deadline", "time_spent", "exchange_of_persons", "deal_in_force", "aid_subject", "negative_description",
})


_KEYS = {
    "version": int,
    "classes": dict,
    "request_modes": dict,
    "obligation_modals": list,
    "obligation_verbs": list,
    "hypothetical_modals": list,
    "future_modals": list,
    "future_heads": list,
    "question_words": list,
    "temporal_marks": list,
    "observer_words": list,
    "background_days": int,
    "cues": OBJECTS,
}

_CUE_KEYS = frozenset({
    "id", "type", "mode", "verbs", "adjectives", "nouns", "phrases", "governors", "object",
    "not_object", "actor", "recipient", "reciprocal", "needs_recipient", "irrealis", "negated",
    "conditional", "absorbs", "anchor", "merge", "subject", "obligation", "negated_only",
})

_REQUIRED_CUE_KEYS = ("id", "type", "actor", "recipient")


@dataclass(frozen=True, slots=True)
class Cue:
    """One entry of ``events.json``: what triggers an event and how to read it."""

    id: str
    type: str
    mode: str | None
    verbs: frozenset[str]
    adjectives: frozenset[str]
    nouns: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    governors: frozenset[str]
    object: str | None
    not_object: tuple[str, ...]
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    reciprocal: bool = False
    needs_recipient: bool = False
    irrealis: str | None = None
    negated: str | None = None
    conditional: str | None = None
    absorbs: bool = False
    anchor: bool = True
    merge: str | None = None
    subject: str | None = None
    obligation: bool = False
    negated_only: bool = False


@dataclass(frozen=True)
class EventLexicon:
    """The validated contents of ``events.json``."""

    version: int
    cues: tuple[Cue, ...]
    classes: dict[str, frozenset[str]]
    request_modes: dict[str, frozenset[str]]
    obligation_modals: frozenset[str]
    obligation_verbs: frozenset[str]
    hypothetical_modals: frozenset[str]
    future_modals: frozenset[str]
    future_heads: frozenset[str]
    question_words: frozenset[str]
    temporal_marks: frozenset[str]
    observer_words: frozenset[str]
    background_days: int

    def cls(self, name: str) -> frozenset[str]:
        return self.classes.get(name, frozenset())


def _error(message: str, key: str) -> LexiconError:
    return LexiconError(str(data_path(LEXICON)), message, key=key)


def _words(entry: dict[str, Any], key: str, where: str) -> frozenset[str]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v and v == v.strip() for v in value):
        raise _error("expected a list of trimmed non-empty strings", f"{where}.{key}")
    return frozenset(v.lower() for v in value)


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _cue(entry: dict[str, Any], number: int, classes: dict[str, frozenset[str]], seen: set[str]) -> Cue:
    where = f"cues[{number}]"
    unknown = set(entry) - _CUE_KEYS
    if unknown:
        raise _error("unknown key", f"{where}.{sorted(unknown)[0]}")
    for key in _REQUIRED_CUE_KEYS:
        if key not in entry:
            raise _error("missing key", f"{where}.{key}")
    cue_id = entry["id"]
    if not isinstance(cue_id, str) or not cue_id:
        raise _error("id must be a non-empty string", f"{where}.id")
    if cue_id in seen:
        raise _error(f"duplicate cue id {cue_id!r}", f"{where}.id")
    seen.add(cue_id)
    where = f"cues[{cue_id}]"
    check_values(LEXICON, f"{where}.type", [entry["type"]], EVENT_MODES)
    mode = entry.get("mode")
    if mode is not None:
        check_values(LEXICON, f"{where}.mode", [mode], EVENT_MODES[entry["type"]])
    for key in ("irrealis", "negated"):
        value = entry.get(key)
        if value is not None and value != "same":
            check_values(LEXICON, f"{where}.{key}", [value], EVENT_MODES)
    for key in ("actor", "recipient"):
        roles = entry[key]
        if not isinstance(roles, list):
            raise _error("expected a list of roles", f"{where}.{key}")
        for role in roles:
            if not isinstance(role, str) or not (role in ROLES or role.startswith("prep:")):
                raise _error(f"{role!r} is not a role (see 'roles')", f"{where}.{key}")
    for key in ("object", "not_object"):
        value = entry.get(key)
        values = value if isinstance(value, list) and key == "not_object" else [value]
        for item in values:
            if item is not None and item not in OBJECT_TESTS and item not in classes:
                raise _error(f"{item!r} is neither an object test nor a class", f"{where}.{key}")
    for key in ("reciprocal", "needs_recipient", "absorbs", "anchor", "obligation", "negated_only"):
        if key in entry and not isinstance(entry[key], bool):
            raise _error("expected true or false", f"{where}.{key}")
    if entry.get("conditional") not in (None, "require"):
        raise _error("expected 'require' or null", f"{where}.conditional")
    if entry.get("merge") not in (None, "union"):
        raise _error("expected 'union' or null", f"{where}.merge")
    if entry.get("subject") not in (None, "official"):
        raise _error("expected 'official' or null", f"{where}.subject")
    phrases = tuple(tuple(p.split()) for p in sorted(_words(entry, "phrases", where)))
    cue = Cue(
        id=cue_id,
        type=entry["type"],
        mode=mode,
        verbs=_words(entry, "verbs", where),
        adjectives=_words(entry, "adjectives", where),
        nouns=_words(entry, "nouns", where),
        phrases=phrases,
        governors=_words(entry, "governors", where),
        object=entry.get("object"),
        not_object=tuple(_as_list(entry.get("not_object"))),
        actor=tuple(entry["actor"]),
        recipient=tuple(entry["recipient"]),
        reciprocal=bool(entry.get("reciprocal", False)),
        needs_recipient=bool(entry.get("needs_recipient", False)),
        irrealis=entry.get("irrealis"),
        negated=entry.get("negated"),
        conditional=entry.get("conditional"),
        absorbs=bool(entry.get("absorbs", False)),
        anchor=bool(entry.get("anchor", True)),
        merge=entry.get("merge"),
        subject=entry.get("subject"),
        obligation=bool(entry.get("obligation", False)),
        negated_only=bool(entry.get("negated_only", False)),
    )
    if not (cue.verbs or cue.adjectives or cue.nouns or cue.phrases or cue.obligation):
        raise _error("a cue needs verbs, adjectives, nouns or phrases", f"{where}")
    return cue


@cache
def load_event_lexicon() -> EventLexicon:
    """``events.json``, validated (types and modes against ``EVENT_MODES``), once per process."""
    return parse_event_lexicon(load_cue_file(LEXICON, _KEYS))


def parse_event_lexicon(data: dict[str, Any]) -> EventLexicon:
    """Validate the contents of an event cue lexicon; errors name ``events.json`` and the key."""
    for key, kind in _KEYS.items():
        if key not in data:
            raise _error("missing key", key)
        if kind is OBJECTS:
            if not isinstance(data[key], list) or not all(isinstance(v, dict) for v in data[key]):
                raise _error("expected a list of objects", key)
        elif isinstance(kind, type) and not isinstance(data[key], kind):
            raise _error(f"expected {kind.__name__}", key)
    classes: dict[str, frozenset[str]] = {}
    for name, words in data["classes"].items():
        classes[name] = _words({name: words}, name, "classes")
    modes: dict[str, frozenset[str]] = {}
    for name, words in data["request_modes"].items():
        check_values(LEXICON, "request_modes", [name], EVENT_MODES["REQUEST"])
        modes[name] = _words({name: words}, name, "request_modes")
    seen: set[str] = set()
    cues = tuple(_cue(entry, n, classes, seen) for n, entry in enumerate(data["cues"]))
    return EventLexicon(
        version=data["version"],
        cues=cues,
        classes=classes,
        request_modes=modes,
        obligation_modals=frozenset(data["obligation_modals"]),
        obligation_verbs=frozenset(data["obligation_verbs"]),
        hypothetical_modals=frozenset(data["hypothetical_modals"]),
        future_modals=frozenset(data["future_modals"]),
        future_heads=frozenset(data["future_heads"]),
        question_words=frozenset(data["question_words"]),
        temporal_marks=frozenset(data["temporal_marks"]),
        observer_words=frozenset(data["observer_words"]),
        background_days=data["background_days"],
    )
