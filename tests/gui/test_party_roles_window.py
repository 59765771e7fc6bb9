"""Parties with their roles in the entity panel and in Narrow by, in the real window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from reader.core.library import Library
from reader.gui.entities_model import LABEL_ROLE, NAME_ROLE, PARTIES
from tests.core.test_party_roles import CAPTION, DOCKET, OPINION
from tests.gui.conftest import WindowFactory, search, wait_for_article


def _rows(window, group: QModelIndex) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = window.entity_panel.proxy
    return [proxy.index(r, 0, group).data() for r in range(proxy.rowCount(group))]


def _group(window, label: str) -> QModelIndex:  # type: ignore[no-untyped-def]
    proxy = window.entity_panel.proxy
    return next(
        proxy.index(r, 0)
        for r in range(proxy.rowCount())
        if proxy.index(r, 0).data(LABEL_ROLE) == label
    )


def _open(qtbot: QtBot, window, query: str, name: str) -> None:  # type: ignore[no-untyped-def]
    search(qtbot, window, query)
    model = window.search_panel.model
    row = next(r for r in range(model.rowCount()) if model.hit(r).path.name == name)
    window.search_panel.results.setCurrentIndex(model.index(row, 0))
    qtbot.keyClick(window.search_panel.query, Qt.Key.Key_Return)
    wait_for_article(qtbot, window)


def _library(tmp_path: Path) -> Library:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, text in (("docket.html", DOCKET), ("appeal.txt", CAPTION), ("op.txt", OPINION)):
        (folder / name).write_text(text, "utf-8")
    library = Library.open(tmp_path / "lib", samples=False)
    list(library.import_paths([folder]))
    return library


def test_entity_panel_lists_parties_counsel_and_judge_with_their_roles(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path
) -> None:
    window = main_window(_library(tmp_path))
    _open(qtbot, window, "Quillon", "docket.html")
    parties = _group(window, PARTIES)
    assert parties.row() == 0  # what a reader of a docket looks for first
    rows = _rows(window, parties)
    assert rows == [
        "Quillon Bakery Supplies, Inc. — debtor",
        "Office of the Trustee Nowhere — u.s. trustee",
        "Rosalind Q. Abernathy — judge",
    ]
    # Counsel are listed under the party they appear for, with their firm
    proxy = window.entity_panel.proxy
    debtor = proxy.index(0, 0, parties)
    assert _rows(window, debtor) == [
        "Tamsin R. Okafor — attorney, Okafor & Vance LLP",
        "Pieter Lindqvist — attorney",
    ]
    tip = proxy.index(0, 0, debtor).data(Qt.ItemDataRole.ToolTipRole)
    assert "attorney for Quillon Bakery Supplies, Inc." in tip
    people = _rows(window, _group(window, "PERSON"))
    assert "Marisol Ebbing — attorney" in people
    assert "Rosalind Q. Abernathy — judge" in people
    assert not {"Okafor", "Vance", "Lakeside"} & set(people)
    # Clicking counsel selects their mentions, as their entity row does
    okafor = proxy.index(0, 0, debtor)
    assert okafor.data(NAME_ROLE) == "Tamsin R. Okafor"
    with qtbot.waitSignal(window.entity_panel.entity_chosen) as chosen:
        window.entity_panel.tree.clicked.emit(okafor)
    assert chosen.args == ["Tamsin R. Okafor", "PERSON"]
    assert "Tamsin R. Okafor" in window.article_view.textCursor().selectedText()


def test_opinion_and_caption_roles_show_and_narrow_by_reads_them(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path
) -> None:
    window = main_window(_library(tmp_path))
    _open(qtbot, window, "harbour pilot", "op.txt")
    rows = _rows(window, _group(window, PARTIES))
    assert "Okonkwo — opinion author" in rows
    assert "Farringdon — dissenting" in rows
    assert "MARGARET ELLWOOD — petitioner" in rows
    people = _rows(window, _group(window, "PERSON"))
    assert "Okonkwo — opinion author" in people

    search(qtbot, window, "Acme OR Quillon")
    tree = window.filter_panel.tree
    shown = {
        tree.topLevelItem(i).child(c).text(0): tree.topLevelItem(i).child(c)
        for i in range(tree.topLevelItemCount())
        for c in range(tree.topLevelItem(i).childCount())
    }
    assert "Marisol Ebbing — attorney" in shown
    ebbing = shown["Marisol Ebbing — attorney"]
    ebbing.setCheckState(0, Qt.CheckState.Checked)
    # The filter is the name, not the name with its role
    assert window.filter_panel.filters().people == ("Marisol Ebbing",)
    qtbot.waitUntil(lambda: not window.is_busy() and window.search_panel.model.rowCount() == 1)
    assert window.search_panel.model.hit(0).path.name == "docket.html"
