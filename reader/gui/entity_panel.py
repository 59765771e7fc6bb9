"""EntityPanel: the article's entities by type, a filter box and mention navigation."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.core.articles import Party
from reader.core.mentions import CITATION, DOCKET, Mention
from reader.core.present import render
from reader.gui.entities_model import LABEL_ROLE, NAME_ROLE, EntitiesModel, EntityFilter

_BY_PATTERN = (CITATION, DOCKET)
CORRECTIONS = ("hide_entity", "relabel_entity", "merge_entities", "split_entity")


class EntityPanel(QWidget):
    """Lists entities; clicking one selects its mentions in the article.

    Signals:
        entity_chosen(name, label): the user clicked an entity.
        mention_stepped(step): the user asked for the next (1) or previous (-1) mention.
        library_search_requested(name): search the whole library for this entity.
        hide_requested(name): stop showing this entity anywhere.
        relabel_requested(name, label): the entity has another type.
        merge_requested(name, into): the entity is the same as another (or, renamed, a new name).
        split_requested(spelling): a way of writing the entity names someone else.
        page_requested(name, label): show the entity across the library.
    """

    entity_chosen = Signal(str, str)
    mention_stepped = Signal(int)
    library_search_requested = Signal(str)
    hide_requested = Signal(str)
    relabel_requested = Signal(str, str)
    merge_requested = Signal(str, str)
    split_requested = Signal(str)
    page_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.corrections_supported = False
        self.model = EntitiesModel(self)
        self.proxy = EntityFilter(self)
        self.proxy.setSourceModel(self.model)
        self.filter = QLineEdit(placeholderText="Filter entities")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter)
        self.tree = QTreeView()
        self.tree.setModel(self.proxy)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.clicked.connect(self._choose)
        # Moving through the list with the keyboard selects mentions too.
        self.tree.selectionModel().currentChanged.connect(self._choose)
        self.tree.doubleClicked.connect(self._search_library)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._menu)
        self.position = QLabel("Click an entity to find its mentions.")
        self.position.setWordWrap(True)
        self.previous = tool_button("◀", "Previous mention (Shift+F3)")
        self.next = tool_button("▶", "Next mention (F3)")
        self.previous.clicked.connect(lambda: self.mention_stepped.emit(-1))
        self.next.clicked.connect(lambda: self.mention_stepped.emit(1))
        navigation = QHBoxLayout()
        navigation.addWidget(self.position, 1)
        navigation.addWidget(self.previous)
        navigation.addWidget(self.next)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree, 1)
        layout.addLayout(navigation)
        self.show_position(0, 0)

    def set_mentions(self, mentions: list[Mention], parties: Sequence[Party] = ()) -> None:
        """List the entities of the article now shown, and its parties with their parts."""
        self.model.set_mentions(mentions, parties)
        self.tree.expandAll()
        self.show_position(0, 0)
        self.position.setText("Click an entity to find its mentions.")

    def show_position(self, index: int, total: int) -> None:
        """Show which mention is selected ("2 of 5")."""
        self.previous.setEnabled(total > 1)
        self.next.setEnabled(total > 1)
        if total:
            self.position.setText(f"Mention {index} of {total}")
        elif index == 0 and self.tree.currentIndex().isValid():
            self.position.setText("No mention of it is in the article text.")

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text)
        self.tree.expandAll()

    def _entity(self, index: QModelIndex) -> tuple[str, str] | None:
        name = index.data(NAME_ROLE)
        return (name, index.data(LABEL_ROLE)) if name else None

    def _choose(self, index: QModelIndex) -> None:
        entity = self._entity(index)
        if entity is not None:
            self.entity_chosen.emit(*entity)

    def _search_library(self, index: QModelIndex) -> None:
        entity = self._entity(index)
        if entity is not None:
            self.library_search_requested.emit(entity[0])

    def _menu(self, point: QPoint) -> None:
        entity = self._entity(self.tree.indexAt(point))
        if entity is None:
            return
        name, label = entity
        menu = QMenu(self)
        menu.addAction(
            f"Search the library for “{name}”", lambda: self.library_search_requested.emit(name)
        )
        menu.addAction(
            "Open entity page (every article)",
            functools.partial(self.page_requested.emit, name, label),
        )
        menu.addSeparator()
        hide = menu.addAction("Hide this entity", lambda: self.hide_requested.emit(name))
        types = menu.addMenu("Change type")
        # A citation or docket number is found by its pattern, with a value no name has.
        for other in render.SHOWN_LABELS:
            if other != label and other not in _BY_PATTERN:
                types.addAction(
                    render.LABEL_NAMES[other],
                    functools.partial(self.relabel_requested.emit, name, other),
                )
        merge = menu.addAction("Merge into…", lambda: self._ask_merge(name, label))
        rename = menu.addAction("Rename…", lambda: self._ask_rename(name))
        split = menu.addMenu("Split off")
        for spelling in self.model.spellings(name, label):
            split.addAction(
                f"“{spelling}” is someone else",
                functools.partial(self.split_requested.emit, spelling),
            )
        split.setEnabled(bool(split.actions()))
        for action in (hide, types.menuAction(), merge, rename, split.menuAction()):
            action.setEnabled(self.corrections_supported)
            if not self.corrections_supported:
                action.setToolTip("Corrections need a newer library version.")
        menu.popup(self.tree.viewport().mapToGlobal(point))

    def _ask_merge(self, name: str, label: str) -> None:
        others = [n for n in self.model.names(label) if n != name]
        if not others:
            return
        into, ok = QInputDialog.getItem(
            self, "Merge entity", f"“{name}” is the same as:", others, 0, False
        )
        if ok and into:
            self.merge_requested.emit(name, into)

    def _ask_rename(self, name: str) -> None:
        new, ok = QInputDialog.getText(self, "Rename entity", f"Call “{name}”:", text=name)
        if ok and new.strip() and new.strip() != name:
            self.merge_requested.emit(name, new.strip())  # a rename is a merge into a new name


def supports_corrections(library: Any) -> bool:
    """Return whether the library can store entity corrections."""
    return all(callable(getattr(library, name, None)) for name in CORRECTIONS)


def tool_button(text: str, tip: str) -> QToolButton:
    """Return a small button showing `text` with the tooltip `tip`."""
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    return button
