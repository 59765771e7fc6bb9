"""A short name links across the library to the one full name it can stand for."""

from __future__ import annotations

from reader.core.entities import entity_table, library_links
from reader.core.mentions import PERSON, Mention


def person(text: str, canonical: str | None = None) -> Mention:
    return Mention(0, len(text), text, PERSON, canonical=canonical or text)


def test_a_surname_alone_links_to_the_one_full_name() -> None:
    rows = entity_table.build(
        [
            ("a1", [person("Halyna Hutchins"), person("Hutchins", "Halyna Hutchins")]),
            ("a2", [person("Hutchins"), person("Hutchins")]),
        ],
        dates={"a1": "2021-10-22", "a2": "2024-12-26"},
    )
    assert [(r.name, r.articles, r.mentions) for r in rows] == [
        ("Halyna Hutchins", ("a1", "a2"), 4)
    ]
    assert (rows[0].first, rows[0].last) == ("2021-10-22", "2024-12-26")


def test_two_candidates_leave_the_surname_apart_and_say_so() -> None:
    rows = entity_table.build(
        [
            ("a1", [person("Alec Baldwin")]),
            ("a2", [person("Stephen Baldwin")]),
            ("a3", [person("Baldwin")]),
        ]
    )
    baldwin = next(r for r in rows if r.name == "Baldwin")
    assert set(baldwin.could_be) == {"Alec Baldwin", "Stephen Baldwin"}
    assert len(rows) == 3


def test_initials_link_but_a_different_given_name_does_not() -> None:
    assert library_links.could_be("a. baldwin", "alec baldwin")
    assert library_links.could_be("baldwin", "alec baldwin")
    assert not library_links.could_be("s. baldwin", "alec baldwin")
    assert not library_links.could_be("alec", "alec baldwin")  # a given name alone is not enough


def test_a_name_the_user_split_stays_apart() -> None:
    rows = entity_table.build(
        [("a1", [person("Halyna Hutchins")]), ("a2", [person("Hutchins")])],
        keep_apart={"hutchins"},
    )
    assert sorted(r.name for r in rows) == ["Halyna Hutchins", "Hutchins"]
