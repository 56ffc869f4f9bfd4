"""Finding cue words: one scan of the doc, and the index of cues by lemma and phrase."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .lexicon import Cue, EventLexicon
from .syntax import NOUN_POS, SUBJECTS, VERB_POS


@dataclass(slots=True)
class Trigger:
    token: Token  # the word the cue sits on (a verb for phrases)
    cues: list[Cue]
    start: int
    end: int
    kind: str  # verb | noun | adj | phrase


class Scan:
    """One pass over the doc: the per-token facts every later step reads."""

    __slots__ = ("tokens", "lemmas", "lowers", "obliged", "paragraph", "dateline")

    def __init__(self, doc: Doc, obligation: frozenset[str]):
        tokens = list(doc)
        self.tokens = tokens
        self.lemmas: list[str] = []
        self.lowers: list[str] = []
        self.obliged: set[int] = set()
        self.paragraph: list[int] = []
        self.dateline: set[int] = set()
        paragraph = 0
        start = 0
        for token in tokens:
            low = token.lower_
            self.lemmas.append(token.lemma_.lower())
            self.lowers.append(low)
            self.paragraph.append(paragraph)
            if low in obligation and token.dep_ == "aux":
                self.obliged.add(token.head.i)
            if token.i == start and token.is_upper and len(token) > 1:
                # a dateline: "DOHA, July 20 —", "KYIV (Reuters) -"
                for t in tokens[start : start + 16]:
                    if t.text in ("—", "–", "--") or (t.text == "-" and t.whitespace_ and t.i > 0 and tokens[t.i - 1].whitespace_):
                        self.dateline.update(range(start, t.i + 1))
                        break
            if token.is_space and token.text.count("\n") >= 2:
                paragraph += 1
                start = token.i + 1


def match_phrase(phrase: tuple[str, ...], lemmas: list[str], lowers: list[str], doc: Doc, start: int) -> int | None:
    """End of ``phrase`` matched at ``start`` (lemma or lower-case form; "*" is up to two
    optional determiners, pronouns or adjectives), or None."""
    i = start
    n = len(lemmas)
    for word in phrase:
        if word == "*":
            for _ in range(2):
                if i < n and doc[i].pos_ in ("DET", "PRON", "ADJ"):
                    i += 1
            continue
        if i >= n or (lemmas[i] != word and lowers[i] != word):
            return None
        i += 1
    return i


def _time_preposition(token: Token) -> bool:
    """A phrase's closing preposition that introduces a time ("on Sunday", "in March")."""
    return token.pos_ == "ADP" and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children)


class CueIndex:
    """The cues of a lexicon indexed by verb, noun, adjective and phrase (built once)."""

    def __init__(self, lexicon: EventLexicon):
        self.lex = lexicon
        self.by_verb: dict[str, list[Cue]] = {}
        self.by_noun: dict[str, list[Cue]] = {}
        self.by_adj: dict[str, list[Cue]] = {}
        self.by_phrase: dict[str, list[Cue]] = {}
        self.obligation_cue = next((c for c in self.lex.cues if c.obligation), None)
        self.phrase_index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for cue in self.lex.cues:
            for word in cue.verbs:
                self.by_verb.setdefault(word, []).append(cue)
            for word in cue.nouns:
                self.by_noun.setdefault(word, []).append(cue)
            phrases = list(cue.phrases) + [tuple(w.split()) for w in cue.adjectives if " " in w]
            for phrase in phrases:
                key = " ".join(phrase)
                if key not in self.by_phrase:
                    self.phrase_index.setdefault(phrase[0], []).append((phrase, key))
                self.by_phrase.setdefault(key, []).append(cue)
            for word in cue.adjectives:
                if " " not in word:
                    self.by_adj.setdefault(word, []).append(cue)

    def triggers(self, doc: Doc, scan: Scan | None = None) -> list[Trigger]:
        """Every cue occurrence, in text order; a phrase wins over its words."""
        scan = scan or Scan(doc, self.lex.obligation_modals)
        lemmas, lowers, obliged = scan.lemmas, scan.lowers, scan.obliged
        found: dict[int, Trigger] = {}
        covered: set[int] = set()
        n = len(doc)
        for i in range(n):
            if i in covered:
                continue
            candidates = self.phrase_index.get(lemmas[i], ()) or self.phrase_index.get(lowers[i], ())
            best: tuple[int, str] | None = None
            for phrase, key in candidates:
                end = match_phrase(phrase, lemmas, lowers, doc, i)
                if end is not None and _time_preposition(doc[end - 1]):
                    continue  # "in a call on Sunday" is no "call on"
                if end is not None and doc[end - 1].dep_ == "det" and doc[end - 1].head.i >= end:
                    continue  # "said no Turkish troops would …" is no "say no"
                if end is not None and (best is None or end > best[0]):
                    best = (end, key)
            if best is None:
                continue
            end, key = best
            span = doc[i:end]
            anchor = next((t for t in span if t.pos_ in VERB_POS), None)
            kind = "phrase"
            if anchor is None:
                anchor = next((t for t in span if t.pos_ == "ADJ"), span.root)
                kind = "phrase-noun" if anchor.pos_ in NOUN_POS else "phrase"
            cues = list(self.by_phrase[key])
            if anchor.pos_ in VERB_POS:
                cues += [c for c in self.by_verb.get(lemmas[anchor.i], ()) if c not in cues]
                if anchor.i in obliged and self.obligation_cue is not None:
                    cues.insert(0, self.obligation_cue)
            found[anchor.i] = Trigger(anchor, cues, i, end, kind)
            covered.update(range(i, end))
        for token in scan.tokens:
            i = token.i
            if i in covered:
                continue
            lemma, low = lemmas[i], lowers[i]
            pos = token.pos_
            cues = []
            kind = ""
            if low in ("talks", "negotiations") and pos != "VERB" or (low in ("talks", "negotiations") and not any(c.dep_ in SUBJECTS for c in token.children)):
                cues = list(self.by_noun.get(low, ()))
                kind = "noun"
            elif pos in VERB_POS or token.tag_.startswith("VB"):
                cues = list(self.by_verb.get(lemma, ()))
                if not cues and low in self.by_adj and token.tag_ == "VBN":
                    cues, kind = list(self.by_adj[low]), "adj"
                else:
                    kind = "verb"
                if i in obliged and self.obligation_cue is not None:
                    cues.insert(0, self.obligation_cue)
            elif pos in NOUN_POS:
                cues = list(self.by_noun.get(lemma, ())) or list(self.by_noun.get(low, ()))
                kind = "noun"
            elif pos == "ADJ":
                cues = list(self.by_adj.get(lemma, ())) or list(self.by_adj.get(low, ()))
                kind = "adj"
            if cues:
                found[i] = Trigger(token, cues, i, i + 1, kind)
        return [found[i] for i in sorted(found)]
