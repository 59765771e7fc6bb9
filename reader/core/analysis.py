"""The Whoosh analyser: words folded for case, accents, typographic quotes and possessives."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, Token
from whoosh.analysis.analyzers import Analyzer
from whoosh.analysis.filters import CharsetFilter
from whoosh.support.charset import accent_map

# Keep "o'brien" and "u.s" as one word; the apostrophe may be typographic.
_WORD = r"\w+(?:[.'\u2019]\w+)*"


class PossessiveFilter(Filter):  # type: ignore[misc]
    """Drop the possessive "'s" so that "Baldwin's" is found by "Baldwin"."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            text = token.text.replace("\u2019", "'")
            if text.endswith("'s"):
                text = text[:-2]
            token.text = text
            if text:
                yield token


def analyzer() -> Any:
    """Return the analyser used for every text field and for queries."""
    chain: Analyzer = (
        RegexTokenizer(_WORD) | LowercaseFilter() | CharsetFilter(accent_map) | PossessiveFilter()
    )
    return chain
