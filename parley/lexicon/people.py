"""The people registry: named individuals of recent negotiations and the actors they act for.

The packaged file ``data/people.jsonl`` holds one person a line::

    {"name": "Hakan Fidan", "aliases": [], "roles": [
        {"title": "Foreign Minister", "affiliation": "TUR", "from": "2023-06-04", "to": null},
        {"title": "intelligence chief", "affiliation": "TUR", "from": "2010-05", "to": "2023-06-04"}]}

``name`` is the usual English wire spelling; ``aliases`` are other full-name forms news uses
(never the bare surname, which the loader derives from the name's last word). The optional
``surnames`` list adds one-word forms news uses alone where that is not the last word of the
name ("Abiy" for Abiy Ahmed, "Xi" for Xi Jinping). Each role has a ``title`` as news writes
it, an ``affiliation`` (an actor id of the actor registry) and ``from``/``to`` dates written
``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``: a partial ``from`` means the first day of that month or
year, a partial ``to`` the last. A null ``from`` means the start is not recorded; a null ``to``
means the role is still held. Roles are listed main role first: where several roles cover a
date, :meth:`PersonEntry.role_at` picks the one listed first.

:class:`PeopleRegistry` loads and validates the file and finds people by full name
(:meth:`PeopleRegistry.find`) or surname (:meth:`PeopleRegistry.by_surname`), both case-,
accent- and punctuation-insensitively. Run ``python -m parley.lexicon.people`` to validate the
packaged file and print counts.
"""

from __future__ import annotations

import calendar
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Final

from ..errors import LexiconError
from ._jsonl import read_jsonl

__all__ = [
    "HONORIFICS",
    "KEYS",
    "ROLE_KEYS",
    "PeopleRegistry",
    "PersonEntry",
    "Role",
    "fold_name",
    "validate_file",
]

#: Keys a line may have; ``name`` and ``roles`` are required.
KEYS: Final = ("name", "aliases", "surnames", "roles")
#: Keys a role may have; ``title`` and ``affiliation`` are required.
ROLE_KEYS: Final = ("title", "affiliation", "from", "to")

#: Words before a name that are not part of it, skipped when deriving the surname.
HONORIFICS: Final = frozenset(
    """
    sheikh sheik shaikh prince princess king queen emir amir sultan sayyed sayyid sir dame dr
    mr mrs ms gen general president pope cardinal archbishop mullah maulvi ayatollah lt col
    """.split()
)
# Words after a name that are not the surname: regnal numbers and generational suffixes.
_SUFFIXES: Final = frozenset({"ii", "iii", "iv", "v", "vi", "jr", "sr"})
# Lower-case particles that belong to a multi-word surname ("von der Leyen", "Al Thani").
_PARTICLES: Final = frozenset(
    {"al", "el", "bin", "ibn", "von", "van", "der", "den", "de", "da", "du", "la"}
)
# Arabic article prefixes written with a hyphen ("al-Hayya" is also "Hayya").
_ARTICLE_PREFIX: Final = re.compile(r"^(?:al|el|as|ash|ad|an|ar|at|az)-(?=\w)", re.IGNORECASE)

