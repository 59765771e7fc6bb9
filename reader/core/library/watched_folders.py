"""Which folders the library watches: every folder the user imported, kept in watched.json.

A folder is added when an import of it starts (Library.import_paths, from the app and from
`legal-reader index`); the sample articles and folders inside the library are never watched.
The list is small and written atomically, so a crash leaves the old list or the new one.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from pathlib import Path

from reader.core import durable
from reader.core.library.first_run import sample_articles
from reader.core.library.layout import LibraryLayout

log = logging.getLogger(__name__)

VERSION = 1


def load(layout: LibraryLayout) -> list[Path]:
    """The watched folders, in the order they were added; [] when none or unreadable."""
    try:
        raw = json.loads(layout.watched_path.read_text("utf-8"))
        return [Path(folder) for folder in raw["folders"] if isinstance(folder, str)]
    except FileNotFoundError:
        return []
    except (OSError, ValueError, KeyError, TypeError) as error:
        log.warning("The list of watched folders %s cannot be read: %s", layout.watched_path, error)
        return []


def add(layout: LibraryLayout, paths: Iterable[Path]) -> list[Path]:
    """Watch the folders among `paths` (files are ignored); return the ones newly added."""
    folders = load(layout)
    samples = sample_articles().resolve()
    root = layout.root.resolve()
    added = []
    for path in paths:
        folder = path.resolve()
        if (
            not folder.is_dir()
            or folder in folders
            or folder == samples
            or folder.is_relative_to(root)
        ):
            continue
        folders.append(folder)
        added.append(folder)
    if added:
        _save(layout, folders)
    return added


def remove(layout: LibraryLayout, folder: Path) -> bool:
    """Stop watching `folder`; return False when it was not watched. Its articles stay."""
    folders = load(layout)
    wanted = {folder, folder.resolve()} if folder.exists() else {folder, folder.absolute()}
    kept = [f for f in folders if f not in wanted]
    if len(kept) == len(folders):
        return False
    _save(layout, kept)
    return True


def outermost(folders: Iterable[Path]) -> list[Path]:
    """The folders that lie inside no other of them (one watch covers its subfolders)."""
    unique = sorted(set(folders), key=lambda f: len(f.parts))
    kept: list[Path] = []
    for folder in unique:
        if not any(folder.is_relative_to(outer) for outer in kept):
            kept.append(folder)
    return sorted(kept)


def _save(layout: LibraryLayout, folders: list[Path]) -> None:
    raw = {"version": VERSION, "folders": [str(folder) for folder in folders]}
    durable.write_atomically(layout.watched_path, json.dumps(raw, indent=1).encode("utf-8"))
