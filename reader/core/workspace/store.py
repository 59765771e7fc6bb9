"""Workspace: the user's tags, stars, notes and saved searches, in one SQLite file.

Every write is one transaction with `synchronous=FULL` in WAL mode, so a kill -9 or power cut
loses at most the write in flight, never an earlier one (see docs/RELIABILITY.md).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from reader.core.errors import WorkspaceInputError
from reader.core.workspace import anchoring, damage
from reader.core.workspace.items import Note

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, path TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tags (article_id TEXT, name TEXT, PRIMARY KEY (article_id, name));
CREATE TABLE IF NOT EXISTS stars (article_id TEXT PRIMARY KEY);
CREATE TABLE IF NOT EXISTS notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT, article_id TEXT NOT NULL, path TEXT NOT NULL,
    text TEXT NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, before TEXT NOT NULL,
    after TEXT NOT NULL, colour TEXT NOT NULL, note TEXT NOT NULL, created TEXT NOT NULL,
    updated TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'ok');
CREATE TABLE IF NOT EXISTS saved (
    name TEXT PRIMARY KEY, query TEXT NOT NULL, filters TEXT NOT NULL, last_opened TEXT,
    seen TEXT NOT NULL, created TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS history (at TEXT NOT NULL, query TEXT NOT NULL);
"""
NOTE_COLUMNS = (
    "id, article_id, path, text, start, end, before, after, colour, note, created, updated, state"
)
COLOURS = ("yellow", "green", "blue", "pink")


def now() -> str:
    """The current time, ISO in UTC to the second."""
    return datetime.now(UTC).isoformat(timespec="seconds")


