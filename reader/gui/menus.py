"""The window's menus: File, Edit and View, each action wired to a handler of the window."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow


@dataclass(frozen=True)
class MenuHandlers:
    """What each menu entry does."""

    import_files: Callable[[], None]
    import_folder: Callable[[], None]
    export_article: Callable[[], None]
    export_timeline: Callable[[], None]
    focus_search: Callable[[], None]
    find_in_article: Callable[[], None]
    next_mention: Callable[[], None]
    previous_mention: Callable[[], None]


@dataclass(frozen=True)
class MenuActions:
    """The actions the window enables and disables as its state changes."""

    export_article: QAction
    export_timeline: QAction
    watch_folders: QAction  # checkable: are imported folders watched for changes


def build_menus(window: QMainWindow, handlers: MenuHandlers, timeline: QAction) -> MenuActions:
    """Add the menus to `window`; `timeline` is the dock's show/hide action."""
    file_menu = window.menuBar().addMenu("&File")
    file_menu.addAction("Import &files…", QKeySequence.StandardKey.Open, handlers.import_files)
    file_menu.addAction("Import f&older…", handlers.import_folder)
    watch_folders = file_menu.addAction("&Watch imported folders")
    watch_folders.setCheckable(True)
    watch_folders.setToolTip(
        "While the app runs, files added to, changed in or removed from a folder you "
        "imported are imported or removed within seconds."
    )
    file_menu.addSeparator()
    export_article = file_menu.addAction(
        "&Export article…", QKeySequence("Ctrl+E"), handlers.export_article
    )
    export_article.setEnabled(False)
    export_timeline = file_menu.addAction(
        "Export &timeline…", QKeySequence("Ctrl+Shift+E"), handlers.export_timeline
    )
    export_timeline.setEnabled(False)
    file_menu.addSeparator()
    file_menu.addAction("&Quit", QKeySequence.StandardKey.Quit, window.close)
    edit_menu = window.menuBar().addMenu("&Edit")
    focus = QAction("&Search the library", window)
    focus.setShortcuts([QKeySequence("Ctrl+L"), QKeySequence("Ctrl+K")])
    focus.triggered.connect(handlers.focus_search)
    edit_menu.addAction(focus)
    edit_menu.addAction(
        "&Find in article…", QKeySequence.StandardKey.Find, handlers.find_in_article
    )
    edit_menu.addAction("Next mention", QKeySequence("F3"), handlers.next_mention)
    edit_menu.addAction("Previous mention", QKeySequence("Shift+F3"), handlers.previous_mention)
    view_menu = window.menuBar().addMenu("&View")
    timeline.setText("&Timeline")
    timeline.setShortcut(QKeySequence("Ctrl+T"))
    view_menu.addAction(timeline)
    return MenuActions(export_article, export_timeline, watch_folders)
