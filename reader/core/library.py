"""Library: a folder holding the search index, the import manifest and copies of the articles."""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reader.core import document, durable, index, ingest, manifest, query, store
from reader.core.articles import Article
from reader.core.errors import ArticleFormatError, ArticleNotFoundError, LibraryError
from reader.core.manifest import Manifest, Source
from reader.core.mentions import Mention
from reader.core.progress import (
    ADDED,
    DUPLICATE,
    FAILED,
    REMOVED,
    UNCHANGED,
    UPDATED,
    Progress,
)
from reader.core.resources import resource
from reader.core.search_result import SearchResult
from reader.core.writelock import WriteLock

log = logging.getLogger(__name__)

# Commit often enough that an interrupted import keeps most of its work, rarely enough that
# Whoosh does not drown in tiny segments.
BATCH_FILES = 64
BATCH_SECONDS = 5.0

Extractor = Callable[[Article], list[Mention]]


class Library:
    """An on-disk library of articles; every method takes and returns plain values."""

    def __init__(self, root: Path, ix: Any, extractor: Extractor | None = None) -> None:
        self.root = root
        self._ix = ix
        self._extractor = extractor

    @classmethod
    def open(
        cls, root: Path, *, samples: bool = True, extractor: Extractor | None = None
    ) -> Library:
        """Open (or create) the library in `root`; a new one starts with the sample articles."""
        try:
            root.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(
                f"The library folder {root} cannot be created: {error.strerror}."
            ) from error
        is_new = not (root / "index").exists()
        library = cls(root, index.open_or_create(root / "index"), extractor)
        if is_new and samples:
            for _ in library.import_paths([sample_articles()]):
                pass
        return library

    @property
    def manifest_path(self) -> Path:
        """Where the import manifest lives."""
        return self.root / "manifest.json"

    @property
    def store_dir(self) -> Path:
        """Where the copies of imported files live."""
        return self.root / "store"

    def article_count(self) -> int:
        """Return how many articles the library holds."""
        with self._ix.searcher() as searcher:
            return int(searcher.doc_count())

    def search(self, text: str, limit: int = 20, *, today: date | None = None) -> SearchResult:
        """Search the library; a malformed query is repaired, never raised."""
        return query.search(self._ix, text, limit=limit, today=today or date.today())

    def article(self, article_id: str) -> Article:
        """Return the article with id `article_id`."""
        with self._ix.searcher() as searcher:
            stored = searcher.document(id=article_id)
        if stored is None:
            raise ArticleNotFoundError(f"The library has no article with id {article_id}.")
        return _article_from_stored(stored)

    def find_by_path(self, path: Path) -> Article:
        """Return the article imported from `path`."""
        entry = self._manifest().sources.get(str(path.resolve()))
        if entry is None:
            raise ArticleNotFoundError(f"{path.name} has not been imported into this library.")
        return self.article(entry.article_id)

    def articles(self) -> list[Article]:
        """Return every article, newest publication first."""
        with self._ix.searcher() as searcher:
            found = [_article_from_stored(fields) for fields in searcher.all_stored_fields()]
        return sorted(found, key=lambda a: (a.published or "", a.title), reverse=True)

    def mentions(self, article: Article) -> list[Mention]:
        """Return the entities and dates of `article` (runs the extractor if one is set)."""
        return self._extractor(article) if self._extractor else []

    def import_paths(self, paths: Sequence[Path], *, rescan: bool = True) -> Iterator[Progress]:
        """Import files and folders, yielding after each file; committed batches survive a stop.

        With `rescan`, files that were imported from a given folder and are gone now leave the
        library.
        """
        with WriteLock(self.root):
            yield from _Import(self, [p.resolve() for p in paths], rescan).run()

    # Internal helpers used by _Import.

    def _manifest(self) -> Manifest:
        loaded = manifest.load(self.manifest_path)
        generation = self._ix.latest_generation()
        if loaded is not None and loaded.generation == generation:
            return loaded
        rebuilt = Manifest(generation=generation)
        with self._ix.searcher() as searcher:
            for fields in searcher.all_stored_fields():
                for path, size, mtime_ns in json.loads(fields.get("sources", "[]")):
                    rebuilt.sources[path] = Source(fields["id"], size, mtime_ns)
        return rebuilt

    def _commit(self, writer: Any, working: Manifest) -> None:
        writer.commit()
        # Whoosh never fsyncs; an article counts as imported only once it is on disk.
        durable.sync_files(sorted((self.root / "index").iterdir()))
        self._ix = index.open_or_create(self.root / "index")
        working.generation = self._ix.latest_generation()
        manifest.save(working, self.manifest_path)


