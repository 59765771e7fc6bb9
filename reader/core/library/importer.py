"""One run of an import: files → index documents, in committed batches.

Longer than 300 lines because one run's steps (prepare, read ahead, write, commit) share all
of its state: the working manifest, the files in flight and the writer.
"""

from __future__ import annotations

import errno
import functools
import itertools
import logging
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.core.articles import Article
from reader.core.entities import corrections, extraction
from reader.core.entities.extraction_cache import ExtractionCache
from reader.core.errors import ArticleFormatError, DiskFullError
from reader.core.index import whoosh_index as index
from reader.core.ingest import pdf
from reader.core.ingest import reading as ingest
from reader.core.ingest.parse_guard import Parsed, ParseGuard
from reader.core.library import store
from reader.core.library.manifest import Source
from reader.core.library.progress import (
    ADDED,
    DUPLICATE,
    FAILED,
    REMOVED,
    UNCHANGED,
    UPDATED,
    Progress,
)
from reader.core.library.storage import Storage
from reader.core.library.writelock import WriteLock
from reader.core.mentions import Mention

log = logging.getLogger(__name__)

# Commit often enough that an interrupted import keeps most of its work, rarely enough that
# Whoosh does not drown in tiny segments.
BATCH_FILES = 64
MAX_BATCH_FILES = 1024
BATCH_SECONDS = 5.0
# Phase 1 commits less often: each segment writes its own dictionary of every word it holds,
# which made the many small commits of a text-only import cost more than its words. A kill
# then loses at most this long of work that runs at text speed (RELIABILITY.md).
TEXT_BATCH_SECONDS = 15.0
MAX_TEXT_BATCH_FILES = 16384
_DISK_FULL = (errno.ENOSPC, errno.EDQUOT)
# Files sent to the reading process before their answers are taken: it parses them (and, in
# phase 1, finds their dates) on the other core while this process indexes the ones before.
READ_AHEAD = 16
READING = "reading"  # a step's status until the reading process has answered for it


@dataclass
class Step:
    """A file on its way through an import: prepared, maybe extracting, then written."""

    path: Path
    status: str
    problem: str | None = None
    source: Source | None = None
    article: Article | None = None
    mentions: Callable[[], list[Mention]] | None = None
    removed: Source | None = None
    is_new_id: bool = False  # no source held this article when the step was prepared
    pending: bool = False  # written with its dates only; its entities come in phase 2
    data: bytes | None = None  # the file's bytes, until the reading process has answered


