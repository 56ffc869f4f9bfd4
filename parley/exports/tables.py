"""``--format csv``: a folder of tables that load straight into pandas or R.

Every table is UTF-8 with a header row, quoted as RFC 4180 says (the ``csv`` module's
default dialect: commas, double quotes, CRLF line ends). A null is an empty cell, a list is
its items joined with ``;``, a dict is JSON, a flag is ``True``/``False``, and a date is an
ISO date (``YYYY-MM-DD``; ``articles.csv`` keeps the full stored ``published_at`` too).
Indexes (``term_index``, ``stance_index``, ``event_index``) count from 0 inside the record,
as record paths do (``events.3``). ``evidence`` is the words the evidence points at,
``evidence_spans`` its offsets into the article text (``start-end;…``). CAMEO codes keep
their leading zeros only when read as text: ``pd.read_csv(path, dtype={"cameo_code": str})``.

Per article (``article_id`` joins them; ``canonical_id`` joins the picture):

- ``articles.csv``: article_id, url, title, publisher, published, published_at, language,
  extractor, extractor_version, pipeline, negotiation, and counts of actors, people, sources,
  proposals, terms, stances and events.
- ``actors.csv``: article_id, actor_id, name, kind, country, roles, mentions.
- ``people.csv``: article_id, name, affiliation, title, mentions.
- ``sources.csv``: article_id, source_id, kind, name, affiliation, mentions.
- ``proposals.csv``: article_id, proposal_id, canonical_id, negotiation, label, proposer,
  channel, status, parent, canonical_parent, terms, evidence, evidence_spans.
- ``terms.csv``: article_id, proposal_id, canonical_id, term_index, term_type, family,
  phase, one ``param_<name>`` column per common parameter (:data:`COMMON_PARAMS`),
  params_json (every parameter), evidence, evidence_spans.
- ``stances.csv``: article_id, stance_index, published, actor, stance, polarity,
  proposal_id, canonical_id, term, speaker, source, source_name, certainty, conditions,
  evidence, evidence_spans.
- ``events.csv``: article_id, event_index, published, type, mode, cameo_code, actors,
  recipients, date, date_text, location, source, source_name, evidence, evidence_spans.

Across articles (the negotiation picture, with the analysts' corrections):

- ``negotiations.csv``: negotiation, name, parties, articles, proposals.
- ``canonical_proposals.csv``: negotiation, canonical_id, label, labels, kind, proposer,
  parent, status, first_reported, last_reported, reports, articles, channel.
- ``positions.csv``: negotiation, actor, canonical_id, term, stance (the latest), polarity,
  date, certainty, changed, article_id (of the latest), reports, history (the stances in
  date order), evidence.
"""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path
from typing import Any

from ..record import Record
from ..vocabulary import family_of, polarity_of
from .source import (
    ExportError,
    ExportResult,
    ExportSource,
    Source,
    cameo_code,
    evidence_text,
    iso_date,
    open_target,
    spans,
)

__all__ = ["COMMON_PARAMS", "TABLES", "export_csv"]

COMMON_PARAMS = (
    "count", "categories", "alive_or_deceased", "within_hours", "duration_days", "duration_years",
    "extra_days", "start_at", "timeline_days", "timeline", "duration", "area", "scope", "location",
    "actor", "withdrawing_actor", "group", "extent", "to_line", "measure", "composition",
    "conditions", "guarantors", "body",
)
"""Term parameters that get a column of their own in ``terms.csv`` (all are in params_json)."""

