"""Watched folders: files dropped, changed, moved or deleted reach search within seconds."""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from reader.core.ingest.reading import article_id
from reader.core.library import Library, watched_folders
from reader.core.library.layout import LibraryLayout
from reader.core.library.watching import Batch, FolderWatcher, is_temporary

DEADLINE_S = 5.0


def _article(word: str, title: str = "") -> str:
    return (
        f"{title or 'Court hears ' + word}\n\n"
        f"The district court in Santa Fe heard the {word} case on Tuesday. "
        f"Lawyers for both sides argued about the {word} evidence for two hours.\n"
    )


def _found(library: Library, word: str) -> int:
    return library.search(word).total


def _within(check: Callable[[], bool], seconds: float = DEADLINE_S) -> float:
    """Poll `check` until it is true; return how long that took, or fail at the deadline."""
    started = time.monotonic()
    while time.monotonic() - started < seconds:
        if check():
            return time.monotonic() - started
        time.sleep(0.1)
    raise AssertionError(f"not true within {seconds} s")


class Reconciler:
    """What the app does with a batch: import each folder again, rescanning it."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.batches: list[Batch] = []
        self.imports = 0
        self.lock = threading.Lock()

    def __call__(self, batch: Batch) -> None:
        with self.lock:
            self.batches.append(batch)
            list(self.library.import_paths(list(batch.folders), rescan=True))
            self.imports += 1


@pytest.fixture
def watched(tmp_path: Path) -> Iterator[tuple[Library, Path, Reconciler]]:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "first.txt").write_text(_article("zephyrine"), "utf-8")
    library = Library.open(tmp_path / "lib", samples=False)
    list(library.import_paths([folder]))  # the user imports the folder: it is now watched
    reconcile = Reconciler(library)
    watcher = FolderWatcher(reconcile, ignore=[library.root])
    assert watcher.watch(watched_folders.load(library.layout)) == []
    yield library, folder, reconcile
    watcher.stop()


def test_importing_a_folder_watches_it_but_not_the_samples(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "a.txt").write_text(_article("quillon"), "utf-8")
    library = Library.open(tmp_path / "lib", samples=True)
    assert watched_folders.load(library.layout) == []  # the samples are not watched
    list(library.import_paths([folder / "a.txt"]))
    assert watched_folders.load(library.layout) == []  # a file is not a folder
    list(library.import_paths([folder]))
    list(library.import_paths([folder]))
    assert watched_folders.load(library.layout) == [folder.resolve()]
    assert watched_folders.remove(library.layout, folder)
    assert watched_folders.load(library.layout) == []
    assert not watched_folders.remove(library.layout, folder)


def test_a_dropped_file_is_found_within_five_seconds_and_a_deleted_one_leaves(
    watched: tuple[Library, Path, Reconciler],
) -> None:
    library, folder, _ = watched
    assert _found(library, "marmoset") == 0
    (folder / "dropped.txt").write_text(_article("marmoset"), "utf-8")
    took = _within(lambda: _found(library, "marmoset") == 1)
    print(f"dropped file found {took:.1f} s after it was written")
    (folder / "first.txt").unlink()
    _within(lambda: _found(library, "zephyrine") == 0)
    assert _found(library, "marmoset") == 1


def test_changed_and_moved_files_are_read_again(
    watched: tuple[Library, Path, Reconciler], tmp_path: Path
) -> None:
    library, folder, _ = watched
    (folder / "first.txt").write_text(_article("obsidian"), "utf-8")
    _within(lambda: _found(library, "obsidian") == 1 and _found(library, "zephyrine") == 0)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (folder / "first.txt").rename(outside / "first.txt")  # moved out: gone from the library
    _within(lambda: _found(library, "obsidian") == 0)
    (outside / "first.txt").rename(folder / "back.txt")  # moved in under another name
    _within(lambda: _found(library, "obsidian") == 1)
    sub = folder / "2024"
    sub.mkdir()
    (sub / "deep.txt").write_text(_article("tamarind"), "utf-8")  # a new subfolder is watched
    _within(lambda: _found(library, "tamarind") == 1)


def test_fifty_files_written_at_once_are_all_found_in_few_imports(
    watched: tuple[Library, Path, Reconciler],
) -> None:
    library, folder, reconcile = watched
    words = [f"batchword{n:02d}" for n in range(50)]
    for n, word in enumerate(words):
        (folder / f"many-{n:02d}.txt").write_text(
            _article(word, f"Watchbatch case number {n}"), "utf-8"
        )
    took = _within(lambda: library.search("watchbatch").total == 50, 20.0)
    assert all(_found(library, word) == 1 for word in words)
    print(f"50 files: all found {took:.1f} s after they were written")
    time.sleep(1.5)  # let any last batch arrive
    assert reconcile.imports <= 3  # one reconcile per folder, not one import per file


def test_hidden_and_temporary_files_and_our_own_reads_start_no_import(
    watched: tuple[Library, Path, Reconciler],
) -> None:
    library, folder, reconcile = watched
    (folder / ".notes.txt").write_text(_article("hiddenword"), "utf-8")
    (folder / "draft.txt~").write_text("x", "utf-8")
    (folder / "download.pdf.part").write_text("x", "utf-8")
    (folder / "first.txt").read_text("utf-8")  # reading is no change
    time.sleep(2.0)
    assert reconcile.imports == 0
    assert _found(library, "hiddenword") == 0


def test_when_not_watching_nothing_is_imported(tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    library = Library.open(tmp_path / "lib", samples=False)
    list(library.import_paths([folder]))
    reconcile = Reconciler(library)
    watcher = FolderWatcher(reconcile, ignore=[library.root])
    watcher.watch(watched_folders.load(library.layout))
    watcher.stop()  # what the setting "Watch imported folders" turned off does
    (folder / "late.txt").write_text(_article("ocelot"), "utf-8")
    time.sleep(2.0)
    assert reconcile.imports == 0
    assert _found(library, "ocelot") == 0


def test_a_missing_folder_is_named_and_the_others_are_still_watched(tmp_path: Path) -> None:
    present = tmp_path / "present"
    present.mkdir()
    batches: list[Batch] = []
    watcher = FolderWatcher(batches.append, quiet_s=0.2)
    try:
        problems = watcher.watch([tmp_path / "gone", present])
        assert len(problems) == 1
        assert "gone" in problems[0]
        assert "cannot be watched" in problems[0]
        (present / "a.txt").write_text("x", "utf-8")
        _within(lambda: bool(batches))
        assert batches[0].folders == (present.resolve(),)
    finally:
        watcher.stop()


def test_library_folder_events_are_ignored(tmp_path: Path) -> None:
    outer = tmp_path / "outer"
    library_root = outer / "library"
    library_root.mkdir(parents=True)
    batches: list[Batch] = []
    watcher = FolderWatcher(batches.append, ignore=[library_root], quiet_s=0.2)
    try:
        watcher.watch([outer])
        (library_root / "manifest.json").write_text("{}", "utf-8")
        time.sleep(1.0)
        assert batches == []
        (outer / "case.txt").write_text("x", "utf-8")
        _within(lambda: bool(batches))
    finally:
        watcher.stop()


def test_temporary_names() -> None:
    for name in (".swp", "~$brief.docx", "a.txt~", "report.pdf.crdownload", "x.TMP"):
        assert is_temporary(name), name
    for name in ("ruling.pdf", "2024-brief.md", "notes.txt"):
        assert not is_temporary(name), name


def test_a_damaged_list_is_read_as_empty(tmp_path: Path) -> None:
    layout = LibraryLayout(tmp_path)
    layout.watched_path.write_text("{not json", "utf-8")
    assert watched_folders.load(layout) == []
    folder = tmp_path.parent / f"{tmp_path.name}-cases"
    folder.mkdir()
    assert watched_folders.add(layout, [folder]) == [folder.resolve()]
    assert watched_folders.load(layout) == [folder.resolve()]


def test_files_written_rewritten_moved_and_deleted_for_seconds_end_up_exactly_right(
    watched: tuple[Library, Path, Reconciler],
) -> None:
    library, folder, reconcile = watched
    rng = random.Random(18)
    made = 0
    for made in range(60):
        (folder / f"start-{made:03d}.txt").write_text(_article(f"startword{made:03d}"), "utf-8")
    end = time.monotonic() + 2.0
    while time.monotonic() < end:  # a second program busy in the folder, faster than imports
        made += 1
        files = sorted(folder.iterdir())
        victim = rng.choice(files)
        action = rng.choice(("rewrite", "delete", "rename", "create"))
        if action == "rewrite":
            victim.write_text(_article(f"rewritten{made:04d}"), "utf-8")
        elif action == "delete" and len(files) > 1:
            victim.unlink()
        elif action == "rename":
            victim.rename(folder / f"moved-{made:04d}.txt")
        else:
            (folder / f"new-{made:04d}.txt").write_text(_article(f"newword{made:04d}"), "utf-8")

    def exactly_right() -> bool:
        on_disk = {str(p): article_id(p.read_bytes()) for p in folder.iterdir()}
        held = {p: s.article_id for p, s in library.read_manifest().sources.items()}
        return held == on_disk and library.article_count() == len(set(on_disk.values()))

    took = _within(exactly_right, 30.0)
    print(f"{made} changes: the library held exactly the folder {took:.1f} s after the last")
    assert reconcile.imports < 10  # batches, not one import per change
