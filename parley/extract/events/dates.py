"""Event dates: the date governing a clause, periods, and dates taken from context.

An undated act takes the date of the dated act its clause hangs from, or of a dated meeting
of its actors just before it (dev README, convention 4). A date ahead of the story dates
what is planned, and a period longer than a month dates no piece of news.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from spacy.tokens import Doc, Token

from ..analysis import Analysis, DateMention, EventMention
from .base import Mention
from .places import Places
from .syntax import BOUND_PREPS, SEQUENCE_PREPS, SPEECH, VERB_POS, ancestors


@cache
def _date_function() -> Callable[[Doc, Analysis, Token], DateMention | None] | None:
    """``parley.extract.dates.date_of`` when that component is installed."""
    try:
        module = importlib.import_module("parley.extract.dates")
    except ImportError:
        return None
    return getattr(module, "date_of", None)


def date_of_clause(doc: Doc, analysis: Analysis, token: Token) -> DateMention | None:
    """The date governing ``token``'s clause (one call; None without a dates component)."""
    function = _date_function()
    if function is None:
        return None
    try:
        return function(doc, analysis, token)
    except (IndexError, KeyError, ValueError):
        return None


def period_of(value: str) -> tuple[date, date] | None:
    """First and last day of an ISO date, month, week or year value."""
    try:
        if "W" in value:
            year, week = value.split("-W")
            first = date.fromisocalendar(int(year), int(week[:2]), 1)
            return first, first + timedelta(days=6)
        if len(value) >= 10:
            day = date.fromisoformat(value[:10])
            return day, day
        if len(value) == 7:
            year_number, month = int(value[:4]), int(value[5:7])
            first = date(year_number, month, 1)
            following = date(year_number + month // 12, month % 12 + 1, 1)
            return first, following - timedelta(days=1)
        if len(value) == 4:
            return date(int(value), 1, 1), date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def dates_agree(a: EventMention, b: EventMention) -> bool:
    """No date, the same day, or one period inside the other ("this year" and "on Monday")."""
    if a.date is None or b.date is None or not a.date.value or not b.date.value:
        return True
    if a.date.value[:10] == b.date.value[:10]:
        return True
    pa, pb = period_of(a.date.value), period_of(b.date.value)
    if pa is None or pb is None:
        return False
    return (pa[0] <= pb[0] and pb[1] <= pa[1]) or (pb[0] <= pa[0] and pa[1] <= pb[1])


def mention_dates_agree(a: Mention, b: Mention) -> bool:
    """Dates agree (:func:`dates_agree`), or one is only a weak date (of the report, or a
    bound: :meth:`Dates._weak_date`) that the other's own date replaces ("signed on
    Saturday", "have signed …, the ministry said on Monday")."""
    if dates_agree(a.event, b.event):
        return True
    return a.reported_date != b.reported_date  # the act's own date stands


def span_days(value: str | None) -> int:
    period = period_of(value or "")
    return (period[1] - period[0]).days if period else 10_000


@dataclass(frozen=True, slots=True)
class ClauseDate:
    """What a clause says about the time of its act."""

    mention: DateMention | None = None
    end: date | None = None  # last day of the period it names (background)
    ahead: bool = False  # it names a time after publication (what is planned)


#: How many paragraphs after a dated meeting an undated act of its participants is still told
#: as done there (dev README, convention 4).
MEETING_REACH = 3


class Dates(Places):
    """The date of an event's clause, and dates inherited from context."""

    def _date(self, anchor: Token) -> ClauseDate:
        """The clause's date for the event, the last day of the period it names (to tell
        background from news), and whether it names a time ahead of the story."""
        found = date_of_clause(self.doc, self.analysis, anchor)
        if found is not None and found.start <= anchor.i < found.end:
            # "held talks on Tuesday, a day after Lebanon returned its answer": the expression is
            # dated from the act; the act has its own date inside it ("days after a delegation
            # wrapped up talks on Thursday") or lies that many days before the main clause's date
            found = self._resolve_anchored(found, own=True) or self._days_before(found)
        if found is not None and self._nested_date(found, anchor):
            # a weekday the parser hung on an infinitive ("unveiled a plan to end the war at the
            # White House on Monday") still dates a past act; other nested dates do not
            found = self._past_weekday(found, anchor) if self._in_infinitive(found, anchor) else None
        if found is None:
            found = self._occasion_date(anchor)
        if found is None:
            found = self._described_person_date(anchor)
        if found is not None and not found.value:
            found = self._resolve_anchored(found)
        if found is None or not found.value:
            return ClauseDate()
        period = period_of(found.value)
        if period is None:
            return ClauseDate(found)
        first, last = period
        if self.published is not None and first > self.published:
            found = self._past_weekday(found, anchor)
            if found is None:
                return ClauseDate(ahead=True)  # a date ahead of the story is the date of what is planned
            first = last = date.fromisoformat((found.value or "")[:10])
        if (last - first).days > 31:
            # "this year", "in 2014": no date for a piece of news; "earlier this year": background
            past = any(w in found.text.lower().split() for w in ("earlier", "last", "previous", "ago", "past"))
            return ClauseDate(None, first if past else last)  # a vague past counts from its start
        return ClauseDate(found, last)

    def _resolve_anchored(self, found: DateMention, own: bool = False) -> DateMention | None:
        """"days after a Saudi delegation wrapped up talks … on Thursday": an expression the
        dates component could not resolve; the resolved date inside it, or for "the same
        day"/"the same evening" the last day named before it."""
        inside = [m for m in self.analysis.dates if found.start <= m.start and m.end <= found.end and m.value and m is not found]
        if inside:
            return inside[-1]
        if own:
            return None
        words = found.text.lower().split()
        if "same" in words:
            before = [m for m in self.analysis.dates if m.end <= found.start and m.value and m.kind not in ("dateline",)
                      and len(m.value) >= 10]
            if before and self.paragraph[before[-1].start] >= self.paragraph[found.start] - 1:
                last = before[-1]
                return DateMention(found.start, found.end, found.text, last.value[:10] if last.value else None, found.kind,
                                   found.rule + "; the day named before")
        return None

    def _days_before(self, span: DateMention) -> DateMention | None:
        words = span.text.lower().split()
        if "after" not in words:
            return None
        count = words[: words.index("after")]
        numbers = {"a": 1, "one": 1, "the": 1, "two": 2, "three": 3, "four": 4, "five": 5}
        if len(count) != 2 or count[1] not in ("day", "days") or count[0] not in numbers:
            return None
        root = self.doc[span.start:span.end].root
        verb = root.head
        while verb.pos_ not in VERB_POS and verb.head.i != verb.i:
            verb = verb.head
        main = date_of_clause(self.doc, self.analysis, verb)
        if main is None or main is span or not main.value or len(main.value) < 10:
            return None
        day = date.fromisoformat(main.value[:10]) - timedelta(days=numbers[count[0]])
        end = span.start + len(count) + 1  # "a day after"
        return DateMention(span.start, end, self.doc[span.start:end].text, day.isoformat(), "anchored", "before the main clause's date")

    def _occasion_date(self, anchor: Token) -> DateMention | None:
        """"Speaking to reporters at the White House on Tuesday, Trump gave Hamas three days":
        the occasion a participle names dates what is said or done on it."""
        for node in (anchor, *ancestors(anchor, 4)):
            for child in node.children:
                if child.dep_ != "advcl" or child.tag_ != "VBG" or any(c.dep_ in ("nsubj", "mark") for c in child.children):
                    continue
                lo, hi = child.left_edge.i, child.right_edge.i
                for mention in self.analysis.dates:
                    if lo <= mention.start and mention.end - 1 <= hi and mention.kind != "dateline":
                        return mention
        return None

    def _described_person_date(self, anchor: Token) -> DateMention | None:
        """"hosted a Hamas delegation led by Khalil al-Hayya in Cairo on Monday": the parser hung
        the date on the participle that describes the people met; it dates the meeting."""
        for obj in anchor.children:
            if obj.dep_ != "dobj" or not self._in_class([obj], "official"):
                continue
            for child in obj.children:
                if child.dep_ != "acl" or child.tag_ != "VBN":
                    continue
                for mention in self.analysis.dates:
                    if mention.kind != "dateline" and any(
                        c.dep_ == "prep" and c.i == mention.start for c in child.children
                    ):
                        return mention
        return None

    def _in_infinitive(self, found: DateMention, anchor: Token) -> bool:
        node = self.doc[found.start:found.end].root
        for _ in range(6):
            if node.i == anchor.i or node.head.i == node.i:
                return False
            if node.dep_ in ("acl", "advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                return node.head.i == anchor.i or node.head.head.i == anchor.i
            node = node.head
        return False

    def _past_weekday(self, found: DateMention, anchor: Token) -> DateMention | None:
        """"unveiled a plan … at the White House on Monday" read as next Monday (the date hung
        on an infinitive): an act told in the past tense falls on the last such weekday."""
        if found.kind != "weekday" or self.published is None or "next" in found.text.lower():
            return None
        if found.value and found.value[:10] <= self.published.isoformat():
            return found
        verb = anchor
        while verb.pos_ not in VERB_POS and verb.head.i != verb.i:
            verb = verb.head
        auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and auxes & {"has", "have", "had", "was", "were"})
        if not past or auxes & {"will", "would", "'ll", "shall"}:
            return None
        try:
            day = date.fromisoformat((found.value or "")[:10])
        except ValueError:
            return None
        while day > self.published:
            day -= timedelta(days=7)
        value = day.isoformat() + (found.value or "")[10:]
        return DateMention(found.start, found.end, found.text, value, found.kind, found.rule + "; past tense")

    def _weak_date(self, found: DateMention, anchor: Token) -> bool:
        """Is ``found`` a date the act only falls near: the date of the statement that
        reports it ("have signed a ceasefire, the ministry said on Monday") or a bound of what
        it concerns ("agreed to a ceasefire from midnight on Sunday")? Such a date dates the
        event only when no other mention of it gives its own."""
        root = self.doc[found.start:found.end].root
        if found.kind != "range":
            for m in (found, *(m for m in self.analysis.dates if m.start < found.end and found.start < m.end)):
                if m.start > 0 and self.doc[m.start - 1].lower_ in BOUND_PREPS:
                    return True  # "agreed to a ceasefire from midnight on Sunday": when the truce starts
        node = root
        for _ in range(6):
            if node.i == anchor.i or node.head.i == node.i:
                break
            if node.dep_ == "prep" and node.lower_ in BOUND_PREPS and found.kind != "range":
                return True
            node = node.head
        speech = self.analysis.source_of_verb
        if anchor.is_ancestor(root) or anchor.i == root.i:
            node = root.head
            while node.i != anchor.i and node.head.i != node.i:
                if node.pos_ in VERB_POS and (node.lemma_.lower() in SPEECH or node.i in speech):
                    return True
                node = node.head
            return False
        return any(node.pos_ in VERB_POS and (node.lemma_.lower() in SPEECH or node.i in speech) and node.is_ancestor(root)
                   for node in ancestors(anchor, 4))

    def _nested_date(self, found: DateMention, anchor: Token) -> bool:
        """A date inside a clause nested under ``anchor`` ("…, whose text the two sides
        finalised in March") dates that clause, not the event."""
        token = self.doc[found.start:found.end].root
        node = token
        for _ in range(8):
            if node.i == anchor.i:
                return False
            if node.dep_ in ("relcl", "acl", "ccomp", "advcl") and anchor.is_ancestor(node):
                return True
            if node.head.i == node.i:
                return False
            node = node.head
        return False

    def _inherit_dates(self, mentions: list[Mention]) -> None:
        """An undated act in a clause that hangs from a dated one shares its date: "Trump,
        who hosted …, also put his signature to the declaration" (dated by the signing)."""
        dated = {i: k.event.date for k in mentions if k.event.date is not None for i in k.triggers}
        for k in mentions:
            if k.event.date is not None:
                continue
            for trigger in k.triggers:
                found = self._date_above(self.doc[trigger], dated) or self._continued_date(self.doc[trigger])
                if found is not None:
                    k.event.date = found
                    break

    def _continued_date(self, token: Token) -> DateMention | None:
        """"The military said two soldiers were killed on Sunday … It accused Hamas of a
        blatant breach": a clause whose subject is a pronoun continues the statement of the
        sentence before it in the paragraph, and its date."""
        verb = token if token.pos_ in VERB_POS else token.head
        sent = token.sent
        root = sent.root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ not in ("it", "he", "she", "they") or not (verb.i == root.i or root.is_ancestor(verb)):
            return None
        if sent.start == 0:
            return None
        before = self.doc[sent.start - 1].sent
        if self.paragraph[before.start] != self.paragraph[sent.start]:
            return None
        found = date_of_clause(self.doc, self.analysis, before.root)
        if found is None or not found.value or len(found.value) < 10 or not self._in_window(found):
            return None
        return found

    def _date_above(self, token: Token, dated: dict[int, DateMention]) -> DateMention | None:
        node = token
        sent_start = token.sent.start
        for _ in range(6):
            if node.head.i == node.i or node.head.i < sent_start:
                return None
            if node.dep_ == "prep" and node.lower_ in SEQUENCE_PREPS:
                return None  # "signed on Thursday after a week of talks": the talks came earlier
            node = node.head
            if node.i in dated:
                return dated[node.i]
            if node.pos_ in VERB_POS:
                found = date_of_clause(self.doc, self.analysis, node)
                if found is not None and not self._nested_date(found, node) and self._in_window(found):
                    return found
        return None

    def _in_window(self, found: DateMention) -> bool:
        if self.published is None or not found.value:
            return True
        period = period_of(found.value)
        if period is None:
            return True
        return period[1] >= self.published - timedelta(days=self.lex.background_days) and period[0] <= self.published

    def _meeting_dates(self, mentions: list[Mention], meetings: list[Mention]) -> None:
        """An act reported without a date just after a dated meeting of its actors took place
        at that meeting (dev README, convention 4): it takes the meeting's date and place."""
        meetings = [m for m in meetings if m.event.date is not None]
        for m in mentions:
            e = m.event
            if e.date is not None or e.type == "CONSULT":
                continue
            who = set(e.actors) | set(e.recipients)
            found = None
            for meeting in meetings:
                met = set(meeting.event.actors) | set(meeting.event.recipients)
                if not who & met:
                    continue
                for trigger, paragraph in zip(m.triggers, m.paragraphs, strict=False):
                    if any(t < trigger and 0 <= paragraph - p <= MEETING_REACH for t, p in zip(meeting.triggers, meeting.paragraphs, strict=False)):
                        found = meeting
                if found is not None:
                    break
            if found is not None:
                e.date = found.event.date
                e.location = e.location or found.event.location

    def _meeting_counterparts(self, mentions: list[Mention], meetings: list[Mention]) -> None:
        """An offer made to no one named, by one side of a meeting on the day of that meeting
        (or just after it), is made to the others at the table: "a Saudi delegation wrapped up
        talks with Houthi leaders on Thursday … the Saudi side put forward a roadmap"."""
        for m in mentions:
            e = m.event
            if e.type != "AGREE" or e.recipients or len(e.actors) != 1 or m.cue.id == "agree.announce":
                continue
            for meeting in meetings:
                met = set(meeting.event.actors) | set(meeting.event.recipients)
                if e.actors[0] not in met or len(met) < 2 or not (e.date is None or meeting.event.date is None or dates_agree(meeting.event, e)):
                    continue
                if any(t < m.triggers[0] and 0 <= m.paragraphs[0] - p <= MEETING_REACH for t, p in zip(meeting.triggers, meeting.paragraphs, strict=False)):
                    e.recipients = sorted(met - set(e.actors), key=lambda a: list(met).index(a))
                    break

