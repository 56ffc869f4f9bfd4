"""Cue matching: compact cues indexed by the words of their anchor.

Each doc is scanned once, token by token; a cue's pattern is only checked around a token
whose lower-case form or lemma can be its anchor, extending right then left from it within
the sentence. No pattern is ever run over the whole text.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .lexicon import Cue

__all__ = ["CueIndex", "TokenCache"]


class TokenCache:
    """The token attributes the rules read most, computed once per doc (a spaCy ``Token`` is
    built anew at each access)."""

    __slots__ = ("low", "lemma", "num", "pos", "idx", "sent_start", "sent_end")

    def __init__(self, doc: Doc):
        tokens = list(doc)
        self.low = [t.lower_ for t in tokens]
        self.lemma = [t.lemma_.lower() for t in tokens]
        self.num = [t.like_num for t in tokens]
        self.pos = [t.pos_ for t in tokens]
        self.idx = [t.idx for t in tokens]
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


class CueIndex:
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

    def __call__(self, doc: Doc, toks: TokenCache | None = None) -> list[tuple[Cue, int, int, int]]:
        """(cue, start, end, anchor) for every match, the longest per cue and anchor."""
        toks = toks or TokenCache(doc)
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
    toks: TokenCache, pattern: tuple[dict[str, Any], ...], k: int, pos: int, limit: int
) -> set[int]:
    if k == len(pattern):
        return {pos}
    spec = pattern[k]
    out = _right(toks, pattern, k + 1, pos, limit) if spec.get("OP") == "?" else set()
    if pos < limit and toks.test(pos, spec):
        out |= _right(toks, pattern, k + 1, pos + 1, limit)
    return out


def _left(
    toks: TokenCache, pattern: tuple[dict[str, Any], ...], k: int, pos: int, limit: int
) -> set[int]:
    if k < 0:
        return {pos + 1}
    spec = pattern[k]
    out = _left(toks, pattern, k - 1, pos, limit) if spec.get("OP") == "?" else set()
    if pos >= limit and toks.test(pos, spec):
        out |= _left(toks, pattern, k - 1, pos - 1, limit)
    return out
