"""Component ``parley_dates``: time expressions, resolved against the publication date.

Finds the time expressions of an article and gives each an ISO value computed from
``analysis.published`` (RECORD.md: "on Sunday" in an article published Tuesday 2025-05-06 is
2025-05-04). One :class:`~parley.extract.analysis.DateMention` per expression, its span
holding the preposition and qualifiers an annotator writes as ``date_text`` ("on Sunday",
"late on Monday", "earlier on Saturday", "two days earlier", "Hours after Hayya spoke").

What is found, and the value it gets (``kind`` in brackets):

- weekdays [weekday]: "on Sunday", "late on Monday", "Monday night", "Monday's talks", an
  adverbial "said Sunday": the last such weekday on or before publication (ANNOTATION.md);
  "next Tuesday" is the first one after it, "last Friday" the last one before it. When the
  governing verb is in the future ("will meet on Sunday", "is due to take effect on Sunday",
  "who leaves office on Monday", "were expected to arrive on Wednesday") or under a modal
  ("would host … from Monday", "must free them by noon on Monday"; not a negated one: "would
  not comment on Sunday") it is the first such weekday on or after publication. A weekday
  inside a name ("Good Friday", "the Sunday Times") or after "a"/"every" is no date;
- absolute dates [absolute]: "May 20", "on Jan. 19", "3 June", "March 11, 2025", "2025-03-11",
  "Sunday, May 4". With no year the year is the one that puts the date nearest publication,
  a later date counting three times its distance (so "Dec. 30" in a January article is last
  year's, "Aug. 14" in a June article this year's: up to ~3 months ahead stays ahead). A
  future tense of the governing verb, or a deadline word ("by", "until", "no later than"),
  makes it the next such date within ~11 months; a past tense the last one unless it is
  under ~2.5 weeks ahead;
- months and years [month, year]: "in March" ("YYYY-MM", year as above in months), "in March
  2024", "last August", "this month", "last month"; "in 2014", "in late 2014", "last year";
- weeks [week]: "last week", "this week", "earlier this week", "over the weekend" as ISO weeks
  "YYYY-Www" (a weekend is in the ISO week of its Saturday and Sunday);
- relative days [relative]: "today", "yesterday", "tomorrow", "tonight", "overnight" (the
  publication date), "last night"; "three weeks ago", "two months ago" (from publication);
- anchored [anchored]: "two days earlier", "a day later", "the day before", "the next day",
  "later that day", "hours after …", counted from the *anchor*: the date inside the
  "after …" clause when it has one, else the nearest preceding day-level mention that is not
  itself anchored (the dateline excluded), else the publication date. "Hours after X" and
  "hours later" are the anchor's day; unquantified "days after X" has no value;
- times [time]: "at 4 a.m. on Wednesday" → "2024-11-27T04:00", "midnight on Monday" →
  "2025-07-28T24:00" (the end of Monday, as the dev gold writes it). A time is only kept when
  it is attached to a day; the day keeps its own mention nested inside ("on Wednesday");
- ranges [range]: "between June 20 and June 30", "from July 6 to Aug. 3", "June 20-30": one
  mention valued with the start; the end is written in ``rule`` ("… end=2025-06-30") and both
  ends stay in the list as nested mentions of their own (:func:`range_end` returns the end);
- the dateline [dateline]: "ANKARA, May 6 —", "KYIV, April 5 (Reuters) -". Not an event date:
  :func:`date_of` and :func:`sentence_dates` skip it. When ``analysis.published`` is None and
  the dateline carries a year ("May 6, 2025 —"), ``analysis.published`` is set from it.

Durations ("a 60-day ceasefire", "for five years", "within 72 hours", "by day 16", "six
months"), ages, numbers and the modal "may" are not dates. Boundary words ("by", "until",
"from", "since", "no later than") stay outside the span: a consumer that needs them reads
the token before ``start``; ``rule`` names them when :func:`resolve` is given them.

Mentions may nest (a time holds its day, a range its ends, "hours after the vote on
Tuesday" its "on Tuesday"); ``analysis.dates`` is sorted by ``(start, -end)``, the outer first.

requires: token.pos, token.tag, token.dep; doc._.parley.published (set by the pipeline)
assigns:  doc._.parley.dates (and doc._.parley.published from a dated dateline when unset)
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from ..errors import LexiconError
from .analysis import Analysis, DateMention, analysis_of
from .lexicons import OBJECTS, data_path, load_cue_file

__all__ = [
    "DateLexicon",
    "DateRuler",
    "date_of",
    "load_date_lexicon",
    "range_end",
    "resolve",
    "sentence_dates",
    "words",
]

DATA_FILE = "dates.json"

# -------------------------------------------------------------------------------- words

_WORD = re.compile(
    r"\d{1,2}[:.]\d{2}(?!\d)"  # clock times: 10:30, 4.30
    r"|[ap]\.\s?m\.?(?![a-z])"  # a.m., p.m.
    r"|\d+(?:st|nd|rd|th)?"
    r"|[^\W\d_]+\.?"
    r"|['’]s\b"
    r"|--|[-–—,()/]"
)
_MERIDIEM = re.compile(r"([ap])\.\s?m\.?")
_DAYNUM = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?")
_YEAR = re.compile(r"\d{4}")
_CLOCK = re.compile(r"(\d{1,2})(?:[:.](\d{2}))?")
_COLON_CLOCK = re.compile(r"(\d{1,2}):(\d{2})")


def _norm(word: str) -> str:
    """One word as the grammar sees it: lower case, no final full stop, "a.m." → "am"."""
    w = word.lower().replace("’", "'")
    m = _MERIDIEM.fullmatch(w)
    if m:
        return m.group(1) + "m"
    if w in ("–", "—", "--"):
        return "-"
    if len(w) > 1 and w.endswith("."):
        w = w[:-1]
    return w


def words(text: str) -> list[str]:
    """The words of a time expression, normalised ("Jan. 19" → ["jan", "19"])."""
    return [_norm(m.group()) for m in _WORD.finditer(text.lower())]


# ------------------------------------------------------------------------------ lexicon

_KEYS: dict[str, Any] = {
    "weekdays": list,
    "months": list,
    "month_abbreviations": dict,
    "number_words": dict,
    "relative_days": dict,
    "relative_phrases": OBJECTS,
    "anchored_phrases": OBJECTS,
    "directions": dict,
    "period_units": list,
    "units": dict,
    "anchored_directions": dict,
    "duration_markers": list,
    "day_parts": list,
    "qualifiers": list,
    "inner_prepositions": list,
    "boundary_prepositions": list,
    "deadline_prepositions": list,
    "range_connectors": dict,
    "time_words": dict,
    "time_prefixes": list,
    "meridiem": list,
    "time_zones": list,
    "future_auxiliaries": list,
    "modal_auxiliaries": list,
    "future_heads": list,
    "present_not_future": list,
    "non_date_determiners": list,
    "name_neighbours": list,
}

Phrase = tuple[str, ...]


def _phrases(items: Iterable[str]) -> dict[int, frozenset[Phrase]]:
    """Phrases split into words and grouped by length, for longest-first matching."""
    by_len: dict[int, set[Phrase]] = {}
    for item in items:
        ws = tuple(words(item))
        if ws:
            by_len.setdefault(len(ws), set()).add(ws)
    return {n: frozenset(v) for n, v in sorted(by_len.items(), reverse=True)}


@dataclass(frozen=True)
class DateLexicon:
    """The word lists of ``dates.json``, validated and indexed."""

    weekdays: dict[str, int]
    months: dict[str, int]  # full names
    month_abbr: dict[str, int]
    numbers: dict[Phrase, int | None]
    relative_days: dict[str, int]
    relative_phrases: dict[Phrase, tuple[str, int]]
    anchored_phrases: dict[Phrase, tuple[str, int]]
    directions: dict[str, str]
    period_units: frozenset[str]
    units: dict[str, str]
    anchored_directions: dict[str, int]
    duration_markers: frozenset[str]
    day_parts: frozenset[str]
    qualifiers: dict[int, frozenset[Phrase]]
    inner_preps: frozenset[str]
    boundary: dict[int, frozenset[Phrase]]
    deadline: frozenset[Phrase]
    range_connectors: dict[str, frozenset[str]]
    time_words: dict[str, tuple[int, int]]
    time_prefixes: dict[int, frozenset[Phrase]]
    meridiem: frozenset[str]
    time_zones: frozenset[str]
    future_aux: frozenset[str]
    modal_aux: frozenset[str]
    future_heads: frozenset[str]
    present_not_future: frozenset[str]
    name_neighbours: frozenset[str]
    non_date_determiners: frozenset[str]
    raw: dict[str, Any] = field(repr=False, default_factory=dict)

    def month(self, word: str) -> int | None:
        return self.months.get(word) or self.month_abbr.get(word)


def _fail(key: str, message: str) -> LexiconError:
    return LexiconError(str(data_path(DATA_FILE)), message, key=key)


def _int_map(data: dict[str, Any], key: str, *, nullable: bool = False, lo: int = -10**6, hi: int = 10**6) -> dict[str, Any]:
    out = {}
    for k, v in data[key].items():
        if not isinstance(k, str) or not k.strip() or k != k.strip():
            raise _fail(key, f"keys must be trimmed non-empty strings (not {k!r})")
        if v is None and nullable:
            out[k] = None
            continue
        if not isinstance(v, int) or isinstance(v, bool) or not lo <= v <= hi:
            raise _fail(key, f"{k!r} must map to an integer in [{lo}, {hi}] (not {v!r})")
        out[k] = v
    return out


def _offset_phrases(data: dict[str, Any], key: str) -> dict[Phrase, tuple[str, int]]:
    out: dict[Phrase, tuple[str, int]] = {}
    for n, obj in enumerate(data[key]):
        phrase = obj.get("phrase")
        if not isinstance(phrase, str) or not phrase.strip():
            raise _fail(f"{key}[{n}].phrase", "must be a non-empty string")
        units = [u for u in ("days", "weeks") if u in obj]
        if len(units) != 1 or set(obj) - {"phrase", "days", "weeks"}:
            raise _fail(f"{key}[{n}]", "needs 'phrase' and exactly one of 'days' or 'weeks'")
        value = obj[units[0]]
        if not isinstance(value, int) or isinstance(value, bool):
            raise _fail(f"{key}[{n}].{units[0]}", f"must be an integer (not {value!r})")
        out[tuple(words(phrase))] = (units[0], value)
    return out


def _build_lexicon(data: dict[str, Any]) -> DateLexicon:
    if len(data["weekdays"]) != 7:
        raise _fail("weekdays", "must list the seven weekdays, Monday first")
    if len(data["months"]) != 12:
        raise _fail("months", "must list the twelve months, January first")
    directions = data["directions"]
    for k, v in directions.items():
        if v not in ("last", "next", "this"):
            raise _fail("directions", f"{k!r} must map to 'last', 'next' or 'this' (not {v!r})")
    units = data["units"]
    for k, v in units.items():
        if v not in ("minute", "hour", "day", "week", "month", "year"):
            raise _fail("units", f"{k!r} must map to minute, hour, day, week, month or year (not {v!r})")
    connectors = {}
    for k, v in data["range_connectors"].items():
        if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
            raise _fail("range_connectors", f"{k!r} must map to a list of words")
        connectors[k] = frozenset(_norm(x) for x in v)
    times = {}
    for k, v in data["time_words"].items():
        m = _COLON_CLOCK.fullmatch(v) if isinstance(v, str) else None
        if m is None or int(m.group(1)) > 24 or int(m.group(2)) > 59:
            raise _fail("time_words", f"{k!r} must map to a clock time 'HH:MM' (not {v!r})")
        times[k] = (int(m.group(1)), int(m.group(2)))
    numbers = _int_map(data, "number_words", nullable=True, lo=1, hi=1000)
    return DateLexicon(
        weekdays={w: i for i, w in enumerate(data["weekdays"])},
        months={m: i + 1 for i, m in enumerate(data["months"])},
        month_abbr=_int_map(data, "month_abbreviations", lo=1, hi=12),
        numbers={tuple(words(k)): v for k, v in numbers.items()},
        relative_days=_int_map(data, "relative_days", lo=-7, hi=7),
        relative_phrases=_offset_phrases(data, "relative_phrases"),
        anchored_phrases=_offset_phrases(data, "anchored_phrases"),
        directions=dict(directions),
        period_units=frozenset(data["period_units"]),
        units=dict(units),
        anchored_directions=_int_map(data, "anchored_directions", lo=-1, hi=1),
        duration_markers=frozenset(data["duration_markers"]),
        day_parts=frozenset(data["day_parts"]),
        qualifiers=_phrases(data["qualifiers"]),
        inner_preps=frozenset(data["inner_prepositions"]),
        boundary=_phrases(data["boundary_prepositions"]),
        deadline=frozenset(tuple(words(p)) for p in data["deadline_prepositions"]),
        range_connectors=connectors,
        time_words=times,
        time_prefixes=_phrases(data["time_prefixes"]),
        meridiem=frozenset(data["meridiem"]),
        time_zones=frozenset(data["time_zones"]),
        future_aux=frozenset(data["future_auxiliaries"]),
        modal_aux=frozenset(data["modal_auxiliaries"]),
        future_heads=frozenset(data["future_heads"]),
        present_not_future=frozenset(data["present_not_future"]),
        name_neighbours=frozenset(data["name_neighbours"]),
        non_date_determiners=frozenset(data["non_date_determiners"]),
        raw=data,
    )


@cache
def load_date_lexicon() -> DateLexicon:
    """``dates.json``, loaded and validated once per process."""
    return _build_lexicon(load_cue_file(DATA_FILE, _KEYS))


# ------------------------------------------------------------------------------ grammar


@dataclass(slots=True)
class _Ctx:
    published: date | None
    anchor: date | None
    tense: str | None  # "past" | "future" | "future_weak" (would, could, must …) | None
    tail_search: bool = True


@dataclass(slots=True)
class _Res:
    value: str | None
    kind: str
    rule: str
    day: date | None = None  # the day, for day-level values
    end: str | None = None  # a range's end
    bare: int | None = None  # a bare day number ("30" in "June 20-30")


def _iso_week(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


def _add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


# How much a later candidate's distance counts against an earlier one's, by tense: a past
# tense all but forbids a later date, a future tense all but forbids an earlier one.
_FACTORS = {"future": 0.05, "future_weak": 1.0, "past": 20.0, None: 3.0}


def _match_prefix(ws: Sequence[str], i: int, phrases: dict[int, frozenset[Phrase]]) -> int:
    """Length of the longest phrase that starts ``ws`` at ``i`` (0 if none)."""
    for n, group in phrases.items():
        if i + n <= len(ws) and tuple(ws[i : i + n]) in group:
            return n
    return 0


class _Grammar:
    """Reads one time expression (its normalised words) and resolves it."""

    def __init__(self, lex: DateLexicon):
        self.lex = lex
        self.number_phrases = _phrases(" ".join(k) for k in lex.numbers)
        self.anchored_by_len = _phrases(" ".join(k) for k in lex.anchored_phrases)
        self.before_after = frozenset(("before", "after"))

    # -- entry points ------------------------------------------------------------------

    def parse(self, ws: list[str], ctx: _Ctx) -> _Res | None:
        if not ws:
            return None
        if ws[0] in self.lex.range_connectors or "-" in ws:
            r = self._range(ws, ctx)
            if r is not None:
                return r
        lead = ""
        n = _match_prefix(ws, 0, self.lex.boundary)
        if n and n < len(ws):
            tense = _boundary_tense(self.lex, tuple(ws[:n]), ctx.tense)
            if tense != ctx.tense:
                ctx = _Ctx(ctx.published, ctx.anchor, tense, ctx.tail_search)  # "by Aug. 18"
            lead, ws = " ".join(ws[:n]), ws[n:]
        r = self._timed(ws, ctx)
        if r is None:
            r = self.day_expr(ws, ctx)
        if r is not None and lead:
            r.rule += f" [{lead}]"
        return r

    # -- ranges ------------------------------------------------------------------------

    def _range(self, ws: list[str], ctx: _Ctx) -> _Res | None:
        opener = ws[0] if ws[0] in self.lex.range_connectors else None
        body = ws[1:] if opener else ws
        connectors = self.lex.range_connectors[opener] if opener else frozenset(("-",))
        if opener is None and self.day_expr(ws, ctx) is not None:
            return None  # "2025-03-11", "mid-March"
        for k in range(1, len(body) - 1):
            if body[k] not in connectors:
                continue
            a = self.day_expr(body[:k], ctx, allow_bare=True)
            b = self.day_expr(body[k + 1 :], ctx, allow_bare=True)
            if a is None or b is None or (a.bare is not None and b.bare is not None):
                continue
            if a.bare is not None:
                a = self._with_day(b, a.bare)
            elif b.bare is not None:
                b = self._with_day(a, b.bare)
            if a is None or b is None:
                continue
            if opener is None and (a.kind != "absolute" or b.kind != "absolute"):
                continue
            if a.day and b.day and b.day < a.day:
                b = self._after(a.day, b, body[k + 1 :])
            rule = f"range {opener or '-'}: {a.rule}; end={b.value}"
            return _Res(a.value, "range", rule, day=a.day, end=b.value)
        return None

    @staticmethod
    def _after(start: date, end: _Res, end_words: list[str]) -> _Res:
        """A range's end that came out before its start: the next such weekday or year."""
        assert end.day is not None
        if end.kind == "weekday":
            d = end.day + timedelta(days=7 * ((start - end.day).days // 7 + 1))
        elif end.kind == "absolute" and not any(_YEAR.fullmatch(w) for w in end_words):
            try:
                d = end.day.replace(year=end.day.year + 1)
            except ValueError:
                return end
        else:
            return end
        return _Res(d.isoformat(), end.kind, end.rule + "; moved after the start", day=d)

    @staticmethod
    def _with_day(other: _Res, day: int) -> _Res | None:
        if other.day is None:
            return None
        try:
            d = other.day.replace(day=day)
        except ValueError:
            return None
        return _Res(d.isoformat(), "absolute", f"day {day} of {other.value[:7] if other.value else '?'}", day=d)

    # -- times -------------------------------------------------------------------------

    def _clock(self, ws: list[str], i: int) -> tuple[int, int, int] | None:
        w = ws[i]
        if w in self.lex.time_words:
            hh, mm = self.lex.time_words[w]
            return hh, mm, 1
        nxt = ws[i + 1] if i + 1 < len(ws) else ""
        m = _CLOCK.fullmatch(w)
        if m and nxt in self.lex.meridiem:
            hh, mm = int(m.group(1)), int(m.group(2) or 0)
            if not 1 <= hh <= 12 or mm > 59:
                return None
            hh = hh % 12 + (12 if nxt == "pm" else 0)
            return hh, mm, 2
        m = _COLON_CLOCK.fullmatch(w)
        if m:
            hh, mm = int(m.group(1)), int(m.group(2))
            return (hh, mm, 1) if hh <= 23 and mm <= 59 else None
        if len(w) == 4 and w.isdigit() and nxt in ("gmt", "utc"):
            hh, mm = int(w[:2]), int(w[2:])
            return (hh, mm, 2) if hh <= 23 and mm <= 59 else None
        return None

    def _strip_zone(self, ws: list[str]) -> list[str]:
        """Drop time zones and a parenthesis ("local time", "(0200 GMT)") from the front."""
        i = 0
        while i < len(ws):
            if ws[i] in self.lex.time_zones:
                i += 1
            elif ws[i] == "(" and ")" in ws[i : i + 8]:
                i = ws.index(")", i) + 1
            else:
                break
        return ws[i:]

    def _timed(self, ws: list[str], ctx: _Ctx) -> _Res | None:
        for i in range(len(ws)):
            clock = self._clock(ws, i)
            if clock is not None:
                break
        else:
            return None
        hh, mm, n = clock
        pre, post = ws[:i], self._strip_zone(ws[i + n :])
        k = 0
        while k < len(pre):  # "at", "at around"
            m = _match_prefix(pre, k, self.lex.time_prefixes)
            if not m:
                break
            k += m
        pre = pre[k:]
        while pre and (pre[-1] == "," or (pre[-1],) in self.lex.time_prefixes.get(1, ())):
            pre = pre[:-1]
        if pre and post:
            return None
        day_words = post or pre
        while day_words and day_words[0] in (",", "of"):
            day_words = day_words[1:]
        clock_text = f"{hh:02d}:{mm:02d}"
        if not day_words:
            return _Res(None, "time", f"time {clock_text} without a day")
        day = self.day_expr(day_words, ctx)
        if day is None:
            return None
        if day.day is None:
            return _Res(None, "time", f"time {clock_text}; {day.rule}")
        return _Res(f"{day.day.isoformat()}T{clock_text}", "time", f"time {clock_text} on {day.rule}", day=day.day)

    # -- day expressions ---------------------------------------------------------------

    def day_expr(self, ws: list[str], ctx: _Ctx, *, allow_bare: bool = False) -> _Res | None:
        ws = list(ws)
        while ws:
            r = self._phrase_forms(ws, ctx)
            if r is not None:
                return r
            if len(ws) > 1 and (ws[-1] in ("'s", ",") or ws[-1] in self.lex.day_parts):
                ws = ws[:-1]  # "Monday's", "Monday night" ("last night" is a phrase)
                continue
            n = _match_prefix(ws, 0, self.lex.qualifiers)
            if n and n < len(ws):
                ws = ws[n:]
                continue
            if len(ws) > 1 and ws[0] in self.lex.inner_preps:
                ws = ws[1:]
                continue
            break
        if not ws:
            return None
        return self._core(ws, ctx, allow_bare)

    def _phrase_forms(self, ws: list[str], ctx: _Ctx) -> _Res | None:
        """Anchored and relative phrases, "N units earlier/ago/after …"."""
        lex = self.lex
        n = _match_prefix(ws, 0, self.anchored_by_len)
        if n:
            phrase = tuple(ws[:n])
            tail = ws[n:]
            if tail and phrase[-1] not in self.before_after:
                return None
            unit, k = lex.anchored_phrases[phrase]
            base, how = self._anchor_base(tail, ctx)
            if base is None:
                return _Res(None, "anchored", f"anchored '{' '.join(phrase)}': no anchor")
            if unit == "weeks":
                d = base + timedelta(weeks=k)
                return _Res(_iso_week(d), "week", f"anchored '{' '.join(phrase)}': week of {d} ({how})")
            d = base + timedelta(days=k)
            return _Res(d.isoformat(), "anchored", f"anchored '{' '.join(phrase)}': {k:+d} days from {base} ({how})", day=d)
        if tuple(ws) in lex.relative_phrases:
            unit, k = lex.relative_phrases[tuple(ws)]
            if ctx.published is None:
                return _Res(None, "relative", f"relative '{' '.join(ws)}': no publication date")
            d = ctx.published + timedelta(days=k)
            return _Res(d.isoformat(), "relative", f"relative '{' '.join(ws)}': {k:+d} days from publication", day=d)
        # [number] unit direction [tail]
        i, count = 0, None
        m = _match_prefix(ws, 0, self.number_phrases)
        if m:
            i, count = m, lex.numbers[tuple(ws[:m])]
        elif ws[0].isdigit():
            i, count = 1, int(ws[0])
        if i + 1 >= len(ws) or ws[i] not in lex.units or ws[i + 1] not in lex.anchored_directions:
            return None
        if i == 0 and not ws[0].endswith("s"):
            return None  # "day later" without a number
        unit, direction, tail = lex.units[ws[i]], ws[i + 1], ws[i + 2 :]
        if tail and direction not in self.before_after:
            return None
        sign = lex.anchored_directions[direction]
        if direction == "ago":
            base, how, kind = ctx.published, "publication", "relative"
        else:
            base, how = self._anchor_base(tail, ctx)
            kind = "anchored"
        label = " ".join(ws[: i + 2])
        if base is None:
            return _Res(None, kind, f"{kind} '{label}': no anchor")
        if unit in ("minute", "hour"):
            days = 0 if count is None else sign * (count // 24)
            d = base + timedelta(days=days)
            return _Res(d.isoformat(), kind, f"{kind} '{label}': {days:+d} days from {base} ({how})", day=d)
        if count is None:
            return _Res(None, kind, f"{kind} '{label}': unquantified")
        if unit in ("day", "week"):
            days = sign * count * (7 if unit == "week" else 1)
            d = base + timedelta(days=days)
            return _Res(d.isoformat(), kind, f"{kind} '{label}': {days:+d} days from {base} ({how})", day=d)
        if unit == "month":
            y, mo = _add_months(base.year, base.month, sign * count)
            return _Res(f"{y:04d}-{mo:02d}", "month", f"{kind} '{label}': month from {base} ({how})")
        return _Res(f"{base.year + sign * count:04d}", "year", f"{kind} '{label}': year from {base} ({how})")

    def _anchor_base(self, tail: list[str], ctx: _Ctx) -> tuple[date | None, str]:
        """The day an anchored expression counts from: a date inside its "after …" clause,
        else the anchor, else the publication date."""
        if tail and ctx.tail_search:
            inner = _Ctx(ctx.published, None, ctx.tense, tail_search=False)
            for i in range(len(tail)):
                for j in range(len(tail), i, -1):
                    r = self.day_expr(tail[i:j], inner)
                    if r is not None and r.day is not None and r.kind not in ("anchored",):
                        return r.day, f"date in '{' '.join(tail)}'"
        if ctx.anchor is not None:
            return ctx.anchor, "anchor"
        return ctx.published, "publication"

    def _core(self, ws: list[str], ctx: _Ctx, allow_bare: bool) -> _Res | None:
        lex = self.lex
        first = ws[0]
        if first == "this" and len(ws) > 2 and ws[1] in lex.directions:
            ws = ws[1:]  # "this past week", "this coming Sunday"
            first = ws[0]
        if first in lex.directions and len(ws) == 2:
            return self._directed(lex.directions[first], ws[1], ctx)
        if ws == ["the", "weekend"] or ws == ["weekend"]:
            return self._period("weekend", None, ctx)
        if first in lex.weekdays:
            if len(ws) == 1:
                return self._weekday(lex.weekdays[first], None, ctx)
            rest = ws[1:]
            if rest[0] in (",", "("):
                rest = rest[1:]
            rest = [w for w in rest if w != ")"]
            r = self._absolute(rest, ctx, weekday=lex.weekdays[first])
            return r
        if len(ws) == 1 and first in lex.relative_days:
            k = lex.relative_days[first]
            if ctx.published is None:
                return _Res(None, "relative", f"relative '{first}': no publication date")
            d = ctx.published + timedelta(days=k)
            return _Res(d.isoformat(), "relative", f"relative '{first}': {k:+d} days from publication", day=d)
        if allow_bare and len(ws) == 1:
            m = _DAYNUM.fullmatch(first)
            if m and 1 <= int(m.group(1)) <= 31:
                return _Res(None, "bare", "bare day", bare=int(m.group(1)))
        return self._absolute(ws, ctx)

    # -- resolution helpers ------------------------------------------------------------

    def _weekday(self, wd: int, direction: str | None, ctx: _Ctx) -> _Res:
        pub = ctx.published
        if pub is None:
            return _Res(None, "weekday", "weekday: no publication date")
        if direction == "next":
            d = pub + timedelta(days=(wd - pub.weekday()) % 7 or 7)
            rule = "weekday: next, the first after publication"
        elif direction == "last":
            d = pub - timedelta(days=(pub.weekday() - wd) % 7 or 7)
            rule = "weekday: last, the last before publication"
        elif (direction == "this" and ctx.tense != "past") or ctx.tense in ("future", "future_weak"):
            d = pub + timedelta(days=(wd - pub.weekday()) % 7)
            why = "'this'" if direction == "this" else "future" if ctx.tense == "future" else "modal"
            rule = f"weekday: on or after publication ({why})"
        else:
            d = pub - timedelta(days=(pub.weekday() - wd) % 7)
            rule = "weekday: the last on or before publication"
        return _Res(d.isoformat(), "weekday", rule, day=d)

    def _directed(self, direction: str, word: str, ctx: _Ctx) -> _Res | None:
        lex = self.lex
        if word in lex.weekdays:
            return self._weekday(lex.weekdays[word], direction, ctx)
        if word in lex.period_units:
            return self._period(word, direction, ctx)
        month = lex.months.get(word)
        if month is None:
            return None
        pub = ctx.published
        if pub is None:
            return _Res(None, "month", f"month '{direction} {word}': no publication date")
        if direction == "last":
            year = pub.year if month < pub.month else pub.year - 1
        elif direction == "next":
            year = pub.year if month > pub.month else pub.year + 1
        else:
            return self._month(month, ctx, rule=f"month 'this {word}'")
        return _Res(f"{year:04d}-{month:02d}", "month", f"month: {direction} {word}")

    def _period(self, unit: str, direction: str | None, ctx: _Ctx) -> _Res:
        pub = ctx.published
        label = f"{direction or 'the'} {unit}"
        if pub is None:
            kind = {"weekend": "week"}.get(unit, unit)
            return _Res(None, kind, f"'{label}': no publication date")
        step = {"last": -1, "next": 1, "this": 0}.get(direction or "", 0)
        if unit in ("week", "weekend"):
            if unit == "weekend" and direction is None:
                step = 0 if pub.weekday() >= 5 or ctx.tense in ("future", "future_weak") else -1
            d = pub + timedelta(weeks=step)
            return _Res(_iso_week(d), "week", f"'{label}': ISO week of {d}")
        if unit == "month":
            y, m = _add_months(pub.year, pub.month, step)
            return _Res(f"{y:04d}-{m:02d}", "month", f"'{label}': month of publication {step:+d}")
        return _Res(f"{pub.year + step:04d}", "year", f"'{label}': year of publication {step:+d}")

    def _month(self, month: int, ctx: _Ctx, *, rule: str) -> _Res:
        pub = ctx.published
        if pub is None:
            return _Res(None, "month", f"{rule}: no year and no publication date")
        factor = _FACTORS.get(ctx.tense, 3.0)
        best = None
        for year in (pub.year - 1, pub.year, pub.year + 1):
            delta = (year - pub.year) * 12 + month - pub.month
            cost = -delta if delta <= 0 else delta * factor
            if best is None or cost < best[0]:
                best = (cost, year)
        year = best[1]
        return _Res(f"{year:04d}-{month:02d}", "month", f"{rule}: year {year} inferred from publication")

    def _day(self, year: int | None, month: int, day: int, ctx: _Ctx, weekday: int | None) -> _Res | None:
        if year is not None:
            try:
                d = date(year, month, day)
            except ValueError:
                return None
            return _Res(d.isoformat(), "absolute", "absolute: full date", day=d)
        pub = ctx.published
        candidates = []
        for y in ((pub.year - 1, pub.year, pub.year + 1) if pub else (2000,)):
            try:
                candidates.append(date(y, month, day))
            except ValueError:
                continue
        if not candidates:
            return None
        if pub is None:
            return _Res(None, "absolute", "absolute: no year and no publication date")
        why = "nearest publication"
        if weekday is not None:
            same = [c for c in candidates if c.weekday() == weekday]
            if same:
                candidates, why = same, "year where the weekday matches"
        factor = _FACTORS.get(ctx.tense, 3.0)

        def cost(c: date) -> float:
            delta = (c - pub).days
            return -delta if delta <= 0 else delta * factor

        d = min(candidates, key=cost)
        return _Res(d.isoformat(), "absolute", f"absolute: year {d.year} inferred ({why})", day=d)

    def _absolute(self, ws: list[str], ctx: _Ctx, weekday: int | None = None) -> _Res | None:
        lex = self.lex
        ws = [w for w in ws if w != ","]
        if not ws:
            return None
        # ISO 2025-03-11
        if len(ws) == 5 and ws[1] == ws[3] == "-" and _YEAR.fullmatch(ws[0]) and len(ws[2]) == 2 and len(ws[4]) == 2 and ws[2].isdigit() and ws[4].isdigit():
            r = self._day(int(ws[0]), int(ws[2]), int(ws[4]), ctx, None)
            if r is not None:
                r.rule = "absolute: ISO date"
            return r
        if ws[0] == "the" and len(ws) >= 4 and ws[2] == "of":  # the 5th of May [2025]
            ws = [ws[1], *ws[3:]]
        year = None
        if len(ws) >= 2 and _YEAR.fullmatch(ws[-1]):
            year = int(ws[-1])
            ws = ws[:-1]
        if len(ws) == 2:
            a, b = ws
            month, day = lex.month(a), _DAYNUM.fullmatch(b)
            if month is None:
                month, day = lex.month(b), _DAYNUM.fullmatch(a)
            if month is None or day is None:
                return None
            return self._day(year, month, int(day.group(1)), ctx, weekday)
        if len(ws) == 1:
            w = ws[0]
            month = lex.months.get(w) or (lex.month_abbr.get(w) if year is not None else None)
            if month is not None and weekday is None:
                if year is not None:
                    return _Res(f"{year:04d}-{month:02d}", "month", "month: month and year")
                return self._month(month, ctx, rule="month")
            if year is None and _YEAR.fullmatch(w) and weekday is None and 1800 <= int(w) <= 2199:
                return _Res(w, "year", "year")
        return None


def _boundary_tense(lex: DateLexicon, phrase: Phrase, tense: str | None) -> str | None:
    """A deadline ("by", "until") reads as a future when the verb says nothing."""
    if tense is None and phrase in lex.deadline:
        return "future"
    return tense


@cache
def _grammar() -> _Grammar:
    return _Grammar(load_date_lexicon())


def _day_only(published: date | None) -> date | None:
    return published.date() if isinstance(published, datetime) else published


def _anchor_date(anchor: str | date | None) -> date | None:
    if anchor is None:
        return None
    if isinstance(anchor, date):
        return _day_only(anchor)
    try:
        return date.fromisoformat(anchor[:10])
    except ValueError:
        return None


def resolve(
    text: str,
    published: date | None,
    *,
    anchor: str | None = None,
    tense: str | None = None,
) -> tuple[str | None, str, str]:
    """Resolve one time expression: ``(value, kind, rule)``.

    ``value`` is ISO ("2025-05-04", "2024-11-27T04:00", "2025-05", "2025-W18", "2025") or
    None when it cannot be computed (no publication date, an unquantified "days after").
    ``anchor`` (ISO, day-level) is what anchored forms count from ("two days earlier");
    without it they count from ``published``. ``tense`` ("past" or "future") is the tense of
    the governing verb, as the component finds it: a future sends a bare weekday forward and
    favours a later year. Text that is no time expression gives ``(None, "unknown", …)``.

        >>> resolve("on Sunday", date(2025, 5, 6))
        ('2025-05-04', 'weekday', 'weekday: the last on or before publication')
    """
    ctx = _Ctx(_day_only(published), _anchor_date(anchor), tense)
    res = _grammar().parse(words(text), ctx)
    if res is None or res.kind == "bare":
        return None, "unknown", "no rule matched"
    return res.value, res.kind, res.rule


# ---------------------------------------------------------------------------- component

_DAY_LEVEL = frozenset(("WEEKDAY", "WDABS", "ABS", "ISO", "REL", "RELP"))
_ANCHORED = frozenset(("ANCH", "ANCHP"))
_NESTED_DEPS = frozenset(("ccomp", "advcl", "relcl", "xcomp"))
_VERBS = frozenset(("VERB", "AUX"))
_DASHES = frozenset(("—", "–", "-", "--", "―"))


@dataclass(slots=True)
class _Cand:
    label: str
    start: int
    end: int
    children: list[_Cand] = field(default_factory=list)
    after: int | None = None  # token index of "before"/"after" in an anchored form
    kind: str | None = None  # forced kind (dateline)
    value: str | None = None  # forced value (a bare range end)
    rule: str | None = None


class DateRuler:
    """Finds and resolves the time expressions of a doc."""

    def __init__(self, nlp: Language, lexicon: DateLexicon | None = None):
        self.lex = lexicon or load_date_lexicon()
        self.grammar = _Grammar(self.lex)
        lex = self.lex
        self.qual_words = frozenset(w for group in lex.qualifiers.values() for p in group for w in p)
        self.day_forms = frozenset(
            [str(i) for i in range(1, 32)]
            + [f"{i:02d}" for i in range(1, 10)]
            + [f"{i}{_ordinal(i)}" for i in range(1, 32)]
        )
        self.matcher = Matcher(nlp.vocab)
        self._add_patterns(nlp)

    # -- patterns ----------------------------------------------------------------------

    def _add_patterns(self, nlp: Language) -> None:
        """A few token patterns (``Matcher``) and the fixed phrases (``PhraseMatcher``)."""
        lex = self.lex
        month_forms = sorted(set(lex.months) | set(lex.month_abbr) | {a + "." for a in lex.month_abbr})
        M = {"LOWER": {"IN": month_forms}}
        D = {"LOWER": {"IN": sorted(self.day_forms)}}
        Y = {"SHAPE": "dddd"}
        W = {"LOWER": {"IN": sorted(lex.weekdays)}}
        opt_w = {**W, "OP": "?"}
        opt_c = {"ORTH": ",", "OP": "?"}
        opt_y = {**Y, "OP": "?"}
        add = self.matcher.add
        # "May 20", "20 May 2025", "Sunday, May 4", "March 11, 2025", "the 5th of May"
        add("DATE", [
            [opt_w, opt_c, M, D, opt_c, opt_y],
            [opt_w, opt_c, D, M, opt_c, opt_y],
            [{"LOWER": "the"}, D, {"LOWER": "of"}, M, opt_y],
        ])
        add("MONTHYEAR", [[M, opt_c, Y]])
        add("MONTH", [[M]])
        add("ISO", [[Y, {"ORTH": "-"}, {"SHAPE": "dd"}, {"ORTH": "-"}, {"SHAPE": "dd"}], [{"SHAPE": "dddd-dd-dd"}]])
        add("YEAR", [[Y], [{"SHAPE": "xxx-dddd"}]])
        add("WEEKDAY", [[W]])
        add("REL", [[{"LOWER": {"IN": sorted(lex.relative_days)}}]])
        direction = {"LOWER": {"IN": sorted(lex.directions)}}
        add("PERIOD", [
            [{"LOWER": "this", "OP": "?"}, direction, {"LOWER": {"IN": sorted(lex.period_units)}}],
            [{"LOWER": "the"}, {"LOWER": "weekend"}],
        ])
        numbers = {" ".join(k) for k, _ in lex.numbers.items() if len(k) == 1} | {str(i) for i in range(1, 201)}
        unit = {"LOWER": {"IN": sorted(lex.units)}}
        adir = {"LOWER": {"IN": sorted(lex.anchored_directions)}}
        anchored = [[{"LOWER": {"IN": sorted(numbers)}, "OP": "?"}, unit, adir]]
        anchored += [[*({"LOWER": w} for w in k), unit, adir] for k in lex.numbers if len(k) > 1]
        add("ANCH", anchored)
        clock = {"SHAPE": {"IN": ["d", "dd", "d:dd", "dd:dd", "d.dd", "dd.dd"]}}
        meridiem = {"LOWER": {"IN": ["a.m.", "p.m.", "am", "pm", "a.m", "p.m"]}}
        add("TIME", [
            [clock, meridiem],
            [{"SHAPE": {"IN": ["d:dd", "dd:dd"]}}],
            [{"LOWER": {"IN": sorted(lex.time_words)}}],
            [Y, {"LOWER": {"IN": ["gmt", "utc"]}}],
        ])
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.phrases.add("ANCHP", [nlp.make_doc(" ".join(p)) for p in lex.anchored_phrases])
        self.phrases.add("RELP", [nlp.make_doc(" ".join(p)) for p in lex.relative_phrases])

    # -- entry -------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        analysis = analysis_of(doc)
        analysis.dates = self.find(doc, analysis)
        return doc

    def find(self, doc: Doc, analysis: Analysis) -> list[DateMention]:
        cores = self._cores(doc)
        if not cores:
            return []
        dateline = self._dateline(doc, cores)
        if dateline is not None and analysis.published is None:
            ws = words(doc[dateline.start : dateline.end].text)
            if any(_YEAR.fullmatch(w) for w in ws):
                r = self.grammar.parse(ws, _Ctx(None, None, None))
                if r is not None and r.day is not None:
                    analysis.published = r.day
                    dateline.rule = f"dateline: sets the publication date; {r.rule}"
        cands = self._base(doc, cores, dateline)
        times = self._times(doc, cores, cands)
        ranges = self._ranges(doc, cands)
        self._anchored_tails(doc, cands)
        everything = sorted([*cands, *times, *ranges], key=lambda c: (c.start, -c.end))
        return self._resolve(doc, analysis, everything)

    # -- finding -----------------------------------------------------------------------

    def _cores(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Matcher hits, longest first, without overlaps, in text order."""
        strings = doc.vocab.strings
        hits = sorted(
            ((strings[m], s, e) for m, s, e in (*self.matcher(doc), *self.phrases(doc))),
            key=lambda h: (h[1] - h[2], h[1]),
        )
        taken = bytearray(len(doc))
        cores = []
        weekdays = self.lex.weekdays
        for label, s, e in hits:
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            if label == "DATE":
                if doc[e - 1].text == ",":
                    e -= 1
                if doc[s].text == ",":
                    s += 1
                label = "WDABS" if doc[s].lower_ in weekdays else "ABS"
            cores.append((label, s, e))
        cores.sort(key=lambda h: h[1])
        return cores

    def _dateline(self, doc: Doc, cores: list[tuple[str, int, int]]) -> _Cand | None:
        """"ANKARA, May 6 —", "KYIV, April 5 (Reuters) -", "May 6, 2025 —" opening a line
        near the top (a title or byline may come first)."""
        for label, s, e in cores:
            if s > 60:
                return None
            if label not in ("ABS", "WDABS"):
                continue
            if s > 0 and doc[s - 1].text != "," and not _line_break_before(doc, s):
                continue
            k = s - 1 if s > 0 and doc[s - 1].text == "," else s
            place = 0
            while k > 0 and not _line_break_before(doc, k) and place <= 8:
                k -= 1
                t = doc[k]
                if not (t.is_upper or t.is_title or t.is_punct):
                    break
                place += 1
            else:
                k = -1  # reached the line start through a place name
            if k != -1:
                continue
            k = e
            if k < len(doc) and doc[k].text == "(":
                close = next((j for j in range(k, min(k + 8, len(doc))) if doc[j].text == ")"), None)
                if close is None:
                    continue
                k = close + 1
            if k < len(doc) and doc[k].text in _DASHES:
                return _Cand(label, s, e, kind="dateline")
        return None

    def _base(self, doc: Doc, cores: list[tuple[str, int, int]], dateline: _Cand | None) -> list[_Cand]:
        """One candidate per core, validated and extended to its prepositions and qualifiers."""
        lex = self.lex
        out: list[_Cand] = []
        if dateline is not None:
            out.append(dateline)
        floor = dateline.end if dateline is not None else 0
        n = len(doc)
        cores = [c for c in cores if c[0] != "TIME" and (dateline is None or c[1] >= dateline.end)]
        for idx, (label, s, e) in enumerate(cores):
            ceiling = cores[idx + 1][1] if idx + 1 < len(cores) else n
            if label == "REL" and _norm(doc[s].text) in self.qual_words and idx + 1 < len(cores):
                nxt = cores[idx + 1]
                gap = [_norm(t.text) for t in doc[e : nxt[1]]]
                if nxt[0] in _DAY_LEVEL and all(g in lex.inner_preps or g == "into" for g in gap):
                    continue  # "overnight on Sunday": a qualifier of the day that follows
            if not self._valid(doc, label, s, e):
                continue
            start, context = self._left(doc, label, s, max(floor, 0))
            if label in ("MONTH", "YEAR") and not context and not _norm(doc[s].text).startswith("mid-"):
                continue
            if label == "WEEKDAY" and start == s and not self._bare_weekday_ok(doc[s]):
                continue
            end = self._right(doc, label, e, ceiling)
            cand = _Cand(label, start, end)
            if label in _ANCHORED and _norm(doc[e - 1].text) in ("before", "after"):
                cand.after = e - 1
            out.append(cand)
            floor = end
        return out

    def _valid(self, doc: Doc, label: str, s: int, e: int) -> bool:
        lex = self.lex
        first = doc[s]
        if label in ("ABS", "MONTH", "MONTHYEAR", "WDABS"):
            month_tok = next(t for t in doc[s:e] if lex.month(_norm(t.text)) is not None)
            if not (month_tok.is_title or month_tok.is_upper):
                return False
            if label == "MONTH":
                w = _norm(month_tok.text)
                if w not in lex.months and not month_tok.text.endswith("."):
                    return False  # "Mar", "Jan" alone
                if month_tok.tag_ == "MD" or (w == "may" and month_tok.pos_ in ("AUX", "VERB")):
                    return False  # "May" the modal
                if e < len(doc) and doc[e].text in ("'s", "’s") and w == "may":
                    return False  # "May's government"
        if label in ("YEAR", "MONTHYEAR", "ABS", "WDABS"):
            for t in doc[s:e]:
                if t.shape_ == "dddd" and not 1800 <= int(t.text) <= 2199:
                    return False
        if label == "YEAR":
            w = _norm(first.text)
            if w.startswith("mid-"):
                return _YEAR.fullmatch(w[4:]) is not None
            if first.dep_ == "nummod" and first.head.i > first.i and first.head.pos_ == "NOUN":
                return False  # "in 2000 homes"
        if label == "ANCH":
            if s > 0 and (_norm(doc[s - 1].text) in lex.duration_markers or _norm(doc[s - 1].text) in ("the", "those", "these", "of")):
                return False  # "for five years before", "within hours after", "the 10 days before"
        if label == "PERIOD" and s > 0 and _norm(first.text) != "the" and _norm(doc[s - 1].text) in ("the", "of", "over", "for", "within"):
            return False  # "over the past week", "the last year": durations
        if label == "ANCHP" and _norm(first.text) == "that" and first.dep_ == "mark":
            return False
        if label == "ANCHP" and e < len(doc) and doc[e].text in ("-", "–"):
            return False  # "that day-to-day"
        if label in ("WEEKDAY", "WDABS"):
            if s > 0 and _norm(doc[s - 1].text) in lex.name_neighbours:
                return False  # "Good Friday", "Bloody Sunday"
            if s > 0 and _norm(doc[s - 1].text) in lex.non_date_determiners:
                return False  # "a Friday", "every Sunday"
        return True

    def _bare_weekday_ok(self, tok: Token) -> bool:
        """A weekday with no preposition is a date unless it is part of a name."""
        if tok.ent_type_ in ("ORG", "WORK_OF_ART", "PERSON", "FAC", "EVENT", "PRODUCT"):
            return False
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN" and tok.head.i > tok.i:
            return False  # "Sunday Times"
        return not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.lefts)

    def _match_back(self, doc: Doc, i: int, floor: int, phrases: dict[int, frozenset[Phrase]]) -> int:
        """Length of the longest phrase that ends just before token ``i``."""
        for n, group in phrases.items():
            if i - n >= floor and tuple(_norm(t.text) for t in doc[i - n : i]) in group:
                return n
        return 0

    def _left(self, doc: Doc, label: str, s: int, floor: int) -> tuple[int, bool]:
        """Extend to direction words, prepositions and qualifiers ("late on", "in early")."""
        lex = self.lex
        i = s
        if label in ("WEEKDAY", "MONTH") and i - 1 >= floor and _norm(doc[i - 1].text) in lex.directions:
            i -= 1
            if i - 1 >= floor and _norm(doc[i - 1].text) == "this" and _norm(doc[i].text) != "this":
                i -= 1
        if label in ("ANCH", "ANCHP") or (label == "PERIOD" and _norm(doc[s].text) == "the"):
            if i - 1 >= floor and _norm(doc[i - 1].text) in lex.inner_preps:
                i -= 1  # "on the same day", "over the weekend"
            return i, i < s
        if i - 1 >= floor and _norm(doc[i - 1].text) in lex.inner_preps:
            i -= 1
        q = self._match_back(doc, i, floor, lex.qualifiers)
        if q:
            qtok = doc[i - q]
            if qtok.dep_ not in ("acomp", "attr") and not (q == 1 and qtok.pos_ in ("NOUN", "VERB")):
                i -= q  # "late on", "in the early hours of"
                if (
                    _norm(doc[i].text) not in lex.inner_preps
                    and i - 1 >= floor
                    and _norm(doc[i - 1].text) in lex.inner_preps
                ):
                    i -= 1  # "in late March"
        context = i < s or bool(self._match_back(doc, i, floor, lex.boundary))
        return i, context

    def _right(self, doc: Doc, label: str, e: int, ceiling: int) -> int:
        lex = self.lex
        n = min(len(doc), ceiling)
        if label in ("WEEKDAY", "WDABS", "REL") and e < n and _norm(doc[e].text) in lex.day_parts:
            e += 1
        if label not in ("ANCH", "ANCHP", "TIME") and e < n and doc[e].text in ("'s", "’s"):
            e += 1
        return e

    def _times(self, doc: Doc, cores: list[tuple[str, int, int]], cands: list[_Cand]) -> list[_Cand]:
        """Times attached to a day: "at 4 a.m. on Wednesday", "Tuesday at 7 p.m."."""
        lex = self.lex
        by_start = {c.start: c for c in cands if c.label in _DAY_LEVEL and c.kind is None}
        by_end = {c.end: c for c in cands if c.label in _DAY_LEVEL and c.kind is None}
        out = []
        n = len(doc)
        for label, s, e in cores:
            if label != "TIME":
                continue
            start = s - self._match_back(doc, s, 0, lex.time_prefixes)
            k = e
            while k < n:
                w = _norm(doc[k].text)
                if w in lex.time_zones:
                    k += 1
                elif doc[k].text == "(":
                    close = next((j for j in range(k, min(k + 8, n)) if doc[j].text == ")"), None)
                    if close is None:
                        break
                    k = close + 1
                else:
                    break
            if k < n and doc[k].text == ",":
                k += 1
            day = by_start.get(k)
            if day is None and k < n and _norm(doc[k].text) in ("on", "of") and k + 1 in by_start:
                day = by_start[k + 1]
            if day is not None:
                out.append(_Cand("TIME", start, day.end, children=[day]))
                continue
            j = start
            if j > 0 and doc[j - 1].text == ",":
                j -= 1
            day = by_end.get(j)
            if day is not None and start < s:  # "on Wednesday at 4 a.m."
                end = e
                while end < n and _norm(doc[end].text) in lex.time_zones:
                    end += 1
                out.append(_Cand("TIME", day.start, end, children=[day]))
        return out

    def _ranges(self, doc: Doc, cands: list[_Cand]) -> list[_Cand]:
        """"between June 20 and June 30", "from July 6 to Aug. 3", "June 20-30", "20-30 June"."""
        lex = self.lex
        out: list[_Cand] = []
        plain = [c for c in cands if c.kind is None and c.label in ("ABS", "WDABS", "WEEKDAY", "ISO", "MONTH", "MONTHYEAR")]
        n = len(doc)
        used: set[int] = set()

        def opener_at(i: int) -> str | None:
            return _norm(doc[i].text) if i >= 0 and _norm(doc[i].text) in lex.range_connectors else None

        def connects(op: str | None, i: int) -> bool:
            w = _norm(doc[i].text)
            return w in lex.range_connectors[op] if op else w in ("-",)

        for a, b in zip(plain, plain[1:], strict=False):
            if b.start != a.end + 1 or id(a) in used:
                continue
            op = opener_at(a.start - 1)
            if not connects(op, a.end):
                continue
            if op is None and (a.label not in ("ABS",) or b.label not in ("ABS",)):
                continue
            start = a.start - 1 if op else a.start
            out.append(_Cand("RANGE", start, b.end, children=[a, b]))
            used.update((id(a), id(b)))
        for c in plain:
            if id(c) in used or c.label != "ABS":
                continue
            # "June 20-30", "between June 20 and 30"
            op = opener_at(c.start - 1)
            k = c.end
            if k + 1 < n and connects(op, k) and _norm(doc[k + 1].text) in self.day_forms and (
                k + 2 >= n or self.lex.month(_norm(doc[k + 2].text)) is None
            ):
                end = _Cand("BARE", k + 1, k + 2)
                out.append(_Cand("RANGE", c.start - 1 if op else c.start, k + 2, children=[c, end]))
                used.add(id(c))
                continue
            # "20-30 June", "between 20 and 30 June"
            k = c.start
            if k - 2 >= 0 and _norm(doc[k - 2].text) in self.day_forms:
                op = opener_at(k - 3)
                if connects(op, k - 1):
                    begin = _Cand("BARE", k - 2, k - 1)
                    out.append(_Cand("RANGE", k - 3 if op else k - 2, c.end, children=[begin, c]))
                    used.add(id(c))
        return out

    def _anchored_tails(self, doc: Doc, cands: list[_Cand]) -> None:
        """Extend "hours after" to the clause or phrase it governs: "Hours after Hayya spoke"."""
        starts = sorted((c.start, c.end) for c in cands)
        for c in cands:
            if c.after is None:
                continue
            tok = doc[c.after]
            right = None
            kids = [k for k in tok.children if k.i > tok.i]
            if kids:
                right = max(k.right_edge.i for k in kids)
            elif tok.dep_ == "mark" and tok.head.i > tok.i:
                right = tok.head.right_edge.i
            if right is None:
                continue
            sent_end = tok.sent.end
            end = min(right + 1, sent_end, tok.i + 25)
            for s, e in starts:  # never cut another mention in two
                if s < end < e:
                    end = s
            while end > tok.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
                end -= 1
            if end > tok.i + 1:
                c.end = end

    # -- resolving ---------------------------------------------------------------------

    def _tense_at(self, doc: Doc, span: Span) -> str | None:
        """The tense that resolves a mention: its verb's, else its boundary word's ("by")."""
        tense = self._tense(doc, span)
        if tense is None:
            n = self._match_back(doc, span.start, 0, self.lex.boundary)
            if n:
                phrase = tuple(_norm(t.text) for t in doc[span.start - n : span.start])
                tense = _boundary_tense(self.lex, phrase, None)
        return tense

    def _tense(self, doc: Doc, span: Span) -> str | None:
        tok = span.root.head
        for _ in range(4):
            if tok.pos_ in _VERBS:
                break
            if tok.head.i == tok.i:
                return None
            tok = tok.head
        else:
            return None
        return self._verb_tense(tok, 0) if tok.pos_ in _VERBS else None

    def _verb_tense(self, v: Token, depth: int) -> str | None:
        """"future", "future_weak" (a modal: would, could, must …), "past" or None."""
        lex = self.lex
        aux = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
        lowers = {_norm(c.text) for c in aux}
        if lowers & lex.future_aux:
            return "future"
        if lowers & lex.modal_aux:
            # "would not comment on Sunday", "could not be reached on Monday": the past
            return None if any(c.dep_ == "neg" for c in v.children) else "future_weak"
        infinitive = "to" in lowers or (v.tag_ == "VB" and not aux)
        if not infinitive:
            if v.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux):
                return "past"
            if v.tag_ == "VBN":
                present = any(c.tag_ in ("VBZ", "VBP") for c in aux)
                if present and v.lemma_ in lex.future_heads:
                    return "future"  # "talks are set for Monday"
                if any(c.lemma_ == "have" for c in aux) or not aux:
                    return "past"  # "has signed", a bare "sent to Hamas on Thursday"
                return None  # "is signed on Monday"
            if v.tag_ in ("VBZ", "VBP"):
                return None if v.lemma_ in lex.present_not_future else "future"
            if v.tag_ == "VBG":
                return "future" if any(c.tag_ in ("VBZ", "VBP") for c in aux) else None
            return None
        # an infinitive: "is due to take effect on Sunday", "will send … to join on Wednesday"
        h = v.head
        if h.i == v.i or depth >= 3:
            return None
        if h.lemma_ in lex.future_heads or h.lower_ in lex.future_heads:
            verb = h if h.pos_ in _VERBS else h.head
            past = verb.tag_ == "VBD" or any(
                c.tag_ == "VBD" for c in verb.children if c.dep_ in ("aux", "auxpass")
            )
            return "future_weak" if past else "future"  # "were expected to arrive on Wednesday"
        for _ in range(3):  # "a delegation … to join the talks": the verb of "delegation"
            if h.pos_ in _VERBS or h.head.i == h.i:
                break
            h = h.head
        return self._verb_tense(h, depth + 1) if h.pos_ in _VERBS else None

    def _resolve(self, doc: Doc, analysis: Analysis, cands: list[_Cand]) -> list[DateMention]:
        published = _day_only(analysis.published)
        grammar = self.grammar
        out: dict[int, DateMention] = {}

        def mention(c: _Cand, res: _Res | None) -> None:
            text = doc[c.start : c.end].text
            if c.value is not None or c.label == "BARE":
                out[id(c)] = DateMention(c.start, c.end, text, c.value, "absolute", c.rule or "range end")
                return
            if res is None:
                return
            kind = c.kind or res.kind
            rule = c.rule or (f"dateline; {res.rule}" if c.kind == "dateline" else res.rule)
            out[id(c)] = DateMention(c.start, c.end, text, res.value, kind, rule)

        # first everything that does not count from an anchor, ranges after their ends
        for c in [c for c in cands if c.label not in _ANCHORED and c.label not in ("BARE", "RANGE")] + [
            c for c in cands if c.label == "RANGE"
        ]:
            span = doc[c.start : c.end]
            ctx = _Ctx(published, None, self._tense_at(doc, span), tail_search=False)
            res = grammar.parse(words(span.text), ctx)
            if res is not None and res.kind == "bare":
                res = None
            mention(c, res)
            if c.label == "RANGE" and res is not None:
                for child in c.children:
                    if child.label == "BARE":
                        child.value = res.end if child is c.children[-1] else res.value
                        child.rule = "range end" if child is c.children[-1] else "range start"
                        mention(child, None)
                    elif child is c.children[-1] and id(child) in out and res.end and out[id(child)].value != res.end:
                        out[id(child)].value = res.end  # a year rolled over: "Dec. 20 to Jan. 5"
        # then the anchored forms, from a date in their clause or the nearest one before
        days = sorted(
            (m.start, m.end, m.value[:10])
            for c in cands
            if (m := out.get(id(c))) is not None
            and m.value is not None
            and len(m.value) >= 10
            and m.kind not in ("dateline", "range", "anchored")
        )
        for c in cands:
            if c.label not in _ANCHORED:
                continue
            anchor = None
            if c.after is not None:
                inner = [d for d in days if d[0] > c.after and d[1] <= c.end]
                if inner:
                    anchor = inner[0][2]
            if anchor is None:
                before = [d for d in days if d[1] <= c.start]
                if before:
                    anchor = before[-1][2]
            span = doc[c.start : c.end]
            ctx = _Ctx(published, _anchor_date(anchor), self._tense_at(doc, span), tail_search=False)
            mention(c, grammar.parse(words(span.text), ctx))
        return sorted(out.values(), key=lambda m: (m.start, -m.end))


def _line_break_before(doc: Doc, i: int) -> bool:
    """Token ``i`` opens a line (or the doc)."""
    if i == 0:
        return True
    prev = doc[i - 1]
    return prev.is_space and "\n" in prev.text or "\n" in prev.whitespace_


def _ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


@Language.factory(
    "parley_dates",
    requires=["token.pos", "token.dep", "token.tag"],
    assigns=["doc._.parley"],
)
def make_date_ruler(nlp: Language, name: str) -> DateRuler:
    return DateRuler(nlp)


# ---------------------------------------------------------------------- helpers for others


def _contained(inner: DateMention, outer: DateMention) -> bool:
    return inner is not outer and outer.start <= inner.start and inner.end <= outer.end and (
        outer.end - outer.start > inner.end - inner.start
    )


def _outermost(analysis: Analysis) -> list[tuple[DateMention, list[DateMention]]]:
    """Mentions not nested in another, each with the mentions nested in it (cached)."""
    cache_key = "_dates_outermost"
    cached = analysis.extra.get(cache_key)
    if cached is not None and cached[0] is analysis.dates and cached[1] == len(analysis.dates):
        return cached[2]
    result: list[tuple[DateMention, list[DateMention]]] = []
    for m in analysis.dates:  # sorted by (start, -end): an outer mention comes first
        if result and _contained(m, result[-1][0]):
            result[-1][1].append(m)
            continue
        result.append((m, []))
    analysis.extra[cache_key] = (analysis.dates, len(analysis.dates), result)
    return result


def range_end(analysis: Analysis, mention: DateMention) -> DateMention | None:
    """The end of a ``range`` mention ("June 30" in "between June 20 and June 30")."""
    if mention.kind != "range":
        return None
    inside = [m for m in analysis.dates if _contained(m, mention) and m.end == mention.end]
    return max(inside, key=lambda m: m.end - m.start, default=None)


def sentence_dates(doc: Doc, analysis: Analysis, sent: Span, *, nested: bool = False) -> list[DateMention]:
    """The date mentions of a sentence, in order, without the dateline.

    Only the outermost ones unless ``nested``: "at 4 a.m. on Wednesday" gives the time, not
    also its "on Wednesday"; a range gives the range, not its ends.
    """
    if nested:
        pool: Iterable[DateMention] = analysis.dates
    else:
        pool = (m for m, _ in _outermost(analysis))
    return [m for m in pool if m.kind != "dateline" and sent.start <= m.start and m.end <= sent.end]


def _candidates(analysis: Analysis, prefer_time: bool) -> list[DateMention]:
    out = []
    for m, inner in _outermost(analysis):
        if m.kind == "dateline":
            continue
        if m.kind == "time" and not prefer_time:
            days = [d for d in inner if d.value is not None and len(d.value) >= 10]
            if days:
                out.append(days[0])  # "on Wednesday" of "at 4 a.m. on Wednesday"
                continue
        out.append(m)
    return out


def _distance(m: DateMention, token: Token) -> int:
    if m.start <= token.i < m.end:
        return 0
    return min(abs(token.i - m.start), abs(token.i - (m.end - 1)))


def _clause_dates(doc: Doc, token: Token, cands: list[DateMention]) -> tuple[list[DateMention], list[DateMention]]:
    """The dates in ``token``'s subtree: outside nested clauses, and all of them."""
    lo, hi = token.left_edge.i, token.right_edge.i
    inside = [m for m in cands if lo <= m.start and m.end - 1 <= hi]
    if not inside:
        return [], []
    direct = []
    for m in inside:
        node = doc[m.start : m.end].root
        nested = False
        for _ in range(40):  # up the tree to the token
            if node.i == token.i or node.head.i == node.i:
                break
            if node.dep_ in _NESTED_DEPS or (node.dep_ == "conj" and node.head.pos_ in _VERBS and node.pos_ in _VERBS):
                nested = True
                break
            node = node.head
        if not nested:
            direct.append(m)
    return direct, inside


def date_of(doc: Doc, analysis: Analysis, token: Token, *, prefer_time: bool = False) -> DateMention | None:
    """The date that governs the clause of ``token`` (usually a verb), or None.

    1. a date in the token's subtree that is not inside a nested clause (``ccomp``, ``advcl``,
       ``relcl``, ``xcomp``, and for a verb a ``conj``) — the nearest one; else a date in
       those nested clauses when they hold the only ones;
    2. else, for a noun (or adjective) trigger, the date of the verb that governs it; for a
       ``conj``, ``ccomp`` or ``xcomp`` verb, the date of the verb it hangs from ("X said on
       Monday that Y had agreed" dates the agreeing by the saying, as the dev gold does).

    The dateline never counts. A time gives its day ("on Wednesday" for "at 4 a.m. on
    Wednesday") unless ``prefer_time``; a range is returned whole (its value is the start).
    """
    cands = _candidates(analysis, prefer_time)
    if not cands:
        return None

    def nearest(pool: list[DateMention], tok: Token) -> DateMention:
        return min(pool, key=lambda m: (_distance(m, tok), m.start))

    direct, inside = _clause_dates(doc, token, cands)
    if direct or inside:
        return nearest(direct or inside, token)
    tok = token
    for _ in range(6):
        if tok.head.i == tok.i:
            return None
        if tok.pos_ not in _VERBS:
            head = tok.head
            while head.pos_ not in _VERBS and head.head.i != head.i:
                head = head.head
            if head.pos_ not in _VERBS:
                return None
            tok = head
        elif tok.dep_ in ("conj", "ccomp", "xcomp"):
            tok = tok.head
        else:
            return None
        direct, _ = _clause_dates(doc, tok, cands)
        if direct:
            return nearest(direct, tok)
    return None
