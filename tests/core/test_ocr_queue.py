"""Scanned PDF pages are read by OCR after the import, in its second phase, not during it."""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from reader.core.library import Library, progress
from reader.core.present import render
from tests.core.test_two_phase import start_filling
from tests.documents import pdf_bytes, scanned_pdf_bytes

pytestmark = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="tesseract reads scanned pages"
)

SCAN = [
    "NOTICE OF HEARING",
    "The motion of Bartholomew Quince",
    "will be heard on March 3, 2022.",
]


def folder_with_a_scan(tmp_path: Path, scan_pages: int = 1) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "order.pdf").write_bytes(
        pdf_bytes([["ORDER GRANTING STAY", "The court grants the stay sought by Halvorsen."]])
    )
    (folder / "notice.pdf").write_bytes(scanned_pdf_bytes([SCAN] * scan_pages))
    (folder / "story.txt").write_text(
        "Stay granted\n\nA judge granted the stay Halvorsen asked for.\n", encoding="utf-8"
    )
    return folder


def test_a_scan_is_in_the_library_at_once_and_its_text_comes_in_phase_two(
    tmp_path: Path,
) -> None:
    library = Library.open(tmp_path / "lib", samples=False)

    steps = list(library.import_paths([folder_with_a_scan(tmp_path)], entities=False))

    assert sorted(s.status for s in steps) == ["added"] * 3
    assert len(library.search("Halvorsen").hits) == 2  # the text is searchable at once
    assert library.search("Quince").hits == []  # the scan is not read yet
    waiting = library.find_by_path(tmp_path / "in" / "notice.pdf")
    assert waiting.ocr_waiting == (1,)
    assert waiting.ocr_pages == ()
    assert library.is_pending(waiting.id)
    assert library.pending_scans() == 1
    assert any("being read by OCR" in fact for fact in render.reading_facts(waiting))

    filled = list(library.fill_entities())

    # The text articles' entities first, the scan last, with its own status.
    assert [s.status for s in filled] == [progress.ENTITIES, progress.ENTITIES, progress.OCR]
    assert filled[-1].path.name == "notice.pdf"
    assert [h.path.name for h in library.search("Quince").hits] == ["notice.pdf"]
    read = library.find_by_path(tmp_path / "in" / "notice.pdf")
    assert read.id == waiting.id
    assert read.ocr_pages == (1,)
    assert read.ocr_waiting == ()
    assert read.title == "NOTICE OF HEARING"
    assert not library.is_pending(read.id)
    assert library.pending_scans() == 0
    assert any("Text read by OCR" in fact for fact in render.reading_facts(read))
    people = {m.text for m in library.mentions(read) if m.label == "PERSON"}
    assert "Bartholomew Quince" in people
    assert len(library.search("March 3, 2022").hits) == 1  # the scan's date, found by OCR


def test_a_stop_during_ocr_leaves_the_scan_waiting_and_the_next_run_reads_it(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notice.pdf").write_bytes(scanned_pdf_bytes([SCAN] * 6))
    library = Library.open(tmp_path / "lib", samples=False)
    list(library.import_paths([folder], entities=False))
    asked: list[float] = []

    def stop() -> bool:
        """No at the start; yes the first time it is asked while the OCR runs."""
        asked.append(time.monotonic())
        return len(asked) > 1

    filled = list(library.fill_entities(stop))

    assert filled == []
    assert len(asked) == 2  # asked during the OCR, which six pages make last seconds
    assert library.pending_scans() == 1
    assert library.search("Quince").hits == []

    again = list(library.fill_entities())

    assert [s.status for s in again] == [progress.OCR]
    assert len(library.search("Quince").hits) == 1
    assert library.find_by_path(folder / "notice.pdf").ocr_pages == tuple(range(1, 7))


def test_a_scan_whose_copy_is_gone_says_so_instead_of_waiting_for_ever(tmp_path: Path) -> None:
    library = Library.open(tmp_path / "lib", samples=False)
    folder = folder_with_a_scan(tmp_path)
    list(library.import_paths([folder], entities=False))
    for copy in library.store_dir.rglob("*.pdf"):
        copy.unlink()
    (folder / "notice.pdf").write_bytes(b"changed since")

    list(library.fill_entities())

    article = library.find_by_path(folder / "notice.pdf")
    assert library.pending_scans() == 0
    assert article.ocr_waiting == ()
    assert any("copy of the file is missing" in note for note in article.notes)


def test_a_kill_during_ocr_resumes_it_and_keeps_the_scans_read_before(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "first.pdf").write_bytes(scanned_pdf_bytes([SCAN]))
    second = ["MINUTE ORDER", "Counsel for Ingrid Vasquez-Thorne appeared.", "So ordered."]
    (folder / "second.pdf").write_bytes(scanned_pdf_bytes([second] * 6))
    library = Library.open(tmp_path / "lib", samples=False)
    list(library.import_paths([folder], entities=False))
    child = start_filling(tmp_path / "lib")
    assert child.stdout is not None
    first_line = child.stdout.readline()  # the first scan is read and committed
    os.killpg(child.pid, signal.SIGKILL)  # the second's six pages are being read
    child.wait()
    assert first_line.split() == ["1", "1"]

    reopened = Library.open(tmp_path / "lib", samples=False)
    assert reopened.pending_scans() == 1
    assert len(reopened.search("Quince").hits) == 1
    assert reopened.search("Vasquez").hits == []
    assert [s.status for s in reopened.fill_entities()] == [progress.OCR]
    assert len(reopened.search("Vasquez").hits) == 1
    assert reopened.pending_entities() == 0


@pytest.mark.slow
def test_a_long_scan_is_read_whole_in_the_background() -> None:
    """Beyond what an import reads inline (pdf.INLINE: 60 pages): every page, in phase 2."""
    import tempfile

    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "in"
        folder.mkdir()
        pages = [
            [f"EXHIBIT PAGE {n}", f"Witness number {n} was Oberon Castellane."] for n in range(80)
        ]
        (folder / "exhibits.pdf").write_bytes(scanned_pdf_bytes(pages, dpi=150))
        library = Library.open(Path(work) / "lib", samples=False)
        list(library.import_paths([folder], entities=False))

        assert [s.status for s in library.fill_entities()] == [progress.OCR]

        article = library.find_by_path(folder / "exhibits.pdf")
        assert article.ocr_pages == tuple(range(1, 81))
        assert not article.notes
        assert len(library.search('"EXHIBIT PAGE 79"').hits) == 1
