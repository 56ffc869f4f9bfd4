"""The negotiation model on the sample series' gold records (parley/samples/gold).

``parley/samples/expected.json`` is what a careful reader of the 14 articles says the picture
is: which reports are one proposal, the lineage, each actor's latest position, and the diffs.
These tests pin the model to it. Gold records are used so that the model is tested apart
from extraction quality.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from parley.negotiation import Override, build_picture, diff_proposals
from parley.negotiation.positions import changed_since
from parley.negotiation.views import negotiations_view, positions_view, timeline_view
from parley.record import load_record

SAMPLES = Path(__file__).parent.parent / "parley" / "samples"


@pytest.fixture(scope="module")
def expected() -> dict:
    return json.loads((SAMPLES / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gold_records() -> list:
    return [load_record(json.loads(p.read_text(encoding="utf-8"))) for p in sorted((SAMPLES / "gold").glob("*.json"))]


@pytest.fixture(scope="module")
def picture(gold_records):
    return build_picture([(r, None) for r in gold_records])


@pytest.fixture(scope="module")
def canonical(picture, expected) -> dict:
    """expected proposal id -> our canonical proposal."""
    negotiation = picture.negotiations[0]
    by_report = {(r.article_id, r.local_id): p for p in negotiation.proposals for r in p.reports}
    return {ep["id"]: by_report[next(iter(ep["local_ids"].items()))] for ep in expected["proposals"]}


def test_negotiation_one_negotiation_of_the_two_parties(picture) -> None:
    assert [n.id for n in picture.negotiations] == ["HAMAS-ISR"]
    assert picture.negotiations[0].name == "Israel–Hamas"
    assert picture.unassigned == ["02-gaza-city-strikes"]  # the negative control


def test_negotiation_same_proposal_from_many_outlets_is_one(picture, expected) -> None:
    negotiation = picture.negotiations[0]
    by_report = {(r.article_id, r.local_id): p.id for p in negotiation.proposals for r in p.reports}
    seen = set()
    for ep in expected["proposals"]:
        ids = {by_report[(stem, local)] for stem, local in ep["local_ids"].items()}
        assert len(ids) == 1, f"{ep['id']} is split over {ids}"
        seen |= ids
    assert len(seen) == len(expected["proposals"]) == len(negotiation.proposals)


def test_negotiation_lineage(canonical, expected) -> None:
    for ep in expected["proposals"]:
        parent = canonical[ep["parent"]].id if ep["parent"] else None
        assert canonical[ep["id"]].parent == parent, ep["id"]
    assert canonical["hamas-response"].kind == "counter"
    assert canonical["us-20-point-plan"].kind == "revision"


def test_negotiation_positions_match_the_reader(picture, canonical, expected) -> None:
    negotiation = picture.negotiations[0]
    for pos in expected["positions"]:
        key = (pos["actor"], canonical[pos["proposal"]].id, pos["term"])
        mine = next(p for p in negotiation.positions if (p.actor, p.proposal, p.term) == key)
        assert mine.latest.stance == pos["latest"]["stance"], key
        assert mine.changed == pos["changed"], key


def test_negotiation_positions_changed_since(picture, canonical) -> None:
    negotiation = picture.negotiations[0]
    plan = canonical["us-20-point-plan"].id
    changed = {(p.actor, p.term) for p in changed_since(negotiation.positions, "2025-10-03") if p.proposal == plan}
    assert ("HAMAS", None) in changed  # studying it, then a conditional yes on 4 Oct
    assert ("HAMAS", "disarmament_demilitarization") in changed  # clarification, then rejection


@pytest.mark.parametrize(
    ("old", "new", "term", "param", "before", "after"),
    [
        ("us-21-point-draft", "us-20-point-plan", "hostage_release", "within_hours", 48, 72),
        ("us-21-point-draft", "us-20-point-plan", "prisoner_release", "count", 1500, 1700),
        ("us-21-point-draft", "us-20-point-plan", "interim_governance", "overseer", "international body", "Board of Peace"),
        ("us-20-point-plan", "hamas-response", "hostage_release", "within_hours", 72, 120),
        ("us-20-point-plan", "hamas-response", "force_withdrawal", "extent", "phased", "full"),
        ("us-20-point-plan", "first-phase-agreement", "hostage_release", "count", None, 20),
    ],
)
def test_negotiation_diff_changed_parameters(canonical, old, new, term, param, before, after) -> None:
    diff = diff_proposals(canonical[old], canonical[new])
    assert (term, param, before, after) in {(e.term, e.param, e.old, e.new) for e in diff.of("changed")}


@pytest.mark.parametrize(
    ("old", "new", "added", "dropped"),
    [
        ("us-21-point-draft", "us-20-point-plan", {"buffer_zone", "final_status_territory"}, {"guarantees"}),
        ("us-20-point-plan", "hamas-response", {"long_term_truce", "guarantees"}, {"buffer_zone", "amnesty_immunity"}),
    ],
)
def test_negotiation_diff_added_and_dropped(canonical, old, new, added, dropped) -> None:
    diff = diff_proposals(canonical[old], canonical[new])
    assert added <= {e.term for e in diff.of("added")}
    assert dropped <= {e.term for e in diff.of("dropped")}


def test_negotiation_roles_over_time(picture) -> None:
    negotiation = picture.negotiations[0]
    assert {"QAT", "EGY", "TUR"} <= set(negotiation.actors_with("mediator"))
    assert "EGY" in negotiation.actors_with("host")
    assert {"USA", "EGY", "QAT", "TUR"} <= set(negotiation.actors_with("guarantor"))


def test_negotiation_timeline_in_date_order_with_sources(picture) -> None:
    entries = timeline_view(picture.negotiations[0])
    dates = [e["date"] for e in entries if e["date"]]
    assert dates == sorted(dates)
    assert entries[0]["date"] == "2025-09-23"
    assert all(e["sources"] for e in entries if e["kind"] == "event")
    assert any(e["kind"] == "stance" and "HAMAS" in e["summary"] for e in entries)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_negotiation_order_of_records_does_not_matter(gold_records, picture, seed) -> None:
    shuffled = list(gold_records)
    random.Random(seed).shuffle(shuffled)
    other = build_picture([(r, None) for r in shuffled])
    assert negotiations_view(other) == negotiations_view(picture)
    assert positions_view(other.negotiations[0]) == positions_view(picture.negotiations[0])
    assert [p.id for p in other.negotiations[0].proposals] == [p.id for p in picture.negotiations[0].proposals]


def test_negotiation_split_and_merge_overrides(gold_records, canonical) -> None:
    report = "08-israel-rejects-amendments#p2"
    split = build_picture([(r, None) for r in gold_records], [Override("split", report)])
    counter = split.negotiations[0]
    apart = next(p for p in counter.proposals if any(r.key == report for r in p.reports))
    assert len(apart.reports) == 1 and apart.id != canonical["hamas-response"].id
    assert "kept apart" in apart.reports[0].reason
    merged = build_picture([(r, None) for r in gold_records],
                           [Override("split", report), Override("merge", report, "07-hamas-response#p2")])
    back = next(p for p in merged.negotiations[0].proposals if any(r.key == report for r in p.reports))
    assert back.id == canonical["hamas-response"].id
