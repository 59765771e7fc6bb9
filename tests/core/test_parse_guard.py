"""Parsing in a child process: the same articles, and a file that takes too long is skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core import ingest, parse_guard
from reader.core.errors import ArticleFormatError
from reader.core.library import Library
from reader.core.parse_guard import ParseGuard
from tests.conftest import SEED_000


def _slow_page() -> bytes:
    """A real page that takes about a second to parse (60,000 table rows)."""
    rows = "<tr><td>cell</td><td>verdict</td></tr>" * 60_000
    return f"<html><body><h1>Table verdict</h1><table>{rows}</table></body></html>".encode()


def test_the_child_reads_a_file_as_the_parser_does() -> None:
    data = SEED_000.read_bytes()
    with ParseGuard() as guard:
        assert guard.parse(SEED_000, data) == ingest.parse_article(SEED_000, data)


def test_a_refused_file_gives_the_parsers_reason() -> None:
    with ParseGuard() as guard, pytest.raises(ArticleFormatError, match=r"only \.md, \.txt"):
        guard.parse(Path("notes.pdf"), b"%PDF-1.4")


def test_a_file_that_takes_too_long_is_skipped_and_the_next_one_is_read() -> None:
    with ParseGuard(seconds=0.3) as guard:
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


def test_a_reader_process_killed_between_files_is_started_again() -> None:
    with ParseGuard() as guard:
        guard.parse(SEED_000, SEED_000.read_bytes())
        child = guard._process  # as the system's out-of-memory killer would
        assert child is not None
        child.kill()
        child.join()
        assert guard.parse(SEED_000, SEED_000.read_bytes()).title
