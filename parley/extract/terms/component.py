"""The ``parley_terms`` factory and its pass over a doc (see :mod:`parley.extract.terms`)."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Token

from ..analysis import TermMention, analysis_of
from ..lexicons import load_lexicons
from .candidate import CESSATION, Cand
from .conditions import Conditions
from .enumerations import Enumerations, paragraphs
from .fallback import ClauseFallback
from .filters import Filters
from .lexicon import Cue, TermLexicon, load_term_lexicon
from .matching import CueIndex, TokenCache
from .params import Context, Target, extract_params
from .spans import Evidence
from .syntax import mods, verbal

__all__ = ["TermFinder", "make_term_finder"]


class TermFinder(Conditions, Filters, Evidence, Enumerations, ClauseFallback):
    """Finds provision mentions and fills ``doc._.parley.terms``."""

    def __init__(self, nlp: Language, lexicon: TermLexicon | None = None):
        self.lex = lexicon or load_term_lexicon()
        self.w = self.lex.words
        compact = tuple(c for c in self.lex.cues if not c.raw)
        self.index = CueIndex(compact)
        self.matcher: Matcher | None = None  # raw spaCy patterns, if the lexicon has any
        self.cue_by_key: dict[int, Cue] = {}
        raw = [c for c in self.lex.cues if c.raw]
        if raw:
            self.matcher = Matcher(nlp.vocab, validate=True)
            for cue in raw:
                self.matcher.add(cue.id, [list(cue.pattern)])
                self.cue_by_key[nlp.vocab.strings[cue.id]] = cue
        try:
            self.registry = load_lexicons().actors
        except Exception:  # noqa: BLE001 - the registry only refines actor kinds
            self.registry = None

    # -- candidates ----------------------------------------------------------------------

    def _candidates(self, doc: Doc, analysis: Any) -> list[Cand]:
        found: dict[tuple[str, int, int], Cand] = {}
        matches = self.index(doc, self._toks)
        if self.matcher is not None:
            for key, start, end in self.matcher(doc):
                cue = self.cue_by_key[key]
                head = cue.head if cue.head is not None else doc[start:end].root.i - start
                matches.append((cue, start, end, start + head))
        for cue, start, end, anchor in matches:
            if (cue.id, start, end) in found:
                continue
            token = doc[anchor]
            frame = None
            ok = True
            for cond, value in cue.when.items():
                result = self._check(cond, value, token, analysis)
                if result is False:
                    ok = False
                    break
                if cond == "frame" and isinstance(result, Token):
                    frame = result.i
            if ok:
                found[(cue.id, start, end)] = Cand(cue, cue.type, anchor, start, end, frame)
        ranked = sorted(
            found.values(), key=lambda c: (-(c.end - c.start), -c.cue.priority, c.start)
        )
        taken: set[int] = set()
        anchors: set[int] = set()
        chosen = []
        for cand in ranked:
            if cand.anchor in anchors or any(i in taken for i in range(cand.start, cand.end)):
                continue
            chosen.append(cand)
            taken.update(range(cand.start, cand.end))
            anchors.add(cand.anchor)
        chosen.sort(key=lambda c: c.anchor)
        return chosen

    # -- the pass ----------------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        analysis = analysis_of(doc)
        self._toks = TokenCache(doc)
        cands = [
            c for c in self._candidates(doc, analysis) if not self._not_provision(doc, c, analysis)
        ]
        cands = self._releases(doc, cands, analysis)
        ctx = Context(doc, analysis, self.lex, self.registry)
        self._layout(doc, ctx, cands)
        cands = self._nested(doc, [c for c in cands if not self._mere_reference(doc, c)])
        cands = self._clause_terms(doc, cands)
        self._layout(doc, ctx, cands)  # again, without the dropped mentions as boundaries
        cands = self._absorb(doc, cands)
        paragraph = paragraphs(doc, self._toks)
        self._phases(doc, cands, paragraph)
        self._exchanges(doc, cands, paragraph)
        terms = []
        for cand in cands:
            exchange = cand.exchange
            terms.append(
                TermMention(
                    cand.span[0],
                    cand.span[1],
                    cand.type,
                    cand.params,
                    cand.phase,
                    cand.cue_id,
                    exchange,
                )
            )
        analysis.terms = terms
        analysis.extra["term_references"] = self._references(doc, cands)
        return doc

    def _layout(self, doc: Doc, ctx: Context, cands: list[Cand]) -> None:
        """Evidence spans (each cut before the next term), parameters and refined types."""
        self._anchors = {c.anchor for c in cands}
        core = {c.anchor: self._core_start(doc, c) for c in cands}
        truces = {c.anchor for c in cands if c.cue.type in CESSATION and not verbal(doc[c.anchor])}
        for cand in cands:
            cand.type, cand.cue_id = cand.cue.type, cand.cue_id.split(">")[0]
            # the truce a term acts on ("extend the truce by ten days", "monitor the
            # ceasefire") is a mention of its own but does not cut the term's evidence
            carried = {a for a in truces if _argument_of(doc[a], doc[cand.anchor])}
            blockers = {
                s
                for a, s in core.items()
                if a != cand.anchor and s > cand.anchor and a not in carried
            }
            blockers.update(a for a in core if a > cand.anchor and a not in carried)
            cand.span = self._span(doc, cand, sorted(blockers))
            cand.params = self._read(ctx, cand)
            self._refine(doc, cand, ctx)

    def _read(self, ctx: Context, cand: Cand) -> dict[str, Any]:
        doc = ctx.doc
        target = Target(
            cand.type,
            doc[cand.anchor],
            doc[cand.frame] if cand.frame is not None else None,
            cand.span[0],
            cand.span[1],
            cand.cue_id,
            cand.cue.params,
            frozenset(self._anchors - {cand.anchor}),
        )
        return extract_params(ctx, target)

    def _refine(self, doc: Doc, cand: Cand, ctx: Context) -> None:
        token = doc[cand.anchor]
        for rule in self.lex.refine:
            if rule["type"] != cand.type:
                continue
            ok = True
            for key, value in rule["when"].items():
                if key == "modifier":
                    ok = any(self._is(t, value) for t in mods(token))
                elif key == "param":
                    ok = value in cand.params
                elif key == "short_pause":
                    days = cand.params.get("duration_days", cand.params.get("duration_days_max"))
                    hours = "hours_per_day" in cand.params
                    ok = (
                        hours or (isinstance(days, int | float) and days <= value)
                    ) and cand.params.get("scope") != "general"
                elif key == "in_span":
                    ok = any(self._is(t, value) for t in doc[cand.span[0] : cand.span[1]])
                elif key == "not_in_span":
                    ok = not any(self._is(t, value) for t in doc[cand.span[0] : cand.span[1]])
                if not ok:
                    break
            if ok:
                cand.type = rule["to"]
                cand.params = self._read(ctx, cand)
                cand.params.update(rule.get("params", {}))
                cand.cue_id = f"{cand.cue_id}>{rule['to']}"
                return

    def _references(self, doc: Doc, cands: list[Cand]) -> dict[int, int]:
        """For each mention, the closest earlier mention of the same type whose parameters do
        not conflict with it ("a 30-day ceasefire" … "the ceasefire will last 30 days"): the
        same provision if the proposal component puts both in one proposal."""
        refs: dict[int, int] = {}
        for n, cand in enumerate(cands):
            for m in range(n - 1, -1, -1):
                other = cands[m]
                if other.type != cand.type:
                    continue
                shared = set(other.params) & set(cand.params)
                if all(other.params[k] == cand.params[k] for k in shared):
                    refs[n] = m
                    break
        return refs


def _argument_of(token: Token, head: Token) -> bool:
    """``token`` is the object of ``head`` ("extend [the truce]", "extension of [the truce]")."""
    if token.head.i == head.i and token.dep_ in ("dobj", "nsubjpass"):
        return True
    return token.dep_ == "pobj" and token.head.head.i == head.i and token.head.lower_ == "of"


@Language.factory(
    "parley_terms",
    requires=["doc._.parley", "token.dep", "token.lemma", "token.pos"],
    assigns=["doc._.parley"],
)
def make_term_finder(nlp: Language, name: str) -> TermFinder:
    return TermFinder(nlp)
