"""Python-Markdown extension that turns marked character spans into nested <span> elements.

Offsets into the markdown source do not survive Markdown, so `mark()` first inserts a pair of
private-use characters at each span's boundaries (one code point per span and side, from the
supplementary private-use planes, which Markdown leaves alone), and the extension's
postprocessor replaces them with `<span class=… title=…>` and `</span>` afterwards. `mark()`
also escapes the source: raw HTML never reaches Markdown, and in literal mode (plain-text and
web-page bodies) inline markup characters are shown as they are.
"""

from __future__ import annotations

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
# Characters Markdown would read as inline markup; in literal mode they become numeric entities.
_INLINE = set("\\`*_{}[]()<>&#+-.!|~=:")
# Block syntax kept in literal mode: "## " headings, "> " quotes, "- " items.
_BLOCK_START = re.compile(r"[ \t]*(#{1,6} |> ?|- )")
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
        for line in re.finditer(r"[^\n]+", text[start:end]):
            pieces.append(_with(span, start + line.start(), start + line.end()))
    pending = sorted(pieces, key=lambda s: (s.start, -s.end))
    result: list[Span] = []
    stack: list[Span] = []
    while pending:
        span = pending.pop(0)
        while stack and stack[-1].end <= span.start:
            stack.pop()
        if stack and span.end > stack[-1].end:
            # It starts inside an open span and ends after it: cut it at that span's end.
            rest = _with(span, stack[-1].end, span.end)
            span = _with(span, span.start, stack[-1].end)
            pending.append(rest)
            pending.sort(key=lambda s: (s.start, -s.end))
        if span.end > span.start:
            result.append(span)
            stack.append(span)
    return result


def _with(span: Span, start: int, end: int) -> Span:
    return Span(start, end, span.classes, span.title)


def mark(text: str, spans: Sequence[Span], *, literal: bool) -> str:
    """Return `text` escaped for Markdown, with span markers; `spans` must nest (see nest())."""
    spans = list(spans)[:MAX_SPANS]
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    for i, span in enumerate(spans):
        opens.setdefault(span.start, []).append(i)
        closes.setdefault(span.end, []).insert(0, i)
    out: list[str] = []
    line_start = True
    skip_until = 0
    for pos, char in enumerate(text):
        out.extend(chr(_CLOSE + i) for i in closes.get(pos, ()))
        if line_start:
            skip_until = pos + _block_prefix_length(text, pos, literal, out)
        out.extend(chr(_OPEN + i) for i in opens.get(pos, ()))
        line_start = char == "\n"
        if pos < skip_until:
            continue
        out.append(_escape(char, literal))
    out.extend(chr(_CLOSE + i) for i in closes.get(len(text), ()))
    return "".join(out)


def _block_prefix_length(text: str, pos: int, literal: bool, out: list[str]) -> int:
    """Copy the line's block markup to `out` (capped in depth); return how much was consumed."""
    line = text[pos : text.find("\n", pos) if "\n" in text[pos:] else len(text)]
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


def _escape(char: str, literal: bool) -> str:
    if _MARKER.match(char):
        return ""  # a private-use character in the source would be read as a marker
    if literal:
        return f"&#{ord(char)};" if char in _INLINE else char
    if char == "<":
        return "&lt;"  # raw HTML in a markdown source is shown, never passed through
    return char


class _SpanPostprocessor(Postprocessor):  # type: ignore[misc]
    def __init__(self, md: Markdown, spans: Sequence[Span]) -> None:
        super().__init__(md)
        self.spans = spans

    def run(self, text: str) -> str:
        return _MARKER.sub(self._replace, text)

    def _replace(self, match: re.Match[str]) -> str:
        code = ord(match.group(0))
        if code >= _CLOSE:
            return "</span>" if code - _CLOSE < len(self.spans) else ""
        index = code - _OPEN
        if index >= len(self.spans):
            return ""
        span = self.spans[index]
        title = f' title="{html.escape(span.title)}"' if span.title else ""
        return f'<span class="{html.escape(span.classes)}"{title}>'


class EntityExtension(Extension):  # type: ignore[misc]
    """Replaces the markers that mark() inserted with the spans they stand for."""

    def __init__(self, spans: Sequence[Span]) -> None:
        super().__init__()
        self.spans = list(spans)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        """Register the postprocessor after Markdown's own."""
        md.postprocessors.register(_SpanPostprocessor(md, self.spans), "entity_spans", 5)


def makeExtension(spans: Sequence[Span] = ()) -> EntityExtension:  # noqa: N802 (Markdown's API)
    """Return the extension (Markdown's entry-point convention)."""
    return EntityExtension(spans)
