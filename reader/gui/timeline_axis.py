"""TimelineAxis: a horizontal time axis with one mark per event group, labels in lanes."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt, Signal
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
)
from PySide6.QtWidgets import (
    QToolTip,
    QWidget,
)

from reader.core.dates import timex
from reader.core.mentions import DATE
from reader.core.present.chronology import EventGroup
from reader.gui import palette
from reader.gui.chronology_model import group_tooltip

log = logging.getLogger(__name__)

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
