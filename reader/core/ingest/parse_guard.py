"""Files parsed in a child process that is stopped when one file takes too long.

The parsers are linear and the size is capped (ingest.py), so no file we know of takes long;
this guard is for the ones we do not know of. A file that hangs a parser is reported as
unreadable, and the import goes on with the next one, instead of waiting for ever. Where no
child process can be started, files are parsed in this process, as they were before.

An import sends files ahead (`submit`) and takes the answers in order (`result`), so the
child parses, and runs what the import asks of each article (`then`: phase 1's date
patterns), on the other core while this process indexes the files before. A thread here
takes the child's answers as they come, so neither side can block the other on a full pipe.
"""

from __future__ import annotations

import logging
import os
import queue
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import Any

from reader.core.articles import Article
from reader.core.errors import ArticleFormatError
from reader.core.ingest import pdf, reading_process
from reader.core.text import processes

log = logging.getLogger(__name__)

# The slowest file of the hostile corpus (tests/hostile) parses in 0.24 s here: 40 times that
# leaves room for a slow disk or a busy machine.
PARSE_SECONDS = 10.0
# A PDF's scanned pages stop being read by OCR when their budget's time is up (pdf.OcrBudget);
# a PDF is given that time and this margin for its last page.
OCR_MARGIN_SECONDS = 60.0
# Starting the child (a new interpreter importing the parsers) is not counted against a file.
START_SECONDS = 60.0
# While waiting, the caller's heartbeat runs this often (the import lock's "still alive").
_BEAT_SECONDS = 1.0


_DIED = ("died", None, None)
_STOPPED = ("stopped", None, None)


class ParseStoppedError(Exception):
    """The caller's `should_stop` said stop while a file was being read."""


@dataclass
class _Request:
    path: Path
    data: bytes
    then: Callable[[Article], Any] | None
    ocr_budget: pdf.OcrBudget | None = pdf.INLINE
    tries: int = 0


@dataclass(frozen=True)
class Parsed:
    """A file's article, and what `then` gave for it (None: no `then`, or it failed)."""

    article: Article
    extra: Any = None


