"""``parley explain``: why Parley said what it said.

The article is printed with the evidence of every fact highlighted and numbered; below it,
each numbered fact with the rule or cue that produced it. Facts come from the analysis the
components left on the document, so what is shown is exactly what made the record.

    >>> facts = explain_article(extractor, article)
    >>> render_explanation(console, article.text, facts)
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from .extract.analysis import Analysis
from .extract.build import char_span
from .extract.pipeline import Extractor
from .ingest.article import Article

__all__ = ["Fact", "explain_article", "render_explanation"]

STYLES = {
    "actor": "bold cyan",
    "person": "cyan",
    "source": "magenta",
    "proposal": "bold yellow",
    "term": "yellow",
    "stance": "bold green",
    "event": "bold blue",
    "date": "blue",
}


@dataclass(frozen=True, slots=True)
class Fact:
    """One extracted fact: what it says, where its evidence is, and why."""

    layer: str
    summary: str
    spans: tuple[tuple[int, int], ...]
    rule: str


def explain_article(extractor: Extractor, article: Article) -> list[Fact]:
    """Run the extractor on ``article`` and list the facts with their evidence and rules."""
    doc = extractor.nlp(extractor._doc(article))
    analysis: Analysis = doc._.parley

    def span(start: int, end: int) -> tuple[int, int]:
        return char_span(doc, start, end)

    facts: list[Fact] = []
    first_mentions: dict[str, list] = {}
    for m in analysis.actor_mentions:
        if m.agentive:
            first_mentions.setdefault(m.actor, []).append(m)
    for actor, mentions in first_mentions.items():
        roles = ", ".join(analysis.roles.get(actor, [])) or "no stated role"
        m = mentions[0]
        facts.append(Fact("actor", f"{actor} ({roles})", (span(m.start, m.end),),
                          f"{m.form} in the actor registry; {m.rule}; {len(mentions)} agentive mention(s)"))
    for p in analysis.people:
        s, e = p.spans[0]
        facts.append(Fact("person", f"{p.name} — {p.title or 'no title'}, {p.affiliation or 'no affiliation'}",
                          (span(s, e),), "people registry" if p.registry else "named entity and title"))
    for src in analysis.sources:
        s, e = src.spans[0]
        facts.append(Fact("source", f"{src.id} {src.kind}: {src.name} ({src.affiliation or '-'})",
                          (span(s, e),), "speech verb attribution"))
    for n, p in enumerate(analysis.proposals, 1):
        s, e = p.mentions[0]
        channel = " → ".join(p.channel) or "no channel"
        parent = f", answers p{p.parent + 1}" if p.parent is not None else ""
        facts.append(Fact("proposal", f"p{n} {p.label!r} by {p.proposer or 'no named author'} "
                          f"[{p.status}] via {channel}{parent}", tuple(span(a, b) for a, b in p.mentions[:3]),
                          f"proposer: {p.rule or 'none found'}"))
        for index in p.terms:
            t = analysis.terms[index]
            phase = f" phase {t.phase}" if t.phase else ""
            facts.append(Fact("term", f"p{n} {t.type}{phase} {t.params}", (span(t.start, t.end),), f"cue {t.cue}"))
    for st in analysis.stances:
        target = f"p{st.proposal + 1}" if st.proposal is not None else "?"
        if st.term:
            target += f".{st.term}"
        conditions = f" if {'; '.join(st.conditions)}" if st.conditions else ""
        facts.append(Fact("stance", f"{st.actor} {st.stance} {target} ({st.certainty}){conditions}",
                          (span(st.start, st.end),), f"cue {st.cue!r}"))
    for ev in analysis.events:
        who = ", ".join(ev.actors) + (" → " + ", ".join(ev.recipients) if ev.recipients else "")
        when = f" on {ev.date.value} ({ev.date.text!r}, {ev.date.rule})" if ev.date is not None else ""
        where = f" in {ev.location}" if ev.location else ""
        facts.append(Fact("event", f"{ev.type}/{ev.mode or '-'} {who}{when}{where}",
                          (span(ev.start, ev.end),), f"cue {ev.cue!r}"))
    return facts


def render_explanation(console: Console, text: str, facts: list[Fact]) -> None:
    """Print ``text`` with the facts' evidence highlighted and numbered, then the facts."""
    body = Text(text)
    ends: dict[int, list[int]] = {}
    for number, fact in enumerate(facts, 1):
        style = STYLES.get(fact.layer, "bold")
        for start, end in fact.spans:
            body.stylize(style if fact.layer != "actor" else "underline " + style, start, end)
        start, end = fact.spans[0]
        ends.setdefault(end, []).append(number)
    marked = Text()
    cursor = 0
    for end in sorted(ends):
        marked.append_text(body[cursor:end])
        marked.append("⟨" + ",".join(map(str, ends[end])) + "⟩", style="dim")
        cursor = end
    marked.append_text(body[cursor:])
    console.print(marked)
    console.rule("facts")
    for number, fact in enumerate(facts, 1):
        style = STYLES.get(fact.layer, "bold")
        console.print(
            f"[dim]⟨{number}⟩[/] [{style}]{fact.layer:<8}[/] {escape(fact.summary)}  [dim]— {escape(fact.rule)}[/]"
        )
