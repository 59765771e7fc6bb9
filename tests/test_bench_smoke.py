"""A short run of the benchmark tools, so that CI notices when they break.

The real runs (10k and 100k articles) take from minutes to hours: `python -m bench.run`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO


def _bench(*args: str) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-m", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    figures: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return figures


def test_import_search_and_open_benchmarks_run_on_the_samples(
    tmp_path: Path, sample_dir: Path
) -> None:
    library = tmp_path / "lib"
    imported = _bench(
        "bench.import_speed", "--docs", str(sample_dir), "--library", str(library), "--mode", "text"
    )
    assert imported["articles"] == len(list(sample_dir.glob("*.md")))
    assert float(str(imported["words_per_s"])) > 0
    cold = _bench("bench.memory", "cold", "--library", str(library), "--rounds", "1")
    assert float(str(cold["peak_rss_mb"])) > 0


def test_pdf_folder_benchmark_runs_on_a_few_generated_pdfs(tmp_path: Path) -> None:
    # Phase 2 is left out: loading the model twice would take most of the run, and its
    # figures are read the same way as phase 1's.
    figures = _bench(
        "bench.bench_pdf_folder",
        *("--files", "5", "--no-shared", "--long-pages", "3", "--rounds", "1"),
        *("--no-entities", "--gui", "--work", str(tmp_path / "work")),
    )
    folder = figures["folder"]
    assert isinstance(folder, dict)
    assert (folder["files"], folder["added"], folder["failed"]) == (5, 5, 0)
    assert folder["found_last"] is True
    assert folder["pages"] >= 5
    opened = figures["open"]
    assert isinstance(opened, dict)
    assert opened["phase1"]["mentions"] > 0
    assert opened["window"]["median_s"] > 0
