"""Prefix and fuzzy words expand from the in-memory word lists exactly as Whoosh would."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.index.vocabulary import Vocabulary
from reader.core.library import Library

NAMES = [
    "Torrez",
    "Torres",
    "Torre",
    "Tores",
    "Gutierrez",
    "Gutierez",
    "Hutchins",
    "Hutchings",
    "Baldwin",
    "Balwin",
    "Souza",
    "Sousa",
    "Morrissey",
    "Morrisey",
]


@pytest.fixture
def library(tmp_path: Path) -> Library:
    """A library of several segments (one import each), so words span segments."""
    library = Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])
    for n, name in enumerate(NAMES):
        article = tmp_path / f"{n:02d}.md"
        article.write_text(f"# Filing {n}\n\nCounsel {name} spoke to the court clerk.\n")
        list(library.import_paths([article]))
    return library


@pytest.mark.parametrize("word", ["torez", "gutieres", "hutchin", "baldwn", "souze", "morisey"])
@pytest.mark.parametrize("maxdist", [1, 2])
def test_fuzzy_words_are_the_ones_whoosh_finds(library: Library, word: str, maxdist: int) -> None:
    with library.ix.searcher() as searcher:
        reader = searcher.reader()
        assert len(reader.leaf_readers()) > 1
        whoosh = set(reader.terms_within("body", word, maxdist, prefix=1))
        ours = Vocabulary().within(reader, "body", word, maxdist, prefixlength=1)
    assert set(ours) == whoosh
    assert whoosh  # the cases are chosen to match something


def test_prefix_words_carry_their_article_counts(library: Library) -> None:
    with library.ix.searcher() as searcher:
        found = Vocabulary().starting_with(searcher.reader(), "body", "tor")
    assert found == {"torre": 1, "torres": 1, "torrez": 1, "tores": 1}
    with library.ix.searcher() as searcher:
        assert Vocabulary().starting_with(searcher.reader(), "body", "clerk") == {"clerk": 14}


def test_a_word_imported_after_a_fuzzy_search_is_found_by_the_next(
    library: Library, tmp_path: Path
) -> None:
    assert library.search("Zemkoe~1").total == 0
    article = tmp_path / "late.md"
    article.write_text("# Late filing\n\nAttorney Zemko answered.\n")
    list(library.import_paths([article]))
    assert [hit.title for hit in library.search("Zemkoe~1").hits] == ["Late filing"]
    assert [hit.title for hit in library.search("Zemk*").hits] == ["Late filing"]


def test_a_fuzzy_word_matching_many_says_which_were_searched(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"{i:02d}.md").write_text(f"# Note {i}\n\nThe ab{i:02d} entry.\n")
    library = Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])
    list(library.import_paths([folder]))
    result = library.search("ab00~2")
    assert any("most common were searched" in note for note in result.notes)
    assert 0 < result.total <= 24


def test_an_empty_library_answers_prefix_fuzzy_and_misspelled_words(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])
    for text in ("Torez~1", "Tor*", "Torrezz"):
        result = library.search(text)
        assert (result.total, result.suggestion) == (0, None)
