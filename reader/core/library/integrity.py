"""A record of the index files (sizes and checksums), to notice damage before it misleads.

Whoosh keeps no checksums: a truncated or altered segment may raise any of a dozen exception
types, or silently change results. After every commit we record each index file's size,
BLAKE2 digest and modification time. Opening checks sizes and times (one `stat` per file) and
reads only a file whose time changed: Whoosh never writes a file again once it is committed,
so a new time means something else wrote it (a byte flipped by hand or by a tool gave wrong
hits in 7 of 607 trials, without any error). Damage that keeps the time (a failing disk) is
found by `verify`, which reads every file, or when a search meets it.
"""

from __future__ import annotations

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

# name -> (size, digest, modification time in ns; -1 in records from before times were kept)
Record = dict[str, tuple[int, str, int]]


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
    """Record the index files; unchanged names keep their digest (Whoosh files are immutable).

    A file of the recorded size whose time changed keeps its old entry unless its bytes are
    the recorded ones: damage found later must not be recorded as the truth.
    """
    previous = previous or {}
    out: Record = {}
    for path in index_files(index_dir):
        stat = path.stat()
        known = previous.get(path.name)
        if known is None or known[0] != stat.st_size:
            out[path.name] = (stat.st_size, digest(path), stat.st_mtime_ns)
        elif known[2] in (stat.st_mtime_ns, -1) or digest(path) == known[1]:
            out[path.name] = (known[0], known[1], stat.st_mtime_ns)
        else:
            out[path.name] = known
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
        return {name: _entry(entry) for name, entry in raw.items()}
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError) as error:
        log.warning("The index file record is unreadable: %s", error)
        return {}


def _entry(raw: list[object]) -> tuple[int, str, int]:
    size, value, *rest = raw
    return int(str(size)), str(value), int(str(rest[0])) if rest else -1


def quick_problems(index_dir: Path, files: Record) -> list[str]:
    """Missing, resized or rewritten index files: what opening can check cheaply."""
    problems = []
    present = {p.name: p for p in index_files(index_dir)}
    for name, (size, expected, mtime_ns) in files.items():
        path = present.get(name)
        if path is None:
            problems.append(f"{name} is missing")
            continue
        stat = path.stat()
        if stat.st_size != size:
            problems.append(f"{name} has the wrong size")
        elif mtime_ns not in (stat.st_mtime_ns, -1) and _altered(path, expected):
            problems.append(f"{name} has been altered")
    return problems


def _altered(path: Path, expected: str) -> bool:
    try:
        return digest(path) != expected
    except OSError:
        return True


def full_problems(index_dir: Path, files: Record) -> list[str]:
    """Also compare every file's digest with the record."""
    problems = quick_problems(index_dir, files)
    for name, (_, expected, _) in files.items():
        path = index_dir / name
        reported = any(problem.startswith(f"{name} ") for problem in problems)
        if not reported and path.exists() and _altered(path, expected):
            problems.append(f"{name} has been altered")
    return problems
