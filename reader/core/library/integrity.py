"""A record of the index files (sizes and checksums), to notice damage before it misleads.

Whoosh keeps no checksums: a truncated or altered segment may raise any of a dozen exception
types, or silently change results. After every commit we record each index file's size and
BLAKE2 digest. Opening checks the sizes (cheap); `verify` checks the digests (a full read).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
from pathlib import Path

from reader.core import durable

log = logging.getLogger(__name__)

RECORD_NAME = "files.json"
# Whoosh's own lock file comes and goes; it is not part of a commit.
_IGNORED = re.compile(r"^(?:.*_LOCK|.*WRITELOCK|files\.json|\..*)$")

Record = dict[str, tuple[int, str]]


def digest(path: Path) -> str:
    """Return the BLAKE2 digest of a file's bytes."""
    hasher = hashlib.blake2b(digest_size=16)
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            hasher.update(block)
    return hasher.hexdigest()


def index_files(index_dir: Path) -> list[Path]:
    """The files a commit consists of."""
    return sorted(p for p in index_dir.iterdir() if p.is_file() and not _IGNORED.match(p.name))


def record(index_dir: Path, previous: Record | None = None) -> Record:
    """Record the index files; unchanged names keep their digest (Whoosh files are immutable)."""
    previous = previous or {}
    out: Record = {}
    for path in index_files(index_dir):
        size = path.stat().st_size
        known = previous.get(path.name)
        out[path.name] = known if known and known[0] == size else (size, digest(path))
    return out


def save(index_dir: Path, files: Record, generation: int) -> None:
    """Write the record of commit `generation` beside the index files."""
    raw = {"generation": generation, "files": {name: list(entry) for name, entry in files.items()}}
    durable.write_atomically(index_dir / RECORD_NAME, json.dumps(raw, indent=0).encode("utf-8"))


def generation_of(index_dir: Path) -> int | None:
    """The commit generation the record describes, or None without a readable record."""
    try:
        return int(json.loads((index_dir / RECORD_NAME).read_text("utf-8"))["generation"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def load(index_dir: Path) -> Record | None:
    """Read the record, or None when there is none (an index from before records existed)."""
    try:
        raw = json.loads((index_dir / RECORD_NAME).read_text("utf-8"))["files"]
        return {name: (int(size), str(value)) for name, (size, value) in raw.items()}
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError) as error:
        log.warning("The index file record is unreadable: %s", error)
        return {}


def quick_problems(index_dir: Path, files: Record) -> list[str]:
    """Missing, resized or unexpected index files: what opening can check without reading them."""
    problems = []
    present = {p.name: p for p in index_files(index_dir)}
    for name, (size, _) in files.items():
        path = present.get(name)
        if path is None:
            problems.append(f"{name} is missing")
        elif path.stat().st_size != size:
            problems.append(f"{name} has the wrong size")
    return problems


def full_problems(index_dir: Path, files: Record) -> list[str]:
    """Also compare every file's digest with the record."""
    problems = quick_problems(index_dir, files)
    for name, (_, expected) in files.items():
        path = index_dir / name
        with contextlib.suppress(OSError):
            if path.exists() and digest(path) != expected:
                problems.append(f"{name} has been altered")
    return problems
