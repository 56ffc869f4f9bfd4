"""What a stance is about: the proposal (and term) in the cue's object, else the one in focus."""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Token

from ..analysis import Analysis, StanceInfo
from .cues import Cue, until_clause
from .lexicon import StanceCues
from .syntax import subject_of

__all__ = ["Target", "Targets", "focus_map"]

_OBJECT_DEPS = ("dobj", "pobj", "xcomp", "attr", "oprd", "ccomp", "prep", "dative", "acomp")
_TRUCE_HEADS = frozenset({"truce", "ceasefire", "cease-fire", "armistice", "pause"})
_CESSATION = frozenset(
    {"ceasefire", "humanitarian_pause", "long_term_truce", "permanent_end_of_war"}
)
_SUBJECT_CUES = frozenset(
    {"red line", "not up for discussion", "not on the table", "non - starter"}
)


def focus_map(doc: Doc, analysis: Analysis) -> list[int | None]:
    """For each token, the proposal in focus there: the last one mentioned before it
    (not counting background agreements), or the first mentioned in its sentence."""
    starts: dict[int, int] = {}
    for index, p in enumerate(analysis.proposals):
        if p.background:
            continue
        for start, _end in p.mentions:
            starts.setdefault(start, index)
    focus: list[int | None] = []
    current: int | None = None
    for token in doc:
        if token.i in starts:
            current = starts[token.i]
        focus.append(current)
    first = next((i for i, p in enumerate(analysis.proposals) if not p.background), 0)
    return [f if f is not None else first for f in focus]


class Target(NamedTuple):
    proposal: int | None
    term: str | None
    explicit: bool  # the words name a proposal, a provision or something proposal-like ("the idea")
    named: bool  # the words name a proposal or one of its provisions
    direct: bool = False  # the proposal is the cue's own object ("withdrew from the deal")


