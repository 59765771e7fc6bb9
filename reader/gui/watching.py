"""FolderWatching: while the window lives, folders the user imported are watched for changes.

A batch of changed folders (core/library/watching.py) becomes an ordinary import of those
folders through the window's ImportStatus, so it shows its progress and can be cancelled. One
import runs at a time: folders that change while any import runs wait, merged into one set,
and are imported when it ends; a watched import that fails (another program holds the
library's import lock) is tried again later. Nothing is dropped.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction

from reader.core.library import Library, watched_folders
from reader.core.library.watching import Batch, FolderWatcher, changed
from reader.gui.import_status import ImportStatus
from reader.gui.window_state import WindowState

log = logging.getLogger(__name__)

RETRY_MS = 10_000  # after a watched import failed (the library was busy)
MISSING_MS = 30_000  # how often a watched folder that is not there is looked for again


class FolderWatching(QObject):
    """Owns the FolderWatcher while watching is on (the File menu's check action).

    `arrived` carries a Batch from the watcher's thread to the GUI thread (a queued signal).
    """

    arrived = Signal(object)

    def __init__(
        self,
        library: Library,
        import_status: ImportStatus,
        action: QAction,
        state: WindowState,
        say: Callable[[str], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.import_status = import_status
        self.action = action
        self.state = state
        self.say = say
        self.watcher: FolderWatcher | None = None
        self.pending: set[Path] = set()  # folders that changed and wait for an import
        self.running: tuple[Path, ...] = ()  # the folders of the watched import running now
        self._said: set[str] = set()  # problems told once, not after every import
        self._missing = QTimer(self)  # a folder on a drive that is not plugged in
        self._missing.setSingleShot(True)
        self._missing.setInterval(MISSING_MS)
        self._missing.timeout.connect(self.refresh)
        self._absent: set[Path] = set()  # listed folders that cannot be watched now
        self.arrived.connect(self._arrived)
        import_status.failed.connect(self._failed)
        action.setChecked(state.watch_folders())
        action.toggled.connect(self.set_enabled)
        if action.isChecked():
            self._start()

    def is_watching(self) -> bool:
        """Whether imported folders are being watched now."""
        return self.watcher is not None

    def folders(self) -> list[Path]:
        """The folders being watched now."""
        return self.watcher.folders if self.watcher is not None else []

    def set_enabled(self, on: bool) -> None:
        """Turn watching on (catching up with what changed meanwhile) or off; remembered."""
        self.state.set_watch_folders(on)
        if on and self.watcher is None:
            self._start()
            self.catch_up()
            self.say("Imported folders are watched: changes in them are imported as they happen.")
        elif not on and self.watcher is not None:
            self.stop()
            self.say("Imported folders are no longer watched for changes.")

    def catch_up(self) -> None:
        """Import every watched folder once: what changed while the app was closed."""
        if self.watcher is not None and self.watcher.folders:
            self._arrived(Batch(tuple(self.watcher.folders), 0))

    def refresh(self) -> None:
        """Watch the folders the library lists now (an import may have added one).

        A listed folder that is not there (a drive not plugged in, a folder moved away) is
        looked for again every 30 s; when it is back, it is imported once, then watched.
        """
        if self.watcher is None:
            return
        layout = self.library.layout
        wanted = set(watched_folders.outermost(p.resolve() for p in watched_folders.load(layout)))
        for problem in self.watcher.watch(wanted):
            if problem not in self._said:
                self._said.add(problem)
                self.say(problem)
        watched = set(self.watcher.folders)
        returned = self._absent & watched
        self._absent = wanted - watched
        if self._absent:
            self._missing.start()
        if returned:
            self._arrived(Batch(tuple(sorted(returned)), 0))  # what changed while it was away

    def stop(self) -> None:
        """Stop watching (the window closes, or the user turned it off)."""
        watcher, self.watcher = self.watcher, None
        self.pending.clear()
        self._missing.stop()
        if watcher is not None:
            watcher.stop()

    def import_ended(self, summary: str, problems: list[str]) -> tuple[str | None, list[str]]:
        """An import ended: what to say (None: nothing new) and which problems to show.

        A watched import says how many files it picked up and shows no dialog (the files it
        could not read are logged): it was not the user's doing, and a folder's unreadable
        files would be reported again after every change.
        """
        folders, self.running = self.running, ()
        self.refresh()
        QTimer.singleShot(0, self._run_next)  # what changed meanwhile, after this one
        if not folders or self.import_status.last_cancelled:
            return summary, problems
        for problem in problems:
            log.info("Watched import: %s", problem)
        count = changed(self.import_status.last_counts)
        if not count:
            return None, []
        files = "1 changed file" if count == 1 else f"{count} changed files"
        where = folders[0].name if len(folders) == 1 else f"{len(folders)} watched folders"
        return f"Picked up {files} in {where}.", []

    def _start(self) -> None:
        self.watcher = FolderWatcher(self.arrived.emit, ignore=[self.library.root])
        self.refresh()

    def _arrived(self, batch: Batch) -> None:
        if self.watcher is None:
            return  # turned off after the batch left the watcher's thread
        self.pending.update(batch.folders)
        self._run_next()

    def _run_next(self) -> None:
        status = self.import_status
        # Finding entities (phase 2) gives way: start_import stops it, and it resumes after.
        if (
            not self.pending
            or self.running
            or (status.is_running() and not status.finding_entities())
        ):
            return
        self.running = tuple(sorted(self.pending))
        self.pending.clear()
        self.import_status.start_import(list(self.running))

    def _failed(self, message: str) -> None:
        if self.running:
            log.warning("A watched import failed (%s); it is tried again later", message)
            self.pending.update(self.running)
            self.running = ()
            QTimer.singleShot(RETRY_MS, self._run_next)
        else:
            QTimer.singleShot(0, self._run_next)
