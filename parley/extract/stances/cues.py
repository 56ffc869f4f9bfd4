"""Stance cues: the words that express a position ("accepted", "turned down", "is studying",
"has yet to respond", "a red line"), each with the stance it expresses.

A cue whose stance starts with "?" only means something negated ("has not received",
"has not responded"); "?until" marks "would not … until X", a demand with X as condition.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Token

from .lexicon import StanceCues

__all__ = ["Cue", "CueFinder", "until_clause"]

_DESCRIBE = frozenset({"call", "describe", "label", "brand", "deem"})
_ASKING = frozenset({"ask", "seek", "request", "want", "need"})  # clarification, else their own stance


@dataclass(slots=True)
class Cue:
    anchor: Token  # the verb (or noun/adjective) that carries the stance
    stance: str
    start: int
    end: int
    label: str
    holder: str | None = None  # whose position an evaluation states when its subject is no actor


def _pattern(attribute: str, word: str) -> dict[str, str]:
    """One token of a phrase pattern; "*" matches any token ("put * signature")."""
    return {} if word == "*" else {attribute: word}


def _objects(verb: Token) -> list[Token]:
    """The heads of a verb's objects and of its prepositional objects ("asked for
    clarifications", "wants assurances"), and the object of an open complement ("wanted the
    terms clarified")."""
    found = [c for c in verb.children if c.dep_ in ("dobj", "ccomp", "xcomp")]
    found += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return found + [g for c in found if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ in ("nsubj", "dobj")]


class CueFinder:
    """Finds the stance cues of a doc: lexicon phrases first, then single words."""

    def __init__(self, nlp: Language, cues: StanceCues):
        self.cues = cues
        # Each phrase matches by lemma or by lower-case form. Phrases without a wildcard go
        # to hash-based phrase matchers; only "put * signature" and the like need the
        # token Matcher, whose cost grows with the number of patterns.
        self.matcher = Matcher(nlp.vocab)
        self.by_lemma = PhraseMatcher(nlp.vocab, attr="LEMMA")
        self.by_lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.phrase_stance: dict[str, tuple[str, str | None]] = {}
        for number, (words, stance, holder) in enumerate(cues.phrases):
            key = f"phrase{number}:{' '.join(words)}"
            self.phrase_stance[key] = (stance, holder)
            if "*" in words:
                self.matcher.add(key, [[_pattern("LEMMA", w) for w in words], [_pattern("LOWER", w) for w in words]])
                continue
            self.by_lemma.add(key, [Doc(nlp.vocab, words=list(words), lemmas=list(words))])
            if all(w == w.lower() for w in words):  # an upper-case word never equals a LOWER value
                self.by_lower.add(key, [Doc(nlp.vocab, words=list(words))])

    def _matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """Every phrase match, leftmost and longest first; on the same span the phrase listed
        first in the lexicon wins."""
        matches = set(self.matcher(doc)) | set(self.by_lemma(doc)) | set(self.by_lower(doc))
        strings = doc.vocab.strings
        return sorted(matches, key=lambda m: (m[1], -m[2], int(strings[m[0]][6:].split(":", 1)[0])))

    def __call__(self, doc: Doc) -> list[Cue]:
        found: list[Cue] = []
        taken: set[int] = set()
        for match_id, start, end in self._matches(doc):
            if any(i in taken for i in range(start, end)):
                continue
            key = doc.vocab.strings[match_id]
            span = doc[start:end]
            anchor = next((t for t in span if t.pos_ in ("VERB", "AUX")), span.root)
            stance, holder = self.phrase_stance[key]
            found.append(Cue(anchor, stance, start, end, key.split(":", 1)[1], holder))
            taken.update(range(start, end))
        for token in doc:
            if token.i in taken:
                continue
            cue = self._word(token)
            if cue is not None:
                found.append(cue)
        found.sort(key=lambda c: c.start)
        return found

    def _word(self, token: Token) -> Cue | None:
        cues = self.cues
        lemma = token.lemma_.lower()
        one = token.i, token.i + 1
        if token.pos_ == "VERB" and lemma in cues.verbs and lemma not in _ASKING:
            return Cue(token, cues.verbs[lemma], *one, lemma)
        if token.pos_ == "NOUN" and lemma in cues.nouns:
            return Cue(token, cues.nouns[lemma], *one, lemma)
        if token.lower_ in cues.unacceptable:
            return Cue(token, "rejects", *one, token.lower_, "speaker")
        if token.lower_ in cues.judgements and token.head.lemma_.lower() in _DESCRIBE:
            return Cue(token, "rejects", *one, token.lower_, "speaker")  # "called the deal a bad one"
        negated = any(c.dep_ == "neg" for c in token.children)
        if token.pos_ in ("VERB", "AUX") and negated and until_clause(token) is not None:
            return Cue(token, "?until", *one, "not … until")  # "would not convene until …"
        if token.pos_ == "VERB" and negated and lemma in cues.undecided_verbs and any(
            c.dep_ in ("ccomp", "advcl") and any(m.lower_ in ("whether", "if") for m in c.children if m.dep_ == "mark")
            and c.lemma_.lower() in cues.assent_verbs for c in token.children
        ):
            return Cue(token, "!no_response", *one, "not say whether")  # "has not said whether it will accept"
        if token.pos_ == "VERB" and lemma in _ASKING and any(
            c.lemma_.lower() in cues.clarification_nouns | {"clarify", "explain"} for c in _objects(token)
        ):
            return Cue(token, "seeks_clarification", *one, f"{lemma} … clarification")  # "wanted the terms clarified"
        if token.pos_ == "VERB" and lemma in cues.verbs:
            return Cue(token, cues.verbs[lemma], *one, lemma)
        if lemma in cues.reply_verbs and token.pos_ == "VERB":
            return Cue(token, "?reply", *one, lemma)
        if lemma in cues.receipt_verbs and token.pos_ == "VERB":
            return Cue(token, "?receive", *one, lemma)
        return None


def until_clause(verb: Token) -> Token | None:
    """The "until …" clause under a verb's own clause ("will not begin the last phase of
    decommissioning … until the government delivers")."""
    for token in verb.subtree:
        if token.lower_ == "until" and token.dep_ in ("mark", "prep") and token.head.i != verb.i or token.head.i == verb.i:
            if token.lower_ == "until" and token.dep_ in ("mark", "prep"):
                clause = token.head if token.dep_ == "mark" else token
                path = [clause, *clause.ancestors]
                if verb in path and not any(n.dep_ in ("ccomp", "relcl") for n in path[: path.index(verb)]):
                    return clause
    return None
