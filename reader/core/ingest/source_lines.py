"""A document's source as lines of plain text, the way a reader sees it on screen.

Court pages keep their facts in tables and labels ("Date filed:" in one cell, the date in the
next), which the article body of a page may have left out as furniture; legal_facts.py reads
them from here instead. A raw e-mail saved as text gives its headers apart from its lines.
"""

from __future__ import annotations

import email.parser
import email.policy
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Court documents state their facts on the first pages; the rest is not read.
MAX_CHARS = 400_000
MAX_LINES = 4_000
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title"})
_HEADER = re.compile(r"(?:Return-Path|Received|From|To|Date|Subject|Message-ID|MIME-Version):")
_TAG = re.compile(r"<\s*(?:html|body|p|br|table|div|strong)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    """The lines of a document's text, its page title and its e-mail headers, if any."""

    lines: tuple[str, ...]
    page_title: str | None = None
    headers: dict[str, str] = field(default_factory=dict)


def read(kind: str, text: str) -> Source:
    """Return the lines of `text` (kind "html", "txt" or "md"; e-mails are found by headers)."""
    text = text[:MAX_CHARS]
    if kind == "html":
        return _from_html(text)
    # .eml files are read by the e-mail reader; their facts come from the same headers
    if kind == "eml" or is_raw_email(text):
        return _from_email(text)
    return Source(_clean_lines(text.splitlines()))


def is_raw_email(text: str) -> bool:
    """True when `text` opens with e-mail header lines (a court e-mail saved as text)."""
    head = text.lstrip()[:20_000].splitlines()[:80]
    first = re.match(r"[A-Za-z][\w-]{1,40}: ", head[0]) if head else None
    return bool(first) and sum(1 for line in head if _HEADER.match(line)) >= 2


def _from_email(text: str) -> Source:
    message = email.parser.Parser(policy=email.policy.default).parsestr(text)
    headers = {key.lower(): " ".join(str(value).split()) for key, value in message.items()}
    parts = [part for part in message.walk() if not part.is_multipart()]
    body = ""
    for part in parts:
        if part.get_content_maintype() == "text":
            try:
                body = str(part.get_content())
            except (LookupError, ValueError):  # an unknown charset: read what is there
                body = str(part.get_payload())
            break
    if _TAG.search(body):
        return Source(_from_html(body).lines, headers=headers)
    return Source(_clean_lines(body.splitlines()), headers=headers)


def _from_html(text: str) -> Source:
    parser = _LineParser()
    parser.feed(text)
    parser.close()
    return Source(_clean_lines(parser.lines), page_title=" ".join(parser.title.split()) or None)


def _clean_lines(lines: list[str]) -> tuple[str, ...]:
    cleaned = []
    for line in lines:
        line = " ".join(line.replace("\u00a0", " ").split())
        if line:
            cleaned.append(line)
            if len(cleaned) >= MAX_LINES:
                break
    return tuple(cleaned)


class _LineParser(HTMLParser):
    """Text of a page with a line break at every tag, so that table cells stay apart."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self.title = ""
        self._skipping: list[str] = []
        self._in_title = False
        self._in_pre = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        self._in_pre = self._in_pre or tag == "pre"
        if tag in _SKIP and tag != "head":
            self._skipping.append(tag)
        elif tag not in ("a", "b", "i", "em", "span", "font", "u", "sup", "sub", "small"):
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        self._in_pre = self._in_pre and tag != "pre"
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()
        elif tag not in ("a", "b", "i", "em", "span", "font", "u", "sup", "sub", "small"):
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skipping and len(self.lines) < MAX_LINES * 4:
            # Opinions saved as <pre> text keep their lines; elsewhere a newline is a space.
            first, *rest = data.split("\n") if self._in_pre else [data]
            self.lines[-1] += first
            self.lines.extend(rest)
