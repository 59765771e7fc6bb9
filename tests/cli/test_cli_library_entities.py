"""`legal-reader entities --all`: one entry per real person across the sample library and seeds."""

from __future__ import annotations

import json
from pathlib import Path

from reader.core.library import Library
from tests.cli.test_cli import legal_reader


def test_one_entry_per_person_with_the_articles_that_name_them(
    seeds_dir: Path, tmp_path: Path
) -> None:
    library = Library.open(tmp_path / "library", samples=True)
    for _ in library.import_paths([seeds_dir]):
        pass
    result = legal_reader(
        tmp_path, "--library", str(library.root), "entities", "--all", "--type", "person", "--json"
    )
    assert result.returncode == 0, result.stderr
    people = {row["name"]: row for row in json.loads(result.stdout)}
    # No surname beside the full name it stands for.
    for name in people:
        longer = [other for other in people if other != name and other.endswith(" " + name)]
        assert not longer, f"{name!r} listed beside {longer}"
    texts = {article.id: article.body + article.title for article in library.articles()}
    for name in ("Halyna Hutchins", "Alec Baldwin", "Gloria Allred"):
        surname = name.split()[-1]
        naming = {i for i, text in texts.items() if surname in text}
        assert set(people[name]["article_ids"]) == naming, name
        assert people[name]["articles"] == len(naming)
    assert "Hutchins" in people["Halyna Hutchins"]["aliases"]


def test_entities_without_a_file_or_all_says_what_to_do(tmp_path: Path) -> None:
    result = legal_reader(tmp_path, "entities")
    assert result.returncode == 2
    assert "--all" in result.stdout
