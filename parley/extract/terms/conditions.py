"""Cue conditions (``when``), checked on the parse around a cue's anchor.

Word classes (``frame``, ``argument``, ``subject``, ``modifier``, ``in_subtree``, ``near``,
``related``) look for a word of a class in a given syntactic relation to the anchor; flags
(``provision``, ``negated``, ``withdrawal_actor``, ``exchange_noun`` …) are named predicates.

Two predicates matter most for recall:

- ``_provision``: stated as a commitment or as the content of a plan — under a modal or a
  content verb, inside a proposal noun, after "in exchange for", on a bullet line — rather
  than as a reported fact;
- ``_reported_act``: a completed act reported as fact ("the army regained control", "troops
  withdrew from the town"). Only verbs of action count (``act_verbs``): "Hamas floated a
  hudna" is not an act. An act that carries out an agreement ("pulled back to the agreed
  line", "freed 90 prisoners under the truce") is a provision being implemented, and is kept.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from .syntax import (
    ancestors,
    children,
    conjuncts,
    governing_verb,
    mods,
    pobjs,
    subject_of,
)

_CONDITIONAL_MARKS = frozenset({"if", "unless", "provided", "providing", "until", "till", "once"})
_BOUND_VERBS = frozenset(
    {
        "suppose",
        "expect",
        "schedule",
        "set",
        "plan",
        "intend",
        "require",
        "oblige",
        "bind",
        "commit",
        "due",
        "slate",
        "envisage",
        "mandate",
        "task",
    }
)
_LOCATIVE = frozenset(
    {"in", "into", "inside", "across", "along", "from", "near", "at", "through", "within", "on"}
)
_FUTURE_MARKS = frozenset({"until", "till", "once", "when", "after", "before", "unless", "if"})
_MODAL_TAG = "MD"
_COPULAS = frozenset({"be", "become", "remain", "seem", "appear"})


def _bullet_line(token: Token) -> bool:
    """The token's line starts with a list marker ("-", "•", "1.")."""
    doc = token.doc
    i = token.i
    while i > 0 and "\n" not in doc[i - 1].text:
        i -= 1
    first = doc[i]
    if first.is_space and i + 1 < len(doc):
        first = doc[i + 1]
    return first.text in _BULLETS or (
        first.like_num and first.i + 1 < len(doc) and doc[first.i + 1].text in (".", ")")
    )


