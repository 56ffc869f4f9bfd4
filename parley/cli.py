"""The ``parley`` command line: a thin shell over the library.

Each command parses its arguments, calls one library function and formats the result.
Library errors (:class:`~parley.errors.ParleyError`) become ``Error: …`` and exit status 1.
Data goes to standard output; progress, warnings and summaries go to standard error.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import __version__
from .errors import ParleyError

if TYPE_CHECKING:
    from .extract.pipeline import Extractor

__all__ = ["cli", "main"]

F = TypeVar("F", bound=Callable[..., Any])

err = Console(stderr=True, highlight=False)


def _out() -> Console:
    # built per call so that CliRunner's captured stdout is used in tests
    return Console(file=sys.stdout, highlight=False, soft_wrap=True)


def _say(message: str, *, label: str | None = None) -> None:
    """One line on stderr, never wrapped: ``label`` (coloured on a terminal) then ``message``.

    Skip reports name long paths; rich would fold them at the console width into fragments
    that no longer read (or grep) as one line per input.
    """
    if label is not None:
        message = f"{click.style(label, fg='yellow')} {message}"
    click.echo(message, err=True)


def _skip_line(where: str, detail: str, reason: str) -> None:
    """``skipped <where>: <detail> [<reason>]``, one line per skipped input."""
    _say(f"{where}: {' '.join(detail.split())} [{reason}]", label="skipped")


@functools.cache
def shared_extractor() -> Extractor:
    """The process's :class:`~parley.extract.pipeline.Extractor`, built on first use.

    Loading the model takes seconds; a process that runs several commands (the tests, through
    click's CliRunner) builds it once.
    """
    from .extract.pipeline import Extractor

    return Extractor()


def handle_errors(fn: F) -> F:
    """Turn library errors into ``Error: …`` and exit status 1."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ParleyError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]


def db_option(fn: F) -> F:
    return click.option(
        "--db",
        envvar="PARLEY_DB",
        default=None,
        metavar="URL",
        help="Store: a SQLite path or a database URL (default $PARLEY_DB or ./parley.db).",
    )(fn)


def meta_options(fn: F) -> F:
    """--published/--url/--title/--publisher for plain-text inputs."""
    for name, help_text in reversed(
        [
            ("--published", "Publication date (ISO) for .txt inputs and stdin."),
            ("--url", "URL of the article for .txt inputs and stdin."),
            ("--title", "Title for .txt inputs and stdin."),
            ("--publisher", "Publisher for .txt inputs and stdin."),
        ]
    ):
        fn = click.option(name, default=None, help=help_text)(fn)
    return fn


def workers_options(fn: F) -> F:
    """--workers/--ray-address: spread extraction over Ray actors (the ``ray`` extra)."""
    fn = click.option("--ray-address", default=None, metavar="ADDRESS",
                      help="Join this Ray cluster instead of starting a local one (default $RAY_ADDRESS).")(fn)
    return click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
                        help="Extraction workers; more than 1 runs them on Ray.")(fn)


def _extractor(workers: int, ray_address: str | None) -> Any:
    if workers <= 1 and not ray_address:
        return shared_extractor()
    from .scale import RayExtractor

    return RayExtractor(workers, address=ray_address)


def _meta(published: str | None, url: str | None, title: str | None, publisher: str | None) -> dict[str, Any]:
    return {"published": published, "url": url, "title": title, "publisher": publisher}


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="parley")
def cli() -> None:
    """Parley: news about ceasefire and peace negotiations, turned into source-linked records."""


# -- extract ------------------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Write DIR/<input stem>.json per article instead of JSON lines on stdout.")
@click.option("--with-text", is_flag=True, help="Include the article text in each record.")
@meta_options
@workers_options
@handle_errors
def extract(paths: tuple[str, ...], out_dir: Path | None, with_text: bool, published: str | None,
            url: str | None, title: str | None, publisher: str | None, workers: int, ray_address: str | None) -> None:
    """Extract a record from each article in PATHS (files, folders, or - for stdin).

    Prints one parley.record/1 record per article as JSON lines, or with --out writes
    DIR/<input file stem>.json (for .jsonl inputs, DIR/<line's "id" or line number>.json).
    Inputs that cannot be read are reported on stderr and skipped; the exit status is 1
    if any input was skipped.
    """
    from .batch import extract_paths
    from .ingest import Skipped

    extractor = _extractor(workers, ray_address)
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    skipped = written = 0
    for outcome in extract_paths(paths, extractor, meta=_meta(published, url, title, publisher), batch_size=16 * workers):
        if isinstance(outcome, Skipped):
            skipped += 1
            _skip_line(outcome.where, outcome.detail, outcome.reason)
            continue
        if outcome.record is None:
            skipped += 1
            _skip_line(outcome.article.origin, outcome.error or "unknown error", "extraction_failed")
            continue
        record = outcome.record
        if with_text:
            record.article.text = outcome.article.text
        if out_dir is None:
            click.echo(record.to_json(with_text=with_text))
        else:
            stem = name = outcome.article.stem
            n = 1
            while name in used:
                n += 1
                name = f"{stem}-{n}"
            used.add(name)
            if name != stem:
                _say(f"two inputs share the name {stem}; writing {name}.json for {outcome.article.origin}", label="note")
            stem = name
            (out_dir / f"{stem}.json").write_text(record.to_json(with_text=with_text, indent=2) + "\n", encoding="utf-8")
        written += 1
    if out_dir is not None:
        _say(f"wrote {written} record(s) to {out_dir}")
    if skipped:
        _say(f"{skipped} input(s) skipped", label="error:")
        sys.exit(1)


