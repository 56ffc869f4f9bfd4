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
from datetime import date

from spacy.tokens import Doc, Token

from ..analysis import Analysis
from ..coref import actors_of
from .authors import Authors, subject_of
from .lexicon import STATUS_RANK, ProposalCues

__all__ = ["DEFINITE", "Mention", "MentionFinder", "governing_verb", "named", "years"]

DEFINITE = frozenset({"the", "this", "that", "these", "those", "any"})  # "had not received any proposal"
_COUNTER_PREFIX = re.compile(r"^counter-?", re.I)
_MODALS = frozenset({"could", "might", "may", "would", "should", "can"})
_SUBJECT_ROLES = frozenset({"nsubj", "nsubjpass"})
_UNREAL_MARKS = frozenset({"before", "until", "if", "unless", "once", "whether"})
_OBJECT_PREPS = frozenset({"to", "on", "with", "off", "upon"})  # "agreed to a truce", "signed off on the plan"
_TIME_NOUNS = frozenset({"midnight", "noon", "dawn", "dusk", "morning", "evening", "night", "day", "week",
                         "month", "year", "hour", "today", "tomorrow", "weekend", "time", "date", "start", "end"})


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


def named(token: Token) -> bool:
    """The noun carries a proper-name modifier ("the January deal", "the Minsk agreements")."""
    return any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" for c in token.children)


def years(token: Token) -> set[str]:
    """Years written in the noun's phrase ("the 1974 disengagement agreement")."""
    return {t.text for t in token.lefts if t.like_num and len(t.text) == 4 and t.text.isdigit()}


