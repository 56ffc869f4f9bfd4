"""The stance cue lexicon (``stances.json``), loaded and validated once per process."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ...errors import LexiconError
from ...vocabulary import STANCES
from ..lexicons import OBJECTS, check_values, data_path, load_cue_file

__all__ = ["StanceCues", "load_stance_cues"]

FILE = "stances.json"

_WORD_LISTS = (
    "unacceptable_words",
    "condition_markers",
    "hedges",
    "judgement_words",
    "demand_modals",
    "breach_words",
    "needs_object",
    "proposalish",
    "talks_words",
    "able_heads",
    "signing_bodies",
    "clarification_nouns",
    "reply_verbs",
    "demand_words",
    "receipt_verbs",
    "undecided_verbs",
    "assent_verbs",
    "claim_nouns",
    "refusal_modals",
    "urging_verbs",
)


@dataclass(frozen=True)
class StanceCues:
    """The word classes the stance component reads (see ``about`` in ``stances.json``)."""

    verbs: dict[str, str]  # verb lemma -> stance
    nouns: dict[str, str]  # noun lemma -> stance
    phrases: tuple[tuple[tuple[str, ...], str, str | None], ...]  # (words, stance, holder)
    unacceptable: frozenset[str]
    condition_markers: frozenset[str]  # "provided …", "if …", "until …"
    hedges: tuple[str, ...]
    judgements: frozenset[str]
    demand_modals: frozenset[str]
    breach_words: frozenset[str]
    needs_object: frozenset[str]
    proposalish: frozenset[str]
    talks_words: frozenset[str]
    able_heads: frozenset[str]
    signing_bodies: frozenset[str]
    clarification_nouns: frozenset[str]
    reply_verbs: frozenset[str]  # negated: no_response ("has yet to respond")
    receipt_verbs: frozenset[str]  # negated: denies_receiving ("had not been briefed on")
    undecided_verbs: frozenset[str]  # "has not said whether it will accept": no_response
    assent_verbs: frozenset[str]
    claim_nouns: frozenset[str]  # "rejected the accusation": denies_report
    refusal_modals: frozenset[str]  # "will not give up its weapons": rejects that provision
    urging_verbs: frozenset[str]  # "urged Hamas to accept the plan": the urger endorses it
    demand_words: frozenset[str]  # demand cues that may name a whole proposal ("insisted on the agreement")


@cache
def load_stance_cues() -> StanceCues:
    """Read ``stances.json``; a missing key, a wrong type or a stance outside the vocabulary
    raises :class:`~parley.errors.LexiconError`."""
    keys = {key: list for key in _WORD_LISTS}
    data = load_cue_file(FILE, {**keys, "verbs": dict, "noun_cues": dict, "phrases": OBJECTS})
    check_values(FILE, "verbs", data["verbs"].values(), STANCES)
    check_values(FILE, "noun_cues", data["noun_cues"].values(), STANCES)
    phrases = []
    for entry in data["phrases"]:
        words, stance = entry.get("words"), entry.get("stance")
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w for w in words):
            raise LexiconError(str(data_path(FILE)), f"a phrase needs a list of words (not {words!r})", key="phrases")
        check_values(FILE, "phrases", [stance], STANCES)
        holder = entry.get("holder")
        if holder not in (None, "speaker", "owner"):
            raise LexiconError(str(data_path(FILE)), f"holder must be 'speaker' or 'owner' (not {holder!r})", key="phrases")
        phrases.append((tuple(words), stance, holder))
    words = {key: data[key] for key in _WORD_LISTS}
    return StanceCues(
        verbs=dict(data["verbs"]),
        nouns=dict(data["noun_cues"]),
        phrases=tuple(phrases),
        unacceptable=frozenset(words["unacceptable_words"]),
        condition_markers=frozenset(words["condition_markers"]),
        hedges=tuple(words["hedges"]),
        judgements=frozenset(words["judgement_words"]),
        demand_modals=frozenset(words["demand_modals"]),
        breach_words=frozenset(words["breach_words"]),
        needs_object=frozenset(words["needs_object"]),
        proposalish=frozenset(words["proposalish"]),
        talks_words=frozenset(words["talks_words"]),
        able_heads=frozenset(words["able_heads"]),
        signing_bodies=frozenset(words["signing_bodies"]),
        clarification_nouns=frozenset(words["clarification_nouns"]),
        reply_verbs=frozenset(words["reply_verbs"]),
        receipt_verbs=frozenset(words["receipt_verbs"]),
        undecided_verbs=frozenset(words["undecided_verbs"]),
        assent_verbs=frozenset(words["assent_verbs"]),
        claim_nouns=frozenset(words["claim_nouns"]),
        refusal_modals=frozenset(words["refusal_modals"]),
        urging_verbs=frozenset(words["urging_verbs"]),
        demand_words=frozenset(words["demand_words"]),
    )
