"""The import manifest: which source files the library holds, by path, size, time and hash.

It is a cache of what the index says (each index document stores its sources), written after
every commit together with the index generation it describes. When the two disagree (a crash
between commit and manifest write) the manifest is rebuilt from the index.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

from reader.core import durable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Source:
    """A file that was imported: the article it became and how it looked then."""

    article_id: str
    size: int
    mtime_ns: int


@dataclass
class Manifest:
    """Source path → Source, for the index generation `generation`."""

    generation: int = -1
    sources: dict[str, Source] = field(default_factory=dict)


def load(path: Path) -> Manifest | None:
    """Read the manifest, or None when it is missing or unreadable (it is then rebuilt)."""
    try:
        raw = json.loads(path.read_text("utf-8"))
        return Manifest(
            generation=int(raw["generation"]),
            sources={p: Source(*entry) for p, entry in raw["sources"].items()},
        )
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError) as error:
        log.debug("manifest unreadable", exc_info=error)
        log.warning("Rebuilding the import manifest %s: it is damaged", path)
        return None


def save(manifest: Manifest, path: Path) -> None:
    """Write the manifest atomically."""
    raw = {
        "generation": manifest.generation,
        "sources": {
            p: [s.article_id, s.size, s.mtime_ns] for p, s in sorted(manifest.sources.items())
        },
    }
    durable.write_atomically(path, json.dumps(raw, indent=0).encode("utf-8"))
