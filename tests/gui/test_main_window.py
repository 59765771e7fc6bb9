"""The main window: title, search as you type, keyboard flow, remembered state."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.present import render
from reader.gui.app import app_icon
from tests.gui.conftest import WindowFactory, search, wait_for_article


def test_window_is_titled_and_search_field_has_focus(main_window: WindowFactory) -> None:
    window = main_window()
    assert window.windowTitle() == "Legal Case Reader"
    assert QApplication.focusWidget() is window.search_panel.query


def test_empty_query_lists_the_library(main_window: WindowFactory) -> None:
    window = main_window()
    assert window.search_panel.model.rowCount() == 6
    assert "6 articles" in window.search_panel.status.text()


def test_typing_lists_hits_with_count(qtbot: QtBot, main_window: WindowFactory) -> None:
    window = main_window()
    search(qtbot, window, "Allred")
    rows = window.search_panel.model.rowCount()
    assert rows >= 2
    assert f"{rows} hits" in window.search_panel.status.text()
    titles = [window.search_panel.model.hit(r).title for r in range(rows)]
    assert any("Allred" in t for t in titles)


def test_misspelling_offers_did_you_mean(qtbot: QtBot, main_window: WindowFactory) -> None:
    window = main_window()
    search(qtbot, window, "Baldwn")
    assert "did you mean" in window.search_panel.status.text()
    assert "baldwin" in window.search_panel.status.text().lower()


def test_down_and_enter_open_the_second_hit(qtbot: QtBot, main_window: WindowFactory) -> None:
    window = main_window()
    search(qtbot, window, "Baldwin")
    second = window.search_panel.model.hit(1)
    qtbot.keyClick(window.search_panel.query, Qt.Key.Key_Down)
    qtbot.keyClick(window.search_panel.query, Qt.Key.Key_Return)
    wait_for_article(qtbot, window)
    assert window.article_view.article is not None
    assert window.article_view.article.id == second.article_id
    assert second.title in window.article_view.toPlainText()
    assert window.entity_panel.model.rowCount() > 0


def test_escape_clears_the_query(qtbot: QtBot, main_window: WindowFactory) -> None:
    window = main_window()
    search(qtbot, window, "Baldwin")
    qtbot.keyClick(window.search_panel.query, Qt.Key.Key_Escape)
    assert window.search_panel.query.text() == ""


def test_ctrl_l_and_ctrl_k_focus_the_search(qtbot: QtBot, main_window: WindowFactory) -> None:
    window = main_window()
    for key in (Qt.Key.Key_L, Qt.Key.Key_K):
        window.article_view.setFocus()
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.article_view)
        qtbot.keyClick(window.article_view, key, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is window.search_panel.query


def test_last_query_is_remembered(qtbot: QtBot, main_window: WindowFactory, tmp_path: Path) -> None:
    state = tmp_path / "remember.ini"
    first = main_window(state=state)
    search(qtbot, first, "Hutchins")
    first.close()
    second = main_window(state=state)
    assert second.search_panel.query.text() == "Hutchins"


def test_exact_dates_stay_ticked_next_time(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path
) -> None:
    state = tmp_path / "remember.ini"
    first = main_window(state=state)
    first.filter_panel.exact_dates.setChecked(True)
    first.close()
    second = main_window(state=state)
    assert second.filter_panel.exact_dates.isChecked()
    search(qtbot, second, "2021")
    assert second.search_panel.filters.exact_dates  # and the search uses it


def test_an_open_timeline_is_open_again_next_time(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path
) -> None:
    state = tmp_path / "remember.ini"
    first = main_window(state=state)
    assert not first.timeline_dock.isVisible()
    qtbot.keyClick(first, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(first.timeline_dock.isVisible)
    first.close()
    second = main_window(state=state)
    qtbot.waitUntil(second.timeline_dock.isVisible)
    second.timeline_dock.hide()
    second.close()
    assert not main_window(state=state).timeline_dock.isVisible()


def test_words_a_fuzzy_search_found_are_marked_in_the_article(
    qtbot: QtBot, main_window: WindowFactory
) -> None:
    window = main_window()
    search(qtbot, window, "Allrid~1")
    assert window.search_panel.model.rowCount() >= 1
    qtbot.keyClick(window.search_panel.query, Qt.Key.Key_Return)
    wait_for_article(qtbot, window)
    view = window.article_view
    assert view.article is not None
    assert "allred" in view.query_terms
    marked = render.query_spans_positions(view.article.body, view.query_terms)
    assert "Allred" in [view.article.body[start:end] for start, end in marked]


def test_an_older_searchs_found_words_are_not_marked_in_the_article(
    qtbot: QtBot, main_window: WindowFactory
) -> None:
    window = main_window()
    search(qtbot, window, "Allrid~1")
    hit = window.search_panel.model.hit(0)
    # The user has typed a new query whose results have not arrived yet.
    window.search_panel.query.setText("Hutchins")
    window.open_hit(hit)
    wait_for_article(qtbot, window)
    assert "Hutchins" in window.article_view.query_terms
    assert "allred" not in window.article_view.query_terms


def test_the_app_has_an_icon_that_draws(qtbot: QtBot) -> None:
    image = app_icon().pixmap(64, 64).toImage()
    assert not image.isNull()
    # The page is drawn, and so is at least one coloured highlight (the person pink).
    colours = {image.pixelColor(x, y).name() for x in range(64) for y in range(64)}
    assert "#fbfaf7" in colours
    assert "#f5a3bb" in colours
