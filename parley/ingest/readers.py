"""Read files, directories and stdin into :class:`~parley.ingest.article.Article` objects.

Supported inputs
    ``.txt``   plain UTF-8 text; metadata only from keyword arguments.
    ``.json``  one object: ``text`` (required), ``url``, ``title``, ``publisher``,
               ``published``, ``id`` (optional).
    ``.jsonl`` one such object per line; blank lines are ignored; read line by line, so the
               file may be larger than :data:`MAX_BYTES` (each line may not).
    ``.html`` / ``.htm``  main text and metadata via trafilatura (:mod:`parley.ingest.html`).
    a directory  every supported file below it, recursively, sorted by path; hidden files and
               directories are ignored; other files are refused as ``unsupported_type``.
    ``-``      stdin: text, or JSON / JSONL when the content starts with ``{``.

Metadata given as keyword arguments (``url``, ``title``, ``publisher``, ``published``: the
CLI's ``--url`` etc.) overrides what a file says, but only when it is not ``None``.

Every refusal is an :class:`~parley.errors.InputError` with a stable reason code:
``not_found``, ``unsupported_type``, ``unreadable``, ``too_large``, ``empty``, ``binary``,
``undecodable``, ``malformed_json``, ``missing_text``, ``no_article_body``, ``not_english``,
``bad_metadata``. :func:`read_path` raises the first; :func:`iter_articles` turns each into a
:class:`~parley.ingest.article.Skipped` and carries on.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from .article import Article, Skipped, article_id, normalise_text
from .html import html_to_article_fields
from .language import language_verdict

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "article_from_text",
    "iter_articles",
    "normalise_published",
    "read_path",
    "safe_stem",
]

MAX_BYTES = 5 * 1024 * 1024
"""Largest accepted input: a file, one JSONL line, stdin, or an article's text (UTF-8 bytes)."""

SUPPORTED_SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".html": "html",
    ".htm": "html",
}
"""File suffix (lower case) → the reader that handles it."""

_SNIFF_BYTES = 8192  # the binary check looks at this many leading bytes
_MAX_CONTROL_RATIO = 0.10  # more control characters than this share of bytes: binary
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\v") + b"\x7f"
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_STEM_MAX = 100
_UNSAFE_STEM = re.compile(r"[^A-Za-z0-9._-]+")

Source = IO[str] | IO[bytes]


# --------------------------------------------------------------------------------------------
# metadata


def normalise_published(value: object) -> str | None:
    """An ISO ``YYYY-MM-DD`` date, or a full ISO datetime when a time is given.

    Accepts ``None``/blank (→ ``None``), :class:`~datetime.date`, :class:`~datetime.datetime`
    and ISO 8601 strings (``2025-05-06``, ``2025-05-06T14:30``, ``2025-05-06T14:30:00Z``, …).
    Raises :class:`ValueError` for anything else.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f"expected a string, not {type(value).__name__}")
    text = value.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO date (YYYY-MM-DD) or datetime") from None


def safe_stem(value: object) -> str | None:
    """``value`` made safe as a file name (letters, digits, ``.``, ``_``, ``-``), or ``None``.

    Used for the ``id`` of a JSONL line: ``"gaza/2025-05-06 #1"`` → ``"gaza_2025-05-06_1"``.
    """
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    stem = _UNSAFE_STEM.sub("_", unicodedata.normalize("NFKC", str(value))).strip("._-")
    return stem[:_STEM_MAX] or None


def _meta_string(name: str, value: object, origin: str, line: int | None) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(
            origin,
            "bad_metadata",
            f"'{name}' must be a string, not {type(value).__name__} ({value!r:.60})",
            line=line,
        )
    value = unicodedata.normalize("NFC", value).strip()
    return value or None


def _checked_meta(meta: dict[str, object], origin: str, line: int | None) -> dict[str, Any]:
    """Validate ``url``/``title``/``publisher``/``published``; raises ``bad_metadata``."""
    checked: dict[str, Any] = {
        name: _meta_string(name, meta.get(name), origin, line)
        for name in ("url", "title", "publisher")
    }
    try:
        checked["published"] = normalise_published(meta.get("published"))
    except ValueError as exc:
        raise InputError(
            origin, "bad_metadata", f"'published' cannot be read as a date: {exc}", line=line
        ) from None
    return checked


def _overlay(found: dict[str, object], given: dict[str, object]) -> dict[str, object]:
    """Metadata found in the input, overridden by the caller's wherever that is not None."""
    return {**found, **{key: value for key, value in given.items() if value is not None}}


