"""Which provisions belong to which proposal.

A provision found by ``parley_terms`` belongs to a proposal when it sits inside a mention's
phrase ("a proposal for a 30-day ceasefire"), in a sentence that states the proposal's
content ("Under the package, …", "The offer also calls for …", "It further proposes …"), or
continues such a sentence in the same paragraph ("In return, Israel would free …"); a phase
("During its first phase …", "A third phase would …") keeps the focus. Provisions outside
every such context are not terms of any proposal. Provisions that several parties "agreed"
to, outside any proposal, belong to the agreement in the story or make one of their own.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..analysis import Analysis, TermMention
from ..coref import actors_of
from ..terms.candidate import CESSATION
from .agreed import AgreedProvisions, several_sides
from .lexicon import ProposalCues
from .lists import Lines, ListRun
from .offers import Offers

__all__ = ["Content", "paragraph_of", "restated_truce"]

# the parameters that tell two truces of one text apart
_TRUCE_IDENTITY = ("start_at", "duration_days", "duration_days_min", "duration_days_max", "area")


def restated_truce(analysis: Analysis, terms: list[int], n: int) -> int | None:
    """The truce term of ``terms`` that term ``n`` restates: one of the same cessation type
    whose start, length, area and phase do not differ from it; else None."""
    term = analysis.terms[n]
    if term.type not in CESSATION:
        return None
    for m in terms:
        other = analysis.terms[m]
        if other.type != term.type or (
            other.phase is not None and term.phase is not None and other.phase != term.phase
        ):
            continue
        if all(
            other.params.get(k) == term.params.get(k)
            for k in _TRUCE_IDENTITY
            if k in other.params and k in term.params
        ):
            return m
    return None


def paragraph_of(doc: Doc) -> list[int]:
    """Paragraph number of every token (paragraphs are separated by blank lines)."""
    numbers = []
    paragraph = 0
    for token in doc:
        numbers.append(paragraph)
        if token.is_space and token.text.count("\n") >= 2:
            paragraph += 1
    return numbers


class Content(AgreedProvisions, Offers):
    """Attaches term mentions to proposals."""

    def __init__(self, cues: ProposalCues):
        self.cues = cues

    def attach(self, doc: Doc, analysis: Analysis) -> bool:
        """Give each provision to its proposal; returns whether a proposal was added (a list
        of demands that makes a proposal of its own)."""
        analysis.extra["content_sentence"] = {}
        if not analysis.terms or not analysis.proposals:
            return False
        mention_at = {
            i: n
            for n, p in enumerate(analysis.proposals)
            for s, e in p.mentions
            for i in range(s, e)
        }
        targets = self._sentence_targets(doc, analysis, mention_at)
        lines = Lines(doc, self.cues.list_ordinals)
        before = len(analysis.proposals)
        list_targets = [
            self._list_target(doc, analysis, run, targets, mention_at) for run in lines.runs
        ]
        content = analysis.extra["content_sentence"]
        content.update(targets)
        for run, target in zip(lines.runs, list_targets, strict=True):
            for s, _e in run.items:
                if target is not None:
                    content.setdefault(doc[s].sent.start, target)
        first_mention = {
            n: min(s for s, _ in p.mentions) for n, p in enumerate(analysis.proposals) if p.mentions
        }
        references = analysis.extra.get("term_references", {})
        same_as: dict[int, int] = analysis.extra.setdefault("term_same_as", {})
        for n, term in enumerate(analysis.terms):
            if term.type == "ceasefire_extension" and self._agreed_by_sides(doc, analysis, term):
                continue  # "the two sides agreed to extend it": an agreement of its own (below)
            if (index := self._back_reference(doc, term, mention_at, first_mention)) is not None:
                same_as[n] = (
                    -1 - index
                )  # "violated the truce": the agreement itself, not a provision
                continue
            owner = self._owner_by_phrase(doc, term, mention_at)
            item_of = lines.run_at(term.start)
            if owner is None and item_of is not None:
                owner = list_targets[lines.runs.index(item_of)]
            if owner is None:
                owner = targets.get(doc[term.start].sent.start)
            if owner is not None:
                self._add(analysis, owner, n, references)
        return len(analysis.proposals) > before

    @staticmethod
    def _add(analysis: Analysis, proposal: int, n: int, references: dict[int, int]) -> None:
        """Attach term ``n``, unless it restates one the proposal has ("a six-month ceasefire …
        the ceasefire will last 180 days"): then its parameters complete that one. A text holds
        one truce of each kind: a second truce term that names no other start, length, area or
        phase restates the first ("agreed to a full ceasefire … to stop all firing from 5 p.m.").
        (``extra["term_same_as"]`` records the merge: term → the term it restates.)"""
        terms = analysis.proposals[proposal].terms
        if n in terms:
            return
        ref = references.get(n)
        seen = set()
        while ref is not None and ref not in seen:
            seen.add(ref)
            if ref in terms:
                break
            ref = references.get(ref)
        else:
            ref = restated_truce(analysis, terms, n)
        if ref is None:
            terms.append(n)
            return
        earlier = analysis.terms[ref]
        for key, value in analysis.terms[n].params.items():
            earlier.params.setdefault(key, value)
        analysis.extra.setdefault("term_same_as", {})[n] = ref

    @staticmethod
    def _back_reference(
        doc: Doc, term: TermMention, mention_at: dict[int, int], first_mention: dict[int, int]
    ) -> int | None:
        """The proposal a term merely names again ("the truce", "the ceasefire" after the
        agreement was first mentioned), stating nothing new about it; else None."""
        if term.params:
            return None
        for i in range(term.start, term.end):
            index = mention_at.get(i)
            if index is not None and doc[i].pos_ in ("NOUN", "PROPN"):
                start = next(s for s in range(term.start, term.end) if mention_at.get(s) == index)
                return index if start > first_mention[index] else None
        return None

    def _agreed_by_sides(self, doc: Doc, analysis: Analysis, term: TermMention) -> bool:
        """The term is what several actors "agreed to" ("had agreed to extend it by five days")."""
        for node in doc[term.start : term.end + 1][0].ancestors:
            if node.lemma_.lower() in ("agree", "decide") and node.pos_ == "VERB":
                subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
                return subject is not None and several_sides(doc, analysis, subject, self.cues)
            if node.dep_ in ("ROOT",):
                return False
        return False

    # -- which proposal a sentence describes ----------------------------------------------------

    def _sentence_targets(
        self, doc: Doc, analysis: Analysis, mention_at: dict[int, int]
    ) -> dict[int, int]:
        """Sentence start → the proposal whose content the sentence states."""
        paragraphs = paragraph_of(doc)
        targets: dict[int, int] = {}
        focus: int | None = None
        focus_paragraph = -1
        term_starts = {t.start for t in analysis.terms}
        previous: int | None = None  # the proposal the previous sentence stated the content of
        for sent in doc.sents:
            here = sorted({mention_at[i] for i in range(sent.start, sent.end) if i in mention_at})
            paragraph = paragraphs[sent.start]
            target = self._content_target(sent, focus, mention_at)
            if target is not None and not here and self._reported_act(doc, analysis, sent, target):
                target = None  # "Hamas has said it will not give up its weapons": its own position
            has_terms = any(sent.start <= i < sent.end for i in term_starts)
            if (
                target is None
                and focus is not None
                and has_terms
                and not self._reported_act(doc, analysis, sent, focus)
            ):
                if (
                    (paragraph == focus_paragraph or previous == focus)
                    and not here
                    and self._continues(sent)
                ):
                    target = focus  # "In return, Israel would free …", also in the next paragraph
                elif self._frames_phase(sent):
                    target = focus  # "During its first phase, …"
            previous = target
            if target is not None:
                targets[sent.start] = target
                focus, focus_paragraph = target, paragraph
            elif here:
                last = [i for i in here if not analysis.proposals[i].background]
                if last:
                    focus, focus_paragraph = last[-1], paragraph
        return targets

    def _content_target(
        self, sent: Span, focus: int | None, mention_at: dict[int, int]
    ) -> int | None:
        """The proposal whose content ``sent`` states, if it states one."""
        cues = self.cues
        for token in sent:
            index = mention_at.get(token.i)
            if index is None or token.pos_ not in ("NOUN", "PROPN"):
                continue
            head = token.head
            # "Under the package, …", "according to a copy of the agreement"
            if self._framed_by(token):
                return index
            # "The offer also calls for …", "the plan includes …", "the amendments would stretch …"
            if token.dep_ in ("nsubj", "nsubjpass") and (
                head.lemma_.lower() in cues.content_verbs | {"be", "have", "would"}
                or any(
                    c.dep_ == "aux" and c.lower_ in ("would", "will", "shall")
                    for c in head.children
                )
            ):
                return index
            # "… as set out in a plan drawn up by Egypt", "… according to the agreement"
            if token.dep_ == "pobj" and head.head.lemma_.lower() in cues.content_frames:
                return index
            # "the main provisions of the agreement are …", "the first phase of the ceasefire ended …"
            if (
                token.dep_ == "pobj"
                and head.lower_ == "of"
                and head.head.lemma_.lower() in cues.provision_nouns | cues.phase_words
                and head.head.dep_ in ("nsubj", "nsubjpass", "appos", "attr")
            ):
                return index
            # "it had decided on a complete ceasefire … and would deploy neutral units": what
            # an actor declares, with the commitments it couples to it
            if self._declaration(token) and any(
                c.dep_ == "conj" for c in self._declaring(token).children
            ):
                return index
        if focus is None:
            return None
        for token in sent:
            if (
                token.lower_ in ("it", "they")
                and token.dep_ in ("nsubj",)
                and token.head.lemma_.lower() in cues.content_verbs
            ):
                return focus  # "It calls for …"
            owned = token.head.lemma_.lower()
            if token.lower_ in ("its", "their") and (
                owned in cues.phase_words
                or (
                    owned in cues.provision_nouns
                    and token.head.dep_ in ("nsubj", "nsubjpass", "ROOT")
                )
            ):
                return focus  # "During its first phase …", "Its main provisions are:" (not "approved its objectives")
            if (
                token.dep_ in ("nsubj", "nsubjpass")
                and token.lemma_.lower() in cues.provision_nouns
                and token.head.lemma_.lower() in cues.content_verbs | {"be"}
                and any(
                    c.lower_ in ("the", "its", "their")
                    for c in token.children
                    if c.dep_ in ("det", "poss")
                )
            ):
                return focus  # "the objectives include …", "The main points are …"
        return None

    def _declaring(self, token: Token) -> Token:
        return token.head.head if token.dep_ == "pobj" else token.head

    def _declaration(self, token: Token) -> bool:
        """``token`` is the truce a verb declares ("declared a ceasefire", "decided on a …")."""
        verb = self._declaring(token)
        return (
            token.lemma_.lower() in self.cues.agreement_heads
            and (token.dep_ == "dobj" or (token.dep_ == "pobj" and token.head.lower_ == "on"))
            and verb.lemma_.lower() in self.cues.declaration_verbs
        )

    def _framed_by(self, token: Token) -> bool:
        """``token`` sits in "under …", "according to …" or "as set out in …"."""
        node = token
        for _ in range(4):
            if node.dep_ != "pobj":
                return False
            prep = node.head
            if prep.lower_ == "under" or (prep.lower_ == "to" and prep.head.lower_ == "according"):
                return True
            if prep.lower_ == "in" and prep.head.lemma_.lower() in self.cues.content_frames - {
                "accord"
            }:
                return True
            node = prep.head if prep.head.pos_ in ("NOUN", "PROPN") else prep
            if node is prep:
                return False
        return False

    def _continues(self, sent: Span) -> bool:
        text = " " + sent.text.lower() + " "
        return any(f" {marker} " in text for marker in self.cues.markers) or any(
            t.lower_ in ("return", "exchange") and t.head.lower_ == "in" for t in sent
        )

    def _frames_phase(self, sent: Span) -> bool:
        """ "During its first phase, …", "A third phase would …": a numbered phase that is the
        sentence's subject or frames its main clause."""
        cues = self.cues
        for t in sent:
            if t.lemma_.lower() not in cues.phase_words:
                continue
            if not any(
                c.lower_ in cues.ordinals or c.like_num
                for c in t.children
                if c.dep_ in ("amod", "nummod", "compound")
            ):
                continue
            if t.dep_ in ("nsubj", "nsubjpass"):
                return True
            if (
                t.dep_ == "pobj"
                and t.head.lower_ in ("during", "in", "within", "for", "at")
                and t.head.head.pos_ in ("VERB", "AUX")
            ):
                return True
        return False

    def _reported_act(self, doc: Doc, analysis: Analysis, sent: Span, focus: int) -> bool:
        """ "Hours later it announced that aid would be halted", "Smotrich threatened to quit if
        …": an actor reporting what it does, not the text of a proposal. The proposal's own
        author saying what it offers ("the group said it was ready to free …") states it."""
        root = sent.root
        if root.lemma_.lower() not in self.cues.report_verbs:
            return False
        subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON":
            return False  # "…, they said": the sources, whose side a pronoun does not tell
        speakers = actors_of(doc, analysis, subject)
        return bool(speakers) and analysis.proposals[focus].proposer not in speakers

    # -- lists ------------------------------------------------------------------------------------

    def _list_target(
        self,
        doc: Doc,
        analysis: Analysis,
        run: ListRun,
        targets: dict[int, int],
        mention_at: dict[int, int],
    ) -> int | None:
        """The proposal a list's items belong to: the one its intro states the content of
        ("Under the deal:"), else the one named in the intro or just before it ("What's in the
        proposal? According to Netanyahu's office:"), else a list of demands makes a proposal
        of the actor who sets it out ("Its foreign ministry listed what it wants:")."""
        intro = doc[run.intro_start : run.intro_end]
        last = next((t for t in reversed(intro) if not t.is_space), intro[-1])
        sent = last.sent
        if sent.start in targets:
            return targets[sent.start]
        if (demand := self._demand_list(doc, analysis, sent)) is not None:
            return demand
        named = [mention_at[i] for i in range(sent.start, sent.end) if i in mention_at]
        if not named and sent.start > 0:
            previous = doc[sent.start - 1].sent
            named = [mention_at[i] for i in range(previous.start, previous.end) if i in mention_at]
        return named[-1] if named else None

    @staticmethod
    def _owner_by_phrase(doc: Doc, term: TermMention, mention_at: dict[int, int]) -> int | None:
        """The proposal whose mention's phrase contains the term ("a proposal for a … ceasefire")."""
        node = doc[term.start]
        for _ in range(6):
            if node.i in mention_at:
                return mention_at[node.i]
            if node.head.i == node.i:
                return None
            node = node.head
        return None
