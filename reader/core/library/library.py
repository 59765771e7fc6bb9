"""Library: a folder holding the search index, the import manifest and copies of the articles."""

from __future__ import annotations

import contextlib
import json
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reader.core import durable
from reader.core.articles import Article
from reader.core.entities import corrections, entity_table
from reader.core.entities.corrections import Corrections
from reader.core.entities.entity_table import EntityRow
from reader.core.entities.extraction import Extraction
from reader.core.entities.extraction_cache import ExtractionCache
from reader.core.errors import (
    ArticleNotFoundError,
    IndexBusyError,
    IndexDamagedError,
    LibraryError,
)
from reader.core.index import document, query
from reader.core.index import whoosh_index as index
from reader.core.index.filters import Filters
from reader.core.index.search_result import SearchResult
from reader.core.index.vocabulary import Vocabulary
from reader.core.library import importer, integrity, manifest, rebuilding, store, writelock
from reader.core.library.manifest import Manifest, Source
from reader.core.library.progress import (
    Progress,
)
from reader.core.library.writelock import WriteLock
from reader.core.mentions import Mention
from reader.core.resources import resource
from reader.core.text.folding import fold

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
        self.ix = ix
        self._searchers = query.Searchers()
        self._vocabulary = Vocabulary()
        self.repaired: str | None = None  # set when opening had to rebuild a damaged index
        self.custom_extractor = extractor
        self.extraction = Extraction(root / "cache.sqlite")

    @classmethod
    def open(
        cls,
        root: Path,
        *,
        samples: bool = True,
        extractor: Extractor | None = None,
        progress: Callable[[Progress], None] | None = None,
        full_check: bool = False,
    ) -> Library:
        """Open (or create) the library in `root`; a new one starts with the sample articles.

        A damaged index is rebuilt from the library's copies before this returns (`progress`
        hears about each article); `repaired` then says what happened, in one sentence.
        Opening compares file sizes with the record of the last commit; `full_check` also
        reads every file and compares checksums (what the app does in the background).
        `extractor` replaces the entity extractor (e.g. `lambda article: []` for text only).
        """
        try:
            # Private, like a mail folder: it holds copies of the user's case documents.
            root.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise LibraryError(
                f"The library folder {root} cannot be created: {error.strerror}."
            ) from error
        index_dir = root / "index"
        is_new = not index_dir.exists() and not (root / "manifest.json").exists()
        if is_new and _holds_only_our_files(root):  # the app may have made it for its log
            with contextlib.suppress(OSError):
                root.chmod(0o700)
        ix, problem = _open_checked(root, index_dir, full_check)
        library = cls(root, ix, extractor)
        if problem is not None:
            count = 0
            for step in library.rebuild(problem):
                count = step.committed
                if progress:
                    progress(step)
            library.repaired = (
                f"The search index was damaged ({problem}), so it was rebuilt from the "
                f"library's copies of its {count} articles."
            )
        elif is_new and samples:
            for step in library.import_paths([sample_articles()]):
                if progress:
                    progress(step)
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
        with self.ix.searcher() as searcher:
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
        for attempt in (1, 2):
            try:
                return query.search(
                    self._searchers.get(self.ix, fresh=attempt == 2),
                    text,
                    limit=limit,
                    today=today or date.today(),
                    filters=filters,
                    facets=facets,
                    vocabulary=self._vocabulary,
                )
            except Exception as error:  # Whoosh raises many types on damaged files
                if attempt == 2:
                    raise IndexDamagedError(
                        "The search index could not be read; it needs to be rebuilt."
                    ) from error
                # A commit may have replaced the files under us: read the new generation.
                self.ix = index.open_with_retry(self.index_dir)
        raise AssertionError("unreachable")

    def latest(self, limit: int = 20, *, facets: bool = False) -> SearchResult:
        """The newest articles, as hits (what the app lists before anything is typed).

        With `facets`, the entities of the newest articles are counted, as a search counts
        those of its best hits.
        """
        return query.latest(self._searchers.get(self.ix), limit=limit, facets=facets)

    def article(self, article_id: str) -> Article:
        """Return the article with id `article_id`."""
        stored = self._searchers.get(self.ix).document(id=article_id)
        if stored is None:
            raise ArticleNotFoundError(f"The library has no article with id {article_id}.")
        return _article_from_stored(stored)

    def find_by_path(self, path: Path) -> Article:
        """Return the article imported from `path`."""
        entry = self.read_manifest().sources.get(str(path.resolve()))
        if entry is None:
            raise ArticleNotFoundError(f"{path.name} has not been imported into this library.")
        return self.article(entry.article_id)

    def articles(self) -> list[Article]:
        """Return every article, newest publication first."""
        with self.ix.searcher() as searcher:
            found = [_article_from_stored(fields) for fields in searcher.all_stored_fields()]
        return sorted(found, key=lambda a: (a.published or "", a.title), reverse=True)

    def raw_mentions(self, article: Article) -> list[Mention]:
        """The extractor's mentions of `article`, before the user's corrections."""
        if self.custom_extractor is not None:
            return self.custom_extractor(article)
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
        fixes = self.entity_corrections()
        return entity_table.build(
            (article.id, corrections.apply(fixes, raw)) for article, raw in self._cached_raw()
        )

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
        """Make `name` its own entity again (undoes a merge, or an automatic alias link)."""
        self._correct(corrections.split(self.entity_corrections(), name), name)

    def import_paths(self, paths: Sequence[Path], *, rescan: bool = True) -> Iterator[Progress]:
        """Import files and folders, yielding after each file; committed batches survive a stop.

        With `rescan`, files that were imported from a given folder and are gone now leave the
        library.
        """
        with WriteLock(self.root) as lock:
            run = importer.Import(self, [p.resolve() for p in paths], rescan, lock)
            yield from run.run()

    def verify(self) -> list[str]:
        """Read every index file and compare it with the record of the last commit."""
        files = integrity.load(self.index_dir)
        return integrity.full_problems(self.index_dir, files) if files else []

    def rebuild(self, reason: str = "") -> Iterator[Progress]:
        """Build a new index from the library's copies of its articles, then swap it in."""
        with WriteLock(self.root) as lock:
            self.ix = yield from rebuilding.rebuild(self, reason, lock)

    # Used by the importer and the rebuild; not for callers outside the core.

    @property
    def index_dir(self) -> Path:
        """Where the Whoosh index lives."""
        return self.root / "index"

    def _correct(self, updated: Corrections, *names: str) -> None:
        """Save corrections and re-index the articles that mention `names` (no model runs)."""
        keys = {fold(name) for name in names}
        with WriteLock(self.root):
            before = self.entity_corrections()
            corrections.save(updated, self.corrections_path)
            affected = []
            for article, raw in self._cached_raw():
                mentioned = {corrections.key(m) for m in raw}
                mentioned |= {corrections.key(m) for m in corrections.apply(before, raw)}
                if keys & mentioned:
                    affected.append((article, corrections.apply(updated, raw)))
            if not affected:
                return
            working = self.read_manifest()
            held: dict[str, list[tuple[str, int, int]]] = {}
            for path, source in working.sources.items():
                held.setdefault(source.article_id, []).append((path, source.size, source.mtime_ns))
            with index.writing(self.ix, self.root) as writer:
                for article, mentions in affected:
                    self.write_document(writer, article, held.get(article.id, []), mentions)
                self.commit(writer, working)

    def _cached_raw(self) -> Iterator[tuple[Article, list[Mention]]]:
        """Every article with its extracted mentions, read from the cache with one connection.

        Library-wide work (the entity table, corrections) never runs the model; an article
        the cache does not know counts as having no entities.
        """
        articles = self.articles()
        if self.custom_extractor is not None:
            for article in articles:
                yield article, self.custom_extractor(article)
            return
        with ExtractionCache(self.extraction.cache_path) as cache:
            for article in articles:
                yield article, self.extraction.cached(article, cache) or []

    def read_manifest(self) -> Manifest:
        """The import manifest of the current index generation (rebuilt from it if stale)."""
        loaded = manifest.load(self.manifest_path)
        generation = self.ix.latest_generation()
        if loaded is not None and loaded.generation == generation:
            return loaded
        rebuilt = Manifest(generation=generation)
        with self.ix.searcher() as searcher:
            for fields in searcher.all_stored_fields():
                for path, size, mtime_ns in json.loads(fields.get("sources", "[]")):
                    rebuilt.sources[path] = Source(fields["id"], size, mtime_ns)
        return rebuilt

    def write_document(
        self,
        writer: Any,
        article: Article,
        sources: Sequence[tuple[str, int, int]],
        mentions: Sequence[Mention],
        *,
        is_new: bool = False,
    ) -> None:
        """Add or replace the index document of `article`, imported from `sources`.

        `is_new` says the index cannot hold this id yet: adding then skips the search for an
        old copy in every segment, which grows with the segments a long import leaves.
        """
        stored_name = store.name_for(article.id, article.path.suffix)
        fields = document.fields(article, stored_name, sources, mentions)
        if is_new:
            writer.add_document(**fields)
        else:
            writer.update_document(**fields)

    def commit(
        self,
        writer: Any,
        working: Manifest,
        *,
        copies: Sequence[Path] = (),
        last: bool = False,
    ) -> None:
        """Commit, make it durable, then record it: only then does it count as imported.

        `copies` are store files written without fsync; they are synced first, so that the
        index never names an article whose copy could be lost. Segments are merged by size
        tier (index.merge_tiers); an import's `last` commit merges more (index.compact).
        """
        durable.sync_files(list(copies))
        writer.commit(mergetype=index.compact if last else index.merge_tiers)
        # Whoosh never fsyncs; an article counts as imported only once it is on disk.
        durable.sync_files(integrity.index_files(self.index_dir))
        self.ix = index.open_or_create(self.index_dir)
        working.generation = self.ix.latest_generation()
        self.record_files()
        manifest.save(working, self.manifest_path)

    def record_files(self) -> None:
        """Record the index files of the current commit (sizes and checksums)."""
        previous = integrity.load(self.index_dir)
        files = integrity.record(self.index_dir, previous)
        integrity.save(self.index_dir, files, self.ix.latest_generation())

    def clean_leftovers(self) -> None:
        """Remove what killed imports left behind (call with the write lock held)."""
        index.clean_leftovers(self.ix, self.index_dir)
        for folder in (self.root, self.store_dir):
            for leftover in folder.rglob(".*.tmp") if folder.is_dir() else ():
                leftover.unlink(missing_ok=True)


