"""`legal-reader check`: read every index file and every stored copy, and say what is damaged."""

from __future__ import annotations

import argparse
import json
from typing import Any

from reader.cli import open_library
from reader.core.library import CheckReport


def register(subparsers: Any) -> None:
    """Add the `check` command."""
    parser = subparsers.add_parser(
        "check", help="check the library's files against their checksums (exit 1 if damaged)"
    )
    parser.add_argument("--json", action="store_true", help="print the findings as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print what the full check found; exit 1 when something is damaged."""
    library = open_library.open_library(args.library, samples=False)
    report = library.check()
    if args.json:
        print(to_json(report, library.repaired))
    else:
        print(to_text(report, library.repaired))
    return 0 if report.intact else 1


def to_json(report: CheckReport, repaired: str | None) -> str:
    """The findings as one JSON object."""
    return json.dumps(
        {
            "intact": report.intact,
            "index_files": report.index_files,
            "index_problems": list(report.index_problems),
            "copies": report.copies,
            "copy_problems": list(report.copy_problems),
            "repaired_on_opening": repaired,
        },
        ensure_ascii=False,
        indent=2,
    )


def to_text(report: CheckReport, repaired: str | None) -> str:
    """The findings as sentences."""
    lines = [repaired] if repaired else []
    lines.append(
        f"Checked {report.index_files} index files and {report.copies} copies of articles."
    )
    lines += [f"  {problem}" for problem in (*report.index_problems, *report.copy_problems)]
    if report.index_problems:
        lines.append(
            "The search index is damaged; run “legal-reader rebuild” to rebuild it from the "
            "library's copies."
        )
    if report.copy_problems:
        lines.append(
            "Some copies are damaged or missing; “legal-reader rebuild” makes them again from "
            "the original files where those are still there."
        )
    if report.intact:
        lines.append("Everything is intact.")
    return "\n".join(lines)
