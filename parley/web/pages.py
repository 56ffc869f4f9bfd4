"""Pages with JSON twins, and the state the views share.

A view is a plain function that takes the request (and its path and query parameters, declared
as FastAPI parameters) and returns JSON-ready data. :func:`page` registers it twice: at
``PATH.json``, answering the data as JSON (and described in ``/openapi.json``), and at
``PATH``, rendering the data with a Jinja template. Both answers come from the same call, so
the page and its twin always say the same thing.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader, StrictUndefined

from .. import __version__
from ..negotiation.model import Picture
from ..store.store import Store
from ..vocabulary import polarity_of
from .cache import PictureCache, Snapshot
from .jobs import JobRunner
from .settings import Settings
from .urls import EvidenceLinks, article_path, json_twin

__all__ = ["Dashboard", "dashboard", "make_templates", "page", "render"]


@dataclass
class Dashboard:
    """Everything the views share: the store, the settings, the picture cache, the jobs."""

    store: Store
    settings: Settings
    cache: PictureCache
    jobs: JobRunner

    def snapshot(self) -> Snapshot:
        return self.cache.get()

    def picture(self) -> Picture:
        return self.cache.get().picture

    def links(self) -> EvidenceLinks:
        return EvidenceLinks(self.store)

    def article_refs(self, article_ids: list[str]) -> list[dict[str, str | None]]:
        """Links to articles, with what the pages show of them."""
        known = self.cache.get().articles
        blank: dict[str, str | None] = {"title": None, "publisher": None, "published": None}
        return [{"id": a, "url": article_path(a), **known.get(a, blank)} for a in article_ids]


def dashboard(request: Request) -> Dashboard:
    return request.app.state.parley  # type: ignore[no-any-return]


def _params(params: dict[str, Any] | None) -> str:
    if not params:
        return ""
    return "; ".join(f"{k}: {', '.join(map(str, v)) if isinstance(v, list) else v}" for k, v in params.items())


def _short_id(article_id: str) -> str:
    """A content hash id cut to 12 characters; any other id (``d01``) as it is."""
    text = str(article_id)
    return text.removeprefix("sha256:")[:12] if text.startswith("sha256:") else text


def make_templates() -> Jinja2Templates:
    """The page templates (``parley/web/templates``), autoescaping everything."""
    env = Environment(
        loader=PackageLoader("parley.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(version=__version__, article_path=article_path)
    env.filters.update(polarity=polarity_of, params=_params,
                       short_id=_short_id)
    return Jinja2Templates(env=env)


def render(request: Request, template: str, data: Any, *, status_code: int = 200, title: str = "") -> Response:
    """``template`` with ``data``, the settings and the URL of the page's JSON twin."""
    templates: Jinja2Templates = request.app.state.templates
    context = {
        "data": data,
        "title": title,
        "settings": dashboard(request).settings,
        "json_url": json_twin(request.url.path, request.url.query),
        "path": request.url.path,
    }
    return templates.TemplateResponse(request, template, context, status_code=status_code)


def page(router: APIRouter, path: str, template: str, *, title: Callable[[Any], str] | str, summary: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Register a view at ``path`` (HTML, through ``template``) and at its ``.json`` twin.

    The view must take ``request: Request`` and return JSON-ready data; ``title`` names the
    page (a string, or a function of the data).
    """

    def register(view: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(view)
        def as_json(**kwargs: Any) -> Response:
            return JSONResponse(view(**kwargs))

        @functools.wraps(view)
        def as_html(**kwargs: Any) -> Response:
            data = view(**kwargs)
            name = title(data) if callable(title) else title
            return render(kwargs["request"], template, data, title=name)

        twin = json_twin(path)
        router.add_api_route(twin, as_json, methods=["GET"], name=f"{view.__name__}_json",
                             summary=summary, response_class=JSONResponse)
        router.add_api_route(path, as_html, methods=["GET"], name=view.__name__, include_in_schema=False)
        return view

    return register
