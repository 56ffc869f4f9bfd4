"""Article text as HTML with facts highlighted, built from escaped pieces.

Article text is untrusted: every piece of it goes through :func:`markupsafe.escape`, and the
only markup added is Parley's own (``<a>``, ``<span>``, ``<mark>`` with fixed attributes), so the
result can be marked safe as a whole.

The text is cut at every span boundary; each piece is wrapped in a link to the innermost fact
that covers it (``#f-N``, the facts table) with a class per covering layer (``hl-LAYER``), the
innermost fact's layer (``top-LAYER``) and the innermost shaded layer (``bg-LAYER``: proposals,
terms, stances and events are shaded, actors, people and sources underlined), and an empty anchor
``e-N`` (``e-N-K`` for a fact's further spans) marks where each fact's span starts, so the facts
table can link back. A ``focus`` span (``?highlight=start-end``) becomes one ``<mark id="hl">``
around all the pieces inside it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from markupsafe import Markup, escape

__all__ = ["highlighted_text", "marked", "query_pattern", "snippets"]


class _Mark(NamedTuple):
    """A fact as the highlighter needs it."""

    number: int
    layer: str
    summary: str


_SHADED = frozenset({"proposal", "term", "stance", "event"})  # a background; the others are underlined
_LAYER_ORDER = {"stance": 0, "proposal": 1, "term": 2, "event": 3, "source": 4, "person": 5, "actor": 6}


def highlighted_text(text: str, facts: Sequence[Mapping[str, Any]], focus: Sequence[int] | None = None) -> Markup:
    """``text`` as HTML with every span of ``facts`` (:meth:`Fact.to_dict` data: ``number``,
    ``layer``, ``summary``, ``spans``) linked to its fact, and ``focus`` marked."""
    spans: list[tuple[int, int, _Mark, int]] = [
        (start, end, _Mark(fact["number"], fact["layer"], fact["summary"]), k)
        for fact in facts for k, (start, end) in enumerate(fact["spans"])
        if 0 <= start < end <= len(text)
    ]
    if focus is not None:
        focus = (int(focus[0]), int(focus[1]))
    cuts = {0, len(text)}
    for start, end, _, _ in spans:
        cuts.update((start, end))
    if focus is not None:
        cuts.update(focus)
    starts: dict[int, list[tuple[int, int, _Mark, int]]] = {}
    for span in spans:
        starts.setdefault(span[0], []).append(span)
    out: list[str] = []
    active: list[tuple[int, int, _Mark, int]] = []
    bounds = sorted(cuts)
    for a, b in zip(bounds, bounds[1:], strict=False):
        if focus is not None and a == focus[0]:
            out.append('<mark class="focus" id="hl">')
        active = [s for s in active if s[1] > a]
        for span in starts.get(a, ()):
            active.append(span)
            fact, k = span[2], span[3]
            anchor = f"e-{fact.number}" if k == 0 else f"e-{fact.number}-{k}"
            out.append(f'<span class="anchor" id="{anchor}"></span>')
        piece = str(escape(text[a:b]))
        if active:
            covering = sorted(active, key=lambda s: (s[1] - s[0], _LAYER_ORDER.get(s[2].layer, 9)))
            inner = covering[0][2]
            layers = sorted({s[2].layer for s in active}, key=lambda layer: _LAYER_ORDER.get(layer, 9))
            shade = next((m.layer for _, _, m, _ in covering if m.layer in _SHADED), None)
            classes = " ".join(["hl", *(f"hl-{layer}" for layer in layers), f"top-{inner.layer}",
                                *([f"bg-{shade}"] if shade else [])])
            title = escape("\n".join(dict.fromkeys(f"{m.number}. {m.layer}: {m.summary}" for _, _, m, _ in covering)))
            out.append(f'<a class="{classes}" href="#f-{inner.number}" title="{title}">{piece}</a>')
        else:
            out.append(piece)
        if focus is not None and b == focus[1]:
            out.append("</mark>")
    return Markup("".join(out))


def query_pattern(query: str) -> re.Pattern[str] | None:
    """A pattern that finds the words of a search query in text, loosely (by prefix, since
    the search matches by stem): ``talks`` finds "talk", "talks" and "talked"."""
    stems = []
    for word in re.findall(r"\w+", query.lower()):
        stems.append(word[: max(4, len(word) - 2)] if len(word) > 4 else word)
    if not stems:
        return None
    alternatives = "|".join(map(re.escape, sorted(set(stems), key=len, reverse=True)))
    return re.compile(r"(?<!\w)(?:" + alternatives + r")\w*", re.IGNORECASE)


def snippets(text: str, pattern: re.Pattern[str] | None, *, width: int = 90, most: int = 3) -> list[dict[str, Any]]:
    """Up to ``most`` passages of ``text`` around matches of ``pattern``: each with its
    ``start``/``end`` in the text, its ``text``, and the ``marks`` (spans of the matches in the
    passage). JSON-ready; :func:`marked` turns one into HTML."""
    if pattern is None:
        return [{"start": 0, "end": min(len(text), 2 * width), "text": text[: 2 * width], "marks": []}] if text else []
    windows: list[list[int]] = []
    for match in pattern.finditer(text):
        start, end = max(0, match.start() - width), min(len(text), match.end() + width)
        if windows and start <= windows[-1][1]:
            windows[-1][1] = end
        elif len(windows) < most:
            windows.append([start, end])
        else:
            break
    out = []
    for start, end in windows:
        piece = text[start:end]
        marks = [list(m.span()) for m in pattern.finditer(piece)]
        out.append({"start": start, "end": end, "text": piece, "marks": marks,
                    "more_before": start > 0, "more_after": end < len(text)})
    return out


def marked(text: str, marks: Sequence[Sequence[int]]) -> Markup:
    """``text`` escaped, with ``marks`` (non-overlapping ``[start, end)`` spans) in ``<mark>``."""
    out = []
    cursor = 0
    for start, end in sorted((int(s), int(e)) for s, e in marks):
        if start < cursor or not 0 <= start < end <= len(text):
            continue
        out.append(escape(text[cursor:start]))
        out.append(Markup("<mark>") + escape(text[start:end]) + Markup("</mark>"))
        cursor = end
    out.append(escape(text[cursor:]))
    return Markup("").join(out)
