"""Is this article in English? A thin, tuned wrapper around py3langid.

py3langid's bundled model is used with normalised probabilities, on the first
:data:`SAMPLE_CHARS` characters of the text. Three guards keep English news that is dense with
foreign names (``"Khalil al-Hayya told Asharq Al-Awsat in Doha …"``) from being refused:

* texts with fewer than :data:`MIN_LETTERS` letters are undecidable and accepted as English;
* a non-English guess with probability below :data:`MIN_CONFIDENCE` is a shrug, not an answer
  (the model is unsure between several small languages, typical of runs of names): accepted;
* when the model's best guess is not English, the text is still accepted if English function
  words ("the", "said", "would", …) make up at least :data:`ENGLISH_FUNCTION_SHARE` of its words.
  Real French, Spanish or German prose scores close to zero on that measure, while English
  prose scores far above it even when most capitalised words are Arabic or Slavic names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = [
    "ENGLISH_FUNCTION_SHARE",
    "MIN_CONFIDENCE",
    "MIN_LETTERS",
    "SAMPLE_CHARS",
    "LanguageVerdict",
    "detect_language",
    "english_function_share",
    "is_english",
    "language_verdict",
]

SAMPLE_CHARS = 2000
"""Only this many leading characters are classified (enough for a stable answer)."""

MIN_LETTERS = 20
"""Texts with fewer letters than this are undecidable and accepted as English."""

MIN_CONFIDENCE = 0.5
"""A non-English guess less probable than this does not refuse a text."""

ENGLISH_FUNCTION_SHARE = 0.12
"""Share of English function words above which a text counts as English whatever the model says."""

# Words that are frequent in English prose and rare as words in other Latin-script languages.
# Deliberately left out: "a", "in", "an", "was", "will", "die", "also" (common in German,
# French, Spanish or Italian too).
_ENGLISH_FUNCTION_WORDS = frozenset(
    """
    the of and to that said says for with by from would could should had has have
    it its at as told after not be been being their they them this these those which who
    whom on is are were or but than then there when while into over under about against
    he she his her we our us you your what
    """.split()
)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class LanguageVerdict:
    """The outcome of language identification.

    ``code`` and ``score`` are what the model says (``"und"`` and ``0.0`` for undecidable text);
    ``english`` is the decision, after the guards described in the module docstring.
    """

    code: str
    score: float
    english: bool


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """py3langid's bundled model, loaded once, with probabilities normalised to 0–1."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _sample(text: str) -> str:
    return text[:SAMPLE_CHARS]


def _letters(text: str) -> int:
    return sum(1 for ch in text if ch.isalpha())


def english_function_share(text: str) -> float:
    """Share of the words in ``text`` that are common English function words (0.0 if no words)."""
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    return sum(1 for w in words if w in _ENGLISH_FUNCTION_WORDS) / len(words)


def detect_language(text: str) -> tuple[str, float]:
    """The model's best guess for ``text``: ``(ISO 639 code, probability 0–1)``.

    Classifies the first :data:`SAMPLE_CHARS` characters. Returns ``("und", 0.0)`` when the
    sample has fewer than :data:`MIN_LETTERS` letters.
    """
    sample = _sample(text)
    if _letters(sample) < MIN_LETTERS:
        return "und", 0.0
    code, score = _identifier().classify(sample)
    return str(code), float(score)


def language_verdict(text: str) -> LanguageVerdict:
    """Identify the language of ``text`` and decide whether it is English (see module docs)."""
    code, score = detect_language(text)
    if code in ("und", "en"):
        return LanguageVerdict(code, score, english=True)
    if score < MIN_CONFIDENCE:
        return LanguageVerdict(code, score, english=True)
    english = english_function_share(_sample(text)) >= ENGLISH_FUNCTION_SHARE
    return LanguageVerdict(code, score, english=english)


def is_english(text: str) -> bool:
    """True if ``text`` is English, or too short to tell."""
    return language_verdict(text).english
