"""Component ``parley_terms``: every provision the article states, typed, with parameters.

1. **Cues.** ``terms.json`` (the term lexicon, loaded and validated once) holds cue
   patterns for the 30 term types of VOCABULARY.md: nouns ("ceasefire", "buffer zone",
   "disarmament"), verb phrases ("lay down its weapons", "halt mobilisation") and person
   nouns that need a release frame ("hostages" only when freed, handed over, exchanged …).
   The cues are indexed by the words of their anchor when the component is built; each doc
   is scanned once, token by token, and a pattern is only checked around a token that can
   be its anchor. Each cue may add syntactic conditions (``when``) checked on the parse.
   Where matches overlap, the longer (then higher-priority) one wins; one term per anchor.
   ``TermMention.cue`` is the cue id ("ceasefire.noun"), with "+conj" for a conjunct that
   inherited it and ">type" when a ``refine`` rule retyped the term.
2. **Not provisions.** A cue is dropped when it only names a negotiation ("ceasefire talks",
   "hostage deal": a compound of a proposal noun), refers back to an agreement without
   stating anything about it ("violated the truce", "welcomed the ceasefire", "the truce"
   with no parameter), reports a completed act ("Israel released 90 prisoners", "the army
   regained control" — a past-tense action verb that is not a commitment), is the stated
   purpose of a proposal ("a deal to end the war"), is the topic of talks ("talks on a
   ceasefire" → the talks' ``agenda_items``), or the content of a guarantee.
3. **Coordination.** Each conjunct is its own term ("calls for A, B and C", bullet lists);
   a conjunct without its own cue after a release verb inherits the type ("free 125
   prisoners … and 1,111 Gazans detained since …").
4. **Evidence.** The shortest phrase that states the provision: the cue's noun phrase (cut
   before the next term, a conjunction or "in exchange for"), the clause when the cue is a
   verb or a released person ("Hamas would free five living hostages"), and the predicate
   when the noun is its subject ("the ceasefire will last 180 days …").
5. **Parameters** (:mod:`parley.extract.term_params`), then **type refinement** from the
   lexicon's ``refine`` rules ("permanent ceasefire" → ``permanent_end_of_war``; a truce of
   years → ``long_term_truce``; a ceasefire of ≤ 3 days or a holiday truce →
   ``humanitarian_pause``).
6. **Phases.** A phase noun that governs the term ("a second phase, covering …"), or that is
   an adjunct of the clause stating it ("During its first phase, …", "A third phase would
   deal with …"), numbers it; the phase then carries to the next sentences of the paragraph
   until another phase is named.
7. **Exchanges.** "in exchange for" / "in return for" / "X for Y" after a release verb, and
   a sentence opening "In return, …" (against the previous sentence's detainee terms), link
   both sides through ``TermMention.exchange_with``.

requires: doc._.parley.actor_mentions (parley_actors), extra["parties"] (parley_coref),
          doc._.parley.dates when present (parley_dates); token.dep, token.lemma, token.pos
assigns:  doc._.parley.terms (list of TermMention, sorted by start);
          doc._.parley.extra["term_references"] = {index of a mention: index of the closest
          earlier mention of the same type whose parameters do not conflict} — a hint for the
          proposal component: two such mentions in one proposal are one term
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from ..errors import LexiconError
from ..vocabulary import TERM_TYPES
from .analysis import TermMention, analysis_of
from .lexicons import data_path, load_cue_file, load_lexicons
from .term_params import (
    Context,
    Target,
    ancestors,
    children,
    conjuncts,
    extract_params,
    pobjs,
    verbal,
)

__all__ = ["Cue", "TermFinder", "TermLexicon", "load_term_lexicon"]

LEXICON_FILE = "terms.json"
_TOP_KEYS = {
    "version": int,
    "about": str,
    "syntax": str,
    "words": dict,
    "word_sets": dict,
    "cues": list,
    "refine": list,
    "refine_words": dict,
    "categories": dict,
    "alive_words": dict,
    "extent_words": dict,
    "scope_words": dict,
    "delivery_mechanisms": dict,
    "composition_words": dict,
    "guarantee_forms": dict,
    "pause_purposes": dict,
    "phase_words": list,
    "ordinals": dict,
    "generic_places": list,
    "all_words": list,
}
_REQUIRED = ("version", "words", "cues")
_CUE_KEYS = {"id", "type", "match", "pattern", "head", "when", "params", "priority"}
# conditions taking a word class (a key of "words"/"word_sets", or "@actor"/"@armed_group"/"@place")
_CLASS_CONDITIONS = {
    "frame",
    "not_frame",
    "argument",
    "no_argument",
    "subject",
    "modifier",
    "modifier_or_frame",
    "argument_or_self",
    "in_span",
    "in_subtree",
    "related",
}
# conditions taking true/false, checked by named predicates
_FLAG_CONDITIONS = {
    "negated",
    "not_compound",
    "provision",
    "withdrawal_actor",
    "place_phrase",
    "election_context",
    "negotiation_context",
    "guarantee_context",
    "guarantor_context",
    "not_aux_only",
    "return_place",
    "not_purpose",
    "withdraw_particle",
}
_REFINE_CONDITIONS = {"modifier", "param", "short_pause", "in_span"}
_SPECIAL_CLASSES = {"@actor", "@armed_group", "@place"}


@dataclass(frozen=True)
class Cue:
    """One lexicon entry: a pattern for one term type."""

    id: str
    type: str
    pattern: tuple[dict[str, Any], ...]
    head: int | None
    when: dict[str, Any]
    params: dict[str, Any]
    priority: int
    raw: bool = False  # a spaCy Matcher pattern rather than the compact syntax


@dataclass(frozen=True)
class TermLexicon:
    """The validated term lexicon (``terms.json``)."""

    version: int
    words: dict[str, frozenset[str]]
    cues: tuple[Cue, ...]
    refine: tuple[dict[str, Any], ...]
    categories: dict[str, dict[str, str]] = field(default_factory=dict)
    alive_words: dict[str, str] = field(default_factory=dict)
    extent_words: dict[str, str] = field(default_factory=dict)
    scope_words: dict[str, str] = field(default_factory=dict)
    delivery_mechanisms: dict[str, str] = field(default_factory=dict)
    composition_words: dict[str, str] = field(default_factory=dict)
    guarantee_forms: dict[str, str] = field(default_factory=dict)
    pause_purposes: dict[str, str] = field(default_factory=dict)
    phase_words: frozenset[str] = frozenset()
    ordinals: dict[str, int] = field(default_factory=dict)
    generic_places: frozenset[str] = frozenset()

    @classmethod
    def from_file(cls, path: str | Path) -> TermLexicon:
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise LexiconError(str(path), f"cannot read: {exc.strerror}") from None
        except json.JSONDecodeError as exc:
            raise LexiconError(str(path), f"malformed JSON: {exc.msg}", line=exc.lineno) from None
        return cls.from_data(data, str(path))

    @classmethod
    def from_data(cls, data: Any, source: str) -> TermLexicon:
        """Validate ``data`` (the parsed JSON); errors name ``source`` and the key."""

        def fail(message: str, key: str) -> LexiconError:
            return LexiconError(source, message, key=key)

        if not isinstance(data, dict):
            raise LexiconError(source, "expected a JSON object at the top level")
        for key in _REQUIRED:
            if key not in data:
                raise fail("missing key", key)
        for key, value in data.items():
            if key not in _TOP_KEYS:
                raise fail("unknown key", key)
            if not isinstance(value, _TOP_KEYS[key]) or isinstance(value, bool):
                raise fail(f"expected {_TOP_KEYS[key].__name__}, not {type(value).__name__}", key)
        words: dict[str, frozenset[str]] = {}
        for table in ("words", "word_sets", "refine_words"):
            for name, items in data.get(table, {}).items():
                if not isinstance(items, list) or not all(
                    isinstance(w, str) and w and w == w.strip() for w in items
                ):
                    raise fail(
                        "a word class is a list of trimmed non-empty strings", f"{table}.{name}"
                    )
                words[name] = frozenset(w.lower() for w in items)
        cues = []
        seen: set[str] = set()
        for n, entry in enumerate(data["cues"]):
            where = f"cues[{n}]"
            if not isinstance(entry, dict):
                raise fail("a cue is a JSON object", where)
            for key in entry:
                if key not in _CUE_KEYS:
                    raise fail("unknown key", f"{where}.{key}")
            cue_id = entry.get("id")
            if not isinstance(cue_id, str) or not cue_id:
                raise fail("missing or empty id", f"{where}.id")
            where = f"cues[{n}] ({cue_id})"
            if cue_id in seen:
                raise fail("duplicate cue id", f"{where}.id")
            seen.add(cue_id)
            if entry.get("type") not in TERM_TYPES:
                raise fail(f"unknown term type {entry.get('type')!r}", f"{where}.type")
            if ("match" in entry) == ("pattern" in entry):
                raise fail("give exactly one of match and pattern", f"{where}.match")
            if "match" in entry:
                if not isinstance(entry["match"], str) or not entry["match"].strip():
                    raise fail("match must be a non-empty string", f"{where}.match")
                pattern, head = compile_match(
                    entry["match"], words, lambda m, w=where: fail(m, f"{w}.match")
                )
            else:
                if not isinstance(entry["pattern"], list) or not all(
                    isinstance(t, dict) for t in entry["pattern"]
                ):
                    raise fail("pattern must be a list of token objects", f"{where}.pattern")
                pattern, head = tuple(entry["pattern"]), entry.get("head")
            if head is not None and (not isinstance(head, int) or not 0 <= head < len(pattern)):
                raise fail("head must index a token of the pattern", f"{where}.head")
            when = entry.get("when", {})
            _check_conditions(
                when,
                words,
                _CLASS_CONDITIONS | _FLAG_CONDITIONS,
                lambda m, k, w=where: fail(m, f"{w}.when.{k}"),
            )
            params = entry.get("params", {})
            if not isinstance(params, dict):
                raise fail("params must be an object", f"{where}.params")
            priority = entry.get("priority", 0)
            if not isinstance(priority, int) or isinstance(priority, bool):
                raise fail("priority must be an integer", f"{where}.priority")
            cues.append(
                Cue(
                    cue_id,
                    entry["type"],
                    tuple(pattern),
                    head,
                    dict(when),
                    dict(params),
                    priority,
                    "pattern" in entry,
                )
            )
        refine = []
        for n, rule in enumerate(data.get("refine", [])):
            where = f"refine[{n}]"
            if not isinstance(rule, dict) or set(rule) - {"type", "when", "to", "params"}:
                raise fail("a rule is an object with type, when, to and optional params", where)
            for key in ("type", "to"):
                if rule.get(key) not in TERM_TYPES:
                    raise fail(f"unknown term type {rule.get(key)!r}", f"{where}.{key}")
            when = rule.get("when", {})
            if not when:
                raise fail("a rule needs a condition", f"{where}.when")
            for key, value in when.items():
                if key not in _REFINE_CONDITIONS:
                    raise fail("unknown condition", f"{where}.when.{key}")
                if key in ("modifier", "in_span") and value not in words:
                    raise fail(f"unknown word class {value!r}", f"{where}.when.{key}")
            refine.append(dict(rule))

        def table(key: str) -> dict[str, Any]:
            value = data.get(key, {})
            for name, item in value.items():
                expected = dict if key == "categories" else int if key == "ordinals" else str
                if not isinstance(item, expected) or isinstance(item, bool):
                    raise fail(f"expected {expected.__name__} values", f"{key}.{name}")
            return {k.lower(): v for k, v in value.items()}

        categories = table("categories")
        for type_name in categories:
            if type_name not in TERM_TYPES:
                raise fail(f"unknown term type {type_name!r}", f"categories.{type_name}")
        return cls(
            version=data["version"],
            words=words,
            cues=tuple(cues),
            refine=tuple(refine),
            categories={k: {w.lower(): c for w, c in v.items()} for k, v in categories.items()},
            alive_words=table("alive_words"),
            extent_words=table("extent_words"),
            scope_words=table("scope_words"),
            delivery_mechanisms=table("delivery_mechanisms"),
            composition_words=table("composition_words"),
            guarantee_forms=table("guarantee_forms"),
            pause_purposes=table("pause_purposes"),
            phase_words=frozenset(w.lower() for w in data.get("phase_words", [])),
            ordinals=table("ordinals"),
            generic_places=frozenset(w.lower() for w in data.get("generic_places", [])),
        )


def _check_conditions(
    when: Any, words: dict[str, frozenset[str]], allowed: set[str], fail: Any
) -> None:
    if not isinstance(when, dict):
        raise fail("when must be an object", "")
    for key, value in when.items():
        if key not in allowed:
            raise fail("unknown condition", key)
        if key in _CLASS_CONDITIONS:
            for part in str(value).split("|"):
                if part not in words and part not in _SPECIAL_CLASSES:
                    raise fail(f"unknown word class {part!r}", key)
        elif not isinstance(value, bool):
            raise fail("expected true or false", key)


def compile_match(
    spec: str, words: dict[str, frozenset[str]], fail: Any
) -> tuple[tuple[dict[str, Any], ...], int | None]:
    """Turn the compact ``match`` syntax (see ``terms.json`` "syntax") into a Matcher pattern."""
    pattern: list[dict[str, Any]] = []
    head = None
    for raw in spec.split():
        item = raw
        op = None
        if item.startswith("^"):
            if head is not None:
                raise fail("only one anchor (^) per pattern")
            head = len(pattern)
            item = item[1:]
        if len(item) > 1 and item.endswith("?"):
            op, item = "?", item[:-1]
        if item == "~":
            token: dict[str, Any] = {}
        elif item == "#num":
            token = {"LIKE_NUM": True}
        elif item == "#propn":
            token = {"POS": "PROPN"}
        elif item.startswith("@"):
            if item[1:] not in words:
                raise fail(f"unknown word class {item[1:]!r}")
            token = {"_forms": sorted(words[item[1:]])}
        elif item:
            forms = set()
            for word in item.split("|"):
                if not word:
                    raise fail(f"empty alternative in {raw!r}")
                forms.update({word, word.lower()})
            token = {"_forms": sorted(forms)}
        else:
            raise fail(f"bad token spec {raw!r}")
        if op:
            token["OP"] = op
        pattern.append(token)
    if head is None:  # the last required word: the head of an English noun phrase
        words_at = [n for n, t in enumerate(pattern) if "_forms" in t and t.get("OP") != "?"]
        if not words_at:
            raise fail("a pattern needs a required word to anchor on")
        head = words_at[-1]
    if "_forms" not in pattern[head] or pattern[head].get("OP") == "?":
        raise fail("the anchor (^) must be a required word, not optional, '~', '#num' or '#propn'")
    return tuple(pattern), head


class _Token:
    """The token attributes the cue matcher reads, computed once per doc."""

    __slots__ = ("low", "lemma", "num", "pos", "sent_start", "sent_end")

    def __init__(self, doc: Doc):
        self.low = [t.lower_ for t in doc]
        self.lemma = [t.lemma_.lower() for t in doc]
        self.num = [t.like_num for t in doc]
        self.pos = [t.pos_ for t in doc]
        self.sent_start = [0] * len(doc)
        self.sent_end = [0] * len(doc)
        for sent in doc.sents:
            for i in range(sent.start, sent.end):
                self.sent_start[i], self.sent_end[i] = sent.start, sent.end

    def test(self, i: int, spec: dict[str, Any]) -> bool:
        forms = spec.get("_forms")
        if forms is not None:
            return self.low[i] in forms or self.lemma[i] in forms
        if "LIKE_NUM" in spec:
            return self.num[i]
        if "POS" in spec:
            return self.pos[i] == spec["POS"]
        return True


class _CueIndex:
    """Compact cues indexed by the words of their anchor: each doc is scanned once, token by
    token, and a cue's pattern is checked only around a token that can be its anchor."""

    def __init__(self, cues: tuple[Cue, ...]):
        self.by_word: dict[str, list[tuple[Cue, tuple[dict[str, Any], ...], int]]] = {}
        for cue in cues:
            pattern = tuple(
                {**t, "_forms": frozenset(f.lower() for f in t["_forms"])} if "_forms" in t else t
                for t in cue.pattern
            )
            head = cue.head if cue.head is not None else len(pattern) - 1
            for word in pattern[head]["_forms"]:
                self.by_word.setdefault(word, []).append((cue, pattern, head))

    def __call__(self, doc: Doc) -> list[tuple[Cue, int, int, int]]:
        """(cue, start, end, anchor) for every match, the longest per cue and anchor."""
        toks = _Token(doc)
        found = []
        for i in range(len(doc)):
            entries = self.by_word.get(toks.low[i], [])
            if toks.lemma[i] != toks.low[i]:
                entries = entries + self.by_word.get(toks.lemma[i], [])
            seen: set[str] = set()
            for cue, pattern, head in entries:
                if cue.id in seen:
                    continue
                seen.add(cue.id)
                lo, hi = toks.sent_start[i], toks.sent_end[i]
                ends = _right(toks, pattern, head + 1, i + 1, hi)
                if not ends:
                    continue
                starts = _left(toks, pattern, head - 1, i - 1, lo)
                if starts:
                    found.append((cue, min(starts), max(ends), i))
        return found


