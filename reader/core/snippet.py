"""A hit's snippet: its best passages, with the words it was found by marked.

The index keeps word positions but not character offsets (they made it 1.55x the size of a
plain Whoosh index, PERFORMANCE.md). So the marked words are found again in the stored text,
and only for the hits on screen. Analysing a whole article again is what made Whoosh's own
snippets slow; instead a regular expression built from the searched words finds the few
places they can be, and only the words around those places go through the analyser. The
words found are exactly those the analyser would find in the whole text: a word never spans
white space, so the text between two white-space characters can be analysed on its own.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh import highlight
from whoosh.analysis import Token
from whoosh.support.charset import accent_map

from reader.core import analysis

# Whoosh's pinpoint snippets looked no further than this into a text; neither do ours.
CHAR_LIMIT = highlight.DEFAULT_CHARLIMIT
_BETWEEN = " … "
_TOKEN = re.compile(analysis.WORD_PATTERN)
_HIDDEN = re.compile(f"[{analysis.INVISIBLE}]")
_HIDDEN_RUN = f"[{analysis.INVISIBLE}]*"
# accent_map folds one character to one; so does the typographic apostrophe.
_FOLD_TABLE = {**accent_map, ord("\u2019"): "'"}
_SPACE = re.compile(r"\s")
_ADJACENT_MARKS = re.compile(r"</b>(\s+)<b>")


def find(text: str, words: Iterable[str], limit: int = CHAR_LIMIT) -> list[Token]:
    """The places in `text` (up to `limit`) where the analyser finds one of `words`."""
    wanted = frozenset(words)
    head = text[:limit]
    if len(text) > limit:
        # A word cut in two at the limit could pass for another ("Baldwinson" → "Baldwin").
        head = head[: max(head.rfind(" "), head.rfind("\n"), 0)]
    if not wanted or not head:
        return []
    tokens: list[Token] = []
    analyse = analysis.fold_word
    for start, end in _windows(head, wanted):
        for match in _TOKEN.finditer(head, start, end):
            word = analyse(match.group())
            if word in wanted:
                tokens.append(Token(text=word, startchar=match.start(), endchar=match.end()))
    return tokens


def snippet(text: str, words: Iterable[str], top: int = 2) -> str:
    """Up to `top` passages of `text` around `words`, HTML-escaped, the words in <b>…</b>."""
    tokens = find(text, words)
    if not tokens:
        return ""
    fragmenter = highlight.PinpointFragmenter(
        maxchars=300, surround=80, autotrim=True, charlimit=CHAR_LIMIT
    )
    fragments = highlight.top_fragments(
        fragmenter.fragment_matches(text, tokens),
        top,
        highlight.BasicFragmentScorer(),
        highlight.FIRST,
    )
    # "Alec Baldwin" reads better as one mark than as two.
    return _ADJACENT_MARKS.sub(r"\1", str(Marks().format(fragments)))


def escape(text: str) -> str:
    return html.escape(text, quote=False)


class Marks(highlight.Formatter):  # type: ignore[misc]
    """Matched words as <b>…</b> in HTML-escaped text."""

    between = _BETWEEN

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return f"<b>{escape(highlight.get_text(text, token, replace))}</b>"

    def format_fragment(self, fragment: Any, replace: bool = False) -> str:
        out: list[str] = []
        index = fragment.startchar
        for token in fragment.matches:
            if token.startchar < index:
                continue
            out.append(escape(fragment.text[index : token.startchar]))
            out.append(self.format_token(fragment.text, token, replace))
            index = token.endchar
        out.append(escape(fragment.text[index : fragment.endchar]))
        return "".join(out)


def _windows(text: str, words: frozenset[str]) -> Iterator[tuple[int, int]]:
    """Stretches of `text`, each from white space to white space, that may hold a word."""
    # Fold the text the way the analyser folds a word, one character for one, so that the
    # words can be sought as they are spelled in the index.
    folded = text.lower() if text.isascii() else text.lower().translate(_FOLD_TABLE)
    if len(folded) != len(text):
        # "İ" lower-cases to two characters and would shift every place after it.
        yield 0, len(text)
        return
    end = 0
    for match in _pattern(words, bool(_HIDDEN.search(text))).finditer(folded):
        if match.start() < end:
            continue
        start = _word_start(text, match.start(), end)
        space = _SPACE.search(text, match.end())
        end = space.start() if space else len(text)
        yield start, end


def _word_start(text: str, index: int, floor: int) -> int:
    """A place at or before `index`, and not before `floor`, where no word is cut."""
    # `floor` is where the last stretch ended (white space), or the start of the text.
    near = max(floor, index - 64)
    for low in (near, floor) if near > floor else (floor,):
        space = max(text.rfind(" ", low, index), text.rfind("\n", low, index))
        if space >= 0:
            return space + 1
    return floor


@functools.lru_cache(maxsize=256)
def _pattern(words: frozenset[str], hidden: bool) -> re.Pattern[str]:
    """The folded `words`, allowing for hidden characters inside them if `hidden`."""
    between = _HIDDEN_RUN if hidden else ""
    spellings = (between.join(re.escape(letter) for letter in word) for word in words)
    return re.compile("|".join(sorted(spellings, key=len, reverse=True)))
