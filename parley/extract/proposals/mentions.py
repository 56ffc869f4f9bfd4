"""Proposal mentions: the nouns that name an offer, plan, draft or agreement.

A proposal head ("proposal", "plan", "deal", "truce" …) is a mention unless its phrase
shows that it is something else: an actor's name ("the Government of National Accord"), a
non-negotiation agreement ("a trade deal", "an agreement with a private security company"),
a topic of talks ("negotiations on a settlement"), a hypothetical ("could help broker an
agreement"), a part of another mention ("a proposal for a 'comprehensive deal'"). Weak heads
("text", "response", "plan") need a sign that a negotiation text is meant; a truce needs to be
agreed, signed, extended, take effect or expire to be a proposal of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..analysis import Analysis
from ..coref import actors_of
from .authors import Authors, subject_of
from .exclusions import Exclusions
from .lexicon import ProposalCues
from .status import OBJECT_PREPS, MentionStatus, named

__all__ = ["DEFINITE", "Mention", "MentionFinder", "governing_verb", "named", "years"]

DEFINITE = frozenset(
    {"the", "this", "that", "these", "those", "any"}
)  # "had not received any proposal"
_COUNTER_PREFIX = re.compile(r"^counter-?", re.I)


@dataclass(slots=True)
class Mention:
    head: Token
    start: int
    end: int
    counter: bool
    proposer: str | None
    proposer_rule: str
    definite: bool
    background: bool
    status: str | None
    label: str
    part_of: int | None = None  # "the first phase of Trump's plan": the plan's head token
    authors: tuple[str, ...] = ()  # co-authors of a joint proposal ("a Saudi-U.S. initiative")


def governing_verb(token: Token) -> Token | None:
    """The verb the proposal noun is an argument of (through a preposition if need be)."""
    node = token
    for _ in range(3):
        head = node.head
        if head.i == node.i:
            return None
        if head.pos_ in ("VERB", "AUX"):
            return head
        if head.dep_ == "prep" or node.dep_ in ("pobj", "conj", "appos"):
            node = head
            continue
        return None
    return None


def years(token: Token) -> set[str]:
    """Years written in the noun's phrase ("the 1974 disengagement agreement")."""
    return {t.text for t in token.lefts if t.like_num and len(t.text) == 4 and t.text.isdigit()}


