"""The workspace with a real library: query terms, a rebuild, a re-import, a damaged file."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import WorkspaceError
from reader.core.library import Library, casework

FIRST = "# Hearing set\n\nJudge Mara Quist set the hearing for the appeal of Tobias Renn.\n"
SECOND = "# Appeal heard\n\nTobias Renn appeared before Judge Mara Quist again today.\n"


@pytest.fixture
def library(tmp_path: Path) -> Library:
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "first.md").write_text(FIRST)
    (folder / "second.md").write_text(SECOND)
    library = Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])
    list(library.import_paths([folder]))
    return library


def _ids(library: Library, query: str) -> set[str]:
    return {hit.article_id for hit in library.search(query).hits}


def test_query_terms_narrow_a_search(library: Library, tmp_path: Path) -> None:
    first = library.find_by_path(tmp_path / "files" / "first.md")
    second = library.find_by_path(tmp_path / "files" / "second.md")
    assert _ids(library, "Renn") == {first.id, second.id}
    library.workspace.tag(first.id, str(first.path), "witness")
    library.workspace.star(second.id, str(second.path))
    library.workspace.add_note(second.id, str(second.path), second.body, "asked about bail")
    assert _ids(library, "Renn tag:witness") == {first.id}
    assert _ids(library, "tag:witness") == {first.id}
    assert _ids(library, "Renn starred:yes") == {second.id}
    assert _ids(library, "note:bail") == {second.id}
    assert _ids(library, "tag:nobody") == set()


def test_the_workspace_survives_a_rebuild(library: Library, tmp_path: Path) -> None:
    first = library.find_by_path(tmp_path / "files" / "first.md")
    library.workspace.tag(first.id, str(first.path), "witness")
    list(library.rebuild("test"))
    assert _ids(library, "tag:witness") == {first.id}


def test_marks_follow_a_reimported_file(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "files" / "first.md"
    old = library.find_by_path(path)
    source = casework.source_path(library.read_manifest(), old.id)
    start = old.body.index("Tobias Renn")
    library.workspace.add_note(old.id, source, old.body, "who", start=start, end=start + 11)
    library.workspace.tag(old.id, source, "witness")
    path.write_text(FIRST.replace("set the hearing", "moved the hearing, at last,"))
    list(library.import_paths([tmp_path / "files"]))
    new = library.find_by_path(path)
    assert new.id != old.id
    (note,) = library.workspace.notes(new.id)
    assert note.state == "moved"
    assert new.body[note.start : note.end] == "Tobias Renn"
    assert _ids(library, "tag:witness") == {new.id}


def test_a_damaged_workspace_never_blocks_reading(library: Library, tmp_path: Path) -> None:
    root = library.root
    (root / "workspace.sqlite").write_bytes(b"garbage" * 1000)
    reopened = Library.open(root, samples=False, extractor=lambda article: [])
    assert len(_ids(reopened, "Renn")) == 2
    with pytest.raises(WorkspaceError, match="can still be read"):
        reopened.search("tag:witness")
