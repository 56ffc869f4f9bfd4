"""Component ``parley_stances``: where each actor stands on each proposal and term.

A stance needs a cue (:mod:`.cues`: a verb, phrase or noun from ``stances.json`` —
"accepted", "turned down", "is studying", "has yet to respond", "a red line", "poured cold
water on", "could live with"), an actor (:mod:`.attribution`: the cue's subject or agent,
through coreference; the speaker for an evaluation whose subject is no actor — "the demands
amounted to an ultimatum, he said"; the parties for a signature reported without signers;
beyond coreference, "both"/"the two sides"/"each side" are the parties, "nobody in the army"
the army, a quoted official ("Indian government sources") its affiliation, "the country" under a
ministry's speech verb the ministry's side, every agent of "welcomed by X … and by Y", the
subject of "is understood to have agreed", the persuaded side of "persuaded X to accept"),
and a target (:mod:`.targets`: the proposal the cue's object names, a provision of it, the
owner's proposal for "Kyiv's call for a ceasefire", else the proposal in focus). Then
(:mod:`.component`):

- negation never flips a stance silently: "did not reject" is no rejection — said by the
  actor itself it is a ``denies_report``; "has not received" is ``denies_receiving``; "has
  yet to respond" and "has not said whether it will accept" are ``no_response``; "will not
  sign … until X" is a ``demands`` on X; a press line ("did not respond to a request for
  comment") is nothing;
- "welcomed"/"backed" by a party of the proposal is ``accepts``, by anyone else
  ``endorses``; a third party urging a side to accept a proposal endorses it; a cabinet's or
  parliament's approval is ``signs``; "rejected the accusation" is ``denies_report``;
- "in principle" makes ``accepts_in_principle``; "provided that …", "subject to …", "if …"
  make ``accepts_with_conditions`` and fill ``conditions``;
- certainty: ``hedged`` for "reportedly", "is said to"; ``reported`` when the claim comes
  from an anonymous, media or documentary source, or from another actor; ``confirmed`` on
  record; ``disputed`` once the actor denies it in the article.

Without a cue of their own (:mod:`.derived`): an official of one side stating what the other
side would or must do demands it; an actor refusing to carry out a provision rejects it;
every proposal's author proposes it (each co-author of a joint one); a plain acceptance beside
a signature by the same actor is dropped, and so is a party's "welcome".

Nothing is a stance without a proposal to point at: negative articles stay empty.

requires: doc._.parley.actor_mentions, people, sources, proposals, terms; token.dep, token.lemma
assigns:  doc._.parley.stances (and drops unanchored proposals, see
          :func:`parley.extract.proposals.drop_unanchored`)
"""

from .component import StanceFinder, make_stance_finder
from .lexicon import StanceCues, load_stance_cues

__all__ = ["StanceCues", "StanceFinder", "load_stance_cues", "make_stance_finder"]
