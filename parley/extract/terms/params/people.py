"""Parameters of the detainee and humanitarian families."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Token

from ..syntax import (
    DETERMINERS,
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
    is_all,
    lookup,
    one_or_many,
    read_count,
    read_dates,
    read_timeline,
)
from .numbers import bound_before, duration_params, durations, number_at
from .security import measure_from_span

_ADMINISTER = frozenset(
    {
        "hold",
        "manage",
        "oversee",
        "lead",
        "fund",
        "finance",
        "run",
        "administer",
        "undertake",
        "carry",
        "supervise",
        "operate",
        "pay",
        "restore",
        "rebuild",
        "develop",
        "build",
        "control",
    }
)


_APPROXIMATELY = frozenset(
    {"about", "some", "around", "nearly", "almost", "roughly", "approximately", "another", "all"}
)


def categories(ctx: Context, target: Target, table: dict[str, str], noun: Token) -> list[str]:
    doc = ctx.doc
    tokens = list(doc[noun.left_edge.i : noun.i + 1])
    tokens += [  # "50 women and children": the uncounted conjuncts are categories of the group
        t
        for c in conjuncts(noun)[1:]
        if not any(g.dep_ == "nummod" for g in c.children)
        for t in doc[c.left_edge.i : c.i + 1]
    ]
    tokens += [
        t
        for obj in pobjs(noun, "including", "among", "especially", "mainly", "notably")
        for t in obj.subtree
    ]
    for child in noun.children:  # "including women, …" parsed as a verb
        if child.lower_ in ("including", "notably", "especially") and child.i > noun.i:
            tokens += list(child.subtree)
    tokens += [
        t
        for acl in children(noun, "acl", "relcl")
        for t in acl.subtree
        if t.lower_ in ("sentences", "sentence", "terms", "life")
    ]
    found = lookup(table, tokens)
    low = [t.lower_ for t in tokens]
    for n, word in enumerate(low):  # "men over 50", "aged over 60"
        if (
            word == "over"
            and n + 1 < len(low)
            and low[n + 1].isdigit()
            and "elderly" not in found
            and "elderly" in table.values()
        ):
            found.append("elderly")
    return found


def detainees(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    noun = anchor
    if verbal(anchor) or anchor.lemma_.lower() in (
        "release",
        "exchange",
        "swap",
        "return",
        "handover",
        "trade",
    ):
        objs = [*children(anchor, "dobj"), *pobjs(anchor, "of")]
        if objs:
            noun = objs[0]
    if noun.pos_ == "NUM" and number_at(doc, noun.left_edge.i) is not None:
        params["count"] = number_at(doc, noun.left_edge.i)[0]  # "an exchange of 1,000 for 1,000"
    read_count(ctx, noun, params)
    table = ctx.lex.categories.get(target.type, {})
    restricted = False
    if target.type in ("hostage_release", "prisoner_release"):
        cats = categories(ctx, target, table, noun)
        if target.type == "prisoner_release":
            phrases = []
            for child in noun.lefts:  # "severely wounded and seriously ill prisoners"
                if child.dep_ == "amod" and any(
                    c.dep_ == "advmod" and c.lower_ not in ("how", "so", "too", "very")
                    for c in child.children
                ):
                    for conj in conjuncts(child):
                        adverbs = [
                            c
                            for c in conj.children
                            if c.dep_ == "advmod" and c.lower_ not in ("all", "both", "only")
                        ]
                        first = adverbs[0].i if adverbs and adverbs[0].i < conj.i else conj.i
                        phrases.append(text_of(doc, first, conj.i + 1))
            if phrases:
                cats = [
                    c
                    for c in cats
                    if not any(c in p or p.endswith(c) for p in phrases)
                    and c not in ("sick", "wounded")
                ] + phrases
            lemma = noun.lemma_.lower()
            if lemma in table and table[lemma] not in cats:
                cats.append(table[lemma])
            derived = target.cue_id.endswith("+conj") or target.cue_id.startswith("release.")
            if derived and not cats and lemma not in ctx.words("prisoner_nouns"):
                start = noun.left_edge.i
                while start < target.end and (
                    number_at(doc, start) is not None
                    or doc[start].lower_ in DETERMINERS
                    or doc[start].lower_ in _APPROXIMATELY
                    or doc[start].is_punct
                ):
                    start += 1
                phrase = text_of(doc, start, max(target.end, noun.i + 1))
                if phrase:
                    cats = [phrase]
            for tok in noun.subtree:
                if tok.lower_ in ("sentences", "sentence", "terms", "term") and tok.i > noun.i:
                    phrase = text_of(doc, tok.left_edge.i, tok.i + 1)
                    phrase = phrase.removeprefix("serving ").strip()
                    cats = [c for c in cats if c not in ("life sentences", "long sentences")]
                    cats.append(table.get(phrase.lower(), phrase))
        elif anchor.lemma_.lower() in table and table[anchor.lemma_.lower()] not in cats:
            cats.append(table[anchor.lemma_.lower()])
        restricted = bool(cats)
        if cats:
            params["categories"] = [
                *params.get("categories", []),
                *[c for c in cats if c not in params.get("categories", [])],
            ]
    if "all for all" in " ".join(
        t.lower_ for t in doc[target.start : target.end] if not t.is_punct
    ) and "all" not in params.get("categories", []):
        params["categories"] = ["all", *params.get("categories", [])]  # an "all for all" exchange
    if is_all(ctx, noun) and not restricted:
        params["categories"] = ["all", *[c for c in params.get("categories", []) if c != "all"]]
    if target.type == "hostage_release":
        around = [
            *doc[noun.left_edge.i : noun.i + 1],
            *doc[noun.i + 1 : min(noun.i + 6, target.end)],
        ]
        states = lookup(ctx.lex.alive_words, around)  # "living hostages", "…, living and dead,"
        if states:
            params["alive_or_deceased"] = (
                "alive and deceased" if {"alive", "deceased"} <= set(states) else states[0]
            )
        after = " ".join(t.lower_ for t in doc[noun.i + 1 : noun.i + 3])
        if "count" in params and (
            after in ("a day", "per day", "each day", "every day") or after.startswith("daily")
        ):
            params["per_day_rate"] = params.pop("count")  # "three hostages a day"
        read_timeline(ctx, target, params, "within_hours")
    if target.type in ("remains_and_missing", "prisoner_release") and "count" in params:
        # "for the remains of each dead hostage handed over, Israel would return the remains
        # of 15 Gazans": a ratio, stated before the term in its sentence
        sent = anchor.sent
        for i in range(sent.start + 1, target.start):
            if doc[i].lower_ in ("each", "every") and doc[i - 1].lower_ in ("for", "of"):
                name = (
                    "exchange_ratio"
                    if target.type == "remains_and_missing"
                    else "ratio_per_hostage"
                )
                params[name] = params.pop("count")
                break
    if target.cue_id.endswith("+rest"):
        params.setdefault(
            "categories", [text_of(doc, noun.left_edge.i, noun.i + 1, drop_det=False)]
        )
    if target.type == "prisoner_release":
        for i in range(target.start, min(target.end + 6, len(doc))):
            if (
                doc[i].lower_ in ("each", "every")
                and i + 1 < len(doc)
                and doc[i - 1].lower_ == "for"
            ):
                count = params.pop("count", None)
                if count is not None:
                    params["ratio_per_hostage"] = count
                break
        if any(t.lower_ in ("exile", "abroad", "deported") for t in doc[target.start : target.end]):
            params["destination"] = "exile"


def aid(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc = ctx.doc
    tokens = list(doc[target.start : target.end])
    for tok in tokens:
        if tok.lemma_.lower() in ("truck", "lorry", "truckload"):
            parsed = bound = None
            for child in tok.children:
                if child.dep_ == "nummod":
                    parsed = number_at(doc, child.i)
                    bound = bound_before(doc, child.left_edge.i)
            rest = " ".join(t.lower_ for t in doc[tok.i : min(len(doc), target.end + 3)])
            if parsed is not None and re.search(r"\b(a|per|each|every) day\b|\bdaily\b", rest):
                params[f"trucks_per_day_{bound}" if bound else "trucks_per_day"] = parsed[0]
    crossings = []
    for tok in tokens:
        if tok.lemma_.lower() in ("crossing", "port", "airport", "border", "checkpoint") and any(
            c.pos_ == "PROPN" and c.dep_ in ("compound", "nmod") for c in tok.lefts
        ):
            crossings.append(text_of(doc, tok.left_edge.i, tok.i + 1))
    if crossings:
        params["crossings"] = crossings
    anchor = target.anchor
    heads = [anchor, *([target.frame] if target.frame is not None else [])]
    verb = governing_verb(anchor)
    if verb is not None:
        heads.append(verb)
    for head in heads:
        for obj in pobjs(head, "through", "via", "by"):
            if obj.head.lower_ == "by" and not ctx.actors(obj):
                continue
            phrase = subtree_text(obj).lower()
            best = None
            for key, value in ctx.lex.delivery_mechanisms.items():
                at = re.search(rf"(?<![\w.]){re.escape(key)}(?![\w])", phrase)
                if at is not None and (best is None or at.start() < best[0]):
                    best = (at.start(), value)
            if best is not None:
                params["delivery_mechanism"] = best[1]
            if ctx.actors(obj) or obj.lemma_.lower() in (
                "agency",
                "organisation",
                "organization",
                "channel",
            ):
                params["distributor"] = subtree_text(obj)
            break
    if any(t.lemma_.lower() == "fuel" for t in tokens):
        for i in range(target.start, target.end):
            parsed = number_at(doc, i)
            if (
                parsed is not None
                and parsed[1] < len(doc)
                and doc[parsed[1]].lower_
                in ("litres", "liters", "tonnes", "tons", "tankers", "trucks", "gallons", "barrels")
            ):
                params["fuel_volume"] = parsed[0]


def movement(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    population = None
    opening = anchor.lemma_.lower() in ("opening", "reopening", "open", "reopen")
    if opening and verbal(anchor):
        subject = subject_of(anchor)
        if subject is not None and subject.i < anchor.i:  # "the Rafah crossing would reopen"
            params["route"] = subtree_text(subject)
    elif verbal(anchor):
        subject = subject_of(anchor)
        if subject is not None and subject.lemma_.lower() not in ("it", "they"):
            population = text_of(doc, subject.left_edge.i, subject.right_edge.i + 1)
    else:
        for obj in pobjs(anchor, "of"):
            if obj.lemma_.lower() in ctx.words("displaced") or obj.ent_type_ == "NORP":
                population = subtree_text(obj)
    if population:
        params["population"] = population
    routes = [
        o for o in pobjs(anchor, "to", "between", "across", "through") if o.i not in target.others
    ]
    if anchor.lemma_.lower() in ("opening", "reopening", "open", "reopen"):
        routes = [*pobjs(anchor, "of"), *children(anchor, "dobj")] or routes
    if target.cue_id == "return.transit":
        params["route"] = text_of(doc, anchor.i + 1, target.end) or text_of(
            doc, target.start, target.end
        )
    elif routes and anchor.lemma_.lower() in ("opening", "reopening", "open", "reopen"):
        params["route"] = text_of(
            doc, routes[0].left_edge.i, max(target.end, routes[0].right_edge.i + 1)
        )
    elif routes and routes[0].lemma_.lower() not in ("home", "homes"):
        params["route"] = subtree_text(routes[0])
    read_dates(ctx, target, params, "start_at")


def protection(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    anchor = target.anchor
    objects = [*children(anchor, "dobj"), *pobjs(anchor, "of", "on", "against")]
    if objects:
        params["protected_objects"] = [
            text_of(ctx.doc, c.left_edge.i, conj_end(c)) for c in conjuncts(objects[0])
        ]
        if len(params["protected_objects"]) == 1:
            params["protected_objects"] = params["protected_objects"][0]


def reconstruction(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    anchor = target.anchor
    if anchor.lemma_.lower() not in ("reconstruction", "rebuilding", "rebuild", "reconstruct"):
        measure_from_span(ctx, target, params)
    verb = governing_verb(anchor)
    if verb is not None and (verb.i == anchor.i or verb.lemma_ in _ADMINISTER):
        subject = subject_of(verb)
        if (
            subject is not None
            and subject.i != anchor.i
            and subject.lemma_.lower() not in ctx.words("frame_heads")
        ):
            admins = ctx.actors(subject)
            if admins:
                params["administrator"] = one_or_many(admins)
    indices = set(range(target.start, target.end))
    if verb is not None:
        for prep in children(verb, "prep"):
            indices.update(range(prep.i, prep.right_edge.i + 1))
    for duration in durations(ctx.doc, indices):
        if duration.kind == "years":
            params.update(duration_params(duration))
            break
    money_tokens = (
        list(verb.subtree)
        if verb is not None and verb.lemma_ not in ctx.words("speech_verbs")
        else list(ctx.doc[target.start : target.end])
    )
    for tok in money_tokens:
        if tok.text in ("$", "€", "£") or tok.lower_ in ("dollars", "euros"):
            parsed = number_at(ctx.doc, tok.i + 1) if tok.text in ("$", "€", "£") else None
            if parsed is not None:
                params["funding_amount"] = parsed[0]


def sanctions(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    anchor = target.anchor
    if "measure" not in params:
        params["measure"] = (
            text_of(ctx.doc, max(target.start, anchor.left_edge.i), target.end)
            if anchor.pos_ != "VERB"
            else text_of(ctx.doc, anchor.i, target.end)
        )
    targets = [
        a
        for obj in [*pobjs(anchor, "on", "against", "of"), *children(anchor, "dobj")]
        for a in ctx.actors(obj)
    ]
    if targets:
        params["target"] = one_or_many(targets)
