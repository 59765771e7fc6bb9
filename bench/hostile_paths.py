"""Time every hostile file on every path a user takes: import, show, entities, export, open.

Run: PYTHONPATH=. .venv/bin/python -m bench.hostile_paths   (prints a markdown table for
docs/RELIABILITY.md; `--small` leaves out the big files, `--only NAME...` runs those files)

Each file is imported alone into a fresh library with the entity model (as
bench/hostile_report.py does); then `legal-reader --library LIB show FILE`, `entities FILE`
and `export FILE -o OUT` run as subprocesses with a 60 s timeout (`show` and the others read
the file itself: they take a path, not an article id), and the article is opened in a real
MainWindow offscreen (tests/hostile/paths.py). Each path is timed as the user waits for it,
so the CLI figures include starting Python and loading the entity model (about 5 s).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.hostile import corpus, paths

LIMIT = 10.0  # seconds: issue 13's bound for every path


def _cell(outcome: paths.Outcome | None) -> str:
    if outcome is None:
        return "—"
    flag = " **≥ 10 s**" if outcome.seconds >= LIMIT else ""
    if outcome.says == "timeout":
        return f"> {outcome.seconds:.0f} s timeout{flag}"
    wrong = "" if outcome.ok else f" ({outcome.says})"
    return f"{outcome.seconds:.2f} s{flag}{wrong}"


def main() -> None:
    """Print one row per hostile file, as each is measured, then the over-limit summary."""
    big = "--small" not in sys.argv
    only = sys.argv[sys.argv.index("--only") + 1 :] if "--only" in sys.argv else []
    cases = [
        case for case in corpus.files() if (big or not case.big) and (not only or case.name in only)
    ]
    print("| file | import | show | entities | export | open in the app |")
    print("|---|---|---:|---:|---:|---:|")
    over: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for case in cases:
            found = paths.run_all(case, Path(folder) / case.name)
            imported = found["import"]
            outcome = "added" if imported.article_id else "refused"
            if not imported.ok:
                outcome = imported.says
            cells = [f"{outcome}, {_cell(imported)}"]
            cells += [_cell(found.get(name)) for name in paths.PATHS[1:]]
            print(f"| {case.name} | " + " | ".join(cells) + " |", flush=True)
            over += [
                f"{case.name} {name} {result.seconds:.1f} s"
                for name, result in found.items()
                if result.seconds >= LIMIT or not result.ok
            ]
    listed = ", ".join(over) or "none"
    print(f"\nAt or over {LIMIT:.0f} s, or not ended as a user would accept: {listed}.")


if __name__ == "__main__":
    main()