def _right(
    toks: _Token, pattern: tuple[dict[str, Any], ...], k: int, pos: int, limit: int
) -> set[int]:
    if k == len(pattern):
        return {pos}
    spec = pattern[k]
    out = _right(toks, pattern, k + 1, pos, limit) if spec.get("OP") == "?" else set()
    if pos < limit and toks.test(pos, spec):
        out |= _right(toks, pattern, k + 1, pos + 1, limit)
    return out


def _left(
    toks: _Token, pattern: tuple[dict[str, Any], ...], k: int, pos: int, limit: int
) -> set[int]:
    if k < 0:
        return {pos + 1}
    spec = pattern[k]
    out = _left(toks, pattern, k - 1, pos, limit) if spec.get("OP") == "?" else set()
    if pos >= limit and toks.test(pos, spec):
        out |= _left(toks, pattern, k - 1, pos - 1, limit)
    return out


@cache
def load_term_lexicon() -> TermLexicon:
    """The packaged term lexicon, validated once per process."""
    data = load_cue_file(LEXICON_FILE, {"version": int, "words": dict})
    return TermLexicon.from_data(data, str(data_path(LEXICON_FILE)))


# ----------------------------------------------------------------------------- the component

_CESSATION = frozenset(
    {
        "ceasefire",
        "humanitarian_pause",
        "ceasefire_extension",
        "long_term_truce",
        "permanent_end_of_war",
    }
)
_DETAINEES = frozenset({"hostage_release", "prisoner_release", "remains_and_missing"})
_DEFINITE = frozenset(
    {"the", "this", "that", "these", "those", "its", "their", "any", "no", "his", "her"}
)
_CONDITIONAL_MARKS = frozenset({"if", "unless", "provided", "providing"})
_MODAL_TAG = "MD"
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_COPULAS = frozenset({"be", "become", "remain", "seem", "appear"})
_QUESTION_WORDS = frozenset({"how", "whether", "why"})
_AGENDA_VERBS = frozenset(
    {
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
    }
)
_NP_STOP = frozenset({"conj", "cc", "appos", "parataxis"})
_CLAUSE_KEEP = frozenset(
    {
        "dobj",
        "prt",
        "prep",
        "xcomp",
        "advmod",
        "npadvmod",
        "acomp",
        "oprd",
        "dative",
        "attr",
        "agent",
        "ccomp",
        "neg",
        "dep",
        "nsubj",
        "nsubjpass",
        "pobj",
        "compound",
        "amod",
    }
)


