"""Library: a folder holding the search index, the import manifest and copies of the articles.

Longer than 300 lines because it is the facade: each thing the app and the command line do
with a library is one method here, delegating to the module that does the work.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from reader.core.articles import Article
from reader.core.entities import corrections, entity_table, extraction
from reader.core.entities.corrections import Corrections
from reader.core.entities.entity_table import EntityRow
from reader.core.entities.extraction import Extraction
from reader.core.errors import (
    ArticleNotFoundError,
    IndexBusyError,
    IndexDamagedError,
    LibraryError,
    ReaderError,
)
from reader.core.index import document, query
from reader.core.index import whoosh_index as index
from reader.core.index.filters import Filters
from reader.core.index.search_result import SearchResult
from reader.core.index.searchers import Searchers
from reader.core.index.vocabulary import Vocabulary
from reader.core.library import (
    batch,
    casework,
    checking,
    correcting,
    entity_pages,
    entity_queue,
    first_run,
    importer,
    integrity,
    opening,
    rebuilding,
    watched_folders,
)
from reader.core.library.batch import NameRow
from reader.core.library.checking import CheckReport
from reader.core.library.first_run import sample_articles
from reader.core.library.layout import LibraryLayout
from reader.core.library.manifest import Manifest
from reader.core.library.progress import Progress
from reader.core.library.storage import Extractor, Storage
from reader.core.library.writelock import WriteLock
from reader.core.mentions import Mention
from reader.core.text import processes
from reader.core.workspace import damage
from reader.core.workspace.items import SavedSearch
from reader.core.workspace.name_list import BatchName
from reader.core.workspace.store import Workspace

log = logging.getLogger(__name__)
T = TypeVar("T")


class Library:
    """An on-disk library of articles; every method takes and returns plain values."""

    def __init__(self, root: Path, ix: Any, extractor: Extractor | None = None) -> None:
        self.storage = Storage(root, ix, extractor)
        self._searchers = Searchers()
        self._vocabulary = Vocabulary()
        self._workspace: Workspace | None = None
        self.repaired: str | None = None  # set when the index had to be rebuilt from the copies

    @classmethod
    def open(
        cls,
        root: Path,
        *,
        samples: bool = True,
        extractor: Extractor | None = None,
        progress: Callable[[Progress], None] | None = None,
        full_check: bool = False,
        notice: Callable[[str], None] | None = None,
    ) -> Library:
        """Open (or create) the library in `root`; a new one starts with the sample articles.

        A damaged index is rebuilt from the library's copies before this returns (`progress`
        hears about each article); `repaired` then says what happened, in one sentence.
        Opening compares file sizes with the record of the last commit; `full_check` also
        reads every file and compares checksums (what the app does in the background).
        `extractor` replaces the entity extractor (e.g. `lambda article: []` for text only).
        `notice` hears a sentence before the samples of a first run are imported.
        """
        try:
            # Private, like a mail folder: it holds copies of the user's case documents.
            root.mkdir(parents=True, exist_ok=True, mode=0o700)
        except OSError as error:
            raise LibraryError(
                f"The library folder {root} cannot be created: {error.strerror}."
            ) from error
        layout = LibraryLayout(root)
        if layout.is_new() and opening.holds_only_our_files(root):  # the app may have made it
            with contextlib.suppress(OSError):
                root.chmod(0o700)
        ix, problem = opening.open_checked(layout, full_check)
        library = cls(root, ix, extractor)
        if problem is not None:
            library.repair(problem, progress)
        if samples and library.samples_pending():
            if notice:
                notice(f"Adding the sample articles to the new library in {root}…")
            for step in library.import_paths([sample_articles()]):
                if progress:
                    progress(step)
        return library

    @property
    def root(self) -> Path:
        """The library folder."""
        return self.storage.root

    @property
    def layout(self) -> LibraryLayout:
        """Where each part of the library folder lives."""
        return self.storage.layout

    @property
    def ix(self) -> Any:
        """The Whoosh index of the current generation."""
        return self.storage.ix

    @ix.setter
    def ix(self, ix: Any) -> None:
        self.storage.ix = ix

    @property
    def extraction(self) -> Extraction:
        """The entity extraction (model, worker processes and cache)."""
        return self.storage.extraction

    @property
    def custom_extractor(self) -> Extractor | None:
        """The extractor that replaces the model, if one was given."""
        return self.storage.custom_extractor

    @property
    def index_dir(self) -> Path:
        """Where the Whoosh index lives."""
        return self.layout.index_dir

    @property
    def manifest_path(self) -> Path:
        """Where the import manifest lives."""
        return self.layout.manifest_path

    @property
    def store_dir(self) -> Path:
        """Where the copies of imported files live."""
        return self.layout.store_dir

    @property
    def corrections_path(self) -> Path:
        """Where the user's entity corrections live."""
        return self.layout.corrections_path

    @property
    def workspace(self) -> Workspace:
        """Tags, notes, saved searches: opened on first use, so a damaged file never blocks."""
        if self._workspace is None:
            self._workspace = Workspace(self.layout.workspace_path)
        return self._workspace

    def start_empty_workspace(self) -> Path:
        """Move a damaged workspace file aside (never deleted) and start an empty one.

        Only on the user's word: refused when the file is not damaged. Returns where the
        damaged file now is (workspace/damage.py).
        """
        if self._workspace is not None:
            self._workspace.close()
            self._workspace = None
        kept = damage.start_empty(self.layout.workspace_path)
        log.info("The damaged workspace was moved to %s; an empty one starts.", kept)
        return kept

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
        """Search the library; a malformed query is repaired, never raised.

        A damaged index is rebuilt from the library's copies before the search answers.
        `tag:`, `starred:` and `note:` terms are answered by the workspace (casework.py).
        """
        words, narrowed = casework.narrow(lambda: self.workspace, text, filters)
        found = self._reading(
            lambda searcher: query.search(
                searcher,
                words,
                limit=limit,
                today=today or date.today(),
                filters=narrowed,
                facets=facets,
                vocabulary=self._vocabulary,
            )
        )
        found = casework.as_typed(found, text, words)
        return casework.with_workspace_facets(found, lambda: self.workspace) if facets else found

    def all_ids(self, text: str, filters: Filters | None = None) -> frozenset[str]:
        """Every article `text` finds now (for "tag every hit" and saved searches)."""
        total = self.search(text, limit=1, filters=filters).total
        hits = self.search(text, limit=max(1, total), filters=filters).hits
        return frozenset(hit.article_id for hit in hits)

    def saved_status(self, saved: SavedSearch) -> casework.SavedStatus:
        """A saved search with its hits now (and so how many are new since last opened)."""
        return casework.SavedStatus(saved, self.all_ids(saved.query, casework.saved_filters(saved)))

    def source_paths(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The file each article was imported from ("" if none), reading the manifest once:
        what the user's marks follow on re-import."""
        by_id = {s.article_id: path for path, s in self.read_manifest().sources.items()}
        return {article_id: by_id.get(article_id, "") for article_id in article_ids}

    def batch_names(self, names: Sequence[BatchName]) -> list[NameRow]:
        """Each name (with its aliases) and the articles mentioning it, counted (batch.py)."""
        return self._reading(lambda searcher: batch.table(searcher, names))

    def _reading(self, read: Callable[[Any], T]) -> T:
        """Run `read` on a searcher: retried once on a newer commit, then the index is rebuilt."""
        rebuilt = False
        for attempt in range(3):
            try:
                return read(self._searchers.get(self.ix, fresh=attempt > 0))
            except ReaderError:
                raise
            except Exception as error:  # Whoosh raises many types on damaged files
                if rebuilt:
                    raise IndexDamagedError(
                        "The search index could not be read even after it was rebuilt from "
                        "the library's copies; the library folder may be on a failing disk."
                    ) from error
                if attempt == 0 and self._reopen():
                    continue  # a commit had replaced the files under us
                log.debug("search met damage", exc_info=error)
                self.repair("one of its files could not be read")
                rebuilt = True
        raise AssertionError("unreachable")

    def _reopen(self) -> bool:
        try:
            self.ix = index.open_with_retry(self.index_dir)
        except IndexDamagedError:
            return False
        return True

    def repair(self, reason: str, progress: Callable[[Progress], None] | None = None) -> str:
        """Rebuild a damaged index from the library's copies; return the sentence saying so."""
        count = 0
        try:
            for step in self.rebuild(reason):
                count = step.committed
                if progress:
                    progress(step)
        except IndexBusyError as error:
            raise IndexDamagedError(
                f"The search index is damaged ({reason}), and an import is running, so it "
                "cannot be rebuilt now; when the import has finished, run "
                "“legal-reader rebuild”."
            ) from error
        self._searchers = Searchers()
        self._vocabulary = Vocabulary()
        self.repaired = (
            f"The search index was damaged ({reason}), so it was rebuilt from the "
            f"library's copies of its {count} articles."
        )
        return self.repaired

    def samples_pending(self) -> bool:
        """True while the sample articles of the first run have not been committed."""
        return first_run.pending(self.storage)

    def latest(self, limit: int = 20, *, facets: bool = False) -> SearchResult:
        """The newest articles, as hits (what the app lists before anything is typed).

        With `facets`, the entities of the newest articles are counted, as a search counts
        those of its best hits.
        """
        found = self._reading(lambda searcher: query.latest(searcher, limit=limit, facets=facets))
        return casework.with_workspace_facets(found, lambda: self.workspace) if facets else found

    def article(self, article_id: str) -> Article:
        """Return the article with id `article_id`."""
        stored = self._reading(lambda searcher: searcher.document(id=article_id))
        if stored is None:
            raise ArticleNotFoundError(f"The library has no article with id {article_id}.")
        return document.article_from_stored(stored)

    def find_by_path(self, path: Path) -> Article:
        """Return the article imported from `path`."""
        entry = self.read_manifest().sources.get(str(path.resolve()))
        if entry is None:
            raise ArticleNotFoundError(f"{path.name} has not been imported into this library.")
        return self.article(entry.article_id)

    def articles(self) -> list[Article]:
        """Return every article, newest publication first."""
        with self.ix.searcher() as searcher:
            found = [
                document.article_from_stored(fields) for fields in searcher.all_stored_fields()
            ]
        return sorted(found, key=lambda a: (a.published or "", a.title), reverse=True)

    def raw_mentions(self, article: Article) -> list[Mention]:
        """The extractor's mentions of `article`, before the user's corrections."""
        if self.custom_extractor is not None:
            return self.custom_extractor(article)
        return self.extraction.mentions(article)

    def mentions(self, article: Article, *, wait: bool = True) -> list[Mention]:
        """Return the entities and dates of `article`, with the user's corrections applied.

        Runs the model (loading it, 1.5-2.5 s) only if the article was never extracted; with
        `wait` False, an article still waiting for phase 2 gives only its dates instead.
        """
        if not wait and self.custom_extractor is None:
            found = self.extraction.cached(article)
            raw = extraction.text_mentions(article) if found is None else found
            return corrections.apply(self.entity_corrections(), raw)
        return corrections.apply(self.entity_corrections(), self.raw_mentions(article))

    def entity_corrections(self) -> Corrections:
        """The user's corrections to extracted entities."""
        return self.storage.entity_corrections()

    def read_manifest(self) -> Manifest:
        """The import manifest of the current index generation."""
        return self.storage.read_manifest()

    def entities(self) -> list[EntityRow]:
        """The library's entity table: one row per entity, most mentioned first."""
        fixes = self.entity_corrections()
        articles = self.articles()
        return entity_table.build(
            (
                (article.id, corrections.apply(fixes, raw))
                for article, raw in self.storage.cached_raw(articles)
            ),
            dates={article.id: article.published for article in articles},
            keep_apart=fixes.splits | frozenset(fixes.merges),
        )

    def entity_page(self, name: str, label: str) -> entity_pages.EntityPage | None:
        """Every mention of one entity across the library, with its sentence and date."""
        fixes = self.entity_corrections()
        pairs = [
            (article, corrections.apply(fixes, raw))
            for article, raw in self.storage.cached_raw(self.articles())
        ]
        return entity_pages.build(name, label, pairs, fixes.splits | frozenset(fixes.merges))

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

    def import_paths(
        self, paths: Sequence[Path], *, rescan: bool = True, entities: bool = True
    ) -> Iterator[Progress]:
        """Import files and folders, yielding after each file; committed batches survive a stop.

        With `rescan`, files that were imported from a given folder and are gone now leave the
        library. Without `entities`, this is phase 1 of a two-phase import: the words, titles
        and dates are searchable at text speed, and `fill_entities` finds the rest.
        """
        processes.warn_if_unguarded()
        resolved = [p.resolve() for p in paths]
        before = self.read_manifest()
        try:
            with WriteLock(self.root) as lock:
                watched_folders.add(self.layout, resolved)  # watched while the app runs
                run = importer.Import(self.storage, resolved, rescan, lock, entities=entities)
                yield from run.run()
        finally:
            if self.layout.workspace_path.exists():  # marks follow a re-imported file
                casework.follow(lambda: self.workspace, before, self.read_manifest(), self._body)
        if sample_articles().resolve() in resolved:
            first_run.mark_done(self.storage)

    def pending_entities(self) -> int:
        """How many articles still wait for their entities (phase 2 of an import)."""
        return self._reading(entity_queue.pending_count)

    def pending_scans(self) -> int:
        """How many PDFs wait for OCR of their scanned pages (read in phase 2, before entities)."""
        return self._reading(entity_queue.scan_count)

    def is_pending(self, article_id: str) -> bool:
        """Whether the article's entities are still to be found."""
        return self._reading(lambda searcher: entity_queue.is_pending(searcher, article_id))

    def fill_entities(self, should_stop: Callable[[], bool] = lambda: False) -> Iterator[Progress]:
        """Phase 2: run the model on every waiting article, yielding after each.

        Resumes where a killed or stopped run left off; reading and searching go on meanwhile.
        """
        if not self.pending_entities():
            return
        with WriteLock(self.root) as lock:
            yield from entity_queue.fill(self.storage, lock, should_stop)

    def _body(self, article_id: str) -> str:
        return self.article(article_id).body

    def check(self) -> CheckReport:
        """Read every index file and every copy in the store; say what is damaged."""
        return checking.check(self.storage)

    def verify(self) -> list[str]:
        """Read every index file and compare it with the record of the last commit."""
        files = integrity.load(self.index_dir)
        return integrity.full_problems(self.index_dir, files) if files else []

    def rebuild(self, reason: str = "") -> Iterator[Progress]:
        """Build a new index from the library's copies of its articles, then swap it in."""
        with WriteLock(self.root) as lock:
            self.ix = yield from rebuilding.rebuild(self.storage, reason, lock)

    def _correct(self, updated: Corrections, *names: str) -> None:
        correcting.correct(self.storage, self.articles, updated, names)
