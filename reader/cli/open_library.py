"""Open the library for a command, telling the user when samples are added or damage repaired."""

from __future__ import annotations

import sys
from pathlib import Path

from reader.cli.progress_bar import ProgressBar
from reader.core.library import Library


def open_library(root: Path, *, samples: bool = True) -> Library:
    """Open the library at `root`; a new one is filled with the sample articles first.

    A damaged index is rebuilt before this returns, with a progress bar on stderr.
    """
    bar = ProgressBar()
    try:
        return Library.open(root, samples=samples, progress=bar.update, notice=_say)
    finally:
        bar.close()


def _say(sentence: str) -> None:
    print(sentence, file=sys.stderr)
