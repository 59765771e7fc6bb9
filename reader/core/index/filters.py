"""Filters: narrowing a search to entities and a publication date range."""

from __future__ import annotations

from dataclasses import dataclass

FACETS = ("person", "org", "place", "legal")


@dataclass(frozen=True)
class Filters:
    """Hits must mention every listed entity and be published within the range (ISO dates)."""

    people: tuple[str, ...] = ()
    orgs: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    legal: tuple[str, ...] = ()
    published_from: str | None = None
    published_to: str | None = None
    # Dates in the query match only articles naming a date within them, not a coarser one
    # ("2017" for "October 2, 2017"); like `exact:` in the query.
    exact_dates: bool = False
    # Article ids the hits must be among (tags, stars, notes: the workspace resolves them).
    ids: frozenset[str] | None = None
    # The user's tags the hits must all carry, and whether they must be starred; the library
    # turns these into `ids` from the workspace, which the index does not hold.
    tags: tuple[str, ...] = ()
    starred: bool = False

    def by_facet(self) -> dict[str, tuple[str, ...]]:
        """The entity filters keyed by facet name."""
        return {"person": self.people, "org": self.orgs, "place": self.places, "legal": self.legal}

    @property
    def is_empty(self) -> bool:
        """True when nothing is filtered."""
        return self.ids is None and not (
            any(self.by_facet().values())
            or self.published_from
            or self.published_to
            or self.tags
            or self.starred
        )
