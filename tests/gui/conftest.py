"""GUI fixtures: a sample library built once, and a main_window factory that closes windows."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from reader.core.library import Library
from reader.gui.main_window import MainWindow
from reader.gui.window_state import WindowState

WindowFactory = Callable[..., MainWindow]
# The offscreen platform cannot pass size hints to a window that does not exist; this is a
# limitation of the test platform, not of the app (it does not happen under X11).
OFFSCREEN_ONLY = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Ignore the offscreen platform's own size-hint warning in the GUI tests."""
    for item in items:
        if "tests/gui/" in str(item.path).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_ONLY))


@pytest.fixture(scope="session")
def sample_library(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """A library holding the sample articles, with their entities extracted (built once)."""
    return Library.open(tmp_path_factory.mktemp("samples") / "library", samples=True)


@pytest.fixture
def main_window(qtbot: QtBot, tmp_path: Path, sample_library: Library) -> Iterator[WindowFactory]:
    """Build shown MainWindows (on the sample library unless told) and close them afterwards."""
    windows: list[MainWindow] = []

    def make(library: Library | None = None, state: Path | None = None) -> MainWindow:
        window = MainWindow(library or sample_library, WindowState(state or tmp_path / "s.ini"))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.isVisible():
            window.close()


def search(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Type `text` into the search field and wait for its results."""
    window.search_panel.query.clear()
    qtbot.keyClicks(window.search_panel.query, text)
    qtbot.waitUntil(
        lambda: (
            window.search_panel.result is not None
            and window.search_panel.result.query == text
            and not window.is_busy()
        ),
        timeout=10_000,
    )


def wait_for_article(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the article requested last is shown."""
    qtbot.waitUntil(lambda: not window.is_busy() and window.article_view.article is not None)
