"""The words of each index segment, held in memory for prefix and fuzzy expansion.

Whoosh expands `Gutier*` or `Torez~1` by walking its on-disk word table, one seek per
candidate; at 10,000 articles one fuzzy word cost ~30 ms per field, and again when the hits
are counted (PERFORMANCE.md). A segment never changes once written, so its words are read
once, on the first prefix or fuzzy search that needs them, and kept until it is merged away.
"""

from __future__ import annotations

import bisect
import threading
from array import array
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from whoosh.automata import lev

MAX_EDITS = 2


@dataclass(frozen=True)
class SegmentWords:
    """One field's words in one segment: sorted, with how many articles use each."""

    words: list[str]
    frequencies: array[int]
    # (first letter, length) → words, so a fuzzy match looks only at words it could reach.
    by_shape: dict[tuple[str, int], list[str]]

    @classmethod
    def read(cls, segment_reader: Any, field: str) -> SegmentWords:
        words: list[str] = []
        frequencies = array("I")
        by_shape: dict[tuple[str, int], list[str]] = defaultdict(list)
        for btext, info in segment_reader.iter_field(field):
            word = btext.decode("utf-8")
            words.append(word)
            frequencies.append(info.doc_frequency())
            by_shape[word[:1], len(word)].append(word)
        return cls(words, frequencies, dict(by_shape))

    def frequency(self, word: str) -> int:
        at = bisect.bisect_left(self.words, word)
        return self.frequencies[at] if at < len(self.words) and self.words[at] == word else 0

    def starting_with(self, prefix: str) -> list[tuple[str, int]]:
        first = bisect.bisect_left(self.words, prefix)
        last = bisect.bisect_left(self.words, prefix + "\U0010ffff", first)
        return list(zip(self.words[first:last], self.frequencies[first:last], strict=True))

    def candidates(self, text: str, maxdist: int, prefixlength: int) -> list[str]:
        """Words whose first letter and length allow a match, before the exact check."""
        lengths = range(max(1, len(text) - maxdist), len(text) + maxdist + 1)
        if prefixlength:
            keys = [(text[:1], n) for n in lengths]
        else:
            keys = [key for key in self.by_shape if key[1] in lengths]
        return [word for key in keys for word in self.by_shape.get(key, ())]


class Vocabulary:
    """Word lists of the segments searched lately, shared by every search thread."""

    def __init__(self) -> None:
        self._held: dict[tuple[str, str], SegmentWords] = {}
        self._lock = threading.Lock()

    def starting_with(self, reader: Any, field: str, prefix: str) -> dict[str, int]:
        """Every word of `field` that starts with `prefix`, with its article count."""
        found: dict[str, int] = {}
        for words in self._segments(reader, field):
            for word, frequency in words.starting_with(prefix):
                found[word] = found.get(word, 0) + frequency
        return found

    def within(
        self, reader: Any, field: str, text: str, maxdist: int, prefixlength: int = 1
    ) -> dict[str, int]:
        """Words within `maxdist` edits of `text` (sharing its first `prefixlength` letters).

        Query repair allows at most 2 edits; the bounds here keep a direct caller from
        building an automaton that takes seconds (or indexing past a short word).
        """
        maxdist = max(0, min(maxdist, MAX_EDITS))
        prefixlength = max(0, min(prefixlength, len(text)))
        dfa = lev.levenshtein_automaton(text, maxdist, prefixlength).to_dfa()
        segments = self._segments(reader, field)
        seen: set[str] = set()
        found: dict[str, int] = {}
        for words in segments:
            for word in words.candidates(text, maxdist, prefixlength):
                if word not in seen:
                    seen.add(word)
                    if word.startswith(text[:prefixlength]) and dfa.accept(word):
                        found[word] = 0
        for word in found:
            found[word] = sum(words.frequency(word) for words in segments)
        return found

    def _segments(self, reader: Any, field: str) -> list[SegmentWords]:
        # An empty index reads through a reader with no segment, and has no words.
        leaves = [leaf for leaf, _offset in reader.leaf_readers() if leaf.segment() is not None]
        ids = [leaf.segment().segment_id() for leaf in leaves]
        with self._lock:
            # Segments merged away (in any field): their words live on in the new segment.
            for key in [key for key in self._held if key[0] not in ids]:
                del self._held[key]
            held = {segment_id: self._held.get((segment_id, field)) for segment_id in ids}
        # Read outside the lock: other searches need not wait for a big segment's words.
        # Two threads may read the same segment at once; both lists are the same.
        for leaf, segment_id in zip(leaves, ids, strict=True):
            if held[segment_id] is None:
                words = SegmentWords.read(leaf, field)
                with self._lock:
                    held[segment_id] = self._held.setdefault((segment_id, field), words)
        return [words for words in held.values() if words is not None]
