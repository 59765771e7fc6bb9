"""Find a marked passage again in an article's (possibly changed) text."""

from __future__ import annotations

from dataclasses import dataclass

CONTEXT = 40  # characters kept either side: enough to tell two copies of a name apart


@dataclass(frozen=True)
class Anchor:
    """Where the marked words are in `body` now; `state` is "ok", "moved" or "stale"."""

    start: int
    end: int
    state: str


def context(body: str, start: int, end: int) -> tuple[str, str]:
    """The text just before and just after `body[start:end]`."""
    return body[max(0, start - CONTEXT) : start], body[end : end + CONTEXT]


def locate(body: str, text: str, start: int, before: str, after: str) -> Anchor:
    """Where `text` (once at `start`, between `before` and `after`) is in `body` now.

    The same offsets win; otherwise the copy whose surroundings match the stored context
    best, then the one nearest the old place. Missing words leave the old offsets, "stale".
    """
    end = start + len(text)
    if not text:
        return Anchor(start, end, "ok")
    if body[start:end] == text:
        return Anchor(start, end, "ok")
    found = _occurrences(body, text)
    if not found:
        return Anchor(start, end, "stale")
    best = max(found, key=lambda at: (_fit(body, at, len(text), before, after), -abs(at - start)))
    return Anchor(best, best + len(text), "moved")


def _occurrences(body: str, text: str) -> list[int]:
    found: list[int] = []
    at = body.find(text)
    while at != -1:
        found.append(at)
        at = body.find(text, at + 1)
    return found


def _fit(body: str, at: int, length: int, before: str, after: str) -> int:
    """How many context characters agree, counted outward from the passage."""
    here_before, here_after = context(body, at, at + length)
    return _common_suffix(here_before, before) + _common_prefix(here_after, after)


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
