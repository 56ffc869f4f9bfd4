"""Proposals an actor makes without a proposal noun: a list of conditions it sets out ("Its
foreign ministry listed what it wants:") and provisions it offers with a verb ("Ankara
offered to help Moscow monitor the ceasefire"). A mixin of :class:`~.content.Content`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from ..analysis import Analysis, ProposalInfo
from ..coref import actors_of
from .authors import subject_of
from .lexicon import STATUS_RANK, ProposalCues

__all__ = ["Offers"]


class Offers:
    """Demand lists and verbal offers."""

    cues: ProposalCues

    def _demand_list(self, doc: Doc, analysis: Analysis, sent: Span) -> int | None:
        """ "Its foreign ministry listed what it wants before it returns:" — an actor's list of
        conditions is a proposal of that actor (ANNOTATION.md: a set of conditions), whose
        parent is the proposal it answers."""
        root = sent.root
        if root.lemma_.lower() not in self.cues.list_verbs or any(
            i in analysis.extra.get("proposal_at", {}) for i in range(sent.start, sent.end)
        ):
            return None
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        actors = actors_of(doc, analysis, subject) if subject is not None else []
        if len(actors) != 1:
            return None
        earlier = [
            n
            for n, p in enumerate(analysis.proposals)
            if p.proposer != actors[0] and any(s < sent.start for s, _ in p.mentions)
        ]
        analysis.proposals.append(
            ProposalInfo(
                label=f"conditions listed by {actors[0]}",
                proposer=actors[0],
                mentions=[(root.i, root.i + 1)],
                status="tabled",
                status_rank=STATUS_RANK["tabled"],
                parent=earlier[-1] if earlier else None,
                heads={"conditions"},
                rule="list of demands",
            )
        )
        return len(analysis.proposals) - 1

    def verbal_offers(self, doc: Doc, analysis: Analysis) -> bool:
        """ "Ankara offered to help Moscow monitor the ceasefire", "sent letters … proposing that
        the corridor keep operating with the two of them as its guarantors": provisions an
        actor offers with a verb. They go to that actor's proposal if it has one in the story,
        else make an offer of its own (floated). Offers only to host or hold talks are not
        proposals. Returns whether a proposal was added."""
        claimed = {n for p in analysis.proposals for n in p.terms} | set(
            analysis.extra.get("term_same_as", {})
        )
        added = False
        for token in doc:
            if (
                token.lemma_.lower() not in self.cues.offer_verbs
                or token.pos_ != "VERB"
                or any(c.dep_ in ("neg", "auxpass", "nsubjpass") for c in token.children)
            ):
                continue  # "would be offered an amnesty": what is offered to someone, not an offer made
            region = {
                t.i
                for c in token.children
                if c.dep_ in ("xcomp", "ccomp", "dobj")
                for t in c.subtree
            }
            terms = [
                n for n, t in enumerate(analysis.terms) if t.start in region and n not in claimed
            ]
            if not terms or all(analysis.terms[n].type == "negotiation_process" for n in terms):
                continue
            offerer = (
                token.head if token.dep_ == "advcl" and token.tag_ == "VBG" else token
            )  # "…, proposing that …"
            subject = subject_of(offerer)
            actors = actors_of(doc, analysis, subject) if subject is not None else []
            proposal_at = analysis.extra.get("proposal_at", {})
            if len(actors) != 1 or any(
                c.i in proposal_at for c in token.children if c.dep_ in ("dobj", "xcomp", "ccomp")
            ):
                continue  # "offered a plan": the plan is the proposal
            own = [
                n
                for n, p in enumerate(analysis.proposals)
                if p.proposer == actors[0] and not p.background
            ]
            if own:
                analysis.proposals[own[-1]].terms.extend(terms)
            else:
                analysis.proposals.append(
                    ProposalInfo(
                        label=f"offer by {actors[0]}",
                        proposer=actors[0],
                        mentions=[(token.i, token.i + 1)],
                        status="floated",
                        status_rank=STATUS_RANK["floated"],
                        terms=terms,
                        heads={"offer"},
                        rule="offer by a verb",
                    )
                )
                added = True
            claimed.update(terms)
        return added
