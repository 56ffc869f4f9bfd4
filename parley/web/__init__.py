"""The dashboard and HTTP API (``parley serve``; needs the ``web`` extra).

    >>> from parley.web import Settings, create_app
    >>> app = create_app("parley.db", Settings(port=8000))
"""

from .app import create_app
from .settings import Settings

__all__ = ["Settings", "create_app"]
