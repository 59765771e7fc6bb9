"""The batch of names written out: CSV (one row per name and article), Markdown, JSON."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from reader.core.library.batch import NameRow

CSV_HEADER = ("name", "aliases", "article_id", "title", "date", "path", "mentions")
# A cell starting with one of these is run as a formula by spreadsheet programs (CSV
# injection); a title copied from a web page could start with "=" or "@".
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def to_csv(rows: Sequence[NameRow]) -> str:
    """One line per name and article; a name found nowhere gets one line with no article."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for row in rows:
        aliases = " | ".join(row.aliases)
        if not row.articles:
            writer.writerow(_cells((row.name, aliases, "", "", "", "", 0)))
        for a in row.articles:
            writer.writerow(
                _cells((row.name, aliases, a.id, a.title, a.published or "", a.path, a.mentions))
            )
    return out.getvalue()


def to_markdown(rows: Sequence[NameRow]) -> str:
    """A report: a summary table of the names, then a section per name with its articles."""
    lines = [
        "# Names in the library",
        "",
        "| Name | Also searched as | Articles | Mentions |",
        "|---|---|---:|---:|",
    ]
    for row in rows:
        aliases = ", ".join(row.aliases) or "—"
        lines.append(f"| {_md(row.name)} | {_md(aliases)} | {len(row.articles)} | {row.mentions} |")
    for row in rows:
        lines += ["", f"## {_md(row.name)}", ""]
        if row.aliases:
            lines += [f"Also searched as: {_md(', '.join(row.aliases))}.", ""]
        if not row.articles:
            lines.append("No article mentions this name.")
            continue
        lines += ["| Article | Date | Mentions | File |", "|---|---|---:|---|"]
        lines += [
            f"| {_md(a.title)} | {a.published or '—'} | {a.mentions} | {_md(a.path)} |"
            for a in row.articles
        ]
    return "\n".join(lines) + "\n"


def to_json(rows: Sequence[NameRow]) -> list[dict[str, Any]]:
    """Plain values for `json.dumps`: each name with its articles."""
    return [
        {
            "name": row.name,
            "aliases": list(row.aliases),
            "articles": len(row.articles),
            "mentions": row.mentions,
            "found": [
                {
                    "id": a.id,
                    "title": a.title,
                    "date": a.published,
                    "path": a.path,
                    "mentions": a.mentions,
                }
                for a in row.articles
            ],
        }
        for row in rows
    ]


def _cells(values: Sequence[object]) -> list[object]:
    return [f"'{v}" if isinstance(v, str) and v.startswith(_FORMULA) else v for v in values]


def _md(text: str) -> str:
    """Text safe inside a Markdown table cell or heading: pipes, markup and HTML escaped."""
    text = " ".join(text.split())
    for char in "\\|*_`[]<>#":
        text = text.replace(char, "\\" + char)
    return text
