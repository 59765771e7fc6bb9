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
from typing import TYPE_CHECKING, Any

from reader.core import durable, index, ingest, integrity, manifest, store
from reader.core.errors import ArticleFormatError, LibraryError
from reader.core.manifest import Manifest, Source
from reader.core.progress import ADDED, FAILED, Progress

if TYPE_CHECKING:
    from reader.core.library import Library

log = logging.getLogger(__name__)

BATCH = 500


def rebuild(library: Library, reason: str) -> Generator[Progress, None, Any]:
    """Yield progress while rebuilding; return the new index. Needs the write lock."""
    log.warning("Rebuilding the search index of %s: %s", library.root, reason or "asked to")
    sources = _known_sources(library)
    by_article: dict[str, list[tuple[str, Source]]] = {}
    for path, source in sorted(sources.sources.items()):
        by_article.setdefault(source.article_id, []).append((path, source))
    new_dir = library.root / "index.rebuild"
    shutil.rmtree(new_dir, ignore_errors=True)
    ix = index.open_or_create(new_dir)
    working = Manifest()
    total = len(by_article)
    written = 0
    writer = None
    try:
        for done, (article_id, paths) in enumerate(sorted(by_article.items()), start=1):
            if writer is None:
                writer = ix.writer(limitmb=index.WRITER_MEMORY_MB)
            first_path = Path(paths[0][0])
            problem = _add(library, writer, working, article_id, paths)
            if problem is None:
                written += 1
            if written and written % BATCH == 0:
                writer.commit()
                writer = None
            yield Progress(done, total, first_path, FAILED if problem else ADDED, problem, written)
        if writer is not None:
            writer.commit()
            writer = None
    except BaseException:
        if writer is not None:
            writer.cancel()
        shutil.rmtree(new_dir, ignore_errors=True)
        raise
    durable.sync_files(integrity.index_files(new_dir))
    integrity.save(new_dir, integrity.record(new_dir), ix.latest_generation())
    _swap(library.root, new_dir)
    ix = index.open_or_create(library.index_dir)
    working.generation = ix.latest_generation()
    manifest.save(working, library.manifest_path)
    return ix


def _known_sources(library: Library) -> Manifest:
    """What the library holds: the manifest if it is readable, else the store's files."""
    loaded = manifest.load(library.manifest_path)
    if loaded is not None and loaded.sources:
        return loaded
    found = Manifest()
    for copy in sorted(library.store_dir.rglob("*")) if library.store_dir.is_dir() else []:
        if copy.is_file() and not copy.name.startswith("."):
            stat = copy.stat()
            found.sources[str(copy)] = Source(copy.stem, stat.st_size, stat.st_mtime_ns)
    return found


def _add(
    library: Library,
    writer: Any,
    working: Manifest,
    article_id: str,
    paths: list[tuple[str, Source]],
) -> str | None:
    """Index one article from its copy (or, failing that, its original); return a problem."""
    original = Path(paths[0][0])
    copy = library.store_dir / store.name_for(article_id, original.suffix)
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
        article = ingest.parse_article(original, data)
    except ArticleFormatError as error:
        return str(error)
    for path, source in paths:
        working.sources[path] = source
    sources = [(path, source.size, source.mtime_ns) for path, source in paths]
    library.write_document(writer, article, sources, library.cached_mentions(article), is_new=True)
    return None


def _swap(root: Path, new_dir: Path) -> None:
    """Put the rebuilt index in place of the old one."""
    old = root / "index"
    damaged = root / "index.damaged"
    shutil.rmtree(damaged, ignore_errors=True)
    try:
        if old.exists():
            old.rename(damaged)
        new_dir.rename(old)
    except OSError as error:
        raise LibraryError(
            f"The rebuilt index could not be put in place: {error.strerror}."
        ) from error
    durable.sync_directory(root)
    shutil.rmtree(damaged, ignore_errors=True)
