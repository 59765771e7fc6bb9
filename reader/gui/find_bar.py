"""FindBar: find in the article (Ctrl+F) with next/previous and "3 of 7"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QKeySequence, QShortcut, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QTextEdit, QToolButton, QWidget


class FindBar(QWidget):
    """Finds text in a QTextEdit; all matches are shaded and the current one is selected."""

    def __init__(self, view: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.matches: list[QTextCursor] = []
        self.current = -1
        self.field = QLineEdit(placeholderText="Find in article")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.find_all)
        self.field.returnPressed.connect(lambda: self.step(1))
        self.count = QLabel("")
        self.count.setMinimumWidth(self.count.fontMetrics().horizontalAdvance("888 of 888"))
        previous = tool_button("▲", "Previous match (Shift+Enter)")
        following = tool_button("▼", "Next match (Enter)")
        close = tool_button("✕", "Close (Esc)")
        previous.clicked.connect(lambda: self.step(-1))
        following.clicked.connect(lambda: self.step(1))
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.field, lambda: self.step(-1))
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.hide()

    def open_bar(self) -> None:
        """Show the bar and focus its field."""
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.find_all()

    def close_bar(self) -> None:
        """Hide the bar and its match shading."""
        self.hide()
        self.view.setExtraSelections([])
        self.view.setFocus()

    def find_all(self) -> None:
        """Find every match of the field's text and select the first."""
        text = self.field.text()
        self.matches = []
        document = self.view.document()
        cursor = QTextCursor(document)
        while text:
            cursor = document.find(text, cursor, QTextDocument.FindFlag(0))
            if cursor.isNull():
                break
            self.matches.append(QTextCursor(cursor))
        self.current = -1
        self.step(1)

    def step(self, direction: int) -> None:
        """Select the next (1) or previous (-1) match."""
        if not self.matches:
            self.count.setText("No matches" if self.field.text() else "")
            self.view.setExtraSelections([])
            return
        self.current = (self.current + direction) % len(self.matches)
        self.view.setTextCursor(self.matches[self.current])
        self.view.ensureCursorVisible()
        self.count.setText(f"{self.current + 1} of {len(self.matches)}")
        shade = QColor("#ffb74d")
        selections = []
        for match in self.matches:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = match
            selection.format.setBackground(shade)
            selections.append(selection)
        self.view.setExtraSelections(selections)

    def refresh(self) -> None:
        """Search again after the document changed, if the bar is open."""
        if self.isVisible():
            self.find_all()


def tool_button(text: str, tip: str) -> QToolButton:
    """Return a small button showing `text` with the tooltip `tip`."""
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    return button
