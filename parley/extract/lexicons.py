"""Load, validate and cache the packaged data files the extractor reads.

Every file is validated when it is loaded; a broken file raises
:class:`~parley.errors.LexiconError` naming file, line and key. Loading happens once per
process (:func:`load_lexicons` is cached), never per article.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import LexiconError
from ..lexicon._jsonl import read_jsonl
from ..lexicon.actors import ActorRegistry
from ..lexicon.people import PeopleRegistry

__all__ = ["OBJECTS", "Lexicons", "MediaOutlet", "data_path", "load_cue_file", "load_lexicons", "check_values", "read_json"]


def data_path(name: str) -> Path:
    """The path of a packaged data file."""
    return Path(str(resources.files("parley.lexicon").joinpath("data", name)))


OBJECTS = "objects"  # a ``required`` kind: a list of JSON objects


def read_json(path: Path) -> Any:
    """A lexicon file's JSON; a file that cannot be read or parsed is a :class:`LexiconError`
    naming it (and the line, for malformed JSON)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LexiconError(str(path), f"cannot read: {exc.strerror}") from None
    except json.JSONDecodeError as exc:
        raise LexiconError(str(path), f"malformed JSON: {exc.msg}", line=exc.lineno) from None


def load_cue_file(name: str, required: dict[str, Any]) -> dict[str, Any]:
    """Load a JSON cue file and check that each ``required`` key has the given type.

    A ``list`` must hold trimmed non-empty strings; :data:`OBJECTS` is a list of objects.
    """
    path = data_path(name)
    data = read_json(path)
    if not isinstance(data, dict):
        raise LexiconError(str(path), "expected a JSON object at the top level")
    for key, kind in required.items():
        if key not in data:
            raise LexiconError(str(path), "missing key", key=key)
        value = data[key]
        if kind == OBJECTS:
            if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
                raise LexiconError(str(path), "expected a list of objects", key=key)
            continue
        if not isinstance(value, kind):
            raise LexiconError(
                str(path), f"expected {kind.__name__}, not {type(value).__name__}", key=key
            )
        if kind is list:
            for item in value:
                if not isinstance(item, str) or not item or item != item.strip():
                    raise LexiconError(
                        str(path), f"entries must be trimmed non-empty strings (not {item!r})", key=key
                    )
    return data


@dataclass(frozen=True, slots=True)
class MediaOutlet:
    name: str
    aliases: tuple[str, ...]
    country: str | None
    platform: bool


def _load_media(path: Path) -> tuple[MediaOutlet, ...]:
    outlets = []
    seen: dict[str, int] = {}
    for line, obj in read_jsonl(path):
        unknown = set(obj) - {"name", "aliases", "country", "platform"}
        if unknown:
            raise LexiconError(str(path), "unknown key", line=line, key=sorted(unknown)[0])
        name = obj.get("name")
        if not isinstance(name, str) or not name.strip():
            raise LexiconError(str(path), "name must be a non-empty string", line=line, key="name")
        aliases = obj.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a for a in aliases):
            raise LexiconError(str(path), "aliases must be a list of strings", line=line, key="aliases")
        for form in (name, *aliases):
            if form in seen:
                raise LexiconError(
                    str(path), f"{form!r} is already used on line {seen[form]}", line=line, key="aliases"
                )
            seen[form] = line
        outlets.append(
            MediaOutlet(name, tuple(aliases), obj.get("country"), bool(obj.get("platform", False)))
        )
    return tuple(outlets)


@dataclass(frozen=True)
class Lexicons:
    """Everything the extractor reads from data files."""

    actors: ActorRegistry
    people: PeopleRegistry
    media: tuple[MediaOutlet, ...]
    entities: dict[str, Any]
    cues: dict[str, Any]

    def words(self, table: str, key: str) -> frozenset[str]:
        source = self.entities if table == "entities" else self.cues
        return frozenset(source[key])


ENTITY_KEYS = {
    "agentive_heads": list,
    "non_agentive_heads": list,
    "locative_preps": list,
    "army_words": list,
    "generic_state_words": list,
    "single_name_titles": list,
}


@cache
def load_lexicons() -> Lexicons:
    """The packaged lexicons, loaded and validated once per process."""
    actors = ActorRegistry.load()
    people = PeopleRegistry.load(actor_ids={a.id for a in actors})
    media = _load_media(data_path("media.jsonl"))
    entities = load_cue_file("entities.json", ENTITY_KEYS)
    cues = load_cue_file("cues.json", {}) if data_path("cues.json").exists() else {}
    return Lexicons(actors=actors, people=people, media=media, entities=entities, cues=cues)


def check_values(name: str, key: str, values: Any, allowed: Any) -> None:
    """Raise :class:`LexiconError` naming file and key if any of ``values`` is not allowed."""
    for value in values:
        if value not in allowed:
            raise LexiconError(
                str(data_path(name)), f"{value!r} is not one of the vocabulary's identifiers", key=key
            )
