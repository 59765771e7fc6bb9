"""LibraryLayout: the names of everything a library folder holds, spelled in one place."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class LibraryLayout:
    """Where each part of the library folder `root` lives."""

    root: Path

    @property
    def index_dir(self) -> Path:
        """The Whoosh index."""
        return self.root / "index"

    @property
    def rebuild_dir(self) -> Path:
        """A new index being built beside the old one."""
        return self.root / "index.rebuild"

    @property
    def damaged_dir(self) -> Path:
        """The last index a rebuild replaced, kept for inspection."""
        return self.root / "index.damaged"

    @property
    def manifest_path(self) -> Path:
        """The import manifest: source path → article id, size, mtime."""
        return self.root / "manifest.json"

    @property
    def store_dir(self) -> Path:
        """The library's own copy of each imported file, named by its hash."""
        return self.root / "store"

    @property
    def corrections_path(self) -> Path:
        """The user's entity corrections."""
        return self.root / "corrections.json"

    @property
    def cache_path(self) -> Path:
        """The extraction cache."""
        return self.root / "cache.sqlite"

    @property
    def samples_marker(self) -> Path:
        """Written once the sample articles of a first run are committed."""
        return self.root / "samples.done"

    @property
    def origins_path(self) -> Path:
        """Where each copy in the store was imported from (store.note_origin)."""
        return self.root / "origins.tsv"

    @property
    def watched_path(self) -> Path:
        """The folders the user imported, which the app watches for changes."""
        return self.root / "watched.json"

    def has_copies(self) -> bool:
        """True when the store holds at least one copy of an imported file."""
        try:
            return any(
                path.is_file() and not path.name.startswith(".")
                for path in self.store_dir.rglob("*")
            )
        except OSError:
            return False

    @property
    def workspace_path(self) -> Path:
        """The user's tags, stars, notes and saved searches (never rebuilt from the index)."""
        return self.root / "workspace.sqlite"

    def is_new(self) -> bool:
        """True when the folder holds no index, no manifest and no copies of articles.

        A folder with copies in its store is never new: whatever else is missing is rebuilt
        from them.
        """
        return (
            not self.index_dir.exists()
            and not self.manifest_path.exists()
            and not self.has_copies()
        )
