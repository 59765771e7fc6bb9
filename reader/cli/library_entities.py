"""`legal-reader entities --all`: the library's people, organisations, places and legal terms."""

from __future__ import annotations

import argparse
import json

from reader.cli import open_library
from reader.core import mentions
from reader.core.entities.entity_table import EntityRow

TYPES = {
    "person": mentions.PERSON,
    "org": mentions.ORG,
    "place": mentions.PLACE,
    "legal": mentions.LEGAL,
}


def run(args: argparse.Namespace) -> int:
    """Print one line (or JSON object) per entity of the library, most mentioned first."""
    library = open_library.open_library(args.library, entities=True)
    rows = library.entities()
    if args.type:
        rows = [row for row in rows if row.label == TYPES[args.type]]
    if args.json:
        print(json.dumps([to_dict(row) for row in rows], ensure_ascii=False, indent=2))
    else:
        print("\n".join(to_line(row) for row in rows) or "No entities in the library yet.")
    return 0


def to_dict(row: EntityRow) -> dict[str, object]:
    """One entity as JSON: name, type, aliases, article count, mentions, first/last date."""
    return {
        "name": row.name,
        "type": row.label,
        "aliases": list(row.aliases),
        "articles": len(row.articles),
        "article_ids": list(row.articles),
        "mentions": row.mentions,
        "first": row.first,
        "last": row.last,
        "could_be": list(row.could_be),
    }


def to_line(row: EntityRow) -> str:
    """One entity as a line a person reads."""
    count = len(row.articles)
    line = f"{row.name}\t{row.label}\t{count} article{'' if count == 1 else 's'}, "
    line += f"{row.mentions} mention{'' if row.mentions == 1 else 's'}"
    if row.first:
        line += f"\t{row.first}" + (f" to {row.last}" if row.last != row.first else "")
    if row.aliases:
        line += f"\talso: {', '.join(row.aliases)}"
    if row.could_be:
        line += f"\tnot linked: could be {' or '.join(row.could_be)}"
    return line
