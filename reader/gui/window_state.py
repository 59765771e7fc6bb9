"""WindowState: geometry, docks, splitter sizes and the last query, kept in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter


class WindowState:
    """What the window remembers between runs (state, not settings)."""

    def __init__(self, path: Path) -> None:
        self.settings = QSettings(str(path), QSettings.Format.IniFormat)

    def restore(self, window: QMainWindow, splitters: dict[str, QSplitter]) -> bool:
        """Restore geometry, docks and splitter sizes; return whether any were saved."""
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            window.restoreGeometry(geometry)
        docks = self.settings.value("window/docks")
        if isinstance(docks, QByteArray):
            window.restoreState(docks)  # which docks are open (the timeline), and their sizes
        for name, splitter in splitters.items():
            state = self.settings.value(f"splitters/{name}")
            if isinstance(state, QByteArray):
                splitter.restoreState(state)
        return isinstance(geometry, QByteArray)

    def save(
        self,
        window: QMainWindow,
        splitters: dict[str, QSplitter],
        query: str,
        exact_dates: bool = False,
    ) -> None:
        """Save geometry, docks, splitter sizes, the query and the Exact dates setting."""
        self.settings.setValue("window/geometry", window.saveGeometry())
        self.settings.setValue("window/docks", window.saveState())
        for name, splitter in splitters.items():
            self.settings.setValue(f"splitters/{name}", splitter.saveState())
        self.settings.setValue("search/last_query", query)
        self.settings.setValue("search/exact_dates", exact_dates)
        self.settings.sync()

    def last_query(self) -> str:
        """Return the query typed when the window last closed."""
        value = self.settings.value("search/last_query", "")
        return value if isinstance(value, str) else ""

    def watch_folders(self) -> bool:
        """Return whether imported folders are watched for changes (File menu; default on)."""
        return str(self.settings.value("import/watch_folders", "true")).lower() == "true"

    def set_watch_folders(self, on: bool) -> None:
        """Remember, at once, whether imported folders are watched."""
        self.settings.setValue("import/watch_folders", on)
        self.settings.sync()

    def exact_dates(self) -> bool:
        """Return whether the Exact dates box was ticked when the window last closed."""
        return str(self.settings.value("search/exact_dates", "false")).lower() == "true"
