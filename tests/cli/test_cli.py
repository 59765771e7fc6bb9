"""The command line, run as a user runs it: a real process, a real library in a temp dir."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import SEED_000, SEED_001


def legal_reader(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "READER_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


@pytest.fixture(scope="module")
def indexed_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SEED_000.parent.is_dir():
        pytest.skip(f"the real seed articles are not here ({SEED_000.parent} is absent)")
    home = tmp_path_factory.mktemp("seeded")
    result = legal_reader(home, "index", str(SEED_000.parent))
    assert result.returncode == 0, result.stderr
    assert "2 added" in result.stdout
    return home


def search_json(home: Path, *query: str) -> list[dict[str, object]]:
    result = legal_reader(home, "search", *query, "--json")
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def test_fresh_library_search_finds_the_samples(home: Path) -> None:
    rows = search_json(home, "Baldwin")
    assert len(rows) >= 4
    assert {"path", "title", "published", "score", "snippet"} <= set(rows[0])
    assert all("resources/articles" in str(row["path"]) for row in rows)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Hutchins", {SEED_000.name, SEED_001.name}),
        ("Raul Torrez", {SEED_000.name, SEED_001.name}),
        ("Gutierrez-Reed", {SEED_001.name}),
        ("Morrisey", {SEED_000.name}),
    ],
)
def test_seed_searches(indexed_home: Path, query: str, expected: set[str]) -> None:
    seeds = {Path(str(r["path"])).name for r in search_json(indexed_home, query, "--limit", "50")}
    assert seeds & {SEED_000.name, SEED_001.name} == expected


def test_seed_titles_and_dates_in_json(indexed_home: Path) -> None:
    rows = {
        Path(str(r["path"])).name: r for r in search_json(indexed_home, "Hutchins", "--limit", "50")
    }
    assert rows[SEED_000.name]["published"] == "2024-12-26"
    assert rows[SEED_000.name]["title"] == (
        "Alec Baldwin still faces civil lawsuit in 'Rust' set shooting death "
        "after criminal case was dismissed"
    )
    assert rows[SEED_001.name]["published"] is None
    assert (
        rows[SEED_001.name]["title"]
        == "Alec Baldwin's Criminal Case Dismissed, Civil Lawsuit Looms"
    )


def test_malformed_query_answers_without_traceback(indexed_home: Path) -> None:
    result = legal_reader(indexed_home, "search", '"Baldwin AND (')
    assert result.returncode == 0
    assert "Traceback" not in result.stderr + result.stdout
    assert "match" in result.stdout


def test_show_prints_title_date_and_summary(seeds_dir: Path, home: Path) -> None:
    result = legal_reader(home, "show", str(SEED_001))
    assert result.returncode == 0
    assert "Title:     Alec Baldwin's Criminal Case Dismissed, Civil Lawsuit Looms" in result.stdout
    assert "Published: no date" in result.stdout
    assert "Summary:   Following the dismissal" in result.stdout
    assert "Gloria Allred" in result.stdout.split("People:")[1]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("search",), 2, "required"),
        (("frobnicate",), 2, "invalid choice"),
        (("search", "x", "--limit", "0"), 2, "must be 1 or more"),
        (("show", "/nonexistent/file.txt"), 1, "could not be read"),
        (("index", "/nonexistent/folder"), 1, "no such file or folder"),
    ],
)
def test_errors_exit_with_a_code_and_one_line(
    home: Path, args: tuple[str, ...], code: int, message: str
) -> None:
    result = legal_reader(home, *args)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_index_reports_problem_files(home: Path, tmp_path: Path) -> None:
    (tmp_path / "fake.md").write_bytes(b"%PDF-1.4 not text")
    (tmp_path / "real.md").write_text("# Bail hearing\n\nBail was refused.", "utf-8")
    result = legal_reader(home, "index", str(tmp_path))
    assert result.returncode == 0
    assert "fake.md could not be read as an article: it is a PDF file" in result.stderr
    assert "1 added" in result.stdout
    assert "1 failed" in result.stdout


def test_a_folder_import_names_each_skipped_file_and_counts_reasons(
    home: Path, tmp_path: Path
) -> None:
    from tests.documents import pdf_bytes

    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "ruling.pdf").write_bytes(pdf_bytes([["The motion of the heron company is denied."]]))
    (folder / "fees.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "chart.xlsx").write_bytes(b"PK\x03\x04")
    (folder / "cut.pdf").write_bytes(b"%PDF-1.4\n" + b"\0" * 100)
    result = legal_reader(home, "index", str(folder))
    assert "skipped: fees.xlsx could not be read as an article" in result.stderr
    assert "skipped: cut.pdf could not be read" in result.stderr
    assert "2 \u00d7 files ending in .xlsx are not read" in result.stdout
    assert "1 added" in result.stdout
    assert "3 failed" in result.stdout
    hits = search_json(home, "heron")
    # A page of one sentence has no heading: it is titled by its file's name, not its text.
    assert [hit["title"] for hit in hits] == ["ruling"]


def test_export_writes_safe_html(home: Path, tmp_path: Path) -> None:
    source = tmp_path / "hostile.md"
    source.write_text(
        "---\ntitle: Ruling\n---\n\n<script>alert(1)</script> The judge ruled. "
        "[bad](javascript:alert(1)) [good](https://example.org) ![x](file:///etc/passwd)\n",
        "utf-8",
    )
    out = tmp_path / "out.html"
    result = legal_reader(home, "export", str(source), "--format", "html", "-o", str(out))
    assert result.returncode == 0, result.stderr
    page = out.read_text("utf-8")
    assert "<script>" not in page
    assert "javascript:" not in page
    assert "file:///etc/passwd" not in page
    assert 'href="https://example.org"' in page
    assert '<span class="legal"' in page  # "judge" is marked as a legal role


def test_export_where_it_cannot_be_written_says_why(home: Path, tmp_path: Path) -> None:
    source = tmp_path / "ruling.md"
    source.write_text("# Ruling\n\nThe judge ruled.\n", "utf-8")
    (tmp_path / "taken.html").mkdir()
    for target, why in (
        (tmp_path / "taken.html", "a folder of that name is in the way"),
        (source / "r.html", "part of that path is a file, not a folder"),
    ):
        result = legal_reader(home, "export", str(source), "--no-entities", "-o", str(target))
        assert result.returncode == 1
        saved_in = f"{target.name} could not be saved in {target.parent}"
        assert result.stderr.strip() == f"legal-reader: {saved_in}: {why}."
    assert source.read_text("utf-8").startswith("# Ruling")


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract reads scanned pages")
def test_index_says_a_scan_waits_for_ocr_and_wait_reads_it(tmp_path: Path) -> None:
    from tests.documents import scanned_pdf_bytes

    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "scan.pdf").write_bytes(
        scanned_pdf_bytes([["MINUTE ENTRY", "Counsel for Rosalind Featherstone appeared."]])
    )
    home = tmp_path / "home"
    first = legal_reader(home, "index", str(folder))
    assert "1 scanned PDF waits for OCR" in first.stdout
    assert search_json(home, "Featherstone") == []

    second = legal_reader(home, "index", "--wait", "--json")

    report = json.loads(second.stdout)
    assert report["read_by_ocr"] == 1
    assert report["waiting_for_ocr"] == 0
    assert [hit["title"] for hit in search_json(home, "Featherstone")] == ["MINUTE ENTRY"]


def _descendant_named(pid: int, name: str) -> bool:
    """Whether a process called `name` runs under `pid` (Linux /proc)."""
    parents: dict[int, int] = {}
    names: dict[int, str] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        head, _, rest = text.rpartition(")")
        process = int(stat.parent.name)
        names[process] = head.partition("(")[2]
        parents[process] = int(rest.split()[1])
    for process, called in names.items():
        ancestor = process
        while called == name and ancestor > 1:
            ancestor = parents.get(ancestor, 1)
            if ancestor == pid:
                return True
    return False


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract reads scanned pages")
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="finds the OCR under /proc")
def test_ctrl_c_during_ocr_stops_at_once_and_the_next_wait_goes_on(tmp_path: Path) -> None:
    from tests.documents import scanned_pdf_bytes

    folder = tmp_path / "case"
    folder.mkdir()
    lines = ["MINUTE ORDER", "Counsel for Ingrid Vasquez-Thorne appeared."]
    (folder / "scan.pdf").write_bytes(scanned_pdf_bytes([lines] * 8))
    home = tmp_path / "home"
    legal_reader(home, "index", str(folder))
    env = {**os.environ, "READER_HOME": str(home)}
    child = subprocess.Popen(
        [sys.executable, "-m", "reader", "index", "--wait"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    deadline = time.monotonic() + 60
    while (
        not (reading := _descendant_named(child.pid, "tesseract")) and time.monotonic() < deadline
    ):
        time.sleep(0.1)
    child.send_signal(signal.SIGINT)
    assert reading, "the OCR never started"  # else the stop did not come during it
    _, stderr = child.communicate(timeout=30)

    assert child.returncode == 130
    assert "stopped; what was imported is kept" in stderr
    assert search_json(home, "Vasquez") == []
    again = legal_reader(home, "index", "--wait", "--json")
    assert json.loads(again.stdout)["read_by_ocr"] == 1
    assert len(search_json(home, "Vasquez")) == 1
