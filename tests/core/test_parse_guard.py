"""Parsing in a child process: the same articles, and a file that takes too long is skipped."""

from __future__ import annotations

import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from reader.core.errors import ArticleFormatError
from reader.core.ingest import parse_guard
from reader.core.ingest import reading as ingest
from reader.core.ingest.parse_guard import ParseGuard
from reader.core.library import Library
from tests.conftest import SEED_000


def _slow_page(rows_count: int = 60_000) -> bytes:
    """A real page that takes about a second to parse (60,000 table rows)."""
    rows = "<tr><td>cell</td><td>verdict</td></tr>" * rows_count
    return f"<html><body><h1>Table verdict</h1><table>{rows}</table></body></html>".encode()


def test_the_child_reads_a_file_as_the_parser_does() -> None:
    data = SEED_000.read_bytes()
    with closing(ParseGuard()) as guard:
        assert guard.parse(SEED_000, data) == ingest.parse_article(SEED_000, data)


def test_a_refused_file_gives_the_parsers_reason() -> None:
    with (
        closing(ParseGuard()) as guard,
        pytest.raises(ArticleFormatError, match=r"not a PDF file that can be read"),
    ):
        guard.parse(Path("notes.pdf"), b"%PDF-1.4")


def test_a_file_that_takes_too_long_is_skipped_and_the_next_one_is_read() -> None:
    with closing(ParseGuard(seconds=0.3)) as guard:
        guard.parse(SEED_000, SEED_000.read_bytes())  # the child is up
        with pytest.raises(ArticleFormatError, match=r"longer than 0\.3 seconds"):
            guard.parse(Path("table.html"), _slow_page())
        assert guard.parse(SEED_000, SEED_000.read_bytes()).title


def test_an_import_goes_on_past_a_file_that_takes_too_long(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parse_guard, "PARSE_SECONDS", 0.3)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-table.html").write_bytes(_slow_page())
    (folder / "b-seed.txt").write_bytes(SEED_000.read_bytes())
    library = Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])
    steps = list(library.import_paths([folder]))
    problems = {step.path.name: step.problem for step in steps}
    assert "took longer than" in (problems["a-table.html"] or "")
    assert problems["b-seed.txt"] is None
    assert library.search("Morrisey").total == 1


def test_a_rebuild_goes_on_past_a_copy_that_now_takes_too_long(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-table.html").write_bytes(_slow_page())
    (folder / "b-seed.txt").write_bytes(SEED_000.read_bytes())
    library = Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])
    assert all(step.problem is None for step in library.import_paths([folder]))
    monkeypatch.setattr(parse_guard, "PARSE_SECONDS", 0.3)  # as if a new parser were slower
    problems = {step.path.name: step.problem for step in library.rebuild("asked")}
    assert "took longer than" in (problems["a-table.html"] or "")
    assert problems["b-seed.txt"] is None
    assert library.search("Morrisey").total == 1


def test_a_reader_process_killed_between_files_is_started_again() -> None:
    with closing(ParseGuard()) as guard:
        guard.parse(SEED_000, SEED_000.read_bytes())
        child = guard._process  # as the system's out-of-memory killer would
        assert child is not None
        child.kill()
        child.join()
        assert guard.parse(SEED_000, SEED_000.read_bytes()).title


def test_files_are_still_read_where_no_reader_process_starts(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(parse_guard, "START_SECONDS", 0.0)  # no child is ever ready in time
    data = SEED_000.read_bytes()
    with closing(ParseGuard()) as guard:
        assert guard.parse(SEED_000, data) == ingest.parse_article(SEED_000, data)
        assert guard.parse(SEED_000, data).title
    assert "without a time limit" in caplog.text


_PARENT = """
import sys
from pathlib import Path
from reader.core.ingest.parse_guard import ParseGuard

if __name__ == "__main__":
    guard = ParseGuard(seconds=60)
    guard.parse(Path("a.md"), b"# A\\n\\nText.\\n")
    print(guard._process.pid, flush=True)
    guard.parse(Path("table.html"), Path(sys.argv[1]).read_bytes())
"""


def _gone(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return True
    return state in ("Z", "X")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="parent-death signal")
def test_a_reader_process_stuck_in_a_file_ends_when_the_importer_is_killed(
    tmp_path: Path,
) -> None:
    page = tmp_path / "table.html"
    page.write_bytes(_slow_page(120_000))  # about 2 s to parse
    script = tmp_path / "parent.py"
    script.write_text(_PARENT)
    repo = Path(__file__).resolve().parents[2]
    parent = subprocess.Popen(
        [sys.executable, str(script), str(page)], stdout=subprocess.PIPE, cwd=repo, text=True
    )
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    time.sleep(0.3)  # the child is now parsing the page
    parent.kill()
    parent.wait()
    deadline = time.monotonic() + 1.0
    while not _gone(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _gone(child)