def sample_articles() -> Path:
    """The folder of sample articles a new library starts with."""
    return resource("articles")


class _Import:
    """One run of Library.import_paths."""

    def __init__(self, library: Library, paths: list[Path], rescan: bool) -> None:
        self.library = library
        self.paths = paths
        self.rescan = rescan
        self.working = library._manifest()
        self.committed = 0
        self.pending = 0

    def run(self) -> Iterator[Progress]:
        files = list(ingest.find_article_files(self.paths))
        stale = self._stale(files) if self.rescan else []
        total = len(files) + len(stale)
        ix = self.library._ix
        writer_ctx = None
        writer = None
        started = time.monotonic()
        try:
            for done, path in enumerate(files + stale, start=1):
                if writer is None:
                    writer_ctx = index.writing(ix, self.library.root)
                    writer = writer_ctx.__enter__()
                if done > len(files):
                    status, problem = self._remove_source(writer, str(path)), None
                else:
                    status, problem = self._import_file(writer, path)
                if status in (ADDED, UPDATED, REMOVED, DUPLICATE):
                    self.pending += 1
                if self.pending >= BATCH_FILES or (
                    self.pending and time.monotonic() - started > BATCH_SECONDS
                ):
                    self.library._commit(writer, self.working)
                    writer_ctx = writer = None
                    self.committed += self.pending
                    self.pending = 0
                    started = time.monotonic()
                    ix = self.library._ix
                yield Progress(done, total, path, status, problem, self.committed)
            if writer is not None:
                if self.pending:
                    self.library._commit(writer, self.working)
                    self.committed += self.pending
                else:
                    writer.cancel()
        except BaseException as error:
            if writer_ctx is not None:
                writer_ctx.__exit__(type(error), error, error.__traceback__)
            raise

    def _stale(self, files: list[Path]) -> list[Path]:
        present = {str(f) for f in files}
        folders = [p for p in self.paths if p.is_dir()]
        return [
            Path(p)
            for p in sorted(self.working.sources)
            if p not in present and any(Path(p).is_relative_to(folder) for folder in folders)
        ]

    def _import_file(self, writer: Any, path: Path) -> tuple[str, str | None]:
        key = str(path)
        try:
            data = path.read_bytes()
            stat = path.stat()
        except OSError as error:
            return FAILED, str(ArticleFormatError(path, error.strerror or "it cannot be opened"))
        article_id = ingest.article_id(data)
        old = self.working.sources.get(key)
        source = Source(article_id, stat.st_size, stat.st_mtime_ns)
        if old is not None and old.article_id == article_id:
            self.working.sources[key] = source
            return UNCHANGED, None
        if any(s.article_id == article_id for s in self.working.sources.values()):
            self.working.sources[key] = source
            self._drop_if_orphaned(writer, old)
            return DUPLICATE, None
        try:
            article = ingest.parse_article(path, data)
        except ArticleFormatError as error:
            return FAILED, str(error)
        stored_name = store.name_for(article_id, path.suffix)
        store.put(self.library.store_dir, stored_name, data)
        self.working.sources[key] = source
        self._write(writer, article, stored_name)
        self._drop_if_orphaned(writer, old)
        return (UPDATED if old else ADDED), None

    def _write(self, writer: Any, article: Article, stored_name: str) -> None:
        try:
            mentions = self.library.mentions(article)
        except Exception:  # the model failing must not lose the article's text
            log.exception("Entity extraction failed for %s", article.path)
            mentions = []
        sources = [
            (p, s.size, s.mtime_ns)
            for p, s in self.working.sources.items()
            if s.article_id == article.id
        ]
        writer.update_document(**document.fields(article, stored_name, sources, mentions))

    def _remove_source(self, writer: Any, key: str) -> str:
        old = self.working.sources.pop(key, None)
        self._drop_if_orphaned(writer, old)
        return REMOVED

    def _drop_if_orphaned(self, writer: Any, old: Source | None) -> None:
        if old is None or any(
            s.article_id == old.article_id for s in self.working.sources.values()
        ):
            return
        writer.delete_by_term("id", old.article_id)


def _article_from_stored(fields: dict[str, Any]) -> Article:
    return Article(
        id=fields["id"],
        path=Path(fields["path"]),
        title=fields["title"],
        body=fields["body"],
        format=fields["format"],
        published=fields.get("published") or None,
        author=fields.get("author"),
        source=fields.get("source"),
        url=fields.get("url"),
        summary=fields.get("summary"),
    )


def replace_path(article: Article, path: Path) -> Article:
    """Return `article` as read from `path` (used when showing a duplicate's own file)."""
    return dataclasses.replace(article, path=path)
