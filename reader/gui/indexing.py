"""IndexingJob: runs Library.import_paths() on a QThread; start(job) does the wiring."""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from reader.core.errors import ReaderError
from reader.core.library import Library
from reader.core.library.progress import (
    ADDED,
    DUPLICATE,
    FAILED,
    OCR,
    REMOVED,
    UNCHANGED,
    UPDATED,
)

log = logging.getLogger(__name__)


class IndexingJob(QObject):
    """Imports files off the GUI thread; never touches a widget.

    An import has two phases (Library.import_paths without entities, then fill_entities):
    every word is searchable after the first; the model's entities fill in behind. A job
    with no paths runs only the second, for articles an earlier run left waiting.

    Signals:
        progressed(done, total, name): after each file of phase 1.
        searchable(summary, problems): phase 1 ended and committed what it did; summary is a
            sentence, problems lists one sentence per skipped file.
        entities_progressed(done, total, scans): after each article of phase 2; scans is how
            many scanned PDFs of the rest wait for OCR (read after the others' entities).
        finished(summary, problems): both phases ended (or were cancelled); summary says what
            phase 2 did ("Entities found in 12 articles."), or is empty.
        failed(message): the import could not run; message is one readable sentence.
    """

    progressed = Signal(int, int, str)
    searchable = Signal(str, list)
    entities_progressed = Signal(int, int, int)
    finished = Signal(str, list)
    failed = Signal(str)

    def __init__(
        self, library: Library, paths: Sequence[Path], *, rebuild_reason: str | None = None
    ) -> None:
        super().__init__()
        self.library = library
        self.paths = list(paths)
        # Set when the job rebuilds a damaged index from the library's copies instead.
        self.rebuild_reason = rebuild_reason
        self.cancelled = threading.Event()
        self.counts: dict[str, int] = {}  # files per status, once the job has run

    def cancel(self) -> None:
        """Ask the job to stop after the current file or article; committed work is kept."""
        self.cancelled.set()

    @Slot()
    def run(self) -> None:
        """Import the paths, then find the entities, emitting progress after each step."""
        try:
            if self.paths or self.rebuild_reason is not None:
                summary, problems = self._phase_one()
            else:
                summary, problems = "", []
            self.searchable.emit(summary, problems)
            found = 0
            if not self.cancelled.is_set():
                scans = self.library.pending_scans()
                if scans:  # the label says what runs from the start, OCR or the model
                    self.entities_progressed.emit(0, self.library.pending_entities(), scans)
                steps = self.library.fill_entities(self.cancelled.is_set)
                for step in steps:
                    found += 1
                    scans -= step.status == OCR
                    self.entities_progressed.emit(step.done, step.total, scans)
        except ReaderError as error:
            self.failed.emit(str(error))
            return
        except Exception:
            log.exception("Import failed")
            self.failed.emit("The import stopped unexpectedly; the details are in the log file.")
            return
        said = f"Entities found in {found} article{'' if found == 1 else 's'}." if found else ""
        self.finished.emit(said, problems)

    def _phase_one(self) -> tuple[str, list[str]]:
        counts = self.counts = dict.fromkeys(
            (ADDED, UPDATED, UNCHANGED, DUPLICATE, REMOVED, FAILED), 0
        )
        problems: list[str] = []
        if self.rebuild_reason is not None:
            steps = self.library.rebuild(self.rebuild_reason)
        else:
            steps = self.library.import_paths(self.paths, entities=False)
        try:
            for step in steps:
                counts[step.status] = counts.get(step.status, 0) + 1
                if step.problem:
                    problems.append(step.problem)
                self.progressed.emit(step.done, step.total, step.path.name)
                if self.cancelled.is_set():
                    break
        finally:
            getattr(steps, "close", lambda: None)()  # on cancel: keeps committed batches
        if self.rebuild_reason is not None:
            summary = (
                "The search index was damaged, so it was rebuilt from the library's copies of "
                f"its {counts[ADDED]} articles."
            )
        else:
            summary = summarise(counts, self.cancelled.is_set())
        return summary, problems


def summarise(counts: dict[str, int], cancelled: bool) -> str:
    """Return one sentence saying what an import did."""
    parts = [
        f"{counts[ADDED]} added" if counts.get(ADDED) else "",
        f"{counts[UPDATED]} updated" if counts.get(UPDATED) else "",
        f"{counts[UNCHANGED] + counts.get(DUPLICATE, 0)} already in the library"
        if counts.get(UNCHANGED) or counts.get(DUPLICATE)
        else "",
        f"{counts[REMOVED]} removed" if counts.get(REMOVED) else "",
        f"{counts[FAILED]} could not be read" if counts.get(FAILED) else "",
    ]
    said = ", ".join(p for p in parts if p) or "no article files found"
    return f"Import {'cancelled' if cancelled else 'finished'}: {said}."


def start(job: IndexingJob) -> QThread:
    """Run `job` on a new thread that quits and cleans up when the job ends."""
    # Owned by the application, so the thread outlives the caller's reference to it.
    thread = QThread(QCoreApplication.instance())
    job.moveToThread(thread)
    thread.started.connect(job.run)
    job.finished.connect(thread.quit)
    job.failed.connect(thread.quit)
    thread.finished.connect(job.deleteLater)
    thread.finished.connect(thread.deleteLater)
    thread.start()
    return thread
