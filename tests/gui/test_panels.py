"""Filters, imports, models and corrections as the user meets them in the window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from reader.core.index import Filters
from reader.core.library import Library
from reader.gui import messages
from reader.gui.import_status import ImportStatus
from reader.gui.results_delegate import _shorten
from reader.gui.results_model import ResultsModel
from tests.gui.conftest import WindowFactory, search


def test_results_model_is_a_valid_model(qtmodeltester, sample_library: Library) -> None:  # type: ignore[no-untyped-def]
    model = ResultsModel()
    model.set_hits(sample_library.search("Baldwin").hits)
    qtmodeltester.check(model)


def _facet(tree: QTreeWidget, group: str, name: str) -> QTreeWidgetItem:
    """The "Narrow by" entry `name` under `group` ("People", "Places"…)."""
    top = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).text(0) == group
    )
    return next(top.child(i) for i in range(top.childCount()) if top.child(i).text(0) == name)


def test_ticking_a_person_narrows_the_results(qtbot: QtBot, main_window: WindowFactory) -> None:
    window = main_window()
    search(qtbot, window, "Baldwin")
    before = window.search_panel.model.rowCount()
    item = _facet(window.filter_panel.tree, "People", "Gloria Allred")
    expected = int(item.text(1))
    item.setCheckState(0, item.checkState(0).Checked)
    qtbot.waitUntil(
        lambda: not window.is_busy() and window.search_panel.model.rowCount() == expected
    )
    assert expected < before


def test_the_librarys_people_can_be_ticked_before_anything_is_typed(
    qtbot: QtBot, main_window: WindowFactory
) -> None:
    window = main_window()
    tree = window.filter_panel.tree
    qtbot.waitUntil(lambda: tree.topLevelItemCount() > 0)
    item = _facet(tree, "People", "Joel Souza")
    item.setCheckState(0, item.checkState(0).Checked)
    qtbot.waitUntil(lambda: not window.is_busy() and window.search_panel.model.rowCount() == 1)
    assert window.search_panel.model.hit(0).title.startswith("Cinematographer killed")


def test_a_written_date_narrows_the_results_by_publication(
    qtbot: QtBot, main_window: WindowFactory, sample_library: Library
) -> None:
    window = main_window()
    search(qtbot, window, "Baldwin")
    before = window.search_panel.model.rowCount()
    expected = sample_library.search("Baldwin", filters=Filters(published_from="2024-12")).total
    qtbot.keyClicks(window.filter_panel.date_from, "December 2024")
    qtbot.waitUntil(
        lambda: not window.is_busy() and window.search_panel.model.rowCount() == expected
    )
    assert 0 < expected < before
    assert window.filter_panel.note.text() == "Published December 2024 or later."
    assert all(hit.published >= "2024-12" for hit in window.search_panel.result.hits)
    qtbot.keyClicks(window.filter_panel.date_to, "soon")
    qtbot.waitUntil(lambda: window.filter_panel.note.text().startswith("“soon” is not a date."))


def test_import_reports_unreadable_files_once(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, list[str]]] = []
    monkeypatch.setattr(
        messages,
        "show_problems",
        lambda parent, summary, problems: shown.append((summary, problems)),
    )
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "good.md").write_text("# Torrez speaks\n\nRaul Torrez spoke in Santa Fe.\n")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    window = main_window(Library.open(tmp_path / "library", samples=False))
    with qtbot.waitSignal(window.import_status.finished, timeout=60_000):
        window.import_paths([folder])
    assert "1 added" in window.message.text()
    assert len(shown) == 1
    assert "broken.txt" in shown[0][1][0]
    qtbot.waitUntil(lambda: not window.is_busy())
    assert window.search_panel.model.rowCount() == 1


def test_cancel_stops_the_import_and_says_so(
    qtbot: QtBot, tmp_path: Path, sample_dir: Path
) -> None:
    status = ImportStatus(Library.open(tmp_path / "library", samples=False))
    qtbot.addWidget(status)
    with qtbot.waitSignal(status.searchable, timeout=60_000) as blocker:
        status.start_import([sample_dir])
        status.cancel_import()
    assert blocker.args[0].startswith("Import cancelled")
    qtbot.waitUntil(lambda: not status.isVisible(), timeout=10_000)


def test_import_while_another_runs_is_refused_in_words(
    qtbot: QtBot, tmp_path: Path, sample_dir: Path
) -> None:
    library = Library.open(tmp_path / "library", samples=False, extractor=lambda article: [])
    first = library.import_paths([sample_dir])
    next(first)  # holds the write lock while it is open
    status = ImportStatus(library)
    qtbot.addWidget(status)
    with qtbot.waitSignal(status.failed, timeout=10_000) as blocker:
        status.start_import([sample_dir])
    first.close()
    assert "already running" in blocker.args[0]


def test_a_shortened_snippet_ends_with_one_ellipsis() -> None:
    snippet = "when <b>Baldwin</b>, serving … " + "the next passage goes on and on " * 10
    limit = len("when Baldwin, serving … t")
    shown = _shorten(snippet, limit)
    assert shown.endswith("serving …")
    assert "… …" not in shown


def test_a_weaker_date_match_is_marked_and_exact_dates_leave_it_out(
    qtbot: QtBot, main_window: WindowFactory
) -> None:
    window = main_window()
    search(qtbot, window, "December 24, 2024")
    model = window.search_panel.model
    assert model.rowCount() == 3
    assert model.hit(0).date_note is None
    assert model.hit(1).date_note == "published December 2024"
    view = window.search_panel.results
    option = QStyleOptionViewItem()
    option.initFrom(view)
    card = view.itemDelegate()._document(option, model.index(1, 0)).toHtml()  # type: ignore[attr-defined]
    assert "font-style:italic" in card.replace(" ", "")
    assert "published December 2024 —" in card
    window.filter_panel.exact_dates.setChecked(True)
    qtbot.waitUntil(lambda: not window.is_busy() and model.rowCount() == 1)
    assert model.hit(0).date_note is None
