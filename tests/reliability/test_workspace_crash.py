"""kill -9 while the workspace is being written: nothing acknowledged is lost, the file opens.

The default run makes 3 trials; `pytest -m slow` makes 50 in a row on one file.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.core.workspace.store import Workspace
from tests.conftest import REPO


def run_trials(tmp_path: Path, trials: int, seed: int) -> int:
    """Kill a writer at random moments; check the workspace after each; return writes kept."""
    rng = random.Random(seed)
    path = tmp_path / "workspace.sqlite"
    acknowledged: list[int] = []
    for _ in range(trials):
        first = acknowledged[-1] + 1 if acknowledged else 0
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.reliability.workspace_worker", str(path), str(first)],
            stdout=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            cwd=REPO,
        )
        time.sleep(rng.uniform(0.3, 1.5))
        worker.send_signal(signal.SIGKILL)
        out, _ = worker.communicate()
        acknowledged += [int(line) for line in out.split()]
        db = sqlite3.connect(path)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        db.close()
        workspace = Workspace(path)
        counts = workspace.tag_counts()
        noted = {note.article_id for note in workspace.notes()}
        for n in acknowledged:
            assert counts.get(f"t{n}") == 1, f"acknowledged tag t{n} was lost"
            assert f"a{n}" in noted, f"acknowledged note {n} was lost"
        # A note is written after its tag, never before: no note without its tag.
        assert all(f"t{article[1:]}" in counts for article in noted)
        workspace.close()
    assert acknowledged, "the writer never got a write through"
    return len(acknowledged)


def test_kill_9_keeps_every_acknowledged_write(tmp_path: Path) -> None:
    run_trials(tmp_path, trials=3, seed=15)


@pytest.mark.slow
def test_kill_9_fifty_times(tmp_path: Path) -> None:
    run_trials(tmp_path, trials=50, seed=1515)
