"""Read a saved web page: its title, date and meta tags, and the article's paragraphs."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Everything inside these is page furniture or code, never article text.
_SKIP = frozenset(
    {
        "script",
        "style",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "noscript",
        "iframe",
        "svg",
        "template",
        "button",
        "select",
        "figure",
        "menu",
        "dialog",
        "object",
        "embed",
        "canvas",
    }
)
_BLOCKS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "blockquote",
        "pre",
        "td",
        "dd",
        "dt",
        "div",
        "section",
        "article",
        "main",
        "br",
    }
)
_VOID = frozenset(
    {"br", "img", "meta", "link", "input", "hr", "area", "base", "col", "source", "wbr"}
)
_DATE_META = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "sailthru.date",
    "parsely-pub-date",
)
_MAX_DEPTH = 400
# A "<" that meets another "<" (or the end) before any ">" cannot open a tag. Python's
# HTMLParser rescans the rest of the page for each such "<" (quadratic: 180 KB of
# `<a href='` or `<a b= =` took 50-150 s), so they are made text before parsing.
_STRAY_LT = re.compile(r"<(?=[^<>]*(?:<|\Z))")


@dataclass
class HtmlPage:
    """What a web page says about itself and the blocks of text in its article."""

    title: str | None = None
    h1: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    time_datetime: str | None = None
    blocks: list[tuple[str, str]] = field(default_factory=list)  # (tag, text)

    @property
    def published(self) -> str | None:
        """The first date-like meta value, or a <time datetime> in the page."""
        for key in _DATE_META:
            if key in self.meta:
                return self.meta[key]
        return self.time_datetime


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = HtmlPage()
        self._stack: list[str] = []
        self._skip_depth = 0
        self._in_article = 0
        self._article_blocks: list[tuple[str, str]] = []
        self._all_blocks: list[tuple[str, str]] = []
        self._text: list[str] = []
        self._block_tag = "p"
        self._title_parts: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if tag == "meta":
            key = values.get("property") or values.get("name") or values.get("itemprop") or ""
            if key and "content" in values:
                self.page.meta.setdefault(key.lower(), values["content"].strip())
            return
        if tag == "time" and self.page.time_datetime is None and values.get("datetime"):
            self.page.time_datetime = values["datetime"]
        if tag == "title" and self._title_parts is None:
            self._title_parts = []
        if tag in _VOID:
            if tag == "br":
                self._flush()
            return
        if len(self._stack) >= _MAX_DEPTH:
            return
        self._stack.append(tag)
        if tag in _SKIP:
            self._skip_depth += 1
        if tag in ("article", "main"):
            self._in_article += 1
        if tag in _BLOCKS:
            self._flush()
            self._block_tag = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._title_parts is not None:
            self.page.title = " ".join("".join(self._title_parts).split()) or None
        if tag not in self._stack:
            return
        if tag in _BLOCKS:
            self._flush()
        while self._stack:
            open_tag = self._stack.pop()
            if open_tag in _SKIP:
                self._skip_depth -= 1
            if open_tag in ("article", "main"):
                self._in_article -= 1
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._title_parts is not None and self.page.title is None:
            self._title_parts.append(data)
            if not self._stack or "title" in self._stack[-1:]:
                return
        if self._skip_depth == 0 and "head" not in self._stack:
            self._text.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        self._text = []
        if not text:
            return
        block = (self._block_tag, text)
        if self._block_tag == "h1" and self.page.h1 is None:
            self.page.h1 = text
        self._all_blocks.append(block)
        if self._in_article:
            self._article_blocks.append(block)

    def close(self) -> None:
        super().close()
        self._flush()
        # Prefer the <article>/<main> element; pages without one give us their whole body.
        self.page.blocks = self._article_blocks or self._all_blocks


def read(html: str) -> HtmlPage:
    """Parse `html` leniently; malformed markup never raises."""
    reader = _Reader()
    reader.feed(_STRAY_LT.sub("&lt;", html))
    reader.close()
    return reader.page
