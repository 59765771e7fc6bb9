"""Opening a library: check the index against the record of its files and say what is wrong."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from reader.core.errors import IndexBusyError, IndexDamagedError
from reader.core.index import whoosh_index as index
from reader.core.library import integrity, writelock
from reader.core.library.layout import LibraryLayout
from reader.core.library.writelock import WriteLock

log = logging.getLogger(__name__)


def holds_only_our_files(root: Path) -> bool:
    """True for a folder the reader may make private: the user's own files are not in it.

    `--library ~/Documents/cases` must not lock others out of a folder the user shares.
    """
    ours = {"reader.log", "window-state.ini", writelock.LOCK_NAME}
    try:
        return all(entry.name in ours for entry in root.iterdir())
    except OSError:
        return False


def open_checked(layout: LibraryLayout, full_check: bool) -> tuple[Any, str | None]:
    """Open the index and check it against the record of its files; say what is wrong."""
    root, index_dir = layout.root, layout.index_dir
    if index_dir.exists() and not index_dir.is_dir():
        return None, "it is a file instead of a folder"
    if not index_dir.exists() and (layout.manifest_path.exists() or layout.has_copies()):
        return None, "its folder is missing"
    try:
        ix = index.open_with_retry(index_dir)
    except IndexDamagedError as error:
        return None, f"it could not be opened: {error.__cause__ or error}"
    check = integrity.full_problems if full_check else integrity.quick_problems
    for attempt in range(4):
        if writelock.is_held(root):
            return ix, _probe(ix)  # an import is committing right now; its files are in flux
        files = integrity.load(index_dir)
        recorded = integrity.generation_of(index_dir)
        if files is None and ix.latest_generation() <= 0:
            if layout.has_copies():
                # Emptied by hand, or a first run killed before its first commit: the store
                # still holds the articles, so the library is not new.
                return ix, "it is empty, but the library holds copies of its articles"
            return ix, None  # a new, empty index
        if files is not None and recorded == ix.latest_generation():
            problems = check(index_dir, files)
            if not problems:
                return ix, _probe(ix)
        elif files is not None and recorded is not None and recorded < ix.latest_generation():
            # The last commit's record was never written (the process died, or the disk was
            # full, right after committing). Read the index through; if it holds, record it.
            problem = _probe(ix, thorough=True)
            if problem is None:
                _record_if_idle(root, ix, index_dir)
            return ix, problem
        else:
            problems = ["its file record is missing or unreadable"]
        time.sleep(0.1 * (attempt + 1))
        ix = index.open_with_retry(index_dir)
    return ix, "; ".join(problems[:3])


def _probe(ix: Any, *, thorough: bool = False) -> str | None:
    """Read the index a little (or, `thorough`, every term of every field); say what failed."""
    try:
        with ix.searcher() as searcher:
            searcher.doc_count()
            if thorough:
                reader = searcher.reader()
                for field in ("id", "title", "body"):
                    for _ in reader.lexicon(field):
                        pass
                list(searcher.all_stored_fields())
    except Exception as error:  # any exception from a fresh open means damage
        log.debug("index probe failed", exc_info=error)  # Whoosh's words are for us, not the user
        return "one of its files could not be read"
    return None


def _record_if_idle(root: Path, ix: Any, index_dir: Path) -> None:
    try:
        with WriteLock(root):
            integrity.save(index_dir, integrity.record(index_dir), ix.latest_generation())
    except (IndexBusyError, OSError):
        pass  # the next commit records it
