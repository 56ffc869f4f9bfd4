"""How a clause's form changes or cancels the event its cue names.

Announced, promised or planned acts change type as the cue says: "will release" is CONCEDE,
"will visit" and "will provide aid" are AGREE, "will suspend talks" is THREATEN; negated
modals refuse ("will not accept" is REJECT). Not news (ANNOTATION.md, Events): negated acts,
hypotheticals, questions, wishes, press lines, venues, descriptions of a deal or its broker,
habits, standing positions, war aims, plans' contents and others' predictions. Some acts are
read as another type: a third party inviting both sides offers to host them (AGREE);
mediators carrying another's text mediate (CONSULT); an act to be done "by force" to another
side is a threat (THREATEN); a side's announced act for the other is a demand (REQUEST); a
side backing the plan accepts it (AGREE to its author).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from .base import Status
from .lexicon import Cue
from .merge import Merger
from .syntax import ENDORSE_CUES, FUTURE_MODIFIERS, HOST_CUES, unique
from .triggers import Trigger


@dataclass
class Draft:
    """An event being read: its type and participants, before dates and places."""

    type: str
    mode: str | None
    actors: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    extra_actors: list[str] = field(default_factory=list)  # named with a hosted meeting
    attach: bool = False  # "hosted the talks": joins the meeting referred to
    refers: bool = False  # "the talks", "a second round": participants from the meeting referred to
    forced: bool = False  # "… by force": a threat of violence
    mutual: bool = False  # "each side accused the other": one event each way


RECIPROCAL_OBJECTS = (("each", "other"), ("one", "another"))
AGREEING_CUES = frozenset({"agree.agree", "agree.accept", "agree.reached", "agree.initial"})


class Readings(Merger):
    """Type by modality, what is not news, and acts read as another type."""

    def _clause_status(self, trigger: Trigger, anchor: Token) -> Status:
        status = self._status(anchor)
        if trigger.kind == "noun" and any(c.lower_ in FUTURE_MODIFIERS for c in trigger.token.children):
            status.future = True  # "the next round"
        return status

    def _modal_type(self, trigger: Trigger, cue: Cue, anchor: Token, status: Status) -> tuple[str | None, str]:
        """The event type the clause's modality gives the cue, or None and why it is no event."""
        if status.question:
            return None, "a question"
        etype = cue.type
        modal = any(w in self.lex.future_modals or w in self.lex.hypothetical_modals for w in self._auxes(anchor))
        if cue.negated_only:
            if not (status.negated and modal):
                return None, "holds only when negated with a modal"
            if any(c.lower_ == "until" for c in anchor.subtree):
                return None, "a condition, not a refusal ('will not sign until …')"
            status.negated = status.hypothetical = status.future = False  # "will not accept …" is a refusal now
        if status.negated:
            if cue.negated and modal:
                etype = cue.negated  # "will not accept", "cannot accept"
            elif not (cue.type == "THREATEN" and (cue.conditional or status.future)):
                return None, "negated"
        elif status.hypothetical and cue.type != "THREATEN":
            return None, "hypothetical"
        if status.obligation:
            return None, "an obligation (read by request.obligation)"
        if anchor.dep_ == "xcomp" and anchor.head.i not in self.trigger_at and any(c.dep_ == "dobj" for c in anchor.head.children):
            return None, "someone's wish ('wanted the United States to guarantee …')"
        if cue.conditional == "require":
            if not (status.future and status.conditioned):
                return None, "not a conditional threat"
        elif status.future and etype == cue.type:
            if cue.irrealis is None:
                return None, "only planned"
            if status.expected and cue.irrealis == "AGREE" and cue.type == "CONSULT":
                return None, "expected or scheduled, promised by no one"
            if cue.irrealis != "same":
                etype = cue.irrealis
        return etype, ""

    def _not_news(self, trigger: Trigger, cue: Cue, anchor: Token) -> str:
        """Why the clause reports no act of its own (empty when it does)."""
        token = trigger.token
        if not cue.anchor and self._temporal_clause(anchor):
            return "a time reference"
        if cue.type in ("RETREAT", "CONCEDE", "AID") and self._time_of_plan(anchor):
            return "the time of a planned act ('… as foreign forces pull out')"
        if self._press_line(token):
            return "a press line"
        why = self._condition_or_aim(anchor)
        if why:
            return why
        if cue.id in HOST_CUES and anchor.dep_ == "acl" and not self._personal_host(anchor) and not self._in_class([anchor], "convening_verbs"):
            return "a venue ('talks hosted by Saudi Arabia'; who convenes talks takes part)"
        if cue.type == "CONSULT" and anchor.dep_ in ("amod", "acl") and self._in_class([anchor.head], "meeting") and self._planned_noun(anchor.head):
            return "a planned meeting ('UN-facilitated talks due to open next month')"
        if cue.id == "consult.mediate" and trigger.kind == "verb" and self._describes_deal(anchor):
            return "describes a deal or its broker ('a truce brokered by …')"
        if cue.type == "CONSULT" and self._ongoing_process(trigger, anchor):
            return "an ongoing process ('the two countries are negotiating a treaty'), no dated meeting"
        if cue.type == "CONSULT" and self._observers(anchor):
            return "observers"
        if anchor.dep_ == "acl" and anchor.tag_ in ("VBN", "VBD") and cue.id in AGREEING_CUES and not any(
            c.dep_ in ("agent", "nsubj", "nsubjpass") for c in anchor.children
        ):
            return "a participle describing a deal ('a 48-hour truce agreed on Wednesday'), by no one named"
        if anchor.dep_ == "acl" and anchor.tag_ == "VBN" and cue.type in ("RETREAT", "AID", "CONCEDE") or (
            anchor.dep_ == "acl" and cue.id == "agree.offer"
        ):
            return "a participle describing a noun"
        if self._habitual(anchor):
            return "habitual or long past"
        if self._standing_commitment(token):
            return "a standing position ('remained committed to the deal'), a stance"
        if cue.id == "agree.offer" and token.lemma_.lower() == "commit" and any(
            c.dep_ == "dobj" and c.pos_ != "PRON" for c in token.children
        ):
            return "commits an act ('committed a grave error'), not to one"
        if cue.id == "agree.offer" and self._war_aim(token):
            return "a war aim ('vowed to achieve total victory'), not an offer"
        if cue.id == "agree.offer" and any(c.dep_ == "xcomp" and self._in_class([c], "deliberation_verbs") for c in token.children):
            return "willing to consider: a stance, not an offer"
        return ""

    def _reread(self, draft: Draft, trigger: Trigger, cue: Cue, anchor: Token, relation: str, status: Status) -> str:
        """Read the act as another type where its form says so (module docstring); why it
        is no event after all (empty when it is one)."""
        token = trigger.token
        if draft.type == "REQUEST" and token.lemma_.lower() == "invite" and len(set(draft.recipients) - set(draft.actors)) >= 2:
            draft.type = "AGREE"  # a third party inviting the sides offers to host them ("invited both panels to Kuala Lumpur")
        if cue.id == "agree.deliver" and draft.type == "AGREE" and draft.actors and set(draft.actors) <= set(self.mediators):
            index = self._object_proposal(trigger, anchor)
            owner = self.analysis.proposals[index].proposer if index is not None else None
            if owner and owner not in draft.actors:
                draft.type, draft.mode = "CONSULT", "third-party"  # mediators carrying another's text mediate
        if draft.type in ("RETREAT", "CONCEDE", "REQUEST") and self._by_force(anchor):
            declarer = self._speaker_ids(anchor)
            if declarer and not set(declarer) & set(draft.actors):
                # "Hamas would be disarmed one way or another, by agreement or by military force"
                draft.type, draft.actors, draft.recipients, draft.forced = "THREATEN", declarer, draft.actors, True
        if cue.id == "agree.deliver" and anchor.dep_ == "acl" and anchor.tag_ == "VBN" and not any(
            c.dep_ == "dative" or c.dep_ == "prep" and c.lower_ in ("to", "with") for c in anchor.children
        ):
            return "a participle naming a proposal's author ('a truce proposed by …'), delivered to no one"
        if cue.id == "agree.announce" and self._own_declaration(trigger, anchor):
            return "a side announcing its own truce declares it (read by concede.declare)"
        if cue.negated_only and self._own_thing_allowed(anchor):
            return "a pledge about what it holds ('would not allow its territory to be used')"
        if cue.id == "reject.describe" and draft.type == "REJECT" and not self._names_offer(anchor):
            draft.type, draft.mode = "ACCUSE", "disapprove"  # "called the aid halt blackmail": an act, not an offer
        if draft.type == "REQUEST":
            own = self._own_forces(token, draft.actors)
            if own is not None:
                # "instructed the army to respond forcefully": an order to one's own forces is
                # no request; ordering force against the other side threatens it
                if not own:
                    return "an order to one's own forces"
                draft.type, draft.forced = "THREATEN", True
        if draft.type == "REQUEST" and self._urged_compliance(token):
            return "part of a welcome ('welcomed the deal and urged both sides to respect it')"
        if status.future and cue.type in ("RETREAT", "CONCEDE", "AGREE", "AID") and draft.type not in ("THREATEN", "CONSULT"):
            declarer = self._speaker_ids(anchor)
            if not declarer and cue.type in ("RETREAT", "CONCEDE", "AID") and not self._intended(anchor) and (
                any(w in ("would", "'d") for w in self._auxes(anchor)) or self._be_to(anchor)
            ):
                return "a plan's content ('Israel would then free …'), declared by no one"
            if declarer and not set(declarer) & set(draft.actors):
                if draft.type in ("CONCEDE", "RETREAT") and set(declarer) & set(self.parties) and set(draft.actors) & set(self.parties):
                    draft.type, draft.mode = "REQUEST", "yield"
                    draft.actors, draft.recipients = declarer, draft.actors
                else:
                    return "someone else's prediction"
        if cue.id in ENDORSE_CUES and draft.type == "SUPPORT":
            if set(draft.actors) <= set(self.mediators):
                return "a broker praising its own deal"
            proposers = [a for a in self._role("proposer", trigger, anchor, relation, cue, draft.actors) if a not in draft.actors]
            if set(draft.actors) & set(self.parties) and proposers:
                draft.type, draft.recipients = "AGREE", proposers  # a side backing the plan accepts it
            elif self.analysis.proposals:
                draft.recipients = []  # endorsing the deal, not its sides
        if draft.type == "CONSULT" and not draft.recipients and draft.actors and set(draft.actors) <= set(self.mediators):
            # "Qatari and Egyptian officials worked the phones": mediators contact the sides
            draft.recipients = [p for p in self.parties if p not in draft.actors]
            if draft.recipients and draft.mode != "phone":
                draft.mode = "third-party"
        if cue.mode == "release" and draft.actors and set(draft.actors) <= set(self.parties):
            draft.recipients = self._side_of_captives(draft.actors, draft.recipients)
        return ""

    # -- predicates ------------------------------------------------------------------------

    def _mutual(self, anchor: Token) -> bool:
        """"Each side has accused the other", "… accused each other", "… one another"."""
        subject = self._subject_token(anchor)
        each_side = subject is not None and any(c.lower_ in ("each", "both") for c in subject.children) or (
            subject is not None and subject.lower_ in ("each", "both")
        )
        for obj in anchor.children:
            if obj.dep_ not in ("dobj", "prep"):
                continue
            heads = [obj] if obj.dep_ == "dobj" else [g for g in obj.children if g.dep_ == "pobj"]
            for head in heads:
                words = (self.doc[head.i - 1].lower_, head.lower_) if head.i > 0 else ("", head.lower_)
                if words in RECIPROCAL_OBJECTS:
                    return True
                if each_side and head.lower_ == "other" and any(c.lower_ == "the" for c in head.children):
                    return True
        return False

    def _mutual_sides(self, actors: list[str]) -> list[str]:
        """The two sides of a mutual act: its actors, else the article's two parties."""
        if len(actors) >= 2:
            return actors
        return list(self.parties) if len(self.parties) == 2 else []

    def _ongoing_process(self, trigger: Trigger, anchor: Token) -> bool:
        """"The two countries are negotiating a broader treaty": a present progressive with no
        time and no place states a process under way, not a meeting held."""
        if trigger.kind != "verb" or anchor.tag_ != "VBG":
            return False
        if not any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am") for c in anchor.children):
            return False
        dated = self._date(anchor)
        return dated.mention is None and dated.end is None and self._location(trigger, anchor) is None

    def _own_thing_allowed(self, anchor: Token) -> bool:
        """"would not allow its territory to be used against any country": the refused act is
        done with the subject's own territory or forces, a pledge rather than a refusal."""
        things = [c for c in anchor.children if c.dep_ == "dobj"]
        things += [g for c in anchor.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ in ("nsubj", "nsubjpass")]
        return any(any(p.dep_ == "poss" and p.lower_ in ("its", "their", "our") for p in t.children) for t in things)

    def _condition_or_aim(self, anchor: Token) -> str:
        """"its reopening would depend on Hamas returning the bodies": a condition; "in contact
        with all sides to consolidate it and to reach agreement": an aim. Neither is an act."""
        node = anchor
        while node.dep_ == "conj" and node.head.pos_ in ("VERB", "AUX") and node.head.i != node.i:
            node = node.head
        if node.dep_ == "pcomp" and node.head.dep_ == "prep" and self._in_class([node.head.head], "condition_heads"):
            return "a condition ('would depend on Hamas returning …')"
        if node.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children) and not any(
            c.dep_ in ("mark", "nsubj", "nsubjpass") for c in node.children
        ) and node.head.i not in self.trigger_at:
            return "an aim ('… to reach agreement on security arrangements')"
        return ""

    def _own_declaration(self, trigger: Trigger, anchor: Token) -> bool:
        """"The junta announced a temporary ceasefire": one actor announcing a truce that is
        its own (the proposal's author), with no partner named."""
        subject = self._subject_token(anchor)
        ids = self.ids(subject) if subject is not None else []
        if len(ids) != 1 or self._between([anchor, *self._objects(trigger, anchor)], deep=True):
            return False
        if any(c.dep_ == "prep" and c.lower_ == "with" for c in anchor.children):
            return False
        index = self._object_proposal(trigger, anchor)
        return index is not None and self.analysis.proposals[index].proposer == ids[0]

    def _own_forces(self, token: Token, actors: list[str]) -> bool | None:
        """For an order whose object is the orderer's own forces ("ordered the army to …"):
        whether it orders force (a coercive complement); None when it orders someone else."""
        if token.lemma_.lower() not in self.f.classes["command_verbs"]:
            return None
        obj = next((c for c in token.children if c.dep_ == "dobj"), None)
        if obj is None or not self._in_class([obj], "forces"):
            return None
        # one commands one's own forces: only a possessor naming another side says otherwise
        named = [a for c in obj.children if c.dep_ in ("poss", "amod", "compound") for a in self.ids(c)]
        if named and not set(named) <= set(actors):
            return None
        complement = next((c for c in token.children if c.dep_ == "xcomp"), None)
        return complement is not None and self._in_class([complement], "coercion_violence")

    def _names_offer(self, anchor: Token) -> bool:
        """Is what the clause describes an offer on the table ("those terms", "the Russian
        conditions"), not an act or a reply to one ("the aid halt", "Putin's response")?"""
        for obj in (c for c in anchor.children if c.dep_ == "dobj"):
            if obj.lemma_.lower() in self.f.classes["reply_nouns"]:
                return False
            if obj.i in self.proposal_at or self._in_class([obj], "proposal"):
                return True
        return False

    def _planned_noun(self, noun: Token) -> bool:
        """Is the meeting a noun names only planned ("talks … due to open next month", "the
        next round")?"""
        if any(c.lower_ in FUTURE_MODIFIERS for c in noun.children):
            return True
        if any(c.dep_ in ("amod", "acl", "prep") and self._in_class([c], "expectation_heads") for c in noun.children):
            return True  # "talks … due to open in Tunisia next month"
        verb = noun.head
        if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.pos_ in ("VERB", "AUX"):
            status = self._status(verb)
            return status.future or status.hypothetical
        return False

    def _urged_compliance(self, token: Token) -> bool:
        """"welcomed the agreement and urged all parties to abide by it": the urging to keep
        the deal belongs to the welcome."""
        if token.dep_ != "conj" or token.head.i not in self.trigger_at:
            return False
        if not any(c.id in ENDORSE_CUES for c in self.trigger_at[token.head.i].cues):
            return False
        return any(c.dep_ in ("xcomp", "ccomp") and self._in_class([c], "compliance_verbs") for c in token.children)

    def _unaffiliated_person(self, anchor: Token, cue: Cue) -> bool:
        """"Lt. Gen. Prosper Avril resigned": a named person acts for an actor the article does
        not name; the act is still reported (persons are never actors: ``actors`` stays empty)."""
        if "subject" not in cue.actor:
            return False
        subject = self._subject_token(anchor)
        if subject is None or subject.dep_ == "nsubjpass":
            return False
        return subject.ent_type_ == "PERSON" and subject.pos_ == "PROPN" and not self.ids(subject)

    def _be_to(self, anchor: Token) -> bool:
        """"weapons are to be handed over": the plan's "be to", nobody's declaration."""
        node = anchor
        for _ in range(3):
            if node.dep_ == "xcomp" and node.head.lemma_.lower() == "be" and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                return True
            if node.dep_ not in ("conj", "xcomp") or node.head.i == node.i:
                return False
            node = node.head
        return False

    def _by_force(self, anchor: Token) -> bool:
        """"disarmed … by force if necessary", "by agreement or by military force"."""
        for t in anchor.subtree:
            if t.dep_ == "pobj" and t.head.lower_ in ("by", "through", "with") and self._in_class([t], "force_words"):
                return True
            if t.dep_ == "advmod" and t.lower_ in ("militarily", "forcibly"):
                return True
        return False

    def _war_aim(self, token: Token) -> bool:
        """"vowed to achieve total victory", "vowed to finish the job": a war aim."""
        for c in token.children:
            if c.dep_ != "xcomp":
                continue
            if c.lemma_.lower() in self.f.classes["coercion_violence"]:
                return True
            if any(g.dep_ == "dobj" and self._in_class([g], "war_aims") for g in c.children):
                return True
        return False

    def _meeting_reference_noun(self, trigger: Trigger, relation: str) -> bool:
        """"The talks ended late on Wednesday", "A second round began on Tuesday": a meeting
        noun that refers to a meeting without naming who meets."""
        token = trigger.token
        if trigger.kind != "noun" or relation not in ("occur", "object", "adjunct"):
            return False
        if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in token.children):
            return False  # "consultations with other factions": others than the last meeting's
        if relation == "occur":
            return True
        return any(
            (c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "these", "those", "its", "their"))
            or (c.dep_ == "amod" and (c.lower_ in ("second", "third", "latest", "new", "final", "last") or c.ent_type_ == "ORDINAL"))
            for c in token.children
        )

    def _standing_commitment(self, token: Token) -> bool:
        """"remained committed to the January deal", "is committed to the Luanda process":
        a position on a deal, not an offer."""
        if token.lemma_.lower() not in ("committed", "commit") or not (token.pos_ == "ADJ" or token.dep_ == "acomp"):
            return False
        if token.head.lemma_.lower() in ("remain", "stay"):
            return True
        targets = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"]
        return any(t.i in self.proposal_at or self._in_class([t], "agreement") or self._in_class([t], "talks") for t in targets)

    def _side_of_captives(self, actors: list[str], recipients: list[str]) -> list[str]:
        """"Israel freed 2,000 Palestinian prisoners": the prisoners' nation stands for the
        other side of the conflict when that side belongs to it (HAMAS, country PSE)."""
        others = [p for p in self.parties if p not in actors]
        out = []
        for recipient in recipients:
            if recipient in self.parties:
                out.append(recipient)
                continue
            side = next((p for p in others if (entry := self.f.registry.get(p)) is not None and entry.country == recipient), None)
            out.append(side or recipient)
        return unique(out)
