"""Negotiation pages: the overview, the positions matrix, one cell's history, the network and
the timeline."""

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request

from ...errors import NotFoundError
from ...negotiation.model import Negotiation
from ...negotiation.positions import cell
from ...negotiation.views import (
    actors_view,
    find_negotiation,
    negotiations_view,
    positions_view,
    proposals_view,
    timeline_view,
)
from ...vocabulary import STANCE_POLARITY, polarity_of
from ..network import network_view
from ..pages import Dashboard, dashboard, page
from ..urls import WHOLE_PROPOSAL, cell_path, negotiation_path, proposal_path, with_query

router = APIRouter(tags=["negotiations"])


def _negotiation(board: Dashboard, ref: str) -> Negotiation:
    return find_negotiation(board.picture(), ref)


def _names(board: Dashboard) -> dict[str, str]:
    return {a["actor"]: a["name"] for a in actors_view(board.picture())}


def _links(n: Negotiation) -> dict[str, str]:
    return {"page": negotiation_path(n.id), "network": negotiation_path(n.id, "network"),
            "timeline": negotiation_path(n.id, "timeline")}


@page(router, "/", "index.html", title="Negotiations",
      summary="Every negotiation: parties, mediators, latest proposal, last change, article count")
def overview(request: Request) -> dict[str, Any]:
    board = dashboard(request)
    snapshot = board.snapshot()
    names = _names(board)
    items = []
    for view, n in zip(negotiations_view(snapshot.picture), snapshot.picture.negotiations, strict=True):
        latest = view["latest_proposal"]
        if latest is not None:
            latest["url"] = proposal_path(latest["id"])
        view["names"] = {a: names.get(a, a) for a in {*n.parties, *(r.actor for r in n.roles)}}
        view["links"] = _links(n)
        items.append(view)
    return {"negotiations": items, "articles": board.store.count(),
            "unassigned": board.article_refs(snapshot.picture.unassigned)}


@page(router, "/negotiations/{negotiation_id}", "negotiation.html",
      title=lambda d: d["name"], summary="A negotiation: the positions matrix of a proposal, its proposals and actors")
def negotiation(
    request: Request,
    negotiation_id: str,
    proposal: Annotated[str | None, Query(description="Proposal id (default: the current proposal)")] = None,
    since: Annotated[date | None, Query(description="List the positions changed on or after this date")] = None,
) -> dict[str, Any]:
    board = dashboard(request)
    n = _negotiation(board, negotiation_id)
    links = board.links()
    proposals = proposals_view(n)
    for p in proposals:
        p["url"] = with_query(negotiation_path(n.id), proposal=p["id"])
        p["page"] = proposal_path(p["id"])
    matrix: dict[str, Any] | None
    try:
        matrix = positions_view(n, proposal, since.isoformat() if since else None)
    except NotFoundError:
        if proposal is not None:
            raise
        matrix = None  # a negotiation with no proposal yet
    if matrix is not None:
        matrix["proposal"]["url"] = proposal_path(matrix["proposal"]["id"])
        for row in matrix["rows"]:
            for term, c in row["cells"].items():
                c["url"] = cell_path(n.id, row["actor"], matrix["proposal"]["id"], None if term == "*" else term)
                c["polarity"] = polarity_of(c["latest"]["stance"])
                c["evidence_url"] = links.href(c["latest"]["article"], c["latest"]["quote"])
        for c in matrix["changed"]:
            c["url"] = cell_path(n.id, c["actor"], c["proposal"], c["term"])
    roles = [a for a in actors_view(board.picture()) if a["negotiation"] == n.id]
    view = next(v for v in negotiations_view(board.picture()) if v["id"] == n.id)
    return {**view, "links": _links(n), "positions": matrix, "proposals": proposals, "actors": roles,
            "articles_list": board.article_refs(n.articles),
            "polarities": {k: list(v) for k, v in STANCE_POLARITY.items()}}


