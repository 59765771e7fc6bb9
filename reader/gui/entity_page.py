"""EntityPage: one person (or organisation, place) across the library, in a dock.

Every article that mentions the entity, each mention with its sentence and the date that
sentence names; double-click (or Enter) opens the article with that sentence selected.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reader.core.dates import timex
from reader.core.index import Hit
from reader.core.library.entity_pages import Appearance, EntityPage
from reader.core.mentions import ORG, PERSON, PLACE
from reader.core.present import render
from reader.gui.background import BackgroundCalls

APPEARANCE_ROLE = Qt.ItemDataRole.UserRole + 1
# The search field of each kind of entity (the others are searched as a phrase)
_FIELDS = {PERSON: "person", ORG: "org", PLACE: "place"}


class EntityPageDock(QDockWidget):
    """The entity page; asked for from the entity panel's menu ("Open entity page")."""

    def __init__(self, window: Any) -> None:
        super().__init__("Entity", window)
        self.window_ = window
        self.setObjectName("entity-page")
        self._calls = BackgroundCalls(self)
        self.heading = QLabel(
            "Right-click a name, in the article or in the list of its entities, and choose "
            "Open entity page to see every article that mentions it."
        )
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Mention", "Date named"])
        self.tree.setAccessibleName("Mentions across the library")
        self.tree.setWordWrap(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._open)
        self.tree.itemDoubleClicked.connect(self._open)
        self.on_timeline = QPushButton("Show on the timeline")
        self.on_timeline.setToolTip(
            "The dated events whose sentence names this entity, across the library"
        )
        self.on_timeline.setEnabled(False)
        self.on_timeline.clicked.connect(self.show_on_timeline)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addWidget(self.on_timeline, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.tree, 1)
        self.setWidget(body)
        main: QMainWindow = window
        main.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)
        main.tabifyDockWidget(window.timeline_dock, self)
        self.hide()
        window.entity_panel.page_requested.connect(self.show_entity)
        window.article_view.entity_page_requested.connect(self.show_entity)
        self.page: EntityPage | None = None

    def show_entity(self, name: str, label: str) -> None:
        """Gather the entity's mentions across the library (off the window's thread), then show."""
        self.show()
        self.raise_()
        self.heading.setText(f"<b>{_escape(name)}</b> — gathering its mentions…")
        self.tree.clear()
        library = self.window_.library
        self._calls.call(
            lambda: library.entity_page(name, label), self.set_page, self.window_.show_message
        )

    def set_page(self, page: object) -> None:
        """Show a page built by the core (None: no article mentions it any more)."""
        self.tree.clear()
        if not isinstance(page, EntityPage):
            self.heading.setText("No article in the library mentions it now.")
            self.on_timeline.setEnabled(False)
            return
        self.page = page
        self.on_timeline.setEnabled(True)
        row = page.row
        kind = render.LABEL_NAMES.get(row.label, row.label)
        count = len(row.articles)
        text = f"<b>{_escape(row.name)}</b> · {kind} · {count} article{'' if count == 1 else 's'}"
        text += f", {row.mentions} mentions"
        if row.first:
            text += f" · {timex.describe(row.first)}"
            text += f" to {timex.describe(row.last)}" if row.last and row.last != row.first else ""
        if row.aliases:
            text += f"<br>Also written: {_escape(', '.join(row.aliases))}"
        if row.could_be:
            text += f"<br>Not linked: could be {_escape(' or '.join(row.could_be))}"
        for role in page.roles:
            text += f"<br>Role: {_escape(role)}"
        self.heading.setText(text)
        articles: dict[str, QTreeWidgetItem] = {}
        for seen in page.appearances:
            parent = articles.get(seen.article_id)
            if parent is None:
                parent = QTreeWidgetItem(self.tree, [seen.title, seen.published or "undated"])
                parent.setData(0, APPEARANCE_ROLE, seen)
                font = parent.font(0)
                font.setBold(True)
                parent.setFont(0, font)
                articles[seen.article_id] = parent
            date = timex.describe(seen.date) if seen.date else ""
            item = QTreeWidgetItem(parent, [seen.sentence, date])
            item.setData(0, APPEARANCE_ROLE, seen)
            item.setToolTip(0, f"{seen.sentence}\n\nDouble-click to open the article here.")
        for parent in articles.values():
            parent.setText(0, f"{parent.text(0)}  ({parent.childCount()})")
            parent.setExpanded(True)

    def show_on_timeline(self) -> None:
        """Search for the entity and show the timeline of the events that name it."""
        if self.page is None:
            return
        row = self.page.row
        field = _FIELDS.get(row.label)
        quoted = row.name.replace('"', " ")
        query = f'{field}:"{quoted}"' if field else f'"{quoted}"'
        window = self.window_
        window.timeline.focus(query, (row.name, *row.aliases))
        window.search_panel.query.setText(query)
        window.search_panel.search_now()
        window.timeline_dock.show()
        window.timeline_dock.raise_()

    def _open(self, item: QTreeWidgetItem) -> None:
        seen = item.data(0, APPEARANCE_ROLE)
        if isinstance(seen, Appearance):
            hit = Hit(seen.article_id, Path(), seen.title, seen.published, 0, "")
            self.window_.open_hit(hit, sentence_at=seen.start)

    def is_busy(self) -> bool:
        """Return whether a page is being gathered."""
        return self._calls.is_busy()

    def wait(self) -> None:
        """Let the gathering end (before the window closes)."""
        self._calls.wait()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;")
