"""The clause fallback: a committed clause that no cue covers, typed by its words.

Cues catch the phrasings the lexicon lists; news copy has many more ("would stop its advance
and hold its positions", "is to stop sharing intelligence", "would be given unobstructed
access"). A clause that states a commitment — a modal ("would", "will", "is to"), a pledge
verb ("agreed to", "pledged to", "calls for"), or a bullet of a list of provisions — and in
which no term was found is scored against the lexicon's ``indicators``: each type lists
strong words (2 points) and weak words (1 point). The clause becomes a term of the best type
when it scores at least 2 and no other type ties with it.

The fallback only runs in an article where a cue already found a provision or that names an
agreement, plan or talks: an article with no negotiation content (a casualty report) gets no
term from it.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .candidate import Cand, derived_cue
from .syntax import children

_MODALS = frozenset({"would", "will", "shall", "must", "should", "'ll", "wo"})
_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "conj", "parataxis", "relcl", "csubj"})
_THRESHOLD = 2


class ClauseFallback:
    """A mixin of :class:`TermFinder` (reads ``self.lex``, ``self.w`` and ``_is``)."""

    def _clause_terms(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        if not self.lex.indicators or not (cands or any(self._is(t, "deal_words") for t in doc)):
            return cands  # an article about no agreement (a casualty report)
        covered = {i for c in cands for i in range(c.span[0], c.span[1])}
        covered.update(c.anchor for c in cands)
        extra = []
        for i, pos in enumerate(self._toks.pos):
            if pos != "VERB" or i in covered:
                continue
            verb = doc[i]
            if not self._committed(verb):
                continue
            if verb.lemma_.lower() in self.w["speech_verbs"]:
                continue
            tokens = self._own_clause(verb)
            if any(t.i in covered for t in tokens if t.pos_ in ("NOUN", "PROPN", "VERB")):
                continue
            type_ = self._best_type(tokens)
            if type_ is not None:
                extra.append(
                    Cand(derived_cue(type_, f"clause.{type_}"), type_, verb.i, verb.i, verb.i + 1)
                )
                covered.update(t.i for t in tokens)
        return sorted(cands + extra, key=lambda c: c.anchor)

    def _committed(self, verb: Token) -> bool:
        """The clause states a commitment: "would stop", "is to leave", "agreed to keep",
        "pledged to refrain", a verb of a bullet item; not "were considering keeping"."""
        node = verb
        for _ in range(4):
            auxes = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
            if any(a.lower_ in _MODALS for a in auxes):
                return True
            if node.lemma_.lower() in self.w["pledge_verbs"] and node.i != verb.i:
                return True
            if node.lemma_.lower() == "be" and any(
                c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                for c in node.children
            ):
                return True  # "troops are to leave"
            if any(a.lower_ == "to" for a in auxes) and node.head.lemma_.lower() == "be":
                return True
            if node.dep_ not in ("xcomp", "conj") or node.head.i == node.i:
                break
            lo, hi = sorted((node.i, node.head.i))
            if any("\n" in t.text for t in node.doc[lo:hi]):
                break  # the parser ran a bullet into the line above it
            node = node.head
        first = verb.doc[verb.sent.start]  # a bullet item: "- foreign trainers must leave"
        return first.text in ("-", "•", "*", "–", "—")

    def _own_clause(self, verb: Token) -> list[Token]:
        """The verb's clause without the clauses inside it that have a subject of their own."""
        out = []
        stack = [verb]
        while stack:
            node = stack.pop()
            out.append(node)
            for child in node.children:
                if child.dep_ in _CLAUSE_DEPS and children(child, "nsubj", "nsubjpass"):
                    continue
                if "\n" in child.text:
                    continue
                stack.append(child)
        return out

    def _best_type(self, tokens: list[Token]) -> str | None:
        """The type the clause's words point to: at least 2 points with a strong word among
        them, and no other type as high."""
        scores: dict[str, int] = {}
        strong: set[str] = set()
        for tok in tokens:
            seen: set[str] = set()
            for form in (tok.lower_, tok.lemma_.lower()):
                for type_, weight in self.lex.indicators.get(form, ()):
                    if type_ in seen:
                        continue
                    seen.add(type_)
                    scores[type_] = scores.get(type_, 0) + weight
                    if weight > 1:
                        strong.add(type_)
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        if not ranked:
            return None
        best, score = ranked[0]
        if score < _THRESHOLD or best not in strong or (len(ranked) > 1 and ranked[1][1] == score):
            return None
        return best
