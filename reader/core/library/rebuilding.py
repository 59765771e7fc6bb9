"""Rebuild the index from the library's own copies of its articles.

A damaged index is a normal event, not a disaster: the store holds every imported file and
the manifest says where each came from; entity results come from the extraction cache, so the
model does not run again. The new index is built beside the old one and swapped in at the end,
so a rebuild that is stopped leaves the library as it was.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from collections.abc import Generator
from pathlib import Path
from typing import Any

from reader.core import durable
from reader.core.articles import Article
from reader.core.entities import corrections, extraction
from reader.core.entities.corrections import Corrections
from reader.core.entities.extraction_cache import ExtractionCache
from reader.core.errors import ArticleFormatError, LibraryError
from reader.core.index import document
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
    remove(new_dir)
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
    old = _OldIndex(storage.ix)
    try:
        with ExtractionCache(storage.extraction.cache_path) as cache:
            for done, (article_id, paths) in enumerate(sorted(by_article.items()), start=1):
                lock.beat()
                first_path = Path(paths[0][0])
                problem = _add(
                    storage, writer, working, (article_id, paths), cache, fixes, guard, old
                )
                if problem is None:
                    written += 1
                status = FAILED if problem else ADDED
                yield Progress(done, total, first_path, status, problem, written)
        with lock.beating():
            writer.commit()
    except BaseException:
        index.abandon(writer)
        remove(new_dir)
        raise
    finally:
        guard.close()
        old.close()
    with lock.beating():
        durable.sync_files(integrity.index_files(new_dir))
        integrity.save(new_dir, integrity.record(new_dir), ix.latest_generation())
        _swap(storage.layout, new_dir)
    ix = index.open_or_create(storage.layout.index_dir)
    working.generation = ix.latest_generation()
    manifest.save(working, storage.layout.manifest_path)
    return ix


def _known_sources(storage: Storage) -> Manifest:
    """What the library holds: the manifest, else the old index's record of its sources,
    else the store's files, under the original paths the import noted for them."""
    loaded = manifest.load(storage.layout.manifest_path)
    if loaded is not None and loaded.sources:
        return loaded
    if storage.ix is not None:
        try:
            from_index = storage.read_manifest()
        except Exception as error:  # a damaged index raises many types
            log.info("The old index does not say where its articles came from: %s", error)
        else:
            if from_index.sources:
                return from_index
    found = Manifest()
    store_dir = storage.layout.store_dir
    origins = store.origins(storage.layout.origins_path)
    for copy in sorted(store_dir.rglob("*")) if store_dir.is_dir() else []:
        if copy.is_file() and not copy.name.startswith("."):
            # Where the copy came from, when the import noted it and the original is still
            # there (the same bytes); else the copy stands for itself.
            original = Path(origins.get(copy.stem, copy))
            try:
                same = original != copy and ingest.article_id(original.read_bytes()) == copy.stem
            except OSError:
                same = False
            stat = (original if same else copy).stat()
            found.sources[str(original if same else copy)] = Source(
                copy.stem, stat.st_size, stat.st_mtime_ns
            )
    return found


def _add(
    storage: Storage,
    writer: Any,
    working: Manifest,
    held: tuple[str, list[tuple[str, Source]]],
    cache: ExtractionCache,
    fixes: Corrections,
    guard: ParseGuard,
    old: _OldIndex,
) -> str | None:
    """Index one article from its copy (or its original, or the old index); return a problem."""
    article_id, paths = held
    original = Path(paths[0][0])
    name = store.name_for(article_id, original.suffix)
    copy = storage.layout.store_dir / name
    data = None
    for candidate in (copy, original):
        try:
            raw = candidate.read_bytes()
        except OSError:
            continue
        if ingest.article_id(raw) == article_id:
            data = raw
            if candidate is original:  # the copy was damaged or gone: make it again
                try:
                    store.put(storage.layout.store_dir, name, raw, replace=True)
                except OSError as error:
                    log.warning("The copy of %s could not be made again: %s", original, error)
            break
    if data is not None:
        try:
            article = guard.parse(original, data)
        except ArticleFormatError as error:
            return str(error)
    else:
        kept = old.article(article_id)
        if kept is None:
            return (
                f"{original.name} could not be restored: its copy in the library is damaged "
                "or gone, and so is the original."
            )
        # Still searchable; its copy comes back when the original is imported again.
        log.warning(
            "The copy of %s is damaged or gone; its text was kept from the index.", original
        )
        article = kept
    for path, source in paths:
        working.sources[path] = source
    sources = [(path, source.size, source.mtime_ns) for path, source in paths]
    pending = False
    if storage.custom_extractor is not None:
        found = storage.custom_extractor(article)
    else:
        cached = storage.extraction.cached(article, cache)
        # One the model never read waits for the entity phase, with its dates meanwhile.
        pending = cached is None
        found = extraction.text_mentions(article) if cached is None else cached
    mentions = corrections.apply(fixes, found)
    storage.write_document(writer, article, sources, mentions, is_new=True, pending=pending)
    return None


class _OldIndex:
    """The index being replaced, read for articles whose copy and original are both gone.

    Opened only when such an article comes up: a damaged index may leave files open when it
    fails to open.
    """

    def __init__(self, ix: Any) -> None:
        self._ix = ix
        self._searcher: Any = None

    def article(self, article_id: str) -> Article | None:
        """The article as the old index stores it, if it can still be read."""
        try:
            if self._searcher is None and self._ix is not None:
                self._searcher = self._ix.searcher()
            stored = None if self._searcher is None else self._searcher.document(id=article_id)
            return None if stored is None else document.article_from_stored(stored)
        except Exception as error:  # a damaged index raises many types
            log.info("The old index cannot give article %s: %s", article_id, error)
            self._ix = None
            return None

    def close(self) -> None:
        """Let go of the old index's files."""
        if self._searcher is not None:
            with contextlib.suppress(Exception):
                self._searcher.close()


def _swap(layout: LibraryLayout, new_dir: Path) -> None:
    """Put the rebuilt index in place of the old one."""
    old = layout.index_dir
    damaged = layout.damaged_dir
    remove(damaged)
    try:
        if old.exists():
            old.rename(damaged)
        new_dir.rename(old)
    except OSError as error:
        raise LibraryError(
            f"The rebuilt index could not be put in place: {error.strerror}."
        ) from error
    durable.sync_directory(layout.root)
    remove(damaged)


def remove(path: Path) -> None:
    """Remove a folder or a file (a damaged library may hold either under a folder's name)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)
