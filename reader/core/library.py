"""Library: a folder holding the search index, the import manifest and copies of the articles."""

from __future__ import annotations

import dataclasses
import functools
import itertools
import json
import logging
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reader.core import (
    corrections,
    document,
    durable,
    entity_table,
    index,
    ingest,
    manifest,
    query,
    store,
)
from reader.core.articles import Article
from reader.core.corrections import Corrections
from reader.core.entity_table import EntityRow
from reader.core.errors import ArticleFormatError, ArticleNotFoundError, LibraryError
from reader.core.extraction import Extraction
from reader.core.filters import Filters
from reader.core.folding import fold
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
        self._custom_extractor = extractor
        self.extraction = Extraction(root / "cache.sqlite")

    @classmethod
    def open(
        cls, root: Path, *, samples: bool = True, extractor: Extractor | None = None
    ) -> Library:
        """Open (or create) the library in `root`; a new one starts with the sample articles.

        `extractor` replaces the entity extractor (e.g. `lambda article: []` for text only).
        """
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

    @property
    def corrections_path(self) -> Path:
        """Where the user's entity corrections live."""
        return self.root / "corrections.json"

    def article_count(self) -> int:
        """Return how many articles the library holds."""
        with self._ix.searcher() as searcher:
            return int(searcher.doc_count())

    def search(
        self,
        text: str,
        limit: int = 20,
        *,
        filters: Filters | None = None,
        facets: bool = False,
        today: date | None = None,
    ) -> SearchResult:
        """Search the library; a malformed query is repaired, never raised."""
        return query.search(
            self._ix,
            text,
            limit=limit,
            today=today or date.today(),
            filters=filters,
            facets=facets,
        )

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

    def raw_mentions(self, article: Article) -> list[Mention]:
        """The extractor's mentions of `article`, before the user's corrections."""
        if self._custom_extractor is not None:
            return self._custom_extractor(article)
        return self.extraction.mentions(article)

    def mentions(self, article: Article) -> list[Mention]:
        """Return the entities and dates of `article`, with the user's corrections applied.

        Runs the model (loading it, 1.5-2.5 s) only if the article was never extracted.
        """
        return corrections.apply(self.entity_corrections(), self.raw_mentions(article))

    def entity_corrections(self) -> Corrections:
        """The user's corrections to extracted entities."""
        return corrections.load(self.corrections_path)

    def entities(self) -> list[EntityRow]:
        """The library's entity table: one row per entity, most mentioned first."""
        return entity_table.build((a.id, self.mentions(a)) for a in self.articles())

    def hide_entity(self, name: str) -> None:
        """Hide an entity everywhere: highlights, panel and search."""
        self._correct(corrections.hide(self.entity_corrections(), name), name)

    def relabel_entity(self, name: str, label: str) -> None:
        """Give an entity another type (e.g. ORG → PERSON)."""
        self._correct(corrections.relabel(self.entity_corrections(), name, label), name)

    def merge_entities(self, name: str, into: str) -> None:
        """Treat `name` as another spelling of `into`."""
        self._correct(corrections.merge(self.entity_corrections(), name, into), name, into)

    def split_entity(self, name: str) -> None:
        """Undo merges into `name`: each spelling stands for itself again."""
        self._correct(corrections.split(self.entity_corrections(), name), name)

    def import_paths(self, paths: Sequence[Path], *, rescan: bool = True) -> Iterator[Progress]:
        """Import files and folders, yielding after each file; committed batches survive a stop.

        With `rescan`, files that were imported from a given folder and are gone now leave the
        library.
        """
        with WriteLock(self.root):
            yield from _Import(self, [p.resolve() for p in paths], rescan).run()

    # Internal helpers used by _Import.

    def _correct(self, updated: Corrections, *names: str) -> None:
        """Save corrections and re-index the articles that mention `names` (no model runs)."""
        keys = {fold(name) for name in names}
        with WriteLock(self.root):
            corrections.save(updated, self.corrections_path)
            affected = [
                article
                for article in self.articles()
                if keys & {corrections.key(m) for m in self.raw_mentions(article)}
                or keys & {fold(m.canonical or m.text) for m in self.mentions(article)}
            ]
            if not affected:
                return
            working = self._manifest()
            with index.writing(self._ix, self.root) as writer:
                for article in affected:
                    _write_document(writer, article, working, self.mentions(article))
                self._commit(writer, working)

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


def _write_document(
    writer: Any, article: Article, working: Manifest, mentions: Sequence[Mention]
) -> None:
    stored_name = store.name_for(article.id, article.path.suffix)
    sources = [
        (p, s.size, s.mtime_ns) for p, s in working.sources.items() if s.article_id == article.id
    ]
    writer.update_document(**document.fields(article, stored_name, sources, mentions))


