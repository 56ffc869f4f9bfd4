"""The words by which an article states the part an actor plays in a negotiation.

ANNOTATION.md gives roles only where the article states or shows them. This module finds the
statements, word by word, from the cue lists of ``roles.json``:

- a role *verb* and who does it: the subject, the passive agent ("brokered by Qatar"), the
  antecedent of a relative clause ("Beijing, which brokered and hosted the talks"), the object
  of "asked X to relay", and co-agents ("brokered together with Egypt", "monitor … alongside
  UNIFIL");
- a role *noun* and whom it describes: a modifier ("Qatari mediators", "Qatar's mediation"),
  an "of/from/by" object ("mediators from Egypt", "mediation by the UAE"), an apposition
  ("Malaysia, the third-party facilitator"; "the guarantor states, Qatar, Egypt and Turkey"),
  a copular subject ("whose government is one of the main mediators"), "act as guarantors";
- "X-brokered", "UN-mediated", "Iran-backed" compounds;
- a body that holds the role for its members ("a mechanism led by the United States will
  monitor", "a committee made up of representatives of Saudi Arabia and the United States");
- hosts: "hosted by", and talks, meetings or signings held in a place (``places.json``, the
  registry's capitals, "the Kenyan capital") that are not a future round.

The readers live in :mod:`.role_nouns` (nouns, hyphenated compounds), :mod:`.role_acts`
(relaying, endorsing, signing, presence, backing, envoys) and :mod:`.role_venues` (hosts);
this module holds the verbs, the reading of who a phrase names, and the entry point.

Hypothetical, negated and requested acts give no role ("could play a role in brokering",
"wanted the United States to guarantee", "was ready to host"), except an offer to guarantee.
The caller decides what the cues add up to (:mod:`parley.extract.roles`).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Token

from ..errors import LexiconError
from ..vocabulary import ROLES
from .analysis import Analysis
from .coref import actors_of, refer
from .lexicons import check_values, data_path, load_cue_file, load_lexicons
from .role_acts import ActCues
from .role_nouns import NounCues
from .role_syntax import RoleCue
from .role_syntax import negated as _negated
from .role_syntax import one_of as _one_of
from .role_syntax import subject as _subject
from .role_syntax import verb_chain as _verb_chain
from .role_venues import VenueCues

__all__ = ["RoleCue", "RoleCues", "role_cues"]

_KEYS = {
    "roles": dict,
    "relay_objects": list,
    "relay_through_verbs": list,
    "backer_objects": list,
    "backer_subjects": list,
    "backer_help_verbs": list,
    "alongside_verbs": list,
    "monitor_objects": list,
    "endorse_objects": list,
    "light_verbs": list,
    "co_agent_preps": list,
    "irrealis_heads": list,
    "hypothetical_aux": list,
    "body_nouns": list,
    "body_verbs": list,
    "talk_nouns": list,
    "venue_verbs": list,
    "future_cues": list,
    "venue_heads": list,
    "backing_nouns": list,
    "sign_verbs": list,
    "agreement_nouns": list,
    "praise_words": list,
    "hosted_not_talks": list,
    "deal_verbs": list,
    "coordination_verbs": list,
}


class RoleCues(NounCues, ActCues, VenueCues):
    """Reads role statements from a parsed article."""

    def __init__(self) -> None:
        data = load_cue_file("roles.json", _KEYS)
        check_values("roles.json", "roles", data["roles"], ROLES)
        self.verb_role: dict[str, str] = {}
        self.noun_role: dict[str, str] = {}
        self.hyphen_role: dict[str, str] = {}
        for role, words in data["roles"].items():
            for key, table in (
                ("verbs", self.verb_role),
                ("nouns", self.noun_role),
                ("hyphen", self.hyphen_role),
            ):
                value = words.get(key, [])
                if not isinstance(value, list) or not all(
                    isinstance(w, str) and w and w == w.strip() for w in value
                ):
                    raise LexiconError(
                        str(data_path("roles.json")),
                        "expected a list of trimmed words",
                        key=f"roles.{role}.{key}",
                    )
                for word in value:
                    table.setdefault(word, role)
        self.words = {key: frozenset(data[key]) for key in _KEYS if key != "roles"}
        places = load_cue_file("places.json", {"cities": dict, "territory_words": list})
        self.place_state: dict[str, str] = {}
        for entry in load_lexicons().actors:
            if entry.kind == "state":
                self.place_state[entry.name] = entry.id
                for capital in entry.capitals:
                    self.place_state.setdefault(capital, entry.id)
        for city, state in places["cities"].items():
            entry = load_lexicons().actors.get(state) if isinstance(state, str) else None
            if entry is None or entry.kind != "state":
                raise LexiconError(
                    str(data_path("places.json")),
                    f"{state!r} is not a state id of the actor registry",
                    key=f"cities.{city}",
                )
            self.place_state.setdefault(city, state)

    # -- entry point ---------------------------------------------------------------------

    def find(self, doc: Doc, analysis: Analysis) -> list[RoleCue]:
        cues: list[RoleCue] = []
        inside = {
            i for m in analysis.actor_mentions for i in range(m.start, m.end) if m.form != "generic"
        }
        for token in doc:
            if token.i in inside:
                continue
            lemma = token.lemma_.lower()
            low = token.lower_
            if "-" in low and not low.startswith("-") and low.rsplit("-", 1)[1] in self.hyphen_role:
                cues += self._joined_hyphen(doc, analysis, token)
            elif (
                low in self.hyphen_role
                and token.i >= 2
                and doc[token.i - 1].text == "-"
                and token.dep_ in ("amod", "compound", "acl")
            ):
                cues += self._split_hyphen(doc, analysis, token)
            elif token.pos_ in ("VERB", "AUX") and lemma in self.verb_role:
                cues += self._verb(doc, analysis, token, self.verb_role[lemma])
            elif token.pos_ in ("NOUN", "PROPN") and (
                lemma in self.noun_role or low in self.noun_role
            ):
                cues += self._noun(
                    doc, analysis, token, self.noun_role.get(lemma) or self.noun_role[low]
                )
            elif token.lower_ == "through" and token.dep_ == "prep":
                cues += self._through(doc, analysis, token)
            elif lemma == "contact" and token.pos_ == "NOUN":
                cues += self._contact_with_sides(doc, analysis, token)
            elif lemma in self.words["sign_verbs"] and token.pos_ == "VERB":
                cues += self._signers(doc, analysis, token)
            elif lemma in ("agree", "reach", "strike", "seal", "conclude") and token.pos_ == "VERB":
                cues += self._agreeing_sides(doc, analysis, token)
            elif lemma in ("call", "describe", "hail", "term") and token.pos_ == "VERB":
                cues += self._praise(doc, analysis, token)
            elif lemma in ("present", "presence"):
                cues += self._presence(doc, analysis, token)
            elif (
                lemma in self.words["backing_nouns"]
                and token.dep_ == "pobj"
                and token.head.lower_ in ("in", "with")
            ):
                cues += self._backing(doc, analysis, token)
            elif token.lemma_.lower() in self.words["alongside_verbs"] and token.pos_ == "VERB":
                cues += self._alongside(doc, analysis, token)
            elif lemma in self.words["backer_help_verbs"] and token.pos_ == "VERB":
                cues += self._military_help(doc, analysis, token)
        cues += self._venues(doc, analysis)
        cues += self._envoys(doc, analysis)
        cues += self._talks_with_each_side(doc, analysis)
        return cues

    def _contact_with_sides(self, doc: Doc, analysis: Analysis, noun: Token) -> list[RoleCue]:
        """ "has been in contact with both sides to help hold the truce": a go-between that
        talks to each side is mediating."""
        with_ = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "with"), None)
        sides = (
            next((c for c in with_.children if c.dep_ == "pobj"), None)
            if with_ is not None
            else None
        )
        if sides is None or sides.lemma_.lower() not in ("side", "party") or sides.tag_ != "NNS":
            return []
        if not any(c.lower_ in ("both", "all", "two", "each") for c in sides.children):
            return []
        verb = noun.head.head if noun.dep_ == "pobj" else noun.head
        if verb.pos_ not in ("VERB", "AUX") or _negated(verb) or not self._realis(verb, "mediator"):
            return []
        subject = self._subject_of(verb)
        holders = self._refer(doc, analysis, subject) if subject is not None else []
        return [RoleCue(a, "mediator", noun.i, "in contact with both sides") for a in holders]

    def _talks_with_each_side(self, doc: Doc, analysis: Analysis) -> list[RoleCue]:
        """ "discussions conducted by the Sultanate with Washington and with the authorities in
        Sana'a": who holds talks with two sides separately is mediating between them."""
        found: list[RoleCue] = []
        for verb in doc:
            talks = self.words["talk_nouns"]
            if (
                verb.dep_ != "acl"
                or verb.tag_ != "VBN"
                or (verb.head.lemma_.lower() not in talks and verb.head.lower_ not in talks)
            ):
                continue
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            holder = (
                next((c for c in agent.children if c.dep_ == "pobj"), None)
                if agent is not None
                else None
            )
            if holder is None:
                continue
            holders = self._refer(doc, analysis, holder)
            withs = [t for t in verb.subtree if t.dep_ in ("prep", "conj") and t.lower_ == "with"]
            # "… with Washington and with the authorities": the parser may hang the second
            # "with" elsewhere in the sentence
            withs += [
                t
                for t in verb.sent
                if t.i > verb.i
                and t.lower_ == "with"
                and t not in withs
                and doc[t.i - 1].lower_ in ("and", ",")
            ]
            counterparts: list[str] = []
            for w in withs:
                for obj in (c for c in w.children if c.dep_ == "pobj"):
                    named = actors_of(doc, analysis, obj) or [
                        m.actor
                        for t in obj.lefts
                        for m in [analysis.mention_at(t.i)]
                        if m is not None
                    ]  # "the Colombian government", "the ELN leadership"
                    counterparts += [a for a in named if a not in holders and a not in counterparts]
            if len(withs) >= 2 and len(counterparts) >= 2:
                found += [RoleCue(a, "mediator", verb.i, "talks with each side") for a in holders]
        return found

    def _refer(self, doc: Doc, analysis: Analysis, token: Token) -> list[str]:
        pair = self._recent_pair(doc, analysis, token)
        if pair:
            return pair
        found = refer(doc, analysis, token)
        if found:
            return found
        head = _one_of(token)
        if head is not token:
            return self._refer(doc, analysis, head)
        if token.lemma_.lower() in self.words["body_nouns"]:
            return self._members(doc, analysis, token)
        return []

    @staticmethod
    def _recent_pair(doc: Doc, analysis: Analysis, token: Token) -> list[str]:
        """ "the two governments" right after "Qatari Prime Minister … and Egypt's
        intelligence chief": the pair just named together (this sentence or the one before),
        whoever the article's parties are."""
        if (
            token.lemma_.lower()
            not in ("government", "country", "state", "nation", "capital", "mediator")
            or token.tag_ != "NNS"
        ):
            return []
        if not any(
            c.lower_ in ("two", "both")
            for c in token.children
            if c.dep_ in ("nummod", "det", "predet")
        ):
            return []
        sent = token.sent
        start = doc[max(sent.start - 1, 0)].sent.start
        for t in reversed(doc[start : token.i]):
            if t.dep_ == "conj" and t.head.i < t.i:
                first, second = (
                    actors_of(doc, analysis, t.head, expand=False),
                    actors_of(doc, analysis, t, expand=False),
                )
                if len(first) == 1 and len(second) == 1 and first != second:
                    return [first[0], second[0]]
        return []

    def _members(self, doc: Doc, analysis: Analysis, body: Token) -> list[str]:
        """The actors that make up or lead a body: named in its phrase ("a team of ASEAN
        observers", "made up of representatives of Saudi Arabia"), its passive agent ("led by
        the United States") or the subject that leads or coordinates it."""
        found: list[str] = []
        skip: set[int] = set()
        for t in body.subtree:
            if (
                t.dep_ == "relcl"
                or t.dep_ == "prep"
                and t.lower_ in ("in", "on", "at", "near", "inside", "along", "across")
            ):
                skip.update(x.i for x in t.subtree)
            if t.dep_ == "acl" and t.tag_ == "VBG":  # "the coalition backing the government"
                skip.update(x.i for x in t.subtree)
        for t in body.subtree:
            if t.i in skip:
                continue
            mention = analysis.mention_at(t.i)
            if mention is not None and mention.actor not in found:
                found.append(mention.actor)
        verb = body.head
        if body.dep_ == "nsubjpass" and verb.lemma_.lower() in self.words["body_verbs"]:
            found += [a for a in self._agents(doc, analysis, verb) if a not in found]
        if body.dep_ == "dobj" and verb.lemma_.lower() in self.words["body_verbs"]:
            subject = _subject(verb)
            head = verb
            while (
                subject is None
                and head.dep_ in ("xcomp", "ccomp", "acomp", "conj", "advcl")
                and head.head.i != head.i
            ):
                head = (
                    head.head
                )  # "Malaysia stood ready to coordinate a team of …": Malaysia leads it
                subject = _subject(head)
            if subject is not None:
                found += [a for a in self._refer(doc, analysis, subject) if a not in found]
        return found

    def _agents(self, doc: Doc, analysis: Analysis, verb: Token) -> list[str]:
        found: list[str] = []
        agents = [c for c in verb.children if c.dep_ == "agent"]
        agents += [
            c for a in agents for c in a.children if c.dep_ == "conj" and c.lower_ == "by"
        ]  # "by X and by Y"
        for child in agents:
            if child.dep_ in ("agent", "conj"):
                for obj in (c for c in child.children if c.dep_ == "pobj"):
                    found += self._refer(doc, analysis, obj)
                    # "led by the UN mission in Colombia and the Catholic Church": a conjoined
                    # organisation that the parser hung on the place
                    for t in obj.subtree:
                        mention = analysis.mention_at(t.i)
                        if t.dep_ == "conj" and mention is not None and mention.actor not in found:
                            entry = load_lexicons().actors.get(mention.actor)
                            if entry is not None and entry.kind != "state":
                                found.append(mention.actor)
        return found

    def _co_agents(
        self, doc: Doc, analysis: Analysis, verb: Token, *, strict: bool = False
    ) -> list[str]:
        """ "brokered together with Egypt and the United States", "alongside UNIFIL"
        (``strict``: not a bare "with", which on a noun names a counterpart)."""
        found: list[str] = []
        for child in verb.children:
            if child.dep_ != "prep" or child.lower_ not in self.words["co_agent_preps"]:
                continue
            if (
                strict
                and child.lower_ == "with"
                and not any(c.lower_ in ("together", "along") for c in child.lefts)
            ):
                continue
            objects = [c for c in child.children if c.dep_ == "pobj"]
            objects += [
                g
                for c in child.children
                if c.dep_ == "prep"
                for g in c.children
                if g.dep_ == "pobj"
            ]
            for obj in objects:
                found += actors_of(doc, analysis, obj)
        return found

    # -- verbs ---------------------------------------------------------------------------

    def _verb(self, doc: Doc, analysis: Analysis, verb: Token, role: str) -> list[RoleCue]:
        if _negated(verb):
            return []
        lemma = verb.lemma_.lower()
        if not self._realis(verb, role):
            return []
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr")), None)
        holders: list[str] = []
        rule = f"verb {lemma}"
        agents = self._agents(doc, analysis, verb)
        if role == "relay":
            return self._relay_verb(doc, analysis, verb, obj)
        if role == "endorser":
            return self._endorse_verb(doc, analysis, verb, obj)
        if (
            role == "backer"
            and obj is not None
            and lemma == "support"
            and obj.lemma_.lower() in self.words["agreement_nouns"] | {"renewal", "extension"}
        ):
            return self._endorse_verb(doc, analysis, verb, obj)  # "said it supported the renewal"
        if role == "backer" and not self._backs_a_side(doc, analysis, verb, obj):
            return []
        if (
            role == "monitor"
            and obj is not None
            and obj.lower_ not in self.words["monitor_objects"]
            and obj.lemma_.lower() not in self.words["monitor_objects"]
        ):
            return []
        if (
            role == "facilitator"
            and lemma != "facilitate"
            and obj is not None
            and obj.lemma_.lower() not in self.words["talk_nouns"]
            and obj.lower_ not in self.words["talk_nouns"]
        ):
            return []  # "convened the talks", not "convene his government"
        if (
            role == "host"
            and obj is not None
            and obj.lemma_.lower() not in self.words["talk_nouns"]
            and not actors_of(doc, analysis, obj)
        ):
            if obj.lower_ not in self.words["talk_nouns"]:
                return []
        if (
            role == "host"
            and obj is not None
            and obj.lemma_.lower() in self.words["hosted_not_talks"]
        ):
            return []  # "Qatar, which hosts US forces": a base, not a venue for talks
        if not agents and verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.tag_ == "VBN":
            agents = self._agents(
                doc, analysis, verb.head
            )  # "hosted by Qatar and mediated jointly with Turkey"
        if agents:
            holders = agents
            rule += " by"
        else:
            subject = self._subject_of(verb)
            if subject is None and verb.dep_ in ("acl", "amod") and verb.tag_ == "VBG":
                subject = verb.head  # "the coalition backing the government"
            if subject is not None:
                holders = self._refer(doc, analysis, subject)
        if role != "host":
            holders += [a for a in self._co_agents(doc, analysis, verb) if a not in holders]
        elif len(holders) > 1:
            # "Egypt, Qatar and Turkey … hosted a delegation in Cairo": the one whose city it is
            places = [
                self._place(doc, analysis, o)
                for p in verb.subtree
                if p.dep_ == "prep" and p.lower_ in ("in", "at") and p.i > verb.i
                for o in p.children
                if o.dep_ == "pobj"
            ]
            local = [a for a in holders if a in places]
            if local:
                holders = local
        if (
            role == "mediator" and obj is not None
        ):  # "brokered the January agreement with the United States"
            holders += [a for a in self._co_agents(doc, analysis, obj) if a not in holders]
        elif obj is not None and role != "host":  # "monitor implementation alongside UNIFIL"
            holders += [
                a for a in self._co_agents(doc, analysis, obj, strict=True) if a not in holders
            ]
        return [RoleCue(a, role, verb.i, rule) for a in dict.fromkeys(holders)]

    def _subject_of(self, verb: Token) -> Token | None:
        subject = _subject(verb)
        if subject is not None:
            return subject
        head = verb
        for _ in range(3):  # "thanked Oman for helping to broker it": Oman brokered
            if head.dep_ == "pcomp" and head.head.lower_ == "for":
                thanked = head.head.head
                if thanked.lemma_.lower() in (
                    "thank",
                    "praise",
                    "credit",
                    "commend",
                    "congratulate",
                    "applaud",
                ):
                    return next((c for c in thanked.children if c.dep_ == "dobj"), None)
            if head.dep_ not in ("xcomp", "pcomp") or head.head.i == head.i:
                break
            head = head.head
        head = verb
        for _ in range(3):  # "X signalled … and brokered", "to monitor" after "staff a centre"
            if head.dep_ not in ("conj", "xcomp", "advcl", "ccomp") or head.head.i == head.i:
                return None
            if head.dep_ == "xcomp" and head.head.lemma_.lower() in self.words["irrealis_heads"]:
                return None
            head = head.head
            subject = _subject(head)
            if subject is not None:
                return subject
        return None

    def _realis(self, verb: Token, role: str) -> bool:
        """False for an act only wished, asked, offered or imagined."""
        for t in _verb_chain(verb):
            aux = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
            if aux & self.words["hypothetical_aux"] and role not in ("guarantor",):
                return False
            if "would" in aux and role == "backer":
                return False  # "would support nominating …": no patronage yet
            if (
                t.dep_ in ("xcomp", "ccomp")
                and t.head.lemma_.lower() in self.words["irrealis_heads"]
            ):
                if role == "guarantor" and t.head.lemma_.lower() in (
                    "offer",
                    "ready",
                    "willing",
                    "prepared",
                ):
                    continue
                if role == "monitor" and t.head.lemma_.lower() in ("ready", "willing", "prepared"):
                    continue
                if role == "relay":
                    continue
                return False
            if t.dep_ in ("pcomp",) and t.head.lower_ in ("in", "into"):
                gov = t.head.head
                if gov.lemma_.lower() in ("role",) or any(
                    c.lower_ in self.words["hypothetical_aux"] for c in gov.head.children
                ):
                    return False
        return True

    def _backs_a_side(self, doc: Doc, analysis: Analysis, verb: Token, obj: Token | None) -> bool:
        """ "backed by Rwanda" (a side) or "has backed Haftar" yes; "backed the plan" no."""
        if verb.tag_ == "VBN" and (
            any(c.dep_ == "nsubjpass" for c in verb.children)
            or verb.dep_ in ("acl", "relcl", "amod")
        ):
            subject = next(
                (c for c in verb.children if c.dep_ == "nsubjpass"),
                verb.head if verb.dep_ in ("acl", "amod") else None,
            )
            if subject is not None and subject.lemma_.lower() in self.words["talk_nouns"]:
                return False  # "the talks are backed by guarantor countries"
            return True
        if obj is None:
            return (
                verb.dep_ in ("acl", "relcl")
                and verb.head.lemma_.lower() not in self.words["endorse_objects"]
            )
        if (
            obj.lemma_.lower() in self.words["backer_objects"]
            or obj.lower_ in self.words["backer_objects"]
        ):
            return True
        if (
            obj.lemma_.lower() in self.words["endorse_objects"]
            or obj.lemma_.lower() in self.noun_role
            or obj.lower_ in self.noun_role
        ):
            return False  # "backed the plan" is a stance; "supporting Qatar's mediation" no side
        return obj.pos_ in ("NOUN", "PROPN", "PRON") and bool(
            refer(doc, analysis, obj)
        )  # not "support nominating Trump"


# -- syntax helpers --------------------------------------------------------------------------


@cache
def _finder() -> RoleCues:
    return RoleCues()


def role_cues(doc: Doc, analysis: Analysis) -> list[RoleCue]:
    """Every role statement of the article (cached finder, loaded once per process)."""
    return _finder().find(doc, analysis)
