"""Component ``parley_events``: the diplomatic interactions an article reports (PLOVER events).

An event needs a *cue* — a verb, noun, adjective or phrase from ``events.json`` ("met",
"talks", "ready to", "call on", "took effect") — whose surroundings fit the cue's class of
object ("accepted *the proposal*", "suspended *its participation in talks*", "released
*prisoners*"), and at least one actor found from the cue's syntax through
:func:`~parley.extract.coref.actors_of` (plus readings coref leaves open: "its rival", "both
leaders", "the two governments", "the delegation", object pronouns, a dateline parsed as the
subject, a named organisation the registry lacks). The cue names the PLOVER type and mode and
where the actors and recipients sit (subject, object, "with"/"to"/"on" phrases, the proposer
of the proposal in the object, "between X and Y", the article's parties). The doc is scanned
once; the lexicon is loaded and indexed once per process.

What is not an event (ANNOTATION.md, Events):

- negated acts ("did not meet"), except where a negated modal means refusal ("will not
  accept" is REJECT); hypotheticals ("could mediate", "if Hezbollah violated", "how a
  ceasefire would be monitored", "before giving its answer"), except a conditional threat
  itself ("would strike hard if …" is THREATEN); press lines ("declined to comment");
- the content of a proposal ("Under the deal, Israel would withdraw …", "It calls for …",
  "the Israeli plan sought …") and claims ("denied … that it had agreed");
- complements of another cue ("urged Turkey *to relay* the offer" is one REQUEST);
- background: an event dated more than ``background_days`` before the article's news (the
  latest date its events carry), or habitual ("for three decades", "since the war began");
- someone else's prediction of an actor's conduct ("Biden said Israeli forces would
  withdraw"), and a plan's "would" that nobody declares ("Israel would then free …").

Announced, promised or planned acts change type as the cue says: "will release" is CONCEDE,
"will visit" and "will provide aid" are AGREE, "will suspend talks" is THREATEN. A speaker's
"X must/should accept" is a REQUEST of the speaker to X. Endorsements ("welcomed the
ceasefire") are SUPPORT with no recipient in a negotiation story; a side backing the plan
accepts it (AGREE to its author).

Mentions of one interaction are merged (same type and mode; the actors and recipients of one
within those of the other; compatible dates); a later "the talks were hosted by Turkey" adds
the host to the meeting it refers to; co-signatories of one signing are one event; an
agreement reported as signed is the signing; a meeting needs two sides. An undated act takes
the date of the dated act its clause hangs from, or of a dated meeting of its actors just
before it (dev README, convention 4).

requires: doc._.parley.actor_mentions, people, sources, proposals (parley_coref for
          parties and mediators; parley_dates, when installed, for dates); token.dep,
          token.lemma, token.pos
assigns:  doc._.parley.events (and doc._.parley.extra["event_actors"]: the named
          organisations outside the registry that events refer to, id → name)
"""

from __future__ import annotations

import importlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..errors import LexiconError
from ..vocabulary import EVENT_MODES
from .analysis import Analysis, DateMention, EventMention, analysis_of
from .coref import actors_of
from .lexicons import OBJECTS, check_values, data_path, load_cue_file, load_lexicons

__all__ = [
    "OBJECT_TESTS",
    "ROLES",
    "Cue",
    "EventFinder",
    "EventLexicon",
    "date_of_clause",
    "load_event_lexicon",
    "parse_event_lexicon",
]

LEXICON = "events.json"

#: Role names a cue may use for its actors and recipients (``events.json`` documents them).
ROLES = frozenset({
    "subject", "agent", "patient", "object", "dative", "poss", "proposer", "between",
    "object_actors", "complement_subject", "complement_object", "condition_subject", "speaker",
    "accuser", "deal_parties", "parties", "other_party", "owner", "proposer_channel",
    "served_parties", "main_subject", "violator", "subject_actors",
})

#: Object tests that are not plain classes of ``classes``.
OBJECT_TESTS = frozenset({
    "person", "proposal", "with_proposal", "agreement", "agreement_reached", "agreement_or_actor", "endorsable_or_actor",
    "positive_description", "ceasefire_subject", "persons", "forces_or_place", "aid_or_persons",
    "violation_object", "threat", "meeting", "talks", "meeting_subject",
})

_KEYS = {
    "version": int,
    "classes": dict,
    "request_modes": dict,
    "obligation_modals": list,
    "obligation_verbs": list,
    "hypothetical_modals": list,
    "future_modals": list,
    "future_heads": list,
    "question_words": list,
    "temporal_marks": list,
    "observer_words": list,
    "background_days": int,
    "cues": OBJECTS,
}
_CUE_KEYS = frozenset({
    "id", "type", "mode", "verbs", "adjectives", "nouns", "phrases", "governors", "object",
    "not_object", "actor", "recipient", "reciprocal", "needs_recipient", "irrealis", "negated",
    "conditional", "absorbs", "anchor", "merge", "subject", "obligation", "negated_only",
})
_REQUIRED_CUE_KEYS = ("id", "type", "actor", "recipient")

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_VERB_POS = ("VERB", "AUX")
_NOUN_POS = ("NOUN", "PROPN")
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_OBJECT_PREPS = frozenset({"to", "on", "with", "for", "from", "of", "into", "against", "upon", "in", "over", "about", "out", "as"})
_ADJUNCT_PREPS = frozenset({"at", "in", "during", "after", "following", "over", "through", "amid", "throughout"})
_OCCUR_VERBS = frozenset({"take", "hold", "open", "begin", "start", "resume", "end", "conclude", "close", "last", "continue", "convene", "get", "wrap", "stall", "break", "enter"})
_MOVEMENT = frozenset({"return", "enter", "leave", "cross", "land", "pass", "travel", "go", "visit", "reach", "move", "come", "flee"})
_MOTION = frozenset({"return", "travel", "arrive", "head", "come", "go", "fly", "gather", "meet", "convene", "sit"})
_FUTURE_MODIFIERS = frozenset({"next", "further", "future", "upcoming", "planned", "proposed", "possible", "potential", "another", "fresh", "expected", "subsequent"})
_SIDE_WORDS = frozenset({"sides", "parties", "countries", "nations", "states", "neighbours", "neighbors", "belligerents", "rivals", "adversaries", "foes"})
_SIDE_MODIFIERS = frozenset({"two", "both", "warring", "rival", "opposing", "neighbouring", "neighboring", "feuding", "fighting", "hostile", "respective"})
_TARGET_PREPS = frozenset({"to", "on", "upon", "from", "against", "with", "for", "of"})
_PAST_MODIFIERS = frozenset({"past", "previous", "earlier", "prior", "former", "last"})
_RIVALS = frozenset({"rival", "rivals", "enemy", "enemies", "foe", "foes", "opponent", "opponents", "adversary", "adversaries", "counterpart", "counterparts"})
_GROUP_DETS = frozenset({"both", "two", "either", "each", "all"})
_GROUP_HEADS = frozenset({"leader", "leaders", "side", "sides", "country", "countries", "party", "parties", "government", "governments", "delegation", "delegations", "team", "teams", "president", "presidents", "minister", "ministers", "man", "men", "camp", "camps", "nation", "nations", "state", "states", "neighbour", "neighbours", "neighbor", "neighbors", "negotiator", "negotiators", "group", "groups"})
_PERSONAL_OBJECTS = frozenset({"them", "it", "him", "her", "us"})
_SPEECH = frozenset({"say", "tell", "announce", "state", "add", "report", "claim", "insist", "declare", "write", "note", "stress", "confirm", "assert", "argue", "explain", "reiterate", "warn", "allege", "maintain", "acknowledge", "indicate", "signal", "complain", "quote", "conclude", "demand", "urge", "repeat", "emphasise", "emphasize", "remind", "tweet", "post"})
_SPEECH_NOUNS = frozenset({"reminder", "warning", "statement", "declaration", "demand", "call", "appeal", "message", "letter", "ultimatum", "communique", "notice", "note"})
_HOST_CUES = frozenset({"consult.host_talks", "consult.gather"})
_ENDORSE_CUES = frozenset({"support.endorse", "support.call_step", "support.back"})
_SIGN_CUE = "support.sign"
_AGREEMENT_HEADS = frozenset({"deal", "agreement", "accord", "pact", "treaty", "understanding", "settlement", "breakthrough", "declaration", "arrangement", "ceasefire", "cease-fire", "truce", "armistice"})
_NON_PLACES = frozenset({"statement", "post", "interview", "letter", "address", "principle", "exchange", "return", "addition", "response", "time", "hours", "days", "weeks", "months", "years", "order", "part", "line", "full", "public", "private", "person", "writing", "effect", "force", "support", "favour", "favor", "talks", "meeting", "meetings", "way", "bid", "attempt", "coordination", "accordance", "front", "charge", "talk", "call", "conference", "televised", "speech", "remarks", "comments", "news", "briefing", "report", "document", "text", "memorandum", "message", "phone", "telephone", "video", "side", "sidelines", "total", "contrast", "turn", "light", "view"})
_VENUE_HEADS = frozenset({"city", "capital", "town", "resort", "port", "village", "region", "province", "state"})


# -------------------------------------------------------------------------------- lexicon


@dataclass(frozen=True, slots=True)
class Cue:
    """One entry of ``events.json``: what triggers an event and how to read it."""

    id: str
    type: str
    mode: str | None
    verbs: frozenset[str]
    adjectives: frozenset[str]
    nouns: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    governors: frozenset[str]
    object: str | None
    not_object: str | None
    actor: tuple[str, ...]
    recipient: tuple[str, ...]
    reciprocal: bool = False
    needs_recipient: bool = False
    irrealis: str | None = None
    negated: str | None = None
    conditional: str | None = None
    absorbs: bool = False
    anchor: bool = True
    merge: str | None = None
    subject: str | None = None
    obligation: bool = False
    negated_only: bool = False


@dataclass(frozen=True)
class EventLexicon:
    """The validated contents of ``events.json``."""

    version: int
    cues: tuple[Cue, ...]
    classes: dict[str, frozenset[str]]
    request_modes: dict[str, frozenset[str]]
    obligation_modals: frozenset[str]
    obligation_verbs: frozenset[str]
    hypothetical_modals: frozenset[str]
    future_modals: frozenset[str]
    future_heads: frozenset[str]
    question_words: frozenset[str]
    temporal_marks: frozenset[str]
    observer_words: frozenset[str]
    background_days: int

    def cls(self, name: str) -> frozenset[str]:
        return self.classes.get(name, frozenset())


def _error(message: str, key: str) -> LexiconError:
    return LexiconError(str(data_path(LEXICON)), message, key=key)


def _words(entry: dict[str, Any], key: str, where: str) -> frozenset[str]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v and v == v.strip() for v in value):
        raise _error("expected a list of trimmed non-empty strings", f"{where}.{key}")
    return frozenset(v.lower() for v in value)


def _cue(entry: dict[str, Any], number: int, classes: dict[str, frozenset[str]], seen: set[str]) -> Cue:
    where = f"cues[{number}]"
    unknown = set(entry) - _CUE_KEYS
    if unknown:
        raise _error("unknown key", f"{where}.{sorted(unknown)[0]}")
    for key in _REQUIRED_CUE_KEYS:
        if key not in entry:
            raise _error("missing key", f"{where}.{key}")
    cue_id = entry["id"]
    if not isinstance(cue_id, str) or not cue_id:
        raise _error("id must be a non-empty string", f"{where}.id")
    if cue_id in seen:
        raise _error(f"duplicate cue id {cue_id!r}", f"{where}.id")
    seen.add(cue_id)
    where = f"cues[{cue_id}]"
    check_values(LEXICON, f"{where}.type", [entry["type"]], EVENT_MODES)
    mode = entry.get("mode")
    if mode is not None:
        check_values(LEXICON, f"{where}.mode", [mode], EVENT_MODES[entry["type"]])
    for key in ("irrealis", "negated"):
        value = entry.get(key)
        if value is not None and value != "same":
            check_values(LEXICON, f"{where}.{key}", [value], EVENT_MODES)
    for key in ("actor", "recipient"):
        roles = entry[key]
        if not isinstance(roles, list):
            raise _error("expected a list of roles", f"{where}.{key}")
        for role in roles:
            if not isinstance(role, str) or not (role in ROLES or role.startswith("prep:")):
                raise _error(f"{role!r} is not a role (see 'roles')", f"{where}.{key}")
    for key in ("object", "not_object"):
        value = entry.get(key)
        if value is not None and value not in OBJECT_TESTS and value not in classes:
            raise _error(f"{value!r} is neither an object test nor a class", f"{where}.{key}")
    for key in ("reciprocal", "needs_recipient", "absorbs", "anchor", "obligation", "negated_only"):
        if key in entry and not isinstance(entry[key], bool):
            raise _error("expected true or false", f"{where}.{key}")
    if entry.get("conditional") not in (None, "require"):
        raise _error("expected 'require' or null", f"{where}.conditional")
    if entry.get("merge") not in (None, "union"):
        raise _error("expected 'union' or null", f"{where}.merge")
    if entry.get("subject") not in (None, "official"):
        raise _error("expected 'official' or null", f"{where}.subject")
    phrases = tuple(tuple(p.split()) for p in sorted(_words(entry, "phrases", where)))
    cue = Cue(
        id=cue_id,
        type=entry["type"],
        mode=mode,
        verbs=_words(entry, "verbs", where),
        adjectives=_words(entry, "adjectives", where),
        nouns=_words(entry, "nouns", where),
        phrases=phrases,
        governors=_words(entry, "governors", where),
        object=entry.get("object"),
        not_object=entry.get("not_object"),
        actor=tuple(entry["actor"]),
        recipient=tuple(entry["recipient"]),
        reciprocal=bool(entry.get("reciprocal", False)),
        needs_recipient=bool(entry.get("needs_recipient", False)),
        irrealis=entry.get("irrealis"),
        negated=entry.get("negated"),
        conditional=entry.get("conditional"),
        absorbs=bool(entry.get("absorbs", False)),
        anchor=bool(entry.get("anchor", True)),
        merge=entry.get("merge"),
        subject=entry.get("subject"),
        obligation=bool(entry.get("obligation", False)),
        negated_only=bool(entry.get("negated_only", False)),
    )
    if not (cue.verbs or cue.adjectives or cue.nouns or cue.phrases or cue.obligation):
        raise _error("a cue needs verbs, adjectives, nouns or phrases", f"{where}")
    return cue


