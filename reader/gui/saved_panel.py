"""SavedPanel: the user's saved searches with their hit counts and what is new since last opened."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.library.casework import SavedStatus


class SavedPanel(QWidget):
    """One row per saved search: "name — 12 hits · 3 new".

    Signals:
        open_requested(name): the user opened a saved search.
        save_requested(): the user asked to save the current search.
        delete_requested(name): the user asked to forget a saved search.
    """

    open_requested = Signal(str)
    save_requested = Signal()
    delete_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setAccessibleName("Saved searches")
        self.list.itemActivated.connect(self._open)
        self.list.itemDoubleClicked.connect(self._open)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.save = QPushButton("Save search…")
        self.save.setToolTip("Keep this search and its filters under a name (Ctrl+S)")
        self.save.clicked.connect(self.save_requested.emit)
        heading = QHBoxLayout()
        heading.addWidget(QLabel("<b>Saved searches</b>"), 1)
        heading.addWidget(self.save)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addWidget(self.list, 1)

    def show_searches(self, rows: list[SavedStatus]) -> None:
        """List the saved searches as they stand now."""
        self.list.clear()
        for row in rows:
            hits = len(row.ids)
            text = f"{row.saved.name} — {hits} hit{'' if hits == 1 else 's'}"
            if row.new:
                text += f" · {len(row.new)} new"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.saved.name)
            opened = row.saved.last_opened or "never"
            item.setToolTip(f"{row.saved.query or '(filters only)'}\nLast opened: {opened}")
            if row.new:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        if not rows:
            item = QListWidgetItem("None yet: search, then Save search…")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(item)

    def _open(self, item: QListWidgetItem) -> None:
        name = item.data(Qt.ItemDataRole.UserRole)
        if name:
            self.open_requested.emit(name)

    def _menu(self, point: QPoint) -> None:
        item = self.list.itemAt(point)
        name = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not name:
            return
        menu = QMenu(self)
        menu.addAction("Open", lambda: self.open_requested.emit(name))
        menu.addAction("Forget", lambda: self.delete_requested.emit(name))
        menu.exec(self.list.viewport().mapToGlobal(point))
