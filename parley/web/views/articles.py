"""The stored articles: the list, and one article with every extracted fact highlighted."""

import math
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from ..errors import ApiError
from ..facts import LAYERS, record_facts
from ..pages import dashboard, page
from ..urls import article_path, negotiation_path, safe_external_url, with_query

router = APIRouter(tags=["articles"])


@page(router, "/articles", "articles.html", title="Articles",
      summary="The stored articles with counts of their facts, by publication date")
def articles(
    request: Request,
    page_number: Annotated[int, Query(alias="page", ge=1, description="Page (1-based)")] = 1,
) -> dict[str, Any]:
    board = dashboard(request)
    rows = board.store.articles()
    size = board.settings.page_size
    pages = max(1, math.ceil(len(rows) / size))
    chosen = rows[(page_number - 1) * size: page_number * size]
    return {
        "total": len(rows), "page": page_number, "pages": pages,
        "previous": with_query("/articles", page=str(page_number - 1)) if page_number > 1 else None,
        "next": with_query("/articles", page=str(page_number + 1)) if page_number < pages else None,
        "articles": [{**asdict(row), "url": article_path(row.id), "link": safe_external_url(row.url)}
                     for row in chosen],
    }


@page(router, "/articles/{article_id}", "article.html", title=lambda d: d["article"]["title"] or d["article"]["id"],
      summary="One article: its text, every extracted fact with the character spans that say it, and its record")
def article(
    request: Request,
    article_id: str,
    highlight: Annotated[str | None, Query(pattern=r"^\d{1,9}-\d{1,9}$",
                                           description="A span START-END of the text to mark (e.g. a quote)")] = None,
) -> dict[str, Any]:
    board = dashboard(request)
    record, text = board.store.record_with_text(article_id)
    focus = None
    if highlight is not None:
        start, end = (int(x) for x in highlight.split("-"))
        if not 0 <= start < end <= len(text):
            raise ApiError(422, f"invalid request: query.highlight: {highlight} is not a span of the text "
                                f"(0 ≤ start < end ≤ {len(text)})",
                           [{"loc": ["query", "highlight"], "msg": "not a span of the text", "type": "value_error"}])
        focus = [start, end]
    facts = [f.to_dict() for f in record_facts(record, text)]
    meta = record.article
    picture = board.picture()
    negotiations = [{"id": n.id, "name": n.name, "url": negotiation_path(n.id)}
                    for n in picture.negotiations if meta.id in n.articles]
    return {
        "article": {"id": meta.id, "title": meta.title, "publisher": meta.publisher, "published": meta.published,
                    "url": meta.url, "link": safe_external_url(meta.url), "language": meta.language},
        "extractor": record.extractor.model_dump() if record.extractor else None,
        "text": text, "focus": focus,
        "focus_text": text[focus[0]:focus[1]] if focus else None,
        "facts": facts, "layers": [layer for layer in LAYERS if any(f["layer"] == layer for f in facts)],
        "negotiations": negotiations, "record": record.to_dict(),
    }
