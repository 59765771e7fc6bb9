"""Rebuild the index from the library's own copies of its articles.

A damaged index is a normal event, not a disaster: the store holds every imported file and
the manifest says where each came from; entity results come from the extraction cache, so the
model does not run again. The new index is built beside the old one and swapped in at the end,
so a rebuild that is stopped leaves the library as it was.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Generator
from pathlib import Path
from typing import Any

from reader.core import durable
from reader.core.entities import corrections
from reader.core.entities.corrections import Corrections
from reader.core.entities.extraction_cache import ExtractionCache
from reader.core.errors import ArticleFormatError, LibraryError
from reader.core.index import whoosh_index as index
from reader.core.ingest import reading as ingest
from reader.core.ingest.parse_guard import ParseGuard
from reader.core.library import integrity, manifest, store
from reader.core.library.layout import LibraryLayout
from reader.core.library.manifest import Manifest, Source
from reader.core.library.progress import ADDED, FAILED, Progress
from reader.core.library.storage import Storage
from reader.core.library.writelock import WriteLock

log = logging.getLogger(__name__)


def rebuild(storage: Storage, reason: str, lock: WriteLock) -> Generator[Progress, None, Any]:
    """Yield progress while rebuilding; return the new index. `lock` is held by the caller."""
    log.warning("Rebuilding the search index of %s: %s", storage.root, reason or "asked to")
    sources = _known_sources(storage)
    by_article: dict[str, list[tuple[str, Source]]] = {}
    for path, source in sorted(sources.sources.items()):
        by_article.setdefault(source.article_id, []).append((path, source))
    new_dir = storage.layout.rebuild_dir
    shutil.rmtree(new_dir, ignore_errors=True)
    ix = index.open_or_create(new_dir)
    working = Manifest()
    total = len(by_article)
    written = 0
    # One commit at the end: the new index is swapped in only when complete, so commits
    # along the way would only add segment merges (a 10k rebuild took 85 s with them).
    writer = ix.writer(limitmb=index.WRITER_MEMORY_MB)
    fixes = storage.entity_corrections()
    # The copies were read once at import, but the parsers may have changed since.
    guard = ParseGuard(heartbeat=lock.beat)
    try:
        with ExtractionCache(storage.extraction.cache_path) as cache:
            for done, (article_id, paths) in enumerate(sorted(by_article.items()), start=1):
                lock.beat()
                first_path = Path(paths[0][0])
                problem = _add(storage, writer, working, article_id, paths, cache, fixes, guard)
                if problem is None:
                    written += 1
                status = FAILED if problem else ADDED
                yield Progress(done, total, first_path, status, problem, written)
        with lock.beating():
            writer.commit()
    except BaseException:
        index.abandon(writer)
        shutil.rmtree(new_dir, ignore_errors=True)
        raise
    finally:
        guard.close()
    with lock.beating():
        durable.sync_files(integrity.index_files(new_dir))
        integrity.save(new_dir, integrity.record(new_dir), ix.latest_generation())
        _swap(storage.layout, new_dir)
    ix = index.open_or_create(storage.layout.index_dir)
    working.generation = ix.latest_generation()
    manifest.save(working, storage.layout.manifest_path)
    return ix


def _known_sources(storage: Storage) -> Manifest:
    """What the library holds: the manifest if it is readable, else the store's files."""
    loaded = manifest.load(storage.layout.manifest_path)
    if loaded is not None and loaded.sources:
        return loaded
    found = Manifest()
    for copy in (
        sorted(storage.layout.store_dir.rglob("*")) if storage.layout.store_dir.is_dir() else []
    ):
        if copy.is_file() and not copy.name.startswith("."):
            stat = copy.stat()
            found.sources[str(copy)] = Source(copy.stem, stat.st_size, stat.st_mtime_ns)
    return found


def _add(
    storage: Storage,
    writer: Any,
    working: Manifest,
    article_id: str,
    paths: list[tuple[str, Source]],
    cache: ExtractionCache,
    fixes: Corrections,
    guard: ParseGuard,
) -> str | None:
    """Index one article from its copy (or, failing that, its original); return a problem."""
    original = Path(paths[0][0])
    copy = storage.layout.store_dir / store.name_for(article_id, original.suffix)
    data = None
    for candidate in (copy, original):
        try:
            raw = candidate.read_bytes()
        except OSError:
            continue
        if ingest.article_id(raw) == article_id:
            data = raw
            break
    if data is None:
        return f"{original.name} could not be restored: its copy in the library is damaged or gone."
    try:
        article = guard.parse(original, data)
    except ArticleFormatError as error:
        return str(error)
    for path, source in paths:
        working.sources[path] = source
    sources = [(path, source.size, source.mtime_ns) for path, source in paths]
    if storage.custom_extractor is not None:
        found = storage.custom_extractor(article)
    else:
        found = storage.extraction.cached(article, cache) or []
    mentions = corrections.apply(fixes, found)
    storage.write_document(writer, article, sources, mentions, is_new=True)
    return None


def _swap(layout: LibraryLayout, new_dir: Path) -> None:
    """Put the rebuilt index in place of the old one."""
    old = layout.index_dir
    damaged = layout.damaged_dir
    shutil.rmtree(damaged, ignore_errors=True)
    try:
        if old.exists():
            old.rename(damaged)
        new_dir.rename(old)
    except OSError as error:
        raise LibraryError(
            f"The rebuilt index could not be put in place: {error.strerror}."
        ) from error
    durable.sync_directory(layout.root)
    shutil.rmtree(damaged, ignore_errors=True)
