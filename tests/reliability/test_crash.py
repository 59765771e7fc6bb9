"""kill -9 during imports: nothing acknowledged is lost, nothing is half visible.

The default run makes a few trials; `pytest -m slow` makes 200 in a row on one library.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core.library import Library, integrity, writelock
from tests.conftest import REPO

FILES_PER_TRIAL = 120


def _write_trial_files(folder: Path, trial: int, count: int) -> None:
    sub = folder / f"t{trial:03d}"
    sub.mkdir(parents=True)
    for i in range(count):
        (sub / f"f{i:03d}.txt").write_text(
            f"Hearing {trial}-{i}\n\nThe clerk read docket k{trial}x{i} aloud.", "utf-8"
        )


def _relative(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


def _import(root: Path, folder: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.reliability.import_worker", str(root), str(folder)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        cwd=REPO,
    )


def run_trials(
    tmp_path: Path, trials: int, seed: int, files_per_trial: int = FILES_PER_TRIAL
) -> dict[str, float]:
    """Kill imports at random moments; check the library after each; return figures."""
    rng = random.Random(seed)
    root, folder = tmp_path / "lib", tmp_path / "cases"
    folder.mkdir()
    acknowledged: set[str] = set()
    worst_release = 0.0
    for trial in range(trials):
        _write_trial_files(folder, trial, files_per_trial)
        worker = _import(root, folder)
        time.sleep(rng.uniform(0.2, 2.5))
        worker.send_signal(signal.SIGKILL)
        out, _ = worker.communicate()
        acknowledged |= {line[4:] for line in out.splitlines() if line.startswith("ACK ")}

        killed_at = time.monotonic()
        while writelock.is_held(root):
            assert time.monotonic() - killed_at < 1.0, "the write lock outlived the process"
            time.sleep(0.01)
        worst_release = max(worst_release, time.monotonic() - killed_at)

        library = Library.open(root, samples=False, extractor=lambda article: [])
        visible = {_relative(a.path) for a in library.articles()}
        assert acknowledged <= visible, f"lost after trial {trial}: {acknowledged - visible}"
        everything = sorted(_relative(p) for p in folder.rglob("*.txt"))
        # Files are imported in name order and committed in batches: what is visible must be
        # a prefix of that order, or part of a batch became visible without the rest.
        assert set(everything[: len(visible)]) == visible, f"half-visible batch, trial {trial}"

    # Forward progress: one uninterrupted run completes the import and cleans up leftovers.
    worker = _import(root, folder)
    out, _ = worker.communicate(timeout=1800)
    assert out.rstrip().endswith("DONE")
    library = Library.open(root, samples=False, extractor=lambda article: [], full_check=True)
    assert library.repaired is None
    assert library.article_count() == trials * files_per_trial
    recorded = set(integrity.load(library.index_dir) or {})
    on_disk = {p.name for p in integrity.index_files(library.index_dir)}
    assert on_disk == recorded, f"leftover files: {on_disk - recorded}"
    return {"worst_lock_release_s": worst_release, "acknowledged": float(len(acknowledged))}


def test_kill_during_import_loses_nothing_acknowledged(tmp_path: Path) -> None:
    run_trials(tmp_path, trials=4, seed=1)


@pytest.mark.slow
def test_two_hundred_kills_in_a_row(tmp_path: Path) -> None:
    figures = run_trials(tmp_path, trials=200, seed=2, files_per_trial=60)
    print(f"200 kill trials: {figures}")
