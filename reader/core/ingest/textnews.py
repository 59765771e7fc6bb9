"""Read news text as people copy it from a web page into a .txt file.

Copied pages are messy: the title may appear twice, a summary may come before it, the byline
may be empty, a dateline may stand on its own line, subheadings look like short paragraphs, and
a page may end with an unrelated quotation. We recognise those parts and keep every sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.core.ingest import dateline

_QUOTES = "\"'\u201c\u2018"
_SENTENCE_END = ".!?:;,\"'\u201d\u2019)]\u2026"
_BYLINE = re.compile(r"^by\b[\s:]*(?P<name>.*)$", re.IGNORECASE)
_HEADER_ZONE = 8


@dataclass(frozen=True)
class NewsText:
    """The parts of a copied news page."""

    title: str | None
    body: str
    published: str | None = None
    author: str | None = None
    summary: str | None = None


def parse(text: str) -> NewsText:
    """Split copied news text into title, byline, dateline, summary and a markdown body."""
    lines = _paragraph_lines(text)
    title, summary, deck, lines = _take_title(lines)
    published, author, lines = _take_byline_and_dateline(lines)
    body = _body_markdown(([deck] if deck else []) + lines, summary)
    return NewsText(title, body, published, author, summary or deck)


def _paragraph_lines(text: str) -> list[str]:
    """Return non-empty lines, re-joining lines that were hard-wrapped mid-sentence."""
    # Each paragraph is kept as a list of its lines and joined once at the end: joining as we
    # go would copy the paragraph for every wrapped line (quadratic on a huge paragraph).
    joined: list[list[str]] = []
    previous_blank = True
    for raw in text.split("\n"):
        line = " ".join(raw.split())
        if not line:
            previous_blank = True
            continue
        last = joined[-1][-1] if joined else ""
        if (
            joined
            and not previous_blank
            and (len(last) >= 50 or len(joined[-1]) > 1)
            and last[-1] not in _SENTENCE_END
            and line[0].islower()
        ):
            joined[-1].append(line)
        else:
            joined.append([line])
        previous_blank = False
    return [" ".join(parts) for parts in joined]


def _take_title(lines: list[str]) -> tuple[str | None, str | None, str | None, list[str]]:
    """Find the title (a repeated line wins), any summary before it and a deck after it."""
    zone = lines[:_HEADER_ZONE]
    repeated = [i for i, line in enumerate(zone) if len(line) < 200 and zone.count(line) > 1]
    if repeated:
        first = repeated[0]
        title = zone[first]
        before = [line for line in lines[:first]]
        rest = [line for i, line in enumerate(lines) if not (i < _HEADER_ZONE and line == title)]
        rest = rest[len(before) :]
        summary = " ".join(before) or None
        deck = None
        if rest and _is_sentence(rest[0]) and len(rest[0]) < 300 and len(rest) > 1:
            deck, rest = rest[0], rest[1:]
        return title, summary, deck, rest
    if lines and len(lines[0]) < 250:
        return lines[0], None, None, lines[1:]
    return None, None, None, lines


def _take_byline_and_dateline(lines: list[str]) -> tuple[str | None, str | None, list[str]]:
    published = author = None
    rest: list[str] = []
    for i, line in enumerate(lines):
        if i < _HEADER_ZONE // 2:
            byline = _BYLINE.match(line)
            if byline and len(line.split()) <= 8 and author is None:
                author = byline["name"].strip(" ,|") or None
                continue
            if published is None and dateline.is_dateline(line):
                published = dateline.parse(line)
                continue
            if published is None and not rest:
                # "SANTA FE, N.M. (Dec. 7, 2026) — The state ..." opens the story: its date,
                # and the paragraph stays as written.
                published = dateline.leading(line)
        rest.append(line)
    return published, author, rest


def _body_markdown(lines: list[str], summary: str | None) -> str:
    blocks: list[str] = []
    if summary:
        blocks.append(summary)
    quote_at = _closing_quote_start(lines)
    for i, line in enumerate(lines):
        if quote_at is not None and i >= quote_at:
            break
        if _is_subheading(lines, i):
            blocks.append(f"## {line}")
        else:
            blocks.append(line)
    if quote_at is not None:
        quote, attribution = lines[quote_at], lines[quote_at + 1]
        blocks.append(f"> {quote}\n>\n> \u2014 {attribution}")
    return "\n\n".join(blocks)


def _is_sentence(line: str) -> bool:
    return line[-1] in '.!?\u201d"' and len(line.split()) >= 6


def _is_subheading(lines: list[str], i: int) -> bool:
    line = lines[i]
    return (
        i + 1 < len(lines)
        and len(line) <= 100
        and 2 <= len(line.split()) <= 14
        and line[0].isupper()
        and line[-1] not in _SENTENCE_END
        and len(lines[i + 1]) > len(line)
    )


def _closing_quote_start(lines: list[str]) -> int | None:
    """Index of a final quotation followed by a short attribution line, if the page ends so."""
    if len(lines) < 3:
        return None
    quote, attribution = lines[-2], lines[-1]
    words = attribution.lstrip("-\u2013\u2014 ").split()
    if (
        quote[0] in _QUOTES
        and 1 <= len(words) <= 5
        and all(word[0].isupper() for word in words)
        and attribution[-1] not in ".!?"
    ):
        return len(lines) - 2
    return None
