"""Proposal identity across articles: the same proposal reported by many outlets is one.

Reports are taken in date order (then article id), so the result does not depend on the
order articles were ingested in. Each report joins the canonical proposal it scores best
with, or starts a new one:

- **proposer** — reports by different authors are never the same proposal; an authorless
  agreement only joins another authorless agreement;
- **lineage** — inside one article, a proposal and the one it answers or revises are two
  proposals, and their canonical proposals are linked parent → child; a report whose parent
  in its article sits in canonical proposal X cannot join X, and a parent whose child already
  sits in a revision joins that revision's parent;
- **labels** — "21-point" and "20-point" cannot be one proposal; shared words count;
- **terms** — the share of term types in common counts;
- **family** — two authorless agreements under the same parent are likely the same;
- **time** — reports more than ``MAX_GAP_DAYS`` apart are not merged.

A report by a named proposer joins that proposer's latest compatible proposal when nothing
speaks against it; an authorless one needs ``THRESHOLD``. Every decision is written down in
the report's ``reason`` (``parley proposals --why``). Analysts' corrections (``split``,
``merge``) override the scoring.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from .model import CanonicalProposal, ProposalReport

__all__ = ["MAX_GAP_DAYS", "THRESHOLD", "Override", "assign_proposals", "proposal_id"]

THRESHOLD = 0.45
MAX_GAP_DAYS = 180
_GENERIC = frozenset(
    {
        "the", "a", "an", "of", "for", "to", "on", "in", "and", "with", "its", "his", "her", "their",
        "plan", "proposal", "deal", "agreement", "accord", "framework", "draft", "offer", "initiative",
        "document", "text", "paper", "package", "s", "'s", "new", "latest", "revised", "ceasefire",
        "truce", "peace", "gaza",
    }
)
_NUMBERED = re.compile(r"\b(\d+)[- ](point|article|clause|page)\b", re.I)


@dataclass(frozen=True, slots=True)
class Override:
    """An analyst's correction: keep a report apart, or put it with another proposal."""

    action: str  # split | merge
    report: str  # "<article id>#<local id>"
    target: str | None = None  # for merge: another report's key; its proposal is the target


def proposal_id(report_key: str) -> str:
    """A stable id for the canonical proposal first reported as ``report_key``."""
    return "P" + hashlib.sha1(report_key.encode()).hexdigest()[:6]


def _words(label: str | None) -> set[str]:
    if not label:
        return set()
    return {w for w in re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", label.lower()) if w not in _GENERIC}


def _numbers(label: str | None) -> set[str]:
    return {m.group(1) for m in _NUMBERED.finditer(label or "")}


def _days(a: str | None, b: str | None) -> int | None:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days) if a and b else None
    except ValueError:
        return None


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


