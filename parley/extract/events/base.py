"""One article's state while its events are read, and the records passed between steps.

The context is built in layers, each a class using only the layers below it:
:class:`ContextBase` (the article, its proposals and content sentences) →
:class:`~.places.Places` (clauses, locations, sources) → :class:`~.dates.Dates` (clause dates,
dates from context) → :class:`~.referents.Referents` (actor ids for phrases) →
:class:`~.modality.Modality` (negation, modality, what is not news) → :class:`~.objects.Objects`
(object tests) → :class:`~.arguments.Arguments` (actors and recipients by role) →
:class:`~.merge.Merger` (one event per interaction) → :class:`~.readings.Readings` (type by
modality, acts read as another type) → :class:`~.build.Builder` (one trigger → one mention).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from ..analysis import Analysis, EventMention
from .lexicon import Cue
from .triggers import Scan, Trigger

if TYPE_CHECKING:
    from .component import EventFinder


@dataclass(slots=True)
class Status:
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    obligation: bool = False
    conditioned: bool = False  # has an "if"/"unless" clause of its own
    question: bool = False
    expected: bool = False  # "is expected to travel", "is due to meet": others' schedule, no one's promise


@dataclass
class Mention:
    event: EventMention
    cue: Cue
    paragraph: int
    attach: bool = False  # a definite "the talks": joins the meeting it refers to
    extra_actors: list[str] = field(default_factory=list)
    triggers: list[int] = field(default_factory=list)  # every mention merged into this one
    paragraphs: list[int] = field(default_factory=list)
    period_end: date | None = None  # last day of the period its clause's date names
    counterpart: bool = False  # met someone named whom no actor id stands for
    refers: bool = False  # "the talks", "a second round": a meeting named without its participants
    reported_date: bool = False  # a weak date: the report's ("said on Monday it had signed …") or a bound
    proposal: int | None = None  # the proposal its object names (index into Analysis.proposals)
    mutual: bool = False  # "each side accused the other": one event each way (split.py)


class ContextBase:
    """The article, the finder's tables and the sentences that state a proposal's content."""

    def __init__(self, doc: Doc, analysis: Analysis, finder: EventFinder, triggers: list[Trigger],
                 scan: Scan, trace: list[str] | None = None):
        self.trace = trace
        self.doc = doc
        self.analysis = analysis
        self.f = finder
        self.lex = finder.lex
        self.trigger_at = {t.token.i: t for t in triggers}
        self.parties = list(analysis.extra.get("parties", ()))
        self.mediators = list(analysis.extra.get("mediators", ()))
        self.proposal_at: dict[int, int] = analysis.extra.get("proposal_at", {})
        self.paragraph = scan.paragraph
        self.published = analysis.published
        self.dateline = scan.dateline
        # what the proposals component calls content is broader (it also marks an agreed
        # exchange as the terms of an agreement): events read their own, narrower signal
        self.content = self._content_sentences()

    def _content_sentences(self) -> set[int]:
        """Sentences that state what a proposal contains, not what anyone did: "Under the
        package, …", "The offer also calls for …", "It further proposes …", and the "In
        return, …" or "During its first phase, …" that continue them."""
        found: set[int] = set()
        previous: int | None = None
        last_sentence: Span | None = None
        proposal_words = self.f.classes["proposal"]
        content_verbs = self.f.classes["content_verbs"]
        for sent in self.doc.sents:
            first = next((t for t in sent if not (t.is_space or t.is_punct)), None)
            content = False
            if first is not None and first.lower_ == "under" and first.dep_ == "prep":
                content = True  # "Under the deal, …", "Under the first, …"
            root = sent.root
            subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and root.lemma_.lower() in content_verbs:
                if subject.i in self.proposal_at or subject.lemma_.lower() in proposal_words:
                    content = True
                elif subject.lower_ in ("it", "which") and last_sentence is not None and not (
                    root.lemma_.lower() == "call" and any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in root.children)
                ) and any(i in self.proposal_at for i in range(last_sentence.start, last_sentence.end)):
                    content = True  # "It also called for …" after "The proposal he submitted …"
            last_sentence = sent
            if not content and previous is not None and self.paragraph[sent.start] == self.paragraph[previous]:
                text = sent.text.lower()
                if text.startswith(("in return", "in exchange", "in addition", "during its", "during the first", "during the second")):
                    content = True
                elif root.tag_ in ("VBP", "VBZ") or any(c.dep_ == "aux" and c.lower_ in ("would", "will") for c in root.children):
                    content = True  # "They also agree to …", "Israeli forces would pull back …"
            if not content and any(
                t.lower_ == "according" and any(g.i in self.proposal_at or g.lemma_.lower() in ("copy", "text", "document", "draft")
                                                for c in t.children for g in c.subtree)
                for t in sent
            ):
                content = True  # "…, according to a copy of the agreement"
            if not content and any(
                t.lemma_.lower() in ("say", "state") and any(c.dep_ == "nsubj" and (c.i in self.proposal_at or c.lemma_.lower() in ("text", "document", "draft", "declaration", "agreement")) for c in t.children)
                for t in sent
            ):
                content = True  # "…, the text says"
            if not content and first is not None and any(t.lemma_.lower() == "phase" for t in sent) and any(
                t.lower_ == "would" for t in sent
            ):
                content = True  # "A third phase would deal with …"
            if content:
                found.add(sent.start)
                previous = sent.start
            else:
                previous = None
        return found

    def note(self, trigger: Trigger, why: str) -> None:
        if self.trace is not None:
            self.trace.append(f"{trigger.token.i}:{trigger.token.text}: {why}")

    def _in_class(self, tokens: Iterable[Token], name: str) -> bool:
        words = self.f.classes.get(name, frozenset())
        return any(t.lemma_.lower() in words or t.lower_ in words for t in tokens)
