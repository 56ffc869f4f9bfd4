"""Lines and lists: provisions written as bullet points or as "First, … Second, …" steps.

A list is opened by a line that ends with a colon ("Its main provisions are:", "Under the
deal:", "sets out three early steps:") and runs over the following item lines: lines that
start with a bullet mark, or with an ordinal adverb and a comma ("First, the group's
fighters are to gather …"). Blank lines between items do not close it; any other line does.
The tokenizer and the sentence splitter often merge an intro and its items into one
sentence, so lists are read line by line, not sentence by sentence.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

__all__ = ["Lines", "ListRun"]

_BULLETS = frozenset({"-", "•", "–", "—", "*", "·", "▪", "◦", "‣"})


@dataclass(slots=True)
class ListRun:
    intro_start: int  # token span of the intro line
    intro_end: int
    items: list[tuple[int, int]] = field(default_factory=list)  # token spans of the item lines


class Lines:
    """Each token's line, and the lists of the doc."""

    def __init__(self, doc: Doc, ordinals: frozenset[str]):
        self.line_of: list[int] = []
        spans: list[tuple[int, int]] = []
        start = 0
        for token in doc:
            self.line_of.append(len(spans))
            if "\n" in token.text or "\n" in token.whitespace_:
                spans.append((start, token.i + 1))
                start = token.i + 1
        if start < len(doc):
            spans.append((start, len(doc)))
        self.spans = spans
        self.runs: list[ListRun] = []
        self.run_of_line: dict[int, int] = {}
        current: ListRun | None = None
        for number, (s, e) in enumerate(spans):
            words = [t for t in doc[s:e] if not t.is_space]
            if not words:
                continue  # a blank line keeps the list open
            first = words[0]
            item = first.text in _BULLETS or (
                current is not None and first.lower_ in ordinals and len(words) > 1 and words[1].text == ","
            )
            if item and current is not None:
                current.items.append((s, e))
                self.run_of_line[number] = len(self.runs) - 1
                continue
            current = None
            if words[-1].text == ":":
                current = ListRun(s, e)
                self.runs.append(current)

    def run_at(self, token_i: int) -> ListRun | None:
        """The list whose item line holds token ``token_i``, if any."""
        index = self.run_of_line.get(self.line_of[token_i])
        return self.runs[index] if index is not None else None
