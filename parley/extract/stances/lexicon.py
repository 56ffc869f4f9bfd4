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
    "pair_words",
    "quantifier_subjects",
    "self_reference_nouns",
    "aim_nouns",
    "hypothetical_determiners",
    "hypothetical_verbs",
    "implicative_verbs",
    "indefinite_objects",
    "only_markers",
    "mediation_nouns",
    "raising_verbs",
    "speech_verbs",
    "refusal_conditions",
    "generic_heads",
    "signable_nouns",
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
    demand_words: frozenset[
        str
    ]  # demand cues that may name a whole proposal ("insisted on the agreement")
    pair_words: frozenset[str]  # "both", "the two", "each side": the parties
    quantifier_subjects: frozenset[str]  # "nobody in the army": the actor of the complement
    self_reference_nouns: frozenset[
        str
    ]  # "the country", "the group" under a speech verb: the speaker's side
    aim_nouns: frozenset[str]  # "approved its objectives": accepts_in_principle
    hypothetical_determiners: frozenset[str]  # "any breach": no breach claimed
    hypothetical_verbs: frozenset[str]  # "what counts as a violation": no breach claimed
    implicative_verbs: frozenset[str]  # "persuaded them to accept": the persuaded side accepts
    indefinite_objects: frozenset[str]  # "nobody agreed to anything": about the proposal in focus
    only_markers: frozenset[str]  # two-word markers of a condition ("only after …", "as long as …")
    mediation_nouns: frozenset[str]  # "agreed thanks to mediation by the UAE": no agent of the cue
    raising_verbs: frozenset[str]  # "the army is understood to have agreed": the army agreed
    speech_verbs: frozenset[str]  # "Kyiv says it never agreed": a denial of its own position
    refusal_conditions: frozenset[str]  # "will not disarm while X": a demand for X
    generic_heads: frozenset[str]  # "anyone who violated the truce": a rule, not an accusation
    signable_nouns: frozenset[str]  # "the statement, signed by …": a signed text is an agreement


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
        if (
            not isinstance(words, list)
            or not words
            or not all(isinstance(w, str) and w for w in words)
        ):
            raise LexiconError(
                str(data_path(FILE)),
                f"a phrase needs a list of words (not {words!r})",
                key="phrases",
            )
        check_values(FILE, "phrases", [stance], STANCES)
        holder = entry.get("holder")
        if holder not in (None, "speaker", "owner", "voice"):
            raise LexiconError(
                str(data_path(FILE)),
                f"holder must be 'speaker', 'owner' or 'voice' (not {holder!r})",
                key="phrases",
            )
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
        pair_words=frozenset(words["pair_words"]),
        quantifier_subjects=frozenset(words["quantifier_subjects"]),
        self_reference_nouns=frozenset(words["self_reference_nouns"]),
        aim_nouns=frozenset(words["aim_nouns"]),
        hypothetical_determiners=frozenset(words["hypothetical_determiners"]),
        hypothetical_verbs=frozenset(words["hypothetical_verbs"]),
        implicative_verbs=frozenset(words["implicative_verbs"]),
        indefinite_objects=frozenset(words["indefinite_objects"]),
        only_markers=frozenset(words["only_markers"]),
        mediation_nouns=frozenset(words["mediation_nouns"]),
        raising_verbs=frozenset(words["raising_verbs"]),
        speech_verbs=frozenset(words["speech_verbs"]),
        refusal_conditions=frozenset(words["refusal_conditions"]),
        generic_heads=frozenset(words["generic_heads"]),
        signable_nouns=frozenset(words["signable_nouns"]),
    )
