"""Files parsed in a child process that is stopped when one file takes too long.

The parsers are linear and the size is capped (ingest.py), so no file we know of takes long;
this guard is for the ones we do not know of. A file that hangs a parser is reported as
unreadable, and the import goes on with the next one, instead of waiting for ever. Where no
child process can be started, files are parsed in this process, as they were before.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from reader.core.articles import Article
from reader.core.errors import ArticleFormatError
from reader.core.ingest import reading as ingest
from reader.core.text import processes

log = logging.getLogger(__name__)

# The slowest file of the hostile corpus (tests/hostile) parses in 0.24 s here: 40 times that
# leaves room for a slow disk or a busy machine.
PARSE_SECONDS = 10.0
# A PDF's scanned pages stop being read by OCR after pdf.OCR_SECONDS; this is that and a margin.
OCR_EXTRA_SECONDS = 60.0
# Starting the child (a new interpreter importing the parsers) is not counted against a file.
START_SECONDS = 60.0
# While waiting, the caller's heartbeat runs this often (the import lock's "still alive").
_BEAT_SECONDS = 1.0
_PR_SET_PDEATHSIG = 1


class ParseGuard:
    """Parse files one at a time in a child process, started on first use."""

    def __init__(
        self, seconds: float | None = None, heartbeat: Callable[[], None] = lambda: None
    ) -> None:
        self.seconds = PARSE_SECONDS if seconds is None else seconds
        self.heartbeat = heartbeat
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._in_process = False  # no child could be started

    def parse(self, path: Path, data: bytes) -> Article:
        """`ingest.parse_article(path, data)`, or ArticleFormatError if it takes too long."""
        conn = self._send(path, data)
        if conn is None:
            return ingest.parse_article(path, data)
        seconds = self.seconds
        if path.suffix.lower() == ".pdf":  # scanned pages are read by OCR within its budget
            seconds += OCR_EXTRA_SECONDS
        if not self._wait(conn, seconds):
            self.close()
            log.warning("Stopped reading %s after %g s", path, seconds)
            raise ArticleFormatError(
                path, f"reading it took longer than {seconds:g} seconds, so it was skipped"
            )
        try:
            kind, value = conn.recv()
        except (EOFError, OSError) as error:
            self.close()
            raise ArticleFormatError(path, "the reader stopped while reading it") from error
        if kind == "article":
            article: Article = value
            return article
        if kind == "refused":
            raise ArticleFormatError(path, value)
        # A fault in our parser: the file is skipped with a plain reason; the details are logged.
        log.error("Reading %s failed:\n%s", path, value)
        raise ArticleFormatError(path, "the reader ran into an error with it (see the log)")

    def close(self) -> None:
        """Stop the child process (it is started again if needed)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(timeout=5)
            self._process = None

    def _send(self, path: Path, data: bytes) -> Connection | None:
        """Send a file to the child, starting one if needed; None: parse it here instead."""
        for _attempt in range(2):
            conn = self._connection()
            if conn is None:
                return None
            try:
                conn.send((path, data))
                return conn
            except OSError:  # the child died after the last file (killed for memory, say)
                self.close()
        return None

    def _wait(self, conn: Connection, seconds: float) -> bool:
        """Wait for the child's answer, keeping the caller's heartbeat going."""
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if conn.poll(max(0.0, min(left, _BEAT_SECONDS))):
                return True
            if left <= _BEAT_SECONDS:
                return False
            self.heartbeat()

    def _connection(self) -> Connection | None:
        if self._in_process:
            return None
        if self._conn is None:
            try:
                self._start()
            except (OSError, EOFError, RuntimeError, ValueError) as error:
                # A script without a `__main__` guard, a frozen app without freeze_support(),
                # a system out of processes: reading files unguarded beats not reading them.
                self.close()
                self._in_process = True
                log.warning("Files will be read without a time limit: %s", error)
                return None
        return self._conn

    def _start(self) -> None:
        context = processes.context()  # spawned, and without re-running the caller's script
        ours, theirs = context.Pipe()
        try:
            process = context.Process(target=_serve, args=(theirs, os.getpid()), daemon=True)
            process.start()
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        self._process, self._conn = process, ours
        if not self._wait(ours, START_SECONDS) or ours.recv() != "ready":
            raise RuntimeError("the file reader process did not start")


def _serve(conn: Connection, parent: int) -> None:
    """The child: parse what arrives until the parent closes its end."""
    _die_with(parent)
    # Ctrl-C in a terminal reaches the whole process group; the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    conn.send("ready")
    while True:
        try:
            path, data = conn.recv()
        except (EOFError, OSError):
            return
        reply: tuple[str, Any]
        try:
            reply = ("article", ingest.parse_article(path, data))
        except ArticleFormatError as error:
            reply = ("refused", error.reason)
        except Exception:  # a parser fault: the parent skips the file and logs this
            reply = ("failed", traceback.format_exc())
        try:
            conn.send(reply)
        except OSError:
            return


def _die_with(parent: int) -> None:
    """On Linux, end this process when the parent dies, even in the middle of a parse.

    A parse stuck in a regular expression never reads the pipe again, so it would not notice
    a parent killed with kill -9. Elsewhere the child notices at its next read or reply.
    """
    if not sys.platform.startswith("linux"):
        return
    import ctypes  # here, not at the top: only the child needs it

    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(0)
