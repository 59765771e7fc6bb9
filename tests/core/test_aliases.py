import pytest

from reader.core import aliases, entities
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
