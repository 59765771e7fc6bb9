"""The user's entity corrections, through the library: search, the entity table, re-import."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.library import Library
from tests.conftest import SEED_001


@pytest.fixture
def library(tmp_path: Path, seeds_dir: Path) -> Library:
    library = Library.open(tmp_path / "lib", samples=False)
    list(library.import_paths([seeds_dir]))
    return library


def _people(library: Library) -> set[str]:
    return {row.name for row in library.entities() if row.label == "PERSON"}


def test_hiding_a_person_removes_it_everywhere_and_survives_reimport(
    library: Library, seeds_dir: Path
) -> None:
    assert "Joel Souza" in _people(library)
    assert library.search('person:"Joel Souza"').total == 1
    library.hide_entity("Joel Souza")
    assert "Joel Souza" not in _people(library)
    assert library.search('person:"Joel Souza"').total == 0
    article = library.article(library.search("Gutierrez-Reed").hits[0].article_id)
    assert "Joel Souza" not in {m.canonical or m.text for m in library.mentions(article)}
    SEED_001.touch()  # a re-import of the same file keeps the correction
    list(library.import_paths([seeds_dir]))
    assert library.search('person:"Joel Souza"').total == 0


def test_relabel_and_merge_change_what_search_finds(library: Library) -> None:
    library.relabel_entity("Variety", "PERSON")
    assert library.search("person:variety").total == 1
    assert library.search("org:variety").total == 0
    library.merge_entities("Svetlana Zemko", "Halyna Hutchins")
    people = {row.name: row for row in library.entities() if row.label == "PERSON"}
    assert "Svetlana Zemko" not in people
    assert "Svetlana Zemko" in people["Halyna Hutchins"].aliases
    library.split_entity("Svetlana Zemko")
    assert "Svetlana Zemko" in _people(library)
