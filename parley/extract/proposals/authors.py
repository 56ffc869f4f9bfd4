"""Who authored a proposal and whom it went through.

The proposer comes from the words around a mention: a possessive or an actor modifier
("Egypt's plan", "the Egyptian plan", "Witkoff's proposal"), a "by"/"from" phrase or a
drafting participle ("put forward by Egypt", "drawn up by Egypt", "a U.S.-drafted text"), or
the subject of a proposing verb ("Washington presented a plan", "answered with a memorandum
of its own"). "X asked Y to carry a proposal to Z" makes X the proposer and [Y, Z] the
channel; "through the mediators" adds to the channel. An agreement only "brokered" or
"agreed" has no proposer; a text drafted by several actors has none either (a joint
proposal, whose co-authors each propose it).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..analysis import Analysis
from ..coref import actors_of
from ..lexicons import load_lexicons
from .lexicon import ProposalCues

__all__ = ["Authors", "owner_of", "person_actor", "subject_of"]

_DEFINITE_DETS = frozenset({"the", "this", "that", "these", "those"})
_RELATIVES = frozenset({"which", "that", "who"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "their"})


def subject_of(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verb it is an open complement of ("asked Turkey to
    carry …": Turkey carries)."""
    node = verb
    if verb.dep_ == "pcomp" and verb.head.lower_ == "with" and verb.head.dep_ == "prep":
        obj = next((c for c in verb.head.head.children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj  # "tasked the army with drawing up a plan": the army draws it up
    for _ in range(3):
        subject = next((c for c in node.children if c.dep_ in ("nsubj",)), None)
        if subject is not None:
            if subject.lower_ in _RELATIVES and node.dep_ == "relcl":
                return node.head  # "Egypt, which signed a document": Egypt
            return subject
        if node.dep_ in ("xcomp", "conj", "advcl", "ccomp") and node.head.i != node.i:
            if node.dep_ == "xcomp":
                obj = next((c for c in node.head.children if c.dep_ in ("dobj",)), None)
                if obj is not None and node.head.lemma_.lower() not in (
                    "want",
                    "agree",
                    "try",
                    "plan",
                    "decide",
                    "refuse",
                    "offer",
                ):
                    return obj
            node = node.head
            continue
        return None
    return None


def _new_entity(analysis: Analysis, token: Token) -> bool:
    """ "an alliance of ethnic armed groups": an indefinite phrase that is no actor mention
    introduces someone new; it does not refer back to an actor named before."""
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in token.children)
    return indefinite and analysis.mention_at(token.i) is None


def person_actor(analysis: Analysis, token: Token) -> str | None:
    """The affiliation of the person ``token`` names, also when it is a bare surname that
    the people layer did not mark ("Trump's plan" after "President Donald Trump")."""
    index = analysis.person_at.get(token.i)
    if index is None and token.pos_ == "PROPN":
        index = next((n for n, p in enumerate(analysis.people) if p.surname == token.text), None)
    return analysis.people[index].affiliation if index is not None else None


def owner_of(doc: Doc, analysis: Analysis, token: Token) -> list[str]:
    """The actor a possessive names. "its"/"their" is the nearest actor named before it in the
    sentence ("pressed Washington to rework its plan": Washington's plan)."""
    if token.lower_ in _POSSESSIVE_PRONOUNS:
        before = [
            (m.start, m.actor)
            for m in analysis.actor_mentions
            if token.sent.start <= m.start < token.i and m.agentive
        ]
        for i, n in analysis.person_at.items():
            affiliation = analysis.people[n].affiliation
            if token.sent.start <= i < token.i and affiliation:
                before.append((i, affiliation))
        if before:
            return [max(before)[1]]
    found = actors_of(doc, analysis, token, expand=False)
    if not found and (actor := person_actor(analysis, token)):
        return [actor]
    return found


class Authors:
    """Finds the proposer and channel of a proposal mention."""

    def __init__(self, cues: ProposalCues):
        self.cues = cues

    def proposer(
        self, doc: Doc, analysis: Analysis, token: Token, verb: Token | None
    ) -> tuple[str | None, str]:
        cues = self.cues
        modifiers = {
            m.actor
            for c in token.children
            if c.dep_ in ("amod", "compound", "nmod")
            for i in range(c.left_edge.i, c.right_edge.i + 1)
            if (m := analysis.mention_at(i)) is not None
        }
        if len(modifiers) > 1:
            return None, "joint"  # "the Saudi-U.S. initiative", "an Israel-Hamas deal"
        for child in token.children:
            if (
                child.dep_ in ("amod", "compound")
                and (actor := self._drafted_by(child)) is not None
            ):
                return actor, "drafting participle"  # "a U.S.-drafted text"
            if child.dep_ == "poss":
                found = owner_of(doc, analysis, child)
                if len(found) == 1:
                    return found[0], "possessive"
            if child.dep_ in ("amod", "compound", "nmod"):
                mention = analysis.mention_at(child.i)
                conj = [c for c in child.children if c.dep_ == "conj"]
                if conj:
                    continue  # "an Israel-Hamas deal": joint
                if mention is not None and not self._place_modifier(token, mention.form):
                    return mention.actor, "modifier"
                if (actor := person_actor(analysis, child)) is not None:
                    return actor, "person modifier"
        for child in token.children:
            # "put forward by Egypt", "drawn up by Egypt", "drafted by Qatari mediators", "from Egypt"
            if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in cues.proposer_verbs | {
                "put",
                "draw",
                "draft",
                "write",
                "prepare",
            }:
                for agent in child.children:
                    if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by"):
                        for obj in agent.children:
                            if obj.dep_ == "pobj":
                                found = actors_of(doc, analysis, obj)
                                if len(found) == 1:
                                    return found[0], "by-agent"
                subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if (
                    subject is not None
                    and child.dep_ == "relcl"
                    and subject.lower_ not in ("that", "which")
                ):
                    found = actors_of(doc, analysis, subject)
                    if len(found) == 1:
                        return found[0], "relative clause"
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                for obj in child.children:
                    if obj.dep_ == "pobj" and self._agent_phrase(analysis, obj):
                        found = actors_of(doc, analysis, obj)
                        if len(found) == 1 and obj.lower_ not in ("mediators",):
                            return found[0], f"{child.lower_}-phrase"
        definite = any(c.lower_ in _DEFINITE_DETS for c in token.children if c.dep_ == "det")
        if verb is not None and token.dep_ in ("dobj", "nsubjpass", "pobj"):
            lemma = verb.lemma_.lower()
            instrument = (
                token.dep_ == "pobj" and token.head.lower_ == "with"
            )  # "answered with a memorandum"
            if (lemma in cues.proposer_verbs and not definite) or (
                lemma in cues.counter_verbs and instrument
            ):
                subject = subject_of(verb)
                if subject is not None:
                    found = actors_of(doc, analysis, subject)
                    if len(found) == 1:
                        return found[0], f"subject of {lemma}"
            if self._declared(token, verb, definite):
                # its own subject, or the subject of "decided to declare"; never one borrowed across
                # an adverbial clause ("… a day after an alliance declared a pause of its own")
                own = next((c for c in verb.children if c.dep_ == "nsubj"), None)
                subject = own if own is not None or verb.dep_ != "xcomp" else subject_of(verb)
                found = (
                    actors_of(doc, analysis, subject)
                    if subject is not None and not _new_entity(analysis, subject)
                    else []
                )
                mediators = set(analysis.extra.get("mediators", ()))
                if len(found) == 1 and found[0] not in mediators:
                    # "the government declared a ceasefire": a unilateral truce (a mediator that
                    # announces a truce announces the parties' agreement)
                    return found[0], f"subject of {lemma}"
            if lemma in cues.channel_verbs and verb.dep_ == "xcomp":
                asker = verb.head
                if asker.lemma_.lower() in cues.request_verbs:
                    subject = subject_of(asker)
                    if subject is not None:
                        found = actors_of(doc, analysis, subject)
                        if len(found) == 1:
                            return found[0], f"asked to {lemma}"
        return self._described_owner(doc, analysis, token)

    def _agent_phrase(self, analysis: Analysis, token: Token) -> bool:
        """``token`` can name who wrote a text ("a proposal from Egypt", "a plan by the
        mediators"), unlike a thing that only has an owner ("judge the agreement by its
        implementation")."""
        return (
            analysis.mention_at(token.i) is not None
            or token.i in analysis.person_at
            or token.pos_ == "PROPN"
            or token.lemma_.lower() in self.cues.participants
        )

    def _declared(self, token: Token, verb: Token, definite: bool) -> bool:
        """ "The junta announced a temporary ceasefire", "declared a pause of its own": a truce
        one actor declares is its own, unilateral. Not "announced the truce" (an agreement
        already named), nor a truce "between" or "with" others (announced for them)."""
        decided_on = (
            token.dep_ == "pobj" and token.head.lower_ == "on" and token.head.head.i == verb.i
        )
        return (
            (token.dep_ == "dobj" or decided_on)  # "decided on a complete ceasefire"
            and not definite
            and verb.lemma_.lower() in self.cues.declaration_verbs
            and token.lemma_.lower() in self.cues.agreement_heads
            and not any(
                c.dep_ == "prep" and c.lower_ in ("between", "with") for c in token.children
            )
        )

    def _place_modifier(self, token: Token, form: str) -> bool:
        """ "the Luanda deal", "the Yemen truce", "a Gaza ceasefire deal": a capital, or a
        country's name on an agreement, says where it was made or applies, not who wrote it
        ("the Egyptian plan", "a U.S. proposal" do name an author)."""
        if form == "capital":
            return True
        kinds = self.cues.agreement_kinds | self.cues.agreement_heads
        return form == "name" and token.lemma_.lower() in kinds

    def advocates(self, doc: Doc, analysis: Analysis, token: Token) -> list[str]:
        """ "Saudi and U.S. mediators would now push for a truce of up to about 10 days": the
        actors who float a specific truce they push for (several make a joint proposal)."""
        prep = token.head
        if (
            token.dep_ != "pobj"
            or prep.lower_ != "for"
            or prep.head.lemma_.lower() not in self.cues.advocacy_verbs
        ):
            return []
        subject = subject_of(prep.head)
        if subject is None:
            return []
        found = actors_of(doc, analysis, subject)
        for modifier in subject.lefts:  # "Saudi and U.S. mediators": both
            for word in modifier.subtree:
                mention = analysis.mention_at(word.i)
                if mention is not None and mention.actor not in found:
                    found.append(mention.actor)
        return found

    def _described_owner(
        self, doc: Doc, analysis: Analysis, token: Token
    ) -> tuple[str | None, str]:
        """ "the office offered what officials called a bridging proposal": who offered it;
        "Israel's position is set out in a paper": whose position the paper holds."""
        cues = self.cues
        head = token.head
        if (
            token.dep_ in ("oprd", "attr")
            and head.lemma_.lower() in cues.naming_verbs
            and head.dep_ in ("ccomp", "xcomp", "relcl")
        ):
            outer = head.head
            if (
                outer.lemma_.lower() in cues.proposer_verbs
                and (subject := subject_of(outer)) is not None
            ):
                found = actors_of(doc, analysis, subject)
                if len(found) == 1:
                    return found[0], f"subject of {outer.lemma_.lower()}"
        if (
            token.dep_ == "pobj"
            and head.lower_ == "in"
            and head.head.lemma_.lower() in cues.content_frames
        ):
            subject = next(
                (c for c in head.head.children if c.dep_ in ("nsubj", "nsubjpass")), None
            )
            if subject is not None:
                owner = next((c for c in subject.children if c.dep_ == "poss"), subject)
                found = owner_of(doc, analysis, owner)
                if len(found) == 1:
                    return found[0], "position set out"
        return None, ""

    def _drafted_by(self, token: Token) -> str | None:
        """ "U.S.-drafted", "Egyptian-authored": one word naming an actor and a drafting act."""
        prefix, _, suffix = token.lower_.rpartition("-")
        if prefix and suffix in self.cues.drafting_participles:
            found = load_lexicons().actors.lookup(token.text[: len(prefix)])
            return found[0].id if len(found) == 1 else None
        if token.lower_ in self.cues.drafting_participles:  # "US-drafted" split in three
            for child in token.children:
                if child.i < token.i and (mention := self._mention_at(child)) is not None:
                    return mention
        return None

    def _mention_at(self, token: Token) -> str | None:
        analysis = token.doc._.parley
        mention = analysis.mention_at(token.i) if analysis is not None else None
        return mention.actor if mention is not None else None

    def channel(
        self, doc: Doc, analysis: Analysis, token: Token, verb: Token | None, proposer: str | None
    ) -> list[str]:
        cues = self.cues
        found: list[str] = []

        def add(actors: list[str]) -> None:
            for a in actors:
                if a != proposer and a not in found:
                    found.append(a)

        nodes = [token] + ([verb] if verb is not None else [])
        if verb is not None and verb.dep_ == "xcomp" and verb.lemma_.lower() in cues.channel_verbs:
            asker = verb.head
            if asker.lemma_.lower() in cues.request_verbs:
                obj = next((c for c in asker.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    add(actors_of(doc, analysis, obj))
        for node in nodes:
            for child in node.children:
                if child.dep_ == "acl":
                    nodes.append(child)
                if child.dep_ in ("prep", "dative") and child.lower_ in ("through", "via", "to"):
                    if child.lower_ == "to" and not (
                        verb is not None and verb.lemma_.lower() in cues.channel_verbs
                    ):
                        continue
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            add(actors_of(doc, analysis, obj))
                if (
                    child.dep_ == "advcl"
                ):  # "carry a proposal … to end the war to the administration"
                    for grand in child.children:
                        if (
                            grand.dep_ == "prep"
                            and grand.lower_ == "to"
                            and verb is not None
                            and verb.lemma_.lower() in cues.channel_verbs
                        ):
                            for obj in grand.children:
                                if obj.dep_ == "pobj":
                                    add(actors_of(doc, analysis, obj))
        return found
