"""Worker processes that never run the caller's script again.

Spawned processes normally import the parent's `__main__` script before they start work, so
a script that calls `Library.import_paths` without an `if __name__ == "__main__":` guard ran
its import again in every worker, which then failed (BrokenProcessPool). Our workers only run
functions of this package, so they are started without the script: a guard is never needed.
"""

from __future__ import annotations

import ast
import contextlib
import functools
import logging
import multiprocessing.context
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_hiding = threading.Lock()


@contextlib.contextmanager
def _main_hidden() -> Iterator[None]:
    """While a process starts, hide the script so that spawn does not import it in the child."""
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    with _hiding:
        names: tuple[str, ...] = ("__spec__", "__file__")
        saved: dict[str, Any] = {n: main.__dict__[n] for n in names if n in main.__dict__}
        main.__dict__["__spec__"] = None
        main.__dict__.pop("__file__", None)
        try:
            yield
        finally:
            main.__dict__.pop("__spec__", None)
            main.__dict__.update(saved)


class _Process(multiprocessing.context.SpawnProcess):
    @staticmethod
    def _Popen(process_obj: Any) -> Any:  # noqa: N802 - multiprocessing's name
        with _main_hidden():
            return multiprocessing.context.SpawnProcess._Popen(process_obj)


class _Context(multiprocessing.context.SpawnContext):
    Process = _Process


def context() -> multiprocessing.context.SpawnContext:
    """A spawn context whose processes start without importing the caller's script.

    Spawned, not forked: the parent may hold threads (the GUI), an open index and a lock.
    """
    return _Context()


def warn_if_unguarded() -> None:
    """Say once when called from a script's top level outside an `if __name__ == "__main__":`.

    The import still runs (see the module docstring); the warning is for the script's author,
    whose other top-level code would run again under other tools that spawn processes.
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    spec = getattr(main, "__spec__", None)
    if not path or (
        spec is not None and spec.name.partition(".")[0] == __package__.partition(".")[0]
    ):
        return  # no script, or our own command line (`python -m reader`)
    frame = sys._getframe(1)
    while frame is not None:
        if frame.f_code.co_name == "<module>" and frame.f_globals.get("__name__") == "__main__":
            if _unguarded(str(path), frame.f_lineno):
                _warn_once(Path(path).name)
            return
        frame = frame.f_back  # type: ignore[assignment]


@functools.cache
def _warn_once(script: str) -> None:
    log.warning(
        "%s imports into the library at its top level, outside an "
        '`if __name__ == "__main__":` block; the import runs, with worker processes that do '
        "not run the script again.",
        script,
    )


@functools.cache
def _guarded_lines(path: str) -> frozenset[int]:
    """Line numbers inside `if __name__ == "__main__":` blocks of the script at `path`."""
    try:
        tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return frozenset()
    lines: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "__name__" in ast.unparse(node.test):
            for inner in node.body:
                lines.update(range(inner.lineno, (inner.end_lineno or inner.lineno) + 1))
    return frozenset(lines)


def _unguarded(path: str, line: int) -> bool:
    return line not in _guarded_lines(path)
