"""NotesPanel: the open article's marked passages and notes, beside it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QMenu, QVBoxLayout, QWidget

from reader.core.workspace.items import Note
from reader.gui import palette

STATES = {
    "moved": "found again after a re-import",
    "stale": "the words changed in a re-import",
}


class NotesPanel(QWidget):
    """Lists notes in text order; choosing one selects its passage in the article.

    Signals:
        note_chosen(note): the user chose a note (a core Note).
        edit_requested(note), delete_requested(note): from the note's context menu.
    """

    note_chosen = Signal(object)
    edit_requested = Signal(object)
    delete_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("<b>Notes</b>")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAccessibleName("Notes")
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.empty = QLabel("Select words in the article and choose Mark passage… to add one.")
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.notes: list[Note] = []
        self.set_notes([])

    def set_notes(self, notes: list[Note]) -> None:
        """Show `notes` (those of the open article)."""
        self.notes = list(notes)
        self.list.clear()
        dark = palette.is_dark()
        for note in self.notes:
            marked = f"“{_short(note.text)}”" if note.text else "On the whole article"
            text = f"{marked}\n{note.note}" if note.note else marked
            if note.state in STATES:
                text += f"\n⚠ {STATES[note.state]}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, note)
            item.setBackground(QBrush(QColor(palette.mark_colour(note.colour, dark))))
            item.setToolTip(f"{note.colour} mark, {note.updated[:10]}")
            self.list.addItem(item)
        count = len(self.notes)
        self.title.setText(f"<b>Notes</b> ({count})" if count else "<b>Notes</b>")
        self.empty.setVisible(not self.notes)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.note_chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def _menu(self, point: QPoint) -> None:
        item = self.list.itemAt(point)
        if item is None:
            return
        note = item.data(Qt.ItemDataRole.UserRole)
        menu = QMenu(self)
        menu.addAction("Edit note…", lambda: self.edit_requested.emit(note))
        menu.addAction("Delete", lambda: self.delete_requested.emit(note))
        menu.exec(self.list.viewport().mapToGlobal(point))


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + " …"
