"""A damaged index is noticed and rebuilt from the library's copies, losing nothing."""

from __future__ import annotations

import gc
import os
import warnings
from pathlib import Path

import pytest

from reader.core.errors import IndexDamagedError
from reader.core.index import whoosh_index as index
from reader.core.library import Library, integrity
from tests.reliability import damage_cases

ARTICLES = {
    f"case{i}.txt": f"Case {i}\n\nWitness Okonkwo{i} told the court about exhibit E{i}."
    for i in range(12)
}


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "delete":
        path.unlink()
    elif how == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif how == "zero":
        path.write_bytes(b"\x00" * len(data))
    elif how == "flip":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :])
    elif how == "append":
        path.write_bytes(data + b"garbage")


@pytest.fixture
def library_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, "utf-8")
    root = tmp_path / "lib"
    library = Library.open(root, samples=False, extractor=lambda article: [])
    list(library.import_paths([folder]))
    assert library.article_count() == len(ARTICLES)
    return root


def _index_files(root: Path) -> list[str]:
    return [p.name for p in integrity.index_files(root / "index")]


def test_every_kind_of_damage_to_every_index_file_is_repaired(library_dir: Path) -> None:
    pristine = {p.name: p.read_bytes() for p in (library_dir / "index").iterdir() if p.is_file()}
    failures = []
    for name in _index_files(library_dir):
        for how in ("delete", "truncate", "zero", "flip", "append"):
            # Start every case from the same intact index.
            for existing in (library_dir / "index").iterdir():
                existing.unlink()
            for file_name, data in pristine.items():
                (library_dir / "index" / file_name).write_bytes(data)
            _damage(library_dir / "index" / name, how)
            library = Library.open(
                library_dir, samples=False, extractor=lambda article: [], full_check=True
            )
            found = library.search("Okonkwo7").total
            if library.repaired is None or library.article_count() != len(ARTICLES) or found != 1:
                failures.append(f"{how} {name}: repaired={library.repaired!r} found={found}")
    assert failures == []


@pytest.mark.parametrize("how", ["truncate", "zero"])
def test_a_damaged_table_of_contents_is_closed_at_once(library_dir: Path, how: str) -> None:
    (toc,) = (library_dir / "index").glob("*.toc")
    _damage(toc, how)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(IndexDamagedError, match="damaged and needs to be rebuilt"):
            index.open_or_create(library_dir / "index")
        gc.collect()
    assert [str(w.message) for w in caught if w.category is ResourceWarning] == []


def test_a_missing_index_folder_is_rebuilt(library_dir: Path) -> None:
    for path in (library_dir / "index").iterdir():
        path.unlink()
    (library_dir / "index").rmdir()
    library = Library.open(library_dir, samples=False, extractor=lambda article: [])
    assert library.repaired is not None
    assert "rebuilt" in library.repaired
    assert library.article_count() == len(ARTICLES)


def test_rebuild_without_a_manifest_uses_the_stored_copies(library_dir: Path) -> None:
    os.remove(library_dir / "manifest.json")
    (library_dir / "index" / integrity.RECORD_NAME).write_text("not json", "utf-8")
    library = Library.open(library_dir, samples=False, extractor=lambda article: [])
    assert library.repaired is not None
    assert library.article_count() == len(ARTICLES)
    assert library.search("Okonkwo3").total == 1


def test_an_intact_library_is_not_rebuilt(library_dir: Path) -> None:
    library = Library.open(library_dir, samples=False, extractor=lambda a: [], full_check=True)
    assert library.repaired is None
    assert library.verify() == []


def test_power_loss_after_an_unsynced_commit_keeps_every_acknowledged_article(
    library_dir: Path, tmp_path: Path
) -> None:
    """A commit whose fsync never happened: its files are cut short, nothing recorded it."""
    index_dir = library_dir / "index"
    record = (index_dir / integrity.RECORD_NAME).read_bytes()
    manifest = (library_dir / "manifest.json").read_bytes()
    before = {p.name for p in integrity.index_files(index_dir)}
    later = tmp_path / "later"
    later.mkdir()
    for i in range(5):
        (later / f"late{i}.txt").write_text(f"Late {i}\n\nJuror Abernathy{i} spoke.", "utf-8")
    library = Library.open(library_dir, samples=False, extractor=lambda article: [])
    list(library.import_paths([later]))
    # The power goes: files written since the last fsync lose their tails, and the record
    # and manifest of that commit were never written.
    for path in integrity.index_files(index_dir):
        if path.name not in before:
            data = path.read_bytes()
            path.write_bytes(data[: len(data) // 3])
    (index_dir / integrity.RECORD_NAME).write_bytes(record)
    (library_dir / "manifest.json").write_bytes(manifest)

    reopened = Library.open(library_dir, samples=False, extractor=lambda article: [])
    assert reopened.repaired is not None
    assert reopened.article_count() >= len(ARTICLES)
    assert reopened.search("Okonkwo11").total == 1


@pytest.mark.parametrize("case", sorted(damage_cases.CASES))
def test_each_damaged_file_is_detected_and_repaired_or_explained(tmp_path: Path, case: str) -> None:
    """Each file kind of the library folder, damaged: the answers stay those of the intact one."""
    root, originals = damage_cases.make_library(tmp_path)
    expected = damage_cases.answers(Library.open(root, samples=False, extractor=lambda a: []))
    damage_cases.CASES[case](root, originals)

    # As the command line opens it (samples wanted): a damaged library is never "new".
    library = Library.open(root, extractor=lambda article: [])
    assert damage_cases.answers(library) == expected
    assert library.article_count() == len(damage_cases.ARTICLES)
    if case == "segment zeroed inside, same size and time":
        assert library.repaired is not None  # the search met the damage and rebuilt
        assert "rebuilt from the library's copies" in library.repaired
    if case == "one byte flipped in a segment":
        assert library.repaired is not None  # its new time gave it away at opening
    report = library.check()
    assert bool(report.copy_problems) == (case in damage_cases.COPY_CASES)
    if case == "one byte flipped in a segment, time kept":
        # Only the full check can see it, unless one of the searches met it and rebuilt.
        assert bool(report.index_problems) != (library.repaired is not None)
    if not report.intact:
        list(library.rebuild("the check found damage"))
        assert damage_cases.answers(library) == expected
        after = library.check()
        if case == "a store copy and its original deleted":
            # Nothing holds its bytes any more; its text stays searchable from the old index.
            assert after.index_problems == ()
            assert len(after.copy_problems) == 1
        else:
            assert after.intact, after
    assert library.verify() == []
