"""The full check of a library: every index file against its record, every copy against its name.

Opening compares sizes only; this reads everything (the app runs it in the background after
start-up, `legal-reader check` on request). A copy's name is the hash of its bytes, so a
damaged copy is found without any other record.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.core.ingest import reading as ingest
from reader.core.library import integrity, store
from reader.core.library.storage import Storage


@dataclass(frozen=True)
class CheckReport:
    """What the full check found; each problem is a short phrase naming the file."""

    index_files: int
    index_problems: tuple[str, ...]
    copies: int
    copy_problems: tuple[str, ...]

    @property
    def intact(self) -> bool:
        """True when nothing is damaged or missing."""
        return not self.index_problems and not self.copy_problems


def index_problems(storage: Storage) -> tuple[int, list[str]]:
    """How many index files the record lists, and what is wrong with them."""
    index_dir = storage.layout.index_dir
    files = integrity.load(index_dir)
    if files is None:
        # A library that has never committed has no record; one that has must have it.
        return 0, [] if storage.ix.latest_generation() <= 0 else ["the file record is missing"]
    if not files:
        return 0, ["the file record is unreadable"]
    return len(files), integrity.full_problems(index_dir, files)


def copy_problems(storage: Storage) -> tuple[int, list[str]]:
    """How many articles have a copy in the store, and which copies are damaged or missing."""
    store_dir = storage.layout.store_dir
    named: dict[str, str] = {}
    for path, source in storage.read_manifest().sources.items():
        named.setdefault(source.article_id, store.name_for(source.article_id, Path(path).suffix))
    problems = []
    for article_id, name in sorted(named.items()):
        try:
            data = (store_dir / name).read_bytes()
        except OSError:
            problems.append(f"the copy {name} is missing")
            continue
        if ingest.article_id(data) != article_id:
            problems.append(f"the copy {name} is damaged")
    return len(named), problems


def check(storage: Storage) -> CheckReport:
    """Read the whole library and say what is damaged."""
    files, in_index = index_problems(storage)
    copies, in_store = copy_problems(storage)
    return CheckReport(files, tuple(in_index), copies, tuple(in_store))
