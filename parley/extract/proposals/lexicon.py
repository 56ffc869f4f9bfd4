"""The proposal cue lexicon (``proposals.json``), loaded and validated once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...errors import LexiconError
from ...vocabulary import PROPOSAL_STATUSES
from ..lexicons import check_values, data_path, load_cue_file

__all__ = ["STATUS_RANK", "ProposalCues", "load_proposal_cues"]

FILE = "proposals.json"

# the list-valued keys of proposals.json, each a set of lemmas (or lower-case words)
_WORD_LISTS = (
    "proposal_heads",
    "weak_heads",
    "counter_heads",
    "agreement_heads",
    "proposal_modifiers",
    "excluded_modifiers",
    "participant_nouns",
    "proposer_verbs",
    "drafting_participles",
    "channel_verbs",
    "request_verbs",
    "counter_verbs",
    "content_verbs",
    "content_frames",
    "continuation_markers",
    "phase_words",
    "agreement_verbs",
    "proposal_verbs",
    "agreement_kinds",
    "topic_nouns",
    "reference_heads",
    "plural_heads",
    "prospect_words",
    "naming_verbs",
    "list_ordinals",
    "ordinals",
    "report_verbs",
    "list_verbs",
    "provision_nouns",
    "creation_verbs",
    "reaction_heads",
    "offer_verbs",
    "advocacy_verbs",
    "collective_subjects",
    "declaration_verbs",
    "consent_verbs",
    "agreeing_verbs",
)

# How far a status goes: a later mention may raise a proposal's status, never lower it.
STATUS_RANK = {
    "floated": 0,
    "tabled": 1,
    "under_review": 2,
    "rejected": 3,
    "agreed_in_principle": 4,
    "agreed": 5,
    "signed": 6,
    "in_force": 7,
    "collapsed": 8,
    "superseded": 8,
}


@dataclass(frozen=True)
class ProposalCues:
    """The word classes the proposal component reads (see ``about`` in ``proposals.json``)."""

    heads: frozenset[str]
    weak: frozenset[str]
    counter_heads: frozenset[str]
    agreement_heads: frozenset[str]
    modifiers: frozenset[str]
    excluded: frozenset[str]
    participants: frozenset[str]
    proposer_verbs: frozenset[str]
    drafting_participles: frozenset[str]
    channel_verbs: frozenset[str]
    request_verbs: frozenset[str]
    counter_verbs: frozenset[str]
    content_verbs: frozenset[str]
    content_frames: frozenset[str]
    markers: tuple[str, ...]
    phase_words: frozenset[str]
    agreement_verbs: frozenset[str]
    proposal_verbs: frozenset[str]
    agreement_kinds: frozenset[str]
    topic_nouns: frozenset[str]
    reference_heads: frozenset[str]
    status_of_verb: dict[str, str]
    status_complements: dict[str, frozenset[str]]  # "take" is a status verb only with "effect"
    plural_heads: frozenset[str]
    prospect_words: frozenset[str]
    naming_verbs: frozenset[str]
    list_ordinals: frozenset[str]  # "First, …" opening a list item
    ordinals: frozenset[str]  # "the second phase"
    report_verbs: frozenset[str]
    list_verbs: frozenset[str]  # "listed what it wants:"
    provision_nouns: frozenset[str]  # "Its main provisions are:"
    creation_verbs: frozenset[str]  # "efforts to reach a deal": a deal not made yet
    reaction_heads: frozenset[str]  # "Putin's response": a text only if it states provisions
    offer_verbs: frozenset[str]  # "offered to help monitor the ceasefire": an offer made by a verb
    advocacy_verbs: frozenset[str]  # "would push for a truce of up to 10 days": floating one
    collective_subjects: frozenset[str]  # "the two sides agreed", "both agreed": several sides
    declaration_verbs: frozenset[str]  # "the junta declared a ceasefire": a unilateral truce
    consent_verbs: frozenset[str]  # "won Tehran's agreement": a consent obtained, no text
    agreeing_verbs: frozenset[str]  # "both sides committed not to …": provisions agreed together

    def is_weak(self, lemma: str, lower: str) -> bool:
        """A head that names a proposal only with a sign that a negotiation text is meant."""
        return lemma in self.weak or lower in self.weak


@cache
def load_proposal_cues() -> ProposalCues:
    """Read ``proposals.json``; a missing key, a wrong type or an unknown status raises
    :class:`~parley.errors.LexiconError`."""
    data = load_cue_file(
        FILE,
        {**{key: list for key in _WORD_LISTS}, "status_verbs": dict, "status_complements": dict},
    )
    check_values(FILE, "status_verbs", data["status_verbs"], PROPOSAL_STATUSES)
    status_of_verb: dict[str, str] = {}
    for status, verbs in data["status_verbs"].items():
        if not isinstance(verbs, list) or not all(isinstance(v, str) and v for v in verbs):
            raise LexiconError(
                str(data_path(FILE)), "expected a list of verb lemmas", key=f"status_verbs.{status}"
            )
        for verb in verbs:
            status_of_verb.setdefault(verb, status)
    words = {key: frozenset(data[key]) for key in _WORD_LISTS}
    return ProposalCues(
        heads=words["proposal_heads"],
        weak=words["weak_heads"],
        counter_heads=words["counter_heads"],
        agreement_heads=words["agreement_heads"],
        modifiers=words["proposal_modifiers"],
        excluded=words["excluded_modifiers"],
        participants=words["participant_nouns"],
        proposer_verbs=words["proposer_verbs"],
        drafting_participles=words["drafting_participles"],
        channel_verbs=words["channel_verbs"],
        request_verbs=words["request_verbs"],
        counter_verbs=words["counter_verbs"],
        content_verbs=words["content_verbs"],
        content_frames=words["content_frames"],
        markers=tuple(data["continuation_markers"]),
        phase_words=words["phase_words"],
        agreement_verbs=words["agreement_verbs"],
        proposal_verbs=words["proposal_verbs"]
        | words["proposer_verbs"]
        | words["channel_verbs"]
        | frozenset(status_of_verb),
        agreement_kinds=words["agreement_kinds"],
        topic_nouns=words["topic_nouns"],
        reference_heads=words["reference_heads"],
        status_of_verb=status_of_verb,
        status_complements={
            verb: frozenset(words) for verb, words in data["status_complements"].items()
        },
        plural_heads=words["plural_heads"],
        prospect_words=words["prospect_words"],
        naming_verbs=words["naming_verbs"],
        list_ordinals=words["list_ordinals"],
        ordinals=words["ordinals"],
        report_verbs=words["report_verbs"],
        list_verbs=words["list_verbs"],
        provision_nouns=words["provision_nouns"],
        creation_verbs=words["creation_verbs"],
        reaction_heads=words["reaction_heads"],
        offer_verbs=words["offer_verbs"],
        advocacy_verbs=words["advocacy_verbs"],
        collective_subjects=words["collective_subjects"],
        declaration_verbs=words["declaration_verbs"],
        consent_verbs=words["consent_verbs"],
        agreeing_verbs=words["agreeing_verbs"],
    )
