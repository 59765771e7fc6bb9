"""Saving what the reader shows: an article as a web page, a chronology as Markdown or CSV."""

from __future__ import annotations

import errno
import html
from collections.abc import Mapping, Sequence
from pathlib import Path

from reader.core import durable
from reader.core.articles import Article
from reader.core.errors import ExportError
from reader.core.mentions import Mention
from reader.core.present import chronology, render
from reader.core.present.chronology import EventGroup
from reader.core.resources import resource

_WHY = {
    errno.EACCES: "you do not have permission to write there",
    errno.EPERM: "you do not have permission to write there",
    errno.EROFS: "that disk can only be read",
    errno.ENOSPC: "the disk is full",
    errno.EISDIR: "a folder of that name is in the way",
    errno.ENOTDIR: "part of that path is a file, not a folder",
    errno.EEXIST: "part of that path is a file, not a folder",
    errno.ENAMETOOLONG: "the name is too long",
}


def article_page(
    article: Article, mentions: Sequence[Mention], *, hidden_labels: frozenset[str] = frozenset()
) -> str:
    """The article as one self-contained HTML page, its entities marked as the reader marks them.

    The article's own HTML has been through the sanitiser (render.to_html), so the page is
    safe to send on; the style is ours.
    """
    style = resource("stylesheets", "export.css").read_text("utf-8")
    body = render.to_html(article, mentions, hidden_labels=hidden_labels)
    return (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{html.escape(article.title)}</title><style>{style}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def chronology_text(
    groups: Sequence[EventGroup], suffix: str, links: Mapping[str, str] | None = None
) -> str:
    """The chronology in the format its file name asks for: .csv, or Markdown otherwise."""
    if suffix.lower() == ".csv":
        return chronology.to_csv(groups)
    return chronology.to_markdown(groups, links)


def save(path: Path, text: str) -> None:
    """Write `text` to `path` whole or not at all (a crash never leaves half a file)."""
    try:
        durable.write_atomically(path, text.encode("utf-8"), private=False)
    except OSError as error:
        why = _WHY.get(error.errno or 0) or (error.strerror or str(error)).lower()
        raise ExportError(path, why) from error
