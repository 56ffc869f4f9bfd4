"""Parameters of the security family, for the forces themselves: withdrawal, buffer zones,
disarmament, caps on arms and forces, outside military support."""

from __future__ import annotations

import re
from typing import Any

from ..syntax import (
    ancestors,
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
    one_or_many,
    place_text,
    read_timeline,
)
from .numbers import durations, number_at

# cues whose verb takes the place left as its object, not the forces
_PLACE_OBJECT_CUES = ("withdrawal.leave", "withdrawal.hand_back", "withdrawal.return_to_base")


def withdrawal(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    anchor = target.anchor
    actors: list[str] = []
    if verbal(anchor):
        subject = subject_of(anchor)
        if subject is not None:
            actors = ctx.actors(subject)
        if not actors and not target.cue_id.startswith(_PLACE_OBJECT_CUES):
            for obj in children(anchor, "dobj"):  # "withdraw its troops"; not "leave Libya"
                actors = ctx.actors(obj)
        if not actors and subject is not None and not ctx.analysis.mention_at(subject.i):
            text = subtree_text(subject)
            if (
                subject.head.i != anchor.i and subject.i < anchor.i
            ):  # misparsed: "X not belonging to Y leave"
                text = text_of(ctx.doc, subject.left_edge.i, anchor.i)
            if text:
                actors = [text]
    else:
        for child in anchor.children:
            if child.dep_ in ("amod", "compound", "poss", "nmod") and child.i < anchor.i:
                actors.extend(a for a in ctx.actors(child) if a not in actors)
        if not actors:
            for obj in pobjs(anchor, "of", "by"):
                actors = ctx.actors(obj)
                if not actors and obj.lemma_.lower() in ctx.words("forces"):
                    actors = [subtree_text(obj)]
    value = one_or_many(actors)
    if value:
        params["withdrawing_actor"] = value
    doc = ctx.doc
    areas = []
    for tok in doc[target.start : target.end]:  # "from X", also under "of the M23 from X"
        if tok.dep_ == "prep" and tok.lower_ in ("from", "out") and tok.i > anchor.i - 1:
            areas.extend(
                o
                for o in pobjs(tok.head, tok.lower_)
                if o.head.i == tok.i or o.head.head.i == tok.i
            )
    if not areas and target.end < len(doc) and doc[target.end].lower_ == "from":
        areas = children(doc[target.end], "pobj")  # a "from" phrase the parser hung elsewhere
    areas = [
        a
        for a in areas
        if (a.lemma_.lower() not in ctx.words("forces") and not ctx.analysis.mention_at(a.i))
        or a.ent_type_ in ("GPE", "LOC")
    ]
    if not areas and target.cue_id.startswith(_PLACE_OBJECT_CUES):
        areas = children(anchor, "dobj")  # "leave Libyan territory", "hand back Lashio"
    if not areas and target.cue_id.startswith("withdrawal.return_to_base"):
        subject = subject_of(anchor)  # "units … on the front lines are to return to camps"
        areas = pobjs(subject, "on", "in", "along", "at") if subject is not None else []
    if not areas and target.cue_id.startswith("withdrawal.defensive"):
        areas = [o for c in anchor.subtree for o in pobjs(c, "in")]
    direction = None
    for tok in anchor.subtree:  # "remain south of the Litani River"
        if (
            tok.lower_ in ("south", "north", "east", "west")
            and tok.i > anchor.i
            and tok.i < target.end
        ):
            direction = tok
            break
    if direction is not None and target.cue_id == "withdrawal.pull_verb":
        params["to_line"] = text_of(
            doc, direction.i, direction.right_edge.i + 1
        )  # "move … north of X"
    elif direction is not None and (not areas or target.cue_id == "withdrawal.not_remain"):
        params["from_area"] = text_of(doc, direction.i, direction.right_edge.i + 1)
    if areas and "from_area" not in params:
        params["from_area"] = place_text(ctx, areas[0])
    for obj in pobjs(anchor, "to"):
        if obj.i not in target.others:
            if obj.lower_ in ("which", "that", "where") and anchor.dep_ == "relcl":
                obj = anchor.head  # "the line to which its forces withdrew"
                params["to_line"] = text_of(doc, obj.left_edge.i, obj.i + 1)
            else:
                params["to_line"] = subtree_text(obj)
    extents = lookup(
        ctx.lex.extent_words, [*modifier_words(anchor), *ctx.doc[target.start : target.end]]
    )
    if extents:  # "pull back to a line and then withdraw further in stages": phased
        params["extent"] = "phased" if "phased" in extents else extents[0]
    read_timeline(ctx, target, params)
    for node in ancestors(anchor, 3):  # "a 90-day timeline for the withdrawal"
        if (
            node.lemma_.lower()
            in ("timeline", "timetable", "deadline", "period", "window", "transition", "phase")
            and "timeline_days" not in params
        ):
            for duration in durations(doc, range(node.left_edge.i, node.i)):
                if duration.kind == "days":
                    params["timeline_days"] = duration.low
                    break


def buffer(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    for obj in pobjs(anchor, "along", "on", "inside", "in", "across", "around", "near"):
        params["location"] = text_of(doc, obj.head.i, obj.right_edge.i + 1, drop_det=False)
        break
    tokens = range(
        target.start, min(anchor.sent.end, max(target.end, anchor.i + 9))
    )  # "… two kilometres wide"
    for i in tokens:
        parsed = number_at(doc, i)
        if parsed is None or parsed[1] >= len(doc):
            continue
        value, j = parsed
        if j < len(doc) and doc[j].text == "-":
            j += 1
        unit = doc[j].lower_ if j < len(doc) else ""
        if unit.startswith(("metre", "meter", "m")) and unit in (
            "m",
            "metre",
            "metres",
            "meter",
            "meters",
        ):
            params["depth_m"] = value
        elif unit in ("km", "kilometre", "kilometres", "kilometer", "kilometers"):
            params["depth_m"] = value * 1000
        elif unit in ("mile", "miles"):
            params["depth_m"] = round(value * 1609)
        if "depth_m" in params:
            break
    controller: list[str] = []
    verb = anchor.head if anchor.dep_ == "dobj" else None
    if verb is not None and verb.lemma_ in (
        "retain",
        "keep",
        "maintain",
        "control",
        "hold",
        "establish",
        "create",
        "set",
        "patrol",
    ):
        subject = subject_of(verb)  # "Israel would retain a security perimeter inside Gaza"
        if subject is not None:
            controller = ctx.actors(subject)
        if "location" not in params:
            for obj in pobjs(verb, "along", "inside", "in", "on", "near", "around"):
                params["location"] = text_of(doc, obj.head.i, obj.right_edge.i + 1, drop_det=False)
                break
    if anchor.dep_ == "pobj" and anchor.head.lower_ in ("to", "into"):
        verb = governing_verb(anchor)
        subject = subject_of(verb) if verb is not None else None
        if subject is not None:
            controller = ctx.actors(subject)
    for obj in pobjs(anchor, "by", "under"):
        controller = controller or ctx.actors(obj)
    value = one_or_many(controller)
    if value:
        params["controller"] = value


def agent_actor(ctx: Context, target: Target) -> list[str]:
    """Who carries out the term: the verb's subject (its object for "disarm X"), else a
    possessor or modifier of the noun, its "of"/"by" phrase, or the governing verb's subject."""
    anchor = target.anchor
    if verbal(anchor):
        objects = children(anchor, "dobj")
        if target.cue_id in ("disarm.verb", "disarm.neutralise") and objects:
            found = ctx.actors(objects[0])
            if found:
                return found
        subject = subject_of(anchor)
        if subject is not None:
            found = ctx.actors(subject)
            if found:
                return found
        for obj in objects:
            found = ctx.actors(obj)
            if found:
                return found
        return []
    for child in anchor.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < anchor.i:
            found = ctx.actors(child)
            if found:
                return found
    for obj in pobjs(anchor, "of", "by"):
        found = ctx.actors(obj)
        if found:
            return found
    verb = governing_verb(anchor)
    if verb is not None and verb.lemma_ not in ctx.words("speech_verbs"):
        subject = subject_of(verb)
        if subject is not None and subject.i != anchor.i:
            return ctx.actors(subject)
    return []


def disarmament(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    value = one_or_many(agent_actor(ctx, target))
    if value:
        params["actor"] = value
    classes = weapon_classes(ctx, target)
    if classes:
        params["weapon_classes"] = classes
    read_timeline(ctx, target, params)
    doc, sent = ctx.doc, target.anchor.sent
    for tok in sent:  # "weapons … frozen or stored under Egyptian supervision"
        if tok.lemma_.lower() in _STORAGE and tok.i >= target.start - 3:
            first = tok.head if tok.dep_ == "conj" and tok.head.lemma_.lower() in _STORAGE else tok
            last = [c for c in conjuncts(tok) if c.lemma_.lower() in _STORAGE][-1]
            preps = [c for c in last.rights if c.dep_ in ("prep", "agent")]
            end = preps[0].right_edge.i + 1 if preps else last.i + 1
            params["storage"] = text_of(doc, first.i, end)
            break
    verifier = verifier_of(ctx, sent)
    if verifier:
        params["verifier"] = verifier


_STORAGE = frozenset(
    {"store", "storage", "freeze", "warehouse", "stockpile", "canton", "cantonment", "deposit"}
)
_VERIFY = frozenset({"verify", "monitor", "supervise", "oversee", "inspect", "certify"})


def weapon_classes(ctx: Context, target: Target) -> list[str]:
    """The weapons named in the term, with their kind: "heavy weapons", "explosives",
    "improvised mines" (not who holds them: "Tigrayan heavy weapons" → "heavy weapons")."""
    doc = ctx.doc
    found: list[str] = []
    for tok in doc[target.start : target.end]:
        if not (
            tok.pos_ == "NOUN"
            and ctx.lex.words.get("weapon_words")
            and tok.lower_ in ctx.words("weapon_words") | {"weapon", "arm"}
        ):
            continue
        mods = [
            c
            for c in tok.lefts
            if c.dep_ in ("amod", "compound")
            and not ctx.analysis.mention_at(c.i)
            and c.lower_ not in ("its", "their", "all", "remaining", "the")
        ]
        start = mods[0].left_edge.i if mods else tok.i
        text = text_of(doc, start, tok.i + 1)
        if text and text not in found:
            found.append(text)
    return found


def verifier_of(ctx: Context, sent: Any) -> str | list[str] | None:
    """Who checks the term: "verified by the UN mission", "which independent monitors would
    verify", "under Egyptian supervision"."""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if lemma in _VERIFY and tok.pos_ == "VERB":
            agents = [o for a in children(tok, "agent") for o in children(a, "pobj")]
            people = agents or children(tok, "nsubj")
            if people and people[0].lower_ not in ("which", "that", "who", "it", "they"):
                found = ctx.actors(people[0])
                return one_or_many(found) if found else subtree_text(people[0])
        if (
            lemma in ("supervision", "monitoring", "oversight", "verification")
            and tok.pos_ == "NOUN"
        ):
            found = [a for c in tok.lefts for a in ctx.actors(c)]
            found += [a for o in pobjs(tok, "of", "by") for a in ctx.actors(o)]
            if found:
                return one_or_many(found)
    return None


def limits(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    value = one_or_many(agent_actor(ctx, target))
    if value:
        params["actor"] = value
    measure_from_span(ctx, target, params)
    for i in range(target.start, target.end):
        parsed = number_at(ctx.doc, i)
        if parsed is not None:
            params["cap_value"] = parsed[0]
            break
    systems = [  # "heavy weapons", "aircraft", "long-range missiles"
        text_of(ctx.doc, t.left_edge.i if t.left_edge.i >= target.start else t.i, t.i + 1)
        for t in ctx.doc[target.start : target.end]
        if t.pos_ == "NOUN" and t.lower_ in _WEAPON_SYSTEMS
    ]
    if systems:
        params["weapon_systems"] = one_or_many(
            [s for s in systems if not ctx.analysis.mention_at(ctx.doc[target.start].i)] or systems
        )


_WEAPON_SYSTEMS = frozenset(
    {
        "weapons",
        "missiles",
        "rockets",
        "aircraft",
        "warplanes",
        "jets",
        "drones",
        "artillery",
        "tanks",
        "warheads",
        "launchers",
        "missile",
        "weapon",
        "helicopters",
        "ships",
        "navy",
    }
)


def measure_from_span(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    if "measure" in params:
        return
    anchor = target.anchor
    if verbal(anchor):
        objects = [
            c
            for c in anchor.children
            if c.dep_ in ("dobj", "prt", "prep", "xcomp", "advmod", "attr")
        ]
        end = max([anchor.i + 1, *(c.right_edge.i + 1 for c in objects)])
        end = min(end, target.end)
        words = [anchor.lemma_] + [t.text for t in ctx.doc[anchor.i + 1 : end]]
        params["measure"] = (
            text_of(ctx.doc, anchor.i, end) if len(words) < 2 else " ".join(words).strip()
        )
        params["measure"] = re.sub(r"\s+([,.;:])", r"\1", params["measure"])
    else:
        start = max(target.start, anchor.left_edge.i)
        params["measure"] = text_of(ctx.doc, start, target.end)


def external(ctx: Context, target: Target, params: dict[str, Any]) -> None:
    doc, anchor = ctx.doc, target.anchor
    recipients = [a for obj in pobjs(anchor, "to", "for") for a in ctx.actors(obj)]
    if recipients:
        params["recipient"] = one_or_many(recipients)
    suppliers = [
        a for c in anchor.lefts if c.dep_ in ("amod", "compound", "poss") for a in ctx.actors(c)
    ]
    if suppliers and params.get("measure") != "no_membership":  # not NATO in "NATO membership"
        params["supplier"] = one_or_many(suppliers)
    if "measure" not in params:
        frames = {t.lemma_.lower() for t in [*ancestors(anchor, 3), *anchor.children]}
        if frames & {"refrain", "no", "not", "ban", "bar", "prohibit"} or any(
            c.dep_ == "neg" for a in ancestors(anchor, 2) for c in a.children
        ):
            # "not to support groups that attack the other": a halt; "no third-country
            # forces": what is excluded
            params["measure"] = (
                "halt" if verbal(anchor) else "no " + text_of(doc, anchor.left_edge.i, anchor.i + 1)
            )
        elif frames & ctx.words("halt"):
            params["measure"] = "halt"
    for obj in pobjs(anchor, "along", "on", "in", "near"):
        params["area"] = subtree_text(obj)
        break
    verb = anchor.head if anchor.dep_ in ("dobj",) else None
    if verb is not None and "area" not in params:
        for obj in pobjs(verb, "along", "on", "near"):
            params["area"] = subtree_text(obj)
            break
