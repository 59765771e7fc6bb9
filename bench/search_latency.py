"""Results-page latency of our Library.search(q, limit=20) (top 20 with snippets).

Each query of ../shared/corpus/queries.json runs once to warm up, then `rounds` times; the
parent takes the median per query, then p50/p95 over the queries of each kind.

Usage: .venv/bin/python -m bench.search_latency --library DIR [--rounds 3] [--kind prefix]
       [--profile report.txt]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from bench.baselines import _time_queries
from bench.common import QUERIES, emit


def measure(library_dir: Path, queries: list[dict[str, Any]], rounds: int) -> dict[str, Any]:
    """Time our results page for every query."""
    from reader.core.library import Library

    # A text-only library is opened text-only: with the default extractor, an index the
    # current code considers out of date would be rebuilt, running the model on every article.
    library = Library.open(library_dir, samples=False, extractor=lambda article: [])

    def page(text: str) -> int:
        return library.search(text, limit=20).total

    return _time_queries(page, queries, rounds)


def main() -> None:
    """Command line: one JSON line of per-query milliseconds."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--kind", help="only the queries of this kind")
    parser.add_argument("--profile", type=Path, help="write a pyinstrument text report here")
    args = parser.parse_args()
    queries = json.loads(QUERIES.read_text())
    if args.kind:
        queries = [q for q in queries if q["kind"] == args.kind]
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.001)
        profiler.start()
        result = measure(args.library, queries, args.rounds)
        profiler.stop()
        args.profile.write_text(profiler.output_text(unicode=True, color=False))
    else:
        result = measure(args.library, queries, args.rounds)
    emit(result)


if __name__ == "__main__":
    main()
