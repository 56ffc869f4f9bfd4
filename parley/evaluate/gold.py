"""Load gold records (spec: ANNOTATION.md, SCORING.md) from a directory of ``*.json`` files.

A gold file is one ``parley.record/1`` record written by a person. It must carry the article
text (``article.text``), and every ``quote`` it gives (on proposals, terms, stances and events)
must be an exact substring of that text. Any problem raises :class:`~parley.errors.EvalError`
naming the file and what is wrong; the record's own validation errors
(:class:`~parley.errors.RecordError`) are wrapped.

    >>> records = load_gold_dir("corpus/dev")        # sorted by file name
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import EvalError, RecordError
from ..record import Record, load_record

__all__ = ["load_gold_dir", "load_gold_file"]


def load_gold_dir(path: str | Path) -> list[Record]:
    """Every ``*.json`` file in ``path`` (not recursive), sorted by name, as gold records.

    Two files with the same ``article.id`` are an error: predictions are paired by that id.
    """
    directory = Path(path)
    if not directory.exists():
        raise EvalError(f"{directory}: no such directory")
    if not directory.is_dir():
        raise EvalError(f"{directory}: not a directory")
    files = sorted(p for p in directory.glob("*.json") if p.is_file())
    if not files:
        raise EvalError(f"{directory}: no gold files (*.json) in the directory")
    records: list[Record] = []
    seen: dict[str, Path] = {}
    for file in files:
        record = load_gold_file(file)
        first = seen.setdefault(record.article.id, file)
        if first != file:
            raise EvalError(
                f"{file}: article.id {record.article.id!r} is also used by {first.name}"
            )
        records.append(record)
    return records


def load_gold_file(path: str | Path) -> Record:
    """One gold record; raise :class:`EvalError` naming the file when it cannot be used."""
    file = Path(path)
    try:
        raw = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{file}: cannot read the file ({exc})") from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise EvalError(
            f"{file}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
    if not isinstance(data, dict):
        raise EvalError(f"{file}: a gold file holds one JSON object (a record)")
    try:
        record = load_record(data, origin=str(file))
    except RecordError as exc:
        raise EvalError(f"invalid gold record: {exc}") from exc
    text = record.article.text
    if not text:
        raise EvalError(f"{file}: a gold record needs the article text at article.text")
    for where, quote in _quotes(record):
        if quote not in text:
            raise EvalError(f"{file}: {where} is not a substring of article.text: {quote!r}")
    return record


def _quotes(record: Record) -> Iterator[tuple[str, str]]:
    """``(JSON path, quote)`` for every quote the record gives."""
    for i, proposal in enumerate(record.proposals):
        if proposal.quote is not None:
            yield f"proposals[{i}].quote", proposal.quote
        for j, term in enumerate(proposal.terms):
            if term.quote is not None:
                yield f"proposals[{i}].terms[{j}].quote", term.quote
    for i, stance in enumerate(record.stances):
        if stance.quote is not None:
            yield f"stances[{i}].quote", stance.quote
    for i, event in enumerate(record.events):
        if event.quote is not None:
            yield f"events[{i}].quote", event.quote
