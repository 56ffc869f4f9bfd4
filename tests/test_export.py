"""``parley export``: each format loads back with the tool its users would read it with.

The store holds the 14 gold records of the sample series (``parley/samples/gold``), on SQLite
and, when ``PARLEY_TEST_POSTGRES`` is set, PostgreSQL (the ``db_url`` fixture).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner, Result
from sqlalchemy import update

from parley.cli import cli
from parley.exports import (
    EDGE_TYPES,
    TABLES,
    ExportSource,
    export_cameo,
    export_csv,
    export_graphml,
    export_plover,
    export_records,
)
from parley.negotiation.views import picture_from_store
from parley.record import Record, load_record
from parley.store import schema
from parley.store.store import Store
from parley.vocabulary import CAMEO_CROSSWALK

GOLD = sorted((Path(__file__).parent.parent / "parley" / "samples" / "gold").glob("*.json"))

PLOVER_CATEGORIES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}
POLECAT_FIELDS = [
    "event_id", "event_date", "event_type", "event_mode", "event_text", "story_id", "story_date",
    "publisher", "actor_name", "actor_country", "actor_code", "recipient_name", "recipient_country",
    "recipient_code", "placename", "source", "version",
]
STREAM_FORMATS = ["records", "graphml", "plover", "cameo"]


def _gold(paths: list[Path] = GOLD) -> list[Record]:
    return [load_record(json.loads(p.read_text(encoding="utf-8")), origin=str(p)) for p in paths]


def _fill(store: Store, paths: list[Path] = GOLD) -> list[Record]:
    records = _gold(paths)
    for record in records:
        store.import_record(record, record.article.text or "")
    return records


def run(*args: Any) -> Result:
    return CliRunner(env={"PARLEY_DB": None}).invoke(cli, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def gold_db(db_url: str) -> str:
    """The URL of a store holding the gold records."""
    with Store.open(db_url) as store:
        _fill(store)
    return db_url


@pytest.fixture
def gold_store(gold_db: str):  # type: ignore[no-untyped-def]
    with Store.open(gold_db) as store:
        yield store


def _pairs(record: Record, reciprocal_pairs: bool) -> int:
    """How many rows POLECAT (False) or CAMEO (True) gives a record's events."""
    n = 0
    for e in record.events:
        if e.recipients:
            n += len(e.actors) * len(e.recipients)
        elif reciprocal_pairs and len(e.actors) > 1:
            n += len(e.actors) * (len(e.actors) - 1)
        else:
            n += max(1, len(e.actors))
    return n


# -- records --------------------------------------------------------------------------------


@pytest.mark.parametrize("with_text", [False, True])
def test_export_records_load_back_one_record_a_line(gold_store: Store, with_text: bool) -> None:
    out = io.StringIO()
    result = export_records(gold_store, out, with_text=with_text)
    lines = out.getvalue().splitlines()
    records = [load_record(json.loads(line)) for line in lines]
    assert len(records) == result.articles == result.rows == len(GOLD) and not result.skipped
    assert [r.to_dict() for r in records] == [r.to_dict() for r in gold_store.records()]
    for record in records:
        if with_text:
            assert record.article.text == gold_store.article_text(record.article.id)
            record.check_text(record.article.text)
        else:
            assert record.article.text is None


