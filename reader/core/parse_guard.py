"""Files parsed in a child process that is stopped when one file takes too long.

The parsers are linear and the size is capped (ingest.py), so no file we know of takes long;
this guard is for the ones we do not know of. A file that hangs a parser is reported as
unreadable, and the import goes on with the next one, instead of waiting for ever.
"""

from __future__ import annotations

import logging
import multiprocessing
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from types import TracebackType
from typing import Any

from reader.core import ingest
from reader.core.articles import Article
from reader.core.errors import ArticleFormatError

log = logging.getLogger(__name__)

# The slowest file of the hostile corpus (tests/hostile) parses in 0.24 s here: 40 times that
# leaves room for a slow disk or a busy machine.
PARSE_SECONDS = 10.0
# Starting the child (a new interpreter importing the parsers) is not counted against a file.
START_SECONDS = 60.0


class ParseGuard:
    """Parse files one at a time in a child process, started on first use."""

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = PARSE_SECONDS if seconds is None else seconds
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None

    def __enter__(self) -> ParseGuard:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def parse(self, path: Path, data: bytes) -> Article:
        """`ingest.parse_article(path, data)`, or ArticleFormatError if it takes too long."""
        try:
            conn = self._connection()
            conn.send((path, data))
        except OSError:  # the child died after the last file (killed for memory, say)
            self.close()
            conn = self._connection()
            conn.send((path, data))
        if not conn.poll(self.seconds):
            self.close()
            log.warning("Stopped reading %s after %g s", path, self.seconds)
            raise ArticleFormatError(
                path, f"reading it took longer than {self.seconds:g} seconds, so it was skipped"
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
        # A fault in our parser: the file is skipped with a reason, the fault goes to the log.
        log.error("Reading %s failed: %s", path, value)
        raise ArticleFormatError(path, f"the reader failed on it ({value})")

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

    def _connection(self) -> Connection:
        if self._conn is None:
            # Spawned, not forked: the parent may hold threads, an open index and a lock.
            context = multiprocessing.get_context("spawn")
            ours, theirs = context.Pipe()
            process = context.Process(target=_serve, args=(theirs,), daemon=True)
            process.start()
            theirs.close()
            self._process, self._conn = process, ours
            if not ours.poll(START_SECONDS) or ours.recv() != "ready":
                self.close()
                raise RuntimeError("The file reader process did not start")
        return self._conn


def _serve(conn: Connection) -> None:
    """The child: parse what arrives until the parent closes its end."""
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
        except Exception as error:  # a parser fault: the parent skips the file
            reply = ("failed", f"{type(error).__name__}: {error}")
        conn.send(reply)
