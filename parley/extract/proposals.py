"""Component ``parley_proposals``: the offers, plans and agreements an article reports.

1. **Mentions.** Nouns that name a proposal ("proposal", "plan", "offer", "deal", "truce" …,
   from ``proposals.json``). Weak heads ("text", "response", "plan") count only with a sign
   that a negotiation text is meant: an actor who owns it, a proposal modifier ("peace",
   "21-point"), a proposal verb ("accepted the plan"), or an earlier proposal to refer to.
   "Ceasefire"/"truce" count when they are agreed, signed, extended, take effect or expire.
2. **Identity.** Each mention joins a proposal or starts one. A counter-proposal ("its
   counter-proposal", "Hamas's response", "a memorandum of its own") is a proposal of its
   own whose parent is the proposal it answers; a mention with an author joins that author's
   proposal; a definite mention without one ("the offer", "the deal") joins the proposal in
   focus; a truce that "collapsed" or "expired" is a background agreement.
3. **Proposer, channel, status.** The author comes from the words around the mention: a
   possessive or modifier ("Egypt's plan", "the Egyptian plan", "Witkoff's proposal"), "put
   forward by", "drawn up by", or the subject of a proposing verb; "X asked Y to carry a
   proposal to Z" makes X the proposer and [Y, Z] the channel; "through the mediators" adds
   to the channel. An agreement only "brokered" or "agreed" has no proposer.
4. **Terms.** A provision found by ``parley_terms`` belongs to a proposal when it sits inside
   a mention's phrase ("a proposal for a 30-day ceasefire"), in a sentence that states the
   proposal's content ("Under the package, …", "The offer also calls for …", "It further
   proposes …"), or continues such a sentence in the same paragraph ("In return, Israel would
   free …"); a phase ("During its first phase …", "A third phase would …") keeps the focus.
   Provisions outside every such context are not terms of any proposal.

requires: doc._.parley.actor_mentions, people, terms, dates; token.dep, token.lemma
assigns:  doc._.parley.proposals
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .analysis import Analysis, ProposalInfo, analysis_of
from .coref import actors_of
from .lexicons import load_cue_file

__all__ = ["ProposalFinder", "paragraph_of"]

_KEYS = {
    "proposal_heads": list,
    "weak_heads": list,
    "counter_heads": list,
    "agreement_heads": list,
    "proposal_modifiers": list,
    "excluded_modifiers": list,
    "proposer_verbs": list,
    "proposer_particles": dict,
    "channel_verbs": list,
    "request_verbs": list,
    "counter_verbs": list,
    "content_verbs": list,
    "continuation_markers": list,
    "phase_words": list,
    "status_verbs": dict,
}
_STATUS_RANK = {
    "floated": 0,
    "tabled": 1,
    "under_review": 2,
    "rejected": 3,
    "agreed_in_principle": 4,
    "agreed": 5,
    "signed": 6,
    "in_force": 7,
    "collapsed": 8,
    "superseded": 8,
}
_DEFINITE = frozenset({"the", "this", "that", "these", "those", "any"})
_POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her"})
_COUNTER_PREFIX = re.compile(r"^counter-?", re.I)


def paragraph_of(doc: Doc) -> list[int]:
    """Paragraph number of every token (paragraphs are separated by blank lines)."""
    numbers = []
    paragraph = 0
    for token in doc:
        numbers.append(paragraph)
        if token.is_space and token.text.count("\n") >= 2:
            paragraph += 1
    return numbers


@dataclass(slots=True)
class _Mention:
    head: Token
    start: int
    end: int
    counter: bool
    proposer: str | None
    proposer_rule: str
    definite: bool
    background: bool
    status: str | None
    label: str
    part_of: int | None = None  # "the first phase of Trump's plan": the plan's head token


class ProposalFinder:
    """Finds proposals, their authors, channels and terms."""

    def __init__(self, nlp: Language):
        cues = load_cue_file("proposals.json", _KEYS)
        self.heads = frozenset(cues["proposal_heads"])
        self.weak = frozenset(cues["weak_heads"])
        self.counter_heads = frozenset(cues["counter_heads"])
        self.agreement_heads = frozenset(cues["agreement_heads"])
        self.modifiers = frozenset(cues["proposal_modifiers"])
        self.excluded = frozenset(cues["excluded_modifiers"])
        self.proposer_verbs = frozenset(cues["proposer_verbs"])
        self.channel_verbs = frozenset(cues["channel_verbs"])
        self.request_verbs = frozenset(cues["request_verbs"])
        self.counter_verbs = frozenset(cues["counter_verbs"])
        self.content_verbs = frozenset(cues["content_verbs"])
        self.markers = tuple(cues["continuation_markers"])
        self.phase_words = frozenset(cues["phase_words"])
        self.status_of_verb: dict[str, str] = {}
        for status, verbs in cues["status_verbs"].items():
            for verb in verbs:
                self.status_of_verb.setdefault(verb, status)
        self.agreement_verbs = frozenset(
            {"sign", "agree", "accept", "reject", "extend", "renew", "violate", "breach", "observe",
             "respect", "honour", "honor", "announce", "reach", "broker", "implement", "declare",
             "approve", "welcome", "endorse", "back", "support", "monitor", "restore", "revive", "hold",
             "collapse", "expire", "lapse", "end", "take", "enter", "begin", "start", "negotiate", "propose"}
        )
        self.proposal_verbs = (
            self.proposer_verbs
            | self.channel_verbs
            | set(self.status_of_verb)
            | {"accept", "reject", "welcome", "back", "endorse", "support", "respond", "violate", "breach", "extend", "renew", "receive", "discuss", "negotiate", "implement", "honour", "honor", "respect"}
        )

    def __call__(self, doc: Doc) -> Doc:
        analysis = analysis_of(doc)
        mentions: list[_Mention] = []
        for token in doc:
            mention = self._mention(doc, analysis, token, earlier=bool(mentions))
            if mention is not None:
                mentions.append(mention)
        proposals = self._cluster(doc, analysis, mentions)
        self._merge_descriptions(doc, proposals)
        analysis.proposals = proposals
        self._index(analysis)
        self._attach_terms(doc, analysis)
        if self._agreed_provisions(doc, analysis):
            self._index(analysis)
        for proposal in analysis.proposals:
            if proposal.status is None:
                proposal.status = "agreed" if proposal.proposer is None else "tabled"
        return doc

    @staticmethod
    def _index(analysis: Analysis) -> None:
        analysis.extra["proposal_at"] = {
            i: index for index, p in enumerate(analysis.proposals) for s, e in p.mentions for i in range(s, e)
        }

    # -- mentions ----------------------------------------------------------------------

    def _part_agreed(self, doc: Doc, token: Token) -> _Mention | None:
        """"Israel and Hamas agreed on the first phase of Trump's plan": an agreement of its
        own, on part of a proposal (its parent), with no author."""
        if token.lemma_.lower() not in self.phase_words or token.dep_ not in ("pobj", "dobj"):
            return None
        verb = token.head.head if token.dep_ == "pobj" else token.head
        if verb.lemma_.lower() not in ("agree", "sign", "reach", "approve", "clinch", "seal"):
            return None
        of = next((c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        inner = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if inner is None or inner.lemma_.lower() not in self.heads:
            return None
        label = doc[token.left_edge.i : token.i + 1].text + " of the " + inner.lemma_
        status = "signed" if verb.lemma_.lower() in ("sign", "approve") else "agreed"
        return _Mention(token, token.left_edge.i, token.i + 1, False, None, "", False, False, status, label, inner.i)

    def _mention(self, doc: Doc, analysis: Analysis, token: Token, *, earlier: bool = False) -> _Mention | None:
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        part = self._part_agreed(doc, token)
        if part is not None:
            return part
        lemma = token.lemma_.lower()
        low = token.lower_
        if lemma not in self.heads and low not in self.heads:
            if not _COUNTER_PREFIX.match(low) or _COUNTER_PREFIX.sub("", low) not in self.heads:
                return None
        mods = {c.lower_ for c in token.children if c.dep_ in ("compound", "amod", "nmod")}
        if mods & self.excluded:
            return None
        if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i:
            return None  # "ceasefire talks", "peace plan" is taken at its head
        counter = low.startswith("counter") or lemma in self.counter_heads or self._of_its_own(token)
        agreement = lemma in self.agreement_heads
        verb = self._governing_verb(token)
        verb_lemma = verb.lemma_.lower() if verb is not None else ""
        if self._inside_other(token):
            return None  # "a proposal for a 'comprehensive deal'": one mention, the label is inside
        if any(c.lower_ == "whose" for c in token.children):
            return None  # "the treaty, whose text …": the treaty itself
        if any(c.dep_ == "det" and c.lower_ == "no" for c in token.children):
            return None  # "no agreement had been reached"
        if token.dep_ == "pobj" and token.head.lower_ in ("on", "about", "over") and token.head.head.lemma_.lower() in ("negotiation", "talk", "discussion", "consultation"):
            return None  # "negotiations on a wider political settlement": a topic of talks
        if lemma in self.weak and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in token.children):
            earlier = [t for t in token.sent if t.i < token.i and t.pos_ == "NOUN" and t.lemma_.lower() in self.heads]
            if earlier:
                return None  # "extend it … and broaden its terms": the terms of the truce
        proposer, rule = self._proposer(doc, analysis, token, verb)
        definite = any(c.lower_ in _DEFINITE for c in token.children if c.dep_ in ("det", "poss"))
        evidence = bool(proposer) or bool(mods & self.modifiers) or any(c.is_digit for c in token.subtree if c.i < token.i)
        status = self._status(token, verb)
        if agreement:
            # a truce is a proposal when it is agreed, signed, extended, takes effect or expires;
            # otherwise "a 60-day ceasefire" is a provision of some proposal
            if status is None and verb_lemma not in self.agreement_verbs and not definite:
                return None
        elif lemma in self.weak or low in self.weak:
            if not (evidence or verb_lemma in self.proposal_verbs or (definite and earlier)):
                return None
        if counter and proposer is None and not definite:
            return None  # "asked for amendments", "a response": no text of anyone's yet
        if not definite and proposer is None and self._hypothetical(token, verb):
            return None  # "could play a role in brokering an agreement"
        background = status in ("collapsed",) or self._old_date(analysis, token)
        start = token.left_edge.i
        label = self._label(doc, token)
        return _Mention(token, start, token.i + 1, counter, proposer, rule, definite, background, status, label)

    def _inside_other(self, token: Token) -> bool:
        """"a proposal for a 'comprehensive deal'" is one mention; so is "the terms of the truce"
        (the truce is the proposal, its terms a part of it)."""
        head = token.head
        if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("for", "of", "on"):
            outer = head.head
            strong = outer.pos_ in ("NOUN", "PROPN") and outer.lemma_.lower() in self.heads and outer.lemma_.lower() not in self.weak
            if strong:
                return True
            if outer.pos_ == "VERB" and head.lower_ == "for":  # "signed an agreement … for a ceasefire"
                return any(
                    c.dep_ == "dobj" and c.lemma_.lower() in self.heads and c.lemma_.lower() not in self.weak
                    for c in outer.children
                )
            return False
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of" and token.lemma_.lower() in self.weak:
                inner = next((c for c in child.children if c.dep_ == "pobj"), None)
                if inner is not None and inner.lemma_.lower() in self.heads and inner.lemma_.lower() not in self.weak:
                    return True
        return token.dep_ == "appos" and (head.lemma_.lower() in self.heads)

    @staticmethod
    def _hypothetical(token: Token, verb: Token | None) -> bool:
        node = verb
        for _ in range(3):
            if node is None:
                return False
            if any(c.dep_ == "aux" and c.lower_ in ("could", "might", "may", "would", "should") for c in node.children):
                return True
            if node.tag_ == "VBG" and node.head.dep_ in ("pobj", "prep"):
                return True  # "a role in brokering an agreement"
            if node.dep_ in ("xcomp", "advcl", "acl") and any(c.lower_ == "to" and c.dep_ == "aux" for c in node.children):
                return True  # "efforts to reach a deal"
            node = node.head if node.head.i != node.i else None
        return False

    @staticmethod
    def _of_its_own(token: Token) -> bool:
        """"a memorandum of its own"."""
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                if any(g.lower_ == "own" for g in child.subtree):
                    return True
        return False

    @staticmethod
    def _governing_verb(token: Token) -> Token | None:
        """The verb the proposal noun is an argument of (through a preposition if need be)."""
        node = token
        for _ in range(3):
            head = node.head
            if head.i == node.i:
                return None
            if head.pos_ in ("VERB", "AUX"):
                return head
            if head.dep_ == "prep" or node.dep_ in ("pobj", "conj", "appos"):
                node = head
                continue
            return None
        return None

    def _has_duration(self, token: Token) -> bool:
        return any(c.like_num or c.lower_.endswith(("-day", "-month", "-year", "-week")) for c in token.subtree if c.i < token.i) or any(
            c.lower_ in ("day", "month", "year", "week", "days", "months") for c in token.lefts
        )

    def _status(self, token: Token, verb: Token | None) -> str | None:
        candidates = []
        if verb is not None:
            lemma = verb.lemma_.lower()
            if lemma == "take" and not any(c.lower_ == "effect" for c in verb.children):
                lemma = ""
            if any(c.dep_ == "prt" for c in verb.children):
                lemma = lemma + " " + next(c.lower_ for c in verb.children if c.dep_ == "prt")
            status = self.status_of_verb.get(lemma)
            if status is not None and not any(c.dep_ == "neg" for c in verb.children):
                candidates.append(status)
        for child in token.children:
            if child.dep_ in ("relcl", "acl"):
                lemma = child.lemma_.lower()
                if lemma == "take" and not any(c.lower_ == "effect" for c in child.children):
                    continue
                status = self.status_of_verb.get(lemma)
                if status is not None:
                    candidates.append(status)
                for conj in child.children:
                    if conj.dep_ == "conj" and (s := self.status_of_verb.get(conj.lemma_.lower())):
                        candidates.append(s)
        if not candidates:
            return None
        return max(candidates, key=lambda s: _STATUS_RANK.get(s, 0))

    @staticmethod
    def _old_date(analysis: Analysis, token: Token) -> bool:
        """A date more than two weeks before publication inside the mention's clause."""
        if analysis.published is None:
            return False
        sent = token.sent
        for mention in analysis.dates:
            if not (sent.start <= mention.start < sent.end) or mention.value is None or len(mention.value) < 10:
                continue
            if token.left_edge.i <= mention.start <= token.right_edge.i:
                try:
                    from datetime import date

                    value = date.fromisoformat(mention.value[:10])
                except ValueError:
                    continue
                if (analysis.published - value).days > 14:
                    return True
        return False

    @staticmethod
    def _label(doc: Doc, token: Token) -> str:
        quoted = [t for t in token.subtree if t.text in ('"', "“", "”")]
        if len(quoted) >= 2:
            inner = doc[quoted[0].i + 1 : quoted[-1].i]
            if 0 < len(inner) <= 6:
                return inner.text
        words = [
            t for t in token.lefts if t.dep_ in ("amod", "compound", "nmod", "nummod") or t.dep_ == "poss"
        ]
        parts = [t.text for t in words if t.dep_ != "poss" and not t.is_punct] + [token.text]
        return " ".join(parts)

    # -- proposer --------------------------------------------------------------------------

    def _proposer(self, doc: Doc, analysis: Analysis, token: Token, verb: Token | None) -> tuple[str | None, str]:
        modifiers = {
            m.actor for c in token.children if c.dep_ in ("amod", "compound", "nmod")
            for i in range(c.left_edge.i, c.right_edge.i + 1) if (m := analysis.mention_at(i)) is not None
        }
        if len(modifiers) > 1:
            return None, "joint"  # "the Saudi-U.S. initiative", "an Israel-Hamas deal"
        for child in token.children:
            if child.dep_ == "poss":
                found = actors_of(doc, analysis, child, expand=False)
                if len(found) == 1:
                    return found[0], "possessive"
            if child.dep_ in ("amod", "compound", "nmod"):
                mention = analysis.mention_at(child.i)
                person = analysis.person_at.get(child.i)
                conj = [c for c in child.children if c.dep_ == "conj"]
                if conj:
                    continue  # "an Israel-Hamas deal": joint
                if mention is not None:
                    return mention.actor, "modifier"
                if person is not None and analysis.people[person].affiliation:
                    return analysis.people[person].affiliation, "person modifier"
        for child in token.children:
            # "put forward by Egypt", "drawn up by Egypt", "drafted by Qatari mediators", "from Egypt"
            if child.dep_ in ("acl", "relcl") and child.lemma_.lower() in self.proposer_verbs | {"put", "draw", "draft", "write", "prepare"}:
                for agent in child.children:
                    if agent.dep_ == "agent" or (agent.dep_ == "prep" and agent.lower_ == "by"):
                        for obj in agent.children:
                            if obj.dep_ == "pobj":
                                found = actors_of(doc, analysis, obj)
                                if len(found) == 1:
                                    return found[0], "by-agent"
                subject = next((c for c in child.children if c.dep_ == "nsubj"), None)
                if subject is not None and child.dep_ == "relcl" and subject.lower_ not in ("that", "which"):
                    found = actors_of(doc, analysis, subject)
                    if len(found) == 1:
                        return found[0], "relative clause"
            if child.dep_ == "prep" and child.lower_ in ("by", "from"):
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        found = actors_of(doc, analysis, obj)
                        if len(found) == 1 and obj.lower_ not in ("mediators",):
                            return found[0], f"{child.lower_}-phrase"
        definite = any(c.lower_ in _DEFINITE for c in token.children if c.dep_ == "det")
        if verb is not None and token.dep_ in ("dobj", "nsubjpass", "pobj"):
            lemma = verb.lemma_.lower()
            instrument = token.dep_ == "pobj" and token.head.lower_ == "with"  # "answered with a memorandum"
            if (lemma in self.proposer_verbs and not definite) or (lemma in self.counter_verbs and instrument):
                subject = self._subject(verb)
                if subject is not None:
                    found = actors_of(doc, analysis, subject)
                    if len(found) == 1:
                        return found[0], f"subject of {lemma}"
            if lemma in self.channel_verbs and verb.dep_ == "xcomp":
                asker = verb.head
                if asker.lemma_.lower() in self.request_verbs:
                    subject = self._subject(asker)
                    if subject is not None:
                        found = actors_of(doc, analysis, subject)
                        if len(found) == 1:
                            return found[0], f"asked to {lemma}"
        return None, ""

    @staticmethod
    def _subject(verb: Token) -> Token | None:
        node = verb
        for _ in range(3):
            subject = next((c for c in node.children if c.dep_ in ("nsubj",)), None)
            if subject is not None:
                return subject
            if node.dep_ in ("xcomp", "conj", "advcl", "ccomp") and node.head.i != node.i:
                if node.dep_ == "xcomp":
                    obj = next((c for c in node.head.children if c.dep_ in ("dobj",)), None)
                    if obj is not None and node.head.lemma_.lower() not in ("want", "agree", "try", "plan", "decide", "refuse", "offer"):
                        return obj
                node = node.head
                continue
            return None
        return None

    def _channel(self, doc: Doc, analysis: Analysis, mention: _Mention, proposer: str | None) -> list[str]:
        found: list[str] = []

        def add(actors: list[str]) -> None:
            for a in actors:
                if a != proposer and a not in found:
                    found.append(a)

        token = mention.head
        verb = self._governing_verb(token)
        nodes = [token] + ([verb] if verb is not None else [])
        if verb is not None and verb.dep_ == "xcomp" and verb.lemma_.lower() in self.channel_verbs:
            asker = verb.head
            if asker.lemma_.lower() in self.request_verbs:
                obj = next((c for c in asker.children if c.dep_ == "dobj"), None)
                if obj is not None:
                    add(actors_of(doc, analysis, obj))
        for node in nodes:
            for child in node.children:
                if child.dep_ == "acl":
                    nodes.append(child)
                if child.dep_ in ("prep", "dative") and child.lower_ in ("through", "via", "to"):
                    if child.lower_ == "to" and not (verb is not None and verb.lemma_.lower() in self.channel_verbs):
                        continue
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            add(actors_of(doc, analysis, obj))
                if child.dep_ == "advcl":  # "carry a proposal … to end the war to the administration"
                    for grand in child.children:
                        if grand.dep_ == "prep" and grand.lower_ == "to" and verb is not None and verb.lemma_.lower() in self.channel_verbs:
                            for obj in grand.children:
                                if obj.dep_ == "pobj":
                                    add(actors_of(doc, analysis, obj))
        return found

    # -- identity ---------------------------------------------------------------------------

    def _cluster(self, doc: Doc, analysis: Analysis, mentions: list[_Mention]) -> list[ProposalInfo]:
        proposals: list[ProposalInfo] = []
        index_of: dict[int, int] = {}
        focus: int | None = None
        for m in mentions:
            lemma = m.head.lemma_.lower()
            index = self._join(proposals, m, focus)
            if lemma in self.agreement_heads and m.definite and m.proposer is None:
                same = [i for i, p in enumerate(proposals) if lemma in p.heads]
                if same:
                    index = same[-1]
                elif m.status is None and not self._has_duration(m.head):
                    continue  # "during the truce": the truce of a proposal's terms, not a new one
                else:
                    index = None  # "the seven-day ceasefire" the parties signed: a proposal of its own
            if index is None:
                parent = None
                proposals.append(
                    ProposalInfo(
                        label=m.label,
                        proposer=m.proposer,
                        counter=m.counter,
                        background=m.background,
                        parent=parent,
                        rule=m.proposer_rule,
                    )
                )
                index = len(proposals) - 1
            proposal = proposals[index]
            index_of[m.head.i] = index
            proposal.mentions.append((m.start, m.end))
            proposal.heads.add(m.head.lemma_.lower())
            if proposal.proposer is None and m.proposer is not None and not proposal.background and not m.proposer_rule.startswith("subject of"):
                proposal.proposer = m.proposer
                proposal.rule = m.proposer_rule
            if m.status is not None and _STATUS_RANK.get(m.status, 0) >= proposal.status_rank:
                proposal.status = m.status
                proposal.status_rank = _STATUS_RANK.get(m.status, 0)
            for actor in self._channel(doc, analysis, m, proposal.proposer):
                if actor not in proposal.channel:
                    proposal.channel.append(actor)
            if not m.background:
                focus = index
        self._parents(doc, proposals, mentions, index_of)
        for m in mentions:
            if m.part_of is not None and m.head.i in index_of:
                # the part's parent: the proposal named in "of …", once clustered
                child = proposals[index_of[m.head.i]]
                parent = next((index_of[i] for i in range(doc[m.part_of].left_edge.i, m.part_of + 1) if i in index_of), None)
                if parent is not None and child.parent is None and proposals[parent] is not child:
                    child.parent = parent
        return proposals

    @staticmethod
    def _join(proposals: list[ProposalInfo], m: _Mention, focus: int | None) -> int | None:
        lemma = m.head.lemma_.lower()
        if m.background:
            for index, p in enumerate(proposals):
                if p.background and lemma in p.heads:
                    return index
            return None
        if m.counter and m.proposer is None and not m.definite:
            return None
        if m.counter:
            for index, p in enumerate(proposals):
                if p.counter and (p.proposer == m.proposer or m.proposer is None):
                    return index
            return None
        if m.proposer is not None:
            own = [i for i, p in enumerate(proposals) if p.proposer == m.proposer and not p.background]
            if own:
                plain = [i for i in own if not proposals[i].counter]
                return (plain or own)[-1]
            if focus is not None and proposals[focus].proposer is None and not proposals[focus].counter:
                return focus  # "a Gaza ceasefire deal … Hamas's commitment to the deal"
            return None
        kinds = {"agreement", "deal", "accord", "truce", "ceasefire", "cease-fire", "armistice"}
        if m.definite and lemma in kinds:
            authorless = [i for i, p in enumerate(proposals)
                          if p.proposer is None and not p.counter and not p.background and (p.heads & (kinds | {"phase", "stage"}))]
            if authorless:
                return authorless[-1]  # "the agreement" the parties reached, not the plan it implements
        if m.definite:
            # "the initiative": the proposal last called so, else the one in focus
            same = [i for i, p in enumerate(proposals) if lemma in p.heads and not p.background]
            if same:
                return same[-1] if focus not in same else focus
            return focus
        if lemma in kinds:
            # an authorless agreement is the one authorless agreement already in the story
            same = [i for i, p in enumerate(proposals) if p.proposer is None and not p.counter and not p.background and p.heads & kinds]
            if same:
                return same[-1]
        return None

    @staticmethod
    def _parents(doc: Doc, proposals: list[ProposalInfo], mentions: list[_Mention], index_of: dict[int, int]) -> None:
        """A counter-proposal answers the proposal it is a "response to", else the first
        proposal by another author."""
        for m in mentions:
            index = index_of.get(m.head.i)
            if index is None or not proposals[index].counter or proposals[index].parent is not None:
                continue
            for child in m.head.children:
                if child.dep_ == "prep" and child.lower_ in ("to", "on"):
                    obj = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if obj is not None and obj.i in index_of and index_of[obj.i] != index:
                        proposals[index].parent = index_of[obj.i]
        for index, p in enumerate(proposals):
            if p.counter and p.parent is None:
                p.parent = next(
                    (i for i, q in enumerate(proposals)
                     if i != index and not q.counter and not q.background and q.proposer != p.proposer),
                    None,
                )

    def _merge_descriptions(self, doc: Doc, proposals: list[ProposalInfo]) -> None:
        """"A ceasefire … took effect after Israel and Lebanon accepted a U.S. proposal": an
        agreement without an author and an authored proposal in one sentence are one proposal."""
        for index, p in enumerate(proposals):
            if p.proposer is not None or p.counter or p.background or not p.mentions or not (p.heads & self.agreement_heads | p.heads & {"agreement", "deal", "accord"}):
                continue
            sent = doc[p.mentions[0][0]].sent
            for other_index, q in enumerate(proposals):
                if other_index == index or q.proposer is None or q.counter or q.background:
                    continue
                if any(sent.start <= s < sent.end and self._accepted(doc[s:e].root) for s, e in q.mentions):
                    q.mentions = sorted(q.mentions + p.mentions)
                    q.heads |= p.heads
                    if p.status_rank > q.status_rank:
                        q.status, q.status_rank = p.status, p.status_rank
                    p.mentions = []
                    break
        kept = [p for p in proposals if p.mentions]
        remap = {id(p): n for n, p in enumerate(kept)}
        for p in kept:
            if p.parent is not None:
                parent = proposals[p.parent]
                p.parent = remap.get(id(parent))
        proposals[:] = kept

    @staticmethod
    def _accepted(token: Token) -> bool:
        """"… had both accepted a U.S. proposal": the proposal is what the parties took up."""
        head = token.head
        if token.dep_ == "pobj":
            head = head.head
        return token.dep_ in ("dobj", "pobj") and head.lemma_.lower() in ("accept", "agree", "approve", "sign", "endorse")

    def _agreed_provisions(self, doc: Doc, analysis: Analysis) -> bool:
        """"The two sides did agree to exchange …": provisions the parties agreed on. They
        belong to the agreement already in the story, if there is one; else they make an
        agreement of their own, with no author. Returns whether a proposal was added."""
        if not analysis.terms:
            return False
        claimed = {n for p in analysis.proposals for n in p.terms}
        proposal_tokens = set(analysis.extra.get("proposal_at", {}))
        added = False
        for token in doc:
            if token.lemma_.lower() != "agree" or token.pos_ != "VERB" or any(c.dep_ == "neg" for c in token.children):
                continue
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is None:
                continue
            actors = actors_of(doc, analysis, subject)
            if len(actors) < 2 and subject.lower_ not in ("parties", "sides"):
                continue
            region = [t.i for c in token.children if c.dep_ in ("xcomp", "prep", "dobj") for t in c.subtree]
            if any(i in proposal_tokens for i in region):
                continue
            terms = [n for n, t in enumerate(analysis.terms) if t.start in region and n not in claimed]
            if not terms:
                continue
            extension = any(analysis.terms[n].type == "ceasefire_extension" for n in terms)
            before = [i for i, p in enumerate(analysis.proposals) if any(s < token.i for s, _ in p.mentions) and not p.background]
            current = before[-1] if before else None
            if current is not None and analysis.proposals[current].proposer is None and not extension:
                analysis.proposals[current].terms.extend(terms)  # the agreement already in the story
            else:
                label = "agreement to " + doc[token.i + 1 : min(token.right_edge.i + 1, token.i + 6)].text.removeprefix("to ")
                analysis.proposals.append(
                    ProposalInfo(label=label, proposer=None, mentions=[(token.i, token.i + 1)], status="agreed",
                                 status_rank=_STATUS_RANK["agreed"], parent=current if extension else None,
                                 terms=terms, heads={"agree"}, rule="agreed provisions")
                )
                added = True
            claimed.update(terms)
        return added

    # -- terms ----------------------------------------------------------------------------

    def _attach_terms(self, doc: Doc, analysis: Analysis) -> None:
        analysis.extra["content_sentence"] = {}
        if not analysis.terms or not analysis.proposals:
            return
        paragraphs = paragraph_of(doc)
        mention_at: dict[int, int] = {}
        for index, p in enumerate(analysis.proposals):
            for start, end in p.mentions:
                for i in range(start, end):
                    mention_at[i] = index
        focus: int | None = None
        focus_paragraph = -1
        for sent in doc.sents:
            in_sentence = [n for n, t in enumerate(analysis.terms) if sent.start <= t.start < sent.end]
            here = sorted({mention_at[i] for i in range(sent.start, sent.end) if i in mention_at})
            paragraph = paragraphs[sent.start]
            target = self._content_target(doc, analysis, sent, here, focus, mention_at)
            if target is None and focus is not None and in_sentence:
                if paragraph == focus_paragraph and self._continues(sent):
                    target = focus
                elif self._mentions_phase(sent):
                    target = focus
            for n in in_sentence:
                term = analysis.terms[n]
                owner = self._owner_by_phrase(doc, term, mention_at)
                chosen = owner if owner is not None else target
                if chosen is not None and n not in analysis.proposals[chosen].terms:
                    analysis.proposals[chosen].terms.append(n)
            if target is not None:
                analysis.extra.setdefault("content_sentence", {})[sent.start] = target
                focus, focus_paragraph = target, paragraph
            elif here:
                last = [i for i in here if not analysis.proposals[i].background]
                if last:
                    focus, focus_paragraph = last[-1], paragraph

    def _content_target(
        self, doc: Doc, analysis: Analysis, sent: Span, here: list[int], focus: int | None, mention_at: dict[int, int]
    ) -> int | None:
        """The proposal whose content ``sent`` states, if it states one."""
        for token in sent:
            index = mention_at.get(token.i)
            if index is None or token.pos_ not in ("NOUN", "PROPN"):
                continue
            head = token.head
            # "Under the package, …", "according to a copy of the agreement"
            if self._framed_by(token):
                return index
            # "The offer also calls for …", "the plan includes …"
            if token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in self.content_verbs | {"be", "have", "would"}:
                return index
            # "… as set out in a plan drawn up by Egypt", "… according to the agreement"
            if token.dep_ == "pobj" and head.head.lemma_.lower() in ("set", "lay", "outline", "describe", "accord", "envisage"):
                return index
        for token in sent:
            if token.lower_ in ("it", "they") and token.dep_ in ("nsubj",) and token.head.lemma_.lower() in self.content_verbs and focus is not None:
                return focus
            if token.lower_ == "its" and token.head.lemma_.lower() in self.phase_words and focus is not None:
                return focus
        return None

    @staticmethod
    def _framed_by(token: Token) -> bool:
        """``token`` sits in "under …", "according to …" or "as set out in …"."""
        node = token
        for _ in range(4):
            if node.dep_ != "pobj":
                return False
            prep = node.head
            if prep.lower_ == "under" or (prep.lower_ == "to" and prep.head.lower_ == "according"):
                return True
            if prep.lower_ == "in" and prep.head.lemma_.lower() in ("set", "lay", "outline", "describe", "envisage", "state"):
                return True
            node = prep.head if prep.head.pos_ in ("NOUN", "PROPN") else prep
            if node is prep:
                return False
        return False

    def _continues(self, sent: Span) -> bool:
        text = " " + sent.text.lower() + " "
        return any(f" {marker} " in text for marker in self.markers) or any(
            t.lower_ in ("return", "exchange") and t.head.lower_ == "in" for t in sent
        )

    def _mentions_phase(self, sent: Span) -> bool:
        return any(t.lemma_.lower() in self.phase_words for t in sent)


    @staticmethod
    def _owner_by_phrase(doc: Doc, term: object, mention_at: dict[int, int]) -> int | None:
        """The proposal whose mention's phrase contains the term ("a proposal for a … ceasefire")."""
        start = term.start
        token = doc[start]
        node = token
        for _ in range(6):
            if node.i in mention_at:
                return mention_at[node.i]
            if node.head.i == node.i:
                return None
            node = node.head
        return None


@Language.factory(
    "parley_proposals",
    requires=["doc._.parley", "token.dep", "token.lemma"],
    assigns=["doc._.parley"],
)
def make_proposal_finder(nlp: Language, name: str) -> ProposalFinder:
    return ProposalFinder(nlp)
