"""The app's URLs, built in one place, and links from evidence quotes to highlighted articles."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from ..errors import NotFoundError
from ..store.store import Store
from .facts import locate

__all__ = [
    "EvidenceLinks",
    "article_path",
    "cell_path",
    "json_twin",
    "negotiation_path",
    "proposal_path",
    "safe_external_url",
]

WHOLE_PROPOSAL = "proposal"
"""The ``term`` path segment of a position on a whole proposal (no term type has this name)."""


def _seg(value: str) -> str:
    return quote(value, safe="")


def article_path(article_id: str, highlight: tuple[int, int] | None = None) -> str:
    """``/articles/<id>`` (``sha256:`` left out), with ``?highlight=start-end#hl`` if given."""
    path = "/articles/" + _seg(article_id.removeprefix("sha256:"))
    if highlight is not None:
        path += f"?highlight={highlight[0]}-{highlight[1]}#hl"
    return path


def negotiation_path(negotiation_id: str, page: str = "") -> str:
    return "/negotiations/" + _seg(negotiation_id) + (f"/{page}" if page else "")


def proposal_path(proposal_id: str) -> str:
    return "/proposals/" + _seg(proposal_id)


def cell_path(negotiation_id: str, actor: str, proposal_id: str, term: str | None) -> str:
    return (negotiation_path(negotiation_id, "positions") + "/" + _seg(actor) + "/" + _seg(proposal_id)
            + "/" + _seg(term or WHOLE_PROPOSAL))


def json_twin(path: str, query: str = "") -> str:
    """The ``.json`` URL of a page (``/`` → ``/.json``), keeping its query."""
    twin = "/.json" if path in ("", "/") else path.rstrip("/") + ".json"
    return twin + (f"?{query}" if query else "")


def with_query(path: str, **params: str | None) -> str:
    given = {k: v for k, v in params.items() if v}
    return path + ("?" + urlencode(given) if given else "")


def safe_external_url(url: str | None) -> str | None:
    """``url`` if it is an http(s) URL (safe to link to), else None: a stored article's URL
    is untrusted, and ``javascript:`` links must never reach a page."""
    if not url:
        return None
    lowered = url.strip().lower()
    return url.strip() if lowered.startswith(("http://", "https://")) else None


class EvidenceLinks:
    """Links from a quote of an article to the article page with the quote highlighted; the
    article texts are read once per instance (one request)."""

    def __init__(self, store: Store):
        self.store = store
        self._texts: dict[str, str | None] = {}

    def text(self, article_id: str) -> str | None:
        if article_id not in self._texts:
            try:
                self._texts[article_id] = self.store.article_text(article_id)
            except NotFoundError:
                self._texts[article_id] = None
        return self._texts[article_id]

    def href(self, article_id: str, quote_text: str | None) -> str:
        text = self.text(article_id)
        span = locate(text, quote_text) if text is not None else None
        return article_path(article_id, span)
