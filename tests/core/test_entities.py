import itertools
import random
from pathlib import Path

import pytest

from reader.core.entities import recognition as entities
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


def test_an_epithet_after_the_is_not_a_person_but_a_known_surname_is() -> None:
    text = (
        "Gloria Allred called Raul Torrez the Grinch who stole Christmas. "
        "Alec Baldwin spoke later; the Baldwin family thanked supporters, "
        "and the grief of the Morrow family was noted."
    )
    people = [(m.text, m.canonical) for m in entities.extract(text) if m.label == PERSON]
    assert not any(text == "Grinch" for text, _ in people)
    assert ("Baldwin", "Alec Baldwin") in people
    assert ("Morrow", "Morrow") in people  # a surname, though no first name is given


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


def _m(start: int, end: int, label: str = ORG) -> entities.Mention:
    return entities.Mention(start, end, "x" * max(0, end - start), label)


@pytest.mark.parametrize(
    ("spans", "kept"),
    [
        # the earlier one in priority wins, wherever it lies
        ([(5, 9), (0, 6)], [(5, 9)]),
        ([(0, 6), (5, 9)], [(0, 6)]),
        # touching spans do not overlap
        ([(4, 8), (0, 4), (8, 9)], [(4, 8), (0, 4), (8, 9)]),
        # identical, nested and enclosing spans do
        ([(2, 6), (2, 6), (3, 4), (0, 9)], [(2, 6)]),
        # empty and reversed spans are never kept and block nothing
        ([(3, 3), (5, 2), (2, 6)], [(2, 6)]),
        # a span between two kept ones, touching both, is kept; one reaching into either is not
        ([(0, 2), (6, 8), (2, 6), (1, 3), (5, 7)], [(0, 2), (6, 8), (2, 6)]),
    ],
)
def test_without_overlaps_keeps_by_priority(
    spans: list[tuple[int, int]], kept: list[tuple[int, int]]
) -> None:
    found = entities._without_overlaps([_m(s, e) for s, e in spans])
    assert [(m.start, m.end) for m in found] == kept


def test_without_overlaps_matches_the_all_pairs_definition() -> None:
    rng = random.Random(3)
    for _ in range(500):
        mentions = [_m(s := rng.randint(0, 30), s + rng.randint(-1, 6)) for _ in range(15)]
        expected: list[entities.Mention] = []
        for m in mentions:
            if m.end > m.start and not any(k.start < m.end and m.start < k.end for k in expected):
                expected.append(m)
        assert entities._without_overlaps(mentions) == expected