def sample_articles() -> Path:
    """The folder of sample articles a new library starts with."""
    return resource("articles")


def _holds_only_our_files(root: Path) -> bool:
    """True for a folder the reader may make private: the user's own files are not in it.

    `--library ~/Documents/cases` must not lock others out of a folder the user shares.
    """
    ours = {"reader.log", "window-state.ini", writelock.LOCK_NAME}
    try:
        return all(entry.name in ours for entry in root.iterdir())
    except OSError:
        return False


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


def _open_checked(root: Path, index_dir: Path, full_check: bool) -> tuple[Any, str | None]:
    """Open the index and check it against the record of its files; say what is wrong."""
    if not index_dir.exists() and (root / "manifest.json").exists():
        return None, "its folder is missing"
    try:
        ix = index.open_with_retry(index_dir)
    except IndexDamagedError as error:
        return None, f"it could not be opened: {error.__cause__ or error}"
    check = integrity.full_problems if full_check else integrity.quick_problems
    for attempt in range(4):
        if writelock.is_held(root):
            return ix, _probe(ix)  # an import is committing right now; its files are in flux
        files = integrity.load(index_dir)
        recorded = integrity.generation_of(index_dir)
        if files is None and ix.latest_generation() <= 0:
            return ix, None  # a new, empty index
        if files is not None and recorded == ix.latest_generation():
            problems = check(index_dir, files)
            if not problems:
                return ix, _probe(ix)
        elif files is not None and recorded is not None and recorded < ix.latest_generation():
            # The last commit's record was never written (the process died, or the disk was
            # full, right after committing). Read the index through; if it holds, record it.
            problem = _probe(ix, thorough=True)
            if problem is None:
                _record_if_idle(root, ix, index_dir)
            return ix, problem
        else:
            problems = ["its file record is missing or unreadable"]
        time.sleep(0.1 * (attempt + 1))
        ix = index.open_with_retry(index_dir)
    return ix, "; ".join(problems[:3])


def _probe(ix: Any, *, thorough: bool = False) -> str | None:
    """Read the index a little (or, `thorough`, every term of every field); say what failed."""
    try:
        with ix.searcher() as searcher:
            searcher.doc_count()
            if thorough:
                reader = searcher.reader()
                for field in ("id", "title", "body"):
                    for _ in reader.lexicon(field):
                        pass
                list(searcher.all_stored_fields())
    except Exception as error:  # any exception from a fresh open means damage
        return f"it could not be read: {error}"
    return None


def _record_if_idle(root: Path, ix: Any, index_dir: Path) -> None:
    try:
        with WriteLock(root):
            integrity.save(index_dir, integrity.record(index_dir), ix.latest_generation())
    except (IndexBusyError, OSError):
        pass  # the next commit records it
