"""What the parameter readers share: the doc context, the term being read, and common readers
(counts, dates, timelines, actors, places)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Token

from ....lexicon.actors import ActorRegistry
from ...analysis import Analysis
from ...coref import actors_of
from ..syntax import (
    LOCATIVE,
    VAGUE_QUANTITIES,
    ancestors,
    children,
    conjuncts,
    governing_verb,
    pobjs,
    subtree_text,
    text_of,
    verbal,
)
from .numbers import TIMELINE_PREPS, Duration, bound_before, durations, number_at

if TYPE_CHECKING:  # pragma: no cover
    from ..lexicon import TermLexicon


@dataclass
class Context:
    """What the parameter readers share for one doc."""

    doc: Doc
    analysis: Analysis
    lex: TermLexicon
    registry: ActorRegistry | None
    _place: str | None = None
    _place_done: bool = False
    _dates: dict[int, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        """Index the outermost date mentions by token (not the dateline)."""
        mentions = [m for m in self.analysis.dates or () if getattr(m, "kind", "") != "dateline"]
        for mention in sorted(mentions, key=lambda m: m.start - m.end):
            for i in range(mention.start, mention.end):
                self._dates.setdefault(i, mention)

    def range_end(self, mention: Any) -> Any:
        """The last date inside a range ("June 30" in "between June 20 and June 30")."""
        inside = [
            m
            for m in self.analysis.dates
            if m is not mention and mention.start <= m.start and m.end == mention.end and m.value
        ]
        return max(inside, key=lambda m: m.end - m.start, default=None)

    def main_place(self) -> str | None:
        """The article's most-mentioned place that is not an actor."""
        if not self._place_done:
            counts: Counter[str] = Counter()
            for ent in self.doc.ents:
                if (
                    ent.label_ in ("GPE", "LOC")
                    and not ent.text.isupper()
                    and not any(
                        self.analysis.mention_at(i) is not None for i in range(ent.start, ent.end)
                    )
                ):
                    counts[ent.text.removeprefix("the ").strip()] += 1
            self._place = counts.most_common(1)[0][0] if counts else None
            self._place_done = True
        return self._place

    def actors(self, token: Token) -> list[str]:
        return actors_of(self.doc, self.analysis, token)

    def kind(self, actor: str) -> str | None:
        entry = self.registry.get(actor) if self.registry is not None else None
        return entry.kind if entry is not None else None

    def dates_in(self, start: int, end: int) -> list[Any]:
        seen: list[Any] = []
        for i in range(start, end):
            mention = self._dates.get(i)
            if mention is not None and mention not in seen and mention.value:
                seen.append(mention)
        return seen

    def words(self, name: str) -> frozenset[str]:
        return self.lex.words.get(name, frozenset())


def one_or_many(values: list[str]) -> str | list[str] | None:
    unique = list(dict.fromkeys(v for v in values if v))
    if not unique:
        return None
    return unique[0] if len(unique) == 1 else unique


def place_text(ctx: Context, token: Token, stop: int | None = None) -> str | list[str]:
    """A place phrase as text; generic "the enclave" → the article's main place; "the A, B
    and C regions" → [A, B, C]."""
    doc = ctx.doc
    if (
        token.lemma_.lower() in ctx.lex.generic_places
        and all(c.dep_ == "det" for c in token.lefts)
        and not list(token.rights)
    ):
        return ctx.main_place() or subtree_text(token)
    names = [c for c in token.lefts if c.dep_ in ("compound", "nmod", "amod") and c.pos_ == "PROPN"]
    names = [n for c in names for n in conjuncts(c) if n.pos_ == "PROPN"]
    if len(names) >= 2:
        return [n.text for n in sorted(names, key=lambda t: t.i)]
    asides = [c.left_edge.i for c in token.rights if c.dep_ in ("appos",) or c.text == ","]
    end = min([token.right_edge.i + 1, stop or len(doc), *asides])
    return text_of(doc, token.left_edge.i, end)  # "Lashio[, the largest city in …]"


# ----------------------------------------------------------------------------- readers


