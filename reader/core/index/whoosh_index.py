"""The Whoosh index: its schema, and opening it for reading or writing.

Whoosh objects stay inside this module, library.py and query.py; callers get plain values.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema
from whoosh.filedb.filestore import FileStorage
from whoosh.index import EmptyIndexError, LockError
from whoosh.reading import SegmentReader
from whoosh.writing import IndexWriter

from reader.core.errors import IndexBusyError, IndexDamagedError
from reader.core.index import length_columns, segment_files
from reader.core.index.analysis import FoldedPositions, analyzer

log = logging.getLogger(__name__)
segment_files.install()
length_columns.install()

INDEX_NAME = "articles"
# Segments of one size tier (a factor of TIER_WIDTH in articles) merged once this many pile up:
# Whoosh's own policy left 105 segments after a 100k import, and every search visits each one.
TIER_WIDTH = 8
# Phase 1 of an import leaves this many segments unmerged before it merges by tier.
TEXT_PHASE_SEGMENTS = 24
# A RAM buffer per writer: 256 MB made a text-only import peak at 622 MiB (PERFORMANCE.md).
WRITER_MEMORY_MB = 128


def schema() -> Schema:
    """Return the schema of the article index."""
    words = analyzer()

    def text(**options: Any) -> TEXT:
        field = TEXT(analyzer=words, **options)
        field.format = FoldedPositions(field_boost=field.format.field_boost)
        return field

    return Schema(
        id=ID(stored=True, unique=True),
        path=STORED(),
        stored_name=STORED(),
        format=STORED(),
        title=text(stored=True, field_boost=2.5),
        # Positions only: snippets find their words again in the stored text (snippet.py).
        body=text(stored=True),
        summary=STORED(),
        author=STORED(),
        source=STORED(),
        url=STORED(),
        published=ID(stored=True),
        published_day=NUMERIC(stored=False, sortable=True, bits=32, signed=False),
        names=text(field_boost=0.5),
        person=text(),
        org=text(),
        place=text(),
        legal=text(),
        # Whole canonical names, for filters and facet counts ("Alec Baldwin", not two words).
        person_key=KEYWORD(commas=True, lowercase=False),
        org_key=KEYWORD(commas=True, lowercase=False),
        place_key=KEYWORD(commas=True, lowercase=False),
        legal_key=KEYWORD(commas=True, lowercase=False),
        facets=STORED(),
        published_dates=KEYWORD(lowercase=False),
        mentioned_dates=KEYWORD(lowercase=False),
        date_mentions=STORED(),
        sources=STORED(),
        # A legal document's own facts (ingest/legal_facts.py). Libraries made before have no
        # such fields (Whoosh keeps the schema with the index) until they are rebuilt.
        court=text(stored=True),
        docket=KEYWORD(commas=True, lowercase=False),
        dockets=STORED(),
        # The normalised citations an article makes (index/cite_terms.py), each whole.
        cite=KEYWORD(commas=True, lowercase=False),
        parties=STORED(),
        events=STORED(),
        # How a PDF or converted document was read: page offsets, OCR'd pages, notes.
        reading=STORED(),
        # "text" while an article waits for its entities (the import's second phase), "ocr"
        # while a PDF's scanned pages wait to be read before that.
        phase=ID(),
    )


PENDING_FIELD = "phase"
PENDING = "text"
# Waiting for OCR of its scanned pages first, then for its entities.
OCR_PENDING = "ocr"


def ensure_pending_field(writer: IndexWriter) -> None:
    """Give a library made before two-phase imports the field that marks waiting articles."""
    if PENDING_FIELD not in writer.schema.names():
        writer.add_field(PENDING_FIELD, ID())


def open_or_create(index_dir: Path) -> Any:
    """Open the index in `index_dir`, creating an empty one if the folder has none."""
    index_dir.mkdir(parents=True, exist_ok=True)
    storage = _OpeningStorage(str(index_dir))
    try:
        try:
            return storage.open_index(INDEX_NAME)
        except EmptyIndexError:  # no table of contents: a new index
            return storage.create_index(schema(), indexname=INDEX_NAME)
    except Exception as error:  # Whoosh raises many types on damaged files (DECISIONS.md)
        storage.close_opened()
        raise IndexDamagedError(
            f"The search index in {index_dir} is damaged and needs to be rebuilt."
        ) from error
    finally:
        storage.opened = None


class _OpeningStorage(FileStorage):  # type: ignore[misc]
    """A FileStorage that knows which files it opened until the index is open.

    Whoosh leaves a damaged table of contents open when reading it fails; we close it at once
    rather than leave the file to the garbage collector.
    """

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.opened: list[Any] | None = []

    def open_file(self, name: str, **kwargs: Any) -> Any:
        stream = super().open_file(name, **kwargs)
        if self.opened is not None:
            self.opened.append(stream)
        return stream

    def close_opened(self) -> None:
        for stream in self.opened or ():
            with contextlib.suppress(Exception):
                stream.close()


@contextmanager
def writing(ix: Any, library: Path, timeout: float = 0.5) -> Iterator[IndexWriter]:
    """Hold the index writer; it is cancelled if the block raises (or is closed), never leaked."""
    try:
        writer = ix.writer(timeout=timeout, limitmb=WRITER_MEMORY_MB)
    except LockError as error:  # Whoosh's LockError has an empty message
        raise IndexBusyError(library) from error
    try:
        yield writer
    except BaseException:
        abandon(writer)
        raise


def merge_tiers(writer: IndexWriter, segments: list[Any], width: int = TIER_WIDTH) -> list[Any]:
    """Whoosh merge policy: merge the segments of any size tier that holds `width` of them.

    Smaller segments go into the same merge (they would be rewritten into the new segment
    anyway), so each article is rewritten about once per tier: log8 of the library size.
    Returns the segments left as they are, as Whoosh's policies do.
    """
    ordered = sorted(segments, key=lambda segment: segment.doc_count_all())
    tiers = [_tier(segment.doc_count_all()) for segment in ordered]
    cut = 0
    for tier in set(tiers):
        if tiers.count(tier) >= width:
            cut = max(cut, max(i for i, t in enumerate(tiers) if t == tier) + 1)
    merged = ordered[:cut] if cut >= 2 else []
    # A segment mostly of replaced or removed articles is rewritten without them (re-importing
    # a changed folder, or correcting an entity in many articles, leaves such segments).
    merged += [s for s in ordered[len(merged) :] if s.deleted_count() * 2 > s.doc_count_all()]
    if not merged:
        return segments
    for segment in merged:
        reader = SegmentReader(writer.storage, writer.schema, segment)
        writer.add_reader(reader)
        reader.close()
    return [segment for segment in ordered if segment not in merged]


def merge_when_many(writer: IndexWriter, segments: list[Any]) -> list[Any]:
    """Merge policy for the first phase of an import: segments stay as written, up to a point.

    Merging while the words go in rewrote each article once or twice (a third of phase 1's
    time, PERFORMANCE.md); phase 2 rewrites its articles anyway and compacts at its end.
    """
    if len(segments) < TEXT_PHASE_SEGMENTS:
        return segments
    return merge_tiers(writer, segments)


def compact(writer: IndexWriter, segments: list[Any]) -> list[Any]:
    """Merge policy for the last commit of an import: at most one segment per size tier.

    Searches pay per segment (10k articles: p95 13 ms in one segment, 33 ms in eight), and
    an import is the moment the user waits anyway. A 100k import ends with two or three
    segments; a small import into a big library merges only the small segments.
    """
    return merge_tiers(writer, segments, width=2)


def _tier(articles: int) -> int:
    tier = 0
    while articles >= TIER_WIDTH:
        articles //= TIER_WIDTH
        tier += 1
    return tier


def abandon(writer: IndexWriter) -> None:
    """Cancel a writer; if even that fails (a full disk), still let go of its lock."""
    if writer.is_closed:
        return
    try:
        writer.cancel()
    except Exception:
        log.warning("Cancelling the index writer failed; releasing its lock anyway", exc_info=True)
        lock = getattr(writer, "writelock", None)
        if lock is not None:
            with contextlib.suppress(Exception):
                lock.release()
        writer.is_closed = True


def clean_leftovers(ix: Any, index_dir: Path) -> list[str]:
    """Delete files of commits that never finished; call only while holding the write lock.

    Whoosh removes unused segments after a commit that succeeds, but a killed writer leaves
    its new segment files and its temporary table of contents behind.
    """
    toc = ix._read_toc()
    keep_segments = {segment.segment_id() for segment in toc.segments}
    current_toc = f"_{INDEX_NAME}_{toc.generation}.toc"
    removed = []
    for path in index_dir.iterdir():
        name = path.name
        segment = name.split(".", 1)[0]
        if name == current_toc or segment in keep_segments or name == "files.json":
            continue
        if "LOCK" in name.upper():
            continue
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(name)
    if removed:
        log.info("Removed %d files left by an interrupted import: %s", len(removed), removed)
    return removed


def open_with_retry(index_dir: Path, attempts: int = 3) -> Any:
    """Open the index, retrying the brief moment when a concurrent commit swaps its files."""
    for attempt in range(attempts):
        try:
            return open_or_create(index_dir)
        except IndexDamagedError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.1 * (attempt + 1))
    raise AssertionError("unreachable")
