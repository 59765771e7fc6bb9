"""Casework: the user's own work in the window (tags, stars, marked passages, saved searches).

One object wires the workspace widgets to the core workspace, so the main window only builds
them; every write goes to the library's workspace file at once, and a failure is one sentence
in the status bar, never a lost edit without a word.
"""

from __future__ import annotations

import functools
import logging

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

from reader.core.articles import Article
from reader.core.errors import ReaderError
from reader.core.index import Hit
from reader.core.workspace import searches
from reader.core.workspace.items import Note
from reader.gui.mark_dialog import MarkDialog, ask_tag
from reader.gui.saved_searching import SavedSearches
from reader.gui.window_parts import WindowParts, parent_of, write

log = logging.getLogger(__name__)


class Casework(QObject):
    """Connects the results list, article bar, notes and saved searches to the workspace."""

    def __init__(self, window: WindowParts) -> None:
        super().__init__(window.search_panel)
        self.window = window
        self.library = window.library
        self.saved = SavedSearches(window)
        results = window.search_panel.results
        results.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        results.customContextMenuRequested.connect(self._results_menu)
        bar = window.article_bar
        bar.star_toggled.connect(self.star_article)
        bar.tag_requested.connect(lambda: self.tag_hits(None))
        bar.untag_requested.connect(self.untag_article)
        bar.mark_requested.connect(self.mark_selection)
        window.article_view.mark_requested.connect(self.mark_selection)
        notes = window.notes_panel
        notes.note_chosen.connect(self.show_note)
        notes.edit_requested.connect(self.edit_note)
        notes.delete_requested.connect(self.delete_note)
        self._add_menu()

    def _add_menu(self) -> None:
        menu = self.window.menuBar().addMenu("&Case")
        menu.addAction("&Tag selected results…", QKeySequence("Ctrl+Shift+T"), self.tag_selected)
        menu.addAction("Tag &every hit of this search…", self.tag_every_hit)
        menu.addAction("&Star or unstar the article", QKeySequence("Ctrl+D"), self.toggle_star)
        menu.addAction("&Mark passage…", QKeySequence("Ctrl+M"), self.mark_selection)
        menu.addSeparator()
        menu.addAction("Sa&ve search…", QKeySequence.StandardKey.Save, self.saved.save_search)
        self.recent = menu.addMenu("&Recent searches")
        self.recent.aboutToShow.connect(self._show_recent)
        self.window.search_panel.hit_activated.connect(lambda _: self._remember())

    def _remember(self) -> None:
        """Keep the query of a search the user opened a result of (not every keystroke)."""
        text = self.window.search_panel.query.text().strip()
        try:
            if text and searches.history(self.library.workspace, 1) != [text]:
                searches.remember_query(self.library.workspace, text)
        except ReaderError as error:
            log.warning("Search not kept in the history: %s", error)

    def _show_recent(self) -> None:
        self.recent.clear()
        try:
            queries = list(dict.fromkeys(searches.history(self.library.workspace, 40)))[:15]
        except ReaderError as error:
            queries = []
            self.window.show_message(str(error))
        for text in queries:
            self.recent.addAction(
                text, functools.partial(self.window.search_panel.query.setText, text)
            )
        if not queries:
            self.recent.addAction("None yet: open a result of a search").setEnabled(False)

    def _sources(self, article_ids: list[str]) -> dict[str, str]:
        try:
            return self.library.source_paths(article_ids)
        except ReaderError:  # a mark is kept without its file; it just cannot follow a re-import
            return dict.fromkeys(article_ids, "")

    def _source(self, article_id: str) -> str:
        return self._sources([article_id])[article_id]

    # Tags and stars

    def _results_menu(self, point: QPoint) -> None:
        hits = self.window.search_panel.selected_hits()
        result = self.window.search_panel.result
        menu = QMenu(parent_of(self.window))
        count = len(hits)
        tag = menu.addAction(f"Tag {_articles(count)}…", self.tag_selected)
        tag.setEnabled(count > 0)
        star = menu.addAction(f"Star {_articles(count)}", lambda: self.star_hits(hits))
        star.setEnabled(count > 0)
        every = menu.addAction(
            f"Tag every hit of this search ({result.total if result else 0})…",
            self.tag_every_hit,
        )
        every.setEnabled(bool(result and result.total and result.query.strip()))
        menu.exec(self.window.search_panel.results.viewport().mapToGlobal(point))

    def tag_selected(self) -> None:
        """Tag the results selected in the list."""
        self.tag_hits(self.window.search_panel.selected_hits())

    def tag_hits(self, hits: list[Hit] | None) -> None:
        """Ask for a tag and put it on `hits` (None: the open article)."""
        if hits is None:
            article = self.window.article_view.article
            ids = [article.id] if article is not None else []
        else:
            ids = [hit.article_id for hit in hits]
        if ids:
            self._tag_ids(ids)

    def tag_every_hit(self) -> None:
        """Tag every article the current search finds, not only those listed."""
        panel = self.window.search_panel
        text = panel.query.text().strip()
        if not text:
            self.window.show_message("Search first: every hit of the search is tagged.")
            return
        try:
            ids = sorted(self.library.all_ids(text, panel.filters))
        except ReaderError as error:
            self.window.show_message(str(error))
            return
        self._tag_ids(ids)

    def _tag_ids(self, ids: list[str]) -> None:
        workspace = self.library.workspace
        try:
            known = list(workspace.tag_counts())
        except ReaderError as error:
            self.window.show_message(str(error))
            return
        name = ask_tag(parent_of(self.window), known, len(ids))
        if name is None:
            return
        pairs = list(self._sources(ids).items())
        if write(
            self.window,
            lambda: workspace.tag_many(pairs, name),
            f"Tagged {_articles(len(ids))} #{name}.",
        ):
            self._refresh()

    def untag_article(self, name: str) -> None:
        """Take the tag `name` off the open article."""
        article = self.window.article_view.article
        if article is not None and write(
            self.window,
            lambda: self.library.workspace.tag(article.id, "", name, remove=True),
            f"Took #{name} off {article.title}.",
        ):
            self._refresh()

    def star_hits(self, hits: list[Hit]) -> None:
        """Star every hit of `hits`."""

        def star() -> None:
            sources = self._sources([hit.article_id for hit in hits])
            for article_id, source in sources.items():
                self.library.workspace.star(article_id, source)

        if write(self.window, star, f"Starred {_articles(len(hits))}."):
            self._refresh()

    def toggle_star(self) -> None:
        """Star the open article, or unstar it."""
        if self.window.article_view.article is not None:
            self.window.article_bar.star.toggle()

    def star_article(self, on: bool) -> None:
        """Star or unstar the open article."""
        article = self.window.article_view.article
        if article is not None and write(
            self.window,
            lambda: self.library.workspace.star(article.id, self._source(article.id), on),
            f"{'Starred' if on else 'Unstarred'}: {article.title}.",
        ):
            self._refresh()

    # Marked passages and notes

    def article_shown(self, article: Article) -> None:
        """Show the star, tags and notes of the article just opened."""
        try:
            workspace = self.library.workspace
            starred = article.id in workspace.starred()
            tags, notes = workspace.tags(article.id), workspace.notes(article.id)
        except ReaderError as error:
            self.window.show_message(str(error))
            starred, tags, notes = False, [], []
        self.window.article_bar.show_marks(starred, tags)
        self.window.notes_panel.set_notes(notes)
        self.window.article_view.set_marks(notes)

    def mark_selection(self) -> None:
        """Mark the words selected in the article with a colour and a note."""
        view = self.window.article_view
        article = view.article
        span = view.selection_span()
        if article is None or span is None:
            self.window.show_message("Select the words to mark in the article first.")
            return
        dialog = MarkDialog(article.body[span[0] : span[1]], parent_of(self.window))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        colour, note = dialog.values()
        workspace = self.library.workspace
        source = self._source(article.id)
        if write(
            self.window,
            lambda: workspace.add_note(
                article.id, source, article.body, note, start=span[0], end=span[1], colour=colour
            ),
            "Passage marked.",
        ):
            self.article_shown(article)

    def show_note(self, note: Note) -> None:
        """Select a note's passage in the article."""
        if note.text and not self.window.article_view.select_span(note.start, note.end):
            self.window.show_message("The marked words are no longer in this article.")

    def edit_note(self, note: Note) -> None:
        """Change a note's text and colour."""
        dialog = MarkDialog(note.text, parent_of(self.window), note.note, note.colour)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            colour, text = dialog.values()
            if write(
                self.window,
                lambda: self.library.workspace.edit_note(note.id, text, colour),
                "Note saved.",
            ):
                self._reshow()

    def delete_note(self, note: Note) -> None:
        """Delete a note and its mark."""
        if write(self.window, lambda: self.library.workspace.delete_note(note.id), "Note deleted."):
            self._reshow()

    def _reshow(self) -> None:
        article = self.window.article_view.article
        if article is not None:
            self.article_shown(article)

    def _refresh(self) -> None:
        self._reshow()
        self.window.search_panel.refresh_marks()
        self.window.search_panel.search_now()  # tag and star counts under "Narrow by"

    def is_busy(self) -> bool:
        """Return whether saved searches are still being counted."""
        return self.saved.is_busy()

    def wait(self) -> None:
        """Let background counts end (before the window closes)."""
        self.saved.wait()

    def refresh_saved(self) -> None:
        """Count the saved searches' hits again."""
        self.saved.refresh()


def _articles(count: int) -> str:
    return "this article" if count == 1 else f"{count} articles"
