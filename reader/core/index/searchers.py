"""Searchers: one open searcher per thread and index generation."""

from __future__ import annotations

import contextlib
import logging
import threading
from typing import Any

log = logging.getLogger(__name__)


class Searchers:
    """One open searcher per thread, kept while the index generation stays the same.

    Opening a Whoosh searcher costs ~50 ms at 10,000 articles, so each search reusing one
    matters. A searcher is never refreshed (refresh() gives wrong results after merges in
    Whoosh 2.7.5); when a commit makes a new generation, a new searcher is opened instead.
    """

    def __init__(self) -> None:
        self._local = threading.local()

    def get(self, ix: Any, *, fresh: bool = False) -> Any:
        """Return this thread's searcher for the newest commit of `ix`."""
        generation = (id(ix), ix.latest_generation())
        held = getattr(self._local, "held", None)
        if held is not None and held[0] == generation and not fresh:
            return held[1]
        if held is not None:
            with contextlib.suppress(Exception):
                held[1].close()
        searcher = ix.searcher()
        self._local.held = (generation, searcher)
        return searcher
