"""Parameters of the cessation family: ceasefire, pause, long-term truce, extension."""

from __future__ import annotations

from typing import Any

from ..syntax import (
    children,
    conjuncts,
    governing_verb,
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
    lookup,
    own_durations,
    read_dates,
)
from .numbers import duration_params, durations

_START_VERBS = frozenset(
    {"take", "come", "enter", "begin", "start", "commence", "go", "kick", "apply"}
)


def cessation(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    span = doc[target.start : target.end]
    for duration in own_durations(ctx, target):
        if duration.kind == "hours":
            hours = duration.low
            daily = any(
                t.lower_ in ("daily", "day", "each", "per")
                for t in doc[duration.end : duration.end + 3]
            ) or any(t.lower_ == "daily" for t in modifier_words(anchor))
            if daily:
                params["hours_per_day"] = hours
            else:  # "a 72-hour truce": 3 days
                params.setdefault(
                    "duration_days", round(hours / 24, 2) if hours % 24 else hours // 24
                )
            continue
        params.update(duration_params(duration))
        break
    mods = modifier_words(anchor)
    verb = anchor.head if anchor.dep_ in ("nsubj", "nsubjpass") else None
    if (
        any(t.lower_ in ("immediate", "immediately") for t in [*mods, *span])
        or (verb is not None and any(c.lower_ == "immediately" for c in verb.children))
    ):  # "an immediate ceasefire", "the truce would begin immediately", "… takes effect immediately"
        params["start_at"] = "immediate"
    acted_on = (  # "arrived on Tuesday to shore up the ceasefire": the date is the visit's
        anchor.dep_ == "dobj"
        and not verbal(anchor)
        and anchor.head.lemma_.lower()
        not in ctx.words("agreement_verbs") | ctx.words("declare_verbs") | _START_VERBS
    )
    if acted_on:
        read_dates(ctx, target, params, "start_at", until=target.end)
    elif (
        verb is not None
        and verbal(verb)
        and not any(
            v.lemma_.lower() in _START_VERBS for v in [*conjuncts(verb), *children(verb, "xcomp")]
        )  # "… and come into force on", "is to take effect at"
    ):
        read_dates(ctx, target, params, "start_at", until=verb.i)  # not "collapsed in March"
    else:
        read_dates(ctx, target, params, "start_at")
    if "start_at" not in params:
        when = start_condition(target)
        if when:  # "would take effect as soon as Hamas confirms it"
            params["start_at"] = when
    covers = [  # "the ceasefire covers all areas of Libya"
        o
        for v in ([verb] if verb is not None else [])
        for o in children(v, "dobj")
        if v.lemma_.lower() in ("cover", "include", "span")
    ]
    scopes = lookup(
        ctx.lex.scope_words,
        [
            *mods,
            *(t for obj in pobjs(anchor, "on", "across", "along", "in") for t in obj.subtree),
            *(
                t for t in doc[anchor.i + 1 : target.end] if t.dep_ in ("amod", "compound", "det")
            ),  # "a halt to all offensive operations"
            *(t for o in covers for t in o.subtree),
        ],
    )
    if scopes:
        params["scope"] = scopes[0]
    lows = {t.lower_ for t in mods}
    if "unilateral" in lows:
        params["unilateral"] = True
    elif lows & {"bilateral", "mutual", "reciprocal"}:
        params["unilateral"] = False
    covered = [a for obj in pobjs(anchor, "between") for a in ctx.actors(obj)]
    if not covered:
        head = governing_verb(anchor)
        if head is anchor and anchor.dep_ in ("xcomp", "ccomp") and anchor.head.i != anchor.i:
            head = anchor.head  # "the two sides agreed to halt fighting"
        subject = subject_of(head) if head is not None and head is not anchor else None
        if (
            subject is not None
            and subject.i != anchor.i
            and head.lemma_.lower() in ctx.words("agreement_verbs") | {"commit", "order"}
        ):
            group = ctx.actors(subject)
            if len(group) >= 2:  # "the two sides agreed to a ceasefire": bilateral
                covered = group
                params.setdefault("unilateral", False)
    if not covered:  # "an end to Israeli strikes on Syrian territory"
        fighting = [
            t
            for t in span
            if t.i > anchor.i
            and ctx.lex.words.get("fighting_words")
            and t.lemma_.lower() in ctx.words("fighting_words")
        ]
        for noun in fighting[:1]:
            covered = [
                a
                for c in noun.lefts
                if c.dep_ in ("amod", "compound", "poss")
                for a in ctx.actors(c)
            ]
    if not covered and (declarer := _declarer(ctx, anchor)) is not None:
        covered = [declarer]  # "the junta announced a temporary ceasefire": its own halt
        params.setdefault("unilateral", True)
    if covered and target.type == "ceasefire":
        params["covered_actors"] = covered
    scope_preps = [t for t in span if t.i > anchor.i]
    if anchor.dep_ == "dobj":  # "offered ceasefires … on some sections of the front"
        scope_preps += [c for c in anchor.head.children if c.i > anchor.i]
    for tok in scope_preps:
        if tok.dep_ == "prep" and tok.lower_ in ("on", "in", "along", "across", "throughout"):
            objs = children(tok, "pobj")
            if objs and (
                objs[0].ent_type_ in ("GPE", "LOC") or objs[0].lemma_.lower() in _AREA_NOUNS
            ):
                params["area"] = subtree_text(objs[0])
                break
    if "area" not in params and covers:
        params["area"] = subtree_text(covers[0])
    if target.type == "long_term_truce" and any(t.lower_ == "renewable" for t in span):
        params["renewable"] = True


def start_condition(target: Target) -> str | None:
    """ "once both sides accept it", "as soon as Hamas confirms": the event a term waits
    for, as written (a clause opened by "once", "as soon as", "after", "when", "upon")."""
    doc = target.anchor.doc
    heads = [
        target.anchor,
        *([target.anchor.head] if target.anchor.dep_ in ("nsubj", "nsubjpass") else []),
    ]
    for head in heads:
        for clause in children(head, "advcl"):
            marks = [c for c in clause.children if c.dep_ == "mark"]
            first = doc[clause.left_edge.i]
            if (
                marks
                and marks[0].lower_ in _START_MARKS
                or (
                    first.lower_ == "as"
                    and clause.left_edge.i + 1 < len(doc)
                    and doc[clause.left_edge.i + 1].lower_ == "soon"
                )
            ):
                return text_of(doc, clause.left_edge.i, clause.right_edge.i + 1, drop_det=False)
    return None


def extension(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc = ctx.doc
    indices = set(range(target.start, target.end))
    verb = target.anchor
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("by", "for", "through", "until", "till"):
            indices.update(range(prep.i, prep.right_edge.i + 1))
    if target.end + 1 < len(doc) and doc[target.end].text == ",":  # "…, about 50 days"
        indices.update(range(target.end, min(len(doc), target.end + 6)))
    for duration in durations(doc, indices):
        if duration.kind == "hours":
            params["extra_days"] = (
                round(duration.low / 24, 2) if duration.low % 24 else duration.low // 24
            )
            continue
        if duration.kind == "years":
            params.update(duration_params(duration))
            break
        params.update(duration_params(duration, days_name="extra_days"))
        params.update(duration_params(duration))
        break
    for obj in pobjs(verb, "by", "with", "upon", "subject", "on", "under"):
        if obj.lower_ in ("agreement", "consent", "accord", "terms", "conditions", "basis"):
            params["conditions"] = text_of(doc, obj.left_edge.i, obj.right_edge.i + 1)
    if "conditions" not in params:
        for obj in pobjs(verb, "through", "until", "till"):  # "through Ramadan and Passover"
            if not durations(doc, range(obj.left_edge.i, obj.right_edge.i + 1)):
                params["conditions"] = text_of(
                    doc, obj.head.i, obj.right_edge.i + 1, drop_det=False
                )
                break


_AREA_NOUNS = frozenset(
    {
        "section",
        "sector",
        "front",
        "area",
        "areas",
        "part",
        "region",
        "frontline",
        "border",
        "zone",
        "line",
        "lines",
        "territory",
        "country",
        "province",
        "state",
    }
)
_START_MARKS = frozenset({"once", "after", "when", "upon", "until"})


def _declarer(ctx: Context, anchor: Any) -> str | None:
    """The one actor that declares the truce ``anchor`` names ("the government declared a
    ceasefire"): a unilateral truce. Not a truce announced for others ("announced the truce",
    "a ceasefire between …")."""
    verb = anchor.head
    if anchor.dep_ != "dobj" or verb.lemma_.lower() not in ctx.words("declaration_verbs"):
        return None
    if any(c.dep_ == "det" and c.lower_ not in ("a", "an") for c in anchor.children) or pobjs(
        anchor, "between", "with"
    ):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    found = ctx.actors(subject) if subject is not None else []
    mediators = set(ctx.analysis.extra.get("mediators", ()))  # announcing the parties' truce
    return found[0] if len(found) == 1 and found[0] not in mediators else None
