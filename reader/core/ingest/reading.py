"""Files on disk → Article: markdown with front matter, copied news text, saved web pages."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.core.articles import Article
from reader.core.errors import ArticleFormatError
from reader.core.ingest import dateline, decoding, htmlpage, legal_facts, textnews

log = logging.getLogger(__name__)

SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
}
# Larger text files are refused: a 19 MB file took 20 s and 1.4 GB to index (RELIABILITY.md),
# and a court judgment of 40,000 words is about 250 KB.
MAX_BYTES = 5 * 1024 * 1024
MAX_TITLE_CHARS = 200
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<meta>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# The heading's closing hashes are stripped in Python: a lazy title followed by `[ \t#]*`
# backtracks quadratically on a long line of hashes.
_H1 = re.compile(r"\A\s*#[ \t]+(?P<title>[^\n]+)(?:\n|\Z)")
# Characters that change how text around them is displayed (bidi overrides and isolates,
# zero-width marks, controls): a title must not be able to reorder or hide the list around it.
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff]"
)


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
    return parse_article(path, read_bytes(path))


def read_bytes(path: Path) -> bytes:
    """Return the bytes of `path`, refusing (without reading it) a file over MAX_BYTES."""
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ArticleFormatError(path, _too_large())
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)  # the file may grow after stat()
    except OSError as error:
        raise ArticleFormatError(path, error.strerror or "it cannot be opened") from error
    if len(data) > MAX_BYTES:
        raise ArticleFormatError(path, _too_large())
    return data


def _too_large() -> str:
    return f"it is larger than {MAX_BYTES // 1024 // 1024} MB"


def parse_article(path: Path, data: bytes) -> Article:
    """Parse the bytes of a file named `path` into an Article."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ArticleFormatError(path, "only .md, .txt and .html files can be imported")
    if len(data) > MAX_BYTES:
        raise ArticleFormatError(path, _too_large())
    try:
        text = decoding.decode(data)
    except decoding.NotTextError as error:
        raise ArticleFormatError(path, str(error)) from error
    if not text.strip():
        raise ArticleFormatError(path, "it is empty")
    parse = {"md": _from_markdown, "txt": _from_text, "html": _from_html}[kind]
    article = legal_facts.apply(parse(path, article_id(data), text), text)
    return dataclasses.replace(article, title=clean_title(article.title) or path.stem)


def clean_title(title: str) -> str:
    """Return `title` on one line, without invisible characters, cut to MAX_TITLE_CHARS."""
    title = " ".join(_INVISIBLE.sub("", title).split())
    if len(title) > MAX_TITLE_CHARS:
        cut = title[: MAX_TITLE_CHARS - 1]
        space = cut.rfind(" ")
        title = (cut[:space] if space > MAX_TITLE_CHARS // 2 else cut).rstrip() + "\u2026"
    return title


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
        if heading and heading["title"].rstrip(" \t#"):
            title, text = heading["title"].rstrip(" \t#"), text[heading.end() :]
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
