"""Word classes and dependency-tree helpers shared by the event modules."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from spacy.tokens import Token

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
VERB_POS = ("VERB", "AUX")
NOUN_POS = ("NOUN", "PROPN")
RELATIVE = frozenset({"who", "which", "that", "whom"})
OBJECT_PREPS = frozenset({"to", "on", "with", "for", "from", "of", "into", "against", "upon", "in", "over", "about", "out", "as"})
ADJUNCT_PREPS = frozenset({"at", "in", "during", "after", "following", "over", "through", "amid", "throughout"})
OCCUR_VERBS = frozenset({"take", "hold", "open", "begin", "start", "resume", "end", "conclude", "close", "last", "continue", "convene", "get", "wrap", "stall", "break", "enter"})
MOVEMENT = frozenset({"return", "enter", "leave", "cross", "land", "pass", "travel", "go", "visit", "reach", "move", "come", "flee"})
MOTION = frozenset({"return", "travel", "arrive", "head", "come", "go", "fly", "gather", "meet", "convene", "sit"})
FUTURE_MODIFIERS = frozenset({"next", "further", "future", "upcoming", "planned", "proposed", "possible", "potential", "another", "fresh", "expected", "subsequent"})
OPPONENT_WORDS = frozenset({"side", "party", "neighbour", "neighbor", "belligerent", "rival", "adversary", "foe", "enemy", "camp"})
SIDE_WORDS = frozenset({"sides", "parties", "countries", "nations", "states", "neighbours", "neighbors", "belligerents", "rivals", "adversaries", "foes"})
SIDE_MODIFIERS = frozenset({"two", "both", "warring", "rival", "opposing", "neighbouring", "neighboring", "feuding", "fighting", "hostile", "respective"})
TARGET_PREPS = frozenset({"to", "on", "upon", "from", "against", "with", "for", "of"})
PAST_MODIFIERS = frozenset({"past", "previous", "earlier", "prior", "former", "last"})
RIVALS = frozenset({"rival", "rivals", "enemy", "enemies", "foe", "foes", "opponent", "opponents", "adversary", "adversaries", "counterpart", "counterparts"})
GROUP_DETS = frozenset({"both", "two", "either", "each", "all"})
GROUP_HEADS = frozenset({"leader", "leaders", "side", "sides", "country", "countries", "party", "parties", "government", "governments", "delegation", "delegations", "team", "teams", "president", "presidents", "minister", "ministers", "man", "men", "camp", "camps", "nation", "nations", "state", "states", "neighbour", "neighbours", "neighbor", "neighbors", "negotiator", "negotiators", "group", "groups", "panel", "panels", "belligerent", "belligerents"})
PERSONAL_OBJECTS = frozenset({"them", "it", "him", "her", "us"})
SPEECH = frozenset({"say", "tell", "announce", "state", "add", "report", "claim", "insist", "declare", "write", "note", "stress", "confirm", "assert", "argue", "explain", "reiterate", "warn", "allege", "maintain", "acknowledge", "indicate", "signal", "complain", "quote", "conclude", "demand", "urge", "repeat", "emphasise", "emphasize", "remind", "tweet", "post"})
SPEECH_NOUNS = frozenset({"reminder", "warning", "statement", "declaration", "demand", "call", "appeal", "message", "letter", "ultimatum", "communique", "notice", "note"})
HOST_CUES = frozenset({"consult.host_talks", "consult.gather"})
ENDORSE_CUES = frozenset({"support.endorse", "support.call_step", "support.back"})
SIGN_CUE = "support.sign"
AGREEMENT_HEADS = frozenset({"deal", "agreement", "accord", "pact", "treaty", "understanding", "settlement", "breakthrough", "declaration", "arrangement", "ceasefire", "cease-fire", "truce", "armistice"})
NON_PLACES = frozenset({"statement", "post", "interview", "letter", "address", "principle", "exchange", "return", "addition", "response", "time", "hours", "days", "weeks", "months", "years", "order", "part", "line", "full", "public", "private", "person", "writing", "effect", "force", "support", "favour", "favor", "talks", "meeting", "meetings", "way", "bid", "attempt", "coordination", "accordance", "front", "charge", "talk", "call", "conference", "televised", "speech", "remarks", "comments", "news", "briefing", "report", "document", "text", "memorandum", "message", "phone", "telephone", "video", "side", "sidelines", "total", "contrast", "turn", "light", "view"})
BOUND_PREPS = frozenset({"from", "until", "till", "through", "starting", "beginning", "effective"})
SEQUENCE_PREPS = frozenset({"after", "before", "following", "since", "until", "ahead"})
VENUE_HEADS = frozenset({"city", "capital", "town", "resort", "port", "village", "region", "province", "state"})

CLAUSE_DEPS = frozenset({"ccomp", "relcl", "advcl", "parataxis", "csubj", "acl"})


def fold_upper(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).upper()


def unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(i for i in items if i))


def phrase_tokens(token: Token, keep: tuple[str, ...] = ()) -> list[Token]:
    """The tokens under ``token`` that are not inside a nested clause (but for the clause
    relations in ``keep``)."""
    skip = CLAUSE_DEPS - set(keep)
    out: list[Token] = []
    stack = [c for c in token.children if c.dep_ not in skip]
    while stack:
        node = stack.pop()
        out.append(node)
        stack.extend(c for c in node.children if c.dep_ not in skip)
    return out


def members(token: Token) -> list[Token]:
    """``token`` and the items listed with it: conjuncts, and names the parser hung on it as
    appositions ("Saudi Arabia, Qatar, the United Arab Emirates and …")."""
    out = [token]
    stack = [token]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child in out:
                continue
            if child.dep_ == "conj" or (child.dep_ == "appos" and child.pos_ == "PROPN" and node.pos_ == "PROPN"):
                out.append(child)
                stack.append(child)
            elif child.dep_ == "punct" and child.text == "," and node.pos_ == "PROPN":
                # "Trump, Sisi, Qatar's Emir … and Erdogan": a name the parser hung on a comma
                for item in child.children:
                    if item.pos_ == "PROPN" and item not in out:
                        out.append(item)
                        stack.append(item)
    return sorted(out, key=lambda t: t.i)


def ancestors(token: Token, limit: int) -> list[Token]:
    out = []
    node = token
    for _ in range(limit):
        if node.head.i == node.i:
            break
        node = node.head
        out.append(node)
    return out


def compound_text(token: Token) -> str:
    left = token.i
    for child in token.lefts:
        if child.dep_ == "compound" and child.pos_ == "PROPN":
            left = min(left, child.i)
    return token.doc[left : token.i + 1].text
