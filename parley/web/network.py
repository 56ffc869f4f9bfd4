"""Who meets, mediates, relays, guarantees, hosts and backs whom: the network of a negotiation.

Each record gives relations (one per report; an edge's weight is how many reports it has):

* events: ``CONSULT`` with mode ``third-party`` → the actors *mediate* with the recipients;
  other ``CONSULT`` events → the actors *meet* the recipients (or each other, when reciprocal);
* roles: a ``mediator``, ``host`` or ``guarantor`` of the article → *mediates* / *hosts* /
  *guarantees* for each party the article names; a ``backer`` *backs* a party it has an event
  with (the side it backs is not otherwise recorded);
* proposals: the channel a proposal went through → each hop *relays* it (proposer → first
  channel actor → next …);
* ``guarantees`` terms: the guarantors *guarantee* the guaranteed party.

The layout is computed here, deterministically (the parties pinned on a wide ring, the others
relaxed by a fixed number of spring-layout steps), so the page draws the graph as inline SVG
with no script.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from ..record import Record

__all__ = ["KINDS", "Relation", "layout", "network_view", "relations_of"]

KINDS = ("meets", "mediates", "relays", "guarantees", "hosts", "backs")
_ROLE_KINDS = {"mediator": "mediates", "host": "hosts", "guarantor": "guarantees"}

WIDTH, HEIGHT, MARGIN = 1000, 600, 90
SYMMETRIC = frozenset({"meets"})  # drawn once per pair, without an arrow


@dataclass(frozen=True, slots=True)
class Relation:
    """One report that ``source`` did ``kind`` with/for ``target``."""

    kind: str
    source: str
    target: str
    date: str | None
    article_id: str
    basis: str  # what in the record says so: "event CONSULT/third-party", "role mediator", …


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def relations_of(record: Record) -> list[Relation]:
    """The relations one record reports (see the module docstring)."""
    article, published = record.article.id, record.article.published
    known = {a.id for a in record.actors}
    parties = [a.id for a in record.actors if "party" in a.roles]
    out: list[Relation] = []

    def add(kind: str, source: str, target: str, date: str | None, basis: str) -> None:
        if source and target and source != target:
            out.append(Relation(kind, source, target, date or published, article, basis))

    together: dict[str, set[str]] = {}
    for ev in record.events:
        for a in ev.actors:
            together.setdefault(a, set()).update(x for x in [*ev.actors, *ev.recipients] if x != a)
        for r in ev.recipients:
            together.setdefault(r, set()).update(ev.actors)
        if ev.type != "CONSULT":
            continue
        basis = f"event CONSULT/{ev.mode or '-'}"
        if ev.mode == "third-party":
            for a in ev.actors:
                for r in ev.recipients:
                    add("mediates", a, r, ev.date, basis)
        elif ev.recipients:
            for a in ev.actors:
                for r in ev.recipients:
                    add("meets", a, r, ev.date, basis)
        else:
            for a, b in combinations(ev.actors, 2):
                add("meets", a, b, ev.date, basis)
    for actor in record.actors:
        for role in actor.roles:
            if role in _ROLE_KINDS:
                for party in parties:
                    add(_ROLE_KINDS[role], actor.id, party, None, f"role {role}")
            elif role == "backer":
                for party in parties:
                    if party in together.get(actor.id, ()):
                        add("backs", actor.id, party, None, "role backer")
    for p in record.proposals:
        hops = [x for x in [p.proposer, *p.channel] if x]
        for a, b in zip(hops, hops[1:], strict=False):
            add("relays", a, b, None, f"channel of {p.label or p.id}")
        for t in p.terms:
            if t.type == "guarantees":
                targets = _as_list(t.params.get("guaranteed_party"))
                for g in _as_list(t.params.get("guarantors")):
                    for target in targets:
                        if g in known or target in known:
                            add("guarantees", g, target, None, "guarantees term")
    return out


def _ring(nodes: list[str], radius: float, offset: float = 0.0) -> dict[str, list[float]]:
    cx, cy = WIDTH / 2, HEIGHT / 2
    n = max(len(nodes), 1)
    return {node: [cx + radius * math.cos(2 * math.pi * i / n + math.pi + offset),
                   cy + radius * math.sin(2 * math.pi * i / n + math.pi + offset) * (HEIGHT - 2 * MARGIN) / (WIDTH - 2 * MARGIN)]
            for i, node in enumerate(nodes)}


def layout(parties: list[str], others: list[str], edges: Iterable[tuple[str, str, int]],
           steps: int = 80) -> dict[str, tuple[float, float]]:
    """Positions for the nodes: the parties pinned on a wide ring (two parties face each other
    left and right), the others on an inner ring, then relaxed by ``steps`` rounds of a
    Fruchterman–Reingold spring layout with the parties held in place. No randomness: the
    same input gives the same picture."""
    outer = (WIDTH - 2 * MARGIN) / 2
    pos = {**_ring(others, outer * 0.45, offset=math.pi / max(len(others), 1)), **_ring(parties, outer)}
    movable = [n for n in others if n in pos]
    nodes = [*parties, *movable]
    if movable:
        pairs = [(a, b, w) for a, b, w in edges if a in pos and b in pos and a != b]
        k = math.sqrt((WIDTH - 2 * MARGIN) * (HEIGHT - 2 * MARGIN) / len(nodes)) * 0.8
        temperature = WIDTH / 12
        for _ in range(steps):
            move = {n: [0.0, 0.0] for n in nodes}
            for a, b in combinations(nodes, 2):
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                dist = math.hypot(dx, dy) or 0.01
                force = k * k / dist
                move[a][0] += dx / dist * force
                move[a][1] += dy / dist * force
                move[b][0] -= dx / dist * force
                move[b][1] -= dy / dist * force
            for a, b, w in pairs:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                dist = math.hypot(dx, dy) or 0.01
                force = dist * dist / k * (1 + math.log(w)) / 4
                move[a][0] -= dx / dist * force
                move[a][1] -= dy / dist * force
                move[b][0] += dx / dist * force
                move[b][1] += dy / dist * force
            for n in movable:
                dx, dy = move[n]
                length = math.hypot(dx, dy) or 1.0
                step = min(length, temperature)
                pos[n][0] = min(WIDTH - MARGIN, max(MARGIN, pos[n][0] + dx / length * step))
                pos[n][1] = min(HEIGHT - MARGIN / 2, max(MARGIN / 2, pos[n][1] + dy / length * step))
            temperature *= 0.95
        ys = [pos[n][1] for n in nodes]
        shift = HEIGHT / 2 - (min(ys) + max(ys)) / 2  # centre the drawing vertically
        for n in movable:
            pos[n][1] += shift
    return {n: (round(p[0], 1), round(p[1], 1)) for n, p in pos.items()}


def _curve(x1: float, y1: float, x2: float, y2: float, bend: float, shorten: float = 16.0) -> dict[str, Any]:
    """An SVG quadratic path from (x1, y1) to (x2, y2), bent sideways by ``bend`` pixels and
    stopping ``shorten`` pixels short of the target node (room for the arrow)."""
    dx, dy = x2 - x1, y2 - y1
    dist = math.hypot(dx, dy) or 1.0
    mx, my = (x1 + x2) / 2 - dy / dist * bend, (y1 + y2) / 2 + dx / dist * bend
    tx, ty = x2 - mx, y2 - my
    tlen = math.hypot(tx, ty) or 1.0
    ex, ey = x2 - tx / tlen * shorten, y2 - ty / tlen * shorten
    return {"d": f"M{x1:.1f},{y1:.1f} Q{mx:.1f},{my:.1f} {ex:.1f},{ey:.1f}",
            "label_x": round((x1 + 2 * mx + ex) / 4, 1), "label_y": round((y1 + 2 * my + ey) / 4, 1)}


def network_view(relations: Iterable[Relation], parties: list[str], names: dict[str, str],
                 since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """Nodes and weighted edges of ``relations`` dated within [since, until] (ISO dates;
    undated relations are left out when a range is given), with a layout."""
    chosen = []
    for r in relations:
        day = (r.date or "")[:10]
        if (since or until) and not day:
            continue
        if since and day < since:
            continue
        if until and day > until:
            continue
        chosen.append(r)
    grouped: dict[tuple[str, str, str], list[Relation]] = {}
    for r in chosen:
        a, b = (min(r.source, r.target), max(r.source, r.target)) if r.kind in SYMMETRIC else (r.source, r.target)
        grouped.setdefault((a, b, r.kind), []).append(r)
    degree: dict[str, int] = {}
    for (a, b, _), reports in grouped.items():
        degree[a] = degree.get(a, 0) + len(reports)
        degree[b] = degree.get(b, 0) + len(reports)
    others = sorted((n for n in degree if n not in parties), key=lambda n: (-degree[n], n))
    nodes = [*parties, *others]
    weights: dict[tuple[str, str], int] = {}
    for (a, b, _), reports in grouped.items():
        key = (min(a, b), max(a, b))
        weights[key] = weights.get(key, 0) + len(reports)
    pos = layout(parties, others, [(a, b, w) for (a, b), w in weights.items()])
    heaviest = max((len(r) for r in grouped.values()), default=1)
    edges = []
    pair_index: dict[tuple[str, str], int] = {}
    for (a, b, kind), reports in sorted(grouped.items(), key=lambda item: (KINDS.index(item[0][2]), item[0])):
        key = (min(a, b), max(a, b))
        index = pair_index.get(key, 0)
        pair_index[key] = index + 1
        bend = (index + 1) // 2 * 22 * (1 if index % 2 else -1) + 10
        if (a, b) != key:
            bend = -bend
        articles = list(dict.fromkeys(r.article_id for r in reports))
        directed = kind not in SYMMETRIC
        dates = sorted(d for d in {(r.date or "")[:10] for r in reports} if d)
        edges.append({
            "source": a, "target": b, "kind": kind, "weight": len(reports),
            "width": round(1.5 + 6 * math.sqrt(len(reports) / heaviest), 1),
            "first": dates[0] if dates else None, "last": dates[-1] if dates else None,
            "directed": directed, "articles": articles, "basis": sorted({r.basis for r in reports}),
            **_curve(*pos[a], *pos[b], bend, shorten=(12 + min(degree.get(b, 0), 40) // 4) if directed else 0),
        })
    return {
        "from": since, "to": until, "kinds": list(KINDS),
        "nodes": [{"id": n, "name": names.get(n, n), "party": n in parties, "reports": degree.get(n, 0),
                   "x": pos[n][0], "y": pos[n][1], "r": 9 + min(degree.get(n, 0), 40) // 4,
                   "label_y": round(pos[n][1] + 24 + min(degree.get(n, 0), 40) // 4, 1)}
                  for n in nodes],
        "edges": edges, "width": WIDTH, "height": HEIGHT,
    }
