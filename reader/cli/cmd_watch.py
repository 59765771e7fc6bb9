"""`legal-reader watch`: keep the library up to date with the folders it imported.

With no option it watches them until stopped (Ctrl+C), importing what changes, as the app does
while it runs; `--list` names them and `--off FOLDER` stops watching one (its articles stay).
"""

from __future__ import annotations

import argparse
import threading
from collections import Counter
from pathlib import Path
from typing import Any

from reader.cli import open_library
from reader.core.errors import ReaderError
from reader.core.library import Library, watched_folders
from reader.core.library.layout import LibraryLayout
from reader.core.library.watching import Batch, FolderWatcher, changed


def register(subparsers: Any) -> None:
    """Add the `watch` command."""
    parser = subparsers.add_parser(
        "watch", help="import changes in the imported folders as they happen"
    )
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--list", action="store_true", help="list the watched folders")
    choice.add_argument("--off", type=Path, metavar="FOLDER", help="stop watching FOLDER")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """List, stop watching one folder, or watch until interrupted."""
    layout = LibraryLayout(args.library)
    folders = watched_folders.load(layout)
    if args.list:
        for folder in folders:
            print(f"{folder}{'' if folder.is_dir() else '  (missing)'}")
        if not folders:
            print("No folders are watched; `legal-reader index FOLDER` imports and watches one.")
        return 0
    if args.off is not None:
        if not watched_folders.remove(layout, args.off):
            raise SystemExit(f"legal-reader: {args.off} is not a watched folder.")
        print(f"{args.off} is no longer watched; its articles stay in the library.")
        return 0
    if not folders:
        raise SystemExit("legal-reader: no folder is watched yet; import one with `index`.")
    return _watch(open_library.open_library(args.library), folders)


def _watch(library: Library, folders: list[Path]) -> int:
    busy = threading.Lock()

    def reconcile(batch: Batch) -> None:
        try:
            with busy:
                counts: Counter[str] = Counter(
                    step.status for step in library.import_paths(list(batch.folders))
                )
        except ReaderError as error:  # e.g. another import holds the library
            print(f"legal-reader: {error} It is tried again at the next change.", flush=True)
            return
        count = changed(counts)
        if count:
            where = ", ".join(str(folder) for folder in batch.folders)
            files = "1 changed file" if count == 1 else f"{count} changed files"
            print(f"Picked up {files} in {where}.", flush=True)

    watcher = FolderWatcher(reconcile, ignore=[library.root])
    for problem in watcher.watch(folders):
        print(problem)
    watching = len(watcher.folders)
    print(f"Watching {watching} folder{'' if watching == 1 else 's'}; Ctrl+C stops.", flush=True)
    try:
        reconcile(Batch(tuple(watcher.folders), 0))  # what changed since the last import
        threading.Event().wait()
    finally:
        watcher.stop()
    return 0
