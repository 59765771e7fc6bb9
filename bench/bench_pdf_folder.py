"""A folder of PDFs from nothing to searchable, and a long PDF opened after import (issue 13).

folder  Every PDF of legal-docs-dev (copied, the scans too), then PDFs of our own words
        (bench/legal_pdfs.py, 1-40 pages) up to --files. Whole commands, start-up included, on
        a fresh library (READER_HOME and --library in the work folder), as a user runs them:
          legal-reader --library L index FOLDER --json   phase 1: every word searchable
          legal-reader --library L search WORD --json    a name only the last file holds
          legal-reader --library L index --wait --json   phase 2: the entities
        and, for comparison, `index --wait` on another fresh library with no folder: what a
        new library costs by itself (start-up, the sample articles).
open    A --long-pages PDF of our own words imported into a fresh library (samples off),
        then what MainWindow.open_hit does to show a hit: Library.article, Library.mentions
        (dates only while the file waits for phase 2), render.to_html. Timed right after
        phase 1 and again after phase 2: the first call of each cold, then the median of
        --rounds. With --gui, also in a real main window offscreen, from open_hit until the
        article is shown. --profile prints cProfile's top of one warm core open.

Prints a table, then the figures as one JSON line.

Usage: PYTHONPATH=. .venv/bin/python -m bench.bench_pdf_folder [--files 100] [--source DIR]
       [--no-shared] [--long-pages 300] [--rounds 5] [--no-entities] [--gui] [--profile]
       [--work DIR]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from bench import legal_pdfs
from bench.common import PYTHON, REPO, SHARED, emit, timed
from reader.core.ingest import pdf

LAST_WITNESS = "Marlowenthorpe"  # in the last generated file only: the search must find it
LONG_WITNESS = "Quillbarrow"  # the word the long PDF is opened with, as from a search hit
# Page counts of the generated files: mostly short orders, some long opinions, up to 40.
PAGE_CHOICES = (1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 32, 40)


def _pages(path: Path) -> tuple[int, int]:
    """The PDF's pages, and how many of them the reader will OCR (its own per-page test)."""
    document = pdfium.PdfDocument(path.read_bytes())
    try:
        scanned = sum(
            1 for n in range(len(document)) if not pdf._has_text(*pdf._text_layer(document, n))
        )
        return len(document), scanned
    finally:
        document.close()


def build_folder(folder: Path, files: int, source: Path | None) -> Path:
    """Fill `folder` with `files` PDFs; return the last generated one."""
    folder.mkdir(parents=True)
    real = sorted(source.glob("*.pdf")) if source else []
    for path in real[:files]:
        shutil.copy2(path, folder / path.name)
    rng = random.Random(13)
    last = folder / "none.pdf"
    for number in range(files - len(real)):
        last = folder / f"gen_{number:03d}.pdf"
        witness = LAST_WITNESS if number == files - len(real) - 1 else None
        data = legal_pdfs.order_pdf(number, rng.choice(PAGE_CHOICES), witness=witness)
        last.write_bytes(data)
    return last


