"""Segments are read in place: a searcher does not hold a copy of the index."""

from __future__ import annotations

import io
import tracemalloc
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reader.core.index.segment_files import MemoryFile
from reader.core.library import Library

_OPS = st.lists(
    st.one_of(
        st.tuples(st.just("read"), st.integers(-1, 40)),
        st.tuples(st.just("readline"), st.integers(-1, 40)),
        st.tuples(st.just("seek"), st.integers(0, 120)),
        st.tuples(st.just("seek_end"), st.integers(-120, 0)),
        st.tuples(st.just("skip"), st.integers(-10, 10)),
    ),
    max_size=30,
)


@given(data=st.binary(max_size=100).map(lambda b: b.replace(b"\x00", b"\n")), ops=_OPS)
def test_memory_file_reads_like_a_file(data: bytes, ops: list[tuple[str, int]]) -> None:
    ours, theirs = MemoryFile(data), io.BytesIO(data)
    for op, n in ops:
        if op == "seek":
            assert ours.seek(n) == theirs.seek(n)
        elif op == "seek_end":
            assert ours.seek(max(n, -len(data)), 2) == theirs.seek(max(n, -len(data)), 2)
        elif op == "skip":
            n = max(n, -ours.tell())
            assert ours.seek(n, 1) == theirs.seek(n, 1)
        else:
            assert getattr(ours, op)(n) == getattr(theirs, op)(n)
        assert ours.tell() == theirs.tell()
    ours.seek(0)
    assert list(ours) == io.BytesIO(data).readlines()


def test_a_search_does_not_copy_the_index_into_memory(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(150):
        words = " ".join(f"w{n}x{i} court filing" for i in range(400))
        (folder / f"{n:03d}.md").write_text(f"# Filing {n}\n\n{words}\n")
    library = Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])
    list(library.import_paths([folder]))
    index_bytes = sum(f.stat().st_size for f in library.index_dir.iterdir())
    reopened = Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])
    tracemalloc.start()
    try:
        assert reopened.search("court").total == 150
        held, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert index_bytes > 1_000_000
    assert held < index_bytes / 4
