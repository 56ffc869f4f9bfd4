"""Package and extractor versions.

``EXTRACTOR_VERSION`` changes whenever the extraction output may change (rules, lexicons,
model); the store re-extracts stored articles whose record was made by another version.
"""

__version__ = "0.1.0"
EXTRACTOR_VERSION = "0.1.0"
