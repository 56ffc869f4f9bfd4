"""Component ``parley_roles``: the part each actor plays in the negotiation.

Roles are given only where the article states or shows them (ANNOTATION.md):

- ``mediator``: mediation, brokering or shaping a deal ("mediated by Qatar", "Qatari
  mediators", "U.S.-brokered"), or the acting side of a third-party CONSULT event;
- ``facilitator``, ``guarantor``, ``monitor``, ``observer_witness``: the verbs and nouns of
  ``roles.json`` ("will act as guarantors", "a mechanism led by the United States will
  monitor", "witnessed by"), and the actors a guarantees or monitoring term names;
- ``relay``: an actor asked to carry a proposal, or named in its channel, that is not a
  mediator; a proposal's destination is not a relay;
- ``host``: "hosted by X", or talks, meetings or signings held in a place of X that is not a
  party (places from the actor registry's capitals and ``places.json``);
- ``backer``: "X's main backer", "backed by X";
- ``endorser``: an actor that endorses a proposal without being a party or a backer;
- ``party``: the sides whose conduct the deal regulates: the article's parties, and the actors
  that author, sign, accept, reject or negotiate its proposals as principals;
- ``party_component``: a political party inside a party that takes its own position.

Roles are only given in an article that reports a negotiation (a proposal or a diplomatic
event); otherwise every actor has ``roles: []``.

requires: doc._.parley.actor_mentions, proposals, stances, events, terms
assigns:  doc._.parley.roles
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..vocabulary import ROLES
from .analysis import Analysis, analysis_of
from .coref import actors_of
from .lexicons import check_values, load_cue_file, load_lexicons

__all__ = ["RoleFinder"]

_PARTY_STANCES = frozenset(
    {"signs", "accepts", "accepts_in_principle", "accepts_with_conditions", "rejects", "counter_proposes",
     "withdraws", "demands", "no_response", "considers", "seeks_clarification", "denies_receiving",
     "denies_report", "accuses_violation"}
)
_TERM_ROLE_PARAMS = {"guarantors": "guarantor", "monitor": "monitor"}


class RoleFinder:
    """Finds actor roles from cue words, proposals, stances and events."""

    def __init__(self, nlp: Language):
        cues = load_cue_file("roles.json", {"roles": dict, "backer_objects": list, "talk_nouns": list})
        check_values("roles.json", "roles", cues["roles"], ROLES)
        self.verb_role: dict[str, str] = {}
        self.noun_role: dict[str, str] = {}
        for role, words in cues["roles"].items():
            for verb in words.get("verbs", []):
                self.verb_role.setdefault(verb, role)
            for noun in words.get("nouns", []):
                self.noun_role.setdefault(noun, role)
        self.talk_nouns = frozenset(cues["talk_nouns"])
        places = load_cue_file("places.json", {"cities": dict, "territory_words": list})
        self.place_state: dict[str, str] = dict(places["cities"])
        for entry in load_lexicons().actors:
            if entry.kind == "state":
                self.place_state.setdefault(entry.name, entry.id)
                for capital in entry.capitals:
                    self.place_state.setdefault(capital, entry.id)

    def __call__(self, doc: Doc) -> Doc:
        analysis = analysis_of(doc)
        analysis.roles = {}
        if not analysis.proposals and not analysis.events:
            return doc
        roles: dict[str, list[str]] = {}

        def give(actor: str | None, role: str) -> None:
            if actor and role not in roles.setdefault(actor, []):
                roles[actor].append(role)

        for actor in analysis.extra.get("mediators", ()):
            give(actor, "mediator")
        for token in doc:
            self._cue_roles(doc, analysis, token, give)
        self._proposal_roles(analysis, roles, give)
        self._event_roles(analysis, roles, give)
        self._party_roles(analysis, roles, give)
        analysis.roles = {actor: [r for r in ROLES if r in found] for actor, found in roles.items()}
        return doc

    # -- cue words ----------------------------------------------------------------------

    def _cue_roles(self, doc: Doc, analysis: Analysis, token: Token, give) -> None:  # type: ignore[no-untyped-def]
        lemma = token.lemma_.lower()
        if token.pos_ == "VERB" and lemma in self.verb_role:
            role = self.verb_role[lemma]
            if any(c.dep_ == "neg" for c in token.children):
                return
            if role == "backer" and not self._backs_a_side(token):
                return
            for actor in self._verb_holders(doc, analysis, token):
                give(actor, role)
        elif token.pos_ in ("NOUN", "PROPN") and (lemma in self.noun_role or token.lower_ in self.noun_role):
            role = self.noun_role.get(lemma) or self.noun_role[token.lower_]
            for actor in self._noun_holders(doc, analysis, token):
                give(actor, role)
        elif token.lower_.endswith("-brokered") or (token.lower_ == "brokered" and token.dep_ == "amod"):
            for child in token.children:
                for actor in actors_of(doc, analysis, child):
                    give(actor, "mediator")

    @staticmethod
    def _backs_a_side(token: Token) -> bool:
        """"backed by Rwanda" (an armed group) yes; "backed the plan" no (that is a stance)."""
        subject = next((c for c in token.children if c.dep_ in ("nsubjpass",)), None)
        if token.tag_ == "VBN" and (subject is not None or token.dep_ in ("acl", "relcl", "amod")):
            return True
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        return obj is not None and obj.lemma_.lower() in ("group", "rebel", "militia", "movement", "side", "government", "army", "force", "fighter")

    @staticmethod
    def _verb_holders(doc: Doc, analysis: Analysis, verb: Token) -> list[str]:
        for child in verb.children:
            if child.dep_ == "agent":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None:
                    return actors_of(doc, analysis, obj)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ == "xcomp":  # "asked Turkey to carry …": Turkey carries
            obj = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
            if obj is not None:
                return actors_of(doc, analysis, obj)
        if subject is None and verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
            subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is None and verb.dep_ == "acl":
            return []
        return actors_of(doc, analysis, subject) if subject is not None else []

    @staticmethod
    def _noun_holders(doc: Doc, analysis: Analysis, noun: Token) -> list[str]:
        found: list[str] = []
        for child in noun.children:
            if child.dep_ in ("amod", "compound", "nmod", "appos"):
                found += actors_of(doc, analysis, child)
        if noun.dep_ == "appos" or noun.dep_ == "attr":
            head = noun.head
            if noun.dep_ == "attr":
                head = next((c for c in head.children if c.dep_ == "nsubj"), head)
            found += actors_of(doc, analysis, head, expand=noun.dep_ == "attr")
        if noun.dep_ == "pobj" and noun.head.lower_ == "as":  # "will act as guarantors"
            verb = noun.head.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                found += actors_of(doc, analysis, subject)
        return list(dict.fromkeys(found))

    # -- proposals, events, parties -------------------------------------------------------------

    def _proposal_roles(self, analysis: Analysis, roles: dict[str, list[str]], give) -> None:  # type: ignore[no-untyped-def]
        for p in analysis.proposals:
            for n in p.terms:
                for param, role in _TERM_ROLE_PARAMS.items():
                    value = analysis.terms[n].params.get(param)
                    for actor in value if isinstance(value, list) else [value]:
                        if isinstance(actor, str) and load_lexicons().actors.get(actor) is not None:
                            give(actor, role)
            # the channel but its destination: relays, unless they mediate
            for actor in p.channel[:-1] if len(p.channel) > 1 else p.channel:
                if "mediator" not in roles.get(actor, []) and actor != p.proposer:
                    give(actor, "relay")
        for s in analysis.stances:
            if s.stance == "endorses" and "backer" not in roles.get(s.actor, []):
                give(s.actor, "endorser")

    def _event_roles(self, analysis: Analysis, roles: dict[str, list[str]], give) -> None:  # type: ignore[no-untyped-def]
        parties = set(analysis.extra.get("parties", ()))
        for event in analysis.events:
            if event.type == "CONSULT" and event.mode == "third-party":
                for actor in event.actors:
                    if actor not in parties:
                        give(actor, "mediator")
            if event.type in ("CONSULT", "SUPPORT", "AGREE") and event.location:
                state = self.place_state.get(event.location)
                participants = set(event.actors) | set(event.recipients)
                if state and state not in parties and (state not in participants or event.mode in ("third-party", "multilateral", "visit")):
                    if not (event.mode == "visit" and state in event.actors):
                        give(state, "host")

    @staticmethod
    def _party_roles(analysis: Analysis, roles: dict[str, list[str]], give) -> None:  # type: ignore[no-untyped-def]
        registry = load_lexicons().actors
        third = {"mediator", "facilitator", "host", "guarantor", "monitor", "observer_witness", "endorser", "relay"}
        candidates = [a for a in analysis.extra.get("parties", ()) if analysis.extra.get("parties_stated") or not (set(roles.get(a, [])) & third)]
        for p in analysis.proposals:
            # a proposal's author is a party when it is a side in arms or answers another's text;
            # a state that only drafts or brokers is a third party
            entry = registry.get(p.proposer) if p.proposer else None
            if entry is not None and (entry.kind == "armed_group" or p.counter) and not (set(roles.get(p.proposer, [])) & third):
                candidates.append(p.proposer)
        for s in analysis.stances:
            if s.stance in _PARTY_STANCES and not (set(roles.get(s.actor, [])) & third):
                candidates.append(s.actor)
        for actor in dict.fromkeys(candidates):
            entry = registry.get(actor)
            if entry is None:
                continue
            if entry.kind == "political_party" and entry.country and entry.country in candidates:
                give(actor, "party_component")
            elif entry.kind in ("state", "armed_group", "political_party", "coalition"):
                give(actor, "party")


@Language.factory(
    "parley_roles",
    requires=["doc._.parley"],
    assigns=["doc._.parley"],
)
def make_role_finder(nlp: Language, name: str) -> RoleFinder:
    return RoleFinder(nlp)
