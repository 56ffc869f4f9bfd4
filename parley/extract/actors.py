"""Component ``parley_actors``: find the actors an article names.

Surface forms come from the actor registry (names, aliases, demonyms, capitals,
institutions) and from the media list, matched case-sensitively with one ``PhraseMatcher``;
the longest match wins, so "Times of Israel" is an outlet, not Israel. Each mention is then
judged *agentive* or not from its syntax: "Israel said", "Qatari mediators", "talks with
Russia" are agentive; "in Gaza", "Sudan's war", "Palestinian prisoners" are not. An actor
enters the record only through an agentive mention. Descriptive references ("the group",
"the Palestinian group") and a bare "the army" are resolved to a named actor; "the national
government" of a story about a rebel group is that group's state.

Not agentive either: the dateline ("NAIROBI, Kenya —"), "according to X" (a source only),
"former" holders ("former FARC commanders"), people counted by number ("three Sudanese"), a
modifier of another actor's name ("the U.N. peacekeeping force UNIFIL"), a capital naming a
company ("a Paris brokerage"), a body that does not exist yet ("a new Board of Peace"), and a
form inside a hyphenated place name ("PORT-AU-PRINCE"); "Kenyan-led", "China-brokered" are.
Named organisations the registry lacks ("the opposition Armenia Alliance") become actors
with a slug id (:mod:`.organisations`); a registry form that is a person's surname
("Thérèse Kayikwamba Wagner") is none.

requires: token.dep, token.pos, token.lemma
assigns:  doc._.parley.actor_mentions, doc._.parley.media_spans, doc.spans["parley_actors"],
          extra["army_actor"], extra["government_actor"], extra["event_actors"] (names of
          the unregistered organisations found)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from ..vocabulary import ACTOR_KINDS
from .analysis import ActorMention, analysis_of
from .lexicons import Lexicons, check_values, load_lexicons
from .organisations import organisation_mentions

__all__ = ["ActorRuler"]

MEDIA = "MEDIA"
_MOTION_VERBS = frozenset(
    {
        "travel",
        "fly",
        "go",
        "return",
        "arrive",
        "head",
        "move",
        "relocate",
        "deploy",
        "come",
        "flee",
    }
)
_ENVOYS = frozenset(
    {
        "delegation",
        "envoy",
        "team",
        "troop",
        "force",
        "negotiator",
        "official",
        "minister",
        "mission",
        "representative",
        "soldier",
    }
)
_SUBJECT_DEPS = frozenset(
    {"nsubj", "nsubjpass", "agent", "dobj", "dative", "attr", "ROOT", "appos", "oprd"}
)


class ActorRuler:
    """Finds actor mentions and decides which ones make an actor."""

    def __init__(self, nlp: Language, lexicons: Lexicons):
        self.lex = lexicons
        self.forms: dict[str, list[tuple[str, str]]] = {}
        for surface, actor_id, form in lexicons.actors.surface_forms():
            self.forms.setdefault(surface, []).append((actor_id, form))
        self.media_names: dict[str, str] = {}
        for outlet in lexicons.media:
            if outlet.platform:
                continue
            for form in (outlet.name, *outlet.aliases):
                self.media_names[form] = outlet.name
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        surfaces = set(self.forms) | set(self.media_names)
        for surface in sorted(surfaces):
            self.matcher.add(surface, [nlp.make_doc(surface)])
        self.generic = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.generic_of: dict[str, set[str]] = {}
        for entry in lexicons.actors:
            for phrase in entry.generic:
                self.generic_of.setdefault(phrase.lower(), set()).add(entry.id)
        for phrase in sorted(self.generic_of):
            self.generic.add(phrase, [nlp.make_doc("the " + phrase)])
        self.agentive_heads = lexicons.words("entities", "agentive_heads")
        self.non_agentive_heads = lexicons.words("entities", "non_agentive_heads")
        self.locative_preps = lexicons.words("entities", "locative_preps")
        self.army_words = lexicons.words("entities", "army_words")
        self.people_demonyms = lexicons.words("entities", "people_demonyms")
        self.state_heads = lexicons.words("entities", "state_heads")
        self.government_words = lexicons.words("entities", "government_words")
        self.title_words_low = lexicons.words("entities", "title_words")
        self.org_kinds: dict[str, str] = dict(lexicons.entities.get("organisation_kinds", {}))
        check_values("entities.json", "organisation_kinds", self.org_kinds.values(), ACTOR_KINDS)
        self.governing = governing_table(lexicons)

    # -- matching ------------------------------------------------------------------------

    def match(self, doc: Doc) -> list[Span]:
        """Registry and media matches, longest first, without overlaps."""
        spans = []
        for match_id, start, end in self.matcher(doc):
            surface = doc.vocab.strings[match_id]
            spans.append(Span(doc, start, end, label=surface))
        return filter_spans(spans)

    def set_annotations(self, doc: Doc, spans: Iterable[Span]) -> None:
        analysis = analysis_of(doc)
        mentions: list[ActorMention] = []
        taken = set()
        self._by_token = {
            i: s for s in spans if s.label_ not in self.media_names for i in range(s.start, s.end)
        }
        for span in spans:
            surface = span.label_
            if surface in self.media_names:
                analysis.media_spans.append((span.start, span.end, self.media_names[surface]))
                taken.update(range(span.start, span.end))
                continue
            if self._inside_name(span) or self._inside_word(span) or self._after_given_names(span):
                continue
            actor_id, form = self._choose(self.forms[surface])
            if self._national_branch(doc, span, actor_id):
                continue
            mention = ActorMention(span.start, span.end, actor_id, form, False)
            mention.agentive = self._agentive(doc, mention)
            mentions.append(mention)
            taken.update(range(span.start, span.end))
        mentions.extend(self._organisations(doc, mentions, taken))
        mentions.extend(self._armies(doc, mentions, taken))
        mentions.extend(self._generic(doc, mentions, taken))
        governing = governing_at(self.governing, analysis.published)
        for m in mentions:
            m.actor = governing.get(m.actor, m.actor)
        analysis.extra["governing"] = governing
        for key in ("army_actor", "government_actor"):
            if analysis.extra.get(key) in governing:
                analysis.extra[key] = governing[analysis.extra[key]]
        mentions.sort(key=lambda m: m.start)
        analysis.actor_mentions = mentions
        doc.spans["parley_actors"] = [Span(doc, m.start, m.end, label=m.actor) for m in mentions]

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def _organisations(
        self, doc: Doc, mentions: list[ActorMention], taken: set[int]
    ) -> list[ActorMention]:
        """Named organisations the registry lacks (:mod:`parley.extract.organisations`)."""
        states: dict[int, ActorMention] = {}
        blocked = set(i for i in taken)
        for m in mentions:
            entry = self.lex.actors.get(m.actor)
            if entry is not None and entry.kind == "state" and m.form in ("name", "demonym"):
                states.update({i: m for i in range(m.start, m.end)})
                blocked.difference_update(range(m.start, m.end))
        blocked |= {
            i for ent in doc.ents if ent.label_ == "PERSON" for i in range(ent.start, ent.end)
        }
        found, names = organisation_mentions(
            doc, mentions, self.org_kinds, blocked, states, self.title_words_low
        )
        for mention in found:
            mention.agentive = self._agentive(doc, mention)
            taken.update(range(mention.start, mention.end))
        analysis_of(doc).extra.setdefault("event_actors", {}).update(names)
        return found

    # -- decisions -----------------------------------------------------------------------

    @staticmethod
    def _choose(candidates: list[tuple[str, str]]) -> tuple[str, str]:
        """One actor for a surface form shared by several: names beat demonyms and capitals."""
        order = {"name": 0, "alias": 1, "institution": 2, "capital": 3, "demonym": 4}
        return min(candidates, key=lambda c: order.get(c[1], 9))

    @staticmethod
    def _inside_name(span: Span) -> bool:
        """A form that is part of a person's name ("Jordan Bardella") is no actor."""
        ent = span[0].ent_type_
        if ent != "PERSON":
            return False
        doc = span.doc

        def name_word(token: Token) -> bool:
            return (
                token.ent_type_ == "PERSON"
                and token.is_title
                and not token.is_stop
                and token.pos_ == "PROPN"
            )

        before = span.start > 0 and name_word(doc[span.start - 1])
        after = span.end < len(doc) and name_word(doc[span.end])
        return before or after

    def _after_given_names(self, span: Span) -> bool:
        """A one-word organisation name that ends a longer name the model found ("Thérèse
        Kayikwamba Wagner") is a surname: the form continues an entity that opens with
        capitalised words the registry does not know, and the name ends there."""
        if len(span) != 1 or span.start < 2:
            return False
        token = span[0]
        entry = (
            self.lex.actors.get(self.forms[span.label_][0][0])
            if span.label_ in self.forms
            else None
        )
        if (
            entry is None
            or entry.kind == "state"
            or token.ent_iob_ != "I"
            or token.ent_type_ not in ("PERSON", "ORG")
        ):
            return False
        doc = span.doc
        first = span.start - 1
        while first > 0 and doc[first].ent_iob_ == "I":
            first -= 1
        opening = doc[first : span.start]
        if len(opening) < 2 or any(
            t.text in self.forms or t.lower_ in self.title_words_low or not t.is_title
            for t in opening
        ):
            return False
        return span.end >= len(doc) or doc[span.end].pos_ not in ("NOUN", "PROPN")

    @staticmethod
    def _inside_word(span: Span) -> bool:
        """A form inside a hyphenated name ("PORT-AU-PRINCE") is no actor."""
        doc = span.doc
        before = (
            span.start >= 2
            and doc[span.start - 1].text == "-"
            and not doc[span.start - 1].whitespace_
            and doc[span.start - 2].is_alpha
        )
        after = (
            span.end + 1 < len(doc)
            and doc[span.end].text == "-"
            and not span[-1].whitespace_
            and doc[span.end + 1].is_alpha
        )
        return before and after

    def _head_phrase(self, token: Token) -> tuple[str, str]:
        """The lemma of ``token``'s head noun, alone and with its compound modifiers."""
        head = token.head
        mods = [c.lower_ for c in head.lefts if c.dep_ == "compound" and c.i > token.i]
        return head.lemma_.lower(), " ".join([*mods, head.lower_])

    def _agentive_head(self, token: Token, default: bool) -> bool:
        lemma, phrase = self._head_phrase(token)
        head = token.head
        words = {lemma, head.lower_, phrase}
        if words & self.non_agentive_heads:
            return False
        if words & self.agentive_heads:
            return True
        if head.pos_ == "PROPN" and head.ent_type_ == "PERSON":
            return True  # "Turkish Foreign Minister Hakan Fidan"
        return default

    def _agentive(self, doc: Doc, mention: ActorMention) -> bool:
        if mention.start < self._dateline_end(doc):
            return False  # "NAIROBI, Kenya —" places the reporter
        root = doc[mention.start : mention.end].root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head  # "Egypt and Qatar": judge by the first conjunct
        dep = root.dep_
        if self._hyphen_agent(doc, mention):
            return True  # "Kenyan-led", "China-brokered": the actor leads, brokers
        if dep == "npadvmod":
            return False  # "London-based", "Iran-aligned"
        if root.head.lower_ == "to" and root.head.head.lower_ == "according":
            return False  # "according to the IOM": a source, not an actor
        if dep in ("amod", "compound", "poss", "nmod") and any(
            t.lower_ == "former" for t in root.head.lefts
        ):
            return False  # "former Nigerian president …", "former FARC commanders" act for someone else now
        if dep in ("compound", "amod", "nmod") and self._inside_other(mention, root):
            return False  # "the U.N. peacekeeping force UNIFIL" names UNIFIL
        entry = self.lex.actors.get(mention.actor)
        if (
            entry is not None
            and entry.kind not in ("state", "armed_group")
            and mention.form in ("name", "alias")
        ):
            head = doc[mention.end - 1]
            if (
                any(
                    c.dep_ == "det"
                    and c.lower_ in ("a", "an")
                    or c.lower_ in ("new", "proposed", "planned", "future")
                    for c in doc[mention.start : mention.end].root.children
                )
                or (
                    mention.start > 0
                    and doc[mention.start - 1].lower_ in ("a", "an", "new", "proposed", "planned")
                )
                or (
                    mention.start > 1
                    and doc[mention.start - 1].text in ('"', "“")
                    and doc[mention.start - 2].lower_ in ("a", "an", "new")
                )
            ):
                return False  # "a new 'Board of Peace'", "An International Stabilization Force would deploy": not yet there
            del head
        if mention.form == "demonym":
            surface = doc[mention.start : mention.end].text
            if surface in self.people_demonyms:
                lemma, phrase = self._head_phrase(root)
                return bool({lemma, phrase} & self.state_heads) and dep in ("amod", "compound")
            if dep in ("amod", "compound", "nmod"):
                return self._agentive_head(root, default=False)
            if any(c.dep_ == "nummod" for c in root.children):
                return False  # "16 Saudis and three Sudanese were flown home": people, not states
            return dep in ("nsubj", "nsubjpass")  # "the Israelis said"
        if dep == "poss":
            owned = self._by_token.get(root.head.i)
            if (
                owned is not None
                and owned.start > root.i
                and self.forms.get(owned.label_)
                and all(a != mention.actor for a, _ in self.forms[owned.label_])
            ):
                return False  # "Yemen's Houthi movement", "Sudan's RSF": the state places another actor
            return self._agentive_head(root, default=True)
        if dep in ("compound", "amod", "nmod"):
            return self._agentive_head(
                root, default=mention.form != "capital"
            )  # "a Paris brokerage"
        if dep == "pobj":
            return self._agentive_object(mention, root)
        return True

    def _national_branch(self, doc: Doc, span: Span, actor_id: str) -> bool:
        """ "the Chinese Red Cross", "the Kenya Red Cross": a state's own society of an
        international movement, not the international body (the ICRC)."""
        entry = self.lex.actors.get(actor_id)
        if entry is None or entry.kind != "ngo" or span.start == 0:
            return False
        before = doc[span.start - 1].text
        return any(
            (e := self.lex.actors.get(a)) is not None
            and e.kind == "state"
            and f in ("name", "demonym")
            for a, f in self.forms.get(before, ())
        )

    @staticmethod
    def _dateline_end(doc: Doc) -> int:
        """Token index where a leading dateline ("ANKARA, May 6 —") ends, else 0."""
        first = next((t for t in doc[:3] if not t.is_space), None)
        if first is None or not (first.is_upper and first.is_alpha and len(first) >= 3):
            return 0
        for token in doc[first.i : min(len(doc), first.i + 14)]:
            if token.text in ("—", "–", "--", "―") or token.text == "-" and token.whitespace_:
                return token.i + 1
            if token.text in (".", "\n"):
                return 0
        return 0

    _HYPHEN_AGENT = frozenset(
        {
            "led",
            "brokered",
            "mediated",
            "backed",
            "sponsored",
            "hosted",
            "drafted",
            "funded",
            "armed",
            "supported",
            "facilitated",
            "guaranteed",
            "monitored",
            "proposed",
            "chaired",
        }
    )

    def _hyphen_agent(self, doc: Doc, mention: ActorMention) -> bool:
        end = mention.end
        return (
            end + 1 < len(doc)
            and doc[end].text == "-"
            and doc[end + 1].lower_ in self._HYPHEN_AGENT
        )

    def _inside_other(self, mention: ActorMention, root: Token) -> bool:
        """Whether the noun ``mention`` modifies names another actor ("the U.N. peacekeeping
        force UNIFIL", "the U.N. World Food Programme")."""
        head = root.head
        for _ in range(3):
            if head.i < mention.end:
                return False
            other = self._by_token.get(head.i)
            if other is not None and other.start != mention.start:
                return True
            appos = [c for c in head.children if c.dep_ == "appos" and c.i in self._by_token]
            if appos:
                return True
            if head.dep_ not in ("compound", "amod", "nmod"):
                return False
            head = head.head
        return False

    def _agentive_object(self, mention: ActorMention, root: Token) -> bool:
        """An actor after a preposition: "talks with Russia" yes, "in Gaza" no."""
        prep = root.head
        if prep.dep_ == "conj":  # "the ambassadors of the United States … and of China"
            for _ in range(4):
                prep = prep.head
                if prep.pos_ == "ADP" and prep.dep_ != "conj":
                    break
        p = prep.lower_
        entry = self.lex.actors.get(mention.actor)
        if p in ("through", "via"):
            return False  # a channel, not an actor: "aid delivered through the United Nations"
        if entry is not None and entry.kind != "state" and mention.form != "capital":
            return True  # an organisation is not a place: "led by … and the Catholic Church"
        if prep.head.pos_ in ("NOUN", "PROPN") and (
            prep.head.lemma_.lower() in self.agentive_heads
            or prep.head.lower_ in self.agentive_heads
        ):
            return True  # "mediators in Egypt and Qatar", "help from the ICRC"
        if p in ("of", "from"):
            return False
        if p == "to":
            verb = prep.head
            if verb.pos_ != "VERB":
                return verb.pos_ not in (
                    "NOUN",
                    "PROPN",
                    "ADP",
                )  # "flights (from Sanaa) to Amman" is a place
            if verb.lemma_ in _MOTION_VERBS:
                return False  # "flew to Moscow"
            sent_people = any(
                c.dep_ == "dobj" and c.lemma_.lower() in _ENVOYS for c in verb.children
            )
            return (
                not sent_people
            )  # "sent a delegation to Cairo" is a place; "a message to Washington" is not
        return p not in self.locative_preps

    def _armies(
        self, doc: Doc, mentions: list[ActorMention], taken: set[int]
    ) -> list[ActorMention]:
        """A state whose army is its own actor (Sudan → SAF) acts through that actor; a bare
        "the army" is the army last named, else the army of the article's main state."""
        registry = self.lex.actors
        for m in mentions:
            entry = registry.get(m.actor)
            if entry is None or not entry.army_actor:
                continue
            head = doc[m.end - 1].head
            if head.i >= m.end and head.lemma_.lower() in self.army_words:
                m.end = head.i + 1
                m.agentive = True
                taken.update(range(m.start, m.end))
            if m.agentive:
                m.actor, m.form = entry.army_actor, "army"
        states = Counter(
            m.actor
            for m in mentions
            if (e := registry.get(m.actor)) is not None and e.kind == "state"
        )
        default = None
        if states:
            state = states.most_common(1)[0][0]
            entry = registry.get(state)
            default = entry.army_actor if entry is not None and entry.army_actor else state
        analysis_of(doc).extra["army_actor"] = default
        found: list[ActorMention] = []
        last = {"army": None, "government": None}
        defaults = {"army": default, "government": self._government_default(mentions) or default}
        analysis_of(doc).extra["government_actor"] = defaults["government"]
        by_token = {i: m for m in mentions for i in range(m.start, m.end)}
        for token in doc:
            explicit = by_token.get(token.i)
            if explicit is not None:
                head = token.head.lemma_.lower()
                # "Sudan's army", "the Israeli government"; not a word of the name itself
                # ("Ta'ang National Liberation Army" is no army of a state)
                outside = token.head.i >= explicit.end
                if explicit.form == "army" or (
                    (head in self.army_words or token.head.lower_ in self.army_words) and outside
                ):
                    last["army"] = explicit.actor
                elif head in self.government_words and outside:
                    last["government"] = explicit.actor
                continue
            if token.i in taken or token.pos_ not in ("NOUN", "PROPN"):
                continue
            lemma = token.lemma_.lower()
            what = (
                "army"
                if lemma in ("army", "military")
                else "government"
                if lemma in self.government_words
                else None
            )
            if what is None or doc[token.left_edge.i].lower_ != "the":
                continue
            if token.dep_ == "compound" and token.head.i > token.i:
                continue
            if any(
                c.dep_ == "poss" or c.i in by_token or c.ent_type_ == "PERSON" for c in token.lefts
            ):
                continue  # "Netanyahu's government", "the Trump administration"
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights):
                continue  # "the administration of U.S. President Donald Trump"
            actor = last[what] or defaults[what]
            if what == "government" and any(
                c.lower_ in ("national", "central", "federal") for c in token.lefts
            ):
                actor = (
                    self._own_state(mentions) or actor
                )  # "the national government" of the rebels' state
                last["government"] = actor
            if actor is None:
                continue
            start = token.left_edge.i
            found.append(
                ActorMention(
                    start,
                    token.i + 1,
                    actor,
                    "army" if what == "army" else "institution",
                    True,
                    rule=f"bare {what}",
                )
            )
            taken.update(range(start, token.i + 1))
        return found

    def _own_state(self, mentions: list[ActorMention]) -> str | None:
        """The state of the article's main armed group."""
        registry = self.lex.actors
        groups = Counter(
            m.actor
            for m in mentions
            if (e := registry.get(m.actor)) is not None and e.kind == "armed_group" and e.country
        )
        if not groups:
            return None
        entry = registry.get(groups.most_common(1)[0][0])
        return entry.country if entry is not None and entry.country != entry.id else None

    def _government_default(self, mentions: list[ActorMention]) -> str | None:
        """In a civil war story, "the government" is the state the main armed group fights."""
        registry = self.lex.actors
        own = self._own_state(mentions)
        state = registry.get(own) if own else None
        if state is None:
            return None
        if not any(m.actor == state.id and m.form != "demonym" for m in mentions):
            # the group's own state is not named: it is the government meant only when no
            # other state is in the story as an actor (Hamas fights Israel, not Palestine)
            others = Counter(
                m.actor
                for m in mentions
                if m.agentive
                and m.actor != state.id
                and (e := registry.get(m.actor)) is not None
                and e.kind == "state"
            )
            if any(n >= 2 for n in others.values()):
                return None
        return state.army_actor or state.id

    def _generic(
        self, doc: Doc, mentions: list[ActorMention], taken: set[int]
    ) -> list[ActorMention]:
        """ "the group" → the last named actor the registry says can be called so."""
        found = []
        named = [m for m in mentions if m.form in ("name", "alias", "institution", "army")]
        demonyms = {i: m for m in mentions if m.form == "demonym" for i in range(m.start, m.end)}
        for match_id, start, end in self.generic(doc):
            inside = {demonyms[i].start for i in range(start, end) if i in demonyms}
            if any(i in taken and i not in demonyms for i in range(start, end)):
                continue
            phrase = doc.vocab.strings[match_id]
            candidates = self.generic_of.get(phrase, set())
            previous = [m for m in named if m.end <= start and m.actor in candidates]
            if not previous:
                continue
            # "the Palestinian group" names Hamas, not the Palestinian state
            mentions[:] = [m for m in mentions if not (m.form == "demonym" and m.start in inside)]
            found.append(
                ActorMention(start, end, previous[-1].actor, "generic", True, rule="generic")
            )
            taken.update(range(start, end))
        return found


def governing_table(lexicons: Lexicons) -> list[tuple[str, str, date | None, date | None]]:
    """(actor, state, from, to) rows of ``entities.json`` ``governing``: a non-state actor
    that governs a state in that period (the Taliban in Afghanistan from August 2021)."""
    rows = []
    for row in lexicons.entities.get("governing", ()):
        start = date.fromisoformat(row["from"]) if row.get("from") else None
        end = date.fromisoformat(row["to"]) if row.get("to") else None
        rows.append((row["actor"], row["state"], start, end))
    return rows


def governing_at(
    table: list[tuple[str, str, date | None, date | None]], published: date | None
) -> dict[str, str]:
    """Actor → the state it is the government of on ``published`` (nothing when the date is
    unknown: the article may be from before the change)."""
    if published is None:
        return {}
    return {
        actor: state
        for actor, state, start, end in table
        if (start is None or start <= published) and (end is None or published < end)
    }


@Language.factory(
    "parley_actors",
    requires=["token.dep", "token.pos", "token.lemma"],
    assigns=["doc._.parley", "doc.spans"],
)
def make_actor_ruler(nlp: Language, name: str) -> ActorRuler:
    return ActorRuler(nlp, load_lexicons())
