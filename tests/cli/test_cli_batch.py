"""`legal-reader batch`: the table on the terminal, --csv, --md, --json, --names and stdin."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.library import Library

FIRST = "# Hearing set\n\nJudge Mara Quist set the hearing for the appeal of Tobias Renn.\n"
SECOND = "# Appeal heard\n\nTobias Renn appeared before Judge Quist again. Renn said little.\n"
NAMES = "# the case\nTobias Renn | Renn\n\nMara Quist|Quist\nHelena Vasquez\n"


def run(library: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(library), *args],
        capture_output=True,
        text=True,
        input=stdin,
        env={**os.environ, "READER_HOME": str(library.parent)},
        timeout=120,
    )


def ok(library: Path, *args: str, stdin: str | None = None) -> str:
    result = run(library, *args, stdin=stdin)
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("cli-batch")
    folder = root / "files"
    folder.mkdir()
    (folder / "first.md").write_text(FIRST)
    (folder / "second.md").write_text(SECOND)
    (root / "names.txt").write_text(NAMES)
    library = Library.open(root / "lib", samples=False, extractor=lambda article: [])
    list(library.import_paths([folder]))
    return root / "lib"


def test_the_table_csv_and_markdown(lib: Path) -> None:
    names, out_csv, out_md = lib.parent / "names.txt", lib.parent / "o.csv", lib.parent / "o.md"
    text = ok(lib, "batch", str(names), "--csv", str(out_csv), "--md", str(out_md))
    assert text.splitlines()[0] == "Tobias Renn (also Renn): 2 articles, 3 mentions"
    assert "Appeal heard" in text.splitlines()[1]  # most mentions first
    assert "Helena Vasquez: 0 articles, 0 mentions" in text
    rows = list(csv.DictReader(io.StringIO(out_csv.read_text())))
    assert list(rows[0]) == ["name", "aliases", "article_id", "title", "date", "path", "mentions"]
    by_name = [(r["name"], r["title"], r["mentions"]) for r in rows]
    assert by_name == [
        ("Tobias Renn", "Appeal heard", "2"),
        ("Tobias Renn", "Hearing set", "1"),
        ("Mara Quist", "Appeal heard", "1"),
        ("Mara Quist", "Hearing set", "1"),
        ("Helena Vasquez", "", "0"),
    ]
    assert rows[0]["aliases"] == "Renn"
    assert rows[0]["path"].endswith("second.md")
    assert rows[-1]["article_id"] == ""
    report = out_md.read_text()
    assert "| Tobias Renn | Renn | 2 | 3 |" in report
    assert "| Helena Vasquez | — | 0 | 0 |" in report
    assert report.index("## Tobias Renn") < report.index("## Mara Quist")
    assert "| Appeal heard | — | 2 |" in report
    assert "No article mentions this name." in report.split("## Helena Vasquez")[1]


def test_json_from_stdin_and_from_names(lib: Path) -> None:
    found = json.loads(ok(lib, "batch", "-", "--json", stdin=NAMES))
    assert [(n["name"], n["articles"], n["mentions"]) for n in found] == [
        ("Tobias Renn", 2, 3),
        ("Mara Quist", 2, 2),
        ("Helena Vasquez", 0, 0),
    ]
    assert {"id", "title", "date", "path", "mentions"} == set(found[0]["found"][0])
    quick = json.loads(
        ok(lib, "batch", "--names", "Renn|Tobias Renn", "--names", "Quist", "--json")
    )
    assert [(n["name"], n["aliases"], n["mentions"]) for n in quick] == [
        ("Renn", ["Tobias Renn"], 3),
        ("Quist", [], 2),
    ]


def test_a_bad_line_is_one_sentence_and_nothing_is_written(lib: Path) -> None:
    out_csv = lib.parent / "bad.csv"
    result = run(lib, "batch", "-", "--csv", str(out_csv), stdin="Renn\n\n|Tobias\n")
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "legal-reader: Line 3 of the list of names cannot be read: it has aliases after a “|” "
        "but no name before it."
    )
    assert not out_csv.exists()
    assert run(lib, "batch").returncode == 1  # neither a file nor --names
