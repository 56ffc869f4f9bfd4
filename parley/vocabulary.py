"""The closed vocabularies of ``parley.record/1`` (spec: VOCABULARY.md).

Identifiers here are the contract; every record is validated against them. Term families and
stance polarities are the coarse groupings that scoring and display use.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import Final

__all__ = [
    "ACTOR_KINDS",
    "CAMEO_CROSSWALK",
    "CERTAINTIES",
    "EVENT_MODES",
    "EVENT_TYPES",
    "NEGOTIATION_EVENT_TYPES",
    "PROPOSAL_STATUSES",
    "ROLES",
    "SOURCE_KINDS",
    "STANCES",
    "STANCE_POLARITY",
    "TERM_FAMILIES",
    "TERM_PARAMS",
    "TERM_TYPES",
    "family_of",
    "polarity_of",
]

TERM_FAMILIES: Final = MappingProxyType(
    {
        "cessation": (
            "ceasefire",
            "humanitarian_pause",
            "ceasefire_extension",
            "long_term_truce",
            "permanent_end_of_war",
        ),
        "security": (
            "force_withdrawal",
            "buffer_zone",
            "disarmament_demilitarization",
            "arms_and_force_limits",
            "external_military_support",
            "security_arrangement",
            "international_force",
            "monitoring_verification",
            "confidence_building",
        ),
        "detainees": ("hostage_release", "prisoner_release", "remains_and_missing"),
        "humanitarian": (
            "humanitarian_access",
            "movement_and_return",
            "civilian_protection",
            "reconstruction_economic",
            "sanctions_blockade_relief",
        ),
        "political": (
            "interim_governance",
            "armed_group_status",
            "amnesty_immunity",
            "elections_constitutional",
            "final_status_territory",
        ),
        "process": ("negotiation_process", "guarantees", "implementation_mechanism"),
    }
)

# The parameter names VOCABULARY.md lists for each term type. Ranges and bounds add
# ``<name>_min`` / ``<name>_max`` (ANNOTATION.md).
TERM_PARAMS: Final = MappingProxyType(
    {
        "ceasefire": ("start_at", "duration_days", "scope", "area", "covered_actors", "unilateral"),
        "humanitarian_pause": ("hours_per_day", "duration_days", "area", "purpose"),
        "ceasefire_extension": ("extends_term_id", "extra_days", "conditions", "duration_days"),
        "long_term_truce": ("duration_years", "renewable", "conditions"),
        "permanent_end_of_war": ("declaration_form", "linked_guarantee_ids"),
        "force_withdrawal": (
            "withdrawing_actor",
            "from_area",
            "to_line",
            "extent",
            "timeline_days",
            "phase",
        ),
        "buffer_zone": ("location", "depth_m", "controller", "duration"),
        "disarmament_demilitarization": (
            "actor",
            "weapon_classes",
            "storage",
            "verifier",
            "timeline_days",
        ),
        "arms_and_force_limits": ("actor", "cap_value", "weapon_systems", "verification", "measure"),
        "external_military_support": ("supplier", "recipient", "measure", "duration", "area"),
        "security_arrangement": ("security_provider", "area", "integration_plan", "duration"),
        "international_force": ("lead_actor", "contributors", "mandate", "size", "legal_basis"),
        "monitoring_verification": ("monitor", "composition", "powers", "reporting_to"),
        "confidence_building": ("measure", "actors", "timing"),
        "hostage_release": (
            "count",
            "categories",
            "alive_or_deceased",
            "per_day_rate",
            "phase",
            "within_hours",
        ),
        "prisoner_release": (
            "count",
            "ratio_per_hostage",
            "categories",
            "destination",
            "veto_on_names",
        ),
        "remains_and_missing": ("count", "exchange_ratio", "mechanism"),
        "humanitarian_access": (
            "trucks_per_day",
            "fuel_volume",
            "crossings",
            "delivery_mechanism",
            "distributor",
        ),
        "movement_and_return": ("population", "route", "inspection_regime", "start_at"),
        "civilian_protection": ("protected_objects", "area"),
        "reconstruction_economic": ("funding_amount", "donors", "administrator", "timeline", "measure"),
        "sanctions_blockade_relief": ("measure", "target", "sequencing"),
        "interim_governance": (
            "body_name",
            "composition",
            "overseer",
            "duration",
            "excluded_actors",
        ),
        "armed_group_status": ("group", "measure", "conditions"),
        "amnesty_immunity": ("beneficiaries", "exclusions", "condition"),
        "elections_constitutional": ("date_or_window", "body", "referendum"),
        "final_status_territory": ("territory", "arrangement", "timeline"),
        "negotiation_process": (
            "start_day_or_date",
            "deadline",
            "venue",
            "agenda_items",
            "format",
        ),
        "guarantees": ("guarantors", "guaranteed_party", "form", "scope"),
        "implementation_mechanism": ("body", "timetable", "dispute_procedure", "penalties"),
    }
)

TERM_TYPES: Final = tuple(t for family in TERM_FAMILIES.values() for t in family)

STANCE_POLARITY: Final = MappingProxyType(
    {
        "support": (
            "proposes",
            "counter_proposes",
            "demands",
            "accepts",
            "accepts_in_principle",
            "accepts_with_conditions",
            "signs",
            "endorses",
            "open_to",
        ),
        "pending": ("considers", "seeks_clarification", "no_response", "denies_receiving"),
        "oppose": ("rejects", "withdraws", "denies_report", "accuses_violation"),
    }
)

STANCES: Final = tuple(s for group in STANCE_POLARITY.values() for s in group)

ROLES: Final = (
    "party",
    "party_component",
    "mediator",
    "facilitator",
    "relay",
    "host",
    "guarantor",
    "backer",
    "spoiler",
    "observer_witness",
    "monitor",
    "endorser",
)

PROPOSAL_STATUSES: Final = (
    "floated",
    "tabled",
    "under_review",
    "agreed_in_principle",
    "agreed",
    "signed",
    "in_force",
    "collapsed",
    "superseded",
    "rejected",
)

ACTOR_KINDS: Final = ("state", "armed_group", "political_party", "igo", "ngo", "coalition", "other")
SOURCE_KINDS: Final = ("media", "official", "anonymous", "document", "unspecified")
CERTAINTIES: Final = ("confirmed", "reported", "hedged", "disputed")

EVENT_MODES: Final = MappingProxyType(
    {
        "CONSULT": ("visit", "third-party", "multilateral", "phone"),
        "REQUEST": ("assist", "change", "yield", "meet"),
        "AGREE": (),
        "REJECT": ("assist", "change", "yield", "meet"),
        "SUPPORT": (),
        "CONCEDE": (),
        "RETREAT": ("withdraw", "release", "disarm", "ceasefire", "access"),
        "AID": (),
        "ACCUSE": ("disapprove", "investigate", "allege"),
        "THREATEN": ("relations", "violence"),
        "SANCTION": ("withdraw", "discontinue"),
        # coded only where they bear on a negotiation; no modes are prescribed
        "PROTEST": (),
        "MOBILIZE": (),
        "COERCE": (),
        "ASSAULT": (),
        "COOPERATE": (),
    }
)
EVENT_TYPES: Final = tuple(EVENT_MODES)

NEGOTIATION_EVENT_TYPES: Final = (
    "AGREE",
    "REQUEST",
    "REJECT",
    "SUPPORT",
    "CONCEDE",
    "CONSULT",
    "RETREAT",
    "AID",
    "ACCUSE",
)

# CAMEO codes for export (VOCABULARY.md crosswalk): (event type, mode) -> CAMEO code.
# ``None`` mode is the default for the type.
CAMEO_CROSSWALK: Final = MappingProxyType(
    {
        ("CONSULT", None): "040",
        ("CONSULT", "phone"): "041",
        ("CONSULT", "visit"): "042",
        ("CONSULT", "multilateral"): "044",
        ("CONSULT", "third-party"): "045",
        ("REQUEST", None): "020",
        ("REQUEST", "assist"): "026",
        ("REQUEST", "change"): "106",
        ("REQUEST", "yield"): "108",
        ("REQUEST", "meet"): "027",
        ("AGREE", None): "030",
        ("REJECT", None): "120",
        ("REJECT", "assist"): "125",
        ("REJECT", "change"): "126",
        ("REJECT", "yield"): "127",
        ("REJECT", "meet"): "125",
        ("SUPPORT", None): "057",
        ("CONCEDE", None): "0871",
        ("RETREAT", None): "0874",
        ("RETREAT", "release"): "0841",
        ("RETREAT", "withdraw"): "0874",
        ("RETREAT", "access"): "0863",
        ("RETREAT", "ceasefire"): "0871",
        ("RETREAT", "disarm"): "0874",
        ("AID", None): "073",
        ("ACCUSE", None): "112",
        ("THREATEN", None): "134",
        ("SANCTION", None): "164",
        ("SANCTION", "discontinue"): "165",
        ("SANCTION", "withdraw"): "164",
        # coded only where they bear on a negotiation; nearest CAMEO root codes
        ("PROTEST", None): "140",
        ("MOBILIZE", None): "150",
        ("COERCE", None): "170",
        ("ASSAULT", None): "190",
        ("COOPERATE", None): "060",
    }
)

_FAMILY_OF = {t: family for family, types in TERM_FAMILIES.items() for t in types}
_POLARITY_OF = {s: pol for pol, stances in STANCE_POLARITY.items() for s in stances}


def family_of(term_type: str) -> str:
    """The term family of ``term_type`` (``"cessation"``, ``"security"``, …)."""
    return _FAMILY_OF[term_type]


def polarity_of(stance: str) -> str:
    """The polarity of ``stance``: ``support``, ``pending`` or ``oppose``."""
    return _POLARITY_OF[stance]
