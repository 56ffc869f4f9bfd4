"""What every export reads and returns: the stored records (and the picture they make), the
result of an export, and the small helpers the formats share.

A store is read once into an :class:`ExportSource`. A stored record that no longer loads (a
record written by an older Parley whose vocabulary has since changed) does not stop the
export: it is set aside as a :class:`Skipped` entry with its article id, and every format
reports it in its :class:`ExportResult`.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any, TypeAlias

from ..errors import ParleyError, RecordError
from ..negotiation.identity import Override
from ..negotiation.model import Picture
from ..negotiation.picture import build_picture
from ..record import Record
from ..store.store import Store
from ..vocabulary import CAMEO_CROSSWALK

__all__ = [
    "ExportError",
    "ExportResult",
    "ExportSource",
    "Skipped",
    "Source",
    "Target",
    "cameo_code",
]

Target: TypeAlias = IO[str] | str | os.PathLike[str]
"""Where a stream export goes: an open text stream, or a path (written whole or not at all)."""

UNREADABLE = "unreadable_record"


class ExportError(ParleyError):
    """An export cannot be written where it was asked to go."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """Something an export could not write: an article (``unreadable_record``) or one of its
    items that the format cannot express (``no_cameo_code``, ``no_actor``…)."""

    article_id: str
    reason: str
    detail: str


@dataclass(slots=True)
class ExportResult:
    """What an export wrote.

    ``articles`` counts the articles exported, ``rows`` what was written (record lines, CSV
    rows over all tables, GraphML edges, PLOVER rows, CAMEO lines); ``counts`` breaks it down
    (rows per table, nodes and edges); ``files`` lists the files written (CSV).
    """

    format: str
    articles: int = 0
    rows: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)

    @property
    def lost(self) -> list[Skipped]:
        """The articles that could not be exported at all."""
        return [s for s in self.skipped if s.reason == UNREADABLE]


@dataclass(slots=True)
class ExportSource:
    """The records to export, in store order, each with its article text (or None)."""

    items: list[tuple[Record, str | None]]
    unreadable: list[Skipped] = field(default_factory=list)
    overrides: list[Override] = field(default_factory=list)
    _picture: Picture | None = None

    @classmethod
    def from_store(cls, store: Store) -> ExportSource:
        """Every stored record with its text, oldest publication first (undated ones last);
        records that no longer load are set aside with their article ids."""
        unreadable: list[Skipped] = []
        try:
            items: list[tuple[Record, str | None]] = list(store.records_with_text())
        except RecordError:
            # one bad record ends the bulk read: read article by article to keep the others
            items = []
            for row in store.articles():
                try:
                    items.append((store.record(row.id), store.article_text(row.id)))
                except RecordError as exc:
                    detail = str(exc).removeprefix(f"{exc.origin}: ")
                    unreadable.append(Skipped(row.id, UNREADABLE, f"the stored record does not load: {detail}"))
        overrides = [Override(o["action"], o["report"], o["target"]) for o in store.overrides()]
        return cls(items, unreadable, overrides)

    @classmethod
    def of(cls, source: Source) -> ExportSource:
        """``source`` as an :class:`ExportSource`: a store, an export source, or records
        (each a :class:`Record` or a ``(record, text)`` pair)."""
        if isinstance(source, ExportSource):
            return source
        if isinstance(source, Store):
            return cls.from_store(source)
        items: list[tuple[Record, str | None]] = []
        for item in source:
            if isinstance(item, Record):
                items.append((item, item.article.text))
            else:
                record, text = item
                items.append((record, text if text is not None else record.article.text))
        return cls(items)

    @property
    def picture(self) -> Picture:
        """The negotiation picture of the records, with the analysts' corrections."""
        if self._picture is None:
            self._picture = build_picture(self.items, self.overrides)
        return self._picture

    def result(self, fmt: str) -> ExportResult:
        """A result for ``fmt`` that already reports the unreadable records."""
        return ExportResult(fmt, skipped=list(self.unreadable))

    def negotiation_of(self) -> dict[str, str]:
        """Article id → the id of the negotiation it is about (articles about none: absent)."""
        return {a: n.id for n in self.picture.negotiations for a in n.articles}

    def canonical_of(self) -> dict[str, tuple[str, str, str | None]]:
        """``article#p1`` → (canonical proposal id, negotiation id, canonical parent)."""
        return {
            r.key: (p.id, n.id, p.parent)
            for n in self.picture.negotiations
            for p in n.proposals
            for r in p.reports
        }


