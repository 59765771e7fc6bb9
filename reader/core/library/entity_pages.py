"""An entity's page: every article that mentions it, with the sentence of each mention.

What a reader following one person through a case needs on one screen: where they appear,
what is said there, the date that sentence names (their events on the timeline), and their
part in a case where the document names one: a caption's side, a docket's role, counsel for a
party, the judge, an opinion's author.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.articles import Article
from reader.core.entities import aliases, entity_table, library_links, party_roles
from reader.core.entities.entity_table import EntityRow
from reader.core.mentions import DATE, PERSON, Mention
from reader.core.text import sentences
from reader.core.text.folding import fold

SIDES = {"first": "party (first named: plaintiff, petitioner or appellant)",
         "second": "party (second named: defendant or respondent)"}  # fmt: skip


_MARKUP = re.compile(r"^#+\s*|[*_]{2}")  # a heading's marks, bold: not what the page says


@dataclass(frozen=True)
class Appearance:
    """A sentence naming the entity: the article, its first mention there, the date it names."""

    article_id: str
    title: str
    published: str | None
    start: int
    end: int
    text: str
    sentence: str
    date: str | None  # a TimeML value, when the sentence names a date


@dataclass(frozen=True)
class EntityPage:
    """The entity across the library, its appearances in date order, and its known roles."""

    row: EntityRow
    appearances: tuple[Appearance, ...]
    roles: tuple[str, ...]


def key_of(mention: Mention) -> str:
    """The folded name a mention is listed under."""
    return fold(mention.canonical or aliases.clean(mention.text))


def build(
    name: str,
    label: str,
    pairs: Sequence[tuple[Article, Sequence[Mention]]],
    keep_apart: Iterable[str] = (),
) -> EntityPage | None:
    """The page of the entity `name` (as the entity table lists it); None if no article has it."""
    apart = frozenset(keep_apart)
    rows = entity_table.build(
        ((a.id, m) for a, m in pairs), {a.id: a.published for a, _ in pairs}, apart
    )
    wanted = fold(name)
    row = next((r for r in rows if r.label == label and r.key == wanted), None)
    if row is None:
        return None
    person_keys = {key_of(m) for _, found in pairs for m in found if m.label == PERSON}
    linked, _ = library_links.links(person_keys, apart) if label == PERSON else ({}, {})
    appearances: list[Appearance] = []
    roles: set[str] = set()
    shown: set[tuple[str, int]] = set()
    for article, found in pairs:
        dates = [m for m in found if m.label == DATE and m.value]
        for m in found:
            if m.label != label or linked.get(key_of(m), key_of(m)) != row.key:
                continue
            start, end = sentences.sentence_span(article.body, m.start)
            if (article.id, start) in shown:
                continue  # one line per sentence, at its first mention
            shown.add((article.id, start))
            named = [d.value for d in dates if start <= d.start < end]
            appearances.append(
                Appearance(
                    article.id,
                    article.title,
                    article.published,
                    m.start,
                    m.end,
                    m.text,
                    _MARKUP.sub("", " ".join(article.body[start:end].split())),
                    named[0] if named else None,
                )
            )
        for party in party_roles.parties_of(row.name, article.parties):
            part = SIDES.get(party.side, "party") if party.role is None else party.describe()
            roles.add(f"{part} in {article.title}")
    appearances.sort(key=lambda a: (a.published or "9999", a.title, a.start))
    return EntityPage(row, tuple(appearances), tuple(sorted(roles)))
