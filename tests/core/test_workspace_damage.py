"""A damaged or locked workspace.sqlite: the library still works, the file is never lost.

Each case builds a real library (text-only import, real index) with a real workspace, then
damages the file as a disk, a copy or another program would.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.core.errors import WorkspaceBusyError, WorkspaceDamagedError, WorkspaceInputError
from reader.core.library import Library
from reader.core.workspace import damage

FIRST = "# Hearing set\n\nJudge Mara Quist set the hearing for the appeal of Tobias Renn.\n"
SECOND = "# Appeal heard\n\nTobias Renn appeared before Judge Mara Quist again today.\n"


def text_only(root: Path) -> Library:
    return Library.open(root, samples=False, extractor=lambda article: [])


@pytest.fixture
def library(tmp_path: Path) -> Library:
    """A library of two articles whose workspace holds a tag, a star and a note."""
    files = tmp_path / "files"
    files.mkdir()
    (files / "first.md").write_text(FIRST)
    (files / "second.md").write_text(SECOND)
    library = text_only(tmp_path / "lib")
    list(library.import_paths([files]))
    first = library.find_by_path(files / "first.md")
    workspace = library.workspace
    workspace.tag(first.id, str(files / "first.md"), "witness")
    workspace.star(first.id, str(files / "first.md"))
    workspace.add_note(first.id, str(files / "first.md"), first.body, "the judge", end=5)
    for _ in range(40):  # enough rows for the tables to span several pages
        workspace.add_note(first.id, str(files / "first.md"), first.body, "x" * 300)
    workspace.close()  # checkpoints the WAL into the file, as quitting the app does
    return text_only(tmp_path / "lib")


def random_bytes(path: Path) -> None:
    path.write_bytes(os.urandom(path.stat().st_size))


def truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def not_sqlite(path: Path) -> None:
    path.write_text('{"tags": ["this is JSON, saved over the workspace by mistake"]}\n')


def zeroed_pages(path: Path) -> None:
    """The header survives, the pages after it are zeros: what a failing disk leaves."""
    data = bytearray(path.read_bytes())
    data[4096:] = bytes(len(data) - 4096)
    path.write_bytes(bytes(data))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("spoil", [random_bytes, truncated, not_sqlite, zeroed_pages])
def test_a_damaged_workspace_is_kept_and_explained_and_the_library_works(
    library: Library, spoil: Callable[[Path], None]
) -> None:
    path = library.layout.workspace_path
    spoil(path)
    before = digest(path)
    assert library.search("Renn").total == 2  # the index does not need the workspace
    with pytest.raises(WorkspaceDamagedError) as caught:
        library.workspace.tags("any")
    message = str(caught.value)
    assert message.startswith(f"The workspace file {path} is damaged (")
    assert "your tags and notes could not be read. A copy was kept as" in message
    kept = caught.value.kept
    assert kept is not None
    assert kept.name in message
    assert digest(kept) == before
    assert digest(path) == before  # never written
    with pytest.raises(WorkspaceDamagedError):  # a workspace query term says the same
        library.search("Renn tag:witness")
    with pytest.raises(WorkspaceDamagedError):
        library.workspace.tag("a1", "/x", "again")
    assert digest(path) == before
    copies = sorted(p.name for p in path.parent.glob("workspace.damaged-*.sqlite"))
    assert copies == [kept.name]  # meeting it again keeps no second copy


def test_an_import_goes_on_over_a_damaged_workspace(library: Library, tmp_path: Path) -> None:
    path = library.layout.workspace_path
    not_sqlite(path)
    before = digest(path)
    changed = tmp_path / "files" / "first.md"
    changed.write_text(FIRST + "\nThe hearing was adjourned.\n")
    problems = [step.problem for step in library.import_paths([tmp_path / "files"])]
    assert problems == [None, None]
    assert library.search("adjourned").total == 1
    assert digest(path) == before


def test_starting_empty_moves_the_damaged_file_aside_on_request(library: Library) -> None:
    path = library.layout.workspace_path
    truncated(path)
    before = digest(path)
    with pytest.raises(WorkspaceDamagedError):
        library.workspace.starred()
    kept = library.start_empty_workspace()
    assert digest(kept) == before
    assert library.workspace.starred() == set()
    library.workspace.tag("a1", "/x/a.md", "witness")
    assert library.workspace.tagged("witness") == {"a1"}
    with pytest.raises(WorkspaceInputError, match="is not damaged"):
        library.start_empty_workspace()  # a healthy workspace is never set aside
    assert library.workspace.tagged("witness") == {"a1"}


def test_a_locked_workspace_is_not_damage(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(damage, "LOCK_WAIT_S", 0.3)  # the real wait is 5 s (cli test)
    path = library.layout.workspace_path
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        assert library.search("Quist").total == 2
        with pytest.raises(WorkspaceBusyError, match="is locked by another program"):
            library.workspace.tags("any")
        assert not list(path.parent.glob("workspace.damaged-*"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert library.workspace.tag_counts() == {"witness": 1}  # all there once it is free
