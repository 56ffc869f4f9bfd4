"""Ingest from the browser and the API, and the jobs that run the batches.

``POST /ingest`` (the form: pasted text and uploaded files) and ``POST /api/articles`` (JSON
article objects) read the inputs at once, with the CLI's readers and reason codes, and queue
the readable articles as a background job; ``/jobs/{id}`` follows it.
"""

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.datastructures import UploadFile

from ...errors import NotFoundError
from ...ingest import MAX_BYTES, Article, Skipped
from ..errors import ApiError
from ..inputs import META, articles_from_json, articles_from_uploads, pasted_article
from ..pages import dashboard, page
from ..security import check_form_token
from ..urls import article_path

router = APIRouter(tags=["ingest"])

MAX_BODY = 64 * 1024 * 1024  # bytes of one POST /api/articles body
MAX_FILES = 200
ARTICLE_OBJECT = {
    "type": "object",
    "required": ["text"],
    "properties": {
        "text": {"type": "string", "description": "The article text (English)."},
        "title": {"type": "string"}, "url": {"type": "string"}, "publisher": {"type": "string"},
        "published": {"type": "string", "description": "ISO date or datetime"},
        "id": {"type": ["string", "integer"], "description": "Your id for the article (kept as its file stem)"},
    },
}


def _job_links(job_id: str) -> dict[str, str]:
    return {"page": f"/jobs/{job_id}", "json": f"/jobs/{job_id}.json"}


def _skips(items: list[Article | Skipped]) -> list[dict[str, str]]:
    return [{"input": s.where, "reason": s.reason, "detail": s.detail} for s in items if isinstance(s, Skipped)]


@page(router, "/ingest", "ingest.html", title="Ingest articles",
      summary="What the ingest form and POST /api/articles accept")
def ingest_form(request: Request) -> dict[str, Any]:
    board = dashboard(request)
    return {
        "token_required": board.settings.require_token, "max_bytes": MAX_BYTES, "max_files": MAX_FILES,
        "file_types": [".txt", ".json", ".jsonl", ".html"], "api": "/api/articles",
        "jobs": [{**board.jobs.snapshot(j), **_job_links(j.id)} for j in board.jobs.all()[:10]],
    }


@router.post("/ingest", include_in_schema=False)
async def ingest_submit(request: Request) -> Response:
    """The ingest form: pasted text (with its metadata) and/or files; redirects to the job."""
    board = dashboard(request)
    async with request.form(max_files=MAX_FILES, max_fields=50, max_part_size=MAX_BYTES + 1) as form:
        check_form_token(request, form.get("token"), board.settings)
        meta = {k: str(form.get(k) or "").strip() or None for k in META}
        text = form.get("text")
        uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile) and (f.filename or f.size)]
        if not (isinstance(text, str) and text.strip()) and not uploads:
            raise ApiError(400, "paste an article's text or choose files to upload",
                           [{"input": "form", "reason": "empty", "detail": "the form has no text and no files"}])

        def read() -> list[Article | Skipped]:
            items: list[Article | Skipped] = []
            if isinstance(text, str) and text.strip():
                items.append(pasted_article(text, meta))
            if uploads:
                items.extend(articles_from_uploads([(u.filename or "", u.file) for u in uploads], meta))
            return items

        items = await run_in_threadpool(read)
    parts = (["pasted text"] if isinstance(text, str) and text.strip() else []) + [u.filename or "file" for u in uploads]
    job = board.jobs.submit(items, label=", ".join(parts)[:200])
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


@router.post(
    "/api/articles", status_code=202,
    summary="Queue articles for extraction and storage (one article object, a list, or {articles: [...]})",
    responses={400: {"description": "No article in the request can be read (errors carry the reason codes)"},
               401: {"description": "Writes need the server's token"}},
    openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
        "oneOf": [ARTICLE_OBJECT, {"type": "array", "items": ARTICLE_OBJECT},
                  {"type": "object", "properties": {"articles": {"type": "array", "items": ARTICLE_OBJECT}}}]}}}}},
)
async def post_articles(request: Request) -> JSONResponse:
    board = dashboard(request)
    body = await request.body()
    if len(body) > MAX_BODY:
        raise ApiError(413, f"the request body is over {MAX_BODY // (1024 * 1024)} MB; send fewer articles per request")
    try:
        data = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ApiError(400, f"the request body is not valid JSON: {exc}",
                       [{"input": "request", "reason": "malformed_json", "detail": str(exc)}]) from None
    items = await run_in_threadpool(articles_from_json, data)
    skipped = _skips(items)
    if not any(isinstance(i, Article) for i in items):
        first = skipped[0]
        raise ApiError(400, f"no article in the request can be read: {first['input']}: {first['detail']} [{first['reason']}]",
                       skipped)
    job = board.jobs.submit(items, label=f"API: {len(items)} article(s)")
    links = _job_links(job.id)
    return JSONResponse({"ok": True, "job": board.jobs.snapshot(job), "skipped": skipped, **links},
                        status_code=202, headers={"Location": links["json"]})


@page(router, "/jobs", "jobs.html", title="Ingest jobs", summary="The ingest jobs this server remembers, newest first")
def jobs(request: Request) -> dict[str, Any]:
    board = dashboard(request)
    return {"jobs": [{**board.jobs.snapshot(j), **_job_links(j.id)} for j in board.jobs.all()]}


@page(router, "/jobs/{job_id}", "job.html", title=lambda d: f"Job {d['id']}",
      summary="One ingest job: done/total, stored, skipped with reasons")
def job(request: Request, job_id: str) -> dict[str, Any]:
    board = dashboard(request)
    found = board.jobs.get(job_id)
    if found is None:
        raise NotFoundError(f"no job {job_id!r} (jobs are kept in memory until the server stops)")
    data = board.jobs.snapshot(found)
    for a in data["articles"]:
        a["url"] = article_path(a["id"])
    return {**data, **_job_links(found.id), "refresh": board.settings.refresh_seconds
            if data["status"] in ("queued", "running") else None}
