"""Files on disk → Article: markdown, copied news text, saved web pages, and (through
documents.py) PDF, Word, WordPerfect, RTF and e-mail files."""

from __future__ import annotations

import dataclasses
import hashlib
import logging
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from reader.core.articles import Article
from reader.core.errors import ArticleFormatError
from reader.core.ingest import (
    dateline,
    decoding,
    documents,
    htmlpage,
    legal_facts,
    pdf,
    source_lines,
    textnews,
)

log = logging.getLogger(__name__)

SUFFIXES = {
    ".md": "md",
    ".markdown": "md",
    ".txt": "txt",
    ".text": "txt",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
    ".doc": "doc",
    ".wpd": "wpd",
    ".rtf": "rtf",
    ".eml": "eml",
}
# Formats read from their bytes by documents.py, not decoded as text first.
_DOCUMENTS = frozenset({"pdf", "docx", "doc", "wpd", "rtf", "eml"})
# Larger text files are refused: a 19 MB file took 20 s and 1.4 GB to index (RELIABILITY.md),
# and a court judgment of 40,000 words is about 250 KB. A PDF carries its fonts and scanned
# pages, so it may be larger; its text is capped after reading (documents.MAX_BODY_CHARS).
MAX_BYTES = 5 * 1024 * 1024
MAX_DOCUMENT_BYTES = 200 * 1024 * 1024
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
    """Yield the files in `paths`, walking folders recursively in name order.

    Files of kinds the reader does not read are yielded too, so that an import names each one
    it skips and why; hidden files and folders (".git", ".DS_Store") are left out.
    """
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and not any(part.startswith(".") for part in relative):
                    yield child
        elif path.is_file():
            yield path


def load_article(path: Path) -> Article:
    """Read `path` into an Article; raise ArticleFormatError with a reason a person can read."""
    return parse_article(path, read_bytes(path))


def max_bytes(path: Path) -> int:
    """The largest file of `path`'s kind that is read."""
    return MAX_DOCUMENT_BYTES if SUFFIXES.get(path.suffix.lower()) in _DOCUMENTS else MAX_BYTES


def read_bytes(path: Path) -> bytes:
    """Return the bytes of `path`, refusing (without reading it) a file over max_bytes."""
    limit = max_bytes(path)
    try:
        if path.stat().st_size > limit:
            raise ArticleFormatError(path, _too_large(limit))
        with path.open("rb") as file:
            data = file.read(limit + 1)  # the file may grow after stat()
    except OSError as error:
        raise ArticleFormatError(path, error.strerror or "it cannot be opened") from error
    if len(data) > limit:
        raise ArticleFormatError(path, _too_large(limit))
    return data


def _too_large(limit: int) -> str:
    return f"it is larger than {limit // 1024 // 1024} MB"


def parse_article(
    path: Path, data: bytes, ocr_budget: pdf.OcrBudget | None = pdf.INLINE
) -> Article:
    """Parse the bytes of a file named `path` into an Article.

    A PDF's scanned pages are read by OCR within `ocr_budget`, or with None left for later.
    """
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise ArticleFormatError(path, unsupported_reason(path))
    if len(data) > max_bytes(path):
        raise ArticleFormatError(path, _too_large(max_bytes(path)))
    if kind in _DOCUMENTS:
        return _from_document(path, kind, data, ocr_budget)
    try:
        text = decoding.decode(data)
    except decoding.NotTextError as error:
        raise ArticleFormatError(path, str(error)) from error
    if not text.strip():
        raise ArticleFormatError(path, "it is empty")
    if kind == "txt" and source_lines.is_raw_email(text):  # a court e-mail saved as text
        return _from_document(path, "eml", data)
    parse = {"md": _from_markdown, "txt": _from_text, "html": _from_html}[kind]
    article = legal_facts.apply(parse(path, article_id(data), text), text)
    return dataclasses.replace(article, title=clean_title(article.title) or path.stem)


def unsupported_reason(path: Path) -> str:
    """Why a file of `path`'s kind is not read, naming the kinds that are."""
    kind = path.suffix.lower() or "without a name ending"
    return (
        f"files {kind if kind.startswith('without') else 'ending in ' + kind} are not read "
        "(the reader reads PDF, Word, WordPerfect, RTF, e-mail, web pages, .md and .txt)"
    )


def _from_document(
    path: Path, kind: str, data: bytes, ocr_budget: pdf.OcrBudget | None = pdf.INLINE
) -> Article:
    aid = article_id(data)
    if kind == "pdf":
        article, source = documents.from_pdf(path, aid, data, ocr_budget)
    elif kind == "eml":
        article, source = documents.from_email(path, aid, data)
    else:
        article, source = documents.from_office(path, aid, data, kind)
    article = legal_facts.apply(article, source)
    return dataclasses.replace(article, title=clean_title(article.title) or path.stem)


def clean_title(title: str) -> str:
    """Return `title` on one line, without invisible characters, cut to MAX_TITLE_CHARS."""
    title = " ".join(_INVISIBLE.sub("", title).split())
    if len(title) > MAX_TITLE_CHARS:
        cut = title[: MAX_TITLE_CHARS - 1]
        space = cut.rfind(" ")
        title = (cut[:space] if space > MAX_TITLE_CHARS // 2 else cut).rstrip() + "\u2026"
    return title


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
        # A court page (a docket, a case query) keeps its text in tables and forms, which the
        # article reader leaves out: its lines are read instead.
        lines = source_lines.read("html", text).lines
        body = "\n\n".join(lines[: source_lines.MAX_LINES])
    if not body.strip():
        raise ArticleFormatError(path, "the page has no article text")
    published = dateline.parse(page.published) if page.published else None
    if published is None:  # "SANTA FE, N.M. (Dec. 7, 2026) — ..." opening the story
        first = next((value for tag, value in blocks if tag == "p"), None)
        published = dateline.leading(first) if first else None
    return Article(
        id=aid,
        path=path,
        title=title,
        body=body,
        format="html",
        published=published,
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
