"""Entity extraction for the library: cached by content, parallel for big imports.

The model runs only for text it has not seen: results are kept in `cache.sqlite` keyed by a
hash of the text, its anchor date and the extractor version, so re-imports and index rebuilds
never run it again.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import multiprocessing
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import date
from pathlib import Path

import reader
from reader.core.articles import Article
from reader.core.entities import extraction_cache, party_roles
from reader.core.entities.extraction_cache import ExtractionCache
from reader.core.mentions import Mention
from reader.core.resources import resource
from reader.core.text import processes

log = logging.getLogger(__name__)

# Bump when the extractor's code changes, so cached results are recomputed; changes to the
# pattern data in resources/data are picked up automatically (see version()).
CODE_VERSION = "entities-8"
# Below this many new articles, starting worker processes (each loads the model) costs more
# than it saves.
PARALLEL_MIN_ARTICLES = 24
# The model reads about 15,000-20,000 characters a second on one core; beyond this many
# characters an article would cost more than 10 seconds, so the rest is not scanned for
# entities (it is still indexed and searchable). See docs/RELIABILITY.md.
MAX_EXTRACT_CHARS = 100_000


def anchor(article: Article) -> date | None:
    """The day relative dates resolve against: the publication date, when it names a day."""
    if article.published and len(article.published) == 10:
        try:
            return date.fromisoformat(article.published)
        except ValueError:
            return None
    return None


def extract_article(text: str, published: date | None) -> list[Mention]:
    """Run the extractor on one text (in this process or a worker), up to MAX_EXTRACT_CHARS."""
    from reader.core.entities import recognition as entities

    if len(text) > MAX_EXTRACT_CHARS:
        # Cut at a line end when there is one, so no sentence is read half.
        cut = text.rfind("\n", 0, MAX_EXTRACT_CHARS)
        cut = cut if cut > MAX_EXTRACT_CHARS // 2 else MAX_EXTRACT_CHARS
        log.info(
            "Only the first %d of %d characters were scanned for entities; the rest is "
            "searchable but not highlighted.",
            cut,
            len(text),
        )
        text = text[:cut]
    return entities.extract(text, published)


def text_mentions(article: Article) -> list[Mention]:
    """What an import's first phase finds without the model: the dates our patterns read."""
    from reader.core.dates import finding

    return finding.find_without_model(article.body[:MAX_EXTRACT_CHARS], anchor(article))


def _warm_up() -> None:
    from reader.core.entities import recognition as entities

    entities.pipeline()


class Extraction:
    """Mentions of articles, from the cache or the model; one per library."""

    def __init__(self, cache_path: Path) -> None:
        self.cache_path = cache_path
        self._pool: ProcessPoolExecutor | None = None

    def cached(
        self, article: Article, cache: ExtractionCache | None = None
    ) -> list[Mention] | None:
        """Return the cached mentions of `article`, or None if the model has not seen it.

        A caller reading many articles passes its own open `cache`.
        """
        if cache is not None:
            found = cache.get(self._key(article))
        else:
            with ExtractionCache(self.cache_path) as opened:
                found = opened.get(self._key(article))
        return None if found is None else party_roles.apply(article, found)

    def mentions(self, article: Article) -> list[Mention]:
        """Return the mentions of `article`, running the model if needed.

        The cache keeps the model's output; what the document's parties say about its names
        (entities/party_roles.py) is applied on top each time.
        """
        found = self.cached(article)
        if found is None:
            raw = extract_article(article.body, anchor(article))
            self.store(article, raw)
            found = party_roles.apply(article, raw)
        return found

    def store(self, article: Article, mentions: list[Mention]) -> None:
        """Remember the mentions of `article`."""
        with ExtractionCache(self.cache_path) as cache:
            cache.put(self._key(article), mentions)

    def start_workers(self, expected: int) -> None:
        """Start worker processes if `expected` new articles make it worth it."""
        if self._pool is None and expected >= PARALLEL_MIN_ARTICLES:
            workers = max(1, min(2, multiprocessing.cpu_count()))
            # Spawned, not forked (the GUI imports from a QThread and forking a threaded
            # process can deadlock), and without re-running the caller's script.
            self._pool = ProcessPoolExecutor(
                workers, mp_context=processes.context(), initializer=_warm_up
            )

    def submit(self, article: Article) -> Callable[[], list[Mention]]:
        """Start extracting `article`; the returned function waits for and returns the result."""
        found = self.cached(article)
        if found is not None:
            return lambda: found
        if self._pool is None:
            return lambda: self.mentions(article)
        future: Future[list[Mention]] = self._pool.submit(
            extract_article, article.body, anchor(article)
        )

        def result() -> list[Mention]:
            mentions = future.result()
            self.store(article, mentions)
            return party_roles.apply(article, mentions)

        return result

    def stop_workers(self) -> None:
        """Stop the worker processes (pending work is dropped)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
            self._pool = None

    @staticmethod
    def _key(article: Article) -> str:
        return extraction_cache.key(article.body, anchor(article), version())


@functools.cache
def version() -> str:
    """The extractor's version: code version, app version and a hash of the pattern data."""
    digest = hashlib.sha256(f"{CODE_VERSION} {reader.__version__}".encode())
    data = resource("data")
    for path in sorted(data.rglob("*")) if data.is_dir() else []:
        if path.is_file():
            digest.update(path.relative_to(data).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
