"""ImportStatus: runs imports and shows their progress, with Cancel, in the status bar."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from reader.core.library import Library
from reader.gui import indexing


class ImportStatus(QWidget):
    """A progress bar and a Cancel button, shown while an import runs.

    An import asked for while another runs waits for it; one asked for while entities are
    being found (phase 2) stops that first, and the entities resume after it.

    Signals:
        searchable(summary, problems): phase 1 ended; every word of the import is searchable.
        entities_progressed(done, total, scans): phase 2 read another article; `scans` of
            the rest are scanned PDFs waiting for OCR.
        finished(summary, problems): an import ended; the library may hold new articles.
        failed(message): an import could not run.
        notice(message): a sentence for the user that is not a failure (an import waits).
    """

    searchable = Signal(str, list)
    entities_progressed = Signal(int, int, int)
    finished = Signal(str, list)
    failed = Signal(str)
    notice = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.job: indexing.IndexingJob | None = None
        self._thread: QThread | None = None
        self._finding_entities = False
        self._queued: list[Path] = []
        self._closing = False
        # What the last import that finished did: files per status, and whether it was cancelled.
        self.last_counts: dict[str, int] = {}
        self.last_cancelled = False
        self.label = QLabel("Importing…")
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(200)
        self.bar.setFormat("%v of %m")
        self.cancel = QPushButton("Cancel")
        self.cancel.clicked.connect(self.cancel_import)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel)
        self.hide()

    def is_running(self) -> bool:
        """Return whether an import is running."""
        return self.job is not None

    def start_import(self, paths: Sequence[Path], rebuild_reason: str | None = None) -> None:
        """Import `paths` in the background (or, with `rebuild_reason`, rebuild the index).

        With no paths, only find the entities of articles that still wait for them.
        """
        if self.job is not None:
            if rebuild_reason is not None:
                self.failed.emit("An import is already running; wait for it to finish.")
            if paths:
                self._queued.extend(paths)
                if self._finding_entities:
                    self.job.cancel()  # resumes after the import, with the new files' entities
                else:
                    self.notice.emit("An import is running; these files are imported after it.")
            return
        self.job = indexing.IndexingJob(self.library, paths, rebuild_reason=rebuild_reason)
        self.job.progressed.connect(self._show_progress)
        self.job.searchable.connect(self._searchable)
        self.job.entities_progressed.connect(self._show_entities)
        self.job.finished.connect(self._end)
        self.job.failed.connect(self._fail)
        self._finding_entities = False
        self.bar.setRange(0, 0)
        if rebuild_reason:
            self.label.setText("Rebuilding the index…")
        else:
            self.label.setText("Importing…" if paths else "Finding entities…")
        # A rebuild is swapped in only when complete; stopping it half-way helps no one.
        self.cancel.setEnabled(rebuild_reason is None)
        self.cancel.setToolTip("")
        self.show()
        self._thread = indexing.start(self.job)
        # Keep the thread object alive until it has really stopped.
        self._thread.finished.connect(self._thread_ended)

    def finding_entities(self) -> bool:
        """Whether the running job is in phase 2 (the model reading waiting articles)."""
        return self.job is not None and self._finding_entities

    def cancel_import(self) -> None:
        """Stop the import after the current file; what was committed stays."""
        if self.job is not None:
            self.job.cancel()
            self.cancel.setEnabled(False)
            self.label.setText("Stopping…")

    def wait(self) -> None:
        """Cancel a running import and wait for its thread (before the window closes)."""
        self._closing = True
        self._queued.clear()
        if self.job is not None:
            self.job.cancel()
        if self._thread is not None:
            # The job's own quit is queued to this (blocked) thread: it would wait a minute.
            self._thread.quit()  # the loop ends once the job's run() returns
            self._thread.wait(60_000)

    def _show_progress(self, done: int, total: int, name: str) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        if self.cancel.isEnabled():
            self.label.setText(f"Importing {name}")

    def _searchable(self, summary: str, problems: list[str]) -> None:
        self._finding_entities = True
        if self.job is not None:  # what phase 1 did, for the watched folders' sentence
            self.last_counts = dict(self.job.counts)
            self.last_cancelled = self.job.cancelled.is_set()
        self.searchable.emit(summary, problems)
        self.bar.setRange(0, 0)
        if self.cancel.isEnabled():
            self.label.setText("Finding entities…")
            self.cancel.setToolTip(
                "Stop finding entities and reading scanned pages; every other word is "
                "searchable already, and the rest is done the next time the library opens."
            )

    def _show_entities(self, done: int, total: int, scans: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.entities_progressed.emit(done, total, scans)
        if self.cancel.isEnabled():
            left = total - done
            if scans and left <= scans:  # the scans come last: this is what runs now
                self.label.setText(
                    f"Reading scanned pages (OCR): {left:,} {'PDF' if left == 1 else 'PDFs'} to go"
                )
            else:
                self.label.setText(
                    f"Finding entities: {left:,} {'article' if left == 1 else 'articles'} to go"
                )

    def _end(self, summary: str, problems: list[str]) -> None:
        if self.job is not None:
            self.last_counts = dict(self.job.counts)
            self.last_cancelled = self.job.cancelled.is_set()
        self._forget()
        self.finished.emit(summary, problems)

    def _fail(self, message: str) -> None:
        self._forget()
        self.failed.emit(message)

    def _forget(self) -> None:
        self.job = None
        self.hide()

    def _thread_ended(self) -> None:
        self._thread = None
        if self._queued and not self._closing and self.job is None:
            queued, self._queued = self._queued, []
            self.start_import(queued)
