"""A list of names searched at once: parsing the list, and counting mentions in a real library."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import WorkspaceInputError
from reader.core.library import Library
from reader.core.library.batch import NameRow
from reader.core.workspace import name_list

HEARING = (
    "# Hearing set in the Quist case\n\n"
    "Judge Mara Quist opened the hearing on Monday. Quist said the jury would sit in March.\n\n"
    "Later, Mara Quist's clerk read the charges against Tobias Renn. The Quistman family "
    "watched.\n"
)
APPEAL = (
    "# Appeal heard\n\nTOBIAS RENN appeared before Judge Mara Quíst again. Renn's lawyer, "
    "Ana Ortiz, spoke for an hour.\n"
)
OTHER = "# A quiet week\n\nThe court sat for two days and heard a land dispute.\n"


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """Three articles of our own, imported with the real index and the real model."""
    root = tmp_path_factory.mktemp("batch")
    files = root / "files"
    files.mkdir()
    (files / "hearing.md").write_text(HEARING)
    (files / "appeal.md").write_text(APPEAL)
    (files / "other.md").write_text(OTHER)
    library = Library.open(root / "lib", samples=False)
    list(library.import_paths([files]))
    library.extraction.stop_workers()
    return library


def rows(library: Library, text: str) -> dict[str, NameRow]:
    return {row.name: row for row in library.batch_names(name_list.parse(text))}


def counts(row: NameRow) -> dict[str, int]:
    return {article.title: article.mentions for article in row.articles}


def test_a_name_and_its_aliases_are_counted_once_per_mention(library: Library) -> None:
    found = rows(library, "Mara Quist | Quist\nTobias Renn|Renn\n")
    # Title "Quist case", "Mara Quist", "Quist", "Mara Quist's": "Quistman" is another word.
    # The appeal has "Quíst", folded as a search folds it.
    assert counts(found["Mara Quist"]) == {"Hearing set in the Quist case": 4, "Appeal heard": 1}
    assert found["Mara Quist"].mentions == 5
    assert counts(found["Tobias Renn"]) == {"Appeal heard": 2, "Hearing set in the Quist case": 1}
    assert found["Tobias Renn"].aliases == ("Renn",)


def test_without_its_alias_a_name_counts_only_the_full_name(library: Library) -> None:
    found = rows(library, "Mara Quist")
    assert counts(found["Mara Quist"]) == {"Hearing set in the Quist case": 2, "Appeal heard": 1}


def test_the_articles_found_are_those_a_search_finds(library: Library) -> None:
    row = rows(library, "Tobias Renn")["Tobias Renn"]
    searched = {hit.article_id for hit in library.search('"Tobias Renn"').hits}
    assert {article.id for article in row.articles} == searched
    article = library.article(row.articles[0].id)
    assert (row.articles[0].title, row.articles[0].path) == (article.title, str(article.path))


def test_a_name_no_article_mentions_has_an_empty_row(library: Library) -> None:
    found = rows(library, "Ana Ortiz\nHelena Vasquez|Vasquez\n")
    assert counts(found["Ana Ortiz"]) == {"Appeal heard": 1}
    assert found["Helena Vasquez"].articles == ()
    assert found["Helena Vasquez"].mentions == 0


def test_a_name_with_nothing_to_search_for_is_refused_with_its_line(library: Library) -> None:
    with pytest.raises(WorkspaceInputError, match=r"Line 2 .*“—” has no letters"):
        library.batch_names(name_list.parse("Quist\nRenn | —\n"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# witnesses\n\nAlec Baldwin | Baldwin |  Mr. Baldwin \n", [("Alec Baldwin", 3)]),
        (
            "Hutchins\n   \n# a comment\nHalyna Hutchins|Hutchins",
            [("Hutchins", 1), ("Halyna Hutchins", 4)],
        ),
        ("Ann Carter | ann carter | Carter", [("Ann Carter", 1)]),  # the name itself dropped
    ],
)
def test_the_list_reads_names_aliases_and_comments(
    text: str, expected: list[tuple[str, int]]
) -> None:
    parsed = name_list.parse(text)
    assert [(name.name, name.line) for name in parsed] == expected


def test_aliases_are_kept_in_order_without_repeats() -> None:
    (name,) = name_list.parse("Alec Baldwin | Baldwin | Mr. Baldwin | Baldwin")
    assert name.aliases == ("Baldwin", "Mr. Baldwin")
    assert name.spellings == ("Alec Baldwin", "Baldwin", "Mr. Baldwin")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Baldwin\n\n| Alec Baldwin\n", "Line 3 .* no name before it"),
        ("Baldwin||Alec\n", "Line 1 .* empty alias"),
        ("Baldwin|\n", "Line 1 .* empty alias"),
        ("Baldwin\n# x\nBALDWIN|Alec Baldwin\n", "Line 3 .* “BALDWIN” is already on line 1"),
        ("x" * 201, "Line 1 .* longer than 200"),
    ],
)
def test_a_bad_line_is_reported_with_its_number(text: str, message: str) -> None:
    with pytest.raises(WorkspaceInputError, match=message):
        name_list.parse(text)


def test_a_file_of_names_in_another_encoding_or_not_text(tmp_path: Path) -> None:
    names = tmp_path / "names.txt"
    names.write_bytes("Raúl Ortega|Ortega\r\n".encode("cp1252"))
    assert name_list.read(names)[0].spellings == ("Raúl Ortega", "Ortega")
    names.write_bytes(b"%PDF-1.7\n\x00\x01binary")
    with pytest.raises(WorkspaceInputError, match="not a text file"):
        name_list.read(names)
    with pytest.raises(WorkspaceInputError, match="could not be read"):
        name_list.read(tmp_path / "missing.txt")
