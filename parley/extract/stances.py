"""Component ``parley_stances``: where each actor stands on each proposal and term.

A stance needs a cue (a verb, phrase or noun from ``stances.json``: "accepted", "turned
down", "is studying", "has yet to respond", "a red line"), an actor (the cue's subject, found
through coreference: "it", "the group", "Netanyahu's office"), and a target (the proposal or
term in the cue's object, else the proposal in focus where the cue stands). Then:

- negation never flips a stance silently: "did not reject" is no rejection — said by the
  actor itself it is a ``denies_report``; "has not received" is ``denies_receiving``; "has
  not responded" is ``no_response``; "will not sign … until X" is a ``demands`` with X as
  its condition;
- "welcomed"/"backed" by a party of the proposal is ``accepts``, by anyone else ``endorses``;
  a cabinet's or parliament's approval is ``signs``;
- "in principle" makes ``accepts_in_principle``; "provided that …", "on condition that …",
  "subject to …", "if …" make ``accepts_with_conditions`` and fill ``conditions``;
- certainty: ``hedged`` for "reportedly", "is said to"; ``reported`` when the claim comes
  from an anonymous, media or documentary source, or from another actor; ``confirmed`` on
  record; ``disputed`` once the actor denies it in the article;
- every proposal's author ``proposes`` it (``counter_proposes`` a counter-proposal).

Nothing is a stance without a proposal to point at: negative articles stay empty.

requires: doc._.parley.actor_mentions, people, sources, proposals, terms; token.dep, token.lemma
assigns:  doc._.parley.stances
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from ..vocabulary import STANCES
from .analysis import Analysis, StanceInfo, analysis_of
from .coref import actors_of
from .lexicons import OBJECTS, check_values, load_cue_file

__all__ = ["StanceFinder"]

_KEYS = {
    "verbs": dict,
    "phrases": OBJECTS,
    "unacceptable_words": list,
    "violation_nouns": list,
    "condition_markers": list,
    "hedges": list,
    "party_words": list,
    "judgement_words": list,
    "demand_modals": list,
}
_NOUN_CUES = {
    "rejection": "rejects",
    "acceptance": "accepts",
    "approval": "accepts",
    "demand": "demands",
    "endorsement": "endorses",
    "backing": "endorses",
    "violation": "accuses_violation",
    "breach": "accuses_violation",
}
_OBJECT_DEPS = ("dobj", "pobj", "xcomp", "attr", "oprd", "ccomp", "prep", "dative", "acomp")
_NEGATIONS = frozenset({"not", "n't", "never", "no"})
_SIGNING_BODIES = frozenset({"cabinet", "parliament", "knesset", "legislature", "government", "congress", "senate", "assembly", "council"})
_CONDITION_MARKS = frozenset({"if", "provided", "providing", "once", "unless", "until"})  # noqa: E501


@dataclass(slots=True)
class _Cue:
    anchor: Token  # the verb (or noun/adjective) that carries the stance
    stance: str
    start: int
    end: int
    label: str


class StanceFinder:
    """Finds stance cues and turns them into stances."""

    def __init__(self, nlp: Language):
        cues = load_cue_file("stances.json", _KEYS)
        check_values("stances.json", "verbs", cues["verbs"].values(), STANCES)
        check_values("stances.json", "phrases", [p.get("stance") for p in cues["phrases"]], STANCES)
        self.verbs: dict[str, str] = cues["verbs"]
        self.unacceptable = frozenset(cues["unacceptable_words"])
        self.violation_nouns = frozenset(cues["violation_nouns"])
        self.hedges = tuple(cues["hedges"])
        self.condition_markers = tuple(cues["condition_markers"])
        self.judgements = frozenset(cues["judgement_words"])
        self.demand_modals = frozenset(cues["demand_modals"])
        self.phrases = Matcher(nlp.vocab)
        self.phrase_stance: dict[str, str] = {}
        for number, entry in enumerate(cues["phrases"]):
            key = f"phrase{number}:{' '.join(entry['words'])}"
            self.phrase_stance[key] = entry["stance"]
            self.phrases.add(key, [[{"LEMMA": w} for w in entry["words"]], [{"LOWER": w} for w in entry["words"]]])

    # -- cues ------------------------------------------------------------------------------

    def cues(self, doc: Doc) -> list[_Cue]:
        found: list[_Cue] = []
        taken: set[int] = set()
        for match_id, start, end in sorted(self.phrases(doc), key=lambda m: (m[1], -m[2])):
            if any(i in taken for i in range(start, end)):
                continue
            key = doc.vocab.strings[match_id]
            span = doc[start:end]
            anchor = next((t for t in span if t.pos_ in ("VERB", "AUX")), span.root)
            found.append(_Cue(anchor, self.phrase_stance[key], start, end, key.split(":", 1)[1]))
            taken.update(range(start, end))
        for token in doc:
            if token.i in taken:
                continue
            lemma = token.lemma_.lower()
            if token.pos_ == "VERB" and lemma in self.verbs:
                found.append(_Cue(token, self.verbs[lemma], token.i, token.i + 1, lemma))
            elif token.pos_ == "NOUN" and lemma in _NOUN_CUES:
                found.append(_Cue(token, _NOUN_CUES[lemma], token.i, token.i + 1, lemma))
            elif token.lower_ in self.unacceptable:
                found.append(_Cue(token, "rejects", token.i, token.i + 1, token.lower_))
            elif token.lower_ in self.judgements and token.head.lemma_.lower() in ("call", "describe", "label", "brand", "deem"):
                found.append(_Cue(token, "rejects", token.i, token.i + 1, token.lower_))  # "called the deal a bad one"
            elif token.pos_ in ("VERB", "AUX") and any(c.dep_ == "neg" for c in token.children) and any(
                c.dep_ == "advcl" and any(m.lower_ == "until" for m in c.children if m.dep_ == "mark") for c in token.children
            ):
                found.append(_Cue(token, "?until", token.i, token.i + 1, "not … until"))  # "would not convene until …"
            elif token.pos_ == "VERB" and lemma in ("ask", "seek", "request", "want", "demand") and any(
                c.lemma_.lower() in ("clarification", "assurance", "explanation", "detail", "guarantee")
                for child in token.children if child.dep_ in ("dobj", "prep") for c in child.subtree
            ) and lemma not in ("demand",):
                found.append(_Cue(token, "seeks_clarification", token.i, token.i + 1, f"{lemma} … clarification"))
            elif lemma in ("receive", "respond", "reply", "answer") and token.pos_ == "VERB":
                found.append(_Cue(token, f"?{lemma}", token.i, token.i + 1, lemma))
        found.sort(key=lambda c: c.start)
        return found

    # -- the component ---------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        analysis = analysis_of(doc)
        analysis.stances = []
        if not analysis.proposals:
            return doc
        focus = self._focus_map(doc, analysis)
        parties = set(analysis.extra.get("parties", ()))
        for cue in self.cues(doc):
            for stance in self._stances(doc, analysis, cue, focus, parties):
                self._add(analysis, stance)
        self._implicit_demands(doc, analysis, focus)
        self._proposer_stances(doc, analysis)
        self._disputes(analysis)
        return doc

    def _implicit_demands(self, doc: Doc, analysis: Analysis, focus: list[int | None]) -> None:
        """"Hamas would lay down its weapons, he said": a party's official stating what the
        other side would or must do, outside any proposal's text, demands that term."""
        claimed = {n for p in analysis.proposals for n in p.terms}
        for n, term in enumerate(analysis.terms):
            if n in claimed:
                continue
            verb = doc[term.start]
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
                verb = verb.head
            if not any(c.dep_ == "aux" and c.lower_ in self.demand_modals for c in verb.children):
                continue
            source = self._source(analysis, verb)
            if source is None or analysis.sources[source].kind not in ("official", "anonymous"):
                continue
            speaker = analysis.sources[source].affiliation
            subject = self._subject(verb)
            doers = actors_of(doc, analysis, subject) if subject is not None else []
            if not speaker or not doers or speaker in doers:
                continue  # a side saying what it would do itself is an offer, not a demand
            others = [i for i in range(len(analysis.proposals)) if analysis.proposals[i].proposer != speaker
                      and not analysis.proposals[i].background
                      and any(s <= verb.i for s, _ in analysis.proposals[i].mentions)]
            proposal = others[-1] if others else focus[verb.i]
            if proposal is None:
                continue
            clause = self._clause(verb)
            self._add(analysis, StanceInfo(
                speaker, "demands", proposal, term.type, clause.start, clause.end,
                speaker=self._speaker(doc, analysis, verb, [speaker]), source=source,
                certainty=self._certainty(doc, analysis, verb, source, [speaker]), cue="implicit demand"))

    def _focus_map(self, doc: Doc, analysis: Analysis) -> list[int | None]:
        """For each token, the proposal in focus there: the last one mentioned before it
        (not counting background agreements), or the first mentioned in its sentence."""
        starts: dict[int, int] = {}
        for index, p in enumerate(analysis.proposals):
            if p.background:
                continue
            for start, _end in p.mentions:
                starts.setdefault(start, index)
        focus: list[int | None] = []
        current: int | None = None
        for token in doc:
            if token.i in starts:
                current = starts[token.i]
            focus.append(current)
        first = next((i for i, p in enumerate(analysis.proposals) if not p.background), 0)
        return [f if f is not None else first for f in focus]

    def _stances(self, doc: Doc, analysis: Analysis, cue: _Cue, focus: list[int | None], parties: set[str]) -> list[StanceInfo]:
        anchor = cue.anchor
        stance = cue.stance
        if self._wished(anchor):
            return []  # "should accept", "pressure on Israel to accept": someone else's wish
        if cue.label in ("red line", "non - starter") and doc[cue.end - 1].dep_ not in ("attr", "acomp", "ROOT"):
            return []  # "respected Kinshasa's red lines" is no rejection
        negated = self._negated(doc, cue)
        clause = self._clause(anchor)
        if stance == "?until":
            stance, negated = "demands", False
        elif stance.startswith("?"):
            if not negated:
                return []
            stance = "denies_receiving" if stance == "?receive" else "no_response"
            negated = False
        if stance == "accuses_violation" and cue.label == "accuse" and not any(
            t.lemma_.lower() in self._BREACH_WORDS for t in anchor.subtree
        ):
            return []  # "is accused of kidnappings": not a breach of an agreement
        if stance == "accuses_violation":
            if self._conditional(anchor) or analysis.extra.get("content_sentence", {}).get(anchor.sent.start):
                return []  # "would strike hard if Hezbollah violated the deal"
            actors = self._accusers(doc, analysis, cue)
        else:
            actors = self._actors(doc, analysis, cue)
        if not actors:
            return []
        if anchor.pos_ == "VERB" and self._proposal_subject(doc, analysis, anchor):
            return []  # "It calls for …", "the text commits the parties to …": content, not a stance
        if analysis.extra.get("content_sentence", {}).get(anchor.sent.start) and anchor.lemma_.lower() in ("commit", "agree", "accept", "withdraw"):
            return []  # "Under the text, the parties commit to …"
        proposal, term, explicit = self._target(doc, analysis, cue, focus)
        if proposal is None:
            return []
        if cue.label in self._NEEDS_OBJECT and not explicit:
            return []  # "backed by Rwanda", "denies arming the group": no proposal in sight
        if stance == "withdraws" and not (explicit or self._talks_object(anchor)) or (
            stance == "withdraws" and not self._talks_object(anchor) and term is not None
        ):
            return []  # "Israeli forces would withdraw" is a provision, not a position
        conditions = self._conditions(doc, anchor)
        if negated:
            stance = self._negated_stance(doc, analysis, cue, stance, conditions)
            if stance is None:
                return []
        if stance == "denies_report" and not negated and not self._denies_a_position(doc, analysis, anchor):
            return []  # "Kigali denies arming the group": not about a position on a proposal
        text = clause.text.lower()
        if stance in ("accepts", "endorses") and " in principle" in text:
            stance = "accepts_in_principle"
        if stance == "endorses":
            proposer = analysis.proposals[proposal].proposer
            if any(a in parties for a in actors) and not any(a == proposer for a in actors):
                stance = "accepts"
        if stance == "accepts" and anchor.lemma_.lower() == "approve" and self._body_subject(anchor):
            stance = "signs"
        if stance == "accepts" and conditions:
            stance = "accepts_with_conditions"
        source = self._source(analysis, anchor)
        speaker = self._speaker(doc, analysis, anchor, actors)
        certainty = self._certainty(doc, analysis, anchor, source, actors)
        start = min(cue.start, clause.start)
        end = max(cue.end, clause.end)
        out = []
        for actor in actors:
            if stance == "endorses" and actor == analysis.proposals[proposal].proposer:
                continue
            out.append(
                StanceInfo(
                    actor=actor,
                    stance=stance,
                    proposal=proposal,
                    term=term,
                    start=start,
                    end=end,
                    speaker=speaker,
                    conditions=conditions if stance != "demands" or conditions else [],
                    source=source,
                    certainty=certainty,
                    cue=cue.label,
                )
            )
        return out

    # -- pieces -------------------------------------------------------------------------------

    _BREACH_WORDS = frozenset({"violate", "violation", "breach", "break", "renege", "fail", "abide", "honour",
                               "honor", "respect", "back", "undermine", "implement", "observe", "flout"})

    _NEEDS_OBJECT = frozenset({
        "accept", "approve", "embrace", "honour", "honor", "welcome", "back", "endorse", "support",
        "praise", "hail", "congratulate", "applaud", "reject", "dismiss", "refuse", "rebuff", "spurn",
        "oppose", "denounce", "slam", "study", "review", "examine", "consider", "weigh", "mull",
        "assess", "evaluate", "sign", "ratify", "initial", "deny", "agree", "commit", "greenlight",
        "abandon", "quit", "suspend", "renege", "demand", "require", "insist", "red line",
    })

    def _denies_a_position(self, doc: Doc, analysis: Analysis, anchor: Token) -> bool:
        """"denied reports it had agreed", "denied that it had rejected the plan"."""
        stance_words = set(self.verbs) | {"receive", "respond", "agree", "sign", "accept", "reject"}
        for token in anchor.subtree:
            if token.i == anchor.i:
                continue
            if token.lemma_.lower() in stance_words or token.i in analysis.extra.get("proposal_at", {}):
                return True
            if token.lower_ in ("report", "reports", "claim", "claims", "announcement", "account"):
                return True
        return False

    @staticmethod
    def _conditional(anchor: Token) -> bool:
        node = anchor
        for _ in range(3):
            if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "should") for c in node.children):
                return True
            if node.head.i == node.i:
                return False
            node = node.head
        return False

    @staticmethod
    def _proposal_subject(doc: Doc, analysis: Analysis, verb: Token) -> bool:
        proposal_at = analysis.extra.get("proposal_at", {})
        if verb.dep_ in ("acl", "relcl") and verb.head.i in proposal_at:
            return True  # "a declaration … committing them to a permanent ceasefire"
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return False
        if subject.i in proposal_at:
            return True
        return subject.lower_ in ("it", "which") and verb.lemma_.lower() in ("call", "include", "provide", "require", "commit", "propose", "demand", "offer", "envisage", "stipulate")

    _ABLE = frozenset({"ready", "prepared", "willing", "agree", "decide", "refuse", "vote", "move",
                       "promise", "pledge", "commit", "set", "go", "expect", "plan", "intend", "want",
                       "seek", "threaten", "continue", "begin", "start", "be", "have", "appear", "seem"})

    def _wished(self, anchor: Token) -> bool:
        """A cue in someone's wish or demand, not a position the actor has taken."""
        if anchor.pos_ != "VERB":
            return False
        if any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought", "might", "may") for c in anchor.children):
            return True
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in anchor.children)
        if to and anchor.dep_ in ("xcomp", "advcl", "acl", "relcl", "ccomp"):
            head = anchor.head
            if head.pos_ == "NOUN":
                return True  # "pressure on Israel to accept", "efforts to extend"
            if head.lemma_.lower() not in self._ABLE:
                return True  # "urged Hamas to accept", "called on them to accept"
            if any(c.dep_ == "dobj" for c in head.children) and head.lemma_.lower() not in ("ready", "prepared"):
                return True  # "wanted the United States to guarantee"
        return False

    @staticmethod
    def _clause(anchor: Token) -> Span:
        """The smallest stretch around ``anchor`` that reads as its clause."""
        doc = anchor.doc
        node = anchor
        if node.pos_ in ("NOUN", "ADJ") and node.head.pos_ in ("VERB", "AUX"):
            node = node.head
        left = min(node.left_edge.i, anchor.i)
        right = max(node.right_edge.i, anchor.i)
        sent = anchor.sent
        left, right = max(left, sent.start), min(right, sent.end - 1)
        while right > left and doc[right].is_punct:
            right -= 1
        return doc[left : right + 1]

    @staticmethod
    def _negated(doc: Doc, cue: _Cue) -> bool:
        anchor = cue.anchor
        if any(c.dep_ == "neg" or c.lower_ in _NEGATIONS for c in anchor.children):
            return True
        head = anchor.head
        if anchor.dep_ in ("xcomp",) and any(c.dep_ == "neg" for c in head.children):
            return True
        before = doc[max(cue.start - 2, anchor.sent.start) : cue.start]
        return any(t.lower_ in ("never", "not", "n't") for t in before) and cue.label not in ("not up for discussion", "not on the table", "not abide", "not implement")

    def _negated_stance(self, doc: Doc, analysis: Analysis, cue: _Cue, stance: str, conditions: list[str]) -> str | None:
        """What a negated cue means, if anything (never the plain opposite)."""
        anchor = cue.anchor
        if stance in ("rejects",):
            quoted = self._in_quotes(doc, anchor) or any(c.lower_ in ("we", "i") for c in anchor.children if c.dep_ == "nsubj")
            return "denies_report" if quoted else None
        if stance == "signs":
            if any(c.lower_ == "until" for c in anchor.subtree):
                return "demands"
            return "denies_report"
        if stance in ("accepts", "accepts_in_principle") and any(c.lower_ in ("will", "would", "can", "could") for c in anchor.children if c.dep_ == "aux"):
            if any(c.lower_ == "until" for c in anchor.subtree):
                return "demands"
            return "rejects"
        return None

    @staticmethod
    def _in_quotes(doc: Doc, token: Token) -> bool:
        sent = token.sent
        quotes = [t.i for t in sent if t.text in ('"', "“", "”")]
        return any(a < token.i < b for a, b in zip(quotes[::2], quotes[1::2], strict=False))

    def _actors(self, doc: Doc, analysis: Analysis, cue: _Cue) -> list[str]:
        anchor = cue.anchor
        if anchor.pos_ == "NOUN":
            # "Hamas's demand for …", "the Israeli rejection": only an owner makes a stance
            for child in anchor.children:
                if child.dep_ in ("poss", "compound", "amod"):
                    found = actors_of(doc, analysis, child)
                    if found:
                        return found
            return []
        if anchor.pos_ == "ADJ" or anchor.lower_ in self.unacceptable:
            node = anchor
            while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
                node = node.head
            subject = self._subject(node)
            if node.lemma_.lower() in ("call", "describe", "label", "brand", "deem", "consider", "say"):
                return actors_of(doc, analysis, subject) if subject is not None else []
            return actors_of(doc, analysis, subject) if subject is not None and node.lemma_ not in ("be",) else []
        agents = [c for c in anchor.children if c.dep_ == "agent"]
        agents += [g for a in agents for g in a.conjuncts if g.lower_ == "by"]
        found: list[str] = []
        for agent in agents:  # "signed by X for the government and by Y of the M23"
            for obj in agent.children:
                if obj.dep_ == "pobj":
                    found += [a for a in actors_of(doc, analysis, obj) if a not in found]
        if found:
            return found
        subject = self._subject(anchor)
        if subject is None:
            return []
        if subject.dep_ == "nsubjpass":
            return []
        if subject.lower_ in ("we", "us"):
            return self._speaker_actor(analysis, anchor)
        return actors_of(doc, analysis, subject)

    @staticmethod
    def _speaker_actor(analysis: Analysis, anchor: Token) -> list[str]:
        """"We did not reject …," a Hamas official said: the speaker's side."""
        sent = anchor.sent
        doc = anchor.doc
        following = doc[sent.end : min(len(doc), sent.end + 60)]
        for token in [*sent, *following]:
            if token.i in analysis.source_of_verb:
                affiliation = analysis.sources[analysis.source_of_verb[token.i]].affiliation
                if affiliation:
                    return [affiliation]
        return []

    @staticmethod
    def _subject(verb: Token) -> Token | None:
        node = verb
        for _ in range(4):
            subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
            if subject is not None:
                if subject.lower_ in ("that", "which", "who") and node.dep_ == "relcl":
                    return node.head
                return subject
            if node.dep_ in ("xcomp", "conj", "acomp", "advcl", "ccomp", "prep", "pcomp", "aux") and node.head.i != node.i:
                node = node.head
                continue
            if node.dep_ == "relcl":
                return node.head
            return None
        return None

    def _accusers(self, doc: Doc, analysis: Analysis, cue: _Cue) -> list[str]:
        """Who says the breach happened: the subject of "accuse", else the speaker."""
        anchor = cue.anchor
        if anchor.lemma_.lower() == "accuse":
            subject = self._subject(anchor)
            return actors_of(doc, analysis, subject) if subject is not None else []
        source = self._source(analysis, anchor)
        if source is not None:
            affiliation = analysis.sources[source].affiliation
            if affiliation:
                return [affiliation]
            name_actors = [
                m.actor for s, e in analysis.sources[source].spans for i in range(s, e)
                if (m := analysis.mention_at(i)) is not None
            ]
            return list(dict.fromkeys(name_actors))
        return []

    _PROPOSALISH = frozenset({
        "signing", "announcement", "move", "step", "idea", "initiative", "deal", "it", "this", "that",
        "them", "ceasefire", "truce", "terms", "demand", "demands", "call", "agreement", "accord",
        "effort", "efforts", "breakthrough", "arrangement", "text", "document", "plan", "proposal",
        "offer", "framework", "declaration", "understanding", "understandings", "outcome", "end",
        "leadership", "efforts", "role", "mediation", "initiative",
    })
    _TALKS = frozenset({"talk", "talks", "negotiation", "negotiations", "participation", "delegation",
                        "process", "offer", "acceptance", "commitment", "support", "mediation"})

    def _target(self, doc: Doc, analysis: Analysis, cue: _Cue, focus: list[int | None]) -> tuple[int | None, str | None, bool]:
        """The proposal (and term) the cue is about, and whether the words name it.

        A term that is the proposal itself ("agreed to a ceasefire", "signed the seven-day
        truce", the proposal's headline provision) makes a stance on the whole proposal."""
        anchor = cue.anchor
        mention_at = analysis.extra.get("proposal_at", {})
        region: list[Token] = []
        for child in anchor.children:
            if child.dep_ in _OBJECT_DEPS or (child.dep_ == "nsubjpass"):
                region.extend(child.subtree)
        if cue.end - cue.start > 1:
            region.extend(doc[cue.start : cue.end])
        if anchor.pos_ == "NOUN":
            region.extend(t for t in anchor.subtree if t.i != anchor.i)
        if cue.label in ("red line", "not up for discussion", "not on the table", "non - starter"):
            subject = self._subject(anchor)
            if subject is not None:
                region.extend(subject.subtree)
        region_ids = {t.i for t in region}
        proposal = next((mention_at[t.i] for t in region if t.i in mention_at), None)
        explicit = proposal is not None
        term_type = None
        for n, term in enumerate(analysis.terms):
            span = range(term.start, term.end)
            if not any(i in region_ids for i in span):
                continue
            explicit = True
            owner = next((i for i, p in enumerate(analysis.proposals) if n in p.terms), None)
            if any(i in mention_at for i in span) or (owner is not None and self._headline(analysis, owner, n)):
                proposal = proposal if proposal is not None else owner
                break  # the term is the proposal itself
            term_type = term.type
            if proposal is None:
                proposal = owner
            break
        if term_type is None and self._refers_to_demand(region):
            earlier = [x for x in analysis.stances if x.stance == "demands" and x.term and x.start < anchor.i]
            if earlier:
                term_type, proposal, explicit = earlier[-1].term, earlier[-1].proposal, True
        if not explicit:
            explicit = any(t.lower_ in self._PROPOSALISH or t.lemma_.lower() in self._PROPOSALISH for t in region)
        if proposal is None:
            proposal = focus[anchor.i]
        if term_type is not None and proposal is not None and cue.stance != "demands":
            types = {analysis.terms[n].type for n in analysis.proposals[proposal].terms}
            if term_type not in types:
                term_type = None
        return proposal, term_type, explicit

    @staticmethod
    def _headline(analysis: Analysis, proposal: int, term: int) -> bool:
        """The term named in the proposal's first mention ("a proposal for a 30-day ceasefire")."""
        p = analysis.proposals[proposal]
        if not p.mentions or not p.terms:
            return False
        start, end = p.mentions[0]
        t = analysis.terms[term]
        first = analysis.terms[p.terms[0]]
        return (start <= t.start < end + 12 and t.type == first.type) or (
            t.type == first.type and first.start < end + 12 and first.type in ("ceasefire", "long_term_truce", "permanent_end_of_war")
        )

    @staticmethod
    def _refers_to_demand(region: list[Token]) -> bool:
        """"rejected that demand", "dismissed the demands"."""
        return any(t.lemma_.lower() in ("demand", "condition") and any(
            c.lower_ in ("that", "this", "the", "those", "these") for c in t.children) for t in region)

    def _talks_object(self, anchor: Token) -> bool:
        """"withdrew from the talks", "suspended its participation", "pulled its delegation"."""
        for token in anchor.subtree:
            if token.i != anchor.i and (token.lemma_.lower() in self._TALKS or token.lower_ in self._TALKS):
                return True
        return False

    def _conditions(self, doc: Doc, anchor: Token) -> list[str]:
        """"provided Israel abided by the terms", "subject to Russia accepting it", "if …"."""
        found = []
        for child in anchor.subtree:
            if child.dep_ == "advcl" and child.head.i == anchor.i or (child.dep_ == "advcl" and child.head.head.i == anchor.i):
                marks = [c for c in child.children if c.dep_ in ("mark", "advmod") and c.lower_ in _CONDITION_MARKS]
                if marks or child.lower_ in ("provided", "providing"):
                    start = marks[0].i + 1 if marks else child.i + 1
                    span = doc[start : child.right_edge.i + 1]
                    found.append(span.text.strip(" ,.\"“”"))
            if child.lower_ == "to" and child.head.lower_ == "subject":
                if child.right_edge.i > child.i:
                    found.append(doc[child.i + 1 : child.right_edge.i + 1].text.strip(" ,."))
            if child.lower_ == "condition" and child.head.lower_ == "on":
                clause = next((c for c in child.children if c.dep_ in ("acl", "ccomp", "relcl")), None)
                if clause is not None:
                    found.append(doc[clause.left_edge.i : clause.right_edge.i + 1].text.removeprefix("that ").strip())
        return list(dict.fromkeys(c for c in found if c))

    @staticmethod
    def _body_subject(anchor: Token) -> bool:
        subject = next((c for c in anchor.children if c.dep_ in ("nsubj",)), None)
        return subject is not None and any(t.lower_ in _SIGNING_BODIES for t in subject.subtree)

    @staticmethod
    def _source(analysis: Analysis, anchor: Token) -> int | None:
        """The source of the speech verb the cue is reported under (or the cue's own)."""
        node = anchor
        for _ in range(6):
            if node.i in analysis.source_of_verb:
                return analysis.source_of_verb[node.i]
            for child in node.children:
                if child.i in analysis.source_of_verb and child.dep_ in ("parataxis", "advcl", "conj", "prep"):
                    return analysis.source_of_verb[child.i]
            if node.head.i == node.i:
                break
            node = node.head
        sent = anchor.sent
        for token in sent:  # "…, according to two sources familiar with the talks"
            if token.lower_ == "according" and token.i in analysis.source_of_verb:
                return analysis.source_of_verb[token.i]
            if token.dep_ in ("parataxis", "ROOT") and token.i in analysis.source_of_verb and token.i > anchor.i:
                return analysis.source_of_verb[token.i]
        return None

    @staticmethod
    def _speaker(doc: Doc, analysis: Analysis, anchor: Token, actors: list[str]) -> str | None:
        """The named person who voices the stance for its actor (subject or speaker)."""
        subject_person = None
        node = anchor
        for _ in range(6):
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                for t in subject.subtree:
                    if t.i in analysis.person_at:
                        person = analysis.people[analysis.person_at[t.i]]
                        if person.affiliation in actors or not person.affiliation:
                            subject_person = person.name
                        break
                if subject_person:
                    return subject_person
            if node.head.i == node.i:
                break
            node = node.head
        return None

    def _certainty(self, doc: Doc, analysis: Analysis, anchor: Token, source: int | None, actors: list[str]) -> str:
        sent = anchor.sent.text.lower()
        if any(h in sent for h in self.hedges):
            return "hedged"
        if source is None:
            return "confirmed"
        info = analysis.sources[source]
        if info.kind in ("anonymous", "media", "unspecified"):
            return "reported"
        if info.kind == "document":
            return "confirmed" if info.affiliation in actors or info.affiliation is None else "reported"
        if info.affiliation and info.affiliation not in actors:
            return "reported"
        return "confirmed"

    # -- proposers and disputes ---------------------------------------------------------------

    def _proposer_stances(self, doc: Doc, analysis: Analysis) -> None:
        for index, p in enumerate(analysis.proposals):
            if p.proposer is None or not p.mentions:
                continue
            start, end = p.mentions[0]
            token = doc[start:end].root
            verb = token.head if token.head.pos_ in ("VERB", "AUX") else token
            source = self._source(analysis, verb)
            stance = "counter_proposes" if p.counter else "proposes"
            certainty = self._certainty(doc, analysis, verb, source, [p.proposer])
            clause = self._clause(verb)
            self._add(
                analysis,
                StanceInfo(p.proposer, stance, index, None, min(start, clause.start), max(end, clause.end),
                           source=source, certainty=certainty, cue="author",
                           speaker=self._speaker(doc, analysis, verb, [p.proposer])),
                front=True,
            )

    @staticmethod
    def _disputes(analysis: Analysis) -> None:
        """A stance the actor denies in the article is ``disputed``."""
        denials = [(s.actor, s.proposal) for s in analysis.stances if s.stance == "denies_report"]
        for s in analysis.stances:
            if s.stance != "denies_report" and (s.actor, s.proposal) in denials and s.certainty in ("reported", "hedged"):
                s.certainty = "disputed"

    @staticmethod
    def _add(analysis: Analysis, stance: StanceInfo, *, front: bool = False) -> None:
        for existing in analysis.stances:
            if (existing.actor, existing.stance, existing.proposal, existing.term) == (
                stance.actor, stance.stance, stance.proposal, stance.term
            ):
                existing.conditions = list(dict.fromkeys(existing.conditions + stance.conditions))
                return
        if front:
            analysis.stances.insert(0, stance)
        else:
            analysis.stances.append(stance)


@Language.factory(
    "parley_stances",
    requires=["doc._.parley", "token.dep", "token.lemma"],
    assigns=["doc._.parley"],
)
def make_stance_finder(nlp: Language, name: str) -> StanceFinder:
    return StanceFinder(nlp)
