"""The app during a two-phase import: searchable first, highlights filled in behind."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.core.library import Library
from reader.core.mentions import PERSON
from reader.gui.entities_model import NAME_ROLE
from tests.conftest import SEED_000
from tests.core.test_ocr_queue import SCAN
from tests.core.test_two_phase import write_articles
from tests.documents import scanned_pdf_bytes
from tests.gui.conftest import WindowFactory, search

pytestmark = pytest.mark.seeds


def people_in_panel(window) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = window.entity_panel.proxy
    for row in range(proxy.rowCount()):
        group = proxy.index(row, 0)
        if group.data().startswith("Person"):
            return [proxy.index(r, 0, group).data(NAME_ROLE) for r in range(proxy.rowCount(group))]
    return []


def test_an_article_opened_before_its_entities_gets_them_after(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path, seeds_dir: Path
) -> None:
    library = Library.open(tmp_path / "library", samples=False)
    # As `legal-reader index` leaves them: 40 other articles first, then the seeds, so the
    # model reaches the seeds some seconds after the window opens.
    write_articles(tmp_path / "other", 40)
    list(library.import_paths([tmp_path / "other"], entities=False))
    list(library.import_paths([seeds_dir], entities=False))
    assert library.pending_entities() == 42

    window = main_window(library)
    # The window finds the waiting entities by itself; the words are searchable meanwhile.
    assert window.filter_panel.waiting.isVisible()
    assert "articles wait for entities" in window.filter_panel.waiting.text()
    search(qtbot, window, "Hutchins")
    hit = next(h for h in window.search_panel.result.hits if h.path.name == SEED_000.name)
    window.open_hit(hit)
    qtbot.waitUntil(lambda: window.article_view.article is not None, timeout=10_000)
    assert "still being found" in window.message.text()
    assert PERSON not in {m.label for m in window.article_view.mentions}

    qtbot.waitUntil(lambda: not window.import_status.is_running(), timeout=180_000)
    qtbot.waitUntil(lambda: "Halyna Hutchins" in people_in_panel(window), timeout=10_000)
    assert PERSON in {m.label for m in window.article_view.mentions}
    assert not window.filter_panel.waiting.isVisible()
    assert library.pending_entities() == 0


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract reads scanned pages")
def test_a_scan_opened_while_its_ocr_waits_shows_its_text_when_read(
    qtbot: QtBot, main_window: WindowFactory, tmp_path: Path
) -> None:
    library = Library.open(tmp_path / "library", samples=False)
    write_articles(tmp_path / "other", 8)
    (tmp_path / "other" / "hearing-notice.pdf").write_bytes(scanned_pdf_bytes([SCAN] * 3))
    list(library.import_paths([tmp_path / "other"], entities=False))
    assert library.pending_scans() == 1

    window = main_window(library)
    qtbot.waitUntil(
        lambda: "1 of them is a scanned PDF" in window.filter_panel.waiting.text(), timeout=10_000
    )
    search(qtbot, window, "hearing-notice")
    hit = next(h for h in window.search_panel.result.hits if h.path.suffix == ".pdf")
    window.open_hit(hit)
    qtbot.waitUntil(lambda: window.article_view.article is not None, timeout=10_000)
    assert "being read by OCR" in window.message.text()
    assert "Quince" not in window.article_view.toPlainText()
    # After the other articles' entities, the status bar says what runs: the OCR.
    qtbot.waitUntil(
        lambda: "Reading scanned pages (OCR): 1 PDF to go" in window.import_status.label.text(),
        timeout=120_000,
    )

    qtbot.waitUntil(lambda: not window.import_status.is_running(), timeout=120_000)
    qtbot.waitUntil(lambda: "Quince" in window.article_view.toPlainText(), timeout=10_000)
    assert "Text read by OCR" in window.article_view.toPlainText()
    assert "Bartholomew Quince" in people_in_panel(window)
