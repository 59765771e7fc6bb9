"""Damage each kind of file of a library folder and see what the command line makes of it.

Run: .venv/bin/python -m bench.damage_report   (prints a markdown table for docs/RELIABILITY.md)

Each case starts from the damage suite's library of 12 articles (tests/reliability/
damage_cases.py), damages it, then runs, as a user would: `search Okonkwo7`, `check`, and
`rebuild` if the check found anything. The last columns compare every one of the 12 searches
with the intact library's answers, through the core API, at the end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from reader.core.library import Library
from tests.reliability import damage_cases


def _run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "READER_HOME": str(root.parent / "home")}
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def _first_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines[0].replace("|", "/")[:150] if lines else ""


def one_case(case: str) -> list[str]:
    """The table row of one case."""
    with tempfile.TemporaryDirectory() as folder:
        root, originals = damage_cases.make_library(Path(folder))
        expected = damage_cases.answers(Library.open(root, samples=False, extractor=lambda a: []))
        damage_cases.CASES[case](root, originals)
        search = _run(root, "search", "Okonkwo7", "--json")
        right = [(row["id"], row["title"]) for row in json.loads(search.stdout or "[]")]
        found = "right" if sorted(right) == expected["Okonkwo7"] else "WRONG"
        if "Rebuilding the search index" in search.stderr:
            found += ", after rebuilding"
        check = _run(root, "check", "--json")
        report = json.loads(check.stdout)
        problems = [*report["index_problems"], *report["copy_problems"]]
        rebuilt = ""
        if problems:
            rebuild = _run(root, "rebuild")
            rebuilt = f"exit {rebuild.returncode}"
        after = json.loads(_run(root, "check", "--json").stdout)
        left = [*after["index_problems"], *after["copy_problems"]]
        final = damage_cases.answers(Library.open(root, samples=False, extractor=lambda a: []))
        same = sum(final[word] == expected[word] for word in damage_cases.WORDS)
        tracebacks = sum("Traceback" in p.stderr for p in (search, check))
        return [
            case,
            f"{found} (exit {search.returncode})",
            _first_line(search.stderr) or "(nothing)",
            "; ".join(problems)[:120] or "intact",
            rebuilt or "not needed",
            "; ".join(left) or "intact",
            f"{same}/{len(damage_cases.WORDS)}",
            str(tracebacks),
        ]


def main() -> None:
    """Print the table."""
    header = [
        "damage",
        "first `search`",
        "what stderr said",
        "`check` then",
        "`rebuild`",
        "`check` after",
        "searches equal",
        "tracebacks",
    ]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for case in damage_cases.CASES:
        print("| " + " | ".join(one_case(case)) + " |", flush=True)


if __name__ == "__main__":
    main()
