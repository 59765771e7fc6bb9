"""Saving the user's entity corrections and re-indexing the articles they touch."""

from __future__ import annotations

from collections.abc import Callable

from reader.core.articles import Article
from reader.core.entities import corrections
from reader.core.entities.corrections import Corrections
from reader.core.index import whoosh_index as index
from reader.core.library.storage import Storage
from reader.core.library.writelock import WriteLock
from reader.core.text.folding import fold


def correct(
    storage: Storage,
    articles: Callable[[], list[Article]],
    updated: Corrections,
    names: tuple[str, ...],
) -> None:
    """Save `updated` and re-index the articles that mention `names` (no model runs)."""
    keys = {fold(name) for name in names}
    with WriteLock(storage.root):
        before = storage.entity_corrections()
        corrections.save(updated, storage.layout.corrections_path)
        affected = []
        for article, raw in storage.cached_raw(articles()):
            mentioned = {corrections.key(m) for m in raw}
            mentioned |= {corrections.key(m) for m in corrections.apply(before, raw)}
            if keys & mentioned:
                affected.append((article, corrections.apply(updated, raw)))
        if not affected:
            return
        working = storage.read_manifest()
        held: dict[str, list[tuple[str, int, int]]] = {}
        for path, source in working.sources.items():
            held.setdefault(source.article_id, []).append((path, source.size, source.mtime_ns))
        with index.writing(storage.ix, storage.root) as writer:
            for article, mentions in affected:
                storage.write_document(writer, article, held.get(article.id, []), mentions)
            storage.commit(writer, working)
