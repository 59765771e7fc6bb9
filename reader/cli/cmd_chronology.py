"""`legal-reader chronology [QUERY]`: the dated events of the library or of a search."""

from __future__ import annotations

import argparse
from typing import Any

from reader.cli import open_library
from reader.core.present import chronology, export

ALL_ARTICLES = 100_000


def register(subparsers: Any) -> None:
    """Add the `chronology` command."""
    parser = subparsers.add_parser(
        "chronology", help="list dated events in order, for the whole library or a search"
    )
    parser.add_argument("query", nargs="*", help="only the articles this search finds")
    parser.add_argument("--format", choices=("md", "csv"), default="md", help="output format")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the chronology as markdown or CSV."""
    library = open_library.open_library(args.library, entities=True)
    text = " ".join(args.query).strip()
    if text:
        ids = [hit.article_id for hit in library.search(text, limit=ALL_ARTICLES).hits]
        articles = [library.article(article_id) for article_id in ids]
    else:
        articles = library.articles()
    groups = chronology.build(
        ((a.id, a.title, a.body, library.mentions(a)) for a in articles), stated=articles
    )
    links = {a.id: a.path.resolve().as_uri() for a in articles}
    print(export.chronology_text(groups, f".{args.format}", links))
    return 0
