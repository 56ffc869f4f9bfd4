"""The ``parley`` command through click's CliRunner, with the real extractor and real stores.

The mixed batch (every bad input kind between good articles) goes through ``parley ingest`` once
per backend and through ``parley extract --out`` once for the module; the cases read those runs.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from parley.cli import cli
from parley.ingest import Article, read_path
from parley.record import FORMAT, load_record
from parley.store.store import Store

DATA = Path(__file__).parent / "data"
GOOD = DATA / "ingest" / "good"
CAIRO = GOOD / "cairo_talks.txt"
DOHA = GOOD / "doha_round.json"
DEV = DATA / "dev"

BAD_KINDS = [
    "empty", "binary", "undecodable", "malformed-json", "html-without-body", "too-large",
    "not-english", "missing-file", "unsupported-type", "jsonl-malformed-line",
    "jsonl-missing-text", "jsonl-not-english", "jsonl-empty-text", "jsonl-bad-date", "jsonl-array",
]


def run(*args: Any, env: dict[str, str] | None = None, input: str | None = None) -> Result:
    """``parley ARGS`` in this process; PARLEY_DB is unset unless ``env`` sets it."""
    environment = {"PARLEY_DB": None, "COLUMNS": "80", **(env or {})}
    return CliRunner(env=environment).invoke(
        cli, [str(a) for a in args], input=input, catch_exceptions=False
    )


def stderr_lines(result: Result) -> list[str]:
    return result.stderr.splitlines()


# -- parley extract -----------------------------------------------------------------------------


def test_cli_extract_prints_json_lines(extractor: Any) -> None:
    result = run("extract", CAIRO, DOHA, "--published", "2025-03-03")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    records = [load_record(line) for line in lines]
    expected = [*read_path(CAIRO, published="2025-03-03"), *read_path(DOHA, published="2025-03-03")]
    assert [r.article.id for r in records] == [a.id for a in expected]
    assert [r.article.published for r in records] == ["2025-03-03", "2025-03-03"]
    assert all(r.format == FORMAT and r.article.text is None for r in records)
    assert result.stderr == ""


def test_cli_extract_reads_stdin(extractor: Any) -> None:
    text = CAIRO.read_text(encoding="utf-8")
    result = run("extract", "-", "--title", "Cairo talks", input=text)
    assert result.exit_code == 0, result.output
    (record,) = [load_record(line) for line in result.stdout.splitlines()]
    assert record.article.id == read_path(CAIRO)[0].id
    assert record.article.title == "Cairo talks"


def test_cli_extract_with_text(extractor: Any) -> None:
    result = run("extract", DOHA, "--with-text")
    assert result.exit_code == 0, result.output
    record = load_record(result.stdout)  # with the text, every offset is checked against it
    (article,) = read_path(DOHA)
    assert record.article.text == article.text
    assert json.loads(result.stdout)["article"]["text"] == article.text


def test_cli_extract_out_writes_one_file_per_article(tmp_path: Path, extractor: Any) -> None:
    out = tmp_path / "records"
    result = run("extract", GOOD, "--out", out)
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    # files by input stem; for .jsonl lines, the line's "id" (made safe) or its line number
    names = ["3.json", "7.json", "cairo_talks.json", "doha_round.json", "geneva_envoy_1.json",
             "nairobi_truce.json"]
    assert sorted(p.name for p in out.iterdir()) == names
    by_stem = {a.stem: a for a in read_path(GOOD)}
    for name in names:
        record = load_record(json.loads((out / name).read_text(encoding="utf-8")))
        assert record.article.id == by_stem[name.removesuffix(".json")].id
    assert f"wrote 6 record(s) to {out}" in result.stderr


def test_cli_extract_out_name_collisions_get_a_number(tmp_path: Path, extractor: Any) -> None:
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        shutil.copy(CAIRO, tmp_path / folder / "cairo_talks.txt")
    (tmp_path / "d").mkdir()
    shutil.copy(CAIRO, tmp_path / "d" / "cairo_talks-2.txt")
    out = tmp_path / "out"
    inputs = [tmp_path / f / n for f, n in
              (("a", "cairo_talks.txt"), ("b", "cairo_talks.txt"), ("d", "cairo_talks-2.txt"),
               ("c", "cairo_talks.txt"))]
    result = run("extract", *inputs, "--out", out)
    assert result.exit_code == 0, result.output
    # a/ is first; b/ gets -2; d/'s own stem is then taken, so it gets -2-2; c/ gets -3
    assert sorted(p.name for p in out.iterdir()) == [
        "cairo_talks-2-2.json", "cairo_talks-2.json", "cairo_talks-3.json", "cairo_talks.json"
    ]
    assert (
        f"note two inputs share the name cairo_talks; writing cairo_talks-2.json for {inputs[1]}"
        in stderr_lines(result)
    )


@pytest.fixture(scope="module")
def extract_run(
    mixed_batch: list[Path], tmp_path_factory: pytest.TempPathFactory, extractor: Any
) -> tuple[Result, Path]:
    """``parley extract --out DIR`` over the mixed batch, once for the module."""
    out = tmp_path_factory.mktemp("extract-out")
    return run("extract", *mixed_batch, "--out", out), out


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_cli_extract_mixed_batch_names_each_bad_input(
    extract_run: tuple[Result, Path], bad_inputs: dict[str, Any], kind: str
) -> None:
    result, _ = extract_run
    bad = bad_inputs[kind]
    assert result.exit_code == 1
    (line,) = [x for x in stderr_lines(result) if x.startswith(f"skipped {bad.where}: ")]
    assert bad.words in line
    assert line.endswith(f" [{bad.reason}]")


def test_cli_extract_mixed_batch_writes_every_good_article(
    extract_run: tuple[Result, Path], mixed_batch_articles: dict[str, Article],
    bad_inputs: dict[str, Any],
) -> None:
    result, out = extract_run
    written = {load_record(json.loads(p.read_text(encoding="utf-8"))).article.id for p in out.iterdir()}
    assert written == set(mixed_batch_articles)
    assert f"wrote {len(mixed_batch_articles)} record(s)" in result.stderr
    assert f"{len(bad_inputs)} input(s) skipped" in result.stderr
    assert len([x for x in stderr_lines(result) if x.startswith("skipped ")]) == len(bad_inputs)


def test_cli_extract_only_bad_input_exits_1(bad_inputs: dict[str, Any]) -> None:
    result = run("extract", bad_inputs["missing-file"].path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"skipped {bad_inputs['missing-file'].path}: no such file or directory [not_found]" in result.stderr


# -- parley ingest ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ingest_run(module_db_url: str, mixed_batch: list[Path], extractor: Any) -> tuple[Result, str]:
    """``parley ingest`` over the mixed batch into a store of this module's backend, once."""
    return run("ingest", *mixed_batch, "--db", module_db_url), module_db_url