class Workspace:
    """An open workspace file; methods take and return plain values."""

    def __init__(self, path: Path) -> None:
        self.path = path
        damage.check(path)  # before anything is written: a damaged file is kept as it is
        # The app reads from its search thread and writes from the window's: one connection
        # shared under a lock, so each statement and transaction runs alone.
        self._lock = threading.RLock()
        try:
            self._db = sqlite3.connect(
                path, isolation_level=None, check_same_thread=False, timeout=damage.LOCK_WAIT_S
            )
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(SCHEMA)
            self._db.execute("SELECT count(*) FROM notes").fetchone()
        except sqlite3.DatabaseError as error:
            raise damage.failure(path, error) from error

    def close(self) -> None:
        """Close the file (later writes raise)."""
        self._db.close()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One transaction: all of it is kept, or none of it."""
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    yield self._db
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise
                self._db.execute("COMMIT")
            except sqlite3.DatabaseError as error:
                raise damage.failure(self.path, error) from error

    def read(self, sql: str, params: Iterable[object] = ()) -> list[tuple[object, ...]]:
        try:
            with self._lock:
                return self._db.execute(sql, tuple(params)).fetchall()
        except sqlite3.DatabaseError as error:
            raise damage.failure(self.path, error) from error

    # Tags and stars

    def tag(self, article_id: str, path: str, name: str, *, remove: bool = False) -> None:
        """Put the tag `name` on the article (or take it off with `remove`)."""
        name = name.strip()
        if not name:
            raise WorkspaceInputError("A tag needs a name.")
        with self.write() as db:
            if remove:
                db.execute("DELETE FROM tags WHERE article_id=? AND name=?", (article_id, name))
            else:
                _remember(db, article_id, path)
                db.execute("INSERT OR IGNORE INTO tags VALUES (?, ?)", (article_id, name))

    def tag_many(self, articles: Iterable[tuple[str, str]], name: str) -> int:
        """Tag every (article id, path) in one transaction; returns how many."""
        count = 0
        with self.write() as db:
            for article_id, path in articles:
                _remember(db, article_id, path)
                db.execute("INSERT OR IGNORE INTO tags VALUES (?, ?)", (article_id, name))
                count += 1
        return count

    def tags(self, article_id: str) -> list[str]:
        """The article's tags, in name order."""
        rows = self.read("SELECT name FROM tags WHERE article_id=? ORDER BY name", (article_id,))
        return [str(row[0]) for row in rows]

    def tag_counts(self) -> dict[str, int]:
        """Every tag with how many articles carry it."""
        rows = self.read("SELECT name, count(*) FROM tags GROUP BY name ORDER BY name")
        return {str(name): int(str(count)) for name, count in rows}

    def tagged(self, name: str) -> set[str]:
        """Ids of the articles tagged `name` (case-insensitive)."""
        rows = self.read("SELECT article_id FROM tags WHERE lower(name)=lower(?)", (name,))
        return {str(row[0]) for row in rows}

    def star(self, article_id: str, path: str, on: bool = True) -> None:
        """Star the article, or unstar it."""
        with self.write() as db:
            if on:
                _remember(db, article_id, path)
                db.execute("INSERT OR IGNORE INTO stars VALUES (?)", (article_id,))
            else:
                db.execute("DELETE FROM stars WHERE article_id=?", (article_id,))

    def starred(self) -> set[str]:
        """Ids of the starred articles."""
        return {str(row[0]) for row in self.read("SELECT article_id FROM stars")}

    # Notes and marked passages

    def add_note(
        self,
        article_id: str,
        path: str,
        body: str,
        note: str,
        *,
        start: int = 0,
        end: int = 0,
        colour: str = "yellow",
    ) -> Note:
        """Mark `body[start:end]` (nothing: a note on the whole article) with `note`."""
        if not 0 <= start <= end <= len(body):
            raise WorkspaceInputError("The marked passage is not inside the article's text.")
        if colour not in COLOURS:
            raise WorkspaceInputError(f"The colour must be one of {', '.join(COLOURS)}.")
        before, after = anchoring.context(body, start, end) if end > start else ("", "")
        stamp = now()
        with self.write() as db:
            _remember(db, article_id, path)
            cursor = db.execute(
                "INSERT INTO notes (article_id, path, text, start, end, before, after, colour,"
                " note, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article_id,
                    path,
                    body[start:end],
                    start,
                    end,
                    before,
                    after,
                    colour,
                    note,
                    *[stamp] * 2,
                ),
            )
            note_id = int(cursor.lastrowid or 0)
        return self.note(note_id)

    def note(self, note_id: int) -> Note:
        """One note by its number."""
        rows = self.read(f"SELECT {NOTE_COLUMNS} FROM notes WHERE id=?", (note_id,))
        if not rows:
            raise KeyError(note_id)
        return _note(rows[0])

    def notes(self, article_id: str | None = None) -> list[Note]:
        """The article's notes in text order (every note when `article_id` is None)."""
        if article_id is None:
            rows = self.read(f"SELECT {NOTE_COLUMNS} FROM notes ORDER BY article_id, start")
        else:
            sql = f"SELECT {NOTE_COLUMNS} FROM notes WHERE article_id=? ORDER BY start, id"
            rows = self.read(sql, (article_id,))
        return [_note(row) for row in rows]

    def edit_note(self, note_id: int, note: str, colour: str | None = None) -> Note:
        """Change a note's text (and colour)."""
        current = self.note(note_id)
        with self.write() as db:
            db.execute(
                "UPDATE notes SET note=?, colour=?, updated=? WHERE id=?",
                (note, colour or current.colour, now(), note_id),
            )
        return self.note(note_id)

    def delete_note(self, note_id: int) -> None:
        """Remove a note."""
        with self.write() as db:
            db.execute("DELETE FROM notes WHERE id=?", (note_id,))

    def noted(self, word: str) -> set[str]:
        """Ids of articles with `word` in a note or a marked passage (case-insensitive)."""
        pattern = f"%{word}%"
        rows = self.read(
            "SELECT DISTINCT article_id FROM notes WHERE note LIKE ? OR text LIKE ?",
            (pattern, pattern),
        )
        return {str(row[0]) for row in rows}

    def reanchor(self, path: str, article_id: str, body: str) -> list[Note]:
        """An article at `path` was re-imported as `article_id`: move its tags, star and notes.

        Each marked passage looks for its words again (text + context); those it cannot find
        keep their note and are marked "stale" for the user to look at.
        """
        old_ids = [
            str(row[0])
            for row in self.read(
                "SELECT id FROM articles WHERE path=? AND id<>?", (path, article_id)
            )
        ]
        if not old_ids:
            return []
        moved: list[int] = []
        with self.write() as db:
            _remember(db, article_id, path)
            for old in old_ids:
                db.execute(
                    "UPDATE OR IGNORE tags SET article_id=? WHERE article_id=?", (article_id, old)
                )
                db.execute("DELETE FROM tags WHERE article_id=?", (old,))
                db.execute(
                    "UPDATE OR IGNORE stars SET article_id=? WHERE article_id=?", (article_id, old)
                )
                db.execute("DELETE FROM stars WHERE article_id=?", (old,))
                for row in db.execute(
                    f"SELECT {NOTE_COLUMNS} FROM notes WHERE article_id=?", (old,)
                ).fetchall():
                    note = _note(row)
                    found = anchoring.locate(body, note.text, note.start, note.before, note.after)
                    db.execute(
                        "UPDATE notes SET article_id=?, start=?, end=?, state=? WHERE id=?",
                        (article_id, found.start, found.end, found.state, note.id),
                    )
                    moved.append(note.id)
                db.execute("DELETE FROM articles WHERE id=?", (old,))
        return [self.note(note_id) for note_id in moved]


def _remember(db: sqlite3.Connection, article_id: str, path: str) -> None:
    db.execute("INSERT OR REPLACE INTO articles VALUES (?, ?)", (article_id, path))


def _note(row: tuple[object, ...]) -> Note:
    number, article, path, text, start, end, before, after, colour, note, made, changed, state = (
        str(value) for value in row
    )
    return Note(
        int(number),
        article,
        path,
        text,
        int(start),
        int(end),
        before,
        after,
        colour,
        note,
        made,
        changed,
        state,
    )
