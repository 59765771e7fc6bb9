"""`legal-reader show FILE`: what the reader makes of one file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from reader.cli import cmd_entities
from reader.core.articles import Party
from reader.core.entities import extraction, party_roles
from reader.core.ingest import reading as ingest


def register(subparsers: Any) -> None:
    """Add the `show` command."""
    parser = subparsers.add_parser("show", help="show how a file is read: title, date, summary")
    parser.add_argument("file", type=Path)
    parser.add_argument("--json", action="store_true", help="print as JSON")
    parser.add_argument("--body", action="store_true", help="also print the body text")
    parser.add_argument(
        "--no-entities", action="store_true", help="skip the entities (no model is loaded)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read the file (without importing it) and print its parts."""
    article = ingest.load_article(args.file)
    if args.json:
        print(
            json.dumps(
                {
                    "id": article.id,
                    "path": str(article.path),
                    "title": article.title,
                    "published": article.published,
                    "author": article.author,
                    "source": article.source,
                    "summary": article.summary,
                    "format": article.format,
                    "court": article.court,
                    "dockets": list(article.dockets),
                    "parties": [_party(p) for p in article.parties],
                    "events": [{"kind": e.kind, "date": e.date} for e in article.events],
                    "body": article.body,
                },
                ensure_ascii=False,
                indent=2,
            )
        )
        return 0
    print(f"Title:     {article.title}")
    print(f"Published: {article.published or 'no date'}")
    if article.author:
        print(f"Author:    {article.author}")
    if article.source:
        print(f"Source:    {article.source}")
    print(f"Format:    {article.format}")
    if article.court:
        print(f"Court:     {article.court}")
    if article.dockets:
        print(f"Docket:    {', '.join(article.dockets)}")
    for party in article.parties:
        print(f"Party:     {party.name} ({party.describe()})")
    for event in article.events:
        print(f"{event.kind.capitalize() + ':':<10} {event.date}")
    if article.summary:
        print(f"Summary:   {article.summary}")
    if not args.no_entities:
        found = extraction.extract_article(article.body, extraction.anchor(article))
        found = party_roles.apply(article, found)
        print()
        print(cmd_entities.to_text(found, article.parties, list_parties=False))
    if args.body:
        print()
        print(article.body)
    return 0


def _party(party: Party) -> dict[str, str]:
    """A party as JSON: name and side, and the role, whom counsel appear for and their firm."""
    fields = {
        "name": party.name,
        "side": party.side,
        "role": party.role,
        "represents": party.represents,
        "firm": party.firm,
    }
    return {key: value for key, value in fields.items() if value is not None}