Source: TypeAlias = Store | ExportSource | Iterable[Record] | Iterable[tuple[Record, str | None]]
"""What an export reads: a :class:`Store`, an :class:`ExportSource`, or records."""


# -- helpers shared by the formats ------------------------------------------------------------


def cameo_code(event_type: str, mode: str | None) -> str | None:
    """The CAMEO code of a PLOVER event (type and mode), or None when the crosswalk has none."""
    return CAMEO_CROSSWALK.get((event_type, mode)) or CAMEO_CROSSWALK.get((event_type, None))


def evidence_text(
    text: str | None, evidence: Sequence[Sequence[int]] | None, quote: str | None = None
) -> str | None:
    """The words the evidence points at (spans joined by `` … ``), or a gold record's quote."""
    if quote:
        return quote
    if not text or not evidence:
        return None
    return " … ".join(text[start:end] for start, end in evidence)


def spans(evidence: Sequence[Sequence[int]] | None) -> str:
    """``"12-40;88-120"``: the evidence offsets, for tables."""
    return ";".join(f"{start}-{end}" for start, end in evidence or ())


def iso_date(value: str | None) -> str | None:
    """The ISO date (``YYYY-MM-DD``) of an ISO date or datetime; other text as it is."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return value


def actor_names(items: Iterable[tuple[Record, str | None]]) -> dict[str, dict[str, Any]]:
    """Actor id → name, kind, country and roles over all records: the name and kind most
    records give (the registry's when no record declares the actor)."""
    names: dict[str, Counter[str]] = {}
    kinds: dict[str, Counter[str]] = {}
    countries: dict[str, Counter[str]] = {}
    roles: dict[str, dict[str, None]] = {}
    for record, _ in items:
        for actor in record.actors:
            names.setdefault(actor.id, Counter())[actor.name] += 1
            kinds.setdefault(actor.id, Counter())[actor.kind] += 1
            if actor.country:
                countries.setdefault(actor.id, Counter())[actor.country] += 1
            roles.setdefault(actor.id, {}).update(dict.fromkeys(actor.roles))
    out: dict[str, dict[str, Any]] = {}
    for actor_id in names:
        out[actor_id] = {
            "name": _most(names[actor_id]),
            "kind": _most(kinds[actor_id]),
            "country": _most(countries[actor_id]) if actor_id in countries else None,
            "roles": sorted(roles.get(actor_id, {})),
        }
    return out


def registry_actor(actor_id: str) -> dict[str, Any]:
    """What the actor registry says of an actor no record declares (its id when unknown)."""
    from ..extract.lexicons import load_lexicons

    entry = load_lexicons().actors.get(actor_id)
    if entry is None:
        return {"name": actor_id, "kind": None, "country": None, "roles": []}
    return {"name": entry.name, "kind": entry.kind, "country": entry.country, "roles": []}


def _most(counter: Counter[str]) -> str:
    # the most frequent value; the first seen among equals (Counter keeps insertion order)
    return max(counter, key=lambda k: counter[k])


@contextmanager
def open_target(target: Target) -> Iterator[IO[str]]:
    """``target`` as a writable text stream. A path is written to a temporary file beside it
    and moved into place at the end, so a failed export leaves no half-written file."""
    if hasattr(target, "write"):
        yield target  # type: ignore[misc]
        return
    path = Path(target)  # type: ignore[arg-type]
    if path.is_dir():
        raise ExportError(f"cannot write {path}: it is a folder")
    if not path.parent.is_dir():
        raise ExportError(f"cannot write {path}: folder {path.parent} does not exist")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("w", encoding="utf-8", newline="") as stream:
            yield stream
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
