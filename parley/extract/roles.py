"""Component ``parley_roles``: the part each actor plays in the negotiation.

Roles are given only where the article states or shows them (ANNOTATION.md). The statements
come from :mod:`parley.extract.role_cues` (computed by ``parley_coref`` and kept in
``analysis.extra["role_cues"]``); this component adds what proposals, stances and events show
and settles which roles can stand together:

- ``party``: the sides whose conduct the deal regulates — the sides the text names ("between
  X and Y") and the actors that sign, accept, reject, answer or negotiate its proposals as
  principals; an armed group that authors an offer; never an actor stated to mediate,
  facilitate, host, guarantee, monitor, witness or relay, unless the text names it a side;
- ``party_component``: a political party of a party's state, acting on its own (an
  "opposition" party is not part of the side);
- ``relay``: an actor asked to carry a message, or in a proposal's channel between its author
  and its destination, that is not a party;
- ``endorser``: a non-party that welcomes or blesses a deal (a mediator or facilitator that
  welcomes its own deal is not one);
- ``facilitator`` gives way to ``mediator``; ``observer_witness`` stands only for an actor
  with no other part; ``host`` and ``monitor`` are never parties.

Roles are only given in an article that reports a negotiation (a proposal with content, a
role statement, or an interaction between two actors); otherwise every actor has
``roles: []``.

requires: doc._.parley.actor_mentions, extra["role_cues"], proposals, stances, events, terms
assigns:  doc._.parley.roles, extra["role_evidence"] (actor → [(role, rule)], for explain)
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..vocabulary import ROLES
from .analysis import Analysis, analysis_of
from .lexicons import load_lexicons
from .role_cues import RoleCue, role_cues

__all__ = ["RoleFinder", "settle"]

_PARTY_STANCES = frozenset(
    {
        "signs",
        "accepts",
        "accepts_in_principle",
        "accepts_with_conditions",
        "rejects",
        "counter_proposes",
        "withdraws",
        "demands",
        "no_response",
        "considers",
        "seeks_clarification",
        "denies_receiving",
        "denies_report",
        "accuses_violation",
    }
)
# stated third-party roles that keep an actor out of the parties (a host or a relay can be a
# side: talks in its capital, a message through its own speaker)
_THIRD = frozenset({"mediator", "facilitator", "guarantor", "monitor", "observer_witness"})
_PARTY_KINDS = frozenset({"state", "armed_group", "political_party", "coalition", "other"})
_NEGOTIATION_EVENTS = frozenset(
    {"CONSULT", "AGREE", "SUPPORT", "REQUEST", "REJECT", "CONCEDE", "RETREAT"}
)


class RoleFinder:
    """Finds actor roles from role statements, proposals, stances and events."""

    def __init__(self, nlp: Language):
        self.registry = load_lexicons().actors

    def __call__(self, doc: Doc) -> Doc:
        analysis = analysis_of(doc)
        analysis.roles = {}
        cues: list[RoleCue] = analysis.extra.get("role_cues")
        if cues is None:
            cues = role_cues(doc, analysis)
        if not self._negotiation(analysis, cues):
            return doc
        evidence: dict[str, list[tuple[str, str]]] = {}

        def give(actor: str | None, role: str, rule: str) -> None:
            if actor and (role, rule) not in evidence.setdefault(actor, []):
                evidence[actor].append((role, rule))

        for cue in cues:
            if cue.role != "party":  # a signature makes a side only if no third role is stated
                give(cue.actor, cue.role, cue.rule)
        for actor in analysis.extra.get("mediators", ()):
            give(actor, "mediator", "mediators")
        self._proposal_roles(analysis, give)
        self._event_roles(analysis, evidence, give)
        parties = self._parties(analysis, evidence, [c for c in cues if c.role == "party"])
        for actor, how in parties.items():
            give(actor, "party", how)
        self._components(doc, analysis, parties, give, evidence)
        analysis.extra["role_evidence"] = evidence
        raw = {actor: {role for role, _ in found} for actor, found in evidence.items()}
        analysis.roles = settle(raw, set(parties))
        return doc

    # -- is there a negotiation? ----------------------------------------------------------

    @staticmethod
    def _negotiation(analysis: Analysis, cues: list[RoleCue]) -> bool:
        if any(c.role not in ("backer", "party") for c in cues):
            return True
        if any(p.terms or p.proposer for p in analysis.proposals):
            return True
        for event in analysis.events:
            if (
                event.type in _NEGOTIATION_EVENTS
                and len(set(event.actors) | set(event.recipients)) >= 2
            ):
                return True
        signers: dict[int | None, set[str]] = {}
        for s in analysis.stances:
            if s.stance in _PARTY_STANCES:
                signers.setdefault(s.proposal, set()).add(s.actor)
        return any(len(actors) >= 2 for actors in signers.values())

    # -- proposals and events ------------------------------------------------------------

    def _proposal_roles(self, analysis: Analysis, give) -> None:  # type: ignore[no-untyped-def]
        for p in analysis.proposals:
            # between the author and the destination: relays, unless they mediate (a
            # mediator passing texts between the sides is doing its job, not relaying)
            mediators = set(analysis.extra.get("mediators", ()))
            for actor in p.channel[:-1]:
                if actor != p.proposer and actor not in mediators:
                    give(actor, "relay", "channel")

    @staticmethod
    def _event_roles(analysis: Analysis, evidence, give) -> None:  # type: ignore[no-untyped-def]
        parties = set(analysis.extra.get("parties", ()))
        for event in analysis.events:
            if event.type == "CONSULT" and event.mode == "third-party":
                for actor in event.actors:
                    stated = {role for role, _ in evidence.get(actor, ())}
                    if actor not in parties and not stated & {
                        "facilitator",
                        "host",
                        "observer_witness",
                    }:
                        give(
                            actor, "mediator", "third-party consult"
                        )  # (a stated facilitator stays one)

    # -- parties ---------------------------------------------------------------------------

    def _parties(
        self, analysis: Analysis, evidence: dict[str, list[tuple[str, str]]], signers: list[RoleCue]
    ) -> dict[str, str]:
        """Actor → why it is a party."""

        def third(actor: str) -> bool:
            return any(role in _THIRD for role, _ in evidence.get(actor, ()))

        found: dict[str, str] = {}
        for cue in signers:
            if not third(cue.actor):
                found.setdefault(cue.actor, cue.rule)
        stated = bool(analysis.extra.get("parties_stated"))
        for actor in analysis.extra.get("parties", ()):
            if stated or not third(actor):
                found.setdefault(actor, "stated sides" if stated else "main sides")
        for p in analysis.proposals:
            # an offer's author is a party when it is a side in arms or answers another's text;
            # a state that only drafts or brokers is a third party
            entry = self.registry.get(p.proposer) if p.proposer else None
            if (
                entry is not None
                and (entry.kind == "armed_group" or p.counter)
                and not third(p.proposer)
            ):
                found.setdefault(p.proposer, "author of an offer")
        backers = {a for a, roles in evidence.items() if any(r == "backer" for r, _ in roles)}
        belligerents = set(analysis.extra.get("belligerents", ()))
        stated_sides = set(analysis.extra.get("parties", ())) if stated else set()
        for s in analysis.stances:
            if s.stance not in _PARTY_STANCES or third(s.actor):
                continue
            target = (
                analysis.proposals[s.proposal]
                if s.proposal is not None and s.proposal < len(analysis.proposals)
                else None
            )
            if s.stance != "signs" and (
                target is None or not (target.terms or target.proposer) or target.background
            ):
                continue  # a position on a contentless or past text does not make a side
            if s.actor in backers and s.stance != "signs":
                continue  # a patron that rejects the deal is still a patron
            if (
                s.stance == "signs"
                and s.actor not in found
                and any(role == "endorser" for role, _ in evidence.get(s.actor, ()))
            ):
                continue  # it welcomes the deal from outside; what it signed is another text
            entry = self.registry.get(s.actor)
            if (
                s.stance not in ("signs", "counter_proposes")
                and entry is not None
                and entry.kind == "state"
                and (s.actor not in belligerents and s.actor not in stated_sides)
            ):
                continue  # a state with a view on the deal but no part in the fighting
            found.setdefault(s.actor, f"stance {s.stance}")
        out: dict[str, str] = {}
        for actor, how in found.items():
            entry = self.registry.get(actor)
            if entry is None or entry.kind not in _PARTY_KINDS or entry.kind == "igo":
                continue
            out[actor] = how
        return out

    def _components(
        self, doc: Doc, analysis: Analysis, parties: dict[str, str], give, evidence
    ) -> None:  # type: ignore[no-untyped-def]
        """A coalition party of a party's state that acts in the article: a party component
        (not one that the article shows as a go-between of the sides: a relay or mediator)."""
        acting = {m.actor for m in analysis.actor_mentions if m.agentive}
        acting |= {p.affiliation for p in analysis.people if p.affiliation}
        acting |= set(parties)
        opposition = set()
        for m in analysis.actor_mentions:
            left = doc[max(0, m.start - 3) : m.start]
            if any(t.lower_ in ("opposition", "opposing") for t in left):
                opposition.add(m.actor)
        for actor in acting:
            entry = self.registry.get(actor)
            if entry is None or entry.kind != "political_party" or actor in opposition:
                continue
            if any(
                role in ("relay", "mediator", "facilitator") for role, _ in evidence.get(actor, ())
            ):
                continue
            if entry.country and entry.country in parties and entry.country != actor:
                give(actor, "party_component", f"party of {entry.country}")


def settle(found: dict[str, set[str]], parties: set[str]) -> dict[str, list[str]]:
    """Which of the roles found can stand together (see the module docstring)."""
    out: dict[str, list[str]] = {}
    for actor, roles in found.items():
        roles = set(roles)
        if "party_component" in roles:
            roles.discard("party")
        if actor in parties and "party" in roles and "party_component" not in roles:
            roles -= {
                "host",
                "relay",
                "observer_witness",
                "facilitator",
                "monitor",
                "endorser",
                "mediator",
                "guarantor",
            }
        if "mediator" in roles:
            roles.discard("facilitator")
        if roles & {"party", "party_component", "mediator", "facilitator"}:
            roles.discard("endorser")
        if roles & {
            "party",
            "party_component",
            "mediator",
            "facilitator",
            "host",
            "guarantor",
            "monitor",
            "relay",
            "backer",
        }:
            roles.discard("observer_witness")
        if roles:
            out[actor] = [r for r in ROLES if r in roles]
    return out


@Language.factory(
    "parley_roles",
    requires=["doc._.parley"],
    assigns=["doc._.parley"],
)
def make_role_finder(nlp: Language, name: str) -> RoleFinder:
    return RoleFinder(nlp)
