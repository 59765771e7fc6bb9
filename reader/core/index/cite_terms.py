"""Citations in a query: `cite:"410 U.S. 113"`, or a citation typed alone (`410 U.S. 113`).

The word analyzer would split "410 U.S. 113" into four words that match any article with those
numbers anywhere; a citation is searched whole in the `cite` field, which holds the normalised
citations each article makes ("323 U. S. 214" and "Id. at 216" are both "323 U.S. 214"), and as
a phrase in the text for libraries indexed before the field existed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from whoosh.query import Query

from reader.core.index.docket_terms import field_or_text_query
from reader.core.text.citations import CASE, SHORT, STATUTE, find_citations

_FIELD = re.compile(r'(?i)(?<!\S)cite:(?:"(?P<phrase>[^"]*)"?|(?P<word>\S+))')
# A number, a word and a number: only such text can hold a citation, so eyecite is not loaded
# for the words and dates most queries are.
_SHAPED = re.compile(r"\d\s+[A-Za-z][^\n]*?\d")
_TYPED_ALONE = {CASE, STATUTE, SHORT}  # "Id." or "supra" alone cite nothing a query can name


def key(value: str) -> str:
    """The `cite` keyword of a normalised citation: case and spacing do not matter."""
    return " ".join(value.lower().replace(",", " ").split())


def index_terms(values: Iterable[str]) -> str:
    """The `cite` keywords of an article, from the values of its citations."""
    return ",".join(sorted({key(v) for v in values if key(v)}))


def split_citations(text: str) -> tuple[str, list[str]]:
    """Return `text` without its citations, and those citations normalised."""
    cited: list[str] = []
    kept: list[str] = []
    last = 0
    for field in _FIELD.finditer(text):
        kept.append(text[last : field.start()])
        typed = " ".join((field["phrase"] if field["word"] is None else field["word"]).split())
        if typed:
            cited.append(_normalised(typed))
        last = field.end()
    rest = "".join([*kept, text[last:]])
    if _SHAPED.search(rest):
        pieces: list[str] = []
        last = 0
        for citation in find_citations(rest):
            if citation.kind in _TYPED_ALONE:
                pieces.append(rest[last : citation.start])
                cited.append(citation.value)
                last = citation.end
        rest = "".join([*pieces, rest[last:]])
    return " ".join(rest.split()), list(dict.fromkeys(cited))


def cite_query(cited: list[str]) -> Query:
    """Each citation in the `cite` field, or as a phrase in the title or body."""
    return field_or_text_query("cite", [(key(value), value) for value in cited])


def _normalised(typed: str) -> str:
    """A citation as the index holds it, when eyecite reads `typed` as one citation."""
    found = find_citations(typed) if any(ch.isdigit() for ch in typed) else []
    return found[0].value if len(found) == 1 else typed