class Targets:
    """Finds the proposal and term a cue is about."""

    def __init__(
        self, cues: StanceCues, phase_words: frozenset[str] = frozenset({"phase", "stage"})
    ):
        self.cues = cues
        self.phase_words = phase_words

    def target(
        self,
        doc: Doc,
        analysis: Analysis,
        cue: Cue,
        focus: list[int | None],
        stances: list[StanceInfo],
    ) -> Target:
        """The proposal (and term) the cue is about, and whether the words name it.

        A term that is the proposal itself ("agreed to a ceasefire", "signed the seven-day
        truce", the proposal's headline provision) makes a stance on the whole proposal."""
        anchor = cue.anchor
        mention_at = analysis.extra.get("proposal_at", {})
        region: list[Token] = []
        for child in anchor.children:
            if child.dep_ in _OBJECT_DEPS or (child.dep_ == "nsubjpass"):
                region.extend(child.subtree)
        if (
            anchor.dep_ == "conj"
            and any(c.dep_ == "auxpass" for c in anchor.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in anchor.children)
        ):  # "the agreement … came together in hours and was signed remotely": the shared subject
            shared = subject_of(anchor)
            if shared is not None:
                region.extend(shared.subtree)
        if (
            anchor.dep_ in ("acl", "relcl")
            and anchor.head.lemma_.lower() in self.cues.signable_nouns
            and cue.stance == "signs"
        ):
            region.append(
                anchor.head
            )  # "the nine-point statement, signed by …": a signed text is an agreement
        if cue.stance == "?until" and (clause := until_clause(anchor)) is not None:
            region = list(clause.subtree)  # what is demanded is the condition, not what is withheld
        if cue.end - cue.start > 1:  # "walked away from the deal", "poured cold water on the plan"
            region.extend(doc[cue.start : cue.end])
            for word in doc[cue.start : cue.end]:
                region.extend(
                    t
                    for c in word.children
                    if c.dep_ in ("prep", "acl") and c.i >= cue.end - 1
                    for t in c.subtree
                )
        if anchor.pos_ == "NOUN":
            region.extend(t for t in anchor.subtree if t.i != anchor.i)
        if cue.label in _SUBJECT_CUES or cue.holder is not None:
            node = anchor
            while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
                node = node.head
            subject = (
                subject_of(node)
                if node.lemma_.lower() not in ("call", "describe", "label", "deem")
                else None
            )
            if (
                subject is not None
            ):  # "the demands amounted to an ultimatum", "the corridor is a red line"
                region.extend(subject.subtree)
            region.extend(
                c for c in node.children if c.dep_ in ("dobj", "attr", "oprd") for c in c.subtree
            )
        region_ids = {t.i for t in region}
        direct = self._direct_mention(anchor, mention_at)
        if direct is None and any(
            t.lower_ in ("it", "them") and t.dep_ in ("dobj", "nsubjpass") for t in region
        ):
            # "rejected Hamas's response, calling it unacceptable": what the governing verb is about
            node = anchor
            while (
                direct is None
                and node.dep_ in ("advcl", "xcomp", "conj", "ccomp")
                and node.head.i != node.i
            ):
                node = node.head
                direct = self._direct_mention(node, mention_at)
        if direct is None and any(
            t.lower_ == "it" and t.dep_ in ("dobj", "nsubjpass", "nsubj")
            for t in [*doc[cue.start : cue.end + 1], *anchor.children]
        ):
            direct = self._antecedent(
                anchor, mention_at
            )  # "The 1974 accord … Israel declared it void"
        if direct is not None:  # "signed the declaration", "agreed on the first phase of the plan"
            return Target(direct, None, True, True, True)
        proposal = self._owned_object(
            analysis, anchor
        )  # "supports the UN's efforts to extend the truce"
        if proposal is None:
            proposal = next((mention_at[t.i] for t in region if t.i in mention_at), None)
        if proposal is None:  # "signed off on the first phase": the agreement on that phase
            phases = {t.lemma_.lower() for t in region if t.pos_ == "NOUN"} & self.phase_words
            proposal = next((n for n, p in enumerate(analysis.proposals) if p.heads & phases), None)
        explicit = proposal is not None
        owned = False
        described: set[int] = (
            set()
        )  # "signed a declaration promising aid access": what the text says
        for t in region:
            if t.i in mention_at and t.pos_ in ("NOUN", "PROPN") and mention_at[t.i] == proposal:
                described.update(range(t.i + 1, t.right_edge.i + 1))
        term_type = None
        same_as = analysis.extra.get("term_same_as", {})
        passive_subjects = {
            t.i for c in anchor.children if c.dep_ == "nsubjpass" for t in c.subtree
        }
        for n, term in enumerate(analysis.terms):
            span = range(term.start, term.end)
            if not any(i in region_ids for i in span) or term.start in described:
                continue
            explicit = True
            if same_as.get(n, 0) < 0:  # the term only names the proposal again
                proposal = proposal if proposal is not None else -1 - same_as[n]
                break
            canonical = self._canonical(analysis, n)
            owner = next(
                (i for i, p in enumerate(analysis.proposals) if canonical in p.terms), None
            )
            owners = {a for t in region if t.dep_ == "poss" for a in self._actors_at(analysis, t)}
            if owners and owner is not None and analysis.proposals[owner].proposer not in owners:
                owner = (
                    None  # "turned down Kyiv's call for a ceasefire": Kyiv's ceasefire, found below
                )
            if owner is not None and term.start in passive_subjects:
                proposal = proposal if proposal is not None else owner
                break  # "the swap was agreed": the provision names the whole agreement
            if any(i in mention_at for i in span) or (
                owner is not None and self._headline(analysis, owner, canonical)
            ):
                proposal = proposal if proposal is not None else owner
                break  # the term is the proposal itself
            term_type = term.type
            if owner is None and cue.stance != "demands":
                owner = self.holder_of_type(
                    analysis, term.type, anchor.i, owners
                )  # "could live with a joint monitoring centre"
                if owner is not None and term.start in passive_subjects:
                    proposal = proposal if proposal is not None else owner
                    term_type = None
                    break  # "the swap was agreed": the provision names the whole agreement
                held = (
                    [
                        t
                        for t in analysis.proposals[owner].terms
                        if analysis.terms[t].type == term.type
                    ]
                    if owner is not None
                    else []
                )
                if held and self._headline(analysis, owner, held[0]):  # type: ignore[arg-type]
                    proposal, term_type = (proposal if proposal is not None else owner), None
                    break
            if proposal is None:
                proposal = owner
            owned = owner is not None
            break
        if term_type is None and self._refers_to_demand(region):
            earlier = [
                x for x in stances if x.stance == "demands" and x.term and x.start < anchor.i
            ]
            if earlier:  # "rejected that demand": the last demands, in the demanding side's own text if it has one
                last = [
                    x
                    for x in earlier
                    if doc[x.start].sent.start == doc[earlier[-1].start].sent.start
                ]
                choices = []
                for demand in last:
                    own = [
                        n
                        for n, p in enumerate(analysis.proposals)
                        if p.proposer == demand.actor
                        and demand.term in {analysis.terms[t].type for t in p.terms}
                    ]
                    choices.append(
                        (
                            bool(own),
                            -last.index(demand),
                            demand,
                            own[-1] if own else demand.proposal,
                        )
                    )
                _, _, demand, proposal = max(choices, key=lambda c: (c[0], c[1]))
                term_type, explicit, owned = demand.term, True, True
        named = proposal is not None or owned
        if not explicit:
            proposalish = self.cues.proposalish
            explicit = any(
                t.lower_ in proposalish or t.lemma_.lower() in proposalish for t in region
            ) or (
                cue.stance == "signs"
                and any(t.lemma_.lower() in self.cues.signable_nouns for t in region)
            )  # "signed a joint statement": a signed text is an agreement
        if proposal is None:
            proposal = focus[anchor.i]
        if (
            term_type is not None
            and proposal is not None
            and cue.stance not in ("demands", "denies_report")
        ):
            types = {analysis.terms[n].type for n in analysis.proposals[proposal].terms}
            if term_type not in types:
                term_type = None
        return Target(proposal, term_type, explicit, named)

    @staticmethod
    def _actors_at(analysis: Analysis, token: Token) -> list[str]:
        mention = analysis.mention_at(token.i)
        return [mention.actor] if mention is not None else []

    @staticmethod
    def holder_of_type(
        analysis: Analysis,
        term_type: str,
        before: int,
        owners: set[str] | frozenset[str] = frozenset(),
    ) -> int | None:
        """The proposal whose provision of this type was stated last before ``before``; one by
        ``owners`` first ("turned down Kyiv's call for a ceasefire": Kyiv's text)."""
        best: tuple[int, int] | None = None
        candidates = list(enumerate(analysis.proposals))
        if any(p.proposer in owners for _, p in candidates):
            candidates = [(i, p) for i, p in candidates if p.proposer in owners]
        for index, p in candidates:
            for n in p.terms:
                t = analysis.terms[n]
                if t.type == term_type and t.start < before and (best is None or t.start > best[0]):
                    best = (t.start, index)
        return best[1] if best else None

    @staticmethod
    def _canonical(analysis: Analysis, n: int) -> int:
        """The term ``n`` restates: the one it was merged into, else the closest earlier mention
        of the same provision that a proposal holds (the terms component's references)."""
        same_as = analysis.extra.get("term_same_as", {})
        if same_as.get(n, -1) >= 0:
            return same_as[n]
        held = {t for p in analysis.proposals for t in p.terms}
        references = analysis.extra.get("term_references", {})
        ref, seen = n, set()
        while ref not in held and ref in references and ref not in seen:
            seen.add(ref)
            ref = references[ref]
        return ref if ref in held else n

    def _owned_object(self, analysis: Analysis, anchor: Token) -> int | None:
        """The proposal of the actor whose effort, idea or initiative is the cue's object."""
        for child in anchor.children:
            if child.dep_ == "dobj" and child.lemma_.lower() in self.cues.proposalish:
                owners = {
                    a
                    for t in child.children
                    if t.dep_ == "poss"
                    for a in self._actors_at(analysis, t)
                }
                own = [
                    n for n, p in enumerate(analysis.proposals) if owners and p.proposer in owners
                ]
                if own:
                    return own[-1]
        return None

    @staticmethod
    def _antecedent(anchor: Token, mention_at: dict[int, int]) -> int | None:
        """The proposal "it" stands for: the object of an earlier verb of the same sentence
        ("had received the letter and was studying it"), else the subject mention of the
        previous sentence ("The 1974 accord is disputed. Israel declared it void")."""
        sent = anchor.sent
        objects = [t for t in sent if t.i < anchor.i and t.dep_ == "dobj" and t.i in mention_at]
        if objects:
            return mention_at[objects[-1].i]
        if sent.start == 0:
            return None
        previous = anchor.doc[sent.start - 1].sent
        subject = previous.root
        for child in subject.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i in mention_at:
                return mention_at[child.i]
        return None

    @staticmethod
    def _direct_mention(anchor: Token, mention_at: dict[int, int]) -> int | None:
        """The proposal named by the cue's own object ("accepted the plan", "agreed on the first
        phase", "the plan was rejected"): the stance is on the whole proposal."""
        arguments = [c for c in anchor.children if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd")]
        preps = [c for c in anchor.children if c.dep_ in ("prep", "agent")]
        preps += [
            g
            for c in anchor.children
            if c.dep_ in ("advmod", "prt")
            for g in c.children
            if g.dep_ == "prep"
        ]
        arguments += [
            g for c in preps for g in c.children if g.dep_ == "pobj"
        ]  # "walked away from the deal"
        if anchor.pos_ == "NOUN":  # "its rejection of the plan"
            arguments += [
                g
                for c in anchor.children
                if c.dep_ == "prep"
                for g in c.children
                if g.dep_ == "pobj"
            ]
        if (
            anchor.dep_ == "relcl"
            and anchor.head.i in mention_at
            and not any(
                c.dep_ == "dobj" and c.lower_ not in ("that", "which", "who")
                for c in anchor.children
            )
        ):
            return mention_at[anchor.head.i]  # "a peace agreement that the two ministers signed"
        for argument in arguments:
            if argument.i in mention_at and argument.pos_ in ("NOUN", "PROPN"):
                return mention_at[argument.i]
            if (
                argument.lower_ == "what" and argument.head.i != anchor.i
            ):  # "accepted what it called a proposal"
                for named in argument.head.children:
                    if named.dep_ in ("oprd", "attr") and named.i in mention_at:
                        return mention_at[named.i]
        return None

    @staticmethod
    def _headline(analysis: Analysis, proposal: int, term: int) -> bool:
        """The provision is the proposal itself: the truce a truce agreement is, the one named
        with the proposal ("a proposal for a 30-day ceasefire"), the provisions the parties are
        said to have agreed, or what an actor offered with a verb."""
        p = analysis.proposals[proposal]
        if p.rule in ("agreed provisions", "offer by a verb") or term in analysis.extra.get(
            "agreed_terms", ()
        ):
            return True
        t = analysis.terms[term]
        if t.type not in _CESSATION or not p.mentions:
            return False
        start, end = p.mentions[0]
        return start <= t.start < end + 12 or bool(p.heads & _TRUCE_HEADS)

    @staticmethod
    def _refers_to_demand(region: list[Token]) -> bool:
        """ "rejected that demand", "dismissed the demands"."""
        return any(
            t.lemma_.lower() in ("demand", "condition")
            and any(c.lower_ in ("that", "this", "the", "those", "these") for c in t.children)
            for t in region
        )

    def talks_object(self, anchor: Token) -> bool:
        """ "withdrew from the talks", "suspended its participation", "pulled its delegation"."""
        talks = self.cues.talks_words
        for token in anchor.subtree:
            if token.i != anchor.i and (token.lemma_.lower() in talks or token.lower_ in talks):
                return True
        return False
