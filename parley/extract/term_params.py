"""Syntax helpers and parameter extraction for ``parley_terms`` (see :mod:`parley.extract.terms`).

Parameters are read only from the parse around one matched provision (its evidence phrase,
the clause that governs it, the prepositional phrases hanging from it), never from the whole
article, and they carry only what the words state (ANNOTATION.md):

- counts are numbers (``count``); "all" → ``categories: ["all"]``; "hundreds of", "an agreed
  number of" → no count; "at least 30" → ``count_min``; "up to 50" → ``count_max``;
- durations: days, weeks (×7) and months (×30) → ``duration_days``; years → ``duration_years``;
  ranges and bounds ("two to three days", "at least 30 days", "up to 99 years") →
  ``<name>_min`` / ``<name>_max``; a duration introduced by "within"/"over the next" is a
  timeline (``timeline_days``, ``within_hours``), not the term's own duration;
- ``extent``: full | partial | phased | redeploy ("gradual(ly)", "in stages", "phased" are
  ``phased``; "pull back" is ``partial``), from the lexicon's ``extent_words``;
- actors are actor ids from ``parley_actors`` / :func:`~parley.extract.coref.actors_of`; one
  actor is a string, several a list; places are text ("the enclave"/"the strip"/"the
  territory"/"the region" → the article's most-mentioned place that is not an actor);
- dates (``start_at``, ``start_day_or_date``, ``deadline``, ``timing``) come only from
  ``doc._.parley.dates`` (the ``parley_dates`` component); without it they are left out.
  "an immediate ceasefire" / "would begin immediately" give ``start_at: "immediate"``; a
  range "between June 20 and June 30" gives a start and a ``deadline``; the date of a verb
  that is not a start ("the truce collapsed in March") is not a ``start_at``;
- hours: "daily four-hour pauses" → ``hours_per_day``; "a 72-hour truce" → ``duration_days: 3``;
- ``ceasefire_extension``: "by five days" gives both ``extra_days`` and ``duration_days``;
- categories are lists of the lexicon's labels (women, children, elderly — "men over 50" —,
  sick — "wounded" —, soldiers, foreign, life sentences, detainees …); a released group with
  no category word ("1,111 Gazans detained since …") is its own category, as written;
- ``delivery_mechanism`` from "through/via X" mapped by the lexicon ("approved mechanisms" →
  approved, "the United Nations" → UN, a foundation → new foundation); ``composition`` the
  first composition word ("technocratic" → technocrats); ``measure`` of sanctions, limits and
  confidence steps is the phrase as written, a verb in its lemma ("halt mobilisation").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Token

from ..lexicon.actors import ActorRegistry
from .analysis import Analysis
from .coref import actors_of

if TYPE_CHECKING:  # pragma: no cover
    from .terms import TermLexicon

__all__ = ["Context", "Duration", "durations", "extract_params", "number_at", "verbal"]

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
_TIMELINE_PREPS = frozenset({"within", "over", "in", "inside"})
_START_VERBS = frozenset(
    {"take", "come", "enter", "begin", "start", "commence", "go", "kick", "apply"}
)
_ADMINISTER = frozenset(
    {
        "hold",
        "manage",
        "oversee",
        "lead",
        "fund",
        "finance",
        "run",
        "administer",
        "undertake",
        "carry",
        "supervise",
        "operate",
        "pay",
        "restore",
        "rebuild",
        "develop",
        "build",
        "control",
    }
)
_ASIDE_STARTS = frozenset({"which", "who", "whom", "whose", "where", "according"})


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


def _bound_before(doc: Doc, i: int) -> str | None:
    """ "min"/"max" when the words just before token ``i`` bound the number there."""
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
        number = number_at(doc, i, allow_article=True)
        if number is None:
            continue
        value, j = number
        if doc[i].lower_ in ("a", "an") and (
            i == 0 or doc[i - 1].lower_ not in ("for", "of", "further", "last", "extra", "another")
        ):
            continue
        high = None
        if j + 1 < len(doc) and doc[j].lower_ in ("to", "or", "-", "and"):  # "two to three days"
            second = number_at(doc, j + 1)
            if second is not None and second[1] < len(doc) and doc[second[1]].lower_ in _TIME_UNITS:
                high, j = second[0], second[1]
        if j < len(doc) and doc[j].text == "-":
            j += 1
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
                _bound_before(doc, i),
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


# ----------------------------------------------------------------------------- syntax

_VAGUE_QUANTITIES = frozenset(
    {
        "hundred",
        "hundreds",
        "dozen",
        "dozens",
        "thousand",
        "thousands",
        "number",
        "score",
        "scores",
        "handful",
        "some",
        "several",
        "many",
        "millions",
        "tens",
    }
)
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "its", "their", "any"}
)
_LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "inside",
        "across",
        "along",
        "around",
        "within",
        "on",
        "into",
        "throughout",
        "outside",
    }
)


def verbal(token: Token) -> bool:
    """A verb in use: not a noun the tagger took for a verb ("talks on … would begin"), and a
    clause head the tagger took for a noun ("that Hamas disarm")."""
    if token.pos_ in ("VERB", "AUX"):
        return token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "compound", "appos", "attr")
    return token.dep_ in ("ccomp", "xcomp", "advcl") and any(
        c.dep_ in ("nsubj", "nsubjpass", "aux") for c in token.children
    )


def ancestors(token: Token, limit: int = 4) -> Iterator[Token]:
    node = token
    for _ in range(limit):
        if node.head.i == node.i:
            return
        node = node.head
        yield node


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
    return out


def pobjs(token: Token, *preps: str) -> list[Token]:
    """Objects of the prepositions ``preps`` hanging from ``token`` (also through a particle:
    "pull back from X")."""
    out = []
    heads = [token, *[c for c in token.children if c.dep_ in ("advmod", "prt") and c.i > token.i]]
    for head in heads:
        for prep in head.children:
            if prep.dep_ in ("prep", "agent") and (not preps or prep.lower_ in preps):
                out.extend(c for c in prep.children if c.dep_ == "pobj")
                for sub in prep.children:  # "out of X", "south of X"
                    if sub.dep_ == "prep":
                        out.extend(c for c in sub.children if c.dep_ == "pobj")
    return out


def aside_end(doc: Doc, start: int, end: int) -> int:
    """``end``, or the comma that opens an aside (", which …", ", to be named …") after ``start``."""
    for i in range(start + 1, end - 1):
        if doc[i].text == "," and i + 1 < len(doc):
            nxt = doc[i + 1]
            if (
                nxt.lower_ in _ASIDE_STARTS
                or (nxt.lower_ == "to" and nxt.dep_ == "aux")
                or nxt.tag_ == "VBN"
            ):
                return i
    return end


def text_of(doc: Doc, start: int, end: int, *, drop_det: bool = True) -> str:
    end = aside_end(doc, start, end)
    tokens = list(doc[start:end])
    while tokens and (
        tokens[0].is_punct
        or (drop_det and tokens[0].lower_ in _DETERMINERS)
        or tokens[0].dep_ == "cc"
    ):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].is_punct
        or tokens[-1].dep_ in ("cc", "prep", "det", "mark")
        or tokens[-1].lower_ in ("and", "or")
    ):
        tokens = tokens[:-1]
    return "".join(t.text_with_ws for t in tokens).strip()


def subtree_text(token: Token, *, drop_det: bool = True, stop: int | None = None) -> str:
    doc = token.doc
    end = token.right_edge.i + 1
    if stop is not None:
        end = min(end, stop)
    return text_of(doc, token.left_edge.i, end, drop_det=drop_det)


# ----------------------------------------------------------------------------- context


@dataclass
class Context:
    """What the parameter readers share for one doc."""

    doc: Doc
    analysis: Analysis
    lex: TermLexicon
    registry: ActorRegistry | None
    _place: str | None = None
    _place_done: bool = False
    _dates: dict[int, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Index the outermost date mentions by token (not the dateline)."""
        mentions = [m for m in self.analysis.dates or () if getattr(m, "kind", "") != "dateline"]
        for mention in sorted(mentions, key=lambda m: m.start - m.end):
            for i in range(mention.start, mention.end):
                self._dates.setdefault(i, mention)

    def range_end(self, mention: Any) -> Any:
        """The last date inside a range ("June 30" in "between June 20 and June 30")."""
        inside = [
            m
            for m in self.analysis.dates
            if m is not mention and mention.start <= m.start and m.end == mention.end and m.value
        ]
        return max(inside, key=lambda m: m.end - m.start, default=None)

    def main_place(self) -> str | None:
        """The article's most-mentioned place that is not an actor."""
        if not self._place_done:
            counts: Counter[str] = Counter()
            for ent in self.doc.ents:
                if (
                    ent.label_ in ("GPE", "LOC")
                    and not ent.text.isupper()
                    and not any(
                        self.analysis.mention_at(i) is not None for i in range(ent.start, ent.end)
                    )
                ):
                    counts[ent.text.removeprefix("the ").strip()] += 1
            self._place = counts.most_common(1)[0][0] if counts else None
            self._place_done = True
        return self._place

    def actors(self, token: Token) -> list[str]:
        return actors_of(self.doc, self.analysis, token)

    def kind(self, actor: str) -> str | None:
        entry = self.registry.get(actor) if self.registry is not None else None
        return entry.kind if entry is not None else None

    def dates_in(self, start: int, end: int) -> list[Any]:
        seen: list[Any] = []
        for i in range(start, end):
            mention = self._dates.get(i)
            if mention is not None and mention not in seen and mention.value:
                seen.append(mention)
        return seen

    def words(self, name: str) -> frozenset[str]:
        return self.lex.words.get(name, frozenset())


