"""File → Export: ask where, then save the open article or the timeline (core.present.export)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.core.articles import Article
from reader.core.errors import ArticleNotFoundError
from reader.core.library import Library
from reader.core.mentions import Mention
from reader.core.present import export
from reader.core.present.chronology import EventGroup
from reader.gui import messages

_PAGE_FILTER = "Web page (*.html)"
_CHRONOLOGY_FILTERS = {"Markdown (*.md)": ".md", "CSV for spreadsheets (*.csv)": ".csv"}


def file_name(title: str, suffix: str) -> str:
    """A file name from a title: "Judge throws out case" → "Judge throws out case.html"."""
    name = " ".join(re.sub(r"[\\/:*?\"<>|\x00-\x1f]+", " ", title).split())
    # At most 200 bytes: names are limited to 255 bytes, not characters (a title in Chinese).
    name = name.encode("utf-8")[:200].decode("utf-8", "ignore").strip(" .") or "article"
    return name + suffix


def ask_article_path(parent: QWidget, article: Article) -> Path | None:
    """Ask where to save the article as a web page; None if the user cancels."""
    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Export article", str(_folder() / file_name(article.title, ".html")), _PAGE_FILTER
    )
    return _confirmed(parent, chosen, ".html", {".html", ".htm"}) if chosen else None


def ask_chronology_path(parent: QWidget) -> Path | None:
    """Ask where to save the timeline, as Markdown or CSV; None if the user cancels."""
    chosen, chosen_filter = QFileDialog.getSaveFileName(
        parent, "Export timeline", str(_folder() / "Chronology.md"), ";;".join(_CHRONOLOGY_FILTERS)
    )
    if not chosen:
        return None
    suffix = _CHRONOLOGY_FILTERS.get(chosen_filter, ".md")
    return _confirmed(parent, chosen, suffix, set(_CHRONOLOGY_FILTERS.values()))


def save_article(
    path: Path, article: Article, mentions: Sequence[Mention], hidden: frozenset[str]
) -> str:
    """Save the page (off the GUI thread); return what to say."""
    export.save(path, export.article_page(article, mentions, hidden_labels=hidden))
    return _saved(path)


def save_chronology(path: Path, library: Library, groups: Sequence[EventGroup]) -> str:
    """Save the timeline, each event linked to its source file (off the GUI thread)."""
    links = {}
    for article_id in sorted({event.article_id for group in groups for event in group.events}):
        try:
            links[article_id] = library.article(article_id).path.resolve().as_uri()
        except ArticleNotFoundError:  # removed since the timeline was drawn: no link, then
            continue
    export.save(path, export.chronology_text(groups, path.suffix, links))
    return _saved(path)


def _saved(path: Path) -> str:
    return f"Saved {path.name} in {path.parent}."


def _confirmed(parent: QWidget, chosen: str, suffix: str, known: set[str]) -> Path | None:
    """The path to write: `suffix` added unless the user typed one of `known`.

    The dialog asked about replacing the name as typed; a name we lengthened is asked about
    here. None if the user would rather not replace it.
    """
    path = Path(chosen)
    if path.suffix.lower() in known:
        return path
    path = path.with_name(path.name + suffix)
    if path.exists() and not messages.confirm_replace(parent, str(path)):
        return None
    return path


def _folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()
