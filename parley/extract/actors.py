"""Component ``parley_actors``: find the actors an article names.

Surface forms come from the actor registry (names, aliases, demonyms, capitals,
institutions) and from the media list, matched case-sensitively with one ``PhraseMatcher``;
the longest match wins, so "Times of Israel" is an outlet, not Israel. Each mention is then
judged *agentive* or not from its syntax: "Israel said", "Qatari mediators", "talks with
Russia" are agentive; "in Gaza", "Sudan's war", "Palestinian prisoners" are not. An actor
enters the record only through an agentive mention. Descriptive references ("the group",
"the Palestinian group") and a bare "the army" are resolved to a named actor.

requires: token.dep, token.pos, token.lemma
assigns:  doc._.parley.actor_mentions, doc._.parley.media_spans, doc.spans["parley_actors"]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .analysis import ActorMention, analysis_of
from .lexicons import Lexicons, load_lexicons

__all__ = ["ActorRuler"]

MEDIA = "MEDIA"
_MOTION_VERBS = frozenset(
    {"travel", "fly", "go", "return", "arrive", "head", "move", "relocate", "deploy", "come", "flee"}
)
_ENVOYS = frozenset(
    {"delegation", "envoy", "team", "troop", "force", "negotiator", "official", "minister", "mission", "representative", "soldier"}
)
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "dobj", "dative", "attr", "ROOT", "appos", "oprd"})


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
        for span in spans:
            surface = span.label_
            if surface in self.media_names:
                analysis.media_spans.append((span.start, span.end, self.media_names[surface]))
                taken.update(range(span.start, span.end))
                continue
            if self._inside_name(span):
                continue
            actor_id, form = self._choose(self.forms[surface])
            mention = ActorMention(span.start, span.end, actor_id, form, False)
            mention.agentive = self._agentive(doc, mention)
            mentions.append(mention)
            taken.update(range(span.start, span.end))
        mentions.extend(self._armies(doc, mentions, taken))
        mentions.extend(self._generic(doc, mentions, taken))
        mentions.sort(key=lambda m: m.start)
        analysis.actor_mentions = mentions
        doc.spans["parley_actors"] = [
            Span(doc, m.start, m.end, label=m.actor) for m in mentions
        ]

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

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
            return token.ent_type_ == "PERSON" and token.is_title and not token.is_stop and token.pos_ == "PROPN"

        before = span.start > 0 and name_word(doc[span.start - 1])
        after = span.end < len(doc) and name_word(doc[span.end])
        return before or after

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
        root = doc[mention.start : mention.end].root
        while root.dep_ == "conj" and root.head.i != root.i:
            root = root.head  # "Egypt and Qatar": judge by the first conjunct
        dep = root.dep_
        if dep == "npadvmod":
            return False  # "London-based", "Iran-aligned"
        if mention.form == "demonym":
            if any(t.lower_ == "former" for t in root.head.lefts):
                return False  # "former Nigerian president …" acts for someone else now
            surface = doc[mention.start : mention.end].text
            if surface in self.people_demonyms:
                lemma, phrase = self._head_phrase(root)
                return bool({lemma, phrase} & self.state_heads) and dep in ("amod", "compound")
            if dep in ("amod", "compound", "nmod"):
                return self._agentive_head(root, default=False)
            return dep in ("nsubj", "nsubjpass")  # "the Israelis said"
        if dep == "poss":
            return self._agentive_head(root, default=True)
        if dep in ("compound", "amod", "nmod"):
            return self._agentive_head(root, default=True)
        if dep == "pobj":
            return self._agentive_object(mention, root)
        return True

    def _agentive_object(self, mention: ActorMention, root: Token) -> bool:
        """An actor after a preposition: "talks with Russia" yes, "in Gaza" no."""
        prep = root.head
        p = prep.lower_
        entry = self.lex.actors.get(mention.actor)
        if p in ("through", "via"):
            return False  # a channel, not an actor: "aid delivered through the United Nations"
        if entry is not None and entry.kind != "state" and mention.form != "capital":
            return True  # an organisation is not a place: "led by … and the Catholic Church"
        if prep.head.pos_ in ("NOUN", "PROPN") and (
            prep.head.lemma_.lower() in self.agentive_heads or prep.head.lower_ in self.agentive_heads
        ):
            return True  # "mediators in Egypt and Qatar", "help from the ICRC"
        if p in ("of", "from"):
            return False
        if p == "to":
            verb = prep.head
            if verb.pos_ != "VERB":
                return True
            if verb.lemma_ in _MOTION_VERBS:
                return False  # "flew to Moscow"
            sent_people = any(c.dep_ == "dobj" and c.lemma_.lower() in _ENVOYS for c in verb.children)
            return not sent_people  # "sent a delegation to Cairo" is a place; "a message to Washington" is not
        return p not in self.locative_preps

    def _armies(self, doc: Doc, mentions: list[ActorMention], taken: set[int]) -> list[ActorMention]:
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
            m.actor for m in mentions if (e := registry.get(m.actor)) is not None and e.kind == "state"
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
        by_token = {i: m for m in mentions for i in range(m.start, m.end)}
        for token in doc:
            explicit = by_token.get(token.i)
            if explicit is not None:
                head = token.head.lemma_.lower()
                if explicit.form == "army" or (head in self.army_words and token.head.i > token.i):
                    last["army"] = explicit.actor
                elif head in self.government_words and token.head.i > token.i:
                    last["government"] = explicit.actor
                continue
            if token.i in taken or token.pos_ not in ("NOUN", "PROPN"):
                continue
            lemma = token.lemma_.lower()
            what = "army" if lemma in ("army", "military") else "government" if lemma in self.government_words else None
            if what is None or doc[token.left_edge.i].lower_ != "the":
                continue
            if token.dep_ == "compound" and token.head.i > token.i:
                continue
            if any(c.dep_ == "poss" or c.i in by_token or c.ent_type_ == "PERSON" for c in token.lefts):
                continue  # "Netanyahu's government", "the Trump administration"
            if any(c.dep_ == "prep" and c.lower_ == "of" for c in token.rights):
                continue  # "the administration of U.S. President Donald Trump"
            actor = last[what] or defaults[what]
            if actor is None:
                continue
            start = token.left_edge.i
            found.append(ActorMention(start, token.i + 1, actor, "army" if what == "army" else "institution", True, rule=f"bare {what}"))
            taken.update(range(start, token.i + 1))
        return found

    def _government_default(self, mentions: list[ActorMention]) -> str | None:
        """In a civil war story, "the government" is the state the main armed group fights."""
        registry = self.lex.actors
        groups = Counter(
            m.actor for m in mentions
            if (e := registry.get(m.actor)) is not None and e.kind == "armed_group" and e.country
        )
        if not groups:
            return None
        entry = registry.get(groups.most_common(1)[0][0])
        state = registry.get(entry.country) if entry is not None and entry.country else None
        if state is None or state.id == entry.id:
            return None
        if not any(m.actor == state.id and m.form != "demonym" for m in mentions):
            return None  # the group's own state is not in the story: Hamas fights Israel
        return state.army_actor or state.id

    def _generic(self, doc: Doc, mentions: list[ActorMention], taken: set[int]) -> list[ActorMention]:
        """"the group" → the last named actor the registry says can be called so."""
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
            found.append(ActorMention(start, end, previous[-1].actor, "generic", True, rule="generic"))
            taken.update(range(start, end))
        return found


@Language.factory(
    "parley_actors",
    requires=["token.dep", "token.pos", "token.lemma"],
    assigns=["doc._.parley", "doc.spans"],
)
def make_actor_ruler(nlp: Language, name: str) -> ActorRuler:
    return ActorRuler(nlp, load_lexicons())
