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
    "office_heads": list,
    "outside_words": list,
    "finite_only_verbs": list,
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
        self.office_heads = frozenset(cues["office_heads"])
        self.outside_words = frozenset(cues["outside_words"])
        self.finite_only = frozenset(cues["finite_only_verbs"])
        self.people_words = frozenset(
            w.lower() for w in lexicons.words("entities", "people_demonyms")
        )

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
        """ "Israel said" where the article also quotes Israel's prime minister, its office, a
        statement or an Israeli official: the same voice, recorded once as the specific one.
        A bare name (not an office such as "the Kremlin") is dropped and its claims pointed
        at that source."""

        def bare(source: SourceInfo) -> bool:
            if source.kind != "official" or source.person is not None or source.affiliation is None:
                return False
            start, end = source.spans[0]
            mention = analysis.mention_at(start)
            return (
                mention is not None
                and mention.form in ("name", "alias", "capital", "generic")
                and (mention.start, mention.end) == (start, end)
                or (
                    end - start == 2
                    and doc[start].lower_ == "the"
                    and mention is None
                    and analysis.mention_at(start + 1) is not None
                    and analysis.mention_at(start + 1).form in ("name", "alias", "generic")
                )
            )  # type: ignore[union-attr]

        replace: dict[int, int] = {}
        for index, source in enumerate(analysis.sources):
            if not bare(source):
                continue
            specific = [
                n
                for n, other in enumerate(analysis.sources)
                if n != index
                and other.affiliation == source.affiliation
                and not bare(other)
                and (
                    other.person is not None or other.kind in ("document", "anonymous", "official")
                )
            ]
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
            if (
                token.lower_ == "according"
                and token.i + 1 < len(doc)
                and doc[token.i + 1].lower_ == "to"
            ):
                to = doc[token.i + 1]
                objects = [c for c in to.children if c.dep_ == "pobj"]
                if objects:
                    found.append((token, objects[0], None))
                continue
            if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in self.speech_verbs:
                continue
            if token.lemma_.lower() in self.finite_only and token.tag_ == "VBG":
                continue
            if token.lemma_.lower() == "call" and not self._calls_for_or_names(token):
                continue  # "called his counterpart on the hotline"
            subject = next((c for c in token.children if c.dep_ in _SUBJECTS), None)
            if (
                subject is None
                and token.dep_ in ("conj", "advcl")
                and token.head.pos_ in ("VERB", "AUX")
            ):
                subject = next((c for c in token.head.children if c.dep_ in _SUBJECTS), None)
            if subject is not None:
                subject = self._same_line(doc, subject, token)
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
    def _calls_for_or_names(verb: Token) -> bool:
        """ "call" reports words when it calls for something, calls on someone or calls a
        thing something ("called the deal a betrayal", "what it called aggression"), not when
        it rings someone up ("called his counterpart on the hotline")."""
        children = list(verb.children)
        if any(c.dep_ == "prep" and c.lower_ in ("for", "on") for c in children) and not any(
            c.dep_ == "dobj" for c in children
        ):
            return True  # "called for restraint", "called on both sides"
        return any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in children)

    @staticmethod
    def _same_line(doc: Doc, subject: Token, verb: Token) -> Token | None:
        """A subject on the line above its verb is a heading or a live blog's timestamp
        ("09.20 BST"): the speaker is the noun phrase that opens the verb's own line."""
        breaks = [t.i for t in doc[subject.i : verb.i] if t.is_space and "\n" in t.text]
        if not breaks:
            return subject
        line = breaks[-1]
        candidates = [c for c in verb.children if c.dep_ in _SUBJECTS and c.i > line]
        candidates += [
            c for c in subject.children if c.dep_ in ("appos", "nsubj", "conj") and c.i > line
        ]
        return min(candidates, key=lambda t: t.i) if candidates else None

    @staticmethod
    def _passive_agent(verb: Token) -> Token | None:
        """ "… was reported by Axios", "quoted by state media"."""
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
        if phrase[0].lower_ in ("what", "whatever", "which", "no", "nobody", "none", "neither"):
            return None  # "what aid agencies describe as …", "no envoy had called" name no source
        head = speaker.lemma_.lower()
        low = speaker.lower_
        sentence = verb.sent.text.lower()
        media = self._media_at(analysis, speaker)
        if media is not None:
            return self._add(analysis, SourceInfo("media", media[0], None, [media[1]]))
        person = self._person_in(analysis, phrase, speaker)
        appositive = person is not None and not any(
            i in analysis.person_at for i in range(phrase.start, phrase.end)
        )
        if person is not None and (
            appositive or head not in self.document_heads and head not in self.official_heads
        ):
            return self._person_source(doc, analysis, phrase, person)
        actor = None if self._outside_voice(phrase) else self._actor_in(analysis, phrase)
        marker = self._document_marker(verb)
        if marker is None and verb.dep_ in (
            "conj",
            "advcl",
        ):  # "rejected the accusation in a statement … and said"
            marker = self._document_marker(verb.head)
        if (
            marker is not None
            and person is None
            and (actor is not None or head in self.official_heads | self.anonymous_heads)
        ):
            name = self._document_name(marker)
            if head in self.office_heads and analysis.mention_at(speaker.i) is None:
                name = f"{name} of {phrase.text}"  # "statement of Pakistan's foreign ministry"
            return self._add(
                analysis, SourceInfo("document", name, actor, [(marker.start, marker.end)])
            )
        if (head in self.anonymous_heads or low in self.anonymous_heads) and self._anonymous(
            phrase, sentence, head
        ):
            return self._anonymous_source(doc, analysis, phrase, speaker, actor)
        if self._media_head(phrase, speaker):
            return self._media_generic(analysis, phrase, speaker)
        if head in self.document_heads:
            return self._document(doc, analysis, speaker, phrase)
        if person is not None:
            p = analysis.people[person]
            name = self._owner_name(doc, analysis, phrase, person)
            return self._add(
                analysis, SourceInfo("official", name, p.affiliation, [(phrase.start, phrase.end)])
            )
        if self._outside_voice(phrase) or low in self.people_words:
            # "aid agencies", "an exiled opposition group", "some Tigrayans": not a side's voice
            return self._add(
                analysis, SourceInfo("unspecified", phrase.text, None, [(phrase.start, phrase.end)])
            )
        if actor is not None:
            return self._actor_source(doc, analysis, phrase, speaker, actor)
        if head in self.official_heads or low in self.official_heads:
            earlier = self._earlier(analysis, phrase, speaker)
            if earlier is not None:
                return earlier
            owner = self._owner(doc, analysis, speaker)
            name = self._owned_name(doc, analysis, phrase, speaker)
            if owner is None and head in self.on_record_heads and len(phrase) <= 2:
                # "The European Union signaled … A spokesperson said": the subject just before
                owner, name = self._previous_subject(doc, analysis, phrase, name)
            return self._add(
                analysis, SourceInfo("official", name, owner, [(phrase.start, phrase.end)])
            )
        if head in self.unspecified_heads or low in self.unspecified_heads:
            return self._add(
                analysis, SourceInfo("unspecified", phrase.text, None, [(phrase.start, phrase.end)])
            )
        if head == "official" and speaker.tag_ == "NNS":
            # "city officials said", "local officials said": on record, no side named
            return self._add(
                analysis, SourceInfo("official", phrase.text, None, [(phrase.start, phrase.end)])
            )
        if speaker.i >= self._dateline_end(doc) and (
            speaker.pos_ == "PROPN"
            and speaker.ent_type_ in ("ORG", "NORP")
            or any(t.ent_type_ == "ORG" and t.pos_ == "PROPN" for t in phrase)
        ):  # an organisation the registry lacks: "The Red Cross operating in Iraq"
            return self._add(
                analysis, SourceInfo("official", phrase.text, None, [(phrase.start, phrase.end)])
            )
        return None

    @staticmethod
    def _previous_subject(
        doc: Doc, analysis: Analysis, phrase: Span, name: str
    ) -> tuple[str | None, str]:
        """The actor a bare "a spokesperson" speaks for: the subject of the sentence before,
        when that is an actor ("… of the European Union")."""
        sent = phrase[0].sent
        if sent.start == 0 or phrase.start != sent.start:
            return None, name
        before = doc[sent.start - 1].sent
        for m in analysis.actor_mentions:
            if (
                before.start <= m.start < before.end
                and m.agentive
                and doc[m.end - 1].dep_ == "nsubj"
                and (doc[m.end - 1].head.i == before.root.i)
            ):
                words = doc[m.start : m.end].text
                if m.start > 0 and doc[m.start - 1].lower_ == "the":
                    words = "the " + words
                return m.actor, f"{name} of {words}"
        return None, name

    def _outside_voice(self, phrase: Span) -> bool:
        """An unnamed group outside the sides' institutions: "an exiled opposition group",
        "aid agencies", "opposition candidates" (not the state their words name)."""
        return not any(t.pos_ == "PROPN" and t.ent_type_ == "ORG" for t in phrase) and any(
            t.lower_ in self.outside_words for t in phrase if t.i != phrase.root.i
        )

    def _document(self, doc: Doc, analysis: Analysis, speaker: Token, phrase: Span) -> int:
        """A text as the speaker: "The statement, issued by the foreign ministry, said"
        (named for the office or actor that issued it, and owned by its actor), "according to
        the texts released by the White House"; a bare "the statement said" is the document
        last quoted."""
        issuer = None
        for child in speaker.rights:
            if child.dep_ == "acl" and child.tag_ == "VBN":
                agent = next((c for c in child.children if c.dep_ == "agent"), None)
                issuer = (
                    next((c for c in agent.children if c.dep_ == "pobj"), None)
                    if agent is not None
                    else None
                )
                break
        if issuer is None and len(phrase) <= 3 and phrase[0].lower_ in ("the", "this", "that"):
            last = next(
                (
                    n
                    for n in range(len(analysis.sources) - 1, -1, -1)
                    if analysis.sources[n].kind == "document"
                ),
                None,
            )
            if last is not None:
                analysis.sources[last].spans.append((phrase.start, phrase.end))
                return last
        actor = self._actor_in(analysis, phrase)
        name = self._document_name(phrase)
        if issuer is not None and issuer.i not in analysis.person_at:
            by = doc[issuer.left_edge.i : issuer.i + 1]
            actor = actor or self._actor_in(analysis, by)
            if actor is not None or issuer.lemma_.lower() in self.office_heads:
                name = f"{name} of {by.text}"
        return self._add(
            analysis, SourceInfo("document", name, actor, [(phrase.start, phrase.end)])
        )

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
