"""Stances without a cue of their own, and the last passes over all stances.

- an official of one side stating what the other side would or must do, outside any
  proposal's text, demands that provision ("Hamas would lay down its weapons, he said");
- an actor refusing to carry out a provision of a proposal on the table rejects it ("Hamas
  has said it will not give up its weapons"), or, refusing it until, before or while something
  else happens, demands that ("will not disarm while Israel occupies Lebanese land");
- every proposal's author proposes it (counter-proposes a counter-proposal); each co-author of
  a joint proposal proposes it;
- a signature already says the signer agreed, so a plain acceptance beside it is dropped; a
  welcome by an actor that accepts or signs is no endorsement;
- a stance the actor denies in the article is ``disputed``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..analysis import Analysis, StanceInfo
from ..coref import actors_of
from .attribution import Attribution
from .lexicon import StanceCues
from .syntax import clause_of, subject_of
from .targets import Targets

__all__ = ["COMMITMENTS", "Derived", "add", "consolidate", "disputes"]

# acceptances stated as commitments, kept beside a signature
COMMITMENTS = frozenset({"honour", "honor", "remain committed", "commit"})


class Derived:
    """Stances read from provisions and proposals rather than from a stance cue."""

    def __init__(self, cues: StanceCues, attribution: Attribution, targets: Targets):
        self.cues = cues
        self.attribution = attribution
        self.targets = targets

    def implicit_demands(self, doc: Doc, analysis: Analysis, focus: list[int | None]) -> None:
        """ "Hamas would lay down its weapons, he said": a party's official stating what the
        other side would or must do, outside any proposal's text, demands that term."""
        claimed = {n for p in analysis.proposals for n in p.terms} | set(
            analysis.extra.get("term_same_as", {})
        )
        for n, term in enumerate(analysis.terms):
            if n in claimed:
                continue
            verb = doc[term.start]
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            modals = {c.lower_ for c in verb.children if c.dep_ == "aux"} & self.cues.demand_modals
            if not modals:
                continue
            source = self.attribution.source(analysis, verb)
            if source is None or analysis.sources[source].kind not in ("official", "anonymous"):
                continue
            speaker = analysis.sources[source].affiliation
            subject = subject_of(verb)
            doers = actors_of(doc, analysis, subject) if subject is not None else []
            if not speaker or not doers or speaker in doers:
                continue  # a side saying what it would do itself is an offer, not a demand
            parties = set(analysis.extra.get("parties", ()))
            if not (modals & {"must", "should"} or (speaker in parties and parties & set(doers))):
                continue  # "would"/"will" from a third party is a forecast; a party's is what it wants
            others = [
                i
                for i in range(len(analysis.proposals))
                if analysis.proposals[i].proposer != speaker
                and not analysis.proposals[i].background
                and any(s <= verb.i for s, _ in analysis.proposals[i].mentions)
            ]
            proposal = others[-1] if others else focus[verb.i]
            if proposal is None or analysis.proposals[proposal].proposer == speaker:
                continue  # the author stating its own text
            clause = clause_of(verb)
            add(
                analysis,
                StanceInfo(
                    speaker,
                    "demands",
                    proposal,
                    term.type,
                    clause.start,
                    clause.end,
                    speaker=self.attribution.speaker(doc, analysis, verb, [speaker]),
                    source=source,
                    certainty=self.attribution.certainty(analysis, verb, source, [speaker]),
                    cue="implicit demand",
                ),
            )

    def refused_provisions(self, doc: Doc, analysis: Analysis) -> None:
        """ "Hamas has said it will not give up its weapons": an actor refusing to carry out a
        provision of a proposal on the table rejects that provision."""
        content = analysis.extra.get("content_sentence", {})
        same_as = analysis.extra.get("term_same_as", {})
        held = {n for p in analysis.proposals for n in p.terms}
        for n, term in enumerate(analysis.terms):
            if n in held or n in same_as or doc[term.start].sent.start in content:
                continue
            verb = doc[term.start]
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            auxiliaries = {c.lower_ for c in verb.children if c.dep_ in ("aux", "neg")}
            if not (
                {"not", "n't", "never"} & auxiliaries and auxiliaries & self.cues.refusal_modals
            ):
                continue
            subject = subject_of(verb)
            actors = actors_of(doc, analysis, subject) if subject is not None else []
            stance, term_type = "rejects", term.type
            if (condition := self._condition_term(analysis, verb)) is not None:
                stance, term_type = (
                    "demands",
                    condition,
                )  # "will not disarm while Israel occupies …"
            proposal = self.targets.holder_of_type(analysis, term_type, len(doc))
            if proposal is None and stance == "demands":
                proposal = self.targets.holder_of_type(analysis, term.type, len(doc))
            if (
                len(actors) != 1
                or proposal is None
                or analysis.proposals[proposal].proposer in actors
            ):
                continue
            clause = clause_of(verb)
            source = self.attribution.source(analysis, verb)
            add(
                analysis,
                StanceInfo(
                    actors[0],
                    stance,
                    proposal,
                    term_type,
                    clause.start,
                    clause.end,
                    speaker=self.attribution.speaker(doc, analysis, verb, actors),
                    source=source,
                    certainty=self.attribution.certainty(analysis, verb, source, actors),
                    cue="refused provision",
                ),
            )

    def _condition_term(self, analysis: Analysis, verb: Token) -> str | None:
        """The provision a refusal waits for: "will not hand over its weapons while Israel
        occupies Lebanese land", "would not leave before Hezbollah had been disarmed"."""
        for clause in (c for c in verb.children if c.dep_ == "advcl"):
            if any(
                m.dep_ == "mark" and m.lower_ in self.cues.refusal_conditions
                for m in clause.children
            ):
                span = range(clause.left_edge.i, clause.right_edge.i + 1)
                found = [t.type for t in analysis.terms if t.start in span]
                if found:
                    return found[0]
        return None

    def authors(self, doc: Doc, analysis: Analysis) -> None:
        """Every proposal's author ``proposes`` it (``counter_proposes`` a counter-proposal);
        each co-author of a joint proposal (no single proposer) proposes it too."""
        coauthors = analysis.extra.get("proposal_authors", {})
        for index, p in reversed(list(enumerate(analysis.proposals))):
            authors = (
                [p.proposer] if p.proposer else ([] if p.proposer else coauthors.get(index, []))
            )
            if not authors or not p.mentions:
                continue
            start, end = p.mentions[0]
            token = doc[start:end].root
            verb = token.head if token.head.pos_ in ("VERB", "AUX") else token
            source = self.attribution.source(analysis, verb)
            stance = "counter_proposes" if p.counter else "proposes"
            clause = clause_of(verb)
            for author in reversed(authors):
                certainty = self.attribution.certainty(analysis, verb, source, [author])
                add(
                    analysis,
                    StanceInfo(
                        author,
                        stance,
                        index,
                        None,
                        min(start, clause.start),
                        max(end, clause.end),
                        source=source,
                        certainty=certainty,
                        cue="author",
                        speaker=self.attribution.speaker(doc, analysis, verb, [author]),
                    ),
                    front=True,
                )