class MentionFinder(Exclusions, MentionStatus):
    """Finds proposal mentions in a doc."""

    def __init__(self, cues: ProposalCues, authors: Authors):
        self.cues = cues
        self.authors = authors

    def find(self, doc: Doc, analysis: Analysis) -> list[Mention]:
        mentions: list[Mention] = []
        for token in doc:
            mention = self._mention(doc, analysis, token, earlier=bool(mentions))
            if mention is not None:
                mentions.append(mention)
        return mentions

    # -- one token ---------------------------------------------------------------------------

    def _part_agreed(self, doc: Doc, token: Token) -> Mention | None:
        """ "Israel and Hamas agreed on the first phase of Trump's plan": an agreement of its
        own, on part of a proposal (its parent), with no author."""
        cues = self.cues
        if token.lemma_.lower() not in cues.phase_words or token.dep_ not in ("pobj", "dobj"):
            return None
        verb = token.head.head if token.dep_ == "pobj" else token.head
        if verb.lemma_.lower() not in ("agree", "sign", "reach", "approve", "clinch", "seal"):
            return None
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if (
            inner is None
            or inner.lemma_.lower() not in cues.heads
            or inner.lemma_.lower() in cues.agreement_kinds
        ):
            return None  # "approved the first phase of the deal" approves the deal itself
        label = doc[token.left_edge.i : token.i + 1].text + " of the " + inner.lemma_
        status = "signed" if verb.lemma_.lower() in ("sign", "approve") else "agreed"
        return Mention(
            token,
            token.left_edge.i,
            token.i + 1,
            False,
            None,
            "",
            False,
            False,
            status,
            label,
            inner.i,
        )

    def _is_head(self, token: Token) -> bool:
        lemma, low = token.lemma_.lower(), token.lower_
        if lemma in self.cues.heads or low in self.cues.heads:
            return True
        return bool(_COUNTER_PREFIX.match(low)) and _COUNTER_PREFIX.sub("", low) in self.cues.heads

    def _mention(
        self, doc: Doc, analysis: Analysis, token: Token, *, earlier: bool = False
    ) -> Mention | None:
        """The mention ``token`` heads, if it names a proposal (see the module docstring)."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        part = self._part_agreed(doc, token)
        if part is not None:
            return part
        if not self._is_head(token) or analysis.mention_at(token.i) is not None:
            return (
                None  # not a proposal noun, or part of a name ("the Government of National Accord")
            )
        if self._not_a_proposal(doc, analysis, token):
            return None
        verb = governing_verb(token)
        proposer, rule = self.authors.proposer(doc, analysis, token, verb)
        if proposer is None and (self._topic_of_talks(token) or self._describes_another(token)):
            return None  # "negotiations on a wider settlement", "dismissed Moscow's terms as an ultimatum"
        definite = any(c.lower_ in DEFINITE for c in token.children if c.dep_ in ("det", "poss"))
        status = self._status(token, verb)
        authors: tuple[str, ...] = ()
        if proposer is None and not definite and self.specific(token):
            advocates = self.authors.advocates(
                doc, analysis, token
            )  # "mediators would push for a truce of 10 days"
            if len(advocates) == 1:
                proposer, rule = advocates[0], "pushed for"
            authors = tuple(advocates) if len(advocates) > 1 else ()
        authored = bool(proposer or authors)
        if not authored and not self._evidence(
            doc, analysis, token, verb, status, definite=definite, earlier=earlier
        ):
            return None
        counter = (
            token.lower_.startswith("counter")
            or token.lemma_.lower() in self.cues.counter_heads
            or self._of_its_own(token)
        )
        if counter and proposer is None and not definite:
            return None  # "asked for amendments", "a response": no text of anyone's yet
        if not definite and not authored and self._hypothetical(token, verb):
            return None  # "could play a role in brokering an agreement", "a chance of a deal"
        background = status == "collapsed" or (
            status != "in_force" and self._old_date(analysis, token)
        )
        return Mention(
            token,
            token.left_edge.i,
            token.i + 1,
            counter,
            proposer,
            rule,
            definite,
            background,
            status,
            self._label(doc, token),
            authors=authors,
        )

    def _evidence(
        self,
        doc: Doc,
        analysis: Analysis,
        token: Token,
        verb: Token | None,
        status: str | None,
        *,
        definite: bool,
        earlier: bool,
    ) -> bool:
        """Without an author: a truce is a proposal when it is agreed, signed, extended, takes
        effect or expires (otherwise "a 60-day ceasefire" is a provision of some proposal); a
        weak head ("text", "plan") needs a sign that a negotiation text is meant."""
        cues = self.cues
        lemma = token.lemma_.lower()
        if lemma in cues.agreement_heads:
            verb_lemma = verb.lemma_.lower() if verb is not None else ""
            return status is not None or verb_lemma in cues.agreement_verbs or definite
        if cues.is_weak(lemma, token.lower_):
            mods = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
            return (definite and earlier) or self._named_as_proposal(
                doc, analysis, token, mods, verb
            )
        return True

    def _named_as_proposal(
        self, doc: Doc, analysis: Analysis, token: Token, mods: set[str], verb: Token | None
    ) -> bool:
        """A weak head ("plan", "text", "framework") names a negotiation text when a modifier
        says so ("peace plan", "21-point plan"), when it states a provision ("a plan to extend
        the truce"), or when an actor does to it what is done to proposals ("Hamas accepted the
        framework")."""
        if mods & self.cues.modifiers or any(c.like_num for c in token.subtree if c.i < token.i):
            return True
        left, right = token.left_edge.i, token.right_edge.i
        if any(left <= t.start <= right for t in analysis.terms):
            return True
        if verb is None or verb.lemma_.lower() not in self.cues.proposal_verbs:
            return False
        if not (
            token.dep_ in ("dobj", "nsubjpass", "nsubj")
            or (token.dep_ == "pobj" and token.head.lower_ in OBJECT_PREPS)
        ):
            return (
                False  # "rejected the accusation in a statement": an adjunct, not what was rejected
            )
        subject = subject_of(verb)
        if subject is None or subject.i == token.i:
            agent = next(
                (
                    g
                    for c in verb.children
                    if c.dep_ == "agent"
                    for g in c.children
                    if g.dep_ == "pobj"
                ),
                None,
            )
            return agent is not None and bool(actors_of(doc, analysis, agent))
        return bool(actors_of(doc, analysis, subject))
