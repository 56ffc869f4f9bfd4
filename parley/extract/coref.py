"""Component ``parley_coref``: which actors a phrase refers to, inside one article.

Stances and events need actor ids for their subjects and objects. :func:`actors_of` turns a
token (the head of a noun phrase) into actor ids:

- a name, demonym phrase or descriptive reference found by ``parley_actors`` → that actor;
- a named person, or "Netanyahu's office" → the person's affiliation;
- coordination ("Israel and Hamas", "Qatari and Egyptian mediators") → every conjunct;
- "the two sides", "both parties", "the warring parties" → the article's parties;
- "the mediators", "mediation" → the article's mediators;
- "he"/"she" → the last person named; "it"/"its"/"they"/"their" → the last actor named in
  the subject of an earlier clause.

requires: doc._.parley.actor_mentions, doc._.parley.people, token.dep
assigns:  doc._.parley.parties, doc._.parley.mediators (analysis.extra)
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Token

from .analysis import Analysis, analysis_of
from .lexicons import load_lexicons

__all__ = ["Coref", "actors_of", "parties_of"]

_SIDES = frozenset({"side", "sides", "party", "parties", "countries", "nations", "neighbours", "neighbors", "foes", "rivals", "belligerents", "adversaries", "enemies"})
_MEDIATION = frozenset({"mediator", "mediators", "mediation", "broker", "brokers", "intermediaries", "intermediary"})
_PERSONAL = frozenset({"he", "she", "him", "her", "his"})
_COLLECTIVE = frozenset({"it", "its", "they", "them", "their"})
_MEDIATOR_ROOTS = ("mediat", "broker")


def _conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_conjuncts(child))
    return out


def parties_of(doc: Doc, analysis: Analysis) -> list[str]:
    """The article's parties: actors joined by "between X and Y", else the two most
    mentioned states or armed groups that are not mediators."""
    return _parties(doc, analysis)[0]


def _parties(doc: Doc, analysis: Analysis) -> tuple[list[str], bool]:
    """The parties, and whether the text states them ("between X and Y") or they are a guess."""
    registry = load_lexicons().actors
    mediators = set(analysis.extra.get("mediators", ()))
    for token in doc:
        if token.lower_ != "between":
            continue
        objects = [c for c in token.children if c.dep_ == "pobj"]
        if not objects:
            continue
        found = []
        for conj in _conjuncts(objects[0]):
            mention = analysis.mention_at(conj.i)
            if mention is not None and mention.actor not in found:
                found.append(mention.actor)
        found = [a for a in found if a not in mediators]
        if len(found) >= 2:
            return found, True
    counts: Counter[str] = Counter()
    for m in analysis.actor_mentions:
        entry = registry.get(m.actor)
        if m.agentive and entry is not None and entry.kind in ("state", "armed_group") and m.actor not in mediators:
            counts[m.actor] += 1
    return [actor for actor, _ in counts.most_common(2)], False


def _mediators(doc: Doc, analysis: Analysis) -> list[str]:
    """Actors that modify or are in apposition to "mediator(s)"/"mediation", or that
    "mediate"/"broker"."""
    found: list[str] = []

    def add(actor: str) -> None:
        if actor not in found:
            found.append(actor)

    for token in doc:
        low = token.lower_
        if low in _MEDIATION or low.startswith(_MEDIATOR_ROOTS):
            related = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "appos", "nmod")]
            if token.pos_ == "VERB":
                related += [c for c in token.children if c.dep_ in ("nsubj", "agent")]
                related += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if token.dep_ in ("appos", "compound") and token.head.i != token.i:
                related.append(token.head)
            for tok in related:
                for conj in _conjuncts(tok):
                    mention = analysis.mention_at(conj.i)
                    if mention is not None:
                        add(mention.actor)
            for child in token.children:  # "mediators from Egypt and Qatar", "mediators in Egypt and Qatar"
                if child.dep_ == "prep" and child.lower_ in ("from", "in", "of"):
                    for obj in (c for c in child.children if c.dep_ == "pobj"):
                        for conj in _conjuncts(obj):
                            mention = analysis.mention_at(conj.i)
                            if mention is not None:
                                add(mention.actor)
    return found


def actors_of(doc: Doc, analysis: Analysis, token: Token, *, expand: bool = True) -> list[str]:
    """Actor ids that the phrase headed by ``token`` refers to (empty when unknown)."""
    tokens = _conjuncts(token) if expand else [token]
    found: list[str] = []
    for tok in tokens:
        for actor in _one(doc, analysis, tok):
            if actor not in found:
                found.append(actor)
    return found


def _one(doc: Doc, analysis: Analysis, token: Token) -> list[str]:
    mention = analysis.mention_at(token.i)
    if mention is not None:
        return [mention.actor]
    person = analysis.person_at.get(token.i)
    if person is not None:
        affiliation = analysis.people[person].affiliation
        return [affiliation] if affiliation else []
    low = token.lower_
    # "Netanyahu's office", "the Israeli military's spokesman", "Hamas officials"
    for child in token.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            inner = _one(doc, analysis, child)
            if inner:
                return inner
    if low in _SIDES and token.tag_ in ("NNS", "NNPS") or low in ("sides", "parties"):
        return list(analysis.extra.get("parties", ()))
    if low in _MEDIATION:
        return list(analysis.extra.get("mediators", ()))
    if low in _PERSONAL:
        before = [i for i in analysis.person_at if i < token.i]
        if before:
            affiliation = analysis.people[analysis.person_at[max(before)]].affiliation
            return [affiliation] if affiliation else []
        return []
    if low in _COLLECTIVE:
        return _antecedent(doc, analysis, token)
    # "the delegation", "the negotiators" with an actor in a following "of"/"from" phrase
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "for"):
            for obj in (c for c in child.children if c.dep_ == "pobj"):
                inner = actors_of(doc, analysis, obj)
                if inner:
                    return inner
    return []


def _antecedent(doc: Doc, analysis: Analysis, token: Token) -> list[str]:
    """The last agentive actor mentioned as a clause subject before ``token``; for "they",
    a coordinated subject if there is one."""
    plural = token.lower_ in ("they", "them", "their")
    if token.lower_ == "its":
        # "thanked the government for … its positive engagement": the nearest actor before it
        # in the same sentence, whatever its role
        near = [m for m in analysis.actor_mentions
                if m.agentive and token.sent.start <= m.start and m.end <= token.i]
        if near:
            return [near[-1].actor]
    candidates = []
    for m in analysis.actor_mentions:
        if m.end > token.i or not m.agentive:
            continue
        root = doc[m.start : m.end].root
        subject = root.dep_ in ("nsubj", "nsubjpass") or (
            root.dep_ in ("poss", "compound", "amod") and root.head.dep_ in ("nsubj", "nsubjpass")
        )
        if subject:
            candidates.append((m, root))
    if not candidates:
        return []
    mention, root = candidates[-1]
    if plural:
        group = actors_of(doc, analysis, root.head if root.dep_ in ("poss", "compound", "amod") else root)
        if len(group) > 1:
            return group
    return [mention.actor]


class Coref:
    """Precomputes the article's parties and mediators for :func:`actors_of`."""

    def __call__(self, doc: Doc) -> Doc:
        analysis = analysis_of(doc)
        analysis.extra["mediators"] = _mediators(doc, analysis)
        parties, stated = _parties(doc, analysis)
        analysis.extra["parties"] = parties
        analysis.extra["parties_stated"] = stated
        return doc


@Language.factory(
    "parley_coref",
    requires=["doc._.parley", "token.dep"],
    assigns=["doc._.parley"],
)
def make_coref(nlp: Language, name: str) -> Coref:
    return Coref()
