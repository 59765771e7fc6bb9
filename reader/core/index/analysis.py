"""The Whoosh analyser: words folded for case, accents, typographic quotes and possessives."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from whoosh.analysis import Filter, RegexTokenizer, Token
from whoosh.analysis.analyzers import Analyzer
from whoosh.formats import Positions
from whoosh.support.charset import accent_map

# Invisible characters that copied web text hides inside words (soft hyphen, zero-width
# space/joiners, word joiner, BOM): part of the word, then removed, so "ju\u200bry" is "jury".
INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE_TABLE = str.maketrans("", "", INVISIBLE)
# Keep "o'brien" and "u.s" as one word; the apostrophe may be typographic.
_LETTERS = rf"[\w{INVISIBLE}]+"
WORD_PATTERN = rf"{_LETTERS}(?:[.'\u2019]{_LETTERS})*"
_WORDS = re.compile(WORD_PATTERN)
# Joins the words of a text while they are folded together: no word holds it, and it is not a
# cased letter, so lower() treats each word as it would alone (Greek final sigma included).
_JOIN = "\x00"
_POSSESSIVE = re.compile(rf"'s(?={_JOIN}|$)")


def fold_word(text: str) -> str:
    """The indexed form of one word as the tokenizer cut it ("Raúl's" → "raul"); may be ""."""
    if text.isascii():
        text = text.lower()
    else:
        text = text.translate(_INVISIBLE_TABLE).lower().translate(accent_map)
        text = text.replace("\u2019", "'")
    return _strip_possessive(text)


def _strip_possessive(text: str) -> str:
    return text[:-2] if text.endswith("'s") else text


class FoldFilter(Filter):  # type: ignore[misc]
    """Lower-case, fold accents and invisible characters, drop the possessive "'s".

    One filter instead of three: most words are plain ASCII and only need lower(), which
    made indexing noticeably faster than running every word through the accent table.
    """

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            text = fold_word(token.text)
            token.text = text
            if text:
                yield token


class PossessiveFilter(Filter):  # type: ignore[misc]
    """Kept so that indexes made before FoldFilter (their schema names it) still open."""

    def __call__(self, tokens: Iterator[Token]) -> Iterator[Token]:
        for token in tokens:
            text = token.text.translate(_INVISIBLE_TABLE).replace("\u2019", "'")
            token.text = _strip_possessive(text)
            if token.text:
                yield token


def word_positions(text: str) -> dict[str, list[int]]:
    """Each indexed word of `text` with its positions: what analyzer() gives, made faster.

    An import spends much of its time here: the words are cut with one regular expression
    and folded all at once, instead of one Token and three calls per word. Positions count
    every word cut, as the tokenizer does, also one that folds to nothing.
    """
    words = _WORDS.findall(text)
    if not words:
        return {}
    joined = _JOIN.join(words)
    if joined.isascii():
        joined = joined.lower()
    else:
        joined = joined.translate(_INVISIBLE_TABLE).lower().translate(accent_map)
        joined = joined.replace("\u2019", "'")
    if "'s" in joined:
        joined = _POSSESSIVE.sub("", joined)
    positions: defaultdict[str, list[int]] = defaultdict(list)
    for position, word in enumerate(joined.split(_JOIN)):
        positions[word].append(position)
    positions.pop("", None)
    return positions


class FoldedPositions(Positions):  # type: ignore[misc]
    """Whoosh's Positions format, indexing a text through word_positions().

    Only indexing takes this path; queries, and lists of values, use the field's analyzer.
    Libraries made before keep Positions in their schema and index as before.
    """

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterator[Any]:
        if not isinstance(value, str):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        boost = self.field_boost
        encode = self.encode
        for word, held in word_positions(value).items():
            yield (word, len(held), len(held) * boost, encode(held))


def analyzer() -> Any:
    """Return the analyser used for every text field and for queries."""
    chain: Analyzer = RegexTokenizer(WORD_PATTERN) | FoldFilter()
    return chain
