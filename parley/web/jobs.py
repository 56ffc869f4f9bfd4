"""Ingest jobs: batches of articles extracted and stored in a background thread.

    >>> job = jobs.submit(items, label="2 files")      # returns at once
    >>> job.to_dict()["status"]                        # queued → running → done (or failed)

One worker thread runs the jobs in turn (the extractor is one spaCy pipeline). A job is a
:func:`parley.batch.ingest_articles` run: each input ends stored, updated, unchanged or
skipped with the CLI's reason codes, and one bad input never stops the batch.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from ..batch import ingest_articles
from ..ingest import Article, Skipped
from ..store.store import Store

if TYPE_CHECKING:
    from ..extract.pipeline import Extractor

__all__ = ["Job", "JobRunner"]

log = logging.getLogger("parley.web")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class Job:
    """What one ingest batch has done so far."""

    id: str
    label: str
    total: int
    created: str = field(default_factory=_now)
    status: str = "queued"  # queued | running | done | failed
    started: str | None = None
    finished: str | None = None
    done: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {"stored": 0, "updated": 0, "unchanged": 0})
    articles: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None

    @property
    def ended(self) -> bool:
        return self.status in ("done", "failed")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "label": self.label, "status": self.status, "created": self.created,
            "started": self.started, "finished": self.finished, "total": self.total,
            "done": self.done, **self.counts, "skipped": list(self.skipped),
            "articles": list(self.articles), "error": self.error,
        }


class JobRunner:
    """Runs ingest jobs one after another in a background thread and remembers them."""

    def __init__(self, store: Store, extractor: Callable[[], Extractor], *, keep: int = 100):
        self.store = store
        self.extractor = extractor
        self.keep = keep
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="parley-ingest")

    def submit(self, items: Sequence[Article | Skipped], label: str) -> Job:
        """Queue ``items`` (articles, and refusals to report) as one job."""
        job = Job(id=uuid.uuid4().hex[:12], label=label, total=len(items))
        with self._lock:
            self._jobs[job.id] = job
            self._forget_old()
        self._pool.submit(self._run, job, list(items))
        return job

    def get(self, job_id: str) -> Job | None:
        with self._lock:
            return self._jobs.get(job_id)

    def all(self) -> list[Job]:
        """Every remembered job, newest first."""
        with self._lock:
            return list(reversed(self._jobs.values()))

    def snapshot(self, job: Job) -> dict[str, Any]:
        with self._lock:
            return job.to_dict()

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _forget_old(self) -> None:
        finished = [j.id for j in self._jobs.values() if j.ended]
        while len(self._jobs) > self.keep and finished:
            del self._jobs[finished.pop(0)]

    def _run(self, job: Job, items: list[Article | Skipped]) -> None:
        with self._lock:
            job.status, job.started = "running", _now()

        def on_outcome(kind: str, item: Article | Skipped) -> None:
            with self._lock:
                job.done += 1
                if isinstance(item, Skipped):
                    job.skipped.append({"input": item.where, "reason": item.reason, "detail": item.detail})
                else:
                    job.counts[kind] = job.counts.get(kind, 0) + 1
                    job.articles.append({"id": item.id, "outcome": kind, "title": item.title, "input": item.origin})

        try:
            extractor = self.extractor() if any(isinstance(i, Article) for i in items) else None
            if extractor is None:
                for item in items:
                    on_outcome("skipped", item)
            else:
                ingest_articles(items, store=self.store, extractor=extractor, on_outcome=on_outcome)
        except Exception as exc:  # noqa: BLE001 - the job reports it; the server goes on
            log.exception("ingest job %s failed", job.id)
            with self._lock:
                job.status, job.error, job.finished = "failed", f"{type(exc).__name__}: {exc}", _now()
            return
        with self._lock:
            job.status, job.finished = "done", _now()