# --------------------------------------------------------------------------------------------
# the article itself


def _make_article(
    text: str,
    *,
    origin: str,
    line: int | None,
    stem: str,
    meta: dict[str, object],
    extra: dict[str, object] | None = None,
) -> Article:
    """Validate and build one article; every check raises :class:`InputError`."""
    if len(text) > MAX_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise InputError(
            origin, "too_large", f"the text is over the {_size(MAX_BYTES)} limit", line=line
        )
    checked = _checked_meta(meta, origin, line)
    if "\x00" in text:
        raise InputError(
            origin, "binary", f"the text contains a NUL character at offset {text.index(chr(0))}", line=line
        )
    norm = normalise_text(text)
    if not norm:
        raise InputError(origin, "empty", "there is no text (empty or only whitespace)", line=line)
    verdict = language_verdict(norm)
    if not verdict.english:
        raise InputError(
            origin,
            "not_english",
            f"the text is not English (identified as '{verdict.code}', probability "
            f"{verdict.score:.2f}); Parley reads English articles only",
            line=line,
        )
    return Article(
        text=norm,
        id=article_id(norm),
        language="en",
        origin=origin if line is None else f"{origin}:{line}",
        stem=stem,
        extra=dict(extra or {}),
        **checked,
    )


def article_from_text(
    text: str,
    *,
    origin: str = "-",
    stem: str = "article",
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    published: str | date | None = None,
) -> Article:
    """Build an :class:`Article` from a string, with the same checks as the file readers.

    Raises :class:`InputError`: ``too_large``, ``empty``, ``not_english`` or ``bad_metadata``.
    """
    meta: dict[str, object] = {
        "url": url,
        "title": title,
        "publisher": publisher,
        "published": published,
    }
    return _make_article(text, origin=origin, line=None, stem=stem, meta=meta)


def _article_from_object(
    obj: dict[str, Any],
    *,
    origin: str,
    line: int | None,
    stem: str,
    given: dict[str, object],
) -> Article:
    """An article from one decoded JSON object (a ``.json`` file or a JSONL line)."""
    text = obj.get("text")
    if not isinstance(text, str):
        found = (
            "has no 'text' field"
            if text is None
            else f"has {_with_article(_json_type(text))} as 'text'"
        )
        hint = ""
        if isinstance(obj.get("article"), dict):
            hint = " (it looks like a Parley record: the article is under 'article')"
        raise InputError(
            origin,
            "missing_text",
            f"the JSON object {found}; a string 'text' is required{hint}",
            line=line,
        )
    if not text.strip():
        raise InputError(origin, "empty", "the JSON object's 'text' is empty", line=line)
    extra: dict[str, object] = {}
    source_id = obj.get("id")
    if source_id is not None:
        if isinstance(source_id, bool) or not isinstance(source_id, str | int):
            raise InputError(
                origin,
                "bad_metadata",
                f"'id' must be a string or an integer, not {_json_type(source_id)}",
                line=line,
            )
        extra["source_id"] = str(source_id)
    in_file = {key: obj.get(key) for key in ("url", "title", "publisher", "published")}
    return _make_article(
        text, origin=origin, line=line, stem=stem, meta=_overlay(in_file, given), extra=extra
    )


# --------------------------------------------------------------------------------------------
# bytes → text


