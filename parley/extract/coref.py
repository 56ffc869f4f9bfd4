"""Component ``parley_coref``: which actors a phrase refers to, inside one article.

Stances and events need actor ids for their subjects and objects. :func:`actors_of` turns a
token (the head of a noun phrase) into actor ids:

- a name, demonym phrase or descriptive reference found by ``parley_actors`` → that actor;
- a named person, or "Netanyahu's office" → the person's affiliation;
- coordination ("Israel and Hamas", "Qatari and Egyptian mediators") → every conjunct;
- "the two sides", "both parties", "the warring parties" → the article's parties;
- "the mediators", "mediation" → the article's mediators;
- "he"/"she" → the last person named; "it"/"its"/"they"/"their" → the last actor named in
  the subject of an earlier clause;
- a relative pronoun → its antecedent ("Qatar and Egypt, which have mediated"), with
  :func:`refer` also reading "whose" phrases ("Turkey, whose troops …");
- "the guarantor states, Qatar, Egypt and Turkey" → the appositions; sides words with other
  modifiers ("eight Arab countries", "guarantor countries") are not the parties.

The component also reads the article's role statements (:mod:`.role_cues`) once, so that
the mediators include every actor stated to mediate and the guessed parties leave out
actors stated to mediate, facilitate, guarantee, monitor, witness or back a side. Parties are
stated ("between X and Y"; the signatories; "X and Y agreed") or guessed (the states and
armed groups most often named as acting, a mention in arms counting three times).

requires: doc._.parley.actor_mentions, doc._.parley.people, token.dep
assigns:  analysis.extra: "parties", "parties_stated", "mediators", "role_cues",
          "third_parties", "belligerents"
"""

from __future__ import annotations

from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc, Token

from .analysis import Analysis, analysis_of
from .lexicons import load_lexicons

__all__ = ["Coref", "actors_of", "conjuncts", "parties_of", "refer"]

_SIDES = frozenset({"side", "sides", "party", "parties", "countries", "nations", "neighbours", "neighbors", "foes", "rivals", "belligerents", "adversaries", "enemies"})
_MEDIATION = frozenset({"mediator", "mediators", "mediation", "broker", "brokers", "intermediaries", "intermediary"})
_PERSONAL = frozenset({"he", "she", "him", "her", "his"})
_COLLECTIVE = frozenset({"it", "its", "they", "them", "their"})
_MEDIATOR_ROOTS = ("mediat", "broker")
_RELATIVE = frozenset({"which", "who", "that", "whom"})
# modifiers that keep "the two sides" the article's parties ("eight Arab countries" are not)
_SIDE_MODIFIERS = frozenset({"two", "2", "both", "warring", "rival", "opposing", "conflicting", "negotiating", "the",
                             "belligerent", "fighting", "respective", "main", "various", "all", "other"})
# third-party roles: an actor stated to hold one is not a party unless the text says so
# (a host or a relay can still be a side: talks in its capital, a message through its speaker)
_THIRD_ROLES = frozenset({"mediator", "facilitator", "guarantor", "monitor", "observer_witness"})


def _conjuncts(token: Token) -> list[Token]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_conjuncts(child))
        elif child.dep_ == "appos" and token.pos_ == "PROPN" and child.pos_ == "PROPN" and any(c.dep_ == "conj" for c in child.children):
            out.extend(_conjuncts(child))  # "Saudi Arabia, Qatar, the United Arab Emirates, …" read as an apposition
    return out


conjuncts = _conjuncts


def antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun ("which", "who", "whose") stands for."""
    low = token.lower_
    if low not in _RELATIVE and low != "whose":
        return None
    current = token
    for _ in range(4):  # up to the relative clause, then its head noun
        head = current.head
        if head.i == current.i:
            return None
        if current.dep_ == "relcl":
            if head.lower_ == "own" and head.dep_ == "pobj" and head.head.head.i != head.head.i:
                head = head.head.head  # "a memorandum of its own, which …"
            if _plural_clause(current, token):
                while head.dep_ == "conj" and head.head.i != head.i:
                    head = head.head  # "Qatar and Egypt, which have mediated": both
            return head
        current = head
    return None


def _plural_clause(verb: Token, pronoun: Token) -> bool:
    """Whether a relative clause speaks of a whole coordination: a plural verb ("which have
    mediated", "which act as guarantors"), or a comma before the pronoun with a verb that
    shows no number ("Egypt and Qatar, which brokered …"); not "the government and the
    coalition that backs it"."""
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if tags & {"VBZ"}:
        return False
    if tags & {"VBP"}:
        return True
    doc = pronoun.doc
    return pronoun.i > 0 and doc[pronoun.i - 1].text == ","


def refer(doc: Doc, analysis: Analysis, token: Token) -> list[str]:
    """Like :func:`actors_of`, reading relative pronouns and "whose" phrases as their
    antecedent ("Qatar, which mediates"; "Turkey, whose troops helped …")."""
    ante = antecedent(token)
    if ante is not None:
        return refer(doc, analysis, ante)
    whose = next((c for c in token.children if c.dep_ == "poss" and c.lower_ == "whose"), None)
    if whose is not None and analysis.mention_at(token.i) is None:
        ante = antecedent(whose)
        if ante is not None:
            return refer(doc, analysis, ante)
    return actors_of(doc, analysis, token)


def parties_of(doc: Doc, analysis: Analysis) -> list[str]:
    """The article's parties: actors joined by "between X and Y", else the two most
    mentioned states or armed groups that are not mediators."""
    return _parties(doc, analysis)[0]


def _parties(doc: Doc, analysis: Analysis) -> tuple[list[str], bool]:
    """The parties, and whether the text states them or they are a guess.

    Stated: the actors of "between X and Y", else the actors that sign an agreement or agree
    on one together ("Israel and Hamas have agreed"). Guessed: the states and armed groups
    most often named as acting, a mention in arms ("Israeli strikes", "Russian forces")
    counting three times, leaving out actors stated to mediate, facilitate, guarantee,
    monitor, witness or back a side, and hosts that take no part in the fighting."""
    registry = load_lexicons().actors
    mediators = set(analysis.extra.get("mediators", ()))
    third = set(analysis.extra.get("third_parties", ())) | mediators
    for token in doc:
        if token.lower_ != "between":
            continue
        objects = [c for c in token.children if c.dep_ == "pobj"]
        if not objects:
            continue
        found: list[str] = []
        for conj in _conjuncts(objects[0]):
            for actor in actors_of(doc, analysis, conj, expand=False):
                if actor not in found:
                    found.append(actor)
            for child in conj.children:  # "between Israeli and Hamas delegations"
                if child.dep_ in ("amod", "compound") and any(c.dep_ == "conj" for c in child.children):
                    found += [a for a in actors_of(doc, analysis, child) if a not in found]
        found = [a for a in found if a not in mediators and (e := registry.get(a)) is not None and e.kind != "igo"]
        if len(found) >= 2:
            return found, True
    signers: list[str] = []
    for cue in analysis.extra.get("role_cues", ()):
        if cue.role == "party" and cue.actor not in third and cue.actor not in signers:
            entry = registry.get(cue.actor)
            if entry is not None and entry.kind != "igo":
                signers.append(cue.actor)
    if len(signers) >= 2:
        return signers, True
    cues = analysis.extra.get("role_cues", ())
    # a venue, or a voice welcoming the deal, is no side unless it fights
    hosts = {c.actor for c in cues if c.role == "host" and not c.rule.startswith("venue")}
    venues = {c.actor for c in cues if c.role == "host" and c.rule.startswith("venue")}
    endorsers = {c.actor for c in cues if c.role == "endorser"}
    belligerents = set(analysis.extra.get("belligerents", ()))
    counts: Counter[str] = Counter()
    mentioned: Counter[str] = Counter()
    for m in analysis.actor_mentions:
        entry = registry.get(m.actor)
        if not m.agentive or entry is None or entry.kind not in ("state", "armed_group") or m.actor in third:
            continue
        if m.actor in hosts | endorsers and m.actor not in belligerents:
            continue
        counts[m.actor] += 1 + 2 * _belligerent(doc, m.start, m.end)
        mentioned[m.actor] += 1
    for actor in venues - belligerents:
        if mentioned[actor] < 3:
            counts.pop(actor, None)
    guessed = [actor for actor, _ in counts.most_common(2)]
    if signers and signers[0] not in guessed:
        guessed = [signers[0], *guessed][:2]
    return guessed, False


_MILITARY = frozenset({
    "force", "forces", "troops", "troop", "army", "military", "soldiers", "soldier", "fighters", "fighter",
    "strike", "strikes", "attack", "attacks", "offensive", "jets", "drones", "drone", "shelling", "bombardment",
    "rockets", "rocket", "missiles", "missile", "militants", "units", "guerrillas", "gunmen", "artillery",
    "incursion", "invasion", "operations", "bombing", "raids", "raid", "positions", "warplanes", "war",
    "withdrawal", "pullout", "occupation", "blockade", "siege", "assault", "campaign", "airstrikes",
})
_CONFLICT_VERBS = frozenset({
    "attack", "strike", "shell", "bomb", "kill", "invade", "occupy", "seize", "capture", "retake", "fire",
    "launch", "fight", "withdraw", "resume", "free", "release", "detain", "hold", "abduct", "target", "hit",
    "violate", "breach", "clash", "advance", "shoot", "pull", "accuse", "deny", "besiege", "bombard",
})


def _belligerent(doc: Doc, start: int, end: int) -> bool:
    """A mention that names a side in arms: "Israeli strikes", "Russian forces", "Hamas freed",
    "attacks on Thailand"."""
    root = doc[start:end].root
    head = root.head
    if root.dep_ in ("amod", "compound", "poss", "nmod") and head.lower_ in _MILITARY:
        return True
    if root.dep_ in ("nsubj", "dobj", "nsubjpass") and head.lemma_.lower() in _CONFLICT_VERBS:
        return True
    return root.dep_ == "pobj" and head.lower_ in ("on", "against") and head.head.lower_ in _MILITARY


def _mediators(doc: Doc, analysis: Analysis) -> list[str]:
    """Actors that modify or are in apposition to "mediator(s)"/"mediation", or that
    "mediate"/"broker"."""
    found: list[str] = []

    def add(actor: str) -> None:
        if actor not in found:
            found.append(actor)

    for token in doc:
        low = token.lower_
        if low in _MEDIATION or low.startswith(_MEDIATOR_ROOTS) and not low.startswith("brokerage"):
            related = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "appos", "nmod")]
            if token.pos_ == "VERB":
                related += [c for c in token.children if c.dep_ in ("nsubj", "agent")]
                related += [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if token.dep_ in ("appos", "compound") and token.head.i != token.i:
                related.append(token.head)
            for tok in related:
                for conj in _conjuncts(tok):
                    mention = analysis.mention_at(conj.i)
                    if mention is not None:
                        add(mention.actor)
            for child in token.children:  # "mediators from Egypt and Qatar", "mediators in Egypt and Qatar"
                if child.dep_ == "prep" and child.lower_ in ("from", "in", "of"):
                    for obj in (c for c in child.children if c.dep_ == "pobj"):
                        for conj in _conjuncts(obj):
                            mention = analysis.mention_at(conj.i)
                            if mention is not None:
                                add(mention.actor)
    return found


def actors_of(doc: Doc, analysis: Analysis, token: Token, *, expand: bool = True) -> list[str]:
    """Actor ids that the phrase headed by ``token`` refers to (empty when unknown)."""
    tokens = _conjuncts(token) if expand else [token]
    found: list[str] = []
    for tok in tokens:
        for actor in _one(doc, analysis, tok):
            if actor not in found:
                found.append(actor)
    return found


def _one(doc: Doc, analysis: Analysis, token: Token) -> list[str]:
    mention = analysis.mention_at(token.i)
    if mention is not None:
        return [mention.actor]
    person = analysis.person_at.get(token.i)
    if person is not None:
        affiliation = analysis.people[person].affiliation
        return [affiliation] if affiliation else []
    low = token.lower_
    ante = antecedent(token) if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") else None
    if ante is not None:  # "Qatar, which mediates …": the relative pronoun is Qatar
        return actors_of(doc, analysis, ante, expand=True)
    if low in _SIDES and token.tag_ in ("NNS", "NNPS"):
        appositions = [a for c in token.children if c.dep_ == "appos" for a in actors_of(doc, analysis, c)]
        if appositions:  # "the guarantor states, Qatar, Egypt and Turkey"
            return list(dict.fromkeys(appositions))
    for child in token.children:  # "the U.N. peacekeeping force UNIFIL", "the regional bloc IGAD"
        if child.dep_ == "appos" and child.i == token.i + 1 and analysis.mention_at(child.i) is not None:
            return [analysis.mention_at(child.i).actor]  # type: ignore[union-attr]
    # "Netanyahu's office", "the Israeli military's spokesman", "Hamas officials"
    for child in token.children:
        if child.dep_ in ("poss", "compound", "amod", "nmod"):
            inner = _one(doc, analysis, child)
            if inner:
                return inner
    if low in _SIDES and token.tag_ in ("NNS", "NNPS") or low in ("sides", "parties"):
        if any(c.dep_ in ("amod", "compound", "nummod") and c.lower_ not in _SIDE_MODIFIERS for c in token.children):
            return []  # "guarantor countries", "eight Arab and Muslim governments" are not the parties
        return list(analysis.extra.get("parties", ()))
    if low in _MEDIATION:
        return list(analysis.extra.get("mediators", ()))
    if low in _PERSONAL:
        before = [i for i in analysis.person_at if i < token.i]
        if before:
            affiliation = analysis.people[analysis.person_at[max(before)]].affiliation
            return [affiliation] if affiliation else []
        return []
    if low in _COLLECTIVE:
        return _antecedent(doc, analysis, token)
    # "the delegation", "the negotiators" with an actor in a following "of"/"from" phrase;
    # "the ambassadors of the United States … and of China"
    found: list[str] = []
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "for"):
            for prep in _conjuncts(child):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    found += [a for a in actors_of(doc, analysis, obj) if a not in found]
            if found:
                break
    if found:  # "Representatives of the United States, … and the regional bloc IGAD"
        found += [m.actor for c in token.children if c.dep_ == "appos"
                  if (m := analysis.mention_at(c.i)) is not None and m.actor not in found]
    return found


