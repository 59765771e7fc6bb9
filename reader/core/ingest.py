"""Files on disk → Article: markdown with front matter, copied news text, saved web pages."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.core import dateline, decoding, htmlpage, textnews
from reader.core.articles import Article
from reader.core.errors import ArticleFormatError

log = logging.getLogger(__name__)

SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
}
MAX_BYTES = 20 * 1024 * 1024
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<meta>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_H1 = re.compile(r"\A\s*#[ \t]+(?P<title>[^\n]+?)[ \t#]*(?:\n|\Z)")


def article_id(data: bytes) -> str:
    """Return the stable id of an article: a prefix of the SHA-256 of its bytes."""
    return hashlib.sha256(data).hexdigest()[:16]


def find_article_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Yield the importable files in `paths`, walking folders recursively in name order."""
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and _is_importable(child):
                    yield child
        elif path.is_file():
            yield path


def load_article(path: Path) -> Article:
    """Read `path` into an Article; raise ArticleFormatError with a reason a person can read."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ArticleFormatError(path, f"it is larger than {MAX_BYTES // 1024 // 1024} MB")
        data = path.read_bytes()
    except OSError as error:
        raise ArticleFormatError(path, error.strerror or "it cannot be opened") from error
    return parse_article(path, data)


def parse_article(path: Path, data: bytes) -> Article:
    """Parse the bytes of a file named `path` into an Article."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ArticleFormatError(path, "only .md, .txt and .html files can be imported")
    try:
        text = decoding.decode(data)
    except decoding.NotTextError as error:
        raise ArticleFormatError(path, str(error)) from error
    if not text.strip():
        raise ArticleFormatError(path, "it is empty")
    parse = {"md": _from_markdown, "txt": _from_text, "html": _from_html}[kind]
    return parse(path, article_id(data), text)


def _is_importable(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES and not any(p.startswith(".") for p in path.parts[-1:])


def _from_text(path: Path, aid: str, text: str) -> Article:
    news = textnews.parse(text)
    return Article(
        id=aid,
        path=path,
        title=news.title or path.stem,
        body=news.body,
        format="txt",
        published=news.published,
        author=news.author,
        summary=news.summary,
    )


def _from_markdown(path: Path, aid: str, text: str) -> Article:
    meta: dict[str, str] = {}
    match = _FRONT_MATTER.match(text)
    if match:
        meta = _front_matter(match["meta"])
        text = text[match.end() :]
    title = meta.get("title")
    if not title:
        heading = _H1.match(text)
        if heading:
            title, text = heading["title"], text[heading.end() :]
    published = meta.get("date") or meta.get("published")
    return Article(
        id=aid,
        path=path,
        title=title or path.stem,
        body=text.strip(),
        format="md",
        published=dateline.parse(published) if published else None,
        author=meta.get("author") or None,
        source=meta.get("source") or None,
        url=meta.get("url") or None,
        summary=meta.get("summary") or None,
    )


def _front_matter(block: str) -> dict[str, str]:
    """Read flat `key: value` front matter; nested YAML is ignored rather than misread."""
    meta: dict[str, str] = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if not sep or line[:1].isspace():
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        meta[key.strip().lower()] = value
    return meta


def _from_html(path: Path, aid: str, text: str) -> Article:
    page = htmlpage.read(text)
    title = page.meta.get("og:title") or page.h1 or page.title or path.stem
    blocks = [(tag, value) for tag, value in page.blocks if value != title]
    body = "\n\n".join(_html_block(tag, value) for tag, value in blocks)
    if not body.strip():
        raise ArticleFormatError(path, "the page has no article text")
    published = page.published
    return Article(
        id=aid,
        path=path,
        title=title,
        body=body,
        format="html",
        published=dateline.parse(published) if published else None,
        author=page.meta.get("author") or page.meta.get("article:author") or None,
        source=page.meta.get("og:site_name") or None,
        url=page.meta.get("og:url") or None,
        summary=page.meta.get("og:description") or page.meta.get("description") or None,
    )


def _html_block(tag: str, text: str) -> str:
    if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
        return f"## {text}"
    if tag == "li":
        return f"- {text}"
    if tag == "blockquote":
        return f"> {text}"
    return text
