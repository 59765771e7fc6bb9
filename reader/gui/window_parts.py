"""WindowParts: what the workspace controllers need of the main window (no import of it)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtWidgets import QMenuBar, QWidget

from reader.core.errors import ReaderError
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


def write(parts: WindowParts, change: Callable[[], object], done: str) -> bool:
    """Make a change to the user's workspace; say `done`, or the sentence of why it failed."""
    try:
        change()
    except ReaderError as error:
        parts.show_message(str(error))
        return False
    parts.show_message(done)
    return True


def parent_of(parts: WindowParts) -> QWidget:
    """The window itself, as the parent of dialogs and menus."""
    assert isinstance(parts, QWidget)
    return parts
