"""The Parley dashboard and HTTP API as a FastAPI app.

    >>> app = create_app("parley.db", Settings())
    >>> uvicorn.run(app, host="127.0.0.1", port=8000)

Everything the app uses hangs off ``app.state`` (no module-level state): two apps over two
stores can run side by side in one process.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..errors import ParleyError
from ..store.store import Store, resolve_db_url
from .cache import PictureCache
from .errors import install_error_handlers
from .highlight import highlighted_text, marked
from .jobs import JobRunner
from .pages import Dashboard, make_templates
from .security import SecurityMiddleware
from .settings import Settings
from .views import articles, ingest, negotiations, proposals, search

if TYPE_CHECKING:
    from ..extract.pipeline import Extractor

__all__ = ["create_app", "get_once"]

STATIC = Path(__file__).parent / "static"


def _shared_extractor() -> Extractor:
    from ..cli import shared_extractor

    return shared_extractor()


def create_app(
    store_url: str | None,
    settings: Settings | None = None,
    *,
    extractor: Callable[[], Extractor] | None = None,
) -> FastAPI:
    """The app over the store at ``store_url`` (a path or database URL; ``None`` means
    ``$PARLEY_DB`` or ``./parley.db``), opened and migrated now.

    ``extractor`` returns the extractor ingest jobs use (called on the first job; default:
    the process's shared one, loaded on first use). Raises :class:`~parley.errors.ParleyError`
    for settings the app must not run with (a non-loopback host without a token) and for a
    store that cannot be opened.
    """
    settings = (settings or Settings()).check()
    if resolve_db_url(store_url).endswith(":memory:"):
        raise ParleyError("the dashboard needs a store in a file or on a server: an in-memory SQLite "
                          "store would be a different, empty one in each request's thread")
    store = Store.open(store_url)
    board = Dashboard(
        store=store,
        settings=settings,
        cache=PictureCache(store),
        jobs=JobRunner(store, extractor or _shared_extractor, keep=settings.keep_jobs),
    )

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        board.jobs.shutdown()
        store.close()

    app = FastAPI(
        title="Parley",
        version=__version__,
        description=(
            "Negotiations, proposals, positions and the articles behind them. Every page of the "
            "dashboard answers as JSON at the same path with `.json` appended; errors are "
            '`{"ok": false, "error", "errors", "status"}`.'
        ),
        docs_url=None,  # Swagger UI and ReDoc load third-party script: the API is /openapi.json
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.parley = board
    templates = make_templates()
    templates.env.globals.update(highlighted=highlighted_text, marked=marked)
    app.state.templates = templates
    install_error_handlers(app)
    app.add_middleware(SecurityMiddleware, settings=settings)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (negotiations, proposals, articles, search, ingest):
        app.include_router(module.router)
    return app


def get_once(app: FastAPI, path: str, *, host: str = "127.0.0.1") -> tuple[int, str]:
    """Answer one GET request for ``path`` in-process (no socket): the status and the body."""
    import httpx

    async def run() -> tuple[int, str]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url=f"http://{host}") as client:
            response = await client.get(path)
            return response.status_code, response.text

    return asyncio.run(run())
