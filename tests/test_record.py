"""The record model (``parley.record/1``): gold files load and round-trip, invalid records are
refused with the field path, and the JSON Schema is a valid schema that records satisfy."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from parley.errors import RecordError
from parley.record import FORMAT, load_record, record_json_schema

DEV = Path(__file__).parent / "data" / "dev"
DEV_FILES = sorted(DEV.glob("*.json"))


def test_record_dev_corpus_is_there() -> None:
    assert len(DEV_FILES) >= 16


@pytest.mark.parametrize("path", DEV_FILES, ids=lambda p: p.stem)
def test_record_dev_gold_loads_and_round_trips(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    record = load_record(text, origin=path.name)
    assert record.format == FORMAT
    assert record.article.text
    again = load_record(record.to_dict(with_text=True), origin=path.name)
    assert again == record
    assert again.to_dict(with_text=True) == record.to_dict(with_text=True)
    # and through the JSON text too
    assert load_record(record.to_json(with_text=True)) == record


def test_record_to_dict_leaves_out_text_unless_asked(dev_gold: dict[str, dict[str, Any]]) -> None:
    record = load_record(dev_gold["d01"])
    assert "text" not in record.to_dict()["article"]
    assert record.to_dict(with_text=True)["article"]["text"] == dev_gold["d01"]["article"]["text"]


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A change to gold data: set the value at a dotted path (list indexes as numbers)."""

    def change(data: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = data
        for part in parents:
            node = node[int(part)] if isinstance(node, list) else node[part]
        if isinstance(node, list):
            node[int(last)] = value
        else:
            node[last] = value

    return change


FAR = [[0, 10**6]]  # a span past the end of any dev text

INVALID = [
    # (change, the field path the message must name, words it must contain)
    (_set("actors.0.kind", "warlord"), "actors.0.kind", "'state'"),
    (_set("actors.0.roles", ["kingmaker"]), "actors.0.roles.0", "party"),
    (_set("proposals.0.status", "pending"), "proposals.0.status", "Input should be"),
    (_set("proposals.0.terms.0.type", "peace"), "proposals.0.terms.0.type", "ceasefire"),
    (_set("stances.0.stance", "likes"), "stances.0.stance", "Input should be"),
    (_set("stances.0.certainty", "sure"), "stances.0.certainty", "confirmed"),
    (_set("events.0.type", "PARTY"), "events.0.type", "CONSULT"),
    (_set("events.0.mode", "teleport"), "events.0", "not a mode of CONSULT"),
    (_set("sources.0.kind", "gossip"), "sources.0.kind", "anonymous"),
    (_set("format", "parley.record/2"), "format", "parley.record/1"),
    (_set("article.published", "last Tuesday"), "article.published", "ISO date"),
    (_set("actors.0.mentions", [[5, 2]]), "actors.0.mentions", "[5, 2)"),
    # offsets past the end of the text
    (_set("actors.0.mentions", FAR), "actors.0.mentions", "runs past the end of the text"),
    (_set("proposals.0.evidence", FAR), "proposals.0.evidence", "runs past the end"),
    (_set("proposals.0.terms.1.evidence", FAR), "proposals.0.terms.1.evidence", "runs past"),
    (_set("stances.2.evidence", FAR), "stances.2.evidence", "runs past the end of the text"),
    (_set("events.1.evidence", FAR), "events.1.evidence", "runs past the end of the text"),
    # dangling references
    (_set("stances.0.proposal", "p9"), "stances.0.proposal", "'p9' is not a proposal id"),
    (_set("stances.1.source", "s9"), "stances.1.source", "'s9' is not a source id"),
    (_set("events.0.source", "s7"), "events.0.source", "'s7' is not a source id"),
    (_set("proposals.1.parent", "p9"), "proposals.1.parent", "'p9' is not a proposal id"),
    (_set("proposals.1.id", "p1"), "proposals", "unique (repeated: p1)"),
    (_set("sources.1.id", "s1"), "sources", "unique (repeated: s1)"),
    # evidence is required
    (_set("stances.0.quote", None), "stances.0", "needs at least one evidence span"),
    # unknown fields are refused, not dropped
    (_set("actors.0.colour", "red"), "actors.0.colour", "Extra inputs are not permitted"),
]


@pytest.mark.parametrize(
    ("change", "field", "words"), INVALID, ids=[f"{field}-{i}" for i, (_, field, _) in enumerate(INVALID)]
)
def test_record_invalid_raises_record_error_naming_the_field(
    dev_gold: dict[str, dict[str, Any]], change: Callable[[dict[str, Any]], None], field: str, words: str
) -> None:
    data = copy.deepcopy(dev_gold["d01"])
    change(data)
    with pytest.raises(RecordError) as caught:
        load_record(data, origin="d01.json")
    message = str(caught.value)
    assert message.startswith((f"d01.json: {field}: ", f"d01.json: {field} ")), message
    assert words in message
    assert caught.value.origin == "d01.json"


def test_record_invalid_json_text_is_a_record_error() -> None:
    with pytest.raises(RecordError, match="broken.json: "):
        load_record('{"format": "parley.record/1", "article": ', origin="broken.json")


def test_record_check_text_refuses_offsets_past_a_shorter_text(dev_stored) -> None:
    article, record = dev_stored["d01"]
    record.check_text(article.text)
    with pytest.raises(RecordError, match=r"runs past the end of the text \(10 chars\)") as caught:
        record.check_text(article.text[:10])
    assert str(caught.value).startswith(f"{article.id}: ")


# -- JSON Schema ------------------------------------------------------------------------------


def test_record_json_schema_is_a_valid_json_schema() -> None:
    schema = record_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["title"] == FORMAT
    assert schema["$schema"].endswith("/draft/2020-12/schema")


@pytest.mark.parametrize("stem", ["d01", "d08", "d15"])
def test_record_json_schema_accepts_records(
    dev_gold: dict[str, dict[str, Any]], dev_stored, stem: str
) -> None:
    validator = jsonschema.Draft202012Validator(record_json_schema())
    gold = load_record(dev_gold[stem])
    validator.validate(gold.to_dict(with_text=True))  # a gold record, with quotes
    _, stored = dev_stored[stem]
    validator.validate(stored.to_dict())  # the same as the store keeps it, with offsets


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (_set("actors.0.kind", "warlord"), ["actors", 0, "kind"]),
        (_set("stances.0.stance", "likes"), ["stances", 0, "stance"]),
        (_set("article.id", 7), ["article", "id"]),
    ],
    ids=["actor-kind", "stance", "article-id"],
)
def test_record_json_schema_refuses_what_the_model_refuses(
    dev_gold: dict[str, dict[str, Any]], change: Callable[[dict[str, Any]], None], where: list[Any]
) -> None:
    data = copy.deepcopy(dev_gold["d01"])
    change(data)
    with pytest.raises(RecordError):
        load_record(data)
    errors = list(jsonschema.Draft202012Validator(record_json_schema()).iter_errors(data))
    assert errors
    assert any(list(e.absolute_path) == where for e in errors), [list(e.absolute_path) for e in errors]