def test_export_records_round_trip_through_import(gold_db: str, new_db_url: Callable[[], str],
                                                   tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    exported = run("export", "--format", "records", "--with-text", "--out", path, "--db", gold_db)
    assert exported.exit_code == 0, exported.output
    other = new_db_url()
    imported = run("import", path, "--db", other)
    assert imported.exit_code == 0, imported.output
    assert "stored 14" in imported.stderr
    with Store.open(gold_db) as first, Store.open(other) as second:
        assert [r.to_dict() for r in second.records()] == [r.to_dict() for r in first.records()]
        assert [t for _, t in second.records_with_text()] == [t for _, t in first.records_with_text()]


# -- csv ------------------------------------------------------------------------------------


@pytest.fixture
def tables(gold_store: Store, tmp_path: Path) -> dict[str, pd.DataFrame]:
    folder = tmp_path / "tables"
    result = export_csv(gold_store, folder)
    assert sorted(p.name for p in result.files) == sorted(f"{t}.csv" for t in TABLES)
    return {name: pd.read_csv(folder / f"{name}.csv") for name in TABLES}


@pytest.mark.parametrize("table", list(TABLES))
def test_export_csv_every_table_reads_with_its_header(tables: dict[str, pd.DataFrame], table: str) -> None:
    assert list(tables[table].columns) == list(TABLES[table])
    assert len(tables[table]) > 0


def test_export_csv_row_counts_match_the_records(tables: dict[str, pd.DataFrame]) -> None:
    records = _gold()
    assert len(tables["articles"]) == len(records)
    assert len(tables["actors"]) == sum(len(r.actors) for r in records)
    assert len(tables["people"]) == sum(len(r.people) for r in records)
    assert len(tables["sources"]) == sum(len(r.sources) for r in records)
    assert len(tables["proposals"]) == sum(len(r.proposals) for r in records)
    assert len(tables["terms"]) == sum(len(p.terms) for r in records for p in r.proposals)
    assert len(tables["stances"]) == sum(len(r.stances) for r in records)
    assert len(tables["events"]) == sum(len(r.events) for r in records)
    articles = tables["articles"].set_index("article_id")
    for record in records:
        assert articles.loc[record.article.id, "stances"] == len(record.stances)


@pytest.mark.parametrize(("table", "column"), [
    ("articles", "published"), ("stances", "published"), ("events", "date"), ("events", "published"),
    ("positions", "date"), ("canonical_proposals", "first_reported"),
    ("canonical_proposals", "last_reported"),
])
def test_export_csv_dates_parse(tables: dict[str, pd.DataFrame], table: str, column: str) -> None:
    dates = pd.to_datetime(tables[table][column])
    assert dates.notna().any()
    assert dates.dropna().min() >= pd.Timestamp("2025-09-01")


def test_export_csv_dtypes_are_sane(tables: dict[str, pd.DataFrame]) -> None:
    assert tables["positions"]["changed"].dtype == bool
    assert tables["positions"]["changed"].any()
    for table, column in (("terms", "term_index"), ("stances", "stance_index"),
                          ("events", "event_index"), ("articles", "events"), ("positions", "reports")):
        assert pd.api.types.is_integer_dtype(tables[table][column]), (table, column)
    assert pd.api.types.is_numeric_dtype(tables["terms"]["param_count"])
    params = [json.loads(p) for p in tables["terms"]["params_json"]]
    assert any(p.get("count") == 1700 for p in params)
    assert set(tables["stances"]["polarity"]) <= {"support", "pending", "oppose"}


def test_export_csv_text_with_quotes_commas_and_lists_survives(tables: dict[str, pd.DataFrame]) -> None:
    records = _gold()
    quotes = [s.quote for r in records for s in r.stances]
    assert list(tables["stances"]["evidence"]) == quotes
    assert any('"' in q or "," in q for q in quotes)
    multi = tables["events"][tables["events"]["actors"].str.contains(";")]
    assert len(multi) and all(len(a.split(";")) > 1 for a in multi["actors"])
    roles = tables["actors"].dropna(subset=["roles"])
    assert all(set(r.split(";")) for r in roles["roles"])


def test_export_csv_canonical_ids_match_parley_proposals(gold_db: str,
                                                         tables: dict[str, pd.DataFrame]) -> None:
    shown = run("proposals", "--json", "--db", gold_db)
    assert shown.exit_code == 0, shown.output
    proposals = json.loads(shown.stdout)
    rows = tables["proposals"]
    assert set(rows["canonical_id"].dropna()) == {p["id"] for p in proposals}
    assert set(tables["canonical_proposals"]["canonical_id"]) == {p["id"] for p in proposals}
    for p in proposals:
        mine = rows[rows["canonical_id"] == p["id"]]
        assert len(mine) == p["reports"]
        assert set(mine["article_id"]) == set(p["articles"])
    terms = tables["terms"].dropna(subset=["canonical_id"])
    assert set(terms["canonical_id"]) <= {p["id"] for p in proposals}
    stances = tables["stances"].dropna(subset=["canonical_id"])
    assert set(stances["canonical_id"]) <= {p["id"] for p in proposals}


def test_export_csv_positions_are_the_pictures(gold_store: Store, tables: dict[str, pd.DataFrame]) -> None:
    picture = picture_from_store(gold_store)
    positions = [p for n in picture.negotiations for p in n.positions]
    frame = tables["positions"]
    assert len(frame) == len(positions)
    first = positions[0]
    row = frame.iloc[0]
    assert (row["actor"], row["canonical_id"], row["stance"]) == (first.actor, first.proposal, first.latest.stance)
    assert row["history"].split(";") == [e.stance for e in first.history]


# -- graphml --------------------------------------------------------------------------------


@pytest.fixture
def graph(gold_store: Store, tmp_path: Path) -> nx.MultiDiGraph:
    path = tmp_path / "actors.graphml"
    result = export_graphml(gold_store, path)
    assert result.counts["edges"] == result.rows > 0
    return nx.read_graphml(path, force_multigraph=True)


def test_export_graphml_actors_are_nodes_with_attributes(graph: nx.MultiDiGraph) -> None:
    actors = {a.id: a for r in _gold() for a in r.actors}
    assert set(actors) <= set(graph.nodes)
    qatar = graph.nodes["QAT"]
    assert (qatar["label"], qatar["kind"], qatar["country"]) == ("Qatar", "state", "QAT")
    assert {"mediator", "guarantor"} <= set(qatar["roles"].split(";"))
    assert graph.nodes["HAMAS"]["kind"] == "armed_group"
    assert graph.nodes["HAMAS"]["negotiations"] == "HAMAS-ISR"
    assert isinstance(graph.nodes["HAMAS"]["articles"], int) and graph.nodes["HAMAS"]["articles"] >= 13


@pytest.mark.parametrize(("source", "target", "kind"), [
    ("QAT", "HAMAS", "mediates_for"),
    ("EGY", "ISR", "mediates_for"),
    ("QAT", "HAMAS", "relays_for"),
    ("EGY", "HAMAS", "guarantees_for"),
    ("EGY", "ISR", "hosts"),
    ("USA", "HAMAS", "proposes_to"),
    ("USA", "HAMAS", "threatens"),
    ("ISR", "HAMAS", "accuses"),
    ("HAMAS", "ISR", "accuses"),
    ("ISR", "USA", "meets"),
])
def test_export_graphml_typed_weighted_edges(graph: nx.MultiDiGraph, source: str, target: str, kind: str) -> None:
    found = [d for d in graph.get_edge_data(source, target, default={}).values() if d["type"] == kind]
    assert len(found) == 1, (source, target, kind)
    edge = found[0]
    articles = edge["articles"].split(";")
    assert edge["weight"] == len(articles) >= 1
    assert edge["first_date"] <= edge["last_date"]
    assert edge["negotiations"] == "HAMAS-ISR"


def test_export_graphml_edges_are_typed_and_unique(graph: nx.MultiDiGraph) -> None:
    keys = [(u, v, d["type"]) for u, v, d in graph.edges(data=True)]
    assert len(keys) == len(set(keys))
    assert {k for _, _, k in keys} <= set(EDGE_TYPES)
    assert all(u != v for u, v, _ in keys)
    assert all(isinstance(d["weight"], float) for _, _, d in graph.edges(data=True))
    qatar_hamas = graph.get_edge_data("QAT", "HAMAS")
    assert len(qatar_hamas) > 1  # several types between one pair: a multigraph


# -- plover ---------------------------------------------------------------------------------


@pytest.mark.parametrize("jsonl", [False, True])
def test_export_plover_polecat_fields_and_plover_types(gold_store: Store, jsonl: bool) -> None:
    out = io.StringIO()
    result = export_plover(gold_store, out, jsonl=jsonl)
    text = out.getvalue()
    rows = [json.loads(line) for line in text.splitlines()] if jsonl else json.load(io.StringIO(text))
    records = _gold()
    assert len(rows) == result.rows == sum(_pairs(r, reciprocal_pairs=False) for r in records)
    for row in rows:
        assert list(row) == POLECAT_FIELDS
        assert row["event_type"] in PLOVER_CATEGORIES
        assert row["event_text"] and row["story_id"] and row["version"].startswith("parley-")
        pd.Timestamp(row["event_date"])
    assert len({r["event_id"] for r in rows}) == len(rows)
    assert {r["story_id"] for r in rows} == {r.article.id for r in records if r.events}
    mediation = [r for r in rows if r["event_mode"] == "third-party" and r["actor_code"] == "QAT"
                 and r["recipient_code"] == "HAMAS"]
    assert mediation and mediation[0]["actor_name"] == "Qatar" and mediation[0]["recipient_country"] == "PSE"
    reciprocal = [r for r in rows if r["event_mode"] == "multilateral"]
    assert reciprocal and all(r["recipient_code"] is None for r in reciprocal)


# -- cameo ----------------------------------------------------------------------------------


def test_export_cameo_tab_separated_with_crosswalk_codes(gold_store: Store) -> None:
    out = io.StringIO()
    result = export_cameo(gold_store, out)
    frame = pd.read_csv(io.StringIO(out.getvalue()), sep="\t", dtype=str, keep_default_na=False)
    assert list(frame.columns)[:4] == ["date", "source", "target", "code"]
    assert len(frame) == result.rows == sum(_pairs(r, reciprocal_pairs=True) for r in _gold())
    assert set(frame["code"]) <= set(CAMEO_CROSSWALK.values())
    assert {"045", "042", "112"} <= set(frame["code"])
    assert pd.to_datetime(frame["date"]).notna().all()
    lines = list(csv.reader(io.StringIO(out.getvalue()), delimiter="\t"))
    assert all(len(line) == len(lines[0]) for line in lines)
    assert ["2025-09-30", "QAT", "HAMAS", "045"] in [line[:4] for line in lines]


@pytest.mark.parametrize("event_type", ["ASSAULT", "PROTEST", "COERCE"])
def test_export_cameo_codes_the_types_bearing_on_talks(store: Store, event_type: str) -> None:
    records = _gold(GOLD[-1:])
    data = records[0].to_dict(with_text=True)
    data["events"].append({**data["events"][0], "type": event_type, "mode": None})
    _fill_record(store, load_record(data))
    out = io.StringIO()
    result = export_cameo(store, out)
    assert not result.skipped and result.articles == 1 and not result.lost
    assert CAMEO_CROSSWALK[(event_type, None)] in out.getvalue()


def _fill_record(store: Store, record: Record) -> None:
    store.import_record(record, record.article.text or "")


# -- every format ---------------------------------------------------------------------------


def _export(fmt: str, source: Any, tmp_path: Path) -> str:
    if fmt == "csv":
        folder = tmp_path / f"csv-{id(source)}"
        export_csv(source, folder)
        return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()))
    out = io.StringIO()
    {"records": export_records, "graphml": export_graphml, "plover": export_plover,
     "cameo": export_cameo}[fmt](source, out)
    return out.getvalue()


