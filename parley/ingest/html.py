"""Main text and metadata of an HTML news page, via trafilatura.

trafilatura does all the cleaning (navigation, footers, related links and comments are left
out); this module only decodes the bytes, calls it, and lays out its paragraphs: each block
trafilatura keeps (paragraph, heading, list, quote, table) becomes one paragraph of the
article, and paragraphs are separated by a blank line. Extraction favours precision, so a page
with nothing but navigation yields no text and is refused as ``no_article_body``.

Decoding is strict: UTF-8 (with or without a byte-order mark), or else the charset the page
declares in a ``<meta>`` tag or XML declaration. Nothing is guessed.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

import trafilatura

from ..errors import InputError

__all__ = ["decode_html", "html_to_article_fields"]

_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_CHARSET_WINDOW = 4096  # the declaration must come early, as in the HTML standard (1024) with slack


def _declared_charset(raw: bytes) -> str | None:
    """The canonical codec name the page declares near its start, if Python knows it."""
    match = _DECLARED_CHARSET.search(raw[:_CHARSET_WINDOW])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii", "replace")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(raw: bytes, origin: str) -> str:
    """Decode an HTML page: UTF-8 (BOM allowed), else its declared charset; never a guess.

    Raises :class:`InputError` ``undecodable`` naming the byte offset that failed.
    """
    body = raw[3:] if raw.startswith(codecs.BOM_UTF8) else raw
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
        offset = exc.start + (len(raw) - len(body))
    declared = _declared_charset(raw)
    if declared and declared != "utf-8":
        try:
            return raw.decode(declared)
        except UnicodeDecodeError as exc:
            raise InputError(
                origin,
                "undecodable",
                f"the page declares charset {declared} but byte 0x{raw[exc.start]:02X} at offset "
                f"{exc.start} is not valid in it",
            ) from None
    raise InputError(
        origin,
        "undecodable",
        f"the page is not valid UTF-8 (byte 0x{raw[offset]:02X} at offset {offset}: "
        f"{utf8_error.reason}) and declares no other charset; save it as UTF-8",
    )


def _get(document: Any, key: str) -> Any:
    """A field of trafilatura's result: a ``Document`` (2.x) or a dict (older releases)."""
    if isinstance(document, dict):
        return document.get(key)
    return getattr(document, key, None)


def _block_texts(body: Any) -> list[str]:
    """The text of each top-level block of trafilatura's XML body, as trafilatura renders it."""
    try:
        from trafilatura.xml import xmltotxt
    except ImportError:  # pragma: no cover - layout of older/newer trafilatura
        return []
    blocks = []
    for element in body:
        block = "\n".join(line.rstrip() for line in xmltotxt(element, False).splitlines())
        if block.strip():
            blocks.append(block.strip())
    return blocks


def _paragraphs(document: Any) -> str:
    """trafilatura's main text, one block per paragraph, blocks separated by a blank line."""
    body = _get(document, "body")
    blocks = _block_texts(body) if body is not None else []
    if not blocks:  # no XML tree to walk: fall back on the plain text, one line per block
        text = _get(document, "text") or ""
        blocks = [line.strip() for line in text.splitlines() if line.strip()]
    return "\n\n".join(blocks)


def _clean(value: Any) -> str | None:
    """A metadata string from trafilatura, stripped; None when absent or blank."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None


def html_to_article_fields(raw: bytes | str, origin: str) -> dict[str, Any]:
    """Extract an article from an HTML page.

    Returns ``{"text", "title", "url", "publisher", "published", "extra"}``: ``text`` is the
    main text (not yet normalised), ``published`` is the date exactly as trafilatura gives it
    (``YYYY-MM-DD``), ``publisher`` is the site name, ``extra`` may hold ``author`` and
    ``hostname``. Missing metadata is ``None``.

    Raises :class:`InputError` ``undecodable`` (bytes that are neither UTF-8 nor in the
    declared charset) or ``no_article_body`` (trafilatura finds no main text).
    """
    html = decode_html(raw, origin) if isinstance(raw, bytes) else raw
    document = None
    if html.strip():
        try:
            document = trafilatura.bare_extraction(
                html,
                with_metadata=True,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                favor_precision=True,
            )
        except Exception as exc:  # a page trafilatura cannot parse must not stop a batch
            raise InputError(
                origin, "no_article_body", f"the HTML page could not be parsed ({exc})"
            ) from exc
    text = _paragraphs(document) if document is not None else ""
    if not text.strip():
        raise InputError(
            origin,
            "no_article_body",
            "no article text found in the HTML page (only navigation, boilerplate or nothing)",
        )
    extra = {
        key: value
        for key in ("author", "hostname")
        if (value := _clean(_get(document, key))) is not None
    }
    return {
        "text": text,
        "title": _clean(_get(document, "title")),
        "url": _clean(_get(document, "url")),
        "publisher": _clean(_get(document, "sitename")),
        "published": _clean(_get(document, "date")),
        "extra": extra,
    }
