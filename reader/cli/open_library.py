"""Open the library for a command, telling the user when a new one is being prepared."""

from __future__ import annotations

import sys
from pathlib import Path

from reader.core.library import Library


def open_library(root: Path) -> Library:
    """Open the library at `root`; a new one is filled with the sample articles first."""
    if not (root / "index").exists():
        print(f"Creating a new library in {root} with the sample articles…", file=sys.stderr)
    return Library.open(root)
