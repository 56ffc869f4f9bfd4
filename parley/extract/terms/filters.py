"""Filters: mentions that are not provisions, and provisions named twice.

Recall comes first (the proposal component keeps only the terms that sit in a proposal's
context), so the filters are narrow:

- a truce noun ("ceasefire", "truce", "pause", "halt to the fighting") is always kept, with any
  modifier, in any sentence: "violated the ceasefire", "ceasefire talks", "the truce that took
  effect last November" are mentions the proposal component places or drops;
- a released group is always kept, even when the release is reported as done;
- other cues are dropped when they are asked about ("whether the truce would hold"), name the
  people of a list rather than a release ("lists of prisoners"), only qualify a proposal noun
  ("hostage release deal"), report an act that is not a provision (:mod:`.conditions`), or
  are a bare noun that a verb of reference names ("welcomed the withdrawal");
- two cues of one type that name one provision make one term (:meth:`Filters._nested`), and a
  term that is the agenda of talks, the content of a guarantee or the purpose of a pause
  becomes that term's parameter (:meth:`Filters._absorb`).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from .candidate import AGENDA_VERBS, CESSATION, DETAINEES, Cand
from .syntax import ancestors, children, verbal

_QUESTION_WORDS = frozenset({"how", "whether", "why"})


class Filters:
    """A mixin of :class:`TermFinder` (reads ``self.w`` and the conditions of
    :class:`~parley.extract.terms.conditions.Conditions`)."""

    def _not_provision(self, doc: Doc, cand: Cand, analysis: Any) -> bool:
        token = doc[cand.anchor]
        if cand.type in CESSATION and not verbal(token):
            return False  # every truce noun is a mention; the proposal component places it
        # "how a ceasefire would be monitored", "whether it obliges …", "which prisoners …"
        for node in [token, *ancestors(token, 3)]:
            if any(
                c.lower_ in _QUESTION_WORDS and c.dep_ in ("advmod", "mark") for c in node.children
            ):
                return True
            if node.pos_ in ("NOUN", "PROPN") and any(
                t.lower_ in ("which", "what", "how") and t.dep_ in ("det", "amod", "advmod")
                for t in doc[node.left_edge.i : node.i]
            ):
                return True
            if node.pos_ in ("VERB", "AUX") and node.i != token.i:
                break
        # "lists of prisoners", "the families of hostages": people named, no release stated
        if (
            cand.type in DETAINEES
            and token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.pos_ == "NOUN"
        ):
            if not self._is(token.head.head, "quantity_nouns|release|remains_nouns"):
                return True
        # "the terms of the truce", "violations of the ceasefire"
        if (
            token.dep_ == "pobj"
            and token.head.lower_ == "of"
            and token.head.head.lemma_.lower() in self.w["frame_heads"]
            and token.head.head.i not in range(cand.start, cand.end)
        ):
            return True
        # "a Gaza ceasefire and hostage release agreement": a title
        if token.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "conj"
            and c.lemma_.lower() in self.w["frame_heads"]
            and any(g.dep_ == "compound" for g in c.children)
            for c in token.children
        ):
            return True
        # "ceasefire talks", "hostage release deal": the cue only names a negotiation (but a
        # "guarantee document" is a guarantee)
        node = token
        while cand.type != "guarantees" and (
            node.dep_ in ("compound", "conj", "amod", "nmod")
            and node.head.i != node.i
            and node.head.pos_ in ("NOUN", "PROPN")
        ):
            node = node.head
            if node.lemma_.lower() in self.w["frame_heads"] and node.i not in range(
                cand.start, cand.end
            ):
                return True
        if cand.type in DETAINEES and not verbal(token):
            return False  # a release that happened is a release carried out: it is kept
        return self._reported_act(token)

    def _absorb(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        """Drop terms that are the topic of talks, the content of a guarantee or the purpose
        of a pause; they become that term's parameter."""
        keep = []
        talks = [c for c in cands if c.type == "negotiation_process"]
        guarantees = [c for c in cands if c.type == "guarantees" and doc[c.anchor].pos_ == "VERB"]
        pauses = [c for c in cands if c.type == "humanitarian_pause"]
        for cand in cands:
            token = doc[cand.anchor]
            if cand.cue.type in CESSATION and not verbal(token):
                keep.append(cand)  # "talks on a ceasefire": the agenda, and a truce mention
                continue
            absorbed = False
            for node in [token, *ancestors(token, 4)]:
                if node.dep_ == "pobj" and node.head.lower_ in self.w["agenda_preps"]:
                    owner = node.head.head
                    if self._is(owner, "negotiation_heads") or owner.lemma_.lower() in (
                        "start",
                        "launch",
                        "resumption",
                    ):
                        if any(t is not cand and t.span[0] <= owner.i < t.span[1] for t in talks):
                            absorbed = cand.type != "negotiation_process"
                    break
                if node.dep_ not in ("conj", "pobj", "prep", "compound", "amod"):
                    break
            for t in talks:  # "another round … to prepare a meeting between …": its agenda
                talk = doc[t.anchor]
                verb = talk.head if talk.dep_ in ("dobj", "nsubj", "nsubjpass") else talk
                for sub in [
                    *children(talk, "acl", "relcl", "advcl"),
                    *children(verb, "advcl", "xcomp"),
                ]:
                    if (
                        t is not cand
                        and sub.i > talk.i
                        and sub.lemma_.lower() in AGENDA_VERBS
                        and sub.left_edge.i <= cand.anchor <= sub.right_edge.i
                    ):
                        absorbed = True
            for g in guarantees:
                for comp in children(doc[g.anchor], "ccomp"):
                    if g is not cand and comp.left_edge.i <= cand.anchor <= comp.right_edge.i:
                        absorbed = True
            for p in pauses:
                pause = doc[p.anchor]
                subs = [
                    *children(pause, "advcl", "acl"),
                    *[c for c in ancestors(pause, 1) for c in children(c, "advcl")],
                ]
                subs += [c for c in children(pause, "prep") if c.lower_ == "for"]
                for sub in subs:
                    if (
                        p is not cand
                        and sub.left_edge.i <= cand.anchor <= sub.right_edge.i
                        and sub.i > pause.i
                    ):
                        purpose = self.lex.pause_purposes.get(cand.type)
                        if purpose:
                            p.params.setdefault("purpose", purpose)
                        absorbed = True
            if not absorbed:
                keep.append(cand)
        return keep

    def _mere_reference(self, doc: Doc, cand: Cand) -> bool:
        """ "the truce", "violated a ceasefire", "welcomed the ceasefire": an agreement named,
        nothing stated about it."""
        token = doc[cand.anchor]
        if token.pos_ not in ("NOUN", "PROPN") or cand.cue_id.endswith("+conj"):
            return False
        if cand.cue.type in CESSATION:
            return False  # every truce noun is a mention: "the truce", "violated the ceasefire"
        if cand.type in DETAINEES and cand.frame is not None:
            return False  # "to free the hostages": the release is what is stated
        own = {
            k
            for k in cand.params
            if k not in cand.cue.params and k not in ("covered_actors", "area")
        }
        if cand.params.get("unilateral") is False:
            own.discard("unilateral")
        if own:
            return False
        if any(c.tag_ == "JJS" for c in token.children):
            return True  # "the longest truce the two sides have agreed"
        bare = all(c.dep_ in ("det", "poss", "punct", "predet") for c in token.children)
        referenced = self._frame(token, "reference_verbs", None, limit=3) is not None
        return bare and referenced  # "welcomed the withdrawal"; not "the withdrawal" as such

    def _nested(self, doc: Doc, cands: list[Cand]) -> list[Cand]:
        """One term where two cues of one type name one provision ("the next round of talks")."""
        out = []
        by_anchor = {c.anchor: c for c in cands}
        for cand in cands:
            node = doc[cand.anchor]
            inner = (  # "monitor and verify implementation": one provision, two verbs
                node.pos_ == "VERB"
                and node.dep_ == "conj"
                and node.head.i in by_anchor
                and by_anchor[node.head.i].type == cand.type
                and not children(node.head, "dobj")
            )
            path = node
            for _ in range(4):
                if inner or path.dep_ == "conj" or path.head.i == path.i:
                    break
                path = path.head
                other = by_anchor.get(path.i)
                if other is not None and other.type == cand.type:
                    inner = True
            rel = next((a for a in [node, *ancestors(node, 3)] if a.dep_ == "relcl"), None)
            if not inner and rel is not None and rel.head.dep_ in ("nsubj", "nsubjpass"):
                # "fighters who commit to peaceful coexistence would be granted amnesty": the
                # relative clause says who benefits from the other term
                verb = rel.head.head
                inner = any(
                    o is not cand and o.type == cand.type and doc[o.anchor].head.i == verb.i
                    for o in cands
                )
            if not inner and node.dep_ == "pobj" and node.head.dep_ == "agent":
                # "violations will be examined by a joint subcommittee": the agent of a verb
                # whose subject is a term of the same type names the same provision
                verb = node.head.head
                inner = any(
                    o is not cand
                    and o.type == cand.type
                    and doc[o.anchor].head.i == verb.i
                    and doc[o.anchor].dep_ in ("nsubj", "nsubjpass")
                    for o in cands
                )
            if not inner and cand.type in ("hostage_release", "prisoner_release"):
                # "the remains of 28 hostages": whose bodies are returned, no release of people
                owner = node.head.head if node.dep_ == "pobj" and node.head.lower_ == "of" else None
                found = by_anchor.get(owner.i) if owner is not None else None
                inner = found is not None and found.type == "remains_and_missing"
            if not inner and cand.type == "humanitarian_access":
                inner = _purpose_of_truce(node, by_anchor)  # "a truce to let aid reach …"
            if not inner:
                out.append(cand)
        return out

    # -- phases ------------------------------------------------------------------------------


def _purpose_of_truce(node: Token, by_anchor: dict[int, Cand]) -> bool:
    """ "a three-month truce to let aid reach all parts of the country": aid that a truce is
    for is the truce's purpose, not a provision of its own."""
    for verb in [node, *ancestors(node, 3)]:
        if verb.dep_ in ("acl", "advcl", "relcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
        ):
            # the truce the clause hangs on, or the one just before it ("calls for a truce |
            # to let aid reach …", where the parser hung the clause on "calls")
            truce = by_anchor.get(verb.head.i) or by_anchor.get(verb.left_edge.i - 1)
            return (
                truce is not None and truce.type in CESSATION and not verbal(node.doc[truce.anchor])
            )
    return False
