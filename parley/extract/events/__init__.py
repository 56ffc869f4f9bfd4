"""Component ``parley_events``: the diplomatic interactions an article reports (PLOVER events).

An event needs a *cue* — a verb, noun, adjective or phrase from ``events.json`` ("met",
"talks", "ready to", "call on", "took effect") — whose surroundings fit the cue's class of
object ("accepted *the proposal*", "suspended *its participation in talks*", "released
*prisoners*"), and at least one actor found from the cue's syntax through
:func:`~parley.extract.coref.actors_of` (plus readings coref leaves open: "its rival", "both
leaders", "the two governments", "the rival camps", "the delegation", "his Congolese
counterpart", "officials from Qatar", object pronouns, a dateline parsed as the subject, a
named organisation the registry lacks, a vague group that acts — "opposition groups in
Zimbabwe" —, "the mediators"); a named person the article ties to no actor still acts, with
no actor id. The cue names the PLOVER type and mode and where the actors and recipients sit
(subject, object, "with"/"to"/"on" phrases, the proposer of the proposal in the object,
"between X and Y", the article's parties). A meeting or mediation noun that names who takes
part is an event wherever it stands ("talks convened by the AU", "UN-mediated talks",
"mediation by the UAE", "in a call on Sunday"); "the talks" or "a second round" with no
participants refers to the last meeting (merged on the same day, a new round with its
participants on another). The doc is scanned once; the lexicon is loaded and indexed once
per process.

What is not an event (ANNOTATION.md, Events):

- negated acts ("did not meet"), except where a negated modal means refusal ("will not
  accept" is REJECT); hypotheticals ("could mediate", "if Hezbollah violated", "how a
  ceasefire would be monitored", "before giving its answer"), except a conditional threat
  itself ("would strike hard if …" is THREATEN); press lines ("declined to comment");
- the content of a proposal ("Under the deal, Israel would withdraw …", "It calls for …",
  "the Israeli plan sought …") and claims ("denied … that it had agreed");
- complements of another cue ("urged Turkey *to relay* the offer" is one REQUEST);
- background: an event dated more than ``background_days`` before the article's news (the
  latest date its events carry), or habitual ("for three decades", "since the war began");
- someone else's prediction of an actor's conduct ("Biden said Israeli forces would
  withdraw"), and a plan's "would" that nobody declares ("Israel would then free …");
- conditions and aims ("would depend on Hamas returning the bodies", "in contact with both
  sides … to reach agreement"), orders to one's own forces ("ordered the army to leave");
- in an article of three paragraphs or more that reports no proposal and no diplomatic
  interaction, blame and warnings that allege no violation of a truce (conflict news).

Announced, promised or planned acts change type as the cue says: "will release" is CONCEDE,
"will visit" and "will provide aid" are AGREE, "will suspend talks" is THREATEN. A speaker's
"X must/should accept" is a REQUEST of the speaker to X. Endorsements ("welcomed the
ceasefire") are SUPPORT with no recipient in a negotiation story; a side backing the plan
accepts it (AGREE to its author).

One mention may report several interactions (:mod:`.split`): "each side accused the other"
is one accusation each way; "met X on Sunday and Y on Monday" one meeting with each. An order
to one's own forces to use force threatens the other side; "at X's request" is X's request
to the clause's subject.

Mentions of one interaction are merged (same type and mode; the actors and recipients of one
within those of the other; compatible dates); a later "the talks were hosted by Turkey" adds
the host to the meeting it refers to; co-signatories of one signing are one event; an
agreement reported as signed is the signing; a meeting needs two sides. An undated act takes
the date of the dated act its clause hangs from, or of a dated meeting of its actors just
before it (dev README, convention 4).

Dates from context (dev README, convention 4): an act at a dated meeting, on a dated occasion
("Speaking on Tuesday, …"), continuing the dated statement of the sentence before ("It accused
…"), or "the same day" as the day named before. A date that only reports the act ("…, the
ministry said on Monday") or bounds what it concerns ("a ceasefire from midnight on Sunday") is
weak: another mention's own date replaces it.

Module layout (each module one layer or one concern; :mod:`.base` lists the layers):

- :mod:`.lexicon` — ``events.json``: cues, classes, validation;
- :mod:`.triggers` — the one scan of the doc and the cue index;
- :mod:`.syntax` — word classes and dependency-tree helpers;
- :mod:`.base`, :mod:`.places`, :mod:`.dates`, :mod:`.referents`, :mod:`.modality`,
  :mod:`.objects`, :mod:`.arguments`, :mod:`.merge`, :mod:`.readings`, :mod:`.build` — the
  layers of the per-article context;
- :mod:`.split` — one mention that reports several interactions;
- :mod:`.component` — :class:`EventFinder` and the ``parley_events`` factory.

requires: doc._.parley.actor_mentions, people, sources, proposals (parley_coref for
          parties and mediators; parley_dates, when installed, for dates); token.dep,
          token.lemma, token.pos
assigns:  doc._.parley.events (and doc._.parley.extra["event_actors"]: the named
          organisations outside the registry that events refer to, id → name)
"""

from __future__ import annotations

from ..lexicons import data_path
from .component import EventFinder, make_event_finder
from .dates import date_of_clause
from .lexicon import (
    LEXICON,
    OBJECT_TESTS,
    ROLES,
    Cue,
    EventLexicon,
    load_event_lexicon,
    parse_event_lexicon,
)

__all__ = [
    "LEXICON",
    "OBJECT_TESTS",
    "ROLES",
    "Cue",
    "EventFinder",
    "EventLexicon",
    "data_path",
    "date_of_clause",
    "load_event_lexicon",
    "make_event_finder",
    "parse_event_lexicon",
]
