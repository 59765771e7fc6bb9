"""Open the library for a command, telling the user when samples are added or damage repaired."""

from __future__ import annotations

import sys
from pathlib import Path

from reader.cli.progress_bar import ProgressBar
from reader.core.library import Library


def open_library(root: Path, *, samples: bool = True, entities: bool = False) -> Library:
    """Open the library at `root`; a new one is filled with the sample articles first.

    A damaged index is rebuilt before this returns, with a progress bar on stderr. With
    `entities` (a command that lists the library's entities), the entities an earlier
    `index` left to find are found first.
    """
    bar = ProgressBar()
    try:
        library = Library.open(root, samples=samples, progress=bar.update, notice=_say)
    finally:
        bar.close()
    waiting = library.pending_entities()
    if entities and waiting:
        _say(f"Finding the entities of {waiting} articles an import left waiting…")
        bar = ProgressBar()
        try:
            for step in library.fill_entities():
                bar.update(step)
        finally:
            bar.close()
    return library


def say_waiting(library: Library) -> None:
    """Tell the user, on stderr, that some articles' names are not yet entities."""
    waiting = library.pending_entities()
    if waiting:
        _say(
            f"Note: {waiting} {'article waits' if waiting == 1 else 'articles wait'} for "
            "entities; their words and dates are searchable, their names not yet as people "
            "or organisations (`legal-reader index --wait` finds them)."
        )


def _say(sentence: str) -> None:
    print(sentence, file=sys.stderr)
