"""Placeholder: the date normaliser (issue 4) replaces this module."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from reader.core.mentions import DATE, Mention


def find(
    text: str,
    anchor: date | None,
    ner_spans: Sequence[tuple[int, int]] | None = None,
    *,
    day_first: bool = False,
) -> list[Mention]:
    """Return temporal mentions in `text`, resolved against `anchor` where possible."""
    return [Mention(s, e, text[s:e], DATE) for s, e in (ner_spans or ())]