@dataclass
class _Cand:
    cue: Cue
    type: str
    anchor: int
    start: int  # match span (token indices)
    end: int
    frame: int | None = None
    cue_id: str = ""
    span: tuple[int, int] = (0, 0)
    params: dict[str, Any] = field(default_factory=dict)
    phase: int | None = None
    exchange: int | None = None

    def __post_init__(self) -> None:
        self.cue_id = self.cue_id or self.cue.id


class TermFinder:
    """Finds provision mentions and fills ``doc._.parley.terms``."""

    def __init__(self, nlp: Language, lexicon: TermLexicon | None = None):
        self.lex = lexicon or load_term_lexicon()
        self.w = self.lex.words
        compact = tuple(c for c in self.lex.cues if not c.raw)
        self.index = _CueIndex(compact)
        self.matcher: Matcher | None = None  # raw spaCy patterns, if the lexicon has any
        self.cue_by_key: dict[int, Cue] = {}
        raw = [c for c in self.lex.cues if c.raw]
        if raw:
            self.matcher = Matcher(nlp.vocab, validate=True)
            for cue in raw:
                self.matcher.add(cue.id, [list(cue.pattern)])
                self.cue_by_key[nlp.vocab.strings[cue.id]] = cue
        try:
            self.registry = load_lexicons().actors
        except Exception:  # noqa: BLE001 - the registry only refines actor kinds
            self.registry = None

    # -- word classes ----------------------------------------------------------------------

    def _is(self, token: Token, name: str, analysis: Any = None) -> bool:
        if "|" in name:
            return any(self._is(token, part, analysis) for part in name.split("|"))
        if name == "@actor":
            return analysis is not None and analysis.mention_at(token.i) is not None
        if name == "@armed_group":
            mention = analysis.mention_at(token.i) if analysis is not None else None
            entry = (
                self.registry.get(mention.actor)
                if mention is not None and self.registry is not None
                else None
            )
            return entry is not None and entry.kind == "armed_group"
        if name == "@place":
            return token.ent_type_ in ("GPE", "LOC", "FAC")
        words = self.w.get(name, frozenset())
        if token.lemma_.lower() in words or token.lower_ in words:
            return True
        return (
            "@actor" in words and analysis is not None and analysis.mention_at(token.i) is not None
        )

    # -- conditions --------------------------------------------------------------------------

    def _frame(self, token: Token, name: str, analysis: Any, limit: int = 4) -> Token | None:
        for child in token.children:
            if child.dep_ in ("amod", "acl", "relcl", "compound") and self._is(
                child, name, analysis
            ):
                return child
        for node in ancestors(token, limit):
            if self._is(node, name, analysis):
                return node
            if node.dep_ in ("ccomp", "advcl", "relcl", "parataxis") or node.dep_ == "ROOT":
                if node.head.i != node.i and self._is(node.head, name, analysis):
                    return node.head
                break
        return None

    def _arguments(self, token: Token) -> list[Token]:
        args = [
            c
            for c in token.children
            if c.dep_
            in (
                "nsubj",
                "nsubjpass",
                "dobj",
                "poss",
                "amod",
                "compound",
                "nmod",
                "attr",
                "npadvmod",
            )
        ]
        args += pobjs(token, "of", "from", "for", "on", "to", "with", "into", "over")
        if token.dep_ in ("relcl", "acl", "amod") and token.head.i != token.i:
            args.append(token.head)
        if token.dep_ == "xcomp":
            args += children(token.head, "dobj")
        return [c for a in args for c in conjuncts(a)]

    def _negated(self, token: Token) -> bool:
        nodes = [token, *ancestors(token, 3)]
        for node in nodes[:3]:
            if any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in node.children):
                return True
            if node.lemma_.lower() in ("refrain", "avoid", "prohibit", "never"):
                return True
        return False

    def _irrealis(self, verb: Token) -> bool | None:
        """True for a commitment or future ("would free", "calls for", "is to", "due to"),
        False for a reported fact, None when the verb's governor decides (an infinitive)."""
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.tag_ == _MODAL_TAG for a in auxes):
            return True
        lemma = verb.lemma_.lower()
        if lemma in self.w["content_verbs"]:
            return True
        if lemma == "be" and any(
            c.dep_ in ("xcomp", "acomp")
            and (
                c.lower_ in ("due", "ready", "expected", "set", "willing", "prepared")
                or any(a.lower_ == "to" for a in c.children)
            )
            for c in verb.children
        ):
            return True
        if any(a.lower_ == "to" for a in auxes) or verb.tag_ in ("VBG", "VB"):
            return None
        return False

    def _provision(self, token: Token) -> bool:
        node = token
        for _ in range(7):
            if node.pos_ in ("VERB", "AUX"):
                verdict = self._irrealis(node)
                if verdict is not None:
                    return verdict
            if (
                node.pos_ in ("NOUN", "ADJ")
                and node.i != token.i
                and (
                    node.lemma_.lower() in self.w["frame_heads"]
                    or node.lower_ in ("ready", "willing", "prepared", "due")
                )
            ):
                return True  # "a proposal for a ceasefire", "ready to …"
            if node.head.i == node.i:
                return node.pos_ not in ("VERB", "AUX")  # a verbless title or list item
            node = node.head
        return False

    def _reported_act(self, token: Token) -> bool:
        """A completed act reported as fact ("Israel released 90 prisoners", "aid trucks
        entered", "the army regained control") rather than a provision."""
        verb = token if token.pos_ in ("VERB", "AUX") else None
        node = token
        if verb is None:
            for _ in range(5):
                if node.head.i == node.i:
                    return False
                if node.dep_ in ("nsubj",) and node.head.pos_ in ("VERB", "AUX"):
                    verb = node.head
                    break
                prev, node = node, node.head
                if node.pos_ in ("VERB", "AUX"):
                    verb = node
                    break
                if (
                    node.pos_ == "NOUN"
                    and node.lemma_.lower() in self.w["frame_heads"]
                    and prev.dep_ != "appos"
                ):
                    return False  # inside "a proposal for …": content, not an act
        if verb is None:
            return False
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.tag_ == _MODAL_TAG or a.lower_ == "to" for a in auxes):
            return False
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in verb.children):
            return False
        past = verb.tag_ == "VBD" or (
            verb.tag_ in ("VBN", "VBG")
            and any(a.lower_ in ("has", "have", "had", "was", "were", "been") for a in auxes)
        )
        if not past or verb.lemma_.lower() in self.w["commitment_verbs"] | _COPULAS:
            return False
        subject = children(verb, "nsubj", "nsubjpass")
        if subject:
            subj = subject[0]
            if subj.lower_ in ("which", "that") and verb.dep_ == "relcl":
                subj = verb.head
            if (
                subj.lemma_.lower()
                in (self.w["frame_heads"] if subj.dep_ == "nsubj" else frozenset())
                | self.w["truce_words"]
            ):
                return False  # "the truce allowed commercial flights": content, not an act
        if (
            verb.dep_ in ("xcomp", "ccomp")
            and verb.head.lemma_.lower() in self.w["commitment_verbs"] - self.w["speech_verbs"]
        ):
            return False  # "agreed that …", not "said that …"
        return True

    def _check(self, key: str, value: Any, token: Token, analysis: Any) -> bool | Token:
        if key == "frame":
            return self._frame(token, value, analysis) or False
        if key == "not_frame":
            return self._frame(token, value, analysis, limit=3) is None
        if key in ("argument", "no_argument", "argument_or_self"):
            hit = any(self._is(a, value, analysis) for a in self._arguments(token))
            if key == "argument_or_self":
                hit = hit or self._is(token, value, analysis)
            return hit if key != "no_argument" else not hit
        if key == "subject":
            from .term_params import _subject

            subject = _subject(token)
            if subject is None:
                return False
            return any(
                self._is(t, value, analysis)
                for s in conjuncts(subject)
                for t in [s, *(c for c in s.children if c.dep_ in ("amod", "compound", "nmod"))]
            )
        if key == "modifier":
            return any(self._is(t, value, analysis) for t in _mods(token))
        if key == "modifier_or_frame":
            return any(self._is(t, value, analysis) for t in _mods(token)) or bool(
                self._frame(token, value, analysis, limit=2)
            )
        if key == "in_span":
            return True  # checked on the evidence span at refinement
        if key == "related":  # in the phrase, just after it, or the subject of its clause
            from .term_params import _governing_verb, _subject

            verb = _governing_verb(token)
            subject = _subject(verb) if verb is not None else None
            near = [
                *token.subtree,
                *token.doc[token.right_edge.i + 1 : min(token.sent.end, token.right_edge.i + 7)],
            ]
            if subject is not None:
                near += [subject, *subject.children]
            return any(self._is(t, value, analysis) for t in near if t.i != token.i)
        if key == "in_subtree":  # in the phrase, or just after it (reduced relatives misparse)
            sent_end = token.sent.end
            near = range(token.right_edge.i + 1, min(sent_end, token.right_edge.i + 7))
            return any(
                self._is(t, value, analysis)
                for t in [*token.subtree, *(token.doc[i] for i in near)]
                if t.i != token.i
            )
        return self._flag(key, token, analysis) == value

    def _flag(self, key: str, token: Token, analysis: Any) -> bool:
        if key == "negated":
            return self._negated(token)
        if key == "not_compound":
            return token.dep_ != "compound"
        if key == "provision":
            return self._provision(token)
        if key == "withdrawal_actor":
            from .term_params import _subject

            objects = [
                o
                for o in children(token, "dobj")
                if not any(c.dep_ == "nummod" for c in o.children)
            ]
            if objects:  # "withdraw its troops"; not "withdraw 15 kilometres"
                return any(self._is(o, "forces", analysis) for o in conjuncts(objects[0]))
            if any(
                o.lemma_.lower() in self.w["not_withdraw_objects"] for o in pobjs(token, "from")
            ):
                return False
            subject = _subject(token)
            return subject is not None and (
                self._is(subject, "forces", analysis) or self._is(subject, "@actor", analysis)
            )
        if key == "place_phrase":
            return any(
                t.ent_type_ in ("GPE", "LOC", "FAC")
                or t.lower_ in ("south", "north", "east", "west")
                for t in token.subtree
                if t.i > token.i
            )
        if key == "election_context":
            for node in [token, *ancestors(token, 3)]:
                if node.dep_ == "pobj" and node.head.lower_ in self.w["temporal_preps"]:
                    return False
                if any(
                    c.dep_ == "mark" and c.lower_ in self.w["temporal_preps"] for c in node.children
                ):
                    return False
            return (
                bool(self._frame(token, "election_verbs", analysis, limit=2))
                or any(t.lower_ in self.w["future_markers"] or t.like_num for t in _mods(token))
                or self._provision(token)
            )
        if key == "negotiation_context":
            if any(t.lower_ in self.w["future_markers"] for t in _mods(token)):
                return True
            heads = [*ancestors(token, 3)]
            if token.dep_ in ("nsubj", "nsubjpass"):
                heads = [
                    token.head,
                    *children(token.head, "xcomp", "acomp"),
                    *[g for c in children(token.head, "acomp") for g in children(c, "xcomp")],
                ]
            for head in heads:
                if head.lemma_.lower() in self.w["negotiation_start"] and (
                    head.pos_ != "VERB" or self._provision(head)
                ):
                    return True
            return bool(pobjs(token, *self.w["agenda_preps"])) and self._provision(token)
        if key == "guarantee_context":
            return token.pos_ == "NOUN"
        if key == "guarantor_context":
            return token.head.lower_ == "as" or token.dep_ == "attr" or self._provision(token)
        if key == "not_aux_only":
            return token.dep_ != "amod"
        if key == "withdraw_particle":  # "pull its troops out of", "move its fighters north of"
            return any(
                c.lower_
                in ("back", "out", "away", "north", "south", "east", "west", "beyond", "behind")
                for c in token.children
                if c.dep_ in ("prt", "advmod", "prep", "npadvmod")
            )
        if key == "not_purpose":
            # "a deal to end the war", "blueprints for ending the war": the aim, not a term
            if token.dep_ in ("advcl", "acl", "relcl") and any(
                c.lower_ == "to" for c in token.children if c.dep_ == "aux"
            ):
                return token.head.lemma_.lower() in self.w["content_verbs"]
            if token.dep_ == "pcomp" and token.head.lower_ in ("for", "at", "toward", "towards"):
                return False
            return True
        if key == "return_place":
            return bool(pobjs(token, "to")) or any(
                c.lower_ in ("home", "north", "south", "back") for c in token.children
            )
        raise KeyError(key)  # pragma: no cover - validated at load

    # -- candidates ----------------------------------------------------------------------

    def _candidates(self, doc: Doc, analysis: Any) -> list[_Cand]:
        found: dict[tuple[str, int, int], _Cand] = {}
        matches = self.index(doc)
        if self.matcher is not None:
            for key, start, end in self.matcher(doc):
                cue = self.cue_by_key[key]
                head = cue.head if cue.head is not None else doc[start:end].root.i - start
                matches.append((cue, start, end, start + head))
        for cue, start, end, anchor in matches:
            if (cue.id, start, end) in found:
                continue
            token = doc[anchor]
            frame = None
            ok = True
            for cond, value in cue.when.items():
                result = self._check(cond, value, token, analysis)
                if result is False:
                    ok = False
                    break
                if cond == "frame" and isinstance(result, Token):
                    frame = result.i
            if ok:
                found[(cue.id, start, end)] = _Cand(cue, cue.type, anchor, start, end, frame)
        ranked = sorted(
            found.values(), key=lambda c: (-(c.end - c.start), -c.cue.priority, c.start)
        )
        taken: set[int] = set()
        anchors: set[int] = set()
        chosen = []
        for cand in ranked:
            if cand.anchor in anchors or any(i in taken for i in range(cand.start, cand.end)):
                continue
            chosen.append(cand)
            taken.update(range(cand.start, cand.end))
            anchors.add(cand.anchor)
        chosen.sort(key=lambda c: c.anchor)
        return chosen

    def _not_provision(self, doc: Doc, cand: _Cand, analysis: Any) -> bool:
        token = doc[cand.anchor]
        # "how a ceasefire would be monitored", "whether it obliges …", "which prisoners …"
        for node in [token, *ancestors(token, 3)]:
            if any(
                c.lower_ in _QUESTION_WORDS and c.dep_ in ("advmod", "mark") for c in node.children
            ):
                return True
            if node.pos_ in ("NOUN", "PROPN") and any(
                t.lower_ in ("which", "what", "how") and t.dep_ in ("det", "amod", "advmod")
                for t in doc[node.left_edge.i : node.i]
            ):
                return True
            if node.pos_ in ("VERB", "AUX") and node.i != token.i:
                break
        # "lists of prisoners", "the families of hostages": people named, no release stated
        if (
            cand.type in _DETAINEES
            and token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.pos_ == "NOUN"
        ):
            if not self._is(token.head.head, "quantity_nouns|release|remains_nouns"):
                return True
        # "the terms of the truce", "violations of the ceasefire"
        if (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.lemma_.lower() in self.w["frame_heads"]
            and token.head.head.i not in range(cand.start, cand.end)
        ):
            return True
        # "a Gaza ceasefire and hostage release agreement": a title
        if token.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "conj"
            and c.lemma_.lower() in self.w["frame_heads"]
            and any(g.dep_ == "compound" for g in c.children)
            for c in token.children
        ):
            return True
        # "ceasefire talks", "hostage release deal": the cue only names a negotiation
        node = token
        while (
            node.dep_ in ("compound", "conj", "amod", "nmod")
            and node.head.i != node.i
            and node.head.pos_ in ("NOUN", "PROPN")
        ):
            node = node.head
            if node.lemma_.lower() in self.w["frame_heads"] and node.i not in range(
                cand.start, cand.end
            ):
                return True
        return self._reported_act(token)

    def _inherit(self, doc: Doc, cands: list[_Cand], analysis: Any) -> list[_Cand]:
        """A conjunct after a released person noun that has no cue of its own takes its type."""
        anchors = {c.anchor for c in cands}
        extra = []
        for cand in cands:
            token = doc[cand.anchor]
            if cand.type not in _DETAINEES or token.pos_ not in ("NOUN", "PROPN"):
                continue
            following = conjuncts(token)[1:]
            frame = doc[cand.frame] if cand.frame is not None else None
            if frame is not None and frame.pos_ == "VERB" and token.head.i == frame.i:
                # "free 125 prisoners … and 1,111 Gazans detained since …" parsed as a clause
                for verb in conjuncts(frame)[1:]:
                    subjects = children(verb, "nsubj", "nsubjpass")
                    if (
                        verb.tag_ in ("VBN", "VBD")
                        and subjects
                        and not children(verb, "aux", "auxpass", "dobj")
                    ):
                        following.append(subjects[0])
            for conj in following:
                if conj.i in anchors or conj.pos_ not in ("NOUN", "PROPN"):
                    continue
                peopleish = (
                    any(c.dep_ == "nummod" for c in conj.children)
                    or self._is(conj, "people_nouns")
                    or conj.ent_type_ == "NORP"
                )
                if peopleish:
                    extra.append(
                        _Cand(
                            cand.cue,
                            cand.type,
                            conj.i,
                            conj.i,
                            conj.i + 1,
                            cand.frame,
                            cand.cue.id + "+conj",
                        )
                    )
                    anchors.add(conj.i)
        return sorted(cands + extra, key=lambda c: c.anchor)

    # -- evidence spans --------------------------------------------------------------------

    def _core_start(self, doc: Doc, cand: _Cand) -> int:
        token = doc[cand.anchor]
        if not verbal(token):
            start = token.left_edge.i
            head = token.head
            if (
                token.dep_ == "pobj"
                and head.lower_ == "of"
                and head.head.pos_ in ("NOUN", "PROPN", "NUM")
                and head.head.lemma_.lower() not in self.w["frame_heads"]
            ):
                start = min(
                    start, head.head.left_edge.i
                )  # "the release of prisoners" starts at "the"
            return min(cand.start, start)
        return min(cand.start, token.i)

    def _np_end(self, token: Token) -> int:
        end = token.i + 1
        comma = False
        for child in token.rights:
            if child.dep_ in _NP_STOP:
                break
            if child.dep_ == "punct":
                comma = comma or child.text == ","
                continue
            if child.dep_ == "prep" and _exchange_prep(child):
                break
            if comma and child.dep_ not in ("prep",) and child.lower_ not in ("including", "among"):
                break  # "…, to be named …": an aside, not the provision
            end = max(end, _extent(child))
        return end

    def _clause(self, verb: Token) -> tuple[int, int]:
        from .term_params import _subject

        start = verb.i
        subject = _subject(verb) if verb.dep_ not in ("acl", "relcl") else None
        if (
            subject is not None
            and subject.head.i != verb.i
            and verb.dep_ == "xcomp"
            and not children(verb.head, "nsubjpass", "dobj")
        ):
            subject = None  # "X agreed to exchange …": the evidence starts at "exchange"
        if subject is not None and subject.i < verb.i and verb.i - subject.left_edge.i <= 16:
            start = subject.left_edge.i
        for child in verb.lefts:
            if (
                child.dep_ in ("aux", "auxpass", "neg", "advmod", "nsubj", "nsubjpass")
                and verb.i - child.left_edge.i <= 16
            ):
                start = min(start, child.left_edge.i)
        end = verb.i + 1
        for child in verb.rights:
            if child.dep_ in ("punct",):
                continue
            if child.dep_ == "cc":
                continue
            if child.dep_ == "conj":
                others = getattr(self, "_anchors", set()) - {verb.i}
                if (
                    child.pos_ in ("VERB", "AUX")
                    and not children(child, "nsubj", "nsubjpass")
                    and not any(child.left_edge.i <= a <= child.right_edge.i for a in others)
                ):
                    end = max(end, self._clause(child)[1])
                    continue
                break
            if child.dep_ not in _CLAUSE_KEEP or (
                child.dep_ == "prep" and (_exchange_prep(child) or child.lower_ == "according")
            ):
                break
            end = max(end, child.right_edge.i + 1)
        return start, end

    def _span(self, doc: Doc, cand: _Cand, blockers: list[int]) -> tuple[int, int]:
        token = doc[cand.anchor]
        frame = doc[cand.frame] if cand.frame is not None else None
        scan_from = cand.anchor + 1
        if verbal(token):
            start, end = self._clause(token)
        else:
            start, end = token.left_edge.i, self._np_end(token)
            head = token.head
            if (
                token.dep_ == "pobj"
                and head.lower_ == "of"
                and head.head.pos_ in ("NOUN", "PROPN", "NUM")
                and head.head.i != cand.anchor
            ):
                outer = head.head  # "the release of …", "an agreed number of …", "the bodies of …"
                if (
                    outer.i not in self._anchors
                    and outer.lemma_.lower() not in self.w["frame_heads"]
                ):
                    start = outer.left_edge.i
                    end = max(end, self._np_end(outer))
                    if (
                        outer.dep_ == "pobj"
                        and outer.head.lower_ == "of"
                        and outer.head.head.pos_ == "NOUN"
                        and outer.head.head.i not in self._anchors
                        and outer.head.head.lemma_.lower() in self.w["release"]
                    ):
                        start = outer.head.head.left_edge.i
            framed = False
            if frame is not None and frame.pos_ in ("VERB", "AUX") and cand.type in _DETAINEES:
                objects = [c for c in frame.children if c.dep_ in ("dobj", "nsubjpass")]
                first = objects[0] if objects else None
                if first is not None and (
                    first.i == token.i or (token.dep_ == "pobj" and first.i == token.head.head.i)
                ):
                    start = min(start, self._clause(frame)[0])
                    framed = True
            if (
                not framed
                and token.dep_ in ("nsubj", "nsubjpass")
                and head.pos_ in ("VERB", "AUX")
                and head.lemma_.lower() not in self.w["speech_verbs"]
                and head.i not in self._anchors
            ):
                end = max(end, self._clause(head)[1])  # "the ceasefire will last 180 days"
                scan_from = head.i + 1
        if any(
            start <= a < cand.anchor for a in self._anchors if a != cand.anchor
        ) and token.pos_ in ("VERB", "AUX"):
            own = [
                c.i
                for c in token.lefts
                if c.dep_ in ("aux", "neg")
                and c.i > max(a for a in self._anchors if a < cand.anchor)
            ]
            start = min(
                [token.i, *own]
            )  # "… set up a hotline and to exchange lists": not the hotline
        start = min(start, cand.start)
        end = max(end, cand.end)
        sent = token.sent
        start, end = max(start, sent.start), min(end, sent.end)
        for i in range(cand.anchor + 1, end):  # the next term, a line break, "in exchange for"
            if (
                (i >= scan_from and i in blockers)
                or "\n" in doc[i].text
                or (
                    doc[i].lower_ == "in"
                    and i + 1 < len(doc)
                    and doc[i + 1].lower_ in ("exchange", "return")
                    and i > cand.anchor
                )
            ):
                end = i
                break
        for i in range(cand.anchor - 1, start - 1, -1):
            if "\n" in doc[i].text:
                start = i + 1
                break
        while start < cand.anchor and (
            doc[start].is_punct or doc[start].dep_ in ("cc", "prep", "mark") or doc[start].is_space
        ):
            start += 1
        while end > cand.anchor + 1 and (
            doc[end - 1].is_punct
            or doc[end - 1].is_space
            or doc[end - 1].dep_ in ("cc", "det", "prep", "mark", "poss", "aux", "auxpass")
            or doc[end - 1].lower_
            in ("and", "or", "that", "which", "who", "as", "well", "to", "be", "will", "would")
        ):
            end -= 1
        return start, max(end, cand.anchor + 1)

    # -- the pass ----------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        analysis = analysis_of(doc)
        cands = [
            c for c in self._candidates(doc, analysis) if not self._not_provision(doc, c, analysis)
        ]
        cands = self._inherit(doc, cands, analysis)
        ctx = Context(doc, analysis, self.lex, self.registry)
        self._layout(doc, ctx, cands)
        cands = self._nested(doc, [c for c in cands if not self._mere_reference(doc, c)])
        self._layout(doc, ctx, cands)  # again, without the dropped mentions as boundaries
        cands = self._absorb(doc, cands)
        paragraph = _paragraphs(doc)
        self._phases(doc, cands, paragraph)
        self._exchanges(doc, cands, paragraph)
        terms = []
        for cand in cands:
            exchange = cand.exchange
            terms.append(
                TermMention(
                    cand.span[0],
                    cand.span[1],
                    cand.type,
                    cand.params,
                    cand.phase,
                    cand.cue_id,
                    exchange,
                )
            )
        analysis.terms = terms
        analysis.extra["term_references"] = self._references(doc, cands)
        return doc

    def _layout(self, doc: Doc, ctx: Context, cands: list[_Cand]) -> None:
        """Evidence spans (each cut before the next term), parameters and refined types."""
        self._anchors = {c.anchor for c in cands}
        core = {c.anchor: self._core_start(doc, c) for c in cands}
        for cand in cands:
            cand.type, cand.cue_id = cand.cue.type, cand.cue_id.split(">")[0]
            blockers = {s for a, s in core.items() if a != cand.anchor and s > cand.anchor}
            blockers.update(a for a in core if a > cand.anchor)
            cand.span = self._span(doc, cand, sorted(blockers))
            cand.params = self._read(ctx, cand)
            self._refine(doc, cand, ctx)

    def _read(self, ctx: Context, cand: _Cand) -> dict[str, Any]:
        doc = ctx.doc
        target = Target(
            cand.type,
            doc[cand.anchor],
            doc[cand.frame] if cand.frame is not None else None,
            cand.span[0],
            cand.span[1],
            cand.cue_id,
            cand.cue.params,
            frozenset(self._anchors - {cand.anchor}),
        )
        return extract_params(ctx, target)

    def _refine(self, doc: Doc, cand: _Cand, ctx: Context) -> None:
        token = doc[cand.anchor]
        for rule in self.lex.refine:
            if rule["type"] != cand.type:
                continue
            ok = True
            for key, value in rule["when"].items():
                if key == "modifier":
                    ok = any(self._is(t, value) for t in _mods(token))
                elif key == "param":
                    ok = value in cand.params
                elif key == "short_pause":
                    days = cand.params.get("duration_days", cand.params.get("duration_days_max"))
                    hours = "hours_per_day" in cand.params
                    ok = (
                        hours or (isinstance(days, int | float) and days <= value)
                    ) and cand.params.get("scope") != "general"
                elif key == "in_span":
                    ok = any(self._is(t, value) for t in doc[cand.span[0] : cand.span[1]])
                if not ok:
                    break
            if ok:
                cand.type = rule["to"]
                cand.params = self._read(ctx, cand)
                cand.params.update(rule.get("params", {}))
                cand.cue_id = f"{cand.cue_id}>{rule['to']}"
                return

    def _absorb(self, doc: Doc, cands: list[_Cand]) -> list[_Cand]:
        """Drop terms that are the topic of talks, the content of a guarantee or the purpose
        of a pause; they become that term's parameter."""
        keep = []
        talks = [c for c in cands if c.type == "negotiation_process"]
        guarantees = [c for c in cands if c.type == "guarantees" and doc[c.anchor].pos_ == "VERB"]
        pauses = [c for c in cands if c.type == "humanitarian_pause"]
        for cand in cands:
            token = doc[cand.anchor]
            absorbed = False
            for node in [token, *ancestors(token, 4)]:
                if node.dep_ == "pobj" and node.head.lower_ in self.w["agenda_preps"]:
                    owner = node.head.head
                    if self._is(owner, "negotiation_heads") or owner.lemma_.lower() in (
                        "start",
                        "launch",
                        "resumption",
                    ):
                        if any(t is not cand and t.span[0] <= owner.i < t.span[1] for t in talks):
                            absorbed = cand.type != "negotiation_process"
                    break
                if node.dep_ not in ("conj", "pobj", "prep", "compound", "amod"):
                    break
            for t in talks:  # "another round … to prepare a meeting between …": its agenda
                talk = doc[t.anchor]
                verb = talk.head if talk.dep_ in ("dobj", "nsubj", "nsubjpass") else talk
                for sub in [
                    *children(talk, "acl", "relcl", "advcl"),
                    *children(verb, "advcl", "xcomp"),
                ]:
                    if (
                        t is not cand
                        and sub.i > talk.i
                        and sub.lemma_.lower() in _AGENDA_VERBS
                        and sub.left_edge.i <= cand.anchor <= sub.right_edge.i
                    ):
                        absorbed = True
            for g in guarantees:
                for comp in children(doc[g.anchor], "ccomp"):
                    if g is not cand and comp.left_edge.i <= cand.anchor <= comp.right_edge.i:
                        absorbed = True
            for p in pauses:
                pause = doc[p.anchor]
                subs = [
                    *children(pause, "advcl", "acl"),
                    *[c for c in ancestors(pause, 1) for c in children(c, "advcl")],
                ]
                subs += [c for c in children(pause, "prep") if c.lower_ == "for"]
                for sub in subs:
                    if (
                        p is not cand
                        and sub.left_edge.i <= cand.anchor <= sub.right_edge.i
                        and sub.i > pause.i
                    ):
                        purpose = self.lex.pause_purposes.get(cand.type)
                        if purpose:
                            p.params.setdefault("purpose", purpose)
                        absorbed = True
            if not absorbed:
                keep.append(cand)
        return keep

    def _mere_reference(self, doc: Doc, cand: _Cand) -> bool:
        """ "the truce", "violated a ceasefire", "welcomed the ceasefire": an agreement named,
        nothing stated about it."""
        token = doc[cand.anchor]
        if token.pos_ not in ("NOUN", "PROPN") or cand.cue_id.endswith("+conj"):
            return False
        own = {
            k
            for k in cand.params
            if k not in cand.cue.params and k not in ("covered_actors", "area")
        }
        if cand.params.get("unilateral") is False:
            own.discard("unilateral")
        if own:
            return False
        if any(c.tag_ == "JJS" for c in token.children):
            return True  # "the longest truce the two sides have agreed"
        bare = all(c.dep_ in ("det", "poss", "punct", "predet") for c in token.children)
        definite = any(
            c.lower_ in _DEFINITE or c.dep_ == "poss"
            for c in token.children
            if c.dep_ in ("det", "poss")
        )
        referenced = self._frame(token, "reference_verbs", None, limit=3) is not None
        if cand.type in _CESSATION:
            return referenced or (bare and definite)
        return bare and (definite or referenced) or (referenced and bare)

    def _nested(self, doc: Doc, cands: list[_Cand]) -> list[_Cand]:
        """One term where two cues of one type name one provision ("the next round of talks")."""
        out = []
        by_anchor = {c.anchor: c for c in cands}
        for cand in cands:
            node = doc[cand.anchor]
            inner = (  # "monitor and verify implementation": one provision, two verbs
                node.pos_ == "VERB"
                and node.dep_ == "conj"
                and node.head.i in by_anchor
                and by_anchor[node.head.i].type == cand.type
                and not children(node.head, "dobj")
            )
            path = node
            for _ in range(4):
                if inner or path.dep_ == "conj" or path.head.i == path.i:
                    break
                path = path.head
                other = by_anchor.get(path.i)
                if other is not None and other.type == cand.type:
                    inner = True
            rel = next((a for a in [node, *ancestors(node, 3)] if a.dep_ == "relcl"), None)
            if not inner and rel is not None and rel.head.dep_ in ("nsubj", "nsubjpass"):
                # "fighters who commit to peaceful coexistence would be granted amnesty": the
                # relative clause says who benefits from the other term
                verb = rel.head.head
                inner = any(
                    o is not cand and o.type == cand.type and doc[o.anchor].head.i == verb.i
                    for o in cands
                )
            if not inner:
                out.append(cand)
        return out

    # -- phases ------------------------------------------------------------------------------

    def _phase_number(self, token: Token) -> int | None:
        if token.lower_.rstrip("s") not in self.lex.phase_words:
            return None
        candidates = [
            c
            for c in token.children
            if c.dep_ in ("amod", "nummod", "compound", "appos", "npadvmod")
        ]
        doc = token.doc
        if token.i + 1 < len(doc):
            candidates.append(doc[token.i + 1])
        for c in candidates:
            number = self.lex.ordinals.get(c.lower_)
            if number is not None:
                return number
        return None

    def _phases(self, doc: Doc, cands: list[_Cand], paragraph: list[int]) -> None:
        """Number each term's phase from the phase phrase that governs it or its clause, else
        from the last phase heading of its paragraph ("Phase one:", "During the first phase, …")."""
        phase_tokens = {t.i: n for t in doc if (n := self._phase_number(t)) is not None}
        carry: tuple[int, int] | None = None  # (paragraph, phase)
        by_segment: dict[int, list[_Cand]] = {}
        segments = _segments(doc)
        for cand in cands:
            by_segment.setdefault(segments[cand.anchor], []).append(cand)
        for seg_start, seg_end in sorted(set(segments.values())):
            here = {i: n for i, n in phase_tokens.items() if seg_start <= i < seg_end}
            para = paragraph[seg_start]
            if carry is not None and carry[0] != para:
                carry = None
            carried = None
            for i, n in here.items():
                tok = doc[i]
                # "Phase two would include …", "During the first phase, …", "Phase one:" — not
                # "talks on a second phase" nor "by the 16th day of the first phase"
                heading = not (
                    tok.dep_ in ("pobj", "compound")
                    and tok.head.lower_ in ("of", "on", "about", "over", "covering", "for")
                ) and (
                    tok.dep_ in ("ROOT", "nsubj", "nsubjpass", "pobj") or seg_end - seg_start <= 5
                )
                if heading:
                    carried = n
            for cand in by_segment.get((seg_start, seg_end), []):
                token = doc[cand.anchor]
                phase = phase_tokens.get(cand.anchor)
                if phase is None:
                    for node in ancestors(token, 6):
                        if node.i in here:
                            phase = here[node.i]
                            break
                if phase is None:
                    chain = {token.i, *(a.i for a in ancestors(token, 8))}
                    for i, n in here.items():
                        ptok = doc[i]
                        if not verbal(token) and token.i in {a.i for a in ancestors(ptok, 8)}:
                            continue  # the phase is inside the term ("talks on a second phase")
                        if any(
                            a.i in chain and a.pos_ in ("VERB", "AUX") for a in ancestors(ptok, 8)
                        ):
                            phase = n
                            break
                if phase is None and not here and carry is not None:
                    phase = carry[1]
                cand.phase = phase
            if carried is not None:
                carry = (para, carried)
            elif here:
                carry = None

    # -- exchanges ---------------------------------------------------------------------------

    def _exchanges(self, doc: Doc, cands: list[_Cand], paragraph: list[int]) -> None:
        index = {c.anchor: n for n, c in enumerate(cands)}

        def terms_in(lo: int, hi: int, skip: tuple[int, int] | None = None) -> list[int]:
            return [
                n
                for n, c in enumerate(cands)
                if lo <= c.anchor < hi and not (skip and skip[0] <= c.anchor < skip[1])
            ]

        def link(side_a: list[int], side_b: list[int]) -> None:
            if not side_a or not side_b:
                return
            for a in side_a:
                if cands[a].exchange is None:
                    cands[a].exchange = side_b[0]
            for b in side_b:
                if cands[b].exchange is None:
                    cands[b].exchange = side_a[0]

        previous: list[int] = []
        last_para = -1
        for sent in doc.sents:
            in_sent = terms_in(sent.start, sent.end)
            for tok in sent:
                if (
                    tok.lower_ not in ("exchange", "return")
                    or tok.dep_ != "pobj"
                    or tok.head.lower_ != "in"
                ):
                    continue
                prep = tok.head
                fors = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"]
                if fors:
                    side_b = terms_in(fors[0].i, fors[0].right_edge.i + 1)
                    # "… in return for A, B and C" where the parser hung B and C elsewhere
                    for n in terms_in(fors[0].right_edge.i + 1, sent.end):
                        node = doc[cands[n].anchor]
                        path = [node, *ancestors(node, 4)]
                        between = doc[fors[0].right_edge.i + 1 : node.i]
                        if any(
                            p.dep_ == "conj" and p.pos_ in ("NOUN", "PROPN") for p in path
                        ) and not any(
                            t.pos_ in ("VERB", "AUX") and children(t, "nsubj", "nsubjpass")
                            for t in between
                        ):
                            side_b.append(n)
                    clause = prep.head
                    while clause.head.i != clause.i and (
                        clause.pos_ not in ("VERB", "AUX")
                        or clause.dep_ in ("acl", "relcl", "amod")
                    ):
                        clause = clause.head
                    verbs = [clause] + ([clause.head] if clause.dep_ == "conj" else [])
                    side_a = []
                    for verb in verbs:
                        for n in terms_in(
                            verb.left_edge.i, verb.right_edge.i + 1, (prep.i, prep.right_edge.i + 1)
                        ):
                            path = [doc[cands[n].anchor], *ancestors(doc[cands[n].anchor], 8)]
                            if (
                                any(
                                    p.dep_ == "prep"
                                    and p.head.i == verb.i
                                    and p.lower_ not in ("of",)
                                    for p in path
                                )
                                and cands[n].anchor != verb.i
                            ):
                                continue  # "During its first phase, …" is not what is exchanged
                            if n not in side_a and n not in side_b:
                                side_a.append(n)
                    link(side_a, side_b)
                elif tok.i - sent.start <= 2 and paragraph[sent.start] == last_para:
                    link(
                        [n for n in previous if cands[n].type in _DETAINEES],
                        [n for n in in_sent if cands[n].type in _DETAINEES],
                    )
            for n in in_sent:  # "free X for Y"
                token = doc[cands[n].anchor]
                if (
                    cands[n].type in _DETAINEES
                    and token.dep_ == "pobj"
                    and token.head.lower_ == "for"
                ):
                    verb = token.head.head
                    if self._is(verb, "release") and not (
                        verb.lower_ == "exchange" and verb.head.lower_ == "in"
                    ):
                        objects = [
                            index[c.i] for c in verb.children if c.dep_ == "dobj" and c.i in index
                        ]
                        link(objects, [n])
            previous, last_para = in_sent, paragraph[sent.start]

    def _references(self, doc: Doc, cands: list[_Cand]) -> dict[int, int]:
        """For each mention, the closest earlier mention of the same type whose parameters do
        not conflict with it ("a 30-day ceasefire" … "the ceasefire will last 30 days"): the
        same provision if the proposal component puts both in one proposal."""
        refs: dict[int, int] = {}
        for n, cand in enumerate(cands):
            for m in range(n - 1, -1, -1):
                other = cands[m]
                if other.type != cand.type:
                    continue
                shared = set(other.params) & set(cand.params)
                if all(other.params[k] == cand.params[k] for k in shared):
                    refs[n] = m
                    break
        return refs


