"""Score predicted records against gold records (spec: SCORING.md).

:func:`score` takes ``(gold, predicted)`` pairs of :class:`~parley.record.Record` and returns a
:class:`Report`. Scores are micro-averaged: true positives, false positives and false negatives
are summed over the articles, then precision, recall and F1 are computed once.

Matching actors
    Strings are normalised (:func:`normalise`): case folded, accents removed, every Unicode
    punctuation character dropped (so ``"U.S."`` is ``"us"`` and ``"Al-Awsat"`` is
    ``"alawsat"``), white space collapsed, and a leading word ``"the"`` dropped when other words
    follow. A predicted actor matches a gold actor when its ``id`` equals the gold ``id``, or its
    ``name`` or ``id`` equals the gold ``name``, ``id`` or one of the gold ``aliases``. The
    matching is one-to-one and built in two rounds: a maximum one-to-one matching on ``id``
    equality first, then, among the actors still free, a maximum one-to-one matching on the
    name/alias rule. Each predicted actor id is then mapped to the gold id it matched wherever an
    actor id appears (roles, people and anonymous-source affiliations, proposers, term
    parameters, stances, events); an unmatched id is kept as it is.

Layers (units compared as multisets, so duplicates count)
    ========================  ==========================================================
    actors                    one unit per actor (matched as above)
    roles                     ``(actor, role)``
    people                    ``(surname, affiliation)``; surname = last token of the
                              normalised name
    sources                   ``(kind, affiliation)`` for ``anonymous``, ``(kind, name)``
                              otherwise; names match when their normalised word sets have a
                              Jaccard index ≥ 0.5 (maximum one-to-one matching)
    proposals                 the proposer (``None`` is a value like any other)
    terms / terms_by_family   ``(proposer, term type)`` / ``(proposer, term family)``
    stances / ..._by_polarity ``(actor, stance, proposer of the target, term or None)``;
                              the second replaces the stance by its polarity
    events                    ``(type, frozenset(actors ∪ recipients))``; mode ignored
    ========================  ==========================================================

Accuracies
    *term_parameters*: gold and predicted terms with equal ``(proposer, type)`` are paired one
    to one, greedily by (number of agreeing parameters, equal ``phase``), best pairs first.
    Every parameter in the gold term's ``params`` of each pair is one item; a parameter missing
    from the predicted term is wrong. See :func:`param_agrees` for the value rules.
    *event_dates*: gold and predicted events with equal ``(type, actor set)`` are paired one to
    one, equal dates first (first ten characters; two missing dates count as equal), then in
    document order. Each pair whose gold ``date`` is set is one item, correct when the
    predicted date has the same first ten characters.

Choices this module makes where SCORING.md is silent
    * Undefined scores. A layer with ``tp + fp + fn == 0`` (nothing in gold, nothing
      predicted) has precision, recall and F1 ``None`` ("n/a"). Otherwise a zero denominator
      gives 0.0. The parley score is the mean over all five summary layers, none excluded: an
      ``n/a`` layer counts as 1.0 there (nothing to find and nothing wrongly found). With no
      articles the parley score is ``None``. An accuracy with no items has value ``None``.
    * A stance with no target proposal uses the marker :data:`NO_PROPOSAL` in place of the
      target's proposer, so it does not match a stance on a proposal whose proposer is null.
    * Non-anonymous sources whose names are both missing match each other (the Jaccard index of
      two empty word sets is taken as 1.0); a missing name never matches a present one.
    * Parameter values: ``bool`` only equals ``bool``; numbers equal numerically (``30 ==
      30.0``) and never equal strings; a predicted scalar where gold has a list counts as a
      one-element list; list elements are compared as normalised strings (actor ids mapped,
      numbers written canonically, nested values as JSON); a nested dict agrees when each gold
      key (normalised) is present in the prediction and its value agrees under these same rules,
      recursively (extra predicted keys are ignored, as extra predicted parameters are); a gold
      ``null`` agrees only with a predicted ``null``. Only ``params`` entries are items: the
      term's ``phase`` field is used for pairing, not scored.
    * Actor-id mapping in parameters applies to a string value (or list element, or nested
      value) that is exactly a predicted actor id.
    * Negative articles (gold with no proposals, stances or events) are listed in
      ``Report.negatives`` with the number of predicted proposals, stances and events, even
      when all three are zero.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, TypeVar

from ..record import Actor, Event, Record, Term
from ..vocabulary import family_of, polarity_of

__all__ = [
    "JACCARD_THRESHOLD",
    "LAYERS",
    "NO_PROPOSAL",
    "SUMMARY_LAYERS",
    "Accuracy",
    "ArticleScore",
    "Counts",
    "LayerScore",
    "Report",
    "match_actors",
    "normalise",
    "param_agrees",
    "score",
    "score_article",
    "word_jaccard",
]

JACCARD_THRESHOLD = 0.5
"""Word-set (or element-set) Jaccard index at or above which two values match."""

NO_PROPOSAL = "(no proposal)"
"""Stands for the target proposer of a stance that targets no proposal."""

LAYERS: tuple[str, ...] = (
    "actors",
    "roles",
    "people",
    "sources",
    "proposals",
    "terms",
    "terms_by_family",
    "stances",
    "stances_by_polarity",
    "events",
)
"""The F1 layers, in report order."""

SUMMARY_LAYERS: tuple[str, ...] = ("actors", "roles", "terms", "stances_by_polarity", "events")
"""The layers whose F1 the parley score averages."""

ACCURACIES: tuple[str, ...] = ("term_parameters", "event_dates")

T = TypeVar("T")
U = TypeVar("U")
Mapper = Callable[[str | None], str | None]


# --------------------------------------------------------------------------- result types


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives of one layer."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)


@dataclass(frozen=True)
class LayerScore:
    """Counts and micro-averaged precision, recall and F1 of one layer (``None`` = n/a)."""

    tp: int
    fp: int
    fn: int
    precision: float | None
    recall: float | None
    f1: float | None

    @classmethod
    def from_counts(cls, counts: Counts) -> LayerScore:
        tp, fp, fn = counts.tp, counts.fp, counts.fn
        if tp + fp + fn == 0:
            return cls(tp, fp, fn, None, None, None)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return cls(tp, fp, fn, precision, recall, f1)


@dataclass(frozen=True)
class Accuracy:
    """``correct`` out of ``total`` items; ``value`` is ``None`` when there are none."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float | None:
        return self.correct / self.total if self.total else None

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(self.correct + other.correct, self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "value": self.value}


