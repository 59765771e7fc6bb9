"""A cache of extracted mentions in one SQLite file, keyed by a hash of the article's text.

The cache is disposable: a damaged or unreadable file is logged and treated as empty, and is
replaced by a fresh one on the next write.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from types import TracebackType

from reader.core import mentions as mentions_module
from reader.core.mentions import Mention

log = logging.getLogger(__name__)

_SCHEMA = "CREATE TABLE IF NOT EXISTS mentions (key TEXT PRIMARY KEY, data TEXT NOT NULL)"


def key(text: str, published: date | None, version: str) -> str:
    """Return the cache key of a text, its publication date and the extractor's version."""
    anchor = published.isoformat() if published else "-"
    return hashlib.sha256(f"{version}\n{anchor}\n{text}".encode()).hexdigest()


class ExtractionCache:
    """Mentions by content hash in a SQLite file; use as a context manager or call close()."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        try:
            self._db = self._open()
        except sqlite3.DatabaseError as error:
            log.warning("extraction cache %s is unreadable (%s); starting afresh", path, error)
            self._reset()

    def _open(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path)
        try:
            db.execute(_SCHEMA)
            db.execute("SELECT count(*) FROM mentions").fetchone()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def _reset(self) -> None:
        """Replace a damaged file with an empty cache; without a usable file, cache nothing."""
        if self._db is not None:
            self._db.close()
        self._db = None
        try:
            self.path.unlink(missing_ok=True)
            self._db = self._open()
        except (OSError, sqlite3.DatabaseError) as error:
            log.warning("extraction cache %s disabled: %s", self.path, error)

    def get(self, cache_key: str) -> list[Mention] | None:
        """Return the stored mentions for `cache_key`, or None when absent or unreadable."""
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT data FROM mentions WHERE key = ?", (cache_key,)
            ).fetchone()
            return (
                None if row is None else [mentions_module.from_dict(d) for d in json.loads(row[0])]
            )
        except (sqlite3.DatabaseError, ValueError, TypeError, AttributeError) as error:
            log.warning("extraction cache entry unreadable (%s); extracting again", error)
            return None

    def put(self, cache_key: str, mentions: Sequence[Mention]) -> None:
        """Store the mentions for `cache_key`, replacing any earlier entry."""
        data = json.dumps([mentions_module.to_dict(m) for m in mentions], ensure_ascii=False)
        for attempt in (1, 2):
            if self._db is None:
                return
            try:
                with self._db:
                    self._db.execute(
                        "INSERT OR REPLACE INTO mentions VALUES (?, ?)", (cache_key, data)
                    )
                return
            except sqlite3.DatabaseError as error:
                log.warning("extraction cache write failed (%s); attempt %d", error, attempt)
                self._reset()

    def close(self) -> None:
        """Close the file."""
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
