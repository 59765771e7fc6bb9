"""A damaged or locked workspace.sqlite, met by the command line as a user meets it."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from reader.core.library import Library
from tests.cli.test_cli_workspace import FIRST, SECOND, ok, run


@pytest.fixture
def files(tmp_path: Path) -> Path:
    """Two articles imported into tmp_path/lib (text only)."""
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "first.md").write_text(FIRST)
    (folder / "second.md").write_text(SECOND)
    library = Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])
    list(library.import_paths([folder]))
    return folder


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_damaged_workspace_is_one_sentence_and_start_empty_keeps_it(
    files: Path,
    tmp_path: Path,
) -> None:
    lib = tmp_path / "lib"
    first = str(files / "first.md")
    ok(lib, "tag", first, "witness")
    workspace = lib / "workspace.sqlite"
    workspace.write_bytes(b"\x00garbage\xff" * 3000)
    before = digest(workspace)
    for command in (["tag", "--list"], ["star", first], ["saved", "list"], ["workspace"]):
        result = run(lib, *command)
        assert result.returncode == 1, command
        assert "Traceback" not in result.stderr
        (line,) = result.stderr.splitlines()
        assert line.startswith(f"legal-reader: The workspace file {workspace} is damaged")
        assert "A copy was kept as workspace.damaged-" in line
    assert "Hearing set" in ok(lib, "search", "Renn")  # the library reads and searches
    ok(lib, "index", str(files))
    assert digest(workspace) == before
    (kept,) = lib.glob("workspace.damaged-*.sqlite")
    assert digest(kept) == before
    said = ok(lib, "workspace", "--start-empty")
    assert f"moved to {kept}" in said
    assert digest(kept) == before
    ok(lib, "tag", first, "witness")
    assert "Hearing set" in ok(lib, "search", "tag:witness")


def test_a_locked_workspace_says_so_and_copies_nothing(files: Path, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    ok(lib, "star", str(files / "second.md"))
    other = sqlite3.connect(lib / "workspace.sqlite", isolation_level=None)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    try:
        result = run(lib, "tag", "--list")  # waits 5 s for the lock, as a user's command does
        assert result.returncode == 1
        (line,) = result.stderr.splitlines()
        assert "is locked by another program" in line
        assert "Renn" in ok(lib, "search", "Renn")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert not list(lib.glob("workspace.damaged-*"))
    assert "Appeal heard" in ok(lib, "search", "starred:yes")
