import random

import pytest

from reader.core.entities import aliases
from reader.core.entities import recognition as entities
from reader.core.mentions import ORG, PERSON, PLACE


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Alec Baldwin's", "Alec Baldwin"),
        ("Hutchins'", "Hutchins"),
        ("Hutchins\u2019", "Hutchins"),
        ("Mr. Baldwin", "Baldwin"),
        ("[Raul] Torrez", "Raul Torrez"),
        ("Cascade Freight Inc.", "Cascade Freight Inc."),
    ],
)
def test_clean_drops_titles_possessives_and_brackets(name: str, expected: str) -> None:
    assert aliases.clean(name) == expected


def _people(text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.canonical) for m in entities.extract(text) if m.label == PERSON]


def test_short_forms_link_to_the_full_name() -> None:
    text = (
        "Alec Baldwin arrived early.\n\nReporters waited for Mr. Baldwin outside.\n\n"
        "Alec Baldwin's lawyers said Baldwin was relieved."
    )
    assert {c for _, c in _people(text)} == {"Alec Baldwin"}
    assert "Baldwin" in [t for t, _ in _people(text)]


def test_editorial_brackets_and_accents_keep_one_canonical_name() -> None:
    found = _people("Attorney General [Raul] Torrez spoke. Later, Torrez left.")
    assert {c for _, c in found} == {"Raul Torrez"}


def test_surname_the_model_calls_org_becomes_person() -> None:
    text = "Gloria Allred represents the family.\n\nAllred said the ruling was unjust."
    assert [(t, c) for t, c in _people(text)] == [
        ("Gloria Allred", "Gloria Allred"),
        ("Allred", "Gloria Allred"),
    ]


def test_unlabelled_repeat_of_a_known_name_is_added() -> None:
    mentions = [
        entities.Mention(0, 12, "Halyna Smith", PERSON, canonical="Halyna Smith"),
    ]
    text = "Halyna Smith was there. Later Smith left, as did Jane Smith."
    added = aliases.repeats(text, mentions)
    assert [(m.text, m.label, m.canonical) for m in added] == [("Smith", PERSON, "Halyna Smith")]


@pytest.mark.parametrize(
    ("labels", "expected"),
    [((ORG, ORG, PLACE), ORG), ((PLACE, ORG, PLACE), PLACE)],
)
def test_non_person_name_takes_its_majority_label(labels: tuple[str, ...], expected: str) -> None:
    mentions = [
        entities.Mention(i * 10, i * 10 + 4, "Rust", label) for i, label in enumerate(labels)
    ]
    assert {m.label for m in aliases.link(mentions)} == {expected}


@pytest.mark.parametrize(
    ("spans", "query", "expected"),
    [
        ([], (0, 5), False),
        ([(2, 4)], (4, 6), False),  # touching after
        ([(2, 4)], (0, 2), False),  # touching before
        ([(2, 4)], (2, 4), True),  # identical
        ([(2, 4)], (3, 3), True),  # empty range inside a span
        ([(2, 4)], (0, 9), True),  # enclosing
        ([(3, 3)], (0, 9), True),  # empty span inside the range
        ([(0, 20), (3, 4)], (10, 12), True),  # only the long early span reaches it
        ([(0, 5), (6, 8), (9, 12)], (5, 6), False),  # in a gap
    ],
)
def test_spans_overlaps(
    spans: list[tuple[int, int]], query: tuple[int, int], expected: bool
) -> None:
    assert aliases.Spans(spans).overlaps(*query) is expected


def test_spans_overlaps_matches_the_all_pairs_definition() -> None:
    rng = random.Random(5)
    for _ in range(300):
        spans = [
            (s := rng.randint(0, 30), s + rng.randint(-2, 10)) for _ in range(rng.randint(0, 8))
        ]
        index = aliases.Spans(spans)
        for start in range(-2, 34):
            for end in range(start - 1, start + 6):
                expected = any(s < end and start < e for s, e in spans)
                assert index.overlaps(start, end) is expected, (spans, start, end)
