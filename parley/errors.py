"""Parley's exceptions: one tree with a single root.

    ParleyError
    ├── InputError          an article could not be read (carries origin, line, reason code)
    ├── RecordError         a record does not follow parley.record/1 (carries the field path)
    ├── LexiconError        a packaged or user data file is invalid (carries file:line and key)
    ├── ModelError          the spaCy model is not installed
    ├── StoreError          the database cannot be opened, migrated or written
    │   └── NotFoundError   an id names nothing in the store
    └── EvalError           a gold directory or file cannot be scored

Library code raises these; the CLI turns them into ``Error: …`` and exit status 1.
"""

from __future__ import annotations

__all__ = [
    "EvalError",
    "InputError",
    "LexiconError",
    "ModelError",
    "NotFoundError",
    "ParleyError",
    "RecordError",
    "StoreError",
]


class ParleyError(Exception):
    """Root of every error Parley raises on purpose."""


class InputError(ParleyError):
    """An input could not be turned into an article.

    ``origin`` names the input (a path, ``-`` for stdin); ``line`` is the 1-based line of a
    JSONL file; ``reason`` is a short stable code (``empty``, ``binary``, ``not_english``, …)
    that batch summaries count.
    """

    def __init__(self, origin: str, reason: str, detail: str, *, line: int | None = None):
        self.origin = origin
        self.reason = reason
        self.detail = detail
        self.line = line
        where = f"{origin}:{line}" if line is not None else origin
        super().__init__(f"{where}: {detail} [{reason}]")

    @property
    def where(self) -> str:
        return f"{self.origin}:{self.line}" if self.line is not None else self.origin


class RecordError(ParleyError):
    """A record is not a valid ``parley.record/1`` record."""

    def __init__(self, message: str, *, origin: str | None = None):
        self.origin = origin
        super().__init__(f"{origin}: {message}" if origin else message)


class LexiconError(ParleyError):
    """A data file (actor registry, cue lexicon, …) is invalid; names file, line and key."""

    def __init__(self, path: str, message: str, *, line: int | None = None, key: str | None = None):
        self.path = path
        self.line = line
        self.key = key
        where = f"{path}:{line}" if line is not None else path
        if key:
            where += f" [{key}]"
        super().__init__(f"{where}: {message}")


class ModelError(ParleyError):
    """The spaCy model Parley needs is not installed."""


class StoreError(ParleyError):
    """The store cannot be opened, migrated or written."""


class NotFoundError(StoreError):
    """An id names nothing in the store."""


class EvalError(ParleyError):
    """A gold directory or gold file cannot be scored."""
