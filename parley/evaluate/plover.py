"""The PLOVER check (``parley eval --plover FILE``): event types and actors on PLOVER's gold records.

The PLOVER gold standard records (Open Event Data Alliance, ``PLOVER_GSR_CAMEO.txt``, CC BY-SA
4.0) are single sentences from the CAMEO manual, each coded with one PLOVER event, its source
and target actors and an inline markup that marks the event words (``(EVT: agreed)``). The
file is third-party data: it is read at run time from wherever it lies and never copied.

For each record the extractor reads the sentence as an article published on the record's
``date``. Of the events it finds, the one whose trigger word lies inside an ``(EVT: …)`` span
is compared with the gold event (else the first event; no event counts as wrong):

- **event-type accuracy**: predicted type equals the gold type, after renaming the PLOVER 0.5
  categories of the file to the current ones (:data:`RENAMES`: DEMAND→REQUEST,
  DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT);
- **actor F1**: gold = the codes of the record's source and target actors; predicted = the
  chosen event's actors and recipients. A Parley actor matches a gold code when
  :func:`cameo_codes` maps it to that code, or when the text of one of its mentions in the
  sentence and the gold ``actorText`` contain one another (case folded) — the only way to
  match gold codes that name no country (``IGO``, ``NGO``, ``IMG``…) beyond the kind of actor.
  Each gold code and each predicted actor match at most once (TP, FP and FN are summed over
  records, then P, R and F1 computed once).

Both figures are given over all records and over the negotiation-related categories
(:data:`parley.vocabulary.NEGOTIATION_EVENT_TYPES`), with per-category counts and, for
``--verbose``, the list of records the extractor got wrong.

**Code mapping** (Parley id → CAMEO code): a state's id is its ISO 3166-1 alpha-3 code, which
CAMEO uses too, except the codes in :data:`CAMEO_COUNTRY` (the file writes ``JAP`` for Japan,
``ITL`` for Italy and ``VTN`` beside ``VNM`` for Vietnam; older CAMEO dictionaries also use
``ROM``, ``ZAR``, ``TMP``, ``YUG``); a non-state actor with a country (``HAMAS`` → ``PSE``,
``HEZBOLLAH`` → ``LBN``) is coded by that country, as CAMEO codes domestic groups; an
intergovernmental organisation is ``IGO``, a non-governmental one ``NGO``, an armed group
with no country ``IMG`` (international militant group).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import EvalError
from ..vocabulary import EVENT_TYPES, NEGOTIATION_EVENT_TYPES
from .report import format_score

__all__ = [
    "CAMEO_COUNTRY",
    "RENAMES",
    "CategoryScore",
    "PloverMiss",
    "PloverRecord",
    "PloverReport",
    "cameo_codes",
    "evaluate_plover",
    "evt_spans",
    "load_plover",
    "plover_type",
    "render_plover",
    "score_record",
]

#: PLOVER 0.5 category names (as in the gold file) → current names.
RENAMES: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}

#: CAMEO country codes that differ from ISO 3166-1 alpha-3 → the ISO code Parley uses.
CAMEO_COUNTRY: dict[str, str] = {
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
    "ROM": "ROU",
    "ZAR": "COD",
    "TMP": "TLS",
    "YUG": "SRB",
}

_KIND_CODES = {"igo": "IGO", "ngo": "NGO"}
_EVT = re.compile(r"\(EVT:\s*")


def plover_type(name: str) -> str:
    """The current PLOVER category for a name found in the gold file."""
    return RENAMES.get(name, name)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


# ----------------------------------------------------------------------------------- records


@dataclass(frozen=True, slots=True)
class GoldActor:
    text: str
    code: str


@dataclass(frozen=True, slots=True)
class PloverRecord:
    """One coded sentence of the gold file."""

    id: str
    text: str
    type: str  # current category name
    original_type: str
    actors: tuple[GoldActor, ...]
    markup: str | None
    published: str | None


def _actors(value: Any) -> list[GoldActor]:
    if not isinstance(value, list):
        return []  # "" or missing (or a stray string) in the file: no actor
    out = []
    for item in value:
        if isinstance(item, dict) and isinstance(item.get("code"), str) and item["code"].strip():
            out.append(GoldActor(str(item.get("actorText") or "").strip(), item["code"].strip().upper()))
    return out


def load_plover(path: str | Path) -> list[PloverRecord]:
    """The coded records of a PLOVER gold file (the DOCUMENT record is skipped)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvalError(f"{path}: cannot read the PLOVER file: {exc.strerror or exc}") from None
    except json.JSONDecodeError as exc:
        raise EvalError(f"{path}:{exc.lineno}: not a JSON array of PLOVER records: {exc.msg}") from None
    if not isinstance(data, list):
        raise EvalError(f"{path}: expected a JSON array of PLOVER records")
    records = []
    for number, item in enumerate(data):
        if not isinstance(item, dict):
            raise EvalError(f"{path}: record {number} is not an object")
        event = item.get("event")
        if event == "DOCUMENT":
            continue
        text = item.get("text")
        if not isinstance(event, str) or not isinstance(text, str) or not text.strip():
            raise EvalError(f"{path}: record {item.get('id', number)} has no event or text")
        info = item.get("textInfo")
        markup = info.get("markup") if isinstance(info, dict) else None
        published = item.get("date") if isinstance(item.get("date"), str) else None
        actors = _actors(item.get("source")) + _actors(item.get("target"))
        records.append(
            PloverRecord(
                id=str(item.get("id", number)),
                text=text,
                type=plover_type(event),
                original_type=event,
                actors=tuple(actors),
                markup=markup if isinstance(markup, str) else None,
                published=published,
            )
        )
    return records


