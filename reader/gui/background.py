"""BackgroundCalls: run a core call on a worker thread and get its result back on the GUI thread."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from reader.core.errors import ReaderError

log = logging.getLogger(__name__)

UNEXPECTED = "Something unexpected went wrong; the details are in the log file."


class BackgroundCalls(QObject):
    """One worker thread; results come back as signals, in the order the calls were made.

    Signals:
        succeeded(ticket, result): a call returned.
        failed(ticket, message): a call raised; message is one readable sentence.
    """

    succeeded = Signal(int, object)
    failed = Signal(int, str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._tickets = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[str], None] | None]] = {}
        self.succeeded.connect(self._deliver)
        self.failed.connect(self._deliver_failure)

    def call(
        self,
        function: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_failed: Callable[[str], None] | None = None,
    ) -> int:
        """Run `function()` off the GUI thread; call `on_done(result)` on the GUI thread."""
        ticket = next(self._tickets)
        self._callbacks[ticket] = (on_done, on_failed)
        self._pool.start(_Call(self, ticket, function))
        return ticket

    def is_busy(self) -> bool:
        """Return whether a call is still running or waiting."""
        return bool(self._callbacks)

    def wait(self, msecs: int = 30_000) -> None:
        """Wait for the running calls to end (used when the window closes)."""
        self._pool.clear()
        self._pool.waitForDone(msecs)

    @Slot(int, object)
    def _deliver(self, ticket: int, result: object) -> None:
        callbacks = self._callbacks.pop(ticket, None)
        if callbacks is not None:
            callbacks[0](result)

    @Slot(int, str)
    def _deliver_failure(self, ticket: int, message: str) -> None:
        callbacks = self._callbacks.pop(ticket, None)
        if callbacks is not None and callbacks[1] is not None:
            callbacks[1](message)


class _Call(QRunnable):
    def __init__(self, owner: BackgroundCalls, ticket: int, function: Callable[[], Any]) -> None:
        super().__init__()
        self.owner = owner
        self.ticket = ticket
        self.function = function

    def run(self) -> None:
        try:
            result = self.function()
        except ReaderError as error:
            self.owner.failed.emit(self.ticket, str(error))
        except Exception:
            log.exception("A background call failed")
            self.owner.failed.emit(self.ticket, UNEXPECTED)
        else:
            self.owner.succeeded.emit(self.ticket, result)
