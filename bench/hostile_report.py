"""Import the hostile corpus (big files included) with the entity model, and time each file.

Run: .venv/bin/python -m bench.hostile_report   (prints markdown tables for docs/RELIABILITY.md)

Files are imported one by one into a fresh library in a child process, so that its peak
memory can be read afterwards (RUSAGE_CHILDREN); queries are timed on 10,000 articles.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.hostile import corpus

_SYLLABLES = ("ab", "ac", "ad", "al", "an", "ar", "ba", "be", "bo", "ca", "ce", "co", "da", "de")


def child_files(folder: Path) -> None:
    """In the child: import each hostile file and print one JSON line per file."""
    from reader.core.library import Library

    library = Library.open(folder / "lib", samples=False)
    for case, path in corpus.write_files(folder / "files", big=True):
        started = time.perf_counter()
        steps = list(library.import_paths([path]))
        seconds = time.perf_counter() - started
        step = steps[-1]
        print(json.dumps([case.case, step.status, seconds, step.problem or ""]), flush=True)
        path.unlink()


def child_queries(folder: Path, articles: int) -> None:
    """In the child: build a library of `articles` generated articles and time each query."""
    from reader.core.library import Library

    rng = random.Random(7)
    words = sorted(
        {"".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(5000)}
    )
    source = folder / "articles"
    source.mkdir()
    for i in range(articles):
        body = " ".join(rng.choice(words) for _ in range(200))
        (source / f"a{i:05}.md").write_text(f"# Verdict {i} {rng.choice(words)}\n\n{body}.\n")
    library = Library.open(folder / "lib", samples=False, extractor=lambda article: [])
    for _ in library.import_paths([source]):
        pass
    library.search("warm up")
    for case, text in corpus.QUERIES:
        started = time.perf_counter()
        result = library.search(text)
        seconds = time.perf_counter() - started
        print(json.dumps([case, f"{result.total} hits", seconds, " ".join(result.notes)]))


def _run(kind: str, *args: str) -> list[list[object]]:
    with tempfile.TemporaryDirectory() as folder:
        out = subprocess.run(
            [sys.executable, "-m", "bench.hostile_report", kind, folder, *args],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("[")]


def _table(rows: list[list[object]]) -> str:
    lines = ["| case | outcome | time | reason shown to the user |", "|---|---|---:|---|"]
    for case, outcome, seconds, reason in rows:
        reason_text = str(reason).replace("|", "\\|")
        lines.append(f"| {case} | {outcome} | {float(seconds):.2f} s | {reason_text} |")
    worst = max(float(row[2]) for row in rows)
    return "\n".join(lines) + f"\n\nWorst: {worst:.2f} s."


def main() -> None:
    """Print the two tables and the peak memory of the file import."""
    if len(sys.argv) > 2:
        folder = Path(sys.argv[2])
        if sys.argv[1] == "files":
            child_files(folder)
        else:
            child_queries(folder, int(sys.argv[3]))
        return
    files = _run("files")
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print("## Hostile files\n")
    print(_table(files))
    print(f"Peak memory of the importing process: {peak_mib:.0f} MiB.\n")
    print("## Hostile queries (10,000 articles)\n")
    print(_table(_run("queries", "10000")))


if __name__ == "__main__":
    main()
