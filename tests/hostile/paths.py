"""Run one hostile file down every path a user takes: import, `show`, `entities`, `export`,
and opening it in the app. Shared by tests/hostile/test_hostile_paths.py and
bench/hostile_paths.py.

Each path runs in its own process, as the user runs it, so that a path that hangs is cut off
at `timeout` seconds instead of hanging the bench, and a crash shows as a traceback on stderr
instead of killing the caller.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from tests.hostile import corpus

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication

CLI_PATHS = ("show", "entities", "export")
PATHS = ("import", *CLI_PATHS, "open")
_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Outcome:
    """What one path did: its wall time and what the user saw."""

    seconds: float
    ok: bool  # exit 0, or a one-line readable refusal with no traceback
    says: str  # "ok", "refused: …", "timeout", or what went wrong
    article_id: str = ""  # import only: the id of the article added


def _env() -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(_ROOT), QT_QPA_PLATFORM="offscreen")
    return env


def _readable(returncode: int, stderr: str) -> Outcome | None:
    """None if the command ended as a user would accept; else why not (without the time)."""
    if "Traceback" in stderr:
        last = stderr.strip().splitlines()[-1]
        return Outcome(0.0, False, f"traceback: {last[:120]}")
    if returncode == 0:
        return None
    lines = [line for line in stderr.splitlines() if line.strip()]
    if returncode == 1 and len(lines) == 1 and lines[0].startswith("legal-reader: "):
        return None
    return Outcome(0.0, False, f"exit {returncode}: {' / '.join(lines)[:120]}")


def _run(argv: list[str], timeout: float) -> tuple[float, subprocess.CompletedProcess[str] | None]:
    started = time.perf_counter()
    try:
        done = subprocess.run(
            argv, capture_output=True, text=True, timeout=timeout, env=_env(), cwd=_ROOT
        )
    except subprocess.TimeoutExpired:
        return time.perf_counter() - started, None
    return time.perf_counter() - started, done


def run_import(library: Path, path: Path, timeout: float = 60.0) -> Outcome:
    """Import `path` alone into a fresh library at `library`, with the entity model."""
    argv = [sys.executable, "-m", "tests.hostile.paths", "import", str(library), str(path)]
    seconds, done = _run(argv, timeout)
    if done is None:
        return Outcome(seconds, False, "timeout")
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        return Outcome(seconds, False, f"import crashed: {done.stderr.strip()[-160:]}")
    step = json.loads(lines[-1])
    if step["status"] == "added":
        return Outcome(step["seconds"], True, "added", step["id"])
    problem = step["problem"]
    return Outcome(step["seconds"], "Traceback" not in problem, "refused: " + problem)


def run_cli(library: Path, command: str, path: Path, out: Path, timeout: float = 60.0) -> Outcome:
    """`legal-reader --library LIB COMMAND FILE` (export writes to `out`), timed as a whole:
    the user waits for the process, model loading included."""
    argv = [sys.executable, "-m", "reader", "--library", str(library), command, str(path)]
    if command == "export":
        argv += ["-o", str(out)]
    seconds, done = _run(argv, timeout)
    if done is None:
        return Outcome(seconds, False, "timeout")
    bad = _readable(done.returncode, done.stderr)
    if bad is not None:
        return Outcome(seconds, False, bad.says)
    if done.returncode == 0:
        return Outcome(seconds, True, "ok")
    return Outcome(seconds, True, "refused: " + done.stderr.strip().removeprefix("legal-reader: "))


def run_open(library: Path, article_id: str, timeout: float = 60.0) -> Outcome:
    """Open the article in a real MainWindow (offscreen) and time it until it is painted."""
    argv = [sys.executable, "-m", "tests.hostile.paths", "open", str(library), article_id]
    seconds, done = _run(argv, timeout)
    if done is None:
        return Outcome(seconds, False, "timeout")
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines or "Traceback" in done.stderr:
        return Outcome(seconds, False, f"open failed: {done.stderr.strip()[-160:]}")
    shown = json.loads(lines[-1])
    return Outcome(shown["seconds"], shown["shown"], "ok" if shown["shown"] else shown["message"])


def run_all(
    case: corpus.HostileFile,
    folder: Path,
    timeout: float = 60.0,
    names: Sequence[str] = PATHS,
) -> dict[str, Outcome]:
    """The paths `names` for one hostile file, in a fresh library under `folder` (opening it
    in the app needs the import, so "open" imports it first)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / case.name
    path.write_bytes(case.make())
    library = folder / "lib"
    outcomes: dict[str, Outcome] = {}
    if "import" in names or "open" in names:
        outcomes["import"] = run_import(library, path, timeout)
    for command in CLI_PATHS:
        if command in names:
            outcomes[command] = run_cli(library, command, path, folder / "out.html", timeout)
    if "open" in names and outcomes["import"].article_id:
        outcomes["open"] = run_open(library, outcomes["import"].article_id, timeout)
    return outcomes


def _child_import(library: Path, path: Path) -> None:
    """In the child: open a fresh library (no samples) and import one file, as the app does."""
    from reader.core.library import Library

    opened = Library.open(library, samples=False)
    started = time.perf_counter()
    step = list(opened.import_paths([path]))[-1]
    seconds = time.perf_counter() - started
    added = opened.find_by_path(path).id if step.status == "added" else ""
    problem = step.problem or ""
    print(json.dumps({"status": step.status, "problem": problem, "seconds": seconds, "id": added}))


def _child_open(library: Path, article_id: str, timeout: float = 55.0) -> None:
    """In the child: a MainWindow on the library, as tests/gui/conftest.py builds it; open the
    article as a click on its hit does; wait until the view holds it and the window is painted."""
    import tempfile

    from PySide6.QtWidgets import QApplication

    from reader.core.index.search_result import Hit
    from reader.core.library import Library
    from reader.gui.main_window import MainWindow
    from reader.gui.window_state import WindowState

    app = QApplication([])
    opened = Library.open(library, samples=False)
    with tempfile.TemporaryDirectory() as state:
        window = MainWindow(opened, WindowState(Path(state) / "s.ini"))
        window.show()
        _wait(app, lambda: not window.is_busy(), 30.0)
        started = time.perf_counter()
        window.open_hit(Hit(article_id, Path(), "the article", None, 0, ""))
        view = window.article_view
        shown = _wait(
            app,
            lambda: (
                not window.is_busy() and view.article is not None and view.article.id == article_id
            ),
            timeout,
        )
        window.grab()  # paint it: a table's layout is done when it is first drawn
        seconds = time.perf_counter() - started
        message = window.message.text()
        print(json.dumps({"seconds": seconds, "shown": shown, "message": message or "not shown"}))
        window.close()


def _wait(app: QCoreApplication, done: Callable[[], bool], seconds: float) -> bool:
    """Process events until `done()` or `seconds` pass; whether it came true."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        if done():
            return True
        time.sleep(0.005)
    return False


if __name__ == "__main__":
    if sys.argv[1] == "import":
        _child_import(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        _child_open(Path(sys.argv[2]), sys.argv[3])
