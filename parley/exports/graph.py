"""``--format graphml``: the actor network of every negotiation, as GraphML.

One directed graph (``edgedefault="directed"``) holds every actor of every stored record.
Nodes are actors, their GraphML id the Parley actor id, with ``label`` and ``name`` (the
name most records give), ``kind``, ``country``, ``roles`` (every role any article gives it,
``;``-joined), ``negotiations`` (the negotiations of the articles that name it) and
``articles`` (how many articles name it).

Edges are typed relations, one edge per (source, target, type), each with ``label`` and
``type``, ``weight`` (the number of articles that report the relation), ``first_date`` and
``last_date`` (ISO; an event's date, else the article's publication date), ``articles``
and ``negotiations`` (``;``-joined ids). Two actors may be joined by several edges of
different types: the file is a multigraph with edge ids (``networkx.read_graphml`` returns a
``MultiDiGraph``; Gephi imports the edges as parallel edges). The types:

- ``meets``: a CONSULT event (visit, phone call, multilateral meeting) between its actors
  and recipients, or among the actors of a reciprocal meeting. Meeting is mutual: one edge
  per pair, from the smaller id to the larger.
- ``mediates_for``: mediator → party, from CONSULT ``third-party`` events (the mediators are
  the actors, the parties the recipients) and from the ``mediator`` role (→ every party of
  the article's negotiation). ``facilitates_for``, ``guarantees_for`` and ``hosts`` come
  from the ``facilitator``, ``guarantor`` and ``host`` roles the same way; ``guarantees_for``
  also from ``guarantees`` terms (``guarantors`` → ``guaranteed_party``, else the parties).
- ``relays_for``: relay → proposer, from each proposal's ``channel``.
- ``proposes_to``: proposer → every party of the negotiation other than itself.
- ``supports`` / ``opposes``: an actor's stance on a proposal (support or oppose polarity,
  VOCABULARY.md) → the proposal's proposer (the proposer's own ``proposes`` excluded).
- From the other events, actor → recipient: ``requests`` (REQUEST), ``agrees_with`` (AGREE;
  a reciprocal agreement joins its actors pairwise as ``meets`` does), ``rejects``
  (REJECT), ``backs`` (SUPPORT), ``concedes_to`` (CONCEDE), ``yields_to`` (RETREAT), ``aids``
  (AID), ``accuses`` (ACCUSE), ``threatens`` (THREATEN), ``sanctions`` (SANCTION),
  ``protests`` (PROTEST), ``mobilizes_against`` (MOBILIZE), ``coerces`` (COERCE), ``attacks``
  (ASSAULT), ``cooperates_with`` (COOPERATE, mutual). An event with no recipient and one
  actor makes no edge.

The ``backer`` role names no side, so it shows in a node's ``roles`` but makes no edge.
The file is written with the standard library; nodes are sorted by id and edges by
(source, target, type), so the same store always gives the same file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any
from xml.etree import ElementTree as ET

from ..record import Record
from ..vocabulary import polarity_of
from .source import (
    ExportResult,
    ExportSource,
    Source,
    Target,
    actor_names,
    iso_date,
    open_target,
    registry_actor,
)

__all__ = ["EDGE_TYPES", "export_graphml"]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"

EVENT_EDGES = {
    "REQUEST": "requests", "AGREE": "agrees_with", "REJECT": "rejects", "SUPPORT": "backs",
    "CONCEDE": "concedes_to", "RETREAT": "yields_to", "AID": "aids", "ACCUSE": "accuses",
    "THREATEN": "threatens", "SANCTION": "sanctions", "PROTEST": "protests",
    "MOBILIZE": "mobilizes_against", "COERCE": "coerces", "ASSAULT": "attacks",
    "COOPERATE": "cooperates_with",
}
ROLE_EDGES = {"mediator": "mediates_for", "facilitator": "facilitates_for",
              "guarantor": "guarantees_for", "host": "hosts"}
MUTUAL = {"meets", "cooperates_with"}
RECIPROCAL = {"CONSULT": "meets", "AGREE": "agrees_with", "COOPERATE": "cooperates_with"}

EDGE_TYPES = tuple(dict.fromkeys([
    "meets", *ROLE_EDGES.values(), "relays_for", "proposes_to", "supports", "opposes",
    *EVENT_EDGES.values(),
]))
"""Every edge type the export writes."""

NODE_KEYS = (("label", "string"), ("name", "string"), ("kind", "string"), ("country", "string"),
             ("roles", "string"), ("negotiations", "string"), ("articles", "int"))
EDGE_KEYS = (("label", "string"), ("type", "string"), ("weight", "double"),
             ("first_date", "string"), ("last_date", "string"), ("articles", "string"),
             ("negotiations", "string"))

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(slots=True)
class _Relation:
    dates: set[str] = field(default_factory=set)
    articles: dict[str, None] = field(default_factory=dict)
    negotiations: dict[str, None] = field(default_factory=dict)


class _Network:
    def __init__(self) -> None:
        self.edges: dict[tuple[str, str, str], _Relation] = {}

    def add(self, source: str | None, target: str | None, kind: str, article: str,
            date: str | None, negotiation: str | None) -> None:
        if not source or not target or source == target:
            return
        if kind in MUTUAL and target < source:
            source, target = target, source
        rel = self.edges.setdefault((source, target, kind), _Relation())
        if date:
            rel.dates.add(date)
        rel.articles[article] = None
        if negotiation:
            rel.negotiations[negotiation] = None

    def add_record(self, record: Record, parties: list[str], negotiation: str | None) -> None:
        aid = record.article.id
        published = iso_date(record.article.published)

        def add(source: str | None, target: str | None, kind: str, date: str | None = None) -> None:
            self.add(source, target, kind, aid, date or published, negotiation)

        for actor in record.actors:
            for role in actor.roles:
                if role in ROLE_EDGES:
                    for party in parties:
                        add(actor.id, party, ROLE_EDGES[role])
        proposers = {p.id: p.proposer for p in record.proposals}
        for p in record.proposals:
            for relay in p.channel:
                add(relay, p.proposer, "relays_for")
            for party in parties:
                add(p.proposer, party, "proposes_to")
            for term in p.terms:
                if term.type == "guarantees":
                    guarantors = _ids(term.params.get("guarantors"))
                    for guarantor in guarantors:
                        for party in _ids(term.params.get("guaranteed_party")) or parties:
                            add(guarantor, party, "guarantees_for")
        for stance in record.stances:
            proposer = proposers.get(stance.proposal) if stance.proposal else None
            if proposer is None or stance.stance == "proposes":
                continue
            polarity = polarity_of(stance.stance)
            if polarity in ("support", "oppose"):
                add(stance.actor, proposer, "supports" if polarity == "support" else "opposes")
        for event in record.events:
            date = iso_date(event.date)
            if event.type == "CONSULT":
                kind = "mediates_for" if event.mode == "third-party" else "meets"
            else:
                kind = EVENT_EDGES.get(event.type, event.type.lower())
            for actor_id in event.actors:
                for recipient in event.recipients:
                    add(actor_id, recipient, kind, date)
            if not event.recipients and event.type in RECIPROCAL:
                for i, a in enumerate(event.actors):
                    for b in event.actors[i + 1:]:
                        add(a, b, RECIPROCAL[event.type], date)


def _ids(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def export_graphml(source: Source, target: Target) -> ExportResult:
    """Write the actor network of ``source`` to ``target`` as GraphML."""
    data = ExportSource.of(source)
    result = data.result("graphml")
    picture = data.picture
    negotiation_of = data.negotiation_of()
    parties_of = {n.id: list(n.parties) for n in picture.negotiations}
    network = _Network()
    seen: dict[str, dict[str, None]] = {}
    named: dict[str, int] = {}
    for record, _ in data.items:
        negotiation = negotiation_of.get(record.article.id)
        if negotiation is not None:
            parties = parties_of[negotiation]
        else:
            parties = [a.id for a in record.actors if "party" in a.roles]
        network.add_record(record, parties, negotiation)
        for actor in record.actors:
            named[actor.id] = named.get(actor.id, 0) + 1
            if negotiation:
                seen.setdefault(actor.id, {})[negotiation] = None
        result.articles += 1
    actors = actor_names(data.items)
    ids = set(actors) | {k[0] for k in network.edges} | {k[1] for k in network.edges}
    root = ET.Element("graphml", {"xmlns": GRAPHML_NS, "xmlns:xsi": XSI_NS,
                                  "xsi:schemaLocation": f"{GRAPHML_NS} {SCHEMA}"})
    for where, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(root, "key", {"id": f"{where[0]}_{name}", "for": where,
                                        "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, "graph", {"id": "parley", "edgedefault": "directed"})
    for actor_id in sorted(ids):
        info = actors.get(actor_id) or registry_actor(actor_id)
        negotiations = dict(seen.get(actor_id, {}))
        for (s, t, _), rel in network.edges.items():
            if actor_id in (s, t):
                negotiations.update(rel.negotiations)
        node = ET.SubElement(graph, "node", {"id": actor_id})
        _data(node, "n", {"label": info["name"], "name": info["name"], "kind": info["kind"],
                          "country": info["country"], "roles": ";".join(info["roles"]),
                          "negotiations": ";".join(sorted(negotiations)),
                          "articles": named.get(actor_id, 0)})
    for number, ((s, t, kind), rel) in enumerate(sorted(network.edges.items())):
        edge = ET.SubElement(graph, "edge", {"id": f"e{number}", "source": s, "target": t})
        dates = sorted(rel.dates)
        _data(edge, "e", {"label": kind, "type": kind, "weight": len(rel.articles),
                          "first_date": dates[0] if dates else None,
                          "last_date": dates[-1] if dates else None,
                          "articles": ";".join(rel.articles),
                          "negotiations": ";".join(sorted(rel.negotiations))})
    ET.indent(root)
    with open_target(target) as out:
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        out.write(ET.tostring(root, encoding="unicode"))
        out.write("\n")
    result.counts = {"nodes": len(ids), "edges": len(network.edges)}
    result.rows = len(network.edges)
    return result


def _data(element: ET.Element, prefix: str, values: dict[str, Any]) -> None:
    for name, value in values.items():
        if value is None or value == "":
            continue  # GraphML: an absent value (the key's default), not an empty string
        ET.SubElement(element, "data", {"key": f"{prefix}_{name}"}).text = _NOT_XML.sub("", str(value))
