"""The per-article record, ``parley.record/1`` (spec: RECORD.md), as typed classes.

A :class:`Record` validates when it is built, loaded and dumped: closed vocabularies, offsets
that index the article text, and references between its parts (a stance's proposal, a term
type, a source id). Gold records (ANNOTATION.md) use the same classes: they carry the article
``text``, actor ``aliases`` and a ``quote`` in place of ``evidence``.

    >>> rec = Record.model_validate_json(line)           # raises pydantic.ValidationError
    >>> rec = load_record(data, origin="d01.json")       # raises RecordError
    >>> rec.to_json()
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any, Final, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from ._version import EXTRACTOR_VERSION
from .errors import RecordError
from .vocabulary import (
    ACTOR_KINDS,
    CERTAINTIES,
    EVENT_MODES,
    EVENT_TYPES,
    PROPOSAL_STATUSES,
    ROLES,
    SOURCE_KINDS,
    STANCES,
    TERM_TYPES,
)

__all__ = [
    "FORMAT",
    "Actor",
    "ArticleMeta",
    "Event",
    "ExtractorInfo",
    "Person",
    "Proposal",
    "Record",
    "Source",
    "Span",
    "Stance",
    "Term",
    "load_record",
    "record_json_schema",
]

FORMAT: Final = "parley.record/1"

Span = tuple[int, int]

ActorKind = Literal[ACTOR_KINDS]  # type: ignore[valid-type]
Role = Literal[ROLES]  # type: ignore[valid-type]
SourceKind = Literal[SOURCE_KINDS]  # type: ignore[valid-type]
TermType = Literal[TERM_TYPES]  # type: ignore[valid-type]
StanceName = Literal[STANCES]  # type: ignore[valid-type]
Certainty = Literal[CERTAINTIES]  # type: ignore[valid-type]
Status = Literal[PROPOSAL_STATUSES]  # type: ignore[valid-type]
EventType = Literal[EVENT_TYPES]  # type: ignore[valid-type]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=False)


def _check_spans(spans: list[Span]) -> list[Span]:
    for start, end in spans:
        if start < 0 or end < start:
            raise ValueError(f"span [{start}, {end}) is not a [start, end) pair of offsets")
    return spans


class _Evidenced(_Model):
    """A fact with evidence: offsets into the text, or a gold ``quote``."""

    evidence: list[Span] | None = None
    quote: str | None = Field(default=None, description="gold records: exact substring of the text")

    @field_validator("evidence")
    @classmethod
    def _spans(cls, v: list[Span] | None) -> list[Span] | None:
        return None if v is None else _check_spans(v)

    @model_validator(mode="after")
    def _needs_evidence(self) -> _Evidenced:
        if not self.evidence and not self.quote:
            raise ValueError("needs at least one evidence span (or a gold quote)")
        return self


class ArticleMeta(_Model):
    id: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = Field(default=None, description="ISO date or datetime, or null")
    language: str = "en"
    text: str | None = Field(default=None, description="gold records and --with-text output")

    @field_validator("published")
    @classmethod
    def _iso(cls, v: str | None) -> str | None:
        if v is None:
            return v
        from datetime import date, datetime

        try:
            date.fromisoformat(v[:10])
            if len(v) > 10:
                datetime.fromisoformat(v)
        except ValueError:
            raise ValueError(f"published must be an ISO date or datetime (not {v!r})") from None
        return v


class ExtractorInfo(_Model):
    name: str = "parley"
    version: str = EXTRACTOR_VERSION
    pipeline: str = "rules+en_core_web_sm"


class Actor(_Model):
    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    roles: list[Role] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)
    aliases: list[str] | None = Field(default=None, description="gold records only")

    @field_validator("mentions")
    @classmethod
    def _spans(cls, v: list[Span]) -> list[Span]:
        return _check_spans(v)


class Person(_Model):
    name: str
    affiliation: str | None = None
    title: str | None = None
    mentions: list[Span] = Field(default_factory=list)

    @field_validator("mentions")
    @classmethod
    def _spans(cls, v: list[Span]) -> list[Span]:
        return _check_spans(v)


class Source(_Model):
    id: str
    kind: SourceKind
    name: str | None = None
    affiliation: str | None = None
    mentions: list[Span] = Field(default_factory=list)

    @field_validator("mentions")
    @classmethod
    def _spans(cls, v: list[Span]) -> list[Span]:
        return _check_spans(v)


class Term(_Evidenced):
    type: TermType
    params: dict[str, Any] = Field(default_factory=dict)
    phase: int | None = None
    id: str | None = Field(default=None, description="optional term id, e.g. 'p1.t2'")
    sequencing: dict[str, str] | None = Field(
        default=None, description="e.g. {'in_exchange_for': 'p1.t2'} (VOCABULARY.md conventions)"
    )


class Proposal(_Evidenced):
    id: str
    label: str | None = None
    proposer: str | None = None
    channel: list[str] = Field(default_factory=list)
    status: Status | None = None
    parent: str | None = None
    terms: list[Term] = Field(default_factory=list)


class Stance(_Evidenced):
    actor: str
    stance: StanceName
    proposal: str | None = None
    term: TermType | None = None
    speaker: str | None = None
    conditions: list[str] = Field(default_factory=list)
    source: str | None = None
    certainty: Certainty = "confirmed"


class Event(_Evidenced):
    type: EventType
    mode: str | None = None
    actors: list[str] = Field(default_factory=list)
    recipients: list[str] = Field(default_factory=list)
    date: str | None = None
    date_text: str | None = None
    location: str | None = None
    source: str | None = None

    @model_validator(mode="after")
    def _mode(self) -> Event:
        allowed = EVENT_MODES[self.type]
        if self.mode is not None and allowed and self.mode not in allowed:
            raise ValueError(
                f"mode {self.mode!r} is not a mode of {self.type} (valid: {', '.join(allowed)})"
            )
        return self


class Record(_Model):
    format: Literal["parley.record/1"] = FORMAT
    article: ArticleMeta
    extractor: ExtractorInfo | None = None
    actors: list[Actor] = Field(default_factory=list)
    people: list[Person] = Field(default_factory=list)
    sources: list[Source] = Field(default_factory=list)
    proposals: list[Proposal] = Field(default_factory=list)
    stances: list[Stance] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    notes: list[str] | None = Field(default=None, description="gold records: annotator notes")

    @model_validator(mode="after")
    def _references(self) -> Record:
        """References inside the record point at things the record defines.

        Messages start with the field path in pydantic's dotted form (``stances.0.proposal``).
        """
        proposals = {p.id: p for p in self.proposals}
        if len(proposals) != len(self.proposals):
            repeated = _repeated(p.id for p in self.proposals)
            raise ValueError(f"proposals: proposal ids must be unique ({repeated})")
        sources = {s.id for s in self.sources}
        if len(sources) != len(self.sources):
            repeated = _repeated(s.id for s in self.sources)
            raise ValueError(f"sources: source ids must be unique ({repeated})")
        for i, p in enumerate(self.proposals):
            if p.parent is not None and p.parent not in proposals:
                raise ValueError(
                    f"proposals.{i}.parent: {p.parent!r} is not a proposal id (proposal {p.id})"
                )
        for i, s in enumerate(self.stances):
            if s.proposal is not None and s.proposal not in proposals:
                raise ValueError(f"stances.{i}.proposal: {s.proposal!r} is not a proposal id")
            if s.source is not None and s.source not in sources:
                raise ValueError(f"stances.{i}.source: {s.source!r} is not a source id")
        for i, e in enumerate(self.events):
            if e.source is not None and e.source not in sources:
                raise ValueError(f"events.{i}.source: {e.source!r} is not a source id")
        text = self.article.text
        if text is not None:
            self._check_offsets(len(text))
        return self

    def _check_offsets(self, length: int) -> None:
        def check(where: str, spans: list[Span] | None) -> None:
            for start, end in spans or ():
                if end > length:
                    raise ValueError(
                        f"{where}: span [{start}, {end}) runs past the end of the text ({length} chars)"
                    )

        for i, a in enumerate(self.actors):
            check(f"actors.{i}.mentions", a.mentions)
        for i, pe in enumerate(self.people):
            check(f"people.{i}.mentions", pe.mentions)
        for i, so in enumerate(self.sources):
            check(f"sources.{i}.mentions", so.mentions)
        for i, p in enumerate(self.proposals):
            check(f"proposals.{i}.evidence", p.evidence)
            for j, t in enumerate(p.terms):
                check(f"proposals.{i}.terms.{j}.evidence", t.evidence)
        for i, st in enumerate(self.stances):
            check(f"stances.{i}.evidence", st.evidence)
        for i, ev in enumerate(self.events):
            check(f"events.{i}.evidence", ev.evidence)

    def check_text(self, text: str) -> None:
        """Raise :class:`RecordError` if any offset does not index ``text``."""
        try:
            self._check_offsets(len(text))
        except ValueError as exc:
            raise RecordError(str(exc), origin=self.article.id) from None

    def proposal(self, proposal_id: str | None) -> Proposal | None:
        return next((p for p in self.proposals if p.id == proposal_id), None)

    def to_dict(self, *, with_text: bool = False) -> dict[str, Any]:
        """The record as plain JSON data, in the field order of RECORD.md.

        Optional fields outside RECORD.md's shape (gold ``quote``/``aliases``/``notes``, term
        ``id``/``sequencing``) appear only when set.
        """
        data = self.model_dump(mode="json", exclude_none=False)
        _strip_unset(data)
        if not with_text:
            data["article"].pop("text", None)
        elif data["article"].get("text") is None:
            data["article"].pop("text", None)
        return data

    def to_json(self, *, with_text: bool = False, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(with_text=with_text), ensure_ascii=False, indent=indent)


_OPTIONAL_EXTRAS = {"quote", "aliases", "notes", "sequencing", "id", "text"}


def _strip_unset(data: Any) -> None:
    """Drop the optional extras (gold-only or convention fields) that are null."""
    if isinstance(data, dict):
        for key in [k for k, v in data.items() if v is None and k in _OPTIONAL_EXTRAS]:
            # proposal/source ids are never None; term ids are optional
            del data[key]
        if data.get("evidence") is None and "quote" in data:
            data.pop("evidence", None)
        # RECORD.md puts evidence last (before a proposal's terms)
        for key in ("quote", "evidence", "terms"):
            if key in data:
                data[key] = data.pop(key)
        for value in data.values():
            _strip_unset(value)
    elif isinstance(data, list):
        for item in data:
            _strip_unset(item)


def load_record(data: dict[str, Any] | str, *, origin: str | None = None) -> Record:
    """Validate ``data`` (a dict or a JSON string) as a record; raise :class:`RecordError`."""
    try:
        if isinstance(data, str):
            return Record.model_validate_json(data)
        return Record.model_validate(data)
    except ValidationError as exc:
        raise RecordError(_describe(exc), origin=origin) from None


def _describe(exc: ValidationError) -> str:
    """The first error of ``exc`` as ``field.path: message`` (and how many more there are)."""
    first = exc.errors()[0]
    loc = ".".join(str(part) for part in first["loc"])
    error = (first.get("ctx") or {}).get("error")
    # a ValueError raised by a validator: its own words, without pydantic's "Value error, "
    msg = str(error) if first["type"] == "value_error" and error is not None else first["msg"]
    if not loc:  # a record-level check: its message starts with the field path
        text = msg
    elif msg.split(":", 1)[0].startswith(loc + "."):  # e.g. events.0 → events.0.source: …
        text = msg
    else:
        text = f"{loc}: {msg}"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return text + more


def _repeated(ids: Iterable[str]) -> str:
    counts = Counter(ids)
    return "repeated: " + ", ".join(sorted(i for i, n in counts.items() if n > 1))


def record_json_schema() -> dict[str, Any]:
    """The JSON Schema of ``parley.record/1``."""
    schema = Record.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://parley.invalid/schema/parley.record-1.json"
    schema["title"] = FORMAT
    return schema