TABLES: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "url", "title", "publisher", "published", "published_at", "language",
                 "extractor", "extractor_version", "pipeline", "negotiation", "actors", "people",
                 "sources", "proposals", "terms", "stances", "events"),
    "actors": ("article_id", "actor_id", "name", "kind", "country", "roles", "mentions"),
    "people": ("article_id", "name", "affiliation", "title", "mentions"),
    "sources": ("article_id", "source_id", "kind", "name", "affiliation", "mentions"),
    "proposals": ("article_id", "proposal_id", "canonical_id", "negotiation", "label", "proposer",
                  "channel", "status", "parent", "canonical_parent", "terms", "evidence",
                  "evidence_spans"),
    "terms": ("article_id", "proposal_id", "canonical_id", "term_index", "term_type", "family",
              "phase", *(f"param_{p}" for p in COMMON_PARAMS), "params_json", "evidence",
              "evidence_spans"),
    "stances": ("article_id", "stance_index", "published", "actor", "stance", "polarity",
                "proposal_id", "canonical_id", "term", "speaker", "source", "source_name",
                "certainty", "conditions", "evidence", "evidence_spans"),
    "events": ("article_id", "event_index", "published", "type", "mode", "cameo_code", "actors",
               "recipients", "date", "date_text", "location", "source", "source_name", "evidence",
               "evidence_spans"),
    "negotiations": ("negotiation", "name", "parties", "articles", "proposals"),
    "canonical_proposals": ("negotiation", "canonical_id", "label", "labels", "kind", "proposer",
                            "parent", "status", "first_reported", "last_reported", "reports",
                            "articles", "channel"),
    "positions": ("negotiation", "actor", "canonical_id", "term", "stance", "polarity", "date",
                  "certainty", "changed", "article_id", "reports", "history", "evidence"),
}
"""Each table's name (the file is ``<name>.csv``) and columns, in the order written."""


