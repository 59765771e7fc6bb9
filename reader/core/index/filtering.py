"""Filters → a Whoosh filter query, and the entity counts of the top hits ("Narrow by")."""

from __future__ import annotations

import json
import logging
from datetime import date
from typing import Any

from whoosh.query import (
    And,
    NullQuery,
    NumericRange,
    Or,
    Query,
    Term,
)

from reader.core.dates import timex
from reader.core.index import document
from reader.core.index.filters import FACETS, Filters

log = logging.getLogger(__name__)

# Facet counts are taken over this many top hits; beyond that they would cost every search.
FACET_DEPTH = 100
FACET_NAMES = 30


def filter_query(filters: Filters | None) -> Query | None:
    if filters is None or filters.is_empty:
        return None
    clauses: list[Query] = [
        Term(f"{facet}_key", document.entity_key(name))
        for facet, names in filters.by_facet().items()
        for name in names
    ]
    first = timex.interval(filters.published_from) if filters.published_from else None
    last = timex.interval(filters.published_to) if filters.published_to else None
    if first or last:
        clauses.append(
            NumericRange(
                "published_day",
                # Explicit bounds: an open bound on this unsigned field matches everything
                # in Whoosh 2.7.5, and 0 marks an undated article, which a range excludes.
                _day_number(first[0]) if first else 1,
                _day_number(last[1]) if last else 29991231,
            )
        )
    if filters.ids is not None:
        if not filters.ids:
            return NullQuery
        clauses.append(Or([Term("id", article_id) for article_id in sorted(filters.ids)]))
    return And(clauses) if len(clauses) > 1 else clauses[0]


def _day_number(day: date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def counted_ids(results: Any) -> tuple[str, ...]:
    """Ids of the hits `facet_counts` counts over."""
    return tuple(results[i]["id"] for i in range(min(FACET_DEPTH, results.scored_length())))


def facet_counts(results: Any) -> dict[str, list[tuple[str, int]]]:
    """Entity names with the number of top hits that mention them, most frequent first.

    Spellings that fold to the same key ("Raúl Torrez", "Raul Torrez") count as one entity,
    shown in the spelling with accents, as the press writes it at its most careful.
    """
    return facets_and_roles(results)[0]


def facets_and_roles(
    results: Any,
) -> tuple[dict[str, list[tuple[str, int]]], dict[str, tuple[str, ...]]]:
    """`facet_counts` and `facet_roles` of the same hits, each hit's fields read once."""
    counts: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
    shown: dict[str, str] = {}
    roles: dict[str, dict[str, None]] = {}
    for i in range(min(FACET_DEPTH, results.scored_length())):
        fields = results[i]
        _add_roles(roles, fields.get("parties"))
        stored = json.loads(fields.get("facets") or "{}")
        for facet, names in stored.items():
            bucket = counts.setdefault(facet, {})
            for name in set(names):
                key = document.entity_key(name)
                bucket[key] = bucket.get(key, 0) + 1
                if key not in shown or (shown[key].isascii() and not name.isascii()):
                    shown[key] = name
    ranked = {
        facet: sorted(
            ((shown[key], n) for key, n in bucket.items()), key=lambda item: (-item[1], item[0])
        )[:FACET_NAMES]
        for facet, bucket in counts.items()
    }
    return ranked, {key: tuple(parts) for key, parts in roles.items()}


def facet_roles(results: Any) -> dict[str, tuple[str, ...]]:
    """The parts the counted hits state for their parties, counsel and judges, by entity key.

    A party is listed under its name and its name before the first comma ("Irving H. Picard,
    Trustee for ..." → "irving h. picard"), as the entities name it; counsel read "attorney".
    """
    return facets_and_roles(results)[1]


def _add_roles(roles: dict[str, dict[str, None]], stored: str | None) -> None:
    for row in json.loads(stored or "[]"):
        party = document.party_from_row(row)
        part = party.role or party.describe()
        name = party.name.removesuffix(", et al.").removesuffix(" et al.")
        for key in {document.entity_key(name), document.entity_key(name.split(",")[0])}:
            if key:
                roles.setdefault(key, {})[part] = None
