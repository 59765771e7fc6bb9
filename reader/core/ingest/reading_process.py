"""The reading process: the child of ParseGuard (parse_guard.py) that parses what arrives.

It runs the parsers, and what the import asks of each article (`then`), and sends back the
article or a reason; it dies with its parent, so a parse stuck in a loop cannot outlive it.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from reader.core.articles import Article
from reader.core.errors import ArticleFormatError
from reader.core.ingest import pdf
from reader.core.ingest import reading as ingest

log = logging.getLogger(__name__)

_PR_SET_PDEATHSIG = 1


def reply(
    path: Path,
    data: bytes,
    then: Callable[[Article], Any] | None,
    ocr_budget: pdf.OcrBudget | None,
) -> tuple[str, Any, Any]:
    """The answer for one file: ("article", article, what `then` gave), ("refused", reason,
    None) or ("failed", the traceback, None)."""
    try:
        article = ingest.parse_article(path, data, ocr_budget)
    except ArticleFormatError as error:
        return ("refused", error.reason, None)
    except Exception:  # a parser fault: the parent skips the file and logs this
        return ("failed", traceback.format_exc(), None)
    extra = None
    if then is not None:
        try:
            extra = then(article)
        except Exception:  # what `then` adds must not lose the article: the parent does without
            log.exception("Reading %s: %s failed", path, getattr(then, "__name__", then))
    return ("article", article, extra)


def serve(conn: Connection, parent: int) -> None:
    """The child: parse what arrives until the parent closes its end."""
    _die_with(parent)
    # Ctrl-C in a terminal reaches the whole process group; the parent decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    conn.send("ready")
    while True:
        try:
            path, data, then, ocr_budget = conn.recv()
        except (EOFError, OSError):
            return
        try:
            conn.send(reply(path, data, then, ocr_budget))
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
