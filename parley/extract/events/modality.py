"""Negation, modality, conditions and time of a cue's clause; what is not news.

Negated acts, hypotheticals, questions, habits and long-past acts, press lines, the content
of a proposal ("Under the deal, Israel would withdraw …") and of a reported claim are not
events (ANNOTATION.md, Events).
"""

from __future__ import annotations

from spacy.tokens import Token

from .base import Status
from .dates import date_of_clause
from .referents import Referents
from .syntax import NOUN_POS, PAST_MODIFIERS, SUBJECTS, VERB_POS, ancestors


class Modality(Referents):
    """Is the clause of a cue a real, reported act?"""

    def _status(self, anchor: Token) -> Status:
        """Negation, modality and conditions of the clause of ``anchor``; a non-finite
        clause ("a role in brokering", "agreeing only on …") takes those of its governor."""
        lex = self.lex
        status = Status()
        node = anchor
        auxes: list[str] = []
        for step in range(6):
            for child in node.children:
                dep, low = child.dep_, child.lower_
                if dep == "neg" or (dep in ("advmod", "aux") and low in ("never", "not", "n't")):
                    status.negated = True
                elif dep in ("aux", "auxpass"):
                    auxes.append(low)
                    if low in lex.future_modals:
                        status.future = True
                    elif low in lex.hypothetical_modals:
                        status.hypothetical = True
                    elif low in lex.obligation_modals:
                        status.obligation = True
                elif dep == "mark" and low in ("if", "unless", "whether", "until", "once", "lest") and step == 0:
                    status.hypothetical = True
                elif dep == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in child.children):
                    status.conditioned = True
                elif dep in ("nsubj", "nsubjpass", "dobj") and any(d.dep_ == "det" and d.lower_ == "no" for d in child.children):
                    status.negated = True
            infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children)
            if step == 0 and node.tag_ == "VBG" and node.dep_ == "pcomp" and node.head.head.pos_ in NOUN_POS:
                status.hypothetical = True  # "blueprints for ending the war"
            if step == 0 and node.dep_ == "relcl" and node.tag_ in ("VBP", "VBZ") and not any(c.dep_ == "aux" for c in node.children):
                status.hypothetical = True  # "members who commit to peaceful coexistence": generic
            if step == 0 and (
                (node.dep_ == "pcomp" and node.head.lower_ == "before")
                or (node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "before" for c in node.children))
            ):
                status.hypothetical = True  # "before giving its answer": not yet done
            if step == 0 and infinitive and node.dep_ in ("acl", "advcl", "relcl"):
                head_aux = {c.lower_ for c in node.head.children if c.dep_ == "aux"}
                if node.dep_ == "advcl" and head_aux & lex.future_modals:
                    status.future = True  # "would work to ensure …"
                else:
                    status.hypothetical = True  # a purpose: "a proposal … to end the war"
            if node.head.i == node.i:
                break
            head = node.head
            hl = head.lemma_.lower()
            if node.dep_ in ("xcomp", "acomp"):
                if hl in lex.future_heads or head.lower_ in lex.future_heads:
                    status.future = True
                if hl in self.f.classes["expectation_heads"] or head.lower_ in self.f.classes["expectation_heads"]:
                    status.expected = True
                if any(c.dep_ == "advmod" and c.lower_ == "yet" for c in head.children) or hl == "yet":
                    status.negated = True  # "has yet to be signed"
                elif hl in lex.obligation_verbs and infinitive:
                    status.obligation = "would" not in auxes
                if hl == "be" and infinitive:
                    status.future = True  # "were to meet"
                if hl == "fail" and node.i not in self.trigger_at:
                    status.negated = True
                node = head
                continue
            finite = any(c.dep_ in SUBJECTS for c in node.children) or any(
                c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in node.children
            )
            if not finite and node.dep_ in ("pcomp", "pobj", "prep", "dobj", "conj", "advcl") and (
                node.dep_ != "advcl" or not any(c.dep_ == "mark" for c in node.children)
            ):
                node = head
                continue
            break
        if anchor.tag_ == "VB" and anchor.dep_ == "ccomp" and any(c.dep_ in SUBJECTS for c in anchor.children) and not any(
            c.dep_ in ("aux", "auxpass") for c in anchor.children
        ):
            status.hypothetical = True  # "insisted that talks begin at once": a mandate, not an act
        if "would" in auxes and "have" in auxes and anchor.tag_ == "VBN":
            status.hypothetical = True  # "would have prolonged the truce"
        for ancestor in (anchor, *ancestors(anchor, 4)):
            marks = {c.lower_ for c in ancestor.children if c.dep_ == "mark"}
            if ancestor.dep_ in ("advcl", "ccomp") and marks & {"if", "unless", "until", "whether", "once"}:
                status.hypothetical = True
                break
        if anchor.dep_ in ("ccomp", "xcomp") and self.doc[anchor.left_edge.i].lower_ in lex.question_words:
            status.question = True
        return status

    def _intended(self, anchor: Token) -> bool:
        """Under a verb of intent ("plans to release", "is set to withdraw")."""
        node = anchor
        for _ in range(3):
            if node.dep_ not in ("xcomp", "acomp") or node.head.i == node.i:
                return False
            node = node.head
            if node.lemma_.lower() in self.f.classes["intent"] and node.lemma_.lower() != "be":
                return True
        return False

    def _auxes(self, anchor: Token) -> list[str]:
        out = []
        node = anchor
        for _ in range(3):
            out += [c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")]
            if node.dep_ in ("xcomp", "acomp") and node.head.i != node.i:
                node = node.head
                continue
            if node.dep_ == "conj" and node.head.pos_ in VERB_POS and not any(c.dep_ in SUBJECTS for c in node.children):
                node = node.head  # "would pull back … and then withdraw"
                continue
            break
        return out

    def _habitual(self, anchor: Token) -> bool:
        """"which mediated over the conflict for three decades", "have mediated since the war
        began", "refused … in past exchanges", "has repeatedly refused": not news."""
        if any(c.dep_ == "advmod" and c.lower_ in self.f.classes["habitual_adverbs"] for c in anchor.children):
            return True
        for child in anchor.children:
            if child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since" for m in child.children) and not any(
                t.tag_ in ("JJS", "RBS") for t in self.doc[min(anchor.i, child.i) : max(anchor.i, child.i)]
            ):
                return True  # not "the deadliest fighting since the war began": the superlative's span
            if child.dep_ == "prep" and child.lower_ in ("in", "during", "at"):
                if any(g.dep_ == "pobj" and any(a.lower_ in PAST_MODIFIERS for a in g.children) for g in child.children):
                    return True
        planned = any(w in self.lex.future_modals for w in self._auxes(anchor))
        shared = [anchor]
        while len(shared) < 4 and shared[-1].head.pos_ in ("VERB", "AUX") and (shared[-1].dep_ == "conj" or (
            shared[-1].dep_ == "advcl" and not any(c.dep_ in ("mark", "nsubj", "nsubjpass", "aux") for c in shared[-1].children)
        )):
            shared.append(shared[-1].head)  # "For six weeks the Kremlin warned, cajoled and brokered …"
        for child in (c for verb in shared for c in verb.children):
            if child.dep_ == "prep" and child.lower_ in ("for", "over") and not (planned and child.lower_ == "for"):
                # ("would halt operations for one month": the length of what is declared)
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in ("decade", "year", "century", "month", "week") and any(
                        c.dep_ in ("nummod", "amod") for c in obj.children
                    ):
                        return True
        return False

    def _temporal_clause(self, anchor: Token) -> bool:
        """"after the ceasefire came into force", "within hours of it taking effect"."""
        for node in (anchor, *ancestors(anchor, 2)):
            if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.lex.temporal_marks for c in node.children):
                return True
            if node.dep_ == "pcomp" and node.head.lower_ in ("of", "after", "before", "since", "following"):
                return True
        return False

    def _time_of_plan(self, anchor: Token) -> bool:
        """"weapons are to be handed over at the same time as foreign forces pull out": a
        temporal clause under a planned or promised act times the plan; it is no act."""
        for node in (anchor, *ancestors(anchor, 2)):
            if node.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.lex.temporal_marks for c in node.children):
                head = node.head
                status = self._status(head)
                auxes = {c.lower_ for c in head.children if c.dep_ in ("aux", "auxpass")}
                planned = head.lemma_.lower() == "be" and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in head.children)
                return status.future or status.hypothetical or status.obligation or planned or bool(auxes & {"to"})
        return False

    def _press_line(self, token: Token) -> bool:
        words = self.f.classes["press_lines"]
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in words for c in token.children)

    def _in_content(self, token: Token) -> bool:
        """A word in a sentence stating a proposal's content, outside the proposal's own
        phrase; or a verb whose subject is a proposal ("the Israeli plan sought …")."""
        for node in (token, *ancestors(token, 6)):
            if node.dep_ == "relcl" and any(
                c.dep_ == "prep" and c.lower_ == "under" and any(g.lower_ in ("which", "whom") for g in c.children)
                for c in node.children
            ):
                return True  # "the Pretoria accord, under which they agreed to …": the accord's content
            # "the Israeli plan sought …", "… said it calls for … the two sides accepting the deal"
            if node.dep_ in ("acl", "relcl") and node.head.i in self.proposal_at and node.head.pos_ in NOUN_POS:
                break  # "Witkoff's proposal, sent to Hamas …, provides for …": the sending is news
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subject is None or node.lemma_.lower() not in self.f.classes["content_verbs"]:
                continue
            if subject.i in self.proposal_at or subject.lemma_.lower() in self.f.classes["proposal"]:
                return True
            if subject.lower_ in ("it", "which") and any(
                i in self.proposal_at for i in range(token.sent.start, subject.i)
            ):
                return True

        sent = token.sent
        if sent.start not in self.content or self._new_paragraph_between(sent.start, token.i):
            return False
        node = token
        for _ in range(4):
            if node.dep_ in ("acl", "relcl") and node.head.i in self.proposal_at and node.head.pos_ in NOUN_POS:
                return False  # "Witkoff's proposal, sent to Hamas …"
            if node.head.i == node.i:
                break
            node = node.head
        return True

    def _new_paragraph_between(self, start: int, end: int) -> bool:
        """A paragraph that opens after a full stop between ``start`` and ``end`` (the parser
        may run one sentence across paragraphs; a list after "Under the deal:" stays one)."""
        if self.paragraph[start] == self.paragraph[end]:
            return False
        for i in range(start + 1, end):
            t = self.doc[i]
            if t.is_space and t.text.count("\n") >= 2:
                before = next((self.doc[j] for j in range(i - 1, start - 1, -1) if not self.doc[j].is_space), None)
                if before is not None and before.text in (".", "!", "?", '"', "”"):
                    return True
        return False

    def _claimed(self, anchor: Token) -> bool:
        """The content of a claim named by a noun ("Petro's announcement that it had agreed")."""
        for node in (anchor, *ancestors(anchor, 3)):
            if node.dep_ in ("acl", "ccomp") and node.head.pos_ in NOUN_POS and node.head.lemma_.lower() in self.f.classes["claim_nouns"]:
                return True
            if node.dep_ == "ccomp" and node.head.lemma_.lower() in self.f.classes["denial_verbs"]:
                return True  # "denied … that it had agreed to a ceasefire"
            if node.pos_ in VERB_POS and node is not anchor:
                return False
        return False

    # -- descriptions ----------------------------------------------------------------------

    def _described(self, anchor: Token) -> Token | None:
        """The noun a participle or relative clause describes ("a truce *brokered* by …",
        "Egypt, which *brokered* …", "a U.S.-*brokered* declaration"), or None."""
        stray = self._stray_participle(anchor)
        if stray is not None:
            return stray
        if anchor.dep_ in ("acl", "relcl", "amod") and anchor.head.pos_ in NOUN_POS:
            return anchor.head
        return None

    def _describes_deal(self, anchor: Token) -> bool:
        """Brokering told as a description of a deal or of its broker, not as news: "a truce
        brokered by the US earlier this month", "Egypt and Qatar, which brokered the January
        agreement", "thanked Oman for helping to broker it" ("talks brokered by the AU" and
        "The deal was brokered by …" are news)."""
        noun = self._described(anchor)
        if noun is None:
            for node in (anchor, *ancestors(anchor, 3)):
                if node.dep_ == "pcomp" and node.head.lower_ == "for":
                    return True  # the reason for thanks or praise
                if node.dep_ not in ("xcomp", "pcomp"):
                    break
            return False
        if self._in_class([noun], "meeting") or (
            noun.dep_ == "pobj" and noun.head.dep_ == "prep" and self._in_class([noun.head.head], "meeting")
        ):
            return False  # "talks in Putrajaya mediated by …": the parser hung it on the place
        if anchor.dep_ == "relcl" and self._is_actor_head(noun):
            # "Beijing, which brokered and hosted the talks": the talks are news
            objects = [c for c in anchor.children if c.dep_ == "dobj"]
            objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
            if self._in_class(objects, "meeting"):
                return False
            return date_of_clause(self.doc, self.analysis, anchor) is None or bool(objects)
        return True
