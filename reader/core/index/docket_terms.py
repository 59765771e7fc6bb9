"""Docket numbers in a query: `docket:21-1397`, or a docket-shaped word typed alone.

The word analyzer splits "21-1397" into "21" and "1397", which match any document with both
numbers anywhere; a docket number is searched whole in the `docket` field instead (and as a
phrase in the text, for documents that only mention it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from whoosh.query import NullQuery, Or, Phrase, Query, Term

from reader.core.index.analysis import analyzer
from reader.core.text.docket_numbers import find_docket_numbers

_FIELD = re.compile(r"(?i)^docket:(?P<value>\S+)$")
_TEXT_FIELDS = ("title", "body")


def index_terms(dockets: Iterable[str]) -> str:
    """The `docket` keywords of a document: each number whole, and without judges' initials."""
    terms: list[str] = []
    for docket in dockets:
        value = docket.lower()
        short = (
            re.sub(r"(?:-[a-z]{1,5}\d{0,2})+$", "", value) if re.search(r"\d-", value) else value
        )
        for term in (value, short):
            if term and term not in terms:
                terms.append(term)
    return ",".join(terms)


def split_dockets(text: str) -> tuple[str, list[str]]:
    """Return `text` without its docket numbers, and those numbers as typed."""
    kept: list[str] = []
    dockets: list[str] = []
    for word in text.split():
        field = _FIELD.match(word)
        value = field["value"] if field else word
        if field or _is_docket(value):
            dockets.append(value.strip("\"'"))
        else:
            kept.append(word)
    return " ".join(kept), [d for d in dockets if d]


def docket_query(dockets: list[str]) -> Query:
    """Each docket number in the `docket` field, or as a phrase in the title or body."""
    return field_or_text_query("docket", [(docket.lower(), docket) for docket in dockets])


def field_or_text_query(field: str, values: list[tuple[str, str]]) -> Query:
    """Any of `values` ((exact key, text)): the key in `field`, or the text as a phrase in the
    title or body, so a library indexed before `field` existed still finds them."""
    if not values:
        return NullQuery
    words = analyzer()
    parts: list[Query] = []
    for exact, text in values:
        alternatives: list[Query] = [Term(field, exact)]
        tokens = [token.text for token in words(text)]
        for text_field in _TEXT_FIELDS:
            if len(tokens) > 1:
                alternatives.append(Phrase(text_field, tokens))
            elif tokens:
                alternatives.append(Term(text_field, tokens[0]))
        parts.append(Or(alternatives))
    return parts[0] if len(parts) == 1 else Or(parts)


def _is_docket(word: str) -> bool:
    """A word that is a whole docket number, read as if it stood alone on a line."""
    word = word.strip("\"'")
    found = find_docket_numbers(word)
    return len(found) == 1 and found[0].start == 0 and found[0].end == len(word)
