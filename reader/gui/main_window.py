"""MainWindow: builds the panels and connects them; no domain logic lives here.

Longer than 300 lines because it is where every panel, menu and controller of the window is
built and connected; what each does lives in its own module.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from reader.core.articles import Article
from reader.core.index import Hit
from reader.core.library import Library
from reader.core.mentions import Mention
from reader.core.present.chronology import Event
from reader.gui import exporting, import_dialogs, messages
from reader.gui.article_bar import ArticleBar
from reader.gui.article_view import ArticleView
from reader.gui.background import BackgroundCalls
from reader.gui.casework import Casework
from reader.gui.entity_page import EntityPageDock
from reader.gui.entity_panel import EntityPanel, supports_corrections
from reader.gui.entity_phase import EntityPhase
from reader.gui.filter_panel import FilterPanel
from reader.gui.find_bar import FindBar
from reader.gui.import_status import ImportStatus
from reader.gui.legend import Legend, scrolling
from reader.gui.menus import MenuHandlers, build_menus
from reader.gui.notes_panel import NotesPanel
from reader.gui.saved_panel import SavedPanel
from reader.gui.search_panel import SearchPanel, query_terms
from reader.gui.timeline_view import TimelineView
from reader.gui.watching import FolderWatching
from reader.gui.window_state import WindowState

log = logging.getLogger(__name__)

TITLE = "Legal Case Reader"
DEFAULT_SIZE = (1280, 800)
DEFAULT_SPLIT = [350, 590, 340]
DEFAULT_LEFT_SPLIT = [470, 190, 110]
DEFAULT_RIGHT_SPLIT = [560, 200]
DEFAULT_TIMELINE_HEIGHT = 320
STATUS_MS = 15_000


class MainWindow(QMainWindow):
    """The reader's window: search on the left, the article in the middle, entities right."""

    def __init__(self, library: Library, state: WindowState) -> None:
        super().__init__()
        self.setWindowTitle(TITLE)
        self.setAcceptDrops(True)
        self.library = library
        self.state = state
        self._article_calls = BackgroundCalls(self)
        self._export_calls = BackgroundCalls(self)  # a large timeline's links take seconds
        self._article_request = 0

        self.search_panel = SearchPanel(library)
        self.filter_panel = FilterPanel()
        self.legend = Legend()
        self.article_bar = ArticleBar()
        self.article_view = ArticleView()
        self.find_bar = FindBar(self.article_view)
        self.entity_panel = EntityPanel()
        self.entity_panel.corrections_supported = supports_corrections(library)
        self.notes_panel = NotesPanel()
        self.saved_panel = SavedPanel()
        self.import_status = ImportStatus(library)
        self.message = QLabel("")
        self.statusBar().addWidget(self.message, 1)
        self.statusBar().addPermanentWidget(self.import_status)

        reading = QWidget()
        column = QVBoxLayout(reading)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(scrolling(self.legend))
        column.addWidget(self.article_bar)
        column.addWidget(self.article_view, 1)
        column.addWidget(self.find_bar)
        self.left = QSplitter(Qt.Orientation.Vertical)
        self.left.addWidget(self.search_panel)
        self.left.addWidget(self.filter_panel)
        self.left.addWidget(self.saved_panel)
        self.left.setStretchFactor(0, 1)
        self.right = QSplitter(Qt.Orientation.Vertical)
        self.right.addWidget(self.entity_panel)
        self.right.addWidget(self.notes_panel)
        self.right.setStretchFactor(0, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        for widget in (self.left, reading, self.right):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)
        self.timeline = TimelineView(library)
        self.timeline_dock = QDockWidget("Timeline", self)
        self.timeline_dock.setObjectName("timeline")
        self.timeline_dock.setWidget(self.timeline)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.timeline_dock)
        self.timeline_dock.hide()
        actions = build_menus(
            self,
            MenuHandlers(
                import_files=lambda: self.import_paths(import_dialogs.ask_files(self)),
                import_folder=lambda: self.import_paths(import_dialogs.ask_folder(self)),
                export_article=self.export_article,
                export_timeline=self.export_timeline,
                focus_search=self.focus_search,
                find_in_article=self.find_bar.open_bar,
                next_mention=lambda: self.article_view.step_mention(1),
                previous_mention=lambda: self.article_view.step_mention(-1),
            ),
            self.timeline_dock.toggleViewAction(),
        )
        self.export_article_action = actions.export_article
        self.export_timeline_action = actions.export_timeline
        self.watching = FolderWatching(
            library, self.import_status, actions.watch_folders, state, self.show_message, self
        )
        self.casework = Casework(self)
        self.entity_page = EntityPageDock(self)
        self._connect()

        self.resize(*DEFAULT_SIZE)
        self.splitter.setSizes(DEFAULT_SPLIT)
        self.left.setSizes(DEFAULT_LEFT_SPLIT)
        self.right.setSizes(DEFAULT_RIGHT_SPLIT)
        self.resizeDocks([self.timeline_dock], [DEFAULT_TIMELINE_HEIGHT], Qt.Orientation.Vertical)
        self.state.restore(self, self._splitters())
        self.filter_panel.exact_dates.setChecked(self.state.exact_dates())
        self.search_panel.filters = self.filter_panel.filters()
        self.search_panel.query.setText(self.state.last_query())
        self.search_panel.search_now()
        self.search_panel.query.setFocus()

    def _connect(self) -> None:
        self.search_panel.hit_activated.connect(self.open_hit)
        self.search_panel.failed.connect(self.show_message)
        self.search_panel.searched.connect(self.filter_panel.show_facets)
        self.search_panel.searched.connect(
            lambda result: self.timeline.show_result(result, self.search_panel.filters)
        )
        self.timeline.event_activated.connect(self.open_event)
        self.timeline.groups_changed.connect(
            lambda count: self.export_timeline_action.setEnabled(count > 0)
        )
        self.filter_panel.filters_changed.connect(self.search_panel.set_filters)
        self.legend.hidden_labels_changed.connect(self.article_view.set_hidden_labels)
        self.legend.hidden_labels_changed.connect(lambda _: self.find_bar.refresh())
        self.entity_panel.entity_chosen.connect(self.article_view.select_entity)
        self.entity_panel.mention_stepped.connect(self.article_view.step_mention)
        self.article_view.mention_shown.connect(self.entity_panel.show_position)
        self.entity_panel.library_search_requested.connect(self.search_panel.search_for_name)
        self.entity_panel.hide_requested.connect(lambda name: self._correct("hide_entity", name))
        self.entity_panel.relabel_requested.connect(
            lambda n, lb: self._correct("relabel_entity", n, lb)
        )
        self.entity_panel.split_requested.connect(lambda n: self._correct("split_entity", n))
        self.entity_panel.merge_requested.connect(
            lambda n, into: self._correct("merge_entities", n, into)
        )
        self.import_status.searchable.connect(self._import_ended)
        self.import_status.failed.connect(self.show_message)
        self.import_status.notice.connect(self.show_message)
        self.entity_phase = EntityPhase(self)

    def _splitters(self) -> dict[str, QSplitter]:
        return {"main": self.splitter, "left3": self.left, "right": self.right}

    def show_message(self, message: str) -> None:
        """Show one readable sentence in the status bar."""
        self.message.setText(message)
        self.message.setToolTip(message)

    def focus_search(self) -> None:
        """Put the cursor in the search field, selecting what is there."""
        self.search_panel.query.setFocus()
        self.search_panel.query.selectAll()

    def open_event(self, event: Event) -> None:
        """Open a chronology event's article with its sentence selected."""
        hit = Hit(event.article_id, Path(), event.article_title, None, 0, "")
        self.open_hit(hit, sentence_at=event.start)

    def open_hit(self, hit: Hit, sentence_at: int | None = None) -> None:
        """Load the hit's article and its entities off the GUI thread, then show them.

        With `sentence_at` (a body offset), select the sentence there.
        """
        self._article_request += 1
        request = self._article_request
        text = self.search_panel.query.text()
        terms = query_terms(text)
        result = self.search_panel.result
        if result is not None and result.query == text:
            terms += tuple(result.words)  # what "Baldwn~1" found, too
        library = self.library
        self.show_message(f"Opening {hit.title}…")

        def load() -> tuple[Article, list[Mention], bool]:
            article = library.article(hit.article_id)
            # One still waiting for phase 2 opens at once with its dates (entity_phase.py).
            waiting = library.is_pending(article.id)
            return article, library.mentions(article, wait=not waiting), waiting

        def show(loaded: tuple[Article, list[Mention], bool]) -> None:
            if request == self._article_request:
                self.show_article(loaded[0], loaded[1], terms)
                self.entity_phase.article_shown(
                    hit, sentence_at, waiting=loaded[2], scanned=bool(loaded[0].ocr_waiting)
                )
                if sentence_at is not None:
                    self.article_view.select_sentence(sentence_at)

        self._article_calls.call(load, show, self.show_message)

    def show_article(
        self, article: Article, mentions: list[Mention], terms: tuple[str, ...]
    ) -> None:
        """Show an article in the view and its entities in the panel."""
        self.article_view.show_article(article, mentions, terms)
        self.export_article_action.setEnabled(True)
        self.entity_panel.set_mentions(mentions, article.parties)
        self.casework.article_shown(article)
        self.find_bar.refresh()
        self.show_message("")

    def export_article(self) -> None:
        """Save the open article as a web page, marked as it is shown."""
        view = self.article_view
        article, mentions, hidden = view.article, list(view.mentions), view.hidden_labels
        path = exporting.ask_article_path(self, article) if article is not None else None
        if article is not None and path is not None:
            self._export(lambda: exporting.save_article(path, article, mentions, hidden))

    def export_timeline(self) -> None:
        """Save the timeline's events as Markdown or CSV."""
        groups, library = list(self.timeline.model.groups), self.library
        path = exporting.ask_chronology_path(self) if groups else None
        if path is not None:
            self._export(lambda: exporting.save_chronology(path, library, groups))

    def _export(self, save: Callable[[], str]) -> None:
        self.show_message("Saving…")
        self._export_calls.call(save, self.show_message, self._export_failed)

    def _export_failed(self, message: str) -> None:
        self.show_message("")
        messages.show_error(self, message)

    def is_busy(self) -> bool:
        """Return whether a search or article load is still under way."""
        return (
            self.search_panel.is_searching()
            or self._article_calls.is_busy()
            or self.timeline.is_busy()
            or self._export_calls.is_busy()
            or self.casework.is_busy()
            or self.entity_page.is_busy()
        )

    def _correct(self, method: str, *args: str) -> None:
        try:
            getattr(self.library, method)(*args)
        except Exception as error:  # a ReaderError, or a core without corrections
            log.warning("Correction %s%r failed: %s", method, args, error)
            self.show_message(str(error) if str(error) else "That correction could not be saved.")
            return
        if self.article_view.article is not None:
            hit = Hit(self.article_view.article.id, self.article_view.article.path, "", None, 0, "")
            self.open_hit(hit)

    def check_library(self) -> None:
        """Read every index file in the background; rebuild the index if any is damaged."""
        self._article_calls.call(self.library.verify, self._checked, self.show_message)

    def _checked(self, problems: object) -> None:
        if not problems or not isinstance(problems, list):
            self.watching.catch_up()  # after the check: an import must not commit under it
            return
        reason = "; ".join(str(p) for p in problems[:3])
        self.show_message(
            f"The search index is damaged ({reason}); rebuilding it from the library's copies."
        )
        self.import_status.start_import([], rebuild_reason=reason)

    def import_paths(self, paths: list[Path]) -> None:
        """Import files and folders in the background."""
        if paths:
            self.import_status.start_import(paths)

    def _import_ended(self, summary: str, problems: list[str]) -> None:
        """Phase 1 ended: every word of the import is searchable."""
        said, problems = self.watching.import_ended(summary, problems)
        if said:
            self.show_message(said)
        if summary:
            self.search_panel.search_now()
            self.casework.refresh_saved()
        if problems:
            messages.show_problems(self, said or summary, problems)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        self.import_paths(paths)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        exact = self.filter_panel.exact_dates.isChecked()
        self.state.save(self, self._splitters(), self.search_panel.query.text(), exact)
        self.watching.stop()
        calls = (self.import_status, self.search_panel, self._article_calls, self._export_calls)
        for part in (*calls, self.timeline, self.casework, self.entity_page):
            part.wait()
        super().closeEvent(event)
