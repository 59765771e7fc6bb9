"""TimelineView: the chronology of the current results as a time axis and a list beneath it."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QToolTip,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.dates import timex
from reader.core.index.search_result import SearchResult
from reader.core.library.library import Library
from reader.core.mentions import DATE
from reader.core.present import chronology
from reader.core.present.chronology import EventGroup
from reader.gui import palette
from reader.gui.background import BackgroundCalls
from reader.gui.chronology_model import GROUP_ROLE, ChronologyModel, group_tooltip
from reader.gui.search_panel import supports_filters

log = logging.getLogger(__name__)

ALL_ARTICLES = 100_000
CONFLICT_COLOUR = QColor("#c62828")
MARGIN = 18  # left and right of the axis
MARK = 6  # half the size of a mark
AXIS_BOTTOM = 34  # room under the axis line for the tick labels
LABEL_GAP = 10  # the least space between two labels in one lane
MIN_TICK_SPACING = 70


@dataclass(frozen=True)
class _Placed:
    """Where one group is drawn: its mark, its span on the axis and its label."""

    row: int
    x: float
    span: tuple[float, float] | None
    label: str
    label_rect: QRect | None


class TimelineAxis(QWidget):
    """A horizontal time axis with one mark per event group, labels staggered in lanes.

    A group dated to a month or a year also shows its span. Conflicting groups are hollow red
    diamonds (and say so in the tooltip); the others are filled circles.

    Signals:
        group_clicked(row): the user clicked a group's mark or label (or moved to it by key).
        group_activated(row): the user double-clicked a group or pressed Enter on it.
    """

    group_clicked = Signal(int)
    group_activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.groups: list[EventGroup] = []
        self.selected = -1
        self._placed: list[_Placed] = []
        self._range: tuple[date, date] = (date.today(), date.today())
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(110)
        self.setAccessibleName("Timeline")

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(640, 150)

    def set_groups(self, groups: Sequence[EventGroup]) -> None:
        """Draw `groups` (in date order); nothing is selected."""
        self.groups = list(groups)
        self.selected = -1
        days = [span for g in self.groups if (span := timex.interval(g.value)) is not None]
        if days:
            first, last = min(s[0] for s in days), max(s[1] for s in days)
            pad = max(timedelta(days=15), (last - first) * 0.04)
            self._range = (first - pad, last + pad)
        self._placed = []
        self.update()

    def set_selected(self, row: int) -> None:
        """Highlight group `row` (-1: none)."""
        if row != self.selected:
            self.selected = row
            self.update()

    def row_at(self, x: float, y: float) -> int:
        """Return the group whose label or mark is at (x, y), or -1."""
        for placed in self._placed:
            if placed.label_rect is not None and placed.label_rect.contains(int(x), int(y)):
                return placed.row
        axis_y = self._axis_y()
        near = [p for p in self._placed if abs(p.x - x) <= MARK + 2 and abs(y - axis_y) <= MARK + 4]
        return min(near, key=lambda p: abs(p.x - x)).row if near else -1

    def mark_position(self, row: int) -> QPointF:
        """Return the centre of group `row`'s mark (for tests and tooltips)."""
        self._layout()
        placed = next(p for p in self._placed if p.row == row)
        return QPointF(placed.x, self._axis_y())

    # Geometry

    def _axis_y(self) -> int:
        return self.height() - AXIS_BOTTOM

    def _x(self, day: date) -> float:
        first, last = self._range
        total = max((last - first).days, 1)
        return MARGIN + (day - first).days / total * (self.width() - 2 * MARGIN)

    def _layout(self) -> None:
        """Place each group's mark and label; a label finds the lowest lane it fits in."""
        metrics = QFontMetrics(self.font())
        lane_height = metrics.height() + 4
        top_of_lanes = self._axis_y() - MARK - 10
        lanes = max(1, (top_of_lanes - 4) // lane_height)
        ends = [float("-inf")] * lanes
        placed = []
        for row, group in enumerate(self.groups):
            span = timex.interval(group.value)
            if span is None:
                continue
            x0, x1 = self._x(span[0]), self._x(span[1] + timedelta(days=1))
            x = (x0 + x1) / 2
            label = timex.describe(group.value)
            if group.event_word:
                label += f" · {group.event_word}"
            if group.conflict:
                label += " ⚠"
            width = metrics.horizontalAdvance(label) + 6
            left = min(max(x - 3, 2.0), self.width() - 2 - width)
            rect = None
            for lane in range(lanes):
                if ends[lane] + LABEL_GAP <= left:
                    ends[lane] = left + width
                    top = top_of_lanes - (lane + 1) * lane_height
                    rect = QRect(int(left), int(top), int(width), lane_height - 2)
                    break
            placed.append(_Placed(row, x, (x0, x1) if x1 - x0 >= 3 else None, label, rect))
        self._placed = placed

    # Painting

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        self._layout()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = self.palette()
        painter.fillRect(self.rect(), pal.color(QPalette.ColorRole.Base))
        text_colour = pal.color(QPalette.ColorRole.Text)
        if not self._placed:
            painter.setPen(pal.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No dated events")
            return
        axis_y = self._axis_y()
        self._paint_axis(painter, axis_y, text_colour)
        style = palette.STYLES[DATE]
        dark = palette.is_dark()
        fill, line = QColor(style.dark if dark else style.light), QColor(style.line)
        for placed in self._placed:
            if placed.span is not None:
                x0, x1 = placed.span
                painter.setPen(QPen(line, 1))
                painter.setBrush(fill)
                painter.drawRoundedRect(QRectF(x0, axis_y - 4, x1 - x0, 8), 3, 3)
        painter.setPen(QPen(pal.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DotLine))
        for placed in self._placed:
            if placed.label_rect is not None:
                painter.drawLine(
                    QPointF(placed.x, axis_y - MARK), QPointF(placed.x, placed.label_rect.bottom())
                )
        for placed in self._placed:
            self._paint_mark(painter, placed, axis_y, line)
        for placed in self._placed:
            self._paint_label(painter, placed, pal)

    def _paint_axis(self, painter: QPainter, axis_y: int, colour: QColor) -> None:
        painter.setPen(QPen(colour, 1))
        painter.drawLine(MARGIN, axis_y, self.width() - MARGIN, axis_y)
        metrics = QFontMetrics(self.font())
        for day, text in self._ticks():
            x = self._x(day)
            painter.drawLine(QPointF(x, axis_y), QPointF(x, axis_y + 5))
            width = metrics.horizontalAdvance(text)
            left = min(max(x - width / 2, 0), self.width() - width)
            painter.drawText(QPointF(left, axis_y + 8 + metrics.ascent()), text)

    def _ticks(self) -> list[tuple[date, str]]:
        """Year ticks, or month ticks for a range under about a year and a half."""
        first, last = self._range
        room = max(1, int((self.width() - 2 * MARGIN) / MIN_TICK_SPACING))
        if (last - first).days > 540:
            years = list(range(first.year + 1, last.year + 1))
            step = max(1, -(-len(years) // room))
            return [(date(y, 1, 1), str(y)) for y in years if y % step == 0]
        months = []
        day = date(first.year, first.month, 1)
        while day <= last:
            if day >= first:
                months.append(day)
            day = timex.add_months(day, 1)
        step = max(1, -(-len(months) // room))
        return [(d, d.strftime("%b %Y")) for i, d in enumerate(months) if i % step == 0]

    def _paint_mark(self, painter: QPainter, placed: _Placed, axis_y: int, line: QColor) -> None:
        group = self.groups[placed.row]
        size = MARK + (2 if placed.row == self.selected else 0)
        centre = QPointF(placed.x, axis_y)
        if placed.row == self.selected:
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, size + 4, size + 4)
        if group.conflict:
            painter.setPen(QPen(CONFLICT_COLOUR, 2.5))
            painter.setBrush(QBrush(self.palette().color(QPalette.ColorRole.Base)))
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(placed.x, axis_y - size - 1),
                        QPointF(placed.x + size + 1, axis_y),
                        QPointF(placed.x, axis_y + size + 1),
                        QPointF(placed.x - size - 1, axis_y),
                    ]
                )
            )
        else:
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Base), 1.5))
            painter.setBrush(line)
            painter.drawEllipse(centre, size, size)

    def _paint_label(self, painter: QPainter, placed: _Placed, pal: QPalette) -> None:
        if placed.label_rect is None:
            return
        selected = placed.row == self.selected
        background = pal.color(
            QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base
        )
        painter.fillRect(placed.label_rect, background)
        group = self.groups[placed.row]
        if selected:
            colour = pal.color(QPalette.ColorRole.HighlightedText)
        else:
            colour = CONFLICT_COLOUR if group.conflict else pal.color(QPalette.ColorRole.Text)
        painter.setPen(colour)
        painter.drawText(
            placed.label_rect.adjusted(3, 0, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            placed.label,
        )

    # Input

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        row = self.row_at(event.position().x(), event.position().y())
        if row >= 0:
            self.set_selected(row)
            self.group_clicked.emit(row)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        row = self.row_at(event.position().x(), event.position().y())
        if row >= 0:
            self.group_activated.emit(row)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and self.groups:
            step = 1 if key == Qt.Key.Key_Right else -1
            row = min(max(self.selected + step, 0), len(self.groups) - 1)
            self.set_selected(row)
            self.group_clicked.emit(row)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected >= 0:
            self.group_activated.emit(self.selected)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802
        self.update()
        super().focusInEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            row = self.row_at(event.pos().x(), event.pos().y())
            if row >= 0:
                QToolTip.showText(event.globalPos(), group_tooltip(self.groups[row]), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)


@dataclass(frozen=True)
class _Scope:
    """Which articles the chronology covers: the whole library, or a search's results."""

    result: SearchResult | None = None
    filters: Any = None


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

    def show_result(self, result: SearchResult | None, filters: Any = None) -> None:
        """Cover the articles `result` found; the whole library for an empty, unfiltered one."""
        whole = result is None or (
            not result.query.strip() and (filters is None or filters.is_empty)
        )
        self._scope = _Scope() if whole else _Scope(result, filters)
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

        def build() -> tuple[list[EventGroup], int]:
            if scope.result is None:
                articles = library.articles()
            else:
                hits = scope.result.hits
                if scope.result.total > len(hits):
                    if supports_filters(library):
                        found = library.search(
                            scope.result.query, ALL_ARTICLES, filters=scope.filters
                        )
                    else:
                        found = library.search(scope.result.query, ALL_ARTICLES)
                    hits = found.hits
                articles = [library.article(hit.article_id) for hit in hits]
            groups = chronology.build(
                (a.id, a.title, a.body, library.mentions(a)) for a in articles
            )
            return groups, len(articles)

        def show(built: tuple[list[EventGroup], int]) -> None:
            if request == self._request:
                self.set_groups(*built)

        self._calls.call(build, show, self._failed)

    def set_groups(self, groups: Sequence[EventGroup], article_count: int | None = None) -> None:
        """Show `groups` on the axis and in the list."""
        self.axis.set_groups(groups)
        self.model.set_groups(groups)
        self.groups_changed.emit(len(groups))
        self.tree.expandAll()
        self.tree.resizeColumnToContents(1)
        self.tree.setColumnWidth(1, min(self.tree.columnWidth(1), 320))
        where = "the whole library" if self._scope.result is None else "the search results"
        if not groups:
            self.status.setText(f"No dated events in {where}.")
            return
        events = sum(len(g.events) for g in groups)
        text = f"{len(groups)} dated events ({events} mentions)"
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
