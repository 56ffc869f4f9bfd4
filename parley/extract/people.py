"""Component ``parley_people``: named individuals, their titles and the actor they act for.

Names come from three places, longest match winning: the people registry's name forms,
the model's PERSON entities, and a title followed by capitalised words ("Minister Hakan
Fidan"). Later mentions by surname ("Fidan said") join the person introduced earlier. The
title and affiliation come from the words around the first full mention — the title chain
before the name ("Turkish Foreign Minister", "Hamas's Gaza chief"), an apposition ("…, a
senior TPLF official") or "of <actor>" after it — and, failing those, from the registry role
held on the publication date, then from the phrase the name sits in ("a Hamas delegation
headed by …").

requires: doc._.parley.actor_mentions, doc._.parley.media_spans, token.ent_type, token.dep
assigns:  doc._.parley.people, doc._.parley.person_at, doc.spans["parley_people"]
"""

from __future__ import annotations

import re
import unicodedata

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..lexicon.people import PersonEntry
from .analysis import ActorMention, Analysis, PersonInfo, analysis_of
from .lexicons import Lexicons, load_lexicons

__all__ = ["PeopleFinder", "fold"]

_HONORIFICS = frozenset(
    {"sheikh", "mr", "mrs", "ms", "dr", "gen", "general", "sir", "king", "emir", "prince"}
)
_STOP_TAGS = frozenset({"DET", "ADP", "VERB", "AUX", "PUNCT", "CCONJ", "SCONJ", "PRON", "NUM"})


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a name."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", text.casefold()).strip()


def _surname(tokens: list[str]) -> str:
    words = [t for t in tokens if re.search(r"\w", t)]
    return words[-1] if words else ""


