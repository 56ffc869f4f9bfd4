"""Parley: news reports about ceasefire and peace negotiations, turned into source-linked records."""

import logging

from ._version import EXTRACTOR_VERSION, __version__
from .errors import ParleyError

__all__ = ["EXTRACTOR_VERSION", "ParleyError", "__version__"]

logging.getLogger("parley").addHandler(logging.NullHandler())