# -- ingest -------------------------------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@meta_options
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--watch/--no-watch", default=True, show_default=True,
              help="Report what is new in the negotiation picture after the run.")
@workers_options
@handle_errors
def ingest(paths: tuple[str, ...], db: str | None, published: str | None, url: str | None,
           title: str | None, publisher: str | None, as_json: bool, watch: bool, workers: int,
           ray_address: str | None) -> None:
    """Extract and store every article in PATHS (idempotent by article id).

    Articles already stored by this extractor version are left as they are; older records
    are re-extracted. Each article is stored in its own transaction. Unreadable inputs are
    reported, counted and skipped; the exit status is 1 if any input was skipped.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .batch import ingest_paths
    from .negotiation.views import picture_from_store
    from .negotiation.watch import changes
    from .store.store import Store

    store = Store.open(db)
    news: list[Any] = []
    try:
        before = picture_from_store(store) if watch else None
        extractor = _extractor(workers, ray_address)
        meta = _meta(published, url, title, publisher)
        if err.is_terminal:  # a live bar for people; nothing at all in logs and pipes
            progress = Progress(
                TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(),
                TextColumn("{task.fields[last]}"), TimeElapsedColumn(), console=err, transient=True,
            )
            with progress:
                task = progress.add_task("ingest", total=None, last="")

                def on_outcome(kind: str, item: Any) -> None:
                    last = f"{kind}: {getattr(item, 'origin', '')}"[-60:]
                    progress.update(task, advance=1, last=escape(last))

                summary = ingest_paths(paths, store=store, extractor=extractor, meta=meta,
                                       on_outcome=on_outcome, batch_size=16 * workers)
        else:
            summary = ingest_paths(paths, store=store, extractor=extractor, meta=meta, batch_size=16 * workers)
        if before is not None and (summary.stored or summary.updated):
            news = changes(before, picture_from_store(store))
    finally:
        store.close()
    if as_json:
        click.echo(json.dumps({"db": store.url, **summary.to_dict(),
                               "changes": [{"kind": c.kind, "negotiation": c.negotiation, "summary": c.summary} for c in news]},
                              indent=2))
    else:
        _print_summary(summary, store.url)
        for change in news:
            _say(change.summary, label=f"new {change.kind}:" if change.kind != "stance" else "stance:")
    if summary.skipped:
        sys.exit(1)


def _print_summary(summary: Any, url: str) -> None:
    """The counts, then one line per skipped input (plain lines: never wrapped)."""
    _say(f"ingest into {url}")
    for label, items in (("stored", summary.stored), ("updated (re-extracted)", summary.updated),
                         ("unchanged", summary.unchanged), ("skipped", summary.skipped)):
        _say(f"  {label:<24}{len(items):>6}")
    for skip in summary.skipped:
        _skip_line(skip.where, skip.detail, skip.reason)


# -- reading the store ----------------------------------------------------------------------


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@handle_errors
def articles(db: str | None, as_json: bool) -> None:
    """List the stored articles."""
    from .store.store import Store

    with Store.open(db) as store:
        rows = store.articles()
    if as_json:
        click.echo(json.dumps([row.__dict__ if hasattr(row, "__dict__") else _row(row) for row in rows], indent=2))
        return
    out = _out()
    out.print(_articles_table(rows, out.width))
    if not rows:
        err.print("the store is empty; add articles with `parley ingest PATH`")


def _articles_table(rows: list[Any], width: int) -> Table:
    """One line per article at any width: a 12-character id, the publication date, the title
    cut to fit (…), the fact counts; the publisher too when the console is 100 columns or more.
    ``--json`` has every field in full."""
    with_publisher = width >= 100
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, padding=0,
                  width=width)
    table.add_column("id", no_wrap=True, min_width=12)
    table.add_column("published", no_wrap=True, min_width=10)
    if with_publisher:
        table.add_column("publisher", no_wrap=True, overflow="ellipsis", max_width=20)
    table.add_column("title", no_wrap=True, overflow="ellipsis", ratio=1, min_width=8)
    for col in ("actors", "proposals", "stances", "events"):
        table.add_column(col, justify="right", no_wrap=True)
    for row in rows:
        cells = [row.id.removeprefix("sha256:")[:12], (row.published or "")[:10]]
        if with_publisher:
            cells.append(escape(row.publisher or ""))
        cells += [escape(row.title or ""), str(row.actors), str(row.proposals), str(row.stances),
                  str(row.events)]
        table.add_row(*cells)
    return table


def _row(row: Any) -> dict[str, Any]:
    return {slot: getattr(row, slot) for slot in row.__slots__}


@cli.command()
@click.argument("article_id")
@db_option
@click.option("--with-text", is_flag=True, help="Include the article text.")
@handle_errors
def show(article_id: str, db: str | None, with_text: bool) -> None:
    """Print the stored record of ARTICLE_ID (an id or an unambiguous prefix)."""
    from .store.store import Store

    with Store.open(db) as store:
        record = store.record(article_id)
        if with_text:
            record.article.text = store.article_text(article_id)
    click.echo(record.to_json(with_text=with_text, indent=2))


@cli.command()
@click.argument("path")
@meta_options
@click.option("--layer", "layers", multiple=True,
              type=click.Choice(["actor", "person", "source", "proposal", "term", "stance", "event"]),
              help="Show only these layers (repeatable).")
@handle_errors
def explain(path: str, published: str | None, url: str | None, title: str | None, publisher: str | None,
            layers: tuple[str, ...]) -> None:
    """Show an article with each fact's evidence highlighted and the rule that produced it."""
    from .explain import explain_article, render_explanation
    from .ingest import read_path

    articles = read_path(path, **_meta(published, url, title, publisher))
    extractor = shared_extractor()
    console = _out()
    for article in articles:
        facts = explain_article(extractor, article)
        if layers:
            facts = [f for f in facts if f.layer in layers]
        console.rule(escape(article.title or article.origin))
        render_explanation(console, article.text, facts)