@pytest.mark.parametrize("kind", BAD_KINDS)
def test_cli_ingest_mixed_batch_names_each_bad_input(
    ingest_run: tuple[Result, str], bad_inputs: dict[str, Any], kind: str
) -> None:
    result, _ = ingest_run
    bad = bad_inputs[kind]
    assert result.exit_code == 1
    (line,) = [x for x in stderr_lines(result) if x.startswith(f"skipped {bad.where}: ")]
    assert bad.words in line
    assert line.endswith(f" [{bad.reason}]")


def test_cli_ingest_mixed_batch_stores_every_good_article(
    ingest_run: tuple[Result, str], mixed_batch_articles: dict[str, Article],
    bad_inputs: dict[str, Any],
) -> None:
    result, url = ingest_run
    with Store.open(url) as store:
        assert {row.id for row in store.articles()} == set(mixed_batch_articles)
    lines = stderr_lines(result)
    assert lines[0].startswith("ingest into ")
    counts = dict(line.rsplit(None, 1) for line in lines[1:5])
    assert {k.strip(): int(v) for k, v in counts.items()} == {
        "stored": len(mixed_batch_articles), "updated (re-extracted)": 0, "unchanged": 0,
        "skipped": len(bad_inputs),
    }
    assert len([x for x in lines if x.startswith("skipped ")]) == len(bad_inputs)


