"""Read memory-mapped index segments in place instead of copying them into memory.

Whoosh 2.7.5 memory-maps each segment file, then hands every part of it to a `BufferFile`
that wraps the part in `io.BytesIO` — which copies it. Each searcher therefore held a copy of
the whole index: ~100 MiB of heap at 10,000 articles, over 1.5 GiB at 100,000, and ~50 ms to
open (PERFORMANCE.md). `MemoryFile` reads from the mapping itself; only the bytes asked for
are copied, and the kernel keeps (and can drop) the pages.

`install()` is called once, by reader.core.index.whoosh_index, before any index is opened.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.filedb import structfile

_LINE_CHUNK = 4096


class MemoryFile:
    """A read-only, seekable file over a memoryview."""

    def __init__(self, buffer: Any) -> None:
        self._view = memoryview(buffer).cast("B")
        self._at = 0

    def read(self, size: int | None = -1) -> bytes:
        end = len(self._view) if size is None or size < 0 else self._at + size
        data = bytes(self._view[self._at : end])
        self._at += len(data)
        return data

    def readline(self, size: int | None = -1) -> bytes:
        limit = len(self._view)
        if size is not None and size >= 0:
            limit = min(limit, self._at + size)
        start = end = self._at
        while end < limit:
            chunk = bytes(self._view[end : min(end + _LINE_CHUNK, limit)])
            newline = chunk.find(b"\n")
            if newline >= 0:
                end += newline + 1
                break
            end += len(chunk)
        self._at = end
        return bytes(self._view[start:end])

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self._at, 2: len(self._view)}[whence]
        self._at = max(0, base + offset)
        return self._at

    def tell(self) -> int:
        return self._at

    def close(self) -> None:
        """Nothing to release: the mapping belongs to the segment's storage."""

    def __iter__(self) -> Iterator[bytes]:
        while line := self.readline():
            yield line


def _buffer_file_init(self: Any, buf: Any, name: str | None = None, onclose: Any = None) -> None:
    self._buf = buf
    self._name = name
    self.file = MemoryFile(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


def install() -> None:
    """Make Whoosh's BufferFile read in place (idempotent)."""
    structfile.BufferFile.__init__ = _buffer_file_init
