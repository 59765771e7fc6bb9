"""`legal-reader export FILE --format html`: the article as the reader shows it, safe to send on."""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path
from typing import Any

from reader.core import extraction, ingest, render

# Plain CSS of our own; the article's HTML itself went through the sanitiser.
_STYLE = """
body { font-family: sans-serif; max-width: 46em; margin: 2em auto; line-height: 1.5; }
span[title] { border-bottom: 2px solid #888; }
.person { background: #fde2ea; } .org { background: #e0ecfd; border-bottom-style: dashed; }
.place { background: #e1f5e4; border-bottom-style: dotted; } .date { background: #fdf1d6; }
.money { background: #ece4fd; } .legal { background: #fde8dc; border-bottom-style: double; }
.path, .meta { color: #666; font-size: 90%; }
"""


def register(subparsers: Any) -> None:
    """Add the `export` command."""
    parser = subparsers.add_parser("export", help="write a file as safe, highlighted HTML")
    parser.add_argument("file", type=Path)
    parser.add_argument("--format", choices=("html",), default="html", help="output format")
    parser.add_argument("-o", "--output", type=Path, help="write here instead of to stdout")
    parser.add_argument(
        "--no-entities", action="store_true", help="do not mark entities (no model is loaded)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Render the file (without importing it) and write a complete HTML page."""
    article = ingest.load_article(args.file)
    found = (
        []
        if args.no_entities
        else extraction.extract_article(article.body, extraction.anchor(article))
    )
    page = (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">'
        f"<title>{html.escape(article.title)}</title><style>{_STYLE}</style></head>"
        f"<body>{render.to_html(article, found)}</body></html>\n"
    )
    if args.output:
        args.output.write_text(page, "utf-8")
    else:
        sys.stdout.write(page)
    return 0
