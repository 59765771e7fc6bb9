"""The damage suite through the command line: a real process on a damaged library folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.core.library import Library
from tests.reliability import damage_cases

# The cases the issue named; the rest of the file kinds run with -m slow.
QUICK = {
    "segment zeroed inside, same size and time",
    "one byte flipped in a segment",
    "index folder and manifest deleted",
    "index is a file instead of a folder",
    "a store copy zeroed",
}


def legal_reader(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "READER_HOME": str(root.parent / "home")}
    return subprocess.run(
        [sys.executable, "-m", "reader", "--library", str(root), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def hits(root: Path, word: str) -> tuple[list[tuple[str, str]], str]:
    result = legal_reader(root, "search", word, "--json")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    rows = json.loads(result.stdout)
    return sorted((str(row["id"]), str(row["title"])) for row in rows), result.stderr


def check(root: Path) -> tuple[int, dict[str, object]]:
    result = legal_reader(root, "check", "--json")
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    report: dict[str, object] = json.loads(result.stdout)
    assert result.returncode == (0 if report["intact"] else 1)
    return result.returncode, report


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(case, marks=() if case in QUICK else pytest.mark.slow)
        for case in sorted(damage_cases.CASES)
    ],
)
def test_each_damaged_file_through_the_command_line(tmp_path: Path, case: str) -> None:
    root, originals = damage_cases.make_library(tmp_path)
    expected = damage_cases.answers(Library.open(root, samples=False, extractor=lambda a: []))
    damage_cases.CASES[case](root, originals)

    found, warnings = hits(root, "Okonkwo7")  # the first call answers, rebuilding if it must
    assert found == expected["Okonkwo7"]
    assert "sample" not in warnings  # a damaged library is never taken for a new one
    assert len([line for line in warnings.splitlines() if line.strip()]) <= 1
    found, warnings = hits(root, "Okonkwo3")
    assert found == expected["Okonkwo3"]
    assert "Rebuilding" not in warnings  # never the same damage twice

    code, report = check(root)
    assert bool(report["copy_problems"]) == (case in damage_cases.COPY_CASES)
    if code:
        rebuilt = legal_reader(root, "rebuild")
        assert rebuilt.returncode == 0, rebuilt.stderr
        assert "Traceback" not in rebuilt.stderr
        assert "rebuilt from the library's copies: it holds 12 articles" in rebuilt.stdout
        assert hits(root, "Okonkwo7")[0] == expected["Okonkwo7"]
        code, report = check(root)
        if case == "a store copy and its original deleted":
            assert report["index_problems"] == []
            assert len(report["copy_problems"]) == 1  # type: ignore[arg-type]
        else:
            assert code == 0, report


def test_a_flipped_byte_is_reported_by_check_and_gone_after_rebuild(tmp_path: Path) -> None:
    root, originals = damage_cases.make_library(tmp_path)
    damage_cases.CASES["one byte flipped in a segment, time kept"](root, originals)
    result = legal_reader(root, "check")
    assert result.returncode == 1
    assert "has been altered" in result.stdout
    assert "run “legal-reader rebuild”" in result.stdout
    rebuilt = legal_reader(root, "rebuild")
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert legal_reader(root, "check").returncode == 0


def test_check_on_an_intact_library(tmp_path: Path) -> None:
    root, _ = damage_cases.make_library(tmp_path)
    code, report = check(root)
    assert code == 0
    assert report["copies"] == len(damage_cases.ARTICLES)
    assert report["index_files"] >= 2  # type: ignore[operator]
    text = legal_reader(root, "check")
    assert "Everything is intact." in text.stdout
