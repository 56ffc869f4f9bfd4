"""Shared pieces of the role-cue readers: the cue record and a few dependency-tree helpers."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

__all__ = ["RoleCue", "governor", "negated", "one_of", "subject", "verb_chain"]


@dataclass(frozen=True, slots=True)
class RoleCue:
    """One statement that ``actor`` holds ``role``: the cue word and the rule that read it."""

    actor: str
    role: str
    token: int
    rule: str


def subject(verb: Token) -> Token | None:
    return next((c for c in verb.children if c.dep_ in ("nsubj", "csubj")), None)


def negated(token: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in ("neg", "advmod", "det") for c in token.children)


def one_of(token: Token) -> Token:
    """"one of the main mediators" → "one"; "among the guarantors" → its head."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ("one", "some", "two", "three", "all", "both", "each", "part"):
        return head.head
    return token


def governor(token: Token) -> Token:
    """The verb a noun phrase hangs from (through prepositions and nouns, at most four steps)."""
    current = token
    for _ in range(4):
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return current
        current = current.head
    return current


def verb_chain(token: Token) -> Iterator[Token]:
    """``token`` and the verbs it depends on, up to the clause that frames it."""
    current = token
    for _ in range(4):
        yield current
        if current.dep_ in ("ROOT",) or current.head.i == current.i:
            return
        if current.dep_ not in ("xcomp", "ccomp", "conj", "pcomp", "advcl", "prep", "pobj", "acl", "relcl"):
            return
        current = current.head
