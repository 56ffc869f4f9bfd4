"""Read and write the JSONL data files that hold Parley's lexicons.

Errors name the file and line (and the key, where one is at fault), so a broken lexicon
can be fixed without guessing.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import LexiconError

__all__ = ["read_jsonl", "write_jsonl"]


def read_jsonl(path: str | Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line_number, object)`` for each non-blank, non-comment line of ``path``.

    Lines starting with ``//`` are comments. Raises :class:`LexiconError` naming file:line on
    malformed JSON or a line that is not a JSON object.
    """
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(str(path), f"cannot read: {exc.strerror}") from None
    with handle:
        for number, line in enumerate(handle, 1):
            stripped = line.strip()
            if not stripped or stripped.startswith("//"):
                continue
            try:
                obj = json.loads(stripped)
            except json.JSONDecodeError as exc:
                raise LexiconError(str(path), f"malformed JSON: {exc.msg} (column {exc.colno})", line=number) from None
            if not isinstance(obj, dict):
                raise LexiconError(str(path), f"expected a JSON object, not {type(obj).__name__}", line=number)
            yield number, obj


def write_jsonl(path: str | Path, rows: list[dict[str, Any]]) -> None:
    """Write ``rows`` one JSON object a line, UTF-8, keys in the order given."""
    with Path(path).open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
