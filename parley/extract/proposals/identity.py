"""Which proposal each mention is: one article's proposals, each with all its mentions.

Each mention joins a proposal or starts one. A counter-proposal ("its counter-proposal",
"Hamas's response", "a memorandum of its own") is a proposal of its own whose parent is the
proposal it answers; a mention with an author joins that author's proposal; a definite
mention without one ("the offer", "the deal") joins the proposal in focus; a truce that
"collapsed" or "expired" is a background agreement.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..analysis import Analysis, ProposalInfo
from .authors import Authors
from .lexicon import STATUS_RANK, ProposalCues
from .mentions import Mention, MentionFinder, governing_verb, years

__all__ = ["Identity"]

_DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})


class Identity:
    """Clusters mentions into proposals."""

    def __init__(self, cues: ProposalCues, authors: Authors):
        self.cues = cues
        self.authors = authors

    def cluster(self, doc: Doc, analysis: Analysis, mentions: list[Mention]) -> list[ProposalInfo]:
        cues = self.cues
        proposals: list[ProposalInfo] = []
        index_of: dict[int, int] = {}
        self._years: dict[int, set[str]] = {}  # years written in each proposal's mentions
        self._last: int | None = None  # the proposal mentioned last
        self._dates = [d.start for d in analysis.dates]
        focus: int | None = None
        for m in mentions:
            lemma = m.head.lemma_.lower()
            excluded = self._containers(m.head, index_of)
            index = self._join(proposals, m, focus, excluded)
            if lemma in cues.agreement_heads and m.definite and m.proposer is None:
                agreement_like = cues.agreement_heads | cues.agreement_kinds
                same = [
                    i
                    for i, p in enumerate(proposals)
                    if not p.background and p.heads & agreement_like and i not in excluded
                ]
                same = same or [
                    i for i, p in enumerate(proposals) if lemma in p.heads and i not in excluded
                ]
                if same:
                    index = same[-1]
                elif m.status is None and not MentionFinder.specific(m.head):
                    continue  # "during the truce": the truce of a proposal's terms, not a new one
                else:
                    index = (
                        None  # "the seven-day ceasefire" the parties signed: a proposal of its own
                    )
            if index is None:
                proposals.append(
                    ProposalInfo(
                        label=m.label,
                        proposer=m.proposer,
                        counter=m.counter,
                        background=m.background,
                        parent=None,
                        rule=m.proposer_rule,
                    )
                )
                index = len(proposals) - 1
            proposal = proposals[index]
            index_of[m.head.i] = index
            self._last = index
            if (
                m.authors and proposal.proposer is None
            ):  # a joint proposal: each co-author proposes it
                coauthors = analysis.extra.setdefault("proposal_authors", {}).setdefault(index, [])
                coauthors.extend(a for a in m.authors if a not in coauthors)
            self._years.setdefault(index, set()).update(years(m.head))
            proposal.mentions.append((m.start, m.end))
            proposal.heads.add(m.head.lemma_.lower())
            if (
                proposal.proposer is None
                and m.proposer is not None
                and not proposal.background
                and not m.proposer_rule.startswith("subject of")
            ):
                proposal.proposer = m.proposer
                proposal.rule = m.proposer_rule
            if m.status is not None and STATUS_RANK.get(m.status, 0) >= proposal.status_rank:
                proposal.status = m.status
                proposal.status_rank = STATUS_RANK.get(m.status, 0)
            verb = governing_verb(m.head)
            for actor in self.authors.channel(doc, analysis, m.head, verb, proposal.proposer):
                if actor not in proposal.channel:
                    proposal.channel.append(actor)
            if not m.background and not self._containers(m.head, index_of, loose=True):
                focus = index  # not "the peace deal" inside a clause that describes the declaration
        self._parents(proposals, mentions, index_of)
        for m in mentions:
            if m.part_of is not None and m.head.i in index_of:
                # the part's parent: the proposal named in "of …", once clustered
                child = proposals[index_of[m.head.i]]
                parent = next(
                    (
                        index_of[i]
                        for i in range(doc[m.part_of].left_edge.i, m.part_of + 1)
                        if i in index_of
                    ),
                    None,
                )
                if parent is not None and child.parent is None and proposals[parent] is not child:
                    child.parent = parent
        self._merge_descriptions(doc, proposals)
        return proposals

    @staticmethod
    def _containers(token: Token, index_of: dict[int, int], *, loose: bool = False) -> set[int]:
        """Proposals whose clause describes the one ``token`` names: "a document in which the
        four undertook to act as guarantors of the Gaza agreement" is not the agreement. A
        prepositional phrase ("the exchange formula in the U.S. plan") or an adverbial clause
        ("a text …, a day after Lebanon answered the proposal") does not separate them."""
        found: set[int] = set()
        in_clause = False
        node = token
        while node.head.i != node.i:
            if node.dep_ in ("npadvmod", "parataxis", "conj") or (
                node.dep_ == "advcl" and not loose
            ):
                break
            in_clause = in_clause or node.dep_ in ("relcl", "acl")
            node = node.head
            if in_clause and node.i in index_of:
                found.add(index_of[node.i])
        return found

    def _join(
        self, proposals: list[ProposalInfo], m: Mention, focus: int | None, excluded: set[int]
    ) -> int | None:
        """The proposal ``m`` is a mention of, or None for a new one. ``excluded`` are the
        proposals whose own phrase contains ``m`` ("a document guaranteeing the agreement")."""
        cues = self.cues
        lemma = m.head.lemma_.lower()
        kinds = cues.agreement_kinds
        open_ = [i for i in range(len(proposals)) if i not in excluded]
        if m.background:
            # "The deal, brokered … in July 2022, …": the deal already named; "The 1974 accord":
            # the 1974 agreement
            same = [
                i
                for i in open_
                if lemma in proposals[i].heads or years(m.head) & self._years.get(i, set())
            ]
            if m.definite and same:
                return same[-1]
            background = [i for i in same if proposals[i].background]
            return background[-1] if background else None
        if m.counter:
            for index in open_:
                p = proposals[index]
                if p.counter and (
                    p.proposer == m.proposer or m.proposer is None or p.proposer is None
                ):
                    return index  # "Trump welcomed the response … Hamas's response": one text
            own = [
                i
                for i in open_
                if m.proposer is not None
                and proposals[i].proposer == m.proposer
                and not proposals[i].background
            ]
            if own:  # "Moscow's terms … Russia answered with a memorandum of its own": one text
                proposals[own[-1]].counter = True
                return own[-1]
            return None
        if m.proposer is not None:
            own = [
                i
                for i in open_
                if proposals[i].proposer == m.proposer and not proposals[i].background
            ]
            if own:
                plain = [i for i in own if not proposals[i].counter]
                return (plain or own)[-1]
            if (
                m.definite
                and focus in open_
                and proposals[focus].proposer is None
                and not proposals[focus].counter
                and (
                    lemma in proposals[focus].heads
                    or not proposals[focus].heads <= kinds | cues.agreement_heads
                )
            ):
                return focus  # "a ceasefire plan … the plan, drafted by Egypt, …" (not "the US-brokered
                # deal … the 20-point plan put forward by Trump": a plan is not the agreement)
            return None  # "Kyiv's 10-point formula", "a roadmap put forward by the Saudi side": new
        live = [i for i in open_ if not proposals[i].background]
        if (
            any(c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES for c in m.head.children)
            and self._last is not None
        ):
            if self._last in open_:
                return (
                    self._last
                )  # "a peace agreement signed in Washington … That accord commits …"
        if m.definite and lemma in kinds:
            authorless = [
                i
                for i in live
                if proposals[i].proposer is None
                and not proposals[i].counter
                and proposals[i].heads & (kinds | cues.phase_words)
            ]
            if authorless:
                return authorless[
                    -1
                ]  # "the agreement" the parties reached, not the plan it implements
            background = [
                i for i in open_ if proposals[i].background and lemma in proposals[i].heads
            ]
            if background:
                return background[-1]  # "the 2014 peace agreement … the Comprehensive Agreement"
        if m.definite:
            # "the initiative": the proposal last called so, else the one in focus; "the draft"
            # is not the answer to it
            pool = live
            if lemma not in cues.counter_heads:  # a text that is only an answer is not "the draft"
                pool = [i for i in live if not proposals[i].heads <= cues.counter_heads] or live
            same = [i for i in pool if lemma in proposals[i].heads]
            if same:
                return focus if focus in same else same[-1]
            if focus in pool:
                return focus
            return pool[-1] if pool else None
        if lemma in cues.reference_heads:
            # "signing a document … a short document in which …": a text named again
            same = [
                i
                for i in live
                if lemma in proposals[i].heads
                and proposals[i].proposer is None
                and not proposals[i].counter
            ]
            if same:
                return same[-1]
        if lemma in kinds and not self._introduced(m.head):
            # an authorless agreement is the one authorless agreement already in the story
            same = [
                i
                for i in live
                if proposals[i].proposer is None
                and not proposals[i].counter
                and proposals[i].heads & kinds
            ]
            if same:
                return same[-1]
        return None

    def _introduced(self, token: Token) -> bool:
        """ "a two-week truce brokered by the United States earlier this month": an indefinite
        agreement with a dated clause of its own saying when it was made is another agreement,
        brought into the story, not the one already in it ("a deal struck in Malaysia" is)."""
        dates = self._dates
        return any(
            c.dep_ in ("acl", "relcl")
            and c.lemma_.lower() in self.cues.status_of_verb
            and not any(g.dep_ == "neg" for g in c.children)
            and any(c.left_edge.i <= d < c.right_edge.i + 1 for d in dates)
            for c in token.children
        )

    @staticmethod
    def _parents(
        proposals: list[ProposalInfo], mentions: list[Mention], index_of: dict[int, int]
    ) -> None:
        """A counter-proposal answers the proposal it is a "response to", else the first
        proposal by another author."""
        for m in mentions:
            index = index_of.get(m.head.i)
            if index is None or not proposals[index].counter or proposals[index].parent is not None:
                continue
            for child in m.head.children:
                if child.dep_ == "prep" and child.lower_ in ("to", "on"):
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if obj is not None and obj.i in index_of and index_of[obj.i] != index:
                        proposals[index].parent = index_of[obj.i]
        for index, p in enumerate(proposals):
            if p.counter and p.parent is None:
                p.parent = next(
                    (
                        i
                        for i, q in enumerate(proposals)
                        if i != index
                        and not q.counter
                        and not q.background
                        and q.proposer != p.proposer
                    ),
                    None,
                )

    def _merge_descriptions(self, doc: Doc, proposals: list[ProposalInfo]) -> None:
        """ "A ceasefire … took effect after Israel and Lebanon accepted a U.S. proposal": an
        agreement without an author and an authored proposal in one sentence are one proposal."""
        for index, p in enumerate(proposals):
            if (
                p.proposer is not None
                or p.counter
                or p.background
                or not p.mentions
                or not (
                    p.heads & self.cues.agreement_heads | p.heads & {"agreement", "deal", "accord"}
                )
            ):
                continue
            sent = doc[p.mentions[0][0]].sent
            for other_index, q in enumerate(proposals):
                if other_index == index or q.proposer is None or q.counter or q.background:
                    continue
                if any(
                    sent.start <= s < sent.end and self._accepted(doc[s:e].root)
                    for s, e in q.mentions
                ):
                    q.mentions = sorted(q.mentions + p.mentions)
                    q.heads |= p.heads
                    if p.status_rank > q.status_rank:
                        q.status, q.status_rank = p.status, p.status_rank
                    p.mentions = []
                    break
        self._merge_accepted_truce(doc, proposals)
        kept = [p for p in proposals if p.mentions]
        remap = {id(p): n for n, p in enumerate(kept)}
        for p in kept:
            if p.parent is not None:
                parent = proposals[p.parent]
                p.parent = remap.get(id(parent))
        proposals[:] = kept

    def _merge_accepted_truce(self, doc: Doc, proposals: list[ProposalInfo]) -> None:
        """ "A ceasefire … is under strain. … Israel agreed to the US proposal for a bilateral
        ceasefire": the one truce in the story without an author is the authored proposal for
        a truce that a party took up."""
        truces = self.cues.agreement_heads
        authorless = [
            p
            for p in proposals
            if p.mentions
            and p.proposer is None
            and not p.counter
            and not p.background
            and p.heads & truces
        ]
        if len(authorless) != 1:
            return
        p = authorless[0]
        for q in proposals:
            if q is p or not q.mentions or q.proposer is None or q.counter or q.background:
                continue
            for s, e in q.mentions:
                root = doc[s:e].root
                holds_truce = any(t.lemma_.lower() in truces for t in root.subtree if t.i > root.i)
                if holds_truce and self._accepted(root):
                    q.mentions = sorted(q.mentions + p.mentions)
                    q.heads |= p.heads
                    if p.status_rank > q.status_rank:
                        q.status, q.status_rank = p.status, p.status_rank
                    p.mentions = []
                    return

    @staticmethod
    def _accepted(token: Token) -> bool:
        """ "… had both accepted a U.S. proposal": the proposal is what the parties took up."""
        head = token.head
        if token.dep_ == "pobj":
            head = head.head
        return token.dep_ in ("dobj", "pobj") and head.lemma_.lower() in (
            "accept",
            "agree",
            "approve",
            "sign",
            "endorse",
        )