def export_csv(source: Source, folder: str | os.PathLike[str]) -> ExportResult:
    """Write the tables of :data:`TABLES` into ``folder`` (made if missing)."""
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise ExportError(f"cannot write the CSV tables into {out}: it is a file, not a folder")
    out.mkdir(parents=True, exist_ok=True)
    data = ExportSource.of(source)
    result = data.result("csv")
    rows = _rows(data)
    for name, columns in TABLES.items():
        path = out / f"{name}.csv"
        with open_target(path) as stream:
            writer = csv.writer(stream)
            writer.writerow(columns)
            for row in rows[name]:
                writer.writerow([_cell(row.get(c)) for c in columns])
        result.counts[name] = len(rows[name])
        result.files.append(path)
    result.articles = len(data.items)
    result.rows = sum(result.counts.values())
    return result


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "True" if value else "False"
    if isinstance(value, list | tuple):
        return ";".join("" if v is None else _scalar(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def _scalar(value: Any) -> str:
    if isinstance(value, dict | list | tuple):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def _rows(data: ExportSource) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    negotiation_of = data.negotiation_of()
    canonical_of = data.canonical_of()
    for record, text in data.items:
        _article_rows(rows, record, text, negotiation_of.get(record.article.id), canonical_of)
    _picture_rows(rows, data)
    return rows


def _article_rows(rows: dict[str, list[dict[str, Any]]], record: Record, text: str | None,
                  negotiation: str | None, canonical_of: dict[str, tuple[str, str, str | None]]) -> None:
    meta = record.article
    aid = meta.id
    published = iso_date(meta.published)
    sources = {s.id: s for s in record.sources}
    extractor = record.extractor
    rows["articles"].append({
        "article_id": aid, "url": meta.url, "title": meta.title, "publisher": meta.publisher,
        "published": published, "published_at": meta.published, "language": meta.language,
        "extractor": extractor.name if extractor else None,
        "extractor_version": extractor.version if extractor else None,
        "pipeline": extractor.pipeline if extractor else None, "negotiation": negotiation,
        "actors": len(record.actors), "people": len(record.people), "sources": len(record.sources),
        "proposals": len(record.proposals), "terms": sum(len(p.terms) for p in record.proposals),
        "stances": len(record.stances), "events": len(record.events),
    })
    for a in record.actors:
        rows["actors"].append({"article_id": aid, "actor_id": a.id, "name": a.name, "kind": a.kind,
                               "country": a.country, "roles": a.roles, "mentions": len(a.mentions)})
    for pe in record.people:
        rows["people"].append({"article_id": aid, "name": pe.name, "affiliation": pe.affiliation,
                               "title": pe.title, "mentions": len(pe.mentions)})
    for s in record.sources:
        rows["sources"].append({"article_id": aid, "source_id": s.id, "kind": s.kind, "name": s.name,
                                "affiliation": s.affiliation, "mentions": len(s.mentions)})
    for p in record.proposals:
        canonical, _, canonical_parent = canonical_of.get(f"{aid}#{p.id}", (None, None, None))
        rows["proposals"].append({
            "article_id": aid, "proposal_id": p.id, "canonical_id": canonical, "negotiation": negotiation,
            "label": p.label, "proposer": p.proposer, "channel": p.channel, "status": p.status,
            "parent": p.parent, "canonical_parent": canonical_parent, "terms": len(p.terms),
            "evidence": evidence_text(text, p.evidence, p.quote), "evidence_spans": spans(p.evidence),
        })
        for index, t in enumerate(p.terms):
            row = {
                "article_id": aid, "proposal_id": p.id, "canonical_id": canonical, "term_index": index,
                "term_type": t.type, "family": family_of(t.type), "phase": t.phase,
                "params_json": json.dumps(t.params, ensure_ascii=False, sort_keys=True),
                "evidence": evidence_text(text, t.evidence, t.quote), "evidence_spans": spans(t.evidence),
            }
            row.update({f"param_{k}": t.params.get(k) for k in COMMON_PARAMS})
            rows["terms"].append(row)
    for index, st in enumerate(record.stances):
        canonical = canonical_of.get(f"{aid}#{st.proposal}", (None,))[0] if st.proposal else None
        source = sources.get(st.source) if st.source else None
        rows["stances"].append({
            "article_id": aid, "stance_index": index, "published": published, "actor": st.actor,
            "stance": st.stance, "polarity": polarity_of(st.stance), "proposal_id": st.proposal,
            "canonical_id": canonical, "term": st.term, "speaker": st.speaker, "source": st.source,
            "source_name": (source.name or source.kind) if source else None, "certainty": st.certainty,
            "conditions": st.conditions, "evidence": evidence_text(text, st.evidence, st.quote),
            "evidence_spans": spans(st.evidence),
        })
    for index, e in enumerate(record.events):
        source = sources.get(e.source) if e.source else None
        rows["events"].append({
            "article_id": aid, "event_index": index, "published": published, "type": e.type,
            "mode": e.mode, "cameo_code": cameo_code(e.type, e.mode), "actors": e.actors,
            "recipients": e.recipients, "date": iso_date(e.date), "date_text": e.date_text,
            "location": e.location, "source": e.source,
            "source_name": (source.name or source.kind) if source else None,
            "evidence": evidence_text(text, e.evidence, e.quote), "evidence_spans": spans(e.evidence),
        })


def _picture_rows(rows: dict[str, list[dict[str, Any]]], data: ExportSource) -> None:
    for n in data.picture.negotiations:
        rows["negotiations"].append({"negotiation": n.id, "name": n.name, "parties": n.parties,
                                     "articles": len(n.articles), "proposals": len(n.proposals)})
        for p in n.proposals:
            rows["canonical_proposals"].append({
                "negotiation": n.id, "canonical_id": p.id, "label": p.label, "labels": p.labels,
                "kind": p.kind, "proposer": p.proposer, "parent": p.parent, "status": p.status,
                "first_reported": iso_date(p.first_reported), "last_reported": iso_date(p.last_reported),
                "reports": len(p.reports), "articles": p.articles, "channel": p.channel,
            })
        for pos in n.positions:
            latest = pos.latest
            rows["positions"].append({
                "negotiation": n.id, "actor": pos.actor, "canonical_id": pos.proposal, "term": pos.term,
                "stance": latest.stance, "polarity": polarity_of(latest.stance),
                "date": iso_date(latest.date), "certainty": latest.certainty, "changed": pos.changed,
                "article_id": latest.article_id, "reports": len(pos.history),
                "history": [e.stance for e in pos.history], "evidence": latest.quote,
            })