@pytest.mark.parametrize("fmt", ["records", "csv", "graphml", "plover", "cameo"])
def test_export_deterministic_whatever_the_import_order(fmt: str, new_db_url: Callable[[], str],
                                                        tmp_path: Path) -> None:
    with Store.open(new_db_url()) as first, Store.open(new_db_url()) as second:
        _fill(first)
        _fill(second, list(reversed(GOLD)))
        once = _export(fmt, first, tmp_path)
        assert once == _export(fmt, first, tmp_path)
        assert once == _export(fmt, second, tmp_path)
        # the library also takes records (with their texts) in place of a store
        assert once == _export(fmt, list(first.records_with_text()), tmp_path)


@pytest.mark.parametrize("fmt", ["records", "csv", "graphml", "plover", "cameo"])
def test_export_unreadable_record_is_reported_not_lost_silently(gold_store: Store, fmt: str,
                                                                tmp_path: Path) -> None:
    bad = _gold(GOLD[:1])[0]
    data = bad.to_dict()
    data["stances"][0]["stance"] = "shrugs"  # a stance no vocabulary has
    with gold_store.engine.begin() as conn:
        conn.execute(update(schema.articles).where(schema.articles.c.id == bad.article.id).values(record=data))
    source = ExportSource.from_store(gold_store)
    assert [s.article_id for s in source.unreadable] == [bad.article.id]
    assert len(source.items) == len(GOLD) - 1
    exporter = {"records": export_records, "graphml": export_graphml, "plover": export_plover,
                "cameo": export_cameo, "csv": export_csv}[fmt]
    target: Any = tmp_path / "out" if fmt == "csv" else io.StringIO()
    result = exporter(source, target)
    assert [s.article_id for s in result.lost] == [bad.article.id]
    assert result.articles == len(GOLD) - 1


