"""The negotiation picture built from a store, on SQLite and PostgreSQL, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from parley.cli import cli
from parley.negotiation.views import picture_from_store, positions_view, proposals_view
from parley.record import load_record
from parley.store.store import Store

GOLD = sorted((Path(__file__).parent.parent / "parley" / "samples" / "gold").glob("*.json"))


def _import(store: Store, paths: list[Path]) -> None:
    for path in paths:
        record = load_record(json.loads(path.read_text(encoding="utf-8")))
        store.import_record(record, record.article.text or "")


def test_negotiation_store_same_picture_in_any_order_and_twice(new_db_url) -> None:
    first, second = Store.open(new_db_url()), Store.open(new_db_url())
    try:
        _import(first, GOLD)
        _import(second, list(reversed(GOLD)))
        _import(second, GOLD[:5])  # again: unchanged
        a, b = picture_from_store(first), picture_from_store(second)
        assert proposals_view(a.negotiations[0]) == proposals_view(b.negotiations[0])
        assert positions_view(a.negotiations[0]) == positions_view(b.negotiations[0])
    finally:
        first.close()
        second.close()


def test_negotiation_store_evidence_quotes_come_from_the_text(store: Store) -> None:
    _import(store, GOLD)
    view = positions_view(picture_from_store(store).negotiations[0])
    quotes = [c["latest"]["quote"] for row in view["rows"] for c in row["cells"].values()]
    assert quotes and all(quotes)


def test_negotiation_store_cli_views_and_corrections(db_url: str) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["import", *map(str, GOLD), "--db", db_url])
    assert result.exit_code == 0, result.output
    for command in (["negotiations"], ["proposals"], ["positions"], ["timeline"], ["actors"]):
        shown = runner.invoke(cli, [*command, "--db", db_url])
        assert shown.exit_code == 0, (command, shown.output)
        as_json = runner.invoke(cli, [*command, "--db", db_url, "--json"])
        assert as_json.exit_code == 0 and json.loads(as_json.stdout), command
    proposals = json.loads(runner.invoke(cli, ["proposals", "--db", db_url, "--json"]).stdout)
    counter = next(p for p in proposals if p["kind"] == "counter")
    why = json.loads(runner.invoke(cli, ["proposals", "--why", counter["id"], "--db", db_url, "--json"]).stdout)
    second = why["reports_detail"][1]["report"]
    assert runner.invoke(cli, ["split", second, "--db", db_url]).exit_code == 0
    after = json.loads(runner.invoke(cli, ["proposals", "--db", db_url, "--json"]).stdout)
    assert len(after) == len(proposals) + 1
    listed = json.loads(runner.invoke(cli, ["overrides", "--db", db_url, "--json"]).stdout)
    assert runner.invoke(cli, ["overrides", "--remove", str(listed[0]["id"]), "--db", db_url]).exit_code == 0
    restored = json.loads(runner.invoke(cli, ["proposals", "--db", db_url, "--json"]).stdout)
    assert [p["id"] for p in restored] == [p["id"] for p in proposals]
    diff = runner.invoke(cli, ["diff", counter["parent"], counter["id"], "--db", db_url, "--json"])
    assert {e["change"] for e in json.loads(diff.stdout)["entries"]} >= {"added", "dropped", "changed"}


def test_negotiation_store_unknown_ids_are_clear_errors(db_url: str) -> None:
    runner = CliRunner()
    empty = runner.invoke(cli, ["positions", "--db", db_url])
    assert empty.exit_code == 1 and "no negotiation" in empty.output
    runner.invoke(cli, ["import", *map(str, GOLD), "--db", db_url])
    missing = runner.invoke(cli, ["diff", "Pnope", "Pnada", "--db", db_url])
    assert missing.exit_code == 1 and "Pnope" in missing.output
