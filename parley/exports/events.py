"""``--format plover`` and ``--format cameo``: the records' events as event data.

**PLOVER, in the field layout of POLECAT** (the PLOVER-coded event dataset of Halterman et
al. on Harvard Dataverse), as a JSON array of objects, or JSON lines with ``jsonl``. Like
POLECAT, each row is one (event, actor, recipient) pair: an event with two actors and two
recipients gives four rows; a reciprocal event (recipients empty: a meeting, a joint
agreement) gives one row per actor with the recipient fields null; an event with no actor
one row with the actor fields null. The fields, in this order:

===================  ===================================================================
``event_id``         ``<article id>#e<i>.<k>``: event ``i`` of the record (from 0, as in
                     ``events.csv``), row ``k`` of that event (from 0)
``event_date``       the event's ISO date, else the article's publication date, else null
``event_type``       the PLOVER category (``CONSULT``, ``AGREE``…)
``event_mode``       the PLOVER mode (``third-party``, ``release``…) or null
``event_text``       the evidence: the article's words that report the event
``story_id``         the article id
``story_date``       the article's publication date (ISO, as stored) or null
``publisher``        the article's publisher or null
``actor_name``       the actor's name as the article gives it (or the registry's)
``actor_country``    the ISO 3166-1 alpha-3 code of the actor's country, or null
``actor_code``       the Parley actor id (``HAMAS``; a state's id is its alpha-3 code)
``recipient_name``   the same three for the recipient (null in a reciprocal event)
``recipient_country``
``recipient_code``
``placename``        the event's location as the article names it, or null
``source``           who the article attributes the event to (the source's name or kind),
                     or null when it states it in its own voice
``version``          ``parley-<extractor version>`` of the record
===================  ===================================================================

POLECAT's geocoding, actor sectors and contexts have no Parley counterpart and are left out.

**CAMEO** as tab-separated lines with a header: ``date`` (ISO; the event's, else the
article's), ``source`` and ``target`` (Parley actor ids: a state's id is its ISO alpha-3
code, which CAMEO's country codes largely follow), ``code`` (from
:data:`parley.vocabulary.CAMEO_CROSSWALK`: the (type, mode) code, else the type's default)
and ``article_id``. One line per (actor, recipient) pair; a reciprocal event gives one line
per ordered pair of its actors (CAMEO codes "A and B met" as A→B and B→A), and a lone actor a
line with an empty target. Events whose type has no CAMEO code, and events with no actor,
are reported as skipped. Read the codes as text to keep their leading zeros
(``pd.read_csv(path, sep="\t", dtype={"code": str})``).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any

from .._version import EXTRACTOR_VERSION
from ..record import Event, Record
from .source import (
    ExportResult,
    ExportSource,
    Skipped,
    Source,
    Target,
    actor_names,
    cameo_code,
    evidence_text,
    iso_date,
    open_target,
    registry_actor,
)

__all__ = ["CAMEO_COLUMNS", "PLOVER_FIELDS", "export_cameo", "export_plover", "plover_rows"]

PLOVER_FIELDS = (
    "event_id", "event_date", "event_type", "event_mode", "event_text", "story_id", "story_date",
    "publisher", "actor_name", "actor_country", "actor_code", "recipient_name",
    "recipient_country", "recipient_code", "placename", "source", "version",
)
"""The fields of a PLOVER row, in order (POLECAT's layout; see the module docstring)."""

CAMEO_COLUMNS = ("date", "source", "target", "code", "article_id")


def _pairs(event: Event) -> list[tuple[str | None, str | None]]:
    """(actor, recipient) pairs as POLECAT gives them."""
    actors: list[str | None] = list(event.actors) or [None]
    recipients: list[str | None] = list(event.recipients) or [None]
    return [(a, r) for a in actors for r in recipients]


def plover_rows(source: Source) -> Iterator[dict[str, Any]]:
    """The PLOVER rows of ``source``'s events, in store order."""
    data = ExportSource.of(source)
    yield from _plover_rows(data, actor_names(data.items))


def _who(actor_id: str | None, local: dict[str, dict[str, Any]],
         known: dict[str, dict[str, Any]]) -> dict[str, Any]:
    if actor_id is None:
        return {"name": None, "country": None, "code": None}
    info = local.get(actor_id) or known.get(actor_id) or registry_actor(actor_id)
    return {"name": info["name"], "country": info["country"], "code": actor_id}


def _plover_rows(data: ExportSource, known: dict[str, dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for record, text in data.items:
        meta = record.article
        local = {a.id: {"name": a.name, "country": a.country} for a in record.actors}
        sources = {s.id: s for s in record.sources}
        version = f"parley-{record.extractor.version if record.extractor else EXTRACTOR_VERSION}"

        for i, event in enumerate(record.events):
            source = sources.get(event.source) if event.source else None
            for k, (actor, recipient) in enumerate(_pairs(event)):
                a, r = _who(actor, local, known), _who(recipient, local, known)
                yield {
                    "event_id": f"{meta.id}#e{i}.{k}",
                    "event_date": iso_date(event.date) or iso_date(meta.published),
                    "event_type": event.type,
                    "event_mode": event.mode,
                    "event_text": evidence_text(text, event.evidence, event.quote),
                    "story_id": meta.id,
                    "story_date": meta.published,
                    "publisher": meta.publisher,
                    "actor_name": a["name"],
                    "actor_country": a["country"],
                    "actor_code": a["code"],
                    "recipient_name": r["name"],
                    "recipient_country": r["country"],
                    "recipient_code": r["code"],
                    "placename": event.location,
                    "source": (source.name or source.kind) if source else None,
                    "version": version,
                }


def export_plover(source: Source, target: Target, *, jsonl: bool = False) -> ExportResult:
    """Write the events of ``source`` to ``target`` as PLOVER rows (a JSON array, or JSON
    lines with ``jsonl``)."""
    data = ExportSource.of(source)
    result = data.result("plover")
    rows = list(_plover_rows(data, actor_names(data.items)))
    with open_target(target) as out:
        if jsonl:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        else:
            out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
    result.articles = len(data.items)
    result.rows = len(rows)
    return result


def _cameo_lines(record: Record, skipped: list[Skipped]) -> Iterator[tuple[str, ...]]:
    meta = record.article
    for i, event in enumerate(record.events):
        code = cameo_code(event.type, event.mode)
        what = f"events.{i} ({event.type}{'/' + event.mode if event.mode else ''})"
        if code is None:
            skipped.append(Skipped(meta.id, "no_cameo_code", f"{what} has no CAMEO code"))
            continue
        if not event.actors:
            skipped.append(Skipped(meta.id, "no_actor", f"{what} has no actor"))
            continue
        date = iso_date(event.date) or iso_date(meta.published) or ""
        if event.recipients:
            pairs = [(a, r) for a in event.actors for r in event.recipients]
        elif len(event.actors) > 1:
            pairs = [(a, b) for a in event.actors for b in event.actors if a != b]
        else:
            pairs = [(event.actors[0], "")]
        for actor, recipient in pairs:
            yield (date, actor, recipient, code, meta.id)


def export_cameo(source: Source, target: Target) -> ExportResult:
    """Write the events of ``source`` to ``target`` as tab-separated CAMEO lines."""
    data = ExportSource.of(source)
    result = data.result("cameo")
    with open_target(target) as out:
        writer = csv.writer(out, delimiter="\t", lineterminator="\n")
        writer.writerow(CAMEO_COLUMNS)
        for record, _ in data.items:
            for line in _cameo_lines(record, result.skipped):
                writer.writerow(line)
                result.rows += 1
            result.articles += 1
    return result
