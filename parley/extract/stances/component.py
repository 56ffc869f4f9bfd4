"""The ``parley_stances`` component: each cue read into stances (stance, holders, target,
refinement), between the stances without a cue (:mod:`.derived`) and the last passes."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..analysis import Analysis, StanceInfo, analysis_of
from ..coref import actors_of
from ..proposals import drop_unanchored, load_proposal_cues
from .attribution import Attribution
from .cues import Cue, CueFinder
from .derived import Derived, add, consolidate, disputes
from .lexicon import load_stance_cues
from .readings import Readings
from .syntax import clause_of, conditional, conditions_of, subject_of, wished
from .targets import Target, Targets, focus_map

__all__ = ["StanceFinder", "make_stance_finder"]

# cues that also describe troops moving: a position only when what is left is talks or a deal
_MOVEMENT_CUES = frozenset({"withdraw", "pull out", "back out", "back away", "quit"})

# stances an author does not take on its own proposal (it proposes it)
_NOT_BY_AUTHOR = frozenset(
    {
        "accepts",
        "accepts_in_principle",
        "accepts_with_conditions",
        "endorses",
        "considers",
        "open_to",
        "seeks_clarification",
        "rejects",
        "no_response",
        "denies_receiving",
        "demands",
    }
)


class StanceFinder:
    """Finds stance cues and turns them into stances."""

    def __init__(self, nlp: Language):
        self.cues = load_stance_cues()
        self.find_cues = CueFinder(nlp, self.cues)
        self.attribution = Attribution(self.cues)
        proposal_cues = load_proposal_cues()
        self.targets = Targets(self.cues, proposal_cues.phase_words)
        self.derived = Derived(self.cues, self.attribution, self.targets)
        self.agreement_words = (
            proposal_cues.heads
            | proposal_cues.agreement_kinds
            | {"commitment", "promise", "pledge", "provision"}
        )
        self.readings = Readings(self.cues, self.agreement_words)

    def __call__(self, doc: Doc) -> Doc:
        analysis = analysis_of(doc)
        analysis.stances = []
        if not analysis.proposals:
            return doc
        focus = focus_map(doc, analysis)
        parties = set(analysis.extra.get("parties", ()))
        self.derived.implicit_demands(
            doc, analysis, focus
        )  # first: "rejected that demand" may refer to one
        for cue in self.find_cues(doc):
            for stance in self._stances(doc, analysis, cue, focus, parties):
                add(analysis, stance)
        self.derived.refused_provisions(doc, analysis)
        self.derived.authors(doc, analysis)
        consolidate(analysis)
        disputes(analysis)
        drop_unanchored(analysis)
        return doc

    # -- one cue -----------------------------------------------------------------------------

    def _stances(
        self, doc: Doc, analysis: Analysis, cue: Cue, focus: list[int | None], parties: set[str]
    ) -> list[StanceInfo]:
        """The stances one cue states: who holds it, toward which proposal and term, how."""
        anchor = cue.anchor
        persuaded = self.readings.persuaded(doc, analysis, anchor)
        if wished(anchor, self.cues) and not persuaded:
            return self._urged(
                doc, analysis, cue, focus, parties
            )  # "urged Hamas to accept the plan"
        reading = self.readings.reading(doc, cue)
        if reading is None:
            return []
        stance, is_negated = reading
        if not cue.stance.startswith(("?", "!")) and conditional(anchor, marks=("if", "unless")):
            return []  # "threatened to quit if Israel agrees to end the war": a hypothesis
        actors = persuaded or self._holders(doc, analysis, cue, stance)
        if not actors:
            return []
        target = self.targets.target(doc, analysis, cue, focus, analysis.stances)
        if target.proposal is None or not self._about_a_proposal(analysis, cue, stance, target):
            return []
        if persuaded and not target.named:
            return []
        conditions = conditions_of(doc, anchor, self.cues.condition_markers, self.cues.only_markers)
        refined = self._refined(
            analysis, cue, stance, is_negated, conditions, target.proposal, actors, parties
        )
        if refined is None:
            return []
        author = analysis.proposals[target.proposal].proposer
        if (
            refined == "endorses"
            and author not in actors
            and (sides := [a for a in actors if a in parties])
        ):
            # "welcomed" by a party of the proposal is an acceptance, by anyone else an endorsement
            others = [a for a in actors if a not in sides]
            accepts = "accepts_with_conditions" if conditions else "accepts"
            return self._build(doc, analysis, cue, accepts, target, sides, conditions) + (
                self._build(doc, analysis, cue, "endorses", target, others, conditions)
                if others
                else []
            )
        return self._build(doc, analysis, cue, refined, target, actors, conditions)

    def _holders(self, doc: Doc, analysis: Analysis, cue: Cue, stance: str) -> list[str]:
        """Who takes the position; nobody when the cue states a proposal's content."""
        anchor = cue.anchor
        content = analysis.extra.get("content_sentence", {})
        if stance == "accuses_violation":
            if cue.label == "accuse" and not any(
                t.lemma_.lower() in self.cues.breach_words for t in anchor.subtree
            ):
                return []  # "is accused of kidnappings": not a breach of an agreement
            if conditional(anchor) or anchor.sent.start in content:
                return []  # "would strike hard if Hezbollah violated the deal"
            if (
                cue.label != "accuse"
                and anchor.pos_ == "VERB"
                and not self.readings.breaches_agreement(analysis, anchor)
            ):
                return []  # "any such clause would violate the country's sovereignty"
            if cue.label != "accuse" and any(
                a.lemma_.lower() == "accuse" for a in anchor.ancestors
            ):
                return []  # "accused Cambodia of violating a ceasefire": the accusation is the stance
            if anchor.pos_ == "NOUN" and self.readings.no_breach_claimed(analysis, anchor):
                return []  # "would respond to any breach", "a violation of its sovereignty"
            if anchor.dep_ == "relcl" and self.readings.generic(anchor.head):
                return []  # "anyone who violated the truce would be held accountable"
            return self.attribution.accusers(doc, analysis, cue)
        if (
            anchor.pos_ == "VERB"
            and cue.holder != "voice"
            and self.readings.proposal_subject(analysis, anchor)
        ):
            return []  # "It calls for …", "the text commits the parties to …": content, not a stance
        if (
            anchor.sent.start in content
            and anchor.lemma_.lower() in ("commit", "agree", "accept", "withdraw")
            and (self.readings.generic_subject(anchor) or anchor.dep_ in ("relcl", "acl"))
        ):
            return []  # "Under the text, the parties commit to …", "members who commit to peaceful coexistence would …"
        return self.attribution.actors(doc, analysis, cue)

    def _about_a_proposal(self, analysis: Analysis, cue: Cue, stance: str, target: Target) -> bool:
        """The words tie the cue to a proposal (or one of its provisions) enough for its stance."""
        anchor, cues = cue.anchor, self.cues
        proposal = analysis.proposals[target.proposal]  # type: ignore[index]
        if (
            proposal.background
            and anchor.dep_ == "relcl"
            and anchor.head.i not in analysis.extra.get("proposal_at", {})
        ):
            return False  # "former commanders who abandoned the 2016 accord": someone's history
        if (
            anchor.lemma_.lower() == "refuse"
            and not target.named
            and any(c.dep_ == "xcomp" for c in anchor.children)
        ):
            return False  # "refused to negotiate with a group", "refused to take part": no proposal named
        if stance in ("no_response", "denies_receiving") and not target.named:
            return (
                False  # "did not respond to a request for comment": a press line (dev convention 7)
            )
        if stance == "demands" and not (
            target.term
            or (target.named and cue.label in cues.demand_words)
            or cue.stance == "?until"
        ):
            return False  # "Trump's call for a halt", "wanted the deal to continue": no provision named
        if cue.holder is not None and not target.explicit:
            return False  # "using starvation as a weapon was unacceptable": not about a proposal
        if (
            anchor.dep_ == "relcl"
            and analysis.mention_at(anchor.head.i) is not None
            and not self.readings.names_proposal(analysis, anchor, target)
        ):
            return (
                False  # "Saudi Arabia, which signed a defence pact last year": the actor's history
            )
        if self.readings.object_of_cue(anchor):
            return (
                False  # "turned down Kyiv's call for a ceasefire": the call is reported, not made
            )
        if (
            cue.label in cues.needs_object
            and not target.explicit
            and not self.readings.rejects_a_claim(anchor)
            and not self.readings.anything(anchor)
        ):
            return False  # "backed by Rwanda", "denies arming the group": no proposal in sight
        if (
            stance == "withdraws"
        ):  # "Israeli forces would withdraw", "the line to which its forces withdrew"
            return (
                self.targets.talks_object(anchor)
                or target.direct
                or (target.explicit and cue.label not in _MOVEMENT_CUES)
            )
        return True

    def _refined(
        self,
        analysis: Analysis,
        cue: Cue,
        stance: str,
        is_negated: bool,
        conditions: list[str],
        proposal: int,
        actors: list[str],
        parties: set[str],
    ) -> str | None:
        """The most specific stance the words justify (never the plain opposite of a negation)."""
        anchor = cue.anchor
        claim = stance == "rejects" and not is_negated and self.readings.rejects_a_claim(anchor)
        if claim:
            stance = "denies_report"  # "Hamas rejected the accusation"
        if (
            is_negated
            and stance == "accepts"
            and self.readings.says_itself(analysis, anchor, actors)
        ):
            stance, is_negated, claim = (
                "denies_report",
                False,
                True,
            )  # "Kyiv says it never agreed to a start date"
        if is_negated:
            refined = self.readings.negated_stance(cue, stance)
            if refined is None:
                return None
            stance = refined
        if stance == "demands" and self.readings.no_agreement(anchor):
            stance, claim = (
                "denies_report",
                True,
            )  # "insisted there was no agreement on any ceasefire"
        if (
            stance == "denies_report"
            and not (is_negated or claim)
            and not self.readings.denies_a_position(analysis, anchor)
        ):
            return None  # "Kigali denies arming the group": not about a position on a proposal
        if stance in ("accepts", "endorses") and (
            self.readings.in_principle(anchor) or self.readings.aims_only(anchor)
        ):
            stance = (
                "accepts_in_principle"  # "agreed 'in principle'", "approved the plan's objectives"
            )
        if (
            stance == "accepts"
            and anchor.lemma_.lower() == "approve"
            and self.readings.body_subject(anchor)
            and not self.readings.aims_only(anchor)
        ):
            stance = "signs"  # a cabinet's or parliament's approval
        if stance == "accepts" and (excluded := self.readings.none_that(anchor)):
            conditions.append(
                excluded
            )  # "would accept no agreement that infringed on its sovereignty"
        if stance == "accepts" and conditions:
            stance = "accepts_with_conditions"
        return stance

    def _build(
        self,
        doc: Doc,
        analysis: Analysis,
        cue: Cue,
        stance: str,
        target: Target,
        actors: list[str],
        conditions: list[str],
    ) -> list[StanceInfo]:
        anchor = cue.anchor
        proposal = target.proposal
        assert proposal is not None
        clause = clause_of(anchor)
        source = self.attribution.source(analysis, anchor)
        speaker = self.attribution.speaker(doc, analysis, anchor, actors)
        certainty = self.attribution.certainty(analysis, anchor, source, actors)
        author = analysis.proposals[proposal].proposer
        answers = {p.proposer for p in analysis.proposals if p.counter and p.parent == proposal}
        out = []
        for actor in actors:
            if actor == author and stance in _NOT_BY_AUTHOR:
                continue  # the author proposes its text; it does not endorse or accept it
            if stance == "demands" and actor in answers:
                continue  # "Lebanon also wants …": the content of its own amendments
            out.append(
                StanceInfo(
                    actor=actor,
                    stance=stance,
                    proposal=proposal,
                    term=target.term,
                    start=min(cue.start, clause.start),
                    end=max(cue.end, clause.end),
                    speaker=speaker,
                    conditions=conditions if stance != "demands" or conditions else [],
                    source=source,
                    certainty=certainty,
                    cue=cue.label,
                )
            )
        return out

    def _urged(
        self, doc: Doc, analysis: Analysis, cue: Cue, focus: list[int | None], parties: set[str]
    ) -> list[StanceInfo]:
        """A third party urging a side to accept a proposal endorses it ("Washington called on
        the Houthis to accept the envoy's proposal"); the urged side's own stance is not known."""
        anchor = cue.anchor
        urging = anchor.head
        if (
            cue.stance not in ("accepts", "signs")
            or urging.lemma_.lower() not in self.cues.urging_verbs
        ):
            return []
        subject = subject_of(urging)
        actors = actors_of(doc, analysis, subject) if subject is not None else []
        target = self.targets.target(doc, analysis, cue, focus, analysis.stances)
        if target.proposal is None or not target.named:
            return []
        author = analysis.proposals[target.proposal].proposer
        urged = {
            a
            for c in urging.children
            if c.dep_ in ("dobj", "prep")
            for t in c.subtree
            for a in actors_of(doc, analysis, t)
        }
        clause = clause_of(urging)
        return [
            StanceInfo(
                actor,
                "endorses",
                target.proposal,
                None,
                clause.start,
                clause.end,
                source=self.attribution.source(analysis, urging),
                cue=f"{urging.lemma_.lower()} … to {anchor.lemma_.lower()}",
                certainty=self.attribution.certainty(
                    analysis, urging, self.attribution.source(analysis, urging), [actor]
                ),
            )
            for actor in actors
            if actor not in urged and actor != author
        ]


@Language.factory(
    "parley_stances",
    requires=["doc._.parley", "token.dep", "token.lemma"],
    assigns=["doc._.parley"],
)
def make_stance_finder(nlp: Language, name: str) -> StanceFinder:
    return StanceFinder(nlp)
