"""Enumerations, phases and exchanges: the rules that relate one term to its neighbours.

- **Lists of released people.** Every item after a release verb or noun is a term, typed
  from its own cue or from the item before it (:meth:`Enumerations._releases`).
- **Phases.** A phase phrase that governs a term, or heads its clause or its line, numbers it;
  the number carries through the paragraph until another phase is named.
- **Exchanges.** "in exchange for" / "in return for" / "X for Y" after a release, and a
  sentence opening "In return, …", link both sides through ``TermMention.exchange_with``.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Token

from .candidate import DETAINEES, Cand, counterpart, derived_cue
from .matching import TokenCache
from .syntax import ancestors, children, conjuncts, governing_verb, pobjs, subject_of, verbal


def _counted(token: Token) -> bool:
    """The noun has a number of its own ("1,700 Gazans", "22 minors")."""
    return any(c.dep_ == "nummod" or c.like_num for c in token.lefts)


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_ALONG = frozenset({"along", "together", "alongside", "plus", "besides"})
_APPROX = frozenset(
    {
        "about",
        "some",
        "around",
        "nearly",
        "almost",
        "roughly",
        "approximately",
        "another",
        "over",
        "up",
        "to",
        "at",
        "least",
        "more",
        "than",
        "the",
        "all",
    }
)


class Enumerations:
    """Lists of released people, phases and exchanges (a mixin of :class:`TermFinder`: it
    reads ``self.w``, ``self.lex`` and ``self.registry``, and the word-class test ``_is``)."""

    def _releases(self, doc: Doc, cands: list[Cand], analysis: Any) -> list[Cand]:
        """People listed after a release verb or noun are released, each its own term.

        "would release 250 Palestinians serving life terms, 1,700 Gazans detained since the
        war began and 22 minors": every item of the enumeration is a term; an item with no cue
        of its own takes the type of the item before it (the head of the list), and a list
        with no cue at all is a prisoner release — a hostage release when the people were
        abducted or the releasing side is an armed group — or, for bodies, remains.
        """
        by_anchor = {c.anchor: c for c in cands}
        extra: list[Cand] = []
        previous: Cand | None = None  # the last detainee term, for "the rest would be freed"
        frames = self.w["release_strict"] | self.w["bring_back"] | {"set"}
        toks = self._toks
        for i in range(len(doc)):
            cand = by_anchor.get(i)
            if cand is not None and cand.type in DETAINEES:
                previous = cand
            if toks.low[i] not in frames and toks.lemma[i] not in frames:
                continue
            frame = doc[i]
            objects = self._released_objects(frame)
            if not objects:
                continue
            current: Cand | None = None
            first = objects[0]
            if (
                previous is not None
                and self._is(first, "remainder_words")
                and first.i not in by_anchor
                and not pobjs(first, "of")
            ):
                current = previous  # "… the rest would be released at the end"
                extra.append(
                    Cand(
                        previous.cue,
                        previous.type,
                        first.i,
                        first.i,
                        first.i + 1,
                        frame.i,
                        previous.cue.id + "+rest",
                    )
                )
                by_anchor[first.i] = extra[-1]
            for item in self._enumeration(frame, first):
                own = by_anchor.get(item.i)
                if own is not None:
                    if own.type in DETAINEES:
                        current = own
                    continue
                if not self._peopleish(item, loose=current is not None):
                    continue
                if any(self._is(t, "refugee_words") for t in (item, *item.lefts)):
                    continue  # "the return of all displaced Syrians": a return home, no release
                if item.i != first.i and not _counted(item):
                    continue  # "50 women and children": one group, its categories

                if current is not None:
                    cand = Cand(
                        current.cue,
                        current.type,
                        item.i,
                        item.i,
                        item.i + 1,
                        frame.i,
                        current.cue.id + "+conj",
                    )
                else:
                    kind = counterpart(frame, cands + extra) or self._default_release(
                        frame, item, analysis
                    )
                    cand = Cand(
                        derived_cue(kind, "release.people"),
                        kind,
                        item.i,
                        item.i,
                        item.i + 1,
                        frame.i,
                    )
                extra.append(cand)
                by_anchor[item.i] = cand
                current = cand
        return sorted(cands + extra, key=lambda c: c.anchor)

    def _released_objects(self, frame: Token) -> list[Token]:
        """What a release verb or noun releases: "free X", "X would be freed", "the release
        of X" (not "release a video", which has no people in it: see ``_peopleish``)."""
        particles = {c.lower_ for c in frame.children}
        if not (
            self._is(frame, "release_strict")
            or (self._is(frame, "bring_back") and particles & {"back", "home"})
            or (frame.lemma_.lower() == "set" and particles & {"free", "loose"})
        ):  # "Ukraine got back 230 people", "bring the captives home", "set free all those …"
            return []
        if verbal(frame) or frame.pos_ == "VERB":
            objects = children(frame, "dobj", "nsubjpass")
            if frame.dep_ == "xcomp" and not objects:  # "X agreed to be freed"
                objects = children(frame.head, "nsubj")
            return [o for o in objects if o.pos_ in ("NOUN", "PROPN", "NUM", "PRON")]
        if frame.pos_ == "NOUN":
            if frame.dep_ == "pobj" and frame.head.lower_ == "in" and not pobjs(frame, "of"):
                return pobjs(frame, "for")  # "… in exchange for 250 prisoners": released too
            return pobjs(frame, "of")
        return []

    def _enumeration(self, frame: Token, first: Token) -> list[Token]:
        """The items of the list that starts at ``first``: its conjuncts, conjuncts the parser
        hung inside an earlier item ("250 prisoners serving life terms and 1,700 Gazans" with
        "Gazans" under "terms"), "along with" / "as well as" / "plus" phrases, the subjects of
        participles parsed as coordinated clauses ("… and 1,111 Gazans detained since …"), and
        the counted people that follow a comma or "and" when the parse is lost altogether."""
        items = [first]
        for tok in first.subtree:
            if tok.i > first.i and tok.dep_ in ("conj", "appos") and tok.pos_ in ("NOUN", "PROPN"):
                items.append(tok)
        for tok in frame.subtree:
            if tok.i <= first.i or tok.dep_ != "pobj":
                continue
            prep = tok.head
            if (
                prep.lower_ in ("with", "to")
                and prep.head.lower_ in _ALONG
                or prep.lower_ in _ALONG
            ):
                items.extend(conjuncts(tok))
        if frame.pos_ == "VERB":
            for verb in conjuncts(frame)[1:]:
                subjects = children(verb, "nsubj", "nsubjpass")
                if (
                    verb.tag_ in ("VBN", "VBD")
                    and subjects
                    and not children(verb, "aux", "auxpass", "dobj")
                ):
                    items.append(subjects[0])
        items.extend(self._listed_after(first))
        out: dict[int, Token] = {}
        for item in items:
            of = pobjs(item, "of") if self._is(item, "quantity_nouns") else []
            item = of[0] if of else item  # "hundreds of prisoners": the prisoners
            out.setdefault(item.i, item)
        return [out[i] for i in sorted(out)]

    def _listed_after(self, first: Token) -> list[Token]:
        """Counted people after ``first`` in the same sentence, each after a comma, "and",
        "as well as", "along with" or "plus": "…, 1,700 Gazans detained since the war began
        and 22 minors". A list ends at a semicolon, a clause of exchange ("in return for"), a
        contrast ("but", "while") or another release."""
        doc = first.doc
        found: list[Token] = []
        i, end = first.i + 1, first.sent.end
        separated = False
        while i < end:
            tok = doc[i]
            low = tok.lower_
            if low in (";", "but", "while", "whereas") or (
                low == "in" and i + 1 < end and doc[i + 1].lower_ in ("exchange", "return")
            ):
                break
            if low in (",", "and", "plus") or (low == "as" and doc[i - 1].lower_ == "well"):
                separated = True
                i += 1
                continue
            if separated and (tok.like_num or low in _APPROX):
                j = i
                while j < end and (doc[j].like_num or doc[j].lower_ in _APPROX):
                    j += 1
                head = None
                while j < end and (doc[j].pos_ in ("ADJ", "NOUN", "PROPN") or doc[j].text == "-"):
                    if doc[j].pos_ in ("NOUN", "PROPN"):
                        head = doc[j]
                    j += 1
                    if (
                        head is not None
                        and doc[j - 1].pos_ in ("NOUN", "PROPN")
                        and (j >= end or doc[j].pos_ not in ("NOUN", "PROPN"))
                    ):
                        break
                if head is not None and (
                    self._is(head, "people_nouns|detainee_words")
                    or head.ent_type_ == "NORP"
                    or head.tag_ == "NNPS"
                ):
                    found.append(head)
                i = max(j, i + 1)
                separated = False
                continue
            if self._is(tok, "release_strict") and verbal(tok):
                break
            separated = False
            i += 1
        return found

    def _peopleish(self, token: Token, *, loose: bool) -> bool:
        """Names people: a people noun ("residents", "minors"), a nationality ("Gazans"), a
        detainee noun; in a list that is already about people, any counted noun."""
        if (
            token.pos_ == "PRON"
            and token.lower_ in ("those", "all")
            and any(self._is(t, "detention|abduction_strict") for t in token.subtree)
        ):
            return True  # "set free all those held in connection with the conflict"
        if token.pos_ not in ("NOUN", "PROPN"):
            return False
        if self._is(token, "people_nouns|detainee_words") or token.ent_type_ == "NORP":
            return True
        return loose and any(c.dep_ == "nummod" for c in token.children)

    def _default_release(self, frame: Token, item: Token, analysis: Any) -> str:
        """The type of released people with no cue: remains for bodies, hostages when they
        were abducted or an armed group frees them, else prisoners."""
        if self._is(item, "remains_nouns"):
            return "remains_and_missing"
        around = [t for t in item.subtree if t.i != item.i]
        if self._is(item, "hostage_nouns") or any(self._is(t, "abduction_strict") for t in around):
            return "hostage_release"
        verb = frame if frame.pos_ == "VERB" else governing_verb(frame)
        subject = subject_of(verb) if verb is not None else None
        if subject is not None and self._is(subject, "@armed_group", analysis):
            return "hostage_release"  # "Hamas would release 50 women and children"
        return "prisoner_release"

    # -- evidence spans --------------------------------------------------------------------
    # -- phases ------------------------------------------------------------------------------

    def _phase_number(self, token: Token) -> int | None:
        if token.lower_.rstrip("s") not in self.lex.phase_words:
            return None
        candidates = [
            c
            for c in token.children
            if c.dep_ in ("amod", "nummod", "compound", "appos", "npadvmod")
        ]
        doc = token.doc
        if token.i + 1 < len(doc):
            candidates.append(doc[token.i + 1])
        for c in candidates:
            number = self.lex.ordinals.get(c.lower_)
            if number is not None:
                return number
        return None

    def _phases(self, doc: Doc, cands: list[Cand], paragraph: list[int]) -> None:
        """Number each term's phase from the phase phrase that governs it or its clause, else
        from the last phase heading of its paragraph ("Phase one:", "During the first phase, …")."""
        words = self.lex.phase_words
        phase_tokens = {
            i: n
            for i, low in enumerate(self._toks.low)
            if low.rstrip("s") in words and (n := self._phase_number(doc[i])) is not None
        }
        carry: tuple[int, int] | None = None  # (paragraph, phase)
        by_segment: dict[int, list[Cand]] = {}
        segments = segments_of(doc)
        for cand in cands:
            by_segment.setdefault(segments[cand.anchor], []).append(cand)
        for seg_start, seg_end in sorted(set(segments.values())):
            here = {i: n for i, n in phase_tokens.items() if seg_start <= i < seg_end}
            para = paragraph[seg_start]
            if carry is not None and carry[0] != para:
                carry = None
            carried = None
            for i, n in here.items():
                tok = doc[i]
                # "Phase two would include …", "During the first phase, …", "Phase one:" — not
                # "talks on a second phase" nor "by the 16th day of the first phase"
                heading = not (
                    tok.dep_ in ("pobj", "compound")
                    and tok.head.lower_ in ("of", "on", "about", "over", "covering", "for")
                ) and (
                    tok.dep_ in ("ROOT", "nsubj", "nsubjpass", "pobj") or seg_end - seg_start <= 5
                )
                if heading:
                    carried = n
            for cand in by_segment.get((seg_start, seg_end), []):
                token = doc[cand.anchor]
                phase = phase_tokens.get(cand.anchor)
                if phase is None:
                    for node in ancestors(token, 6):
                        if node.i in here:
                            phase = here[node.i]
                            break
                if phase is None:
                    chain = {token.i, *(a.i for a in ancestors(token, 8))}
                    for i, n in here.items():
                        ptok = doc[i]
                        if not verbal(token) and token.i in {a.i for a in ancestors(ptok, 8)}:
                            continue  # the phase is inside the term ("talks on a second phase")
                        if any(
                            a.i in chain and a.pos_ in ("VERB", "AUX") for a in ancestors(ptok, 8)
                        ):
                            phase = n
                            break
                if phase is None and not here and carry is not None:
                    phase = carry[1]
                cand.phase = phase
            if carried is not None:
                carry = (para, carried)
            elif here:
                carry = None

    # -- exchanges ---------------------------------------------------------------------------

    def _exchanges(self, doc: Doc, cands: list[Cand], paragraph: list[int]) -> None:
        index = {c.anchor: n for n, c in enumerate(cands)}

        def terms_in(lo: int, hi: int, skip: tuple[int, int] | None = None) -> list[int]:
            return [
                n
                for n, c in enumerate(cands)
                if lo <= c.anchor < hi and not (skip and skip[0] <= c.anchor < skip[1])
            ]

        def link(side_a: list[int], side_b: list[int]) -> None:
            if not side_a or not side_b:
                return
            for a in side_a:
                if cands[a].exchange is None:
                    cands[a].exchange = side_b[0]
            for b in side_b:
                if cands[b].exchange is None:
                    cands[b].exchange = side_a[0]

        previous: list[int] = []
        last_para = -1
        for sent in doc.sents:
            in_sent = terms_in(sent.start, sent.end)
            for tok in sent:
                if (
                    tok.lower_ not in ("exchange", "return")
                    or tok.dep_ != "pobj"
                    or tok.head.lower_ != "in"
                ):
                    continue
                prep = tok.head
                fors = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"]
                if fors:
                    side_b = terms_in(fors[0].i, fors[0].right_edge.i + 1)
                    # "… in return for A, B and C" where the parser hung B and C elsewhere
                    for n in terms_in(fors[0].right_edge.i + 1, sent.end):
                        node = doc[cands[n].anchor]
                        path = [node, *ancestors(node, 4)]
                        between = doc[fors[0].right_edge.i + 1 : node.i]
                        if any(
                            p.dep_ == "conj" and p.pos_ in ("NOUN", "PROPN") for p in path
                        ) and not any(
                            t.pos_ in ("VERB", "AUX") and children(t, "nsubj", "nsubjpass")
                            for t in between
                        ):
                            side_b.append(n)
                    clause = prep.head
                    while clause.head.i != clause.i and (
                        clause.pos_ not in ("VERB", "AUX")
                        or clause.dep_ in ("acl", "relcl", "amod")
                    ):
                        clause = clause.head
                    verbs = [clause] + ([clause.head] if clause.dep_ == "conj" else [])
                    side_a = []
                    for verb in verbs:
                        for n in terms_in(
                            verb.left_edge.i, verb.right_edge.i + 1, (prep.i, prep.right_edge.i + 1)
                        ):
                            path = [doc[cands[n].anchor], *ancestors(doc[cands[n].anchor], 8)]
                            if (
                                any(
                                    p.dep_ == "prep"
                                    and p.head.i == verb.i
                                    and p.lower_ not in ("of",)
                                    for p in path
                                )
                                and cands[n].anchor != verb.i
                            ):
                                continue  # "During its first phase, …" is not what is exchanged
                            if n not in side_a and n not in side_b:
                                side_a.append(n)
                    link(side_a, side_b)
                elif tok.i - sent.start <= 2 and paragraph[sent.start] == last_para:
                    link(
                        [n for n in previous if cands[n].type in DETAINEES],
                        [n for n in in_sent if cands[n].type in DETAINEES],
                    )
            for n in in_sent:  # "free X for Y"
                token = doc[cands[n].anchor]
                if (
                    cands[n].type in DETAINEES
                    and token.dep_ == "pobj"
                    and token.head.lower_ == "for"
                ):
                    verb = token.head.head
                    if self._is(verb, "release") and not (
                        verb.lower_ == "exchange" and verb.head.lower_ == "in"
                    ):
                        objects = [
                            index[c.i] for c in verb.children if c.dep_ == "dobj" and c.i in index
                        ]
                        link(objects, [n])
            previous, last_para = in_sent, paragraph[sent.start]


def paragraphs(doc: Doc, toks: TokenCache | None = None) -> list[int]:
    """Paragraph number of each token (paragraphs are separated by a blank line)."""
    breaks = [m.end() for m in _BLANK_LINE.finditer(doc.text)]
    out = []
    n = 0
    for idx in (toks or TokenCache(doc)).idx:
        while n < len(breaks) and idx >= breaks[n]:
            n += 1
        out.append(n)
    return out


def segments_of(doc: Doc) -> dict[int, tuple[int, int]]:
    """Each token's segment: its sentence cut at line breaks (a bullet or a heading is its own
    segment even when the parser runs it into the next line)."""
    out: dict[int, tuple[int, int]] = {}
    for sent in doc.sents:
        start = sent.start
        for i in range(sent.start, sent.end + 1):
            if i == sent.end or "\n" in doc[i].text:
                for j in range(start, i):
                    out[j] = (start, i)
                if i < sent.end:
                    out[i] = (i, i + 1)
                start = i + 1
    return out
