"""Writing files so that a crash or power cut leaves either the old or the new version."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path


def write_atomically(path: Path, data: bytes, *, sync: bool = True, private: bool = True) -> None:
    """Write `data` to `path` through a temporary file and an atomic rename.

    With `sync` (the default) the file and its folder are fsynced before this returns; a
    caller that writes many files may pass False and sync them together (`sync_files`).
    A `private` file (the default: the library's own) is readable by its owner only; others
    get the permissions any new file gets (the user's umask), as a page saved to share should.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    # A short name: a long file name plus a prefix and suffix could pass the 255-byte limit.
    temporary = path.parent / f".{secrets.token_hex(6)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    handle = os.open(temporary, flags, 0o600 if private else 0o666)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            if sync:
                os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if sync:
        sync_directory(path.parent)


def sync_directory(folder: Path) -> None:
    """fsync a folder so that renames and new files in it survive a power cut."""
    with contextlib.suppress(OSError):  # not every platform lets a folder be opened
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def sync_files(paths: list[Path]) -> None:
    """fsync each file in `paths` and then their folders."""
    folders = set()
    for path in paths:
        with contextlib.suppress(FileNotFoundError):
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
            folders.add(path.parent)
    for folder in folders:
        sync_directory(folder)
