"""The samples of a first run are imported until they are committed once, and only then."""

from __future__ import annotations

from pathlib import Path

from reader.core.ingest import reading as ingest
from reader.core.library import Library, sample_articles, store
from reader.core.library.first_run import sample_ids
from reader.core.library.layout import LibraryLayout


def _text_only(root: Path, *, samples: bool = True) -> Library:
    return Library.open(root, samples=samples, extractor=lambda article: [])


def test_a_first_run_killed_before_its_samples_were_committed_gets_them(tmp_path: Path) -> None:
    # What the kill leaves: an empty index (made at open, before the first commit).
    _text_only(tmp_path / "lib", samples=False)
    assert (tmp_path / "lib" / "index").is_dir()
    library = _text_only(tmp_path / "lib")
    assert library.article_count() == len(sample_ids())
    assert LibraryLayout(tmp_path / "lib").samples_marker.exists()


def test_a_first_run_killed_after_writing_copies_gets_its_samples(tmp_path: Path) -> None:
    # Copies are written before the commit that would have acknowledged them.
    _text_only(tmp_path / "lib", samples=False)
    first = sorted(sample_articles().glob("*.md"))[0]
    data = first.read_bytes()
    name = store.name_for(ingest.article_id(data), first.suffix)
    store.put(tmp_path / "lib" / "store", name, data)
    library = _text_only(tmp_path / "lib")
    assert library.article_count() == len(sample_ids())


def test_a_first_run_killed_between_commits_finishes_its_samples(tmp_path: Path) -> None:
    library = _text_only(tmp_path / "lib", samples=False)
    list(library.import_paths([sorted(sample_articles().glob("*.md"))[0]]))
    assert library.article_count() == 1
    library = _text_only(tmp_path / "lib")
    assert library.article_count() == len(sample_ids())


def test_samples_are_imported_once(tmp_path: Path) -> None:
    library = _text_only(tmp_path / "lib")
    assert library.samples_pending() is False
    assert _text_only(tmp_path / "lib").article_count() == len(sample_ids())


def test_a_library_emptied_on_purpose_stays_empty(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "a.txt").write_text("Hearing\n\nJudge Alvarado adjourned the hearing.", "utf-8")
    library = _text_only(tmp_path / "lib", samples=False)
    list(library.import_paths([folder]))
    (folder / "a.txt").unlink()
    list(library.import_paths([folder]))  # the folder is empty now: its article leaves
    assert library.article_count() == 0
    # Even without the marker (a library from before it existed), it stays empty.
    assert not LibraryLayout(tmp_path / "lib").samples_marker.exists()
    assert _text_only(tmp_path / "lib").article_count() == 0
    assert LibraryLayout(tmp_path / "lib").samples_marker.exists()
    assert _text_only(tmp_path / "lib").article_count() == 0


def test_a_library_of_the_users_articles_gets_no_samples(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "a.txt").write_text("Hearing\n\nJudge Alvarado adjourned the hearing.", "utf-8")
    library = _text_only(tmp_path / "lib", samples=False)
    list(library.import_paths([folder]))
    assert _text_only(tmp_path / "lib").article_count() == 1


def test_the_app_adds_samples_only_to_an_unfinished_first_run(tmp_path: Path) -> None:
    from reader.gui import app

    _text_only(tmp_path / "new", samples=False)
    assert app.open_library(tmp_path / "new")[1] is True
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "a.txt").write_text("Hearing\n\nJudge Alvarado adjourned the hearing.", "utf-8")
    library = _text_only(tmp_path / "emptied", samples=False)
    list(library.import_paths([folder]))
    (folder / "a.txt").unlink()
    list(library.import_paths([folder]))
    assert app.open_library(tmp_path / "emptied")[1] is False  # it asked for every empty one
