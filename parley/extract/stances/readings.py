"""Readings of a cue's wording that refine who holds a stance, what it is about and which
stance it is: the cue's own reading and what its negation means, "persuaded X to accept",
"insisted there was no agreement", "says it never agreed", "agreed to anything", "in
principle", "approved its objectives", "would accept no deal that …", breach nouns and verbs
that claim no breach of an agreement, a claim rejected, a proposal as the subject, a
cabinet's approval."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..analysis import Analysis
from ..coref import actors_of
from .cues import Cue
from .lexicon import StanceCues
from .syntax import clause_of, in_quotes, negated, subject_of
from .targets import Target

__all__ = ["Readings"]


class Readings:
    """Word-level tests on a cue and its arguments (word classes from ``stances.json``)."""

    def __init__(self, cues: StanceCues, agreement_words: frozenset[str] | set[str]):
        self.cues = cues
        self.agreement_words = agreement_words

    def persuaded(self, doc: Doc, analysis: Analysis, anchor: Token) -> list[str]:
        """ "persuaded them to accept the plan": an implicative verb in the past says the
        persuaded side took the stance (unlike "urged them to accept")."""
        head = anchor.head
        if (
            anchor.dep_ != "xcomp"
            or head.lemma_.lower() not in self.cues.implicative_verbs
            or head.tag_ not in ("VBD", "VBN")
        ):
            return []
        if any(
            c.dep_ in ("neg", "aux")
            and c.lower_ in ("not", "n't", "never", "to", "will", "would", "could", "might")
            for c in head.children
        ):
            return []  # "failed to persuade them", "would persuade them": no stance taken
        persuader = subject_of(head)
        persuaders = set(actors_of(doc, analysis, persuader)) if persuader is not None else set()
        return [
            a
            for c in head.children
            if c.dep_ == "dobj"
            for a in actors_of(doc, analysis, c)
            if a not in persuaders
        ]

    @staticmethod
    def names_proposal(analysis: Analysis, anchor: Token, target: Target) -> bool:
        """The cue's object is a proposal of the article (or one of its provisions)."""
        proposal_at = analysis.extra.get("proposal_at", {})
        objects = [c for c in anchor.children if c.dep_ in ("dobj", "prep", "nsubjpass")]
        return target.direct or any(t.i in proposal_at for c in objects for t in c.subtree)

    def no_agreement(self, anchor: Token) -> bool:
        """ "insisted there was no agreement": the clause denies that a deal exists."""
        for clause in (c for c in anchor.children if c.dep_ == "ccomp"):
            if any(c.dep_ == "expl" for c in clause.children):
                for attr in (c for c in clause.children if c.dep_ in ("attr", "dobj", "nsubj")):
                    if attr.lemma_.lower() in self.agreement_words and any(
                        c.dep_ == "det" and c.lower_ == "no" for c in attr.children
                    ):
                        return True
        return False

    def anything(self, anchor: Token) -> bool:
        """ "nobody has agreed to anything": a denial of any position, the proposal in focus."""
        objects = [c for c in anchor.children if c.dep_ in ("dobj", "prep")]
        return any(t.lower_ in self.cues.indefinite_objects for c in objects for t in c.subtree)

    @staticmethod
    def in_principle(anchor: Token) -> bool:
        """ "agreed in principle", also with the words in quotation marks."""
        words = [t.lower_ for t in clause_of(anchor) if not t.is_punct]
        return any(a == "in" and b == "principle" for a, b in zip(words, words[1:], strict=False))

    def aims_only(self, anchor: Token) -> bool:
        """The object is a proposal's aims, not its text ("approved its objectives", "endorsed the
        aims of the plan"): the framework is backed, the details left open."""
        return anchor.pos_ == "VERB" and any(
            c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in self.cues.aim_nouns
            for c in anchor.children
        )

    def no_breach_claimed(self, analysis: Analysis, noun: Token) -> bool:
        """A breach noun that claims no breach of an agreement: a hypothetical one ("any breach",
        "would treat it as a breach", "what counts as a violation") or one of something else
        ("a violation of its sovereignty")."""
        if any(
            c.dep_ == "det" and c.lower_ in self.cues.hypothetical_determiners
            for c in noun.children
        ):
            return True
        proposal_at = analysis.extra.get("proposal_at", {})
        for prep in (c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"):
            objects = [g for g in prep.children if g.dep_ == "pobj"]
            if objects and not any(
                t.i in proposal_at
                or t.lemma_.lower() in self.agreement_words
                or t.lower_ in ("it", "terms")
                for g in objects
                for t in g.subtree
            ):
                return True
        head = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "as" else None
        if head is not None and head.pos_ in ("VERB", "AUX"):
            return head.lemma_.lower() in self.cues.hypothetical_verbs or any(
                c.dep_ == "aux" and c.lower_ in self.cues.refusal_modals for c in head.children
            )
        return False

    def says_itself(self, analysis: Analysis, anchor: Token, actors: list[str]) -> bool:
        """ "Kyiv says it never agreed to a start date": the actor denies a position it is said to
        hold (the side's pronoun as subject under the same actor's speech verb, no modal; a person's
        "he had not agreed to …" is his own account, not a denial of a report)."""
        subject = next((c for c in anchor.children if c.dep_ == "nsubj"), None)
        if anchor.dep_ != "ccomp" or subject is None or subject.lower_ not in ("it", "they", "we"):
            return False
        if any(c.dep_ == "aux" and c.lower_ in self.cues.refusal_modals for c in anchor.children):
            return False  # "said it would never agree": a refusal
        speech = anchor.head
        if (
            speech.i not in analysis.source_of_verb
            and speech.lemma_.lower() not in self.cues.speech_verbs
        ):
            return False
        speaker = next((c for c in speech.children if c.dep_ == "nsubj"), None)
        return speaker is not None and bool(
            set(actors_of(anchor.doc, analysis, speaker)) & set(actors)
        )

    @staticmethod
    def none_that(anchor: Token) -> str | None:
        """ "would accept no agreement that infringed on Lebanese sovereignty": the kind of deal
        refused is the condition of an acceptance."""
        for obj in (
            c
            for c in anchor.subtree
            if c.dep_ in ("dobj", "pobj")
            and c.head.i in (anchor.i, *(p.i for p in anchor.children))
        ):
            if any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
                clause = next((c for c in obj.children if c.dep_ == "relcl"), None)
                if clause is not None:
                    return (
                        anchor.doc[clause.left_edge.i : clause.right_edge.i + 1]
                        .text.removeprefix("that ")
                        .strip()
                    )
        return None

    def reading(self, doc: Doc, cue: Cue) -> tuple[str, bool] | None:
        """The cue's stance and whether it is negated; None when it states none. "?" cues mean
        something only negated ("has not received"); "!" cues read their negation themselves."""
        stance, is_negated = cue.stance, negated(doc, cue)
        if cue.label in ("red line", "non - starter") and doc[cue.end - 1].dep_ not in (
            "attr",
            "acomp",
            "ROOT",
        ):
            return None  # "respected Kinshasa's red lines" is no rejection
        if not stance.startswith("!") and any(
            c.dep_ == "mark" and c.lower_ == "whether" for c in cue.anchor.children
        ):
            return None  # "has not said whether it will back the proposal": an open question
        if cue.label == "in principle" and cue.anchor.head.lemma_.lower() in self.cues.verbs:
            return None  # "agreed in principle": the verb's own cue reads it
        if (
            cue.anchor.lemma_.lower() == "sign"
            and any(c.dep_ == "prt" for c in cue.anchor.children)
            and any(c.dep_ == "prep" and c.lower_ == "as" for c in cue.anchor.children)
        ):
            return None  # "signed on as guarantors": a role taken, not a signature
        if stance == "?until":
            return "demands", False
        if stance.startswith("!"):
            return stance[1:], False
        if stance.startswith("?"):
            if not is_negated:
                return None
            return ("denies_receiving" if stance == "?receive" else "no_response"), False
        return stance, is_negated

    def rejects_a_claim(self, anchor: Token) -> bool:
        """ "rejected the accusation", "dismissed the claim that it had failed …"."""
        return anchor.pos_ == "VERB" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in self.cues.claim_nouns for c in anchor.children
        )

    @staticmethod
    def generic_subject(verb: Token) -> bool:
        """The verb's subject names no one in particular ("the parties", "both sides", "they")."""
        subject = subject_of(verb)
        return (
            subject is None
            or subject.lower_ in ("they", "both", "parties", "sides", "it")
            or any(t.lower_ in ("parties", "sides") for t in subject.subtree)
        )

    def breaches_agreement(self, analysis: Analysis, verb: Token) -> bool:
        """A breach verb whose object is an agreement ("violated the truce", "breaking it")."""
        proposal_at = analysis.extra.get("proposal_at", {})
        kinds = self.agreement_words
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass") or (
                child.dep_ == "prep" and child.lower_ == "of"
            ):
                for t in child.subtree:
                    if (
                        t.i in proposal_at
                        or t.lemma_.lower() in kinds
                        or t.lower_ in ("it", "them", "terms")
                    ):
                        return True
        return not any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)

    def object_of_cue(self, anchor: Token) -> bool:
        """A noun cue that is the object of a verb cue ("rejected that demand", "turned down
        Kyiv's call for …") reports a position the verb's stance answers."""
        if anchor.pos_ != "NOUN":
            return False
        head = anchor.head.head if anchor.dep_ == "pobj" else anchor.head
        return head.pos_ == "VERB" and (
            head.lemma_.lower() in self.cues.verbs or any(c.dep_ == "prt" for c in head.children)
        )

    def denies_a_position(self, analysis: Analysis, anchor: Token) -> bool:
        """ "denied reports it had agreed", "denied that it had rejected the plan"."""
        stance_words = set(self.cues.verbs) | {
            "receive",
            "respond",
            "agree",
            "sign",
            "accept",
            "reject",
        }
        for token in anchor.subtree:
            if token.i == anchor.i:
                continue
            if token.lemma_.lower() in stance_words or token.i in analysis.extra.get(
                "proposal_at", {}
            ):
                return True
            if token.lower_ in ("report", "reports", "claim", "claims", "announcement", "account"):
                return True
        return False

    @staticmethod
    def proposal_subject(analysis: Analysis, verb: Token) -> bool:
        """The cue states what a proposal says, not a position: its subject is the proposal
        ("It calls for …"), or it describes one ("a declaration committing them to …",
        "signed a declaration …, committing them to …")."""
        proposal_at = analysis.extra.get("proposal_at", {})
        if verb.dep_ in ("acl", "relcl") and verb.head.i in proposal_at:
            return True  # "a declaration … committing them to a permanent ceasefire"
        if (
            verb.dep_ == "advcl"
            and verb.tag_ == "VBG"
            and any(c.dep_ == "dobj" and c.i in proposal_at for c in verb.head.children)
        ):
            return True  # "signed a declaration of principles …, committing them to a ceasefire"
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None:
            return (
                False  # "the agreement was signed": a passive subject is what the stance is about
            )
        if subject.i in proposal_at:
            return True
        return subject.lower_ in ("it", "which") and verb.lemma_.lower() in (
            "call",
            "include",
            "provide",
            "require",
            "commit",
            "propose",
            "demand",
            "offer",
            "envisage",
            "stipulate",
        )

    def negated_stance(self, cue: Cue, stance: str) -> str | None:
        """What a negated cue means, if anything (never the plain opposite)."""
        anchor = cue.anchor
        own_side = any(
            c.lower_ in ("we", "i", "nobody", "no one", "none")
            for c in anchor.children
            if c.dep_ == "nsubj"
        )
        if (
            stance == "accepts"
            and own_side
            and not any(
                c.dep_ == "aux" and c.lower_ in ("will", "would", "can", "could")
                for c in anchor.children
            )
        ):
            return (
                "denies_report"  # "nobody had agreed to hand over weapons," a rebel delegate said
            )
        if stance in ("rejects",):
            quoted = in_quotes(anchor) or own_side
            return "denies_report" if quoted else None
        if stance == "signs":
            if any(c.lower_ == "until" for c in anchor.subtree):
                return "demands"
            return "denies_report"
        if stance in ("accepts", "accepts_in_principle") and any(
            c.lower_ in ("will", "would", "can", "could")
            for c in anchor.children
            if c.dep_ == "aux"
        ):
            if any(c.lower_ == "until" for c in anchor.subtree):
                return "demands"
            return "rejects"
        return None

    def body_subject(self, anchor: Token) -> bool:
        """A cabinet, parliament or government approves: a signature-type act."""
        subject = subject_of(anchor)
        return subject is not None and any(
            t.lower_ in self.cues.signing_bodies for t in subject.subtree
        )

    def generic(self, noun: Token) -> bool:
        """ "anyone", "whoever", "any side": no one in particular (a rule, not a claim)."""
        return noun.lower_ in self.cues.generic_heads or any(
            c.dep_ == "det" and c.lower_ in self.cues.hypothetical_determiners
            for c in noun.children
        )