def evt_spans(text: str, markup: str | None) -> list[tuple[int, int]]:
    """Character spans of ``text`` that the markup tags ``(EVT: …)`` (best effort: the
    file's markup is hand-written and sometimes unbalanced)."""
    if not markup:
        return []
    spans = []
    folded = text.casefold()
    for match in _EVT.finditer(markup):
        rest = markup[match.end():]
        depth, end = 0, len(rest)
        for i, ch in enumerate(rest):
            if ch == "(":
                depth += 1
            elif ch == ")":
                if depth == 0:
                    end = i
                    break
                depth -= 1
        words = re.sub(r"\((?:SRC|TAR|LOC|SRC/TAR|EVT):\s*", "", rest[:end]).replace(")", "").split()
        if not words:
            continue
        pattern = r"\s+".join(re.escape(w.casefold()) for w in words)
        found = re.search(pattern, folded)
        if found is None:  # markup that altered a word: fall back to its first word
            found = re.search(r"\b" + re.escape(words[0].casefold()), folded)
        if found is not None:
            spans.append((found.start(), found.end()))
    return spans


# ----------------------------------------------------------------------------------- scores


@dataclass
class CategoryScore:
    """Counts for a set of records: type accuracy and actor matches."""

    records: int = 0
    type_correct: int = 0
    with_event: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def type_accuracy(self) -> float | None:
        return self.type_correct / self.records if self.records else None

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def actor_f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: CategoryScore) -> None:
        self.records += other.records
        self.type_correct += other.type_correct
        self.with_event += other.with_event
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records,
            "type_correct": self.type_correct,
            "type_accuracy": self.type_accuracy,
            "with_event": self.with_event,
            "actor_tp": self.tp,
            "actor_fp": self.fp,
            "actor_fn": self.fn,
            "actor_precision": self.precision,
            "actor_recall": self.recall,
            "actor_f1": self.actor_f1,
        }


@dataclass(frozen=True, slots=True)
class PloverMiss:
    """A record whose type or actors the extractor got wrong."""

    id: str
    gold_type: str
    predicted_type: str | None
    gold_actors: tuple[str, ...]
    predicted_actors: tuple[str, ...]
    matched: int
    cue: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "gold_type": self.gold_type,
            "predicted_type": self.predicted_type,
            "gold_actors": list(self.gold_actors),
            "predicted_actors": list(self.predicted_actors),
            "matched_actors": self.matched,
            "cue": self.cue,
        }


@dataclass
class PloverReport:
    """The PLOVER check over one gold file."""

    path: str
    overall: CategoryScore = field(default_factory=CategoryScore)
    negotiation: CategoryScore = field(default_factory=CategoryScore)
    categories: dict[str, CategoryScore] = field(default_factory=dict)
    misses: list[PloverMiss] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "renames": dict(RENAMES),
            "negotiation_types": list(NEGOTIATION_EVENT_TYPES),
            "overall": self.overall.to_dict(),
            "negotiation": self.negotiation.to_dict(),
            "categories": {name: score.to_dict() for name, score in sorted(self.categories.items())},
            "misses": [m.to_dict() for m in self.misses],
        }