def _antecedent(doc: Doc, analysis: Analysis, token: Token) -> list[str]:
    """The last agentive actor mentioned as a clause subject before ``token``; for "they",
    a coordinated subject if there is one."""
    plural = token.lower_ in ("they", "them", "their")
    if token.lower_ == "its":
        # "thanked the government for … its positive engagement": the nearest actor before it
        # in the same sentence, whatever its role
        near = [m for m in analysis.actor_mentions
                if m.agentive and token.sent.start <= m.start and m.end <= token.i]
        if near:
            return [near[-1].actor]
    candidates = []
    for m in analysis.actor_mentions:
        if m.end > token.i or not m.agentive:
            continue
        root = doc[m.start : m.end].root
        subject = root.dep_ in ("nsubj", "nsubjpass") or (
            root.dep_ in ("poss", "compound", "amod") and root.head.dep_ in ("nsubj", "nsubjpass")
        )
        if subject:
            candidates.append((m, root))
    if not candidates:
        return []
    mention, root = candidates[-1]
    if plural:
        group = actors_of(doc, analysis, root.head if root.dep_ in ("poss", "compound", "amod") else root)
        if len(group) > 1:
            return group
    return [mention.actor]


class Coref:
    """Precomputes the article's parties and mediators for :func:`actors_of`."""

    def __call__(self, doc: Doc) -> Doc:
        from .role_cues import role_cues  # late: role_cues reads phrases through this module

        analysis = analysis_of(doc)
        analysis.extra["mediators"] = _mediators(doc, analysis)
        cues = role_cues(doc, analysis)
        analysis.extra["role_cues"] = cues
        for cue in cues:
            if cue.role == "mediator" and cue.actor not in analysis.extra["mediators"]:
                analysis.extra["mediators"].append(cue.actor)
        analysis.extra["third_parties"] = list(dict.fromkeys(c.actor for c in cues if c.role in _THIRD_ROLES | {"backer"}))
        analysis.extra["belligerents"] = list(dict.fromkeys(
            m.actor for m in analysis.actor_mentions if m.agentive and _belligerent(doc, m.start, m.end)
        ))
        parties, stated = _parties(doc, analysis)
        analysis.extra["parties"] = parties
        analysis.extra["parties_stated"] = stated
        return doc


@Language.factory(
    "parley_coref",
    requires=["doc._.parley", "token.dep"],
    assigns=["doc._.parley"],
)
def make_coref(nlp: Language, name: str) -> Coref:
    return Coref()
