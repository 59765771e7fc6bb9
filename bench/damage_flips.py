"""Flip one byte at a time in the damage suite's segment file and classify what searches give.

Run: .venv/bin/python -m bench.damage_flips [--keep-time] [--step 31]

For each flipped offset, a copy of the library is opened through the core API and searched for
each of its 12 witness names plus two common words; the answers (ids, titles, snippets, paths,
counts) are compared with the intact library's. `--keep-time` puts the file's modification
time back after the flip, as a failing disk would leave it. Outcomes: right, right after a
rebuild (opening or the search found the damage), wrong (no error, different answers), or an
exception that escaped (there should be none).
"""

from __future__ import annotations

import argparse
import collections
import logging
import os
import shutil
import tempfile
from pathlib import Path

from reader.core.library import Library, integrity
from tests.reliability import damage_cases


def _answers(library: Library) -> list[object]:
    found: list[object] = [
        sorted((h.article_id, h.title, h.snippet, h.path.name) for h in library.search(w).hits)
        for w in damage_cases.WORDS
    ]
    return [*found, library.search("court").total, library.search("exhibit").total]


def main() -> None:
    """Print the counts of each outcome."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--keep-time", action="store_true")
    parser.add_argument("--step", type=int, default=31)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory() as folder:
        intact = Path(folder) / "intact"
        intact.mkdir()
        src, _ = damage_cases.make_library(intact)
        base = _answers(Library.open(src, samples=False, extractor=lambda a: []))
        segment = max(integrity.index_files(src / "index"), key=lambda p: p.stat().st_size)
        data = segment.read_bytes()
        work = Path(folder) / "work"
        outcomes: collections.Counter[str] = collections.Counter()
        for offset in range(0, len(data), args.step):
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(src.parent, work)
            path = work / "lib" / "index" / segment.name
            before = path.stat()
            flipped = bytearray(data)
            flipped[offset] ^= 0xFF
            path.write_bytes(bytes(flipped))
            if args.keep_time:
                os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
            try:
                library = Library.open(work / "lib", samples=False, extractor=lambda a: [])
                same = _answers(library) == base
                kind = ("right" if same else "wrong") + (
                    " after a rebuild" if library.repaired else ""
                )
            except Exception as error:
                kind = f"escaped: {type(error).__name__}"
            outcomes[kind] += 1
    total = sum(outcomes.values())
    print(f"{total} flips in a {len(data)}-byte segment (keep time: {args.keep_time}):")
    for kind, count in outcomes.most_common():
        print(f"  {kind}: {count}")


if __name__ == "__main__":
    main()
