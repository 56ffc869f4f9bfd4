"""Actor ids for the phrases around a cue.

On top of :func:`~parley.extract.coref.actors_of`, the readings coref leaves open: "its
rival", "both leaders", "the two governments", "the delegation", object pronouns, a
dateline parsed as the subject, a person named by title, a named organisation the registry
lacks; and the subject or speaker of a clause.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Token

from ..coref import actors_of
from ..terms.syntax import conjuncts
from .dates import Dates
from .syntax import (
    GROUP_DETS,
    GROUP_HEADS,
    NOUN_POS,
    OPPONENT_WORDS,
    PERSONAL_OBJECTS,
    RELATIVE,
    RIVALS,
    SIDE_MODIFIERS,
    SIDE_WORDS,
    SPEECH,
    SPEECH_NOUNS,
    SUBJECTS,
    VERB_POS,
    fold_upper,
    members,
    phrase_tokens,
    unique,
)


class Referents(Dates):
    """Who a phrase names."""

    def ids(self, token: Token, *, places: bool = False) -> list[str]:
        """Actor ids for the phrase headed by ``token`` (and its conjuncts), with the event
        layer's extra readings on top of :func:`~parley.extract.coref.actors_of`."""
        lemma = token.lemma_.lower()
        low = token.lower_
        if lemma in RIVALS:
            named = [a for c in token.children if c.dep_ in ("amod", "compound") for a in actors_of(self.doc, self.analysis, c)]
            if named:
                return unique(named)  # "his Congolese counterpart"
            owners = [a for c in token.children if c.dep_ == "poss" for a in self.ids(c)]
            if owners and len(self.parties) >= 2:
                return [p for p in self.parties if p not in owners]
        if (token.pos_ in NOUN_POS and low in GROUP_HEADS or lemma in GROUP_HEADS) and any(
            c.lower_ in GROUP_DETS for c in token.children if c.dep_ in ("det", "nummod", "predet", "amod")
        ):
            own = self.analysis.mention_at(token.i)
            if not any(
                (self.analysis.mention_at(t.i) not in (None, own)) or t.i in self.analysis.person_at
                for t in token.subtree if t.i != token.i
            ):
                pair = self._recent_pair(token) if lemma not in OPPONENT_WORDS and any(c.lower_ in ("two", "both") for c in token.children) else []
                return pair or list(self.parties)  # "both leaders", "either country", "the two countries"
        if token.tag_ in ("NNS", "NNPS") and (lemma in GROUP_HEADS or lemma in OPPONENT_WORDS) and len(self.parties) >= 2 and any(
            c.dep_ == "amod" and c.lower_ in ("rival", "warring", "opposing", "feuding", "belligerent") for c in token.children
        ):
            return list(self.parties)  # "Libya's rival military camps", "the warring parties"
        if low in PERSONAL_OBJECTS and token.dep_ not in SUBJECTS and token.dep_ != "poss":
            return self._object_pronoun(token)
        if low in ("they", "it", "he", "she") and token.dep_ == "nsubj":
            reported = self._reported_subject(token)
            if reported is not None:
                return reported
        appositions = [a for c in token.children if c.dep_ == "appos" for a in actors_of(self.doc, self.analysis, c)]
        if appositions and lemma in GROUP_HEADS | {"guarantor", "guarantors", "mediator", "mediators"}:
            return unique(appositions)  # "guarantor countries Cuba, Norway, …"
        if low in SIDE_WORDS and self._modified_sides(token):
            # "eight Arab and Muslim countries" are not "the two countries" at war
            return unique(a for c in token.children if c.dep_ in ("amod", "compound") for a in actors_of(self.doc, self.analysis, c))
        found: list[str] = []
        # "Redwan Hussien, national security adviser …, and Getachew Reda": the parser hangs
        # the second name on the first one's apposition
        pool = members(token)
        pool += [c for a in token.children if a.dep_ == "appos" for c in conjuncts(a)[1:]]
        for conj in pool:
            if conj.dep_ == "appos" and conj.i > token.i and found and not actors_of(self.doc, self.analysis, conj, expand=False):
                continue  # "Pakistan's Director General of Military Operations (DGMO)": a title's initials
            found += self._one(conj, places=places)
            # "the foreign ministers of Saudi Arabia, Qatar, the United Arab Emirates, …"
            for child in conj.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "from") and conj.pos_ in NOUN_POS:
                    for obj in child.children:
                        if obj.dep_ == "pobj" and obj.pos_ == "PROPN":
                            for member in members(obj)[1:]:
                                found += actors_of(self.doc, self.analysis, member, expand=False)
        return unique(found)

    def _one(self, token: Token, *, places: bool) -> list[str]:
        doc, analysis = self.doc, self.analysis
        found: list[str] = []
        if token.pos_ == "NOUN" and any(
            g.lower_ in SIDE_WORDS and self._modified_sides(g)
            for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ):
            # "leaders of eight Arab and Muslim countries": not the parties
            return unique(a for c in token.children if c.dep_ in ("amod", "compound", "poss") for a in actors_of(doc, analysis, c))
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in token.children):
            # "its European Community partners": the named modifier says more than "its"
            for child in token.children:
                if child.dep_ in ("compound", "nmod", "amod") and child.pos_ == "PROPN":
                    found = actors_of(doc, analysis, child, expand=False) or self._named_organisation(child)
                    if found:
                        return found
        found = actors_of(doc, analysis, token, expand=False)
        if not found:
            # "Getachew Reda, a senior TPLF official"; a dateline parsed as the subject
            found = unique(a for c in token.children if c.dep_ == "appos" for a in actors_of(doc, analysis, c, expand=False))
        if not found and token.pos_ == "NOUN":
            # "the main Hutu rebel group, Forces for Defence of Democracy (FDD)"
            found = unique(a for c in token.children if c.dep_ == "appos" for a in self._named_organisation(c))
        if not found and token.pos_ == "PROPN":
            found = self._surname(token)
        if not found and token.lemma_.lower() in ("mediator", "guarantor", "broker", "facilitator") and token.tag_ == "NNS" and any(
            c.dep_ == "det" and c.lower_ == "the" for c in token.children
        ):
            found = [m for m in self.mediators if m not in self.parties]  # "urged the mediators to …"
        if not found and token.pos_ == "NOUN" and self._in_class([token], "person_noun"):
            # "doctors from two American aid groups", "officials of the Sudanese government"
            found = unique(
                a for c in token.children if c.dep_ == "prep" and c.lower_ in ("from", "of", "with")
                for g in c.children if g.dep_ == "pobj" for a in actors_of(doc, analysis, g)
            )
        if not found and token.lower_ in ("their", "its"):
            found = self._possessive_antecedent(token)
        if not found:
            # "their foreign ministers"
            found = [a for c in token.children if c.dep_ == "poss" and c.lower_ in ("their", "its") for a in self._possessive_antecedent(c)]
        if found:
            # "U.S. and Ukrainian officials", "Qatari and Egyptian mediators", "Saudi-U.S. initiative"
            for child in token.children:
                if child.dep_ in ("amod", "compound", "nmod", "poss"):
                    for conj in conjuncts(child)[1:]:
                        found = unique(found + actors_of(doc, analysis, conj, expand=False))
            return found
        if token.i in self.analysis.person_at:
            return self._title_actor(token)
        if places:
            place = self._place_actor(token)
            if place:
                return [place]
        if token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.children):
            found = self._definite(token)
            if found:
                return found
        return self._named_organisation(token) or self._vague_group(token)

    def _vague_group(self, token: Token) -> list[str]:
        """"Rebels in the Ivory Coast", "opposition groups in Zimbabwe": a group the registry
        does not name that acts is an actor too, an upper-case slug of its words (RECORD.md)."""
        if token.tag_ not in ("NNS", "NNPS") or not self._in_class([token], "collective_nouns"):
            return []
        words = [t for t in (token, *phrase_tokens(token)) if t.dep_ not in ("det", "nummod", "punct", "advmod", "quantmod")]
        if not any(t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG", "LOC") for t in words if t.i != token.i):
            return []  # "rebels", "other factions", "armed groups along its border" say too little
        if any(t.tag_ in ("WP$", "PRP$") for t in words):
            return []
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("in", "within", "among")):
            for ranks in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in ("rank", "ranks")):
                # "foreign fighters in the SDF's ranks", "in the ranks of the RSF": that actor's people
                owners = [a for c in ranks.children if c.dep_ == "poss" for a in self.ids(c)] or [
                    a for c in ranks.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children for a in self.ids(g)
                ]
                if owners:
                    return owners
        words.sort(key=lambda t: t.i)
        name = " ".join(t.text for t in words)
        slug = re.sub(r"[^A-Z0-9]+", "_", fold_upper(name)).strip("_")
        if len(slug) < 3 or len(words) > 8:
            return []
        self.analysis.extra.setdefault("event_actors", {})[slug] = name
        return [slug]

    def _title_actor(self, token: Token) -> list[str]:
        """"U.S. Secretary of State Warren Christopher": a person the people component could
        not place acts for the actor named in the title before the name."""
        person = self.analysis.people[self.analysis.person_at[token.i]]
        if person.affiliation:
            return [person.affiliation]
        for child in token.lefts:
            if child.dep_ in ("compound", "amod", "nmod", "poss"):
                for t in child.subtree:
                    mention = self.analysis.mention_at(t.i)
                    if mention is not None:
                        return [mention.actor]
        return []

    def _named_organisation(self, token: Token) -> list[str]:
        """A named organisation the registry does not know ("the Asia-Pacific Economic
        Cooperation forum") is an actor too: an upper-case slug of its name (RECORD.md)."""
        head: Token | None = token
        if token.ent_type_ != "ORG":
            head = next((c for c in token.children if c.dep_ in ("compound", "nmod", "poss") and c.ent_type_ == "ORG"), None)
            if head is None:
                # "Members of the Association of African Jurists"
                for child in token.children:
                    if child.dep_ == "prep" and child.lower_ in ("of", "from"):
                        for obj in child.children:
                            if obj.dep_ == "pobj" and obj.ent_type_ == "ORG":
                                return self._named_organisation(obj)
                return []
        if head is None or head.pos_ != "PROPN" or head.i in self.dateline:
            return []
        ent = next((e for e in self.doc.ents if e.start <= head.i < e.end and e.label_ == "ORG"), None)
        if ent is None:
            return []
        if any(s <= ent.start < e for s, e, _ in self.analysis.media_spans):
            return []  # an outlet is a source, not an actor
        words = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
        if len(words) == 1 and not words[0].is_upper:
            return []  # a lone capitalised word is as often a surname the model took for a name of a body
        name = " ".join(t.text for t in words).strip()
        slug = re.sub(r"[^A-Z0-9]+", "_", fold_upper(name)).strip("_")
        if len(slug) < 3:
            return []
        self.analysis.extra.setdefault("event_actors", {})[slug] = name
        return [slug]

    def _recent_pair(self, token: Token) -> list[str]:
        """"the two governments" after "Qatari and Egyptian mediators": the pair just named
        together (within the sentence and the one before), when it is not the parties."""
        sent = token.sent
        start = max(0, sent.start - 60)
        for t in reversed(self.doc[start : token.i]):
            if t.dep_ == "conj" and t.head.i < t.i and t.pos_ in ("PROPN", "NOUN", "ADJ"):
                first = self._one(t.head, places=False)
                second = self._one(t, places=False)
                if len(first) == 1 and len(second) == 1 and first != second:
                    pair = [first[0], second[0]]
                    if set(pair) != set(self.parties) and not any(c.dep_ == "conj" for c in t.children):
                        return pair
                    return []
        return []

    @staticmethod
    def _modified_sides(token: Token) -> bool:
        """"eight Arab and Muslim countries" (not "the two countries", "the warring parties")."""
        return token.tag_ in ("NNS", "NNPS") and any(
            (c.dep_ == "nummod" and c.lower_ not in ("two", "2")) or (c.dep_ == "amod" and c.lower_ not in SIDE_MODIFIERS)
            for c in token.children
        )

    def _surname(self, token: Token) -> list[str]:
        """A later mention by surname that the people component did not link."""
        for person in self.analysis.people:
            if person.affiliation and person.surname and person.surname.lower() == token.lower_:
                return [person.affiliation]
        return []

    def _possessive_antecedent(self, token: Token) -> list[str]:
        """"their foreign ministers": the subject of a recent clause ("The leaders of
        Armenia and Azerbaijan signed …"); "their" prefers a group."""
        plural = token.lower_ == "their"
        fallback: list[str] = []
        start = max(0, token.i - 120)
        for t in reversed(self.doc[start : token.i]):
            if t.dep_ not in ("nsubj", "nsubjpass") or t.lower_ in ("it", "they", "their", "its"):
                continue
            found = actors_of(self.doc, self.analysis, t)
            if not found:
                continue
            if not plural or len(found) > 1:
                return found
            fallback = fallback or found
        return fallback

    def _reported_subject(self, token: Token) -> list[str] | None:
        """"Prosecutors said they had opened …": "they" is the speaker when the speaker is
        a noun phrase (None when the clause is not reported that way)."""
        verb = token.head
        if verb.dep_ != "ccomp" or verb.head.pos_ not in VERB_POS:
            return None
        speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if speaker is None or speaker.pos_ not in NOUN_POS:
            return None
        if token.lower_ in ("he", "she") and speaker.i not in self.analysis.person_at:
            return None
        if token.lower_ == "they" and speaker.tag_ not in ("NNS", "NNPS") and not any(c.dep_ == "conj" for c in speaker.children):
            return None
        if token.lower_ == "it" and speaker.tag_ in ("NNS", "NNPS"):
            return None
        return self.ids(speaker)

    def _object_pronoun(self, token: Token) -> list[str]:
        """"called on them": the last actor named before, other than the clause's subject."""
        verb = token.head
        while verb.pos_ not in VERB_POS and verb.head.i != verb.i:
            verb = verb.head
        subject = self._subject_token(verb)
        own = set(self.ids(subject)) if subject is not None and subject.i != token.i else set()
        plural = token.lower_ == "them"
        for m in reversed(self.analysis.actor_mentions):
            if m.end > token.i or not m.agentive or m.actor in own:
                continue
            if plural:
                root = self.doc[m.start : m.end].root
                group = [a for a in actors_of(self.doc, self.analysis, root) if a not in own]
                if len(group) > 1:
                    return group
            return [m.actor]
        return []

    def _definite(self, token: Token) -> list[str]:
        """"the delegation" → the actor of the last "Hamas delegation" before it."""
        lemma = token.lemma_.lower()
        start = max(0, token.i - 250)
        for t in reversed(self.doc[start : token.i]):
            if t.lemma_.lower() == lemma and t.pos_ in NOUN_POS:
                found = actors_of(self.doc, self.analysis, t)
                if found:
                    return found
        return []

    def _stray_participle(self, token: Token) -> Token | None:
        """"talks hosted by Saudi Arabia … and brokered by Riyadh and Washington": a passive
        participle the parser coordinated with some verb, though it describes the noun of an
        earlier participle; that noun (None when ``token`` is not such a participle)."""
        if token.tag_ != "VBN" or token.dep_ != "conj" or not any(c.dep_ == "agent" for c in token.children):
            return None
        if any(c.dep_ in (*SUBJECTS, "aux", "auxpass") for c in token.children):
            return None
        for t in reversed(token.doc[token.sent.start : token.i]):
            if t.dep_ == "acl" and t.tag_ == "VBN" and t.head.pos_ in NOUN_POS:
                return t.head
        return None

    def _stray_subject(self, verb: Token) -> Token | None:
        """"Hamas released … on Monday and Israel began freeing …": a coordinated verb whose
        subject the parser hung elsewhere (here on "Monday"); the actor named just before it."""
        if verb.dep_ != "conj" or verb.pos_ not in VERB_POS or verb.i < 2:
            return None
        before = verb.doc[verb.i - 1]
        if before.pos_ not in NOUN_POS or before.head.i == verb.i or before.dep_ not in ("conj", "appos", "npadvmod", "dobj", "pobj"):
            return None
        if verb.doc[verb.i - 2].lower_ not in ("and", "but", ",", "while", "whereas"):
            return None
        if self.analysis.mention_at(before.i) is None and before.i not in self.analysis.person_at:
            return None
        return before

    def _subject_token(self, verb: Token) -> Token | None:
        """The subject of ``verb``'s clause: through relative pronouns, participles, control
        and coordination (also a coordination the parser hung on the wrong verb)."""
        if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children
        ):
            return None  # "…, asked about the strike, said": the one asked is no agent
        if self._stray_participle(verb) is not None:
            return None  # "talks hosted … and brokered by …": a passive with no subject
        node = verb
        via_conj = False
        for _ in range(7):
            subjects = [c for c in node.children if c.dep_ in SUBJECTS]
            candidates = [c for c in subjects if c.i not in self.dateline]
            subject = candidates[0] if candidates else None
            if len(candidates) > 1:
                # "The US vice - president, JD Vance, arrived": the parser split the head noun
                subject = next((c for c in reversed(candidates) if c.i in self.analysis.person_at or self.ids(c)), candidates[-1])
            if subject is None and subjects:
                # "PRETORIA, Nov 3 — Ethiopia's government … agreed": the dateline took the subject
                subject = next((a for c in subjects for a in c.children if a.dep_ == "appos" and a.i not in self.dateline), None)
            if subject is not None:
                if subject.lower_ in RELATIVE and node.dep_ == "relcl":
                    head = node.head  # "Obasanjo, the former Nigerian president who led …"
                    return head.head if head.dep_ == "appos" else head
                if subject.dep_ == "nsubjpass" and node.i == verb.i and not (
                    verb.lower_ in self.f.by_adj and not any(c.dep_ == "agent" for c in verb.children)
                ):
                    return None  # the patient of a passive ("is opposed to" keeps its subject)
                if via_conj and node.dep_ in ("ccomp", "acl", "advcl", "xcomp") and not self.ids(subject):
                    node = node.head  # "said the talks had reached a dead end, and blamed …"
                    continue
                return subject
            stray = self._stray_subject(node)
            if stray is not None:
                return stray
            if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.lemma_.lower() in SPEECH_NOUNS and node.head.head.pos_ in VERB_POS:
                node = node.head.head  # "issued a declaration demanding …": the issuer demands
                continue
            if node.dep_ == "relcl" or (node.dep_ == "acl" and node.tag_ == "VBG"):
                return node.head.head if node.head.dep_ == "appos" else node.head
            if node.dep_ == "acl" and node.tag_ == "VBD":
                # a finite verb the parser hung on a noun: the sentence's subject acts
                root = node.sent.root
                return next((c for c in root.children if c.dep_ == "nsubj" and c.i not in self.dateline), None)
            if node.dep_ == "advcl" and any(c.dep_ == "mark" for c in node.children):
                return None
            if node.dep_ == "conj":
                via_conj = True
            if node.pos_ in NOUN_POS and node.dep_ in ("dobj", "pobj", "attr") and node.head.i != node.i:
                node = node.head  # a noun has no subject: its clause's verb has
                continue
            if node.head.i != node.i and (
                node.dep_ in ("xcomp", "conj", "advcl", "acomp", "pcomp", "prep", "amod")
                or (via_conj and node.dep_ in ("acl", "pobj", "ccomp", "dobj"))
            ):
                node = node.head
                continue
            return None
        return None

    def _official_noun(self, token: Token) -> bool:
        words = self.f.classes["official"]
        return token.lemma_.lower() in words or token.lower_ in words

    def _is_actor_head(self, token: Token) -> bool:
        if token.i in self.analysis.person_at:
            return True
        mention = self.analysis.mention_at(token.i)
        if mention is not None:
            return True
        if self._official_noun(token) and self.ids(token):
            return True
        return token.lower_ in ("sides", "parties") or (token.lemma_.lower() in GROUP_HEADS and bool(self.ids(token)))

    def _speaker_ids(self, anchor: Token) -> list[str]:
        """The actor whose statement reports ``anchor`` (the subject of a governing speech verb)."""
        analysis = self.analysis
        node = anchor
        for _ in range(6):
            for child in node.children:
                if child.dep_ == "parataxis" and (child.lemma_.lower() in SPEECH or child.i in analysis.source_of_verb):
                    subject = next((c for c in child.children if c.dep_ in ("nsubj",)), None)
                    if subject is not None and self.ids(subject):
                        return self.ids(subject)
            if node.head.i == node.i:
                break
            parent = node.head
            speech_noun = node.dep_ == "dobj" and node.lemma_.lower() in SPEECH_NOUNS
            if node.dep_ in ("ccomp", "parataxis", "advcl", "xcomp", "conj", "pcomp", "pobj", "prep", "attr", "acomp", "dobj") and parent.pos_ in VERB_POS:
                if parent.lemma_.lower() in SPEECH or parent.i in analysis.source_of_verb or speech_noun:
                    subject = next((c for c in parent.children if c.dep_ == "nsubj"), None)
                    if subject is not None:
                        found = self.ids(subject)
                        if found:
                            return found
                    source = analysis.source_of_verb.get(parent.i)
                    affiliation = analysis.sources[source].affiliation if source is not None else None
                    if affiliation:
                        return [affiliation]
            node = parent
        source = self._source(anchor)
        affiliation = analysis.sources[source].affiliation if source is not None else None
        return [affiliation] if affiliation else []

    def _noun_agent(self, noun: Token) -> list[str]:
        """"mediation by the UAE", "talks convened by the AU": the actors of the "by" phrase
        that follows a noun (also when the parser hung it on the verb)."""
        if noun.pos_ not in NOUN_POS or noun.i + 1 >= len(self.doc) or not self._interaction_noun(noun):
            return []
        by = self.doc[noun.i + 1]
        if by.lower_ != "by" or by.dep_ not in ("agent", "prep"):
            return []
        return unique(a for g in by.children if g.dep_ == "pobj" for a in self.ids(g))

    def _names_participants(self, noun: Token) -> bool:
        """Does a meeting or mediation noun name who takes part in it ("Qatari mediation",
        "mediation by the UAE", "talks between X and Y", "Hamas's talks with Turkey")?"""
        if not self._interaction_noun(noun):
            return False  # "Qatari mediators" names people, not an interaction
        if self._noun_agent(noun) or self._between([noun]):
            return True
        return any(c.dep_ == "prep" and c.lower_ == "with" and any(self.ids(g) for g in c.children if g.dep_ == "pobj") for c in noun.children) and any(
            c.dep_ in ("poss", "amod", "compound", "nmod") and self.ids(c) for c in noun.children
        )

    def _interaction_noun(self, noun: Token) -> bool:
        """"talks", "meeting", "mediation": a noun that names an interaction."""
        return self._in_class([noun], "meeting") or self._in_class([noun], "mediation_nouns")

    def _between(self, tokens: Iterable[Token], *, deep: bool = False) -> list[str]:
        """Actors of "between X and Y" on ``tokens`` (``deep``: anywhere in their phrases,
        not crossing into another clause)."""
        out: list[str] = []
        pool: list[Token] = []
        for base in tokens:
            pool.append(base)
            if deep:
                pool.extend(phrase_tokens(base))
        seen: set[int] = set()
        for base in pool:
            for child in base.children:
                if child.dep_ == "prep" and child.lower_ == "between" and child.i not in seen:
                    seen.add(child.i)
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            for conj in conjuncts(obj):
                                out += self.ids(conj, places=True)
        return unique(out)
