"""Hit and SearchResult: what a search returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class Hit:
    """One matching article. `snippet` is HTML-escaped text with matches in <b>…</b>."""

    article_id: str
    path: Path
    title: str
    published: str | None
    score: float
    snippet: str
    source: str | None = None
    author: str | None = None
    # Set when the article names no date within the query, only a coarser one ("mentions
    # 2017" for "October 2, 2017"); the snippet then starts with it.
    date_note: str | None = None
    # The page of a PDF where the first matched word is; None for documents without pages.
    page: int | None = None


@dataclass(frozen=True)
class SearchResult:
    """The hits for a query and what was actually searched."""

    query: str  # what the user typed
    searched: str  # the query as understood, after repairs
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    suggestion: str | None = None  # "did you mean" text, when a word looks misspelled
    notes: list[str] = field(default_factory=list)  # repairs and limits, as sentences
    dates: list[str] = field(default_factory=list)  # dates recognised in the query
    # Entity names among the top hits, with how many hits mention each: "person" → [(name, n)]
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    # The indexed words searched for, once "Torez~1" and "manslaught*" are expanded (lower
    # case, accents folded), so that a reader can mark them in the article too.
    words: list[str] = field(default_factory=list)
    # Ids of the top hits the facets were counted over (the user's tags are counted over the
    # same hits by the library).
    counted: tuple[str, ...] = ()
    # The parts the counted hits state for their named people and organisations, by folded
    # entity key: "plant insulation company" → ("debtor",), "thomas e. carlson" → ("judge",)
    roles: dict[str, tuple[str, ...]] = field(default_factory=dict)
