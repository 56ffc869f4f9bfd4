"""Who holds a stance, who voices it, where the claim comes from and how sure it is."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ..analysis import Analysis
from ..coref import actors_of
from .cues import Cue
from .lexicon import StanceCues
from .syntax import subject_of

__all__ = ["Attribution"]

_DESCRIBE = frozenset({"call", "describe", "label", "brand", "deem", "consider", "say"})


class Attribution:
    """Actors, speakers, sources and certainty of stances."""

    def __init__(self, cues: StanceCues):
        self.cues = cues

    def actors(self, doc: Doc, analysis: Analysis, cue: Cue) -> list[str]:
        """The actors whose position the cue states."""
        anchor = cue.anchor
        if anchor.pos_ == "NOUN":
            # "Hamas's demand for …", "the Israeli rejection": only an owner makes a stance
            for child in anchor.children:
                if child.dep_ in ("poss", "compound", "amod") and (
                    owners := actors_of(doc, analysis, child)
                ):
                    return owners
            return []
        if cue.holder is not None:
            return self._holder(doc, analysis, cue)
        if anchor.pos_ == "ADJ":  # "Israel was open to the plan", "ready to accept it"
            node = anchor
            while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
                node = node.head
            subject = subject_of(node)
            return actors_of(doc, analysis, subject) if subject is not None else []
        agents = [
            c
            for c in anchor.children
            if c.dep_ == "agent"  # not "agreed thanks to mediation by the UAE"
            and not (c.i > 0 and doc[c.i - 1].lemma_.lower() in self.cues.mediation_nouns)
        ]
        agents += [g for a in agents for g in a.conjuncts if g.lower_ == "by"]
        if (
            agents
        ):  # "welcomed by Georgia, which …, and by the EU": the second "by" hangs on the verb
            agents += [
                c
                for c in anchor.children
                if c.dep_ == "conj" and c.lower_ == "by" and c not in agents
            ]
            agents += [
                t
                for t in doc[
                    agents[0].i + 1 : anchor.sent.end
                ]  # … or, misparsed, on a clause in between
                if t.lower_ == "by"
                and t.dep_ != "agent"
                and doc[t.i - 1].lower_ in ("and", "or")
                and t not in agents
            ]
        found: list[str] = []
        for agent in agents:  # "signed by X for the government and by Y of the M23"
            for obj in agent.children:
                if obj.dep_ == "pobj":
                    found += [a for a in actors_of(doc, analysis, obj) if a not in found]
        if agents:  # "signed by X, adviser to Y, and Z": Z parsed as a conjunct of the verb
            for noun in (
                c for c in anchor.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")
            ):
                found += [a for a in actors_of(doc, analysis, noun) if a not in found]
        if found:
            return found
        subject = subject_of(anchor)
        if subject is not None and subject.dep_ == "nsubjpass" and cue.stance == "?receive":
            return self.subject_actors(
                doc, analysis, subject, anchor
            )  # "it has not been presented with the plan"
        if (
            subject is not None
            and subject.dep_ == "nsubjpass"
            and anchor.dep_ == "xcomp"
            and subject.head.i == anchor.head.i
            and (anchor.head.lemma_.lower() in self.cues.raising_verbs)
        ):
            return self.subject_actors(
                doc, analysis, subject, anchor
            )  # "the army is understood to have agreed"
        if (
            subject is None
            or subject.dep_ == "nsubjpass"
            or (anchor.dep_ == "acl" and subject is anchor.head)
        ):
            return self._signatories(
                analysis, cue
            )  # "the swap was agreed", "a protocol signed on Friday"
        if subject.lower_ in ("we", "us"):
            return self.speaker_side(analysis, anchor)
        found = self.subject_actors(doc, analysis, subject, anchor)
        if (
            anchor.lemma_.lower() == "agree"
        ):  # "Russia and Ukraine each agreed with Washington to …"
            found += [
                a
                for c in anchor.children
                if c.dep_ == "prep" and c.lower_ == "with"
                for g in c.children
                if g.dep_ == "pobj"
                for a in actors_of(doc, analysis, g)
                if a not in found
            ]
        if any(
            t.dep_ == "cc" for t in subject.subtree
        ):  # "Mirzoyan of Armenia and Bayramov of Azerbaijan"
            clauses = {
                t.i
                for c in subject.subtree
                if c.dep_ in ("relcl", "acl", "appos")
                for t in c.subtree
            }
            coordinated = [t for t in subject.subtree if t.dep_ == "conj" and t.i not in clauses]
            for index in {
                analysis.person_at[t.i] for t in coordinated if t.i in analysis.person_at
            }:
                affiliation = analysis.people[index].affiliation
                if affiliation and affiliation not in found:
                    found.append(affiliation)
        return found

    def subject_actors(
        self, doc: Doc, analysis: Analysis, subject: Token, anchor: Token
    ) -> list[str]:
        """The actors a stance's subject names. Beyond coreference: a pair expression ("both",
        "the two", "each side", "the two governments") is the parties; a quantified subject
        ("nobody in the army") is its complement's actor; an official or source the text quotes
        ("Indian government sources", "a senior army officer") is its affiliation; a generic
        self-reference ("the country", "the group") under a speech verb is the speaker's side."""
        cues = self.cues
        container = {
            t.i
            for c in subject.children
            if c.dep_ == "poss" and subject.tag_ == "NNS"
            for t in c.subtree
        }
        own = [
            m.actor
            for t in subject.subtree
            if t.i not in container and (m := analysis.mention_at(t.i)) is not None
        ]
        words = {
            t.lower_
            for t in subject.subtree
            if t.dep_ in ("det", "nummod", "predet", "amod", "quantmod") or t.i == subject.i
        }
        parties = list(analysis.extra.get("parties", ()))
        if not own and words & cues.pair_words and len(parties) >= 2:
            return parties[:2]  # the two most prominent sides
        if subject.lower_ in cues.quantifier_subjects:
            inner = [
                a
                for c in subject.children
                if c.dep_ == "prep" and c.lower_ in ("in", "of", "from")
                for g in c.children
                if g.dep_ == "pobj"
                for a in actors_of(doc, analysis, g)
            ]
            if inner:
                return list(dict.fromkeys(inner))
        found = actors_of(doc, analysis, subject)
        if found:
            return found
        for source in analysis.sources:
            if source.affiliation and any(s <= subject.i < e for s, e in source.spans):
                return [source.affiliation]
        if (
            subject.lemma_.lower() in cues.self_reference_nouns
            and any(
                c.dep_ in ("det", "poss")
                and c.lower_ in ("the", "his", "her", "its", "their", "our")
                for c in subject.children
            )
            and len(list(subject.subtree)) <= 3
        ):
            return self._speaker_of(doc, analysis, anchor)
        return []

    def _holder(self, doc: Doc, analysis: Analysis, cue: Cue) -> list[str]:
        """Whose evaluation it is: "X called the deal unacceptable" → X; "the demands amounted to
        an ultimatum, Zelenskiy said" → the speaker; "Hamas's answer amounted to a rejection" →
        the owner of the subject."""
        for word in cue.anchor.doc[cue.start : cue.end]:  # "a red line for Damascus"
            for prep in word.children:
                if prep.dep_ == "prep" and prep.lower_ == "for":
                    found = [
                        a
                        for g in prep.children
                        if g.dep_ == "pobj"
                        for a in actors_of(doc, analysis, g)
                    ]
                    if found:
                        return found
        node = cue.anchor
        while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
            node = node.head
        if (
            cue.holder == "voice"
        ):  # "any lasting deal would depend on X, he said": the speaker's terms
            return self._speaker_of(doc, analysis, node)
        subject = subject_of(node)
        if subject is not None and node.lemma_.lower() in _DESCRIBE:
            return actors_of(doc, analysis, subject)  # "X described the terms as unworkable"
        if cue.holder == "owner" and subject is not None:
            owner = next((c for c in subject.children if c.dep_ == "poss"), None)
            if owner is not None and (found := actors_of(doc, analysis, owner)):
                return found
        if (
            subject is not None
            and subject.i not in analysis.extra.get("proposal_at", {})
            and subject.lower_ not in ("it", "this", "that")
        ):
            if found := actors_of(doc, analysis, subject):
                return found  # "Damascus called it a red line"
        return self._speaker_of(doc, analysis, node)

    def _speaker_of(self, doc: Doc, analysis: Analysis, node: Token) -> list[str]:
        """The actor of the speech verb ``node`` is reported under ("…, he said")."""
        for speech in [node, *node.ancestors]:
            if speech.i in analysis.source_of_verb or speech.lemma_.lower() in (
                "say",
                "tell",
                "call",
                "describe",
                "add",
            ):
                subject = next((c for c in speech.children if c.dep_ == "nsubj"), None)
                if (
                    subject is not None
                    and speech is not node
                    and (found := actors_of(doc, analysis, subject))
                ):
                    return found
                source = analysis.source_of_verb.get(speech.i)
                if source is not None and (affiliation := analysis.sources[source].affiliation):
                    return [affiliation]
        for child in node.children:  # "…, an Israeli official said" as parataxis
            if child.dep_ in ("parataxis", "advcl", "conj") and child.i in analysis.source_of_verb:
                if affiliation := analysis.sources[analysis.source_of_verb[child.i]].affiliation:
                    return [affiliation]
        return []

    @staticmethod
    def _signatories(analysis: Analysis, cue: Cue) -> list[str]:
        """A signature or agreement reported without its signers ("the swap was agreed in
        Switzerland", "a protocol signed on Friday") is the parties'; "agreed between U.S. and
        Ukrainian officials" names them."""
        anchor = cue.anchor
        between = [
            m.actor
            for c in anchor.children
            if c.dep_ == "prep" and c.lower_ == "between"
            for t in c.subtree
            if (m := analysis.mention_at(t.i)) is not None
        ]
        if between:
            return list(dict.fromkeys(between))
        if cue.stance not in ("signs", "accepts") or anchor.lemma_.lower() not in (
            "sign",
            "agree",
            "initial",
            "ratify",
        ):
            return []
        if anchor.tag_ != "VBN" or any(
            c.dep_ == "aux" and c.lower_ in ("to", "would", "could", "will")
            for c in anchor.children
        ):
            return []  # "with a view to signing it": not a signature that took place
        mediators = set(
            analysis.extra.get("mediators", ())
        )  # "agreed thanks to mediation by the UAE"
        return [a for a in analysis.extra.get("parties", ()) if a not in mediators]

    @staticmethod
    def speaker_side(analysis: Analysis, anchor: Token) -> list[str]:
        """ "We did not reject …," a Hamas official said: the speaker's side."""
        sent = anchor.sent
        doc = anchor.doc
        following = doc[sent.end : min(len(doc), sent.end + 60)]
        for token in [*sent, *following]:
            if token.i in analysis.source_of_verb:
                affiliation = analysis.sources[analysis.source_of_verb[token.i]].affiliation
                if affiliation:
                    return [affiliation]
        return []

    def accusers(self, doc: Doc, analysis: Analysis, cue: Cue) -> list[str]:
        """Who says the breach happened: the subject of "accuse"; for a breach noun or verb,
        the actor whose clause reports it ("the army sent a letter detailing the breaches",
        "Saudi Arabia and the US said both sides were violating the truce"), else the source."""
        anchor = cue.anchor
        if anchor.lemma_.lower() == "accuse":
            subject = subject_of(anchor)
            return (
                self.subject_actors(doc, analysis, subject, anchor) if subject is not None else []
            )
        violators: set[str] = set()
        own = next((c for c in anchor.children if c.dep_ == "nsubj"), None)
        if anchor.pos_ == "VERB" and own is not None:
            violators = set(actors_of(doc, analysis, own))
        for node in anchor.ancestors:
            if node.pos_ not in ("VERB", "AUX"):
                continue
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            found = (
                [a for a in actors_of(doc, analysis, subject) if a not in violators]
                if subject is not None
                else []
            )
            if found:
                return found
        source = self.source(analysis, anchor)
        if source is not None:
            affiliation = analysis.sources[source].affiliation
            if affiliation:
                return [affiliation]
            name_actors = [
                m.actor
                for s, e in analysis.sources[source].spans
                for i in range(s, e)
                if (m := analysis.mention_at(i)) is not None
            ]
            return list(dict.fromkeys(name_actors))
        return []

    @staticmethod
    def source(analysis: Analysis, anchor: Token) -> int | None:
        """The source of the speech verb the cue is reported under (or the cue's own)."""
        node = anchor
        for _ in range(6):
            if node.i in analysis.source_of_verb:
                return analysis.source_of_verb[node.i]
            for child in node.children:
                if child.i in analysis.source_of_verb and child.dep_ in (
                    "parataxis",
                    "advcl",
                    "conj",
                    "prep",
                ):
                    return analysis.source_of_verb[child.i]
            if node.head.i == node.i:
                break
            node = node.head
        sent = anchor.sent
        for token in sent:  # "…, according to two sources familiar with the talks"
            if token.lower_ == "according" and token.i in analysis.source_of_verb:
                return analysis.source_of_verb[token.i]
            if (
                token.dep_ in ("parataxis", "ROOT")
                and token.i in analysis.source_of_verb
                and token.i > anchor.i
            ):
                return analysis.source_of_verb[token.i]
        return None

    @staticmethod
    def speaker(doc: Doc, analysis: Analysis, anchor: Token, actors: list[str]) -> str | None:
        """The named person who voices the stance for its actor (subject or speaker)."""
        node = anchor
        for _ in range(6):
            subject = next((c for c in node.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                for t in subject.subtree:
                    if t.i in analysis.person_at:
                        person = analysis.people[analysis.person_at[t.i]]
                        if person.affiliation in actors or not person.affiliation:
                            return person.name
                        break
            if node.head.i == node.i:
                break
            node = node.head
        return None

    def certainty(
        self, analysis: Analysis, anchor: Token, source: int | None, actors: list[str]
    ) -> str:
        sent = anchor.sent.text.lower()
        if any(h in sent for h in self.cues.hedges):
            return "hedged"
        if source is None:
            return "confirmed"
        info = analysis.sources[source]
        if info.kind in ("anonymous", "media", "unspecified"):
            return "reported"
        if info.kind == "document":
            return (
                "confirmed"
                if info.affiliation in actors or info.affiliation is None
                else "reported"
            )
        if info.affiliation and info.affiliation not in actors:
            return "reported"
        return "confirmed"
