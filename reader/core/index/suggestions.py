""" "Did you mean": the closest known word when a search finds little."""

from __future__ import annotations

import logging
import re
from typing import Any

from reader.core.index.vocabulary import Vocabulary

log = logging.getLogger(__name__)

WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


def suggest(searcher: Any, vocabulary: Vocabulary, text: str) -> str | None:
    """Spell a misspelled word the way the index spells it ("Torez" → "Torrez")."""
    changed = False
    words = []
    for word in text.split():
        bare = word.strip('()"').lower()
        if _is_unknown_word(searcher, bare):
            option = _closest(searcher.reader(), vocabulary, bare)
            if option:
                word = word.lower().replace(bare, option)
                changed = True
        words.append(word)
    return " ".join(words) if changed else None


def _closest(reader: Any, vocabulary: Vocabulary, word: str) -> str | None:
    """The most common word one edit away, else two; the first letter is taken as typed."""
    for maxdist in (1, 2):
        found = vocabulary.within(reader, "body", word, maxdist, prefixlength=1)
        found.pop(word, None)
        if found:
            return min(found, key=lambda option: (-found[option], option))
    return None


def _is_unknown_word(searcher: Any, word: str) -> bool:
    if len(word) < 3 or word.upper() in ("AND", "OR", "NOT") or not WORD.fullmatch(word):
        return False
    return not (searcher.doc_frequency("body", word) or searcher.doc_frequency("title", word))
