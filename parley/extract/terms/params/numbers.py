"""Numbers and durations as news copy writes them ("1,111", "twenty-five", "two to three days")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

# ----------------------------------------------------------------------------- numbers

_UNITS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
    "a": 1,
    "an": 1,
    "single": 1,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
_DIGITS = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.\d+)?$")
_TIME_UNITS = {
    "day": ("days", 1),
    "week": ("days", 7),
    "month": ("days", 30),
    "year": ("years", 1),
    "hour": ("hours", 1),
    "days": ("days", 1),
    "weeks": ("days", 7),
    "months": ("days", 30),
    "years": ("years", 1),
    "hours": ("hours", 1),
}
_BETWEEN = frozenset({"more", "additional", "further", "extra", "full", "consecutive"})
_MIN_WORDS = (
    "at least",
    "more than",
    "a minimum of",
    "minimum of",
    "over",
    "no less than",
    "not less than",
)
_MAX_WORDS = (
    "up to",
    "at most",
    "no more than",
    "not more than",
    "less than",
    "fewer than",
    "a maximum of",
    "maximum of",
    "under",
)
TIMELINE_PREPS = frozenset({"within", "over", "in", "inside"})


def _word_value(word: str) -> int | None:
    word = word.lower()
    if word in _UNITS:
        return _UNITS[word]
    if "-" in word:  # "twenty-five" kept whole
        parts = [_UNITS.get(p) for p in word.split("-")]
        if len(parts) == 2 and all(p is not None for p in parts) and parts[0] >= 20:
            return parts[0] + parts[1]  # type: ignore[operator]
    return None


def number_at(doc: Doc, i: int, *, allow_article: bool = False) -> tuple[int | float, int] | None:
    """The number starting at token ``i`` and the index after it ("1,111", "five",
    "twenty - five", "1.5 million"); "a"/"an" count as one only with ``allow_article``."""
    if i >= len(doc):
        return None
    low = doc[i].lower_
    value: int | float | None
    if _DIGITS.match(low):
        text = low.replace(",", "")
        value = float(text) if "." in text else int(text)
    elif low in ("a", "an", "single") and not allow_article:
        return None
    else:
        value = _word_value(low)
    if value is None:
        return None
    j = i + 1
    if (
        isinstance(value, int)
        and value >= 20
        and value % 10 == 0
        and j + 1 < len(doc)
        and doc[j].text == "-"
    ):
        unit = _word_value(doc[j + 1].lower_)
        if unit is not None and unit < 10:
            value, j = value + unit, j + 2
    while j < len(doc) and doc[j].lower_ in _SCALES:
        value, j = value * _SCALES[doc[j].lower_], j + 1
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return value, j


def bound_before(doc: Doc, i: int) -> str | None:
    """ "min"/"max" when the words just before token ``i`` bound the number there."""
    while i > 0 and doc[i - 1].lower_ in (
        "about",
        "around",
        "some",
        "roughly",
        "approximately",
        "nearly",
    ):
        i -= 1  # "up to about 10 days"
    before = " ".join(t.lower_ for t in doc[max(0, i - 3) : i])
    for words in _MIN_WORDS:
        if before.endswith(words):
            return "min"
    for words in _MAX_WORDS:
        if before.endswith(words):
            return "max"
    return None


@dataclass(frozen=True, slots=True)
class Duration:
    kind: str  # days | years | hours
    low: int | float
    high: int | float | None  # a range's upper end
    bound: str | None  # min | max | None
    prep: str | None  # the preposition introducing it ("within", "for", "by", …)
    start: int
    end: int


def durations(doc: Doc, indices: Iterable[int]) -> list[Duration]:
    """Every "N day(s)/week(s)/month(s)/year(s)/hour(s)" among the token ``indices``."""
    allowed = set(indices)
    found: list[Duration] = []
    taken: set[int] = set()
    for i in sorted(allowed):
        if i in taken:
            continue
        if (  # "a week-long truce", "a month-long pause": one unit
            doc[i].lower_ in _TIME_UNITS
            and i + 2 < len(doc)
            and doc[i + 1].text == "-"
            and doc[i + 2].lower_ == "long"
            and (i == 0 or not doc[i - 1].like_num)
        ):
            kind, factor = _TIME_UNITS[doc[i].lower_]
            found.append(Duration(kind, factor, None, None, None, i, i + 3))
            taken.update(range(i, i + 3))
            continue
        number = number_at(doc, i, allow_article=True)
        if number is None:
            continue
        value, j = number
        if doc[i].lower_ in ("a", "an") and (
            i == 0
            or doc[i - 1].lower_ not in ("for", "of", "further", "last", "extra", "another", "by")
        ):
            continue
        high = None
        if j + 1 < len(doc) and doc[j].lower_ in ("to", "or", "-", "and"):  # "two to three days"
            second = number_at(doc, j + 1)
            if second is not None and second[1] < len(doc) and doc[second[1]].lower_ in _TIME_UNITS:
                high, j = second[0], second[1]
        if j < len(doc) and doc[j].text == "-":
            j += 1
        while j < len(doc) and doc[j].lower_ in _BETWEEN and j + 1 in allowed:
            j += 1  # "two more months", "three additional days"
        if j >= len(doc) or doc[j].lower_ not in _TIME_UNITS or j not in allowed:
            continue
        kind, factor = _TIME_UNITS[doc[j].lower_]
        unit = doc[j]
        prep = None
        node = unit
        for _ in range(3):
            if node.dep_ == "pobj":
                prep = node.head.lower_
                break
            if node.head.i == node.i:
                break
            node = node.head
        if prep is None and i > 0 and doc[i - 1].lower_ in ("for", "by", "within", "over", "of"):
            prep = doc[i - 1].lower_
        if (
            prep is None
            and i > 2
            and doc[i - 2].lower_ in ("over", "within")
            and doc[i - 1].lower_ == "next"
        ):
            prep = doc[i - 2].lower_
        if (
            prep is None
            and i > 2
            and doc[i - 3 : i].text.lower() in ("over the next", "within the next", "in the next")
        ):
            prep = doc[i - 3].lower_
        low_value = value * factor
        found.append(
            Duration(
                kind,
                low_value,
                high * factor if high is not None else None,
                bound_before(doc, i),
                prep,
                i,
                j + 1,
            )
        )
        taken.update(range(i, j + 1))
    return found


def duration_params(
    duration: Duration, days_name: str = "duration_days", years_name: str = "duration_years"
) -> dict[str, Any]:
    name = (
        years_name
        if duration.kind == "years"
        else days_name
        if duration.kind == "days"
        else "hours"
    )
    if duration.high is not None:
        return {f"{name}_min": duration.low, f"{name}_max": duration.high}
    if duration.bound is not None:
        return {f"{name}_{duration.bound}": duration.low}
    return {name: duration.low}
