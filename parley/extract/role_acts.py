"""Role statements made by particular acts: relaying, endorsing, signing, agreeing together,
being present, backing a side in arms, and an envoy tabling a text (see :mod:`.role_cues`)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .analysis import Analysis
from .coref import actors_of, antecedent, refer
from .role_syntax import RoleCue
from .role_syntax import negated as _negated
from .role_syntax import subject as _subject

__all__ = ["ActCues"]

_RELATIVE = frozenset({"which", "who", "that", "whom"})


class ActCues:
    """Readers of role-bearing acts, mixed into :class:`~.role_cues.RoleCues`."""

    words: dict[str, frozenset[str]]
    noun_role: dict[str, str]
    verb_role: dict[str, str]
    hyphen_role: dict[str, str]
    place_state: dict[str, str]

    def _envoys(self, doc: Doc, analysis: Analysis) -> list[RoleCue]:
        """An envoy who tables the text or holds the talks: his or her side mediates
        ("Witkoff's proposal", "the proposal he submitted to the parties", "envoy Amos
        Hochstein held talks with Lebanese leaders")."""
        found: list[RoleCue] = []
        envoys = {
            n
            for n, p in enumerate(analysis.people)
            if p.affiliation and p.title and "envoy" in p.title.lower()
        }
        if not envoys:
            return found
        for token in doc:
            person = analysis.person_at.get(token.i)
            if person is None and token.lower_ in ("he", "his", "she", "her"):
                before = [i for i in analysis.person_at if i < token.i]
                person = analysis.person_at[max(before)] if before else None
            elif person is None and token.lower_ == "envoy" and token.dep_ in ("poss", "nsubj"):
                person = next(iter(envoys)) if len(envoys) == 1 else None  # "the envoy's proposal"
            if person not in envoys:
                continue
            if (
                person in analysis.person_at.values()
                and token.i in analysis.person_at
                and doc[token.i + 1 : token.i + 2].text not in ("'s",)
                and token.dep_ == "compound"
            ):
                continue
            head = token.head
            lemma = head.lemma_.lower()
            text_noun = head.lemma_.lower() in self.words[
                "relay_objects"
            ] or head.i in analysis.extra.get("proposal_at", {})
            if token.dep_ == "poss" and text_noun:
                rule = "envoy's proposal"
            elif token.dep_ == "nsubj" and lemma in (
                "submit",
                "present",
                "table",
                "draft",
                "propose",
                "shuttle",
                "mediate",
            ):
                rule = f"envoy {lemma}"
            elif (
                token.dep_ == "nsubj"
                and lemma in ("hold", "give")
                and any(
                    c.dep_ == "dobj"
                    and c.lemma_.lower() in ("talk", "talks", "assurance", "assurances")
                    for c in head.children
                )
            ):
                rule = f"envoy {lemma}"
            elif (
                token.dep_ == "pobj"
                and head.lower_ == "by"
                and head.head.lemma_.lower() in self.words["relay_objects"]
            ):
                rule = "proposal by the envoy"
            else:
                continue
            found.append(RoleCue(analysis.people[person].affiliation, "mediator", token.i, rule))  # type: ignore[arg-type]
        return found

    # -- who a phrase names ----------------------------------------------------------------

    def _relay_verb(
        self, doc: Doc, analysis: Analysis, verb: Token, obj: Token | None
    ) -> list[RoleCue]:
        """ "asked Turkey to carry the offer", "mediators who have carried messages",
        "messages between the sides have been carried by a party delegation"."""
        carried = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if (
            obj is None
            and carried is not None
            and (
                carried.lower_ in self.words["relay_objects"]
                or carried.lemma_.lower() in self.words["relay_objects"]
            )
            and (
                verb.lemma_.lower() in ("carry", "convey", "relay", "transmit", "ferry")
                or any(c.dep_ == "prep" and c.lower_ == "between" for c in carried.children)
            )
        ):
            return [
                RoleCue(a, "relay", verb.i, "relayed by") for a in self._agents(doc, analysis, verb)
            ]
        if obj is None or (
            obj.lower_ not in self.words["relay_objects"]
            and obj.lemma_.lower() not in self.words["relay_objects"]
        ):
            return []
        head = verb.head
        if verb.dep_ in ("xcomp", "ccomp", "advcl") and head.lemma_.lower() in (
            "ask",
            "urge",
            "request",
            "call",
            "want",
            "invite",
            "task",
            "press",
        ):
            target = next((c for c in head.children if c.dep_ in ("dobj", "dative")), None)
            if target is None:
                target = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            holders = self._refer(doc, analysis, target) if target is not None else []
            return [RoleCue(a, "relay", verb.i, "asked to relay") for a in holders]
        subject = _subject(verb)
        if subject is not None and subject.lower_ in _RELATIVE:
            return [
                RoleCue(a, "relay", verb.i, "relays") for a in self._refer(doc, analysis, subject)
            ]
        return []

    def _endorse_verb(
        self, doc: Doc, analysis: Analysis, verb: Token, obj: Token | None
    ) -> list[RoleCue]:
        welcomed = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if (
            obj is None
            and welcomed is not None
            and (
                welcomed.lemma_.lower() in self.words["endorse_objects"]
                or welcomed.lower_ in self.words["endorse_objects"]
            )
        ):  # "the ceasefire was welcomed by Saudi Arabia and by the United Nations"
            return [
                RoleCue(a, "endorser", verb.i, f"{verb.lemma_.lower()}d by")
                for a in self._agents(doc, analysis, verb)
            ]
        if obj is None:
            return []
        target = (
            obj.lemma_.lower() in self.words["endorse_objects"]
            or obj.lower_ in self.words["endorse_objects"]
        )
        if not target and verb.lemma_.lower() in (
            "praise",
            "congratulate",
            "commend",
            "thank",
            "salute",
        ):
            # "praised the AU for its leadership", "congratulated the two sides"
            target = bool(refer(doc, analysis, obj)) or obj.lemma_.lower() in (
                "side",
                "party",
                "leader",
                "government",
                "negotiator",
                "mediator",
            )
        if not target:
            return []
        subject = self._subject_of(verb)
        holders = self._refer(doc, analysis, subject) if subject is not None else []
        if (
            not holders and verb.i >= 2
        ):  # a subject the parser lost: "… The White House has welcomed"
            before = verb.i - 1
            while before > 0 and doc[before].dep_ in ("aux", "neg", "advmod"):
                before -= 1
            mention = analysis.mention_at(before)
            if mention is not None and mention.agentive:
                holders = [mention.actor]
        return [RoleCue(a, "endorser", verb.i, f"verb {verb.lemma_.lower()}") for a in holders]

    def _through(self, doc: Doc, analysis: Analysis, prep: Token) -> list[RoleCue]:
        """ "handed over through the Turkish side": a named go-between (not "the mediators")."""
        verb = prep.head
        if verb.lemma_.lower() not in self.words["relay_through_verbs"] or _negated(verb):
            return []
        thing = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if thing is None and any(c.dep_ == "auxpass" for c in verb.children):
            thing = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if thing is not None and antecedent(thing) is not None:
            thing = antecedent(thing)
        if thing is None and verb.dep_ in ("acl", "relcl"):
            thing = verb.head
        if thing is None or not self._message(analysis, thing):
            return []
        found: list[RoleCue] = []
        for obj in (c for c in prep.children if c.dep_ == "pobj"):
            if obj.lemma_.lower() in self.noun_role or obj.lower_ in (
                "intermediaries",
                "channels",
                "mediators",
            ):
                continue
            for actor in actors_of(doc, analysis, obj):
                found.append(RoleCue(actor, "relay", prep.i, "through"))
        return found

    def _message(self, analysis: Analysis, token: Token) -> bool:
        """A message, offer or text (not aid, people or goods)."""
        if (
            token.lower_ in self.words["relay_objects"]
            or token.lemma_.lower() in self.words["relay_objects"]
        ):
            return True
        return token.i in analysis.extra.get("proposal_at", {})

    def _signers(self, doc: Doc, analysis: Analysis, verb: Token) -> list[RoleCue]:
        """Who signs or initials an agreement is a side to it (the caller keeps out the
        mediators and guarantors who sign as such)."""
        if _negated(verb) or not self._realis(verb, "party"):
            return []
        thing = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if thing is not None and antecedent(thing) is not None:
            thing = antecedent(thing)
        if thing is None and verb.dep_ in ("relcl", "acl"):
            thing = verb.head
        if thing is None or thing.lemma_.lower() not in self.words["agreement_nouns"]:
            return []
        if (
            verb.dep_ == "relcl"
            and thing.head.i == verb.i
            and thing.dep_ == "dobj"
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in thing.children)
        ):
            return []  # "Saudi Arabia, which signed a defence pact with Pakistan": another agreement
        holders = self._agents(doc, analysis, verb)
        if not holders:
            subject = self._subject_of(verb)
            holders = self._refer(doc, analysis, subject) if subject is not None else []
        return [
            RoleCue(a, "party", verb.i, f"verb {verb.lemma_.lower()}")
            for a in dict.fromkeys(holders)
        ]

    def _agreeing_sides(self, doc: Doc, analysis: Analysis, verb: Token) -> list[RoleCue]:
        """ "Israel and Hamas have agreed on the first phase", "Congo and Rwanda have agreed to
        a ceasefire": two or more sides agreeing together are the parties."""
        if _negated(verb) or not self._realis(verb, "party"):
            return []
        subject = _subject(verb)
        if subject is None or not any(c.dep_ == "conj" for c in subject.children):
            return []
        if verb.lemma_.lower() != "agree":
            obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if obj is None or obj.lemma_.lower() not in self.words["agreement_nouns"] | {
                "deal",
                "agreement",
            }:
                return []
        clause = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if clause is not None and (
            clause.lemma_.lower() in self.verb_role
            or clause.lemma_.lower() in ("lead", "chair", "help", "work", "support", "fund")
        ):
            return []  # "the US and France agreed to monitor it": third parties acting together
        holders = actors_of(doc, analysis, subject)
        if len(holders) < 2:
            return []
        return [RoleCue(a, "party", verb.i, "agree together") for a in holders]

    def _praise(self, doc: Doc, analysis: Analysis, verb: Token) -> list[RoleCue]:
        """ "called the declaration an important step", "hailed the agreement as historic"."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None or obj.lemma_.lower() not in self.words["agreement_nouns"] | {
            "it",
            "signing",
            "truce",
        }:
            return []
        praise = [c for c in verb.children if c.dep_ in ("oprd", "attr", "ccomp", "xcomp", "advcl")]
        praise += [
            g
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "as"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if not any(p.lemma_.lower() in self.words["praise_words"] for p in praise):
            return []
        subject = self._subject_of(verb)
        holders = self._refer(doc, analysis, subject) if subject is not None else []
        return [
            RoleCue(a, "endorser", verb.i, f"{verb.lemma_.lower()} it a step")
            for a in dict.fromkeys(holders)
        ]

    def _presence(self, doc: Doc, analysis: Analysis, token: Token) -> list[RoleCue]:
        """ "… of China were also present", "in the presence of X": witnesses."""
        holders: list[str] = []
        if token.lower_ == "present" and token.dep_ == "acomp":
            subject = _subject(token.head)
            holders = self._refer(doc, analysis, subject) if subject is not None else []
        elif token.lower_ == "presence" and token.dep_ == "pobj" and token.head.lower_ == "in":
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    holders += [
                        a
                        for obj in child.children
                        if obj.dep_ == "pobj"
                        for a in self._refer(doc, analysis, obj)
                    ]
        return [
            RoleCue(a, "observer_witness", token.i, f"noun {token.lower_}")
            for a in dict.fromkeys(holders)
        ]

    def _backing(self, doc: Doc, analysis: Analysis, noun: Token) -> list[RoleCue]:
        """ "drawn up in coordination with the United States", "with the backing of X",
        "with Russia's support": a backer of the plan or side."""
        holders: list[str] = []
        if noun.lemma_.lower() == "coordination":
            governor = noun.head.head
            if governor.lemma_.lower() not in self.words["coordination_verbs"]:
                return []  # "units deployed in coordination with the UN mission": no patronage
        for child in noun.children:
            if child.dep_ == "poss":
                holders += self._refer(doc, analysis, child)
            elif child.dep_ == "prep" and (
                child.lower_ == "with"
                or child.lower_ in ("of", "from")
                and noun.lemma_.lower() != "support"
            ):
                holders += [
                    a
                    for obj in child.children
                    if obj.dep_ == "pobj"
                    for a in self._refer(doc, analysis, obj)
                ]
            elif child.dep_ == "prep" and child.lower_ == "from":
                holders += [
                    a
                    for obj in child.children
                    if obj.dep_ == "pobj"
                    for a in self._refer(doc, analysis, obj)
                ]
        return [
            RoleCue(a, "backer", noun.i, f"in {noun.lower_} with") for a in dict.fromkeys(holders)
        ]

    def _alongside(self, doc: Doc, analysis: Analysis, verb: Token) -> list[RoleCue]:
        """ "whose troops have fought alongside Ethiopian federal forces": a backer."""
        if not any(c.dep_ == "prep" and c.lower_ == "alongside" for c in verb.children):
            return []
        subject = self._subject_of(verb)
        if subject is not None and antecedent(subject) is not None:
            subject = antecedent(subject)
        if subject is None or subject.lemma_.lower() not in self.words["backer_subjects"]:
            return []
        return [
            RoleCue(a, "backer", verb.i, "fights alongside")
            for a in self._refer(doc, analysis, subject)
        ]

    def _military_help(self, doc: Doc, analysis: Analysis, verb: Token) -> list[RoleCue]:
        """ "whose troops and drones helped the Tripoli government": a backer."""
        subject = _subject(verb)
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        if obj is None:  # "helped the Tripoli government beat back …"
            clause = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp")), None)
            obj = (
                next((c for c in clause.children if c.dep_ == "nsubj"), None)
                if clause is not None
                else None
            )
        if (
            subject is None
            or obj is None
            or subject.lemma_.lower() not in self.words["backer_subjects"]
        ):
            return []
        if not refer(doc, analysis, obj):
            return []
        return [
            RoleCue(a, "backer", verb.i, "military help")
            for a in self._refer(doc, analysis, subject)
        ]

    # -- nouns ---------------------------------------------------------------------------
