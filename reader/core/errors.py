"""Errors the core raises; each reads as a sentence a lawyer could understand."""

from __future__ import annotations

from pathlib import Path


class ReaderError(Exception):
    """Base class: str(error) is a complete, readable sentence."""


class ArticleFormatError(ReaderError):
    """A file that cannot be read as an article."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{self.path.name} could not be read as an article: {reason}.")


class IndexBusyError(ReaderError):
    """Another import holds the library's write lock."""

    def __init__(self, library: Path | str) -> None:
        self.library = Path(library)
        super().__init__(
            "An import is already running on this library; wait for it to finish and try again."
        )


class LibraryError(ReaderError):
    """The library folder cannot be opened or written."""


class IndexDamagedError(LibraryError):
    """The search index is damaged and must be rebuilt from the stored articles."""


class ArticleNotFoundError(ReaderError):
    """An article id or path that the library does not hold."""


class DiskFullError(LibraryError):
    """The disk holding the library ran out of space during an import."""

    def __init__(self, library: Path | str, committed: int) -> None:
        self.library = Path(library)
        self.committed = committed
        super().__init__(
            f"The disk holding the library is full, so the import stopped. The {committed} "
            "articles imported before that are safe; free some space and import again to "
            "finish."
        )


class ExportError(ReaderError):
    """A file the user asked to save could not be written."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        super().__init__(f"{path.name} could not be saved in {path.parent}: {reason}.")


class WorkspaceError(ReaderError):
    """The workspace file (tags, notes, saved searches) cannot be read or written."""

    def __init__(self, path: Path, reason: str, sentence: str | None = None) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            sentence
            or f"Your tags, notes and saved searches ({path.name}) could not be read or saved "
            f"({reason}). The library itself can still be read and searched."
        )


class WorkspaceDamagedError(WorkspaceError):
    """The workspace file is not a readable SQLite database; `kept` is the copy set aside."""

    def __init__(self, path: Path, reason: str, kept: Path | None, kept_problem: str = "") -> None:
        self.kept = kept
        if kept is not None:
            copy = f"A copy was kept as {kept.name} in the library folder."
        else:
            copy = f"No copy could be kept ({kept_problem}); the file was left as it is."
        super().__init__(
            path,
            reason,
            f"The workspace file {path} is damaged ({reason}); your tags and notes could not "
            f"be read. {copy} The library can still be read and searched; to start an empty "
            "workspace, run “legal-reader workspace --start-empty” (the damaged file is moved "
            "aside, never deleted).",
        )


class WorkspaceBusyError(WorkspaceError):
    """Another program holds a lock on the workspace file for longer than we wait."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            path,
            reason,
            f"The workspace file {path} is locked by another program ({reason}), so your "
            "tags and notes could not be read or saved just now; nothing was changed. Close "
            "the other program (or wait for it) and try again; the library can still be "
            "read and searched.",
        )


class WorkspaceInputError(ReaderError):
    """A tag, note, saved search or query term that cannot be kept or understood as typed."""