@dataclass(frozen=True, slots=True)
class PredictedEvent:
    """What the check needs of one extracted event."""

    type: str
    actors: tuple[str, ...]  # actors and recipients, Parley ids
    trigger: tuple[int, int]  # character span of the trigger word
    cue: str = ""


# ----------------------------------------------------------------------------------- matching


def cameo_codes(actor_id: str, kind: str | None, country: str | None) -> set[str]:
    """The CAMEO code(s) a Parley actor stands for (ISO space; see the module docstring)."""
    codes: set[str] = set()
    if kind == "state":
        codes.add(actor_id)
    elif country:
        codes.add(country)
    if kind in _KIND_CODES:
        codes.add(_KIND_CODES[kind])
    if kind == "armed_group" and not country:
        codes.add("IMG")
    if not codes:
        codes.add(actor_id)
    return codes


def _gold_code(code: str) -> str:
    return CAMEO_COUNTRY.get(code, code)


def _texts_match(gold_text: str, mention_texts: Iterable[str]) -> bool:
    gold = _fold(gold_text)
    if not gold:
        return False
    for text in mention_texts:
        folded = _fold(text)
        if folded and (folded in gold or gold in folded) and (len(folded) > 2 or folded == gold):
            return True
    return False


def _max_matching(options: dict[str, set[int]]) -> int:
    """Size of a maximum matching between predicted actors and gold indices."""
    owner: dict[int, str] = {}

    def assign(actor: str, seen: set[int]) -> bool:
        for gold in options[actor]:
            if gold in seen:
                continue
            seen.add(gold)
            if gold not in owner or assign(owner[gold], seen):
                owner[gold] = actor
                return True
        return False

    return sum(1 for actor in options if assign(actor, set()))


def score_record(
    record: PloverRecord,
    predicted: PredictedEvent | None,
    describe: dict[str, tuple[str | None, str | None]],
    mention_texts: dict[str, list[str]],
) -> tuple[bool, int, int, int]:
    """(type correct, actor TP, FP, FN) for one record.

    ``describe`` gives each predicted actor id its (kind, country); ``mention_texts`` the
    texts that name it in the sentence.
    """
    gold_codes: list[str] = []
    gold_texts: dict[str, list[str]] = {}
    for actor in record.actors:
        code = _gold_code(actor.code)
        if code not in gold_codes:
            gold_codes.append(code)
        gold_texts.setdefault(code, []).append(actor.text)
    if predicted is None:
        return False, 0, 0, len(gold_codes)
    options: dict[str, set[int]] = {}
    for actor_id in dict.fromkeys(predicted.actors):
        kind, country = describe.get(actor_id, (None, None))
        codes = cameo_codes(actor_id, kind, country)
        texts = mention_texts.get(actor_id, [])
        options[actor_id] = {
            n for n, code in enumerate(gold_codes)
            if code in codes or any(_texts_match(t, texts) for t in gold_texts[code])
        }
    tp = _max_matching(options)
    return predicted.type == record.type, tp, len(options) - tp, len(gold_codes) - tp


def choose_event(events: Sequence[PredictedEvent], spans: Sequence[tuple[int, int]]) -> PredictedEvent | None:
    """The event whose trigger lies in an ``(EVT: …)`` span, else the first one."""
    for event in events:
        start, end = event.trigger
        if any(s <= start < e or start <= s < end for s, e in spans):
            return event
    return events[0] if events else None


# ----------------------------------------------------------------------------------- running


