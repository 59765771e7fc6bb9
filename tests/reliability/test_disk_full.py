"""A full disk during an import loses nothing, says so, and resumes once there is room."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.core.errors import DiskFullError
from reader.core.library import Library, writelock


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB filesystem of its own (tmpfs), so that the disk really fills up."""
    mount_point = tmp_path / "small"
    mount_point.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def _grow(mount_point: Path) -> None:
    subprocess.run(["mount", "-o", "remount,size=64m", str(mount_point)], check=True)


def test_disk_full_import_keeps_what_it_committed_and_resumes(
    small_disk: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("reader.core.library.importer.BATCH_FILES", 20)
    folder = tmp_path / "cases"
    folder.mkdir()
    filler = " ".join(f"word{i}" for i in range(2500))
    for i in range(150):
        (folder / f"c{i:03d}.txt").write_text(f"Case {i}\n\nTestimony t{i}. {filler}", "utf-8")
    library = Library.open(small_disk / "lib", samples=False, extractor=lambda article: [])

    acknowledged = 0
    steps = library.import_paths([folder])

    def run_import() -> None:
        nonlocal acknowledged
        for step in steps:
            acknowledged = step.committed

    with pytest.raises(DiskFullError, match="disk holding the library is full") as raised:
        run_import()
    assert raised.value.committed >= acknowledged > 0
    assert not writelock.is_held(library.root)
    assert not list((small_disk / "lib").rglob(".*.tmp"))

    reopened = Library.open(small_disk / "lib", samples=False, extractor=lambda article: [])
    assert reopened.article_count() >= acknowledged

    _grow(small_disk)  # the user frees space; same process, no restart
    list(library.import_paths([folder]))
    assert library.article_count() == 150
    assert library.search("t149").total == 1
