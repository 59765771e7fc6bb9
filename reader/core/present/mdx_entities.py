"""Python-Markdown extension that turns marked character spans into nested <span> elements.

Offsets into the markdown source do not survive Markdown, so `mark()` first inserts a pair of
private-use characters at each span's boundaries (one code point per span and side, from the
supplementary private-use planes, which Markdown leaves alone), and the extension's
postprocessor replaces them with `<span class=… title=…>` and `</span>` afterwards. `mark()`
also escapes the source: raw HTML never reaches Markdown, and in literal mode (plain-text and
web-page bodies) inline markup characters are shown as they are.
"""

from __future__ import annotations

import heapq
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor

_OPEN = 0xF0000  # plane 15: span i opens at chr(_OPEN + i)
_CLOSE = 0x100000  # plane 16: span i closes at chr(_CLOSE + i)
MAX_SPANS = 0xFFFD
_MARKER = re.compile("[\U000f0000-\U0010fffd]")
_MARKER_SPLIT = re.compile("([\U000f0000-\U0010fffd])")
# Characters Markdown would read as inline markup; in literal mode they become numeric entities.
_INLINE = set("\\`*_{}[]()<>&#+-.!|~=:")
_INLINE_ENTITIES = {ord(c): f"&#{ord(c)};" for c in _INLINE}
# Block syntax kept in literal mode: "## " headings, "> " quotes, "- " items.
_BLOCK_START = re.compile(r"[ \t]*(#{1,6} |> ?|- )")
# Line starts where _block_prefix_length() may find something (a superset, in both modes).
_MARKUP_LINE = re.compile(r"^[ \t>#-]", re.MULTILINE)
MAX_QUOTE_DEPTH = 4
MAX_INDENT = 8


@dataclass(frozen=True)
class Span:
    """A range of the source to wrap in `<span class="classes" title="title">`."""

    start: int
    end: int
    classes: str
    title: str = ""


def nest(spans: Sequence[Span], text: str) -> list[Span]:
    """Return `spans` cut so that they nest properly and never cross a line break."""
    pieces: list[Span] = []
    for span in spans:
        start = max(0, span.start)
        end = min(len(text), span.end)
        one_line = start < end and text.find("\n", start, end) < 0
        if one_line and (start, end) == (span.start, span.end):
            pieces.append(span)  # the usual case, kept as it is (no copy)
            continue
        for line in re.finditer(r"[^\n]+", text[start:end]):
            pieces.append(_with(span, start + line.start(), start + line.end()))
    # A heap ordered like a stable sort by (start, -end): the counter keeps pieces with equal
    # keys in the order they were made, and a cut-off rest goes after those already waiting.
    pending = [(s.start, -s.end, n, s) for n, s in enumerate(pieces)]
    heapq.heapify(pending)
    made = len(pending)
    result: list[Span] = []
    stack: list[Span] = []
    while pending:
        span = heapq.heappop(pending)[3]
        while stack and stack[-1].end <= span.start:
            stack.pop()
        if stack and span.end > stack[-1].end:
            # It starts inside an open span and ends after it: cut it at that span's end.
            rest = _with(span, stack[-1].end, span.end)
            span = _with(span, span.start, stack[-1].end)
            heapq.heappush(pending, (rest.start, -rest.end, made, rest))
            made += 1
        if span.end > span.start:
            result.append(span)
            stack.append(span)
    return result


def _with(span: Span, start: int, end: int) -> Span:
    return Span(start, end, span.classes, span.title)


def mark(text: str, spans: Sequence[Span], *, literal: bool) -> str:
    """Return `text` escaped for Markdown, with span markers; `spans` must nest (see nest())."""
    opens, closes = _markers(spans)
    # Only span boundaries and line starts need work; the text between them is escaped a
    # run at a time, not character by character, and not at all when nothing needs it.
    plain = not literal and "<" not in text and not _MARKER.search(text)
    # Only lines starting with a blank or block markup have a prefix to copy (see below).
    line_starts = {m.start() for m in _MARKUP_LINE.finditer(text)}
    out: list[str] = []
    done = 0  # text[:done] is copied or consumed as block markup
    for pos in sorted({*opens, *closes, *line_starts}):
        if pos < 0:
            continue  # outside the text, like pos >= len(text): never emitted
        if pos >= len(text):
            break
        if pos > done:
            out.append(text[done:pos] if plain else _escape_run(text[done:pos], literal))
            done = pos
        out.append(closes.get(pos, ""))
        if pos in line_starts:
            done = pos + _block_prefix_length(text, pos, literal, out)
        out.append(opens.get(pos, ""))
    out.append(_escape_run(text[done:], literal))
    out.append(closes.get(len(text), ""))
    return "".join(out)


def _markers(spans: Sequence[Span]) -> tuple[dict[int, str], dict[int, str]]:
    """The markers to insert at each offset, opening and closing; closing ones in the reverse
    order of opening."""
    opens: dict[int, str] = {}
    closes: dict[int, str] = {}
    for i, span in enumerate(spans[:MAX_SPANS]):
        opens[span.start] = opens.get(span.start, "") + chr(_OPEN + i)
        closes[span.end] = chr(_CLOSE + i) + closes.get(span.end, "")
    return opens, closes


