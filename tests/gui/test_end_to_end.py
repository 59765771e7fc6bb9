"""The user's path through the app on the real seed articles, imported through the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from reader.core.library import Library
from reader.gui import palette
from reader.gui.entities_model import NAME_ROLE
from tests.conftest import SEED_000, SEED_001
from tests.gui.conftest import WindowFactory, search, wait_for_article

pytestmark = pytest.mark.seeds


def person_fragments(window) -> list[str]:  # type: ignore[no-untyped-def]
    """Return the document fragments highlighted as people."""
    found = []
    block = window.article_view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if palette.label_for_background(fmt.background().color(), False) == "PERSON":
                found.append(it.fragment().text())
            it += 1
        block = block.next()
    return found


def test_seed_articles_search_read_and_find(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path, seeds_dir: Path
) -> None:
    library = Library.open(tmp_path / "library", samples=False)
    window = main_window(library)
    with qtbot.waitSignal(window.import_status.finished, timeout=60_000):
        window.import_paths([seeds_dir])
    assert "2 added" in window.message.text()

    search(qtbot, window, "Hutchins")
    hits = [window.search_panel.model.hit(r) for r in range(window.search_panel.model.rowCount())]
    assert {h.path.name for h in hits} >= {SEED_000.name, SEED_001.name}

    row = next(r for r, h in enumerate(hits) if h.path.name == SEED_000.name)
    window.search_panel.results.setCurrentIndex(window.search_panel.model.index(row, 0))
    qtbot.keyClick(window.search_panel.query, Qt.Key.Key_Return)
    wait_for_article(qtbot, window)
    assert "Alec Baldwin still faces civil lawsuit" in window.article_view.toPlainText()

    # The panel lists Halyna Hutchins as a person; clicking her selects a mention.
    proxy = window.entity_panel.proxy
    people = proxy.index(0, 0)
    assert people.data().startswith("Person")
    names = [proxy.index(r, 0, people) for r in range(proxy.rowCount(people))]
    hutchins = next(i for i in names if i.data(NAME_ROLE) == "Halyna Hutchins")
    rect = window.entity_panel.tree.visualRect(hutchins)
    qtbot.mouseClick(
        window.entity_panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()
    )
    assert "Hutchins" in window.article_view.textCursor().selectedText()
    assert window.entity_panel.position.text().startswith("Mention 1 of ")
    qtbot.mouseClick(window.entity_panel.next, Qt.MouseButton.LeftButton)
    assert window.entity_panel.position.text().startswith("Mention 2 of ")

    # Unticking Person removes the person highlights (and only those).
    assert "Halyna Hutchins" in "".join(person_fragments(window))
    window.legend.boxes["PERSON"].setChecked(False)
    assert person_fragments(window) == []

    # Ctrl+F "Allred" counts the matches.
    qtbot.keyClick(window.article_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    qtbot.keyClicks(window.find_bar.field, "Allred")
    expected = window.article_view.toPlainText().lower().count("allred")
    assert expected >= 3
    assert window.find_bar.count.text() == f"1 of {expected}"
    qtbot.keyClick(window.find_bar.field, Qt.Key.Key_Return)
    assert window.find_bar.count.text() == f"2 of {expected}"
    assert window.article_view.textCursor().selectedText() == "Allred"
