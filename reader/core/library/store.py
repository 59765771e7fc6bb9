"""The library's own copy of each imported file, named by its content hash.

The index can always be rebuilt from these copies, even when the originals have moved.
"""

from __future__ import annotations

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
