"""Progress: what an import reports after each file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

ADDED = "added"
UPDATED = "updated"
UNCHANGED = "unchanged"
DUPLICATE = "duplicate"
REMOVED = "removed"
FAILED = "failed"
ENTITIES = "entities"  # phase 2: the model read an article that waited for it
OCR = "ocr"  # phase 2: a PDF's scanned pages were read by OCR, then its entities found


@dataclass(frozen=True)
class Progress:
    """One step of an import: `done` of `total` files, and what happened to `path`."""

    done: int
    total: int
    path: Path
    status: str
    problem: str | None = None  # a sentence, when the file was skipped
    committed: int = 0  # articles safely written to the index so far in this import