def folder_run(work: Path, files: int, source: Path | None, entities: bool) -> dict[str, Any]:
    """Build the folder and time the commands on a fresh library (phase 2 with `entities`)."""
    folder = work / "folder"
    last = build_folder(folder, files, source)
    counted = [_pages(path) for path in sorted(folder.glob("*.pdf"))]
    pages, scanned = sum(p for p, _ in counted), sum(s for _, s in counted)
    # The worktree's code, not whatever the venv's `legal-reader` script was installed from.
    env = {**os.environ, "READER_HOME": str(work / "home"), "PYTHONPATH": str(REPO)}
    cli = [PYTHON, "-m", "reader", "--library", str(work / "lib")]
    index_s, out = timed([*cli, "index", str(folder), "--json"], env)
    phase1 = json.loads(out)
    search_s, found = timed([*cli, "search", LAST_WITNESS, "--json"], env)
    hits = [Path(row["path"]).name for row in json.loads(found)]
    result: dict[str, Any] = {
        "files": files,
        "real_pdfs": files - sum(1 for p in folder.glob("gen_*.pdf")),
        "pages": pages,
        "scanned_pages": scanned,
        "added": phase1["added"],
        "failed": phase1["failed"],
        "duplicate": phase1["duplicate"],
        "skipped_by_reason": phase1["skipped_by_reason"],
        "searchable_s": round(index_s, 2),
        "search_s": round(search_s, 2),
        "found_last": hits == [last.name],
        "pages_per_s_to_searchable": round(pages / index_s, 1),
    }
    if entities:
        wait_s, out = timed([*cli, "index", "--wait", "--json"], env)
        phase2 = json.loads(out)
        empty = [PYTHON, "-m", "reader", "--library", str(work / "lib-empty")]
        empty_s, _ = timed([*empty, "index", "--wait", "--json"], env)
        result |= {
            "entities_s": round(wait_s, 2),
            "entities_found": phase2["entities_found"],
            "waiting_after_wait": phase2["waiting_for_entities"],
            "fresh_library_alone_s": round(empty_s, 2),
            "pages_per_s_to_entities": round(pages / (index_s + wait_s), 1),
        }
    return result


def _cold_and_median(call: Callable[[], object], rounds: int) -> tuple[float, float]:
    """Seconds of the first call, and the median of `rounds` calls after it."""
    times = []
    for _ in range(rounds + 1):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return times[0], statistics.median(times[1:])