class _Assigner:
    def __init__(self, negotiation: str, overrides: Sequence[Override]):
        self.negotiation = negotiation
        self.proposals: list[CanonicalProposal] = []
        self.by_report: dict[str, CanonicalProposal] = {}
        self.locked: set[str] = set()  # proposals made by a split: no other report joins them
        self.splits: set[str] = set()
        self.merges: dict[str, str] = {}
        for o in overrides:  # in the order they were made: the later correction wins
            if o.action == "split":
                self.splits.add(o.report)
                self.merges.pop(o.report, None)
            elif o.action == "merge" and o.target:
                self.merges[o.report] = o.target
                self.splits.discard(o.report)

    def new(self, report: ProposalReport, reason: str) -> CanonicalProposal:
        proposal = CanonicalProposal(proposal_id(report.key), self.negotiation, report.proposer)
        self.proposals.append(proposal)
        self.join(proposal, report, reason)
        return proposal

    def join(self, proposal: CanonicalProposal, report: ProposalReport, reason: str) -> None:
        report.reason = reason
        proposal.reports.append(report)
        self.by_report[report.key] = proposal

    def score(self, proposal: CanonicalProposal, report: ProposalReport, parent: CanonicalProposal | None) -> tuple[float, str] | None:
        """How well ``report`` fits ``proposal`` (None: it cannot be the same)."""
        if proposal.proposer != report.proposer or proposal.id in self.locked:
            return None
        if any(r.article_id == report.article_id for r in proposal.reports):
            return None  # one article's proposals are distinct by definition
        gap = _days(proposal.last_reported, report.published)
        if gap is not None and gap > MAX_GAP_DAYS:
            return None
        numbers = set().union(*(_numbers(r.label) for r in proposal.reports)) if proposal.reports else set()
        mine = _numbers(report.label)
        if numbers and mine and not numbers & mine:
            return None
        reasons = []
        score = 0.0
        if numbers & mine:
            score += 2.0
            reasons.append(f"same numbered label ({', '.join(sorted(numbers & mine))})")
        words = set().union(*(_words(r.label) for r in proposal.reports))
        shared_words = _jaccard(words, _words(report.label))
        if shared_words:
            score += shared_words
            reasons.append(f"labels share {', '.join(sorted(words & _words(report.label)))}")
        types = {t.type for t in proposal.terms()}
        mine_types = {t.type for t in report.terms}
        overlap = _jaccard(types, mine_types)
        if overlap:
            score += overlap
            reasons.append(f"terms overlap {overlap:.2f}")
        if parent is not None and proposal.parent == parent.id:
            score += 0.6
            reasons.append(f"same parent {parent.id}")
        if not proposal.children:
            score += 0.3
            reasons.append("latest version in its lineage")
        if gap is not None:
            reasons.append(f"{gap} day(s) apart")
        return score, "; ".join(reasons)

    def provisional(self, report: ProposalReport) -> CanonicalProposal | None:
        """Where ``report`` would go if placed now (used before its article's parent is placed)."""
        scored = [(s[0], p) for p in self.proposals if (s := self.score(p, report, None)) is not None]
        if not scored:
            return None
        best_score, best = max(scored, key=lambda c: (c[0], c[1].last_reported or ""))
        return best if best_score >= 0.3 else None

    def place(
        self,
        report: ProposalReport,
        parent_local: CanonicalProposal | None,
        child_canonical: CanonicalProposal | None,
        parent_hint: CanonicalProposal | None = None,
    ) -> None:
        if report.key in self.splits:
            self.locked.add(self.new(report, "kept apart by an analyst (parley split)").id)
            return
        target_key = self.merges.get(report.key)
        if target_key and target_key in self.by_report:
            self.join(self.by_report[target_key], report, f"merged by an analyst with {target_key}")
            return
        if child_canonical is not None and child_canonical.parent is not None:
            parent = next(p for p in self.proposals if p.id == child_canonical.parent)
            if report.proposer == parent.proposer and not any(r.article_id == report.article_id for r in parent.reports):
                self.join(parent, report, f"the article's {child_canonical.id} revises or answers it")
                return
        candidates = []
        for proposal in self.proposals:
            if parent_local is not None and proposal is parent_local:
                continue
            if child_canonical is not None and proposal is child_canonical:
                continue
            scored = self.score(proposal, report, parent_local or parent_hint)
            if scored is not None:
                candidates.append((scored[0], proposal, scored[1]))
        if candidates:
            best_score, best, why = max(candidates, key=lambda c: (c[0], c[1].last_reported or ""))
            named = report.proposer is not None
            if best_score >= THRESHOLD or (named and best_score >= 0.3):
                self.join(best, report, f"same proposer {report.proposer or '(none)'}; {why}")
                return
        self.new(report, "first report" if not candidates else "no earlier report fits well enough")


def assign_proposals(
    negotiation: str,
    reports_by_article: Iterable[list[ProposalReport]],
    overrides: Sequence[Override] = (),
) -> list[CanonicalProposal]:
    """Canonical proposals from each article's reports (articles in date order)."""
    assigner = _Assigner(negotiation, overrides)
    for reports in reports_by_article:
        local = {r.local_id: r for r in reports}
        children_first = sorted(reports, key=lambda r: (r.local_parent is None, r.local_id))
        placed: dict[str, CanonicalProposal] = {}
        for report in children_first:
            parent_local = placed.get(report.local_parent) if report.local_parent else None
            hint = None
            if report.local_parent and parent_local is None and report.local_parent in local:
                hint = assigner.provisional(local[report.local_parent])
            child = next(
                (placed[r.local_id] for r in reports if r.local_parent == report.local_id and r.local_id in placed),
                None,
            )
            assigner.place(report, parent_local, child, hint)
            placed[report.local_id] = assigner.by_report[report.key]
        for report in reports:  # lineage from the article's own parent links
            if report.local_parent and report.local_parent in local:
                child = placed[report.local_id]
                parent = placed[report.local_parent]
                if child is not parent and child.parent is None:
                    child.parent = parent.id
                    if child.id not in parent.children:
                        parent.children.append(child.id)
    for proposal in assigner.proposals:
        proposal.reports.sort(key=lambda r: (r.published or "", r.article_id, r.local_id))
        parent = next((p for p in assigner.proposals if p.id == proposal.parent), None)
        if parent is None:
            proposal.kind = "agreement" if proposal.proposer is None else "original"
        elif proposal.proposer is None:
            proposal.kind = "agreement"
        elif proposal.proposer == parent.proposer:
            proposal.kind = "revision"
        else:
            proposal.kind = "counter"
    return assigner.proposals
