"""Hosts: talks, meetings or signings held in a place of a state, read from the place named
(``places.json``, the registry's capitals, "the Kenyan capital", "here" for the dateline's
city), leaving out future rounds and visits to one side (see :mod:`.role_cues`)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .analysis import Analysis
from .coref import refer
from .lexicons import load_lexicons
from .role_syntax import RoleCue
from .role_syntax import negated as _negated
from .role_syntax import verb_chain as _verb_chain

__all__ = ["VenueCues"]


class VenueCues:
    """Readers of venues, mixed into :class:`~.role_cues.RoleCues`."""

    words: dict[str, frozenset[str]]
    noun_role: dict[str, str]
    verb_role: dict[str, str]
    hyphen_role: dict[str, str]
    place_state: dict[str, str]

    def _venues(self, doc: Doc, analysis: Analysis) -> list[RoleCue]:
        """Talks, meetings or signings held in a place of a state: its host."""
        found: list[RoleCue] = []
        here = self._dateline_state(doc)
        for token in doc:
            if token.lower_ == "here" and here is not None and token.dep_ == "advmod":
                obj, anchor_from = token, token
            elif (
                token.lower_ == "to"
                and token.dep_ == "prep"
                and token.head.lemma_.lower() == "invite"
                and not _negated(token.head)
            ):
                # "has invited both panels to Kuala Lumpur": an invitation is an act of hosting
                obj = next((c for c in token.children if c.dep_ == "pobj"), None)
                state = self._place(doc, analysis, obj) if obj is not None else None
                if state is not None:
                    found.append(RoleCue(state, "host", token.i, f"invites to {obj.text}"))  # type: ignore[union-attr]
                continue
            elif token.lower_ in ("in", "at") and token.dep_ == "prep":
                obj = next((c for c in token.children if c.dep_ == "pobj"), None)
                anchor_from = token
            else:
                continue
            if obj is None:
                continue
            if (
                obj.lower_ == "here"
                or any(c.lower_ == "this" for c in obj.children if c.dep_ == "det")
                and obj.lemma_.lower() in self.words["venue_heads"] | {"resort", "venue"}
            ):
                state = here  # "signed a declaration here", "in this Red Sea resort" (the dateline)
            else:
                state = self._place(doc, analysis, obj) or self._place_after(doc, token)
            if state is None:
                continue
            anchor = self._venue_anchor(anchor_from)
            if anchor is None or self._future(anchor) or _negated(anchor):
                continue
            if anchor.pos_ == "VERB" and anchor.lemma_.lower() in ("meet", "hold", "visit"):
                met = [
                    a
                    for c in anchor.children
                    if c.dep_ in ("nsubj", "dobj")
                    for a in refer(doc, analysis, c)
                ]
                if state in met:
                    continue  # a visit to one side ("meets Trump at the White House"), not hosting
            found.append(
                RoleCue(state, "host", token.i, f"venue {doc[obj.left_edge.i : obj.i + 1].text}")
            )
        return found

    def _venue_anchor(self, prep: Token) -> Token | None:
        """The talks or the signing a place phrase belongs to ("ceasefire talks with the RSF
        in the Saudi city of Jeddah"): up through nouns and prepositions, at most three steps."""
        head = prep.head
        for _ in range(3):
            lemma = head.lemma_.lower()
            if (
                head.pos_ in ("NOUN", "PROPN", "VERB")
                and head.lower_ in self.words["talk_nouns"]
                or (head.pos_ in ("NOUN", "PROPN") and lemma in self.words["talk_nouns"])
            ):
                return head
            if head.pos_ == "VERB":
                talks = any(
                    c.dep_ in ("dobj", "nsubj", "nsubjpass")
                    and c.lemma_.lower() in self.words["talk_nouns"]
                    for c in head.children
                )
                if lemma in self.words["deal_verbs"]:
                    # "struck a deal in Doha" is a venue, "struck targets in Paktika" is not
                    objects = [c for c in head.children if c.dep_ in ("dobj", "nsubjpass")]
                    if objects and not any(
                        o.lemma_.lower() in self.words["agreement_nouns"] | self.words["talk_nouns"]
                        for o in objects
                    ):
                        return None
                return head if lemma in self.words["venue_verbs"] or talks else None
            if head.dep_ not in ("pobj", "prep", "compound", "appos") or head.head.i == head.i:
                return None
            head = head.head
        return None

    def _dateline_state(self, doc: Doc) -> str | None:
        """The state of the dateline's place ("NAIROBI, Kenya —", "SHARM EL-SHEIKH, Egypt, Oct 9")."""
        words: list[str] = []
        for token in doc[:8]:
            if token.is_space:
                continue
            if token.text in (",", "—", "–", "-") and words:
                break
            if not (token.is_upper or token.text in ("-", "'")):
                return None
            words.append(token.text_with_ws)
        place = "".join(words).strip().title()
        for form in (place, place.replace("El-", "el-"), place.replace(" El ", " el ")):
            if form in self.place_state:
                return self.place_state[form]
        following = doc[len(words) + 1 : len(words) + 4]
        for token in following:
            if token.text in self.place_state:
                return self.place_state[token.text]
        return None

    def _place_after(self, doc: Doc, prep: Token) -> str | None:
        """A place named right after "in"/"at", read from the words when the parse is broken
        ("in Sharm el-Sheikh co-chaired by …")."""
        start = prep.i + 1
        if start < len(doc) and doc[start].lower_ == "the":
            start += 1
        for length in range(4, 0, -1):
            if start + length > len(doc):
                continue
            text = doc[start : start + length].text
            if text in self.place_state and (
                start + length == len(doc)
                or not doc[start + length].is_title
                or doc[start + length].is_punct
            ):
                return self.place_state[text]
        return None

    def _place(self, doc: Doc, analysis: Analysis, obj: Token) -> str | None:
        """The state a place phrase lies in: "Doha", "the Saudi city of Jeddah", "the Kenyan
        capital", "the White House" (an institution in the capital)."""
        phrase = doc[obj.left_edge.i : obj.i + 1]
        text = phrase.text
        for prefix in ("the ", "The "):
            if text.startswith(prefix):
                text = text[len(prefix) :]
        if text in self.place_state:
            return self.place_state[text]
        if obj.lemma_.lower() in self.words["venue_heads"]:
            for child in obj.children:
                if child.dep_ == "prep" and child.lower_ == "of":  # "the Saudi city of Jeddah"
                    inner = next((c for c in child.children if c.dep_ == "pobj"), None)
                    if inner is not None and inner.text in self.place_state:
                        return self.place_state[inner.text]
                mention = analysis.mention_at(child.i)
                if (
                    child.dep_ in ("amod", "compound", "poss")
                    and mention is not None
                    and mention.form in ("demonym", "name", "alias")
                ):
                    entry = load_lexicons().actors.get(mention.actor)
                    if entry is not None and entry.kind == "state":
                        return mention.actor
        mention = analysis.mention_at(obj.i)
        if mention is not None and mention.form == "institution" and obj.lower_ == "house":
            return mention.actor  # "at the White House"
        return None

    def _future(self, anchor: Token) -> bool:
        """ "the next round in Venezuela", "talks due to open in Tunisia next month"."""
        words = {t.lower_ for t in anchor.subtree} | {c.lower_ for c in anchor.children}
        chain = list(_verb_chain(anchor))
        for t in chain:
            words |= {
                c.lower_
                for c in t.children
                if c.dep_ in ("aux", "amod", "advmod", "npadvmod", "acomp")
            }
            if t.lower_ in self.words["future_cues"]:
                return True
        if anchor.pos_ == "NOUN":
            verb = anchor.head
            words |= {c.lower_ for c in verb.children if c.dep_ in ("aux", "acomp", "npadvmod")} | {
                verb.lower_
            }
            if verb.lemma_.lower() in ("be",):
                words |= {c.lower_ for c in verb.children}
        if words & {"will", "would", "next", "upcoming", "future", "due", "scheduled", "planned"}:
            return True
        return any(
            c.dep_ == "mark" and c.lower_ in ("before", "until", "once")
            for t in chain
            for c in t.children
        )
