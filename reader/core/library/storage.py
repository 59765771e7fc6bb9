"""Storage: the library folder's writable parts, as the import and the rebuild use them.

`Library` is the facade callers use; the importer and the rebuild work through this object
instead, so that neither needs the facade (and the library can drive both without a circle).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from reader.core import durable
from reader.core.articles import Article
from reader.core.entities import corrections
from reader.core.entities.corrections import Corrections
from reader.core.entities.extraction import Extraction
from reader.core.entities.extraction_cache import ExtractionCache
from reader.core.index import document
from reader.core.index import whoosh_index as index
from reader.core.library import integrity, manifest, store
from reader.core.library.layout import LibraryLayout
from reader.core.library.manifest import Manifest, Source
from reader.core.mentions import Mention

Extractor = Callable[[Article], list[Mention]]


class Storage:
    """The index, manifest, store and caches of one library folder."""

    def __init__(self, root: Path, ix: Any, extractor: Extractor | None = None) -> None:
        self.layout = LibraryLayout(root)
        self.ix = ix
        self.custom_extractor = extractor
        self.extraction = Extraction(self.layout.cache_path)

    @property
    def root(self) -> Path:
        """The library folder."""
        return self.layout.root

    def entity_corrections(self) -> Corrections:
        """The user's corrections to extracted entities."""
        return corrections.load(self.layout.corrections_path)

    def read_manifest(self) -> Manifest:
        """The import manifest of the current index generation (rebuilt from it if stale)."""
        loaded = manifest.load(self.layout.manifest_path)
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
        pending: bool = False,
    ) -> None:
        """Add or replace the index document of `article`, imported from `sources`.

        `is_new` says the index cannot hold this id yet: adding then skips the search for an
        old copy in every segment, which grows with the segments a long import leaves.
        `pending` marks an article whose entities are still to be found (entity_queue.py);
        one with scanned pages waiting for OCR is marked so, whatever `pending` says.
        """
        stored_name = store.name_for(article.id, article.path.suffix)
        fields = document.fields(article, stored_name, sources, mentions)
        if pending or article.ocr_waiting:
            index.ensure_pending_field(writer)
            phase = index.OCR_PENDING if article.ocr_waiting else index.PENDING
            fields[index.PENDING_FIELD] = phase
        # A library made before a field existed keeps its schema until it is rebuilt.
        known = set(writer.schema.names())
        fields = {name: value for name, value in fields.items() if name in known}
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
        text_phase: bool = False,
    ) -> None:
        """Commit, make it durable, then record it: only then does it count as imported.

        `copies` are store files written without fsync; they are synced first, so that the
        index never names an article whose copy could be lost. Segments are merged by size
        tier (index.merge_tiers); an import's `last` commit merges more (index.compact), and
        the commits of its `text_phase` (phase 1) merge only when segments pile up.
        """
        durable.sync_files(list(copies))
        if last:
            policy = index.compact
        elif text_phase:
            policy = index.merge_when_many
        else:
            policy = index.merge_tiers
        writer.commit(mergetype=policy)
        # Whoosh never fsyncs; an article counts as imported only once it is on disk.
        durable.sync_files(integrity.index_files(self.layout.index_dir))
        self.ix = index.open_or_create(self.layout.index_dir)
        working.generation = self.ix.latest_generation()
        self.record_files()
        manifest.save(working, self.layout.manifest_path)

    def record_files(self) -> None:
        """Record the index files of the current commit (sizes and checksums)."""
        index_dir = self.layout.index_dir
        files = integrity.record(index_dir, integrity.load(index_dir))
        integrity.save(index_dir, files, self.ix.latest_generation())

    def clean_leftovers(self) -> None:
        """Remove what killed imports left behind (call with the write lock held)."""
        index.clean_leftovers(self.ix, self.layout.index_dir)
        for folder in (self.root, self.layout.store_dir):
            for leftover in folder.rglob(".*.tmp") if folder.is_dir() else ():
                leftover.unlink(missing_ok=True)

    def cached_raw(self, articles: list[Article]) -> Iterator[tuple[Article, list[Mention]]]:
        """Every article with its extracted mentions, read from the cache with one connection.

        Library-wide work (the entity table, corrections) never runs the model; an article
        the cache does not know counts as having no entities.
        """
        if self.custom_extractor is not None:
            for article in articles:
                yield article, self.custom_extractor(article)
            return
        with ExtractionCache(self.extraction.cache_path) as cache:
            for article in articles:
                yield article, self.extraction.cached(article, cache) or []
