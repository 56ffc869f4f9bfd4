"""The spaCy component ``parley_events``: scan once, read each trigger, merge."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..analysis import Analysis, EventMention, analysis_of
from ..lexicons import load_cue_file, load_lexicons
from .base import Mention
from .lexicon import EventLexicon, load_event_lexicon
from .split import Splitter
from .triggers import CueIndex, Scan


class Context(Splitter):
    """One article's state while its events are read (see :mod:`.base` for the layers)."""


class EventFinder(CueIndex):
    """Finds event cues in one scan of the doc and turns them into :class:`EventMention`."""

    def __init__(self, nlp: Language, lexicon: EventLexicon | None = None):
        super().__init__(lexicon or load_event_lexicon())
        self.classes = self.lex.classes
        places = load_cue_file("places.json", {"cities": dict})
        self.city_country: dict[str, str] = dict(places["cities"])
        registry = load_lexicons().actors
        self.registry = registry
        self.capital_of: dict[str, str] = {}
        self.capitals: dict[str, list[str]] = {}
        for entry in registry:
            for capital in entry.capitals:
                self.capital_of.setdefault(capital, entry.id)
            self.capitals[entry.id] = list(entry.capitals)
        self.request_modes = self.lex.request_modes

    def __call__(self, doc: Doc) -> Doc:
        analysis = analysis_of(doc)
        analysis.events = self.find(doc, analysis)
        return doc

    def find(self, doc: Doc, analysis: Analysis, trace: list[str] | None = None) -> list[EventMention]:
        """The events of ``doc``; ``trace`` collects why each cue did or did not make one."""
        scan = Scan(doc, self.lex.obligation_modals)
        triggers = self.triggers(doc, scan)
        if not triggers:
            return []
        ctx = Context(doc, analysis, self, triggers, scan, trace)
        mentions: list[Mention] = []
        for trigger in triggers:
            mention = ctx.mention(trigger)
            if mention is not None:
                mentions.extend(ctx.split(mention, trigger))
        return ctx.merge(mentions)


@Language.factory(
    "parley_events",
    requires=["doc._.parley", "token.dep", "token.lemma", "token.pos"],
    assigns=["doc._.parley"],
)
def make_event_finder(nlp: Language, name: str) -> EventFinder:
    return EventFinder(nlp)
