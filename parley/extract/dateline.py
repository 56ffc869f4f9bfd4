"""Component ``parley_dateline``: end the dateline's sentence before the parser runs.

Wire copy opens with a dateline ("ANKARA, May 6 —", "KYIV, April 5 (Reuters) -"). Parsed as
part of the first sentence it wrecks that sentence's tree — and the lede is where the news
is. Marking the token after the dash as a sentence start makes the parser treat the dateline
as a fragment of its own. The text and its offsets do not change.

requires: token.is_upper (tokenizer only); runs before ``parser``
assigns:  token.is_sent_start
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["mark_dateline"]

_DASHES = frozenset({"—", "–", "-", "--", "―"})
_MAX_TOKENS = 14


def mark_dateline(doc: Doc) -> Doc:
    """Start a new sentence after the dateline's dash, if the doc opens with a dateline."""
    start = 0
    while start < len(doc) and doc[start].is_space:
        start += 1
    if start >= len(doc) or not (doc[start].is_upper and doc[start].is_alpha and len(doc[start]) >= 3):
        return doc
    for token in doc[start : min(len(doc), start + _MAX_TOKENS)]:
        if token.text in _DASHES and token.i + 1 < len(doc):
            doc[token.i + 1].is_sent_start = True
            return doc
        if token.text in (".", "\n"):
            return doc
    return doc


@Language.component("parley_dateline", requires=[], assigns=["token.is_sent_start"])
def dateline_component(doc: Doc) -> Doc:
    return mark_dateline(doc)
