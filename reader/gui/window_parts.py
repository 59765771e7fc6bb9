"""WindowParts: what the workspace controllers need of the main window (no import of it)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QMenuBar, QWidget

from reader.core.library import Library
from reader.gui.article_bar import ArticleBar
from reader.gui.article_view import ArticleView
from reader.gui.filter_panel import FilterPanel
from reader.gui.notes_panel import NotesPanel
from reader.gui.saved_panel import SavedPanel
from reader.gui.search_panel import SearchPanel


class WindowParts(Protocol):
    """The main window as the casework controllers see it."""

    library: Library
    search_panel: SearchPanel
    filter_panel: FilterPanel
    article_view: ArticleView
    article_bar: ArticleBar
    notes_panel: NotesPanel
    saved_panel: SavedPanel

    def show_message(self, message: str) -> None: ...

    def menuBar(self) -> QMenuBar: ...  # noqa: N802


def parent_of(parts: WindowParts) -> QWidget:
    """The window itself, as the parent of dialogs and menus."""
    assert isinstance(parts, QWidget)
    return parts