@cache
def load_event_lexicon() -> EventLexicon:
    """``events.json``, validated (types and modes against ``EVENT_MODES``), once per process."""
    return parse_event_lexicon(load_cue_file(LEXICON, _KEYS))


def parse_event_lexicon(data: dict[str, Any]) -> EventLexicon:
    """Validate the contents of an event cue lexicon; errors name ``events.json`` and the key."""
    for key, kind in _KEYS.items():
        if key not in data:
            raise _error("missing key", key)
        if kind is OBJECTS:
            if not isinstance(data[key], list) or not all(isinstance(v, dict) for v in data[key]):
                raise _error("expected a list of objects", key)
        elif isinstance(kind, type) and not isinstance(data[key], kind):
            raise _error(f"expected {kind.__name__}", key)
    classes: dict[str, frozenset[str]] = {}
    for name, words in data["classes"].items():
        classes[name] = _words({name: words}, name, "classes")
    modes: dict[str, frozenset[str]] = {}
    for name, words in data["request_modes"].items():
        check_values(LEXICON, "request_modes", [name], EVENT_MODES["REQUEST"])
        modes[name] = _words({name: words}, name, "request_modes")
    seen: set[str] = set()
    cues = tuple(_cue(entry, n, classes, seen) for n, entry in enumerate(data["cues"]))
    return EventLexicon(
        version=data["version"],
        cues=cues,
        classes=classes,
        request_modes=modes,
        obligation_modals=frozenset(data["obligation_modals"]),
        obligation_verbs=frozenset(data["obligation_verbs"]),
        hypothetical_modals=frozenset(data["hypothetical_modals"]),
        future_modals=frozenset(data["future_modals"]),
        future_heads=frozenset(data["future_heads"]),
        question_words=frozenset(data["question_words"]),
        temporal_marks=frozenset(data["temporal_marks"]),
        observer_words=frozenset(data["observer_words"]),
        background_days=data["background_days"],
    )


# -------------------------------------------------------------------------------- dates


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


def _period(value: str) -> tuple[date, date] | None:
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


# -------------------------------------------------------------------------------- finder


@dataclass(slots=True)
class _Trigger:
    token: Token  # the word the cue sits on (a verb for phrases)
    cues: list[Cue]
    start: int
    end: int
    kind: str  # verb | noun | adj | phrase


@dataclass(slots=True)
class _Status:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    obligation: bool = False
    conditioned: bool = False  # has an "if"/"unless" clause of its own
    question: bool = False


@dataclass
class _Mention:
    event: EventMention
    cue: Cue
    paragraph: int
    attach: bool = False  # a definite "the talks": joins the meeting it refers to
    extra_actors: list[str] = field(default_factory=list)
    triggers: list[int] = field(default_factory=list)  # every mention merged into this one
    paragraphs: list[int] = field(default_factory=list)
    period_end: date | None = None  # last day of the period its clause's date names
    counterpart: bool = False  # met someone named whom no actor id stands for


class EventFinder:
    """Finds event cues in one scan of the doc and turns them into :class:`EventMention`."""

    def __init__(self, nlp: Language, lexicon: EventLexicon | None = None):
        self.lex = lexicon or load_event_lexicon()
        self.by_verb: dict[str, list[Cue]] = {}
        self.by_noun: dict[str, list[Cue]] = {}
        self.by_adj: dict[str, list[Cue]] = {}
        self.by_phrase: dict[str, list[Cue]] = {}
        self.obligation_cue = next((c for c in self.lex.cues if c.obligation), None)
        self.phrase_index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for cue in self.lex.cues:
            for word in cue.verbs:
                self.by_verb.setdefault(word, []).append(cue)
            for word in cue.nouns:
                self.by_noun.setdefault(word, []).append(cue)
            phrases = list(cue.phrases) + [tuple(w.split()) for w in cue.adjectives if " " in w]
            for phrase in phrases:
                key = " ".join(phrase)
                if key not in self.by_phrase:
                    self.phrase_index.setdefault(phrase[0], []).append((phrase, key))
                self.by_phrase.setdefault(key, []).append(cue)
            for word in cue.adjectives:
                if " " not in word:
                    self.by_adj.setdefault(word, []).append(cue)
        self.classes = self.lex.classes
        places = load_cue_file("places.json", {"cities": dict})
        self.city_country: dict[str, str] = dict(places["cities"])
        registry = load_lexicons().actors
        self.registry = registry
        self.capital_of: dict[str, str] = {}
        self.capitals: dict[str, list[str]] = {}
        for entry in registry:
            for capital in entry.capitals:
                self.capital_of.setdefault(capital, entry.id)
            self.capitals[entry.id] = list(entry.capitals)
        self.request_modes = self.lex.request_modes

    # -- the component -------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        analysis = analysis_of(doc)
        analysis.events = self.find(doc, analysis)
        return doc

    def find(self, doc: Doc, analysis: Analysis, trace: list[str] | None = None) -> list[EventMention]:
        """The events of ``doc``; ``trace`` collects why each cue did or did not make one."""
        scan = _Scan(doc, self.lex.obligation_modals)
        triggers = self.triggers(doc, scan)
        if not triggers:
            return []
        ctx = _Context(doc, analysis, self, triggers, scan, trace)
        mentions: list[_Mention] = []
        for trigger in triggers:
            mention = ctx.mention(trigger)
            if mention is not None:
                mentions.append(mention)
        return ctx.merge(mentions)

    # -- cues ------------------------------------------------------------------------------

    def triggers(self, doc: Doc, scan: _Scan | None = None) -> list[_Trigger]:
        """Every cue occurrence, in text order; a phrase wins over its words."""
        scan = scan or _Scan(doc, self.lex.obligation_modals)
        lemmas, lowers, obliged = scan.lemmas, scan.lowers, scan.obliged
        found: dict[int, _Trigger] = {}
        covered: set[int] = set()
        n = len(doc)
        for i in range(n):
            if i in covered:
                continue
            candidates = self.phrase_index.get(lemmas[i], ()) or self.phrase_index.get(lowers[i], ())
            best: tuple[int, str] | None = None
            for phrase, key in candidates:
                end = _match_phrase(phrase, lemmas, lowers, doc, i)
                if end is not None and (best is None or end > best[0]):
                    best = (end, key)
            if best is None:
                continue
            end, key = best
            span = doc[i:end]
            anchor = next((t for t in span if t.pos_ in _VERB_POS), None)
            kind = "phrase"
            if anchor is None:
                anchor = next((t for t in span if t.pos_ == "ADJ"), span.root)
                kind = "phrase-noun" if anchor.pos_ in _NOUN_POS else "phrase"
            cues = list(self.by_phrase[key])
            if anchor.pos_ in _VERB_POS:
                cues += [c for c in self.by_verb.get(lemmas[anchor.i], ()) if c not in cues]
                if anchor.i in obliged and self.obligation_cue is not None:
                    cues.insert(0, self.obligation_cue)
            found[anchor.i] = _Trigger(anchor, cues, i, end, kind)
            covered.update(range(i, end))
        for token in scan.tokens:
            i = token.i
            if i in covered:
                continue
            lemma, low = lemmas[i], lowers[i]
            pos = token.pos_
            cues = []
            kind = ""
            if low in ("talks", "negotiations") and pos != "VERB" or (low in ("talks", "negotiations") and not any(c.dep_ in _SUBJECTS for c in token.children)):
                cues = list(self.by_noun.get(low, ()))
                kind = "noun"
            elif pos in _VERB_POS or token.tag_.startswith("VB"):
                cues = list(self.by_verb.get(lemma, ()))
                if not cues and low in self.by_adj and token.tag_ == "VBN":
                    cues, kind = list(self.by_adj[low]), "adj"
                else:
                    kind = "verb"
                if i in obliged and self.obligation_cue is not None:
                    cues.insert(0, self.obligation_cue)
            elif pos in _NOUN_POS:
                cues = list(self.by_noun.get(lemma, ())) or list(self.by_noun.get(low, ()))
                kind = "noun"
            elif pos == "ADJ":
                cues = list(self.by_adj.get(lemma, ())) or list(self.by_adj.get(low, ()))
                kind = "adj"
            if cues:
                found[i] = _Trigger(token, cues, i, i + 1, kind)
        return [found[i] for i in sorted(found)]


class _Scan:
    """One pass over the doc: the per-token facts every later step reads."""

    __slots__ = ("tokens", "lemmas", "lowers", "obliged", "paragraph", "dateline")

    def __init__(self, doc: Doc, obligation: frozenset[str]):
        tokens = list(doc)
        self.tokens = tokens
        self.lemmas: list[str] = []
        self.lowers: list[str] = []
        self.obliged: set[int] = set()
        self.paragraph: list[int] = []
        self.dateline: set[int] = set()
        paragraph = 0
        start = 0
        for token in tokens:
            low = token.lower_
            self.lemmas.append(token.lemma_.lower())
            self.lowers.append(low)
            self.paragraph.append(paragraph)
            if low in obligation and token.dep_ == "aux":
                self.obliged.add(token.head.i)
            if token.i == start and token.is_upper and len(token) > 1:
                # a dateline: "DOHA, July 20 —", "KYIV (Reuters) -"
                for t in tokens[start : start + 16]:
                    if t.text in ("—", "–", "--") or (t.text == "-" and t.whitespace_ and t.i > 0 and tokens[t.i - 1].whitespace_):
                        self.dateline.update(range(start, t.i + 1))
                        break
            if token.is_space and token.text.count("\n") >= 2:
                paragraph += 1
                start = token.i + 1


def _match_phrase(phrase: tuple[str, ...], lemmas: list[str], lowers: list[str], doc: Doc, start: int) -> int | None:
    """End of ``phrase`` matched at ``start`` (lemma or lower-case form; "*" is up to two
    optional determiners, pronouns or adjectives), or None."""
    i = start
    n = len(lemmas)
    for word in phrase:
        if word == "*":
            for _ in range(2):
                if i < n and doc[i].pos_ in ("DET", "PRON", "ADJ"):
                    i += 1
            continue
        if i >= n or (lemmas[i] != word and lowers[i] != word):
            return None
        i += 1
    return i