def test_cli_ingest_twice_is_unchanged(
    ingest_run: tuple[Result, str], mixed_batch: list[Path], mixed_batch_articles: dict,
    bad_inputs: dict[str, Any],
) -> None:
    _, url = ingest_run
    listing = run("articles", "--json", "--db", url)
    again = run("ingest", *mixed_batch, "--db", url, "--json")
    assert again.exit_code == 1  # the bad inputs are still bad
    summary = json.loads(again.stdout)
    assert (summary["stored"], summary["updated"], summary["unchanged"]) == (
        0, 0, len(mixed_batch_articles)
    )
    assert len(summary["skipped"]) == len(bad_inputs)
    assert {s["input"] for s in summary["skipped"]} == {b.where for b in bad_inputs.values()}
    assert run("articles", "--json", "--db", url).stdout == listing.stdout


def test_cli_ingest_order_gives_the_same_records(
    ingest_run: tuple[Result, str], mixed_batch: list[Path], databases: Any,
    module_backend: str, tmp_path: Path,
) -> None:
    _, url = ingest_run
    other = databases.new(module_backend, tmp_path)
    try:
        result = run("ingest", *reversed(mixed_batch), "--db", other)
        assert result.exit_code == 1
        with Store.open(url) as first, Store.open(other) as second:
            assert [r.to_dict() for r in second.records()] == [r.to_dict() for r in first.records()]
        assert run("articles", "--json", "--db", other).stdout == run("articles", "--json", "--db", url).stdout
    finally:
        databases.drop(other)


def test_cli_ingest_skip_lines_are_never_wrapped(tmp_path: Path) -> None:
    deep = tmp_path / ("a-folder-with-a-rather-long-name-" * 3) / "and-another-one-inside-it"
    deep.mkdir(parents=True)
    paths = [deep / "empty-article-with-a-long-file-name.txt", deep / "notes-about-the-talks.md"]
    paths[0].write_text("")
    paths[1].write_text("# notes")
    result = run("ingest", *paths, "--db", tmp_path / "parley.db")
    assert result.exit_code == 1
    skipped = [x for x in stderr_lines(result) if x.startswith("skipped ")]
    assert skipped == [
        f"skipped {paths[0]}: the file is empty [empty]",
        f"skipped {paths[1]}: unsupported file type '.md' (expected one of .txt, .json, .jsonl, "
        ".html, .htm) [unsupported_type]",
    ]
    assert all(len(x) > 80 for x in skipped)


def test_cli_ingest_into_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = run("ingest", CAIRO, "--db", missing / "parley.db")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ")
    assert f"folder {missing} does not exist" in result.stderr


def test_cli_ingest_unreachable_postgresql_is_an_error() -> None:
    result = run("ingest", CAIRO, "--db", "postgresql://parley@127.0.0.1:1/parley")
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: cannot open or migrate store postgresql+psycopg://")
    assert "Traceback" not in result.output


# -- reading the store --------------------------------------------------------------------------


def test_cli_articles_table_fits_80_columns(
    ingest_run: tuple[Result, str], mixed_batch_articles: dict[str, Article]
) -> None:
    _, url = ingest_run
    result = run("articles", "--db", url)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "published", "title", "actors", "proposals", "stances", "events"]
    assert all(len(line) <= 80 for line in lines)
    rows = lines[2:]
    assert len(rows) == len(mixed_batch_articles)
    assert sorted(row.split()[0] for row in rows) == sorted(
        i.removeprefix("sha256:")[:12] for i in mixed_batch_articles
    )
    long_title = next(a.title for a in mixed_batch_articles.values() if a.title and len(a.title) > 30)
    (row,) = [r for r in rows if long_title[:20] in r]
    assert "…" in row and long_title not in row


def test_cli_articles_json(ingest_run: tuple[Result, str], mixed_batch_articles: dict) -> None:
    _, url = ingest_run
    result = run("articles", "--json", "--db", url)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert {row["id"] for row in rows} == set(mixed_batch_articles)
    assert set(rows[0]) == {"id", "title", "publisher", "published", "url", "extractor_version",
                            "actors", "proposals", "stances", "events"}


def test_cli_articles_wide_console_shows_the_publisher(ingest_run: tuple[Result, str]) -> None:
    _, url = ingest_run
    result = run("articles", "--db", url, env={"COLUMNS": "140"})
    assert "publisher" in result.stdout.splitlines()[0].split()
    assert "Example Wire" in result.stdout


