"""File → Export: the open article as a web page, the timeline as Markdown or CSV."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from reader.core.mentions import PERSON
from reader.core.present import export
from reader.gui import exporting, messages
from reader.gui.main_window import MainWindow
from tests.gui.conftest import WindowFactory, search, wait_for_article


def _save_as(monkeypatch: pytest.MonkeyPatch, path: Path, chosen_filter: str = "") -> None:
    """The user types `path` into the save dialog (and picks `chosen_filter`)."""
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(path), chosen_filter)
    )


def _open_first(qtbot: QtBot, window: MainWindow, query: str) -> None:
    search(qtbot, window, query)
    window.open_hit(window.search_panel.model.hit(0))
    wait_for_article(qtbot, window)


def test_the_open_article_is_saved_as_a_marked_web_page(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = main_window()
    assert not window.export_article_action.isEnabled()  # nothing open yet
    _open_first(qtbot, window, '"Gloria Allred"')
    _save_as(monkeypatch, tmp_path / "allred")
    window.export_article_action.trigger()
    qtbot.waitUntil(lambda: window.message.text().startswith("Saved"))
    page = (tmp_path / "allred.html").read_text("utf-8")
    assert f"<title>{window.article_view.article.title}" in page
    assert '<span class="person"' in page
    assert "<script" not in page
    assert window.message.text() == f"Saved allred.html in {tmp_path}."


def test_a_highlight_switched_off_stays_off_in_the_saved_page(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = main_window()
    _open_first(qtbot, window, '"Gloria Allred"')
    window.legend.boxes[PERSON].setChecked(False)
    _save_as(monkeypatch, tmp_path / "plain.html")
    window.export_article_action.trigger()
    qtbot.waitUntil(lambda: window.message.text().startswith("Saved"))
    page = (tmp_path / "plain.html").read_text("utf-8")
    assert '<span class="person"' not in page
    assert "Allred" in page


def test_a_page_that_cannot_be_saved_is_explained(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        messages, "show_error", lambda parent, message, details="": shown.append(message)
    )
    window = main_window()
    _open_first(qtbot, window, "Baldwin")
    (tmp_path / "taken.html").mkdir()
    _save_as(monkeypatch, tmp_path / "taken.html")
    window.export_article_action.trigger()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [
        f"taken.html could not be saved in {tmp_path}: a folder of that name is in the way."
    ]
    assert (tmp_path / "taken.html").is_dir()


def test_the_timeline_is_saved_for_a_spreadsheet(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = main_window()
    assert not window.export_timeline_action.isEnabled()  # not worked out until shown
    window.timeline_dock.toggleViewAction().trigger()
    qtbot.waitUntil(window.export_timeline_action.isEnabled, timeout=30_000)
    _save_as(monkeypatch, tmp_path / "events", "CSV for spreadsheets (*.csv)")
    window.export_timeline_action.trigger()
    qtbot.waitUntil(lambda: window.message.text().startswith("Saved"))
    rows = list(csv.DictReader(io.StringIO((tmp_path / "events.csv").read_text("utf-8"))))
    shown = sum(len(group.events) for group in window.timeline.model.groups)
    assert len(rows) == shown
    assert "2021-10-21" in {row["date"] for row in rows}
    assert window.message.text() == f"Saved events.csv in {tmp_path}."


def test_a_name_lengthened_by_its_suffix_is_not_replaced_without_asking(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answer = [False]
    monkeypatch.setattr(
        messages, "confirm_replace", lambda parent, path: asked.append(path) or answer[0]
    )
    (tmp_path / "report.html").write_text("the user's own report", "utf-8")
    window = main_window()
    _open_first(qtbot, window, "Baldwin")
    _save_as(monkeypatch, tmp_path / "report")  # the dialog only asked about "report"
    window.export_article_action.trigger()
    assert asked == [str(tmp_path / "report.html")]
    assert (tmp_path / "report.html").read_text("utf-8") == "the user's own report"
    answer[0] = True
    window.export_article_action.trigger()
    qtbot.waitUntil(lambda: window.message.text().startswith("Saved"))
    assert (tmp_path / "report.html").read_text("utf-8").startswith("<!DOCTYPE html>")


def test_a_long_title_still_gives_a_name_the_disk_takes(tmp_path: Path) -> None:
    title = "法院驳回了针对演员的过失杀人指控" * 8  # 128 characters, 384 bytes in UTF-8
    name = exporting.file_name(title, ".html")
    assert len(name.encode("utf-8")) <= 205
    export.save(tmp_path / name, "<p>page</p>")
    assert (tmp_path / name).read_text("utf-8") == "<p>page</p>"
    assert exporting.file_name('a/b: "c" <d>', ".md") == "a b c d.md"
