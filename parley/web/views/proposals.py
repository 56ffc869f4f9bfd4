"""The proposal page: terms and parameters, lineage, reports (and why each was merged), the
diff against its parent, and the positions taken on it."""

from typing import Any

from fastapi import APIRouter, Request

from ...negotiation.views import proposal_view
from ...vocabulary import polarity_of
from ..pages import dashboard, page
from ..urls import article_path, cell_path, negotiation_path, proposal_path, with_query

router = APIRouter(tags=["proposals"])


@page(router, "/proposals/{proposal_id}", "proposal.html", title=lambda d: f"{d['id']} {d['label']}",
      summary="A proposal: terms, lineage, reports with why each was merged, diff to its parent, positions")
def proposal(request: Request, proposal_id: str) -> dict[str, Any]:
    board = dashboard(request)
    picture = board.picture()
    view = proposal_view(picture, proposal_id)
    links = board.links()
    negotiation = picture.negotiation(view["negotiation"])
    labels = {p.id: p.label for p in negotiation.proposals} if negotiation else {}
    view["negotiation_name"] = negotiation.name if negotiation else view["negotiation"]
    view["urls"] = {
        "negotiation": negotiation_path(view["negotiation"]),
        "matrix": with_query(negotiation_path(view["negotiation"]), proposal=view["id"]),
        "parent": proposal_path(view["parent"]) if view["parent"] else None,
    }
    view["lineage"] = {
        "parent": {"id": view["parent"], "label": labels.get(view["parent"]), "url": proposal_path(view["parent"])}
        if view["parent"] else None,
        "children": [{"id": c, "label": labels.get(c), "url": proposal_path(c)} for c in view["children"]],
    }
    for t in view["terms"]:
        t["evidence_url"] = links.href(t["article"], t["quote"])
    for r in view["reports_detail"]:
        r["article_url"] = article_path(r["article"])
        r["evidence_url"] = links.href(r["article"], r["quote"])
    for p in view["positions"]:
        p["url"] = cell_path(view["negotiation"], p["actor"], p["proposal"], p["term"])
        p["polarity"] = polarity_of(p["latest"]["stance"])
        p["evidence_url"] = links.href(p["latest"]["article"], p["latest"]["quote"])
    return view
