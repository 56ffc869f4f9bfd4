"""Who a speaker phrase is: a named person or an office, an unnamed source, an outlet.

The readers behind :class:`~.sources.SourceFinder` (mixed into it): named people (also in
apposition) and the offices they lead, actors speaking on record, unnamed sources and the
later references to them ("the official said", "one of them said"), outlets, and pronouns.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from .analysis import Analysis, SourceInfo
from .coref import actors_of
from .lexicons import load_lexicons
from .people import fold

__all__ = ["VoiceReaders", "add_source"]


class VoiceReaders:
    """Speaker readers, mixed into :class:`~.sources.SourceFinder`."""

    anonymous_dets: frozenset[str]
    anonymity_cues: tuple[str, ...]
    media_heads: frozenset[str]
    on_record_heads: frozenset[str]
    unnamed_heads: frozenset[str]
    rebel_words: frozenset[str]
    document_nouns: frozenset[str]

    def _document_marker(self, verb: Token) -> Span | None:
        """ "in a (joint) statement", "in a statement on its Telegram channel", "in a video
        posted online" attached to the verb, or to its object ("denied any involvement in a
        statement"): the whole phrase."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        for child in [*verb.children, *(c for o in objects for c in o.children)]:
            if child.dep_ == "prep" and child.lower_ == "in":
                obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() in self.document_nouns:
                    doc = verb.doc
                    return doc[obj.left_edge.i : obj.right_edge.i + 1]
        return None

    @staticmethod
    def _document_name(phrase: Span) -> str:
        """A document's name: its noun phrase with a short participle modifier ("a statement
        posted online"), without an indefinite article, a time ("on Thursday", "late on
        Monday"), an "as …" gloss, a relative clause, a longer clause or the commas of an
        aside."""
        root = phrase.root
        dropped: set[int] = set()

        def drop(token: Token) -> None:
            dropped.update(t.i for t in token.subtree)
            if token.i > 0 and token.doc[token.i - 1].lower_ in ("late", "early"):
                dropped.add(token.i - 1)

        for token in phrase:
            timed = token.dep_ == "prep" and any(
                c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children
            )
            if token.i != root.i and (
                timed
                or token.dep_ in ("relcl", "appos")
                or (token.dep_ == "prep" and token.lower_ == "as")
            ):
                drop(token)
        for token in phrase:
            if token.dep_ == "acl" and token.i not in dropped:
                rest = [t for t in token.subtree if t.i not in dropped]
                if len(rest) > 4 or any(t.dep_ == "conj" for t in rest):
                    drop(token)
        kept = [
            t
            for t in phrase
            if t.i not in dropped and not (t.is_punct and t.text not in ("'", "-"))
        ]
        if len(kept) > 1 and kept[0].lower_ in ("a", "an"):
            kept = kept[1:]
        return "".join(t.text_with_ws for t in kept).strip().rstrip(",")

    def _person_in(self, analysis: Analysis, phrase: Span, speaker: Token) -> int | None:
        """The named person a speaker phrase is ("Hakan Fidan"), or names in apposition
        ("Pakistan's foreign minister, Ishaq Dar,")."""
        for i in range(phrase.start, phrase.end):
            if i in analysis.person_at:
                return analysis.person_at[i]
        for child in speaker.children:
            if child.dep_ == "appos" and child.i in analysis.person_at:
                return analysis.person_at[child.i]
        return None

    def _person_source(self, doc: Doc, analysis: Analysis, phrase: Span, person: int) -> int:
        p = analysis.people[person]
        if p.affiliation is None and not p.title:
            # a private person ("Moussa, a 41-year-old tanker driver"): not an official voice
            name = p.name
            start, end = p.spans[0]
            if end < len(doc) and doc[end].text == ",":
                appos = next((c for c in doc[end - 1].children if c.dep_ == "appos"), None)
                if appos is not None:
                    name = doc[start : appos.right_edge.i + 1].text
            return self._add(
                analysis,
                SourceInfo("unspecified", name, None, [(phrase.start, phrase.end)], person=person),
            )
        return self._add(
            analysis,
            SourceInfo(
                "official", p.name, p.affiliation, [(phrase.start, phrase.end)], person=person
            ),
        )

    def _owner_name(self, doc: Doc, analysis: Analysis, phrase: Span, person: int) -> str:
        """ "Netanyahu's office" → "Benjamin Netanyahu's office" (the name in full)."""
        p = analysis.people[person]
        text = phrase.text
        for start, end in p.spans:
            if phrase.start <= start and end <= phrase.end:
                mention = doc[start:end].text
                if mention != p.name and len(mention.split()) < len(p.name.split()):
                    return text.replace(mention, p.name, 1)
        return text

    def _actor_source(
        self, doc: Doc, analysis: Analysis, phrase: Span, speaker: Token, actor: str
    ) -> int:
        """An actor or its office on record: "the Kremlin", "Saudi Arabia and the United
        States", "the group" (named as the actor it stands for)."""
        mention = analysis.mention_at(speaker.i)
        name = phrase.text
        if mention is not None and mention.form == "generic":
            # "the group said" → the name the article last gave it ("Hamas", "the ELN")
            named = [
                m
                for m in analysis.actor_mentions
                if m.actor == actor and m.form != "generic" and m.end <= speaker.i
            ]
            if named:
                name = doc[named[-1].start : named[-1].end].text
                if named[-1].start > 0 and doc[named[-1].start - 1].lower_ == "the":
                    name = "the " + name
        conjuncts = [
            c for c in speaker.children if c.dep_ == "conj" and analysis.mention_at(c.i) is not None
        ]
        if conjuncts:
            end = max(c.right_edge.i for c in conjuncts) + 1
            name = doc[phrase.start : end].text
            affiliation = (
                None if any(analysis.mention_at(c.i).actor != actor for c in conjuncts) else actor
            )  # type: ignore[union-attr]
            return self._add(
                analysis, SourceInfo("official", name, affiliation, [(phrase.start, end)])
            )
        return self._add(
            analysis, SourceInfo("official", name, actor, [(phrase.start, phrase.end)])
        )

    def _owner(self, doc: Doc, analysis: Analysis, speaker: Token) -> str | None:
        """The actor an office belongs to: "His office" (the last person's), "Its foreign
        ministry" (the last actor's)."""
        poss = next((c for c in speaker.children if c.dep_ == "poss"), None)
        if poss is None:
            return None
        if poss.lower_ in ("his", "her"):
            before = [i for i in analysis.person_at if i < poss.i]
            return analysis.people[analysis.person_at[max(before)]].affiliation if before else None
        if poss.lower_ in ("its", "their"):
            before = [m for m in analysis.actor_mentions if m.end <= poss.i and m.agentive]
            # the subject of the sentence before a modifier of it ("Iran, the Houthis' backer,
            # welcomed it, its spokesman said": Iran's spokesman)
            sent = poss.sent
            subjects = [
                m
                for m in before
                if m.start >= sent.start and doc[m.end - 1].dep_ in ("nsubj", "nsubjpass")
            ]
            if subjects:
                return subjects[-1].actor
            return before[-1].actor if before else None
        return None

    @staticmethod
    def _owned_name(doc: Doc, analysis: Analysis, phrase: Span, speaker: Token) -> str:
        """ "His spokesperson" → "His spokesperson (Guterres's)": the office keeps the
        article's words and names the person it serves (the last person named before it)."""
        poss = next((c for c in speaker.children if c.dep_ == "poss"), None)
        if poss is None or poss.lower_ not in ("his", "her"):
            return phrase.text
        before = [i for i in analysis.person_at if i < poss.i]
        if not before:
            return phrase.text
        person = analysis.people[analysis.person_at[max(before)]]
        surname = person.surname or person.name.split()[-1]
        return f"{phrase.text} ({surname}'s)"

    @staticmethod
    def _earlier(analysis: Analysis, phrase: Span, speaker: Token) -> int | None:
        """ "the agency said", "The ministry said": the office named just before."""
        if len(phrase) != 2 or phrase[0].lower_ != "the":
            return None
        for index in range(len(analysis.sources) - 1, -1, -1):
            source = analysis.sources[index]
            if (
                source.kind == "official"
                and source.name
                and speaker.lower_ in fold(source.name).split()
            ):
                source.spans.append((phrase.start, phrase.end))
                return index
        return None

    def _anonymous(self, phrase: Span, sentence: str, head: str) -> bool:
        """Unnamed and unaccountable: a number or an indefinite ("two Egyptian officials", "a
        diplomat"), "senior", "familiar with …", "on condition of anonymity"; an earlier
        source taken up again ("the official said"). "Diplomats" and "sources" are unnamed by
        nature; a spokesman speaks on record unless the text says otherwise; bare "Israeli
        officials said" is on record."""
        text = phrase.text.lower()
        explicit = any(cue in sentence for cue in self.anonymity_cues[:13])
        if head in self.on_record_heads:
            # "a spokesperson for one large shipping line": the organisation itself is unnamed
            unnamed_org = phrase[0].lower_ in ("a", "an") and any(
                c.dep_ == "prep"
                and c.lower_ in ("for", "of")
                and any(
                    o.dep_ == "pobj"
                    and o.pos_ == "NOUN"
                    and not any(t.pos_ == "PROPN" for t in o.subtree)
                    for o in c.children
                )
                for c in phrase.root.children
            )
            return explicit or unnamed_org
        if head in self.unnamed_heads:
            return True
        words = {t.lower_ for t in phrase}
        if words & self.anonymous_dets or any(t.like_num for t in phrase):
            return True
        if any(cue in text for cue in self.anonymity_cues):
            return True
        if phrase[0].lower_ == "the" and head not in ("people", "person"):
            return True  # "the sources said", "the official said": resolved to an earlier source
        return explicit

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
            if inner.lower_ in (
                "them",
                "those",
                "these",
            ):  # "one of them said": the source just quoted
                last = next(
                    (
                        n
                        for n in range(len(analysis.sources) - 1, -1, -1)
                        if analysis.sources[n].kind == "anonymous"
                    ),
                    None,
                )
                if last is not None:
                    analysis.sources[last].spans.append((phrase.start, phrase.end))
                    return last
            head = inner.lemma_.lower()
            definite = any(c.lower_ == "the" for c in inner.children)  # "one of the sources"
        one = [t for t in phrase if t.lower_ == "one" and t.dep_ == "nummod"]
        if one and actor is None and len(phrase) == 2 and analysis.sources:
            last = analysis.sources[-1]
            if last.kind == "anonymous" and last.name and fold(last.name).split()[-1].endswith("s"):
                last.spans.append(
                    (phrase.start, phrase.end)
                )  # "officials said … 'No,' one official said"
                return len(analysis.sources) - 1
        if definite and actor is None:
            for index in range(len(analysis.sources) - 1, -1, -1):
                source = analysis.sources[index]
                if source.kind == "anonymous" and source.name and head in fold(source.name).split():
                    source.spans.append((phrase.start, phrase.end))
                    return index
                if (
                    source.kind == "anonymous"
                    and source.name
                    and head + "s" in fold(source.name).split()
                ):
                    source.spans.append((phrase.start, phrase.end))
                    return index
        if definite and actor is None and len(phrase) <= 3:
            actor = self._earlier_phrase_actor(
                doc, analysis, speaker
            )  # "A senior Hamas official … said the official"
        if actor is None and any(t.lower_ in ("military", "army") for t in phrase):
            # the army the article last named ("the army answered …; a senior army officer said")
            armies = [
                m for m in analysis.actor_mentions if m.form == "army" and m.end <= phrase.start
            ]
            actor = armies[-1].actor if armies else analysis.extra.get("army_actor")
        if actor is None and any(t.lower_ == "government" for t in phrase):
            actor = analysis.extra.get("government_actor")  # "two government officials"
        if actor is None and any(t.lower_ in self.rebel_words for t in phrase):
            actor = self._main_group(analysis)  # "a member of the rebel delegation"
        return self._add(
            analysis, SourceInfo("anonymous", phrase.text, actor, [(phrase.start, phrase.end)])
        )

    def _earlier_phrase_actor(self, doc: Doc, analysis: Analysis, speaker: Token) -> str | None:
        """The actor of the last earlier phrase with the same head noun ("the official" after
        "A senior Hamas official rejected …")."""
        for token in reversed(doc[max(0, speaker.i - 120) : speaker.i]):
            if token.lemma_.lower() == speaker.lemma_.lower() and token.pos_ == "NOUN":
                return self._actor_in(analysis, doc[token.left_edge.i : token.i + 1])
        return None

    @staticmethod
    def _main_group(analysis: Analysis) -> str | None:
        """The armed group the article names most."""
        registry = load_lexicons().actors
        counts: dict[str, int] = {}
        for m in analysis.actor_mentions:
            entry = registry.get(m.actor)
            if entry is not None and entry.kind == "armed_group":
                counts[m.actor] = counts.get(m.actor, 0) + 1
        return max(counts, key=lambda a: counts[a]) if counts else None

    @staticmethod
    def _actor_in(analysis: Analysis, phrase: Span) -> str | None:
        """The actor a speaker phrase speaks for ("an Israeli official"), not a place or a
        people it names ("a diplomat in Doha", "a Palestinian official"); the actor the head
        names before one that modifies it ("Sudan's RSF" is the RSF)."""
        head = analysis.mention_at(phrase.root.i)
        if head is not None and head.agentive:
            return head.actor
        for i in range(phrase.start, phrase.end):
            mention = analysis.mention_at(i)
            if mention is None or not mention.agentive:
                continue
            token = phrase.doc[mention.end - 1]
            if (
                token.dep_ == "pobj"
                and token.head.lower_ in ("in", "at")
                and token.head.head.i == phrase.root.i
                and (phrase.root.lemma_.lower() == "diplomat")
            ):
                continue  # "a Western diplomat in Damascus": a diplomat's post is not the diplomat's side
            return mention.actor
        return None

    def _pronoun(self, doc: Doc, analysis: Analysis, speaker: Token) -> int | None:
        """ "he said" → the last person named before; "In a statement, it said" → a document
        of the actor "it" stands for."""
        if speaker.lower_ in ("it", "they"):
            marker = self._document_marker(speaker.head)
            actors = actors_of(doc, analysis, speaker) if marker is not None else []
            if marker is None or len(actors) != 1:
                return None
            return self._add(
                analysis,
                SourceInfo("document", marker.text, actors[0], [(marker.start, marker.end)]),
            )
        if speaker.lower_ not in ("he", "she"):
            return None
        before = [i for i in analysis.person_at if i < speaker.i]
        if not before:
            return None
        # the last person named as a subject ("Dar told lawmakers … He said"), else the last named
        subjects = [
            i
            for i in before
            if doc[i].dep_ in ("nsubj", "nsubjpass")
            or doc[i].head.dep_ in ("nsubj", "nsubjpass")
            and doc[i].dep_ in ("compound", "appos")
        ]
        person = (
            analysis.person_at[max(subjects)]
            if subjects and max(subjects) >= doc[max(before)].sent.start - 1
            else analysis.person_at[max(before)]
        )
        p = analysis.people[person]
        return self._add(
            analysis,
            SourceInfo(
                "official", p.name, p.affiliation, [(speaker.i, speaker.i + 1)], person=person
            ),
        )

    def _media_generic(self, analysis: Analysis, phrase: Span, speaker: Token) -> int | None:
        if phrase[0].lower_ == "the" and len(phrase) <= 3:
            for index in range(len(analysis.sources) - 1, -1, -1):
                if analysis.sources[index].kind == "media":
                    analysis.sources[index].spans.append((phrase.start, phrase.end))
                    return index
        return self._add(
            analysis, SourceInfo("media", phrase.text, None, [(phrase.start, phrase.end)])
        )

    @staticmethod
    def _media_at(analysis: Analysis, token: Token) -> tuple[str, tuple[int, int]] | None:
        for start, end, name in analysis.media_spans:
            if start <= token.i < end or (
                token.i < start and token.i >= start - 4 and token.head.i in range(start, end)
            ):
                return name, (start, end)
            if token.i == end - 1 or (start <= token.head.i < end and token.dep_ == "compound"):
                return name, (start, end)
        # the outlet is the head's apposition or compound: "the London-based daily Asharq Al-Awsat"
        for start, end, name in analysis.media_spans:
            if any(start <= c.i < end for c in token.subtree):
                return name, (start, end)
        return None

    def _media_head(self, phrase: Span, speaker: Token) -> bool:
        """ "the newspaper", "Israeli media", "Syria's state news agency" (not "the civil
        defence agency")."""
        head, low = speaker.lemma_.lower(), speaker.lower_
        if head in ("agency", "service") or low in ("agency", "service"):
            return any(t.lower_ in ("news", "press", "wire") for t in phrase)
        return (
            head in self.media_heads
            or low in self.media_heads
            or (head == "report" and phrase[0].lower_ == "the")
        )

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


def add_source(analysis: Analysis, source: SourceInfo) -> int:
    """Add ``source`` to the analysis or merge it with an equal one; its index."""
    return VoiceReaders._add(analysis, source)


def _key(source: SourceInfo) -> tuple[str, str]:
    if source.person is not None:
        return ("person", str(source.person))
    name = re.sub(r"^(the|a|an)\s+", "", fold(source.name or ""))
    if source.kind == "anonymous":
        return ("anonymous", f"{name}|{source.affiliation}")
    return (source.kind, name)
