"""Nouns that look like proposal mentions but name something else: an agreement outside the
negotiation ("a trade deal", "an agreement with a private security company"), a consent
("won Tehran's agreement"), a topic of talks ("negotiations on a settlement"), a predicate
("dismissed the terms as an ultimatum"), a part of another mention ("a proposal for a
'comprehensive deal'"). A mixin of :class:`~.mentions.MentionFinder`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..analysis import Analysis
from .lexicon import ProposalCues
from .status import named

__all__ = ["Exclusions"]

_TIME_NOUNS = frozenset(
    {
        "midnight",
        "noon",
        "dawn",
        "dusk",
        "morning",
        "evening",
        "night",
        "day",
        "week",
        "month",
        "year",
        "hour",
        "today",
        "tomorrow",
        "weekend",
        "time",
        "date",
        "start",
        "end",
    }
)


class Exclusions:
    """Tests that a proposal noun names no proposal of its own."""

    cues: ProposalCues

    def _not_a_proposal(self, doc: Doc, analysis: Analysis, token: Token) -> bool:
        """The phrase shows the noun names something else, or no proposal of its own."""
        cues = self.cues
        mods = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
        if mods & cues.excluded or self._outside_negotiation(doc, analysis, token):
            return True  # "a trade deal", "an agreement with a private security company"
        if (
            token.dep_ == "compound"
            and token.head.pos_ in ("NOUN", "PROPN")
            and token.head.i > token.i
        ):
            return True  # "ceasefire talks", "peace plan" is taken at its head
        if self._inside_other(token):
            return True  # "a proposal for a 'comprehensive deal'": one mention, the label is inside
        if any(c.lower_ == "whose" for c in token.children):
            return True  # "the treaty, whose text …": the treaty itself
        if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
            return True  # "no agreement had been reached"
        if token.lemma_.lower() in cues.agreement_heads and any(
            c.dep_ == "det" and c.lower_ == "any" for c in token.children
        ):
            return True  # "before any truce took effect": no truce in particular
        if token.dep_ == "pobj" and token.head.lower_ == "without":
            return True  # "ended without agreement"
        if self._consent(token):
            return True  # "helped to win Tehran's agreement": a yes, not a text
        if cues.is_weak(token.lemma_.lower(), token.lower_) and any(
            c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children
        ):
            # "extend it … and broaden its terms": the terms of the truce named before it
            return any(
                t.i < token.i and t.pos_ == "NOUN" and t.lemma_.lower() in cues.heads
                for t in token.sent
            )
        return False

    def _consent(self, token: Token) -> bool:
        """ "win Tehran's agreement", "secured the cabinet's approval": an actor's consent that
        someone obtains — a possessed "agreement" that is the object of a consent verb."""
        return (
            token.lemma_.lower() == "agreement"
            and token.dep_ == "dobj"
            and token.head.lemma_.lower() in self.cues.consent_verbs
            and any(c.dep_ == "poss" for c in token.children)
            and not any(
                c.dep_ == "prep" and c.lower_ in ("with", "between", "on") for c in token.children
            )
        )

    def _topic_of_talks(self, token: Token) -> bool:
        """ "negotiations on a ceasefire and a wider political settlement": topics, not texts."""
        first = token
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        return (
            first.dep_ == "pobj"
            and first.head.lower_ in ("on", "about", "over")
            and first.head.head.lemma_.lower() in self.cues.topic_nouns
        )

    def _describes_another(self, token: Token) -> bool:
        """A predicate noun ("… as an ultimatum", "amounted to a rejection of the plan") says
        what another proposal is; an unowned plural ("rival blueprints") names several."""
        if token.dep_ in ("attr", "oprd") or (token.dep_ == "pobj" and token.head.lower_ == "as"):
            return True
        plural = token.tag_ in ("NNS", "NNPS") and token.lower_ not in self.cues.plural_heads
        return plural and not named(token)  # "the Minsk agreements" is a name

    def _outside_negotiation(self, doc: Doc, analysis: Analysis, token: Token) -> bool:
        """ "an offer from armed men", "an agreement with a private security company": the
        other side is neither an actor nor a word for one, so no negotiation is meant."""
        holders = [token] + [c for c in token.children if c.dep_ in ("acl", "relcl")]
        for holder in holders:
            for prep in holder.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("from", "with"):
                    continue
                for obj in prep.children:
                    if (
                        obj.dep_ != "pobj"
                        or obj.pos_ != "NOUN"
                        or obj.lemma_.lower() in _TIME_NOUNS
                    ):
                        continue
                    words = range(obj.left_edge.i, obj.right_edge.i + 1)
                    named = any(
                        analysis.mention_at(i) is not None or i in analysis.person_at for i in words
                    )
                    if not named and obj.lemma_.lower() not in self.cues.participants:
                        return True
        return False

    def _inside_other(self, token: Token) -> bool:
        """ "a proposal for a 'comprehensive deal'" is one mention; so is "the terms of the truce"
        (the truce is the proposal, its terms a part of it)."""
        cues = self.cues
        head = token.head
        if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("for", "of", "on"):
            outer = head.head
            strong = (
                outer.pos_ in ("NOUN", "PROPN")
                and outer.lemma_.lower() in cues.heads
                and not cues.is_weak(outer.lemma_.lower(), outer.lower_)
            )
            if strong:
                return True
            if (
                outer.pos_ == "VERB" and head.lower_ == "for"
            ):  # "signed an agreement … for a ceasefire"
                return any(
                    c.dep_ == "dobj"
                    and c.lemma_.lower() in cues.heads
                    and not cues.is_weak(c.lemma_.lower(), c.lower_)
                    for c in outer.children
                )
            return False
        for child in token.children:
            if (
                child.dep_ == "prep"
                and child.lower_ == "of"
                and cues.is_weak(token.lemma_.lower(), token.lower_)
            ):
                inner = next((c for c in child.children if c.dep_ == "pobj"), None)
                if (
                    inner is not None
                    and inner.lemma_.lower() in cues.heads
                    and not cues.is_weak(inner.lemma_.lower(), inner.lower_)
                ):
                    return True
        return token.dep_ == "appos" and (head.lemma_.lower() in cues.heads)