@page(router, "/negotiations/{negotiation_id}/positions/{actor}/{proposal_id}/{term}", "cell.html",
      title=lambda d: f"{d['actor_name']} on {d['proposal']['label']}" + (f" · {d['term']}" if d["term"] else ""),
      summary="One cell of the positions matrix: an actor's stance on a proposal or term, its history and evidence")
def position(request: Request, negotiation_id: str, actor: str, proposal_id: str, term: str) -> dict[str, Any]:
    board = dashboard(request)
    n = _negotiation(board, negotiation_id)
    proposal = n.proposal(proposal_id)
    if proposal is None:
        raise NotFoundError(f"no proposal {proposal_id!r} in {n.name}")
    term_type = None if term == WHOLE_PROPOSAL else term
    found = cell(n.positions, actor, proposal_id, term_type)
    if found is None:
        raise NotFoundError(f"{actor} has no reported position on {proposal_id}" + (f" {term_type}" if term_type else ""))
    links = board.links()
    history = []
    for e in found.history:
        history.append({
            "date": e.date, "stance": e.stance, "polarity": polarity_of(e.stance), "certainty": e.certainty,
            "speaker": e.speaker, "source": e.source, "conditions": list(e.conditions), "quote": e.quote,
            "article": e.article_id, "evidence_url": links.href(e.article_id, e.quote),
        })
    names = _names(board)
    return {
        "negotiation": {"id": n.id, "name": n.name, "url": negotiation_path(n.id)},
        "actor": actor, "actor_name": names.get(actor, actor), "term": term_type,
        "inherited": term_type is not None and found.term is None,
        "proposal": {"id": proposal.id, "label": proposal.label, "url": proposal_path(proposal.id),
                     "matrix_url": with_query(negotiation_path(n.id), proposal=proposal.id)},
        "latest": {"stance": found.latest.stance, "polarity": polarity_of(found.latest.stance),
                   "date": found.latest.date, "certainty": found.latest.certainty},
        "changed": found.changed, "history": history,
    }


@page(router, "/negotiations/{negotiation_id}/network", "network.html", title=lambda d: f"{d['name']}: network",
      summary="Who meets, mediates, relays, guarantees, hosts and backs whom, weighted by reports")
def network(
    request: Request,
    negotiation_id: str,
    since: Annotated[date | None, Query(alias="from", description="First date (ISO) of the reports counted")] = None,
    until: Annotated[date | None, Query(alias="to", description="Last date (ISO) of the reports counted")] = None,
) -> dict[str, Any]:
    board = dashboard(request)
    snapshot = board.snapshot()
    n = find_negotiation(snapshot.picture, negotiation_id)
    members = set(n.articles)
    relations = [r for r in snapshot.relations if r.article_id in members]
    view = network_view(relations, n.parties, _names(board),
                        since.isoformat() if since else None, until.isoformat() if until else None)
    for edge in view["edges"]:
        edge["article_urls"] = board.article_refs(edge["articles"])
    dates = sorted({(r.date or "")[:10] for r in relations if r.date})
    return {"id": n.id, "name": n.name, "links": _links(n), **view,
            "dates": {"first": dates[0] if dates else None, "last": dates[-1] if dates else None}}


@page(router, "/negotiations/{negotiation_id}/timeline", "timeline.html", title=lambda d: f"{d['name']}: timeline",
      summary="Proposals, stance changes and events by date, with their sources")
def timeline(request: Request, negotiation_id: str) -> dict[str, Any]:
    board = dashboard(request)
    n = _negotiation(board, negotiation_id)
    entries = timeline_view(n)
    for e in entries:
        e["article_urls"] = board.article_refs(e["articles"])
        data = e.get("data") or {}
        e["url"] = e["polarity"] = None
        if e["kind"] == "proposal":
            e["url"] = proposal_path(data["proposal"])
        elif e["kind"] == "stance":
            e["url"] = cell_path(n.id, data["actor"], data["proposal"], data["term"])
            e["polarity"] = data.get("polarity")
    return {"id": n.id, "name": n.name, "links": _links(n), "entries": entries}
