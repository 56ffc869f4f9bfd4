"""``parley diff A B``: term by term, what one proposal adds, drops or changes against another.

Terms of one type are paired by their parameters (two prisoner releases stay apart by their
categories); a pair whose parameters differ lists each changed parameter with its old and
new value (truce 60 days → five years; hostages 10 → all).
"""

from __future__ import annotations

from typing import Any

from .model import CanonicalProposal, Diff, DiffEntry, TermView

__all__ = ["diff_proposals", "diff_terms"]


def _closeness(a: TermView, b: TermView) -> int:
    shared = set(a.params) & set(b.params)
    return sum(1 for k in shared if a.params[k] == b.params[k]) * 2 + len(shared) - (a.phase != b.phase)


def _pairs(old: list[TermView], new: list[TermView]) -> list[tuple[TermView | None, TermView | None]]:
    pairs: list[tuple[TermView | None, TermView | None]] = []
    left = list(old)
    for term in new:
        same = [t for t in left if t.type == term.type]
        if not same:
            pairs.append((None, term))
            continue
        best = max(same, key=lambda t: _closeness(t, term))
        left.remove(best)
        pairs.append((best, term))
    pairs.extend((t, None) for t in left)
    return pairs


def _value(params: dict[str, Any], key: str) -> Any:
    return params.get(key)


def diff_terms(old: list[TermView], new: list[TermView]) -> list[DiffEntry]:
    entries: list[DiffEntry] = []
    for a, b in _pairs(old, new):
        if a is None and b is not None:
            entries.append(DiffEntry("added", b.type, new=b.params or None))
        elif b is None and a is not None:
            entries.append(DiffEntry("dropped", a.type, old=a.params or None))
        elif a is not None and b is not None:
            keys = sorted(set(a.params) | set(b.params))
            # a parameter the newer text does not state is not a change: reports leave things out
            changed = [k for k in keys if _value(b.params, k) is not None and _value(a.params, k) != _value(b.params, k)]
            if not changed:
                entries.append(DiffEntry("unchanged", a.type))
            for key in changed:
                entries.append(DiffEntry("changed", a.type, key, _value(a.params, key), _value(b.params, key)))
    order = {"changed": 0, "added": 1, "dropped": 2, "unchanged": 3}
    return sorted(entries, key=lambda e: (order[e.change], e.term, e.param or ""))


def diff_proposals(old: CanonicalProposal, new: CanonicalProposal) -> Diff:
    """The difference between two canonical proposals' terms."""
    return Diff(old.id, new.id, diff_terms(old.terms(), new.terms()))