@dataclass
class Target:
    """The term being read: its type, anchor, frame, span and cue."""

    type: str
    anchor: Token
    frame: Token | None
    start: int
    end: int
    cue_id: str
    cue_params: dict[str, Any]
    others: frozenset[int]  # token indices of other terms' anchors


def actor_tokens(ctx: Context, tokens: Iterable[Token], *, locative: bool = False) -> list[str]:
    found: list[str] = []
    for tok in tokens:
        mention = ctx.analysis.mention_at(tok.i)
        if mention is None:
            continue
        root = ctx.doc[mention.start : mention.end].root
        if (
            not locative
            and root.dep_ == "pobj"
            and root.head.lower_ in LOCATIVE
            and root.head.head.lower_ not in ("representatives", "mission")
        ):
            continue
        if mention.actor not in found:
            found.append(mention.actor)
    return found


def parties_words(ctx: Context, tokens: Iterable[Token]) -> list[str]:
    for tok in tokens:
        if tok.lower_ in ("parties", "sides") and tok.tag_ in ("NNS", "NNPS"):
            return list(ctx.analysis.extra.get("parties", ()))
    return []


def lookup(words: dict[str, str], tokens: Iterable[Token]) -> list[str]:
    """Values of ``words`` (keys of one or two words) found among ``tokens``, in order."""
    toks = list(tokens)
    found: list[str] = []
    for n, tok in enumerate(toks):
        pair = f"{tok.lower_} {toks[n + 1].lower_}" if n + 1 < len(toks) else None
        for key in (pair, tok.lower_, tok.lemma_.lower()):
            if key and key in words:
                if words[key] not in found:
                    found.append(words[key])
                break
    return found


def read_count(ctx: Context, noun: Token, params: dict[str, Any]) -> None:
    doc = ctx.doc
    numbers = [c for c in noun.children if c.dep_ == "nummod"]
    if not numbers:
        for obj in pobjs(noun, "of"):  # "the bodies of 16 dead ones"
            numbers = [c for c in obj.children if c.dep_ == "nummod"]
            if numbers:
                break
    for num in numbers:
        start = num.left_edge.i
        for i in range(start, num.i + 1):
            parsed = number_at(doc, i)
            if parsed is None or doc[i].lower_ in VAGUE_QUANTITIES:
                continue
            value = parsed[0]
            bound = bound_before(doc, i)
            params[f"count_{bound}" if bound else "count"] = value
            return


def is_all(ctx: Context, noun: Token) -> bool:
    doc = ctx.doc
    left = [t.lower_ for t in doc[noun.left_edge.i : noun.i]]
    if "all" in left or "every" in left:
        return True
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ == "all":
        return True
    return False


def read_dates(
    ctx: Context,
    target: Target,
    params: dict[str, Any],
    first: str,
    second: str | None = None,
    *,
    until: int | None = None,
) -> None:
    found = ctx.dates_in(target.start, target.end if until is None else min(until, target.end))
    anchor = target.anchor
    verb = anchor if verbal(anchor) else None
    if (
        verb is None
        and anchor.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")
        and anchor.head.pos_ in ("VERB", "AUX")
    ):
        verb = anchor.head  # "holding another round between June 20 and June 30"
    for _ in range(3):  # "on July 6 both will order their forces to halt …"
        if (
            found
            or verb is None
            or until is not None
            or verb.lemma_.lower() in ctx.words("agreement_verbs")
        ):
            break
        for child in verb.children:
            if child.dep_ in ("prep", "npadvmod") and not (target.start <= child.i < target.end):
                found.extend(
                    m
                    for m in ctx.dates_in(child.left_edge.i, child.right_edge.i + 1)
                    if m not in found
                )
        if verb.dep_ not in ("xcomp", "ccomp", "advcl") or verb.head.pos_ not in ("VERB", "AUX"):
            break
        if verb.dep_ == "advcl" and any(c.dep_ == "mark" for c in verb.children):
            break  # "calm settled on Thursday after the government declared a truce": not its date
        verb = verb.head
    values: list[str] = []
    for mention in found:
        values.append(str(mention.value))
        if getattr(mention, "kind", "") == "range":  # "between June 20 and June 30"
            end = ctx.range_end(mention)
            if end is not None:
                values.append(str(end.value))
    if values:
        params[first] = values[0]
        if second and len(values) > 1:
            params[second] = values[1]


