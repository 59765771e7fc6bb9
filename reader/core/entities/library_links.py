"""Across the library, a short name of a person links to the one full name it can stand for.

Within an article the alias step already links "Hutchins" to "Halyna Hutchins" when the article
names her in full. An article that only says "Hutchins" (or "Mr. Baldwin", "A. Baldwin") is
linked here, when the library holds exactly one person whose name it can be; where two are
possible ("Baldwin": Alec or Stephen) it stays apart, with the candidates named, so the user
can merge it by hand. A name the user split is never linked again.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable


def tokens(key: str) -> list[str]:
    """The words of a folded name, without dots on initials."""
    return [word.rstrip(".") for word in key.replace(".", ". ").split()]


def could_be(short: str, full: str) -> bool:
    """Whether the folded name `short` can stand for the longer folded name `full`.

    The last words must agree ("baldwin" ~ "alec baldwin"); words before them must be the
    full name's words or their initials ("a. baldwin" ~ "alec baldwin").
    """
    part, whole = tokens(short), tokens(full)
    if not part or len(part) > len(whole) or part == whole or part[-1] != whole[-1]:
        return False
    given = whole[: len(whole) - 1]
    for word in part[:-1]:
        if not any(word == g or (len(word) == 1 and g.startswith(word)) for g in given):
            return False
    return True


def links(
    person_keys: Iterable[str], keep_apart: Collection[str] = ()
) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    """Which short names link to which full name, and which short names have several candidates.

    Returns ({short key: full key}, {short key: candidate full keys}).
    """
    keys = sorted(set(person_keys))
    full = [k for k in keys if len(tokens(k)) >= 2]
    by_last: dict[str, list[str]] = {}
    for k in full:
        by_last.setdefault(tokens(k)[-1], []).append(k)
    linked: dict[str, str] = {}
    unsure: dict[str, tuple[str, ...]] = {}
    for k in keys:
        if k in keep_apart or not tokens(k):
            continue
        candidates = [f for f in by_last.get(tokens(k)[-1], []) if could_be(k, f)]
        # "Baldwin" beside "Alec Baldwin" and "A. Baldwin": both are one man if the longer
        # names themselves link to one; count only the longest forms as candidates.
        longest = [c for c in candidates if not any(could_be(c, o) for o in candidates)]
        if len(longest) == 1:
            linked[k] = longest[0]
        elif len(longest) > 1:
            unsure[k] = tuple(longest)
    return linked, unsure