def _published(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def evaluate_plover(path: str | Path, extractor: Any = None, *, batch_size: int = 32) -> PloverReport:
    """Run ``extractor`` (default: a new :class:`~parley.extract.pipeline.Extractor` with the
    event component) over every record of the PLOVER file at ``path`` and score it."""
    from ..extract.analysis import Analysis
    from ..lexicon.actors import ActorRegistry

    records = load_plover(path)
    if extractor is None:
        from ..extract.pipeline import Extractor

        extractor = Extractor()
    nlp = extractor.nlp
    if "parley_events" not in nlp.pipe_names:
        raise EvalError("the extractor has no parley_events component: add it to check PLOVER events")
    registry = ActorRegistry.load()
    report = PloverReport(path=str(path))
    docs = []
    for record in records:
        doc = nlp.make_doc(record.text)
        doc._.parley = Analysis(published=_published(record.published))
        docs.append(doc)
    for record, doc in zip(records, nlp.pipe(docs, batch_size=batch_size), strict=True):
        analysis = doc._.parley
        events = [
            PredictedEvent(
                type=e.type,
                actors=tuple(dict.fromkeys([*e.actors, *e.recipients])),
                trigger=(doc[e.trigger].idx, doc[e.trigger].idx + len(doc[e.trigger].text)),
                cue=e.cue,
            )
            for e in analysis.events
        ]
        chosen = choose_event(events, evt_spans(record.text, record.markup))
        describe: dict[str, tuple[str | None, str | None]] = {}
        texts: dict[str, list[str]] = {}
        for mention in analysis.actor_mentions:
            texts.setdefault(mention.actor, []).append(doc[mention.start : mention.end].text)
        for person in analysis.people:
            if person.affiliation:
                texts.setdefault(person.affiliation, []).extend(doc[s:e].text for s, e in person.spans)
        for actor_id, name in analysis.extra.get("event_actors", {}).items():
            texts.setdefault(actor_id, []).append(name)  # named organisations the registry lacks
        for actor_id in chosen.actors if chosen else ():
            entry = registry.get(actor_id)
            describe[actor_id] = (entry.kind, entry.country) if entry is not None else (None, None)
        correct, tp, fp, fn = score_record(record, chosen, describe, texts)
        one = CategoryScore(records=1, type_correct=int(correct), with_event=int(chosen is not None), tp=tp, fp=fp, fn=fn)
        report.overall.add(one)
        if record.type in NEGOTIATION_EVENT_TYPES:
            report.negotiation.add(one)
        report.categories.setdefault(record.type, CategoryScore()).add(one)
        if not correct or fp or fn:
            report.misses.append(
                PloverMiss(
                    id=record.id,
                    gold_type=record.type,
                    predicted_type=chosen.type if chosen else None,
                    gold_actors=tuple(dict.fromkeys(_gold_code(a.code) for a in record.actors)),
                    predicted_actors=chosen.actors if chosen else (),
                    matched=tp,
                    cue=chosen.cue if chosen else None,
                )
            )
    return report


# ----------------------------------------------------------------------------------- printing


def _row(table: Table, label: str, score: CategoryScore) -> None:
    table.add_row(
        label,
        str(score.records),
        format_score(score.type_accuracy),
        format_score(score.precision),
        format_score(score.recall),
        format_score(score.actor_f1),
        str(score.with_event),
    )


def render_plover(report: PloverReport, console: Console | None = None, *, verbose: bool = False, limit: int = 50) -> None:
    """Print the summary and per-category table; ``verbose`` also lists the misses."""
    out = console or Console()
    table = Table(title=f"PLOVER check: {escape(report.path)}")
    for name in ("records", "n", "type acc.", "actor P", "actor R", "actor F1", "with event"):
        if name == "records":
            table.add_column("set")
            continue
        table.add_column(name, justify="right")
    _row(table, "all records", report.overall)
    _row(table, "negotiation-related", report.negotiation)
    for name in EVENT_TYPES:
        if name in report.categories:
            _row(table, ("  " + name) + (" *" if name in NEGOTIATION_EVENT_TYPES else ""), report.categories[name])
    for name, score in sorted(report.categories.items()):
        if name not in EVENT_TYPES:
            _row(table, "  " + name, score)
    out.print(table)
    renames = ", ".join(f"{a}→{b}" for a, b in RENAMES.items())
    out.print(escape(f"* negotiation-related ({', '.join(NEGOTIATION_EVENT_TYPES)}); PLOVER 0.5 names renamed: {renames}"))
    if verbose:
        render_plover_misses(report, out, limit=limit)


def render_plover_misses(report: PloverReport, console: Console | None = None, *, limit: int = 50) -> None:
    """One line per record the extractor got wrong (type or actors)."""
    out = console or Console()
    if not report.misses:
        out.print("no misses")
        return
    for miss in report.misses[: max(limit, 0)]:
        predicted = miss.predicted_type or "no event"
        out.print(
            escape(
                f"{miss.id}: gold {miss.gold_type} {list(miss.gold_actors)}; predicted {predicted} "
                f"{list(miss.predicted_actors)} ({miss.matched} actor(s) matched){' via ' + miss.cue if miss.cue else ''}"
            )
        )
    if len(report.misses) > limit:
        out.print(f"… and {len(report.misses) - limit} more")
