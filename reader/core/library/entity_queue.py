"""The import's second phase: the entity model reads the articles the first phase left waiting.

The queue is the index itself: an article written in phase 1 carries `phase:text` until its
entities are in, so a killed or cancelled run resumes where it stopped, and a restart needs no
file of its own. The model's results go to the extraction cache as each one arrives; a batch
lost to a kill costs only a rewrite, not the model again.
"""

from __future__ import annotations

import json
import logging
import time
from collections import deque
from collections.abc import Callable, Iterator
from typing import Any

from whoosh.query import Term

from reader.core.articles import Article
from reader.core.entities import corrections
from reader.core.index import document
from reader.core.index import whoosh_index as index
from reader.core.library.progress import ENTITIES, Progress
from reader.core.library.storage import Storage
from reader.core.library.writelock import WriteLock
from reader.core.mentions import Mention

log = logging.getLogger(__name__)

BATCH_ARTICLES = 256
BATCH_SECONDS = 5.0
WINDOW = 16  # articles submitted ahead of the one being written, to keep both workers busy


def pending_ids(searcher: Any) -> list[str]:
    """The ids of the articles waiting for their entities, in index order."""
    return [searcher.stored_fields(n)["id"] for n in _waiting(searcher)]


def pending_count(searcher: Any) -> int:
    """How many articles wait for their entities."""
    return sum(1 for _ in _waiting(searcher))


def is_pending(searcher: Any, article_id: str) -> bool:
    """Whether `article_id` still waits for its entities."""
    if index.PENDING_FIELD not in searcher.schema.names():
        return False
    marked = {"id": article_id, index.PENDING_FIELD: index.PENDING}
    return searcher.document_number(**marked) is not None


def _waiting(searcher: Any) -> Iterator[int]:
    """Document numbers of the waiting articles (none in a library made before phases)."""
    if index.PENDING_FIELD not in searcher.schema.names():
        return iter(())
    return Term(index.PENDING_FIELD, index.PENDING).docs(searcher)  # type: ignore[no-any-return]


def fill(
    storage: Storage, lock: WriteLock, should_stop: Callable[[], bool] = lambda: False
) -> Iterator[Progress]:
    """Find the entities of every waiting article, yielding after each; commits in batches.

    `should_stop` is asked after each article; the articles committed so far stay done.
    """
    with storage.ix.searcher() as searcher:
        waiting = pending_ids(searcher)
    if not waiting:
        return
    fixes = storage.entity_corrections()
    # Phase 2 changes no source: one read of the manifest serves every commit.
    working = storage.read_manifest()
    extraction = storage.extraction
    extraction.start_workers(len(waiting))
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
            yield Progress(done, len(waiting), article.path, ENTITIES, committed=committed)
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
        extraction.stop_workers()


def _next_article(searcher: Any, ids: Iterator[str]) -> tuple[Article, list[Any]] | None:
    """The next waiting article still in the index, with its sources; None at the end."""
    for article_id in ids:
        fields = searcher.document(id=article_id)
        if fields is not None:  # else deleted since the queue was read
            sources = [tuple(s) for s in json.loads(fields.get("sources") or "[]")]
            return document.article_from_stored(fields), sources
    return None
