"""``parley export``: the store in a format other tools read (a thin shell over
:mod:`parley.exports`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .cli import _say, _skip_line, cli, db_option, handle_errors
from .exports import FORMATS

__all__ = ["export"]


@cli.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="records", show_default=True,
              help="records: JSON lines of records; csv: a folder of tables (needs --out); "
                   "graphml: the actor network; plover: PLOVER events (POLECAT layout); "
                   "cameo: CAMEO-coded events, tab-separated.")
@click.option("--out", "out", type=click.Path(path_type=Path), default=None, metavar="PATH",
              help="Write to PATH (a folder for csv) instead of standard output.")
@click.option("--with-text", is_flag=True, help="records: include article.text (what `parley import` needs).")
@click.option("--jsonl", is_flag=True, help="plover: JSON lines instead of one JSON array.")
@db_option
@handle_errors
def export(fmt: str, out: Path | None, with_text: bool, jsonl: bool, db: str | None) -> None:
    """Export the stored records: to standard output, or to --out PATH.

    Records that cannot be read, and events a format cannot express, are reported on
    stderr with their article ids; the exit status is 1 if an article could not be exported.
    """
    from .exports import (
        ExportSource,
        export_cameo,
        export_csv,
        export_graphml,
        export_plover,
        export_records,
    )
    from .store.store import Store

    if with_text and fmt != "records":
        raise click.UsageError("--with-text applies to --format records only")
    if jsonl and fmt != "plover":
        raise click.UsageError("--jsonl applies to --format plover only")
    if fmt == "csv" and out is None:
        raise click.ClickException("--format csv writes a folder of tables: give it with --out DIR")
    with Store.open(db) as store:
        source = ExportSource.from_store(store)
    target = out if out is not None else sys.stdout
    try:
        if fmt == "records":
            result = export_records(source, target, with_text=with_text)
        elif fmt == "csv":
            assert out is not None
            result = export_csv(source, out)
        elif fmt == "graphml":
            result = export_graphml(source, target)
        elif fmt == "plover":
            result = export_plover(source, target, jsonl=jsonl)
        else:
            result = export_cameo(source, target)
    except OSError as exc:
        raise click.ClickException(f"cannot write {exc.filename or out or 'the export'}: {exc.strerror or exc}") from None
    if out is None:
        sys.stdout.flush()
    for skipped in result.skipped:
        _skip_line(skipped.article_id, skipped.detail, skipped.reason)
    counts = ", ".join(f"{k} {v}" for k, v in result.counts.items())
    where = f" → {out}" if out is not None else ""
    _say(f"{fmt}: {result.articles} article(s), {result.rows} row(s)"
         f"{' (' + counts + ')' if counts else ''}, {len(result.skipped)} skipped{where}", label="export")
    if result.lost:
        raise SystemExit(1)
