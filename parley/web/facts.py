"""The facts of a stored record, each with the character spans of the text that say it.

The idea of ``parley explain``, for records already in the store: an extracted record carries
``mentions``/``evidence`` offsets; a gold or imported record may carry a ``quote`` instead (found
in the text here) and actors, people and sources without mentions (their names and aliases are
found in the text as whole words).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..record import Record

__all__ = ["LAYERS", "Fact", "locate", "record_facts"]

LAYERS = ("actor", "person", "source", "proposal", "term", "stance", "event")

MAX_NAME_HITS = 50  # occurrences of one name looked up in a text without mentions


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact of a record: its number (1-based, the anchor ``f-N``), its layer, a line for
    people, where the text says it, and the fact's own data."""

    number: int
    layer: str
    summary: str
    spans: tuple[tuple[int, int], ...]
    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {"number": self.number, "layer": self.layer, "summary": self.summary,
                "spans": [list(s) for s in self.spans], "data": self.data}


def locate(text: str, quote: str | None) -> tuple[int, int] | None:
    """The span of the first occurrence of ``quote`` in ``text``."""
    if not quote:
        return None
    start = text.find(quote)
    return (start, start + len(quote)) if start >= 0 else None


def _valid(text: str, spans: Sequence[Sequence[int]] | None) -> list[tuple[int, int]]:
    return [(int(s), int(e)) for s, e in spans or () if 0 <= s < e <= len(text)]


def _evidence(text: str, evidence: Sequence[Sequence[int]] | None, quote: str | None) -> tuple[tuple[int, int], ...]:
    spans = _valid(text, evidence)
    if not spans:
        found = locate(text, quote)
        spans = [found] if found else []
    return tuple(spans)


def _names(text: str, names: Sequence[str | None]) -> tuple[tuple[int, int], ...]:
    """Whole-word occurrences of any of ``names`` (longest first, not overlapping)."""
    wanted = sorted({n for n in names if n and n.strip()}, key=len, reverse=True)
    if not wanted:
        return ()
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, wanted)) + r")(?!\w)")
    spans = []
    for match in pattern.finditer(text):
        spans.append(match.span())
        if len(spans) >= MAX_NAME_HITS:
            break
    return tuple(spans)


def _mentions(text: str, mentions: Sequence[Sequence[int]], names: Sequence[str | None]) -> tuple[tuple[int, int], ...]:
    return tuple(_valid(text, mentions)) or _names(text, names)


def record_facts(record: Record, text: str) -> list[Fact]:
    """Every fact of ``record`` in a fixed order (actors, people, sources, proposals with
    their terms, stances, events), numbered from 1."""
    facts: list[Fact] = []

    def add(layer: str, summary: str, spans: tuple[tuple[int, int], ...], data: dict[str, Any]) -> None:
        facts.append(Fact(len(facts) + 1, layer, summary, spans, data))

    for a in record.actors:
        roles = ", ".join(a.roles) or "no stated role"
        add("actor", f"{a.name} ({a.id}) — {roles}", _mentions(text, a.mentions, [a.name, *(a.aliases or [])]),
            {"id": a.id, "name": a.name, "kind": a.kind, "roles": list(a.roles)})
    for person in record.people:
        about = ", ".join(x for x in (person.title, person.affiliation) if x) or "no title"
        add("person", f"{person.name} — {about}", _mentions(text, person.mentions, [person.name]),
            {"name": person.name, "title": person.title, "affiliation": person.affiliation})
    for s in record.sources:
        add("source", f"{s.id} {s.kind}: {s.name or 'unnamed'}" + (f" ({s.affiliation})" if s.affiliation else ""),
            _mentions(text, s.mentions, [s.name]),
            {"id": s.id, "kind": s.kind, "name": s.name, "affiliation": s.affiliation})
    for p in record.proposals:
        via = f" via {' → '.join(p.channel)}" if p.channel else ""
        parent = f", answers {p.parent}" if p.parent else ""
        add("proposal", f"{p.id} {p.label or 'unlabelled proposal'!r} by {p.proposer or 'no named author'}"
            f" [{p.status or 'no status'}]{via}{parent}", _evidence(text, p.evidence, p.quote),
            {"id": p.id, "label": p.label, "proposer": p.proposer, "status": p.status,
             "channel": list(p.channel), "parent": p.parent})
        for t in p.terms:
            phase = f" (phase {t.phase})" if t.phase else ""
            params = "; ".join(f"{k}={v}" for k, v in t.params.items())
            add("term", f"{p.id} {t.type}{phase}" + (f": {params}" if params else ""),
                _evidence(text, t.evidence, t.quote),
                {"proposal": p.id, "type": t.type, "params": t.params, "phase": t.phase})
    for st in record.stances:
        target = (st.proposal or "?") + (f".{st.term}" if st.term else "")
        speaker = f", said {st.speaker}" if st.speaker else ""
        conditions = f" if {'; '.join(st.conditions)}" if st.conditions else ""
        add("stance", f"{st.actor} {st.stance} {target} ({st.certainty}){speaker}{conditions}",
            _evidence(text, st.evidence, st.quote),
            {"actor": st.actor, "stance": st.stance, "proposal": st.proposal, "term": st.term,
             "certainty": st.certainty, "speaker": st.speaker, "conditions": list(st.conditions)})
    for ev in record.events:
        who = ", ".join(ev.actors) + (" → " + ", ".join(ev.recipients) if ev.recipients else "")
        when = f" on {ev.date}" if ev.date else ""
        where = f" in {ev.location}" if ev.location else ""
        add("event", f"{ev.type}{'/' + ev.mode if ev.mode else ''} {who}{when}{where}",
            _evidence(text, ev.evidence, ev.quote),
            {"type": ev.type, "mode": ev.mode, "actors": list(ev.actors), "recipients": list(ev.recipients),
             "date": ev.date, "location": ev.location})
    return facts