def _block_prefix_length(text: str, pos: int, literal: bool, out: list[str]) -> int:
    """Copy the line's block markup to `out` (capped in depth); return how much was consumed."""
    end = text.find("\n", pos)
    line = text[pos : end if end >= 0 else len(text)]
    if literal:
        match = _BLOCK_START.match(line)
        stripped = len(line) - len(line.lstrip(" \t"))
        if match:
            out.append(match.group(1))
            return match.end()
        return stripped  # leading blanks would make an indented code block
    indent = len(line) - len(line.lstrip(" "))
    quotes = re.match(r"(?:> ?)+", line[indent:])
    if quotes is None:
        out.append(" " * min(indent, MAX_INDENT))
        return indent
    depth = min(quotes.group(0).count(">"), MAX_QUOTE_DEPTH)
    out.append("> " * depth)
    return indent + quotes.end()


def _escape_run(run: str, literal: bool) -> str:
    run = _MARKER.sub("", run)  # a private-use character in the source would read as a marker
    if literal:
        return run.translate(_INLINE_ENTITIES)
    return run.replace("<", "&lt;")  # raw HTML in a markdown source is shown, never passed


class _SpanPostprocessor(Postprocessor):  # type: ignore[misc]
    def __init__(self, md: Markdown, spans: Sequence[Span]) -> None:
        super().__init__(md)
        self.spans = spans

    def run(self, text: str) -> str:
        # Split at the markers and map each one through a table (one C-level pass and a dict
        # lookup per marker, instead of a Python callback per marker); a marker no span
        # stands for is dropped.
        parts = _MARKER_SPLIT.split(text)
        tags = self._tags()
        parts[1::2] = [tags.get(marker, "") for marker in parts[1::2]]
        return "".join(parts)

    def _tags(self) -> dict[str, str]:
        return _span_tags(self.spans)


def _span_tags(spans: Sequence[Span]) -> dict[str, str]:
    """The tag each marker stands for."""
    tags: dict[str, str] = {}
    escaped: dict[tuple[str, str], str] = {}  # a name is often mentioned with one title
    for i, span in enumerate(spans[: _CLOSE - _OPEN]):
        key = (span.classes, span.title)
        if key not in escaped:
            title = f' title="{html.escape(span.title)}"' if span.title else ""
            escaped[key] = f'<span class="{html.escape(span.classes)}"{title}>'
        tags[chr(_OPEN + i)] = escaped[key]
    for i in range(min(len(spans), MAX_SPANS + 1)):
        tags[chr(_CLOSE + i)] = "</span>"
    return tags


def plain_html(text: str, spans: Sequence[Span]) -> str:
    """`text` as escaped paragraphs with its spans, in one pass and without Markdown.

    For a text Markdown would take minutes over (a 2 MB paragraph, 200,000 short ones: its
    block parser and inline pass are quadratic there); `spans` must nest (see nest()).
    """
    opens, closes = _markers(spans)
    out: list[str] = []
    done = 0
    for pos in sorted({*opens, *closes}):
        if pos < 0 or pos > len(text):
            continue
        out.append(_MARKER.sub("", text[done:pos]))
        out.append(closes.get(pos, "") + opens.get(pos, ""))
        done = pos
    out.append(_MARKER.sub("", text[done:]))
    paragraphs = re.split(r"\n[ \t]*\n", "".join(out))
    body = "".join(
        f"<p>{html.escape(p.strip(), quote=False)}</p>\n" for p in paragraphs if p.strip()
    )
    tags = _span_tags(spans)
    parts = _MARKER_SPLIT.split(body)
    parts[1::2] = [tags.get(marker, "") for marker in parts[1::2]]
    return "".join(parts)


class EntityExtension(Extension):  # type: ignore[misc]
    """Replaces the markers that mark() inserted with the spans they stand for."""

    def __init__(self, spans: Sequence[Span]) -> None:
        super().__init__()
        self.spans = list(spans)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        """Register the postprocessor after Markdown's own."""
        md.postprocessors.register(_SpanPostprocessor(md, self.spans), "entity_spans", 5)


# The inline patterns that can match a literal source: mark() made every inline markup
# character an entity, so only entities and a line's two trailing spaces remain.
_LITERAL_INLINE = frozenset({"entity", "linebreak"})


def literal_inline(md: Markdown) -> None:
    """Leave `md` only the inline patterns a literal source can match.

    Each pattern is tried on every paragraph: the other 14 took two thirds of a 300-page
    PDF's render (PERFORMANCE.md), for the same HTML (checked on legal-docs-dev, the seeds
    and the samples).
    """
    for item in list(md.inlinePatterns._priority):
        if item.name not in _LITERAL_INLINE:
            md.inlinePatterns.deregister(item.name)


def makeExtension(spans: Sequence[Span] = ()) -> EntityExtension:  # noqa: N802 (Markdown's API)
    """Return the extension (Markdown's entry-point convention)."""
    return EntityExtension(spans)