class PeopleFinder:
    """Finds named persons and describes them."""

    def __init__(self, nlp: Language, lexicons: Lexicons):
        self.lex = lexicons
        self.registry_forms = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.entry_of: dict[str, PersonEntry] = {}
        for entry in lexicons.people:
            for form in entry.forms():
                self.entry_of[fold(form)] = entry
                self.registry_forms.add("PERSON", [nlp.make_doc(form)])
        self.title_words = lexicons.words("entities", "title_words")
        self.title_modifiers = lexicons.words("entities", "title_modifiers")
        # titles that go with one name: "King Abdullah", "Emir Tamim", "Pope Leo"
        self.single_name_titles = lexicons.words("entities", "single_name_titles")
        # "Foreign Minister Hakan Fidan"; "His Congolese counterpart, Thérèse Kayikwamba Wagner,"
        # (a name the model tags ORG). Scanned by hand: a Matcher with a "+" operator over
        # proper nouns cost more than the rest of this component together.
        self.appositive_words = self.title_words | {"counterpart", "counterparts"}

    # -- matching --------------------------------------------------------------------------

    def match(self, doc: Doc, analysis: Analysis) -> list[Span]:
        blocked = {i for m in analysis.actor_mentions for i in range(m.start, m.end)}
        blocked |= {i for s, e, _ in analysis.media_spans for i in range(s, e)}
        spans = [Span(doc, s, e) for _, s, e in self.registry_forms(doc)]
        for ent in doc.ents:
            if ent.label_ == "PERSON":
                span = self._trim(ent)
                if span is not None:
                    spans.append(span)
        for start, end in _longest(self._titled(doc)):
            span = self._trim(Span(doc, start + 1, end))
            if span is not None and (len(span) >= 2 or doc[start].lower_ in self.single_name_titles):
                spans.append(span)
        for start, end in self._appositive(doc):
            span = Span(doc, start + 2, end - 1)
            if 2 <= len(span) <= 4 and all(t.ent_type_ in ("PERSON", "ORG", "") for t in span):
                spans.append(span)
        kept = []
        for span in filter_spans(spans):
            if any(i in blocked for i in range(span.start, span.end)):
                continue
            if not any(t.is_title or t.is_upper for t in span) or span.text.isupper():
                continue
            kept.append(span)
        return kept

    def _titled(self, doc: Doc) -> list[tuple[int, int]]:
        """(title word, capitalised proper nouns after it): every start, the longest run."""
        found = []
        for token in doc:
            if token.lower_ in self.title_words:
                end = _name_run(doc, token.i + 1)
                if end > token.i + 1:
                    found.append((token.i, end))
        return found

    def _appositive(self, doc: Doc) -> list[tuple[int, int]]:
        """(title word or "counterpart", comma, capitalised proper nouns, comma)."""
        found = []
        for token in doc:
            i = token.i
            if token.lower_ in self.appositive_words and i + 2 < len(doc) and doc[i + 1].text == ",":
                end = _name_run(doc, i + 2)
                if end > i + 2 and end < len(doc) and doc[end].text == ",":
                    found.append((i, end + 1))
        return found

    def _trim(self, span: Span) -> Span | None:
        """Drop title words and punctuation at the edges of a PERSON entity."""
        start, end = span.start, span.end
        doc = span.doc
        while start < end and (
            doc[start].lower_ in self.title_words
            or doc[start].lower_ in self.title_modifiers
            or not doc[start].is_alpha
        ):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ == "'s"):
            end -= 1
        if start >= end:
            return None
        return Span(doc, start, end)

    # -- people ------------------------------------------------------------------------

    def set_annotations(self, doc: Doc, spans: list[Span]) -> None:
        analysis = analysis_of(doc)
        people: list[PersonInfo] = []
        by_key: dict[str, int] = {}
        singles: list[Span] = []
        for span in spans:
            if len([t for t in span if t.is_alpha]) < 2:
                singles.append(span)
                continue
            key = fold(span.text)
            entry = self.entry_of.get(key)
            if entry is not None:
                key = fold(entry.name)
            index = by_key.get(key)
            if index is None:
                index = self._surname_match(people, span)
            if index is None:
                index = len(people)
                by_key[key] = index
                people.append(self._new_person(span, entry))
            people[index].spans.append((span.start, span.end))
        for span in singles:
            index = self._surname_match(people, span)
            if index is None:
                index = self._registry_single(people, span, by_key)
            if index is None and span.start > 0 and doc[span.start - 1].lower_ in self.single_name_titles:
                index = by_key.setdefault(fold(span.text), len(people))  # "King Hassan", "Pope Leo"
                if index == len(people):
                    people.append(self._new_person(span, None))
            if index is not None:
                people[index].spans.append((span.start, span.end))
        self._bare_surnames(doc, analysis, people, self.entry_of)
        for person in people:
            person.spans.sort()
            self._describe(doc, analysis, person)
        analysis.people = [p for p in people if self._credible(doc, p)]
        analysis.person_at = {
            i: n for n, p in enumerate(analysis.people) for s, e in p.spans for i in range(s, e)
        }
        doc.spans["parley_people"] = [
            Span(doc, s, e, label="PERSON") for p in analysis.people for s, e in p.spans
        ]

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc, analysis_of(doc)))
        return doc

    @staticmethod
    def _bare_surnames(
        doc: Doc, analysis: Analysis, people: list[PersonInfo], entry_of: dict | None = None
    ) -> None:
        """A later surname the model did not tag as a person ("Witkoff said", read as an
        organisation) still names the person introduced in full; so does a one-word form the
        registry gives for the person ("Abiy" for Abiy Ahmed)."""
        taken = {i for p in people for s, e in p.spans for i in range(s, e)}
        taken |= {i for m in analysis.actor_mentions for i in range(m.start, m.end)}
        taken |= {i for s, e, _ in analysis.media_spans for i in range(s, e)}
        by_surname = {}
        for index, person in enumerate(people):
            if len(person.name.split()) >= 2 and person.surname:
                by_surname.setdefault(person.surname, set()).add(index)
            entry = (entry_of or {}).get(fold(person.name))
            for form in entry.extra_surnames if entry is not None else ():
                by_surname.setdefault(form, set()).add(index)
        for token in doc:
            owners = by_surname.get(token.text)
            if owners is None or len(owners) != 1 or token.i in taken or token.pos_ != "PROPN":
                continue
            if token.i > 0 and doc[token.i - 1].is_title and doc[token.i - 1].pos_ == "PROPN":
                continue  # part of another name
            people[next(iter(owners))].spans.append((token.i, token.i + 1))

    def _new_person(self, span: Span, entry: PersonEntry | None) -> PersonInfo:
        words = [t.text for t in span if t.lower_ not in _HONORIFICS or t.i > span.start]
        name = span.text if entry is None else span.text
        return PersonInfo(
            name=name,
            surname=_surname(words),
            affiliation=None,
            title=None,
            registry=entry is not None,
        )

    @staticmethod
    def _surname_match(people: list[PersonInfo], span: Span) -> int | None:
        last = fold(_surname([t.text for t in span]))
        if not last:
            return None
        for index, person in enumerate(people):
            if fold(person.surname) == last:
                return index
        return None

    def _registry_single(
        self, people: list[PersonInfo], span: Span, by_key: dict[str, int]
    ) -> int | None:
        """A surname never introduced in full: keep it only if the registry knows one such person."""
        token = span[-1]
        if not (token.is_title and token.pos_ == "PROPN"):
            return None
        matches = self.lex.people.by_surname(token.text)
        if len(matches) != 1:
            return None
        entry = matches[0]
        key = fold(entry.name)
        if key in by_key:
            return by_key[key]
        by_key[key] = len(people)
        name_tokens = entry.name.split()
        if token.text not in name_tokens:  # the article's spelling of the surname ("el-Sisi")
            name_tokens[-1] = token.text
        people.append(PersonInfo(" ".join(name_tokens), token.text, None, None, registry=True))
        return by_key[key]

    def _credible(self, doc: Doc, person: PersonInfo) -> bool:
        """A person needs the registry, a title, or a two-word name the model calls PERSON;
        and not a name that only ever stands for a place or a thing ("in Khan Younis", "a
        Hutu militia", "the General Border Committee")."""
        if person.registry:
            return True
        if all(self._not_a_person(doc, s, e) for s, e in person.spans) or any(
            self._named_place(doc, s) for s, _ in person.spans
        ):
            return False
        if person.title:
            return True
        return any(e - s >= 2 and doc[s].ent_type_ == "PERSON" for s, e in person.spans)

    @staticmethod
    def _named_place(doc: Doc, start: int) -> bool:
        """ "the city of Kryvyi Rih", "the town of Mirebalais"."""
        return (
            start >= 2
            and doc[start - 1].lower_ == "of"
            and doc[start - 2].lower_
            in (
                "city",
                "town",
                "village",
                "region",
                "province",
                "district",
                "port",
                "state",
                "camp",
                "island",
                "county",
            )
        )

    def _not_a_person(self, doc: Doc, start: int, end: int) -> bool:
        root = doc[start:end].root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head  # "in Ramallah and Khan Younis"
        head = root.head
        if root.dep_ == "pobj" and head.lower_ in (
            "in",
            "at",
            "near",
            "into",
            "across",
            "around",
            "outside",
            "inside",
            "from",
            "to",
            "toward",
            "towards",
        ):
            return not any(t.lower_ in self.title_words for t in doc[max(0, start - 3) : start])
        if (
            root.dep_ in ("compound", "amod")
            and head.pos_ == "NOUN"
            and head.lower_ not in self.title_words
            and head.lower_
            not in (
                "administration",
                "government",
                "team",
                "office",
                "camp",
                "family",
                "plan",
                "aide",
                "aides",
                "allies",
            )
        ):
            return True
        return bool(
            end < len(doc)
            and doc[end - 1].lower_ in ("committee", "hospital", "commission", "council", "airport")
        )

    # -- title and affiliation -----------------------------------------------------------

    def _describe(self, doc: Doc, analysis: Analysis, person: PersonInfo) -> None:
        published = analysis.published
        entry = self.entry_of.get(fold(person.name))
        if entry is None:
            matches = self.lex.people.by_surname(person.surname)
            entry = matches[0] if len(matches) == 1 and person.registry else None
        for start, end in person.spans:
            title, actor = self._title_chain(doc, analysis, start)
            if title is None and actor is None:
                title, actor = self._apposition(doc, analysis, end)
            if title is None and actor is None:
                title, actor = self._title_before(doc, analysis, start, end)
            if actor is None:
                actor = self._of_actor(doc, analysis, end)
            if title and not person.title:
                person.title = title
            if actor and not person.affiliation:
                person.affiliation = actor
            if person.title and person.affiliation:
                break
        if entry is not None:
            role = entry.role_at(published)
            if role is not None and self._other_office(person.title, role.title):
                role = None  # "Defense Minister Pedro Sánchez": a namesake of the registry's prime minister
            if role is not None:
                person.affiliation = person.affiliation or role.affiliation
                person.title = person.title or role.title
            if len(person.name.split()) < len(entry.name.split()):
                tokens = entry.name.split()
                tokens[-1] = person.surname or tokens[-1]
                person.name = " ".join(tokens)
        if not person.affiliation:
            person.affiliation = self._context_actor(doc, analysis, person.spans[0])
        if not person.affiliation and person.title and self._cabinet_title(person.title):
            # "the information minister, Paul Morcos": a minister of the government the article covers
            person.affiliation = analysis.extra.get("government_actor")
        governing = analysis.extra.get("governing", {})
        person.affiliation = governing.get(person.affiliation, person.affiliation)

    def _other_office(self, text_title: str | None, registry_title: str | None) -> bool:
        """The article's title names another office than the registry's: the same post
        ("minister") with a different portfolio ("Defense Minister" against "Prime
        Minister"); "Acting Defence Minister" and "Defence Minister" are one office."""
        if not text_title or not registry_title:
            return False
        spelling = {"defense": "defence"}
        mine = [spelling.get(w, w) for w in fold(text_title).split()]
        theirs = [spelling.get(w, w) for w in fold(registry_title).split()]
        if not {w for w in mine if w in self.title_words} & {
            w for w in theirs if w in self.title_words
        }:
            return False
        skip = {"acting", "interim", "caretaker", "deputy", "senior", "top", "chief"}
        mods = [
            {w for w in words if w in self.title_modifiers and w not in skip}
            for words in (mine, theirs)
        ]
        return bool(mods[0]) and bool(mods[1]) and not mods[0] & mods[1]

    def _cabinet_title(self, title: str) -> bool:
        words = fold(title).split()
        return "minister" in words and "former" not in words

    def _mention_at(self, analysis: Analysis, i: int) -> ActorMention | None:
        return analysis.mention_at(i)

    def _title_chain(
        self, doc: Doc, analysis: Analysis, start: int
    ) -> tuple[str | None, str | None]:
        """Title words and actor right before a name: "Turkish Foreign Minister", "Hamas's Gaza chief"."""
        i = start - 1
        title_tokens: list[Token] = []
        actor = None
        sent_start = doc[start].sent.start
        while i >= sent_start:
            token = doc[i]
            mention = self._mention_at(analysis, i)
            if mention is not None:
                actor = actor or mention.actor
                i = mention.start - 1
                continue
            low = token.lower_
            if low in ("'s", "'", "-") or (token.is_punct and low == "."):
                i -= 1
                continue
            if (
                low in self.title_words
                or low in self.title_modifiers
                or (
                    token.pos_ in ("NOUN", "PROPN", "ADJ")
                    and token.is_title
                    and token.dep_ == "compound"
                )
            ):
                title_tokens.insert(0, token)
                i -= 1
                continue
            if token.pos_ in ("NOUN", "ADJ") and title_tokens and token.pos_ not in _STOP_TAGS:
                title_tokens.insert(0, token)  # "hostage envoy", "Gaza chief"
                i -= 1
                continue
            break
        while (
            title_tokens
            and title_tokens[0].lower_ not in self.title_words
            and title_tokens[0].pos_ == "ADJ"
            and title_tokens[0].lower_ not in self.title_modifiers
        ):
            title_tokens.pop(0)
        former = (
            i >= sent_start
            and doc[i].lower_ == "former"
            or any(t.lower_ == "former" for t in title_tokens)
        )
        if former:
            actor = None  # "former British Prime Minister Tony Blair" speaks for no government now
        if actor is None and any(t.lower_ == "government" for t in title_tokens):
            actor = analysis.extra.get("government_actor")  # "Government negotiator Armando Novoa"
        if not any(t.lower_ in self.title_words for t in title_tokens):
            return None, actor
        return " ".join(t.text for t in title_tokens), actor

    def _apposition(self, doc: Doc, analysis: Analysis, end: int) -> tuple[str | None, str | None]:
        """ ", a senior TPLF official," or ", executive secretary of the M23," after a name."""
        if end >= len(doc) or doc[end].text != ",":
            return None, None
        title_tokens: list[str] = []
        actor = None
        former = False
        for token in doc[end + 1 : min(len(doc), end + 18)]:
            if (
                token.text in (",", ".", ";", "—", "(")
                or token.pos_ in ("VERB", "AUX")
                and token.lower_ not in self.title_modifiers
            ):
                break
            if token.lower_ == "former":
                former = (
                    True  # "Kenya's former president and one of the AU's mediators": not Kenya's
                )
                continue
            if token.lower_ == "and" and former:
                actor, former = None, False
                continue
            mention = self._mention_at(analysis, token.i)
            if mention is not None:
                if not former:
                    actor = actor or mention.actor
                continue
            if token.i in analysis.person_at:
                break
            if token.pos_ in ("DET",) or token.lower_ in ("of", "for", "to", "'s"):
                continue
            title_tokens.append(token.text)
        if not any(w.lower() in self.title_words for w in title_tokens):
            return None, None
        return " ".join(title_tokens), actor

    def _title_before(
        self, doc: Doc, analysis: Analysis, start: int, end: int
    ) -> tuple[str | None, str | None]:
        """ "the information minister, Paul Morcos," or "Kenya's envoy, Jane Doe,": the name
        in apposition to a title before it."""
        name = doc[end - 1]
        head = name.head
        if start == 0 or doc[start - 1].text != "," or name.dep_ != "appos" or head.i >= start:
            return None, None
        if head.lower_ not in self.title_words and head.lemma_.lower() not in self.title_words:
            return None, None
        words = [
            t
            for t in head.lefts
            if t.dep_ in ("compound", "amod") and t.i not in analysis.person_at
        ]
        if any(t.lower_ == "former" for t in head.lefts):
            return None, None
        actor = None
        for t in head.lefts:
            mention = self._mention_at(analysis, t.i)
            if mention is not None and t.dep_ in ("poss", "compound", "amod", "nmod"):
                actor = mention.actor
        title_words = [t.text for t in words if self._mention_at(analysis, t.i) is None] + [
            head.text
        ]
        return " ".join(title_words), actor

    def _of_actor(self, doc: Doc, analysis: Analysis, end: int) -> str | None:
        """ "Ararat Mirzoyan of Armenia"."""
        if end + 1 < len(doc) and doc[end].lower_ == "of":
            j = end + 1
            if doc[j].lower_ == "the" and j + 1 < len(doc):
                j += 1
            mention = self._mention_at(analysis, j)
            if mention is not None:
                return mention.actor
        return None

    def _context_actor(self, doc: Doc, analysis: Analysis, span: tuple[int, int]) -> str | None:
        """The actor of the phrase a name sits in: "a Hamas delegation headed by <name>"."""
        token = doc[span[1] - 1]
        for _ in range(4):
            head = token.head
            if head.i == token.i:
                return None
            for child in head.children:
                if child.dep_ in ("compound", "amod", "poss", "nmod") and child.i != token.i:
                    mention = self._mention_at(analysis, child.i)
                    if mention is not None and mention.agentive:
                        return mention.actor
            if head.dep_ not in (
                "agent",
                "pobj",
                "prep",
                "acl",
                "appos",
                "relcl",
                "compound",
            ) and token.dep_ not in ("pobj", "agent", "appos", "compound"):
                return None
            token = head
        return None


@Language.factory(
    "parley_people",
    requires=["doc._.parley", "token.ent_type", "token.dep"],
    assigns=["doc._.parley", "doc.spans"],
)
def make_people_finder(nlp: Language, name: str) -> PeopleFinder:
    return PeopleFinder(nlp, load_lexicons())


def _name_run(doc: Doc, start: int) -> int:
    """The end of the run of capitalised proper nouns from ``start``."""
    end = start
    while end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN":
        end += 1
    return end


def _longest(matches: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping matches reduced to the longest ones (the Matcher's greedy="LONGEST")."""
    kept: list[tuple[int, int]] = []
    taken: set[int] = set()
    for start, end in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        if not any(i in taken for i in range(start, end)):
            kept.append((start, end))
            taken.update(range(start, end))
    return sorted(kept)
