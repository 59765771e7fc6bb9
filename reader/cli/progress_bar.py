"""A one-line progress bar on stderr for terminals; plain lines when stderr is a file."""

from __future__ import annotations

import shutil
import sys
from typing import TextIO

from reader.core.library import Progress, progress


class ProgressBar:
    """Draws `done/total` and the current file name, redrawing in place on a terminal."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.is_terminal = self.stream.isatty()

    def update(self, step: Progress) -> None:
        """Show one step; problems are printed on their own line so they stay visible."""
        if step.problem:
            self._clear()
            print(f"  skipped: {step.problem}", file=self.stream)
        if not self.is_terminal:
            return
        width = max(10, min(40, shutil.get_terminal_size().columns - 40))
        filled = width * step.done // max(step.total, 1)
        name = ("OCR: " if step.status == progress.OCR else "") + step.path.name[:30]
        line = f"\r[{'#' * filled}{'.' * (width - filled)}] {step.done}/{step.total} {name}"
        self.stream.write(line.ljust(width + 45))
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        self._clear()

    def _clear(self) -> None:
        if self.is_terminal:
            self.stream.write("\r" + " " * (shutil.get_terminal_size().columns - 1) + "\r")
            self.stream.flush()
