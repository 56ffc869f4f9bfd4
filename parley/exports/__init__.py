"""Exports of the store for other tools: ``parley export --format FORMAT``.

    >>> with Store.open("parley.db") as store:
    ...     result = export_csv(store, "tables/")
    >>> result.counts["stances"], result.skipped

Each function takes a :class:`~parley.store.store.Store` (or an :class:`ExportSource`, or
records) and where to write, writes, and returns an :class:`ExportResult`; none prints or
exits. A stored record that no longer loads is not exported: it is in ``result.skipped``
(reason ``unreadable_record``) with its article id, as is any item a format cannot express.

- :func:`export_records`: JSON lines of ``parley.record/1`` records (:mod:`.records`).
- :func:`export_csv`: a folder of CSV tables (:mod:`.tables`).
- :func:`export_graphml`: the actor network as GraphML (:mod:`.graph`).
- :func:`export_plover`: PLOVER events in POLECAT's field layout (:mod:`.events`).
- :func:`export_cameo`: CAMEO-coded dyadic events, tab-separated (:mod:`.events`).

Every export is deterministic: the same store gives the same bytes.
"""

from .events import CAMEO_COLUMNS, PLOVER_FIELDS, export_cameo, export_plover, plover_rows
from .graph import EDGE_TYPES, export_graphml
from .records import export_records
from .source import ExportError, ExportResult, ExportSource, Skipped, cameo_code
from .tables import COMMON_PARAMS, TABLES, export_csv

__all__ = [
    "CAMEO_COLUMNS",
    "COMMON_PARAMS",
    "EDGE_TYPES",
    "FORMATS",
    "PLOVER_FIELDS",
    "TABLES",
    "ExportError",
    "ExportResult",
    "ExportSource",
    "Skipped",
    "cameo_code",
    "export_cameo",
    "export_csv",
    "export_graphml",
    "export_plover",
    "export_records",
    "plover_rows",
]

FORMATS = ("records", "csv", "graphml", "plover", "cameo")
"""The formats of ``parley export --format``."""
