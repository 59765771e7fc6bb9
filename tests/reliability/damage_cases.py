"""The damage suite's library and the ways its files are damaged, shared by the core and CLI tests.

Each case damages one kind of file of a library of 12 articles (made text-only, so that no
model runs) the way a disk, a sync tool or a careless hand would.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

from reader.core.library import Library, integrity

ARTICLES = {
    f"case{i}.txt": f"Case {i}\n\nWitness Okonkwo{i} told the court about exhibit E{i}."
    for i in range(12)
}
WORDS = [f"Okonkwo{i}" for i in range(12)]


def make_library(tmp_path: Path) -> tuple[Path, Path]:
    """A library of the 12 articles, and the folder of their originals."""
    folder = tmp_path / "cases"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, "utf-8")
    root = tmp_path / "lib"
    library = Library.open(root, samples=False, extractor=lambda article: [])
    list(library.import_paths([folder]))
    assert library.article_count() == len(ARTICLES)
    return root, folder


def answers(library: Library) -> dict[str, list[tuple[str, str]]]:
    """What each word finds: (article id, title) of every hit."""
    return {
        word: sorted((hit.article_id, hit.title) for hit in library.search(word).hits)
        for word in WORDS
    }


def _biggest_segment(root: Path) -> Path:
    return max(integrity.index_files(root / "index"), key=lambda p: p.stat().st_size)


def _zero_inside_segment(root: Path, originals: Path) -> None:
    """Same-size damage, with the time left as it was: what a failing disk does."""
    path = _biggest_segment(root)
    before = path.stat()
    data = bytearray(path.read_bytes())
    quarter = len(data) // 4
    data[quarter : 3 * quarter] = bytes(2 * quarter)
    path.write_bytes(bytes(data))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _flip_in_segment(root: Path, originals: Path) -> None:
    path = _biggest_segment(root)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))


def _flip_in_segment_keeping_its_time(root: Path, originals: Path) -> None:
    path = _biggest_segment(root)
    before = path.stat()
    _flip_in_segment(root, originals)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def _delete_index(root: Path, originals: Path) -> None:
    shutil.rmtree(root / "index")


def _delete_index_and_manifest(root: Path, originals: Path) -> None:
    shutil.rmtree(root / "index")
    (root / "manifest.json").unlink()


def _empty_index_and_delete_manifest(root: Path, originals: Path) -> None:
    for path in (root / "index").iterdir():
        path.unlink()
    (root / "manifest.json").unlink()


def _delete_record(root: Path, originals: Path) -> None:
    (root / "index" / integrity.RECORD_NAME).unlink()


def _index_is_a_file(root: Path, originals: Path) -> None:
    shutil.rmtree(root / "index")
    (root / "index").write_text("not a folder", "utf-8")


def _damage_manifest(root: Path, originals: Path) -> None:
    (root / "manifest.json").write_bytes(b"\x00\xffnot json{")


def _delete_manifest(root: Path, originals: Path) -> None:
    (root / "manifest.json").unlink()


def _a_copy(root: Path) -> Path:
    return sorted(p for p in (root / "store").rglob("*") if p.is_file())[3]


def _zero_a_copy(root: Path, originals: Path) -> None:
    copy = _a_copy(root)
    copy.write_bytes(bytes(copy.stat().st_size))


def _delete_a_copy(root: Path, originals: Path) -> None:
    _a_copy(root).unlink()


def _delete_a_copy_and_its_original(root: Path, originals: Path) -> None:
    copy = _a_copy(root)
    data = copy.read_bytes()
    copy.unlink()
    for original in originals.iterdir():
        if original.read_bytes() == data:
            original.unlink()


def _damage_corrections(root: Path, originals: Path) -> None:
    (root / "corrections.json").write_bytes(b'{"hidden": ["okonkwo')


def _damage_cache(root: Path, originals: Path) -> None:
    (root / "cache.sqlite").write_bytes(b"SQLite format 3\x00" + os.urandom(4000))


Damage = Callable[[Path, Path], None]

CASES: dict[str, Damage] = {
    "segment zeroed inside, same size and time": _zero_inside_segment,
    "one byte flipped in a segment": _flip_in_segment,
    "one byte flipped in a segment, time kept": _flip_in_segment_keeping_its_time,
    "index folder deleted": _delete_index,
    "index folder and manifest deleted": _delete_index_and_manifest,
    "index folder emptied, manifest deleted": _empty_index_and_delete_manifest,
    "record of index files deleted": _delete_record,
    "index is a file instead of a folder": _index_is_a_file,
    "manifest damaged": _damage_manifest,
    "manifest deleted": _delete_manifest,
    "a store copy zeroed": _zero_a_copy,
    "a store copy deleted": _delete_a_copy,
    "a store copy and its original deleted": _delete_a_copy_and_its_original,
    "corrections file damaged": _damage_corrections,
    "cache.sqlite damaged": _damage_cache,
}
# Cases `check` must report (the rest are repaired when the library opens, or harmless).
COPY_CASES = {
    "a store copy zeroed",
    "a store copy deleted",
    "a store copy and its original deleted",
}
