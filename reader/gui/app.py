"""The desktop app: QApplication, stylesheet, logging, the last-resort error hook, main()."""

from __future__ import annotations

import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from reader.core import resources
from reader.core.errors import ReaderError
from reader.core.library import AppPaths, Library, sample_articles
from reader.gui import messages
from reader.gui.main_window import MainWindow
from reader.gui.window_state import WindowState

log = logging.getLogger(__name__)


# Let the first search and article open go first; the full check reads the whole index.
CHECK_DELAY_MS = 3000


def stylesheet() -> str:
    """Return the resources/stylesheets/*.qss files joined in name order."""
    folder = resources.resource("stylesheets")
    if not folder.is_dir():
        return ""
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.qss")))


def setup_logging(library: Path) -> Path:
    """Log warnings and errors to <library>/reader.log; return its path."""
    library.mkdir(parents=True, exist_ok=True)
    log_file = library / "reader.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return log_file


def install_excepthook(log_file: Path) -> None:
    """Log unexpected exceptions and tell the user in one sentence, never with a traceback."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("Unexpected error:\n%s", details)
        if isinstance(error, ReaderError):
            message = str(error)
        else:
            message = f"Something unexpected went wrong. The details are in {log_file}."
        if QApplication.instance() is not None:
            messages.show_error(None, message, details)

    sys.excepthook = hook


def open_library(root: Path) -> tuple[Library, bool]:
    """Open the library quickly (samples are imported later, in the background)."""
    library = Library.open(root, samples=False)
    # Until the samples are committed once; a library emptied on purpose stays empty.
    return library, library.samples_pending()


def app_icon() -> QIcon:
    """The window and taskbar icon: a page whose lines carry the entity highlights."""
    return QIcon(str(resources.resource("icons", "legal-case-reader.svg")))


def main(library: Path | None = None) -> int:
    """Start the desktop app on `library` (default: the per-user library); return exit code."""
    paths = AppPaths.default()
    root = library or paths.library
    if QApplication.instance() is None:
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Legal Case Reader")
    app.setOrganizationName("LegalCaseReader")
    app.setWindowIcon(app_icon())
    try:
        log_file = setup_logging(root)
        install_excepthook(log_file)
        opened, is_new = open_library(root)
    except (ReaderError, OSError) as error:
        messages.show_error(None, str(error))
        return 1
    app.setStyleSheet(stylesheet())
    window = MainWindow(opened, WindowState(root / "window-state.ini"))
    window.show()
    if is_new:
        window.show_message("Adding the sample articles to your new library…")
        QTimer.singleShot(0, lambda: window.import_paths([sample_articles()]))
    elif opened.repaired:
        window.show_message(opened.repaired)
        window.watching.catch_up()
    else:
        # Opening checked file sizes only; read everything once the window is up.
        QTimer.singleShot(CHECK_DELAY_MS, window.check_library)
    return app.exec()
