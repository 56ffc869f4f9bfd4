"""The actor registry: every state and the non-state actors of recent negotiations.

The packaged file ``data/actors.jsonl`` holds one actor a line::

    {"id": "TUR", "name": "Turkey", "kind": "state", "country": "TUR", "status": "un_member",
     "aliases": ["Türkiye", …], "demonyms": ["Turkish", …], "capitals": ["Ankara"],
     "institutions": ["MIT", …], "army_actor": null, "generic": []}

``id`` is the ISO 3166-1 alpha-3 code of a state (``PSE`` for the State of Palestine and the
Palestinian Authority) or an upper-case slug of a non-state actor's usual English name.
``army_actor`` names the actor that a state's army is, where that army is its own actor in a
civil war (``SDN`` → ``SAF``). ``generic`` lists, for non-state actors only, the descriptive
words an article uses once the actor is named ("group", "Palestinian group"), without "the".

:class:`ActorRegistry` loads and validates the file, finds actors by any of their names
(:meth:`ActorRegistry.lookup`) and lists the surface forms a phrase matcher needs
(:meth:`ActorRegistry.surface_forms`). Run ``python -m parley.lexicon.actors`` to validate the
packaged file and print counts.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Final

from ..errors import LexiconError
from ..vocabulary import ACTOR_KINDS
from ._jsonl import read_jsonl

__all__ = [
    "FORM_KINDS",
    "KEYS",
    "SHARED_FORMS",
    "STATUSES",
    "ActorEntry",
    "ActorRegistry",
    "needs_exact_case",
    "normalize_name",
    "validate_file",
]

#: Every key of a line, in the order the file writes them. All are required.
KEYS: Final = (
    "id",
    "name",
    "kind",
    "country",
    "status",
    "aliases",
    "demonyms",
    "capitals",
    "institutions",
    "army_actor",
    "generic",
)
_LIST_KEYS: Final = ("aliases", "demonyms", "capitals", "institutions", "generic")

#: ``status`` values a state may have (or null: Kosovo, Taiwan). Non-states have null.
STATUSES: Final = ("un_member", "un_observer")

#: Kinds of surface form, best first: :meth:`ActorRegistry.lookup` ranks matches in this order.
FORM_KINDS: Final = ("name", "alias", "institution", "demonym", "capital")
_FORM_FIELD: Final = {
    "name": "name",
    "alias": "aliases",
    "institution": "institutions",
    "demonym": "demonyms",
    "capital": "capitals",
}
_UNIQUE_KINDS: Final = frozenset({"name", "alias"})
# Rank of a match on an id, between aliases and institutions.
_ID_RANK: Final = 2
_RANK: Final = {"name": 0, "alias": 1, "institution": 3, "demonym": 4, "capital": 5}

#: Demonyms, capitals and institutions that more than one actor may carry, keyed by their
#: normalised form (:func:`normalize_name`), with the actors allowed to share them, most likely
#: first. :meth:`ActorRegistry.lookup` returns them in this order. A name or alias is never
#: shared. Keep this list short: every entry is an ambiguity the article-level resolver must settle.
SHARED_FORMS: Final[dict[str, tuple[str, ...]]] = {
    # both Congos; in news of 2020-2026 negotiations "Congolese" nearly always means the DRC
    "congolese": ("COD", "COG"),
    # the seat of the EU institutions (and NATO's), and Belgium's capital
    "brussels": ("EU", "BEL"),
}

_STATE_ID = re.compile(r"^[A-Z]{3}$")
_OTHER_ID = re.compile(r"^[A-Z][A-Z0-9_]*$")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u02bc": "'"})
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$")
_DROP = re.compile(r"['.]")
_SEPARATORS = re.compile(r"[\W_]+")
_LEADING_THE = re.compile(r"^the ")
_ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9.&/+-]*$")
_BAD_SPACE = re.compile(r"^\s|\s$|\s\s|[\t\n\r]")


def normalize_name(text: str) -> str:
    """Fold a name to the key that :meth:`ActorRegistry.lookup` compares.

    Case and accents are dropped, a possessive ('s) and a leading "the" are removed, dots and
    apostrophes vanish ("U.S." → "us", "Sana'a" → "sanaa"), ``&`` becomes "and", and any other
    punctuation separates words ("Guinea-Bissau" → "guinea bissau").
    """
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold().strip()
    text = _POSSESSIVE.sub("", text).replace("&", " and ")
    text = _SEPARATORS.sub(" ", _DROP.sub("", text)).strip()
    return _LEADING_THE.sub("", text)


def needs_exact_case(surface: str) -> bool:
    """True for acronym-like forms ("US", "U.S.", "WHO", "PA", "AA", "MIT") that must be matched
    on exact case, because in lower case they are ordinary words or something else."""
    return bool(_ACRONYM.match(surface)) and any(ch.isalpha() for ch in surface)


@dataclass(frozen=True)
class ActorEntry:
    """One actor of the registry. List fields are tuples."""

    id: str
    name: str
    kind: str
    country: str | None
    status: str | None
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    institutions: tuple[str, ...] = ()
    army_actor: str | None = None
    generic: tuple[str, ...] = ()

    @property
    def is_state(self) -> bool:
        return self.kind == "state"

    def forms(self) -> Iterator[tuple[str, str]]:
        """Yield ``(surface text, form kind)`` for the name, aliases, institutions, demonyms and
        capitals, in that order."""
        yield self.name, "name"
        for kind in FORM_KINDS[1:]:
            for text in getattr(self, _FORM_FIELD[kind]):
                yield text, kind


class ActorRegistry:
    """The actors of a registry file, validated, with lookup by any surface form."""

    def __init__(
        self,
        entries: Iterable[ActorEntry],
        *,
        path: str | Path = "<actors>",
        lines: Sequence[int | None] | None = None,
    ):
        self.path = str(path)
        self._entries: list[ActorEntry] = list(entries)
        self._lines: list[int | None] = (
            list(lines) if lines is not None else [None] * len(self._entries)
        )
        if len(self._lines) != len(self._entries):
            raise ValueError("lines must give one line number per entry")
        self._by_id: dict[str, ActorEntry] = {}
        self._order: dict[str, int] = {}
        self._index: dict[str, list[tuple[int, str]]] = {}

    # -- loading ---------------------------------------------------------------------------

    @classmethod
    def load(cls, path: str | Path | None = None) -> ActorRegistry:
        """Read and validate a registry file; by default the packaged ``data/actors.jsonl``."""
        if path is None:
            ref = resources.files("parley.lexicon") / "data" / "actors.jsonl"
            with resources.as_file(ref) as packaged:
                return cls._read(Path(packaged))
        return cls._read(Path(path))

    @classmethod
    def _read(cls, path: Path) -> ActorRegistry:
        entries: list[ActorEntry] = []
        lines: list[int | None] = []
        for number, row in read_jsonl(path):
            entries.append(_entry_from_row(str(path), number, row))
            lines.append(number)
        registry = cls(entries, path=path, lines=lines)
        registry.validate()
        return registry

    # -- validation --------------------------------------------------------------------------

    def _fail(self, message: str, position: int, key: str) -> LexiconError:
        return LexiconError(self.path, message, line=self._lines[position], key=key)

    def _where(self, position: int) -> str:
        line = self._lines[position]
        return f"line {line}" if line is not None else "another entry"

    def validate(self) -> None:
        """Check every entry and the registry as a whole; build the lookup index.

        Raises :class:`LexiconError` naming the file, the line and the key at fault.
        """
        by_id: dict[str, int] = {}
        for pos, entry in enumerate(self._entries):
            self._check_entry(entry, pos)
            if entry.id in by_id:
                raise self._fail(
                    f"duplicate id {entry.id!r} (first defined at {self._where(by_id[entry.id])})",
                    pos,
                    "id",
                )
            by_id[entry.id] = pos

        for pos, entry in enumerate(self._entries):
            if entry.country is not None and entry.country != entry.id:
                target = by_id.get(entry.country)
                if target is None:
                    raise self._fail(
                        f"country {entry.country!r} is not an id in the registry", pos, "country"
                    )
                if not self._entries[target].is_state:
                    raise self._fail(f"country {entry.country!r} is not a state", pos, "country")
            if entry.army_actor is not None:
                target = by_id.get(entry.army_actor)
                if target is None:
                    raise self._fail(
                        f"army_actor {entry.army_actor!r} is not an id in the registry",
                        pos,
                        "army_actor",
                    )
                army = self._entries[target]
                if army.kind != "armed_group" or army.country != entry.id:
                    raise self._fail(
                        f"army_actor {army.id!r} must be an armed_group whose country is {entry.id!r}",
                        pos,
                        "army_actor",
                    )

        # surface forms: one actor per form, except allowlisted demonyms/capitals/institutions
        seen: dict[str, list[tuple[int, str]]] = {}  # normalised form -> [(position, form kind)]
        for pos, entry in enumerate(self._entries):
            for text, kind in entry.forms():
                norm = normalize_name(text)
                users = seen.setdefault(norm, [])
                for other_pos, other_kind in users:
                    if other_pos == pos:
                        continue
                    other = self._entries[other_pos]
                    if (
                        kind in _UNIQUE_KINDS
                        or other_kind in _UNIQUE_KINDS
                        or not _allowed_share(norm, entry.id, other.id)
                    ):
                        raise self._fail(
                            f"surface form {text!r} ({kind} of {entry.id}) is also the {other_kind} of "
                            f"{other.id} ({self._where(other_pos)})"
                            + (
                                ""
                                if kind in _UNIQUE_KINDS or other_kind in _UNIQUE_KINDS
                                else "; a shared demonym, capital or institution must be listed in SHARED_FORMS"
                            ),
                            pos,
                            _FORM_FIELD[kind],
                        )
                users.append((pos, kind))

        self._by_id = {entry.id: entry for entry in self._entries}
        self._order = {entry.id: pos for pos, entry in enumerate(self._entries)}
        self._index = {}
        for norm, users in seen.items():
            best: dict[str, int] = {}
            for pos, kind in users:
                actor = self._entries[pos].id
                best[actor] = min(best.get(actor, 99), _RANK[kind])
            self._index[norm] = sorted(
                ((rank, actor) for actor, rank in best.items()), key=self._sort_key(norm)
            )

    def _sort_key(self, norm: str):
        preferred = SHARED_FORMS.get(norm, ())

        def key(item: tuple[int, str]) -> tuple[int, int, int]:
            rank, actor = item
            pref = preferred.index(actor) if actor in preferred else len(preferred)
            return rank, pref, self._order[actor]

        return key

    def _check_entry(self, entry: ActorEntry, pos: int) -> None:
        if entry.kind not in ACTOR_KINDS:
            raise self._fail(
                f"kind {entry.kind!r} is not one of {', '.join(ACTOR_KINDS)}", pos, "kind"
            )
        if not entry.name or not entry.name.strip():
            raise self._fail("name is empty", pos, "name")
        if entry.is_state:
            if not _STATE_ID.match(entry.id):
                raise self._fail(
                    f"state id {entry.id!r} must be three upper-case letters (ISO 3166-1 alpha-3)",
                    pos,
                    "id",
                )
            if entry.country != entry.id:
                raise self._fail(
                    f"a state's country must be its own id {entry.id!r}, not {entry.country!r}",
                    pos,
                    "country",
                )
            if entry.status is not None and entry.status not in STATUSES:
                raise self._fail(
                    f"status {entry.status!r} is not one of {', '.join(STATUSES)} or null",
                    pos,
                    "status",
                )
            if entry.generic:
                raise self._fail("generic references are for non-state actors only", pos, "generic")
        else:
            if not _OTHER_ID.match(entry.id):
                raise self._fail(f"id {entry.id!r} must match ^[A-Z][A-Z0-9_]*$", pos, "id")
            if entry.status is not None:
                raise self._fail(
                    f"status must be null for a non-state actor, not {entry.status!r}",
                    pos,
                    "status",
                )
            if entry.army_actor is not None:
                raise self._fail("army_actor is for states only", pos, "army_actor")
        if entry.country is not None and not _STATE_ID.match(entry.country):
            raise self._fail(
                f"country {entry.country!r} must be a state id (three upper-case letters)",
                pos,
                "country",
            )
        seen: dict[str, str] = {}
        for key in ("name", *_LIST_KEYS):
            values = (entry.name,) if key == "name" else getattr(entry, key)
            for text in values:
                if not text or _BAD_SPACE.search(text):
                    raise self._fail(
                        f"{text!r} is empty or has leading, trailing or repeated whitespace",
                        pos,
                        key,
                    )
                if not normalize_name(text):
                    raise self._fail(f"{text!r} has no letters or digits once normalised", pos, key)
                if key == "generic":
                    if re.match(r"(?i)the\s", text):
                        raise self._fail(
                            f"generic reference {text!r} must be written without 'the'", pos, key
                        )
                    continue
                if text in seen:
                    raise self._fail(f"{text!r} is listed twice (also in {seen[text]})", pos, key)
                seen[text] = key
            if key == "generic" and len(set(values)) != len(values):
                dup = next(v for v, n in Counter(values).items() if n > 1)
                raise self._fail(f"{dup!r} is listed twice", pos, key)

    # -- access ----------------------------------------------------------------------------

    def _ensure_valid(self) -> None:
        # a registry built in code is validated on first use; load() validates at once
        if self._entries and not self._by_id:
            self.validate()

    def get(self, actor_id: str) -> ActorEntry | None:
        self._ensure_valid()
        return self._by_id.get(actor_id)

    def __contains__(self, actor_id: object) -> bool:
        self._ensure_valid()
        return actor_id in self._by_id

    def __iter__(self) -> Iterator[ActorEntry]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def line_of(self, actor_id: str) -> int | None:
        """The file line an actor was read from (None for entries built in code)."""
        self._ensure_valid()
        pos = self._order.get(actor_id)
        return None if pos is None else self._lines[pos]

    def lookup(self, name: str) -> list[ActorEntry]:
        """Actors that ``name`` names, best first.

        Compares :func:`normalize_name` forms, so case, accents, a leading "the", a possessive
        and dots do not matter ("the U.S.", "US", "Türkiye's"). An exact id ("SAF", "USA") also
        matches; ids are compared case-sensitively so that "are" or "can" find nothing. Order:
        name, alias, id, institution, demonym, capital; then the order of :data:`SHARED_FORMS`;
        then file order.
        """
        self._ensure_valid()
        ranked: dict[str, int] = {
            actor: rank for rank, actor in self._index.get(normalize_name(name), [])
        }
        candidate = name.strip()
        if candidate in self._by_id:
            ranked[candidate] = min(ranked.get(candidate, 99), _ID_RANK)
        if not ranked:
            return []
        key = self._sort_key(normalize_name(name))
        return [
            self._by_id[actor] for _, actor in sorted(((r, a) for a, r in ranked.items()), key=key)
        ]

    def surface_forms(self) -> Iterator[tuple[str, str, str]]:
        """Yield ``(surface text, actor id, form kind)`` for every name, alias, institution,
        demonym and capital, as written in the file. Generic references are not included."""
        for entry in self._entries:
            for text, kind in entry.forms():
                yield text, entry.id, kind

    def counts(self) -> dict[str, int]:
        """Number of actors of each kind."""
        return dict(Counter(entry.kind for entry in self._entries))


def _allowed_share(norm: str, first: str, second: str) -> bool:
    allowed = SHARED_FORMS.get(norm)
    return allowed is not None and first in allowed and second in allowed


def _entry_from_row(path: str, line: int, row: dict[str, Any]) -> ActorEntry:
    unknown = sorted(set(row) - set(KEYS))
    if unknown:
        raise LexiconError(
            path,
            f"unknown key {unknown[0]!r} (keys are: {', '.join(KEYS)})",
            line=line,
            key=unknown[0],
        )
    for key in KEYS:
        if key not in row:
            raise LexiconError(path, f"missing key {key!r}", line=line, key=key)
    for key in ("id", "name", "kind"):
        if not isinstance(row[key], str):
            raise LexiconError(path, f"{key} must be a string", line=line, key=key)
    for key in ("country", "status", "army_actor"):
        if row[key] is not None and not isinstance(row[key], str):
            raise LexiconError(path, f"{key} must be a string or null", line=line, key=key)
    for key in _LIST_KEYS:
        value = row[key]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise LexiconError(path, f"{key} must be a list of strings", line=line, key=key)
    for key in ("id", "kind", "country", "status", "army_actor"):
        value = row[key]
        if isinstance(value, str) and (not value or value != value.strip()):
            raise LexiconError(
                path,
                f"{value!r} is empty or has leading or trailing whitespace",
                line=line,
                key=key,
            )
    return ActorEntry(
        id=row["id"],
        name=row["name"],
        kind=row["kind"],
        country=row["country"],
        status=row["status"],
        aliases=tuple(row["aliases"]),
        demonyms=tuple(row["demonyms"]),
        capitals=tuple(row["capitals"]),
        institutions=tuple(row["institutions"]),
        army_actor=row["army_actor"],
        generic=tuple(row["generic"]),
    )


def validate_file(path: str | Path) -> ActorRegistry:
    """Load and validate the registry at ``path``; raise :class:`LexiconError` if it is invalid."""
    return ActorRegistry.load(path)


def _main() -> int:
    registry = ActorRegistry.load()
    print(f"{registry.path}: {len(registry)} actors, valid")
    for kind in ACTOR_KINDS:
        print(f"  {kind:16} {registry.counts().get(kind, 0)}")
    statuses = Counter(entry.status for entry in registry if entry.is_state)
    print(
        "  states: "
        + ", ".join(
            f"{status or 'other'} {n}"
            for status, n in sorted(statuses.items(), key=lambda s: str(s[0]))
        )
    )
    print(f"  surface forms    {sum(1 for _ in registry.surface_forms())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
