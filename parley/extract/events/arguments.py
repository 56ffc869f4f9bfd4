"""Actors and recipients of a cue, by the roles ``events.json`` names (``actor``, ``recipient``)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from .lexicon import Cue
from .objects import Objects
from .syntax import NOUN_POS, SUBJECTS, VERB_POS, ancestors, phrase_tokens, unique
from .triggers import Trigger

PERSONAL_POSSESSIVES = frozenset({"its", "their", "his", "her", "our", "my", "your"})


class Arguments(Objects):
    """Who acts and who receives."""

    def _role_ids(self, roles: tuple[str, ...], trigger: Trigger, anchor: Token, relation: str, cue: Cue,
                  exclude: list[str] | None = None) -> list[str]:
        exclude = exclude or []
        for role in roles:
            found = [a for a in self._role(role, trigger, anchor, relation, cue, exclude) if a not in exclude]
            if found:
                return unique(found)
        return []

    def _role(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        """The actor ids ``role`` names around ``trigger`` (``events.json``, ``roles``)."""
        reader = _READERS.get("prep" if role.startswith("prep:") else role)
        return reader(self, role, trigger, anchor, relation, cue, exclude) if reader is not None else []

    def _role_subject(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        noun = trigger.kind == "noun"
        if noun and relation in ("occur", "self"):
            return []  # "talks were held", "mediation by the UAE": the clause's subject is not in them
        subject = self._subject_token(anchor)
        if subject is None:
            return []
        found = self.ids(subject)
        if not found and self._official_noun(subject):
            # "a foreign ministry spokesman in Kyiv": a capital stands for its government
            places = [
                " ".join(t.text for t in g.subtree if t.dep_ == "compound" or t.i == g.i)
                for c in subject.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"
            ]
            found = [self.f.capital_of[p] for p in places if p in self.f.capital_of]
        return found

    def _role_agent(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        token = trigger.token
        if trigger.kind == "noun":
            return self._noun_agent(token)
        out: list[str] = []
        for base in {anchor, token}:
            for child in base.children:
                if child.dep_ == "agent" and not self._noun_agent(self.doc[child.i - 1]):
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            out += self.ids(obj)
            if out:
                # "signed … by X, …, and Y": the parser hung Y on the verb
                out += [a for c in base.children if c.dep_ == "conj" and c.pos_ in NOUN_POS for a in self.ids(c)]
        if not out and anchor.dep_ == "conj" and anchor.tag_ == "VBN" and anchor.head.tag_ == "VBN" and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children
        ):
            # "talks hosted by Qatar and mediated jointly with Turkey": one agent for both participles
            out = [a for c in anchor.head.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj" for a in self.ids(g)]
        return out

    def _role_patient(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        return [a for c in anchor.children if c.dep_ == "nsubjpass" for a in self.ids(c)]

    def _role_object(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        return [a for t in self._objects(trigger, anchor) if t.dep_ in ("dobj", "nsubjpass" if anchor.dep_ in ("acl", "relcl") else "dobj", "attr") for a in self.ids(t)]

    def _role_dative(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        out = []
        for child in anchor.children:
            if child.dep_ == "dative":
                out += self.ids(child) if child.pos_ != "ADP" else [a for g in child.children if g.dep_ == "pobj" for a in self.ids(g)]
        return out

    def _role_prep(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        token = trigger.token
        word = role[5:]
        out = []
        bases = [anchor, token] + [o for o in self._objects(trigger, anchor) if o.dep_ in ("dobj", "nsubjpass")]
        if trigger.kind == "noun" and relation == "adjunct":
            bases += [c for c in anchor.children if c.dep_ == "dobj"]  # "described the offer to Biden in a call"
        if trigger.kind in ("phrase", "phrase-noun"):
            bases += [self.doc[i] for i in range(trigger.start, trigger.end)]
        seen: set[int] = set()
        for base in bases:
            for child in base.children:
                if child.dep_ == "prep" and child.lower_ == word and child.i not in seen:
                    seen.add(child.i)
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            out += self.ids(obj, places=word in ("in", "to", "from", "at"))
        return out

    def _role_poss(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        token = trigger.token
        noun = trigger.kind == "noun"
        out = []
        bases = [token] if noun else [o for o in self._objects(trigger, anchor) if o.dep_ in ("dobj", "pobj", "nsubjpass")]
        for base in bases:
            for child in base.children:
                if child.dep_ in ("poss", "compound", "amod", "nmod"):
                    out += self.ids(child)
        return out

    def _role_proposer(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        pool = list(self._objects(trigger, anchor))
        pool += [g for c in anchor.children if c.dep_ in ("xcomp", "ccomp") for g in c.children if g.dep_ in ("dobj", "nsubjpass")]
        for obj in pool:
            # the author the phrase itself names ("the military's truce", "a truce proposed by
            # the United States and Egypt") stands over the one inferred for the proposal
            named_here = [a for a in self._named_author(obj) if a not in exclude]
            for t in obj.subtree:
                index = self.proposal_at.get(t.i)
                if index is not None:
                    p = self.analysis.proposals[index]
                    if named_here and p.proposer not in named_here:
                        return named_here
                    named = [p.proposer, *(p.channel if role == "proposer_channel" else [])]
                    return [a for a in named if a]
            if named_here and self._in_class([obj], "proposal"):
                return named_here
        return []

    def _named_author(self, noun: Token) -> list[str]:
        """The author a proposal phrase names: its possessor or actor modifier, or the agent of
        a participle describing it ("a truce proposed by X, Y and Z")."""
        out: list[str] = []
        for child in noun.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") and child.lower_ not in PERSONAL_POSSESSIVES:
                out += self.ids(child)
            elif child.dep_ == "prep" and child.lower_ == "by":
                out += [a for g in child.children if g.dep_ == "pobj" for a in self.ids(g)]  # "a proposal by envoy X"
            elif child.dep_ == "acl" and child.tag_ == "VBN":
                for agent in (c for c in child.children if c.dep_ == "agent"):
                    for g in agent.children:
                        if g.dep_ == "pobj":
                            out += [a for t in (g, *g.conjuncts) for a in self.ids(t)]
        return unique(out)

    def _role_between(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        token = trigger.token
        return self._between([anchor, token] + self._objects(trigger, anchor), deep=True)

    def _role_object_actors(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        out = []
        for obj in self._objects(trigger, anchor):
            if obj.dep_ == "nsubjpass" and anchor.dep_ not in ("acl", "relcl"):
                continue
            for t in (obj, *phrase_tokens(obj, keep=("acl",))):  # "companies tied to the RSF", not relative clauses
                mention = self.analysis.mention_at(t.i)
                if mention is not None:
                    out.append(mention.actor)
                person = self.analysis.person_at.get(t.i)
                affiliation = self.analysis.people[person].affiliation if person is not None else None
                if affiliation:
                    out.append(affiliation)
        return out

    def _role_complement_subject(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        token = trigger.token
        # "demanded that the US cancel …", "its demand that Israel ease …"
        return [a for base in {anchor, token} for c in base.children
                if c.dep_ in ("ccomp", "xcomp", "acl") or (c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("for", "that") for m in c.children))
                for s in c.children if s.dep_ in ("nsubj", "nsubjpass") for a in self.ids(s)]

    def _role_complement_object(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        out = []
        for c in anchor.children:
            if c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)):
                for g in c.children:
                    if g.dep_ in ("dobj", "dative"):
                        out += self.ids(g)
                        # "to suspend the talks with Israel"
                        out += [a for p in g.children if p.dep_ == "prep" and p.lower_ in ("with", "between")
                                for x in p.children if x.dep_ == "pobj" for a in self.ids(x)]
                    if g.dep_ == "prep" and g.lower_ in ("with", "to", "against", "on"):
                        out += [a for x in g.children if x.dep_ == "pobj" for a in self.ids(x)]
                    if g.dep_ in ("ccomp", "xcomp") and c.lemma_.lower() in ("help", "assist"):
                        # "offered to help Moscow monitor the ceasefire": the one helped
                        out += [a for x in g.children if x.dep_ == "nsubj" for a in self.ids(x)]
        return out

    def _role_condition_subject(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        complements = [c for c in anchor.children if c.dep_ in ("xcomp", "ccomp")]
        for node in (anchor, *complements, *ancestors(anchor, 2)):
            for c in node.children:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless", "until") for m in c.children):
                    subject = next((s for s in c.children if s.dep_ in SUBJECTS), None)
                    if subject is not None:
                        return self.ids(subject)
        return []

    def _role_speaker(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        return self._speaker_ids(anchor)

    def _role_subject_actors(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        # "removing the sanctions on Burma is out of the question": what is ruled out
        out = []
        for node in (anchor, *ancestors(anchor, 2)):
            for c in node.children:
                if c.dep_ in ("csubj", "nsubj", "nsubjpass") and c.pos_ in VERB_POS:
                    for t in c.subtree:
                        mention = self.analysis.mention_at(t.i)
                        if mention is not None:
                            out.append(mention.actor)
            if out:
                break
        return out

    def _role_violator(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        token = trigger.token
        noun = trigger.kind == "noun"
        if noun:
            # "the RSF's violations", "violations of the truce by Cambodia"
            return [a for c in token.children if c.dep_ in ("poss", "compound", "amod") for a in self.ids(c)] or [
                a for c in token.children if c.dep_ in ("prep", "agent") and c.lower_ == "by"
                for g in c.children if g.dep_ == "pobj" for a in self.ids(g)
            ]
        subject = self._subject_token(anchor)
        return self.ids(subject) if subject is not None else []

    def _role_accuser(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        token = trigger.token
        for ancestor in ancestors(token, 6):
            if ancestor.lemma_.lower() in ("accuse", "blame", "charge", "protest", "complain"):
                subject = self._subject_token(ancestor)
                if subject is not None:
                    return self.ids(subject)
        return self._speaker_ids(anchor)

    def _role_deal_parties(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        subject_or_objects = self._objects(trigger, anchor) + [c for c in anchor.children if c.dep_ in SUBJECTS]
        found = self._between(subject_or_objects)
        if found:
            return found
        for t in subject_or_objects:
            index = self.proposal_at.get(t.i)
            if index is not None:
                mentions = [m for m in self.analysis.stances if m.proposal == index and m.stance in ("signs", "accepts")]
                if len({m.actor for m in mentions}) >= 2:
                    return unique([m.actor for m in mentions])
        return list(self.parties)

    def _role_parties(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        if set(exclude) & set(self.parties):
            return []
        return [p for p in self.parties if p not in exclude]

    def _role_served_parties(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        token = trigger.token
        # "ready to host further talks": an offer of a service to the sides
        if set(exclude) & set(self.parties):
            return []
        verbs = [c.lemma_.lower() for c in token.subtree if c.dep_ == "xcomp"]
        served = self.f.request_modes.get("assist", frozenset()) | self.f.request_modes.get("meet", frozenset())
        if any(v in served for v in verbs):
            return [p for p in self.parties if p not in exclude]
        return []

    def _role_main_subject(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        # "…, as the government had requested": the clause the request is about
        if anchor.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in anchor.children):
            head = anchor.head
            subject = self._subject_token(head if head.pos_ in VERB_POS else head.head)
            return self.ids(subject) if subject is not None else []
        return []

    def _role_other_party(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        actors = exclude
        if len(set(actors) & set(self.parties)) == 1 and len(self.parties) >= 2:
            return [p for p in self.parties if p not in actors]
        return []  # (both sides acting together have no other side)

    def _role_owner(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        if anchor.dep_ == "acl" and anchor.head.pos_ in NOUN_POS:
            head = anchor.head
            index = self.proposal_at.get(head.i)
            proposer = self.analysis.proposals[index].proposer if index is not None else None
            if proposer:
                return [proposer]
            return [a for c in head.children if c.dep_ in ("poss", "compound", "amod") for a in self.ids(c)]
        return []

    def _role_signatories(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        """"a protocol signed on Friday", "the agreement was signed on Saturday": a signing
        that names no signer is the signing of the agreement's sides."""
        if any(c.dep_ == "agent" for c in anchor.children):
            return []
        signed = [c for c in anchor.children if c.dep_ == "nsubjpass"]
        if anchor.dep_ == "acl" and anchor.tag_ == "VBN" and anchor.head.pos_ in NOUN_POS:
            signed.append(anchor.head)
        signed = [t for t in signed if t.i in self.proposal_at or self._in_class([t], "agreement")]
        if not signed:
            return []
        found = self._between(signed, deep=True)
        if found:
            return found
        for t in signed:
            index = self.proposal_at.get(t.i)
            if index is not None:
                for stances in (("signs",), ("signs", "accepts", "accepts_with_conditions")):
                    signers = {m.actor for m in self.analysis.stances if m.proposal == index and m.stance in stances}
                    if len(signers) >= 2:
                        return sorted(signers)
        return list(self.parties)

    def _role_counterpart(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        """"the UN put forward a proposal", "the Saudi side put forward a roadmap": an offer
        tabled to no one named goes to the sides when a mediator tables it, and to the other
        side when one of two sides does ("unveiled a plan" is public: no one)."""
        if trigger.token.lemma_.lower() in self.f.classes["public_verbs"]:
            return []
        objects = self._objects(trigger, anchor)
        if not (any(t.i in self.proposal_at for t in objects) or self._in_class(objects, "proposal")):
            return []
        if exclude and set(exclude) <= set(self.mediators) - set(self.parties):
            return list(self.parties)
        if len(self.parties) == 2 and set(exclude) & set(self.parties):
            return [p for p in self.parties if p not in exclude]
        return []

    def _role_answered(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        """"Damascus responded with its own draft": the author of the proposal the answer
        answers (the parent of the counter-proposal), else the other side."""
        withs = [g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
        for t in (t for w in withs for t in w.subtree):
            index = self.proposal_at.get(t.i)
            if index is None:
                continue
            parent = self.analysis.proposals[index].parent
            proposer = self.analysis.proposals[parent].proposer if parent is not None else None
            if proposer and proposer not in exclude:
                return [proposer]
            break
        if len(self.parties) == 2 and set(exclude) & set(self.parties):
            return [p for p in self.parties if p not in exclude]
        return []

    def _role_deal_partners(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        """"Russia walked away from the grain deal": the deal's other participants (those
        the article has sign or accept it), else the other side."""
        for obj in self._objects(trigger, anchor):
            index = next((self.proposal_at[t.i] for t in obj.subtree if t.i in self.proposal_at), None)
            if index is None:
                continue
            partners = {m.actor for m in self.analysis.stances if m.proposal == index and m.stance in ("signs", "accepts")}
            partners -= set(exclude)
            if partners:
                return sorted(partners)
        if len(self.parties) == 2 and set(exclude) & set(self.parties):
            # the other side, and the brokers of the arrangement
            return [p for p in self.parties + self.mediators if p not in exclude]
        return []

    def _role_subject_owner(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        """"A convoy of the ICRC … reached Mekelle", "NATO peacekeeping troops arrived": whose
        convoy, troops or aid the subject is."""
        subject = next((c for c in anchor.children if c.dep_ in SUBJECTS), None)
        if subject is None:
            return []
        pool = [subject] + [g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        return unique(a for t in pool for t2 in (t, *t.children) if t2.dep_ not in ("prep", "acl", "relcl") for a in self.ids(t2))

    def _role_hyphen_agent(self, role: str, trigger: Trigger, anchor: Token, relation: str, cue: Cue, exclude: list[str]) -> list[str]:
        """"UN-mediated talks", "a U.S.-brokered declaration": the actor before the hyphen."""
        token = trigger.token
        if token.i < 2 or token.tag_ != "VBN" or self.doc[token.i - 1].text not in ("-", "–"):
            return []
        return self.ids(self.doc[token.i - 2])


_READERS: dict[str, Callable[..., list[str]]] = {
    "subject": Arguments._role_subject,
    "agent": Arguments._role_agent,
    "patient": Arguments._role_patient,
    "object": Arguments._role_object,
    "dative": Arguments._role_dative,
    "prep": Arguments._role_prep,
    "poss": Arguments._role_poss,
    "proposer": Arguments._role_proposer,
    "proposer_channel": Arguments._role_proposer,
    "between": Arguments._role_between,
    "object_actors": Arguments._role_object_actors,
    "complement_subject": Arguments._role_complement_subject,
    "complement_object": Arguments._role_complement_object,
    "condition_subject": Arguments._role_condition_subject,
    "speaker": Arguments._role_speaker,
    "subject_actors": Arguments._role_subject_actors,
    "violator": Arguments._role_violator,
    "accuser": Arguments._role_accuser,
    "deal_parties": Arguments._role_deal_parties,
    "parties": Arguments._role_parties,
    "served_parties": Arguments._role_served_parties,
    "main_subject": Arguments._role_main_subject,
    "other_party": Arguments._role_other_party,
    "owner": Arguments._role_owner,
    "signatories": Arguments._role_signatories,
    "counterpart": Arguments._role_counterpart,
    "answered": Arguments._role_answered,
    "deal_partners": Arguments._role_deal_partners,
    "subject_owner": Arguments._role_subject_owner,
    "hyphen_agent": Arguments._role_hyphen_agent,
}
