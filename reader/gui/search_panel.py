"""SearchPanel: the query field, the hit count and "did you mean", and the results list."""

from __future__ import annotations

import logging
import re
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from reader.core.errors import ReaderError
from reader.core.index import Hit, SearchResult
from reader.core.library import Library
from reader.core.library.casework import Marks, marks
from reader.gui.background import BackgroundCalls
from reader.gui.results_delegate import ResultsDelegate
from reader.gui.results_model import ResultsModel

log = logging.getLogger(__name__)

DEBOUNCE_MS = 150
LIMIT = 50


class SearchPanel(QWidget):
    """Searches as the user types, off the GUI thread, and lists the hits.

    Signals:
        hit_activated(hit): the user opened a hit (Enter or double-click).
        searched(result): a search finished; result is the SearchResult.
        failed(message): a search could not run.
    """

    hit_activated = Signal(object)
    searched = Signal(object)
    failed = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.filters: Any = None
        self.result: SearchResult | None = None
        self._calls = BackgroundCalls(self)
        self._latest = 0
        self._open_when_shown = False
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.search_now)

        self.query = QLineEdit(placeholderText="Search names, places, dates, words…")
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName("Search")
        self.query.textChanged.connect(self._timer.start)
        self.query.installEventFilter(self)
        self.status = QLabel(" ")
        self.status.setTextFormat(Qt.TextFormat.RichText)
        # A long note ("The reader has no field …") wraps rather than widening the pane,
        # which left the results laid out for the old width until the window was resized.
        self.status.setWordWrap(True)
        self.status.linkActivated.connect(self.query.setText)
        self.model = ResultsModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(ResultsDelegate(self.results))
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.results.setAlternatingRowColors(True)
        # Several results at once, to tag them together (Ctrl/Shift-click).
        self.results.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.results.activated.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.query)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

    def set_filters(self, filters: Any) -> None:
        """Narrow the results with `filters` (a core Filters) and search again."""
        self.filters = filters
        self.search_now()

    def search_for_name(self, name: str) -> None:
        """Search the whole library for an entity's name, as a phrase."""
        self.query.setText(f'"{name}"')
        self.search_now()

    def search_now(self) -> None:
        """Search for the current text now, on the worker thread."""
        self._timer.stop()
        text = self.query.text().strip()
        library, filters = self.library, self.filters

        def run() -> tuple[SearchResult, dict[str, Marks]]:
            if not text and (filters is None or filters.is_empty):
                result = library.latest(LIMIT, facets=True)
            else:
                result = library.search(text, LIMIT, filters=filters, facets=True)
            return result, marks_of(library, [hit.article_id for hit in result.hits])

        self._latest += 1
        ticket = self._latest
        self._calls.call(run, lambda found: self._show(ticket, *found), self.failed.emit)

    def refresh_marks(self) -> None:
        """Show the stars and tags of the listed hits again (after the user changed some)."""
        ids = [hit.article_id for hit in self.model.hits()]
        self.model.set_marks(marks_of(self.library, ids))

    def selected_hits(self) -> list[Hit]:
        """The hits selected in the list, in list order (the current one if none is)."""
        rows = sorted(index.row() for index in self.results.selectionModel().selectedIndexes())
        if not rows and self.results.currentIndex().isValid():
            rows = [self.results.currentIndex().row()]
        return [self.model.hit(row) for row in rows]

    def _show(self, ticket: int, result: SearchResult, marks: dict[str, Marks]) -> None:
        if ticket != self._latest:
            return  # an older search: a newer one is on its way
        self.result = result
        self.model.set_hits(result.hits, marks)
        if result.hits:
            self.results.setCurrentIndex(self.model.index(0, 0))
        self.status.setText(_status_html(result))
        self.searched.emit(result)
        if self._open_when_shown:
            self._open_when_shown = False
            self._activate(self.results.currentIndex())

    def is_searching(self) -> bool:
        """Return whether a search is waiting or running."""
        return self._timer.isActive() or self._calls.is_busy()

    def clear(self) -> None:
        """Empty the query (the results follow)."""
        self.query.clear()

    def wait(self) -> None:
        """Let a running search end (before the window closes)."""
        self._calls.wait()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if watched is self.query and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self._move(1 if key == Qt.Key.Key_Down else -1)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.is_searching():
                    self._open_when_shown = True  # Enter typed before the results came
                    if self._timer.isActive():
                        self.search_now()
                else:
                    self._activate(self.results.currentIndex())
                return True
            if key == Qt.Key.Key_Escape:
                self.clear()
                return True
        return super().eventFilter(watched, event)

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if rows:
            row = min(max(self.results.currentIndex().row() + step, 0), rows - 1)
            self.results.setCurrentIndex(self.model.index(row, 0))

    def _activate(self, index: Any) -> None:
        if index.isValid():
            self.hit_activated.emit(self.model.hit(index.row()))


def query_terms(query: str) -> tuple[str, ...]:
    """Return the words of a query worth highlighting in the article."""
    words = re.findall(r"[\w'\u2019.-]+", re.sub(r"\b\w+:", " ", query))
    return tuple(w.strip("'\u2019.-") for w in words if w.upper() not in {"AND", "OR", "NOT"})


def marks_of(library: Library, ids: list[str]) -> dict[str, Marks]:
    """The user's stars and tags on `ids`; none when the workspace cannot be read."""
    try:
        return marks(library.workspace, ids)
    except ReaderError as error:
        log.warning("Stars and tags not shown: %s", error)
        return {}


def _status_html(result: SearchResult) -> str:
    if not result.query.strip():
        text = f"{result.total} articles in the library"
    else:
        text = f"{result.total} hit{'' if result.total == 1 else 's'}"
    if result.suggestion:
        escaped = result.suggestion.replace("&", "&amp;").replace("<", "&lt;")
        text += f' — did you mean <a href="{escaped}">{escaped}</a>?'
    if result.notes:
        text += " — " + " ".join(n.replace("<", "&lt;") for n in result.notes)
    return text