# -- eval, schema ---------------------------------------------------------------------------


@cli.command(name="eval")
@click.argument("gold_dir", type=click.Path(path_type=Path), required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--verbose", "-v", is_flag=True, help="Also list what was missed and what was spurious.")
@click.option("--plover", "plover_file", type=click.Path(path_type=Path, exists=True, dir_okay=False), default=None,
              metavar="FILE", help="Check event types and actors on a PLOVER gold-standard file.")
@handle_errors
def eval_cmd(gold_dir: Path | None, as_json: bool, verbose: bool, plover_file: Path | None) -> None:
    """Score the extractor against the gold records in GOLD_DIR (SCORING.md), and/or check
    events on the PLOVER gold-standard records (--plover FILE)."""
    if plover_file is not None:
        from .evaluate.plover import evaluate_plover, render_plover

        plover = evaluate_plover(plover_file, shared_extractor())
        if as_json and gold_dir is None:
            click.echo(json.dumps(plover.to_dict(), indent=2))
            return
        render_plover(plover, _out(), verbose=verbose)
        if gold_dir is None:
            return
    from .evaluate import load_gold_dir, render_misses, render_report
    from .evaluate.run import evaluate

    if gold_dir is None:
        raise click.UsageError("give GOLD_DIR, or --plover FILE")
    report = evaluate(load_gold_dir(gold_dir), shared_extractor())
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=2))
        return
    render_report(report, _out())
    if verbose:
        render_misses(report, _out())


@cli.command()
def schema() -> None:
    """Print the JSON Schema of parley.record/1."""
    from .record import record_json_schema

    click.echo(json.dumps(record_json_schema(), indent=2))


# -- actors ---------------------------------------------------------------------------------


@cli.group(invoke_without_command=True)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@handle_errors
def actors(ctx: click.Context, db: str | None, as_json: bool) -> None:
    """The actors of the stored negotiations and their roles over time (or: actors lookup)."""
    if ctx.invoked_subcommand is not None:
        return
    from .cli_negotiation import show_actors

    show_actors(db, as_json)


@actors.command("lookup")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@handle_errors
def actors_lookup(name: str, as_json: bool) -> None:
    """Find the registry actors that NAME can refer to."""
    from .lexicon.actors import ActorRegistry

    found = ActorRegistry.load().lookup(name)
    if as_json:
        click.echo(json.dumps([{"id": a.id, "name": a.name, "kind": a.kind, "country": a.country} for a in found], indent=2))
        return
    if not found:
        raise click.ClickException(f"no actor in the registry is called {name!r}")
    table = Table(show_header=True)
    for col in ("id", "name", "kind", "country", "aliases"):
        table.add_column(col, overflow="fold")
    for a in found:
        table.add_row(a.id, a.name, a.kind, a.country or "", ", ".join(a.aliases[:6]))
    _out().print(table)


from . import cli_export as _export_commands  # noqa: E402,F401
from . import cli_negotiation as _negotiation_commands  # noqa: E402,F401  (registers commands)
from . import cli_web as _web_commands  # noqa: E402,F401


def main() -> None:
    cli(prog_name="parley")
