"""`legal-reader rebuild`: build the search index again from the library's copies."""

from __future__ import annotations

import argparse
from typing import Any

from reader.cli import open_library
from reader.cli.progress_bar import ProgressBar
from reader.core.library import progress


def register(subparsers: Any) -> None:
    """Add the `rebuild` command."""
    parser = subparsers.add_parser(
        "rebuild", help="rebuild the search index from the library's copies of its articles"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Rebuild with progress on stderr (once: opening may already have had to); exit 1 on loss."""
    library = open_library.open_library(args.library, samples=False)
    if library.repaired:
        print(library.repaired)
        return 0
    bar = ProgressBar()
    failed = 0
    try:
        for step in library.rebuild("asked to"):
            failed += step.status == progress.FAILED
            bar.update(step)
    finally:
        bar.close()
    count = library.article_count()
    print(f"The search index was rebuilt from the library's copies: it holds {count} articles.")
    if failed:
        print(f"{failed} articles could not be restored (listed above).")
    return 1 if failed else 0
