"""The user's own work in the app: tags on several results, a star, a marked passage with its
note, a saved search; all found again after the app is closed and the index rebuilt."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QInputDialog
from pytestqt.qtbot import QtBot

from reader.core.library import Library
from reader.gui.main_window import MainWindow
from reader.gui.mark_dialog import MarkDialog
from tests.gui.conftest import WindowFactory, search


def answer(text: str, colour: str = "yellow") -> None:
    """Fill in and accept the next dialog the app opens (a tag, a name, or a mark's note)."""

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QInputDialog):
            dialog.setTextValue(text)
            dialog.accept()
        elif isinstance(dialog, MarkDialog):
            dialog.note.setPlainText(text)
            dialog.colour.setCurrentText(colour)
            dialog.accept()
        else:
            QTimer.singleShot(50, fill)

    QTimer.singleShot(50, fill)


def open_row(qtbot: QtBot, window: MainWindow, row: int) -> None:
    panel = window.search_panel
    hit = panel.model.hit(row)
    panel.results.setCurrentIndex(panel.model.index(row, 0))
    panel.hit_activated.emit(hit)
    qtbot.waitUntil(
        lambda: (
            not window.is_busy()
            and window.article_view.article is not None
            and window.article_view.article.id == hit.article_id
        )
    )


def select_words(window: MainWindow, words: str) -> None:
    view = window.article_view
    at = view.document().toPlainText().index(words)
    cursor = QTextCursor(view.document())
    cursor.setPosition(at)
    cursor.setPosition(at + len(words), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def test_tags_stars_marks_and_saved_searches_survive_reopening_and_a_rebuild(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path
) -> None:
    library = Library.open(tmp_path / "library", samples=True)
    window = main_window(library)
    search(qtbot, window, "Baldwin")
    panel = window.search_panel
    assert panel.model.rowCount() >= 3
    tagged = {panel.model.hit(r).article_id for r in range(3)}
    panel.results.setCurrentIndex(panel.model.index(0, 0))
    for row in (1, 2):
        panel.results.selectionModel().select(
            panel.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
        )
    answer("witness")
    window.casework.tag_selected()
    assert window.message.text() == "Tagged 3 articles #witness."
    qtbot.waitUntil(lambda: not window.is_busy())
    tags = {g: dict(v) for g, v in panel.result.facets.items()}.get("tag", {})
    assert tags == {"witness": 3}  # counted under "Narrow by"

    open_row(qtbot, window, 0)
    starred = window.article_view.article.id
    window.article_bar.star.click()
    assert window.article_bar.star.text() == "★ Starred"
    select_words(window, "Baldwin")
    answer("Check against the docket", "green")
    window.casework.mark_selection()
    assert [n.note for n in window.notes_panel.notes] == ["Check against the docket"]
    assert window.notes_panel.notes[0].text == "Baldwin"
    answer("Baldwin coverage")
    window.casework.saved.save_search()
    qtbot.waitUntil(lambda: window.saved_panel.list.count() == 1 and not window.is_busy())
    qtbot.waitUntil(lambda: "Baldwin coverage" in window.saved_panel.list.item(0).text())
    assert "new" not in window.saved_panel.list.item(0).text()  # seen as it was saved
    window.close()

    reopened = Library.open(tmp_path / "library", samples=False)
    for _ in reopened.rebuild("a forced rebuild"):
        pass
    again = main_window(reopened, tmp_path / "s2.ini")
    search(qtbot, again, "tag:witness")
    assert {hit.article_id for hit in again.search_panel.model.hits()} == tagged
    search(qtbot, again, "starred:yes")
    assert [hit.article_id for hit in again.search_panel.model.hits()] == [starred]
    open_row(qtbot, again, 0)
    assert again.article_bar.star.isChecked()
    assert "#witness" in again.article_bar.tags.text()
    assert [n.note for n in again.notes_panel.notes] == ["Check against the docket"]
    assert again.article_view.select_span(
        again.notes_panel.notes[0].start, again.notes_panel.notes[0].end
    )
    assert again.article_view.textCursor().selectedText() == "Baldwin"
    qtbot.waitUntil(lambda: "Baldwin coverage" in again.saved_panel.list.item(0).text())
    assert "hits" in again.saved_panel.list.item(0).text()


def test_a_new_article_shows_as_new_in_its_saved_search(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path
) -> None:
    library = Library.open(tmp_path / "library", samples=True)
    window = main_window(library)
    search(qtbot, window, "Allred")
    answer("Allred")
    window.casework.saved.save_search()
    qtbot.waitUntil(lambda: "Allred" in window.saved_panel.list.item(0).text())
    qtbot.waitUntil(lambda: not window.is_busy())
    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "hearing.md").write_text(
        "# Allred speaks after the hearing\n\nGloria Allred spoke to reporters on the steps.\n",
        "utf-8",
    )
    window.import_paths([folder])
    qtbot.waitUntil(lambda: "1 new" in window.saved_panel.list.item(0).text(), timeout=60_000)
    window.saved_panel.open_requested.emit("Allred")
    qtbot.waitUntil(lambda: "1 new" in window.message.text() and not window.is_busy())
    qtbot.waitUntil(lambda: "new" not in window.saved_panel.list.item(0).text())


