"""Role nouns ("Qatari mediators", "the guarantor states, Qatar, Egypt and Turkey", "act as
guarantors") and hyphenated compounds ("U.S.-brokered", "Iran-backed"); see :mod:`.role_cues`."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .analysis import Analysis
from .coref import actors_of, refer
from .lexicons import load_lexicons
from .role_syntax import RoleCue
from .role_syntax import governor as _governor
from .role_syntax import negated as _negated
from .role_syntax import one_of as _one_of
from .role_syntax import subject as _subject
from .role_syntax import verb_chain as _verb_chain

__all__ = ["NounCues"]


class NounCues:
    """Readers of role nouns, mixed into :class:`~.role_cues.RoleCues`."""

    words: dict[str, frozenset[str]]
    noun_role: dict[str, str]
    verb_role: dict[str, str]
    hyphen_role: dict[str, str]
    place_state: dict[str, str]

    def _noun(self, doc: Doc, analysis: Analysis, noun: Token, role: str) -> list[RoleCue]:
        lemma = noun.lemma_.lower()
        if role == "endorser":
            verb = noun.head
            if (
                noun.dep_ == "dobj"
                and verb.lemma_.lower() in self.words["light_verbs"]
                and not _negated(verb)
            ):
                subject = self._subject_of(verb)
                if subject is not None:
                    return [
                        RoleCue(a, role, noun.i, f"noun {lemma}")
                        for a in self._refer(doc, analysis, subject)
                    ]
            return []
        if lemma == "guarantee" and not self._given_guarantee(noun):
            return []
        if role == "observer_witness" and self._in_monitoring(noun):
            role = "monitor"  # "a team of ASEAN observers to verify the ceasefire"
        holders: list[str] = []
        rule = f"noun {lemma}"
        backed = (
            role == "backer"
        )  # "Hezbollah's main backer", "a backer of the rebels": the side backed
        for child in noun.children:
            if backed and (child.dep_ == "poss" or child.dep_ == "prep" and child.lower_ == "of"):
                continue
            if child.dep_ in ("amod", "compound", "poss", "nmod") and child.lower_ not in (
                "whose",
            ):
                holders += actors_of(doc, analysis, child)
            elif child.dep_ == "poss":
                holders += self._refer(doc, analysis, child)
            elif child.dep_ == "prep" and child.lower_ in ("from", "of", "by"):
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    holders += actors_of(doc, analysis, obj)
            elif child.dep_ == "appos":
                holders += actors_of(doc, analysis, child)
        position = _one_of(noun)
        if (
            position.dep_ == "pobj"
            and position.head.lower_ == "of"
            and position.head.head.lemma_.lower() in self.words["body_nouns"]
        ):
            holders += self._members(
                doc, analysis, position.head.head
            )  # "coordinate a team of ASEAN observers"
        if position.dep_ in ("compound", "amod", "nmod") and position.head.pos_ in (
            "NOUN",
            "PROPN",
        ):
            head = position.head  # "guarantor countries Cuba, …", "the AU's mediation panel"
            holders += [
                a
                for c in head.children
                if c.dep_ in ("appos", "poss", "amod", "compound") and c.i != position.i
                for a in actors_of(doc, analysis, c)
            ]
            if not holders:
                holders += (
                    self._refer(doc, analysis, head)
                    if head.lemma_.lower() in self.words["body_nouns"]
                    else []
                )
            position = head
        if not holders and (backed or not any(c.dep_ == "poss" for c in noun.children)):
            holders += self._position_holders(doc, analysis, position)  # (an unread owner names it)
        if not holders:
            return []
        if not self._noun_realis(position):
            return []
        return [RoleCue(a, role, noun.i, rule) for a in dict.fromkeys(holders)]

    def _given_guarantee(self, noun: Token) -> bool:
        """ "received guarantees from X", "signed a guarantee document": not "sought guarantees"."""
        head = noun.head
        if noun.dep_ == "dobj":
            return head.lemma_.lower() in (
                "receive",
                "obtain",
                "get",
                "give",
                "offer",
                "provide",
                "extend",
                "secure",
            ) and not _negated(head)
        if noun.dep_ == "compound" and head.dep_ == "dobj":
            return head.head.lemma_.lower() in ("sign", "issue", "give", "offer", "provide")
        return False

    def _position_holders(self, doc: Doc, analysis: Analysis, noun: Token) -> list[str]:
        """Whom a role noun describes from its place in the clause."""
        dep, head = noun.dep_, noun.head
        if dep == "appos":
            return refer(doc, analysis, head) or self._refer(doc, analysis, head)
        if dep == "attr":  # "X is the mediator", "whose government is one of the mediators"
            subject = _subject(head)
            return self._refer(doc, analysis, subject) if subject is not None else []
        if (
            dep == "pobj" and head.lower_ == "as"
        ):  # "will act as guarantors", "attended as observers"
            verb = head.head
            clause = (
                verb.pos_ in ("VERB", "AUX") or verb.dep_ == "relcl"
            )  # "which act as": "act" read as a noun
            subject = self._subject_of(verb) if clause else None
            if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in (
                "name",
                "appoint",
                "choose",
                "designate",
                "propose",
            ):
                subject = next((c for c in verb.children if c.dep_ in ("nsubjpass", "dobj")), None)
            found = self._refer(doc, analysis, subject) if subject is not None else []
            # "signed on as guarantors of the agreement alongside the United States": co-holders
            for prep in [*noun.subtree, *verb.children]:
                if prep.dep_ == "prep" and prep.lower_ == "alongside":
                    found += [
                        a
                        for o in prep.children
                        if o.dep_ == "pobj"
                        for a in actors_of(doc, analysis, o)
                        if a not in found
                    ]
            return found
        if (
            dep == "dobj"
            and head.lemma_.lower() in self.words["light_verbs"] | self.words["body_verbs"]
        ):
            subject = self._subject_of(
                head
            )  # "who has led mediation", "signed a guarantee document"
            found = self._refer(doc, analysis, subject) if subject is not None else []
            return found + [a for a in self._co_agents(doc, analysis, head) if a not in found]
        if (
            dep in ("nsubj", "nsubjpass")
            and head.lemma_.lower() in self.verb_role
            and self.verb_role[head.lemma_.lower()] == "monitor"
        ):
            return []
        return []

    def _noun_realis(self, noun: Token) -> bool:
        """False for a role in a wish, a request or a plan's hypothetical provision
        ("wants guarantors", "would run … under the supervision of a board")."""
        if noun.dep_ == "appos":
            return True
        first = True
        for verb in _verb_chain(_governor(noun)):
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            lemma = verb.lemma_.lower()
            aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
            if aux & self.words["hypothetical_aux"]:
                return False
            if first and _negated(verb):
                return False
            if lemma in (
                "propose",
                "want",
                "seek",
                "demand",
                "request",
                "suggest",
                "envisage",
                "provide",
            ) and (not first or noun.dep_ == "dobj" or _governor(noun).dep_ == "dobj"):
                return False
            first = False
        return True

    def _in_monitoring(self, noun: Token) -> bool:
        sent = noun.sent
        return any(
            t.lemma_.lower() in ("verify", "monitor", "supervise", "oversee")
            for t in sent
            if abs(t.i - noun.i) < 12
        )

    # -- hyphenated compounds ------------------------------------------------------------

    def _joined_hyphen(self, doc: Doc, analysis: Analysis, token: Token) -> list[RoleCue]:
        """ "U.S.-brokered" as one token."""
        prefix, participle = token.text.rsplit("-", 1)
        role = self.hyphen_role[participle.lower()]
        entries = load_lexicons().actors.lookup(prefix)
        if not entries:
            return []
        return self._hyphen_cue(doc, analysis, token, entries[0].id, role)

    def _split_hyphen(self, doc: Doc, analysis: Analysis, token: Token) -> list[RoleCue]:
        """ "China - brokered" as three tokens."""
        mention = analysis.mention_at(token.i - 2)
        if mention is None:
            return []
        return self._hyphen_cue(doc, analysis, token, mention.actor, self.hyphen_role[token.lower_])

    def _hyphen_cue(
        self, doc: Doc, analysis: Analysis, token: Token, actor: str, role: str
    ) -> list[RoleCue]:
        head = token.head
        if role == "backer":
            # "Iran-backed Houthis" names a side; "foreign-backed groups" or "U.S.-backed plan" no
            if head.lemma_.lower() in self.words["endorse_objects"]:
                return []
        if (
            role == "monitor"
            and head.lemma_.lower() not in self.words["monitor_objects"] | self.words["body_nouns"]
        ):
            return []
        return [RoleCue(actor, role, token.i, f"{actor}-{token.lower_.rsplit('-', 1)[-1]}")]

    # -- hosts ---------------------------------------------------------------------------
