"""EntityPhase: what the window shows while the model fills in an import's entities (phase 2)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from reader.core.index.search_result import Hit
from reader.core.library import Library
from reader.gui.filter_panel import FilterPanel
from reader.gui.import_status import ImportStatus
from reader.gui.search_panel import SearchPanel


class PhaseParts(Protocol):
    """The main window as this controller sees it (no import of it)."""

    library: Library
    import_status: ImportStatus
    filter_panel: FilterPanel
    search_panel: SearchPanel
    message: QLabel

    def show_message(self, message: str) -> None: ...

    def open_hit(self, hit: Hit, sentence_at: int | None = None) -> None: ...


class EntityPhase:
    """Counts the waiting articles in Narrow by, and refreshes an article opened too early.

    Entities an earlier run left to find (a kill, a cancel, a command-line import) are found
    as soon as the window opens.
    """

    def __init__(self, window: PhaseParts) -> None:
        self.window = window
        # The hit (and sentence) of an open article shown before its entities were in.
        self.waiting_article: tuple[Hit, int | None] | None = None
        self._said = ""
        status = window.import_status
        status.searchable.connect(self._counted)
        status.entities_progressed.connect(self._progressed)
        status.finished.connect(self._ended)
        QTimer.singleShot(0, self._resume)

    def article_shown(
        self, hit: Hit, sentence_at: int | None, waiting: bool, scanned: bool = False
    ) -> None:
        """An article was opened; if its entities (or its OCR) are not in yet, say so and watch.

        `scanned`: its scanned pages wait for OCR, so its text is not all there either.
        """
        self.waiting_article = (hit, sentence_at) if waiting else None
        if waiting and scanned:
            self.window.show_message(
                "This PDF's scanned pages are still being read by OCR; their text and "
                "highlights appear here when they are in."
            )
        elif waiting:
            self.window.show_message(
                "This article's entities are still being found; its dates are shown, and its "
                "other highlights appear when they are in."
            )

    def _counted(self, summary: str, problems: list[str]) -> None:
        # Connected after the window's own slot: the message is what it said of phase 1.
        self._said = self.window.message.text()
        self._show_waiting()

    def _show_waiting(self) -> None:
        library = self.window.library
        self.window.filter_panel.show_waiting(library.pending_entities(), library.pending_scans())

    def _resume(self) -> None:
        window = self.window
        if not window.import_status.is_running() and window.library.pending_entities():
            window.import_status.start_import([])

    def _progressed(self, done: int, total: int, scans: int) -> None:
        self.window.filter_panel.show_waiting(total - done, scans)
        # Committed in batches; look again every few articles whether the open one is in.
        if done % 8 == 0 or done == total:
            self._reopen_if_filled()

    def _ended(self, summary: str, problems: list[str]) -> None:
        """Phase 2 ended (or stopped): the facets can count the new entities."""
        window = self.window
        self._show_waiting()
        if summary:  # what phase 2 did, after what phase 1 did
            window.show_message(f"{self._said} {summary}".strip())
        window.search_panel.search_now()
        self._reopen_if_filled()

    def _reopen_if_filled(self) -> None:
        if self.waiting_article is None:
            return
        hit, sentence_at = self.waiting_article
        if not self.window.library.is_pending(hit.article_id):
            self.waiting_article = None
            self.window.open_hit(hit, sentence_at)
