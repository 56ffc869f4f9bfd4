"""The people registry: packaged data coverage, lookups, roles by date and validation errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from parley.errors import LexiconError
from parley.lexicon.people import PeopleRegistry, PersonEntry, Role, fold_name

GOLD_DIR = Path(__file__).parent / "data" / "dev"
ACTORS_FILE = Path(__file__).parent.parent / "parley" / "lexicon" / "data" / "actors.jsonl"


def _gold_people() -> list[tuple[str, str, str, str]]:
    """(file, name, affiliation, published) for every person of every dev gold file."""
    rows = []
    for path in sorted(GOLD_DIR.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        for person in record["people"]:
            rows.append(
                (path.name, person["name"], person["affiliation"], record["article"]["published"])
            )
    return rows


GOLD_PEOPLE = _gold_people()


@pytest.fixture(scope="module")
def registry() -> PeopleRegistry:
    return PeopleRegistry.load()


# -- packaged data -----------------------------------------------------------------------


@pytest.mark.parametrize("minimum", [300])
def test_lexicon_people_loads_packaged_file(registry: PeopleRegistry, minimum: int) -> None:
    assert len(registry) >= minimum
    assert all(isinstance(p, PersonEntry) and p.roles for p in registry)


def test_lexicon_people_gold_files_are_present() -> None:
    assert len(GOLD_PEOPLE) > 50


@pytest.mark.parametrize(("file", "name", "affiliation", "published"), GOLD_PEOPLE)
def test_lexicon_people_finds_gold_person_with_gold_affiliation(
    registry: PeopleRegistry, file: str, name: str, affiliation: str, published: str
) -> None:
    entry = registry.find(name)
    assert entry is not None, f"{file}: {name} is not in the registry"
    role = entry.role_at(date.fromisoformat(published))
    assert role is not None
    assert role.affiliation == affiliation, f"{file}: {name} on {published}: {role}"


@pytest.mark.parametrize("with_actor_ids", [False, True])
def test_lexicon_people_affiliations_are_actor_ids(with_actor_ids: bool) -> None:
    if not ACTORS_FILE.exists():
        pytest.skip("actors.jsonl is not there yet")
    ids = set()
    for line in ACTORS_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("//"):
            ids.add(json.loads(line)["id"])
    if with_actor_ids:
        PeopleRegistry.load(actor_ids=ids)  # raises on the first unknown affiliation
    else:
        registry = PeopleRegistry.load()
        unknown = sorted(registry.affiliations() - ids)
        assert unknown == []


@pytest.mark.parametrize(
    ("name", "when", "title", "affiliation"),
    [
        ("Hakan Fidan", "2022-05-01", "intelligence chief", "TUR"),
        ("Hakan Fidan", "2024-05-01", "Foreign Minister", "TUR"),
        ("Donald Trump", "2024-12-01", "President-elect", "USA"),
        ("Donald Trump", "2025-01-20", "President", "USA"),
        ("Ahmed al-Sharaa", "2024-12-10", "HTS leader", "HTS"),
        ("Ahmed al-Sharaa", "2025-03-01", "President", "SYR"),
        ("Naim Qassem", "2024-10-01", "deputy Hezbollah leader", "HEZBOLLAH"),
        (
            "Getachew Reda",
            "2024-01-01",
            "president of the Tigray Interim Administration",
            "TIGRAY_INTERIM_ADMINISTRATION",
        ),
        ("Kaja Kallas", "2023-01-01", "Prime Minister", "EST"),
    ],
)
def test_lexicon_people_role_at_picks_role_by_date(
    registry: PeopleRegistry, name: str, when: str, title: str, affiliation: str
) -> None:
    entry = registry.find(name)
    assert entry is not None
    role = entry.role_at(date.fromisoformat(when))
    assert role is not None
    assert (role.title, role.affiliation) == (title, affiliation)


@pytest.mark.parametrize(
    ("when", "title"),
    [
        (None, "President"),  # most recent role
        (date(2020, 6, 1), "intelligence chief"),
        (date(2023, 6, 30), "President"),  # boundary: both cover, the one listed first wins
        (date(1990, 1, 1), "President"),  # covered by none: most recent
    ],
)
def test_lexicon_people_role_at_two_role_person(when: date | None, title: str) -> None:
    entry = PersonEntry(
        name="Test Person",
        aliases=(),
        roles=(
            Role("President", "AAA", date(2023, 6, 30), None),
            Role("intelligence chief", "AAA", date(2010, 1, 1), date(2023, 6, 30)),
        ),
    )
    role = entry.role_at(when)
    assert role is not None and role.title == title


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("Volodymyr Zelenskiy", "Volodymyr Zelensky"),
        ("volodymyr zelenskyy", "Volodymyr Zelensky"),
        ("Antonio Garcia", "Antonio García"),
        ("IBRAHIM KALIN", "Ibrahim Kalin"),
        ("İbrahim Kalın", "Ibrahim Kalin"),
        ("Sheikh Mohammed bin Abdulrahman Al Thani", "Mohammed bin Abdulrahman Al Thani"),
        ("Abu Mohammed al-Jolani", "Ahmed al-Sharaa"),
        ("Itamar Ben Gvir", "Itamar Ben-Gvir"),
        ("President Vladimir Putin", "Vladimir Putin"),
    ],
)
def test_lexicon_people_find_ignores_case_accents_punctuation(
    registry: PeopleRegistry, query: str, name: str
) -> None:
    entry = registry.find(query)
    assert entry is not None and entry.name == name


@pytest.mark.parametrize("query", ["Fidan", "Hakan", "Nobody Atall", ""])
def test_lexicon_people_find_needs_a_full_name(registry: PeopleRegistry, query: str) -> None:
    assert registry.find(query) is None


@pytest.mark.parametrize(
    ("surname", "name"),
    [
        ("Fidan", "Hakan Fidan"),
        ("al-Hayya", "Khalil al-Hayya"),
        ("Hayya", "Khalil al-Hayya"),
        ("HAYYA", "Khalil al-Hayya"),
        ("Gvir", "Itamar Ben-Gvir"),
        ("Abiy", "Abiy Ahmed"),
        ("Garcia", "Antonio García"),
    ],
)
def test_lexicon_people_by_surname(registry: PeopleRegistry, surname: str, name: str) -> None:
    assert name in [p.name for p in registry.by_surname(surname)]


@pytest.mark.parametrize(
    ("name", "surname", "surnames"),
    [
        ("Khalil al-Hayya", "al-Hayya", ("al-Hayya", "Hayya")),
        ("Sheikh Tamim bin Hamad Al Thani", "Thani", ("Thani", "Al Thani")),
        ("King Abdullah II", "Abdullah", ("Abdullah",)),
        ("Ursula von der Leyen", "Leyen", ("Leyen", "von der Leyen")),
        ("Itamar Ben-Gvir", "Ben-Gvir", ("Ben-Gvir", "Gvir")),
    ],
)
def test_lexicon_people_derives_surnames(
    name: str, surname: str, surnames: tuple[str, ...]
) -> None:
    entry = PersonEntry(name=name, aliases=(), roles=(Role("x", "AAA", None, None),))
    assert entry.surname == surname
    assert entry.surnames == surnames
    assert entry.forms() == (name,)


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Abdel-Fattah el-Sisi", "abdel fattah el sisi"),
        ("Yahya Sare'e", "yahya saree"),
        ("Çavuşoğlu", "cavusoglu"),
    ],
)
def test_lexicon_people_fold_name(text: str, folded: str) -> None:
    assert fold_name(text) == folded


# -- validation --------------------------------------------------------------------------

_GOOD_ROLE = {"title": "Foreign Minister", "affiliation": "TUR", "from": "2023-06", "to": None}


def _line(**fields: object) -> str:
    row: dict[str, object] = {"name": "Hakan Fidan", "aliases": [], "roles": [_GOOD_ROLE]}
    row.update(fields)
    return json.dumps({k: v for k, v in row.items() if v is not _MISSING})


_MISSING = object()


@pytest.mark.parametrize(
    ("lines", "line", "key", "fragment", "actor_ids"),
    [
        ([_line(nickname="x")], 2, "nickname", "unknown key", None),
        (
            [_line(roles=[{**_GOOD_ROLE, "since": "2020"}])],
            2,
            "roles[0].since",
            "unknown role key",
            None,
        ),
        ([_line(name=_MISSING)], 2, "name", "missing", None),
        ([_line(name="")], 2, "name", "missing", None),
        ([_line(roles=_MISSING)], 2, "roles", "missing roles", None),
        ([_line(roles=[])], 2, "roles", "missing roles", None),
        (
            [_line(roles=[{**_GOOD_ROLE, "from": "June 2023"}])],
            2,
            "roles[0].from",
            "bad date",
            None,
        ),
        ([_line(roles=[{**_GOOD_ROLE, "to": "2023-13"}])], 2, "roles[0].to", "bad date", None),
        (
            [_line(roles=[{**_GOOD_ROLE, "from": "2023-02-30"}])],
            2,
            "roles[0].from",
            "bad date",
            None,
        ),
        (
            [_line(roles=[{**_GOOD_ROLE, "from": "2024-01", "to": "2023-12-31"}])],
            2,
            "roles[0].from",
            "after",
            None,
        ),
        (
            [_line(roles=[{**_GOOD_ROLE, "affiliation": "Turkey"}])],
            2,
            "roles[0].affiliation",
            "not an actor id",
            None,
        ),
        (
            [_line(roles=[_GOOD_ROLE, {**_GOOD_ROLE, "affiliation": "tur"}])],
            2,
            "roles[1].affiliation",
            "not an actor id",
            None,
        ),
        ([_line()], 2, "roles[0].affiliation", "not in the actor registry", {"USA"}),
        (
            [_line(), _line(name="Fidan Hakan", aliases=["Hakan FIDAN"])],
            3,
            "aliases",
            "line 2",
            None,
        ),
        ([_line(), _line()], 3, "name", "line 2", None),
        ([_line(aliases=["Hakan Fidan Jr", "Hakan Fidan Jr"])], 2, "aliases", "listed twice", None),
        ([_line(surnames=["Two Words"])], 2, "surnames", "one word", None),
    ],
)
def test_lexicon_people_validation_error_names_file_line_key(
    tmp_path: Path,
    lines: list[str],
    line: int,
    key: str,
    fragment: str,
    actor_ids: set[str] | None,
) -> None:
    path = tmp_path / "people.jsonl"
    path.write_text("// test file\n" + "\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as caught:
        PeopleRegistry.load(path, actor_ids=actor_ids)
    error = caught.value
    message = str(error)
    assert (error.line, error.key) == (line, key)
    assert f"{path}:{line}" in message
    assert f"[{key}]" in message
    assert fragment in message


@pytest.mark.parametrize("actor_ids", [None, {"TUR"}])
def test_lexicon_people_accepts_valid_file(tmp_path: Path, actor_ids: set[str] | None) -> None:
    path = tmp_path / "people.jsonl"
    path.write_text(
        "// comment\n\n"
        + _line(
            aliases=["Hakan Fidán"], surnames=["Hakan"]
        )  # accent variant of the own name is fine
        + "\n",
        encoding="utf-8",
    )
    registry = PeopleRegistry.load(path, actor_ids=actor_ids)
    assert len(registry) == 1
    entry = next(iter(registry))
    assert entry.roles[0].start == date(2023, 6, 1)
    assert registry.by_surname("hakan") == [entry]


@pytest.mark.parametrize(
    ("value", "start", "end"),
    [
        ("2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
    ],
)
def test_lexicon_people_partial_dates_span_period(
    tmp_path: Path, value: str, start: date, end: date
) -> None:
    path = tmp_path / "people.jsonl"
    path.write_text(
        _line(roles=[{**_GOOD_ROLE, "from": value, "to": value}]) + "\n", encoding="utf-8"
    )
    role = next(iter(PeopleRegistry.load(path))).roles[0]
    assert (role.start, role.end) == (start, end)
