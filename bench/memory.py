"""Cold start, idle memory and article-open time (each in a fresh process; one JSON line).

cold   From process start to a usable window: if reader/gui/main_window.py exists, import it,
       open the library and show the main window offscreen (QT_QPA_PLATFORM=offscreen), then
       quit; otherwise open the library and run a first search. The parent times the whole
       subprocess, interpreter start included.
idle   RSS after opening the library, one search and a second of rest (the window too when
       the GUI exists).
open   Fetch an article, get its mentions the product's way (library.extraction.mentions:
       the extraction cache, primed untimed beforehand), and render.to_html with query terms.

Usage: .venv/bin/python -m bench.memory cold|idle|open --library DIR [--article ID]
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import emit, median, peak_rss_mb, rss_mb


def _TEXT_ONLY(article: Any) -> list[Any]:  # noqa: N802 - used like a constant
    """The benchmark library is text-only (see search_latency.py)."""
    return []


def has_main_window() -> bool:
    """Whether the GUI's main window module exists yet."""
    return importlib.util.find_spec("reader.gui.main_window") is not None


def _window(library: Any) -> Any:
    """Show the main window offscreen the way reader.gui.app.main does; return (app, window)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.gui import app as gui_app
    from reader.gui.main_window import MainWindow
    from reader.gui.window_state import WindowState

    app = QApplication.instance() or QApplication(sys.argv[:1])
    stylesheet = getattr(gui_app, "stylesheet", None)
    if stylesheet is not None:
        app.setStyleSheet(stylesheet())  # type: ignore[attr-defined]
    state = WindowState(Path(tempfile.mkdtemp()) / "window-state.ini")
    window = MainWindow(library, state)
    window.show()
    app.processEvents()
    return app, window


def start(library_dir: Path, gui: bool) -> dict[str, Any]:
    """Open the library and get to a usable state."""
    from reader.core.library import Library

    library = Library.open(library_dir, samples=False, extractor=_TEXT_ONLY)
    if gui:
        app, window = _window(library)
        window.close()
        app.processEvents()
    else:
        library.search("court", limit=20)
    return {"gui": gui, "peak_rss_mb": peak_rss_mb()}


def idle(library_dir: Path, gui: bool) -> dict[str, Any]:
    """RSS once the library is open, searched once and left alone."""
    from reader.core.library import Library

    library = Library.open(library_dir, samples=False, extractor=_TEXT_ONLY)
    keep: Any = None
    if gui:
        keep = _window(library)
    library.search("court", limit=20)
    gc.collect()
    time.sleep(1.0)
    result = {"gui": gui, "rss_mb": rss_mb(), "peak_rss_mb": peak_rss_mb()}
    del keep
    return result


def article_open(library_dir: Path, article_id: str, rounds: int) -> dict[str, Any]:
    """Median time to fetch, get mentions and render one article."""
    from reader.core.entities import recognition as entities
    from reader.core.library import Library
    from reader.core.present import render

    library = Library.open(library_dir, samples=False, extractor=_TEXT_ONLY)
    ids = _ids_for_source(library, article_id)
    article = library.article(ids)
    mentions = entities.extract(article.body)  # untimed: the import did this once
    library.extraction.store(article, mentions)
    terms = [w for w in article.title.split() if w.isalpha()][:2]
    fetch, get, draw, total = [], [], [], []
    for _ in range(rounds + 1):
        t0 = time.perf_counter()
        article = library.article(ids)
        t1 = time.perf_counter()
        found = library.extraction.mentions(article)  # the cache, as a default library does
        t2 = time.perf_counter()
        page = render.to_html(article, found, query_terms=terms)
        t3 = time.perf_counter()
        fetch.append(t1 - t0)
        get.append(t2 - t1)
        draw.append(t3 - t2)
        total.append(t3 - t0)
    ms = {  # the first round is the warm-up (lazy imports of Markdown, nh3)
        name: median(values[1:]) * 1000
        for name, values in (
            ("fetch", fetch),
            ("mentions", get),
            ("render", draw),
            ("total", total),
        )
    }
    return {
        "ms": ms,
        "first_ms": total[0] * 1000,
        "words": len(article.body.split()),
        "mentions": len(found),
        "html_kb": len(page) / 1024,
    }


def _ids_for_source(library: Any, corpus_id: str) -> str:
    """The library's article id of the corpus document `corpus_id` (its file name)."""
    read = getattr(library, "read_manifest", None) or library._manifest
    for path, source in read().sources.items():
        if Path(path).stem == corpus_id:
            return str(source.article_id)
    raise SystemExit(f"{corpus_id} is not in {library.root}")


def main() -> None:
    """Command line: one measurement, one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["cold", "idle", "open"])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--article")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--core-only", action="store_true", help="never build the window")
    args = parser.parse_args()
    gui = has_main_window() and not args.core_only
    if args.what == "cold":
        emit(start(args.library, gui))
    elif args.what == "idle":
        emit(idle(args.library, gui))
    else:
        emit(article_open(args.library, args.article, args.rounds))


if __name__ == "__main__":
    main()
