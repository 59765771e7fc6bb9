"""Pages of extracted text → the body's paragraphs: running headers out, lines joined.

A PDF's text layer (or an OCR'd page) comes as lines broken where the page was full, with
words hyphenated at line ends, and with the same header or footer on every page ("Case
1:17-cv-00123 Document 45 Filed 03/03/15 Page 3 of 9"). The body keeps paragraphs; the
running lines are left out of it (the legal layer still reads them from the source text).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence

# The e-filing stamp a court prints on every page of a filed document.
STAMP = re.compile(
    r"^\s*(?:Case|USCA\d*\s+Case|Appellate\s+Case)[:\s]+\S+.*?"
    r"(?:Document|Doc\.?|Filed|Page(?:ID)?)[:\s#]+.*$",
    re.IGNORECASE,
)
_EDGE_LINES = 3  # how many lines at the top and the bottom of a page may be running lines
_DIGITS = re.compile(r"\d+")
_PAGE_NUMBER = re.compile(
    r"^\s*(?:-\s*)?(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?(?:\s*-)?\s*$", re.I
)
_VERSUS = re.compile(r"\s(?:v|vs|et al)\.(?:\s|$)")
# A transcript or pleading set in one font numbers its lines in the margin ("12   Q. And
# then?") and sets its caption beside a column of colons ("CRYSTAL LONG,        :").
_MARGIN_NUMBER = re.compile(r"^\s*(\d{1,2})\s{2,}(?=\S)")
_COLON_COLUMN = re.compile(r"(?:\s{2,}|^\s*):(?:\s.*)?$")
_MARGIN_LINES = 5
_SENTENCE_END = re.compile(r"[.:;!?\"\u201d)]\s*$")


def running_lines(pages: Sequence[Sequence[str]]) -> set[str]:
    """Return the header and footer lines repeated on at least half of the pages (3 or more)."""
    if len(pages) < 3:
        return set()
    seen: Counter[str] = Counter()
    for lines in pages:
        edge = [line for line in lines if line.strip()]
        if len(edge) <= 2 * _EDGE_LINES:  # a short page may be all text, with no edges to drop
            continue
        edge = edge[:_EDGE_LINES] + edge[-_EDGE_LINES:]
        seen.update({_key(line) for line in edge})
    need = max(3, len(pages) // 2)
    return {key for key, count in seen.items() if count >= need}


def is_furniture(line: str, running: set[str]) -> bool:
    """Whether `line` is a running header, a page number or an e-filing stamp."""
    return bool(_key(line) in running or _PAGE_NUMBER.match(line) or STAMP.match(line))


def paragraphs(lines: Sequence[str], running: set[str]) -> list[str]:
    """Join a page's lines into paragraphs, leaving its running lines out."""
    if _has_numbered_margin(lines):
        lines = [_COLON_COLUMN.sub("", _MARGIN_NUMBER.sub("", line, count=1)) for line in lines]
    kept = [line.rstrip() for line in lines if not is_furniture(line, running)]
    widths = sorted(len(line) for line in kept if line.strip())
    full = widths[len(widths) * 3 // 4] if widths else 0  # a typical full line
    out: list[str] = []
    current = ""
    for line in kept:
        text = line.strip()
        if not text:
            if current:
                out.append(current)
            current = ""
            continue
        if _is_heading(text, full):
            if current:
                out.append(current)
            out.append(text)
            current = ""
            continue
        if not current:
            current = text
        elif current.endswith("-") and text[:1].islower():
            current = current[:-1] + text  # a word hyphenated at the line's end
        else:
            current = f"{current} {text}"
        # A short line that ends a sentence ends its paragraph.
        if len(text) < full * 0.7 and _SENTENCE_END.search(text):
            out.append(current)
            current = ""
    if current:
        out.append(current)
    # No markdown escaping: these bodies render literally (present/mdx_entities.py), where
    # only "## ", "> " and "- " at a line's start are read as blocks.
    return out


def _has_numbered_margin(lines: Sequence[str]) -> bool:
    """Whether the page numbers its lines in the margin: 1 to 28, mostly in order."""
    numbers = [int(m[1]) for line in lines if (m := _MARGIN_NUMBER.match(line)) and int(m[1]) <= 28]
    rising = sum(1 for a, b in itertools.pairwise(numbers) if b > a)
    return len(set(numbers)) >= _MARGIN_LINES and rising >= len(numbers) * 0.7


def _is_heading(text: str, full: int) -> bool:
    """A short line in capitals ("UNITED STATES DISTRICT COURT", "III. DISCUSSION")."""
    # A caption in capitals keeps its lower-case "v." ("DANA MORGAN v. HARLOW MILLS").
    capitals = _VERSUS.sub(" ", text)
    return (
        len(text) < max(full * 0.8, 20)
        and capitals.upper() == capitals
        and sum(char.isalpha() for char in text) >= 4
    )


def _key(line: str) -> str:
    return _DIGITS.sub("#", " ".join(line.split()).lower())


def blank_line_paragraphs(text: str) -> list[str]:
    """Paragraphs of plain text separated by blank lines, each on one line."""
    out: list[str] = []
    current: list[str] = []
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            out.append(" ".join(current))
            current = []
    if current:
        out.append(" ".join(current))
    return out
