"""One event per reported interaction.

Mentions of one interaction are merged (same type and mode; the actors and recipients of one
within those of the other; compatible dates); a later "the talks were hosted by Turkey" adds
the host to the meeting it refers to; co-signatories of one signing are one event; an
agreement reported as signed is the signing; a meeting needs two sides. Background — an
event dated more than ``background_days`` before the article's news — is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from ..analysis import EventMention
from .arguments import Arguments
from .base import Mention
from .dates import dates_agree, mention_dates_agree, span_days
from .syntax import HOST_CUES, SIGN_CUE, unique

CONFLICT_TALK = frozenset({"ACCUSE", "THREATEN"})
MIN_ARTICLE_PARAGRAPHS = 3


def same_interaction(kept: Mention, new: Mention, distinct_proposals: Callable[[int | None, int | None], bool] | None = None) -> bool:
    a, b = kept.event, new.event
    if a.type != b.type or not mention_dates_agree(kept, new):
        return False
    if kept.cue.merge == "union" and new.cue.merge == "union":
        return True
    if a.type != "CONSULT" and a.mode and b.mode and a.mode != b.mode:
        return False  # a withdrawal is not the ceasefire
    if a.type == "CONSULT":
        pa, pb = set(a.actors) | set(a.recipients), set(b.actors) | set(b.recipients)
        if (a.date is None or b.date is None) and abs(new.paragraph - kept.paragraphs[-1]) > 2:
            return False  # an undated meeting far from a dated one may be another
        if a.mode != b.mode and "phone" in (a.mode, b.mode):
            return False  # a call is not the meeting
        return pa <= pb or pb <= pa
    if distinct_proposals is not None and distinct_proposals(kept.proposal, new.proposal):
        return False  # accepting one plan and answering with another are two acts
    if set(a.actors) <= set(b.actors) and set(a.recipients) <= set(b.recipients):
        return True
    return set(b.actors) <= set(a.actors) and set(b.recipients) <= set(a.recipients)


def union_into(kept: Mention, new: Mention) -> None:
    a, b = kept.event, new.event
    if a.type == "CONSULT":
        pa, pb = set(a.actors) | set(a.recipients), set(b.actors) | set(b.recipients)
        if pa < pb:  # the fuller account of the meeting wins its roles
            a.actors, a.recipients, a.mode = list(b.actors), list(b.recipients), b.mode or a.mode
    else:
        a.actors = unique(a.actors + b.actors)
        a.recipients = [r for r in unique(a.recipients + b.recipients) if r not in a.actors]
    if kept.reported_date and not new.reported_date and b.date is not None:
        a.date, kept.reported_date = b.date, False  # the act's own date beats the report's
    fill(a, b)


def fill(a: EventMention, b: EventMention) -> None:
    if b.date is not None and (a.date is None or span_days(b.date.value) < span_days(a.date.value)):
        a.date = b.date  # the more precise of two compatible dates
    if a.location is None:
        a.location = b.location
    if a.mode is None:
        a.mode = b.mode
    if a.source is None:
        a.source = b.source


def add_participants(event: EventMention, actors: list[str]) -> None:
    for actor in actors:
        if actor in event.actors or actor in event.recipients:
            continue
        event.actors.append(actor)
    if event.mode == "third-party":
        event.recipients = [r for r in event.recipients if r not in event.actors]


class Merger(Arguments):
    """From mentions to events."""

    def _background(self, mentions: list[Mention]) -> list[Mention]:
        """Drop what is dated well before the article's news: the latest date any event of
        the article carries (at most the publication date) less ``background_days``."""
        ends = [m.period_end for m in mentions if m.period_end is not None]
        if self.published is not None:
            ends = [e for e in ends if e <= self.published]
        if not ends:
            return mentions
        news = max(ends)
        limit = news - timedelta(days=self.lex.background_days)
        kept = []
        for m in mentions:
            if m.period_end is not None and m.period_end < limit:
                if self.trace is not None:
                    self.trace.append(f"{m.event.trigger}:{self.doc[m.event.trigger].text}: {m.cue.id}: background (before the story's news)")
                continue
            kept.append(m)
        return kept

    def _distinct_proposals(self, a: int | None, b: int | None) -> bool:
        """Two proposals by different authors, or one answering the other."""
        if a is None or b is None or a == b:
            return False
        pa, pb = self.analysis.proposals[a], self.analysis.proposals[b]
        if pa.parent == b or pb.parent == a:
            return True
        return pa.proposer is not None and pb.proposer is not None and pa.proposer != pb.proposer

    def _join_reference(self, m: Mention, last: Mention | None) -> Mention | None:
        """"the talks", "a second round": the same meeting as the last one (merged into it, which
        is returned), or — on another day — a new round of it with its participants (``m``
        itself); with no meeting before, the article's mediators and parties (``m``)."""
        e = m.event
        if last is not None and last.paragraphs[-1] >= m.paragraph - 3:
            if dates_agree(last.event, e):
                fill(last.event, e)
                last.triggers.append(e.trigger)
                last.paragraphs.append(m.paragraph)
                return last
            e.actors, e.recipients, e.mode = list(last.event.actors), list(last.event.recipients), last.event.mode
            e.location = e.location or last.event.location
            return m
        if last is not None or len(self.parties) < 2:
            return None
        brokers = [a for a in self.mediators if a not in self.parties]
        if brokers:
            e.actors, e.recipients, e.mode = brokers, list(self.parties), "third-party"
        else:
            e.actors, e.recipients, e.mode = list(self.parties), [], "multilateral"
        return m

    def merge(self, mentions: list[Mention]) -> list[EventMention]:
        """One event per reported interaction (see the module docstring)."""
        mentions = self._background(mentions)
        kept: list[Mention] = []
        last_meeting: Mention | None = None
        for m in mentions:
            e = m.event
            m.triggers = [e.trigger]
            m.paragraphs = [m.paragraph]
            if m.cue.id in HOST_CUES and (m.attach or m.extra_actors):
                target = last_meeting if m.attach else None
                if target is not None and target.paragraphs[-1] >= m.paragraph - 3 and dates_agree(target.event, e):
                    add_participants(target.event, e.actors)
                    fill(target.event, e)
                    target.triggers.append(e.trigger)
                    target.paragraphs.append(m.paragraph)
                    continue
                if not m.attach:
                    e.recipients = [a for a in m.extra_actors if a not in e.actors]
                    if e.mode == "multilateral":
                        e.actors, e.recipients = unique(e.actors + e.recipients), []
                elif not m.extra_actors:
                    others = [p for p in self.parties if p not in e.actors]
                    if e.mode == "third-party":
                        e.recipients = others
                    else:
                        e.actors = unique(e.actors + others)
            if m.refers:
                joined = self._join_reference(m, last_meeting)
                if joined is not None:
                    if joined is not m:
                        continue
                elif not e.actors:
                    continue
            target = next((k for k in reversed(kept) if same_interaction(k, m, self._distinct_proposals)), None)
            if target is not None:
                union_into(target, m)
                target.counterpart = target.counterpart or m.counterpart
                target.triggers.append(e.trigger)
                target.paragraphs.append(m.paragraph)
                if target.event.type == "CONSULT":
                    last_meeting = target
                continue
            kept.append(m)
            if e.type == "CONSULT":
                last_meeting = m
        # an agreement reported as signed is the signing
        signings = [k for k in kept if k.cue.id == SIGN_CUE]
        result: list[Mention] = []
        for k in kept:
            e = k.event
            signing = next((s for s in signings if set(s.event.actors) == set(e.actors) and dates_agree(s.event, e)), None)
            if e.type == "AGREE" and not e.recipients and signing is not None:
                fill(signing.event, e)
                signing.triggers += k.triggers
                signing.paragraphs += k.paragraphs
                continue
            result.append(k)
        # a meeting needs two sides (a one-sided one still dates what is said there)
        meetings = [k for k in result if k.event.type == "CONSULT"]
        result = [k for k in result if k.event.type != "CONSULT" or k.counterpart or len(set(k.event.actors) | set(k.event.recipients)) >= 2]
        self._inherit_dates(result)
        self._meeting_dates(result, meetings)
        self._meeting_counterparts(result, meetings)
        return [k.event for k in self._bearing_on_negotiation(result)]

    def _bearing_on_negotiation(self, mentions: list[Mention]) -> list[Mention]:
        """Blame and warnings are coded only where they bear on a negotiation (VOCABULARY.md,
        Events; ANNOTATION.md, Negative articles): in an article that reports no proposal and
        no diplomatic interaction, an accusation or threat that alleges no violation of a
        truce is conflict news, not an event. A text of one or two paragraphs (a wire brief, a
        coded sentence) is too short to tell what it bears on, and is coded as it stands."""
        paragraphs = self.paragraph[-1] + 1 if self.paragraph else 0
        if paragraphs < MIN_ARTICLE_PARAGRAPHS or self.analysis.proposals or any(m.event.type not in CONFLICT_TALK for m in mentions):
            return mentions
        kept = []
        for m in mentions:
            if m.event.mode == "allege":
                kept.append(m)
            elif self.trace is not None:
                self.trace.append(f"{m.event.trigger}:{self.doc[m.event.trigger].text}: {m.cue.id}: bears on no negotiation")
        return kept