class _Context:
    """One article's state while its events are read."""

    def __init__(self, doc: Doc, analysis: Analysis, finder: EventFinder, triggers: list[_Trigger],
                 scan: _Scan, trace: list[str] | None = None):
        self.trace = trace
        self.doc = doc
        self.analysis = analysis
        self.f = finder
        self.lex = finder.lex
        self.trigger_at = {t.token.i: t for t in triggers}
        self.parties = list(analysis.extra.get("parties", ()))
        self.mediators = list(analysis.extra.get("mediators", ()))
        self.proposal_at: dict[int, int] = analysis.extra.get("proposal_at", {})
        self.paragraph = scan.paragraph
        self.published = analysis.published
        self.dateline = scan.dateline
        # what the proposals component calls content is broader (it also marks an agreed
        # exchange as the terms of an agreement): events read their own, narrower signal
        self.content = self._content_sentences()

    def _content_sentences(self) -> set[int]:
        """Sentences that state what a proposal contains, not what anyone did: "Under the
        package, …", "The offer also calls for …", "It further proposes …", and the "In
        return, …" or "During its first phase, …" that continue them."""
        found: set[int] = set()
        previous: int | None = None
        last_sentence: Span | None = None
        proposal_words = self.f.classes["proposal"]
        content_verbs = self.f.classes["content_verbs"]
        for sent in self.doc.sents:
            first = next((t for t in sent if not (t.is_space or t.is_punct)), None)
            content = False
            if first is not None and first.lower_ == "under" and first.dep_ == "prep":
                content = True  # "Under the deal, …", "Under the first, …"
            root = sent.root
            subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and root.lemma_.lower() in content_verbs:
                if subject.i in self.proposal_at or subject.lemma_.lower() in proposal_words:
                    content = True
                elif subject.lower_ in ("it", "which") and last_sentence is not None and not (
                    root.lemma_.lower() == "call" and any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in root.children)
                ) and any(i in self.proposal_at for i in range(last_sentence.start, last_sentence.end)):
                    content = True  # "It also called for …" after "The proposal he submitted …"
            last_sentence = sent
            if not content and previous is not None and self.paragraph[sent.start] == self.paragraph[previous]:
                text = sent.text.lower()
                if text.startswith(("in return", "in exchange", "in addition", "during its", "during the first", "during the second")):
                    content = True
                elif root.tag_ in ("VBP", "VBZ") or any(c.dep_ == "aux" and c.lower_ in ("would", "will") for c in root.children):
                    content = True  # "They also agree to …", "Israeli forces would pull back …"
            if not content and any(
                t.lower_ == "according" and any(g.i in self.proposal_at or g.lemma_.lower() in ("copy", "text", "document", "draft")
                                                for c in t.children for g in c.subtree)
                for t in sent
            ):
                content = True  # "…, according to a copy of the agreement"
            if not content and any(
                t.lemma_.lower() in ("say", "state") and any(c.dep_ == "nsubj" and (c.i in self.proposal_at or c.lemma_.lower() in ("text", "document", "draft", "declaration", "agreement")) for c in t.children)
                for t in sent
            ):
                content = True  # "…, the text says"
            if not content and first is not None and any(t.lemma_.lower() == "phase" for t in sent) and any(
                t.lower_ == "would" for t in sent
            ):
                content = True  # "A third phase would deal with …"
            if content:
                found.add(sent.start)
                previous = sent.start
            else:
                previous = None
        return found

    # -- one trigger -----------------------------------------------------------------------

    def note(self, trigger: _Trigger, why: str) -> None:
        if self.trace is not None:
            self.trace.append(f"{trigger.token.i}:{trigger.token.text}: {why}")

    def mention(self, trigger: _Trigger) -> _Mention | None:
        token = trigger.token
        if self._absorbed(token):
            self.note(trigger, "absorbed by a governing cue")
            return None
        anchor, relation = self._anchor(trigger)
        if anchor is None:
            self.note(trigger, "noun in no event position")
            return None
        if anchor.i != token.i and anchor.i in self.trigger_at and self._absorbed(anchor):
            self.note(trigger, "in the complement of a governing cue")
            return None
        if self._in_content(token):
            self.note(trigger, "proposal content")
            return None
        if self._claimed(anchor):
            self.note(trigger, "content of a reported claim")
            return None
        for cue in trigger.cues:
            if cue.obligation:
                mention = self._obligation(trigger, cue, anchor)
                if mention is not None:
                    return mention
                continue
            if not self._object_fits(cue, trigger, anchor):
                self.note(trigger, f"{cue.id}: object does not fit")
                continue
            mention = self._build(trigger, cue, anchor, relation)
            if mention is not None:
                self.note(trigger, f"{cue.id}: event {mention.event.type} {mention.event.actors}->{mention.event.recipients}")
                return mention
        return None

    # -- context ---------------------------------------------------------------------------

    def _anchor(self, trigger: _Trigger) -> tuple[Token | None, str]:
        """The verb whose clause reports the event, and how the trigger relates to it."""
        token = trigger.token
        if trigger.kind in ("verb", "phrase"):
            return token, "self"
        if trigger.kind == "adj":
            return (token.head if token.head.pos_ in _VERB_POS else token), "adj"
        # a noun: the object of a governing verb, an adjunct, or the subject of an occurrence
        if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("mediate", "broker", "co-mediate", "facilitate") for c in token.children):
            return None, ""  # "talks brokered by the AU": the participle carries the event
        node = token
        if node.dep_ == "compound" and node.head.pos_ in _NOUN_POS:
            node = node.head  # "a mediation effort", "a mediation mission"
        while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in (*_NOUN_POS, "NUM"):
            node = node.head.head
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        head = node.head
        cues = trigger.cues
        if node.dep_ == "dobj" and head.pos_ in _VERB_POS:
            governors = frozenset().union(*(c.governors for c in cues))
            if governors and head.lemma_.lower() not in governors:
                return None, ""
            return head, "object"
        if node.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "for" and head.head.lemma_.lower() in _MOTION:
            return head.head, "adjunct"  # "return to Geneva for talks"
        if node.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _ADJUNCT_PREPS:
            verb = head.head
            for _ in range(3):  # "a ceasefire from midnight on Monday at talks in Putrajaya"
                if verb.pos_ in _VERB_POS or verb.head.i == verb.i or verb.dep_ not in ("prep", "pobj"):
                    break
                verb = verb.head
            if verb.pos_ not in _VERB_POS:
                return None, ""
            if verb.dep_ == "acl" and verb.tag_ == "VBN" and not self._in_class([verb.head], "meeting"):
                return None, ""  # "an administration formed through dialogue": a description
            if head.lower_ in ("after", "before", "until") and not any(c.type == "CONSULT" for c in cues):
                return None, ""  # "even after a withdrawal": a time reference
            # "blueprints for ending the war at a brief meeting": the meeting is the trading's;
            # "unveiled a plan to end the war … after talks with …": the unveiling's
            while (verb.tag_ == "VBG" and verb.dep_ == "pcomp" or verb.dep_ == "acl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
            )) and verb.head.head.i != verb.head.i:
                up = verb.head.head
                while up.pos_ not in _VERB_POS and up.head.i != up.i:
                    up = up.head
                if up.pos_ not in _VERB_POS:
                    break
                verb = up
            return verb, "adjunct"
        if node.dep_ in ("nsubj", "nsubjpass") and head.pos_ in _VERB_POS and head.lemma_.lower() in _OCCUR_VERBS:
            return head, "occur"
        return None, ""

    def _absorbed(self, token: Token) -> bool:
        """Is ``token`` the complement of another cue that covers it ("urged X *to relay*")?"""
        node = token
        for _ in range(6):
            if node.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "acomp", "dobj", "advcl", "conj", "acl") or node.head.i == node.i:
                return False
            if node.dep_ == "acl" and node.head.i not in self.trigger_at:
                return False
            if node.dep_ == "conj" and node.head.pos_ in _VERB_POS:
                # "welcomed the ceasefire and urged …" is a second act; "ready to release … and
                # hand over …" is one complement
                return self._absorbed(node.head)
            if node.dep_ == "prep" and node.lower_ in _ADJUNCT_PREPS:
                return False  # "agreed … at talks hosted by …": the talks are their own event
            if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children):
                return False  # "…, as Kyiv dismissed Moscow's terms": a clause of its own
            node = node.head
            parent = self.trigger_at.get(node.i)
            if parent is not None:
                return any(c.absorbs for c in parent.cues)
        return False

    def _in_content(self, token: Token) -> bool:
        """A word in a sentence stating a proposal's content, outside the proposal's own
        phrase; or a verb whose subject is a proposal ("the Israeli plan sought …")."""
        for node in (token, *_ancestors(token, 6)):
            # "the Israeli plan sought …", "… said it calls for … the two sides accepting the deal"
            if node.dep_ in ("acl", "relcl") and node.head.i in self.proposal_at and node.head.pos_ in _NOUN_POS:
                break  # "Witkoff's proposal, sent to Hamas …, provides for …": the sending is news
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subject is None or node.lemma_.lower() not in self.f.classes["content_verbs"]:
                continue
            if subject.i in self.proposal_at or subject.lemma_.lower() in self.f.classes["proposal"]:
                return True
            if subject.lower_ in ("it", "which") and any(
                i in self.proposal_at for i in range(token.sent.start, subject.i)
            ):
                return True

        sent = token.sent
        if sent.start not in self.content:
            return False
        node = token
        for _ in range(4):
            if node.dep_ in ("acl", "relcl") and node.head.i in self.proposal_at and node.head.pos_ in _NOUN_POS:
                return False  # "Witkoff's proposal, sent to Hamas …"
            if node.head.i == node.i:
                break
            node = node.head
        return True

    def _claimed(self, anchor: Token) -> bool:
        """The content of a claim named by a noun ("Petro's announcement that it had agreed")."""
        for node in (anchor, *_ancestors(anchor, 3)):
            if node.dep_ in ("acl", "ccomp") and node.head.pos_ in _NOUN_POS and node.head.lemma_.lower() in self.f.classes["claim_nouns"]:
                return True
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in self.f.classes["denial_verbs"]:
                return True  # "denied … that it had agreed to a ceasefire"
            if node.pos_ in _VERB_POS and node is not anchor:
                return False
        return False

    # -- modality --------------------------------------------------------------------------

    def _status(self, anchor: Token) -> _Status:
        """Negation, modality and conditions of the clause of ``anchor``; a non-finite
        clause ("a role in brokering", "agreeing only on …") takes those of its governor."""
        lex = self.lex
        status = _Status()
        node = anchor
        auxes: list[str] = []
        for step in range(6):
            for child in node.children:
                dep, low = child.dep_, child.lower_
                if dep == "neg" or (dep in ("advmod", "aux") and low in ("never", "not", "n't")):
                    status.negated = True
                elif dep in ("aux", "auxpass"):
                    auxes.append(low)
                    if low in lex.future_modals:
                        status.future = True
                    elif low in lex.hypothetical_modals:
                        status.hypothetical = True
                    elif low in lex.obligation_modals:
                        status.obligation = True
                elif dep == "mark" and low in ("if", "unless", "whether", "until", "once", "lest") and step == 0:
                    status.hypothetical = True
                elif dep == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children):
                    status.conditioned = True
                elif dep in ("nsubj", "nsubjpass", "dobj") and any(d.dep_ == "det" and d.lower_ == "no" for d in child.children):
                    status.negated = True
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            if step == 0 and node.tag_ == "VBG" and node.dep_ == "pcomp" and node.head.head.pos_ in _NOUN_POS:
                status.hypothetical = True  # "blueprints for ending the war"
            if step == 0 and node.dep_ == "relcl" and node.tag_ in ("VBP", "VBZ") and not any(c.dep_ == "aux" for c in node.children):
                status.hypothetical = True  # "members who commit to peaceful coexistence": generic
            if step == 0 and (
                (node.dep_ == "pcomp" and node.head.lower_ == "before")
                or (node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "before" for c in node.children))
            ):
                status.hypothetical = True  # "before giving its answer": not yet done
            if step == 0 and infinitive and node.dep_ in ("acl", "advcl", "relcl"):
                head_aux = {c.lower_ for c in node.head.children if c.dep_ == "aux"}
                if node.dep_ == "advcl" and head_aux & lex.future_modals:
                    status.future = True  # "would work to ensure …"
                else:
                    status.hypothetical = True  # a purpose: "a proposal … to end the war"
            if node.head.i == node.i:
                break
            head = node.head
            hl = head.lemma_.lower()
            if node.dep_ in ("xcomp", "acomp"):
                if hl in lex.future_heads or head.lower_ in lex.future_heads:
                    status.future = True
                if any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children) or hl == "yet":
                    status.negated = True  # "has yet to be signed"
                elif hl in lex.obligation_verbs and infinitive:
                    status.obligation = "would" not in auxes
                if hl == "be" and infinitive:
                    status.future = True  # "were to meet"
                if hl == "fail" and node.i not in self.trigger_at:
                    status.negated = True
                node = head
                continue
            finite = any(c.dep_ in _SUBJECTS for c in node.children) or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in node.children
            )
            if not finite and node.dep_ in ("pcomp", "pobj", "prep", "dobj", "conj", "advcl") and (
                node.dep_ != "advcl" or not any(c.dep_ == "mark" for c in node.children)
            ):
                node = head
                continue
            break
        if "would" in auxes and "have" in auxes and anchor.tag_ == "VBN":
            status.hypothetical = True  # "would have prolonged the truce"
        for ancestor in (anchor, *_ancestors(anchor, 4)):
            marks = {c.lower_ for c in ancestor.children if c.dep_ == "mark"}
            if ancestor.dep_ in ("advcl", "ccomp") and marks & {"if", "unless", "until", "whether", "once"}:
                status.hypothetical = True
                break
        if anchor.dep_ in ("ccomp", "xcomp") and self.doc[anchor.left_edge.i].lower_ in lex.question_words:
            status.question = True
        return status

    # -- objects ---------------------------------------------------------------------------

    def _objects(self, trigger: _Trigger, anchor: Token) -> list[Token]:
        """The heads of the trigger's object phrases."""
        token = trigger.token
        base = anchor if trigger.kind != "noun" else token
        out: list[Token] = []
        for child in base.children:
            if child.dep_ in ("dobj", "attr", "oprd", "nsubjpass", "dative"):
                out.append(child)
            elif child.dep_ == "prep" and child.lower_ in _OBJECT_PREPS:
                out.extend(g for g in child.children if g.dep_ == "pobj")
                for g in child.children:
                    if g.dep_ == "prep":
                        out.extend(x for x in g.children if x.dep_ == "pobj")  # "out of"
            elif child.dep_ == "prt":
                for g in child.children:
                    if g.dep_ == "prep":
                        out.extend(x for x in g.children if x.dep_ == "pobj")
        if trigger.kind in ("phrase", "phrase-noun"):
            for i in range(trigger.start, trigger.end):
                tok = self.doc[i]
                if tok.dep_ == "prep":
                    out.extend(g for g in tok.children if g.dep_ == "pobj")
                if tok.i != anchor.i and tok.dep_ in ("dobj",):
                    out.extend(g for g in tok.children if g.dep_ == "prep" for g in g.children if g.dep_ == "pobj")
        if trigger.kind == "noun" and anchor.i != token.i:
            for child in anchor.children:
                if child.dep_ == "prep" and child.lower_ in ("with", "to", "on", "against"):
                    out.extend(g for g in child.children if g.dep_ == "pobj")
        if base.dep_ in ("acl", "relcl") and not any(c.dep_ in ("dobj",) for c in base.children):
            out.append(base.head)  # "the proposal (that) he submitted", "Witkoff's proposal, sent to Hamas"
        if trigger.kind != "noun" and not any(t.dep_ == "dobj" for t in out):
            # "donated and personally delivered $50,000 worth of goods to …"
            for conj in base.children:
                if conj.dep_ == "conj" and conj.pos_ in _VERB_POS:
                    out.extend(c for c in conj.children if c.dep_ == "dobj")
                    out.extend(g for c in conj.children if c.dep_ == "prep" and c.lower_ in _OBJECT_PREPS for g in c.children if g.dep_ == "pobj")
        expanded: list[Token] = []
        for tok in out:
            for conj in _conjuncts(tok):
                if conj not in expanded:
                    expanded.append(conj)
        return expanded

    def _in_class(self, tokens: Iterable[Token], name: str) -> bool:
        words = self.f.classes.get(name, frozenset())
        return any(t.lemma_.lower() in words or t.lower_ in words for t in tokens)

    def _object_fits(self, cue: Cue, trigger: _Trigger, anchor: Token) -> bool:
        objects = self._objects(trigger, anchor)
        if cue.not_object and self._class_or_test(cue.not_object, objects, trigger, anchor, cue):
            return False
        if cue.subject == "official" and not self._official_subject(anchor):
            return False
        if cue.conditional == "require" and not self._status(anchor).conditioned:
            return False
        if cue.object is None:
            return True
        return self._class_or_test(cue.object, objects, trigger, anchor, cue)

    def _class_or_test(self, name: str, objects: list[Token], trigger: _Trigger, anchor: Token, cue: Cue) -> bool:
        if name == "proposal":
            return any(t.i in self.proposal_at for t in objects) or self._in_class(objects, "proposal")
        if name == "with_proposal":
            withs = [g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
            return any(t.i in self.proposal_at for t in withs) or self._in_class(withs, "proposal")
        if name == "agreement":
            return any(t.i in self.proposal_at for t in objects) or self._in_class(objects, "agreement")
        if name == "agreement_reached":
            heads = [t for t in objects if t.dep_ != "nsubjpass" or anchor.tag_ == "VBN"]
            return any(t.lemma_.lower() in _AGREEMENT_HEADS or t.lower_ in _AGREEMENT_HEADS for t in heads)
        if name in ("agreement_or_actor", "endorsable_or_actor"):
            things = "agreement" if name == "agreement_or_actor" else "endorsable"
            if any(t.i in self.proposal_at for t in objects) or self._in_class(objects, things):
                return True
            if self.analysis.proposals:
                if cue.id == "support.back":
                    return False  # backing a side is being its backer, not endorsing a deal
                # in a negotiation story, praise of a side or broker is praise of the deal
                return any(self._is_actor_head(t) and set(self.ids(t)) & set(self.parties + self.mediators + self._proposers()) for t in objects if t.dep_ != "nsubjpass")
            return any(
                self._is_actor_head(t) or self._possessor(t)
                or any(self.ids(g) for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")
                for t in objects
            )
        if name == "positive_description":
            objs = [t for t in objects if t.dep_ == "dobj"]
            if not (any(t.i in self.proposal_at for t in objs) or self._in_class(objs, "agreement")):
                return False
            rest = [t for t in anchor.subtree if not any(t.i == o.i or o.is_ancestor(t) for o in objs) or t.dep_ in ("oprd", "attr")]
            return self._in_class(rest, "positive") or self._in_class([t for o in objs for t in o.subtree if t.dep_ in ("oprd", "appos", "attr")], "positive")
        if name == "ceasefire_subject":
            subject = next((c for c in anchor.children if c.dep_ in _SUBJECTS), None)
            if subject is None:
                return False
            if subject.lower_ == "it" or subject.i in self.proposal_at:
                return True
            return self._in_class([subject], "ceasefire") or subject.lemma_.lower() in _AGREEMENT_HEADS
        if name == "person":
            pool = [t for t in objects if t.dep_ in ("dobj", "dative", "pobj")]
            pool += [s for c in anchor.children if c.dep_ in ("xcomp", "ccomp") for s in c.children if s.dep_ == "nsubj"]
            return any(self._is_actor_head(t) and (t.i in self.analysis.person_at or self._official_noun(t) or t.pos_ == "PROPN") for t in pool)
        if name == "persons":
            # "allowed candidate Alassane Ouattara to participate": the parser makes the
            # person the subject of the complement
            complement_subjects = [c2 for c in anchor.children if c.dep_ in ("xcomp", "ccomp") for c2 in c.children if c2.dep_ == "nsubj"]
            for t in [*objects, *complement_subjects]:
                if t.dep_ == "nsubjpass" and anchor.tag_ != "VBN":
                    continue
                if t.lemma_.lower() in self.f.classes["person_noun"] or t.lower_ in self.f.classes["person_noun"]:
                    return True
                if t.i in self.analysis.person_at or t.ent_type_ == "PERSON":
                    return True
                mention = self.analysis.mention_at(t.i)
                if mention is not None and mention.form == "demonym" and t.tag_ in ("NNS", "NNPS"):
                    return True
            return False
        if name == "forces_or_place":
            if trigger.kind == "noun":
                # "the withdrawal of some invasion forces from Panama"
                own = [g for c in trigger.token.children if c.dep_ == "prep" and c.lower_ in ("of", "from") for g in c.children]
                return not own or self._in_class(own, "forces") or any(c.lower_ == "from" for c in trigger.token.children)
            if any(t.dep_ in ("dobj",) for t in objects):
                return self._in_class([t for t in objects if t.dep_ == "dobj"], "forces")
            if any(c.dep_ == "prep" and c.lower_ in ("from", "out") for c in anchor.children):
                return True
            subject = self._subject_token(anchor)
            return subject is not None and self._in_class([subject], "forces")
        if name == "aid_or_persons":
            heads = [t for t in objects if t.dep_ in ("dobj", "nsubjpass", "dative")]
            if self._in_class(heads + [t for o in heads for t in _phrase_tokens(o) if t.pos_ in _NOUN_POS], "aid"):
                return True
            return anchor.lemma_.lower() == "evacuate" and self._class_or_test("persons", objects, trigger, anchor, cue)
        if name == "violation_object":
            if trigger.kind == "noun":
                ofs = [g for c in trigger.token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
                if not ofs:
                    return True  # "the RSF's repeated violations"
                return any(self._in_class(list(g.subtree), "violation_object") or g.i in self.proposal_at for g in ofs)
            subtree = [t for o in objects for t in o.subtree]
            return any(t.i in self.proposal_at for t in subtree) or self._in_class(subtree, "violation_object")
        if name == "threat":
            token = trigger.token
            if trigger.kind == "noun":
                return True
            complements = [c for c in token.children if c.dep_ in ("xcomp", "ccomp", "advcl")]
            coercion = self.f.classes["coercion_relations"] | self.f.classes["coercion_violence"]
            lemma = token.lemma_.lower()
            if lemma == "threaten":
                if any(c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)) for c in token.children):
                    return True
                return any(self._is_actor_head(t) for t in objects if t.dep_ == "dobj") or any(
                    t.lemma_.lower() in ("action", "sanction", "sanctions", "retaliation", "consequences", "measures", "force", "war", "reprisal", "reprisals", "response", "strike", "strikes", "attack", "attacks", "restriction", "restrictions", "tariffs", "boycott")
                    for t in objects
                )
            inner = [t for c in complements for t in c.subtree]
            has_modal = any(t.dep_ == "aux" and t.lower_ in self.lex.future_modals for t in inner)
            verbs = [t for t in inner if t.pos_ in _VERB_POS and t.lemma_.lower() in coercion]
            if has_modal and any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in inner):
                return True  # "warned that the group would pay a heavy price if it refused"
            return bool(verbs) and (has_modal or any(c.dep_ == "xcomp" for c in complements))
        if name == "meeting":
            pool = [t for t in objects if t.dep_ in ("dobj", "nsubjpass", "pobj")]
            return self._in_class(pool, "meeting")
        if name == "meeting_subject":
            # "The meeting brought Trump together with representatives of …"
            return self._in_class([c for c in anchor.children if c.dep_ in _SUBJECTS], "meeting")
        if name in ("aid", "restriction", "access"):
            # "700 kg of medicine", "a state of emergency", "the return of inspectors"
            pool = list(objects) + [t for o in objects for t in _phrase_tokens(o) if t.pos_ in _NOUN_POS]
            if name == "access" and anchor.lemma_.lower() in ("allow", "permit", "let") and any(
                c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in _MOVEMENT for c in anchor.children
            ):
                return True  # "will allow … refugees … to return home"
            return self._in_class(pool, name)
        return self._in_class(objects, name)

    # -- building ----------------------------------------------------------------------------

    def _drop(self, trigger: _Trigger, cue: Cue, why: str) -> _Mention | None:
        """Record why ``cue`` makes no event here; always None."""
        self.note(trigger, f"{cue.id}: {why}")
        return None

    def _build(self, trigger: _Trigger, cue: Cue, anchor: Token, relation: str) -> _Mention | None:
        token = trigger.token
        status = self._status(anchor)
        if trigger.kind == "noun" and any(c.lower_ in _FUTURE_MODIFIERS for c in token.children):
            status.future = True
        if status.question:
            return self._drop(trigger, cue, "a question")
        etype = cue.type
        modal = any(w in self.lex.future_modals or w in self.lex.hypothetical_modals for w in self._auxes(anchor))
        if cue.negated_only:
            if not (status.negated and modal):
                return self._drop(trigger, cue, "holds only when negated with a modal")
            if any(c.lower_ == "until" for c in anchor.subtree):
                return self._drop(trigger, cue, "a condition, not a refusal ('will not sign until …')")
            status.negated = status.hypothetical = status.future = False  # "will not accept …" is a refusal now
        if status.negated:
            if cue.negated and modal:
                etype = cue.negated  # "will not accept", "cannot accept"
            elif not (cue.type == "THREATEN" and (cue.conditional or status.future)):
                return self._drop(trigger, cue, "negated")
        elif status.hypothetical and cue.type != "THREATEN":
            return self._drop(trigger, cue, "hypothetical")
        if status.obligation:
            return self._drop(trigger, cue, "an obligation (read by request.obligation)")
        if anchor.dep_ == "xcomp" and anchor.head.i not in self.trigger_at and any(c.dep_ == "dobj" for c in anchor.head.children):
            return self._drop(trigger, cue, "someone's wish ('wanted the United States to guarantee …')")
        if cue.conditional == "require":
            if not (status.future and status.conditioned):
                return self._drop(trigger, cue, "not a conditional threat")
        elif status.future and etype == cue.type:
            if cue.irrealis is None:
                return self._drop(trigger, cue, "only planned")
            if cue.irrealis != "same":
                etype = cue.irrealis
        if not cue.anchor and self._temporal_clause(anchor):
            return self._drop(trigger, cue, "a time reference")
        if self._press_line(token):
            return self._drop(trigger, cue, "a press line")
        if cue.id in _HOST_CUES and anchor.dep_ == "acl" and not self._personal_host(anchor):
            return self._drop(trigger, cue, "a venue ('talks hosted by Saudi Arabia')")
        if cue.type == "CONSULT" and self._observers(anchor):
            return self._drop(trigger, cue, "observers")
        if anchor.dep_ == "acl" and anchor.tag_ == "VBN" and cue.type in ("RETREAT", "AID", "CONCEDE") or (
            anchor.dep_ == "acl" and cue.id == "agree.offer"
        ):
            return self._drop(trigger, cue, "a participle describing a noun")
        if self._habitual(anchor):
            return self._drop(trigger, cue, "habitual or long past")
        actors = self._role_ids(cue.actor, trigger, anchor, relation, cue)
        recipients = self._role_ids(cue.recipient, trigger, anchor, relation, cue, exclude=actors)
        extra_actors: list[str] = []
        attach = False
        mode = cue.mode
        if cue.id in _HOST_CUES:
            attach, extra_actors = self._meeting_reference(trigger, anchor)
        if cue.type == "CONSULT" and trigger.kind == "noun" and relation == "adjunct":
            # "handed Hamas the framework at a meeting in Doha": Hamas was at the meeting
            recipients = _unique(recipients + [a for c in anchor.children if c.dep_ in ("dative", "dobj") for a in self.ids(c) if a not in actors])
        if cue.id == "consult.host":
            # the host receives; its guests act (several guests: a meeting of all)
            guests, host = recipients, actors
            if len(guests) >= 2:
                actors, recipients, mode = _unique(host + guests), [], "multilateral"
            else:
                actors, recipients = guests, host
        if not actors:
            return self._drop(trigger, cue, "no actor")
        if cue.type == "CONSULT" and etype != "CONSULT" and not recipients and len(actors) < 2 and not extra_actors and not attach:
            if not self._named_target(trigger, anchor):
                return self._drop(trigger, cue, "a planned meeting of one side")
        recipients = [r for r in recipients if r not in actors]
        if cue.needs_recipient and not recipients and not (
            cue.type in ("ACCUSE", "REQUEST") and self._named_target(trigger, anchor)
        ):
            return self._drop(trigger, cue, "no recipient")
        if status.future and cue.type in ("RETREAT", "CONCEDE", "AGREE", "AID") and etype != "THREATEN":
            declarer = self._speaker_ids(anchor)
            if not declarer and cue.type in ("RETREAT", "CONCEDE", "AID") and not self._intended(anchor) and any(
                w in ("would", "'d") for w in self._auxes(anchor)
            ):
                return self._drop(trigger, cue, "a plan's content ('Israel would then free …'), declared by no one")
            if declarer and not set(declarer) & set(actors):
                if etype in ("CONCEDE", "RETREAT") and set(declarer) & set(self.parties) and set(actors) & set(self.parties):
                    etype, mode = "REQUEST", "yield"
                    actors, recipients = declarer, actors
                else:
                    return self._drop(trigger, cue, "someone else's prediction")
        if cue.id in _ENDORSE_CUES and etype == "SUPPORT":
            if set(actors) & set(self.mediators):
                return self._drop(trigger, cue, "a broker praising its own deal")
            proposers = [a for a in self._role("proposer", trigger, anchor, relation, cue, actors) if a not in actors]
            if set(actors) & set(self.parties) and proposers:
                etype, recipients = "AGREE", proposers  # a side backing the plan accepts it
            elif self.analysis.proposals:
                recipients = []  # endorsing the deal, not its sides
        if etype == "CONSULT":
            mode = self._consult_mode(cue, actors, recipients, anchor, mode)
        else:
            mode = self._mode_for(etype, trigger, anchor, mode if etype == cue.type else None)
        if mode is not None and mode not in EVENT_MODES[etype]:
            mode = None
        clause = self._clause(token if trigger.kind == "noun" and relation == "self" else anchor)
        when, period_end = self._date(token)
        if when is None and period_end is None and anchor.i != token.i:
            when, period_end = self._date(anchor)
        event = EventMention(
            start=min(clause.start, trigger.start),
            end=max(clause.end, trigger.end),
            type=etype,
            mode=mode,
            actors=actors,
            recipients=recipients,
            trigger=token.i,
            date=when,
            location=self._location(trigger, anchor),
            source=self._source(anchor),
            cue=cue.id,
        )
        counterpart = etype == "CONSULT" and not recipients and len(actors) < 2 and self._named_target(trigger, anchor)
        return _Mention(event, cue, self.paragraph[token.i], attach=attach, extra_actors=extra_actors,
                        period_end=period_end, counterpart=counterpart)

    def _intended(self, anchor: Token) -> bool:
        """Under a verb of intent ("plans to release", "is set to withdraw")."""
        node = anchor
        for _ in range(3):
            if node.dep_ not in ("xcomp", "acomp") or node.head.i == node.i:
                return False
            node = node.head
            if node.lemma_.lower() in self.f.classes["intent"] and node.lemma_.lower() != "be":
                return True
        return False

    def _auxes(self, anchor: Token) -> list[str]:
        out = []
        node = anchor
        for _ in range(3):
            out += [c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")]
            if node.dep_ in ("xcomp", "acomp") and node.head.i != node.i:
                node = node.head
                continue
            if node.dep_ == "conj" and node.head.pos_ in _VERB_POS and not any(c.dep_ in _SUBJECTS for c in node.children):
                node = node.head  # "would pull back … and then withdraw"
                continue
            break
        return out

    def _habitual(self, anchor: Token) -> bool:
        """"which mediated over the conflict for three decades", "have mediated since the war
        began", "refused … in past exchanges": not news."""
        for child in anchor.children:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in child.children):
                return True
            if child.dep_ == "prep" and child.lower_ in ("in", "during", "at"):
                if any(g.dep_ == "pobj" and any(a.lower_ in _PAST_MODIFIERS for a in g.children) for g in child.children):
                    return True
        for child in anchor.children:
            if child.dep_ == "prep" and child.lower_ in ("for", "over"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in ("decade", "decades", "year", "years", "century", "centuries") and any(
                        c.dep_ in ("nummod", "amod") for c in obj.children
                    ):
                        return True
        return False

    def _obligation(self, trigger: _Trigger, cue: Cue, anchor: Token) -> _Mention | None:
        """"Hamas should accept the framework, Witkoff said": the speaker asks the subject."""
        status = self._status(anchor)
        if status.negated or status.hypothetical or status.question or self._in_content(anchor):
            return None
        subject = self._subject_token(anchor)
        if subject is None:
            return None
        targets = self.ids(subject)
        if subject.lower_ in ("it", "they", "he", "she"):
            # "issued a reminder to Iraq that it must cooperate": the one addressed
            addressed = []
            for n in _ancestors(anchor, 3):
                for t in n.subtree:
                    if t.dep_ in ("prep", "dative") and t.lower_ == "to" and t.i < anchor.i and not anchor.is_ancestor(t):
                        addressed += [a for g in t.children if g.dep_ == "pobj" for a in self.ids(g)]
                if addressed:
                    break
            targets = addressed or targets
        requesters = self._speaker_ids(anchor)
        if not targets or not requesters or set(targets) & set(requesters):
            return None
        mode = self._request_mode([anchor.lemma_.lower()] + [t.lemma_.lower() for t in anchor.children if t.dep_ in ("dobj", "acomp", "xcomp")])
        clause = self._clause(anchor)
        when, period_end = self._date(anchor)
        event = EventMention(
            start=clause.start, end=clause.end, type=cue.type, mode=mode, actors=requesters,
            recipients=targets, trigger=anchor.i, date=when,
            location=self._location(trigger, anchor), source=self._source(anchor), cue=cue.id,
        )
        self.note(trigger, f"{cue.id}: event REQUEST {requesters}->{targets}")
        return _Mention(event, cue, self.paragraph[anchor.i], period_end=period_end)

    # -- roles -------------------------------------------------------------------------------

    def _role_ids(self, roles: tuple[str, ...], trigger: _Trigger, anchor: Token, relation: str, cue: Cue,
                  exclude: list[str] | None = None) -> list[str]:
        exclude = exclude or []
        for role in roles:
            found = [a for a in self._role(role, trigger, anchor, relation, cue, exclude) if a not in exclude]
            if found:
                return _unique(found)
        return []

    def _role(self, role: str, trigger: _Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        token = trigger.token
        noun = trigger.kind == "noun"
        if role == "subject":
            if noun and relation == "occur":
                return []
            subject = self._subject_token(anchor)
            if subject is None:
                return []
            return self.ids(subject)
        if role == "agent":
            out: list[str] = []
            for base in {anchor, token}:
                for child in base.children:
                    if child.dep_ == "agent":
                        for obj in child.children:
                            if obj.dep_ == "pobj":
                                out += self.ids(obj)
                if out:
                    # "signed … by X, …, and Y": the parser hung Y on the verb
                    out += [a for c in base.children if c.dep_ == "conj" and c.pos_ in _NOUN_POS for a in self.ids(c)]
            return out
        if role == "patient":
            return [a for c in anchor.children if c.dep_ == "nsubjpass" for a in self.ids(c)]
        if role == "object":
            return [a for t in self._objects(trigger, anchor) if t.dep_ in ("dobj", "nsubjpass" if anchor.dep_ in ("acl", "relcl") else "dobj", "attr") for a in self.ids(t)]
        if role == "dative":
            out = []
            for child in anchor.children:
                if child.dep_ == "dative":
                    out += self.ids(child) if child.pos_ != "ADP" else [a for g in child.children if g.dep_ == "pobj" for a in self.ids(g)]
            return out
        if role.startswith("prep:"):
            word = role[5:]
            out = []
            bases = [anchor, token] + [o for o in self._objects(trigger, anchor) if o.dep_ in ("dobj", "nsubjpass")]
            if trigger.kind in ("phrase", "phrase-noun"):
                bases += [self.doc[i] for i in range(trigger.start, trigger.end)]
            seen: set[int] = set()
            for base in bases:
                for child in base.children:
                    if child.dep_ == "prep" and child.lower_ == word and child.i not in seen:
                        seen.add(child.i)
                        for obj in child.children:
                            if obj.dep_ == "pobj":
                                out += self.ids(obj, places=word in ("in", "to", "from", "at"))
            return out
        if role == "poss":
            out = []
            bases = [token] if noun else [o for o in self._objects(trigger, anchor) if o.dep_ in ("dobj", "pobj", "nsubjpass")]
            for base in bases:
                for child in base.children:
                    if child.dep_ in ("poss", "compound", "amod", "nmod"):
                        out += self.ids(child)
            return out
        if role in ("proposer", "proposer_channel"):
            pool = list(self._objects(trigger, anchor))
            pool += [g for c in anchor.children if c.dep_ in ("xcomp", "ccomp") for g in c.children if g.dep_ in ("dobj", "nsubjpass")]
            for obj in pool:
                for t in obj.subtree:
                    index = self.proposal_at.get(t.i)
                    if index is not None:
                        p = self.analysis.proposals[index]
                        named = [p.proposer, *(p.channel if role == "proposer_channel" else [])]
                        return [a for a in named if a]
            return []
        if role == "between":
            return self._between([anchor, token] + self._objects(trigger, anchor), deep=True)
        if role == "object_actors":
            out = []
            for obj in self._objects(trigger, anchor):
                if obj.dep_ == "nsubjpass" and anchor.dep_ not in ("acl", "relcl"):
                    continue
                for t in obj.subtree:
                    mention = self.analysis.mention_at(t.i)
                    if mention is not None:
                        out.append(mention.actor)
                    person = self.analysis.person_at.get(t.i)
                    affiliation = self.analysis.people[person].affiliation if person is not None else None
                    if affiliation:
                        out.append(affiliation)
            return out
        if role == "complement_subject":
            # "demanded that the US cancel …", "its demand that Israel ease …"
            return [a for base in {anchor, token} for c in base.children
                    if c.dep_ in ("ccomp", "xcomp", "acl") or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("for", "that") for m in c.children))
                    for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for a in self.ids(s)]
        if role == "complement_object":
            out = []
            for c in anchor.children:
                if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)):
                    for g in c.children:
                        if g.dep_ in ("dobj", "dative"):
                            out += self.ids(g)
                            # "to suspend the talks with Israel"
                            out += [a for p in g.children if p.dep_ == "prep" and p.lower_ in ("with", "between")
                                    for x in p.children if x.dep_ == "pobj" for a in self.ids(x)]
                        if g.dep_ == "prep" and g.lower_ in ("with", "to", "against", "on"):
                            out += [a for x in g.children if x.dep_ == "pobj" for a in self.ids(x)]
            return out
        if role == "condition_subject":
            complements = [c for c in anchor.children if c.dep_ in ("xcomp", "ccomp")]
            for node in (anchor, *complements, *_ancestors(anchor, 2)):
                for c in node.children:
                    if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless", "until") for m in c.children):
                        subject = next((s for s in c.children if s.dep_ in _SUBJECTS), None)
                        if subject is not None:
                            return self.ids(subject)
            return []
        if role == "speaker":
            return self._speaker_ids(anchor)
        if role == "subject_actors":
            # "removing the sanctions on Burma is out of the question": what is ruled out
            out = []
            for node in (anchor, *_ancestors(anchor, 2)):
                for c in node.children:
                    if c.dep_ in ("csubj", "nsubj", "nsubjpass") and c.pos_ in _VERB_POS:
                        for t in c.subtree:
                            mention = self.analysis.mention_at(t.i)
                            if mention is not None:
                                out.append(mention.actor)
                if out:
                    break
            return out
        if role == "violator":
            if noun:
                return [a for c in token.children if c.dep_ in ("poss", "compound", "amod") for a in self.ids(c)]
            subject = self._subject_token(anchor)
            return self.ids(subject) if subject is not None else []
        if role == "accuser":
            for ancestor in _ancestors(token, 6):
                if ancestor.lemma_.lower() in ("accuse", "blame", "charge", "protest", "complain"):
                    subject = self._subject_token(ancestor)
                    if subject is not None:
                        return self.ids(subject)
            return self._speaker_ids(anchor)
        if role == "deal_parties":
            subject_or_objects = self._objects(trigger, anchor) + [c for c in anchor.children if c.dep_ in _SUBJECTS]
            found = self._between(subject_or_objects)
            if found:
                return found
            for t in subject_or_objects:
                index = self.proposal_at.get(t.i)
                if index is not None:
                    mentions = [m for m in self.analysis.stances if m.proposal == index and m.stance in ("signs", "accepts")]
                    if len({m.actor for m in mentions}) >= 2:
                        return _unique([m.actor for m in mentions])
            return list(self.parties)
        if role == "parties":
            if set(exclude) & set(self.parties):
                return []
            return [p for p in self.parties if p not in exclude]
        if role == "served_parties":
            # "ready to host further talks": an offer of a service to the sides
            if set(exclude) & set(self.parties):
                return []
            verbs = [c.lemma_.lower() for c in token.subtree if c.dep_ == "xcomp"]
            served = self.f.request_modes.get("assist", frozenset()) | self.f.request_modes.get("meet", frozenset())
            if any(v in served for v in verbs):
                return [p for p in self.parties if p not in exclude]
            return []
        if role == "main_subject":
            # "…, as the government had requested": the clause the request is about
            if anchor.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in anchor.children):
                head = anchor.head
                subject = self._subject_token(head if head.pos_ in _VERB_POS else head.head)
                return self.ids(subject) if subject is not None else []
            return []
        if role == "other_party":
            actors = exclude
            if set(actors) & set(self.parties) and len(self.parties) >= 2:
                return [p for p in self.parties if p not in actors]
            return []
        if role == "owner":
            if anchor.dep_ == "acl" and anchor.head.pos_ in _NOUN_POS:
                head = anchor.head
                index = self.proposal_at.get(head.i)
                proposer = self.analysis.proposals[index].proposer if index is not None else None
                if proposer:
                    return [proposer]
                return [a for c in head.children if c.dep_ in ("poss", "compound", "amod") for a in self.ids(c)]
            return []
        return []

    def _between(self, tokens: Iterable[Token], *, deep: bool = False) -> list[str]:
        """Actors of "between X and Y" on ``tokens`` (``deep``: anywhere in their phrases,
        not crossing into another clause)."""
        out: list[str] = []
        pool: list[Token] = []
        for base in tokens:
            pool.append(base)
            if deep:
                pool.extend(_phrase_tokens(base))
        seen: set[int] = set()
        for base in pool:
            for child in base.children:
                if child.dep_ == "prep" and child.lower_ == "between" and child.i not in seen:
                    seen.add(child.i)
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            for conj in _conjuncts(obj):
                                out += self.ids(conj, places=True)
        return _unique(out)

    # -- actors from tokens --------------------------------------------------------------------

    def ids(self, token: Token, *, places: bool = False) -> list[str]:
        """Actor ids for the phrase headed by ``token`` (and its conjuncts), with the event
        layer's extra readings on top of :func:`~parley.extract.coref.actors_of`."""
        lemma = token.lemma_.lower()
        low = token.lower_
        if lemma in _RIVALS:
            owners = [a for c in token.children if c.dep_ == "poss" for a in self.ids(c)]
            if owners and len(self.parties) >= 2:
                return [p for p in self.parties if p not in owners]
        if (token.pos_ in _NOUN_POS and low in _GROUP_HEADS or lemma in _GROUP_HEADS) and any(
            c.lower_ in _GROUP_DETS for c in token.children if c.dep_ in ("det", "nummod", "predet", "amod")
        ):
            own = self.analysis.mention_at(token.i)
            if not any(
                (self.analysis.mention_at(t.i) not in (None, own)) or t.i in self.analysis.person_at
                for t in token.subtree if t.i != token.i
            ):
                pair = self._recent_pair(token) if lemma not in ("side", "party") and any(c.lower_ in ("two", "both") for c in token.children) else []
                return pair or list(self.parties)  # "both leaders", "either country", "the two countries"
        if low in _PERSONAL_OBJECTS and token.dep_ not in _SUBJECTS and token.dep_ != "poss":
            return self._object_pronoun(token)
        if low in ("they", "it", "he", "she") and token.dep_ == "nsubj":
            reported = self._reported_subject(token)
            if reported is not None:
                return reported
        appositions = [a for c in token.children if c.dep_ == "appos" for a in actors_of(self.doc, self.analysis, c)]
        if appositions and lemma in _GROUP_HEADS | {"guarantor", "guarantors", "mediator", "mediators"}:
            return _unique(appositions)  # "guarantor countries Cuba, Norway, …"
        if low in _SIDE_WORDS and self._modified_sides(token):
            # "eight Arab and Muslim countries" are not "the two countries" at war
            return _unique(a for c in token.children if c.dep_ in ("amod", "compound") for a in actors_of(self.doc, self.analysis, c))
        found: list[str] = []
        # "Redwan Hussien, national security adviser …, and Getachew Reda": the parser hangs
        # the second name on the first one's apposition
        pool = _members(token)
        pool += [c for a in token.children if a.dep_ == "appos" for c in _conjuncts(a)[1:]]
        for conj in pool:
            found += self._one(conj, places=places)
            # "the foreign ministers of Saudi Arabia, Qatar, the United Arab Emirates, …"
            for child in conj.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "from") and conj.pos_ in _NOUN_POS:
                    for obj in child.children:
                        if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                            for member in _members(obj)[1:]:
                                found += actors_of(self.doc, self.analysis, member, expand=False)
        return _unique(found)

    def _one(self, token: Token, *, places: bool) -> list[str]:
        doc, analysis = self.doc, self.analysis
        found: list[str] = []
        if token.pos_ == "NOUN" and any(
            g.lower_ in _SIDE_WORDS and self._modified_sides(g)
            for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ):
            # "leaders of eight Arab and Muslim countries": not the parties
            return _unique(a for c in token.children if c.dep_ in ("amod", "compound", "poss") for a in actors_of(doc, analysis, c))
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
            # "its European Community partners": the named modifier says more than "its"
            for child in token.children:
                if child.dep_ in ("compound", "nmod", "amod") and child.pos_ == "PROPN":
                    found = actors_of(doc, analysis, child, expand=False) or self._named_organisation(child)
                    if found:
                        return found
        found = actors_of(doc, analysis, token, expand=False)
        if not found:
            # "Getachew Reda, a senior TPLF official"; a dateline parsed as the subject
            found = _unique(a for c in token.children if c.dep_ == "appos" for a in actors_of(doc, analysis, c, expand=False))
        if not found and token.pos_ == "NOUN":
            # "the main Hutu rebel group, Forces for Defence of Democracy (FDD)"
            found = _unique(a for c in token.children if c.dep_ == "appos" for a in self._named_organisation(c))
        if not found and token.pos_ == "PROPN":
            found = self._surname(token)
        if not found and token.lower_ in ("their", "its"):
            found = self._possessive_antecedent(token)
        if not found:
            # "their foreign ministers"
            found = [a for c in token.children if c.dep_ == "poss" and c.lower_ in ("their", "its") for a in self._possessive_antecedent(c)]
        if found:
            # "U.S. and Ukrainian officials", "Qatari and Egyptian mediators", "Saudi-U.S. initiative"
            for child in token.children:
                if child.dep_ in ("amod", "compound", "nmod", "poss"):
                    for conj in _conjuncts(child)[1:]:
                        found = _unique(found + actors_of(doc, analysis, conj, expand=False))
            return found
        if token.i in self.analysis.person_at:
            return self._title_actor(token)
        if places:
            place = self._place_actor(token)
            if place:
                return [place]
        if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
            found = self._definite(token)
            if found:
                return found
        return self._named_organisation(token)

    def _title_actor(self, token: Token) -> list[str]:
        """"U.S. Secretary of State Warren Christopher": a person the people component could
        not place acts for the actor named in the title before the name."""
        person = self.analysis.people[self.analysis.person_at[token.i]]
        if person.affiliation:
            return [person.affiliation]
        for child in token.lefts:
            if child.dep_ in ("compound", "amod", "nmod", "poss"):
                for t in child.subtree:
                    mention = self.analysis.mention_at(t.i)
                    if mention is not None:
                        return [mention.actor]
        return []

    def _named_organisation(self, token: Token) -> list[str]:
        """A named organisation the registry does not know ("the Asia-Pacific Economic
        Cooperation forum") is an actor too: an upper-case slug of its name (RECORD.md)."""
        head: Token | None = token
        if token.ent_type_ != "ORG":
            head = next((c for c in token.children if c.dep_ in ("compound", "nmod", "poss") and c.ent_type_ == "ORG"), None)
            if head is None:
                # "Members of the Association of African Jurists"
                for child in token.children:
                    if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                        for obj in child.children:
                            if obj.dep_ == "pobj" and obj.ent_type_ == "ORG":
                                return self._named_organisation(obj)
                return []
        if head is None or head.pos_ != "PROPN" or head.i in self.dateline:
            return []
        ent = next((e for e in self.doc.ents if e.start <= head.i < e.end and e.label_ == "ORG"), None)
        if ent is None:
            return []
        if any(s <= ent.start < e for s, e, _ in self.analysis.media_spans):
            return []  # an outlet is a source, not an actor
        words = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        if len(words) == 1 and not words[0].is_upper:
            return []  # a lone capitalised word is as often a surname the model took for a name of a body
        name = " ".join(t.text for t in words).strip()
        slug = re.sub(r"[^A-Z0-9]+", "_", _fold_upper(name)).strip("_")
        if len(slug) < 3:
            return []
        self.analysis.extra.setdefault("event_actors", {})[slug] = name
        return [slug]

    def _recent_pair(self, token: Token) -> list[str]:
        """"the two governments" after "Qatari and Egyptian mediators": the pair just named
        together (within the sentence and the one before), when it is not the parties."""
        sent = token.sent
        start = max(0, sent.start - 60)
        for t in reversed(self.doc[start : token.i]):
            if t.dep_ == "conj" and t.head.i < t.i and t.pos_ in ("PROPN", "NOUN", "ADJ"):
                first = self._one(t.head, places=False)
                second = self._one(t, places=False)
                if len(first) == 1 and len(second) == 1 and first != second:
                    pair = [first[0], second[0]]
                    if set(pair) != set(self.parties) and not any(c.dep_ == "conj" for c in t.children):
                        return pair
                    return []
        return []

    @staticmethod
    def _modified_sides(token: Token) -> bool:
        """"eight Arab and Muslim countries" (not "the two countries", "the warring parties")."""
        return token.tag_ in ("NNS", "NNPS") and any(
            (c.dep_ == "nummod" and c.lower_ not in ("two", "2")) or (c.dep_ == "amod" and c.lower_ not in _SIDE_MODIFIERS)
            for c in token.children
        )

    def _surname(self, token: Token) -> list[str]:
        """A later mention by surname that the people component did not link."""
        for person in self.analysis.people:
            if person.affiliation and person.surname and person.surname.lower() == token.lower_:
                return [person.affiliation]
        return []

    def _possessive_antecedent(self, token: Token) -> list[str]:
        """"their foreign ministers": the subject of a recent clause ("The leaders of
        Armenia and Azerbaijan signed …"); "their" prefers a group."""
        plural = token.lower_ == "their"
        fallback: list[str] = []
        start = max(0, token.i - 120)
        for t in reversed(self.doc[start : token.i]):
            if t.dep_ not in ("nsubj", "nsubjpass") or t.lower_ in ("it", "they", "their", "its"):
                continue
            found = actors_of(self.doc, self.analysis, t)
            if not found:
                continue
            if not plural or len(found) > 1:
                return found
            fallback = fallback or found
        return fallback

    def _reported_subject(self, token: Token) -> list[str] | None:
        """"Prosecutors said they had opened …": "they" is the speaker when the speaker is
        a noun phrase (None when the clause is not reported that way)."""
        verb = token.head
        if verb.dep_ != "ccomp" or verb.head.pos_ not in _VERB_POS:
            return None
        speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.pos_ not in _NOUN_POS:
            return None
        if token.lower_ in ("he", "she") and speaker.i not in self.analysis.person_at:
            return None
        if token.lower_ == "they" and speaker.tag_ not in ("NNS", "NNPS") and not any(c.dep_ == "conj" for c in speaker.children):
            return None
        if token.lower_ == "it" and speaker.tag_ in ("NNS", "NNPS"):
            return None
        return self.ids(speaker)

    def _place_actor(self, token: Token) -> str | None:
        """"in Moscow", "to Russia", "in the Saudi city of Jeddah": the state of a place."""
        mention = self.analysis.mention_at(token.i)
        if mention is not None:
            return mention.actor
        for t in token.subtree:
            mention = self.analysis.mention_at(t.i)
            if mention is not None and mention.form in ("capital", "name", "alias", "demonym"):
                return mention.actor
        name = _compound_text(token)
        return self.f.city_country.get(name) or self.f.capital_of.get(name)

    def _object_pronoun(self, token: Token) -> list[str]:
        """"called on them": the last actor named before, other than the clause's subject."""
        verb = token.head
        while verb.pos_ not in _VERB_POS and verb.head.i != verb.i:
            verb = verb.head
        subject = self._subject_token(verb)
        own = set(self.ids(subject)) if subject is not None and subject.i != token.i else set()
        plural = token.lower_ == "them"
        for m in reversed(self.analysis.actor_mentions):
            if m.end > token.i or not m.agentive or m.actor in own:
                continue
            if plural:
                root = self.doc[m.start : m.end].root
                group = [a for a in actors_of(self.doc, self.analysis, root) if a not in own]
                if len(group) > 1:
                    return group
            return [m.actor]
        return []

    def _definite(self, token: Token) -> list[str]:
        """"the delegation" → the actor of the last "Hamas delegation" before it."""
        lemma = token.lemma_.lower()
        start = max(0, token.i - 250)
        for t in reversed(self.doc[start : token.i]):
            if t.lemma_.lower() == lemma and t.pos_ in _NOUN_POS:
                found = actors_of(self.doc, self.analysis, t)
                if found:
                    return found
        return []

    def _subject_token(self, verb: Token) -> Token | None:
        """The subject of ``verb``'s clause: through relative pronouns, participles, control
        and coordination (also a coordination the parser hung on the wrong verb)."""
        if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children
        ):
            return None  # "…, asked about the strike, said": the one asked is no agent
        node = verb
        via_conj = False
        for _ in range(7):
            subjects = [c for c in node.children if c.dep_ in _SUBJECTS]
            subject = next((c for c in subjects if c.i not in self.dateline), None)
            if subject is None and subjects:
                # "PRETORIA, Nov 3 — Ethiopia's government … agreed": the dateline took the subject
                subject = next((a for c in subjects for a in c.children if a.dep_ == "appos" and a.i not in self.dateline), None)
            if subject is not None:
                if subject.lower_ in _RELATIVE and node.dep_ == "relcl":
                    head = node.head  # "Obasanjo, the former Nigerian president who led …"
                    return head.head if head.dep_ == "appos" else head
                if subject.dep_ == "nsubjpass" and node.i == verb.i and not (
                    verb.lower_ in self.f.by_adj and not any(c.dep_ == "agent" for c in verb.children)
                ):
                    return None  # the patient of a passive ("is opposed to" keeps its subject)
                if via_conj and node.dep_ in ("ccomp", "acl", "advcl", "xcomp") and not self.ids(subject):
                    node = node.head  # "said the talks had reached a dead end, and blamed …"
                    continue
                return subject
            if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.lemma_.lower() in _SPEECH_NOUNS and node.head.head.pos_ in _VERB_POS:
                node = node.head.head  # "issued a declaration demanding …": the issuer demands
                continue
            if node.dep_ == "relcl" or (node.dep_ == "acl" and node.tag_ == "VBG"):
                return node.head.head if node.head.dep_ == "appos" else node.head
            if node.dep_ == "acl" and node.tag_ == "VBD":
                # a finite verb the parser hung on a noun: the sentence's subject acts
                root = node.sent.root
                return next((c for c in root.children if c.dep_ == "nsubj" and c.i not in self.dateline), None)
            if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children):
                return None
            if node.dep_ == "conj":
                via_conj = True
            if node.pos_ in _NOUN_POS and node.dep_ in ("dobj", "pobj", "attr") and node.head.i != node.i:
                node = node.head  # a noun has no subject: its clause's verb has
                continue
            if node.head.i != node.i and (
                node.dep_ in ("xcomp", "conj", "advcl", "acomp", "pcomp", "prep", "amod")
                or (via_conj and node.dep_ in ("acl", "pobj", "ccomp", "dobj"))
            ):
                node = node.head
                continue
            return None
        return None

    def _official_subject(self, verb: Token) -> bool:
        subject = self._subject_token(verb)
        if subject is None:
            return False
        if subject.i in self.analysis.person_at or subject.lower_ in ("he", "she"):
            return True
        return self._official_noun(subject)

    def _official_noun(self, token: Token) -> bool:
        words = self.f.classes["official"]
        return token.lemma_.lower() in words or token.lower_ in words

    def _is_actor_head(self, token: Token) -> bool:
        if token.i in self.analysis.person_at:
            return True
        mention = self.analysis.mention_at(token.i)
        if mention is not None:
            return True
        if self._official_noun(token) and self.ids(token):
            return True
        return token.lower_ in ("sides", "parties") or (token.lemma_.lower() in _GROUP_HEADS and bool(self.ids(token)))

    def _possessor(self, token: Token) -> bool:
        return any(c.dep_ == "poss" and self.ids(c) for c in token.children)

    def _proposers(self) -> list[str]:
        return [p.proposer for p in self.analysis.proposals if p.proposer]

    def _speaker_ids(self, anchor: Token) -> list[str]:
        """The actor whose statement reports ``anchor`` (the subject of a governing speech verb)."""
        analysis = self.analysis
        node = anchor
        for _ in range(6):
            for child in node.children:
                if child.dep_ == "parataxis" and (child.lemma_.lower() in _SPEECH or child.i in analysis.source_of_verb):
                    subject = next((c for c in child.children if c.dep_ in ("nsubj",)), None)
                    if subject is not None and self.ids(subject):
                        return self.ids(subject)
            if node.head.i == node.i:
                break
            parent = node.head
            speech_noun = node.dep_ == "dobj" and node.lemma_.lower() in _SPEECH_NOUNS
            if node.dep_ in ("ccomp", "parataxis", "advcl", "xcomp", "conj", "pcomp", "pobj", "prep", "attr", "acomp", "dobj") and parent.pos_ in _VERB_POS:
                if parent.lemma_.lower() in _SPEECH or parent.i in analysis.source_of_verb or speech_noun:
                    subject = next((c for c in parent.children if c.dep_ == "nsubj"), None)
                    if subject is not None:
                        found = self.ids(subject)
                        if found:
                            return found
                    source = analysis.source_of_verb.get(parent.i)
                    affiliation = analysis.sources[source].affiliation if source is not None else None
                    if affiliation:
                        return [affiliation]
            node = parent
        source = self._source(anchor)
        affiliation = analysis.sources[source].affiliation if source is not None else None
        return [affiliation] if affiliation else []

    # -- meetings ------------------------------------------------------------------------------

    def _meeting_reference(self, trigger: _Trigger, anchor: Token) -> tuple[bool, list[str]]:
        """"hosted the talks", "co-organised the meeting": join the meeting referred to, or
        add the participants the phrase names."""
        objects = [o for o in self._objects(trigger, anchor) if self._in_class([o], "meeting")]
        if not objects:
            subject = next((c for c in anchor.children if c.dep_ in _SUBJECTS), None)
            objects = [subject] if subject is not None else []
        participants: list[str] = []
        definite = False
        for obj in objects:
            participants += self._between([obj])
            participants += [a for c in obj.children if c.dep_ in ("poss", "compound", "amod") for a in self.ids(c)]
            participants += [a for c in obj.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj" for a in self.ids(g)]
            if any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their", "this", "these") for c in obj.children):
                definite = True
        if anchor.dep_ in ("acl", "relcl"):
            # "talks in Putrajaya hosted by …": the meeting's own participants are the clause's
            head = anchor.head
            verb = head
            while verb.pos_ not in _VERB_POS and verb.head.i != verb.i:
                verb = verb.head
            subject = self._subject_token(verb) if verb.pos_ in _VERB_POS else None
            if subject is not None:
                participants += self.ids(subject)
            if any(c.dep_ == "acl" and c.lemma_.lower() in ("mediate", "broker") for c in head.children):
                return False, []
            definite = False
        if participants:
            return False, _unique(participants)
        if definite:
            return True, []
        if any(c.lemma_.lower() in self.f.classes["internal_bodies"] for o in objects for c in o.children if c.dep_ in ("compound", "amod")):
            return False, []  # "a cabinet meeting": one side's own body
        return False, [p for p in self.parties]

    def _named_target(self, trigger: _Trigger, anchor: Token) -> bool:
        """The act is aimed at someone named, if not at a known actor ("ordered former
        president Carlos Menem to appear", "accused Darfur rebels of …")."""
        objects = [
            o for o in self._objects(trigger, anchor)
            if o.dep_ in ("dobj", "dative") or (o.dep_ == "pobj" and o.head.lower_ in _TARGET_PREPS)
        ]
        pool = list(objects)
        pool += [g for o in objects for c in o.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        pool += [s for c in anchor.children if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        subject = self._subject_token(anchor)
        own = set(self.ids(subject)) if subject is not None else set()
        for token in pool:
            if token.pos_ == "PRON" or self.analysis.mention_at(token.i) is not None:
                if set(self.ids(token)) <= own:
                    continue  # "complained that Kyiv had not received …": itself
            if token.ent_type_ in ("PERSON", "ORG", "NORP") or token.i in self.analysis.person_at:
                return True
            people = self.f.classes["person_noun"]
            if self._official_noun(token) or token.lemma_.lower() in people or token.lower_ in people or token.lower_ in _GROUP_HEADS:
                return True
        return False

    def _personal_host(self, anchor: Token) -> bool:
        """"talks hosted by Malaysian Prime Minister Anwar Ibrahim": a leader in the room."""
        return any(
            obj.i in self.analysis.person_at
            for c in anchor.children if c.dep_ == "agent"
            for obj in c.children if obj.dep_ == "pobj"
        )

    def _observers(self, anchor: Token) -> bool:
        """"attended the talks as observers": no participant."""
        return any(
            c.dep_ == "prep" and c.lower_ == "as" and self._in_class([g for g in c.children if g.dep_ == "pobj"], "observer_words")
            or (c.dep_ == "prep" and c.lower_ == "as" and any(g.lower_ in self.lex.observer_words for g in c.subtree))
            for c in anchor.children
        )

    # -- modes -----------------------------------------------------------------------------------

    def _consult_mode(self, cue: Cue, actors: list[str], recipients: list[str], anchor: Token, mode: str | None) -> str | None:
        if cue.id in _HOST_CUES:
            if set(actors) & set(self.mediators):
                return "third-party"
            return "multilateral"
        if mode is not None:
            return mode
        if recipients and len(actors) == 1:
            place = self._location_actor(anchor)
            if place is not None and place in recipients:
                return "visit"
        if len(actors) >= 2 and not recipients:
            return "multilateral"
        return None

    def _mode_for(self, etype: str, trigger: _Trigger, anchor: Token, mode: str | None) -> str | None:
        if mode is not None and etype != "ACCUSE":
            return mode
        token = trigger.token
        if etype in ("REQUEST", "REJECT"):
            words = []
            for c in token.children:
                if c.dep_ in ("xcomp", "ccomp"):
                    words.append(c.lemma_.lower())
                    words += [g.lemma_.lower() for g in c.children if g.dep_ in ("dobj", "prt")]
            words += [t.lemma_.lower() for t in self._objects(trigger, anchor)]
            return self._request_mode(words)
        if etype == "THREATEN":
            subtree = [t.lemma_.lower() for t in token.subtree]
            if any(w in self.f.classes["coercion_violence"] for w in subtree if w not in ("use", "respond", "launch", "fire")) or token.lemma_.lower() in self.f.classes["coercion_violence"]:
                return "violence"
            if any(w in self.f.classes["coercion_relations"] for w in subtree):
                return "relations"
            return None
        if etype == "ACCUSE":
            if mode == "investigate":
                return mode
            said = {t.lemma_.lower() for t in token.subtree} | {t.lemma_.lower() for t in anchor.subtree}
            if said & {"violate", "violation", "breach", "break", "renege", "honour", "honor", "abide", "flout", "ceasefire", "truce"}:
                return "allege"
            return "disapprove"
        if etype == "RETREAT":
            return None
        return None

    def _request_mode(self, words: list[str]) -> str | None:
        for word in words:
            for mode in ("meet", "assist", "yield", "change"):
                if word in self.f.request_modes.get(mode, ()):
                    return mode
        return None

    # -- where, when, who says -----------------------------------------------------------------

    def _clause(self, anchor: Token) -> Span:
        doc = self.doc
        node = anchor
        if node.pos_ in ("NOUN", "ADJ", "PROPN") and node.head.pos_ in _VERB_POS:
            node = node.head
        sent = anchor.sent
        left = max(min(node.left_edge.i, anchor.i), sent.start)
        right = min(max(node.right_edge.i, anchor.i), sent.end - 1)
        while right > left and (doc[right].is_punct or doc[right].is_space):
            right -= 1
        while left < right and (doc[left].is_punct or doc[left].is_space):
            left += 1
        return doc[left : right + 1]

    def _date(self, anchor: Token) -> tuple[DateMention | None, date | None]:
        """The clause's date for the event, and the last day of the period it names (to
        tell background from news)."""
        found = date_of_clause(self.doc, self.analysis, anchor)
        if found is not None and self._nested_date(found, anchor):
            found = None
        if found is None or not found.value:
            return None, None
        period = _period(found.value)
        if period is None:
            return found, None
        first, last = period
        if self.published is not None and first > self.published:
            return None, None  # a date ahead of the story is the date of what is planned
        if (last - first).days > 31:
            return None, last  # "this year", "in 2014": no date for a piece of news
        return found, last

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

    def _location(self, trigger: _Trigger, anchor: Token) -> str | None:
        bases = [trigger.token, anchor] + [self.doc[i] for i in range(trigger.start, trigger.end)]
        bases += [c for c in anchor.children if c.dep_ in ("dobj", "nsubjpass")]
        node = anchor
        for _ in range(2):
            if node.dep_ in ("conj", "xcomp", "advcl") and node.head.i != node.i:
                node = node.head
                bases.append(node)
        for base in bases:
            for child in base.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "at"):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            name = self._place_name(obj)
                            if name:
                                return name
        return None

    def _place_name(self, token: Token) -> str | None:
        low = token.lemma_.lower()
        if low in _NON_PLACES:
            return None
        if low in _VENUE_HEADS:
            of = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
            if of is not None:
                return _compound_text(of)
            if low == "capital":
                for c in token.children:
                    mention = self.analysis.mention_at(c.i)
                    if mention is not None and self.f.capitals.get(mention.actor):
                        return self.f.capitals[mention.actor][0]
            return None
        name = _compound_text(token)
        if name in self.f.city_country or name in self.f.capital_of:
            return name
        if token.ent_type_ in ("GPE", "LOC", "FAC") and token.pos_ == "PROPN":
            return name
        mention = self.analysis.mention_at(token.i)
        entry = self.f.registry.get(mention.actor) if mention is not None and mention.form in ("capital", "name") else None
        if entry is not None and entry.kind == "state" and token.ent_type_ in ("GPE", "LOC"):
            return name
        return None

    def _location_actor(self, anchor: Token) -> str | None:
        for base in (anchor, *_ancestors(anchor, 2)):
            for child in base.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "at", "to"):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            place = self._place_actor(obj)
                            if place:
                                return place
        return None

    def _source(self, anchor: Token) -> int | None:
        """The source of the speech verb the event is reported under."""
        analysis = self.analysis
        node = anchor
        for _ in range(6):
            if node.i in analysis.source_of_verb and node.i != anchor.i or (node.i == anchor.i and node.i in analysis.source_of_verb):
                return analysis.source_of_verb[node.i]
            for child in node.children:
                if child.i in analysis.source_of_verb and child.dep_ in ("parataxis", "advcl", "conj", "prep"):
                    return analysis.source_of_verb[child.i]
            if node.head.i == node.i:
                break
            node = node.head
        for token in anchor.sent:
            if token.lower_ == "according" and token.i in analysis.source_of_verb:
                return analysis.source_of_verb[token.i]
            if token.dep_ in ("parataxis", "ROOT") and token.i in analysis.source_of_verb and token.i > anchor.i:
                return analysis.source_of_verb[token.i]
        return None

    # -- small predicates --------------------------------------------------------------------------

    def _temporal_clause(self, anchor: Token) -> bool:
        """"after the ceasefire came into force", "within hours of it taking effect"."""
        for node in (anchor, *_ancestors(anchor, 2)):
            if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.lex.temporal_marks for c in node.children):
                return True
            if node.dep_ == "pcomp" and node.head.lower_ in ("of", "after", "before", "since", "following"):
                return True
        return False

    def _press_line(self, token: Token) -> bool:
        words = self.f.classes["press_lines"]
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in words for c in token.children)

    # -- merging -----------------------------------------------------------------------------------

    def _background(self, mentions: list[_Mention]) -> list[_Mention]:
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

    def merge(self, mentions: list[_Mention]) -> list[EventMention]:
        """One event per reported interaction (see the module docstring)."""
        mentions = self._background(mentions)
        kept: list[_Mention] = []
        last_meeting: _Mention | None = None
        for m in mentions:
            e = m.event
            m.triggers = [e.trigger]
            m.paragraphs = [m.paragraph]
            if m.cue.id in _HOST_CUES and (m.attach or m.extra_actors):
                target = last_meeting if m.attach else None
                if target is not None and target.paragraphs[-1] >= m.paragraph - 3 and _dates_agree(target.event, e):
                    _add_participants(target.event, e.actors)
                    _fill(target.event, e)
                    target.triggers.append(e.trigger)
                    target.paragraphs.append(m.paragraph)
                    continue
                if not m.attach:
                    e.recipients = [a for a in m.extra_actors if a not in e.actors]
                    if e.mode == "multilateral":
                        e.actors, e.recipients = _unique(e.actors + e.recipients), []
                elif not m.extra_actors:
                    others = [p for p in self.parties if p not in e.actors]
                    if e.mode == "third-party":
                        e.recipients = others
                    else:
                        e.actors = _unique(e.actors + others)
            target = next((k for k in reversed(kept) if _same_interaction(k, m)), None)
            if target is not None:
                _union(target, m)
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
        signings = [k for k in kept if k.cue.id == _SIGN_CUE]
        result: list[_Mention] = []
        for k in kept:
            e = k.event
            signing = next((s for s in signings if set(s.event.actors) == set(e.actors) and _dates_agree(s.event, e)), None)
            if e.type == "AGREE" and not e.recipients and signing is not None:
                _fill(signing.event, e)
                signing.triggers += k.triggers
                signing.paragraphs += k.paragraphs
                continue
            result.append(k)
        # a meeting needs two sides (a one-sided one still dates what is said there)
        meetings = [k for k in result if k.event.type == "CONSULT"]
        result = [k for k in result if k.event.type != "CONSULT" or k.counterpart or len(set(k.event.actors) | set(k.event.recipients)) >= 2]
        self._inherit_dates(result)
        self._meeting_dates(result, meetings)
        return [k.event for k in result]

    def _inherit_dates(self, mentions: list[_Mention]) -> None:
        """An undated act in a clause that hangs from a dated one shares its date: "Trump,
        who hosted …, also put his signature to the declaration" (dated by the signing)."""
        dated = {i: k.event.date for k in mentions if k.event.date is not None for i in k.triggers}
        for k in mentions:
            if k.event.date is not None:
                continue
            for trigger in k.triggers:
                found = self._date_above(self.doc[trigger], dated)
                if found is not None:
                    k.event.date = found
                    break

    def _date_above(self, token: Token, dated: dict[int, DateMention]) -> DateMention | None:
        node = token
        sent_start = token.sent.start
        for _ in range(6):
            if node.head.i == node.i or node.head.i < sent_start:
                return None
            node = node.head
            if node.i in dated:
                return dated[node.i]
            if node.pos_ in _VERB_POS:
                found = date_of_clause(self.doc, self.analysis, node)
                if found is not None and not self._nested_date(found, node) and self._in_window(found):
                    return found
        return None

    def _in_window(self, found: DateMention) -> bool:
        if self.published is None or not found.value:
            return True
        period = _period(found.value)
        if period is None:
            return True
        return period[1] >= self.published - timedelta(days=self.lex.background_days) and period[0] <= self.published

    def _meeting_dates(self, mentions: list[_Mention], meetings: list[_Mention]) -> None:
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
                    if trigger > meeting.triggers[0] and 0 <= paragraph - meeting.paragraphs[0] <= 1:
                        found = meeting
                if found is not None:
                    break
            if found is not None:
                e.date = found.event.date
                e.location = e.location or found.event.location


