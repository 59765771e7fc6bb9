"""The Qt binding itself: a bug there crashes the app however right our code is."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Job(QObject):
    progressed = Signal(int, int, str)


def test_emitting_a_signal_many_times_leaves_python_intact() -> None:
    """PySide6 6.12.0 dropped a reference to True on every emit: an import of a few hundred
    files then ended the app with "Fatal Python error: bool_dealloc". Pinned to 6.11.3."""
    job = _Job()
    received: list[int] = []
    job.progressed.connect(lambda done, total, name: received.append(done))
    before = sys.getrefcount(True)
    for n in range(2000):
        job.progressed.emit(n, 2000, "file.txt")
    assert len(received) == 2000
    assert sys.getrefcount(True) >= before - 50  # a leak would show as -2000