def _line_break(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any("\n" in t.text for t in a.doc[lo:hi])


_BULLETS = frozenset({"-", "•", "*", "–", "—", "·"})


class Conditions:
    """Word classes and the ``when`` conditions of cues (a mixin of :class:`TermFinder`: it
    reads ``self.w``, the lexicon's word classes, and ``self.registry``, the actor registry)."""

    # -- word classes ----------------------------------------------------------------------

    def _is(self, token: Token, name: str, analysis: Any = None) -> bool:
        if "|" in name:
            return any(self._is(token, part, analysis) for part in name.split("|"))
        if name == "@actor":
            return analysis is not None and analysis.mention_at(token.i) is not None
        if name == "@armed_group":
            mention = analysis.mention_at(token.i) if analysis is not None else None
            entry = (
                self.registry.get(mention.actor)
                if mention is not None and self.registry is not None
                else None
            )
            return entry is not None and entry.kind == "armed_group"
        if name == "@place":
            return token.ent_type_ in ("GPE", "LOC", "FAC")
        words = self.w.get(name, frozenset())
        if token.lemma_.lower() in words or token.lower_ in words:
            return True
        return (
            "@actor" in words and analysis is not None and analysis.mention_at(token.i) is not None
        )

    # -- conditions --------------------------------------------------------------------------

    def _frame(self, token: Token, name: str, analysis: Any, limit: int = 4) -> Token | None:
        for child in token.children:
            if child.dep_ in ("amod", "acl", "relcl", "compound") and self._is(
                child, name, analysis
            ):
                return child
        for node in ancestors(token, limit):
            if self._is(node, name, analysis):
                return node
            if node.dep_ in ("ccomp", "advcl", "relcl", "parataxis") or node.dep_ == "ROOT":
                if node.head.i != node.i and self._is(node.head, name, analysis):
                    return node.head
                break
        return None

    def _arguments(self, token: Token) -> list[Token]:
        args = [
            c
            for c in token.children
            if c.dep_
            in (
                "nsubj",
                "nsubjpass",
                "dobj",
                "poss",
                "amod",
                "compound",
                "nmod",
                "attr",
                "npadvmod",
            )
        ]
        args += pobjs(token, "of", "from", "for", "on", "to", "with", "into", "over")
        if token.dep_ in ("relcl", "acl", "amod") and token.head.i != token.i:
            args.append(token.head)
        if token.dep_ == "xcomp":
            args += children(token.head, "dobj")
        return [c for a in args for c in conjuncts(a)]

    def _negated(self, token: Token) -> bool:
        nodes = [token, *ancestors(token, 3)]
        for node in nodes[:3]:
            if any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in node.children):
                return True
            if node.lemma_.lower() in ("refrain", "avoid", "prohibit", "never"):
                return True
        return False

    def _irrealis(self, verb: Token) -> bool | None:
        """True for a commitment or future ("would free", "calls for", "is to", "due to"),
        False for a reported fact, None when the verb's governor decides (an infinitive)."""
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.tag_ == _MODAL_TAG for a in auxes):
            return True
        lemma = verb.lemma_.lower()
        if lemma in self.w["content_verbs"]:
            return True
        if lemma == "be" and any(
            c.dep_ in ("xcomp", "acomp")
            and (
                c.lower_ in ("due", "ready", "expected", "set", "willing", "prepared")
                or any(a.lower_ == "to" for a in c.children)
            )
            for c in verb.children
        ):
            return True
        if any(a.lower_ == "to" for a in auxes) or verb.tag_ in ("VBG", "VB"):
            return None
        if verb.tag_ in ("VBZ", "VBP") and any(
            c.dep_ == "mark" and c.lower_ in _FUTURE_MARKS for c in verb.children
        ):
            return True  # "until the force is in place", "once both sides accept": a future
        if verb.tag_ == "VBN" and not auxes:
            return None  # "with military operations suspended": its governor decides
        if verb.tag_ == "VBN" and lemma in _BOUND_VERBS:
            return True  # "is supposed to", "are expected to", "is scheduled for"
        return False

    def _provision(self, token: Token) -> bool:
        """Stated as a commitment or as the content of a plan, not as a reported fact: under a
        modal or a content verb ("would", "calls for"), inside a proposal noun, on the far
        side of "in exchange for", or on a bullet line of a list."""
        node = token
        for _ in range(10):
            if (
                node.dep_ == "pobj"
                and node.head.lower_ == "for"
                and node.head.head.lower_
                in (
                    "return",
                    "exchange",
                )
            ):
                return True  # "in return for an end to the war"
            if _bullet_line(node) and node.head.i != node.i and _line_break(node, node.head):
                return True  # an item of a list whose heading the parser took as its head
            if node.pos_ in ("VERB", "AUX"):
                verdict = self._irrealis(node)
                if verdict is not None:
                    return verdict
            if (
                node.pos_ in ("NOUN", "ADJ")
                and node.i != token.i
                and (
                    node.lemma_.lower() in self.w["frame_heads"]
                    or node.lower_ in ("ready", "willing", "prepared", "due")
                )
            ):
                return True  # "a proposal for a ceasefire", "ready to …"
            if node.head.i == node.i:
                return node.pos_ not in ("VERB", "AUX")  # a verbless title or list item
            node = node.head
        return False

    def _reported_act(self, token: Token) -> bool:
        """A completed act reported as fact ("Israel released 90 prisoners", "aid trucks
        entered", "the army regained control") rather than a provision."""
        verb = token if token.pos_ in ("VERB", "AUX") else None
        node = token
        if verb is None:
            for _ in range(5):
                if node.head.i == node.i:
                    return False
                if node.dep_ in ("nsubj",) and node.head.pos_ in ("VERB", "AUX"):
                    verb = node.head
                    break
                prev, node = node, node.head
                if prev.dep_ == "pobj" and node.lower_ in _LOCATIVE:
                    return False  # "troops moved into the buffer zone": a place, not the act
                if node.pos_ in ("VERB", "AUX"):
                    verb = node
                    break
                if (
                    node.pos_ == "NOUN"
                    and node.lemma_.lower() in self.w["frame_heads"]
                    and prev.dep_ != "appos"
                ):
                    return False  # inside "a proposal for …": content, not an act
        if verb is None:
            return False
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.tag_ == _MODAL_TAG or a.lower_ == "to" for a in auxes):
            return False
        if any(c.dep_ == "mark" and c.lower_ in _CONDITIONAL_MARKS for c in verb.children):
            return False
        past = verb.tag_ == "VBD" or (
            verb.tag_ in ("VBN", "VBG")
            and any(a.lower_ in ("has", "have", "had", "was", "were", "been") for a in auxes)
        )
        lemma = verb.lemma_.lower()
        if not past or lemma in self.w["commitment_verbs"] | _COPULAS:
            return False
        if verb.i != token.i and lemma not in self.w["act_verbs"]:
            return False  # "Hamas floated a hudna", "mediators mooted a pause": not an act
        subject = children(verb, "nsubj", "nsubjpass")
        if subject:
            subj = subject[0]
            if subj.lower_ in ("which", "that") and verb.dep_ == "relcl":
                subj = verb.head
            if (
                subj.lemma_.lower()
                in (self.w["frame_heads"] if subj.dep_ == "nsubj" else {"it"})
                | self.w["truce_nouns"]
            ):
                return False  # "the truce allowed commercial flights": content, not an act
        if (
            verb.dep_ in ("xcomp", "ccomp")
            and verb.head.lemma_.lower() in self.w["commitment_verbs"] - self.w["speech_verbs"]
        ):
            return False  # "agreed that …", not "said that …"
        # "pulled back to the agreed line", "freed 90 prisoners under the truce": an act that
        # carries out an agreement is one of its provisions
        return not any(t.i != token.i and self._is(t, "agreement_markers") for t in verb.subtree)

    def _check(self, key: str, value: Any, token: Token, analysis: Any) -> bool | Token:
        if key == "frame":
            return self._frame(token, value, analysis) or False
        if key == "not_frame":
            return self._frame(token, value, analysis, limit=3) is None
        if key in ("argument", "no_argument", "argument_or_self"):
            hit = any(self._is(a, value, analysis) for a in self._arguments(token))
            if key == "argument_or_self":
                hit = hit or self._is(token, value, analysis)
            return hit if key != "no_argument" else not hit
        if key == "subject":
            subject = subject_of(token)
            if subject is None:
                return False
            return any(
                self._is(t, value, analysis)
                for s in conjuncts(subject)
                for t in [s, *(c for c in s.children if c.dep_ in ("amod", "compound", "nmod"))]
            )
        if key == "modifier":
            return any(self._is(t, value, analysis) for t in mods(token))
        if key == "modifier_or_frame":
            return any(self._is(t, value, analysis) for t in mods(token)) or bool(
                self._frame(token, value, analysis, limit=2)
            )
        if key == "in_span":
            return True  # checked on the evidence span at refinement
        if key == "related":  # in the phrase, just after it, or the subject of its clause
            verb = governing_verb(token)
            subject = subject_of(verb) if verb is not None else None
            near = [
                *token.subtree,
                *token.doc[token.right_edge.i + 1 : min(token.sent.end, token.right_edge.i + 7)],
            ]
            if subject is not None:
                near += [subject, *subject.children]
            if verb is not None:  # "allow civilians safe passage"
                near += children(verb, "dative", "dobj")
            return any(self._is(t, value, analysis) for t in near if t.i != token.i)
        if key == "in_subtree":  # in the phrase, or just around it (reduced relatives misparse)
            sent = token.sent
            near = range(token.right_edge.i + 1, min(sent.end, token.right_edge.i + 7))
            before = range(max(sent.start, token.left_edge.i - 2), token.left_edge.i)
            return any(
                self._is(t, value, analysis)
                for t in [*token.subtree, *(token.doc[i] for i in [*before, *near])]
                if t.i != token.i
            )
        if key == "near":  # within eight tokens either side, in the sentence
            sent = token.sent
            window = token.doc[max(sent.start, token.i - 8) : min(sent.end, token.i + 9)]
            return any(self._is(t, value, analysis) for t in window if t.i != token.i)
        return self._flag(key, token, analysis) == value

    def _flag(self, key: str, token: Token, analysis: Any) -> bool:
        if key == "negated":
            return self._negated(token)
        if key == "not_compound":
            return token.dep_ != "compound"
        if key == "provision":
            return self._provision(token)
        if key == "withdrawal_actor":
            objects = [
                o
                for o in children(token, "dobj")
                if not any(c.dep_ == "nummod" for c in o.children)
            ]
            if objects:  # "withdraw its troops", "… their heavy weapons"; not "withdraw 15 km"
                return any(
                    self._is(o, "forces|heavy_weapons", analysis) for o in conjuncts(objects[0])
                )
            if any(
                o.lemma_.lower() in self.w["not_withdraw_objects"] for o in pobjs(token, "from")
            ):
                return False
            subject = subject_of(token)  # "troops would withdraw", "M23 would … retreat"
            return subject is None or not self._is(subject, "not_withdraw_objects", analysis)
        if key == "place_phrase":
            return any(
                t.ent_type_ in ("GPE", "LOC", "FAC")
                or t.lower_ in ("south", "north", "east", "west")
                for t in token.subtree
                if t.i > token.i
            )
        if key == "election_context":
            for node in [token, *ancestors(token, 3)]:  # "until elections are held"
                if (node.dep_ == "pobj" and node.head.lower_ in self.w["temporal_preps"]) or any(
                    c.dep_ == "mark" and c.lower_ in self.w["temporal_preps"] for c in node.children
                ):
                    return not any(t.like_num and len(t.text) == 4 for t in mods(token))
            return (
                bool(self._frame(token, "election_verbs", analysis, limit=2))
                or any(t.lower_ in self.w["future_markers"] or t.like_num for t in mods(token))
                or self._provision(token)
            )
        if key == "negotiation_context":
            owner = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
            if any(t.lower_ in self.w["future_markers"] for t in mods(token)) or (
                owner is not None  # "a later stage of talks", "further rounds of negotiation"
                and owner.lemma_.lower() in ("stage", "phase", "round", "session", "cycle")
                and any(t.lower_ in self.w["future_markers"] for t in mods(owner))
            ):
                return True
            heads = [*ancestors(token, 3)]
            if token.dep_ in ("nsubj", "nsubjpass"):
                heads = [
                    token.head,
                    *children(token.head, "xcomp", "acomp"),
                    *[g for c in children(token.head, "acomp") for g in children(c, "xcomp")],
                ]
            for head in heads:
                if head.lemma_.lower() in self.w["negotiation_start"] and (
                    head.pos_ != "VERB" or self._provision(head)
                ):
                    return True
            return bool(pobjs(token, *self.w["agenda_preps"])) and self._provision(token)
        if key == "guarantee_context":
            return token.pos_ == "NOUN"
        if key == "guarantor_context":
            return token.head.lower_ == "as" or token.dep_ == "attr" or self._provision(token)
        if key == "not_aux_only":
            return token.dep_ != "amod"
        if key == "withdraw_particle":  # "pull its troops out of", "move its fighters north of"
            return any(
                c.lower_
                in ("back", "out", "away", "north", "south", "east", "west", "beyond", "behind")
                for c in token.children
                if c.dep_ in ("prt", "advmod", "prep", "npadvmod")
            )
        if key == "not_purpose":
            # "a deal to end the war", "blueprints for ending the war": the aim, not a term
            if token.dep_ in ("advcl", "acl", "relcl") and any(
                c.lower_ == "to" for c in token.children if c.dep_ == "aux"
            ):
                return token.head.lemma_.lower() in self.w["content_verbs"]
            if token.dep_ == "pcomp" and token.head.lower_ in ("for", "at", "toward", "towards"):
                return False
            return True
        if key == "exchange_noun":
            # "the exchange", "a swap within a week"; not "in exchange for", "exchanges of fire",
            # "artillery exchanges", "an exchange of views"
            if token.pos_ != "NOUN" or (token.dep_ == "pobj" and token.head.lower_ == "in"):
                return False
            others = [*pobjs(token, "of"), *children(token, "compound", "amod")]
            return not any(self._is(o, "not_exchanged") for o in others)
        if key == "return_place":
            return bool(pobjs(token, "to")) or any(
                c.lower_ in ("home", "north", "south", "back") for c in token.children
            )
        raise KeyError(key)  # pragma: no cover - validated at load

    # -- candidates ----------------------------------------------------------------------
