"""One writer at a time, in clear words; readers never fail because of a writer."""

from __future__ import annotations

import errno
import os
import random
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from reader.core.errors import IndexBusyError
from reader.core.library import Library, writelock
from tests.conftest import REPO

HOLD = """
import sys, time
from pathlib import Path
from reader.core.library.writelock import WriteLock
with WriteLock(Path(sys.argv[1])):
    print("HELD", flush=True)
    time.sleep(600)
"""


def _hold_lock_in_another_process(root: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(root)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "HELD"
    return holder


@pytest.fixture
def library(tmp_path: Path) -> Library:
    return Library.open(tmp_path / "lib", samples=False, extractor=lambda article: [])


def test_second_import_is_told_within_half_a_second(library: Library, tmp_path: Path) -> None:
    holder = _hold_lock_in_another_process(library.root)
    try:
        started = time.monotonic()
        with pytest.raises(IndexBusyError, match="An import is already running"):
            list(library.import_paths([tmp_path]))
        assert time.monotonic() - started < 0.5
    finally:
        holder.kill()
        holder.wait()
    assert not writelock.is_held(library.root)


def test_a_frozen_holder_is_reported_as_such(library: Library, tmp_path: Path) -> None:
    holder = _hold_lock_in_another_process(library.root)
    try:
        os.kill(holder.pid, signal.SIGSTOP)
        # The holder's last heartbeat is older than the limit, as after 10 s of silence.
        lock_file = library.root / writelock.LOCK_NAME
        stale = time.time() - writelock.FROZEN_AFTER_S - 1
        lock_file.write_text(f"{holder.pid} {stale:.0f}\n", "ascii")
        with pytest.raises(IndexBusyError, match=f"process {holder.pid}.*may be frozen"):
            list(library.import_paths([tmp_path]))
    finally:
        os.kill(holder.pid, signal.SIGCONT)
        holder.kill()
        holder.wait()


def test_the_lock_is_released_when_an_import_fails(library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "cases"
    folder.mkdir()
    (folder / "a.txt").write_text("Title\n\nBody text.", "utf-8")
    steps = library.import_paths([folder])
    next(steps)
    with pytest.raises(RuntimeError):
        steps.throw(RuntimeError("the user's disk went away"))
    assert not writelock.is_held(library.root)


def _write_news(folder: Path, count: int) -> None:
    """`count` articles of 400 words drawn from 20,000 made-up ones: a real amount to index."""
    rng = random.Random(7)
    syllables = ["ba", "ro", "ki", "tan", "mel", "su", "dor", "vi", "nes", "qua", "li", "po"]
    vocabulary = ["".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(20_000)]
    folder.mkdir()
    for i in range(count):
        body = " ".join(rng.choices(vocabulary, k=400))
        (folder / f"n{i:04d}.txt").write_text(f"Report {i}\n\n{body}.", "utf-8")


@contextmanager
def _asking(root: Path) -> Iterator[list[str]]:
    """Another import asks for the library every 0.1 s; yield what it is told."""
    told: list[str] = []
    done = threading.Event()

    def ask() -> None:
        while not done.wait(0.1):
            try:
                with writelock.WriteLock(root):
                    told.append("free")
            except IndexBusyError as error:
                told.append(str(error))

    thread = threading.Thread(target=ask)
    thread.start()
    try:
        yield told
    finally:
        done.set()
        thread.join()


def test_an_import_busy_merging_the_index_is_not_called_frozen(
    library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The last commit of an import, and a rebuild's only commit, merge the whole index and
    # report nothing while they run: 3 s for 1,000 news articles here, 25 s for 10,000.
    monkeypatch.setattr(writelock, "FROZEN_AFTER_S", 2.5)
    monkeypatch.setattr(writelock, "BEAT_S", 0.2)  # as 10 s and 1 s, scaled for a short test
    _write_news(tmp_path / "news", 1_500)
    for steps in (
        library.import_paths([tmp_path / "news"]),
        library.rebuild("asked for by the test"),
    ):
        next(steps)  # the lock is taken
        with _asking(library.root) as told:
            for _step in steps:
                pass
        while told and told[-1] == "free":  # asked as the last step released the lock
            told.pop()
        assert told
        assert {message.split(";")[0] for message in told} == {
            "An import is already running on this library"
        }
    assert library.search("Report").total == 1_500


def test_a_heartbeat_that_cannot_be_written_once_goes_on(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writelock, "BEAT_S", 0.05)
    written: list[float] = []
    real_pwrite = os.pwrite

    def disk_full_once(fd: int, data: bytes, offset: int) -> int:
        written.append(time.monotonic())
        if len(written) == 2:  # the helper thread's first beat
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_pwrite(fd, data, offset)

    with writelock.WriteLock(library.root) as lock:
        monkeypatch.setattr(os, "pwrite", disk_full_once)
        with lock.beating():
            time.sleep(0.6)
    assert len(written) >= 5  # the failed beat, then the helper thread kept beating


def stress(
    library: Library, folder: Path, seconds: float, readers: int = 4, min_rounds: int = 2
) -> dict[str, int]:
    """One writer importing and re-importing, `readers` threads searching; count errors.

    The writer runs for `seconds` and at least `min_rounds` imports, however slow the machine
    (four searching threads leave an import little of the interpreter); the readers search
    until the writer is done.
    """
    folder.mkdir(exist_ok=True)
    stop = time.monotonic() + seconds
    writing = threading.Event()
    writing.set()
    errors: list[str] = []
    searches = [0]
    rounds = [0]

    def write() -> None:
        try:
            write_rounds()
        finally:
            writing.clear()

    def write_rounds() -> None:
        generation = 0
        while rounds[0] < min_rounds or time.monotonic() < stop:
            generation += 1
            for i in range(40):
                (folder / f"s{i:02d}.txt").write_text(
                    f"Ruling {i}\n\nMagistrate Quist{i} ruled in round r{generation}.", "utf-8"
                )
            try:
                list(library.import_paths([folder]))
            except Exception as error:  # the writer must not fail either
                errors.append(f"writer: {error!r}")
            rounds[0] += 1

    def read() -> None:
        reader = Library.open(library.root, samples=False, extractor=lambda article: [])
        # An import commits every few seconds (importer.BATCH_SECONDS), so a slow first round
        # may show a committed part of the 40; but no commit may make an article vanish
        # (a re-import replaces each one in the same commit) or count one twice.
        most = 0
        while writing.is_set():
            try:
                result = reader.search("Magistrate")
                if not most <= result.total <= 40:
                    errors.append(f"reader saw {result.total} articles after {most}")
                most = max(most, result.total)
                searches[0] += 1
            except Exception as error:
                errors.append(f"reader: {error!r} {error.__cause__!r}")

    threads = [threading.Thread(target=write)] + [
        threading.Thread(target=read) for _ in range(readers)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == [], errors[:5]
    return {"searches": searches[0], "write_rounds": rounds[0]}


def test_readers_never_fail_while_a_writer_commits(library: Library, tmp_path: Path) -> None:
    figures = stress(library, tmp_path / "stress", seconds=8)
    assert figures["write_rounds"] >= 2
    assert figures["searches"] > 50


@pytest.mark.slow
def test_ten_minute_stress(library: Library, tmp_path: Path) -> None:
    print(stress(library, tmp_path / "stress", seconds=600))
