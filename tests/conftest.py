"""Fixtures shared by the test suite, named for what they return."""

from __future__ import annotations

import pytest

from parley.extract.pipeline import Extractor


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The real extraction pipeline (spaCy model + Parley's components), built once."""
    return Extractor()
