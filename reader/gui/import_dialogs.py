"""The dialogs that choose what to import: files of every kind the reader reads, or a folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from reader.core.ingest.reading import SUFFIXES


def ask_files(parent: QWidget) -> list[Path]:
    """Ask for files to import; [] if the user cancels."""
    patterns = " ".join(f"*{suffix}" for suffix in sorted(SUFFIXES))
    names, _ = QFileDialog.getOpenFileNames(
        parent, "Import files", "", f"Articles and documents ({patterns});;All files (*)"
    )
    return [Path(name) for name in names]


def ask_folder(parent: QWidget) -> list[Path]:
    """Ask for a folder to import; [] if the user cancels."""
    folder = QFileDialog.getExistingDirectory(parent, "Import a folder")
    return [Path(folder)] if folder else []
