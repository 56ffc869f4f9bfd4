"""Component ``parley_proposals``: the offers, plans and agreements an article reports.

The package reads ``proposals.json`` (:mod:`.lexicon`, validated at load) and works in steps:

1. **Mentions** (:mod:`.mentions`, :mod:`.exclusions`, :mod:`.status`). Nouns that name a proposal ("proposal", "plan", "deal",
   "truce" …). A head is no proposal when its phrase shows something else: part of an
   actor's name ("the Government of National Accord"), a non-negotiation agreement ("a trade
   deal", "an agreement with a private security company", "an offer from armed men"), a
   topic of talks ("negotiations on a settlement"), a predicate or an unowned plural
   ("dismissed the terms as an ultimatum", "rival blueprints"), a deal that does not exist
   yet ("efforts to reach a deal", "a chance of a deal", "inch towards a pact", "before any
   truce took effect"), a consent obtained ("won Tehran's agreement"). Weak heads ("text", "plan", "package") need a sign that a
   negotiation text is meant; a truce needs to be agreed, signed, extended, take effect or
   expire, or to be singled out ("the seven-day ceasefire", "the January ceasefire").
2. **Authors and channel** (:mod:`.authors`). Possessives and actor modifiers ("Egypt's
   plan", "the Egyptian plan", "Kyiv's formula", "its own draft" — "its" is the nearest
   actor before it), a person's affiliation ("Witkoff's proposal"), "put forward by",
   "drafted by", "a U.S.-drafted text", the subject of a proposing verb, "offered what
   officials called a bridging proposal", "Israel's position is set out in a paper". A
   capital or a country's name on an agreement is where it was made ("the Luanda deal", "the
   Yemen truce"), and brokering is not drafting. A truce one actor declares is its own
   ("the junta announced a temporary ceasefire": unilateral). Several actors pushing for a truce float a
   joint proposal: no proposer, each co-author proposes it.
3. **Identity** (:mod:`.identity`). A mention joins a proposal or starts one: a counter-
   proposal ("its counter-proposal", "a memorandum of its own", "responded with its own
   draft") is its own proposal whose parent is the proposal it answers; an authored
   indefinite mention ("a roadmap put forward by …") is new; a definite one ("the deal",
   "the text", "That accord") joins the proposal in focus, an agreement the agreement in the
   story, a demonstrative the proposal named last; a text whose clause describes another
   ("a document guaranteeing the agreement") is not that one; dated mentions ("the 1974
   accord", "signed in July 2022") are background agreements, and so is an indefinite truce
   with a dated clause of its own ("a truce brokered by Angola earlier this month"). An
   authored plan is not the agreement in focus ("the US-brokered deal … the 20-point plan
   put forward by Trump"); the one authorless truce is the authored proposal for a truce
   that a party took up ("agreed to the US proposal for a bilateral ceasefire").
4. **Content** (:mod:`.content`, :mod:`.lists`, :mod:`.agreed`, :mod:`.offers`). A provision belongs to a proposal when it
   sits in a mention's phrase, in a sentence that states the proposal's content ("Under the
   deal, …", "The offer calls for …", "the amendments would …", "the first phase of the
   ceasefire ended …"), in a continuation ("In return, Israel would …", also in the next
   paragraph), or in a list opened by a content sentence ("Its main provisions are:" then
   bullets or "First, … Second, …"). A later mention that only names the proposal again
   ("violated the truce") and a restatement of a provision it holds are no new terms. An
   actor's list of conditions ("listed what it wants:") and an offer made with a verb
   ("offered to help monitor the ceasefire") are proposals of that actor; provisions the
   parties "agreed" ("the two sides", "both", "the delegations" agreed to … or that …) belong
   to the agreement in the story or make one (an extension is an agreement of its own, child
   of the truce it extends), and the next sentence of the paragraph may go on with them. A
   text holds one truce of each kind: a second truce term that names no other start, length,
   area or phase restates the first.

Proposals that nothing ties to a negotiation (no author, provision, status, stance or
child) are dropped by :func:`drop_unanchored` once the stances are known.

requires: doc._.parley.actor_mentions, people, terms, dates; token.dep, token.lemma
assigns:  doc._.parley.proposals; extra["proposal_at"] (token → proposal),
          extra["content_sentence"] (sentence start → proposal), extra["proposal_authors"]
          (co-authors of joint proposals), extra["term_same_as"] (restated or back-reference
          terms), extra["agreed_terms"]
"""

from .component import ProposalFinder, drop_unanchored, index, make_proposal_finder
from .content import paragraph_of
from .lexicon import ProposalCues, load_proposal_cues

__all__ = [
    "ProposalCues",
    "ProposalFinder",
    "drop_unanchored",
    "index",
    "load_proposal_cues",
    "make_proposal_finder",
    "paragraph_of",
]