def _size(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB ({n:,} bytes)"


def _check_bytes(head: bytes, origin: str, *, what: str = "the file") -> None:
    """Refuse UTF-16 and binary data from the first bytes of an input."""
    head = head[:_SNIFF_BYTES]
    if head.startswith(_UTF16_BOMS):
        raise InputError(
            origin,
            "undecodable",
            f"{what} starts with a UTF-16 byte-order mark; only UTF-8 is read, save it as UTF-8",
        )
    if b"\x00" in head:
        raise InputError(
            origin,
            "binary",
            f"{what} looks binary, not text: it has NUL bytes in its first {len(head):,} bytes",
        )
    if head:
        controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
        if controls / len(head) > _MAX_CONTROL_RATIO:
            raise InputError(
                origin,
                "binary",
                f"{what} looks binary, not text: {controls:,} of its first {len(head):,} "
                "bytes are control characters",
            )


def _decode(data: bytes, origin: str, *, line: int | None = None, what: str = "the file") -> str:
    """UTF-8, with or without a byte-order mark; any other encoding is refused, not guessed."""
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        raise InputError(
            origin,
            "undecodable",
            f"{what} is not valid UTF-8: byte 0x{data[offset]:02X} at byte offset {offset} "
            f"({exc.reason}); other encodings are not guessed, save it as UTF-8",
            line=line,
        ) from None


def _json_type(value: object) -> str:
    names = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
    return names.get(type(value), "number")


def _with_article(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"


def _parse_json(text: str, origin: str, *, line: int | None = None) -> dict[str, Any]:
    """One JSON object, or ``malformed_json`` naming the line and column of the fault."""
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        where = (
            f"column {exc.colno}" if line is not None else f"line {exc.lineno}, column {exc.colno}"
        )
        raise InputError(
            origin, "malformed_json", f"not valid JSON: {exc.msg} at {where}", line=line
        ) from None
    if not isinstance(obj, dict):
        several = isinstance(obj, list) and line is None
        hint = " (use a .jsonl file for several articles)" if several else ""
        raise InputError(
            origin,
            "malformed_json",
            f"expected one JSON object, found a JSON {_json_type(obj)}{hint}",
            line=line,
        )
    return obj


# --------------------------------------------------------------------------------------------
# readers; each yields Articles and, for refusals that do not end the input, InputErrors

Item = Article | InputError


def _refuse_empty(text: str, origin: str, what: str = "the file") -> None:
    if not text.strip():
        detail = f"{what} is empty" if not text else f"{what} holds only whitespace"
        raise InputError(origin, "empty", detail)


def _from_text(text: str, origin: str, stem: str, given: dict[str, object]) -> Article:
    _refuse_empty(text, origin)
    return _make_article(text, origin=origin, line=None, stem=stem, meta=given)


def _from_json(text: str, origin: str, stem: str, given: dict[str, object]) -> Article:
    _refuse_empty(text, origin)
    obj = _parse_json(text, origin)
    return _article_from_object(obj, origin=origin, line=None, stem=stem, given=given)


def _from_html(data: bytes, origin: str, stem: str, given: dict[str, object]) -> Article:
    fields = html_to_article_fields(data, origin)
    found = {key: fields.get(key) for key in ("url", "title", "publisher", "published")}
    return _make_article(
        fields["text"],
        origin=origin,
        line=None,
        stem=stem,
        meta=_overlay(found, given),
        extra=fields.get("extra") or {},
    )


def _jsonl_line(text: str, origin: str, number: int, given: dict[str, object]) -> Article:
    obj = _parse_json(text.rstrip("\r\n"), origin, line=number)
    stem = safe_stem(obj.get("id")) or str(number)
    return _article_from_object(obj, origin=origin, line=number, stem=stem, given=given)


def _jsonl_lines(
    lines: Iterable[tuple[int, str | InputError]], origin: str, given: dict[str, object]
) -> Iterator[Item]:
    """Articles from ``(line number, text or refusal)`` pairs; bad lines come out as errors."""
    seen = False
    for number, text in lines:
        if isinstance(text, InputError):
            seen = True
            yield text
            continue
        if not text.strip():
            continue
        seen = True
        try:
            article = _jsonl_line(text, origin, number, given)
        except InputError as exc:
            yield exc
        else:
            yield article
    if not seen:
        yield InputError(origin, "empty", "the JSONL input has no lines with articles")


def _jsonl_file_lines(handle: IO[bytes], origin: str) -> Iterator[tuple[int, str | InputError]]:
    """Decoded lines of a JSONL file; no line is read into memory beyond :data:`MAX_BYTES`."""
    number = 0
    while chunk := handle.readline(MAX_BYTES + 1):
        number += 1
        if len(chunk) > MAX_BYTES and not chunk.endswith(b"\n"):
            while (rest := handle.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass  # skip the rest of the oversized line without keeping it
            detail = f"the line is over the {_size(MAX_BYTES)} limit"
            yield number, InputError(origin, "too_large", detail, line=number)
            continue
        if number == 1 and chunk.startswith(codecs.BOM_UTF8):
            chunk = chunk[len(codecs.BOM_UTF8) :]
        decoded: str | InputError
        try:
            decoded = _decode(chunk, origin, line=number, what="the line")
        except InputError as exc:
            decoded = exc
        yield number, decoded


def _read_jsonl_file(path: Path, origin: str, given: dict[str, object]) -> Iterator[Item]:
    """Stream a JSONL file: a file-level refusal raises, a line-level one is yielded."""
    with path.open("rb") as handle:
        _check_bytes(handle.read(_SNIFF_BYTES), origin)
        handle.seek(0)
        yield from _jsonl_lines(_jsonl_file_lines(handle, origin), origin, given)


def _read_head(path: Path, origin: str) -> bytes:
    """The whole file, after checking its size on disk; never more than MAX_BYTES + 1 bytes."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(
            origin, "too_large", f"the file is {_size(size)}, over the {_size(MAX_BYTES)} limit"
        )
    with path.open("rb") as handle:
        data = handle.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:  # the file grew, or its size on disk is not its true size
        raise InputError(origin, "too_large", f"the file is over the {_size(MAX_BYTES)} limit")
    return data


def _read_file(path: Path, origin: str, given: dict[str, object]) -> Iterator[Item]:
    """One regular file of a supported type; file-level refusals raise."""
    kind = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError(origin, "unsupported_type", _unsupported(path))
    if kind == "jsonl":
        yield from _read_jsonl_file(path, origin, given)
        return
    data = _read_head(path, origin)
    _check_bytes(data, origin)
    if kind == "html":
        if not data.strip():
            raise InputError(
                origin,
                "empty",
                "the file is empty" if not data else "the file holds only whitespace",
            )
        yield _from_html(data, origin, path.stem, given)
        return
    text = _decode(data, origin)
    if kind == "json":
        yield _from_json(text, origin, path.stem, given)
    else:
        yield _from_text(text, origin, path.stem, given)


def _unsupported(path: Path) -> str:
    expected = ", ".join(SUPPORTED_SUFFIXES)
    if not path.suffix:
        return f"the file has no suffix, so its type is unknown (expected one of {expected})"
    return f"unsupported file type '{path.suffix}' (expected one of {expected})"


def _walk(root: Path) -> Iterator[Path | InputError]:
    """Files below ``root``, sorted by path, hidden files and directories left out."""
    found: list[Path] = []
    problems: list[InputError] = []

    def on_error(exc: OSError) -> None:
        where = exc.filename if exc.filename is not None else str(root)
        problems.append(
            InputError(str(where), "unreadable", f"cannot list the directory: {exc.strerror}")
        )

    for dirpath, dirnames, filenames in os.walk(root, onerror=on_error):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        found.extend(Path(dirpath) / name for name in filenames if not name.startswith("."))
    yield from problems
    yield from sorted(found)


def _read_directory(root: Path, given: dict[str, object]) -> Iterator[Item]:
    """Every file below ``root``; each file's refusal is yielded and the walk carries on."""
    any_supported = False
    for entry in _walk(root):
        if isinstance(entry, InputError):
            yield entry
            continue
        any_supported = any_supported or entry.suffix.lower() in SUPPORTED_SUFFIXES
        yield from _read_one_path(entry, str(entry), given)
    if not any_supported:
        yield InputError(
            str(root),
            "empty",
            f"the directory has no files of a supported type ({', '.join(SUPPORTED_SUFFIXES)})",
        )


def _read_stream(source: Source) -> bytes | str:
    """At most MAX_BYTES + 1 bytes (or characters) of a stream; bytes when it offers them."""
    buffer = getattr(source, "buffer", None)  # sys.stdin and other text wrappers over bytes
    if buffer is not None:
        return buffer.read(MAX_BYTES + 1)
    return source.read(MAX_BYTES + 1)


def _read_stdin(source: Source, given: dict[str, object]) -> Iterator[Item]:
    """stdin: plain text, or JSON / JSONL when the content starts with ``{``."""
    origin = "-"
    data = _read_stream(source)
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise InputError(origin, "too_large", f"stdin is over the {_size(MAX_BYTES)} limit")
        _check_bytes(data, origin, what="stdin")
        text = _decode(data, origin, what="stdin")
    else:
        text = data.lstrip("\ufeff")
        if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            raise InputError(origin, "too_large", f"stdin is over the {_size(MAX_BYTES)} limit")
    _refuse_empty(text, origin, what="stdin")
    if not text.lstrip().startswith("{"):
        yield _make_article(text, origin=origin, line=None, stem="stdin", meta=given)
        return
    try:
        whole = json.loads(text)
    except json.JSONDecodeError:
        whole = None
    if isinstance(whole, dict) or not _first_line_is_object(text):
        # one JSON object (perhaps spread over lines), or broken JSON: report it as JSON
        obj = _parse_json(text, origin)
        yield _article_from_object(obj, origin=origin, line=None, stem="stdin", given=given)
        return
    lines = enumerate(text.split("\n"), 1)
    yield from _jsonl_lines(lines, origin, given)


def _first_line_is_object(text: str) -> bool:
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        return isinstance(json.loads(first), dict)
    except json.JSONDecodeError:
        return False


def _read_one_path(path: Path, origin: str, given: dict[str, object]) -> Iterator[Item]:
    """A file or directory; refusals are yielded, never raised."""
    try:
        if not path.exists():
            kind = "broken symbolic link" if path.is_symlink() else "no such file or directory"
            raise InputError(origin, "not_found", kind)
        if path.is_dir():
            yield from _read_directory(path, given)
        elif path.is_file():
            yield from _read_file(path, origin, given)
        else:
            raise InputError(origin, "unsupported_type", "not a regular file or a directory")
    except InputError as exc:
        yield exc
    except OSError as exc:
        yield InputError(origin, "unreadable", f"cannot be read: {exc.strerror or exc}")


def _items(
    paths: Iterable[str | os.PathLike[str]], stdin: Source | None, given: dict[str, object]
) -> Iterator[Item]:
    for entry in paths:
        if str(entry) == "-":
            try:
                yield from _read_stdin(stdin if stdin is not None else sys.stdin, given)
            except InputError as exc:
                yield exc
        else:
            yield from _read_one_path(Path(entry), str(entry), given)


# --------------------------------------------------------------------------------------------
# public entry points


def read_path(
    path: str | os.PathLike[str],
    *,
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    published: str | date | None = None,
    stdin: Source | None = None,
) -> list[Article]:
    """Every article in ``path`` (a file, a directory or ``-`` for stdin), strictly.

    The first problem raises :class:`InputError`: for a JSONL file, the first bad line (with
    its line number); for a directory, the first bad or unsupported file. Metadata keywords
    override what the input says when they are not ``None``.
    """
    given: dict[str, object] = {
        "url": url,
        "title": title,
        "publisher": publisher,
        "published": published,
    }
    articles: list[Article] = []
    for item in _items([path], stdin, given):
        if isinstance(item, InputError):
            raise item
        articles.append(item)
    return articles


def iter_articles(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    url: str | None = None,
    title: str | None = None,
    publisher: str | None = None,
    published: str | date | None = None,
    stdin: Source | None = None,
) -> Iterator[Article | Skipped]:
    """Articles from a batch of inputs, and a :class:`Skipped` for each one refused.

    Never raises for a bad input: each refused file, each bad JSONL line and each
    unsupported file in a directory yields a ``Skipped`` and the batch carries on. ``-`` reads
    ``stdin`` (default :data:`sys.stdin`; bytes are read when the stream offers them).
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    given: dict[str, object] = {
        "url": url,
        "title": title,
        "publisher": publisher,
        "published": published,
    }
    for item in _items(paths, stdin, given):
        if isinstance(item, InputError):
            yield Skipped(
                origin=item.origin, reason=item.reason, detail=item.detail, line=item.line
            )
        else:
            yield item
