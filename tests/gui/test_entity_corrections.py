"""A merge, a split and a rename made in the entity panel survive a re-import and a rebuild."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.core.library import Library
from reader.core.resources import resource
from reader.gui.main_window import MainWindow
from tests.gui.conftest import WindowFactory, search
from tests.gui.test_casework import answer, open_row


def people(window: MainWindow) -> set[str]:
    return set(window.entity_panel.model.names("PERSON"))


def test_merge_split_and_rename_survive_reimport_and_rebuild(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path
) -> None:
    library = Library.open(tmp_path / "library", samples=True)
    window = main_window(library)
    search(qtbot, window, '"Svetlana Zemko"')
    open_row(qtbot, window, 0)
    before = people(window)
    assert {"Gloria Allred", "Svetlana Zemko", "Halyna Hutchins"} <= before
    assert "Hutchins" in window.entity_panel.model.spellings("Halyna Hutchins", "PERSON")
    answer("Gloria R. Allred")
    window.entity_panel._ask_rename("Gloria Allred")  # the dialog behind "Rename…"
    qtbot.waitUntil(lambda: "Gloria R. Allred" in people(window) and not window.is_busy())
    window.entity_panel.split_requested.emit("Hutchins")  # "Split off" → "Hutchins"
    qtbot.waitUntil(lambda: "Hutchins" in people(window) and not window.is_busy())
    window.entity_panel.merge_requested.emit("Svetlana Zemko", "Halyna Hutchins")
    qtbot.waitUntil(lambda: "Svetlana Zemko" not in people(window) and not window.is_busy())
    after = people(window)
    window.close()

    again = Library.open(tmp_path / "library", samples=False)
    for _ in again.import_paths([resource("articles")]):
        pass
    for _ in again.rebuild("a forced rebuild"):
        pass
    reopened = main_window(again, tmp_path / "s2.ini")
    search(qtbot, reopened, '"Svetlana Zemko"')
    open_row(qtbot, reopened, 0)
    assert people(reopened) == after
    listed = {row.name for row in again.entities() if row.label == "PERSON"}
    assert {"Gloria R. Allred", "Hutchins"} <= listed
    assert not {"Gloria Allred", "Svetlana Zemko"} & listed
