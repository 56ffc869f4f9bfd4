"""What a proposal mention says about its proposal's state: the status its verbs give it
("signed", "took effect", "expired"), whether it is background (an old date in its phrase),
whether the deal is only hoped for ("efforts to reach a deal"), whether a truce is singled
out ("the seven-day ceasefire"), and its label. A mixin of :class:`~.mentions.MentionFinder`.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from ..analysis import Analysis
from .lexicon import STATUS_RANK, ProposalCues

__all__ = ["OBJECT_PREPS", "MentionStatus", "named"]

_MODALS = frozenset({"could", "might", "may", "would", "should", "can"})
_SUBJECT_ROLES = frozenset({"nsubj", "nsubjpass"})
_UNREAL_MARKS = frozenset({"before", "until", "if", "unless", "once", "whether"})
OBJECT_PREPS = frozenset(
    {"to", "on", "with", "off", "upon"}
)  # "agreed to a truce", "signed off on the plan"


def named(token: Token) -> bool:
    """The noun carries a proper-name modifier ("the January deal", "the Minsk agreements")."""
    return any(c.dep_ in ("compound", "amod", "nmod") and c.pos_ == "PROPN" for c in token.children)


def _relative_clause(token: Token) -> bool:
    """A clause opened by "that"/"which" that the parser hung on the clause before it."""
    return token.dep_ == "ccomp" and any(
        c.dep_ == "nsubj" and c.lower_ in ("that", "which") for c in token.children
    )


class MentionStatus:
    """Status, background, prospect, specificity and label of a mention."""

    cues: ProposalCues

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
            return (
                node.dep_ in ("dobj",)
                and node.head.i == verb.i
                and verb.lemma_.lower() in ("implement", "observe")
            )
        if node.dep_ == "dobj":
            return node.head.i == verb.i
        return (
            node.dep_ == "pobj" and node.head.lower_ in OBJECT_PREPS and node.head.head.i == verb.i
        )

    def _status_of(self, verb: Token) -> str | None:
        """The status a verb gives the proposal it governs ("signed", "took effect", "came
        into force", "collapsed"), if any; never under a negation."""
        lemma = verb.lemma_.lower()
        needed = self.cues.status_complements.get(lemma)
        if needed is not None and not any(t.lower_ in needed for t in verb.subtree if t.i > verb.i):
            return None  # "came with a memorandum", "took the plan to Hamas"
        if any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in _MODALS) for c in verb.children):
            return None  # "did not sign", "the truce could unravel"
        if verb.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in _UNREAL_MARKS for c in verb.children
        ):
            return None  # "before the truce takes effect", "if the deal is signed"
        particle = next((c.lower_ for c in verb.children if c.dep_ == "prt"), None)
        if particle is not None and f"{lemma} {particle}" in self.cues.status_of_verb:
            return self.cues.status_of_verb[f"{lemma} {particle}"]  # "signed off on" is agreement
        return self.cues.status_of_verb.get(lemma)

    def _status(self, token: Token, verb: Token | None) -> str | None:
        candidates = []
        if (
            verb is not None
            and (status := self._status_of(verb)) is not None
            and self._argument_of(token, verb, status)
        ):
            candidates.append(status)
        for child in token.children:
            if child.dep_ in ("relcl", "acl"):
                status = self._status_of(child)
                if status is not None:
                    candidates.append(status)
                for conj in child.children:
                    if (conj.dep_ == "conj" or _relative_clause(conj)) and (
                        status := self._status_of(conj)
                    ) is not None:
                        candidates.append(
                            status
                        )  # "a truce agreed on Wednesday that expired on Friday"
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
                value = date.fromisoformat(
                    (mention.value[:10] + "-01-01"[len(mention.value[:10]) - 4 :])[:10]
                )
            except ValueError:
                continue
            if (published - value).days > 14 and (
                len(mention.value) >= 10 or value.year < published.year
            ):
                return True
        years = [
            int(t.text) for t in token.lefts if t.like_num and len(t.text) == 4 and t.text.isdigit()
        ]
        return any(1900 < year < published.year for year in years)

    @staticmethod
    def _label(doc: Doc, token: Token) -> str:
        quoted = [t for t in token.subtree if t.text in ('"', "“", "”")]
        if len(quoted) >= 2:
            inner = doc[quoted[0].i + 1 : quoted[-1].i]
            if 0 < len(inner) <= 6:
                return inner.text
        words = [
            t
            for t in token.lefts
            if t.dep_ in ("amod", "compound", "nmod", "nummod") or t.dep_ == "poss"
        ]
        parts = [_modifier_text(doc, t) for t in words if t.dep_ != "poss" and not t.is_punct]
        return " ".join([*parts, token.text])

    @staticmethod
    def specific(token: Token) -> bool:
        """ "the seven-day ceasefire", "the January ceasefire", "the Luanda truce": a truce
        that the words single out, not "the truce" of some proposal's terms."""
        duration = any(
            c.like_num or c.lower_.endswith(("-day", "-month", "-year", "-week"))
            for c in token.subtree
            if c.i < token.i
        )
        duration = duration or any(  # "a truce of up to about 10 days"
            t.like_num
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in ("of", "lasting")
            for t in c.subtree
        )
        return (
            duration
            or named(token)
            or any(
                c.lower_ in ("day", "month", "year", "week", "days", "months") for c in token.lefts
            )
        )

    def _hypothetical(self, token: Token, verb: Token | None) -> bool:
        """ "could help broker an agreement", "efforts to reach a deal", "a real chance of a
        deal", "an agreement was within reach": a deal that does not exist yet."""
        prospects = self.cues.prospect_words
        if token.dep_ == "pobj" and token.head.head.lemma_.lower() in prospects:
            return True  # "a chance of a deal", "hopes for an agreement"
        if token.dep_ == "pobj" and token.head.lower_ in ("towards", "toward"):
            return True  # "inch towards a security pact", "a step towards a deal"
        if (
            verb is not None
            and verb.lemma_.lower() == "be"
            and any(c.lemma_.lower() in prospects for c in verb.subtree if c.i > token.i)
        ):
            return True  # "an agreement was close", "within reach"
        node = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
        for _ in range(3):
            if node is None:
                return False
            if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in node.children):
                return True
            if node.tag_ == "VBG" and node.head.dep_ in ("pobj", "prep"):
                return (
                    node.lemma_.lower() in self.cues.creation_verbs
                )  # "a role in brokering an agreement", not "of violating a ceasefire"
            if node.dep_ in ("xcomp", "advcl", "acl", "conj") and any(
                c.lower_ == "to" and c.dep_ == "aux" for c in node.children
            ):
                return (
                    node.lemma_.lower() in self.cues.creation_verbs
                )  # "efforts to reach a deal", not "failing to honour a truce"
            if node.dep_ not in ("xcomp", "advcl", "acl", "conj"):
                return False
            node = node.head
        return False

    def _of_its_own(self, token: Token) -> bool:
        """ "a memorandum of its own"; "responded with its own draft"."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                if any(g.lower_ == "own" for g in child.subtree):
                    return True
        own = any(c.lower_ == "own" for c in token.children if c.dep_ == "amod")
        verb = token.head.head if token.dep_ == "pobj" else token.head
        return own and verb.lemma_.lower() in self.cues.counter_verbs


def _modifier_text(doc: Doc, modifier: Token) -> str:
    """A label modifier with its own modifiers: "20-point" of "a 20-point plan", not "point"."""
    start = modifier.left_edge.i
    while start < modifier.i and doc[start].dep_ in ("det", "poss", "case", "punct", "cc"):
        start += 1
    return doc[start : modifier.i + 1].text
