"""Clause-level reading of a stance cue: its subject and clause, negation, wishes, conditions."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .cues import Cue
from .lexicon import StanceCues

__all__ = [
    "clause_of",
    "conditional",
    "conditions_of",
    "in_quotes",
    "negated",
    "subject_of",
    "wished",
]

_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_TIME_WORDS = frozenset({"day", "week", "month", "year", "hour", "time", "while", "moment"})
_NEGATIVE_PHRASES = frozenset(
    {"not up for discussion", "not on the table", "not abide", "not implement"}
)


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, climbing through complements, conjuncts and relative clauses."""
    node = verb
    for _ in range(4):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subject is not None:
            if subject.lower_ in ("that", "which", "who") and node.dep_ == "relcl":
                return node.head
            return subject
        if (
            node.dep_ in ("xcomp", "conj", "acomp", "advcl", "ccomp", "prep", "pcomp", "aux")
            and node.head.i != node.i
        ):
            node = node.head
            continue
        if node.dep_ == "relcl":
            return node.head
        return None
    return None


def clause_of(anchor: Token) -> Span:
    """The smallest stretch around ``anchor`` that reads as its clause."""
    doc = anchor.doc
    node = anchor
    if node.pos_ in ("NOUN", "ADJ") and node.head.pos_ in ("VERB", "AUX"):
        node = node.head
    left = min(node.left_edge.i, anchor.i)
    right = max(node.right_edge.i, anchor.i)
    sent = anchor.sent
    left, right = max(left, sent.start), min(right, sent.end - 1)
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left : right + 1]


def negated(doc: Doc, cue: Cue) -> bool:
    anchor = cue.anchor
    if any(c.dep_ == "neg" or c.lower_ in _NEGATIONS for c in anchor.children):
        return True
    if any(c.dep_ == "nsubj" and c.lower_ in ("nobody", "none") for c in anchor.children):
        return True  # "nobody had agreed to …"
    head = anchor.head
    if anchor.dep_ in ("xcomp",) and any(c.dep_ == "neg" for c in head.children):
        return True
    before = doc[max(cue.start - 2, anchor.sent.start) : cue.start]
    return (
        any(t.lower_ in ("never", "not", "n't") for t in before)
        and cue.label not in _NEGATIVE_PHRASES
    )


def conditional(
    anchor: Token, marks: tuple[str, ...] = ("if", "unless", "should", "whether")
) -> bool:
    """The cue sits under "if", "unless", "should" or "whether": a hypothesis, not a claim."""
    node = anchor
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in node.children):
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def wished(anchor: Token, cues: StanceCues) -> bool:
    """A cue in someone's wish or demand, not a position the actor has taken."""
    if anchor.pos_ != "VERB":
        return False
    if any(
        c.dep_ == "aux" and c.lower_ in ("should", "must", "ought", "might", "may")
        for c in anchor.children
    ):
        return True
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children)
    if to and anchor.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp"):
        head = anchor.head
        if head.pos_ == "NOUN":
            return True  # "pressure on Israel to accept", "efforts to extend"
        if head.lemma_.lower() not in cues.able_heads:
            return True  # "urged Hamas to accept", "called on them to accept"
        if any(
            c.dep_ == "dobj" and c.lemma_.lower() not in _TIME_WORDS for c in head.children
        ) and head.lemma_.lower() not in ("ready", "prepared"):
            return (
                True  # "wanted the United States to guarantee", not "would take a week to examine"
            )
    return False


def in_quotes(token: Token) -> bool:
    sent = token.sent
    quotes = [t.i for t in sent if t.text in ('"', "“", "”")]
    return any(a < token.i < b for a, b in zip(quotes[::2], quotes[1::2], strict=False))


def conditions_of(
    doc: Doc, anchor: Token, markers: frozenset[str], only_markers: frozenset[str] = frozenset()
) -> list[str]:
    """ "provided Israel abided by the terms", "subject to Russia accepting it", "if …" — on the
    cue's clause, or on the speech verb it is reported under ("said it accepted the plan,
    provided that …")."""
    found = []
    holders = [anchor]
    if anchor.dep_ in ("ccomp", "xcomp") and anchor.head.i != anchor.i:
        holders.append(anchor.head)
    for holder in holders:
        children = [
            *holder.children,
            *(
                g
                for c in holder.children
                if c.dep_ == "advmod"
                for g in c.children
                if g.dep_ == "advcl"
            ),
        ]
        for child in children:  # "would welcome it as long as …": the clause hangs on "long"
            if holder is not anchor and child.i < anchor.i:
                continue
            clause = child
            if child.dep_ == "prep" and child.lower_ in ("provided", "providing"):
                clause = next(
                    (c for c in child.children if c.dep_ in ("pcomp", "advcl", "ccomp")), child
                )
            elif child.dep_ != "advcl":
                continue
            marks = [
                c
                for c in clause.children
                if c.dep_ in ("mark", "advmod")
                and (
                    c.lower_ in markers
                    or (c.i > 0 and f"{doc[c.i - 1].lower_} {c.lower_}" in only_markers)
                )
            ]
            if marks or child.lower_ in ("provided", "providing"):
                start = (marks[0].i + 1) if marks else child.i + 1
                span = doc[start : clause.right_edge.i + 1]
                found.append(span.text.strip(' ,."“”'))
    for child in anchor.subtree:
        if child.lower_ == "to" and child.head.lower_ == "subject":
            if child.right_edge.i > child.i:
                found.append(doc[child.i + 1 : child.right_edge.i + 1].text.strip(" ,."))
        if child.lower_ == "condition" and child.head.lower_ == "on":
            stated = next((c for c in child.children if c.dep_ in ("acl", "ccomp", "relcl")), None)
            if stated is not None:
                found.append(
                    doc[stated.left_edge.i : stated.right_edge.i + 1]
                    .text.removeprefix("that ")
                    .strip()
                )
    return list(dict.fromkeys(c.removeprefix("that ") for c in found if c))