# -- the command ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", STREAM_FORMATS)
def test_export_cli_stdout_and_out_file_agree(gold_db: str, fmt: str, tmp_path: Path) -> None:
    shown = run("export", "--format", fmt, "--db", gold_db)
    assert shown.exit_code == 0, shown.output
    assert shown.stdout.strip()
    assert f"export {fmt}: 14 article(s)" in shown.stderr
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / f"out.{fmt}"
    written = run("export", "--format", fmt, "--out", path, "--db", gold_db)
    assert written.exit_code == 0, written.output
    assert written.stdout == ""
    assert path.read_text(encoding="utf-8") == shown.stdout
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_export_cli_records_is_the_default_format(gold_db: str) -> None:
    shown = run("export", "--db", gold_db)
    assert shown.exit_code == 0
    assert len(shown.stdout.splitlines()) == len(GOLD)
    assert all(json.loads(line)["format"] == "parley.record/1" for line in shown.stdout.splitlines())


def test_export_cli_csv_writes_a_folder(gold_db: str, tmp_path: Path) -> None:
    folder = tmp_path / "new" / "tables"
    written = run("export", "--format", "csv", "--out", folder, "--db", gold_db)
    assert written.exit_code == 0, written.output
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    assert "stances 94" in written.stderr


def test_export_cli_plover_jsonl(gold_db: str) -> None:
    shown = run("export", "--format", "plover", "--jsonl", "--db", gold_db)
    assert shown.exit_code == 0
    rows = [json.loads(line) for line in shown.stdout.splitlines()]
    assert rows and all(list(r) == POLECAT_FIELDS for r in rows)


