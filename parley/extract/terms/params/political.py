"""Parameters of the political family: interim governance, armed groups, amnesty, elections,
territory."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..syntax import (
    children,
    governing_verb,
    pobjs,
    subject_of,
    subtree_text,
    text_of,
    verbal,
)
from .context import (
    Context,
    Target,
    lookup,
    name_of,
    one_or_many,
)
from .numbers import TIMELINE_PREPS, duration_params, durations


def governance(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    noun = anchor
    end = noun.i + 1
    for obj in pobjs(noun, "of"):  # "a committee of Palestinian technocrats [supervised by …]"
        asides = [c.left_edge.i for c in obj.rights if c.dep_ in ("acl", "relcl", "punct")]
        end = max(end, min([obj.right_edge.i + 1, *asides]))
    start = noun.left_edge.i
    params["body_name"] = text_of(doc, start, min(end, target.end))
    for duration in durations(doc, range(start, target.end)):  # "a nine-month transition"
        if duration.prep not in TIMELINE_PREPS:
            params.update(duration_params(duration))
            break
    comps = lookup(ctx.lex.composition_words, doc[start:end])
    if comps:
        params["composition"] = comps[0]
    heads = [
        noun,
        *children(noun, "acl"),
        *(a for o in pobjs(noun, "of") for a in children(o, "acl")),
    ]
    verb = governing_verb(noun)
    if verb is not None and verb.lemma_.lower() in _OVERSEE:
        heads.append(verb)  # "… would be backed by Arab and Islamic states"
    for head in heads:
        if head is not noun and head.lemma_.lower() not in _OVERSEE:
            continue
        for obj in pobjs(head, "by", "under"):
            if obj.lemma_.lower() in (
                "supervision",
                "oversight",
                "auspices",
                "authority",
                "control",
            ):
                obj = next(iter(pobjs(obj, "of")), obj)  # "under the supervision of X"
            overseer = ctx.actors(obj)
            params["overseer"] = one_or_many(overseer) if overseer else name_of(obj)
            break
        if "overseer" in params:
            break
    if (
        "overseer" not in params
        and noun.dep_ == "dobj"
        and verb is not None
        and verb.lemma_.lower() in _OVERSEE
    ):
        subject = subject_of(verb)  # "a Board of Peace led by Trump would oversee …"
        if subject is not None:
            overseer = ctx.actors(subject)
            params["overseer"] = one_or_many(overseer) if overseer else name_of(subject)
    verb = governing_verb(noun)
    for head in (noun, verb):
        if head is None:
            continue
        for prep in children(head, "prep"):
            if prep.lower_ in ("until", "for", "till", "pending") and prep.i < target.end + 12:
                text = text_of(doc, prep.i, prep.right_edge.i + 1, drop_det=False)
                if prep.lower_ != "for" or durations(doc, range(prep.i, prep.right_edge.i + 1)):
                    params["duration"] = text
        for sub in children(head, "advcl"):
            marks = children(sub, "mark")
            if marks and marks[0].lower_ in ("until", "till"):
                params["duration"] = text_of(doc, marks[0].i, sub.right_edge.i + 1, drop_det=False)
    for obj in pobjs(noun, "without", "excluding"):
        excluded = ctx.actors(obj)
        if excluded:
            params["excluded_actors"] = one_or_many(excluded)


_OVERSEE = frozenset(
    {
        "oversee",
        "supervise",
        "chair",
        "head",
        "lead",
        "monitor",
        "guide",
        "back",
        "run",
        "support",
        "supervision",
        "oversight",
    }
)


_STATUS_MEASURES = {
    "status.no_role": "no_governing_role",
    "status.no_role2": "no_governing_role",
    "status.end_rule": "no_governing_role",
    "status.exile": "exile",
    "status.exile_plain": "exile",
    "status.safe_passage": "exile",
    "status.leaders_leave": "exile",
    "status.party_transition": "party_transition",
    "status.delisting": "lifting of terrorist designation",
    "status.terror_designation": "lifting of terrorist designation",
}


def status(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    anchor = target.anchor
    group: list[str] = []
    for tok in ctx.doc[target.start : target.end]:
        mention = ctx.analysis.mention_at(tok.i)
        if mention is not None and ctx.kind(mention.actor) in ("armed_group", "political_party"):
            group = [mention.actor]
            break
    if not group:
        verb = anchor if verbal(anchor) else governing_verb(anchor)
        subject = (
            subject_of(verb)
            if verb is not None and verb.lemma_ not in ctx.words("speech_verbs")
            else None
        )
        if subject is not None and subject.i != anchor.i:
            group = ctx.actors(subject)
    if group:
        params["group"] = one_or_many(group)
    measure = _STATUS_MEASURES.get(target.cue_id.split("+")[0])
    if measure:
        params.setdefault("measure", measure)


def amnesty(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    """Who benefits: "an amnesty for X", "X would receive an amnesty", "X would be granted
    amnesty", "offered an amnesty to X"; a relative clause on them is the condition."""
    doc, anchor = ctx.doc, target.anchor
    people: Token | None = None
    objs = pobjs(anchor, "for", "to")
    verb = anchor.head if anchor.dep_ in ("dobj", "nsubjpass", "attr") else None
    if objs:
        people = objs[0]
    elif verb is not None and verb.lemma_ in ("receive", "get", "obtain", "enjoy", "benefit"):
        people = subject_of(verb)
    elif verb is not None and verb.lemma_ in ("grant", "give", "offer", "extend", "promise"):
        datives = [d for d in children(verb, "dative") if d.pos_ != "ADP"] + pobjs(verb, "to")
        people = datives[0] if datives else (children(verb, "nsubjpass") or [None])[0]
    if people is None or people.i == anchor.i:
        return
    rels = [c for c in people.children if c.dep_ in ("relcl", "acl")]
    end = rels[0].left_edge.i if rels else people.right_edge.i + 1
    params["beneficiaries"] = text_of(doc, people.left_edge.i, end)
    if rels:
        params["condition"] = subtree_text(rels[0])


