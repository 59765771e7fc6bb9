"""tag, star, note, saved, export --workspace, import-workspace: run as a user runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.library import Library

FIRST = "# Hearing set\n\nJudge Mara Quist set the hearing for the appeal of Tobias Renn.\n"
SECOND = "# Appeal heard\n\nTobias Renn appeared before Judge Mara Quist again today.\n"


def run(library: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "READER_HOME": str(library.parent)},
        timeout=120,
    )


def ok(library: Path, *args: str) -> str:
    result = run(library, *args)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "files"
    folder.mkdir()
    (folder / "first.md").write_text(FIRST)
    (folder / "second.md").write_text(SECOND)
    library = Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])
    list(library.import_paths([folder]))
    return folder


def test_tag_star_note_and_search_by_them(files: Path, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    first, second = str(files / "first.md"), str(files / "second.md")
    tagged = json.loads(ok(lib, "tag", first, "witness", "--json"))
    assert tagged["tags"] == ["witness"]
    assert json.loads(ok(lib, "star", second, "--json"))["starred"] is True
    note = json.loads(ok(lib, "note", first, "the appellant", "--passage", "Tobias Renn", "--json"))
    assert (note["text"], note["state"]) == ("Tobias Renn", "ok")
    assert "witness\t1" in ok(lib, "tag", "--list")
    assert "Hearing set" in ok(lib, "search", "Renn tag:witness")
    assert "Appeal heard" not in ok(lib, "search", "Renn tag:witness")
    assert "Appeal heard" in ok(lib, "search", "starred:yes")
    missing = run(lib, "note", first, "x", "--passage", "words not there")
    assert missing.returncode == 1
    assert "are not in 'Hearing set'" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_saved_search_counts_new_hits(files: Path, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    ok(lib, "saved", "add", "renn", "Renn")
    ok(lib, "saved", "open", "renn")
    (files / "third.md").write_text("# Third\n\nTobias Renn spoke to reporters.\n")
    library = Library.open(lib, samples=False, extractor=lambda article: [])
    list(library.import_paths([files]))
    (row,) = json.loads(ok(lib, "saved", "list", "--json"))
    assert (row["hits"], row["new"]) == (3, 1)


def test_workspace_export_and_import(files: Path, tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    ok(lib, "tag", str(files / "first.md"), "witness")
    ok(lib, "export", "--workspace", str(tmp_path / "work.json"))
    other = Library.open(tmp_path / "other", samples=False, extractor=lambda article: [])
    list(other.import_paths([files / "first.md"]))  # the same file: the same article id
    restored = json.loads(
        ok(tmp_path / "other", "import-workspace", str(tmp_path / "work.json"), "--json")
    )
    assert (restored["tags"], restored["missing"]) == (1, 0)
    assert "Hearing set" in ok(tmp_path / "other", "search", "tag:witness")
    (tmp_path / "bad.json").write_text("{not json")
    bad = run(lib, "import-workspace", str(tmp_path / "bad.json"))
    assert bad.returncode == 1
    assert "could not be read as JSON" in bad.stderr
