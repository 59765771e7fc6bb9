"""The library-wide entity table: one row per canonical name, across all articles."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

from reader.core.entities import aliases, library_links
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
    # The earliest and latest publication date of the articles that mention it (ISO).
    first: str | None = None
    last: str | None = None
    # Full names a short name could stand for, when the library holds more than one.
    could_be: tuple[str, ...] = ()


def build(
    pairs: Iterable[tuple[str, Sequence[Mention]]],
    dates: Mapping[str, str | None] | None = None,
    keep_apart: Collection[str] = (),
) -> list[EntityRow]:
    """Return the entity table for (article id, mentions) pairs, most mentioned first.

    `dates` gives each article's publication date (for first and last mention); a person's
    short name is linked to the one full name in the table it can stand for
    (library_links.py), unless its folded form is in `keep_apart` (the user split it).
    """
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
    people = [k for k, counted in labels.items() if counted.most_common(1)[0][0] == PERSON]
    linked, unsure = library_links.links(people, keep_apart)
    absorbed: Counter[str] = Counter()  # mentions of linked short names, kept off the name vote
    for short, full in linked.items():
        absorbed[full] += names[short].total()
        labels.pop(short)
        surfaces[full] |= surfaces.pop(short) | set(names.pop(short))
        articles[full] |= articles.pop(short)
    rows = []
    for k, counts in names.items():
        name = counts.most_common(1)[0][0]
        seen = sorted(d for d in ((dates or {}).get(a) for a in articles[k]) if d)
        rows.append(
            EntityRow(
                key=k,
                name=name,
                label=labels[k].most_common(1)[0][0],
                aliases=tuple(sorted(surfaces[k] - {name})),
                articles=tuple(sorted(articles[k])),
                mentions=counts.total() + absorbed[k],
                first=seen[0] if seen else None,
                last=seen[-1] if seen else None,
                could_be=tuple(names[c].most_common(1)[0][0] for c in unsure.get(k, ())),
            )
        )
    return sorted(rows, key=lambda r: (-r.mentions, r.key))
