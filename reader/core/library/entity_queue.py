"""The import's second phase: the entity model reads the articles the first phase left waiting.

The queue is the index itself: an article written in phase 1 carries `phase:text` until its
entities are in, so a killed or cancelled run resumes where it stopped, and a restart needs no
file of its own. The model's results go to the extraction cache as each one arrives; a batch
lost to a kill costs only a rewrite, not the model again.

A PDF with scanned pages carries `phase:ocr`: after the other articles' entities, its pages
are read by OCR from the library's copy of the file (in the guarded reading process), and it
is written again, with its entities, one file per commit (OCR takes seconds a page).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections import deque
from collections.abc import Callable, Generator, Iterator
from typing import Any

from whoosh.query import Term

from reader.core.articles import Article
from reader.core.entities import corrections
from reader.core.errors import ArticleFormatError
from reader.core.index import document
from reader.core.index import whoosh_index as index
from reader.core.ingest import pdf
from reader.core.ingest import reading as ingest
from reader.core.ingest.parse_guard import ParseGuard, ParseStoppedError
from reader.core.library.manifest import Manifest
from reader.core.library.progress import ENTITIES, OCR, Progress
from reader.core.library.storage import Storage
from reader.core.library.writelock import WriteLock
from reader.core.mentions import Mention

log = logging.getLogger(__name__)

BATCH_ARTICLES = 256
BATCH_SECONDS = 5.0
WINDOW = 16  # articles submitted ahead of the one being written, to keep both workers busy


def pending_count(searcher: Any) -> int:
    """How many articles wait for their entities (those waiting for OCR first included)."""
    return sum(1 for _ in _waiting(searcher))


def scan_count(searcher: Any) -> int:
    """How many PDFs wait for OCR of their scanned pages."""
    return sum(1 for _ in _waiting(searcher, (index.OCR_PENDING,)))


def is_pending(searcher: Any, article_id: str) -> bool:
    """Whether `article_id` still waits for its entities (or its OCR)."""
    if index.PENDING_FIELD not in searcher.schema.names():
        return False
    return any(
        searcher.document_number(id=article_id, **{index.PENDING_FIELD: phase}) is not None
        for phase in (index.PENDING, index.OCR_PENDING)
    )


def _waiting(
    searcher: Any, phases: tuple[str, ...] = (index.PENDING, index.OCR_PENDING)
) -> Iterator[int]:
    """Document numbers of the waiting articles (none in a library made before phases)."""
    if index.PENDING_FIELD not in searcher.schema.names():
        return
    for phase in phases:
        yield from Term(index.PENDING_FIELD, phase).docs(searcher)


def fill(
    storage: Storage, lock: WriteLock, should_stop: Callable[[], bool] = lambda: False
) -> Iterator[Progress]:
    """Find the entities of every waiting article, yielding after each; commits in batches.

    `should_stop` is asked after each article (and during a scan's OCR); the articles
    committed so far stay done.
    """
    with storage.ix.searcher() as searcher:
        waiting = _ids(searcher, index.PENDING)
        scans = _ids(searcher, index.OCR_PENDING)
    total = len(waiting) + len(scans)
    if not total:
        return
    # Phase 2 changes no source: one read of the manifest serves every commit.
    working = storage.read_manifest()
    storage.extraction.start_workers(total)
    try:
        done = yield from _entities(storage, lock, working, waiting, total, should_stop)
        if scans and not should_stop():
            yield from _scans(storage, lock, working, scans, (done, total), should_stop)
    finally:
        storage.extraction.stop_workers()


def _ids(searcher: Any, phase: str) -> list[str]:
    """The ids of the articles marked `phase`, in index order."""
    return [searcher.stored_fields(n)["id"] for n in _waiting(searcher, (phase,))]


def _entities(
    storage: Storage,
    lock: WriteLock,
    working: Manifest,
    waiting: list[str],
    total: int,
    should_stop: Callable[[], bool],
) -> Generator[Progress, None, int]:
    """The entities of the articles with text, batched; returns how many were done."""
    fixes = storage.entity_corrections()
    extraction = storage.extraction
    queue: deque[tuple[Article, list[Any], Callable[[], list[Mention]]]] = deque()
    ids = iter(waiting)
    done = committed = batch = 0
    writer_ctx: Any = None
    writer: Any = None
    started = time.monotonic()
    # Reopened after each commit: a merge may remove the segments an old searcher reads.
    searcher = storage.ix.searcher()
    try:
        while True:
            while len(queue) < WINDOW:
                loaded = _next_article(searcher, ids)
                if loaded is None:
                    break
                article, sources = loaded
                queue.append((article, sources, extraction.submit(article)))
            if not queue:
                break
            article, sources, result = queue.popleft()
            lock.beat()
            try:
                raw = result()
            except Exception:  # the model failing on one article must not stop the rest
                log.exception("Entity extraction failed for %s", article.path)
                raw = []
            if writer is None:
                writer_ctx = index.writing(storage.ix, storage.root)
                writer = writer_ctx.__enter__()
            storage.write_document(writer, article, sources, corrections.apply(fixes, raw))
            done += 1
            batch += 1
            last = not queue
            if last or batch >= BATCH_ARTICLES or time.monotonic() - started > BATCH_SECONDS:
                with lock.beating():
                    storage.commit(writer, working, last=last)
                writer_ctx = writer = None
                searcher.close()
                searcher = storage.ix.searcher()
                committed += batch
                batch = 0
                started = time.monotonic()
            yield Progress(done, total, article.path, ENTITIES, committed=committed)
            if should_stop():
                break
        if writer is not None:  # stopped: keep what was read before the stop
            with lock.beating():
                storage.commit(writer, working, last=True)
            writer_ctx = writer = None
    except BaseException as error:
        if writer_ctx is not None:
            writer_ctx.__exit__(type(error), error, error.__traceback__)
        raise
    finally:
        searcher.close()
    return done


def _scans(
    storage: Storage,
    lock: WriteLock,
    working: Manifest,
    scans: list[str],
    counts: tuple[int, int],
    should_stop: Callable[[], bool],
) -> Iterator[Progress]:
    """Read the scanned pages of each waiting PDF by OCR, then its entities; one commit each."""
    done, total = counts
    fixes = storage.entity_corrections()
    guard = ParseGuard(heartbeat=lock.beat, should_stop=should_stop)
    try:
        for number, article_id in enumerate(scans, start=1):
            with storage.ix.searcher() as searcher:
                fields = searcher.document(id=article_id)
            if fields is None:  # deleted since the queue was read
                continue
            article = document.article_from_stored(fields)
            sources = [tuple(s) for s in json.loads(fields.get("sources") or "[]")]
            try:
                read = _read_scanned(guard, storage, article, fields.get("stored_name", ""))
            except ParseStoppedError:
                return  # still marked: the next run reads it again
            try:
                raw = storage.extraction.submit(read)()
            except Exception:
                log.exception("Entity extraction failed for %s", read.path)
                raw = []
            with lock.beating(), index.writing(storage.ix, storage.root) as writer:
                storage.write_document(writer, read, sources, corrections.apply(fixes, raw))
                storage.commit(writer, working, last=number == len(scans))
            done += 1
            yield Progress(done, total, read.path, OCR, committed=done)
            if should_stop():
                return
    finally:
        guard.close()


def _read_scanned(guard: ParseGuard, storage: Storage, article: Article, name: str) -> Article:
    """`article` read again with OCR of its scanned pages, or with a note saying why not."""
    data = _file_bytes(storage, article, name)
    try:
        if data is None:
            raise ArticleFormatError(article.path, "the library's copy of the file is missing")
        guard.submit(article.path, data, None, pdf.BACKGROUND)
        return guard.result().article
    except ArticleFormatError as error:
        note = f"Its scanned pages could not be read by OCR: {error.reason}."
        return dataclasses.replace(article, ocr_waiting=(), notes=(*article.notes, note))


def _file_bytes(storage: Storage, article: Article, name: str) -> bytes | None:
    """The bytes of the article's file: the library's copy, else the original if unchanged."""
    copy = [storage.layout.store_dir / name] if name else []
    for path in [*copy, article.path]:
        try:
            data = ingest.read_bytes(path)
        except (OSError, ArticleFormatError):
            continue
        if ingest.article_id(data) == article.id:
            return data
    return None


def _next_article(searcher: Any, ids: Iterator[str]) -> tuple[Article, list[Any]] | None:
    """The next waiting article still in the index, with its sources; None at the end."""
    for article_id in ids:
        fields = searcher.document(id=article_id)
        if fields is not None:  # else deleted since the queue was read
            sources = [tuple(s) for s in json.loads(fields.get("sources") or "[]")]
            return document.article_from_stored(fields), sources
    return None
