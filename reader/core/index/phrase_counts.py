"""Where phrases occur in each article, read from the index's word positions.

The batch of names (library/batch.py) counts mentions here rather than in the stored text
or the entity mentions: the positions are what a search matches, so the count uses the same
folding (case, accents, possessives) and never disagrees with a search for the name; the
entity mentions miss every name the model did not tag. Reading positions from the postings
costs no stored text at all: 20 names over the 10k library take well under a second
(bench/bench_batch.py, docs/PERFORMANCE.md).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from whoosh.query import Phrase, Query, Term

from reader.core.index.analysis import analyzer

# Title and body: a name in the headline is a mention too. Entity-name fields are left out
# because they repeat words of the body.
FIELDS = ("title", "body")
Span = tuple[str, int, int]  # field, first word position, last word position


def words(text: str) -> tuple[str, ...]:
    """`text` cut and folded into indexed words, as a search does ("O'Brien's" → "o'brien")."""
    return tuple(token.text for token in analyzer()(text))


def spans(searcher: Any, phrase: Sequence[str]) -> dict[int, list[Span]]:
    """Every place the words of `phrase` occur together, by index document number."""
    found: dict[int, list[Span]] = {}
    if not phrase:
        return found
    for sub, offset in searcher.leaf_searchers():
        for field in FIELDS:
            matcher = _query(field, phrase).matcher(sub)
            while matcher.is_active():
                places = found.setdefault(offset + matcher.id(), [])
                if len(phrase) == 1:
                    places += [(field, p, p) for p in matcher.value_as("positions")]
                else:
                    places += [(field, s.start, s.end) for s in matcher.spans()]
                matcher.next()
    return found


def count(places: list[Span]) -> int:
    """How many mentions `places` are, one for each stretch of words however many match it.

    "Alec Baldwin" is one mention, though the alias "Baldwin" matches its second word:
    longer spans are taken first and a span overlapping one already taken is dropped.
    """
    taken: dict[str, list[tuple[int, int]]] = {}
    total = 0
    for field, start, end in sorted(set(places), key=lambda s: (s[1] - s[2], s[0], s[1])):
        kept = taken.setdefault(field, [])
        if all(end < a or start > b for a, b in kept):
            kept.append((start, end))
            total += 1
    return total


def _query(field: str, phrase: Sequence[str]) -> Query:
    if len(phrase) == 1:
        return Term(field, phrase[0])
    return Phrase(field, list(phrase))
