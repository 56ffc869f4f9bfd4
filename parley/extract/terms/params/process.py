"""Parameters of the process family: further talks, guarantees, implementation."""

from __future__ import annotations

from typing import Any

from ..candidate import AGENDA_VERBS
from ..syntax import (
    ancestors,
    children,
    conj_end,
    conjuncts,
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
    read_dates,
)
from .numbers import durations

_DEFERRED = frozenset({"leave", "defer", "postpone", "push", "refer", "delay", "put", "keep"})


def negotiation(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    read_dates(ctx, target, params, "start_day_or_date", "deadline")
    agenda = []
    heads = [
        t
        for t in doc[target.start : target.end]
        if t.i == anchor.i or t.lemma_.lower() in ctx.words("negotiation_heads")
    ]
    for head in heads:
        for obj in pobjs(head, *ctx.words("agenda_preps")):
            if obj.head.head.i != head.i:
                continue
            for conj in conjuncts(obj):
                agenda.append(text_of(doc, conj.left_edge.i, conj_end(conj)))
    for sub in [
        *children(anchor, "acl", "advcl", "relcl"),
        *[
            c
            for v in ancestors(anchor, 1)
            if v.pos_ == "VERB"
            for c in children(v, "advcl", "xcomp")
            if c.i > anchor.i
        ],
    ]:
        aux = children(sub, "aux")
        if aux and aux[0].lower_ == "to" and sub.lemma_ in AGENDA_VERBS:
            topic = sub.lemma_.lower() in ("discuss", "address", "negotiate", "consider")
            first = sub.i + 1 if topic else sub.i  # "to discuss further releases": the releases
            agenda.append(text_of(doc, first, sub.right_edge.i + 1))
    verb = governing_verb(anchor)
    if (
        not agenda
        and verb is not None
        and verb.lemma_.lower() in _DEFERRED
        and anchor.dep_ == "pobj"
    ):
        for subject in children(verb, "nsubj", "nsubjpass")[
            :1
        ]:  # "X and Y are left to later talks"
            agenda += [text_of(doc, c.left_edge.i, conj_end(c)) for c in conjuncts(subject)]
    if target.cue_id in ("talks.participate", "talks.take_part"):
        verb = anchor if anchor.pos_ == "VERB" else anchor.head
        subject = subject_of(verb) if verb.pos_ == "VERB" else None
        if subject is not None:
            agenda.append(subtree_text(subject) + " participation")
    if agenda:
        params["agenda_items"] = agenda
    verb = governing_verb(anchor)
    places = [
        o
        for t in doc[target.start : target.end]
        if t.dep_ == "prep" and t.lower_ in ("in", "at")
        for o in children(t, "pobj")
    ]
    places += pobjs(verb, "in", "at") if verb is not None else []
    for obj in places:
        if obj.ent_type_ in ("GPE", "LOC", "FAC") and target.start <= obj.i < target.end + 6:
            params["venue"] = subtree_text(obj)
            break
    if "start_day_or_date" not in params and verb is not None:
        for prep in children(verb, "prep"):
            if prep.lower_ in ("during", "after", "within", "by", "before") and not ctx.dates_in(
                prep.i, prep.right_edge.i + 1
            ):
                params["start_day_or_date"] = text_of(
                    doc, prep.i, prep.right_edge.i + 1, drop_det=False
                )
                break
    for tok in doc[target.start : target.end]:
        if tok.lower_ == "hosted" and tok.i + 2 < len(doc) and doc[tok.i + 1].lower_ == "by":
            params["venue"] = subtree_text(doc[tok.i + 2])
    formats = [
        t.lower_
        for t in doc[anchor.left_edge.i : anchor.i]
        if t.lower_ in ("proximity", "direct", "indirect", "face-to-face")
    ]
    if formats:
        params["format"] = formats[0]
    if target.cue_id == "talks.committee_session":
        names = [
            t
            for t in doc[target.start : target.end]
            if t.lemma_.lower() in ("committee", "commission", "council") and t.i != anchor.i
        ]
        if names:
            name = names[0]
            start = name.left_edge.i
            while start < name.i and (
                doc[start].dep_ in ("poss", "case", "det")
                or doc[start].lower_ in ("'s", "two", "countries")
            ):
                start += 1
            params["format"] = text_of(doc, start, name.i + 1)
    if target.cue_id == "talks.dissolve_format":
        objs = children(anchor, "dobj") or pobjs(anchor, "of")
        if objs:
            params["format"] = "dissolution of " + subtree_text(objs[0], drop_det=False)


def guarantees(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    guarantors: list[str] = []
    if verbal(anchor):
        subject = subject_of(anchor)
        if subject is not None:
            guarantors = ctx.actors(subject)
        for comp in children(anchor, "ccomp"):
            inner = children(comp, "nsubj", "nsubjpass")
            if inner:
                party = ctx.actors(inner[0])
                if party:
                    params["guaranteed_party"] = one_or_many(party)
            params["scope"] = text_of(doc, comp.left_edge.i, comp.right_edge.i + 1)
    else:
        for child in anchor.lefts:
            if child.dep_ in ("compound", "amod", "poss", "nmod"):
                guarantors.extend(a for a in ctx.actors(child) if a not in guarantors)
        for obj in pobjs(anchor, "from", "by"):
            guarantors.extend(a for a in ctx.actors(obj) if a not in guarantors)
        for obj in pobjs(anchor, "for", "to"):  # "security guarantees for Ukraine"
            party = ctx.actors(obj)
            if party:
                params["guaranteed_party"] = one_or_many(party)
        if (
            not guarantors
            and anchor.dep_ == "dobj"
            and anchor.head.lemma_
            in ("provide", "offer", "give", "extend", "issue", "sign", "grant")
        ):
            subject = subject_of(anchor.head)
            if subject is not None:
                guarantors = ctx.actors(subject)
        if anchor.dep_ == "dobj" and anchor.head.lemma_ in (
            "receive",
            "get",
            "obtain",
            "seek",
            "want",
            "demand",
        ):
            subject = subject_of(anchor.head)  # "Ukraine would receive security guarantees"
            party = ctx.actors(subject) if subject is not None else []
            if party:
                params["guaranteed_party"] = one_or_many(party)
        if not guarantors and anchor.head.lower_ == "as":  # "X will act as guarantors"
            verb = governing_verb(anchor)
            subject = subject_of(verb) if verb is not None else None
            if subject is not None:
                guarantors = ctx.actors(subject)
        if not guarantors and anchor.dep_ == "attr":
            subject = subject_of(anchor.head)
            if subject is not None:
                guarantors = ctx.actors(subject)
        scope_words = [
            c
            for c in anchor.lefts
            if c.dep_ in ("amod",)
            and not ctx.analysis.mention_at(c.i)
            and c.lower_ not in ("security", "written", "verbal")
        ]
        if scope_words:
            first = scope_words[0]
            params["scope"] = text_of(doc, first.left_edge.i, anchor.i)
        for comp in children(anchor, "acl", "ccomp", "relcl"):
            inner = children(comp, "nsubj", "nsubjpass")
            if inner:
                party = ctx.actors(inner[0])
                if party:
                    params["guaranteed_party"] = one_or_many(party)
            marks = [c for c in comp.children if c.dep_ == "mark" and c.lower_ == "that"]
            if marks and "scope" not in params:  # "guarantees … that the war had ended for good"
                params["scope"] = text_of(doc, marks[0].i + 1, comp.right_edge.i + 1)
        if "scope" not in params:
            for obj in pobjs(anchor, "of"):  # "act as guarantors of the Gaza agreement"
                if not ctx.actors(obj):
                    params["scope"] = text_of(
                        doc, obj.left_edge.i, obj.right_edge.i + 1, drop_det=False
                    )
    if guarantors:
        params["guarantors"] = guarantors if len(guarantors) > 1 else guarantors[0]
    forms = lookup(ctx.lex.guarantee_forms, doc[target.start : target.end])
    if forms:
        params["form"] = forms[0]


_IMPLEMENTERS = frozenset(
    {
        "mechanism",
        "committee",
        "body",
        "commission",
        "plan",
        "subcommittee",
        "sub-committee",
        "team",
        "force",
        "group",
        "panel",
        "cell",
        "centre",
        "center",
    }
)


def implementation(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    if anchor.pos_ == "NOUN" and anchor.lemma_.lower() in _IMPLEMENTERS:
        params["body"] = text_of(
            doc, max(target.start, anchor.left_edge.i), min(target.end, conj_end(anchor))
        )
    elif anchor.pos_ in ("NOUN", "PROPN") and anchor.lemma_.lower() in ("expert", "specialist"):
        params["body"] = name_of(anchor)  # "experts from both sides"
    else:
        verb = anchor if verbal(anchor) else governing_verb(anchor)
        subject = subject_of(verb) if verb is not None else None
        if subject is not None and subject.lemma_.lower() in _IMPLEMENTERS | {"expert", "team"}:
            params["body"] = name_of(subject)  # "a joint committee is to work out the details"
    found: dict[str, Any] = {}
    read_dates(ctx, target, found, "date")
    if "date" in found:
        before = {t.lower_ for t in doc[target.start : target.end]}
        prefix = "by " if "by" in before else ""
        params["timetable"] = prefix + found["date"]
    else:
        for tok in doc[target.start : target.end]:  # "meet within five days"
            if (
                tok.dep_ == "prep"
                and tok.lower_ in ("within", "by")
                and durations(doc, range(tok.i, tok.right_edge.i + 1))
            ):
                head = tok.head if tok.head.pos_ == "VERB" else None
                start = head.i if head is not None and head.i > target.start else tok.i
                params["timetable"] = text_of(doc, start, tok.right_edge.i + 1)
                break
    if any(
        t.lemma_.lower() in ("penalty", "sanction", "punishment")
        for t in doc[target.start : target.end]
    ):
        params["penalties"] = text_of(doc, target.start, target.end)
