"""Legend: one toggle per entity type, each showing the type's colour and underline style."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QCheckBox, QFrame, QHBoxLayout, QLabel, QScrollArea, QWidget

from reader.core.present import render
from reader.gui import palette

_PEN_STYLES = {
    "solid": Qt.PenStyle.SolidLine,
    "dashed": Qt.PenStyle.DashLine,
    "dotted": Qt.PenStyle.DotLine,
    "dash-dot": Qt.PenStyle.DashDotLine,
    "dash-dot-dot": Qt.PenStyle.DashDotDotLine,
}


def swatch(label: str, dark: bool, size: int = 16) -> QIcon:
    """Return an icon showing a type's highlight colour over its underline style."""
    style = palette.STYLES[label]
    pixmap = QPixmap(QSize(size * 2, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.fillRect(0, 1, size * 2, size - 5, palette.background(label, dark))
    pen = QPen(palette.line(label, dark), 2)
    y = size - 2
    if style.pattern == "wavy":
        painter.setPen(pen)
        for x in range(0, size * 2, 4):
            painter.drawLine(x, y, x + 2, y - 2)
            painter.drawLine(x + 2, y - 2, x + 4, y)
    else:
        pen.setStyle(_PEN_STYLES[style.pattern])
        painter.setPen(pen)
        painter.drawLine(0, y, size * 2, y)
    painter.end()
    return QIcon(pixmap)


class Legend(QWidget):
    """Shows what each highlight means; unticking a type hides its highlights.

    Signals:
        hidden_labels_changed(labels): the set of hidden types changed (a frozenset).
    """

    hidden_labels_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel("Highlight:"))
        dark = palette.is_dark()
        for label in render.SHOWN_LABELS:
            box = QCheckBox(render.LABEL_NAMES[label])
            box.setChecked(True)
            box.setIcon(swatch(label, dark))
            box.setIconSize(QSize(32, 16))
            box.setToolTip(f"{render.LABEL_NAMES[label]}: {palette.described(label)}")
            box.toggled.connect(self._changed)
            self.boxes[label] = box
            layout.addWidget(box)
        layout.addStretch(1)

    def hidden_labels(self) -> frozenset[str]:
        """Return the types whose highlights are switched off."""
        return frozenset(label for label, box in self.boxes.items() if not box.isChecked())

    def _changed(self) -> None:
        self.hidden_labels_changed.emit(self.hidden_labels())


def scrolling(legend: Legend) -> QScrollArea:
    """The legend in a strip that scrolls sideways when the article column is narrow.

    Eight entity types side by side need about 1,000 pixels; as a plain row they forced the
    article column that wide and squeezed the entity list beside it to elided names.
    """
    area = QScrollArea()
    area.setWidget(legend)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    bar = area.horizontalScrollBar().sizeHint().height()
    area.setFixedHeight(legend.sizeHint().height() + bar)
    return area
