"""``--format records``: the stored records as JSON lines, one ``parley.record/1`` record a
line in store order (oldest publication first, undated ones last, then by id).

With ``with_text`` each record carries ``article.text``, so that ``parley import`` can load
the file into another store (offsets index that text).
"""

from __future__ import annotations

from .source import ExportResult, ExportSource, Source, Target, open_target

__all__ = ["export_records"]


def export_records(source: Source, target: Target, *, with_text: bool = False) -> ExportResult:
    """Write every record of ``source`` to ``target`` as JSON lines."""
    data = ExportSource.of(source)
    result = data.result("records")
    with open_target(target) as out:
        for record, text in data.items:
            if with_text and text is not None and record.article.text != text:
                record = record.model_copy(
                    update={"article": record.article.model_copy(update={"text": text})}
                )
            out.write(record.to_json(with_text=with_text) + "\n")
            result.articles += 1
            result.rows += 1
    return result
