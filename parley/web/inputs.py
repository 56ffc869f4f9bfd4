"""Articles from what the browser and the API send: JSON objects, pasted text, uploaded files.

Every input becomes an :class:`~parley.ingest.Article` or a :class:`~parley.ingest.Skipped` with
the same reason codes as ``parley ingest`` (``missing_text``, ``empty``, ``not_english``,
``bad_metadata``, ``unsupported_type``, …); uploads go through the CLI's own readers.
"""

from __future__ import annotations

import dataclasses
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..ingest import Article, Skipped, article_from_text, iter_articles
from ..ingest.readers import safe_stem

__all__ = ["article_from_object", "articles_from_json", "articles_from_uploads", "pasted_article"]

META = ("url", "title", "publisher", "published")


def _kind(value: object) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}
    return names.get(type(value), "a number")


def article_from_object(obj: object, origin: str) -> Article:
    """An article from one JSON article object (``text`` and optional metadata); raises
    :class:`InputError` with the reason code of the CLI's readers."""
    if not isinstance(obj, dict):
        raise InputError(origin, "malformed_json", f"found {_kind(obj)}, not an article object")
    text = obj.get("text")
    if not isinstance(text, str):
        found = "has no 'text' field" if text is None else f"has {_kind(text)} as 'text'"
        hint = " (it looks like a Parley record: the article is under 'article')" if isinstance(obj.get("article"), dict) else ""
        raise InputError(origin, "missing_text", f"the JSON object {found}; a string 'text' is required{hint}")
    if not text.strip():
        raise InputError(origin, "empty", "the JSON object's 'text' is empty")
    stem = safe_stem(obj.get("id")) or "article"
    return article_from_text(text, origin=origin, stem=stem, **{k: obj.get(k) for k in META})


def _skipped(exc: InputError) -> Skipped:
    return Skipped(exc.origin, exc.reason, exc.detail, exc.line)


def articles_from_json(body: object) -> list[Article | Skipped]:
    """The articles of a request body: one article object, a list of them, or
    ``{"articles": [...]}``; each item is named ``request[i]`` in reports."""
    if isinstance(body, dict) and isinstance(body.get("articles"), list):
        body = body["articles"]
    objects = body if isinstance(body, list) else [body]
    items: list[Article | Skipped] = []
    for index, obj in enumerate(objects):
        try:
            items.append(article_from_object(obj, f"request[{index}]"))
        except InputError as exc:
            items.append(_skipped(exc))
    if not objects:
        items.append(Skipped("request", "empty", "the request has no articles"))
    return items


def pasted_article(text: str, meta: dict[str, Any]) -> Article | Skipped:
    """The article pasted into the ingest form, or why it is refused."""
    try:
        return article_from_text(text, origin="pasted text", stem="pasted", **{k: meta.get(k) or None for k in META})
    except InputError as exc:
        return _skipped(exc)


def articles_from_uploads(files: Iterable[tuple[str, IO[bytes]]], meta: dict[str, Any]) -> list[Article | Skipped]:
    """Articles from uploaded files ``(name, stream)``: each is saved under a safe name in a
    temporary folder and read by :func:`parley.ingest.iter_articles`, as ``parley ingest``
    reads files; reports name the upload (``upload:feed.jsonl:3``)."""
    items: list[Article | Skipped] = []
    given = {k: meta.get(k) or None for k in META}
    with tempfile.TemporaryDirectory(prefix="parley-upload-") as folder:
        for index, (name, stream) in enumerate(files):
            shown = f"upload:{name or f'file {index + 1}'}"
            suffix = Path(name or "").suffix.lower()
            local = Path(folder) / f"{index:03d}-{safe_stem(Path(name or 'upload').stem) or 'upload'}{suffix}"
            with local.open("wb") as out:
                while chunk := stream.read(1 << 20):
                    out.write(chunk)
            for item in iter_articles([local], **given):
                items.append(dataclasses.replace(item, origin=item.origin.replace(str(local), shown)))
    return items