def elections(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    verb = anchor.head if anchor.dep_ in ("nsubj", "nsubjpass", "dobj") else None
    for head in (anchor, verb):
        if head is None:
            continue
        for prep in children(head, "prep"):
            if prep.lower_ in ("within", "by", "after", "before", "in", "following", "until"):
                params["date_or_window"] = text_of(
                    doc, prep.i, prep.right_edge.i + 1, drop_det=False
                )
                break
        if head is verb and head.lemma_ == "follow" and "date_or_window" not in params:
            for obj in children(head, "dobj"):
                params["date_or_window"] = "after " + subtree_text(obj, drop_det=False)
    if any(
        t.lemma_.lower() in ("referendum", "plebiscite") for t in doc[target.start : target.end]
    ):
        params["referendum"] = True


def territory(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    if verbal(anchor):
        objs = children(anchor, "dobj")
        if objs:
            params["territory"] = subtree_text(objs[0], drop_det=False)
    elif target.cue_id.startswith("territory.return_control"):
        subject = subject_of(anchor)  # "four villages … will return to Azerbaijani control"
        if subject is not None:
            params["territory"] = name_of(subject)
    else:
        params["territory"] = text_of(
            doc, max(target.start, anchor.left_edge.i), target.end, drop_det=False
        )
    verb = anchor if verbal(anchor) else governing_verb(anchor)
    for head in [anchor, *([verb] if verb is not None else [])]:
        for clause in children(head, "advcl"):  # "once Gaza is rebuilt and … reforms"
            marks = children(clause, "mark")
            if marks and marks[0].lower_ in ("once", "after", "when", "until", "before"):
                params["timeline"] = text_of(
                    doc, marks[0].i, clause.right_edge.i + 1, drop_det=False
                )
                return