def consolidate(analysis: Analysis) -> None:
    """The most specific stance the words justify: a signature already says the signer agreed
    ("had agreed … signed the agreement"), so a plain acceptance by the same actor of the same
    proposal is dropped unless it is a commitment stated on its own ("We will honour every line
    of it"); a welcome by an actor that accepts or signs the proposal is no endorsement."""
    kept = {(s.actor, s.proposal, s.term, s.stance) for s in analysis.stances}

    def has(actor: str, proposal: int | None, term: str | None, *stances: str) -> bool:
        return any((actor, proposal, term, stance) in kept for stance in stances)

    analysis.stances = [
        s
        for s in analysis.stances
        if not (
            s.stance == "accepts"
            and s.cue not in COMMITMENTS
            and has(s.actor, s.proposal, s.term, "signs")
        )
        and not (
            s.stance == "endorses"
            and has(s.actor, s.proposal, s.term, "signs", "accepts", "accepts_with_conditions")
        )
    ]


def disputes(analysis: Analysis) -> None:
    """A stance the actor denies in the article is ``disputed``."""
    denials = [(s.actor, s.proposal) for s in analysis.stances if s.stance == "denies_report"]
    for s in analysis.stances:
        if (
            s.stance != "denies_report"
            and (s.actor, s.proposal) in denials
            and s.certainty in ("reported", "hedged")
        ):
            s.certainty = "disputed"


def add(analysis: Analysis, stance: StanceInfo, *, front: bool = False) -> None:
    """Add ``stance`` unless the same (actor, stance, proposal, term) is there already."""
    for existing in analysis.stances:
        if (existing.actor, existing.stance, existing.proposal, existing.term) == (
            stance.actor,
            stance.stance,
            stance.proposal,
            stance.term,
        ):
            existing.conditions = list(dict.fromkeys(existing.conditions + stance.conditions))
            if stance.cue in COMMITMENTS:
                existing.cue = (
                    stance.cue
                )  # "said it would abide by the ceasefire": a commitment of its own
            return
    if front:
        analysis.stances.insert(0, stance)
    else:
        analysis.stances.append(stance)
