"""The sample articles of a first run: imported until they have been committed once.

A first run killed before its samples were committed leaves an empty index; that library is
not finished, so the next open imports them. A marker in the folder says they were committed;
a library the user emptied on purpose (its index has commits, it holds nothing) stays empty.
"""

from __future__ import annotations

import logging
from pathlib import Path

from reader.core import durable
from reader.core.ingest import reading as ingest
from reader.core.library.storage import Storage
from reader.core.resources import resource

log = logging.getLogger(__name__)


def sample_articles() -> Path:
    """The folder of sample articles a new library starts with."""
    return resource("articles")


def sample_ids() -> set[str]:
    """The article ids of the sample articles."""
    return {
        ingest.article_id(path.read_bytes())
        for path in sample_articles().rglob("*")
        if path.is_file() and not path.name.startswith(".")
    }


def pending(storage: Storage) -> bool:
    """True while the samples of this library's first run have not been committed.

    Libraries from before the marker get one: any that holds more than the samples, or that
    was emptied after a commit, is finished.
    """
    if storage.layout.samples_marker.exists():
        return False
    held = {source.article_id for source in storage.read_manifest().sources.values()}
    # Nothing held: unfinished only if nothing was ever committed (else emptied on purpose).
    unfinished = held <= sample_ids() if held else storage.ix.latest_generation() <= 0
    if not unfinished:
        mark_done(storage)
    return unfinished


def mark_done(storage: Storage) -> None:
    """Remember that the samples were committed (or are not wanted)."""
    try:
        durable.write_atomically(storage.layout.samples_marker, b"samples imported\n")
    except OSError as error:  # a read-only folder: the check runs again next time, harmlessly
        log.warning("The library cannot note that its samples are in: %s", error)
