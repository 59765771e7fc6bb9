"""`legal-reader tag ARTICLE NAME` and `legal-reader star ARTICLE`: the user's own labels."""

from __future__ import annotations

import argparse
import json
from typing import Any

from reader.cli import article_arg, open_library


def register(subparsers: Any) -> None:
    """Add the `tag` and `star` commands."""
    tag = subparsers.add_parser("tag", help="tag an article (ARTICLE: an imported file or an id)")
    tag.add_argument("article", nargs="?", help="an imported file or an article id")
    tag.add_argument("name", nargs="?", help="the tag")
    tag.add_argument("--remove", action="store_true", help="take the tag off")
    tag.add_argument("--list", action="store_true", help="list the tags (of ARTICLE, or all)")
    tag.add_argument("--json", action="store_true", help="print as JSON")
    tag.set_defaults(run=run_tag)
    star = subparsers.add_parser("star", help="star an article")
    star.add_argument("article", help="an imported file or an article id")
    star.add_argument("--remove", action="store_true", help="unstar it")
    star.add_argument("--json", action="store_true", help="print as JSON")
    star.set_defaults(run=run_star)


def run_tag(args: argparse.Namespace) -> int:
    """Tag, untag, or list tags."""
    library = open_library.open_library(args.library)
    workspace = library.workspace
    if args.list or args.name is None:
        if args.article is None:
            counts = workspace.tag_counts()
            print(json.dumps(counts, indent=2) if args.json else _counts(counts))
            return 0
        article, _ = article_arg.find(library, args.article)
        tags = workspace.tags(article.id)
        print(json.dumps({"id": article.id, "tags": tags}) if args.json else "\n".join(tags))
        return 0
    article, source = article_arg.find(library, args.article)
    workspace.tag(article.id, source, args.name, remove=args.remove)
    tags = workspace.tags(article.id)
    if args.json:
        print(json.dumps({"id": article.id, "title": article.title, "tags": tags}))
    else:
        done = "Removed" if args.remove else "Tagged"
        print(f"{done} {args.name!r}: {article.title} now has {', '.join(tags) or 'no tags'}.")
    return 0


def run_star(args: argparse.Namespace) -> int:
    """Star or unstar one article."""
    library = open_library.open_library(args.library)
    article, source = article_arg.find(library, args.article)
    library.workspace.star(article.id, source, on=not args.remove)
    starred = article.id in library.workspace.starred()
    if args.json:
        print(json.dumps({"id": article.id, "title": article.title, "starred": starred}))
    else:
        print(f"{'Starred' if starred else 'Unstarred'}: {article.title}")
    return 0


def _counts(counts: dict[str, int]) -> str:
    if not counts:
        return "No tags yet."
    return "\n".join(f"{name}\t{count}" for name, count in counts.items())
