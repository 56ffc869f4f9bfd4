"""Component ``parley_sources``: who the article says each claim comes from.

Attribution is found at speech verbs ("said", "told", "added", "according to") and sorted
into the source kinds of RECORD.md by what the speaker phrase is:

- a named person, also in apposition ("Pakistan's foreign minister, Ishaq Dar,") →
  ``official`` (their affiliation); a private person ("Moussa, a tanker driver") →
  ``unspecified``;
- an outlet ("Asharq Al-Awsat", "Israeli media", "the newspaper", "the state news agency";
  not "the civil defence agency") → ``media``; the outlet a speaker ``told`` too;
- "two sources in the Palestinian group", "an Israeli official, speaking on condition of
  anonymity", "a diplomat familiar with the talks", "diplomats" → ``anonymous``
  (affiliation: the actor the phrase speaks for, not a place or a people it names); a later
  "the sources said" or "one of them said" is the same source. A spokesman is on record
  unless the text says otherwise; bare "Ukrainian officials said" is on record;
- "In a statement, the group said", "in a video posted online", "the text says" →
  ``document`` (the whole phrase is its name);
- an actor or its office ("the Kremlin said", "Netanyahu's office said", "His office",
  "Gaza's civil defence agency") → ``official``; "the group said" is named as the actor
  last named; a bare name ("Israel said") is folded into a more specific source of the same
  actor when there is one (its leader, a statement, an official);
- residents, witnesses, analysts, medics → ``unspecified``.

Besides "say", reporting verbs of reaction ("welcomed", "praised", "dismissed") attribute
too (``sources.json``). The readers of speaker phrases are in :mod:`.source_voices`.

requires: doc._.parley.actor_mentions, doc._.parley.people, doc._.parley.media_spans, token.dep
assigns:  doc._.parley.sources, doc._.parley.source_of_verb
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .analysis import Analysis, SourceInfo, analysis_of
from .lexicons import Lexicons, load_cue_file, load_lexicons
from .source_voices import VoiceReaders

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
    "official_heads": list,
    "on_record_heads": list,
    "unnamed_heads": list,
    "document_nouns": list,
    "rebel_words": list,
}
_PRONOUNS = frozenset({"he", "she", "they", "it"})
_SUBJECTS = ("nsubj", "nsubjpass")


class SourceFinder(VoiceReaders):
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
        self.official_heads = frozenset(cues["official_heads"])
        self.on_record_heads = frozenset(cues["on_record_heads"])
        self.unnamed_heads = frozenset(cues["unnamed_heads"])
        self.document_nouns = frozenset(cues["document_nouns"])
        self.rebel_words = frozenset(cues["rebel_words"])

    def __call__(self, doc: Doc) -> Doc:
        analysis = analysis_of(doc)
        for verb, speaker, audience in self.match(doc):
            self._attribute(doc, analysis, verb, speaker, audience)
        self._fold_bare_names(doc, analysis)
        for number, source in enumerate(analysis.sources, 1):
            source.id = f"s{number}"
        return doc

    @staticmethod
    def _fold_bare_names(doc: Doc, analysis: Analysis) -> None:
        """"Israel said" where the article also quotes Israel's prime minister, its office, a
        statement or an Israeli official: the same voice, recorded once as the specific one.
        A bare name (not an office such as "the Kremlin") is dropped and its claims pointed
        at that source."""
        def bare(source: SourceInfo) -> bool:
            if source.kind != "official" or source.person is not None or source.affiliation is None:
                return False
            start, end = source.spans[0]
            mention = analysis.mention_at(start)
            return mention is not None and mention.form in ("name", "alias", "capital", "generic") and (
                mention.start, mention.end) == (start, end) or (
                end - start == 2 and doc[start].lower_ == "the" and mention is None and analysis.mention_at(start + 1) is not None
                and analysis.mention_at(start + 1).form in ("name", "alias", "generic"))  # type: ignore[union-attr]
        replace: dict[int, int] = {}
        for index, source in enumerate(analysis.sources):
            if not bare(source):
                continue
            specific = [n for n, other in enumerate(analysis.sources)
                        if n != index and other.affiliation == source.affiliation and not bare(other)
                        and (other.person is not None or other.kind in ("document", "anonymous", "official"))]
            if specific:
                replace[index] = specific[0]
        if not replace:
            return
        keep = [n for n in range(len(analysis.sources)) if n not in replace]
        new_index = {old: new for new, old in enumerate(keep)}
        for old, target in replace.items():
            analysis.sources[target].spans.extend(analysis.sources[old].spans)
        analysis.source_of_verb = {
            verb: new_index[replace.get(n, n)] for verb, n in analysis.source_of_verb.items()
        }
        analysis.sources = [analysis.sources[n] for n in keep]

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
                # "medical staff and the regional health authority said": two sources
                for conj in (c for c in subject.children if c.dep_ == "conj"):
                    if conj.pos_ in ("NOUN", "PROPN") and not any(
                        analysis_of(doc).mention_at(t.i) for t in (subject, conj)
                    ):
                        found.append((token, conj, None))
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
        if speaker.lower_ in _PRONOUNS:
            return self._pronoun(doc, analysis, speaker)
        phrase = self._phrase(doc, speaker)
        if phrase[0].lower_ in ("what", "whatever", "which"):
            return None  # "what aid agencies describe as …" names no source
        head = speaker.lemma_.lower()
        low = speaker.lower_
        sentence = verb.sent.text.lower()
        media = self._media_at(analysis, speaker)
        if media is not None:
            return self._add(analysis, SourceInfo("media", media[0], None, [media[1]]))
        person = self._person_in(analysis, phrase, speaker)
        appositive = person is not None and not any(i in analysis.person_at for i in range(phrase.start, phrase.end))
        if person is not None and (appositive or head not in self.document_heads and head not in self.official_heads):
            return self._person_source(doc, analysis, phrase, person)
        actor = self._actor_in(analysis, phrase)
        marker = self._document_marker(verb)
        if marker is None and verb.dep_ == "conj":  # "rejected the accusation in a statement … and said"
            marker = self._document_marker(verb.head)
        if marker is not None and person is None and (actor is not None or head in self.official_heads | self.anonymous_heads):
            return self._add(analysis, SourceInfo("document", marker.text, actor, [(marker.start, marker.end)]))
        if (head in self.anonymous_heads or low in self.anonymous_heads) and self._anonymous(phrase, sentence, head):
            return self._anonymous_source(doc, analysis, phrase, speaker, actor)
        if self._media_head(phrase, speaker):
            return self._media_generic(analysis, phrase, speaker)
        if head in self.document_heads:
            return self._add(analysis, SourceInfo("document", phrase.text, actor, [(phrase.start, phrase.end)]))
        if person is not None:
            p = analysis.people[person]
            name = self._owner_name(doc, analysis, phrase, person)
            return self._add(analysis, SourceInfo("official", name, p.affiliation, [(phrase.start, phrase.end)]))
        if actor is not None:
            return self._actor_source(doc, analysis, phrase, speaker, actor)
        if head in self.official_heads or low in self.official_heads:
            earlier = self._earlier(analysis, phrase, speaker)
            if earlier is not None:
                return earlier
            owner = self._owner(doc, analysis, speaker)
            return self._add(analysis, SourceInfo("official", phrase.text, owner, [(phrase.start, phrase.end)]))
        if head in self.unspecified_heads or low in self.unspecified_heads:
            return self._add(analysis, SourceInfo("unspecified", phrase.text, None, [(phrase.start, phrase.end)]))
        if speaker.i >= self._dateline_end(doc) and (
            speaker.pos_ == "PROPN" and speaker.ent_type_ in ("ORG", "NORP")
            or any(t.ent_type_ == "ORG" and t.pos_ == "PROPN" for t in phrase)
        ):  # an organisation the registry lacks: "The Red Cross operating in Iraq"
            return self._add(analysis, SourceInfo("official", phrase.text, None, [(phrase.start, phrase.end)]))
        return None

    @staticmethod
    def _dateline_end(doc: Doc) -> int:
        first = next((t for t in doc[:3] if not t.is_space), None)
        if first is None or not (first.is_upper and first.is_alpha):
            return 0
        for token in doc[first.i : min(len(doc), first.i + 14)]:
            if token.text in ("—", "–", "--", "―"):
                return token.i + 1
        return 0

    def _phrase(self, doc: Doc, head: Token) -> Span:
        """The speaker's noun phrase without relative clauses, appositions or punctuation; a
        name the model reads as one organisation stays whole ("the Armed Conflict Location
        and Event Data Project (ACLED)")."""
        left = head.left_edge.i
        right = head.i
        for child in head.rights:
            if child.dep_ in ("relcl", "appos", "acl", "punct", "cc", "conj") or child.text == ",":
                break
            right = child.right_edge.i
        for i in range(head.i - 1, left - 1, -1):
            if doc[i].is_space and "\n" in doc[i].text:
                left = i + 1  # a heading or a timestamp above the sentence is not the speaker
                break
        for i in range(head.i + 1, right + 1):
            if doc[i].is_space and "\n" in doc[i].text:
                right = i - 1  # nor is the line below it: the phrase never crosses a line break
                break
        ent = next((e for e in doc.ents if e.start <= head.i < e.end and e.label_ == "ORG"), None)
        if ent is not None and ent.end - 1 > right:
            right = ent.end - 1
            if right + 3 < len(doc) and doc[right + 1].text == "(" and doc[right + 3].text == ")":
                right += 3  # "(ACLED)"
        return doc[left : right + 1]

@Language.factory(
    "parley_sources",
    requires=["doc._.parley", "token.dep", "token.lemma"],
    assigns=["doc._.parley"],
)
def make_source_finder(nlp: Language, name: str) -> SourceFinder:
    return SourceFinder(nlp, load_lexicons())
