"""A merge, a split and a rename made in the entity panel survive a re-import and a rebuild."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
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


def test_entity_page_lists_every_article_and_opens_one_at_its_mention(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path
) -> None:
    library = Library.open(tmp_path / "library", samples=True)
    window = main_window(library)
    window.entity_panel.page_requested.emit("Halyna Hutchins", "PERSON")
    page = window.entity_page
    qtbot.waitUntil(lambda: page.page is not None and not window.is_busy())
    naming = {a.id for a in library.articles() if "Hutchins" in a.body}
    assert {seen.article_id for seen in page.page.appearances} == naming
    assert page.tree.topLevelItemCount() == len(naming)
    assert "Also written: " in page.heading.text()
    dated = [seen for seen in page.page.appearances if seen.date == "2021-10-21"]
    assert dated, "the sentence naming the day of the shooting carries its date"
    first = page.tree.topLevelItem(0).child(0)
    seen = first.data(0, Qt.ItemDataRole.UserRole + 1)
    page.tree.itemActivated.emit(first, 0)
    qtbot.waitUntil(
        lambda: (
            not window.is_busy()
            and window.article_view.article is not None
            and window.article_view.article.id == seen.article_id
        )
    )
    selected = window.article_view.textCursor().selectedText()
    assert seen.text in selected.replace("\u2029", " ")


def test_an_entity_s_timeline_holds_only_the_events_that_name_it(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "arrest.md").write_text(
        "# Two arrests in Eldora\n\nOriel Pashkov was arrested on March 3, 2022. The trial of "
        "Dana Wexley began on May 9, 2022, in the same court.\n",
        encoding="utf-8",
    )
    (folder / "plea.md").write_text(
        "# A plea in Eldora\n\nOriel Pashkov pleaded guilty on June 1, 2022.\n", encoding="utf-8"
    )
    library = Library.open(tmp_path / "library", samples=False)
    list(library.import_paths([folder]))
    window = main_window(library)
    window.entity_panel.page_requested.emit("Oriel Pashkov", "PERSON")
    page = window.entity_page
    qtbot.waitUntil(lambda: page.page is not None and not window.is_busy())

    page.on_timeline.click()

    timeline = window.timeline
    qtbot.waitUntil(
        lambda: not window.is_busy() and "naming Oriel Pashkov" in timeline.status.text(),
        timeout=20_000,
    )
    assert window.timeline_dock.isVisible()
    assert window.search_panel.query.text() == 'person:"Oriel Pashkov"'
    days = sorted(e.value for g in timeline.model.groups for e in g.events)
    assert days == ["2022-03-03", "2022-06-01"]  # not Dana Wexley's trial
    # Another search ends the focus: its timeline has every date of its articles.
    search(qtbot, window, "Pashkov")
    qtbot.waitUntil(lambda: "naming" not in timeline.status.text(), timeout=20_000)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=20_000)
    assert "2022-05-09" in {e.value for g in timeline.model.groups for e in g.events}
