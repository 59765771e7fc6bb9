"""The furniture vocabulary: the word lists in resources/data/legal/furniture_*.tsv."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from reader.core.resources import resource


@dataclass(frozen=True, slots=True)
class Words:
    """The furniture vocabulary: labels (and which carry a furniture value), lines, words."""

    labels: frozenset[str]
    value_labels: frozenset[str]
    lines: frozenset[str]
    words: frozenset[str]
    document_kinds: frozenset[str]
    never: frozenset[str]  # words no name holds ("Bldg", "hac", "NOT")


def _rows(name: str) -> list[list[str]]:
    path = resource("data", "legal", name)
    text = path.read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and line[0] != "#"]


@functools.cache
def vocabulary() -> Words:
    """Read resources/data/legal/furniture_*.tsv (once)."""
    labels = {row[0].strip().casefold(): row[1:] for row in _rows("furniture_labels.tsv")}
    rows = _rows("furniture_words.tsv")
    words = {w.casefold() for row in rows if row[0] != "never" for w in row[1].split()}
    documents = {w.casefold() for row in rows if row[0] == "doc" for w in row[1].split()}
    never = {w.casefold() for row in rows if row[0] == "never" for w in row[1].split()}
    return Words(
        labels=frozenset(labels),
        value_labels=frozenset(k for k, v in labels.items() if v and v[0].strip() == "value"),
        lines=frozenset(row[0].strip().casefold() for row in _rows("furniture_lines.tsv")),
        words=frozenset(words),
        document_kinds=frozenset(documents),
        never=frozenset(never),
    )
