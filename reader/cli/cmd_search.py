"""`legal-reader search QUERY`: search the library by name, words or date."""

from __future__ import annotations

import argparse
import html
import json
import re
from typing import Any

from reader.cli import open_library
from reader.core.index import Filters, SearchResult

_TAG = re.compile(r"</?b>")


_ENTITY_FIELD = re.compile(r"(?i)\b(?:person|org|place|legal|names)\s*:")


def register(subparsers: Any) -> None:
    """Add the `search` command."""
    parser = subparsers.add_parser("search", help="search the library")
    parser.add_argument("query", nargs="+", help='words, "phrases", names or dates')
    parser.add_argument("--json", action="store_true", help="print the hits as a JSON array")
    parser.add_argument("--limit", type=_positive, default=20, metavar="N", help="at most N hits")
    parser.add_argument(
        "--exact-dates",
        action="store_true",
        help='dates match only articles naming a date within them (as exact:"Oct 2, 2017")',
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the hits, as text or JSON."""
    text = " ".join(args.query)
    # A query about entities waits for the ones an import left to find; words never wait.
    needs = _ENTITY_FIELD.search(text) is not None
    library = open_library.open_library(args.library, entities=needs)
    filters = Filters(exact_dates=True) if args.exact_dates else None
    result = library.search(text, limit=args.limit, filters=filters)
    print(to_json(result) if args.json else to_text(result))
    if not args.json:
        open_library.say_waiting(library)
    return 0


def to_json(result: SearchResult) -> str:
    """The hits as a JSON array of objects."""
    rows = [
        {
            "path": str(hit.path),
            "title": hit.title,
            "published": hit.published,
            "score": round(hit.score, 4),
            "snippet": plain(hit.snippet),
            "id": hit.article_id,
            "source": hit.source,
            "date_note": hit.date_note,
            "page": hit.page,
        }
        for hit in result.hits
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def to_text(result: SearchResult) -> str:
    """The hits as lines a person reads in a terminal."""
    matches = "1 article matches" if result.total == 1 else f"{result.total} articles match"
    lines = [f"{matches} “{result.searched}”."]
    lines += result.notes
    if result.suggestion:
        lines.append(f"Did you mean: {result.suggestion}?")
    for number, hit in enumerate(result.hits, start=1):
        lines.append("")
        lines.append(f"{number}. {hit.title}  ({hit.published or 'no date'})")
        lines.append(f"   {hit.path}")
        lines.append(f"   {plain(hit.snippet, mark='*')}")
    return "\n".join(lines)


def plain(snippet: str, mark: str = "") -> str:
    """A snippet without HTML: matches wrapped in `mark` (nothing by default)."""
    return html.unescape(_TAG.sub(mark, snippet))


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value
