"""Tense of the verb that governs a span: tells whether "in July" is before or after the anchor."""

from __future__ import annotations

import functools
import logging

from reader.core.text import nlp, sentences

log = logging.getLogger(__name__)

PAST = "PAST"
PRESENT = "PRESENT"
FUTURE = "FUTURE"

_FUTURE_MODALS = frozenset({"will", "'ll", "shall", "wo", "would", "could", "may", "might",
                            "should", "must", "can", "ca"})  # fmt: skip
_CHAIN_TAGS = frozenset({"MD", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "TO", "RB"})
_FINITE_PAST = frozenset({"VBD"})
_FINITE_PRESENT = frozenset({"VBZ", "VBP"})

_CLAUSE_WORDS = frozenset({"that", "which", "who", "whom", "because", "when", "while", "if",
                           "although", "though", "after", "before", "since", "until"})  # fmt: skip
Tagged = tuple[tuple[int, str, str], ...]  # (offset in sentence, word lower-cased, PTB tag)


@functools.lru_cache(maxsize=256)
def _tag(sentence: str) -> Tagged:
    return tuple((t.idx, t.lower_, t.tag_) for t in nlp.tagger()(sentence))


def _chain(tokens: Tagged, index: int) -> list[tuple[int, str, str]]:
    """The verb group around tokens[index]: auxiliaries, 'to', adverbs and the main verb."""
    left = index
    while left > 0 and tokens[left - 1][2] in _CHAIN_TAGS:
        left -= 1
    right = index
    while right + 1 < len(tokens) and tokens[right + 1][2] in _CHAIN_TAGS:
        right += 1
    return [t for t in tokens[left : right + 1] if t[2] != "RB"]


def classify(chain: list[tuple[int, str, str]]) -> str | None:
    """Return PAST, PRESENT or FUTURE for a verb group given as (offset, word, tag) tokens."""
    words = [w for _, w, _ in chain]
    tags = [t for _, _, t in chain]
    for i, (word, tag) in enumerate(zip(words, tags, strict=True)):
        if tag == "MD":
            # "could have done" reports the past; other modals point forward.
            if word in _FUTURE_MODALS and words[i + 1 : i + 2] != ["have"]:
                return FUTURE
            return PAST
    if "going" in words and "to" in words:
        return FUTURE
    finite = next((t for t in tags if t in _FINITE_PAST | _FINITE_PRESENT), None)
    if finite in _FINITE_PAST:
        # "planned to leave on Thursday": the leaving comes after a past plan, on either side
        # of the anchor, so no direction (the nearest day wins).
        return None if "TO" in tags else PAST
    if finite in _FINITE_PRESENT:
        if any(w in ("has", "have") for w in words) and "VBN" in tags:
            return PAST  # present perfect reports something done
        if "TO" in tags:
            return FUTURE  # "is expected to rule", "plans to appeal"
        return PRESENT
    if "VBN" in tags and "TO" not in tags:
        return PAST  # reduced passive: "a statement released on Christmas Eve"
    return None


def governing(text: str, start: int, end: int) -> str | None:
    """Return the tense of the verb nearest to text[start:end] in its sentence, or None."""
    s_start, s_end = sentences.sentence_span(text, start)
    tokens = _tag(text[s_start:s_end])
    inside = (start - s_start, end - s_start)
    best: tuple[int, int] | None = None
    for i, (offset, word, tag) in enumerate(tokens):
        if offset >= inside[1] and (word in _CLAUSE_WORDS or tag in (":", "-LRB-")):
            break  # verbs after "that", "which", ";" belong to another clause
        if not tag.startswith(("VB", "MD")) or inside[0] <= offset < inside[1]:
            continue
        # Distance in characters; a verb before the span wins a tie (it usually governs it).
        distance = inside[0] - offset if offset < inside[0] else offset - inside[1] + 1
        if best is None or distance < best[0]:
            best = (distance, i)
    if best is None:
        return None
    return classify(_chain(tokens, best[1]))
