"""The library-wide entity table: one row per canonical name, across all articles."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reader.core.entities import aliases
from reader.core.mentions import LEGAL, ORG, PERSON, PLACE, Mention
from reader.core.text.folding import fold

log = logging.getLogger(__name__)

TABLE_LABELS = frozenset({PERSON, ORG, PLACE, LEGAL})


@dataclass(frozen=True, slots=True)
class EntityRow:
    """One entity: folded key, display name, type, other spellings, articles, mention count."""

    key: str
    name: str
    label: str
    aliases: tuple[str, ...]
    articles: tuple[str, ...]
    mentions: int


def build(pairs: Iterable[tuple[str, Sequence[Mention]]]) -> list[EntityRow]:
    """Return the entity table for (article id, mentions) pairs, most mentioned first."""
    names: dict[str, Counter[str]] = {}
    labels: dict[str, Counter[str]] = {}
    surfaces: dict[str, set[str]] = {}
    articles: dict[str, set[str]] = {}
    for article_id, mentions in pairs:
        for m in mentions:
            if m.label not in TABLE_LABELS:
                continue
            name = m.canonical or aliases.clean(m.text)
            k = fold(name)
            names.setdefault(k, Counter())[name] += 1
            labels.setdefault(k, Counter())[m.label] += 1
            surfaces.setdefault(k, set()).add(aliases.clean(m.text))
            articles.setdefault(k, set()).add(article_id)
    rows = []
    for k, counts in names.items():
        name = counts.most_common(1)[0][0]
        rows.append(
            EntityRow(
                key=k,
                name=name,
                label=labels[k].most_common(1)[0][0],
                aliases=tuple(sorted(surfaces[k] - {name})),
                articles=tuple(sorted(articles[k])),
                mentions=counts.total(),
            )
        )
    return sorted(rows, key=lambda r: (-r.mentions, r.key))
