import itertools
from pathlib import Path

import pytest

from reader.core import entities
from reader.core.mentions import LEGAL, MONEY, ORG, PERSON, PLACE

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "000_bb65d3ab540cb0e3.txt"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Prosecutors in New Mexico dropped the appeal.", ("New Mexico", PLACE)),
        ("He criticised the Santa Fe County district attorney.", ("Santa Fe County", PLACE)),
        ("She moved to Bristol last year.", ("Bristol", PLACE)),
        ("Shares in Northwind Motors rose.", ("Northwind Motors", ORG)),
        ("West Yorkshire Police made an arrest.", ("West Yorkshire Police", ORG)),
        ("The lawyer Dana Whitcombe declined to comment.", ("Dana Whitcombe", PERSON)),
    ],
)
def test_extract_labels_names(text: str, expected: tuple[str, str]) -> None:
    assert expected in [(m.text, m.label) for m in entities.extract(text)]


def test_offsets_point_into_the_full_text_past_markdown() -> None:
    text = "## Baldwin\n\n> Allred spoke for Halyna Hutchins.\n\n- Paid $750,000 in Texas."
    for m in entities.extract(text):
        assert text[m.start : m.end] == m.text
    assert ("$750,000", MONEY, "750000 USD") in [
        (m.text, m.label, m.value) for m in entities.extract(text)
    ]


def test_heading_is_not_glued_to_the_next_line() -> None:
    found = entities.extract("Baldwin\n\nFast forward to the hearing, Alec Baldwin said.")
    assert "Baldwin\n\nFast" not in [m.text for m in found]


def test_dates_come_from_the_date_finder() -> None:
    found = entities.extract("The trial began on 3 March 2023 in London.")
    assert any(m.label == "DATE" and "March" in m.text for m in found)


def test_mentions_are_sorted_and_do_not_overlap() -> None:
    found = entities.extract(SEED.read_text(encoding="utf-8") if SEED.exists() else "A B")
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))


def test_extract_many_in_two_processes_matches_one_process() -> None:
    texts = ["Alec Baldwin was in Texas.", "The jury acquitted Karen Holt.", "Nothing here."]
    one = entities.extract_many(texts, [None] * 3)
    assert entities.extract_many(texts, [None] * 3, n_process=2) == one


@pytest.mark.seeds
@pytest.mark.skipif(not SEED.exists(), reason="needs ../shared/seeds")
def test_seed_article_entities() -> None:
    found = entities.extract(SEED.read_text(encoding="utf-8"))
    people = {m.canonical for m in found if m.label == PERSON}
    assert {
        "Alec Baldwin",
        "Halyna Hutchins",
        "Gloria Allred",
        "Kari Morrisey",
        "Raul Torrez",
    } <= people
    places = {m.canonical for m in found if m.label == PLACE}
    assert {"New Mexico", "Santa Fe County"} <= places
    assert ("$750,000", "750000 USD") in [(m.text, m.value) for m in found if m.label == MONEY]
    legal = {(m.text.lower(), m.subtype) for m in found if m.label == LEGAL}
    assert {
        ("involuntary manslaughter", "CHARGE"),
        ("special counsel", "ROLE"),
        ("attorney general", "ROLE"),
    } <= legal
    assert not any(m.label == ORG and m.text in ("Allred", "Morrisey", "Court") for m in found)
    assert not any(m.label == PLACE and m.text == "Baldwin" for m in found)