def test_cli_articles_empty_store(tmp_path: Path) -> None:
    result = run("articles", "--db", tmp_path / "empty.db")
    assert result.exit_code == 0
    assert "the store is empty" in result.stderr


def test_cli_db_option_and_parley_db_env(
    ingest_run: tuple[Result, str], tmp_path: Path
) -> None:
    _, url = ingest_run
    by_option = run("articles", "--json", "--db", url)
    by_env = run("articles", "--json", env={"PARLEY_DB": url})
    assert by_option.exit_code == by_env.exit_code == 0
    assert by_env.stdout == by_option.stdout
    assert json.loads(by_env.stdout)
    # --db wins over PARLEY_DB
    other = run("articles", "--json", "--db", tmp_path / "other.db", env={"PARLEY_DB": url})
    assert json.loads(other.stdout) == []


@pytest.mark.parametrize("form", ["prefix", "full", "without-sha256"])
def test_cli_show_by_id(
    ingest_run: tuple[Result, str], form: str
) -> None:
    _, url = ingest_run
    (doha,) = read_path(DOHA)
    ref = {"prefix": doha.id[7:15], "full": doha.id, "without-sha256": doha.id[7:]}[form]
    result = run("show", ref, "--db", url)
    assert result.exit_code == 0, result.output
    record = load_record(result.stdout)
    assert record.article.id == doha.id
    assert record.article.title == doha.title
    assert record.article.text is None


def test_cli_show_with_text(ingest_run: tuple[Result, str]) -> None:
    _, url = ingest_run
    (doha,) = read_path(DOHA)
    result = run("show", doha.id[7:19], "--with-text", "--db", url)
    assert result.exit_code == 0, result.output
    assert load_record(result.stdout).article.text == doha.text


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("ffffffffff", "Error: no stored article has id 'ffffffffff' (see `parley articles`)"),
        ("", "Error: give an article id or a prefix of one (see `parley articles`)"),
    ],
    ids=["unknown", "empty"],
)
def test_cli_show_unknown_id(ingest_run: tuple[Result, str], ref: str, message: str) -> None:
    _, url = ingest_run
    result = run("show", ref, "--db", url)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip() == message


# -- schema, actors, eval -----------------------------------------------------------------------


def test_cli_schema_prints_json_schema() -> None:
    result = run("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == FORMAT
    assert "article" in schema["properties"]


@pytest.mark.parametrize("name", ["DR Congo", "dr congo", "Democratic Republic of the Congo"])
def test_cli_actors_lookup_finds_the_actor(name: str) -> None:
    result = run("actors", "lookup", name)
    assert result.exit_code == 0, result.output
    assert "COD" in result.stdout
    as_json = json.loads(run("actors", "lookup", name, "--json").stdout)
    assert "COD" in [a["id"] for a in as_json]


def test_cli_actors_lookup_unknown_name_exits_1() -> None:
    result = run("actors", "lookup", "Republic of Nowhere")
    assert result.exit_code == 1
    assert result.stderr.strip() == "Error: no actor in the registry is called 'Republic of Nowhere'"


def test_cli_eval_prints_the_table(extractor: Any) -> None:
    result = run("eval", DEV)
    assert result.exit_code == 0, result.output
    assert "Scores over 16 article(s)" in result.stdout
    for layer in ("actors", "roles", "people", "sources", "proposals", "stances", "events"):
        assert layer in result.stdout
    assert "parley score:" in result.stdout


def test_cli_eval_json_has_the_layers(extractor: Any) -> None:
    from parley.evaluate import LAYERS

    result = run("eval", DEV, "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report["layers"]) == set(LAYERS)
    assert report["articles"] == 16
    assert 0 <= report["parley_score"] <= 1


@pytest.mark.parametrize("args", [["eval", "no/such/gold"], ["eval"]], ids=["missing", "not-given"])
def test_cli_eval_without_a_gold_dir(args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code in (1, 2)
    assert "Error:" in result.stderr
    if len(args) == 2:
        assert result.exit_code == 1
        assert "no/such/gold" in result.stderr