@pytest.mark.parametrize(("args", "code", "words"), [
    (["--format", "csv"], 1, "give it with --out DIR"),
    (["--format", "xlsx"], 2, "Invalid value for '--format'"),
    (["--format", "plover", "--with-text"], 2, "--with-text applies to --format records"),
    (["--format", "cameo", "--jsonl"], 2, "--jsonl applies to --format plover"),
    (["--format", "cameo", "--out", "{tmp}/missing/out.tsv"], 1, "does not exist"),
    (["--format", "graphml", "--out", "{tmp}"], 1, "it is a folder"),
])
def test_export_cli_usage_errors(gold_db: str, tmp_path: Path, args: list[str], code: int, words: str) -> None:
    shown = run("export", *[a.format(tmp=tmp_path) for a in args], "--db", gold_db)
    assert shown.exit_code == code
    assert "Error:" in shown.stderr and words in shown.stderr
    assert shown.stdout == ""


def test_export_cli_reports_unreadable_records_and_fails(gold_store: Store, gold_db: str) -> None:
    bad = _gold(GOLD[:1])[0]
    data = bad.to_dict()
    data["events"][0]["type"] = "GOSSIP"
    with gold_store.engine.begin() as conn:
        conn.execute(update(schema.articles).where(schema.articles.c.id == bad.article.id).values(record=data))
    shown = run("export", "--format", "plover", "--db", gold_db)
    assert shown.exit_code == 1
    assert f"skipped {bad.article.id}: the stored record does not load" in shown.stderr
    assert "[unreadable_record]" in shown.stderr and "1 skipped" in shown.stderr
    assert bad.article.id not in shown.stdout and json.loads(shown.stdout)