def _mods(token: Token) -> list[Token]:
    doc = token.doc
    out = list(doc[token.left_edge.i : token.i])
    out.extend(
        c
        for c in token.children
        if c.dep_ in ("advmod", "acomp", "npadvmod", "amod") and c.i > token.i
    )
    return out


def _extent(token: Token) -> int:
    """The end of ``token``'s subtree, leaving out clauses coordinated with a verb inside it
    ("soldiers killed in the fighting [and set up a commission]")."""
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("conj", "cc") and token.pos_ in ("VERB", "AUX"):
            break
        end = max(end, _extent(child))
    return end


def _exchange_prep(prep: Token) -> bool:
    """ "in exchange (for)", "in return (for)"."""
    return prep.lower_ == "in" and any(
        c.lower_ in ("exchange", "return") for c in prep.children if c.dep_ == "pobj"
    )


def _paragraphs(doc: Doc) -> list[int]:
    """Paragraph number of each token (paragraphs are separated by a blank line)."""
    breaks = [m.end() for m in _BLANK_LINE.finditer(doc.text)]
    out = []
    n = 0
    for token in doc:
        while n < len(breaks) and token.idx >= breaks[n]:
            n += 1
        out.append(n)
    return out


def _segments(doc: Doc) -> dict[int, tuple[int, int]]:
    """Each token's segment: its sentence cut at line breaks (a bullet or a heading is its own
    segment even when the parser runs it into the next line)."""
    out: dict[int, tuple[int, int]] = {}
    for sent in doc.sents:
        start = sent.start
        for i in range(sent.start, sent.end + 1):
            if i == sent.end or "\n" in doc[i].text:
                for j in range(start, i):
                    out[j] = (start, i)
                if i < sent.end:
                    out[i] = (i, i + 1)
                start = i + 1
    return out


@Language.factory(
    "parley_terms",
    requires=["doc._.parley", "token.dep", "token.lemma", "token.pos"],
    assigns=["doc._.parley"],
)
def make_term_finder(nlp: Language, name: str) -> TermFinder:
    return TermFinder(nlp)
