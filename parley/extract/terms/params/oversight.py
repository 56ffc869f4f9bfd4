"""Parameters of the security family, for who keeps order and watches compliance: security
arrangements, international forces, monitoring and verification, confidence building."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..syntax import (
    children,
    conjuncts,
    modifier_words,
    pobjs,
    subject_of,
    subtree_text,
    text_of,
    verbal,
)
from .context import (
    Context,
    Target,
    actor_tokens,
    lookup,
    one_or_many,
    parties_words,
    read_count,
    read_dates,
    read_timeline,
)
from .numbers import durations

# cues whose verb takes the place left as its object, not the forces
from .security import agent_actor, measure_from_span


def security(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    providers: list[str] = []
    if verbal(anchor):
        providers = agent_actor(ctx, target)
    else:
        for child in anchor.children:
            if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < anchor.i:
                providers.extend(a for a in ctx.actors(child) if a not in providers)
        for obj in pobjs(anchor, "of", "by"):
            providers.extend(a for a in ctx.actors(obj) if a not in providers)
    if not providers and not verbal(anchor):
        own = [
            *doc[anchor.left_edge.i : anchor.i],
            *(t for o in pobjs(anchor, "of") for t in o.subtree),
        ]
        for tok in own:
            if tok.lower_ in ("state", "federal", "government", "national") and tok.dep_ in (
                "compound",
                "amod",
            ):
                providers = [tok.lower_]
                break
    if not providers:  # "a limited joint police force will secure …", "border guards will …"
        body = subject_of(anchor) if verbal(anchor) else anchor
        if (
            body is not None
            and ctx.lex.words.get("forces")
            and body.lemma_.lower() in ctx.words("forces") | {"police", "guard", "gendarmerie"}
        ):
            rels = [
                c for c in body.children if c.dep_ in ("relcl", "acl", "appos") or c.text == ","
            ]
            end = min([body.right_edge.i + 1, *(r.left_edge.i for r in rels if r.i > body.i)])
            providers = [text_of(doc, body.left_edge.i, end)]
    value = one_or_many(providers)
    if value:
        params["security_provider"] = value
    verbs = conjuncts(anchor) if verbal(anchor) else [anchor]
    areas: list[Token] = []
    for head in verbs:
        for obj in children(head, "dobj"):
            if obj.lemma_.lower() in ("control", "charge", "responsibility"):
                areas += pobjs(obj, "of", "over", "for") + pobjs(head, "of", "over")
        areas += pobjs(head, "across", "throughout", "in", "over", "within")
        if head.lemma_.lower() in ("secure", "guard", "patrol", "police", "control"):
            areas += children(head, "dobj")  # "secure the area between the lines"
        for obj in children(head, "dobj"):  # "take up positions on the Armenian side"
            if obj.lemma_.lower() in ("position", "post"):
                areas += pobjs(obj, "on", "along", "at", "in") + pobjs(head, "on", "along", "at")
    if not areas and target.cue_id in ("security.take_control", "security.law_order"):
        areas = pobjs(anchor, "of")
    areas = [
        a
        for a in areas
        if a.i not in target.others
        and not durations(doc, range(a.left_edge.i, a.right_edge.i + 1))
        and a.lemma_.lower() not in ("time", "day", "week")
    ]
    if areas:
        params["area"] = subtree_text(areas[0], drop_det=areas[0].dep_ != "dobj")
    timeline: dict[str, Any] = {}
    read_timeline(ctx, target, timeline)
    if "timeline_days" in timeline:
        params["duration"] = f"{timeline['timeline_days']} days"


def international(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    anchor = target.anchor
    for obj in pobjs(anchor, "by", "under"):
        lead = ctx.actors(obj)
        if lead:
            params["lead_actor"] = one_or_many(lead)
    contributors = [
        a for c in anchor.lefts if c.dep_ in ("amod", "compound") for a in ctx.actors(c)
    ]
    contributors += [a for obj in pobjs(anchor, "from", "of") for a in ctx.actors(obj)]
    if contributors:
        params["contributors"] = one_or_many(contributors)
    for tok in ctx.doc[target.start : target.end]:
        if tok.lower_ == "resolution":
            params["legal_basis"] = subtree_text(tok)
    count: dict[str, Any] = {}
    read_count(ctx, anchor, count)
    if "count" in count:
        params["size"] = count["count"]
    if "size" not in params:  # "a contingent of 1,960 troops"
        for obj in pobjs(anchor, "of"):
            read_count(ctx, obj, count)
            if "count" in count:
                params["size"] = count["count"]
    for acl in children(anchor, "acl"):  # "a force led by Kenya"
        if acl.lemma_.lower() in ("lead", "head", "command"):
            lead = [a for o in pobjs(acl, "by") for a in ctx.actors(o)]
            if lead:
                params["lead_actor"] = one_or_many(lead)
    if "lead_actor" not in params and isinstance(params.get("contributors"), str):
        params["lead_actor"] = params["contributors"]  # "a Russian peacekeeping contingent"
    mandates = lookup(_MANDATES, modifier_words(anchor))
    if mandates:
        params["mandate"] = mandates[0]


_MANDATES = {
    "stabilization": "stabilization",
    "stabilisation": "stabilization",
    "peacekeeping": "peacekeeping",
    "peace-keeping": "peacekeeping",
    "observer": "observation",
    "observation": "observation",
    "protection": "protection",
    "reassurance": "reassurance",
    "interposition": "interposition",
    "suppression": "gang suppression",
    "deterrence": "deterrence",
}


def monitoring(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    skip: set[int] = set()
    if verbal(anchor):
        for child in anchor.children:
            if child.dep_ in ("dobj", "nsubjpass", "ccomp"):
                skip.update(range(child.left_edge.i, child.right_edge.i + 1))
    tokens = [t for t in doc[target.start : target.end] if t.i not in skip]
    monitors = actor_tokens(ctx, tokens)
    monitors += [a for a in parties_words(ctx, tokens) if a not in monitors]
    value = one_or_many(monitors)
    if not value:
        agents = [o for t in tokens if t.dep_ == "agent" for o in children(t, "pobj")]
        value = _body_text(doc, agents[0]) if agents else None
    if not value and anchor.pos_ == "NOUN" and anchor.lemma_.lower() in _BODIES:
        value = _body_text(doc, anchor)  # "a joint military subcommittee"
    if value:
        params["monitor"] = value
    actions = [t for t in tokens if t.pos_ == "VERB" and t.lemma_.lower() in _POWERS]
    if actions:
        params["powers"] = _POWERS[actions[0].lemma_.lower()]
    lows = {t.lower_ for t in tokens}
    if "joint" in lows or ({"both", "two"} & lows and {"parties", "sides"} & lows):
        params["composition"] = "joint"
    elif lows & {"independent", "neutral", "third-party"}:
        params["composition"] = "third party"
    for obj in pobjs(anchor, "to"):
        reported = ctx.actors(obj)
        if reported and {"report", "reporting"} & lows:
            params["reporting_to"] = one_or_many(reported)


_BODIES = frozenset(
    {
        "committee",
        "subcommittee",
        "sub-committee",
        "commission",
        "mechanism",
        "team",
        "mission",
        "body",
        "panel",
        "centre",
        "center",
        "cell",
        "group",
        "unit",
        "force",
    }
)
_POWERS = {
    "examine": "investigate",
    "investigate": "investigate",
    "probe": "investigate",
    "inspect": "inspect",
    "penalise": "penalise",
    "penalize": "penalise",
    "sanction": "penalise",
    "adjudicate": "adjudicate",
}


def _body_text(doc: Any, noun: Token) -> str:
    """A body's name without its asides: "a joint military subcommittee"."""
    stops = [c.left_edge.i for c in noun.rights if c.dep_ in ("relcl", "acl", "appos", "punct")]
    return text_of(doc, noun.left_edge.i, min([noun.right_edge.i + 1, *stops]))


def confidence(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    anchor = target.anchor
    if target.cue_id == "confidence.commanders_meet":
        subject = subject_of(anchor)
        if subject is not None:
            params["measure"] = "meeting of " + text_of(ctx.doc, subject.left_edge.i, subject.i + 1)
            actors = ctx.actors(subject)
            if actors:
                params["actors"] = one_or_many(actors)
    else:
        measure_from_span(ctx, target, params)
    read_dates(ctx, target, params, "timing")
