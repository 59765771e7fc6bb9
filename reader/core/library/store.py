"""The library's own copy of each imported file, named by its content hash.

The index can always be rebuilt from these copies, even when the originals have moved.
"""

from __future__ import annotations

import os
from pathlib import Path

from reader.core import durable


def name_for(article_id: str, suffix: str) -> str:
    """Return the store-relative name of an article's copy."""
    return f"{article_id[:2]}/{article_id}{suffix.lower()}"


def put(
    store_dir: Path, name: str, data: bytes, *, sync: bool = True, replace: bool = False
) -> Path:
    """Save `data` under `name` unless a copy of the same size is already there (or `replace`).

    An import passes `sync=False` and syncs its copies together before committing; a rebuild
    that found a copy damaged passes `replace`.
    """
    path = store_dir / name
    if replace or not (path.exists() and path.stat().st_size == len(data)):
        durable.write_atomically(path, data, sync=sync)
    return path


def remove(store_dir: Path, name: str) -> None:
    """Forget a copy (when its article leaves the library)."""
    (store_dir / name).unlink(missing_ok=True)


def note_origin(origins_path: Path, article_id: str, original: Path) -> None:
    """Remember where a copy came from, before the copy is written.

    A copy can outlive the commit that would have named its file (an import killed before its
    first commit, or an index and manifest lost together); a rebuild then gives the article its
    original path instead of the copy's. Append-only, one line per copy, the last line wins;
    private, as the copies are.
    """
    fd = os.open(origins_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    with os.fdopen(fd, "a", encoding="utf-8") as origins:
        origins.write(f"{article_id}\t{original}\n")


def origins(origins_path: Path) -> dict[str, str]:
    """The original path of each copy, by article id, as note_origin recorded them."""
    try:
        text = origins_path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return {}
    found: dict[str, str] = {}
    for line in text.splitlines():
        article_id, tab, path = line.partition("\t")
        if tab and path:
            found[article_id] = path
    return found
