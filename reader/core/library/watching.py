"""FolderWatcher: the operating system tells us when files in the watched folders change.

watchdog's Observer listens (inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on
Windows); nothing here polls. Events are gathered per watched folder and handed on in batches
once the folder has been quiet for `quiet_s`, or at the latest `longest_s` after its first
change, so that a thousand files copied at once become one batch, not a thousand imports.

A batch names folders, not files: the caller reconciles each folder as a whole
(`Library.import_paths([folder], rescan=True)`: unchanged files are skipped by size and time,
files that are gone leave the library). So an event that was merged, reordered or described
loosely by the operating system loses nothing; any event for a folder is enough. Events that
arrive while a batch is being handled start the next batch.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from reader.core.library import watched_folders
from reader.core.library.progress import ADDED, REMOVED, UPDATED

log = logging.getLogger(__name__)

QUIET_S = 1.0
LONGEST_S = 3.0
# Reading a file (as our own import does) opens and closes it: that is no change.
_NOT_CHANGES = frozenset({"opened", "closed_no_write"})
# Files that editors, browsers and office programs write before the real one.
_TEMPORARY_SUFFIXES = (".tmp", ".temp", ".part", ".partial", ".crdownload", ".download", ".swp")


@dataclass(frozen=True)
class Batch:
    """Watched folders in which something changed, and how many paths changed in them."""

    folders: tuple[Path, ...]
    changes: int


@dataclass
class _Pending:
    first: float
    last: float
    paths: set[str] = field(default_factory=set)


def is_temporary(name: str) -> bool:
    """True for hidden files and the temporary files programs write before the real one."""
    lowered = name.lower()
    return (
        name.startswith((".", "~$", "#"))
        or name.endswith("~")
        or lowered.endswith(_TEMPORARY_SUFFIXES)
    )


class FolderWatcher:
    """Watches folders recursively and calls `on_batch` (on its own thread) with changes.

    `ignore` lists folders whose events are never changes (the library folder itself, which
    every import writes to). `watch()` sets the folders; it may be called while running.
    """

    def __init__(
        self,
        on_batch: Callable[[Batch], None],
        *,
        ignore: Sequence[Path] = (),
        quiet_s: float = QUIET_S,
        longest_s: float = LONGEST_S,
    ) -> None:
        self._on_batch = on_batch
        self._ignore = tuple(p.resolve() for p in ignore)
        self._quiet_s = quiet_s
        self._longest_s = longest_s
        self._observer: Any = None
        self._watches: dict[Path, Any] = {}
        self._lost: set[Path] = set()  # watched folders that were deleted or moved away
        self._pending: dict[Path, _Pending] = {}
        self._changed = threading.Condition()
        self._stopping = False
        self._thread: threading.Thread | None = None

    @property
    def folders(self) -> list[Path]:
        """The folders being watched now."""
        return sorted(set(self._watches) - self._lost)

    def lose(self, folder: Path) -> None:
        """The watched `folder` itself went away (an unplugged drive); watch() tries again."""
        self._lost.add(folder)

    def start(self) -> None:
        """Start listening (the folders given to watch() so far, and any given later)."""
        if self._observer is not None:
            return
        self._stopping = False
        self._observer = Observer()
        self._observer.daemon = True
        self._observer.start()
        self._thread = threading.Thread(target=self._deliver, name="watch-batches", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop listening; changes not yet handed on are dropped (whoever starts watching
        again reconciles every folder once: the app's FolderWatching.catch_up)."""
        observer, self._observer = self._observer, None
        self._watches.clear()
        self._lost.clear()
        with self._changed:
            self._stopping = True
            self._pending.clear()
            self._changed.notify_all()
        if observer is not None:
            observer.stop()
            observer.join(5)
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(5)
        self._thread = None

    def watch(self, folders: Iterable[Path]) -> list[str]:
        """Watch exactly `folders` (subfolders included); return a sentence per one that
        cannot be watched (missing, unreadable, or past the system's limit of watches)."""
        if self._observer is None:
            self.start()
        wanted = watched_folders.outermost(p.resolve() for p in folders)
        for folder in list(self._watches):
            if folder not in wanted or folder in self._lost:
                self._lost.discard(folder)
                with contextlib.suppress(KeyError):  # its emitter may have stopped itself
                    self._observer.unschedule(self._watches.pop(folder))
        problems = []
        for folder in wanted:
            if folder in self._watches:
                continue
            try:
                handler = _Handler(self, folder)
                self._watches[folder] = self._observer.schedule(
                    handler, str(folder), recursive=True
                )
            except OSError as error:
                reason = error.strerror or str(error)
                problems.append(f"The folder {folder} cannot be watched for changes: {reason}.")
                log.warning("Cannot watch %s: %s", folder, error)
        return problems

    def note(self, folder: Path, path: str) -> None:
        """Record that `path`, inside the watched `folder`, changed (the observer's thread)."""
        now = time.monotonic()
        with self._changed:
            if self._stopping:
                return
            pending = self._pending.get(folder)
            if pending is None:
                pending = self._pending[folder] = _Pending(now, now)
            pending.last = now
            pending.paths.add(path)
            self._changed.notify_all()

    def is_change(self, folder: Path, path: str) -> bool:
        """Whether an event for `path` can change what the library holds from `folder`."""
        if not path:
            return False
        candidate = Path(path)
        try:
            parts = candidate.relative_to(folder).parts
        except ValueError:
            return False
        if any(is_temporary(part) for part in parts):
            return False
        return not any(candidate.is_relative_to(ignored) for ignored in self._ignore)

    def _deliver(self) -> None:
        """Hand on folders that have been quiet long enough, or have waited longest_s."""
        while True:
            with self._changed:
                ready: list[tuple[Path, _Pending]] = []
                while not ready:
                    if self._stopping:
                        return
                    now = time.monotonic()
                    due = [self._due(p) for p in self._pending.values()]
                    ready = [(f, p) for f, p in self._pending.items() if self._due(p) <= now]
                    if not ready:
                        self._changed.wait(min(due) - now if due else None)
                for folder, _ in ready:
                    del self._pending[folder]
            batch = Batch(tuple(sorted(f for f, _ in ready)), sum(len(p.paths) for _, p in ready))
            try:
                self._on_batch(batch)
            except Exception:
                log.exception("Handling the changes in %s failed", batch.folders)

    def _due(self, pending: _Pending) -> float:
        return min(pending.last + self._quiet_s, pending.first + self._longest_s)


class _Handler(FileSystemEventHandler):
    """Turns the events of one watched folder into FolderWatcher.note calls."""

    def __init__(self, watcher: FolderWatcher, folder: Path) -> None:
        self._watcher = watcher
        self._folder = folder

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in _NOT_CHANGES:
            return
        if event.is_directory and event.event_type == "modified":
            return  # its files' own events say what changed
        if os.fsdecode(event.src_path) == str(self._folder) and event.event_type in (
            "deleted",
            "moved",
        ):
            self._watcher.lose(self._folder)
        for raw in (event.src_path, event.dest_path):
            path = os.fsdecode(raw)
            if self._watcher.is_change(self._folder, path):
                self._watcher.note(self._folder, path)


def changed(counts: dict[str, int]) -> int:
    """How many files an import added, updated or removed (what a watcher reports)."""
    return sum(counts.get(status, 0) for status in (ADDED, UPDATED, REMOVED))
