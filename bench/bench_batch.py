"""Batch of names: 20 names with aliases over the 10k library (target: under 5 s).

The library is the text-only 10k import of the suite (bench/run.py builds it in
$LCR_BENCH_DIR/10k/lib-text; or `python -m bench.import_speed --docs .../10k/docs --library
.../10k/lib-text --mode text`). The names are people and firms of the news of 1987 and judges
and parties of the judgments, each checked to occur in the corpus; a few are very common
("Reagan" is in hundreds of articles), which is the slow case. Times the core call
(`Library.batch_names`) cold (first call after opening) and warm, and the whole command
(`legal-reader batch`, a fresh process: start-up, opening the library, the table, printing).

Usage: .venv/bin/python -m bench.bench_batch [--library DIR] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import REPO, bench_dir, emit, median

NAMES = """\
# 20 names, aliases after |
Ronald Reagan | Reagan | President Reagan
James Baker | Baker | Treasury Secretary Baker
Paul Volcker | Volcker
Clayton Yeutter | Yeutter
Karl Otto Poehl | Poehl
Yasuhiro Nakasone | Nakasone
Gerhard Stoltenberg | Stoltenberg
Nigel Lawson | Lawson
Kiichi Miyazawa | Miyazawa
Michel Camdessus | Camdessus
Carl Icahn | Icahn
T. Boone Pickens | Boone Pickens | Pickens
Texaco | Texaco Inc
Smith Kline | SmithKline
Drexel Burnham Lambert | Drexel
Donald Brooks
Susan Phillips
Supreme Court | apex court
High Court
Bhagwati | P.N. Bhagwati | Justice Bhagwati
"""


def measure(library_dir: Path, rounds: int) -> dict[str, Any]:
    """Time the batch through the core API and through the command line."""
    from reader.core.library import Library
    from reader.core.workspace import name_list

    names = name_list.parse(NAMES)
    started = time.perf_counter()
    library = Library.open(library_dir, samples=False, extractor=lambda article: [])
    opened = time.perf_counter() - started
    started = time.perf_counter()
    rows = library.batch_names(names)
    cold = time.perf_counter() - started
    warm = []
    for _ in range(rounds):
        started = time.perf_counter()
        library.batch_names(names)
        warm.append(time.perf_counter() - started)
    missing = [row.name for row in rows if not row.articles]
    if missing:
        raise SystemExit(f"these names are not in the library: {missing}")
    return {
        "names": len(names),
        "articles_in_library": library.article_count(),
        "open_s": opened,
        "cold_s": cold,
        "warm_median_s": median(warm),
        "warm_max_s": max(warm),
        "cli_s": _cli(library_dir),
        "per_name": {row.name: [len(row.articles), row.mentions] for row in rows},
        "name_articles": sum(len(row.articles) for row in rows),
        "mentions": sum(row.mentions for row in rows),
    }


def _cli(library_dir: Path) -> float:
    """Wall time of `legal-reader batch NAMES.txt --csv OUT.csv` in a fresh process."""
    with tempfile.TemporaryDirectory() as folder:
        names = Path(folder) / "names.txt"
        names.write_text(NAMES)
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "reader", "--library", str(library_dir), "batch", str(names),
             "--csv", str(Path(folder) / "out.csv")],
            cwd=REPO, check=True, capture_output=True, env={**os.environ},
        )  # fmt: skip
        return time.perf_counter() - started


def main() -> None:
    """Command line: one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, default=bench_dir() / "10k" / "lib-text")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    emit(measure(args.library, args.rounds))


if __name__ == "__main__":
    main()
