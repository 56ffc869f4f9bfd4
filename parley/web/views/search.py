"""Search over article texts and the evidence quotes of their facts."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from ..facts import record_facts
from ..highlight import query_pattern, snippets
from ..pages import dashboard, page
from ..urls import article_path

router = APIRouter(tags=["search"])

QUOTES_PER_ARTICLE = 6


@page(router, "/search", "search.html", title=lambda d: f"Search: {d['q']}" if d["q"] else "Search",
      summary="Articles whose text has every word of q, with passages and the facts whose evidence matches")
def search(
    request: Request,
    q: Annotated[str, Query(max_length=500, description="Words to find (every word must occur; matched by stem)")] = "",
    limit: Annotated[int | None, Query(ge=1, le=200, description="Most articles to return")] = None,
) -> dict[str, Any]:
    board = dashboard(request)
    limit = limit or board.settings.search_limit
    hits = board.store.search(q, limit) if q.strip() else []
    pattern = query_pattern(q)
    results = []
    for hit in hits:
        quotes = []
        if pattern is not None:
            record, text = board.store.record_with_text(hit.id)
            for fact in record_facts(record, text):
                if fact.layer not in ("proposal", "term", "stance", "event") or not fact.spans:
                    continue
                start, end = fact.spans[0]
                quote = text[start:end]
                marks = [list(m.span()) for m in pattern.finditer(quote)]
                if marks:
                    quotes.append({"layer": fact.layer, "summary": fact.summary, "quote": quote, "marks": marks,
                                   "url": article_path(hit.id, (start, end)),
                                   "fact_url": article_path(hit.id) + f"#f-{fact.number}"})
                if len(quotes) >= QUOTES_PER_ARTICLE:
                    break
        results.append({"id": hit.id, "title": hit.title, "publisher": hit.publisher, "published": hit.published,
                        "url": article_path(hit.id), "snippets": snippets(hit.text, pattern), "evidence": quotes})
    return {"q": q, "limit": limit, "count": len(results), "results": results}
