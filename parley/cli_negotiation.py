"""``parley`` commands over the negotiation picture: negotiations, proposals, positions,
timeline, diff, actors, and the analysts' corrections (split, merge, overrides).

Each command builds the picture from the store, takes one view from
:mod:`parley.negotiation.views`, and prints it as a rich table or, with ``--json``, as the
view's data.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.table import Table

from .cli import _out, _say, cli, db_option, handle_errors
from .errors import NotFoundError

__all__ = ["show_actors"]

STANCE_STYLE = {"support": "green", "pending": "yellow", "oppose": "red"}


def _picture(db: str | None):  # type: ignore[no-untyped-def]
    from .negotiation.views import picture_from_store
    from .store.store import Store

    with Store.open(db) as store:
        return picture_from_store(store)


def _emit(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def _json_option(fn):  # type: ignore[no-untyped-def]
    return click.option("--json", "as_json", is_flag=True, help="Print the view's data as JSON.")(fn)


def _negotiation_option(fn):  # type: ignore[no-untyped-def]
    return click.option("--negotiation", "-n", "negotiation_ref", default=None, metavar="ID",
                        help="Negotiation id, name or number (default: the one with most articles).")(fn)


@cli.command(name="import")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@db_option
@handle_errors
def import_records(paths: tuple[Path, ...], db: str | None) -> None:
    """Store records made elsewhere: gold files or exported records that carry article.text."""
    from .record import load_record
    from .store.store import Store

    files = [f for p in paths for f in (sorted(p.rglob("*.json*")) if p.is_dir() else [p])]
    counts = {"stored": 0, "updated": 0, "unchanged": 0, "skipped": 0}
    with Store.open(db) as store:
        for path in files:
            lines = path.read_text(encoding="utf-8").splitlines() if path.suffix == ".jsonl" else [path.read_text(encoding="utf-8")]
            for number, line in enumerate(lines, 1):
                if not line.strip():
                    continue
                where = f"{path}:{number}" if path.suffix == ".jsonl" else str(path)
                try:
                    record = load_record(json.loads(line), origin=where)
                except (ValueError, Exception) as exc:  # noqa: BLE001 - reported per input
                    _say(f"{where}: {exc} [invalid_record]", label="skipped")
                    counts["skipped"] += 1
                    continue
                if not record.article.text:
                    _say(f"{where}: the record has no article.text [missing_text]", label="skipped")
                    counts["skipped"] += 1
                    continue
                counts[store.import_record(record, record.article.text, origin=where)] += 1
    _say(", ".join(f"{k} {v}" for k, v in counts.items()), label="import")
    if counts["skipped"]:
        raise SystemExit(1)


@cli.command()
@db_option
@_json_option
@handle_errors
def negotiations(db: str | None, as_json: bool) -> None:
    """The negotiations in the store: parties, mediators, latest proposal, last change."""
    from .negotiation.views import negotiations_view

    view = negotiations_view(_picture(db))
    if as_json:
        return _emit(view)
    console = _out()
    for n in view:
        latest = n["latest_proposal"]
        last = n["last_change"]
        console.print(f"[bold]{n['number']}. {n['name']}[/] ({n['id']}) — {n['articles']} article(s), {n['proposals']} proposal(s)")
        for role in ("mediators", "relays", "hosts", "guarantors"):
            if n[role]:
                console.print(f"   {role}: {', '.join(n[role])}")
        if latest:
            console.print(escape(f"   latest proposal: {latest['id']} {latest['label']!r} by "
                                 f"{latest['proposer'] or 'no named author'} [{latest['status']}]"))
        if last:
            console.print(escape(f"   last change: {last['date']} {last['summary']}"))


@cli.command()
@db_option
@_negotiation_option
@click.option("--why", "why", default=None, metavar="PROPOSAL", help="Show every report of PROPOSAL and why it was merged.")
@_json_option
@handle_errors
def proposals(db: str | None, negotiation_ref: str | None, why: str | None, as_json: bool) -> None:
    """The proposals of a negotiation, one per proposal however many outlets reported it."""
    from .negotiation.views import find_negotiation, proposal_view, proposals_view

    picture = _picture(db)
    if why:
        view = proposal_view(picture, why)
        if as_json:
            return _emit(view)
        console = _out()
        console.print(f"[bold]{view['id']}[/] " + escape(f"{view['label']!r} by {view['proposer'] or 'no named author'} "
                      f"({view['kind']}{', child of ' + view['parent'] if view['parent'] else ''}) [{view['status']}]"))
        table = Table(title="reports and why they are one proposal")
        for col in ("report", "published", "publisher", "label", "why"):
            table.add_column(col, overflow="fold")
        for r in view["reports_detail"]:
            table.add_row(r["report"], r["published"] or "", r["publisher"] or "", r["label"] or "", r["why"])
        console.print(table)
        console.print("Correct a wrong merge with [bold]parley split REPORT[/], undo with [bold]parley overrides --remove N[/].")
        return None
    view = proposals_view(find_negotiation(picture, negotiation_ref))
    if as_json:
        return _emit(view)
    table = Table(title="proposals")
    for col in ("id", "label", "kind", "proposer", "parent", "status", "first", "last", "reports"):
        table.add_column(col, overflow="fold")
    for p in view:
        table.add_row(p["id"], p["label"], p["kind"], p["proposer"] or "—", p["parent"] or "", p["status"] or "",
                      p["first_reported"] or "", p["last_reported"] or "", str(p["reports"]))
    _out().print(table)
    return None


@cli.command()
@click.argument("report")
@db_option
@click.option("--note", default=None, help="Why (kept with the correction).")
@handle_errors
def split(report: str, db: str | None, note: str | None) -> None:
    """Keep REPORT (ARTICLE#p2, as `proposals --why` lists it) apart from the proposal it was merged into."""
    from .store.store import Store

    with Store.open(db) as store:
        article, _, local = report.partition("#")
        key = f"{store.resolve_id(article)}#{local}"
        number = store.add_override("split", key, note=note)
    _say(f"override {number}: {key} is kept apart (undo: parley overrides --remove {number})", label="split")


@cli.command()
@click.argument("report")
@click.argument("into")
@db_option
@click.option("--note", default=None, help="Why (kept with the correction).")
@handle_errors
def merge(report: str, into: str, db: str | None, note: str | None) -> None:
    """Put REPORT in the same proposal as the report INTO (both ARTICLE#pN)."""
    from .store.store import Store

    with Store.open(db) as store:
        keys = []
        for ref in (report, into):
            article, _, local = ref.partition("#")
            keys.append(f"{store.resolve_id(article)}#{local}")
        number = store.add_override("merge", keys[0], keys[1], note=note)
    _say(f"override {number}: {keys[0]} joins {keys[1]} (undo: parley overrides --remove {number})", label="merge")


@cli.command()
@db_option
@click.option("--remove", "remove", type=int, default=None, metavar="N", help="Remove override N.")
@_json_option
@handle_errors
def overrides(db: str | None, remove: int | None, as_json: bool) -> None:
    """The analysts' corrections to proposal identity."""
    from .store.store import Store

    with Store.open(db) as store:
        if remove is not None:
            store.remove_override(remove)
            _say(f"override {remove} removed", label="overrides")
            return None
        rows = store.overrides()
    if as_json:
        return _emit(rows)
    table = Table(title="overrides")
    for col in ("id", "action", "report", "target", "note", "created"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(str(r["id"]), r["action"], r["report"], r["target"] or "", r["note"] or "", str(r["created_at"])[:19])
    _out().print(table)
    return None


@cli.command()
@db_option
@_negotiation_option
@click.option("--proposal", "proposal_id", default=None, help="A proposal id (default: the current proposal).")
@click.option("--since", default=None, metavar="DATE", help="Also list positions that changed on or after DATE.")
@_json_option
@handle_errors
def positions(db: str | None, negotiation_ref: str | None, proposal_id: str | None, since: str | None, as_json: bool) -> None:
    """Who stands where on each term of a proposal: the positions matrix."""
    from .negotiation.views import find_negotiation, positions_view

    picture = _picture(db)
    view = positions_view(find_negotiation(picture, negotiation_ref), proposal_id, since)
    if as_json:
        return _emit(view)
    print_positions(view)
    return None


def print_positions(view: dict[str, Any]) -> None:
    """The matrix with terms as rows and actors as columns (fewer actors than terms, so it
    fits a terminal); colour gives the polarity, * a position that changed over time, dim a
    term where the actor's stance on the whole proposal applies."""
    proposal = view["proposal"]
    rows = [r for r in view["rows"] if r["party"] or any(k != "*" and not c.get("inherited") for k, c in r["cells"].items())]
    whole_only = [r for r in view["rows"] if r not in rows and "*" in r["cells"]]
    table = Table(title=f"positions on {proposal['id']} {proposal['label']!r} ({proposal['proposer'] or 'no named author'})")
    table.add_column("term")
    for row in rows:
        table.add_column(row["actor"], overflow="fold")
    table.add_column("parties")
    for term in ["*", *view["terms"]]:
        cells = []
        for row in rows:
            c = row["cells"].get(term)
            if c is None:
                cells.append("")
                continue
            latest = c["latest"]
            style = "dim" if c.get("inherited") else STANCE_STYLE[latest["polarity"]]
            cells.append(f"[{style}]{latest['stance']}{'*' if c['changed'] else ''}[/]")
        agreement = view["agreement"].get(term, "") if term != "*" else ""
        table.add_row("whole proposal" if term == "*" else term.replace("_", " "), *cells, agreement)
    console = _out()
    console.print(table)
    console.print("* changed over time; dim: the actor's stance on the whole proposal applies to the term")
    if whole_only:
        console.print("on the whole proposal only: " + ", ".join(
            f"{r['actor']} {r['cells']['*']['latest']['stance']}" for r in whole_only))
    if view["since"]:
        console.print(f"changed since {view['since']}:")
        for p in view["changed"]:
            history = " → ".join(f"{e['stance']} ({e['date']})" for e in p["history"])
            console.print(f"  {p['actor']} on {p['term'] or 'the whole proposal'}: {history}")


@cli.command()
@db_option
@_negotiation_option
@_json_option
@handle_errors
def timeline(db: str | None, negotiation_ref: str | None, as_json: bool) -> None:
    """Events, proposals and stance changes of a negotiation in date order, with sources."""
    from .negotiation.views import find_negotiation, timeline_view

    view = timeline_view(find_negotiation(_picture(db), negotiation_ref))
    if as_json:
        return _emit(view)
    table = Table(title="timeline")
    for col in ("date", "kind", "what", "sources"):
        table.add_column(col, overflow="fold")
    for e in view:
        table.add_row(e["date"] or "", e["kind"], e["summary"], ", ".join(e["sources"]))
    _out().print(table)
    return None


@cli.command()
@click.argument("old")
@click.argument("new")
@db_option
@_json_option
@handle_errors
def diff(old: str, new: str, db: str | None, as_json: bool) -> None:
    """Term by term, what proposal NEW adds, drops or changes against proposal OLD."""
    from .negotiation.views import diff_view

    view = diff_view(_picture(db), old, new)
    if as_json:
        return _emit(view)
    table = Table(title=f"{view['old']['id']} {view['old']['label']!r} → {view['new']['id']} {view['new']['label']!r}")
    for col in ("change", "term", "parameter", "old", "new"):
        table.add_column(col, overflow="fold")
    style = {"added": "green", "dropped": "red", "changed": "yellow", "unchanged": "dim"}
    for e in view["entries"]:
        table.add_row(f"[{style[e['change']]}]{e['change']}[/]", e["term"], e["param"] or "",
                      json.dumps(e["old"]) if e["old"] is not None else "", json.dumps(e["new"]) if e["new"] is not None else "")
    _out().print(table)
    return None


def show_actors(db: str | None, as_json: bool) -> None:
    from .negotiation.views import actors_view

    view = actors_view(_picture(db))
    if as_json:
        return _emit(view)
    if not view:
        raise NotFoundError("the store holds no negotiation yet; ingest articles with `parley ingest PATH`")
    table = Table(title="actors")
    for col in ("negotiation", "actor", "roles (first – last, articles)"):
        table.add_column(col, overflow="fold")
    for a in view:
        roles = "; ".join(f"{r['role']} ({r['first']} – {r['last']}, {r['articles']})" for r in a["roles"])
        table.add_row(a["negotiation"], f"{a['actor']} {a['name'] or ''}", roles)
    _out().print(table)
    return None