class Import:
    """One run of an import (Library.import_paths).

    Files are prepared in order (read, hashed, parsed) and their extraction started up to
    WINDOW files ahead, so that worker processes stay busy; each file is written to the index
    and reported in order. The manifest learns of a file only when its document is written,
    and is saved only with a commit, so it never claims more than the index holds.

    Without `entities`, this is the first of two phases: an article the extraction cache
    does not know is written with the dates our patterns find and marked as waiting; the
    model reads it later (entity_queue.py), so the words are searchable at text speed;
    a PDF's scanned pages are left for OCR then too, so that no scan holds up the rest;
    its last commit leaves the full merge to phase 2, which rewrites those documents.
    """

    WINDOW = 20  # files prepared ahead of the one written

    def __init__(
        self,
        storage: Storage,
        paths: list[Path],
        rescan: bool,
        lock: WriteLock,
        *,
        entities: bool = True,
    ) -> None:
        self.storage = storage
        self.entities = entities or storage.custom_extractor is not None
        self.lock = lock
        self.paths = paths
        self.rescan = rescan
        self.working = storage.read_manifest()
        # How many source paths hold each article; kept in step with working.sources so that
        # duplicate and orphan checks cost O(1) per file, not a scan of the whole manifest.
        self.corrections = storage.entity_corrections()
        self.holders: Counter[str] = Counter(s.article_id for s in self.working.sources.values())
        self.in_flight: set[str] = set()
        self.committed = 0
        self.pending = 0
        self.copies: list[Path] = []  # store copies written since the last commit, not synced
        # Files are parsed in a child process that is stopped if one hangs (parse_guard.py).
        self.guard = ParseGuard(heartbeat=lock.beat)
        self.cache: ExtractionCache | None = None
        self.reading: deque[Step] = deque()  # sent to the reading process, in order

    def run(self) -> Iterator[Progress]:
        """Import, yielding after each file; see the class docstring."""
        self.storage.clean_leftovers()
        files = list(ingest.find_article_files(self.paths))
        stale = self._stale(files) if self.rescan else []
        total = len(files) + len(stale)
        extraction = self.storage.extraction
        new = sum(1 for f in files if str(f) not in self.working.sources)
        if self.storage.custom_extractor is None and self.entities:
            extraction.start_workers(new)
        writer_ctx: Any = None
        writer: Any = None
        started = time.monotonic()
        queue: deque[Step] = deque()
        done = 0
        try:
            steps = itertools.chain(
                (self._prepare(path) for path in files),
                (Step(path, REMOVED) for path in stale),
            )
            for step in itertools.chain(steps, [None]):
                if step is not None:
                    queue.append(step)
                while self.reading and (step is None or len(self.reading) > READ_AHEAD):
                    self._take_reading(self.reading.popleft())
                while queue and (step is None or len(queue) > self.WINDOW):
                    current = queue.popleft()
                    while current.status == READING:  # its answer is due before it is written
                        self._take_reading(self.reading.popleft())
                    self.lock.beat()
                    if writer is None:
                        writer_ctx = index.writing(self.storage.ix, self.storage.root)
                        writer = writer_ctx.__enter__()
                    self._finish(writer, current)
                    done += 1
                    last = step is None and not queue
                    if self.pending and (
                        last
                        or self.pending >= self._batch_size()
                        or time.monotonic() - started > self._batch_seconds()
                    ):
                        # The last commit compacts, even when a full batch ends the import.
                        copies = self._take_copies()
                        with self.lock.beating():
                            self.storage.commit(
                                writer,
                                self.working,
                                copies=copies,
                                last=last and self.entities,
                                text_phase=not self.entities,
                            )
                        writer_ctx = writer = None
                        self.committed += self.pending
                        self.pending = 0
                        started = time.monotonic()
                    yield Progress(
                        done, total, current.path, current.status, current.problem, self.committed
                    )
            if writer is not None:
                # Nothing changed since the last commit. Whoosh's cancel leaves the empty
                # segment's files.
                index.abandon(writer)
                self.storage.clean_leftovers()
        except BaseException as error:
            if writer_ctx is not None:
                writer_ctx.__exit__(type(error), error, error.__traceback__)
            if isinstance(error, OSError) and error.errno in _DISK_FULL:
                self._clean_after_failure()
                raise DiskFullError(self.storage.root, self.committed) from error
            raise
        finally:
            try:
                extraction.stop_workers()
            finally:
                self.guard.close()
                if self.cache is not None:
                    self.cache.__exit__(None, None, None)

    def _batch_size(self) -> int:
        """Files per commit: small at first (an early stop keeps something), then larger.

        Each commit writes a segment and the manifest; in a big import, fewer commits are
        much faster (PERFORMANCE.md), and the time limit still commits every few seconds.
        """
        if not self.entities:  # phase 1: each commit makes what the library holds 4 times
            return min(MAX_TEXT_BATCH_FILES, max(BATCH_FILES, 3 * self.committed))
        return min(MAX_BATCH_FILES, max(BATCH_FILES, self.committed // 2))

    def _batch_seconds(self) -> float:
        return BATCH_SECONDS if self.entities else TEXT_BATCH_SECONDS

    def _take_copies(self) -> list[Path]:
        copies, self.copies = self.copies, []
        return copies

    def _clean_after_failure(self) -> None:
        """Remove the half-written files of the failed batch; free space is what is missing."""
        try:
            self.storage.clean_leftovers()
        except OSError:
            log.exception("Could not remove the leftovers of a failed import")

    def _stale(self, files: list[Path]) -> list[Path]:
        present = {str(f) for f in files}
        folders = [p for p in self.paths if p.is_dir()]
        return [
            Path(p)
            for p in sorted(self.working.sources)
            if p not in present and any(Path(p).is_relative_to(folder) for folder in folders)
        ]

    def _prepare(self, path: Path) -> Step:
        """Read one file and send it to be parsed (READ_AHEAD at most); nothing is written."""
        key = str(path)
        old = self.working.sources.get(key)
        try:
            stat = path.stat()
            if old is not None and (old.size, old.mtime_ns) == (stat.st_size, stat.st_mtime_ns):
                # Same size and modification time as when imported: not read again (as git
                # and rsync decide); a changed file is read and compared by its content hash.
                return Step(path, UNCHANGED, source=old)
            data = ingest.read_bytes(path)  # refuses an oversized file without reading it
        except OSError as error:
            problem = str(ArticleFormatError(path, error.strerror or "it cannot be opened"))
            return Step(path, FAILED, problem)
        except ArticleFormatError as error:
            return Step(path, FAILED, str(error))
        article_id = ingest.article_id(data)
        source = Source(article_id, stat.st_size, stat.st_mtime_ns)
        if old is not None and old.article_id == article_id:
            return Step(path, UNCHANGED, source=source)
        if article_id in self.in_flight and any(
            step.source is not None and step.source.article_id == article_id
            for step in self.reading
        ):  # the same bytes are being read: whether they are an article decides what this is
            while self.reading:
                self._take_reading(self.reading.popleft())
        if self.holders[article_id] or article_id in self.in_flight:
            return Step(path, DUPLICATE, source=source, removed=old)
        then = None
        ocr_budget: pdf.OcrBudget | None = pdf.INLINE
        if not self.entities:
            # Phase 1: the dates, in the reading process; scanned pages wait for phase 2.
            then, ocr_budget = extraction.text_mentions, None
        self.guard.submit(path, data, then, ocr_budget)
        self.in_flight.add(article_id)
        step = Step(path, READING, source=source, removed=old, is_new_id=True, data=data)
        self.reading.append(step)
        return step

    def _take_reading(self, step: Step) -> None:
        """Take the reading process's answer for `step`: keep its copy, start its entities."""
        assert step.source is not None
        assert step.data is not None
        data, step.data = step.data, None
        article_id = step.source.article_id
        try:
            parsed = self.guard.result()
        except ArticleFormatError as error:
            self.in_flight.discard(article_id)
            step.status, step.problem, step.source, step.removed = FAILED, str(error), None, None
            return
        article = parsed.article
        copy = store.name_for(article_id, step.path.suffix)
        store.note_origin(self.storage.layout.origins_path, article_id, step.path)
        self.copies.append(store.put(self.storage.layout.store_dir, copy, data, sync=False))
        custom = self.storage.custom_extractor
        if custom is not None:
            step.mentions = functools.partial(custom, article)
        elif self.entities:
            step.mentions = self.storage.extraction.submit(article)
        else:
            cached = self.storage.extraction.cached(article, self._cache())
            step.pending = cached is None
            step.mentions = functools.partial(_known_or_dates, cached, parsed)
        step.article = article
        step.status = UPDATED if step.removed else ADDED

    def _cache(self) -> ExtractionCache:
        """The extraction cache, opened once for the run (phase 1 asks it about every file)."""
        if self.cache is None:
            self.cache = ExtractionCache(self.storage.extraction.cache_path)
            self.cache.__enter__()
        return self.cache

    def _finish(self, writer: Any, step: Step) -> None:
        """Write a prepared step into the index and the working manifest."""
        key = str(step.path)
        if step.status == REMOVED:
            step.removed = self._forget_source(key)
        elif step.source is not None:
            self._forget_source(key)
            self.working.sources[key] = step.source
            self.holders[step.source.article_id] += 1
        if step.article is not None and step.mentions is not None:
            try:
                raw = step.mentions()
            except Exception:  # the model failing must not lose the article's text
                log.exception("Entity extraction failed for %s", step.path)
                raw = []
            mentions = corrections.apply(self.corrections, raw)
            sources = [(key, step.source.size, step.source.mtime_ns)] if step.source else []
            # An id no source held when prepared is not in the index (the manifest and the
            # index agree; see Storage.read_manifest).
            self.storage.write_document(
                writer,
                step.article,
                sources,
                mentions,
                is_new=step.is_new_id,
                pending=step.pending,
            )
            self.in_flight.discard(step.article.id)
        self.drop_if_orphaned(writer, step.removed)
        if step.status in (ADDED, UPDATED, REMOVED, DUPLICATE):
            self.pending += 1

    def drop_if_orphaned(self, writer: Any, old: Source | None) -> None:
        """Delete the document of an article no source path holds any more."""
        if old is not None and not self.holders[old.article_id]:
            writer.delete_by_term("id", old.article_id)

    def _forget_source(self, key: str) -> Source | None:
        old = self.working.sources.pop(key, None)
        if old is not None:
            self.holders[old.article_id] -= 1
        return old


def _known_or_dates(cached: list[Mention] | None, parsed: Parsed) -> list[Mention]:
    if cached is not None:
        return cached
    if parsed.extra is not None:  # found by the reading process
        found: list[Mention] = parsed.extra
        return found
    return extraction.text_mentions(parsed.article)