class MentionFinder:
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
        """"Israel and Hamas agreed on the first phase of Trump's plan": an agreement of its
        own, on part of a proposal (its parent), with no author."""
        cues = self.cues
        if token.lemma_.lower() not in cues.phase_words or token.dep_ not in ("pobj", "dobj"):
            return None
        verb = token.head.head if token.dep_ == "pobj" else token.head
        if verb.lemma_.lower() not in ("agree", "sign", "reach", "approve", "clinch", "seal"):
            return None
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if inner is None or inner.lemma_.lower() not in cues.heads or inner.lemma_.lower() in cues.agreement_kinds:
            return None  # "approved the first phase of the deal" approves the deal itself
        label = doc[token.left_edge.i : token.i + 1].text + " of the " + inner.lemma_
        status = "signed" if verb.lemma_.lower() in ("sign", "approve") else "agreed"
        return Mention(token, token.left_edge.i, token.i + 1, False, None, "", False, False, status, label, inner.i)

    def _is_head(self, token: Token) -> bool:
        lemma, low = token.lemma_.lower(), token.lower_
        if lemma in self.cues.heads or low in self.cues.heads:
            return True
        return bool(_COUNTER_PREFIX.match(low)) and _COUNTER_PREFIX.sub("", low) in self.cues.heads

    def _mention(self, doc: Doc, analysis: Analysis, token: Token, *, earlier: bool = False) -> Mention | None:
        """The mention ``token`` heads, if it names a proposal (see the module docstring)."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        part = self._part_agreed(doc, token)
        if part is not None:
            return part
        if not self._is_head(token) or analysis.mention_at(token.i) is not None:
            return None  # not a proposal noun, or part of a name ("the Government of National Accord")
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
            advocates = self.authors.advocates(doc, analysis, token)  # "mediators would push for a truce of 10 days"
            if len(advocates) == 1:
                proposer, rule = advocates[0], "pushed for"
            authors = tuple(advocates) if len(advocates) > 1 else ()
        authored = bool(proposer or authors)
        if not authored and not self._evidence(doc, analysis, token, verb, status, definite=definite, earlier=earlier):
            return None
        counter = token.lower_.startswith("counter") or token.lemma_.lower() in self.cues.counter_heads or self._of_its_own(token)
        if counter and proposer is None and not definite:
            return None  # "asked for amendments", "a response": no text of anyone's yet
        if not definite and not authored and self._hypothetical(token, verb):
            return None  # "could play a role in brokering an agreement", "a chance of a deal"
        background = status == "collapsed" or (status != "in_force" and self._old_date(analysis, token))
        return Mention(token, token.left_edge.i, token.i + 1, counter, proposer, rule, definite, background, status,
                       self._label(doc, token), authors=authors)

    def _not_a_proposal(self, doc: Doc, analysis: Analysis, token: Token) -> bool:
        """The phrase shows the noun names something else, or no proposal of its own."""
        cues = self.cues
        mods = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
        if mods & cues.excluded or self._outside_negotiation(doc, analysis, token):
            return True  # "a trade deal", "an agreement with a private security company"
        if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i:
            return True  # "ceasefire talks", "peace plan" is taken at its head
        if self._inside_other(token):
            return True  # "a proposal for a 'comprehensive deal'": one mention, the label is inside
        if any(c.lower_ == "whose" for c in token.children):
            return True  # "the treaty, whose text …": the treaty itself
        if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
            return True  # "no agreement had been reached"
        if token.lemma_.lower() in cues.agreement_heads and any(c.dep_ == "det" and c.lower_ == "any" for c in token.children):
            return True  # "before any truce took effect": no truce in particular
        if token.dep_ == "pobj" and token.head.lower_ == "without":
            return True  # "ended without agreement"
        if cues.is_weak(token.lemma_.lower(), token.lower_) and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
            # "extend it … and broaden its terms": the terms of the truce named before it
            return any(t.i < token.i and t.pos_ == "NOUN" and t.lemma_.lower() in cues.heads for t in token.sent)
        return False

    def _topic_of_talks(self, token: Token) -> bool:
        """"negotiations on a ceasefire and a wider political settlement": topics, not texts."""
        first = token
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        return first.dep_ == "pobj" and first.head.lower_ in ("on", "about", "over") and first.head.head.lemma_.lower() in self.cues.topic_nouns

    def _evidence(self, doc: Doc, analysis: Analysis, token: Token, verb: Token | None, status: str | None,
                  *, definite: bool, earlier: bool) -> bool:
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
            return (definite and earlier) or self._named_as_proposal(doc, analysis, token, mods, verb)
        return True

    def _describes_another(self, token: Token) -> bool:
        """A predicate noun ("… as an ultimatum", "amounted to a rejection of the plan") says
        what another proposal is; an unowned plural ("rival blueprints") names several."""
        if token.dep_ in ("attr", "oprd") or (token.dep_ == "pobj" and token.head.lower_ == "as"):
            return True
        plural = token.tag_ in ("NNS", "NNPS") and token.lower_ not in self.cues.plural_heads
        return plural and not named(token)  # "the Minsk agreements" is a name

    def _outside_negotiation(self, doc: Doc, analysis: Analysis, token: Token) -> bool:
        """"an offer from armed men", "an agreement with a private security company": the
        other side is neither an actor nor a word for one, so no negotiation is meant."""
        holders = [token] + [c for c in token.children if c.dep_ in ("acl", "relcl")]
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("from", "with"):
                    continue
                for obj in prep.children:
                    if obj.dep_ != "pobj" or obj.pos_ != "NOUN" or obj.lemma_.lower() in _TIME_NOUNS:
                        continue
                    words = range(obj.left_edge.i, obj.right_edge.i + 1)
                    named = any(analysis.mention_at(i) is not None or i in analysis.person_at for i in words)
                    if not named and obj.lemma_.lower() not in self.cues.participants:
                        return True
        return False

    def _named_as_proposal(self, doc: Doc, analysis: Analysis, token: Token, mods: set[str], verb: Token | None) -> bool:
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
        if not (token.dep_ in ("dobj", "nsubjpass", "nsubj") or (token.dep_ == "pobj" and token.head.lower_ in _OBJECT_PREPS)):
            return False  # "rejected the accusation in a statement": an adjunct, not what was rejected
        subject = subject_of(verb)
        if subject is None or subject.i == token.i:
            agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
            return agent is not None and bool(actors_of(doc, analysis, agent))
        return bool(actors_of(doc, analysis, subject))

    def _inside_other(self, token: Token) -> bool:
        """"a proposal for a 'comprehensive deal'" is one mention; so is "the terms of the truce"
        (the truce is the proposal, its terms a part of it)."""
        cues = self.cues
        head = token.head
        if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("for", "of", "on"):
            outer = head.head
            strong = outer.pos_ in ("NOUN", "PROPN") and outer.lemma_.lower() in cues.heads and not cues.is_weak(outer.lemma_.lower(), outer.lower_)
            if strong:
                return True
            if outer.pos_ == "VERB" and head.lower_ == "for":  # "signed an agreement … for a ceasefire"
                return any(
                    c.dep_ == "dobj" and c.lemma_.lower() in cues.heads and not cues.is_weak(c.lemma_.lower(), c.lower_)
                    for c in outer.children
                )
            return False
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of" and cues.is_weak(token.lemma_.lower(), token.lower_):
                inner = next((c for c in child.children if c.dep_ == "pobj"), None)
                if inner is not None and inner.lemma_.lower() in cues.heads and not cues.is_weak(inner.lemma_.lower(), inner.lower_):
                    return True
        return token.dep_ == "appos" and (head.lemma_.lower() in cues.heads)

    def _hypothetical(self, token: Token, verb: Token | None) -> bool:
        """"could help broker an agreement", "efforts to reach a deal", "a real chance of a
        deal", "an agreement was within reach": a deal that does not exist yet."""
        prospects = self.cues.prospect_words
        if token.dep_ == "pobj" and token.head.head.lemma_.lower() in prospects:
            return True  # "a chance of a deal", "hopes for an agreement"
        if token.dep_ == "pobj" and token.head.lower_ in ("towards", "toward"):
            return True  # "inch towards a security pact", "a step towards a deal"
        if verb is not None and verb.lemma_.lower() == "be" and any(c.lemma_.lower() in prospects for c in verb.subtree if c.i > token.i):
            return True  # "an agreement was close", "within reach"
        node = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        for _ in range(3):
            if node is None:
                return False
            if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in node.children):
                return True
            if node.tag_ == "VBG" and node.head.dep_ in ("pobj", "prep"):
                return node.lemma_.lower() in self.cues.creation_verbs  # "a role in brokering an agreement", not "of violating a ceasefire"
            if node.dep_ in ("xcomp", "advcl", "acl") and any(c.lower_ == "to" and c.dep_ == "aux" for c in node.children):
                return node.lemma_.lower() in self.cues.creation_verbs  # "efforts to reach a deal", not "failing to honour a truce"
            if node.dep_ not in ("xcomp", "advcl", "acl", "conj"):
                return False
            node = node.head
        return False

    def _of_its_own(self, token: Token) -> bool:
        """"a memorandum of its own"; "responded with its own draft"."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                if any(g.lower_ == "own" for g in child.subtree):
                    return True
        own = any(c.lower_ == "own" for c in token.children if c.dep_ == "amod")
        verb = token.head.head if token.dep_ == "pobj" else token.head
        return own and verb.lemma_.lower() in self.cues.counter_verbs

    @staticmethod
    def specific(token: Token) -> bool:
        """"the seven-day ceasefire", "the January ceasefire", "the Luanda truce": a truce
        that the words single out, not "the truce" of some proposal's terms."""
        duration = any(c.like_num or c.lower_.endswith(("-day", "-month", "-year", "-week")) for c in token.subtree if c.i < token.i)
        duration = duration or any(  # "a truce of up to about 10 days"
            t.like_num for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "lasting") for t in c.subtree
        )
        return duration or named(token) or any(c.lower_ in ("day", "month", "year", "week", "days", "months") for c in token.lefts)

    @staticmethod
    def _argument_of(token: Token, verb: Token, status: str) -> bool:
        """The mention is what the status verb is about: its subject ("the truce took effect"),
        its object ("signed the accord") or a prepositional object ("agreed to a truce"), not
        an adjunct ("talks would begin during the truce"). Only a subject comes into force."""
        node = token
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        if node.dep_ in _SUBJECT_ROLES:
            return node.head.i == verb.i
        if status == "in_force":
            return node.dep_ in ("dobj",) and node.head.i == verb.i and verb.lemma_.lower() in ("implement", "observe")
        if node.dep_ == "dobj":
            return node.head.i == verb.i
        return node.dep_ == "pobj" and node.head.lower_ in _OBJECT_PREPS and node.head.head.i == verb.i

    def _status_of(self, verb: Token) -> str | None:
        """The status a verb gives the proposal it governs ("signed", "took effect", "came
        into force", "collapsed"), if any; never under a negation."""
        lemma = verb.lemma_.lower()
        needed = self.cues.status_complements.get(lemma)
        if needed is not None and not any(t.lower_ in needed for t in verb.subtree if t.i > verb.i):
            return None  # "came with a memorandum", "took the plan to Hamas"
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _MODALS) for c in verb.children):
            return None  # "did not sign", "the truce could unravel"
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _UNREAL_MARKS for c in verb.children):
            return None  # "before the truce takes effect", "if the deal is signed"
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        if particle is not None and f"{lemma} {particle}" in self.cues.status_of_verb:
            return self.cues.status_of_verb[f"{lemma} {particle}"]  # "signed off on" is agreement
        return self.cues.status_of_verb.get(lemma)

    def _status(self, token: Token, verb: Token | None) -> str | None:
        candidates = []
        if verb is not None and (status := self._status_of(verb)) is not None and self._argument_of(token, verb, status):
            candidates.append(status)
        for child in token.children:
            if child.dep_ in ("relcl", "acl"):
                status = self._status_of(child)
                if status is not None:
                    candidates.append(status)
                for conj in child.children:
                    if conj.dep_ == "conj" and (status := self._status_of(conj)) is not None:
                        candidates.append(status)
        if not candidates:
            return None
        return max(candidates, key=lambda s: STATUS_RANK.get(s, 0))

    @staticmethod
    def _old_date(analysis: Analysis, token: Token) -> bool:
        """A date more than two weeks before publication inside the mention's phrase ("the
        accord signed on Nov. 2", "the 2016 peace accord", "the 1991 Alma-Ata Declaration")."""
        published = analysis.published
        if published is None:
            return False
        left, right = token.left_edge.i, token.right_edge.i
        for mention in analysis.dates:
            if not left <= mention.start <= right or not mention.value:
                continue
            try:
                value = date.fromisoformat((mention.value[:10] + "-01-01"[len(mention.value[:10]) - 4:])[:10])
            except ValueError:
                continue
            if (published - value).days > 14 and (len(mention.value) >= 10 or value.year < published.year):
                return True
        years = [int(t.text) for t in token.lefts if t.like_num and len(t.text) == 4 and t.text.isdigit()]
        return any(1900 < year < published.year for year in years)

    @staticmethod
    def _label(doc: Doc, token: Token) -> str:
        quoted = [t for t in token.subtree if t.text in ('"', "“", "”")]
        if len(quoted) >= 2:
            inner = doc[quoted[0].i + 1 : quoted[-1].i]
            if 0 < len(inner) <= 6:
                return inner.text
        words = [
            t for t in token.lefts if t.dep_ in ("amod", "compound", "nmod", "nummod") or t.dep_ == "poss"
        ]
        parts = [t.text for t in words if t.dep_ != "poss" and not t.is_punct] + [token.text]
        return " ".join(parts)