def _same_interaction(kept: _Mention, new: _Mention) -> bool:
    a, b = kept.event, new.event
    if a.type != b.type or not _dates_agree(a, b):
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
    if set(a.actors) <= set(b.actors) and set(a.recipients) <= set(b.recipients):
        return True
    return set(b.actors) <= set(a.actors) and set(b.recipients) <= set(a.recipients)


def _dates_agree(a: EventMention, b: EventMention) -> bool:
    """No date, the same day, or one period inside the other ("this year" and "on Monday")."""
    if a.date is None or b.date is None or not a.date.value or not b.date.value:
        return True
    if a.date.value[:10] == b.date.value[:10]:
        return True
    pa, pb = _period(a.date.value), _period(b.date.value)
    if pa is None or pb is None:
        return False
    return (pa[0] <= pb[0] and pb[1] <= pa[1]) or (pb[0] <= pa[0] and pa[1] <= pb[1])


def _span_days(value: str | None) -> int:
    period = _period(value or "")
    return (period[1] - period[0]).days if period else 10_000


def _union(kept: _Mention, new: _Mention) -> None:
    a, b = kept.event, new.event
    if a.type == "CONSULT":
        pa, pb = set(a.actors) | set(a.recipients), set(b.actors) | set(b.recipients)
        if pa < pb:  # the fuller account of the meeting wins its roles
            a.actors, a.recipients, a.mode = list(b.actors), list(b.recipients), b.mode or a.mode
    else:
        a.actors = _unique(a.actors + b.actors)
        a.recipients = [r for r in _unique(a.recipients + b.recipients) if r not in a.actors]
    _fill(a, b)


