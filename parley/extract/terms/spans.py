"""Evidence spans: the shortest phrase that states each provision.

The cue's noun phrase (cut before the next term, a conjunction or "in exchange for"), the
clause when the cue is a verb or a released person ("Hamas would free five living hostages"),
and the predicate when the noun is its subject ("the ceasefire will last 180 days …", "living
hostages would be freed within five days"). A span never crosses a sentence or a line break.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .candidate import DETAINEES, Cand
from .syntax import (
    children,
    extent,
    subject_of,
    verbal,
)

_NP_STOP = frozenset({"conj", "cc", "appos", "parataxis"})
_CLAUSE_KEEP = frozenset(
    {
        "dobj",
        "prt",
        "prep",
        "xcomp",
        "advmod",
        "npadvmod",
        "acomp",
        "oprd",
        "dative",
        "attr",
        "agent",
        "ccomp",
        "neg",
        "dep",
        "nsubj",
        "nsubjpass",
        "pobj",
        "compound",
        "amod",
    }
)


class Evidence:
    """A mixin of :class:`TermFinder` (reads ``self.w`` and ``self._anchors``, the anchors of
    the other terms of the doc, set by the layout pass)."""

    def _core_start(self, doc: Doc, cand: Cand) -> int:
        token = doc[cand.anchor]
        if not verbal(token):
            start = token.left_edge.i
            head = token.head
            if (
                token.dep_ == "pobj"
                and head.lower_ == "of"
                and head.head.pos_ in ("NOUN", "PROPN", "NUM")
                and head.head.lemma_.lower() not in self.w["frame_heads"]
            ):
                start = min(
                    start, head.head.left_edge.i
                )  # "the release of prisoners" starts at "the"
            return min(cand.start, start)
        return min(cand.start, token.i)

    def _np_end(self, token: Token) -> int:
        end = token.i + 1
        comma = False
        for child in token.rights:
            if child.dep_ in _NP_STOP:
                break
            if child.dep_ == "punct":
                comma = comma or child.text == ","
                continue
            if child.dep_ == "prep" and exchange_prep(child):
                break
            if comma and child.dep_ not in ("prep",) and child.lower_ not in ("including", "among"):
                break  # "…, to be named …": an aside, not the provision
            end = max(end, extent(child))
        return end

    def _clause(self, verb: Token) -> tuple[int, int]:

        start = verb.i
        subject = subject_of(verb) if verb.dep_ not in ("acl", "relcl") else None
        if (
            subject is not None
            and subject.head.i != verb.i
            and verb.dep_ == "xcomp"
            and not children(verb.head, "nsubjpass", "dobj")
        ):
            subject = None  # "X agreed to exchange …": the evidence starts at "exchange"
        if subject is not None and subject.i < verb.i and verb.i - subject.left_edge.i <= 16:
            start = subject.left_edge.i
        for child in verb.lefts:
            if (
                child.dep_ in ("aux", "auxpass", "neg", "advmod", "nsubj", "nsubjpass")
                and verb.i - child.left_edge.i <= 16
            ):
                start = min(start, child.left_edge.i)
        end = verb.i + 1
        for child in verb.rights:
            if child.dep_ in ("punct",):
                continue
            if child.dep_ == "cc":
                continue
            if child.dep_ == "conj":
                others = getattr(self, "_anchors", set()) - {verb.i}
                if (
                    child.pos_ in ("VERB", "AUX")
                    and not children(child, "nsubj", "nsubjpass")
                    and not any(child.left_edge.i <= a <= child.right_edge.i for a in others)
                ):
                    end = max(end, self._clause(child)[1])
                    continue
                break
            if child.dep_ not in _CLAUSE_KEEP or (
                child.dep_ == "prep" and (exchange_prep(child) or child.lower_ == "according")
            ):
                break
            end = max(end, child.right_edge.i + 1)
        return start, end

    def _span(self, doc: Doc, cand: Cand, blockers: list[int]) -> tuple[int, int]:
        token = doc[cand.anchor]
        frame = doc[cand.frame] if cand.frame is not None else None
        scan_from = cand.anchor + 1
        if verbal(token):
            start, end = self._clause(token)
        else:
            start, end = token.left_edge.i, self._np_end(token)
            head = token.head
            if (
                token.dep_ == "pobj"
                and head.lower_ == "of"
                and head.head.pos_ in ("NOUN", "PROPN", "NUM")
                and head.head.i != cand.anchor
            ):
                outer = head.head  # "the release of …", "an agreed number of …", "the bodies of …"
                if (
                    outer.i not in self._anchors
                    and outer.lemma_.lower() not in self.w["frame_heads"]
                ):
                    start = outer.left_edge.i
                    end = max(end, self._np_end(outer))
                    if (
                        outer.dep_ == "pobj"
                        and outer.head.lower_ == "of"
                        and outer.head.head.pos_ == "NOUN"
                        and outer.head.head.i not in self._anchors
                        and outer.head.head.lemma_.lower() in self.w["release"]
                    ):
                        start = outer.head.head.left_edge.i
            framed = False
            if frame is not None and frame.pos_ in ("VERB", "AUX") and cand.type in DETAINEES:
                objects = [c for c in frame.children if c.dep_ in ("dobj", "nsubjpass")]
                first = objects[0] if objects else None
                if first is not None and (
                    first.i == token.i or (token.dep_ == "pobj" and first.i == token.head.head.i)
                ):
                    start = min(start, self._clause(frame)[0])
                    framed = True
                    if first.dep_ == "nsubjpass" and frame.i > token.i:
                        # "living hostages would be freed within five days"
                        end = max(end, self._clause(frame)[1])
                        scan_from = frame.i + 1
            if (
                cand.type in DETAINEES
                and token.dep_ in ("nsubj", "nsubjpass")
                and head.tag_ in ("VBN", "VBD")
                and self._is(head, "detention|abduction")
                and not children(head, "aux", "auxpass")
            ):
                end = max(end, head.right_edge.i + 1)  # "1,700 Gazans detained since the war began"
                scan_from = head.i + 1
            elif (
                not framed
                and token.dep_ in ("nsubj", "nsubjpass")
                and head.pos_ in ("VERB", "AUX")
                and head.lemma_.lower() not in self.w["speech_verbs"]
                and head.i not in self._anchors
            ):
                end = max(end, self._clause(head)[1])  # "the ceasefire will last 180 days"
                scan_from = head.i + 1
        if any(
            start <= a < cand.anchor for a in self._anchors if a != cand.anchor
        ) and token.pos_ in ("VERB", "AUX"):
            own = [
                c.i
                for c in token.lefts
                if c.dep_ in ("aux", "neg")
                and c.i > max(a for a in self._anchors if a < cand.anchor)
            ]
            start = min(
                [token.i, *own]
            )  # "… set up a hotline and to exchange lists": not the hotline
        start = min(start, cand.start)
        end = max(end, cand.end)
        sent = token.sent
        start, end = max(start, sent.start), min(end, sent.end)
        for i in range(cand.anchor + 1, end):  # the next term, a line break, "in exchange for"
            if (
                (i >= scan_from and i in blockers)
                or "\n" in doc[i].text
                or (
                    doc[i].lower_ == "in"
                    and i + 1 < len(doc)
                    and doc[i + 1].lower_ in ("exchange", "return")
                    and i > cand.anchor
                )
            ):
                end = i
                break
        for i in range(cand.anchor - 1, start - 1, -1):
            if "\n" in doc[i].text:
                start = i + 1
                break
        while start < cand.anchor and (
            doc[start].is_punct or doc[start].dep_ in ("cc", "prep", "mark") or doc[start].is_space
        ):
            start += 1
        while end > cand.anchor + 1 and (
            doc[end - 1].is_punct
            or doc[end - 1].is_space
            or doc[end - 1].dep_ in ("cc", "det", "prep", "mark", "poss", "aux", "auxpass")
            or doc[end - 1].lower_
            in ("and", "or", "that", "which", "who", "as", "well", "to", "be", "will", "would")
        ):
            end -= 1
        return start, max(end, cand.anchor + 1)

    # -- the pass ----------------------------------------------------------------------------


def exchange_prep(prep: Token) -> bool:
    """ "in exchange (for)", "in return (for)"."""
    return prep.lower_ == "in" and any(
        c.lower_ in ("exchange", "return") for c in prep.children if c.dep_ == "pobj"
    )