@dataclass
class _Step:
    """A file on its way through an import: prepared, maybe extracting, then written."""

    path: Path
    status: str
    problem: str | None = None
    source: Source | None = None
    article: Article | None = None
    mentions: Callable[[], list[Mention]] | None = None
    removed: Source | None = None


class _Import:
    """One run of Library.import_paths.

    Files are prepared in order (read, hashed, parsed) and their extraction started up to
    WINDOW files ahead, so that worker processes stay busy; each file is written to the index
    and reported in order. The manifest learns of a file only when its document is written,
    and is saved only with a commit, so it never claims more than the index holds.
    """

    WINDOW = 8

    def __init__(self, library: Library, paths: list[Path], rescan: bool) -> None:
        self.library = library
        self.paths = paths
        self.rescan = rescan
        self.working = library._manifest()
        self.in_flight: set[str] = set()
        self.committed = 0
        self.pending = 0

    def run(self) -> Iterator[Progress]:
        files = list(ingest.find_article_files(self.paths))
        stale = self._stale(files) if self.rescan else []
        total = len(files) + len(stale)
        extraction = self.library.extraction
        if self.library._custom_extractor is None:
            new = sum(1 for f in files if str(f) not in self.working.sources)
            extraction.start_workers(new)
        writer_ctx: Any = None
        writer: Any = None
        started = time.monotonic()
        queue: deque[_Step] = deque()
        done = 0
        try:
            steps = itertools.chain(
                (self._prepare(path) for path in files),
                (_Step(path, REMOVED) for path in stale),
            )
            for step in itertools.chain(steps, [None]):
                if step is not None:
                    queue.append(step)
                while queue and (step is None or len(queue) > self.WINDOW):
                    current = queue.popleft()
                    if writer is None:
                        writer_ctx = index.writing(self.library._ix, self.library.root)
                        writer = writer_ctx.__enter__()
                    self._finish(writer, current)
                    done += 1
                    if self.pending >= BATCH_FILES or (
                        self.pending and time.monotonic() - started > BATCH_SECONDS
                    ):
                        self.library._commit(writer, self.working)
                        writer_ctx = writer = None
                        self.committed += self.pending
                        self.pending = 0
                        started = time.monotonic()
                    yield Progress(
                        done, total, current.path, current.status, current.problem, self.committed
                    )
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
        finally:
            extraction.stop_workers()

    def _stale(self, files: list[Path]) -> list[Path]:
        present = {str(f) for f in files}
        folders = [p for p in self.paths if p.is_dir()]
        return [
            Path(p)
            for p in sorted(self.working.sources)
            if p not in present and any(Path(p).is_relative_to(folder) for folder in folders)
        ]

    def _prepare(self, path: Path) -> _Step:
        """Read and parse one file, and start its extraction; nothing is written yet."""
        key = str(path)
        try:
            data = path.read_bytes()
            stat = path.stat()
        except OSError as error:
            problem = str(ArticleFormatError(path, error.strerror or "it cannot be opened"))
            return _Step(path, FAILED, problem)
        article_id = ingest.article_id(data)
        old = self.working.sources.get(key)
        source = Source(article_id, stat.st_size, stat.st_mtime_ns)
        if old is not None and old.article_id == article_id:
            return _Step(path, UNCHANGED, source=source)
        known = {s.article_id for s in self.working.sources.values()} | self.in_flight
        if article_id in known:
            return _Step(path, DUPLICATE, source=source, removed=old)
        try:
            article = ingest.parse_article(path, data)
        except ArticleFormatError as error:
            return _Step(path, FAILED, str(error))
        store.put(self.library.store_dir, store.name_for(article_id, path.suffix), data)
        self.in_flight.add(article_id)
        custom = self.library._custom_extractor
        if custom is not None:
            mentions: Callable[[], list[Mention]] = functools.partial(custom, article)
        else:
            mentions = self.library.extraction.submit(article)
        status = UPDATED if old else ADDED
        return _Step(path, status, source=source, article=article, mentions=mentions, removed=old)

    def _finish(self, writer: Any, step: _Step) -> None:
        """Write a prepared step into the index and the working manifest."""
        key = str(step.path)
        if step.status == REMOVED:
            step.removed = self.working.sources.pop(key, None)
        elif step.source is not None:
            self.working.sources[key] = step.source
        if step.article is not None and step.mentions is not None:
            try:
                raw = step.mentions()
            except Exception:  # the model failing must not lose the article's text
                log.exception("Entity extraction failed for %s", step.path)
                raw = []
            mentions = corrections.apply(self.library.entity_corrections(), raw)
            _write_document(writer, step.article, self.working, mentions)
            self.in_flight.discard(step.article.id)
        self._drop_if_orphaned(writer, step.removed)
        if step.status in (ADDED, UPDATED, REMOVED, DUPLICATE):
            self.pending += 1

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
