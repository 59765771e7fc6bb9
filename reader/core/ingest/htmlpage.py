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
# A form with fewer blocks and less text than this is a search box or a login, not the page:
# ASP.NET wraps a whole page in one form (the Supreme Court's dockets, Texas case pages),
# whose text is kept.
_FORM_TEXT = 300
_FORM_BLOCKS = 5
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Marked by the site as not its content: "noindex" (the Supreme Court's banner and footer)
# and "robots-nocontent" are classes search engines are told to pass over; these roles are
# the page's banner, menus, search box and footer.
_NOT_CONTENT_CLASSES = frozenset({"noindex", "robots-nocontent"})
_NOT_CONTENT_ROLES = frozenset({"banner", "navigation", "search", "contentinfo"})
# "Home > Search Results": a breadcrumb trail (ASP.NET names its control SiteMapPath).
_BREADCRUMB = re.compile(r"breadcrumb|sitemappath", re.IGNORECASE)
# A table's column heading drawn with tildes ("~~Date~~~~~~") is its word; a row of only
# tildes, stars or rules is a drawn line.
_TILDED = re.compile(r"\A~{2,}\s*([^~]+?)\s*~{2,}\Z")
_DRAWN_LINE = re.compile(r"\A[~*=_\-\s]{3,}\Z")
# Three or more list items in a row that are each only a short link are a menu ("Query",
# "Reports", "Utilities", "Logout"; "Opinions of the Court", "Argument Audio", ...).
_MENU_RUN = 3
_MENU_WORDS = 8
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
        self._link_depth = 0
        self._in_link_text = False  # the current block has text inside a link
        self._plain_text = False  # ... and outside any link
        self._article_links: list[bool] = []  # for each block: is it only a link?
        self._all_links: list[bool] = []
        self._forms: list[tuple[int, int]] = []  # blocks before each open form
        self._hidden: list[int] = []  # stack depths of the open elements styled as hidden

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
        if tag == "a":
            self._link_depth += 1
        if len(self._stack) >= _MAX_DEPTH:
            return
        self._stack.append(tag)
        if tag == "form":
            self._flush()
            self._forms.append((len(self._all_blocks), len(self._article_blocks)))
        if tag in _SKIP:
            self._skip_depth += 1
        classes = set(values.get("class", "").lower().split())
        if (
            "hidden" in values
            or _HIDDEN.search(values.get("style", ""))
            or classes & _NOT_CONTENT_CLASSES
            or values.get("role", "").lower() in _NOT_CONTENT_ROLES
            or _BREADCRUMB.search(values.get("id", "") + " " + values.get("class", ""))
        ):
            # Not shown on the page: an alert template, a validator's message, a closed menu
            self._skip_depth += 1
            self._hidden.append(len(self._stack))
        if tag in ("article", "main"):
            self._in_article += 1
        if tag in _BLOCKS:
            self._flush()
            self._block_tag = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._title_parts is not None:
            self.page.title = " ".join("".join(self._title_parts).split()) or None
        if tag == "a" and self._link_depth:
            self._link_depth -= 1
        if tag not in self._stack:
            return
        if tag in _BLOCKS:
            self._flush()
        while self._stack:
            open_tag = self._stack.pop()
            if open_tag in _SKIP:
                self._skip_depth -= 1
            if self._hidden and self._hidden[-1] > len(self._stack):
                self._hidden.pop()
                self._skip_depth -= 1
            if open_tag in ("article", "main"):
                self._in_article -= 1
            if open_tag == "form":
                self._end_form()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._title_parts is not None and self.page.title is None:
            self._title_parts.append(data)
            if not self._stack or "title" in self._stack[-1:]:
                return
        if self._skip_depth == 0 and "head" not in self._stack:
            self._text.append(data)
            if data.strip():
                if self._link_depth:
                    self._in_link_text = True
                else:
                    self._plain_text = True

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        link_only = self._in_link_text and not self._plain_text
        self._text = []
        self._in_link_text = self._plain_text = False
        tilded = _TILDED.match(text)
        if tilded:
            text = tilded.group(1)
        if not text or _DRAWN_LINE.match(text):
            return
        block = (self._block_tag, text)
        if self._block_tag == "h1" and self.page.h1 is None:
            self.page.h1 = text
        # A menu is a list of links; a table of links (a list of cases) is the page's text.
        link_only = link_only and self._block_tag == "li" and len(text.split()) <= _MENU_WORDS
        self._all_blocks.append(block)
        self._all_links.append(link_only)
        if self._in_article:
            self._article_blocks.append(block)
            self._article_links.append(link_only)

    def _end_form(self) -> None:
        """Leave out a form's text if it is only a search box or a login."""
        self._flush()
        if not self._forms:
            return
        all_start, article_start = self._forms.pop()
        inside = self._all_blocks[all_start:]
        if len(inside) < _FORM_BLOCKS and sum(len(text) for _, text in inside) < _FORM_TEXT:
            del self._all_blocks[all_start:], self._all_links[all_start:]
            del self._article_blocks[article_start:], self._article_links[article_start:]

    def close(self) -> None:
        super().close()
        self._flush()
        # Prefer the <article>/<main> element; pages without one give us their whole body.
        if self._article_blocks:
            self.page.blocks = _without_menus(self._article_blocks, self._article_links)
        else:
            self.page.blocks = _without_menus(self._all_blocks, self._all_links)


def _without_menus(blocks: list[tuple[str, str]], links: list[bool]) -> list[tuple[str, str]]:
    """The blocks without runs of short links (a site's menu), which are no text of its own."""
    kept: list[tuple[str, str]] = []
    run: list[tuple[str, str]] = []
    for block, link_only in zip(blocks, links, strict=True):
        if link_only:
            run.append(block)
            continue
        if len(run) < _MENU_RUN:
            kept += run
        run = []
        kept.append(block)
    return kept + (run if len(run) < _MENU_RUN else [])


def read(html: str) -> HtmlPage:
    """Parse `html` leniently; malformed markup never raises."""
    reader = _Reader()
    reader.feed(_STRAY_LT.sub("&lt;", html))
    reader.close()
    return reader.page
