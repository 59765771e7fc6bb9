"""One import at a time per library, across processes; the OS frees the lock if we die.

The holder writes its process id and a heartbeat into the lock file, so that a second
import can say not only "an import is already running" but also when that import has
stopped making progress (a frozen process keeps its lock).
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType

from reader.core.errors import IndexBusyError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

LOCK_NAME = "import.lock"
FROZEN_AFTER_S = 10.0
BEAT_S = 1.0


class WriteLock:
    """An exclusive, non-blocking lock on `library/import.lock`."""

    def __init__(self, library: Path) -> None:
        self._library = library
        self._fd: int | None = None
        self._last_beat = 0.0
        self._writing = threading.Lock()  # the holder's thread and beating()'s thread

    def __enter__(self) -> WriteLock:
        fd = os.open(self._library / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as error:
                os.close(fd)
                raise _busy(self._library) from error
        self._fd = fd
        self.beat(force=True)
        return self

    def beat(self, *, force: bool = False) -> None:
        """Record that the holder is alive and making progress (at most once a second)."""
        with self._writing:
            now = time.time()
            if self._fd is None or (not force and now - self._last_beat < BEAT_S):
                return
            self._last_beat = now
            record = f"{os.getpid()} {now:.1f}\n".encode()
            os.ftruncate(self._fd, 0)
            os.pwrite(self._fd, record, 0)

    @contextmanager
    def beating(self) -> Iterator[None]:
        """Keep the heartbeat going through one long step that reports no progress.

        The last commit of a large import merges the whole index (25 s at 10,000 articles);
        without this, a second import would call the busy one frozen and suggest ending it.
        """
        done = threading.Event()

        def beat_until_done() -> None:
            while not done.wait(BEAT_S):
                self._beat_quietly()

        # The last beat may be almost BEAT_S old already: beat now, not a second from now.
        self._beat_quietly()
        thread = threading.Thread(target=beat_until_done, name="write-lock heartbeat", daemon=True)
        thread.start()
        try:
            yield
        finally:
            done.set()
            thread.join()
        self._beat_quietly()

    def _beat_quietly(self) -> None:
        """Beat; a heartbeat that cannot be written (a full disk) must not stop the work."""
        try:
            self.beat(force=True)
        except OSError as error:
            log.warning("The import lock's heartbeat could not be written: %s", error)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        with self._writing:
            if self._fd is not None:
                os.close(self._fd)  # closing the descriptor releases the flock
                self._fd = None


def _busy(library: Path) -> IndexBusyError:
    """The error for a held lock, saying whether the holder seems frozen."""
    error = IndexBusyError(library)
    try:
        pid, beat = (library / LOCK_NAME).read_text("ascii").split()
        silent_for = time.time() - float(beat)
    except (OSError, ValueError):
        return error
    if silent_for > FROZEN_AFTER_S:
        error.args = (
            f"An import (process {pid}) holds this library but has made no progress for "
            f"{silent_for:.0f} seconds; it may be frozen. Close the other copy of the reader, "
            "or end that process, and try again.",
        )
    return error


def is_held(library: Path) -> bool:
    """True when some process holds the library's import lock right now."""
    if fcntl is None or not (library / LOCK_NAME).exists():
        return False
    try:
        with WriteLock(library):
            return False
    except IndexBusyError:
        return True
