"""One mention that reports several interactions (ANNOTATION.md, Events: one event per
reported interaction).

- A mutual act: "each side accused the other", "the two governments accused each other" —
  one accusation (or threat) by each side against the other.
- One verb with objects dated apart: "met the Ukrainian delegation on Sunday and the Russian
  delegation on Monday" — one meeting with each, on its own day.
"""

from __future__ import annotations

import copy

from spacy.tokens import Token

from ..analysis import DateMention
from .base import Mention
from .build import Builder
from .syntax import SUBJECTS, unique
from .triggers import Trigger


class Splitter(Builder):
    """Splits a mention into the interactions it reports."""

    def split(self, mention: Mention, trigger: Trigger) -> list[Mention]:
        if mention.mutual:
            return self._mutual_pairs(mention)
        dated = self._dated_objects(trigger.token, mention)
        return dated or [mention]

    def _mutual_pairs(self, mention: Mention) -> list[Mention]:
        sides = mention.event.actors
        out = []
        for side in sides:
            copied = copy.deepcopy(mention)
            copied.mutual = False
            copied.event.actors = [side]
            copied.event.recipients = [s for s in sides if s != side]
            out.append(copied)
        return out

    def _dated_objects(self, token: Token, mention: Mention) -> list[Mention]:
        """Objects of one verb, each followed by its own date ("met X on Sunday and Y on
        Monday"): one mention per object."""
        objects = [c for c in token.children if c.dep_ == "dobj"]
        objects += [
            g
            for o in list(objects)
            for g in o.conjuncts
            if g.dep_ in ("dobj", "conj") and g not in objects
        ]
        # "met X on Sunday and Y on Monday" parsed with Y coordinated to the day
        objects += [
            g
            for c in token.children
            if c.dep_ == "prep"
            for day in c.children
            if day.dep_ == "pobj" and day.ent_type_ in ("DATE", "TIME")
            for g in day.conjuncts
            if g.pos_ in ("NOUN", "PROPN")
            and g.ent_type_ not in ("DATE", "TIME")
            and g not in objects
        ]
        objects.sort(key=lambda t: t.i)
        if len(objects) < 2 or any(c.dep_ in SUBJECTS and c.i > token.i for c in token.children):
            return []
        dates = [
            d
            for d in self.analysis.dates
            if token.sent.start <= d.start < token.sent.end and d.value
        ]
        pieces: list[tuple[list[str], DateMention]] = []
        for n, obj in enumerate(objects):
            limit = objects[n + 1].i if n + 1 < len(objects) else token.sent.end
            own = [d for d in dates if obj.i < d.start < limit]
            ids = [a for a in self.ids(obj) if a not in mention.event.actors]
            if len(own) != 1 or not ids:
                return []
            pieces.append((ids, own[0]))
        if len({d.value for _, d in pieces}) < 2:
            return []
        out = []
        for ids, when in pieces:
            copied = copy.deepcopy(mention)
            copied.event.recipients = unique(ids)
            copied.event.date = when
            copied.reported_date = False
            out.append(copied)
        return out