def _in_window(library: Any, hit: Any, rounds: int) -> tuple[float, float]:
    """open_hit in a real main window offscreen, until its "Opening…" message clears."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from reader.gui.main_window import MainWindow
    from reader.gui.window_state import WindowState

    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = MainWindow(library, WindowState(library.root.parent / "window-state.ini"))
    window.show()
    app.processEvents()

    def open_and_show() -> None:
        window.open_hit(hit)
        opening = window.message.text()
        while window.message.text() == opening:  # show_article clears it, an error replaces it
            app.processEvents()
            time.sleep(0.0005)
        app.processEvents()  # the paint that follows
        assert window.article_view.article is not None, window.message.text()

    result = _cold_and_median(open_and_show, rounds)
    window.close()
    app.processEvents()
    return result


def open_run(
    work: Path, pages: int, rounds: int, *, entities: bool, gui: bool, profile: bool
) -> dict[str, Any]:
    """Import a `pages`-page PDF and time showing it after phase 1 (and phase 2)."""
    from reader.core.library import Library
    from reader.core.present import render

    docs = work / "long"
    docs.mkdir(parents=True)
    path = docs / "long_judgment.pdf"
    path.write_bytes(legal_pdfs.order_pdf(300, pages, witness=LONG_WITNESS))
    library = Library.open(work / "lib-long", samples=False)
    started = time.perf_counter()
    steps = list(library.import_paths([docs], entities=False))
    import_s = time.perf_counter() - started
    assert [s.status for s in steps] == ["added"], [(s.status, s.problem) for s in steps]
    result = library.search(LONG_WITNESS)
    hit = result.hits[0]
    terms = (LONG_WITNESS, *result.words)
    shown: dict[str, int] = {}

    def open_core() -> None:  # MainWindow.open_hit's load(), then ArticleView._render's HTML
        article = library.article(hit.article_id)
        mentions = library.mentions(article, wait=not library.is_pending(article.id))
        html = render.to_html(article, mentions, query_terms=terms)
        shown.update(words=len(article.body.split()), mentions=len(mentions), html=len(html))

    figures: dict[str, Any] = {"pages": pages, "import_s": round(import_s, 2)}
    cold, warm = _cold_and_median(open_core, rounds)
    figures["phase1"] = {"cold_s": round(cold, 3), "median_s": round(warm, 3), **shown}
    if entities:
        started = time.perf_counter()
        for _ in library.fill_entities():
            pass
        figures["phase2_s"] = round(time.perf_counter() - started, 2)
        cold, warm = _cold_and_median(open_core, rounds)
        figures["phase2"] = {"cold_s": round(cold, 3), "median_s": round(warm, 3), **shown}
    if gui:
        cold, warm = _in_window(library, hit, rounds)
        figures["window"] = {"cold_s": round(cold, 3), "median_s": round(warm, 3)}
    if profile:
        profiler = cProfile.Profile()
        profiler.runcall(open_core)
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(25)
    return figures


def _table(folder: dict[str, Any] | None, opened: dict[str, Any] | None) -> str:
    rows = ["| measure | figure |", "|---|---|"]
    if folder:
        rows += [
            f"| folder | {folder['files']} PDFs ({folder['real_pdfs']} of legal-docs-dev), "
            f"{folder['pages']} pages, {folder['scanned_pages']} to OCR |",
            f"| phase 1 (`index FOLDER`) | {folder['added']} added, {folder['failed']} failed, "
            f"{folder['duplicate']} duplicate |",
            f"| searchable after | {folder['searchable_s']} s "
            f"({folder['pages_per_s_to_searchable']} pages/s) |",
            f"| search for the last file | {folder['search_s']} s, found: {folder['found_last']} |",
        ]
        if "entities_s" in folder:
            rows += [
                f"| entities done after (`index --wait`) | {folder['entities_s']} s more "
                f"({folder['pages_per_s_to_entities']} pages/s overall) |",
                f"| a fresh library alone (`index --wait`, no folder) | "
                f"{folder['fresh_library_alone_s']} s |",
            ]
    if opened:
        rows.append(f"| {opened['pages']}-page PDF: import (phase 1) | {opened['import_s']} s |")
        for key, label in (("phase1", "after phase 1"), ("phase2", "after phase 2")):
            if key not in opened:
                continue
            row = opened[key]
            rows.append(
                f"| open, core, {label} ({row['mentions']} mentions) | cold "
                f"{row['cold_s']} s, median {row['median_s']} s |"
            )
        if "phase2_s" in opened:
            rows.append(f"| phase 2 of the long PDF | {opened['phase2_s']} s |")
        if "window" in opened:
            row = opened["window"]
            rows.append(
                f"| open in the main window | cold {row['cold_s']} s, median {row['median_s']} s |"
            )
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=100, help="PDFs in the folder; 0 skips it")
    parser.add_argument("--source", type=Path, default=SHARED / "legal-docs-dev" / "files")
    parser.add_argument("--no-shared", action="store_true", help="generated PDFs only")
    parser.add_argument("--long-pages", type=int, default=300, help="0 skips the open timing")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--no-entities", action="store_true", help="skip phase 2 (smoke runs)")
    parser.add_argument("--gui", action="store_true", help="also open it in a main window")
    parser.add_argument("--profile", action="store_true", help="cProfile one warm core open")
    parser.add_argument("--work", type=Path, help="work folder (default: a new one in /tmp)")
    args = parser.parse_args()
    source = None if args.no_shared else args.source
    if source is not None and not source.is_dir():
        raise SystemExit(f"no legal-docs-dev folder at {source}: pass --source or --no-shared")
    work = args.work or Path(tempfile.mkdtemp(prefix="lcr-pdf-folder-"))
    try:
        entities = not args.no_entities
        folder = folder_run(work, args.files, source, entities) if args.files else None
        opened = None
        if args.long_pages:
            opened = open_run(
                work,
                args.long_pages,
                args.rounds,
                entities=entities,
                gui=args.gui,
                profile=args.profile,
            )
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(_table(folder, opened))
    emit({"folder": folder, "open": opened})


if __name__ == "__main__":
    main()
