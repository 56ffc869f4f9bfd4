"""Scale-out of batch extraction on Ray (the ``ray`` extra).

    >>> extractor = RayExtractor(workers=4)              # a local Ray cluster, or RAY_ADDRESS
    >>> summary = ingest_paths(paths, store=store, extractor=extractor, batch_size=64)

:class:`RayExtractor` has the interface of :class:`~parley.extract.pipeline.Extractor` that
batch runs use (``extract_many``, ``version``), so ingest and extract work unchanged: each
Ray actor loads the model once and extracts its share of a batch; records come back in input
order, and the driver alone writes to the store (one transaction per article, as always). A
failure in one article is reported for that article; a worker that dies fails only its share,
which is reported per article and never stops the run.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from typing import Any

from ._version import EXTRACTOR_VERSION
from .errors import ParleyError
from .extract.pipeline import Extraction
from .ingest.article import Article
from .record import load_record

__all__ = ["RayExtractor", "ray_available"]

INSTALL_HINT = "pip install 'parley[ray]'"
BATCH_TIMEOUT_S = 900  # a batch share that takes longer is reported as failed, not waited on forever
_POOL: list[Any] = []  # the process's actors: reused, so a second extractor never waits for CPUs


def ray_available() -> bool:
    try:
        import ray  # noqa: F401
    except ImportError:
        return False
    return True


def _article_data(article: Article) -> dict[str, Any]:
    return {
        "text": article.text, "id": article.id, "url": article.url, "title": article.title,
        "publisher": article.publisher, "published": article.published, "language": article.language,
        "origin": article.origin, "stem": article.stem,
    }


class _Worker:
    """Runs in a Ray actor process: one extractor, many batches."""

    def __init__(self) -> None:
        from .extract.pipeline import Extractor

        self.extractor = Extractor()

    def extract(self, articles: list[dict[str, Any]], batch_size: int) -> list[tuple[dict[str, Any] | None, str | None]]:
        out: list[tuple[dict[str, Any] | None, str | None]] = []
        for outcome in self.extractor.extract_many([Article(**a) for a in articles], batch_size=batch_size):
            out.append((outcome.record.to_dict() if outcome.record else None, outcome.error))
        return out


class RayExtractor:
    """Extraction spread over ``workers`` Ray actors (one model each)."""

    version = EXTRACTOR_VERSION

    def __init__(self, workers: int, *, address: str | None = None):
        if workers < 1:
            raise ParleyError(f"--workers must be at least 1 (not {workers})")
        try:
            import ray
        except ImportError:
            raise ParleyError(f"scale-out needs Ray: {INSTALL_HINT}") from None
        self._ray = ray
        address = address or os.environ.get("RAY_ADDRESS")
        if not ray.is_initialized():
            options: dict[str, Any] = {"ignore_reinit_error": True, "include_dashboard": False,
                                       "log_to_driver": False, "logging_level": "ERROR"}
            if address:
                ray.init(address=address, **options)
            else:
                ray.init(num_cpus=workers, **options)
        remote = ray.remote(num_cpus=1)(_Worker)
        while len(_POOL) < workers:
            _POOL.append(remote.remote())
        self.workers = _POOL[:workers]
        self.pipeline = "rules+en_core_web_sm (ray)"

    def extract_many(self, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[Extraction]:
        """Records for ``articles`` in input order, each worker taking an equal share."""
        articles = list(articles)
        if not articles:
            return
        shares = [articles[i :: len(self.workers)] for i in range(len(self.workers))]
        futures = [
            (share, worker.extract.remote([_article_data(a) for a in share], batch_size))
            for worker, share in zip(self.workers, shares, strict=False)
            if share
        ]
        results: dict[int, Extraction] = {}
        for share, future in futures:
            try:
                outcomes = self._ray.get(future, timeout=BATCH_TIMEOUT_S)
            except Exception as exc:  # noqa: BLE001 - a dead worker fails its share, reported per article
                for article in share:
                    results[id(article)] = Extraction(article, error=f"worker failed: {type(exc).__name__}: {exc}")
                continue
            for article, (data, error) in zip(share, outcomes, strict=True):
                record = load_record(data, origin=article.origin) if data is not None else None
                results[id(article)] = Extraction(article, record, error)
        for article in articles:
            yield results[id(article)]

    def close(self) -> None:
        """Stop every worker of the process's pool (the next extractor starts new ones)."""
        for worker in _POOL:
            self._ray.kill(worker)
        _POOL.clear()
        self.workers = []
