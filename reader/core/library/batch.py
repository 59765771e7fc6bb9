"""A list of names searched at once: name → the articles that mention it → how often."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reader.core.errors import WorkspaceInputError
from reader.core.index import phrase_counts
from reader.core.workspace.name_list import BatchName


@dataclass(frozen=True)
class NameArticle:
    """One article that mentions a name, and how many times (name and aliases together)."""

    id: str
    title: str
    published: str | None
    path: str
    mentions: int


@dataclass(frozen=True)
class NameRow:
    """A name of the list with its articles, most mentions first."""

    name: str
    aliases: tuple[str, ...]
    articles: tuple[NameArticle, ...]

    @property
    def mentions(self) -> int:
        """Mentions in all its articles."""
        return sum(article.mentions for article in self.articles)


def table(searcher: Any, names: Sequence[BatchName]) -> list[NameRow]:
    """Each name of `names` with the articles mentioning it (the library's `batch_names`).

    A name or alias with nothing a search could find ("—", "§") is refused with its line.
    """
    phrases = {name.line: [_words(name, spelling) for spelling in name.spellings] for name in names}
    stored: dict[int, NameArticle] = {}  # an article mentioned by several names is read once
    rows: list[NameRow] = []
    for name in names:
        places: dict[int, list[phrase_counts.Span]] = {}
        for phrase in dict.fromkeys(phrases[name.line]):
            for docnum, spans in phrase_counts.spans(searcher, phrase).items():
                places.setdefault(docnum, []).extend(spans)
        articles = []
        for docnum, spans in places.items():
            if docnum not in stored:
                stored[docnum] = _article(searcher.stored_fields(docnum))
            article = stored[docnum]
            articles.append(
                NameArticle(
                    article.id,
                    article.title,
                    article.published,
                    article.path,
                    phrase_counts.count(spans),
                )
            )
        articles.sort(key=lambda a: (-a.mentions, a.published or "", a.title))
        rows.append(NameRow(name.name, name.aliases, tuple(articles)))
    return rows


def _words(name: BatchName, spelling: str) -> tuple[str, ...]:
    found = phrase_counts.words(spelling)
    if not found:
        raise WorkspaceInputError(
            f"Line {name.line} of the list of names cannot be read: “{spelling}” has no "
            "letters or digits to search for."
        )
    return found


def _article(fields: dict[str, Any]) -> NameArticle:
    return NameArticle(
        str(fields["id"]),
        str(fields["title"]),
        fields.get("published") or None,
        str(fields["path"]),
        0,
    )
