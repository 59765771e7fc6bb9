"""A damaged or locked workspace file: found before it is written, kept aside, never deleted.

The rule (docs/RELIABILITY.md): a damaged workspace.sqlite is never written, overwritten or
deleted. The first time the damage is met, a copy is kept beside it under a name made from
its contents (so meeting it again keeps no second copy), and the workspace stays closed:
every workspace command says so in one sentence, while the library opens, imports and
searches as before. An empty workspace starts only when the user asks (`start_empty`), and
then the damaged file itself is moved to the kept name. A lock is not damage: nothing is
copied, and the sentence says to try again.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sqlite3
from pathlib import Path

from reader.core import durable
from reader.core.errors import (
    WorkspaceBusyError,
    WorkspaceDamagedError,
    WorkspaceError,
    WorkspaceInputError,
)

log = logging.getLogger(__name__)

MAGIC = b"SQLite format 3\x00"
# How long a read or write waits for another program's lock before saying so.
LOCK_WAIT_S = 5.0
_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_DAMAGED = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def check(path: Path) -> None:
    """Raise WorkspaceDamagedError (after keeping a copy) or WorkspaceBusyError for `path`.

    Reads only: the header first, then SQLite's `quick_check` (every page of every table)
    through a read-only connection, which neither writes nor checkpoints the file. A missing
    or empty file is a workspace not yet written, not damage.
    """
    try:
        if not path.exists() or path.stat().st_size == 0:
            return
        with path.open("rb") as file:
            header = file.read(len(MAGIC))
    except OSError as error:
        raise WorkspaceError(path, error.strerror or str(error)) from error
    if header != MAGIC:
        raise damaged(path, "it is not an SQLite database")
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=LOCK_WAIT_S)
        try:
            problems = [str(row[0]) for row in db.execute("PRAGMA quick_check").fetchall()]
        finally:
            db.close()
    except sqlite3.DatabaseError as error:
        raise failure(path, error) from error
    if problems != ["ok"]:
        raise damaged(path, f"SQLite found: {problems[0][:120]}")


def failure(path: Path, error: sqlite3.Error) -> WorkspaceError:
    """The error to raise for `error` on `path`: damaged (a copy kept), locked, or other."""
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    reason = str(error)
    if code in _BUSY or "locked" in reason:
        return WorkspaceBusyError(path, reason)
    if code in _DAMAGED or "malformed" in reason or "not a database" in reason:
        return damaged(path, reason)
    return WorkspaceError(path, reason)


def damaged(path: Path, reason: str) -> WorkspaceDamagedError:
    """The error for a damaged `path`, after keeping a copy of it (once)."""
    try:
        kept = keep_copy(path)
    except OSError as error:
        log.warning("could not keep a copy of the damaged %s: %s", path, error)
        return WorkspaceDamagedError(path, reason, None, error.strerror or str(error))
    return WorkspaceDamagedError(path, reason, kept)


def kept_name(path: Path) -> Path:
    """Where the damaged `path` is kept: beside it, named by a hash of its bytes (and WAL)."""
    digest = hashlib.sha256()
    for part in (path, *_companions(path)):
        digest.update(part.read_bytes())
    return path.with_name(f"{path.stem}.damaged-{digest.hexdigest()[:12]}{path.suffix}")


def keep_copy(path: Path) -> Path:
    """Copy `path` (and its WAL) to its kept name, unless that copy is there already."""
    kept = kept_name(path)
    for part, target in _pairs(path, kept):
        if not target.exists():
            durable.write_atomically(target, part.read_bytes())
    return kept


def start_empty(path: Path) -> Path:
    """Move the damaged workspace at `path` to its kept name, so that an empty one starts.

    What the user agreed to: refused when the file is not damaged (nothing is moved then).
    Returns where the damaged file now is.
    """
    try:
        check(path)
    except WorkspaceDamagedError:
        pass
    else:
        raise WorkspaceInputError(
            f"The workspace file {path.name} is not damaged, so it was left as it is."
        )
    kept = kept_name(path)
    for part, target in _pairs(path, kept):
        os.replace(part, target)  # over an identical copy: the name is a hash of the bytes
    with contextlib.suppress(FileNotFoundError):
        # The shared-memory index is rebuilt from the WAL by SQLite; a stale one must not
        # meet the new, empty database.
        os.replace(path.with_name(path.name + "-shm"), kept.with_name(kept.name + "-shm"))
    durable.sync_directory(path.parent)
    return kept


def _companions(path: Path) -> list[Path]:
    wal = path.with_name(path.name + "-wal")
    return [wal] if wal.exists() else []


def _pairs(path: Path, kept: Path) -> list[tuple[Path, Path]]:
    pairs = [(path, kept)]
    pairs += [(wal, kept.with_name(kept.name + "-wal")) for wal in _companions(path)]
    return pairs
