"""Entities, date search and the chronology through the command line, on the real seeds.

Date precision is shown on the small library of tests/core/test_date_precision.py.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import legal_reader
from tests.conftest import SEED_000, SEED_001
from tests.core.test_date_precision import write_articles

SEEDS = {SEED_000.name, SEED_001.name}


@pytest.fixture(scope="module")
def seeds_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEED_000.parent.is_dir():
        pytest.skip(f"the real seed articles are not here ({SEED_000.parent} is absent)")
    home = tmp_path_factory.mktemp("dated")
    library = home / "seeds-only"
    result = legal_reader(home, "--library", str(library), "index", str(SEED_000.parent))
    assert result.returncode == 0, result.stderr
    return library


def found(library: Path, query: str) -> set[str]:
    result = legal_reader(library.parent, "--library", str(library), "search", query, "--json")
    assert result.returncode == 0, result.stderr
    return {Path(row["path"]).name for row in json.loads(result.stdout)} & SEEDS


def test_entities_of_seed_000_are_one_per_person_with_aliases(
    seeds_dir: Path, tmp_path: Path
) -> None:
    result = legal_reader(tmp_path, "entities", str(SEED_000), "--json")
    assert result.returncode == 0, result.stderr
    mentions = json.loads(result.stdout)
    people = {m["canonical"] for m in mentions if m["label"] == "PERSON"}
    assert {
        "Alec Baldwin",
        "Halyna Hutchins",
        "Gloria Allred",
        "Kari Morrisey",
        "Raul Torrez",
    } <= people
    assert not {"Baldwin", "Allred", "Hutchins", "Morrisey"} & people
    places = {m["canonical"] or m["text"] for m in mentions if m["label"] == "PLACE"}
    assert {"New Mexico", "Santa Fe County"} <= places
    money = [m for m in mentions if m["label"] == "MONEY"]
    assert [(m["text"], m["value"]) for m in money] == [("$750,000", "750000 USD")]
    legal = {(m["text"].lower(), m["subtype"]) for m in mentions if m["label"] == "LEGAL"}
    assert ("involuntary manslaughter", "CHARGE") in legal
    assert ("special counsel", "ROLE") in legal
    assert ("attorney general", "ROLE") in legal


def test_entities_text_output_lists_each_person_once(seeds_dir: Path, tmp_path: Path) -> None:
    result = legal_reader(tmp_path, "entities", str(SEED_000))
    people = result.stdout.split("People:")[1].split("\n\n")[0]
    assert people.count("Alec Baldwin") == 1
    assert "(also: Baldwin)" in people


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("October 21, 2021", {SEED_001.name}),
        ("2021-10-21", {SEED_001.name}),
        ("10/21/2021", {SEED_001.name}),
        ("2024-07", {SEED_000.name}),
        ("July 2024", {SEED_000.name}),
        ("2024-12-24", {SEED_000.name}),
        ("2024-12-26", {SEED_000.name}),
        ("2024-12-25", set()),
        ("Baldwin July 2024", {SEED_000.name}),
        ("person:torrez", SEEDS),
        ("person:morrisey", {SEED_000.name}),
        ("place:ukraine", {SEED_000.name}),
    ],
)
def test_date_and_entity_search_on_the_seeds(
    seeds_only: Path, query: str, expected: set[str]
) -> None:
    assert found(seeds_only, query) == expected


def test_date_snippet_shows_the_resolved_value(seeds_only: Path) -> None:
    result = legal_reader(
        seeds_only.parent, "--library", str(seeds_only), "search", "2024-12-24", "--json"
    )
    (row,) = [r for r in json.loads(result.stdout) if r["path"].endswith(SEED_000.name)]
    assert "Christmas Eve → December 24, 2024" in row["snippet"]


def test_duration_is_not_a_date(seeds_dir: Path, tmp_path: Path) -> None:
    result = legal_reader(tmp_path, "entities", str(SEED_001), "--json")
    mentions = json.loads(result.stdout)
    (sentence,) = [m for m in mentions if "1.5-year" in m["text"]]
    assert sentence["label"] == "DURATION"
    assert sentence["value"] == "P1.5Y"
    assert not [m for m in mentions if m["label"] == "DATE" and "Christmas" in m["text"]]


def test_chronology_of_the_seeds(seeds_only: Path) -> None:
    result = legal_reader(seeds_only.parent, "--library", str(seeds_only), "chronology")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    shooting = text.index("## October 21, 2021")
    dismissal = text.index("## July 2024")
    conference = text.index("## December 24, 2024")
    assert shooting < dismissal < conference
    assert "press conference" in text[conference:]
    assert SEED_000.resolve().as_uri() in text
    csv = legal_reader(
        seeds_only.parent, "--library", str(seeds_only), "chronology", "--format", "csv"
    )
    assert csv.stdout.startswith("date,first,last,event")


def test_a_weaker_date_match_is_noted_and_exact_dates_leave_it_out(tmp_path: Path) -> None:
    library = tmp_path / "lib"
    (tmp_path / "articles").mkdir()
    folder = write_articles(tmp_path / "articles")
    result = legal_reader(tmp_path, "--library", str(library), "index", str(folder))
    assert result.returncode == 0, result.stderr
    query = ("search", "October 2, 2017", "--json")
    rows = json.loads(legal_reader(tmp_path, "--library", str(library), *query).stdout)
    notes = [(Path(row["path"]).name, row["date_note"]) for row in rows]
    assert {note for _, note in notes[:2]} == {None}
    assert ("only-the-year.md", "mentions 2017") in notes[2:]
    text = legal_reader(tmp_path, "--library", str(library), *query[:2]).stdout
    assert "mentions 2017 — " in text
    exact = legal_reader(tmp_path, "--library", str(library), *query, "--exact-dates")
    assert exact.returncode == 0, exact.stderr
    names = {Path(row["path"]).name for row in json.loads(exact.stdout)}
    assert names == {"names-the-day.md", "names-the-day-too.md"}
