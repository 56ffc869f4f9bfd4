"""The objects of a cue and the tests they must pass (``object``/``not_object`` in events.json)."""

from __future__ import annotations

from spacy.tokens import Token

from ..terms.syntax import conjuncts
from .lexicon import Cue
from .modality import Modality
from .syntax import (
    AGREEMENT_HEADS,
    GROUP_HEADS,
    MOVEMENT,
    NOUN_POS,
    OBJECT_PREPS,
    RIVALS,
    SUBJECTS,
    TARGET_PREPS,
    VERB_POS,
    phrase_tokens,
    unique,
)
from .triggers import Trigger


class Objects(Modality):
    """What a cue acts on."""

    def _objects(self, trigger: Trigger, anchor: Token) -> list[Token]:
        """The heads of the trigger's object phrases."""
        token = trigger.token
        base = anchor if trigger.kind != "noun" else token
        out: list[Token] = []
        for child in base.children:
            if child.dep_ in ("dobj", "attr", "oprd", "nsubjpass", "dative"):
                out.append(child)
            elif child.dep_ == "prep" and child.lower_ in OBJECT_PREPS:
                out.extend(g for g in child.children if g.dep_ == "pobj")
                for g in child.children:
                    if g.dep_ == "prep":
                        out.extend(x for x in g.children if x.dep_ == "pobj")  # "out of"
            elif child.dep_ == "ccomp" and child.lemma_.lower() in ("call", "describe", "term", "dub", "label") and any(
                g.lower_ == "what" for g in child.children
            ):
                # "accepted what it called a proposal by …": the noun the free relative names
                out.extend(g for g in child.children if g.dep_ in ("oprd", "attr"))
            elif child.dep_ == "prt":
                for g in child.children:
                    if g.dep_ == "prep":
                        out.extend(x for x in g.children if x.dep_ == "pobj")
        if trigger.kind in ("phrase", "phrase-noun"):
            for i in range(trigger.start, trigger.end):
                tok = self.doc[i]
                if tok.dep_ == "prep":
                    out.extend(g for g in tok.children if g.dep_ == "pobj")
                if tok.i != anchor.i and tok.dep_ in ("dobj",):
                    out.extend(g for g in tok.children if g.dep_ == "prep" for g in g.children if g.dep_ == "pobj")
        if trigger.kind == "noun" and anchor.i != token.i:
            for child in anchor.children:
                if child.dep_ == "prep" and child.lower_ in ("with", "to", "on", "against"):
                    out.extend(g for g in child.children if g.dep_ == "pobj")
        if base.dep_ in ("acl", "relcl") and not any(c.dep_ in ("dobj",) for c in base.children):
            out.append(base.head)  # "the proposal (that) he submitted", "Witkoff's proposal, sent to Hamas"
        if trigger.kind != "noun" and not any(t.dep_ == "dobj" for t in out):
            # "donated and personally delivered $50,000 worth of goods to …"
            for conj in base.children:
                if conj.dep_ == "conj" and conj.pos_ in VERB_POS:
                    out.extend(c for c in conj.children if c.dep_ == "dobj")
                    out.extend(g for c in conj.children if c.dep_ == "prep" and c.lower_ in OBJECT_PREPS for g in c.children if g.dep_ == "pobj")
        expanded: list[Token] = []
        for tok in out:
            for conj in conjuncts(tok):
                if conj not in expanded:
                    expanded.append(conj)
        return expanded

    def _official_subject(self, verb: Token) -> bool:
        subject = self._subject_token(verb)
        if subject is None:
            return False
        if subject.i in self.analysis.person_at or subject.lower_ in ("he", "she"):
            return True
        return self._official_noun(subject)

    def _possessor(self, token: Token) -> bool:
        return any(c.dep_ == "poss" and self.ids(c) for c in token.children)

    def _proposers(self) -> list[str]:
        return [p.proposer for p in self.analysis.proposals if p.proposer]

    def _object_proposal(self, trigger: Trigger, anchor: Token) -> int | None:
        """The proposal the cue's object (or its "with" phrase) names, if any."""
        pool = self._objects(trigger, anchor)
        pool += [g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
        for obj in pool:
            for t in obj.subtree:
                if t.i in self.proposal_at:
                    return self.proposal_at[t.i]
        return None

    def _object_fits(self, cue: Cue, trigger: Trigger, anchor: Token) -> bool:
        objects = self._objects(trigger, anchor)
        if any(self._class_or_test(name, objects, trigger, anchor, cue) for name in cue.not_object):
            return False
        if cue.subject == "official" and not self._official_subject(anchor):
            return False
        if cue.conditional == "require" and not self._status(anchor).conditioned:
            return False
        if cue.object is None:
            return True
        return self._class_or_test(cue.object, objects, trigger, anchor, cue)

    def _class_or_test(self, name: str, objects: list[Token], trigger: Trigger, anchor: Token, cue: Cue) -> bool:
        if name == "proposal":
            return any(t.i in self.proposal_at for t in objects) or self._in_class(objects, "proposal")
        if name == "with_proposal":
            withs = [g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
            return any(t.i in self.proposal_at for t in withs) or self._in_class(withs, "proposal")
        if name == "agreement":
            return any(t.i in self.proposal_at for t in objects) or self._in_class(objects, "agreement")
        if name == "agreement_reached":
            heads = [t for t in objects if t.dep_ != "nsubjpass" or anchor.tag_ == "VBN"]
            return any(t.lemma_.lower() in AGREEMENT_HEADS or t.lower_ in AGREEMENT_HEADS for t in heads)
        if name in ("agreement_or_actor", "endorsable_or_actor"):
            things = "agreement" if name == "agreement_or_actor" else "endorsable"
            if any(t.i in self.proposal_at for t in objects) or self._in_class(objects, things):
                return True
            if self.analysis.proposals:
                if cue.id == "support.back":
                    return False  # backing a side is being its backer, not endorsing a deal
                # in a negotiation story, praise of a side or broker is praise of the deal
                return any(self._is_actor_head(t) and set(self.ids(t)) & set(self.parties + self.mediators + self._proposers()) for t in objects if t.dep_ != "nsubjpass")
            return any(
                self._is_actor_head(t) or self._possessor(t)
                or any(self.ids(g) for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")
                for t in objects
            )
        if name == "positive_description":
            objs = [t for t in objects if t.dep_ == "dobj"]
            if not (any(t.i in self.proposal_at for t in objs) or self._in_class(objs, "agreement")):
                return False
            rest = [t for t in anchor.subtree if not any(t.i == o.i or o.is_ancestor(t) for o in objs) or t.dep_ in ("oprd", "attr")]
            return self._in_class(rest, "positive") or self._in_class([t for o in objs for t in o.subtree if t.dep_ in ("oprd", "appos", "attr")], "positive")
        if name == "ceasefire_subject":
            subject = next((c for c in anchor.children if c.dep_ in SUBJECTS), None)
            if subject is None:
                return False
            if subject.lower_ == "it" or subject.i in self.proposal_at:
                return True
            return self._in_class([subject], "ceasefire") or subject.lemma_.lower() in AGREEMENT_HEADS
        if name == "person":
            pool = [t for t in objects if t.dep_ in ("dobj", "dative", "pobj")]
            pool += [s for c in anchor.children if c.dep_ in ("xcomp", "ccomp") for s in c.children if s.dep_ == "nsubj"]
            return any(
                (self._is_actor_head(t) and (t.i in self.analysis.person_at or self._official_noun(t) or t.pos_ == "PROPN"))
                or (t.ent_type_ == "PERSON" and any(self.ids(c) for c in t.subtree if c.i != t.i))  # "South African leader F.W. de Klerk"
                for t in pool
            )
        if name == "persons":
            # "allowed candidate Alassane Ouattara to participate": the parser makes the
            # person the subject of the complement
            complement_subjects = [c2 for c in anchor.children if c.dep_ in ("xcomp", "ccomp") for c2 in c.children if c2.dep_ == "nsubj"]
            for t in [*objects, *complement_subjects]:
                if t.dep_ == "nsubjpass" and anchor.tag_ != "VBN":
                    continue
                if t.lemma_.lower() in self.f.classes["person_noun"] or t.lower_ in self.f.classes["person_noun"]:
                    return True
                if t.lemma_.lower() in self.f.classes["remains_nouns"] and any(
                    self._in_class([g], "person_noun") for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                ):
                    return True  # "the coffins of four dead hostages"
                if t.i in self.analysis.person_at or t.ent_type_ == "PERSON":
                    return True
                mention = self.analysis.mention_at(t.i)
                if mention is not None and mention.form == "demonym" and t.tag_ in ("NNS", "NNPS"):
                    return True
            return False
        if name == "forces_or_place":
            if trigger.kind == "noun":
                # "the withdrawal of some invasion forces from Panama"
                own = [g for c in trigger.token.children if c.dep_ == "prep" and c.lower_ in ("of", "from") for g in c.children]
                return not own or self._in_class(own, "forces") or any(c.lower_ == "from" for c in trigger.token.children)
            if any(t.dep_ in ("dobj",) for t in objects):
                return self._in_class([t for t in objects if t.dep_ == "dobj"], "forces")
            if any(c.dep_ == "prep" and c.lower_ in ("from", "out") for c in anchor.children):
                return True
            subject = self._subject_token(anchor)
            return subject is not None and self._in_class([subject], "forces")
        if name == "aid_or_persons":
            heads = [t for t in objects if t.dep_ in ("dobj", "nsubjpass", "dative")]
            if self._in_class(heads + [t for o in heads for t in phrase_tokens(o) if t.pos_ in NOUN_POS], "aid"):
                return True
            return anchor.lemma_.lower() == "evacuate" and self._class_or_test("persons", objects, trigger, anchor, cue)
        if name == "violation_object":
            if trigger.kind == "noun":
                ofs = [g for c in trigger.token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
                if not ofs:
                    return True  # "the RSF's repeated violations"
                return any(self._in_class(list(g.subtree), "violation_object") or g.i in self.proposal_at for g in ofs)
            subtree = [t for o in objects for t in o.subtree]
            return any(t.i in self.proposal_at for t in subtree) or self._in_class(subtree, "violation_object")
        if name == "threat":
            token = trigger.token
            if trigger.kind == "noun":
                return True
            complements = [c for c in token.children if c.dep_ in ("xcomp", "ccomp", "advcl")]
            coercion = self.f.classes["coercion_relations"] | self.f.classes["coercion_violence"]
            lemma = token.lemma_.lower()
            if lemma == "threaten":
                if any(c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)) for c in token.children):
                    return True
                return any(self._is_actor_head(t) for t in objects if t.dep_ == "dobj") or self._in_class(objects, "threat_nouns")
            if lemma == "warn" and any(t.dep_ == "pobj" and t.head.lower_ in ("of", "about") for t in objects) and self._in_class(
                [t for t in objects if t.dep_ == "pobj" and t.head.lower_ in ("of", "about")], "threat_nouns"
            ):
                return True  # "warned of further consequences if Hamas kept refusing"
            inner = [t for c in complements for t in c.subtree]
            has_modal = any(t.dep_ == "aux" and t.lower_ in self.lex.future_modals for t in inner)
            verbs = [t for t in inner if t.pos_ in VERB_POS and t.lemma_.lower() in coercion]
            if has_modal and any(t.dep_ == "mark" and t.lower_ in ("if", "unless") for t in inner):
                return True  # "warned that the group would pay a heavy price if it refused"
            return bool(verbs) and (has_modal or any(c.dep_ == "xcomp" for c in complements))
        if name == "deal_in_force":
            # "walked away from the Black Sea grain deal": leaving an agreement, not refusing an offer
            heads = [t for t in objects if t.dep_ in ("pobj", "dobj")]
            for t in heads:
                index = self.proposal_at.get(t.i)
                status = self.analysis.proposals[index].status if index is not None else None
                if status in ("floated", "tabled", "under_review", "rejected"):
                    continue
                if t.lemma_.lower() in AGREEMENT_HEADS or t.lower_ in AGREEMENT_HEADS:
                    return True
            return False
        if name == "aid_subject":
            # "A convoy of the ICRC carrying medical supplies reached Mekelle", "NATO troops arrived"
            subject = next((c for c in anchor.children if c.dep_ in SUBJECTS), None)
            if subject is None:
                return False
            pool = [subject] + [g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
            return self._in_class(pool, "aid_carriers")
        if name == "negative_description":
            # "described those terms as unworkable", "called the aid halt cheap blackmail"
            subject = next((c for c in anchor.children if c.dep_ in SUBJECTS), None)
            said = [t for t in anchor.subtree if subject is None or not (t.i == subject.i or subject.is_ancestor(t))]
            return any(t.dep_ == "dobj" for t in anchor.children) and self._in_class(said, "negative_words")
        if name == "commercial":
            # "signed an agreement with a private security company": a contract, not a peace deal
            pool = list(objects) + [t for o in objects for t in phrase_tokens(o)]
            return self._in_class(pool, "commercial_parties")
        if name == "deadline":
            # "gave Hamas three to four days to respond"
            spans = [t for t in anchor.children if t.dep_ in ("dobj", "npadvmod") and self._in_class([t], "time_units")]
            return bool(spans) and any(
                c.dep_ in ("xcomp", "acl", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for base in (anchor, *spans) for c in base.children
            )
        if name == "time_spent":
            # "spent several hours in Israel"
            return any(t.dep_ == "dobj" and self._in_class([t], "time_units") for t in objects)
        if name == "exchange_of_persons":
            # "carried out their largest exchange of prisoners of war"
            token = trigger.token
            ofs = [g for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "for") for g in c.children if g.dep_ == "pobj"]
            return bool(ofs) and self._class_or_test("persons", ofs, trigger, anchor, cue)
        if name == "person_called":
            # "called his Indian counterpart on the military hotline": a conversation, not a
            # description ("called the deal a step") nor a summons ("called on X to …")
            if any(c.dep_ in ("oprd", "xcomp", "ccomp", "attr", "prt") for c in anchor.children):
                return False
            called = [c for c in anchor.children if c.dep_ == "dobj"]
            return any(
                c.i in self.analysis.person_at or c.ent_type_ == "PERSON" or self._official_noun(c) or c.lemma_.lower() in RIVALS
                for c in called
            )
        if name == "hostilities_subject":
            # "Iran's military operations had ended": not "ended the war" (a transitive act)
            subject = next((c for c in anchor.children if c.dep_ == "nsubj"), None)
            return subject is not None and not any(c.dep_ == "dobj" for c in anchor.children) and self._in_class([subject], "hostilities")
        if name == "own_weapons":
            # "set fire to their rifles", "handed over its weapons": not "to Ukraine" (aid)
            if not self._in_class(objects, "weapons"):
                return False
            span = range(trigger.start, trigger.end)
            return not any(
                c.i not in span and (c.dep_ == "dative" or c.dep_ == "prep" and c.lower_ == "to")
                and any(self.ids(g) for g in c.children if g.dep_ == "pobj")
                for c in anchor.children
            )
        if name == "at_request":
            # "at Washington's request", "at the invitation of Oman": who asked is named
            token = trigger.token
            return token.dep_ == "pobj" and token.head.lower_ in ("at", "on", "upon") and any(
                c.dep_ in ("poss", "compound", "amod") and self.ids(c)
                or c.dep_ == "prep" and c.lower_ == "of" and any(self.ids(g) for g in c.children if g.dep_ == "pobj")
                for c in token.children
            )
        if name in ("phone_call", "called_for"):
            token = trigger.token
            if trigger.kind != "noun":
                return name == "phone_call"
            demand = any(
                c.dep_ == "prep" and c.lower_ in ("for", "on", "upon")
                and not any(g.ent_type_ in ("DATE", "TIME") for g in c.children)
                for c in token.children
            ) or any(
                c.dep_ in ("acl", "relcl", "ccomp") and any(a.dep_ in ("aux", "mark") and a.lower_ in ("to", "that") for a in c.children)
                for c in token.children
            )
            adjunct = token.dep_ == "pobj" and token.head.lower_ in ("in", "during", "on", "over", "after")
            return not demand if name == "phone_call" else not adjunct
        if name == "meeting":
            pool = [t for t in objects if t.dep_ in ("dobj", "nsubjpass", "pobj")]
            return self._in_class(pool, "meeting")
        if name == "meeting_subject":
            # "The meeting brought Trump together with representatives of …"
            return self._in_class([c for c in anchor.children if c.dep_ in SUBJECTS], "meeting")
        if name in ("aid", "restriction", "access"):
            # "700 kg of medicine", "a state of emergency", "the return of inspectors"
            pool = list(objects) + [t for o in objects for t in phrase_tokens(o) if t.pos_ in NOUN_POS]
            if name == "access" and anchor.lemma_.lower() in ("allow", "permit", "let") and any(
                c.dep_ in ("xcomp", "ccomp") and c.lemma_.lower() in MOVEMENT for c in anchor.children
            ):
                return True  # "will allow … refugees … to return home"
            return self._in_class(pool, name)
        return self._in_class(objects, name)

    def _meeting_reference(self, trigger: Trigger, anchor: Token) -> tuple[bool, list[str]]:
        """"hosted the talks", "co-organised the meeting": join the meeting referred to, or
        add the participants the phrase names."""
        objects = [o for o in self._objects(trigger, anchor) if self._in_class([o], "meeting")]
        if not objects:
            subject = next((c for c in anchor.children if c.dep_ in SUBJECTS), None)
            objects = [subject] if subject is not None else []
        participants: list[str] = []
        definite = False
        for obj in objects:
            participants += self._between([obj])
            participants += [a for c in obj.children if c.dep_ in ("poss", "compound", "amod") for a in self.ids(c)]
            participants += [a for c in obj.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj" for a in self.ids(g)]
            if any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their", "this", "these") for c in obj.children):
                definite = True
        if anchor.dep_ in ("acl", "relcl"):
            # "talks in Putrajaya hosted by …": the meeting's own participants are the clause's
            head = anchor.head
            verb = head
            while verb.pos_ not in VERB_POS and verb.head.i != verb.i:
                verb = verb.head
            subject = self._subject_token(verb) if verb.pos_ in VERB_POS else None
            if subject is not None:
                participants += self.ids(subject)
            if any(c.dep_ == "acl" and c.lemma_.lower() in ("mediate", "broker") for c in head.children):
                return False, []
            definite = False
        if participants:
            return False, unique(participants)
        if definite:
            return True, []
        if any(c.lemma_.lower() in self.f.classes["internal_bodies"] for o in objects for c in o.children if c.dep_ in ("compound", "amod")):
            return False, []  # "a cabinet meeting": one side's own body
        return False, [p for p in self.parties]

    def _named_target(self, trigger: Trigger, anchor: Token) -> bool:
        """The act is aimed at someone named, if not at a known actor ("ordered former
        president Carlos Menem to appear", "accused Darfur rebels of …")."""
        objects = [
            o for o in self._objects(trigger, anchor)
            if o.dep_ in ("dobj", "dative") or (o.dep_ == "pobj" and o.head.lower_ in TARGET_PREPS)
        ]
        pool = list(objects)
        pool += [g for o in objects for c in o.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        pool += [s for c in anchor.children if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        subject = self._subject_token(anchor)
        own = set(self.ids(subject)) if subject is not None else set()
        for token in pool:
            if token.pos_ == "PRON" or self.analysis.mention_at(token.i) is not None:
                if set(self.ids(token)) <= own:
                    continue  # "complained that Kyiv had not received …": itself
            if token.ent_type_ in ("PERSON", "ORG", "NORP") or token.i in self.analysis.person_at:
                return True
            people = self.f.classes["person_noun"]
            if self._official_noun(token) or token.lemma_.lower() in people or token.lower_ in people or token.lower_ in GROUP_HEADS:
                return True
        return False

    def _personal_host(self, anchor: Token) -> bool:
        """"talks hosted by Malaysian Prime Minister Anwar Ibrahim": a leader in the room."""
        return any(
            obj.i in self.analysis.person_at
            for c in anchor.children if c.dep_ == "agent"
            for obj in c.children if obj.dep_ == "pobj"
        )

    def _observers(self, anchor: Token) -> bool:
        """"attended the talks as observers": no participant."""
        return any(
            c.dep_ == "prep" and c.lower_ == "as" and self._in_class([g for g in c.children if g.dep_ == "pobj"], "observer_words")
            or (c.dep_ == "prep" and c.lower_ == "as" and any(g.lower_ in self.lex.observer_words for g in c.subtree))
            for c in anchor.children
        )
