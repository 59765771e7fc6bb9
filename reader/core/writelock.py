"""One import at a time per library, across processes; the OS frees the lock if we die."""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from reader.core.errors import IndexBusyError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class WriteLock:
    """An exclusive, non-blocking lock on `library/import.lock`."""

    def __init__(self, library: Path) -> None:
        self._library = library
        self._fd: int | None = None

    def __enter__(self) -> WriteLock:
        fd = os.open(self._library / "import.lock", os.O_RDWR | os.O_CREAT, 0o644)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:
                os.close(fd)
                raise IndexBusyError(self._library) from error
        self._fd = fd
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the flock
            self._fd = None


def is_held(library: Path) -> bool:
    """True when some process holds the library's import lock right now."""
    if fcntl is None or not (library / "import.lock").exists():
        return False
    try:
        with WriteLock(library):
            return False
    except IndexBusyError:
        return True