_ID: Final = re.compile(r"^[A-Z][A-Z0-9_]*$")
_DATE: Final = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# Letters NFKD does not decompose to a base letter.
_LETTERS: Final = str.maketrans(
    "ıłŁøØđĐðʼ’",  # noqa: RUF001
    "ilLoODDd''",
    "",
) | str.maketrans({"æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "þ": "th", "ß": "ss"})


def fold_name(text: str) -> str:
    """Fold a name to the key lookups compare: no case, accents or punctuation.

    Apostrophes vanish ("Sare'e" → "saree"); any other run of non-alphanumerics is one space
    ("Ben-Gvir" → "ben gvir").
    """
    text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = text.replace("'", "").replace("`", "")
    return re.sub(r"[^0-9a-z]+", " ", text).strip()


@dataclass(frozen=True)
class Role:
    """One position a person holds or held. ``start``/``end`` are inclusive; None is open."""

    title: str
    affiliation: str
    start: date | None
    end: date | None

    def covers(self, when: date) -> bool:
        """True if the role was held on ``when``."""
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True)
class PersonEntry:
    """One person of the registry. ``extra_surnames`` holds the file's optional ``surnames``."""

    name: str
    aliases: tuple[str, ...]
    roles: tuple[Role, ...]
    extra_surnames: tuple[str, ...] = field(default=(), compare=False)

    @property
    def surname(self) -> str:
        """The last word of the name, past honorifics and regnal numbers ("al-Hayya")."""
        words = _name_words(self.name)
        return words[-1] if words else self.name

    @property
    def surnames(self) -> tuple[str, ...]:
        """Every one-word (or particle-led) form that can stand alone for the person.

        The surname itself, without an Arabic article ("al-Hayya", "Hayya"), its last hyphen
        part ("Ben-Gvir", "Gvir"), a particle-led form ("Al Thani", "von der Leyen") and the
        file's extra ``surnames``.
        """
        words = _name_words(self.name)
        found: list[str] = []
        if words:
            last = words[-1]
            found.append(last)
            bare = _ARTICLE_PREFIX.sub("", last)
            found.append(bare)
            if "-" in bare:
                found.append(bare.rsplit("-", 1)[1])
            i = len(words) - 1
            while i > 1 and words[i - 1].casefold() in _PARTICLES:
                i -= 1
            if i < len(words) - 1:
                found.append(" ".join(words[i:]))
        found.extend(self.extra_surnames)
        unique: dict[str, str] = {}
        for form in found:
            if form and fold_name(form) not in unique:
                unique[fold_name(form)] = form
        return tuple(unique.values())

    def forms(self) -> tuple[str, ...]:
        """The full-name forms: the name, then the aliases."""
        return (self.name, *self.aliases)

    def role_at(self, when: date | None) -> Role | None:
        """The role held on ``when`` (the first listed, if several); failing that, or when
        ``when`` is None, the most recent role: the first listed of those ending last."""
        if not self.roles:
            return None
        if when is not None:
            for role in self.roles:
                if role.covers(when):
                    return role
        return max(self.roles, key=lambda r: (r.end is None, r.end or date.min))

    def affiliation_at(self, when: date | None) -> str | None:
        """The affiliation of :meth:`role_at`, or None."""
        role = self.role_at(when)
        return role.affiliation if role else None


def _name_words(name: str) -> list[str]:
    words = name.split()
    while len(words) > 1 and words[0].rstrip(".").casefold() in HONORIFICS:
        words = words[1:]
    while len(words) > 1 and words[-1].rstrip(".").rstrip(",").casefold() in _SUFFIXES:
        words = words[:-1]
    return words


class PeopleRegistry:
    """The people of a registry file, with lookups by full name and by surname."""

    def __init__(self, entries: Iterable[PersonEntry], *, path: str | Path = "<memory>"):
        self.path = str(path)
        self._entries: list[PersonEntry] = list(entries)
        self._by_form: dict[str, PersonEntry] = {}
        self._by_surname: dict[str, list[PersonEntry]] = {}
        for entry in self._entries:
            for form in entry.forms():
                self._by_form.setdefault(fold_name(form), entry)
            for surname in entry.surnames:
                bucket = self._by_surname.setdefault(fold_name(surname), [])
                if entry not in bucket:
                    bucket.append(entry)

    @classmethod
    def load(
        cls, path: str | Path | None = None, *, actor_ids: set[str] | None = None
    ) -> PeopleRegistry:
        """Read and validate a registry file; by default the packaged ``data/people.jsonl``.

        When ``actor_ids`` is given, every affiliation must be one of them.
        """
        if path is None:
            ref = resources.files("parley.lexicon") / "data" / "people.jsonl"
            with resources.as_file(ref) as packaged:
                return cls._read(Path(packaged), actor_ids)
        return cls._read(Path(path), actor_ids)

    @classmethod
    def _read(cls, path: Path, actor_ids: set[str] | None) -> PeopleRegistry:
        where = str(path)
        entries: list[PersonEntry] = []
        seen: dict[str, tuple[str, int, int]] = {}  # folded form -> (form, line, entry index)
        for number, row in read_jsonl(path):
            entry = _entry_from_row(where, number, row, actor_ids)
            index = len(entries)
            for key, forms in (("name", (entry.name,)), ("aliases", entry.aliases)):
                for form in forms:
                    folded = fold_name(form)
                    if not folded:
                        raise LexiconError(where, f"{form!r} has no letters", line=number, key=key)
                    other = seen.get(folded)
                    if other is None:
                        seen[folded] = (form, number, index)
                    elif other[2] != index:
                        raise LexiconError(
                            where,
                            f"{form!r} is already a name or alias of another person "
                            f"({other[0]!r}, line {other[1]})",
                            line=number,
                            key=key,
                        )
                    elif other[0] == form and key == "aliases":
                        raise LexiconError(where, f"{form!r} is listed twice", line=number, key=key)
            entries.append(entry)
        return cls(entries, path=path)

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[PersonEntry]:
        return iter(self._entries)

    def find(self, full_name: str) -> PersonEntry | None:
        """The person whose name or an alias is ``full_name`` (case, accents and punctuation
        aside); a leading honorific ("Sheikh", "President") is ignored if needed."""
        folded = fold_name(full_name)
        entry = self._by_form.get(folded)
        if entry is None:
            words = folded.split()
            while len(words) > 2 and words[0] in HONORIFICS:
                words = words[1:]
                entry = self._by_form.get(" ".join(words))
                if entry is not None:
                    break
        return entry

    def by_surname(self, surname: str) -> list[PersonEntry]:
        """Every person one of whose :attr:`PersonEntry.surnames` is ``surname``."""
        return list(self._by_surname.get(fold_name(surname), ()))

    def affiliations(self) -> set[str]:
        """Every actor id used by a role."""
        return {role.affiliation for entry in self._entries for role in entry.roles}


def _entry_from_row(
    path: str, line: int, row: dict[str, Any], actor_ids: set[str] | None
) -> PersonEntry:
    for key in row:
        if key not in KEYS:
            raise LexiconError(
                path, f"unknown key {key!r} (allowed: {', '.join(KEYS)})", line=line, key=key
            )
    name = row.get("name")
    if not isinstance(name, str) or not name.strip():
        raise LexiconError(path, "missing or empty name", line=line, key="name")
    if name != name.strip() or "  " in name:
        raise LexiconError(path, f"name {name!r} has stray spaces", line=line, key="name")
    aliases = _strings(path, line, row, "aliases")
    extra = _strings(path, line, row, "surnames")
    for word in extra:
        if " " in word:
            raise LexiconError(
                path, f"surname {word!r} must be one word", line=line, key="surnames"
            )
    roles_raw = row.get("roles")
    if not isinstance(roles_raw, list) or not roles_raw:
        raise LexiconError(
            path, "missing roles: a non-empty list is required", line=line, key="roles"
        )
    roles = tuple(_role(path, line, i, raw, actor_ids) for i, raw in enumerate(roles_raw))
    return PersonEntry(name=name, aliases=aliases, roles=roles, extra_surnames=extra)


def _strings(path: str, line: int, row: dict[str, Any], key: str) -> tuple[str, ...]:
    value = row.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise LexiconError(path, f"{key} must be a list of non-empty strings", line=line, key=key)
    return tuple(value)


def _role(path: str, line: int, index: int, raw: Any, actor_ids: set[str] | None) -> Role:
    prefix = f"roles[{index}]"
    if not isinstance(raw, dict):
        raise LexiconError(path, "a role must be an object", line=line, key=prefix)
    for key in raw:
        if key not in ROLE_KEYS:
            raise LexiconError(
                path,
                f"unknown role key {key!r} (allowed: {', '.join(ROLE_KEYS)})",
                line=line,
                key=f"{prefix}.{key}",
            )
    title = raw.get("title")
    if not isinstance(title, str) or not title.strip():
        raise LexiconError(path, "missing or empty title", line=line, key=f"{prefix}.title")
    affiliation = raw.get("affiliation")
    if not isinstance(affiliation, str) or not _ID.match(affiliation):
        raise LexiconError(
            path,
            f"affiliation {affiliation!r} is not an actor id (^[A-Z][A-Z0-9_]*$)",
            line=line,
            key=f"{prefix}.affiliation",
        )
    if actor_ids is not None and affiliation not in actor_ids:
        raise LexiconError(
            path,
            f"affiliation {affiliation!r} is not in the actor registry",
            line=line,
            key=f"{prefix}.affiliation",
        )
    start = _date(path, line, f"{prefix}.from", raw.get("from"), last=False)
    end = _date(path, line, f"{prefix}.to", raw.get("to"), last=True)
    if start is not None and end is not None and start > end:
        raise LexiconError(
            path,
            f"from {raw.get('from')} is after to {raw.get('to')}",
            line=line,
            key=f"{prefix}.from",
        )
    return Role(title=title, affiliation=affiliation, start=start, end=end)


def _date(path: str, line: int, key: str, value: Any, *, last: bool) -> date | None:
    """Parse ``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``; partial dates to the first or last day."""
    if value is None:
        return None
    match = _DATE.match(value) if isinstance(value, str) else None
    if match is None:
        raise LexiconError(
            path, f"bad date {value!r} (want YYYY-MM-DD, YYYY-MM or YYYY)", line=line, key=key
        )
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else (12 if last else 1)
    try:
        if match.group(3):
            return date(year, month, int(match.group(3)))
        day = calendar.monthrange(year, month)[1] if last else 1
        return date(year, month, day)
    except (ValueError, calendar.IllegalMonthError):
        raise LexiconError(path, f"bad date {value!r}: no such day", line=line, key=key) from None


def validate_file(path: str | Path, *, actor_ids: set[str] | None = None) -> PeopleRegistry:
    """Load and validate the registry at ``path``; raise :class:`LexiconError` if it is invalid."""
    return PeopleRegistry.load(path, actor_ids=actor_ids)


def _main(argv: list[str] | None = None) -> int:
    from .actors import ActorRegistry

    args = sys.argv[1:] if argv is None else argv
    try:
        actor_ids = {a.id for a in ActorRegistry.load()}
        registry = PeopleRegistry.load(args[0] if args else None, actor_ids=actor_ids)
    except LexiconError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    print(f"{len(registry)} people, {len(registry.affiliations())} affiliations")
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