def test_a_tag_ticked_under_narrow_by_keeps_only_its_articles(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path
) -> None:
    library = Library.open(tmp_path / "library", samples=True)
    first = library.articles()[0]
    library.workspace.tag(first.id, str(first.path), "exhibit")
    window = main_window(library)
    search(qtbot, window, "")
    tree = window.filter_panel.tree
    group = tree.topLevelItem(0)
    assert group.text(0) == "Tags"
    assert (group.child(0).text(0), group.child(0).text(1)) == ("exhibit", "1")
    group.child(0).setCheckState(0, group.child(0).checkState(0).Checked)
    qtbot.waitUntil(lambda: not window.is_busy() and window.search_panel.model.rowCount() == 1)
    assert window.search_panel.model.hit(0).article_id == first.id


def test_a_note_on_a_dated_sentence_shows_in_the_timeline(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path
) -> None:
    library = Library.open(tmp_path / "library", samples=True)
    window = main_window(library)
    search(qtbot, window, '"October 21, 2021"')
    open_row(qtbot, window, 0)
    select_words(window, "October 21, 2021")
    answer("The day of the shooting")
    window.casework.mark_selection()
    window.timeline_dock.show()
    window.timeline.refresh()
    qtbot.waitUntil(lambda: not window.timeline.is_busy() and window.timeline.model.rowCount() > 0)
    model = window.timeline.model
    texts = [
        model.item(r).child(c).text()
        for r in range(model.rowCount())
        for c in range(model.item(r).rowCount())
    ]
    noted = [t for t in texts if t.startswith("✎")]
    assert len(noted) == 1
    assert "[The day of the shooting]" in noted[0]


def test_searches_whose_results_were_opened_are_listed_as_recent(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path
) -> None:
    library = Library.open(tmp_path / "library", samples=True)
    window = main_window(library)
    for text in ("Allred", "Baldwin", "Allred"):
        search(qtbot, window, text)
        open_row(qtbot, window, 0)
    search(qtbot, window, "Torrez")  # typed, never opened: not kept
    window.casework.recent.aboutToShow.emit()
    entries = [action.text() for action in window.casework.recent.actions()]
    assert entries == ["Allred", "Baldwin"]
    window.casework.recent.actions()[1].trigger()
    assert window.search_panel.query.text() == "Baldwin"


def test_opening_a_saved_search_restores_its_filters(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path
) -> None:
    library = Library.open(tmp_path / "library", samples=True)
    first = library.articles()[0]
    library.workspace.tag(first.id, str(first.path), "exhibit")
    window = main_window(library)
    search(qtbot, window, "")
    tags = window.filter_panel.tree.topLevelItem(0)
    tags.child(0).setCheckState(0, tags.child(0).checkState(0).Checked)
    qtbot.waitUntil(lambda: not window.is_busy() and window.search_panel.model.rowCount() == 1)
    answer("Exhibits")
    window.casework.saved.save_search()
    qtbot.waitUntil(lambda: "Exhibits" in window.saved_panel.list.item(0).text())
    window.filter_panel.apply(None)
    window.search_panel.set_filters(window.filter_panel.filters())
    qtbot.waitUntil(lambda: not window.is_busy() and window.search_panel.model.rowCount() > 1)
    window.saved_panel.open_requested.emit("Exhibits")
    qtbot.waitUntil(lambda: not window.is_busy() and window.search_panel.model.rowCount() == 1)
    assert window.filter_panel.checked["tag"] == {"exhibit"}
    assert window.search_panel.model.hit(0).article_id == first.id
    tick = window.filter_panel.tree.topLevelItem(0).child(0)
    assert tick.checkState(0) == tick.checkState(0).Checked  # shown ticked, not only applied
