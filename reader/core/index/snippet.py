"""A hit's snippet: its best passages, with the words it was found by marked.

The index keeps word positions but not character offsets (they made it 1.55x the size of a
plain Whoosh index, PERFORMANCE.md). So the marked words are found again in the stored text,
and only for the hits on screen. Analysing a whole article again is what made Whoosh's own
snippets slow; instead a regular expression built from the searched words finds the few
places they can be, and only the words around those places go through the analyser. The
words found are exactly those the analyser would find in the whole text (ending by the
limit): a word never spans white space, so the text between two white-space characters can be
analysed on its own.
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

from reader.core.index import analysis

# Whoosh's pinpoint snippets looked no further than this into a text; neither do ours.
CHAR_LIMIT = highlight.DEFAULT_CHARLIMIT
_BETWEEN = " … "
_TOKEN = re.compile(analysis.WORD_PATTERN)
_HIDDEN = re.compile(f"[{analysis.INVISIBLE}]")
# accent_map folds one character to one; so does the typographic apostrophe. Final sigma is
# folded too: lower() picks the final or the medial sigma from the letters around, which
# differ between a whole text and one word.
_FOLD_TABLE = {**accent_map, ord("\u2019"): "'", ord("\u03c2"): "\u03c3"}
_SPACE = re.compile(r"\s")
_ADJACENT_MARKS = re.compile(r"</b>(\s+)<b>")


def find(text: str, words: Iterable[str], limit: int = CHAR_LIMIT) -> list[Token]:
    """The places where the analyser finds one of `words` in `text`, ending by `limit`."""
    wanted = frozenset(word for word in words if word)
    if not wanted or not text:
        return []
    tokens: list[Token] = []
    analyse = analysis.fold_word
    for start, end in _windows(text, wanted, limit):
        for match in _TOKEN.finditer(text, start, end):
            if match.end() > limit:
                break
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


def _windows(text: str, words: frozenset[str], limit: int) -> Iterator[tuple[int, int]]:
    """Stretches of `text`, each from white space to white space, that may hold a word.

    The last one may run past `limit` to the end of its word, so that a word the limit cuts
    in two is not taken for a shorter one ("Baldwinson" for "Baldwin").
    """
    head = text[:limit]
    # Fold the text the way the analyser folds a word, one character for one, so that the
    # words can be sought as they are spelled in the index.
    folded = head.lower() if head.isascii() else head.lower().translate(_FOLD_TABLE)
    if len(folded) != len(head) or _HIDDEN.search(head):
        # "İ" lower-cases to two characters, which would shift every place after it; a
        # hidden character (soft hyphen) can sit inside a word. Rare: read the text whole.
        yield 0, _stretch_end(text, len(head))
        return
    end = 0
    for match in _pattern(words).finditer(folded):
        if match.start() < end:
            continue
        start = _word_start(text, match.start(), end)
        end = _stretch_end(text, match.end())
        yield start, end


def _stretch_end(text: str, index: int) -> int:
    """The first white space at or after `index`, or the end of the text."""
    space = _SPACE.search(text, index)
    return space.start() if space else len(text)


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
def _pattern(words: frozenset[str]) -> re.Pattern[str]:
    """Any of the folded `words`, longest first."""
    spellings = (re.escape(word.replace("\u03c2", "\u03c3")) for word in words)
    return re.compile("|".join(sorted(spellings, key=len, reverse=True)))
