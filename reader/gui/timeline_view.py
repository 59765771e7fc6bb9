"""TimelineView: the chronology of the current results as a time axis and a list beneath it."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import (
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.articles import Article
from reader.core.errors import ReaderError
from reader.core.index import SearchResult
from reader.core.library import Library, casework
from reader.core.present import chronology
from reader.core.present.chronology import EventGroup
from reader.gui.background import BackgroundCalls
from reader.gui.chronology_model import GROUP_ROLE, ChronologyModel, EventNotes
from reader.gui.timeline_axis import TimelineAxis

log = logging.getLogger(__name__)

ALL_ARTICLES = 100_000


@dataclass(frozen=True)
class _Scope:
    """Which articles the chronology covers: the whole library, or a search's results."""

    result: SearchResult | None = None
    filters: Any = None
    # An entity's own timeline: only the events naming it (chronology.naming)
    names: tuple[str, ...] = ()


class TimelineView(QWidget):
    """The chronology of the current results (the whole library when nothing is searched).

    It is worked out off the GUI thread, and only while the view is shown.

    Signals:
        event_activated(event): the user opened an event (a chronology.Event): show its article.
        groups_changed(count): the timeline now shows `count` event groups.
    """

    event_activated = Signal(object)
    groups_changed = Signal(int)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._calls = BackgroundCalls(self)
        self._request = 0
        self._scope = _Scope()
        self._stale = True
        self._focus: tuple[str, tuple[str, ...]] | None = None  # (query, the entity's names)

        self.status = QLabel("Open the timeline to see the dated events.")
        self.status.setWordWrap(True)
        self.axis = TimelineAxis()
        self.model = ChronologyModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAccessibleName("Chronology")
        self.tree.setAlternatingRowColors(True)
        self.tree.setExpandsOnDoubleClick(False)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 300)
        self.tree.activated.connect(self._activate)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.axis.group_clicked.connect(self.select_group)
        self.axis.group_activated.connect(self._activate_group)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.axis)
        self.splitter.addWidget(self.tree)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.status)
        layout.addWidget(self.splitter, 1)

    def focus(self, query: str, names: tuple[str, ...]) -> None:
        """Show only the events naming an entity (`names`: its name and other spellings) when
        the results of `query` (the search for it) arrive; another search ends the focus."""
        self._focus = (query, names)

    def show_result(self, result: SearchResult | None, filters: Any = None) -> None:
        """Cover the articles `result` found; the whole library for an empty, unfiltered one."""
        whole = result is None or (
            not result.query.strip() and (filters is None or filters.is_empty)
        )
        names: tuple[str, ...] = ()
        if self._focus is not None and result is not None and result.query == self._focus[0]:
            names = self._focus[1]
        else:
            self._focus = None
        self._scope = _Scope() if whole else _Scope(result, filters, names)
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Work out the chronology again, off the GUI thread."""
        self._stale = False
        self._request += 1
        request = self._request
        library, scope = self.library, self._scope
        self.status.setText("Working out the chronology…")

        def build() -> tuple[list[EventGroup], int, EventNotes]:
            if scope.result is None:
                articles = library.articles()
            else:
                hits = scope.result.hits
                if scope.result.total > len(hits):
                    found = library.search(scope.result.query, ALL_ARTICLES, filters=scope.filters)
                    hits = found.hits
                articles = [library.article(hit.article_id) for hit in hits]
            groups = chronology.build(
                ((a.id, a.title, a.body, library.mentions(a)) for a in articles), stated=articles
            )
            if scope.names:
                groups = chronology.naming(groups, scope.names)
            return groups, len(articles), _notes(library, groups, articles)

        def show(built: tuple[list[EventGroup], int, EventNotes]) -> None:
            if request == self._request:
                self.set_groups(built[0], built[1], built[2])

        self._calls.call(build, show, self._failed)

    def set_groups(
        self,
        groups: Sequence[EventGroup],
        article_count: int | None = None,
        notes: EventNotes | None = None,
    ) -> None:
        """Show `groups` on the axis and in the list, with the user's notes on their sentences."""
        self.axis.set_groups(groups)
        self.model.set_groups(groups, notes)
        self.groups_changed.emit(len(groups))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self.tree.setColumnWidth(1, min(self.tree.columnWidth(1), 320))
        where = "the whole library" if self._scope.result is None else "the search results"
        named = f" naming {self._scope.names[0]}" if self._scope.names else ""
        if not groups:
            self.status.setText(f"No dated events{named} in {where}.")
            return
        events = sum(len(g.events) for g in groups)
        text = f"{len(groups)} dated events{named} ({events} mentions)"
        if article_count is not None:
            text += f" in {article_count} article{'' if article_count == 1 else 's'}"
        text += f" of {where}"
        conflicts = sum(g.conflict for g in groups)
        if conflicts:
            text += f"; {conflicts} with conflicting dates (⚠)"
        self.status.setText(text + ". Double-click an event to open its article.")

    def _failed(self, message: str) -> None:
        self.status.setText(message)

    def select_group(self, row: int) -> None:
        """Select group `row` on the axis and in the list."""
        index = self.model.group_index(row)
        if index.isValid():
            self.tree.setCurrentIndex(index)
            self.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtTop)
        self.axis.set_selected(row)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(GROUP_ROLE)
        self.axis.set_selected(row if isinstance(row, int) else -1)

    def _activate(self, index: QModelIndex) -> None:
        event = self.model.event_at(index)
        if event is not None:
            self.event_activated.emit(event)

    def _activate_group(self, row: int) -> None:
        self.select_group(row)
        self._activate(self.model.group_index(row))

    def is_busy(self) -> bool:
        """Return whether the chronology is being worked out."""
        return self._calls.is_busy()

    def wait(self) -> None:
        """Let a running computation end (before the window closes)."""
        self._calls.wait()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self.refresh()


def _notes(library: Library, groups: list[EventGroup], articles: list[Article]) -> EventNotes:
    """The user's notes on the chronology's sentences; none if the workspace cannot be read."""
    try:
        return casework.notes_on_events(groups, library.workspace, {a.id: a.body for a in articles})
    except ReaderError as error:
        log.warning("Notes not shown on the timeline: %s", error)
        return {}
