"""`legal-reader index PATH...`: import files and folders into the library."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import Any

from reader.cli import open_library
from reader.cli.progress_bar import ProgressBar
from reader.core.library import progress


def register(subparsers: Any) -> None:
    """Add the `index` command."""
    parser = subparsers.add_parser("index", help="import files and folders into the library")
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import the paths, showing progress on stderr; exit 1 if nothing could be imported."""
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        names = ", ".join(str(p) for p in missing)
        raise SystemExit(f"legal-reader: no such file or folder: {names}")
    library = open_library.open_library(args.library)
    bar = ProgressBar()
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    try:
        for step in library.import_paths(args.paths):
            counts[step.status] += 1
            if step.problem:
                reasons[skip_reason(step.problem)] += 1
            bar.update(step)
    finally:
        bar.close()
    parts = [f"{counts[s]} {s}" for s in progress_order() if counts[s]]
    print("Imported: " + (", ".join(parts) if parts else "no article files found") + ".")
    if reasons:
        print("Skipped, by reason:")
        for reason, count in reasons.most_common():
            print(f"  {count} \u00d7 {reason}")
    print(f"The library now holds {library.article_count()} articles.")
    imported = sum(counts[s] for s in progress_order() if s != progress.FAILED)
    return 1 if counts[progress.FAILED] and not imported else 0


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
