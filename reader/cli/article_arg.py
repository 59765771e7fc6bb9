"""ARTICLE on the command line: a file that was imported, or an article id."""

from __future__ import annotations

from pathlib import Path

from reader.core.articles import Article
from reader.core.library import Library, casework


def find(library: Library, text: str) -> tuple[Article, str]:
    """The article `text` names, and the file it was imported from (what marks follow)."""
    path = Path(text)
    article = library.find_by_path(path) if path.exists() else library.article(text)
    source = casework.source_path(library.read_manifest(), article.id) or str(article.path)
    return article, source
