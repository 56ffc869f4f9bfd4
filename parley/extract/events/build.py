"""From one trigger to one event mention: anchor, modality, object, participants, type and
mode, date and place (the readings that change the type are in :mod:`.readings`)."""

from __future__ import annotations

from spacy.tokens import Token

from ...vocabulary import EVENT_MODES
from ..analysis import EventMention
from .base import Mention
from .lexicon import Cue
from .readings import Draft, Readings
from .syntax import (
    ADJUNCT_PREPS,
    HOST_CUES,
    MOTION,
    NOUN_POS,
    OCCUR_VERBS,
    SEQUENCE_PREPS,
    SUBJECTS,
    VERB_POS,
    ancestors,
    unique,
)
from .triggers import Trigger

#: Types whose actors act on their recipients, so that a mutual act is one event each way.
DIRECTED = frozenset({"ACCUSE", "THREATEN"})


class Builder(Readings):
    """Reads one trigger."""

    def mention(self, trigger: Trigger) -> Mention | None:
        token = trigger.token
        if self._stray_participle(token) is None and self._absorbed(token):
            self.note(trigger, "absorbed by a governing cue")
            return None
        anchor, relation = self._anchor(trigger)
        if anchor is None:
            self.note(trigger, "noun in no event position")
            return None
        if anchor.i != token.i and anchor.i in self.trigger_at and self._absorbed(anchor):
            self.note(trigger, "in the complement of a governing cue")
            return None
        if self._in_content(token):
            self.note(trigger, "proposal content")
            return None
        if trigger.kind == "noun" and relation == "adjunct" and self._verb_reports_meeting(trigger, anchor):
            self.note(trigger, "the meeting its verb reports ('met X … in talks hosted by Y')")
            return None
        if self._claimed(anchor):
            self.note(trigger, "content of a reported claim")
            return None
        for cue in trigger.cues:
            if cue.obligation:
                mention = self._obligation(trigger, cue, anchor)
                if mention is not None:
                    return mention
                continue
            if not self._object_fits(cue, trigger, anchor):
                self.note(trigger, f"{cue.id}: object does not fit")
                continue
            mention = self._build(trigger, cue, anchor, relation)
            if mention is not None:
                self.note(trigger, f"{cue.id}: event {mention.event.type} {mention.event.actors}->{mention.event.recipients}")
                return mention
        return None

    def _anchor(self, trigger: Trigger) -> tuple[Token | None, str]:
        """The verb whose clause reports the event, and how the trigger relates to it."""
        token = trigger.token
        if trigger.kind in ("verb", "phrase"):
            return token, "self"
        if trigger.kind == "adj":
            return (token.head if token.head.pos_ in VERB_POS else token), "adj"
        # a noun: the object of a governing verb, an adjunct, or the subject of an occurrence
        if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ("mediate", "broker", "co-mediate", "facilitate") for c in token.children):
            return None, ""  # "talks brokered by the AU": the participle carries the event
        node = token
        if node.dep_ == "compound" and node.head.pos_ in NOUN_POS:
            node = node.head  # "a mediation effort", "a mediation mission"
        while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.pos_ in (*NOUN_POS, "NUM"):
            node = node.head.head
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
        head = node.head
        cues = trigger.cues
        if node.dep_ == "dobj" and head.pos_ in VERB_POS:
            governors = frozenset().union(*(c.governors for c in cues))
            if not governors or head.lemma_.lower() in governors:
                return head, "object"
            return self._self_anchor(trigger)
        if node.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "for" and head.head.lemma_.lower() in MOTION:
            return head.head, "adjunct"  # "return to Geneva for talks"
        if node.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ADJUNCT_PREPS:
            verb = head.head
            for _ in range(3):  # "a ceasefire from midnight on Monday at talks in Putrajaya"
                if verb.pos_ in VERB_POS or verb.head.i == verb.i or verb.dep_ not in ("prep", "pobj"):
                    break
                verb = verb.head
            if verb.pos_ not in VERB_POS:
                return None, ""
            if verb.dep_ == "acl" and verb.tag_ == "VBN" and not self._in_class([verb.head], "meeting") and verb.i not in self.trigger_at:
                return None, ""  # "an administration formed through dialogue": a description
            if head.lower_ in ("after", "before", "until") and not any(c.type == "CONSULT" for c in cues):
                return None, ""  # "even after a withdrawal": a time reference
            # "blueprints for ending the war at a brief meeting": the meeting is the trading's;
            # "unveiled a plan to end the war … after talks with …": the unveiling's
            while (verb.tag_ == "VBG" and verb.dep_ == "pcomp" or verb.dep_ == "acl" and any(
                c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
            )) and verb.head.head.i != verb.head.i:
                up = verb.head.head
                while up.pos_ not in VERB_POS and up.head.i != up.i:
                    up = up.head
                if up.pos_ not in VERB_POS:
                    break
                verb = up
            return verb, "adjunct"
        if node.dep_ in ("nsubj", "nsubjpass") and head.pos_ in VERB_POS and head.lemma_.lower() in OCCUR_VERBS:
            return head, "occur"
        if node.dep_ in ("attr", "nsubj") and head.lemma_.lower() == "be" and any(c.dep_ == "expl" for c in head.children):
            return head, "occur"  # "there had been repeated violations of the truce by X"
        return self._self_anchor(trigger)

    def _verb_reports_meeting(self, trigger: Trigger, anchor: Token) -> bool:
        """"met the delegation … in talks hosted by Saudi Arabia": the meeting noun in an
        adjunct of a meeting verb is that meeting, not another."""
        governing = self.trigger_at.get(anchor.i)
        return governing is not None and governing.kind == "verb" and any(c.type == "CONSULT" for c in trigger.cues) and any(
            c.id == "consult.meet" for c in governing.cues
        )

    def _self_anchor(self, trigger: Trigger) -> tuple[Token | None, str]:
        """A meeting or mediation noun that names its participants reports the interaction
        itself, wherever it stands ("the swap was agreed thanks to mediation by the UAE")."""
        token = trigger.token
        governor = token.head if token.dep_ in ("dobj", "pobj", "nsubjpass") else None
        if governor is not None and governor.dep_ == "prep":
            governor = governor.head
        if governor is not None and governor.i in self.trigger_at:
            return None, ""  # "ready to host talks between the parties": the offer covers them
        if any(c.type == "CONSULT" for c in trigger.cues) and self._names_participants(token):
            return token, "self"
        return None, ""

    def _absorbed(self, token: Token) -> bool:
        """Is ``token`` the complement of another cue that covers it ("urged X *to relay*"), or
        a participle stating what a signing or agreement commits to ("signed a declaration,
        *committing* to protect civilians")?"""
        if token.dep_ == "advcl" and token.tag_ == "VBG" and token.lemma_.lower() in self.f.classes["commitment_verbs"]:
            parent = self.trigger_at.get(token.head.i)
            if parent is not None and any(c.type in ("SUPPORT", "AGREE") for c in parent.cues) and not any(
                c.dep_ in ("mark", *SUBJECTS) for c in token.children
            ):
                return True
        node = token
        for _ in range(6):
            if node.dep_ not in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "acomp", "dobj", "advcl", "conj", "acl") or node.head.i == node.i:
                return False
            if node.dep_ == "acl" and node.head.i not in self.trigger_at:
                return False
            if node.dep_ == "conj" and node.head.pos_ in VERB_POS and any(c.dep_ in SUBJECTS for c in node.children):
                return False  # "…, and he blamed the coalition": a clause of its own
            if node.dep_ == "conj" and node.head.pos_ in VERB_POS:
                # "welcomed the ceasefire and urged …" is a second act; "ready to release … and
                # hand over …" is one complement
                return self._absorbed(node.head)
            if node.dep_ == "prep" and node.lower_ in ADJUNCT_PREPS:
                return False  # "agreed … at talks hosted by …": the talks are their own event
            if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children):
                return False  # "…, as Kyiv dismissed Moscow's terms": a clause of its own
            node = node.head
            parent = self.trigger_at.get(node.i)
            if parent is not None:
                return any(c.absorbs for c in parent.cues)
        return False

    def _drop(self, trigger: Trigger, cue: Cue, why: str) -> Mention | None:
        """Record why ``cue`` makes no event here; always None."""
        self.note(trigger, f"{cue.id}: {why}")
        return None

    def _build(self, trigger: Trigger, cue: Cue, anchor: Token, relation: str) -> Mention | None:
        token = trigger.token
        status = self._clause_status(trigger, anchor)
        etype, why = self._modal_type(trigger, cue, anchor, status)
        if etype is None:
            return self._drop(trigger, cue, why)
        why = self._not_news(trigger, cue, anchor)
        if why:
            return self._drop(trigger, cue, why)
        if cue.type == "CONSULT" and etype != cue.type and relation == "adjunct":
            return self._drop(trigger, cue, "the venue of a planned act ('will present it at a summit')")
        draft, why = self._participants(trigger, cue, anchor, relation, etype)
        if draft is None:
            return self._drop(trigger, cue, why)
        why = self._reread(draft, trigger, cue, anchor, relation, status)
        if why:
            return self._drop(trigger, cue, why)
        if draft.type == "CONSULT":
            mode = self._consult_mode(cue, draft.actors, draft.recipients, anchor, draft.mode)
        else:
            mode = self._mode_for(draft.type, trigger, anchor, draft.mode if draft.type == cue.type else None)
        if draft.forced:
            mode = "violence"
        if mode is not None and mode not in EVENT_MODES[draft.type]:
            mode = None
        dated = self._date(token)
        if dated.mention is None and dated.end is None and anchor.i != token.i:
            dated = self._date(anchor)
        if dated.ahead and status.future and cue.id == "agree.deliver":
            return self._drop(trigger, cue, "planned for a later day ('will present it at a summit on Tuesday')")
        clause = self._clause(token if trigger.kind == "noun" and relation == "self" else anchor)
        event = EventMention(
            start=min(clause.start, trigger.start),
            end=max(clause.end, trigger.end),
            type=draft.type,
            mode=mode,
            actors=draft.actors,
            recipients=draft.recipients,
            trigger=token.i,
            date=dated.mention,
            location=self._location(trigger, anchor),
            source=self._source(anchor),
            cue=cue.id,
        )
        return Mention(
            event, cue, self.paragraph[token.i], attach=draft.attach, extra_actors=draft.extra_actors,
            period_end=dated.end, refers=draft.refers, proposal=self._object_proposal(trigger, anchor),
            mutual=draft.mutual,
            counterpart=draft.type == "CONSULT" and not draft.recipients and len(draft.actors) < 2 and self._named_target(trigger, anchor),
            reported_date=dated.mention is not None and self._weak_date(dated.mention, anchor),
        )

    def _participants(self, trigger: Trigger, cue: Cue, anchor: Token, relation: str, etype: str) -> tuple[Draft | None, str]:
        """Actors and recipients by the cue's roles, with the readings of meetings and hosts;
        None and why when the act has no one to act."""
        actors = self._role_ids(cue.actor, trigger, anchor, relation, cue)
        if cue.type == "CONSULT" and any(c.dep_ == "advmod" and c.lower_ in ("jointly", "together") for c in anchor.children):
            # "mediated jointly with Turkey": Turkey mediates too
            actors = unique(actors + self._role_ids(("prep:with",), trigger, anchor, relation, cue))
        recipients = self._role_ids(cue.recipient, trigger, anchor, relation, cue, exclude=actors)
        draft = Draft(etype, cue.mode)
        if cue.id in HOST_CUES:
            draft.attach, draft.extra_actors = self._meeting_reference(trigger, anchor)
        if cue.type == "CONSULT" and trigger.kind == "noun" and relation == "adjunct" and not self._after_meeting(trigger.token):
            # "handed Hamas the framework at a meeting in Doha": Hamas was at the meeting
            recipients = unique(recipients + self._role_dative("dative", trigger, anchor, relation, cue, actors) + [
                a for c in anchor.children
                if c.dep_ == "dobj" and c.pos_ != "PRON" and self._is_actor_head(c)
                for a in self.ids(c) if a not in actors
            ])
        if cue.id == "consult.host":
            # the host receives; its guests act (several guests: a meeting of all)
            guests, host = recipients, actors
            if len(guests) >= 2:
                actors, recipients, draft.mode = unique(host + guests), [], "multilateral"
            else:
                actors, recipients = guests, host
        if cue.type in DIRECTED and self._mutual(anchor):
            sides = self._mutual_sides(actors)
            if len(sides) >= 2:
                draft.mutual, draft.actors, draft.recipients = True, sides, []
                return draft, ""
        if not actors and etype == "CONSULT" and cue.id == "consult.meet" and self._meeting_reference_noun(trigger, relation):
            draft.refers = True  # its participants are those of the meeting it refers to (merge)
        elif not actors and not self._unaffiliated_person(anchor, cue):
            return None, "no actor"
        if cue.type == "CONSULT" and etype != "CONSULT" and not recipients and len(actors) < 2 and not (
            draft.extra_actors or draft.attach or draft.refers or self._named_target(trigger, anchor)
        ):
            return None, "a planned meeting of one side"
        recipients = [r for r in recipients if r not in actors]
        if not recipients and cue.type == "REQUEST" and self._own_forces(trigger.token, actors):
            # "ordered the army to strike back": force against the other side (see _reread)
            recipients = [p for p in self.parties if p not in actors] if set(actors) & set(self.parties) else []
        if cue.needs_recipient and not recipients and not (
            cue.type in ("ACCUSE", "REQUEST") and self._named_target(trigger, anchor)
        ):
            return None, "no recipient"
        draft.actors, draft.recipients = actors, recipients
        return draft, ""

    def _after_meeting(self, noun: Token) -> bool:
        """"passed its counter-proposal to the mediators following consultations": the act came
        after the meeting, so whom it addressed need not have met."""
        node = noun
        while node.dep_ == "pobj" and node.head.lower_ == "of":
            node = node.head.head  # "after a series of consultations"
        return node.dep_ == "pobj" and node.head.lower_ in SEQUENCE_PREPS

    def _obligation(self, trigger: Trigger, cue: Cue, anchor: Token) -> Mention | None:
        """"Hamas should accept the framework, Witkoff said": the speaker asks the subject."""
        status = self._status(anchor)
        if status.negated or status.hypothetical or status.question or self._in_content(anchor):
            return None
        subject = self._subject_token(anchor) or next((c for c in anchor.children if c.dep_ == "nsubjpass"), None)
        if subject is None:
            return None
        targets = self.ids(subject)
        if not targets and subject.dep_ == "nsubjpass":
            # "the weapons of all PKK units should be handed over": their holders are asked
            targets = [a for c in subject.children if c.dep_ == "poss" for a in self.ids(c)] or [
                a for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj" for a in self.ids(g)
            ]
        if subject.lower_ in ("it", "they", "he", "she"):
            # "issued a reminder to Iraq that it must cooperate": the one addressed
            addressed = []
            for n in ancestors(anchor, 3):
                for t in n.subtree:
                    if t.dep_ in ("prep", "dative") and t.lower_ == "to" and t.i < anchor.i and not anchor.is_ancestor(t):
                        addressed += [a for g in t.children if g.dep_ == "pobj" for a in self.ids(g)]
                if addressed:
                    break
            targets = addressed or targets
        requesters = self._speaker_ids(anchor)
        if not targets or not requesters or set(targets) & set(requesters):
            return None
        mode = self._request_mode([anchor.lemma_.lower()] + [t.lemma_.lower() for t in anchor.children if t.dep_ in ("dobj", "acomp", "xcomp")])
        clause = self._clause(anchor)
        dated = self._date(anchor)
        when, period_end = dated.mention, dated.end
        event = EventMention(
            start=clause.start, end=clause.end, type=cue.type, mode=mode, actors=requesters,
            recipients=targets, trigger=anchor.i, date=when,
            location=self._location(trigger, anchor), source=self._source(anchor), cue=cue.id,
        )
        self.note(trigger, f"{cue.id}: event REQUEST {requesters}->{targets}")
        return Mention(event, cue, self.paragraph[anchor.i], period_end=period_end)

    def _consult_mode(self, cue: Cue, actors: list[str], recipients: list[str], anchor: Token, mode: str | None) -> str | None:
        if cue.id in HOST_CUES:
            if set(actors) & set(self.mediators):
                return "third-party"
            return "multilateral"
        if mode is not None:
            return mode
        if recipients and len(actors) == 1:
            place = self._location_actor(anchor)
            if place is not None and place in recipients:
                return "visit"
        if len(actors) >= 2 and not recipients:
            return "multilateral"
        return None

    def _mode_for(self, etype: str, trigger: Trigger, anchor: Token, mode: str | None) -> str | None:
        if mode is not None and etype != "ACCUSE":
            return mode
        token = trigger.token
        if etype in ("REQUEST", "REJECT"):
            words = []
            for c in token.children:
                if c.dep_ in ("xcomp", "ccomp"):
                    words.append(c.lemma_.lower())
                    words += [g.lemma_.lower() for g in c.children if g.dep_ in ("dobj", "prt")]
            words += [t.lemma_.lower() for t in self._objects(trigger, anchor)]
            return self._request_mode(words)
        if etype == "THREATEN":
            subtree = [t.lemma_.lower() for t in token.subtree]
            if any(w in self.f.classes["coercion_violence"] for w in subtree if w not in ("use", "respond", "launch", "fire")) or token.lemma_.lower() in self.f.classes["coercion_violence"]:
                return "violence"
            if any(w in self.f.classes["coercion_relations"] for w in subtree):
                return "relations"
            return None
        if etype == "ACCUSE":
            if mode == "investigate":
                return mode
            said = {t.lemma_.lower() for t in token.subtree} | {t.lemma_.lower() for t in anchor.subtree}
            if said & {"violate", "violation", "breach", "break", "renege", "honour", "honor", "abide", "flout", "ceasefire", "truce"}:
                return "allege"
            return "disapprove"
        if etype == "RETREAT":
            return None
        return None

    def _request_mode(self, words: list[str]) -> str | None:
        for word in words:
            for mode in ("meet", "assist", "yield", "change"):
                if word in self.f.request_modes.get(mode, ()):
                    return mode
        return None
