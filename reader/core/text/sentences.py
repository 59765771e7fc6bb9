"""A light rule-based sentence splitter for snippets and the chronology (no model needed)."""

from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

# Words that end in a period without ending a sentence (compared lower-cased, without the dot).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sr jr st gen gov sen rep rev lt col capt sgt maj cmdr supt det insp
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    inc corp co ltd llc bros vs v etc al approx dept est fig ft mt ave blvd rd
    u.s u.k u.n e.g i.e a.m p.m d.c n.y l.a""".split()  # noqa: SIM905 - a word list reads better
)

# A candidate break: . ! or ? (plus closing quotes/brackets), then space, then a likely start.
_BREAK = re.compile(r"""[.!?]+['"\u2019\u201d)\]]*(?=\s+['"\u2018\u201c(\[]?[A-Z0-9])|\n\s*\n""")
_WORD_BEFORE = re.compile(r"(\S+)$")


def _is_abbreviation(text: str, dot: int) -> bool:
    """True when the period at `dot` ends an abbreviation or an initial, not a sentence."""
    word = _WORD_BEFORE.search(text, 0, dot)
    if word is None:
        return False
    token = word.group(1).lstrip("\"'(\u201c\u2018[").lower()
    # Single capital initials ("John F. Kennedy") and dotted acronyms ("U.S.") do not end one.
    if token in ("no", "nos"):  # "No. 5" but "said no. Then"
        return text[dot + 1 : dot + 3].strip()[:1].isdigit()
    return token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def boundaries(text: str) -> list[int]:
    """Return the offsets where sentences end (exclusive), the last being len(text)."""
    ends: list[int] = []
    for match in _BREAK.finditer(text):
        if match.group().startswith(".") and _is_abbreviation(text, match.start()):
            continue
        ends.append(match.end())
    if not ends or ends[-1] != len(text):
        ends.append(len(text))
    return ends


def sentence_span(text: str, offset: int) -> tuple[int, int]:
    """Return the (start, end) of the sentence containing `offset`, without outer spaces."""
    start = 0
    for end in boundaries(text):
        if offset < end or end == len(text):
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            return start, end
        start = end
    return start, len(text)
