"""The article: normalised text plus what we know about where it came from."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

__all__ = ["Article", "Skipped", "article_id", "normalise_text"]

_NEWLINES = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def normalise_text(text: str) -> str:
    """Unicode NFC, ``\\n`` newlines, no byte-order mark, no trailing whitespace on the whole."""
    text = text.lstrip("\ufeff")
    text = unicodedata.normalize("NFC", text)
    text = _NEWLINES.sub("\n", text)
    return text.strip() + "\n" if text.strip() else ""


def article_id(normalised: str) -> str:
    """``sha256:<hex>`` of the normalised text: stable across runs and machines."""
    return "sha256:" + hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Article:
    """One article ready for extraction. ``text`` is already normalised."""

    text: str
    id: str
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    published: str | None = None  # ISO date or datetime
    language: str = "en"
    origin: str = "-"  # the input it came from: a path, "path:line" for JSONL, "-" for stdin
    stem: str = "article"  # the name --out uses for its file
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def from_text(cls, text: str, **meta: object) -> Article:
        norm = normalise_text(text)
        return cls(text=norm, id=article_id(norm), **meta)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input refused in a batch: where, a stable reason code, and a sentence for people."""

    origin: str
    reason: str
    detail: str
    line: int | None = None

    @property
    def where(self) -> str:
        return f"{self.origin}:{self.line}" if self.line is not None else self.origin

    def __str__(self) -> str:
        return f"{self.where}: {self.detail} [{self.reason}]"
