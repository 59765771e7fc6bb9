"""The Whoosh analyser: words folded for case, accents, typographic quotes and possessives."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, Token
from whoosh.analysis.analyzers import Analyzer
from whoosh.analysis.filters import CharsetFilter
from whoosh.support.charset import accent_map

# Invisible characters that copied web text hides inside words (soft hyphen, zero-width
# space/joiners, word joiner, BOM): part of the word, then removed, so "ju\u200bry" is "jury".
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE_TABLE = str.maketrans("", "", _INVISIBLE)
# Keep "o'brien" and "u.s" as one word; the apostrophe may be typographic.
_LETTERS = rf"[\w{_INVISIBLE}]+"
_WORD = rf"{_LETTERS}(?:[.'\u2019]{_LETTERS})*"


class PossessiveFilter(Filter):  # type: ignore[misc]
    """Drop the possessive "'s" so that "Baldwin's" is found by "Baldwin"."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            text = token.text.translate(_INVISIBLE_TABLE).replace("\u2019", "'")
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