@dataclass
class ArticleScore:
    """One article's counts, with the missed (gold only) and spurious (predicted only) units.

    ``missed`` and ``spurious`` map a layer name to units written as strings; ``wrong`` maps
    ``term_parameters`` and ``event_dates`` to the items judged wrong, with both values.
    """

    article_id: str
    negative: bool
    layers: dict[str, Counts]
    term_parameters: Accuracy
    event_dates: Accuracy
    missed: dict[str, list[str]] = field(default_factory=dict)
    spurious: dict[str, list[str]] = field(default_factory=dict)
    wrong: dict[str, list[str]] = field(default_factory=dict)

    @property
    def parley_score(self) -> float | None:
        return _parley_score({name: LayerScore.from_counts(self.layers[name]) for name in LAYERS})

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "negative": self.negative,
            "parley_score": self.parley_score,
            "layers": {name: asdict(c) for name, c in self.layers.items()},
            "term_parameters": self.term_parameters.to_dict(),
            "event_dates": self.event_dates.to_dict(),
            "missed": self.missed,
            "spurious": self.spurious,
            "wrong": self.wrong,
        }


@dataclass
class Report:
    """The scores of a whole set (micro-averaged), with the per-article breakdown."""

    actors: LayerScore
    roles: LayerScore
    people: LayerScore
    sources: LayerScore
    proposals: LayerScore
    terms: LayerScore
    terms_by_family: LayerScore
    stances: LayerScore
    stances_by_polarity: LayerScore
    events: LayerScore
    term_parameters: Accuracy
    event_dates: Accuracy
    parley_score: float | None
    articles: int
    negatives: dict[str, dict[str, int]] = field(default_factory=dict)
    per_article: list[ArticleScore] = field(default_factory=list)

    @property
    def layers(self) -> dict[str, LayerScore]:
        """The F1 layers by name, in :data:`LAYERS` order."""
        return {name: getattr(self, name) for name in LAYERS}

    def negative_totals(self) -> dict[str, int]:
        """Predicted proposals, stances and events summed over the negative articles."""
        totals = {"proposals": 0, "stances": 0, "events": 0}
        for counts in self.negatives.values():
            for key in totals:
                totals[key] += counts.get(key, 0)
        return totals

    def to_dict(self) -> dict[str, Any]:
        """The report as plain JSON data."""
        return {
            "articles": self.articles,
            "parley_score": self.parley_score,
            "summary_layers": list(SUMMARY_LAYERS),
            "layers": {name: asdict(layer) for name, layer in self.layers.items()},
            "term_parameters": self.term_parameters.to_dict(),
            "event_dates": self.event_dates.to_dict(),
            "negatives": self.negatives,
            "per_article": [a.to_dict() for a in self.per_article],
        }


