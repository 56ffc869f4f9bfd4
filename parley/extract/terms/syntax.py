"""Parse helpers shared by the term rules and the parameter readers."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Token

VAGUE_QUANTITIES = frozenset(
    {
        "hundred",
        "hundreds",
        "dozen",
        "dozens",
        "thousand",
        "thousands",
        "number",
        "score",
        "scores",
        "handful",
        "some",
        "several",
        "many",
        "millions",
        "tens",
    }
)
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "any"})
_ASIDE_STARTS = frozenset(
    {"which", "who", "whom", "whose", "where", "according", "including", "among", "notably"}
)
LOCATIVE = frozenset(
    {
        "in",
        "at",
        "near",
        "inside",
        "across",
        "along",
        "around",
        "within",
        "on",
        "into",
        "throughout",
        "outside",
    }
)


def verbal(token: Token) -> bool:
    """A verb in use: not a noun the tagger took for a verb ("talks on … would begin"), and a
    clause head the tagger took for a noun ("that Hamas disarm")."""
    if token.pos_ in ("VERB", "AUX"):
        return token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj", "compound", "appos", "attr")
    return token.dep_ in ("ccomp", "xcomp", "advcl") and any(
        c.dep_ in ("nsubj", "nsubjpass", "aux") for c in token.children
    )


def ancestors(token: Token, limit: int = 4) -> Iterator[Token]:
    node = token
    for _ in range(limit):
        if node.head.i == node.i:
            return
        node = node.head
        yield node


def children(token: Token, *deps: str) -> list[Token]:
    return [c for c in token.children if c.dep_ in deps]


def conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
    return out


def pobjs(token: Token, *preps: str) -> list[Token]:
    """Objects of the prepositions ``preps`` hanging from ``token`` (also through a particle:
    "pull back from X")."""
    out = []
    heads = [token, *[c for c in token.children if c.dep_ in ("advmod", "prt") and c.i > token.i]]
    for head in heads:
        for prep in head.children:
            if prep.dep_ in ("prep", "agent") and (not preps or prep.lower_ in preps):
                out.extend(c for c in prep.children if c.dep_ == "pobj")
                for sub in prep.children:  # "out of X", "south of X"
                    if sub.dep_ == "prep":
                        out.extend(c for c in sub.children if c.dep_ == "pobj")
    return out


def aside_end(doc: Doc, start: int, end: int) -> int:
    """``end``, or the comma that opens an aside (", which …", ", to be named …") after ``start``."""
    for i in range(start + 1, end - 1):
        if doc[i].text == "," and i + 1 < len(doc):
            nxt = doc[i + 1]
            if (
                nxt.lower_ in _ASIDE_STARTS
                or (nxt.lower_ == "to" and nxt.dep_ == "aux")
                or nxt.tag_ == "VBN"
            ):
                return i
    return end


def text_of(doc: Doc, start: int, end: int, *, drop_det: bool = True) -> str:
    end = aside_end(doc, start, end)
    tokens = list(doc[start:end])
    while tokens and (
        tokens[0].is_punct
        or (drop_det and tokens[0].lower_ in DETERMINERS)
        or tokens[0].dep_ == "cc"
    ):
        tokens = tokens[1:]
    while tokens and (
        tokens[-1].is_punct
        or tokens[-1].dep_ in ("cc", "prep", "det", "mark")
        or tokens[-1].lower_ in ("and", "or")
    ):
        tokens = tokens[:-1]
    return "".join(t.text_with_ws for t in tokens).strip()


def subtree_text(token: Token, *, drop_det: bool = True, stop: int | None = None) -> str:
    doc = token.doc
    end = token.right_edge.i + 1
    if stop is not None:
        end = min(end, stop)
    return text_of(doc, token.left_edge.i, end, drop_det=drop_det)


# ----------------------------------------------------------------------------- context


def governing_verb(token: Token) -> Token | None:
    if verbal(token):
        return token
    for node in ancestors(token, 6):
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject; for "allowed X to return", "required X to leave", "called for X to
    disarm": X."""
    node: Token | None = verb
    for _ in range(3):
        if node is None:
            return None
        subj = children(node, "nsubj", "nsubjpass")
        if subj:
            return subj[0]
        if node.dep_ == "xcomp" and node.head.i != node.i:
            obj = children(node.head, "dobj")
            if obj and obj[0].i < node.i:
                return obj[0]  # "required the paramilitaries to leave"
            node = node.head
            continue
        if node.dep_ == "advcl" and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ in ("relcl", "acl") and node.head.i != node.i:
            return node.head
        if node.dep_ == "conj" and node.head.i != node.i:
            # "X not belonging to Y leave the region": the subject hangs from a participle
            between = [
                t
                for t in node.doc[node.head.i + 1 : node.i]
                if t.dep_ == "nsubj" and t.head.tag_ == "VBG" and t.head.i < node.i
            ]
            if between and children(node.head, "nsubj", "nsubjpass"):
                return between[-1]
            node = node.head
            continue
        return None
    return None


def mods(token: Token) -> list[Token]:
    doc = token.doc
    out = list(doc[token.left_edge.i : token.i])
    out.extend(
        c
        for c in token.children
        if c.dep_ in ("advmod", "acomp", "npadvmod", "amod") and c.i > token.i
    )
    return out


def extent(token: Token) -> int:
    """The end of ``token``'s subtree, leaving out clauses coordinated with a verb inside it
    ("soldiers killed in the fighting [and set up a commission]")."""
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("conj", "cc") and token.pos_ in ("VERB", "AUX"):
            break
        end = max(end, extent(child))
    return end


def modifier_words(anchor: Token) -> list[Token]:
    """Pre-modifiers of a noun (its left subtree) and adverbs of a verb."""
    doc = anchor.doc
    out = list(doc[anchor.left_edge.i : anchor.i])
    out.extend(
        c for c in anchor.children if c.dep_ in ("advmod", "acomp", "npadvmod") and c.i > anchor.i
    )
    return out


def conj_end(token: Token) -> int:
    end = token.i + 1
    for child in token.rights:
        if child.dep_ in ("conj", "cc", "punct", "appos"):
            break
        end = child.right_edge.i + 1
    return end
