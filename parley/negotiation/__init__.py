"""The negotiation across articles: grouping, proposal identity and lineage, positions,
timeline and diffs, built from stored records (see :func:`build_picture`)."""

from .diff import diff_proposals
from .identity import Override, assign_proposals
from .model import CanonicalProposal, Diff, Negotiation, Picture, Position
from .picture import build_picture

__all__ = [
    "CanonicalProposal",
    "Diff",
    "Negotiation",
    "Override",
    "Picture",
    "Position",
    "assign_proposals",
    "build_picture",
    "diff_proposals",
]
