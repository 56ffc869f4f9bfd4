"""Parameters of a term mention, read by family (see :mod:`parley.extract.terms`).

Parameters are read only from the parse around one matched provision (its evidence phrase,
the clause that governs it, the prepositional phrases hanging from it), never from the whole
article, and they carry only what the words state (ANNOTATION.md):

- counts are numbers (``count``); "all" → ``categories: ["all"]``; "hundreds of", "an agreed
  number of" → no count; "at least 30" → ``count_min``; "up to 50" → ``count_max``;
- durations: days, weeks (×7) and months (×30) → ``duration_days``; years → ``duration_years``;
  ranges and bounds ("two to three days", "at least 30 days", "up to 99 years") →
  ``<name>_min`` / ``<name>_max``; a duration introduced by "within"/"over the next" is a
  timeline (``timeline_days``, ``within_hours``), not the term's own duration;
- ``extent``: full | partial | phased | redeploy ("gradual(ly)", "in stages", "phased" are
  ``phased``; "pull back" is ``partial``), from the lexicon's ``extent_words``;
- actors are actor ids from ``parley_actors`` / :func:`~parley.extract.coref.actors_of`; one
  actor is a string, several a list; places are text ("the enclave"/"the strip"/"the
  territory"/"the region" → the article's most-mentioned place that is not an actor);
- dates (``start_at``, ``start_day_or_date``, ``deadline``, ``timing``) come only from
  ``doc._.parley.dates`` (the ``parley_dates`` component); without it they are left out.
  "an immediate ceasefire" / "would begin immediately" give ``start_at: "immediate"``; a
  range "between June 20 and June 30" gives a start and a ``deadline``; the date of a verb
  that is not a start ("the truce collapsed in March") is not a ``start_at``;
- hours: "daily four-hour pauses" → ``hours_per_day``; "a 72-hour truce" → ``duration_days: 3``;
- ``ceasefire_extension``: "by five days" gives both ``extra_days`` and ``duration_days``;
- categories are lists of the lexicon's labels (women, children, elderly — "men over 50" —,
  sick — "wounded" —, soldiers, foreign, life sentences, detainees …); a released group with
  no category word ("1,111 Gazans detained since …") is its own category, as written;
- ``delivery_mechanism`` from "through/via X" mapped by the lexicon ("approved mechanisms" →
  approved, "the United Nations" → UN, a foundation → new foundation); ``composition`` the
  first composition word ("technocratic" → technocrats); ``measure`` of sanctions, limits and
  confidence steps is the phrase as written, a verb in its lemma ("halt mobilisation");
- timelines in hours or days ("within 24 hours" → ``timeline_days: 1``; "have 72 hours to
  release" → ``within_hours: 72``); a start that waits for an event is its clause as written
  ("once both sides accept it");
- a body that is not an actor is named as written ("a joint military subcommittee"); who
  verifies, how weapons are stored, which weapons, a force's mandate ("stabilization") and an
  overseer ("under the supervision of …") are read where the sentence states them.

Only the parameters VOCABULARY.md lists for the term's type (and durations and ``start_at``)
are kept.

Modules: ``context`` (what readers share: the doc context, the term, counts, dates,
timelines, places, names), ``numbers`` (numbers and durations as written), ``cessation``,
``security`` (withdrawal, buffer, disarmament, limits, outside support), ``oversight``
(security arrangements, international forces, monitoring, confidence building), ``people``
(detainees and the humanitarian family), ``political``, ``process``.
"""

from __future__ import annotations

from typing import Any

from ....vocabulary import TERM_PARAMS
from .cessation import cessation, extension
from .context import Context, Target
from .oversight import confidence, international, monitoring, security
from .people import aid, detainees, movement, protection, reconstruction, sanctions
from .political import amnesty, elections, governance, status, territory
from .process import guarantees, implementation, negotiation
from .security import buffer, disarmament, external, limits, withdrawal

__all__ = ["Context", "Target", "extract_params"]

# durations and start dates are read for every term; only the type's own parameters
# (VOCABULARY.md) and these are kept
_GENERIC = frozenset({"duration_days", "duration_years", "start_at"})

_READERS = {
    "ceasefire": cessation,
    "humanitarian_pause": cessation,
    "long_term_truce": cessation,
    "permanent_end_of_war": lambda ctx, t, p: None,
    "ceasefire_extension": extension,
    "force_withdrawal": withdrawal,
    "buffer_zone": buffer,
    "disarmament_demilitarization": disarmament,
    "arms_and_force_limits": limits,
    "external_military_support": external,
    "security_arrangement": security,
    "international_force": international,
    "monitoring_verification": monitoring,
    "confidence_building": confidence,
    "hostage_release": detainees,
    "prisoner_release": detainees,
    "remains_and_missing": detainees,
    "humanitarian_access": aid,
    "movement_and_return": movement,
    "civilian_protection": protection,
    "reconstruction_economic": reconstruction,
    "sanctions_blockade_relief": sanctions,
    "interim_governance": governance,
    "armed_group_status": status,
    "amnesty_immunity": amnesty,
    "elections_constitutional": elections,
    "final_status_territory": territory,
    "negotiation_process": negotiation,
    "guarantees": guarantees,
    "implementation_mechanism": implementation,
}


def extract_params(ctx: Context, target: Target) -> dict[str, Any]:
    """The parameters the text states for ``target`` (cue parameters first, then what the
    parse around it gives)."""
    params: dict[str, Any] = {
        k: (list(v) if isinstance(v, list) else v) for k, v in target.cue_params.items()
    }
    reader = _READERS.get(target.type)
    if reader is not None:
        reader(ctx, target, params)
    allowed = set(TERM_PARAMS.get(target.type, ())) | _GENERIC
    return {
        k: v
        for k, v in params.items()
        if v not in (None, "", []) and k.removesuffix("_min").removesuffix("_max") in allowed
    }
