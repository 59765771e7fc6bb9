"""`legal-reader watch`: the folders `index` imported are listed, watched, and let go."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from tests.cli.test_cli import legal_reader, search_json


def _article(word: str) -> str:
    return f"Court hears the {word} case\n\nThe court in Santa Fe heard the {word} case.\n"


class Lines:
    """What a running process prints, read on a thread so that the test can wait for a line."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.text = ""
        self._thread = threading.Thread(target=self._read, args=(process,), daemon=True)
        self._thread.start()

    def _read(self, process: subprocess.Popen[str]) -> None:
        assert process.stdout is not None
        for line in process.stdout:
            self.text += line

    def wait_for(self, wanted: str, seconds: float) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if wanted in self.text:
                return self.text
            time.sleep(0.1)
        raise AssertionError(f"{wanted!r} not printed within {seconds} s: {self.text!r}")


def test_index_watches_the_folder_and_watch_imports_a_dropped_file(tmp_path: Path) -> None:
    home = tmp_path / "home"
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "first.txt").write_text(_article("zephyrine"), "utf-8")
    assert legal_reader(home, "index", str(folder)).returncode == 0
    listed = legal_reader(home, "watch", "--list")
    assert listed.stdout.splitlines() == [str(folder.resolve())]

    env = {**os.environ, "READER_HOME": str(home)}
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "watch"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        lines = Lines(process)
        lines.wait_for("Watching 1 folder;", 60)
        (folder / "dropped.txt").write_text(_article("marmoset"), "utf-8")
        said = lines.wait_for("Picked up 1 changed file in", 10)
        assert str(folder.resolve()) in said
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(30)
    assert process.returncode == 130  # stopped by Ctrl+C, as every command is
    assert [row["title"] for row in search_json(home, "marmoset")] == [
        "Court hears the marmoset case"
    ]

    off = legal_reader(home, "watch", "--off", str(folder))
    assert off.returncode == 0
    assert "no longer watched" in off.stdout
    assert "No folders are watched" in legal_reader(home, "watch", "--list").stdout
    assert legal_reader(home, "watch", "--off", str(folder)).returncode == 1
    assert len(search_json(home, "marmoset")) == 1  # its articles stay