class ParseGuard:
    """Parse files in order in a child process, started on first use."""

    def __init__(
        self,
        seconds: float | None = None,
        heartbeat: Callable[[], None] = lambda: None,
        should_stop: Callable[[], bool] = lambda: False,
    ) -> None:
        self.seconds = PARSE_SECONDS if seconds is None else seconds
        self.heartbeat = heartbeat
        # Asked while waiting: a long OCR is given up (ParseStoppedError) when it says stop.
        self.should_stop = should_stop
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None
        self._replies: queue.SimpleQueue[tuple[str, Any, Any]] | None = None
        self._waiting: deque[_Request] = deque()  # submitted, answer not taken yet
        self._in_process = False  # no child could be started

    def parse(self, path: Path, data: bytes) -> Article:
        """`ingest.parse_article(path, data)`, or ArticleFormatError if it takes too long."""
        self.submit(path, data)
        return self.result().article

    def submit(
        self,
        path: Path,
        data: bytes,
        then: Callable[[Article], Any] | None = None,
        ocr_budget: pdf.OcrBudget | None = pdf.INLINE,
    ) -> None:
        """Send a file to be read; `then(article)` runs after it, in the child too.

        `then` must be a module-level function (it is sent to the child by name).
        `ocr_budget` is how much OCR a PDF's scanned pages may have (None: left for later).
        """
        request = _Request(path, data, then, ocr_budget)
        self._waiting.append(request)
        if not self._in_process:
            self._send(request)

    def result(self) -> Parsed:
        """The answer for the oldest file submitted; ArticleFormatError if it cannot be read."""
        request = self._waiting[0]
        while True:
            if self._in_process:
                self._waiting.popleft()
                return _read(request)
            if self._conn is None:  # the child was stopped: send again what it had
                self._resend()
                continue
            seconds = self.seconds
            if request.path.suffix.lower() == ".pdf" and request.ocr_budget is not None:
                seconds += request.ocr_budget.seconds + OCR_MARGIN_SECONDS
            reply = self._wait(seconds)
            if reply is _STOPPED:
                self._waiting.popleft()
                self.close()  # the child is in the middle of it: stopped, not waited for
                raise ParseStoppedError(str(request.path))
            if reply is None:
                self._waiting.popleft()
                self.close()
                log.warning("Stopped reading %s after %g s", request.path, seconds)
                raise ArticleFormatError(
                    request.path,
                    f"reading it took longer than {seconds:g} seconds, so it was skipped",
                )
            if reply is _DIED:
                self.close()
                request.tries += 1
                if request.tries >= 2:
                    self._waiting.popleft()
                    raise ArticleFormatError(request.path, "the reader stopped while reading it")
                continue
            self._waiting.popleft()
            return _answer(request.path, reply)

    def close(self) -> None:
        """Stop the child process (it is started again if needed)."""
        # The child first: its end closing is what ends the thread that reads from it.
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(timeout=5)
            self._process = None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        self._replies = None

    def _resend(self) -> None:
        for request in self._waiting:
            if not self._send(request):
                return

    def _send(self, request: _Request) -> bool:
        """Send a file to the child, starting one if needed; False: parse here instead."""
        for _attempt in range(2):
            conn = self._connection()
            if conn is None:
                return False
            try:
                conn.send((request.path, request.data, request.then, request.ocr_budget))
                return True
            except OSError:  # the child died after the last file (killed for memory, say)
                self.close()
                if len(self._waiting) > 1:  # what it had not answered goes to the next one
                    self._resend()
                    return self._conn is not None
        return False

    def _wait(self, seconds: float) -> tuple[str, Any, Any] | None:
        """The child's next answer, keeping the caller's heartbeat going; None: too long."""
        replies = self._replies
        assert replies is not None
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            try:
                return replies.get(timeout=max(0.0, min(left, _BEAT_SECONDS)))
            except queue.Empty:
                pass
            if left <= _BEAT_SECONDS:
                return None
            if self.should_stop():
                return _STOPPED
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
            process = context.Process(
                target=reading_process.serve, args=(theirs, os.getpid()), daemon=True
            )
            process.start()
        except BaseException:
            ours.close()
            raise
        finally:
            theirs.close()
        self._process, self._conn = process, ours
        if not self._started(ours) or ours.recv() != "ready":
            raise RuntimeError("the file reader process did not start")
        replies: queue.SimpleQueue[tuple[str, Any, Any]] = queue.SimpleQueue()
        self._replies = replies
        threading.Thread(target=_receive, args=(ours, replies), daemon=True).start()

    def _started(self, conn: Connection) -> bool:
        deadline = time.monotonic() + START_SECONDS
        while not conn.poll(max(0.0, min(deadline - time.monotonic(), _BEAT_SECONDS))):
            if time.monotonic() >= deadline:
                return False
            self.heartbeat()
        return True


def _receive(conn: Connection, replies: queue.SimpleQueue[tuple[str, Any, Any]]) -> None:
    """Take the child's answers as they come (a thread of the parent), until it ends."""
    while True:
        try:
            replies.put(conn.recv())
        except (EOFError, OSError, ValueError):  # the child died, or we closed our end
            replies.put(_DIED)
            return


def _answer(path: Path, reply: tuple[str, Any, Any]) -> Parsed:
    kind, value, extra = reply
    if kind == "article":
        return Parsed(value, extra)
    if kind == "refused":
        raise ArticleFormatError(path, value)
    # A fault in our parser: the file is skipped with a plain reason; the details are logged.
    log.error("Reading %s failed:\n%s", path, value)
    raise ArticleFormatError(path, "the reader ran into an error with it (see the log)")


def _read(request: _Request) -> Parsed:
    """Parse here, in the parent (no child could be started), then run `then`."""
    reply = reading_process.reply(request.path, request.data, request.then, request.ocr_budget)
    return _answer(request.path, reply)
