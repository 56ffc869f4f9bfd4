"""The term lexicon (``parley/lexicon/data/terms.json``): loading, validation, compact patterns.

A cue names a term type and a token pattern. The compact ``match`` syntax (see the file's
"syntax" key) is compiled here into a tuple of token specs plus the index of its anchor, the
word the cue is indexed by (:mod:`.matching`). Every error names the file and the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from ...errors import LexiconError
from ...vocabulary import TERM_TYPES
from ..lexicons import data_path, load_cue_file, read_json

__all__ = ["LEXICON_FILE", "Cue", "TermLexicon", "compile_match", "load_term_lexicon"]

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
    "indicators": dict,
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
    "near",
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
    "exchange_noun",
}
_REFINE_CONDITIONS = {"modifier", "param", "short_pause", "in_span", "not_in_span"}
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
    # word -> ((term type, weight), ...) for the clause fallback (strong words 2, weak 1)
    indicators: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)
    ordinals: dict[str, int] = field(default_factory=dict)
    generic_places: frozenset[str] = frozenset()

    @classmethod
    def from_file(cls, path: str | Path) -> TermLexicon:
        path = Path(path)
        return cls.from_data(read_json(path), str(path))

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
                if key in ("modifier", "in_span", "not_in_span") and value not in words:
                    raise fail(f"unknown word class {value!r}", f"{where}.when.{key}")
            refine.append(dict(rule))

        def table(key: str) -> dict[str, Any]:
            value = data.get(key, {})
            for name, item in value.items():
                expected = dict if key == "categories" else int if key == "ordinals" else str
                if not isinstance(item, expected) or isinstance(item, bool):
                    raise fail(f"expected {expected.__name__} values", f"{key}.{name}")
            return {k.lower(): v for k, v in value.items()}

        indicators: dict[str, list[tuple[str, int]]] = {}
        for type_name, entry in data.get("indicators", {}).items():
            where = f"indicators.{type_name}"
            if type_name not in TERM_TYPES:
                raise fail(f"unknown term type {type_name!r}", where)
            if not isinstance(entry, dict) or set(entry) - {"strong", "weak"}:
                raise fail("expected an object with strong and weak word lists", where)
            for strength, weight in (("strong", 2), ("weak", 1)):
                items = entry.get(strength, [])
                if not isinstance(items, list) or not all(isinstance(w, str) and w for w in items):
                    raise fail("a word list is a list of non-empty strings", f"{where}.{strength}")
                for word in items:
                    indicators.setdefault(word.lower(), []).append((type_name, weight))
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
            indicators={w: tuple(v) for w, v in indicators.items()},
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
        elif item:
            forms = set()
            for word in item.split("|"):  # words and word classes: "arms|@weapon_words"
                if not word or word == "@":
                    raise fail(f"empty alternative in {raw!r}")
                if word.startswith("@"):
                    if word[1:] not in words:
                        raise fail(f"unknown word class {word[1:]!r}")
                    forms.update(words[word[1:]])
                else:
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


@cache
def load_term_lexicon() -> TermLexicon:
    """The packaged term lexicon, validated once per process."""
    data = load_cue_file(LEXICON_FILE, {"version": int, "words": dict})
    return TermLexicon.from_data(data, str(data_path(LEXICON_FILE)))
