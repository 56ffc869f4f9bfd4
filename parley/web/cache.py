"""The negotiation picture, built once per state of the store.

Building the picture reads every record, so the app keeps the last one with the store's
:meth:`~parley.store.store.Store.fingerprint` and builds it again only when that changes (an
article stored or re-extracted, an override added or removed).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..negotiation.identity import Override
from ..negotiation.model import Picture
from ..negotiation.picture import build_picture
from ..record import Record
from ..store.store import Store
from .network import Relation, relations_of

__all__ = ["PictureCache", "Snapshot"]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The picture of one state of the store, the network relations of its records, and
    what the pages show of each article in links."""

    fingerprint: tuple[Any, ...]
    picture: Picture
    relations: tuple[Relation, ...]
    articles: dict[str, dict[str, str | None]]  # id → title, publisher, published
    builds: int  # how many pictures this cache has built (1 for the first)


class PictureCache:
    """The latest :class:`Snapshot` of ``store``; thread-safe."""

    def __init__(self, store: Store):
        self.store = store
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()
        self._builds = 0

    def get(self) -> Snapshot:
        fingerprint = self.store.fingerprint()
        current = self._snapshot
        if current is not None and current.fingerprint == fingerprint:
            return current
        with self._lock:  # one build at a time; whoever waited reuses it
            current = self._snapshot
            if current is not None and current.fingerprint == fingerprint:
                return current
            relations: list[Relation] = []
            articles: dict[str, dict[str, str | None]] = {}

            def read() -> Iterator[tuple[Record, str | None]]:
                for record, text in self.store.records_with_text():
                    relations.extend(relations_of(record))
                    meta = record.article
                    articles[meta.id] = {"title": meta.title, "publisher": meta.publisher, "published": meta.published}
                    yield record, text

            overrides = [Override(o["action"], o["report"], o["target"]) for o in self.store.overrides()]
            picture = build_picture(read(), overrides)
            self._builds += 1
            self._snapshot = Snapshot(fingerprint, picture, tuple(relations), articles, self._builds)
            return self._snapshot
