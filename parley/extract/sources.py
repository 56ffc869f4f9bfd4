"""Component ``parley_sources``: who the article says each claim comes from.

Attribution is found at speech verbs ("said", "told", "added", "according to") and sorted
into the source kinds of RECORD.md by what the speaker phrase is:

- a named person → ``official`` (their affiliation);
- an outlet ("Asharq Al-Awsat", "Israeli media", "the newspaper") → ``media``; the outlet a
  speaker ``told`` is a media source too;
- "two sources in the Palestinian group", "an Israeli official, speaking on condition of
  anonymity", "a diplomat familiar with the talks" → ``anonymous`` (affiliation: the actor
  named inside the phrase); a later "the sources said" is the same source;
- "In a statement, the group said", "the text says" → ``document``;
- an actor or its office ("the Kremlin said", "Netanyahu's office said") → ``official``;
- residents, witnesses, analysts → ``unspecified``.

requires: doc._.parley.actor_mentions, doc._.parley.people, doc._.parley.media_spans, token.dep
assigns:  doc._.parley.sources, doc._.parley.source_of_verb
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .analysis import Analysis, SourceInfo, analysis_of
from .lexicons import Lexicons, load_cue_file, load_lexicons
from .people import fold

__all__ = ["SourceFinder"]

_SOURCE_KEYS = {
    "speech_verbs": list,
    "anonymous_heads": list,
    "anonymity_cues": list,
    "anonymous_determiners": list,
    "document_heads": list,
    "media_heads": list,
    "unspecified_heads": list,
    "document_markers": list,
}
_PRONOUNS = frozenset({"he", "she", "they", "it"})
_SUBJECTS = ("nsubj", "nsubjpass")


class SourceFinder:
    """Finds attributions and the sources behind them."""

    def __init__(self, nlp: Language, lexicons: Lexicons):
        self.lex = lexicons
        cues = load_cue_file("sources.json", _SOURCE_KEYS)
        self.speech_verbs = frozenset(cues["speech_verbs"])
        self.anonymous_heads = frozenset(cues["anonymous_heads"])
        self.anonymity_cues = tuple(cues["anonymity_cues"])
        self.anonymous_dets = frozenset(cues["anonymous_determiners"])
        self.document_heads = frozenset(cues["document_heads"])
        self.media_heads = frozenset(cues["media_heads"])
        self.unspecified_heads = frozenset(cues["unspecified_heads"])
        self.document_markers = tuple(cues["document_markers"])

    def __call__(self, doc: Doc) -> Doc:
        analysis = analysis_of(doc)
        for verb, speaker, audience in self.match(doc):
            self._attribute(doc, analysis, verb, speaker, audience)
        for number, source in enumerate(analysis.sources, 1):
            source.id = f"s{number}"
        return doc

    # -- finding attributions ------------------------------------------------------------

    def match(self, doc: Doc) -> list[tuple[Token, Token, Token | None]]:
        """(speech verb, speaker head, audience head) triples, in text order."""
        found = []
        for token in doc:
            if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
                to = doc[token.i + 1]
                objects = [c for c in to.children if c.dep_ == "pobj"]
                if objects:
                    found.append((token, objects[0], None))
                continue
            if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in self.speech_verbs:
                continue
            subject = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
            if subject is None and token.dep_ in ("conj", "advcl") and token.head.pos_ == "VERB":
                subject = next((c for c in token.head.children if c.dep_ in _SUBJECTS), None)
            audience = None
            if token.lemma_ == "tell":
                audience = next((c for c in token.children if c.dep_ in ("dobj", "dative")), None)
            by = self._passive_agent(token)
            if by is not None:
                found.append((token, by, None))
            if subject is not None and subject.dep_ == "nsubj":
                found.append((token, subject, audience))
            elif audience is not None:
                found.append((token, audience, None))
        return found

    @staticmethod
    def _passive_agent(verb: Token) -> Token | None:
        """"… was reported by Axios", "quoted by state media"."""
        for child in verb.children:
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        return None

    # -- classifying speakers ------------------------------------------------------------

    def _attribute(
        self, doc: Doc, analysis: Analysis, verb: Token, speaker: Token, audience: Token | None
    ) -> None:
        index = self._classify(doc, analysis, verb, speaker)
        if index is not None:
            analysis.source_of_verb[verb.i] = index
        if audience is not None:
            media = self._media_at(analysis, audience)
            if media is not None:
                self._add(analysis, SourceInfo("media", media[0], None, [media[1]]))

    def _classify(self, doc: Doc, analysis: Analysis, verb: Token, speaker: Token) -> int | None:
        phrase = self._phrase(doc, speaker)
        head = speaker.lemma_.lower()
        sentence = verb.sent.text.lower()
        if speaker.lower_ in _PRONOUNS:
            return self._pronoun(doc, analysis, speaker)
        media = self._media_at(analysis, speaker)
        if media is not None:
            return self._add(analysis, SourceInfo("media", media[0], None, [media[1]]))
        person = next((analysis.person_at[i] for i in range(phrase.start, phrase.end) if i in analysis.person_at), None)
        if person is not None and head not in self.document_heads and head != "office":
            p = analysis.people[person]
            return self._add(
                analysis,
                SourceInfo("official", p.name, p.affiliation, [(phrase.start, phrase.end)], person=person),
            )
        actor = self._actor_in(analysis, phrase)
        if head in self.anonymous_heads and self._anonymous(phrase, sentence):
            return self._anonymous_source(doc, analysis, phrase, speaker, actor)
        if head in self.media_heads or (head in ("report",) and phrase[0].lower_ == "the"):
            return self._media_generic(analysis, phrase, speaker)
        if head in self.unspecified_heads:
            return self._add(analysis, SourceInfo("unspecified", phrase.text, None, [(phrase.start, phrase.end)]))
        if head in self.document_heads:
            return self._add(analysis, SourceInfo("document", phrase.text, actor, [(phrase.start, phrase.end)]))
        marker = self._document_marker(verb)
        if marker is not None and actor is not None and person is None:
            return self._add(analysis, SourceInfo("document", marker.text, actor, [(marker.start, marker.end)]))
        if person is not None:
            p = analysis.people[person]
            return self._add(analysis, SourceInfo("official", phrase.text, p.affiliation, [(phrase.start, phrase.end)]))
        if actor is not None or speaker.pos_ == "PROPN" or head in self.anonymous_heads:
            return self._add(analysis, SourceInfo("official", phrase.text, actor, [(phrase.start, phrase.end)]))
        return None

    def _phrase(self, doc: Doc, head: Token) -> Span:
        """The speaker's noun phrase without relative clauses, appositions or punctuation."""
        left = head.left_edge.i
        right = head.i
        for child in head.rights:
            if child.dep_ in ("relcl", "appos", "acl", "punct", "cc", "conj") or child.text == ",":
                break
            right = child.right_edge.i
        if doc[left].dep_ == "det" and doc[left].lower_ in ("the",) and head.lemma_.lower() not in self.media_heads:
            pass
        return doc[left : right + 1]

    def _anonymous(self, phrase: Span, sentence: str) -> bool:
        words = {t.lower_ for t in phrase}
        if words & self.anonymous_dets or any(t.like_num for t in phrase):
            return True
        text = phrase.text.lower()
        if any(cue in text for cue in self.anonymity_cues):
            return True
        if phrase[0].lower_ == "the":
            return True  # "the sources said", "the official said": resolved to an earlier source
        return any(cue in sentence for cue in self.anonymity_cues[:12])

    def _anonymous_source(
        self, doc: Doc, analysis: Analysis, phrase: Span, speaker: Token, actor: str | None
    ) -> int | None:
        head = speaker.lemma_.lower()
        definite = phrase[0].lower_ == "the"
        if head == "one":
            of = next((c for c in speaker.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
            if inner is None:
                return None
            head = inner.lemma_.lower()
            definite = any(c.lower_ == "the" for c in inner.children)  # "one of the sources"
        if definite and actor is None:
            for index in range(len(analysis.sources) - 1, -1, -1):
                source = analysis.sources[index]
                if source.kind == "anonymous" and source.name and head in fold(source.name).split():
                    source.spans.append((phrase.start, phrase.end))
                    return index
                if source.kind == "anonymous" and source.name and head + "s" in fold(source.name).split():
                    source.spans.append((phrase.start, phrase.end))
                    return index
        if actor is None and any(t.lower_ in ("military", "army") for t in phrase):
            actor = analysis.extra.get("army_actor")
        return self._add(analysis, SourceInfo("anonymous", phrase.text, actor, [(phrase.start, phrase.end)]))

    def _media_generic(self, analysis: Analysis, phrase: Span, speaker: Token) -> int | None:
        if phrase[0].lower_ == "the" and len(phrase) <= 3:
            for index in range(len(analysis.sources) - 1, -1, -1):
                if analysis.sources[index].kind == "media":
                    analysis.sources[index].spans.append((phrase.start, phrase.end))
                    return index
        return self._add(analysis, SourceInfo("media", phrase.text, None, [(phrase.start, phrase.end)]))

    def _document_marker(self, verb: Token) -> Span | None:
        """"in a (joint) statement" attached to the verb."""
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "in":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() in ("statement", "letter", "post", "communique"):
                    doc = verb.doc
                    start = next((c.i for c in obj.lefts if c.dep_ == "amod"), obj.i)
                    return doc[start : obj.i + 1]
        return None

    def _pronoun(self, doc: Doc, analysis: Analysis, speaker: Token) -> int | None:
        """"he said" → the last person named before; their source if they have one."""
        if speaker.lower_ not in ("he", "she"):
            return None
        before = [i for i in analysis.person_at if i < speaker.i]
        if not before:
            return None
        person = analysis.person_at[max(before)]
        p = analysis.people[person]
        return self._add(analysis, SourceInfo("official", p.name, p.affiliation, [(speaker.i, speaker.i + 1)], person=person))

    @staticmethod
    def _media_at(analysis: Analysis, token: Token) -> tuple[str, tuple[int, int]] | None:
        for start, end, name in analysis.media_spans:
            if start <= token.i < end or (token.i < start and token.i >= start - 4 and token.head.i in range(start, end)):
                return name, (start, end)
            if token.i == end - 1 or (start <= token.head.i < end and token.dep_ == "compound"):
                return name, (start, end)
        # the outlet is the head's apposition or compound: "the London-based daily Asharq Al-Awsat"
        for start, end, name in analysis.media_spans:
            if any(start <= c.i < end for c in token.subtree):
                return name, (start, end)
        return None

    @staticmethod
    def _actor_in(analysis: Analysis, phrase: Span) -> str | None:
        for i in range(phrase.start, phrase.end):
            mention = analysis.mention_at(i)
            if mention is not None:
                return mention.actor
        return None

    @staticmethod
    def _add(analysis: Analysis, source: SourceInfo) -> int:
        """Add ``source`` or merge it with an equal one; return its index."""
        key = _key(source)
        for index, existing in enumerate(analysis.sources):
            if _key(existing) == key:
                existing.spans.extend(source.spans)
                return index
        analysis.sources.append(source)
        return len(analysis.sources) - 1


def _key(source: SourceInfo) -> tuple[str, str]:
    if source.person is not None:
        return ("person", str(source.person))
    name = re.sub(r"^(the|a|an)\s+", "", fold(source.name or ""))
    if source.kind == "anonymous":
        return ("anonymous", f"{name}|{source.affiliation}")
    return (source.kind, name)


@Language.factory(
    "parley_sources",
    requires=["doc._.parley", "token.dep", "token.lemma"],
    assigns=["doc._.parley"],
)
def make_source_finder(nlp: Language, name: str) -> SourceFinder:
    return SourceFinder(nlp, load_lexicons())
