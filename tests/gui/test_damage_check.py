"""The app reads the whole index in the background and rebuilds it if a file was altered."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from reader.core.library import Library, integrity
from tests.gui.conftest import WindowFactory, search


def test_a_flipped_byte_is_found_and_the_index_rebuilt(
    qtbot: QtBot, tmp_path: Path, main_window: WindowFactory, sample_dir: Path
) -> None:
    library = Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])
    list(library.import_paths([sample_dir]))
    count = library.article_count()
    biggest = max(integrity.index_files(library.index_dir), key=lambda p: p.stat().st_size)
    data = bytearray(biggest.read_bytes())
    data[len(data) // 2] ^= 0xFF
    biggest.write_bytes(bytes(data))

    window = main_window(library)
    with qtbot.waitSignal(window.import_status.finished, timeout=30_000):
        window.check_library()
    assert "rebuilt from the library's copies" in window.message.text()
    assert library.verify() == []
    assert library.article_count() == count
    search(qtbot, window, "Baldwin")
    assert window.search_panel.result is not None
    assert window.search_panel.result.total >= 4
