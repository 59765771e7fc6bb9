"""`legal-reader index PATH...`: import files and folders into the library."""

from __future__ import annotations

import argparse
import contextlib
import json
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader.cli import open_library
from reader.cli.progress_bar import ProgressBar
from reader.core.library import progress


def register(subparsers: Any) -> None:
    """Add the `index` command."""
    parser = subparsers.add_parser("index", help="import files and folders into the library")
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    parser.add_argument(
        "--wait",
        action="store_true",
        help="also wait for the entities (phase 2); without it the command returns once every "
        "word is searchable, and the app or a later `index --wait` finds the entities",
    )
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import the paths, showing progress on stderr; exit 1 if nothing could be imported."""
    if not args.paths and not args.wait:
        raise SystemExit("legal-reader index: name files or folders to import, or --wait")
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        names = ", ".join(str(p) for p in missing)
        raise SystemExit(f"legal-reader: no such file or folder: {names}")
    library = open_library.open_library(args.library)
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    started = time.monotonic()
    if args.paths:
        with _bar() as bar:
            for step in library.import_paths(args.paths, entities=False):
                counts[step.status] += 1
                if step.problem:
                    reasons[skip_reason(step.problem)] += 1
                bar.update(step)
    searchable_s = time.monotonic() - started
    entities_s = None
    if args.wait:
        with _bar() as bar:
            for step in library.fill_entities():
                counts[step.status] += 1
                bar.update(step)
        entities_s = time.monotonic() - started
    pending = library.pending_entities()
    scans = library.pending_scans()
    if args.json:
        report: dict[str, object] = {status: counts[status] for status in progress_order()}
        report |= {
            "skipped_by_reason": dict(reasons.most_common()),
            "articles": library.article_count(),
            "waiting_for_entities": pending,
            "entities_found": counts[progress.ENTITIES] + counts[progress.OCR],
            "waiting_for_ocr": scans,
            "read_by_ocr": counts[progress.OCR],
            "searchable_after_s": round(searchable_s, 3),
            "entities_after_s": None if entities_s is None else round(entities_s, 3),
        }
        print(json.dumps(report, indent=2))
    else:
        _print_summary(library.article_count(), counts, reasons, pending, scans)
    imported = sum(counts[s] for s in progress_order() if s != progress.FAILED)
    return 1 if counts[progress.FAILED] and not imported else 0


@contextlib.contextmanager
def _bar() -> Iterator[ProgressBar]:
    bar = ProgressBar()
    try:
        yield bar
    finally:
        bar.close()


def _print_summary(
    articles: int, counts: Counter[str], reasons: Counter[str], pending: int, scans: int
) -> None:
    parts = [f"{counts[s]} {s}" for s in progress_order() if counts[s]]
    print("Imported: " + (", ".join(parts) if parts else "no article files found") + ".")
    if reasons:
        print("Skipped, by reason:")
        for reason, count in reasons.most_common():
            print(f"  {count} \u00d7 {reason}")
    if counts[progress.ENTITIES] + counts[progress.OCR]:
        print(f"Entities found in {counts[progress.ENTITIES] + counts[progress.OCR]} articles.")
    if counts[progress.OCR]:
        print(f"Scanned pages read by OCR in {counts[progress.OCR]} PDFs.")
    print(f"The library now holds {articles} articles.")
    if pending:
        print(
            f"{pending} {'article waits' if pending == 1 else 'articles wait'} for entities "
            f"({'every word is searchable already' if not scans else 'their words are searchable'}"
            "); the app finds them, or run `legal-reader index --wait`."
        )
    if scans:
        whose = "its" if scans == 1 else "their"
        print(
            f"Of these, {scans} scanned {'PDF waits' if scans == 1 else 'PDFs wait'} for OCR of "
            f"{whose} pages first: until then {whose} scanned pages are not searchable."
        )


def progress_order() -> tuple[str, ...]:
    """Statuses in the order the summary lists them."""
    return (
        progress.ADDED,
        progress.UPDATED,
        progress.UNCHANGED,
        progress.DUPLICATE,
        progress.REMOVED,
        progress.FAILED,
    )


def skip_reason(problem: str) -> str:
    """The reason part of a skipped file's sentence ("it is password-protected")."""
    _, sep, reason = problem.partition(" could not be read as an article: ")
    return (reason if sep else problem).rstrip(".")