def read_timeline(
    ctx: Context, target: Target, params: dict[str, Any], name: str = "timeline_days"
) -> None:
    """ "within 60 days", "over the next 60 days" hanging from the term or a verb above it."""
    anchor = target.anchor
    heads = [anchor, *ancestors(anchor, 6)]
    verb = governing_verb(anchor)
    if verb is not None:
        heads += [t for t in verb.subtree if t.dep_ in ("advcl", "xcomp") and t.i > anchor.i]
    for head in heads:
        for prep in head.children:
            if (
                prep.dep_ != "prep"
                or prep.lower_ not in TIMELINE_PREPS
                or (name == "within_hours" and prep.lower_ not in ("within", "over"))
            ):
                continue
            for duration in durations(ctx.doc, range(prep.i, prep.right_edge.i + 1)):
                if _set_timeline(params, name, duration):
                    return
    # "Hamas will then have 72 hours to release …", "gives Hamas 72 hours to free …"
    verb = governing_verb(anchor)
    if verb is not None and verb.dep_ in ("xcomp", "advcl", "relcl", "acl"):
        owner = verb.head
        if owner.lemma_.lower() in ("have", "give", "get", "allow", "grant"):
            for obj in children(owner, "dobj"):
                for duration in durations(ctx.doc, range(obj.left_edge.i, obj.i + 1)):
                    if _set_timeline(params, name, duration):
                        return


def _set_timeline(params: dict[str, Any], name: str, duration: Duration) -> bool:
    """A timeline in hours or days, in the unit ``name`` asks for."""
    if duration.kind not in ("hours", "days"):
        return False
    hours = duration.low if duration.kind == "hours" else duration.low * 24
    if name == "within_hours":
        params[name] = hours
    else:
        days = hours / 24
        params[name] = int(days) if float(days).is_integer() else round(days, 2)
    return True


def _quantifies_fighting(ctx: Context, doc: Doc, end: int) -> bool:
    """The duration ending at ``end`` measures fighting ("two days of heavy fighting", "a
    week of clashes"), not a provision."""
    if end >= len(doc) or doc[end].lower_ != "of":
        return False
    words = ctx.words("fighting_words") | ctx.words("war_words")
    for token in doc[end + 1 : min(end + 4, len(doc))]:
        if token.lemma_.lower() in words or token.lower_ in words:
            return True
        if token.pos_ not in ("ADJ", "DET", "ADV"):
            return False
    return False


def own_durations(ctx: Context, target: Target) -> list[Duration]:
    """Durations of the term itself, not timelines ("within 60 days") nor another phase's
    length ("during its first, 42-day phase", unless the phase is the term)."""
    doc = ctx.doc
    out = []
    for d in durations(doc, range(target.start, target.end)):
        if d.prep in TIMELINE_PREPS:
            continue
        follows = [doc[i] for i in range(d.end, min(d.end + 2, len(doc)))]
        if any(t.lower_ in ("phase", "stage") and t.i != target.anchor.i for t in follows):
            continue
        if _quantifies_fighting(ctx, doc, d.end):
            continue  # "a ceasefire to end two days of heavy fighting": the fighting's length
        out.append(d)
    return out


# ----------------------------------------------------------------------------- per type


def name_of(noun: Token) -> str:
    """A noun phrase without its relative clauses and participles, nor words the parser hung
    on its left that are not its modifiers ("[whose boundaries] a technical subcommittee")."""
    doc = noun.doc
    stops = [c.left_edge.i for c in noun.rights if c.dep_ in ("relcl", "acl", "appos", "punct")]
    start = noun.i
    while start > noun.left_edge.i and doc[start - 1].dep_ in PREMODIFIERS:
        start -= 1
    return text_of(doc, start, min([noun.right_edge.i + 1, *stops]))


PREMODIFIERS = frozenset(
    {"det", "amod", "compound", "nummod", "poss", "nmod", "quantmod", "case", "advmod", "punct"}
)
