"""Provisions that the parties "agreed" outside any proposal mention.

"The two sides also agreed to set up joint committees", "Both agreed to develop measures …":
what several actors agree to is a provision of the agreement already in the story, or makes
an agreement of its own. The subject must name several sides: two or more actors, or a
collective phrase ("the two sides", "both", "the two governments", "the delegations"). What
they agree may be an infinitive or a clause ("agreed that the disengagement would proceed
together"). A proposal named as the
object of the agreeing ("agreed to the deal", "agreed to respect the truce") is a stance on
that proposal, not a list of provisions; a proposal named deeper down, in a purpose clause
("… to make sure the ceasefire holds"), does not stop the provisions around it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..analysis import Analysis, ProposalInfo
from ..coref import actors_of
from .lexicon import STATUS_RANK, ProposalCues

__all__ = ["AgreedProvisions", "several_sides"]

# how far from "agree" a proposal mention is still what is agreed to ("agreed to [the
# deal]", "agreed to respect [the truce]"): two arcs
_OBJECT_DEPTH = 2


def several_sides(doc: Doc, analysis: Analysis, subject: Token, cues: ProposalCues) -> bool:
    """``subject`` names several sides: two or more actors ("Israel and Hamas"), or a
    collective word ("the sides", "both", "the two", "the two governments")."""
    actors = actors_of(doc, analysis, subject)
    if len(actors) >= 2:
        return True
    if len(actors) != 1 and subject.tag_ == "NNS" and subject.lemma_.lower() in cues.participants:
        return True  # "the delegations also agreed", "the ministers agreed that …"
    words = cues.collective_subjects
    if subject.lemma_.lower() in words or subject.lower_ in words:
        return True
    return any(
        c.dep_ in ("nummod", "det", "predet") and c.lower_ in words for c in subject.children
    )


def _purpose(token: Token) -> bool:
    """ "agreed with Washington to ensure safe navigation", parsed as an adverbial clause."""
    return token.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def _depth(token: Token, top: Token) -> int:
    """Arcs from ``token`` up to ``top`` (large if ``top`` is not an ancestor)."""
    steps = 0
    while token.i != top.i:
        if token.head.i == token.i or steps > 12:
            return 99
        token = token.head
        steps += 1
    return steps


class AgreedProvisions:
    """Mixin of :class:`~.content.Content`: provisions agreed outside any proposal."""

    cues: ProposalCues

    @staticmethod
    def _add(analysis: Analysis, proposal: int, n: int, references: dict[int, int]) -> None:
        raise NotImplementedError  # Content._add: attach a term unless it restates one

    def _continues(self, sent: Span) -> bool:
        raise NotImplementedError  # Content._continues: a sentence that states a commitment

    def _agreement_in_story(self, doc: Doc, analysis: Analysis, token: Token) -> int | None:
        """The agreement that provisions "agreed" at ``token`` belong to: the proposal whose
        content the previous sentence stated ("Under the text, … They also agree to …"), else
        the last authorless agreement named before, else the one the lede announces and the
        next sentences name ("agreed on Wednesday to … The agreement was signed …")."""
        sent = token.sent
        content = analysis.extra.get("content_sentence", {})
        previous = [start for start in content if start < sent.start]
        if previous and doc[max(previous)].sent.end == sent.start:
            content[sent.start] = content[max(previous)]  # it goes on stating the text's content
            return content[max(previous)]
        kinds = self.cues.agreement_kinds | self.cues.agreement_heads
        authorless = [
            i
            for i, p in enumerate(analysis.proposals)
            if p.proposer is None
            and not p.counter
            and not p.background
            and (p.heads & kinds or p.rule == "agreed provisions")
        ]  # "… agreed to X. Both also agreed to Y"
        before = [
            i for i in authorless if any(s < token.i for s, _ in analysis.proposals[i].mentions)
        ]
        if before:
            return before[-1]
        after = [
            i
            for i in authorless
            if any(
                s > token.i and doc[s].sent.start <= sent.end + 60
                for s, _ in analysis.proposals[i].mentions
            )
        ]
        return after[0] if after else None

    def agreed_provisions(self, doc: Doc, analysis: Analysis) -> bool:
        """ "The two sides did agree to exchange …": provisions the parties agreed on. They
        belong to the agreement already in the story, if there is one; else they make an
        agreement of their own, with no author. Returns whether a proposal was added."""
        if not analysis.terms:
            return False
        claimed = {n for p in analysis.proposals for n in p.terms} | set(
            analysis.extra.get("term_same_as", {})
        )
        heads = {doc[s:e].root.i for p in analysis.proposals for s, e in p.mentions}
        added = False
        for token in doc:
            if (
                token.lemma_.lower() not in self.cues.agreeing_verbs
                or token.pos_ != "VERB"
                or any(c.dep_ == "neg" for c in token.children)
            ):
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is None or not several_sides(doc, analysis, subject, self.cues):
                continue
            region = [
                t.i
                for c in token.children
                if c.dep_ in ("xcomp", "ccomp", "prep", "dobj") or _purpose(c)
                for t in c.subtree
            ]
            if any(i in heads and _depth(doc[i], token) <= _OBJECT_DEPTH for i in region):
                continue  # "agreed to the deal": a stance on it
            terms = [
                n for n, t in enumerate(analysis.terms) if t.start in region and n not in claimed
            ]
            if not terms:
                continue
            extension = any(analysis.terms[n].type == "ceasefire_extension" for n in terms)
            current = self._agreement_in_story(doc, analysis, token)
            if current is not None and not extension:
                references = analysis.extra.get("term_references", {})
                for n in terms:  # the agreement already in the story
                    self._add(analysis, current, n, references)
                analysis.extra.setdefault("agreed_terms", set()).update(terms)
            else:
                label = "agreement to " + doc[
                    token.i + 1 : min(token.right_edge.i + 1, token.i + 6)
                ].text.removeprefix("to ")
                analysis.proposals.append(
                    ProposalInfo(
                        label=label,
                        proposer=None,
                        mentions=[(token.i, token.i + 1)],
                        status="agreed",
                        status_rank=STATUS_RANK["agreed"],
                        parent=current if extension else None,
                        terms=terms,
                        heads={"agree"},
                        rule="agreed provisions",
                    )
                )
                added = True
            claimed.update(terms)
            owner = (
                current if current is not None and not extension else len(analysis.proposals) - 1
            )
            self._next_sentence(doc, analysis, token.sent, owner, claimed)
        return added

    def _next_sentence(
        self, doc: Doc, analysis: Analysis, sent: Span, owner: int, claimed: set[int]
    ) -> None:
        """ "… the two had agreed to stop all firing from 5 p.m. The two commanders will speak
        again on Monday, he said.": the next sentence of the paragraph goes on with what was
        agreed when it states a commitment ("will", "would", "are to") and names no proposal."""
        if sent.end >= len(doc) or "\n\n" in doc[sent.end - 1 : sent.end + 1].text_with_ws:
            return
        following = doc[sent.end].sent
        if not self._continues(following):
            return
        if any(
            following.start <= s < following.end for p in analysis.proposals for s, _ in p.mentions
        ):
            return
        references = analysis.extra.get("term_references", {})
        for n, term in enumerate(analysis.terms):
            if following.start <= term.start < following.end and n not in claimed:
                self._add(analysis, owner, n, references)
                claimed.add(n)
