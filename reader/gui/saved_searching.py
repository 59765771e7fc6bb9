"""SavedSearches: saving the current search, opening a saved one, and their counts in the panel."""

from __future__ import annotations

from PySide6.QtCore import QObject

from reader.core.errors import ReaderError
from reader.core.library import casework
from reader.core.workspace import searches
from reader.gui.background import BackgroundCalls
from reader.gui.mark_dialog import ask_name
from reader.gui.window_parts import WindowParts, parent_of, write


class SavedSearches(QObject):
    """Connects the saved-searches panel to the workspace; counts run off the window's thread."""

    def __init__(self, window: WindowParts) -> None:
        super().__init__(window.search_panel)
        self.window = window
        self.library = window.library
        self._counts = BackgroundCalls(self)
        self._opening = BackgroundCalls(self)
        panel = window.saved_panel
        panel.save_requested.connect(self.save_search)
        panel.open_requested.connect(self.open_saved)
        panel.delete_requested.connect(self.forget_saved)
        self.refresh()

    def save_search(self) -> None:
        """Name the current search with its filters."""
        panel = self.window.search_panel
        text = panel.query.text().strip()
        filters = casework.filters_data(panel.filters)
        if not text and not filters:
            self.window.show_message("Search first, then save the search.")
            return
        name = ask_name(parent_of(self.window), text)
        if name is None or not write(
            self.window,
            lambda: searches.save_search(self.library.workspace, name, text, filters),
            f"Saved the search “{name}”.",
        ):
            return
        library = self.library

        def seen() -> None:
            # What the user sees as they save it is not "new" the next time they open it.
            saved = searches.saved_search(library.workspace, name)
            searches.opened(library.workspace, name, library.saved_status(saved).ids)

        self._opening.call(seen, lambda _: self.refresh(), self.window.show_message)

    def open_saved(self, name: str) -> None:
        """Run a saved search with its filters, and say what is new since it was last opened."""
        try:
            saved = searches.saved_search(self.library.workspace, name)
        except (KeyError, ReaderError) as error:
            self.window.show_message(str(error))
            return
        filters = casework.saved_filters(saved)
        self.window.filter_panel.apply(filters)
        panel = self.window.search_panel
        panel.filters = filters
        panel.query.setText(saved.query)
        panel.search_now()
        library = self.library

        def opened() -> int:
            return len(searches.opened(library.workspace, name, library.saved_status(saved).ids))

        def say(new: object) -> None:
            when = saved.last_opened[:10] if saved.last_opened else ""
            since = f" since {when}" if when else ""
            self.window.show_message(f"“{name}”: {new} new{since}.")
            self.refresh()

        self._opening.call(opened, say, self.window.show_message)

    def forget_saved(self, name: str) -> None:
        """Forget a saved search."""
        if write(
            self.window,
            lambda: searches.delete_search(self.library.workspace, name),
            f"Forgot the saved search “{name}”.",
        ):
            self.refresh()

    def refresh(self) -> None:
        """Count the saved searches' hits again, off the window's thread."""
        library = self.library

        def count() -> list[casework.SavedStatus]:
            return [library.saved_status(s) for s in searches.saved_searches(library.workspace)]

        self._counts.call(count, self._show_saved, self.window.show_message)

    def _show_saved(self, rows: object) -> None:
        if isinstance(rows, list):
            self.window.saved_panel.show_searches(rows)

    def is_busy(self) -> bool:
        """Return whether saved searches are still being counted or opened."""
        return self._counts.is_busy() or self._opening.is_busy()

    def wait(self) -> None:
        """Let background counts end (before the window closes)."""
        self._counts.wait()
        self._opening.wait()
