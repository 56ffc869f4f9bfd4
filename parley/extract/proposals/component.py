"""The ``parley_proposals`` component: mentions → proposals → terms."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..analysis import Analysis, analysis_of
from .authors import Authors
from .content import Content
from .identity import Identity
from .lexicon import load_proposal_cues
from .mentions import MentionFinder

__all__ = ["ProposalFinder", "drop_unanchored", "index", "make_proposal_finder"]


class ProposalFinder:
    """Finds proposals, their authors, channels and terms."""

    def __init__(self, nlp: Language | None = None):
        self.cues = load_proposal_cues()
        self.authors = Authors(self.cues)
        self.mentions = MentionFinder(self.cues, self.authors)
        self.identity = Identity(self.cues, self.authors)
        self.content = Content(self.cues)

    def __call__(self, doc: Doc) -> Doc:
        analysis = analysis_of(doc)
        mentions = self.mentions.find(doc, analysis)
        analysis.proposals = self.identity.cluster(doc, analysis, mentions)
        index(analysis)
        if self.content.attach(doc, analysis):
            index(analysis)
        if self.content.verbal_offers(doc, analysis):
            index(analysis)
        if self.content.agreed_provisions(doc, analysis):
            index(analysis)
        for proposal in analysis.proposals:
            if proposal.status is None:
                proposal.status = "agreed" if proposal.proposer is None else "tabled"
        return doc


def drop_unanchored(analysis: Analysis) -> None:
    """Drop proposals that nothing in the article ties to a negotiation: no author, no
    provision, no status from a verb, no stance on them, no child ("a declaration on
    unification", "an offer of maps Yerevan has shown no sign of taking up"). Run once the
    stances are known; every index into ``analysis.proposals`` is renumbered."""
    reactions = load_proposal_cues().reaction_heads
    authors = {(s.proposal, s.actor) for s in analysis.stances if s.stance in ("proposes", "counter_proposes")}
    targets = {s.proposal for s in analysis.stances if (s.proposal, s.actor) not in authors}
    parents = {p.parent for p in analysis.proposals}
    keep = [
        bool(p.proposer or p.terms or p.status_rank >= 0 or n in targets or n in parents)
        and not (p.heads <= reactions and not p.terms)  # "Putin's response": a reaction, no text
        for n, p in enumerate(analysis.proposals)
    ]
    if all(keep):
        return
    new_index: dict[int, int] = {}
    for n, kept in enumerate(keep):
        if kept:
            new_index[n] = len(new_index)
    analysis.proposals = [p for p, kept in zip(analysis.proposals, keep, strict=True) if kept]
    for p in analysis.proposals:
        p.parent = new_index.get(p.parent) if p.parent is not None else None
    analysis.stances = [s for s in analysis.stances if s.proposal is None or s.proposal in new_index]
    for stance in analysis.stances:
        stance.proposal = new_index.get(stance.proposal) if stance.proposal is not None else None
    extra = analysis.extra
    extra["content_sentence"] = {k: new_index[v] for k, v in extra.get("content_sentence", {}).items() if v in new_index}
    extra["proposal_authors"] = {new_index[k]: v for k, v in extra.get("proposal_authors", {}).items() if k in new_index}
    index(analysis)


def index(analysis: Analysis) -> None:
    """``analysis.extra["proposal_at"]``: token index → proposal index, for every mention."""
    analysis.extra["proposal_at"] = {
        i: n for n, p in enumerate(analysis.proposals) for s, e in p.mentions for i in range(s, e)
    }


@Language.factory(
    "parley_proposals",
    requires=["doc._.parley", "token.dep", "token.lemma"],
    assigns=["doc._.parley"],
)
def make_proposal_finder(nlp: Language, name: str) -> ProposalFinder:
    return ProposalFinder(nlp)
