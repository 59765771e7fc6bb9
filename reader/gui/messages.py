"""The only module that shows message boxes: errors, questions and summaries."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def show_error(parent: QWidget | None, message: str, details: str = "") -> None:
    """Show one readable sentence as an error dialog (details go behind a button)."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Legal Case Reader", message, parent=parent)
    if details:
        box.setDetailedText(details)
    box.exec()


def show_problems(parent: QWidget | None, summary: str, problems: list[str]) -> None:
    """Show an import's summary once, with each skipped file's reason behind a button."""
    box = QMessageBox(QMessageBox.Icon.Information, "Import finished", summary, parent=parent)
    box.setInformativeText(
        f"{len(problems)} file{'s' if len(problems) != 1 else ''} could not be imported."
    )
    box.setDetailedText("\n".join(problems))
    box.setModal(False)
    box.open()  # not exec(): the import summary must not block the window


def confirm_link(parent: QWidget | None, url: str) -> bool:
    """Ask whether to open `url` in the web browser or mail program."""
    text = f"Open this link outside the reader?\n\n{url}"
    return _confirm(parent, "Open link?", text, QMessageBox.StandardButton.Open)


def confirm_replace(parent: QWidget | None, path: str) -> bool:
    """Ask whether to replace a file that is already there."""
    text = f"{path} already exists. Replace it?"
    return _confirm(parent, "Replace file?", text, QMessageBox.StandardButton.Yes)


def _confirm(parent: QWidget | None, title: str, text: str, go: QMessageBox.StandardButton) -> bool:
    """Ask a question whose safe answer, and the default, is Cancel."""
    cancel = QMessageBox.StandardButton.Cancel
    return QMessageBox.question(parent, title, text, go | cancel, cancel) == go