def one_or_many(values: list[str]) -> str | list[str] | None:
    unique = list(dict.fromkeys(v for v in values if v))
    if not unique:
        return None
    return unique[0] if len(unique) == 1 else unique


def _place_text(ctx: Context, token: Token, stop: int | None = None) -> str | list[str]:
    """A place phrase as text; generic "the enclave" → the article's main place; "the A, B
    and C regions" → [A, B, C]."""
    doc = ctx.doc
    if (
        token.lemma_.lower() in ctx.lex.generic_places
        and all(c.dep_ == "det" for c in token.lefts)
        and not list(token.rights)
    ):
        return ctx.main_place() or subtree_text(token)
    names = [c for c in token.lefts if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN"]
    names = [n for c in names for n in conjuncts(c) if n.pos_ == "PROPN"]
    if len(names) >= 2:
        return [n.text for n in sorted(names, key=lambda t: t.i)]
    return text_of(doc, token.left_edge.i, min(token.right_edge.i + 1, stop or len(doc)))


# ----------------------------------------------------------------------------- readers


@dataclass
class Target:
    """The term being read: its type, anchor, frame, span and cue."""

    type: str
    anchor: Token
    frame: Token | None
    start: int
    end: int
    cue_id: str
    cue_params: dict[str, Any]
    others: frozenset[int]  # token indices of other terms' anchors


def _governing_verb(token: Token) -> Token | None:
    if verbal(token):
        return token
    for node in ancestors(token, 6):
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _subject(verb: Token) -> Token | None:
    """The verb's subject; for "allowed X to return", "required X to leave", "called for X to
    disarm": X."""
    node: Token | None = verb
    for _ in range(3):
        if node is None:
            return None
        subj = children(node, "nsubj", "nsubjpass")
        if subj:
            return subj[0]
        if node.dep_ == "xcomp" and node.head.i != node.i:
            obj = children(node.head, "dobj")
            if obj and obj[0].i < node.i:
                return obj[0]  # "required the paramilitaries to leave"
            node = node.head
            continue
        if node.dep_ == "advcl" and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ in ("relcl", "acl") and node.head.i != node.i:
            return node.head
        if node.dep_ == "conj" and node.head.i != node.i:
            # "X not belonging to Y leave the region": the subject hangs from a participle
            between = [
                t
                for t in node.doc[node.head.i + 1 : node.i]
                if t.dep_ == "nsubj" and t.head.tag_ == "VBG" and t.head.i < node.i
            ]
            if between and children(node.head, "nsubj", "nsubjpass"):
                return between[-1]
            node = node.head
            continue
        return None
    return None


def _actor_tokens(ctx: Context, tokens: Iterable[Token], *, locative: bool = False) -> list[str]:
    found: list[str] = []
    for tok in tokens:
        mention = ctx.analysis.mention_at(tok.i)
        if mention is None:
            continue
        root = ctx.doc[mention.start : mention.end].root
        if (
            not locative
            and root.dep_ == "pobj"
            and root.head.lower_ in _LOCATIVE
            and root.head.head.lower_ not in ("representatives", "mission")
        ):
            continue
        if mention.actor not in found:
            found.append(mention.actor)
    return found


def _parties_words(ctx: Context, tokens: Iterable[Token]) -> list[str]:
    for tok in tokens:
        if tok.lower_ in ("parties", "sides") and tok.tag_ in ("NNS", "NNPS"):
            return list(ctx.analysis.extra.get("parties", ()))
    return []


def _modifier_words(anchor: Token) -> list[Token]:
    """Pre-modifiers of a noun (its left subtree) and adverbs of a verb."""
    doc = anchor.doc
    out = list(doc[anchor.left_edge.i : anchor.i])
    out.extend(
        c for c in anchor.children if c.dep_ in ("advmod", "acomp", "npadvmod") and c.i > anchor.i
    )
    return out


def _lookup(words: dict[str, str], tokens: Iterable[Token]) -> list[str]:
    """Values of ``words`` (keys of one or two words) found among ``tokens``, in order."""
    toks = list(tokens)
    found: list[str] = []
    for n, tok in enumerate(toks):
        pair = f"{tok.lower_} {toks[n + 1].lower_}" if n + 1 < len(toks) else None
        for key in (pair, tok.lower_, tok.lemma_.lower()):
            if key and key in words:
                if words[key] not in found:
                    found.append(words[key])
                break
    return found


def _count(ctx: Context, noun: Token, params: dict[str, Any]) -> None:
    doc = ctx.doc
    numbers = [c for c in noun.children if c.dep_ == "nummod"]
    if not numbers:
        for obj in pobjs(noun, "of"):  # "the bodies of 16 dead ones"
            numbers = [c for c in obj.children if c.dep_ == "nummod"]
            if numbers:
                break
    for num in numbers:
        start = num.left_edge.i
        for i in range(start, num.i + 1):
            parsed = number_at(doc, i)
            if parsed is None or doc[i].lower_ in _VAGUE_QUANTITIES:
                continue
            value = parsed[0]
            bound = _bound_before(doc, i)
            params[f"count_{bound}" if bound else "count"] = value
            return


def _all(ctx: Context, noun: Token) -> bool:
    doc = ctx.doc
    left = [t.lower_ for t in doc[noun.left_edge.i : noun.i]]
    if "all" in left or "every" in left:
        return True
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "all":
        return True
    return False


def _dates(
    ctx: Context,
    target: Target,
    params: dict[str, Any],
    first: str,
    second: str | None = None,
    *,
    until: int | None = None,
) -> None:
    found = ctx.dates_in(target.start, target.end if until is None else min(until, target.end))
    anchor = target.anchor
    verb = anchor if verbal(anchor) else None
    if (
        verb is None
        and anchor.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")
        and anchor.head.pos_ in ("VERB", "AUX")
    ):
        verb = anchor.head  # "holding another round between June 20 and June 30"
    for _ in range(3):  # "on July 6 both will order their forces to halt …"
        if (
            found
            or verb is None
            or until is not None
            or verb.lemma_.lower() in ctx.words("agreement_verbs")
        ):
            break
        for child in verb.children:
            if child.dep_ in ("prep", "npadvmod") and not (target.start <= child.i < target.end):
                found.extend(
                    m
                    for m in ctx.dates_in(child.left_edge.i, child.right_edge.i + 1)
                    if m not in found
                )
        if verb.dep_ not in ("xcomp", "ccomp", "advcl") or verb.head.pos_ not in ("VERB", "AUX"):
            break
        verb = verb.head
    values: list[str] = []
    for mention in found:
        values.append(str(mention.value))
        if getattr(mention, "kind", "") == "range":  # "between June 20 and June 30"
            end = ctx.range_end(mention)
            if end is not None:
                values.append(str(end.value))
    if values:
        params[first] = values[0]
        if second and len(values) > 1:
            params[second] = values[1]


def _timeline(
    ctx: Context, target: Target, params: dict[str, Any], name: str = "timeline_days"
) -> None:
    """ "within 60 days", "over the next 60 days" hanging from the term or a verb above it."""
    anchor = target.anchor
    heads = [anchor, *ancestors(anchor, 6)]
    verb = _governing_verb(anchor)
    if verb is not None:
        heads += [t for t in verb.subtree if t.dep_ in ("advcl", "xcomp") and t.i > anchor.i]
    for head in heads:
        for prep in head.children:
            if (
                prep.dep_ != "prep"
                or prep.lower_ not in _TIMELINE_PREPS
                or (name == "within_hours" and prep.lower_ != "within")
            ):
                continue
            for duration in durations(ctx.doc, range(prep.i, prep.right_edge.i + 1)):
                if duration.kind == "hours" and name == "within_hours":
                    params[name] = duration.low
                    return
                if duration.kind == "days":
                    key = name if name != "within_hours" else "within_hours"
                    params[key] = duration.low * (24 if key == "within_hours" else 1)
                    return


def _own_durations(ctx: Context, target: Target) -> list[Duration]:
    """Durations of the term itself, not timelines ("within 60 days") nor another phase's
    length ("during its first, 42-day phase", unless the phase is the term)."""
    doc = ctx.doc
    out = []
    for d in durations(doc, range(target.start, target.end)):
        if d.prep in _TIMELINE_PREPS:
            continue
        follows = [doc[i] for i in range(d.end, min(d.end + 2, len(doc)))]
        if any(t.lower_ in ("phase", "stage") and t.i != target.anchor.i for t in follows):
            continue
        out.append(d)
    return out


# ----------------------------------------------------------------------------- per type


def _cessation(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    for duration in _own_durations(ctx, target):
        if duration.kind == "hours":
            hours = duration.low
            daily = any(
                t.lower_ in ("daily", "day", "each", "per")
                for t in doc[duration.end : duration.end + 3]
            ) or any(t.lower_ == "daily" for t in _modifier_words(anchor))
            if daily:
                params["hours_per_day"] = hours
            else:  # "a 72-hour truce": 3 days
                params.setdefault(
                    "duration_days", round(hours / 24, 2) if hours % 24 else hours // 24
                )
            continue
        params.update(duration_params(duration))
        break
    mods = _modifier_words(anchor)
    verb = anchor.head if anchor.dep_ in ("nsubj", "nsubjpass") else None
    if any(t.lower_ in ("immediate", "immediately") for t in mods) or (
        verb is not None and any(c.lower_ == "immediately" for c in verb.children)
    ):  # "an immediate ceasefire", "the truce would begin immediately"
        params["start_at"] = "immediate"
    if (
        verb is not None
        and verbal(verb)
        and not any(
            v.lemma_.lower() in _START_VERBS for v in conjuncts(verb)
        )  # "… and come into force on"
    ):
        _dates(ctx, target, params, "start_at", until=verb.i)  # not "collapsed in March"
    else:
        _dates(ctx, target, params, "start_at")
    scopes = _lookup(
        ctx.lex.scope_words,
        [
            *mods,
            *(t for obj in pobjs(anchor, "on", "across", "along", "in") for t in obj.subtree),
            *(
                t for t in doc[anchor.i + 1 : target.end] if t.dep_ in ("amod", "compound")
            ),  # "a halt to offensive operations"
        ],
    )
    if scopes:
        params["scope"] = scopes[0]
    lows = {t.lower_ for t in mods}
    if "unilateral" in lows:
        params["unilateral"] = True
    elif lows & {"bilateral", "mutual", "reciprocal"}:
        params["unilateral"] = False
    covered = [a for obj in pobjs(anchor, "between") for a in ctx.actors(obj)]
    if not covered:
        verb = _governing_verb(anchor)
        subject = _subject(verb) if verb is not None and verb is not anchor else None
        if (
            subject is not None
            and subject.i != anchor.i
            and verb.lemma_.lower() in ctx.words("agreement_verbs") | {"commit", "order"}
        ):
            group = ctx.actors(subject)
            if len(group) >= 2:  # "the two sides agreed to a ceasefire": bilateral
                covered = group
                params.setdefault("unilateral", False)
    if covered and target.type == "ceasefire":
        params["covered_actors"] = covered
    scope_preps = [t for t in doc[target.start : target.end] if t.i > anchor.i]
    if anchor.dep_ == "dobj":  # "offered ceasefires … on some sections of the front"
        scope_preps += [c for c in anchor.head.children if c.i > anchor.i]
    for tok in scope_preps:
        if tok.dep_ == "prep" and tok.lower_ in ("on", "in", "along", "across"):
            objs = children(tok, "pobj")
            if objs and (
                objs[0].ent_type_ in ("GPE", "LOC")
                or objs[0].lemma_.lower()
                in ("section", "sector", "front", "area", "part", "region", "frontline", "border")
            ):
                params["area"] = subtree_text(objs[0])
                break
    if target.type == "long_term_truce" and any(
        t.lower_ == "renewable" for t in doc[target.start : target.end]
    ):
        params["renewable"] = True


def _extension(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc = ctx.doc
    indices = set(range(target.start, target.end))
    verb = target.anchor
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "for"):
            indices.update(range(prep.i, prep.right_edge.i + 1))
    for duration in durations(doc, indices):
        if duration.kind == "hours":
            params["extra_days"] = duration.low / 24
            continue
        if duration.kind == "years":
            params.update(duration_params(duration))
            break
        params.update(duration_params(duration, days_name="extra_days"))
        params.update(duration_params(duration))
        break
    for obj in pobjs(verb, "by", "with", "upon", "subject"):
        if obj.lemma_.lower() in ("agreement", "consent", "accord"):
            params["conditions"] = text_of(doc, obj.left_edge.i, obj.i + 1)


def _withdrawal(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    anchor = target.anchor
    actors: list[str] = []
    if verbal(anchor):
        subject = _subject(anchor)
        if subject is not None:
            actors = ctx.actors(subject)
        if not actors:
            for obj in children(anchor, "dobj"):
                actors = ctx.actors(obj)
        if not actors and subject is not None and not ctx.analysis.mention_at(subject.i):
            text = subtree_text(subject)
            if (
                subject.head.i != anchor.i and subject.i < anchor.i
            ):  # misparsed: "X not belonging to Y leave"
                text = text_of(ctx.doc, subject.left_edge.i, anchor.i)
            if text:
                actors = [text]
    else:
        for child in anchor.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i < anchor.i:
                actors.extend(a for a in ctx.actors(child) if a not in actors)
        if not actors:
            for obj in pobjs(anchor, "of", "by"):
                actors = ctx.actors(obj)
                if not actors and obj.lemma_.lower() in ctx.words("forces"):
                    actors = [subtree_text(obj)]
    value = one_or_many(actors)
    if value:
        params["withdrawing_actor"] = value
    doc = ctx.doc
    areas = []
    for tok in doc[target.start : target.end]:  # "from X", also under "of the M23 from X"
        if tok.dep_ == "prep" and tok.lower_ in ("from", "out") and tok.i > anchor.i - 1:
            areas.extend(
                o
                for o in pobjs(tok.head, tok.lower_)
                if o.head.i == tok.i or o.head.head.i == tok.i
            )
    if not areas and target.end < len(doc) and doc[target.end].lower_ == "from":
        areas = children(doc[target.end], "pobj")  # a "from" phrase the parser hung elsewhere
    areas = [
        a
        for a in areas
        if (a.lemma_.lower() not in ctx.words("forces") and not ctx.analysis.mention_at(a.i))
        or a.ent_type_ in ("GPE", "LOC")
    ]
    if not areas and target.cue_id.startswith("withdrawal.leave"):
        areas = children(anchor, "dobj")
    if not areas and target.cue_id.startswith("withdrawal.defensive"):
        areas = [o for c in anchor.subtree for o in pobjs(c, "in")]
    direction = None
    for tok in anchor.subtree:  # "remain south of the Litani River"
        if (
            tok.lower_ in ("south", "north", "east", "west")
            and tok.i > anchor.i
            and tok.i < target.end
        ):
            direction = tok
            break
    if direction is not None and target.cue_id == "withdrawal.pull_verb":
        params["to_line"] = text_of(
            doc, direction.i, direction.right_edge.i + 1
        )  # "move … north of X"
    elif direction is not None and (not areas or target.cue_id == "withdrawal.not_remain"):
        params["from_area"] = text_of(doc, direction.i, direction.right_edge.i + 1)
    if areas and "from_area" not in params:
        params["from_area"] = _place_text(ctx, areas[0])
    for obj in pobjs(anchor, "to"):
        if obj.i not in target.others:
            params["to_line"] = subtree_text(obj)
    extents = _lookup(
        ctx.lex.extent_words, [*_modifier_words(anchor), *ctx.doc[target.start : target.end]]
    )
    if extents:
        params["extent"] = extents[0]
    _timeline(ctx, target, params)
    for node in ancestors(anchor, 3):  # "a 90-day timeline for the withdrawal"
        if (
            node.lemma_.lower() in ("timeline", "timetable", "deadline", "period", "window")
            and "timeline_days" not in params
        ):
            for duration in durations(doc, range(node.left_edge.i, node.i)):
                if duration.kind == "days":
                    params["timeline_days"] = duration.low
                    break


def _buffer(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    for obj in pobjs(anchor, "along", "on", "inside", "in", "across", "around", "near"):
        params["location"] = text_of(doc, obj.head.i, obj.right_edge.i + 1, drop_det=False)
        break
    tokens = range(
        target.start, min(anchor.sent.end, max(target.end, anchor.i + 9))
    )  # "… two kilometres wide"
    for i in tokens:
        parsed = number_at(doc, i)
        if parsed is None or parsed[1] >= len(doc):
            continue
        value, j = parsed
        if j < len(doc) and doc[j].text == "-":
            j += 1
        unit = doc[j].lower_ if j < len(doc) else ""
        if unit.startswith(("metre", "meter", "m")) and unit in (
            "m",
            "metre",
            "metres",
            "meter",
            "meters",
        ):
            params["depth_m"] = value
        elif unit in ("km", "kilometre", "kilometres", "kilometer", "kilometers"):
            params["depth_m"] = value * 1000
        elif unit in ("mile", "miles"):
            params["depth_m"] = round(value * 1609)
        if "depth_m" in params:
            break
    controller: list[str] = []
    verb = anchor.head if anchor.dep_ == "dobj" else None
    if verb is not None and verb.lemma_ in (
        "retain",
        "keep",
        "maintain",
        "control",
        "hold",
        "establish",
        "create",
        "set",
        "patrol",
    ):
        subject = _subject(verb)  # "Israel would retain a security perimeter inside Gaza"
        if subject is not None:
            controller = ctx.actors(subject)
        if "location" not in params:
            for obj in pobjs(verb, "along", "inside", "in", "on", "near", "around"):
                params["location"] = text_of(doc, obj.head.i, obj.right_edge.i + 1, drop_det=False)
                break
    if anchor.dep_ == "pobj" and anchor.head.lower_ in ("to", "into"):
        verb = _governing_verb(anchor)
        subject = _subject(verb) if verb is not None else None
        if subject is not None:
            controller = ctx.actors(subject)
    for obj in pobjs(anchor, "by", "under"):
        controller = controller or ctx.actors(obj)
    value = one_or_many(controller)
    if value:
        params["controller"] = value


def _agent_actor(ctx: Context, target: Target) -> list[str]:
    """Who carries out the term: the verb's subject (its object for "disarm X"), else a
    possessor or modifier of the noun, its "of"/"by" phrase, or the governing verb's subject."""
    anchor = target.anchor
    if verbal(anchor):
        objects = children(anchor, "dobj")
        if target.cue_id in ("disarm.verb", "disarm.neutralise") and objects:
            found = ctx.actors(objects[0])
            if found:
                return found
        subject = _subject(anchor)
        if subject is not None:
            found = ctx.actors(subject)
            if found:
                return found
        for obj in objects:
            found = ctx.actors(obj)
            if found:
                return found
        return []
    for child in anchor.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < anchor.i:
            found = ctx.actors(child)
            if found:
                return found
    for obj in pobjs(anchor, "of", "by"):
        found = ctx.actors(obj)
        if found:
            return found
    verb = _governing_verb(anchor)
    if verb is not None and verb.lemma_ not in ctx.words("speech_verbs"):
        subject = _subject(verb)
        if subject is not None and subject.i != anchor.i:
            return ctx.actors(subject)
    return []


def _disarmament(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    value = one_or_many(_agent_actor(ctx, target))
    if value:
        params["actor"] = value
    classes = []
    for tok in ctx.doc[target.start : target.end]:
        if tok.lemma_.lower() in (
            "weapon",
            "arm",
            "missile",
            "rocket",
            "arsenal",
            "weaponry",
        ) and tok.tag_ in ("NNS", "NN"):
            mods = [
                c
                for c in tok.lefts
                if c.dep_ in ("amod", "compound") and c.lower_ not in ("its", "their")
            ]
            if mods:
                classes.append(text_of(ctx.doc, mods[0].left_edge.i, tok.i + 1))
    if classes:
        params["weapon_classes"] = classes
    _timeline(ctx, target, params)


def _limits(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    value = one_or_many(_agent_actor(ctx, target))
    if value:
        params["actor"] = value
    _measure_from_span(ctx, target, params)
    for i in range(target.start, target.end):
        parsed = number_at(ctx.doc, i)
        if parsed is not None:
            params["cap_value"] = parsed[0]
            break


def _measure_from_span(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    if "measure" in params:
        return
    anchor = target.anchor
    if verbal(anchor):
        objects = [
            c
            for c in anchor.children
            if c.dep_ in ("dobj", "prt", "prep", "xcomp", "advmod", "attr")
        ]
        end = max([anchor.i + 1, *(c.right_edge.i + 1 for c in objects)])
        end = min(end, target.end)
        words = [anchor.lemma_] + [t.text for t in ctx.doc[anchor.i + 1 : end]]
        params["measure"] = (
            text_of(ctx.doc, anchor.i, end) if len(words) < 2 else " ".join(words).strip()
        )
        params["measure"] = re.sub(r"\s+([,.;:])", r"\1", params["measure"])
    else:
        start = max(target.start, anchor.left_edge.i)
        params["measure"] = text_of(ctx.doc, start, target.end)


def _external(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    recipients = [a for obj in pobjs(anchor, "to", "for") for a in ctx.actors(obj)]
    if recipients:
        params["recipient"] = one_or_many(recipients)
    suppliers = [
        a for c in anchor.lefts if c.dep_ in ("amod", "compound", "poss") for a in ctx.actors(c)
    ]
    if suppliers and params.get("measure") != "no_membership":  # not NATO in "NATO membership"
        params["supplier"] = one_or_many(suppliers)
    if "measure" not in params:
        frames = {t.lemma_.lower() for t in [*ancestors(anchor, 3), *anchor.children]}
        if frames & {"refrain", "no", "not", "ban", "bar", "prohibit"} or any(
            c.dep_ == "neg" for a in ancestors(anchor, 2) for c in a.children
        ):
            params["measure"] = "no " + text_of(doc, anchor.left_edge.i, anchor.i + 1)
        elif frames & ctx.words("halt"):
            params["measure"] = "halt"
    for obj in pobjs(anchor, "along", "on", "in", "near"):
        params["area"] = subtree_text(obj)
        break
    verb = anchor.head if anchor.dep_ in ("dobj",) else None
    if verb is not None and "area" not in params:
        for obj in pobjs(verb, "along", "on", "near"):
            params["area"] = subtree_text(obj)
            break


def _security(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    providers: list[str] = []
    if verbal(anchor):
        providers = _agent_actor(ctx, target)
    else:
        for child in anchor.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < anchor.i:
                providers.extend(a for a in ctx.actors(child) if a not in providers)
        for obj in pobjs(anchor, "of", "by"):
            providers.extend(a for a in ctx.actors(obj) if a not in providers)
    if not providers and not verbal(anchor):
        own = [
            *doc[anchor.left_edge.i : anchor.i],
            *(t for o in pobjs(anchor, "of") for t in o.subtree),
        ]
        for tok in own:
            if tok.lower_ in ("state", "federal", "government", "national") and tok.dep_ in (
                "compound",
                "amod",
            ):
                providers = [tok.lower_]
                break
    value = one_or_many(providers)
    if value:
        params["security_provider"] = value
    verbs = conjuncts(anchor) if verbal(anchor) else [anchor]
    areas: list[Token] = []
    for head in verbs:
        for obj in children(head, "dobj"):
            if obj.lemma_.lower() in ("control", "charge", "responsibility"):
                areas += pobjs(obj, "of", "over", "for") + pobjs(head, "of", "over")
        areas += pobjs(head, "across", "throughout", "in", "over", "within")
    if not areas and target.cue_id in ("security.take_control", "security.law_order"):
        areas = pobjs(anchor, "of")
    areas = [
        a
        for a in areas
        if a.i not in target.others
        and not durations(doc, range(a.left_edge.i, a.right_edge.i + 1))
        and a.lemma_.lower() not in ("time", "day", "week")
    ]
    if areas:
        params["area"] = subtree_text(areas[0])
    timeline: dict[str, Any] = {}
    _timeline(ctx, target, timeline)
    if "timeline_days" in timeline:
        params["duration"] = f"{timeline['timeline_days']} days"


def _international(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    anchor = target.anchor
    for obj in pobjs(anchor, "by", "under"):
        lead = ctx.actors(obj)
        if lead:
            params["lead_actor"] = one_or_many(lead)
    contributors = [
        a for c in anchor.lefts if c.dep_ in ("amod", "compound") for a in ctx.actors(c)
    ]
    contributors += [a for obj in pobjs(anchor, "from", "of") for a in ctx.actors(obj)]
    if contributors:
        params["contributors"] = one_or_many(contributors)
    for tok in ctx.doc[target.start : target.end]:
        if tok.lower_ == "resolution":
            params["legal_basis"] = subtree_text(tok)
    count: dict[str, Any] = {}
    _count(ctx, anchor, count)
    if "count" in count:
        params["size"] = count["count"]


def _monitoring(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    skip: set[int] = set()
    if verbal(anchor):
        for child in anchor.children:
            if child.dep_ in ("dobj", "nsubjpass", "ccomp"):
                skip.update(range(child.left_edge.i, child.right_edge.i + 1))
    tokens = [t for t in doc[target.start : target.end] if t.i not in skip]
    monitors = _actor_tokens(ctx, tokens)
    monitors += [a for a in _parties_words(ctx, tokens) if a not in monitors]
    value = one_or_many(monitors)
    if not value:
        agents = [o for t in tokens if t.dep_ == "agent" for o in children(t, "pobj")]
        value = subtree_text(agents[0]) if agents else None
    if value:
        params["monitor"] = value
    lows = {t.lower_ for t in tokens}
    if "joint" in lows or ({"both", "two"} & lows and {"parties", "sides"} & lows):
        params["composition"] = "joint"
    elif lows & {"independent", "neutral", "third-party"}:
        params["composition"] = "third party"
    for obj in pobjs(anchor, "to"):
        reported = ctx.actors(obj)
        if reported and {"report", "reporting"} & lows:
            params["reporting_to"] = one_or_many(reported)


def _confidence(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    anchor = target.anchor
    if target.cue_id == "confidence.commanders_meet":
        subject = _subject(anchor)
        if subject is not None:
            params["measure"] = "meeting of " + text_of(ctx.doc, subject.left_edge.i, subject.i + 1)
            actors = ctx.actors(subject)
            if actors:
                params["actors"] = one_or_many(actors)
    else:
        _measure_from_span(ctx, target, params)
    _dates(ctx, target, params, "timing")


def _categories(ctx: Context, target: Target, table: dict[str, str], noun: Token) -> list[str]:
    doc = ctx.doc
    tokens = list(doc[noun.left_edge.i : noun.i + 1])
    tokens += [
        t
        for obj in pobjs(noun, "including", "among", "especially", "mainly", "notably")
        for t in obj.subtree
    ]
    for child in noun.children:  # "including women, …" parsed as a verb
        if child.lower_ in ("including", "notably", "especially") and child.i > noun.i:
            tokens += list(child.subtree)
    tokens += [
        t
        for acl in children(noun, "acl", "relcl")
        for t in acl.subtree
        if t.lower_ in ("sentences", "sentence", "life")
    ]
    found = _lookup(table, tokens)
    low = [t.lower_ for t in tokens]
    for n, word in enumerate(low):  # "men over 50", "aged over 60"
        if (
            word == "over"
            and n + 1 < len(low)
            and low[n + 1].isdigit()
            and "elderly" not in found
            and "elderly" in table.values()
        ):
            found.append("elderly")
    return found


def _detainees(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    noun = anchor
    if verbal(anchor) or anchor.lemma_.lower() in (
        "release",
        "exchange",
        "swap",
        "return",
        "handover",
        "trade",
    ):
        objs = [*children(anchor, "dobj"), *pobjs(anchor, "of")]
        if objs:
            noun = objs[0]
    if noun.pos_ == "NUM" and number_at(doc, noun.left_edge.i) is not None:
        params["count"] = number_at(doc, noun.left_edge.i)[0]  # "an exchange of 1,000 for 1,000"
    _count(ctx, noun, params)
    table = ctx.lex.categories.get(target.type, {})
    restricted = False
    if target.type in ("hostage_release", "prisoner_release"):
        cats = _categories(ctx, target, table, noun)
        if target.type == "prisoner_release":
            phrases = []
            for child in noun.lefts:  # "severely wounded and seriously ill prisoners"
                if child.dep_ == "amod" and any(
                    c.dep_ == "advmod" and c.lower_ not in ("how", "so", "too", "very")
                    for c in child.children
                ):
                    for conj in conjuncts(child):
                        adverbs = [
                            c
                            for c in conj.children
                            if c.dep_ == "advmod" and c.lower_ not in ("all", "both", "only")
                        ]
                        first = adverbs[0].i if adverbs and adverbs[0].i < conj.i else conj.i
                        phrases.append(text_of(doc, first, conj.i + 1))
            if phrases:
                cats = [
                    c
                    for c in cats
                    if not any(c in p or p.endswith(c) for p in phrases)
                    and c not in ("sick", "wounded")
                ] + phrases
            lemma = noun.lemma_.lower()
            if lemma in table and table[lemma] not in cats:
                cats.append(table[lemma])
            if target.cue_id.endswith("+conj") and lemma not in ctx.words("prisoner_nouns"):
                start = noun.left_edge.i
                while start < target.end and (
                    number_at(doc, start) is not None
                    or doc[start].lower_ in _DETERMINERS
                    or doc[start].is_punct
                ):
                    start += 1
                phrase = text_of(doc, start, max(target.end, noun.i + 1))
                if phrase:
                    cats = [phrase]
            for tok in noun.subtree:
                if tok.lower_ in ("sentences", "sentence") and tok.i > noun.i:
                    phrase = text_of(doc, tok.left_edge.i, tok.i + 1)
                    phrase = phrase.removeprefix("serving ").strip()
                    cats = [c for c in cats if c not in ("life sentences", "long sentences")]
                    cats.append(table.get(phrase.lower(), phrase))
        elif anchor.lemma_.lower() in table and table[anchor.lemma_.lower()] not in cats:
            cats.append(table[anchor.lemma_.lower()])
        restricted = bool(cats)
        if cats:
            params["categories"] = [
                *params.get("categories", []),
                *[c for c in cats if c not in params.get("categories", [])],
            ]
    if "all for all" in " ".join(
        t.lower_ for t in doc[target.start : target.end] if not t.is_punct
    ) and "all" not in params.get("categories", []):
        params["categories"] = ["all", *params.get("categories", [])]  # an "all for all" exchange
    if _all(ctx, noun) and not restricted:
        params["categories"] = ["all", *[c for c in params.get("categories", []) if c != "all"]]
    if target.type == "hostage_release":
        states = _lookup(ctx.lex.alive_words, doc[noun.left_edge.i : noun.i + 1])
        if states:
            params["alive_or_deceased"] = states[0]
        after = " ".join(t.lower_ for t in doc[noun.i + 1 : noun.i + 3])
        if "count" in params and (
            after in ("a day", "per day", "each day", "every day") or after.startswith("daily")
        ):
            params["per_day_rate"] = params.pop("count")  # "three hostages a day"
        _timeline(ctx, target, params, "within_hours")
    if target.type == "prisoner_release":
        for i in range(target.start, min(target.end + 6, len(doc))):
            if (
                doc[i].lower_ in ("each", "every")
                and i + 1 < len(doc)
                and doc[i - 1].lower_ == "for"
            ):
                count = params.pop("count", None)
                if count is not None:
                    params["ratio_per_hostage"] = count
                break
        if any(t.lower_ in ("exile", "abroad", "deported") for t in doc[target.start : target.end]):
            params["destination"] = "exile"


def _aid(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc = ctx.doc
    tokens = list(doc[target.start : target.end])
    for tok in tokens:
        if tok.lemma_.lower() in ("truck", "lorry", "truckload"):
            parsed = None
            for child in tok.children:
                if child.dep_ == "nummod":
                    parsed = number_at(doc, child.i)
            rest = " ".join(t.lower_ for t in doc[tok.i : min(len(doc), target.end + 3)])
            if parsed is not None and re.search(r"\b(a|per|each|every) day\b|\bdaily\b", rest):
                params["trucks_per_day"] = parsed[0]
    crossings = []
    for tok in tokens:
        if tok.lemma_.lower() in ("crossing", "port", "airport", "border", "checkpoint") and any(
            c.pos_ == "PROPN" and c.dep_ in ("compound", "nmod") for c in tok.lefts
        ):
            crossings.append(text_of(doc, tok.left_edge.i, tok.i + 1))
    if crossings:
        params["crossings"] = crossings
    anchor = target.anchor
    heads = [anchor, *([target.frame] if target.frame is not None else [])]
    verb = _governing_verb(anchor)
    if verb is not None:
        heads.append(verb)
    for head in heads:
        for obj in pobjs(head, "through", "via", "by"):
            if obj.head.lower_ == "by" and not ctx.actors(obj):
                continue
            phrase = subtree_text(obj).lower()
            best = None
            for key, value in ctx.lex.delivery_mechanisms.items():
                at = re.search(rf"(?<![\w.]){re.escape(key)}(?![\w])", phrase)
                if at is not None and (best is None or at.start() < best[0]):
                    best = (at.start(), value)
            if best is not None:
                params["delivery_mechanism"] = best[1]
            if ctx.actors(obj) or obj.lemma_.lower() in (
                "agency",
                "organisation",
                "organization",
                "channel",
            ):
                params["distributor"] = subtree_text(obj)
            break
    if any(t.lemma_.lower() == "fuel" for t in tokens):
        for i in range(target.start, target.end):
            parsed = number_at(doc, i)
            if (
                parsed is not None
                and parsed[1] < len(doc)
                and doc[parsed[1]].lower_
                in ("litres", "liters", "tonnes", "tons", "tankers", "trucks", "gallons", "barrels")
            ):
                params["fuel_volume"] = parsed[0]


def _movement(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    population = None
    opening = anchor.lemma_.lower() in ("opening", "reopening", "open", "reopen")
    if opening and verbal(anchor):
        subject = _subject(anchor)
        if subject is not None and subject.i < anchor.i:  # "the Rafah crossing would reopen"
            params["route"] = subtree_text(subject)
    elif verbal(anchor):
        subject = _subject(anchor)
        if subject is not None and subject.lemma_.lower() not in ("it", "they"):
            population = text_of(doc, subject.left_edge.i, subject.right_edge.i + 1)
    else:
        for obj in pobjs(anchor, "of"):
            if obj.lemma_.lower() in ctx.words("displaced") or obj.ent_type_ == "NORP":
                population = subtree_text(obj)
    if population:
        params["population"] = population
    routes = [
        o for o in pobjs(anchor, "to", "between", "across", "through") if o.i not in target.others
    ]
    if anchor.lemma_.lower() in ("opening", "reopening", "open", "reopen"):
        routes = [*pobjs(anchor, "of"), *children(anchor, "dobj")] or routes
    if target.cue_id == "return.transit":
        params["route"] = text_of(doc, anchor.i + 1, target.end) or text_of(
            doc, target.start, target.end
        )
    elif routes and anchor.lemma_.lower() in ("opening", "reopening", "open", "reopen"):
        params["route"] = text_of(
            doc, routes[0].left_edge.i, max(target.end, routes[0].right_edge.i + 1)
        )
    elif routes and routes[0].lemma_.lower() not in ("home", "homes"):
        params["route"] = subtree_text(routes[0])
    _dates(ctx, target, params, "start_at")


def _protection(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    anchor = target.anchor
    objects = [*children(anchor, "dobj"), *pobjs(anchor, "of", "on", "against")]
    if objects:
        params["protected_objects"] = [
            text_of(ctx.doc, c.left_edge.i, _conj_end(c)) for c in conjuncts(objects[0])
        ]
        if len(params["protected_objects"]) == 1:
            params["protected_objects"] = params["protected_objects"][0]


def _reconstruction(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    anchor = target.anchor
    if anchor.lemma_.lower() not in ("reconstruction", "rebuilding", "rebuild", "reconstruct"):
        _measure_from_span(ctx, target, params)
    verb = _governing_verb(anchor)
    if verb is not None and (verb.i == anchor.i or verb.lemma_ in _ADMINISTER):
        subject = _subject(verb)
        if (
            subject is not None
            and subject.i != anchor.i
            and subject.lemma_.lower() not in ctx.words("frame_heads")
        ):
            admins = ctx.actors(subject)
            if admins:
                params["administrator"] = one_or_many(admins)
    indices = set(range(target.start, target.end))
    if verb is not None:
        for prep in children(verb, "prep"):
            indices.update(range(prep.i, prep.right_edge.i + 1))
    for duration in durations(ctx.doc, indices):
        if duration.kind == "years":
            params.update(duration_params(duration))
            break
    money_tokens = (
        list(verb.subtree)
        if verb is not None and verb.lemma_ not in ctx.words("speech_verbs")
        else list(ctx.doc[target.start : target.end])
    )
    for tok in money_tokens:
        if tok.text in ("$", "€", "£") or tok.lower_ in ("dollars", "euros"):
            parsed = number_at(ctx.doc, tok.i + 1) if tok.text in ("$", "€", "£") else None
            if parsed is not None:
                params["funding_amount"] = parsed[0]


def _sanctions(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    anchor = target.anchor
    if "measure" not in params:
        params["measure"] = (
            text_of(ctx.doc, max(target.start, anchor.left_edge.i), target.end)
            if anchor.pos_ != "VERB"
            else text_of(ctx.doc, anchor.i, target.end)
        )
    targets = [
        a
        for obj in [*pobjs(anchor, "on", "against", "of"), *children(anchor, "dobj")]
        for a in ctx.actors(obj)
    ]
    if targets:
        params["target"] = one_or_many(targets)


def _governance(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    noun = anchor
    end = noun.i + 1
    for prep in pobjs(noun, "of"):
        end = max(end, prep.right_edge.i + 1)
    start = noun.left_edge.i
    params["body_name"] = text_of(doc, start, min(end, target.end))
    for duration in durations(doc, range(start, target.end)):  # "a nine-month transition"
        if duration.prep not in _TIMELINE_PREPS:
            params.update(duration_params(duration))
            break
    comps = _lookup(ctx.lex.composition_words, doc[start:end])
    if comps:
        params["composition"] = comps[0]
    for head in [noun, *children(noun, "acl")]:
        if head is not noun and head.lemma_.lower() not in (
            "oversee",
            "supervise",
            "chair",
            "head",
            "lead",
            "monitor",
            "guide",
        ):
            continue
        for obj in pobjs(head, "by", "under"):
            overseer = ctx.actors(obj)
            params["overseer"] = one_or_many(overseer) if overseer else subtree_text(obj)
    verb = _governing_verb(noun)
    for head in (noun, verb):
        if head is None:
            continue
        for prep in children(head, "prep"):
            if prep.lower_ in ("until", "for", "till", "pending") and prep.i < target.end + 12:
                text = text_of(doc, prep.i, prep.right_edge.i + 1, drop_det=False)
                if prep.lower_ != "for" or durations(doc, range(prep.i, prep.right_edge.i + 1)):
                    params["duration"] = text
        for sub in children(head, "advcl"):
            marks = children(sub, "mark")
            if marks and marks[0].lower_ in ("until", "till"):
                params["duration"] = text_of(doc, marks[0].i, sub.right_edge.i + 1, drop_det=False)
    for obj in pobjs(noun, "without", "excluding"):
        excluded = ctx.actors(obj)
        if excluded:
            params["excluded_actors"] = one_or_many(excluded)


_STATUS_MEASURES = {
    "status.no_role": "no_governing_role",
    "status.no_role2": "no_governing_role",
    "status.end_rule": "no_governing_role",
    "status.exile": "exile",
    "status.exile_plain": "exile",
    "status.safe_passage": "exile",
    "status.leaders_leave": "exile",
    "status.party_transition": "party_transition",
    "status.delisting": "lifting of terrorist designation",
    "status.terror_designation": "lifting of terrorist designation",
}


def _status(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    anchor = target.anchor
    group: list[str] = []
    for tok in ctx.doc[target.start : target.end]:
        mention = ctx.analysis.mention_at(tok.i)
        if mention is not None and ctx.kind(mention.actor) in ("armed_group", "political_party"):
            group = [mention.actor]
            break
    if not group:
        verb = anchor if verbal(anchor) else _governing_verb(anchor)
        subject = (
            _subject(verb)
            if verb is not None and verb.lemma_ not in ctx.words("speech_verbs")
            else None
        )
        if subject is not None and subject.i != anchor.i:
            group = ctx.actors(subject)
    if group:
        params["group"] = one_or_many(group)
    measure = _STATUS_MEASURES.get(target.cue_id.split("+")[0])
    if measure:
        params.setdefault("measure", measure)


def _amnesty(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    """Who benefits: "an amnesty for X", "X would receive an amnesty", "X would be granted
    amnesty", "offered an amnesty to X"; a relative clause on them is the condition."""
    doc, anchor = ctx.doc, target.anchor
    people: Token | None = None
    objs = pobjs(anchor, "for", "to")
    verb = anchor.head if anchor.dep_ in ("dobj", "nsubjpass", "attr") else None
    if objs:
        people = objs[0]
    elif verb is not None and verb.lemma_ in ("receive", "get", "obtain", "enjoy", "benefit"):
        people = _subject(verb)
    elif verb is not None and verb.lemma_ in ("grant", "give", "offer", "extend", "promise"):
        datives = [d for d in children(verb, "dative") if d.pos_ != "ADP"] + pobjs(verb, "to")
        people = datives[0] if datives else (children(verb, "nsubjpass") or [None])[0]
    if people is None or people.i == anchor.i:
        return
    rels = [c for c in people.children if c.dep_ in ("relcl", "acl")]
    end = rels[0].left_edge.i if rels else people.right_edge.i + 1
    params["beneficiaries"] = text_of(doc, people.left_edge.i, end)
    if rels:
        params["condition"] = subtree_text(rels[0])


def _elections(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    verb = anchor.head if anchor.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    for head in (anchor, verb):
        if head is None:
            continue
        for prep in children(head, "prep"):
            if prep.lower_ in ("within", "by", "after", "before", "in", "following", "until"):
                params["date_or_window"] = text_of(
                    doc, prep.i, prep.right_edge.i + 1, drop_det=False
                )
                break
        if head is verb and head.lemma_ == "follow" and "date_or_window" not in params:
            for obj in children(head, "dobj"):
                params["date_or_window"] = "after " + subtree_text(obj, drop_det=False)
    if any(
        t.lemma_.lower() in ("referendum", "plebiscite") for t in doc[target.start : target.end]
    ):
        params["referendum"] = True


def _territory(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    if verbal(anchor):
        objs = children(anchor, "dobj")
        if objs:
            params["territory"] = subtree_text(objs[0], drop_det=False)
    else:
        params["territory"] = text_of(
            doc, max(target.start, anchor.left_edge.i), target.end, drop_det=False
        )


def _negotiation(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    _dates(ctx, target, params, "start_day_or_date", "deadline")
    agenda = []
    heads = [
        t
        for t in doc[target.start : target.end]
        if t.i == anchor.i or t.lemma_.lower() in ctx.words("negotiation_heads")
    ]
    for head in heads:
        for obj in pobjs(head, *ctx.words("agenda_preps")):
            if obj.head.head.i != head.i:
                continue
            for conj in conjuncts(obj):
                agenda.append(text_of(doc, conj.left_edge.i, _conj_end(conj)))
    for sub in [
        *children(anchor, "acl", "advcl", "relcl"),
        *[
            c
            for v in ancestors(anchor, 1)
            if v.pos_ == "VERB"
            for c in children(v, "advcl", "xcomp")
            if c.i > anchor.i
        ],
    ]:
        aux = children(sub, "aux")
        if (
            aux
            and aux[0].lower_ == "to"
            and sub.lemma_
            in (
                "prepare",
                "discuss",
                "address",
                "agree",
                "finalise",
                "finalize",
                "negotiate",
                "reach",
                "work",
                "settle",
                "resolve",
            )
        ):
            agenda.append(text_of(doc, sub.i, sub.right_edge.i + 1))
    if target.cue_id in ("talks.participate", "talks.take_part"):
        verb = anchor if anchor.pos_ == "VERB" else anchor.head
        subject = _subject(verb) if verb.pos_ == "VERB" else None
        if subject is not None:
            agenda.append(subtree_text(subject) + " participation")
    if agenda:
        params["agenda_items"] = agenda
    verb = _governing_verb(anchor)
    places = [
        o
        for t in doc[target.start : target.end]
        if t.dep_ == "prep" and t.lower_ in ("in", "at")
        for o in children(t, "pobj")
    ]
    places += pobjs(verb, "in", "at") if verb is not None else []
    for obj in places:
        if obj.ent_type_ in ("GPE", "LOC", "FAC") and target.start <= obj.i < target.end + 6:
            params["venue"] = subtree_text(obj)
            break
    if "start_day_or_date" not in params and verb is not None:
        for prep in children(verb, "prep"):
            if prep.lower_ in ("during", "after", "within", "by", "before") and not ctx.dates_in(
                prep.i, prep.right_edge.i + 1
            ):
                params["start_day_or_date"] = text_of(
                    doc, prep.i, prep.right_edge.i + 1, drop_det=False
                )
                break
    for tok in doc[target.start : target.end]:
        if tok.lower_ == "hosted" and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "by":
            params["venue"] = subtree_text(doc[tok.i + 2])
    formats = [
        t.lower_
        for t in doc[anchor.left_edge.i : anchor.i]
        if t.lower_ in ("proximity", "direct", "indirect", "face-to-face")
    ]
    if formats:
        params["format"] = formats[0]
    if target.cue_id == "talks.committee_session":
        names = [
            t
            for t in doc[target.start : target.end]
            if t.lemma_.lower() in ("committee", "commission", "council") and t.i != anchor.i
        ]
        if names:
            name = names[0]
            start = name.left_edge.i
            while start < name.i and (
                doc[start].dep_ in ("poss", "case", "det")
                or doc[start].lower_ in ("'s", "two", "countries")
            ):
                start += 1
            params["format"] = text_of(doc, start, name.i + 1)
    if target.cue_id == "talks.dissolve_format":
        objs = children(anchor, "dobj") or pobjs(anchor, "of")
        if objs:
            params["format"] = "dissolution of " + subtree_text(objs[0], drop_det=False)


def _conj_end(token: Token) -> int:
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("conj", "cc", "punct", "appos"):
            break
        end = child.right_edge.i + 1
    return end


def _guarantees(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    guarantors: list[str] = []
    if verbal(anchor):
        subject = _subject(anchor)
        if subject is not None:
            guarantors = ctx.actors(subject)
        for comp in children(anchor, "ccomp"):
            inner = children(comp, "nsubj", "nsubjpass")
            if inner:
                party = ctx.actors(inner[0])
                if party:
                    params["guaranteed_party"] = one_or_many(party)
            params["scope"] = text_of(doc, comp.left_edge.i, comp.right_edge.i + 1)
    else:
        for child in anchor.lefts:
            if child.dep_ in ("compound", "amod", "poss", "nmod"):
                guarantors.extend(a for a in ctx.actors(child) if a not in guarantors)
        for obj in pobjs(anchor, "from", "by"):
            guarantors.extend(a for a in ctx.actors(obj) if a not in guarantors)
        for obj in pobjs(anchor, "for", "to"):  # "security guarantees for Ukraine"
            party = ctx.actors(obj)
            if party:
                params["guaranteed_party"] = one_or_many(party)
        if (
            not guarantors
            and anchor.dep_ == "dobj"
            and anchor.head.lemma_
            in ("provide", "offer", "give", "extend", "issue", "sign", "grant")
        ):
            subject = _subject(anchor.head)
            if subject is not None:
                guarantors = ctx.actors(subject)
        if anchor.dep_ == "dobj" and anchor.head.lemma_ in (
            "receive",
            "get",
            "obtain",
            "seek",
            "want",
            "demand",
        ):
            subject = _subject(anchor.head)  # "Ukraine would receive security guarantees"
            party = ctx.actors(subject) if subject is not None else []
            if party:
                params["guaranteed_party"] = one_or_many(party)
        if not guarantors and anchor.head.lower_ == "as":  # "X will act as guarantors"
            verb = _governing_verb(anchor)
            subject = _subject(verb) if verb is not None else None
            if subject is not None:
                guarantors = ctx.actors(subject)
        if not guarantors and anchor.dep_ == "attr":
            subject = _subject(anchor.head)
            if subject is not None:
                guarantors = ctx.actors(subject)
        scope_words = [
            c
            for c in anchor.lefts
            if c.dep_ in ("amod",)
            and not ctx.analysis.mention_at(c.i)
            and c.lower_ not in ("security", "written", "verbal")
        ]
        if scope_words:
            first = scope_words[0]
            params["scope"] = text_of(doc, first.left_edge.i, anchor.i)
        for comp in children(anchor, "acl", "ccomp", "relcl"):
            inner = children(comp, "nsubj", "nsubjpass")
            if inner:
                party = ctx.actors(inner[0])
                if party:
                    params["guaranteed_party"] = one_or_many(party)
    if guarantors:
        params["guarantors"] = guarantors if len(guarantors) > 1 else guarantors[0]
    forms = _lookup(ctx.lex.guarantee_forms, doc[target.start : target.end])
    if forms:
        params["form"] = forms[0]


def _implementation(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    if anchor.pos_ == "NOUN" and anchor.lemma_.lower() in (
        "mechanism",
        "committee",
        "body",
        "commission",
        "plan",
    ):
        params["body"] = text_of(
            doc, max(target.start, anchor.left_edge.i), min(target.end, _conj_end(anchor))
        )
    found: dict[str, Any] = {}
    _dates(ctx, target, found, "date")
    if "date" in found:
        before = {t.lower_ for t in doc[target.start : target.end]}
        prefix = "by " if "by" in before else ""
        params["timetable"] = prefix + found["date"]
    if any(
        t.lemma_.lower() in ("penalty", "sanction", "punishment")
        for t in doc[target.start : target.end]
    ):
        params["penalties"] = text_of(doc, target.start, target.end)


_READERS = {
    "ceasefire": _cessation,
    "humanitarian_pause": _cessation,
    "long_term_truce": _cessation,
    "permanent_end_of_war": lambda ctx, t, p: None,
    "ceasefire_extension": _extension,
    "force_withdrawal": _withdrawal,
    "buffer_zone": _buffer,
    "disarmament_demilitarization": _disarmament,
    "arms_and_force_limits": _limits,
    "external_military_support": _external,
    "security_arrangement": _security,
    "international_force": _international,
    "monitoring_verification": _monitoring,
    "confidence_building": _confidence,
    "hostage_release": _detainees,
    "prisoner_release": _detainees,
    "remains_and_missing": _detainees,
    "humanitarian_access": _aid,
    "movement_and_return": _movement,
    "civilian_protection": _protection,
    "reconstruction_economic": _reconstruction,
    "sanctions_blockade_relief": _sanctions,
    "interim_governance": _governance,
    "armed_group_status": _status,
    "amnesty_immunity": _amnesty,
    "elections_constitutional": _elections,
    "final_status_territory": _territory,
    "negotiation_process": _negotiation,
    "guarantees": _guarantees,
    "implementation_mechanism": _implementation,
}


def extract_params(ctx: Context, target: Target) -> dict[str, Any]:
    """The parameters the text states for ``target`` (cue parameters first, then what the
    parse around it gives)."""
    params: dict[str, Any] = {
        k: (list(v) if isinstance(v, list) else v) for k, v in target.cue_params.items()
    }
    reader = _READERS.get(target.type)
    if reader is not None:
        reader(ctx, target, params)
    return {k: v for k, v in params.items() if v not in (None, "", [])}
