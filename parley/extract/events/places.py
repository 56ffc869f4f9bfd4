"""Where an event happened, the clause that reports it, and the source it is reported from."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .base import ContextBase
from .syntax import NON_PLACES, VENUE_HEADS, VERB_POS, ancestors, compound_text
from .triggers import Trigger


class Places(ContextBase):
    """Clauses, locations and sources."""

    def _clause(self, anchor: Token) -> Span:
        doc = self.doc
        node = anchor
        if node.pos_ in ("NOUN", "ADJ", "PROPN") and node.head.pos_ in VERB_POS:
            node = node.head
        sent = anchor.sent
        left = max(min(node.left_edge.i, anchor.i), sent.start)
        right = min(max(node.right_edge.i, anchor.i), sent.end - 1)
        while right > left and (doc[right].is_punct or doc[right].is_space):
            right -= 1
        while left < right and (doc[left].is_punct or doc[left].is_space):
            left += 1
        return doc[left : right + 1]

    def _location(self, trigger: Trigger, anchor: Token) -> str | None:
        bases = [trigger.token, anchor] + [self.doc[i] for i in range(trigger.start, trigger.end)]
        bases += [c for c in anchor.children if c.dep_ in ("dobj", "nsubjpass")]
        node = anchor
        for _ in range(2):
            if node.dep_ in ("conj", "xcomp", "advcl") and node.head.i != node.i:
                node = node.head
                bases.append(node)
        for base in bases:
            for child in base.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "at"):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            name = self._place_name(obj)
                            if name:
                                return name
        return None

    def _place_name(self, token: Token) -> str | None:
        low = token.lemma_.lower()
        if low in NON_PLACES:
            return None
        if low in VENUE_HEADS:
            of = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
            if of is not None:
                return compound_text(of)
            if low == "capital":
                for c in token.children:
                    mention = self.analysis.mention_at(c.i)
                    if mention is not None and self.f.capitals.get(mention.actor):
                        return self.f.capitals[mention.actor][0]
            return None
        name = compound_text(token)
        if name in self.f.city_country or name in self.f.capital_of:
            return name
        if token.ent_type_ in ("GPE", "LOC", "FAC") and token.pos_ == "PROPN":
            return name
        mention = self.analysis.mention_at(token.i)
        entry = self.f.registry.get(mention.actor) if mention is not None and mention.form in ("capital", "name") else None
        if entry is not None and entry.kind == "state" and token.ent_type_ in ("GPE", "LOC"):
            return name
        return None

    def _location_actor(self, anchor: Token) -> str | None:
        for base in (anchor, *ancestors(anchor, 2)):
            for child in base.children:
                if child.dep_ == "prep" and child.lower_ in ("in", "at", "to"):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            place = self._place_actor(obj)
                            if place:
                                return place
        return None

    def _place_actor(self, token: Token) -> str | None:
        """"in Moscow", "to Russia", "in the Saudi city of Jeddah": the state of a place."""
        mention = self.analysis.mention_at(token.i)
        if mention is not None:
            return mention.actor
        for t in token.subtree:
            mention = self.analysis.mention_at(t.i)
            if mention is not None and mention.form in ("capital", "name", "alias", "demonym"):
                return mention.actor
        name = compound_text(token)
        return self.f.city_country.get(name) or self.f.capital_of.get(name)

    def _source(self, anchor: Token) -> int | None:
        """The source of the speech verb the event is reported under."""
        analysis = self.analysis
        node = anchor
        for _ in range(6):
            if node.i in analysis.source_of_verb and node.i != anchor.i or (node.i == anchor.i and node.i in analysis.source_of_verb):
                return analysis.source_of_verb[node.i]
            for child in node.children:
                if child.i in analysis.source_of_verb and child.dep_ in ("parataxis", "advcl", "conj", "prep"):
                    return analysis.source_of_verb[child.i]
            if node.head.i == node.i:
                break
            node = node.head
        for token in anchor.sent:
            if token.lower_ == "according" and token.i in analysis.source_of_verb:
                return analysis.source_of_verb[token.i]
            if token.dep_ in ("parataxis", "ROOT") and token.i in analysis.source_of_verb and token.i > anchor.i:
                return analysis.source_of_verb[token.i]
        return None
