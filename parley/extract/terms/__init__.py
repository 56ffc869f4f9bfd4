"""Component ``parley_terms``: every provision the article states, typed, with parameters.

Recall comes first: a provision missed costs a lot, a provision mentioned in a background or
narrative sentence costs little, because the proposal component keeps only the terms that sit
in a proposal's context. The pass over a doc (:mod:`.component`):

1. **Cues** (:mod:`.lexicon`, :mod:`.matching`). ``terms.json`` holds cue patterns for the 30
   term types of VOCABULARY.md — nouns ("ceasefire", "buffer zone"), verb phrases ("lay down
   its weapons", "stop all firing"), passive and argument forms ("roads … are to be
   reopened", "sanctions would be lifted") — each with optional syntactic conditions
   (``when``, :mod:`.conditions`). Cues are indexed by the words of their anchor; each doc is
   scanned once, token by token, and a pattern is only checked around a token that can be
   its anchor. Where matches overlap, the longer (then higher-priority) one wins; one term
   per anchor. ``TermMention.cue`` is the cue id ("ceasefire.noun"), with "+conj" for an item
   of a list that inherited it and ">type" when a ``refine`` rule retyped the term.
2. **Filters** (:mod:`.filters`). Every truce noun is a mention, whatever the sentence; a
   released group is always kept; other cues are dropped only when they are asked about,
   qualify a proposal noun, or report an act that carries out no agreement.
3. **Lists of released people** (:mod:`.enumerations`). Every item after a release verb or
   noun is a term, typed from its own cue or from the head of the list ("would release 250
   Palestinians serving life terms, 1,700 Gazans detained since the war began and 22
   minors"); a list with no cue is a prisoner release, or a hostage release when the people
   were abducted or an armed group frees them.
4. **Clause fallback** (:mod:`.fallback`). A committed clause ("would", "is to", "pledged
   to", a bullet) in which no cue fired is typed by the lexicon's ``indicators`` when its
   words point clearly to one type — only in an article that is about an agreement.
5. **Evidence** (:mod:`.spans`): the shortest phrase that states the provision.
6. **Parameters** (:mod:`.params`, by family), then **type refinement** from the lexicon's
   ``refine`` rules ("permanent ceasefire" → ``permanent_end_of_war``; a truce of years →
   ``long_term_truce``; a short, humanitarian or holiday truce → ``humanitarian_pause``).
7. **Phases and exchanges** (:mod:`.enumerations`): a phase phrase numbers the terms it
   governs and carries through its paragraph; "in exchange for" / "in return for" link both
   sides through ``TermMention.exchange_with``.

Modules: ``lexicon`` (terms.json: loading, validation, compact patterns), ``matching`` (the
anchor index and a per-doc token cache), ``conditions`` (``when`` and the provision / reported
act predicates), ``filters``, ``enumerations``, ``fallback``, ``spans``, ``syntax`` (parse
helpers), ``candidate`` (the working record of a term), ``component`` (the factory),
``params`` (``context``, ``numbers`` and one module per family group).

requires: doc._.parley.actor_mentions (parley_actors), extra["parties"] (parley_coref),
          doc._.parley.dates when present (parley_dates); token.dep, token.lemma, token.pos
assigns:  doc._.parley.terms (list of TermMention, sorted by start);
          doc._.parley.extra["term_references"] = {index of a mention: index of the closest
          earlier mention of the same type whose parameters do not conflict} — a hint for the
          proposal component: two such mentions in one proposal are one term
"""

from __future__ import annotations

from .component import TermFinder, make_term_finder
from .lexicon import LEXICON_FILE, Cue, TermLexicon, compile_match, load_term_lexicon

__all__ = [
    "LEXICON_FILE",
    "Cue",
    "TermFinder",
    "TermLexicon",
    "compile_match",
    "load_term_lexicon",
    "make_term_finder",
]