# --------------------------------------------------------------------------- strings


def normalise(text: str | None) -> str:
    """Case fold, strip accents, drop punctuation, collapse spaces, drop a leading "the"."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(
        ch
        for ch in decomposed
        if not unicodedata.combining(ch) and not unicodedata.category(ch).startswith("P")
    )
    words = kept.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def _jaccard(a: set[Any], b: set[Any]) -> float:
    """Jaccard index of two sets; two empty sets are identical (1.0)."""
    union = a | b
    return len(a & b) / len(union) if union else 1.0


def word_jaccard(a: str | None, b: str | None) -> float:
    """Jaccard index of the normalised word sets of ``a`` and ``b``."""
    return _jaccard(set(normalise(a).split()), set(normalise(b).split()))


def _strings_agree(gold: str, predicted: str) -> bool:
    norm_gold, norm_pred = normalise(gold), normalise(predicted)
    return norm_gold == norm_pred or word_jaccard(gold, predicted) >= JACCARD_THRESHOLD


# --------------------------------------------------------------------------- matching


def _max_matching(
    left: Sequence[T], right: Sequence[U], edge: Callable[[T, U], bool]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (Kuhn's augmenting paths), as sorted (left, right) pairs.

    Left items are tried in order and right items in order, so the result is deterministic.
    """
    adjacent = [[j for j, r in enumerate(right) if edge(item, r)] for item in left]
    owner: dict[int, int] = {}  # right index -> left index

    def augment(i: int, seen: set[int]) -> bool:
        for j in adjacent[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(left)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def _actor_keys(actor: Actor, *, gold: bool) -> set[str]:
    keys = {normalise(actor.id), normalise(actor.name)}
    if gold:
        keys.update(normalise(alias) for alias in actor.aliases or ())
    keys.discard("")
    return keys


def match_actors(gold: Sequence[Actor], predicted: Sequence[Actor]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) actor matches: ids first, then names/aliases."""
    by_id = _max_matching(
        gold, predicted, lambda g, p: normalise(g.id) != "" and normalise(g.id) == normalise(p.id)
    )
    free_gold = [i for i in range(len(gold)) if i not in {g for g, _ in by_id}]
    free_pred = [j for j in range(len(predicted)) if j not in {p for _, p in by_id}]
    gold_keys = {i: _actor_keys(gold[i], gold=True) for i in free_gold}
    pred_keys = {
        j: {normalise(predicted[j].id), normalise(predicted[j].name)} - {""} for j in free_pred
    }
    by_name = _max_matching(free_gold, free_pred, lambda i, j: bool(gold_keys[i] & pred_keys[j]))
    pairs = by_id + [(free_gold[a], free_pred[b]) for a, b in by_name]
    return sorted(pairs)


# --------------------------------------------------------------------------- units


def _show(value: Any) -> str:
    """A unit written for people: tuples as ``(a, b)``, sets sorted in braces, None as ``-``."""
    if value is None:
        return "-"
    if isinstance(value, tuple):
        return "(" + ", ".join(_show(v) for v in value) + ")"
    if isinstance(value, frozenset):
        return "{" + ", ".join(sorted(_show(v) for v in value)) + "}"
    return str(value)


def _surname(name: str) -> str:
    words = normalise(name).split()
    return words[-1] if words else ""


def _target_proposer(record: Record, proposal_id: str | None, m: Mapper) -> str | None:
    if proposal_id is None:
        return NO_PROPOSAL
    proposal = record.proposal(proposal_id)
    return NO_PROPOSAL if proposal is None else m(proposal.proposer)


def _event_key(event: Event, m: Mapper) -> tuple[str, frozenset[str | None]]:
    return (event.type, frozenset(m(a) for a in [*event.actors, *event.recipients]))


def _units(record: Record, m: Mapper) -> dict[str, list[Hashable]]:
    """The units of every layer but ``actors``, with actor ids passed through ``m``."""
    stances = [
        (m(s.actor), s.stance, _target_proposer(record, s.proposal, m), s.term)
        for s in record.stances
    ]
    terms = [(m(p.proposer), t.type) for p in record.proposals for t in p.terms]
    return {
        "roles": [(m(a.id), role) for a in record.actors for role in a.roles],
        "people": [(_surname(p.name), m(p.affiliation)) for p in record.people],
        "sources": [
            (s.kind, m(s.affiliation)) if s.kind == "anonymous" else (s.kind, s.name)
            for s in record.sources
        ],
        "proposals": [m(p.proposer) for p in record.proposals],
        "terms": list(terms),
        "terms_by_family": [(proposer, family_of(kind)) for proposer, kind in terms],
        "stances": list(stances),
        "stances_by_polarity": [(a, polarity_of(s), t, term) for a, s, t, term in stances],
        "events": [_event_key(e, m) for e in record.events],
    }


def _same_source(gold: Hashable, predicted: Hashable) -> bool:
    assert isinstance(gold, tuple) and isinstance(predicted, tuple)
    if gold[0] != predicted[0]:
        return False
    if gold[0] == "anonymous":
        return bool(gold[1] == predicted[1])
    return word_jaccard(gold[1], predicted[1]) >= JACCARD_THRESHOLD


@dataclass
class _Compared:
    counts: Counts
    missed: list[str]
    spurious: list[str]


def _compare_exact(gold: list[Hashable], predicted: list[Hashable]) -> _Compared:
    g, p = Counter(gold), Counter(predicted)
    tp = sum((g & p).values())
    missed = [_show(u) for u in (g - p).elements()]
    spurious = [_show(u) for u in (p - g).elements()]
    return _Compared(Counts(tp, len(predicted) - tp, len(gold) - tp), missed, spurious)


def _compare_matched(
    gold: list[Hashable], predicted: list[Hashable], edge: Callable[[Hashable, Hashable], bool]
) -> _Compared:
    pairs = _max_matching(gold, predicted, edge)
    used_gold, used_pred = {i for i, _ in pairs}, {j for _, j in pairs}
    missed = [_show(u) for i, u in enumerate(gold) if i not in used_gold]
    spurious = [_show(u) for j, u in enumerate(predicted) if j not in used_pred]
    tp = len(pairs)
    return _Compared(Counts(tp, len(predicted) - tp, len(gold) - tp), missed, spurious)


# --------------------------------------------------------------------------- parameters


def _canonical(value: Any, actor_map: Mapping[str, str]) -> str:
    """A list element as a comparable string: normalised text, canonical numbers, JSON."""
    if isinstance(value, str):
        return normalise(actor_map.get(value, value))
    if isinstance(value, bool) or value is None:
        return json.dumps(value)
    if isinstance(value, int | float):
        return repr(int(value)) if float(value).is_integer() else repr(float(value))
    return normalise(json.dumps(_map_nested(value, actor_map), sort_keys=True, ensure_ascii=False))


def _map_nested(value: Any, actor_map: Mapping[str, str]) -> Any:
    if isinstance(value, str):
        return actor_map.get(value, value)
    if isinstance(value, list):
        return [_map_nested(v, actor_map) for v in value]
    if isinstance(value, dict):
        return {k: _map_nested(v, actor_map) for k, v in value.items()}
    return value


def param_agrees(gold: Any, predicted: Any, actor_map: Mapping[str, str] | None = None) -> bool:
    """Whether a predicted parameter value agrees with the gold value (module docstring).

    Numbers equal; strings equal after normalisation (predicted actor ids mapped through
    ``actor_map``) or word-set Jaccard ≥ 0.5; lists as sets of normalised elements with
    Jaccard ≥ 0.5; nested dicts key by key, recursively.
    """
    amap = actor_map or {}
    if isinstance(gold, bool) or isinstance(predicted, bool):
        return isinstance(gold, bool) and isinstance(predicted, bool) and gold == predicted
    if isinstance(gold, int | float):
        return isinstance(predicted, int | float) and gold == predicted
    if isinstance(gold, str):
        return isinstance(predicted, str) and _strings_agree(gold, amap.get(predicted, predicted))
    if isinstance(gold, list):
        items = predicted if isinstance(predicted, list) else [predicted]
        gold_set = {_canonical(v, {}) for v in gold}
        pred_set = {_canonical(v, amap) for v in items}
        return _jaccard(gold_set, pred_set) >= JACCARD_THRESHOLD
    if isinstance(gold, dict):
        if not isinstance(predicted, dict):
            return False
        by_key = {normalise(k): v for k, v in predicted.items()}
        return all(
            normalise(k) in by_key and param_agrees(v, by_key[normalise(k)], amap)
            for k, v in gold.items()
        )
    return bool(gold == predicted)


def _agreeing(gold: Term, predicted: Term, amap: Mapping[str, str]) -> int:
    return sum(
        1
        for name, value in gold.params.items()
        if name in predicted.params and param_agrees(value, predicted.params[name], amap)
    )


def _pair_terms(
    gold: list[Term], predicted: list[Term], amap: Mapping[str, str]
) -> list[tuple[Term, Term]]:
    """Pair same-key terms one to one, greedily by (agreeing params, equal phase)."""
    candidates = sorted(
        (
            (-_agreeing(g, p, amap), g.phase != p.phase, i, j)
            for i, g in enumerate(gold)
            for j, p in enumerate(predicted)
        )
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[Term, Term]] = []
    for _, _, i, j in candidates:
        if i not in used_gold and j not in used_pred:
            used_gold.add(i)
            used_pred.add(j)
            pairs.append((gold[i], predicted[j]))
    return pairs


def _terms_by_key(record: Record, m: Mapper) -> dict[tuple[str | None, str], list[Term]]:
    groups: dict[tuple[str | None, str], list[Term]] = defaultdict(list)
    for proposal in record.proposals:
        for term in proposal.terms:
            groups[(m(proposal.proposer), term.type)].append(term)
    return groups


def _score_term_parameters(
    gold: Record, predicted: Record, amap: Mapping[str, str]
) -> tuple[Accuracy, list[str]]:
    pred_groups = _terms_by_key(predicted, _mapper(amap))
    correct = total = 0
    wrong: list[str] = []
    for key, gold_terms in _terms_by_key(gold, _identity).items():
        for g, p in _pair_terms(gold_terms, pred_groups.get(key, []), amap):
            for name, value in g.params.items():
                total += 1
                if name in p.params and param_agrees(value, p.params[name], amap):
                    correct += 1
                    continue
                got = (
                    json.dumps(p.params[name], ensure_ascii=False)
                    if name in p.params
                    else "missing"
                )
                wrong.append(
                    f"{_show(key)}.{name}: gold {json.dumps(value, ensure_ascii=False)}, "
                    f"predicted {got}"
                )
    return Accuracy(correct, total), wrong


# --------------------------------------------------------------------------- event dates


def _day(date: str | None) -> str | None:
    return date[:10] if date else None


def _pair_events(gold: list[Event], predicted: list[Event]) -> list[tuple[Event, Event]]:
    """Pair same-key events one to one: equal dates first, then in document order."""
    pairs = _max_matching(gold, predicted, lambda g, p: _day(g.date) == _day(p.date))
    used_gold, used_pred = {i for i, _ in pairs}, {j for _, j in pairs}
    rest_gold = [i for i in range(len(gold)) if i not in used_gold]
    rest_pred = [j for j in range(len(predicted)) if j not in used_pred]
    pairs += list(zip(rest_gold, rest_pred, strict=False))
    return [(gold[i], predicted[j]) for i, j in pairs]


def _score_event_dates(gold: Record, predicted: Record, m: Mapper) -> tuple[Accuracy, list[str]]:
    pred_groups: dict[Hashable, list[Event]] = defaultdict(list)
    for event in predicted.events:
        pred_groups[_event_key(event, m)].append(event)
    gold_groups: dict[Hashable, list[Event]] = defaultdict(list)
    for event in gold.events:
        gold_groups[_event_key(event, _identity)].append(event)
    correct = total = 0
    wrong: list[str] = []
    for key, gold_events in gold_groups.items():
        for g, p in _pair_events(gold_events, pred_groups.get(key, [])):
            if not g.date:
                continue
            total += 1
            if _day(p.date) == _day(g.date):
                correct += 1
            else:
                wrong.append(f"{_show(key)}: gold {_day(g.date)}, predicted {_day(p.date) or '-'}")
    return Accuracy(correct, total), wrong


# --------------------------------------------------------------------------- scoring


def _identity(value: str | None) -> str | None:
    return value


def _mapper(amap: Mapping[str, str]) -> Mapper:
    def m(value: str | None) -> str | None:
        return None if value is None else amap.get(value, value)

    return m


def _score_actors(gold: Record, predicted: Record) -> tuple[dict[str, str], _Compared]:
    pairs = match_actors(gold.actors, predicted.actors)
    amap = {predicted.actors[j].id: gold.actors[i].id for i, j in pairs}
    used_gold, used_pred = {i for i, _ in pairs}, {j for _, j in pairs}
    missed = [a.id for i, a in enumerate(gold.actors) if i not in used_gold]
    spurious = [a.id for j, a in enumerate(predicted.actors) if j not in used_pred]
    counts = Counts(len(pairs), len(spurious), len(missed))
    return amap, _Compared(counts, missed, spurious)


def _is_negative(record: Record) -> bool:
    return not (record.proposals or record.stances or record.events)


def score_article(gold: Record, predicted: Record) -> ArticleScore:
    """Score one predicted record against its gold record."""
    amap, actors = _score_actors(gold, predicted)
    m = _mapper(amap)
    compared = {"actors": actors}
    gold_units, pred_units = _units(gold, _identity), _units(predicted, m)
    for name, units in gold_units.items():
        if name == "sources":
            compared[name] = _compare_matched(units, pred_units[name], _same_source)
        else:
            compared[name] = _compare_exact(units, pred_units[name])
    params, wrong_params = _score_term_parameters(gold, predicted, amap)
    dates, wrong_dates = _score_event_dates(gold, predicted, m)
    wrong = {"term_parameters": wrong_params, "event_dates": wrong_dates}
    return ArticleScore(
        article_id=gold.article.id,
        negative=_is_negative(gold),
        layers={name: compared[name].counts for name in LAYERS},
        term_parameters=params,
        event_dates=dates,
        missed={name: compared[name].missed for name in LAYERS if compared[name].missed},
        spurious={name: compared[name].spurious for name in LAYERS if compared[name].spurious},
        wrong={name: items for name, items in wrong.items() if items},
    )


def _parley_score(layers: Mapping[str, LayerScore]) -> float:
    """Mean F1 of the summary layers; a layer with nothing to score (n/a) counts as 1.0."""
    values = [layers[name].f1 for name in SUMMARY_LAYERS]
    return sum(1.0 if v is None else v for v in values) / len(values)


def score(pairs: Iterable[tuple[Record, Record]]) -> Report:
    """Score ``(gold, predicted)`` record pairs; micro-averaged over the articles."""
    per_article: list[ArticleScore] = []
    negatives: dict[str, dict[str, int]] = {}
    for gold, predicted in pairs:
        article = score_article(gold, predicted)
        per_article.append(article)
        if article.negative:
            negatives[article.article_id] = {
                "proposals": len(predicted.proposals),
                "stances": len(predicted.stances),
                "events": len(predicted.events),
            }
    totals = {name: sum((a.layers[name] for a in per_article), Counts()) for name in LAYERS}
    layers = {name: LayerScore.from_counts(totals[name]) for name in LAYERS}
    return Report(
        **layers,
        term_parameters=sum((a.term_parameters for a in per_article), Accuracy()),
        event_dates=sum((a.event_dates for a in per_article), Accuracy()),
        parley_score=_parley_score(layers) if per_article else None,
        articles=len(per_article),
        negatives=negatives,
        per_article=per_article,
    )
