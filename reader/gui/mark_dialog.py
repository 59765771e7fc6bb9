"""Small dialogs of the workspace: a colour and note for a marked passage, a tag's name."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from reader.core.workspace.store import COLOURS


class MarkDialog(QDialog):
    """Asks for a mark's colour and an optional note, showing the words being marked."""

    def __init__(
        self, words: str, parent: QWidget | None = None, note: str = "", colour: str = "yellow"
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mark passage")
        shown = " ".join(words.split())
        quote = QLabel(f"“{shown[:300]}{' …' if len(shown) > 300 else ''}”")
        quote.setWordWrap(True)
        self.colour = QComboBox()
        self.colour.addItems(list(COLOURS))
        self.colour.setCurrentText(colour)
        self.note = QPlainTextEdit(note)
        self.note.setPlaceholderText("A note (optional): why this passage matters")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(quote)
        form.addRow("Colour", self.colour)
        form.addRow("Note", self.note)
        form.addRow(buttons)

    def values(self) -> tuple[str, str]:
        """The colour and note chosen."""
        return self.colour.currentText(), self.note.toPlainText().strip()


def ask_tag(parent: QWidget, known: list[str], count: int) -> str | None:
    """Ask for a tag's name (an existing one or a new one); None if the user cancels."""
    what = "this article" if count == 1 else f"these {count} articles"
    name, ok = QInputDialog.getItem(parent, "Tag", f"Tag {what} as:", known, 0, True)
    return name.strip() if ok and name.strip() else None


def ask_name(parent: QWidget, query: str) -> str | None:
    """Ask what to call a saved search."""
    name, ok = QInputDialog.getText(parent, "Save search", f"Name for “{query or 'this search'}”:")
    return name.strip() if ok and name.strip() else None
