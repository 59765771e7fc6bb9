"""A small place gazetteer that corrects the model's place labels ("Santa Fe County" is no ORG)."""

from __future__ import annotations

import functools
import logging
import re

from reader.core.resources import resource

log = logging.getLogger(__name__)


def _lines(name: str) -> list[str]:
    text = resource("data", "places", name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@functools.cache
def names() -> frozenset[str]:
    """Return the gazetteer's place names, as written (case matters)."""
    return frozenset(_lines("places.txt"))


@functools.cache
def _suffixed() -> re.Pattern[str]:
    suffixes = "|".join(re.escape(s) for s in _lines("suffixes.txt"))
    # One to three capitalised words, then a suffix: "Santa Fe County", "Orleans Parish".
    return re.compile(
        rf"(?!(?:The|A|An|In|At|On|Of|To|For|From|And|But)\s)(?:[A-Z][\w.'\u2019-]*\s){{1,3}}(?:{suffixes})"
    )


def is_place(name: str) -> bool:
    """Tell whether `name` (without a leading "the") is a known place or "<Name> County"."""
    return name in names() or _suffixed().fullmatch(name) is not None


@functools.cache
def finder() -> re.Pattern[str]:
    """Return a pattern that finds gazetteer names and "<Name> County" places in running text."""
    listed = sorted(names(), key=len, reverse=True)
    alternatives = "|".join([_suffixed().pattern, *(re.escape(n) for n in listed)])
    # Not inside a longer capitalised name: "New Mexico" in "New Mexico State" still counts,
    # the caller skips matches that overlap a span the model found.
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])")