def _fill(a: EventMention, b: EventMention) -> None:
    if b.date is not None and (a.date is None or _span_days(b.date.value) < _span_days(a.date.value)):
        a.date = b.date  # the more precise of two compatible dates
    if a.location is None:
        a.location = b.location
    if a.mode is None:
        a.mode = b.mode
    if a.source is None:
        a.source = b.source


def _add_participants(event: EventMention, actors: list[str]) -> None:
    for actor in actors:
        if actor in event.actors or actor in event.recipients:
            continue
        event.actors.append(actor)
    if event.mode == "third-party":
        event.recipients = [r for r in event.recipients if r not in event.actors]


def _fold_upper(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).upper()


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def _phrase_tokens(token: Token) -> list[Token]:
    """The tokens under ``token`` that are not inside a nested clause."""
    out: list[Token] = []
    stack = [c for c in token.children if c.dep_ not in _CLAUSE_DEPS]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in node.children if c.dep_ not in _CLAUSE_DEPS)
    return out


_CLAUSE_DEPS = frozenset({"ccomp", "relcl", "advcl", "parataxis", "csubj", "acl"})


def _members(token: Token) -> list[Token]:
    """``token`` and the items listed with it: conjuncts, and names the parser hung on it as
    appositions ("Saudi Arabia, Qatar, the United Arab Emirates and …")."""
    out = [token]
    stack = [token]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child in out:
                continue
            if child.dep_ == "conj" or (child.dep_ == "appos" and child.pos_ == "PROPN" and node.pos_ == "PROPN"):
                out.append(child)
                stack.append(child)
    return sorted(out, key=lambda t: t.i)


def _conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_conjuncts(child))
    return out


def _ancestors(token: Token, limit: int) -> list[Token]:
    out = []
    node = token
    for _ in range(limit):
        if node.head.i == node.i:
            break
        node = node.head
        out.append(node)
    return out


def _compound_text(token: Token) -> str:
    left = token.i
    for child in token.lefts:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            left = min(left, child.i)
    return token.doc[left : token.i + 1].text


@Language.factory(
    "parley_events",
    requires=["doc._.parley", "token.dep", "token.lemma", "token.pos"],
    assigns=["doc._.parley"],
)
def make_event_finder(nlp: Language, name: str) -> EventFinder:
    return EventFinder(nlp)
