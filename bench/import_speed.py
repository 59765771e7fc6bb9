"""Import throughput of our Library (run in a fresh process; prints one JSON line).

Modes:
  text      Library.open(root, samples=False, extractor=lambda a: []) — no entities;
  default   Library.open(root, samples=False) — the product's own extractor (entities, worker
            processes, extraction cache): "with entities";
  extract2  reader.core.entities.recognition.extract_many(..., n_process=2) alone:
            extraction on both cores.

Peak memory is sampled every 0.2 s over the whole process tree (the importer and its workers).

Usage: .venv/bin/python -m bench.import_speed --docs DIR --library DIR --mode text
"""

from __future__ import annotations

import argparse
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any

from bench.common import emit, peak_rss_mb


class TreeMemory:
    """Samples the summed RSS of this process and its descendants in a thread."""

    def __init__(self, interval: float = 0.2) -> None:
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, args=(interval,), daemon=True)
        self._thread.start()

    def _loop(self, interval: float) -> None:
        while not self._stop.wait(interval):
            self.peak = max(self.peak, tree_rss_mb(os.getpid()))

    def stop(self) -> float:
        """Stop sampling; return the peak in MiB."""
        self._stop.set()
        self._thread.join()
        return max(self.peak, peak_rss_mb())


def tree_rss_mb(root: int) -> float:
    """Summed VmRSS of `root` and all its descendants, in MiB."""
    parents: dict[int, int] = {}
    rss: dict[int, float] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        parents[int(entry.name)] = int(fields.get("PPid", "0").strip() or 0)
        rss[int(entry.name)] = float(fields.get("VmRSS", "0 kB").split()[0]) / 1024
    tree = {root}
    changed = True
    while changed:
        changed = False
        for pid, parent in parents.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                changed = True
    return sum(rss.get(pid, 0.0) for pid in tree)


def _words(docs: Path) -> tuple[int, int]:
    files = sorted(docs.glob("*.md"))
    return len(files), sum(len(f.read_text(encoding="utf-8").split()) for f in files)


def run_import(docs: Path, library_dir: Path, mode: str) -> dict[str, Any]:
    """Import `docs` into a fresh library at `library_dir`; return timings and memory."""
    from reader.core.library import Library

    shutil.rmtree(library_dir, ignore_errors=True)
    n_docs, n_words = _words(docs)
    extractor: Any = (lambda article: []) if mode == "text" else None
    sampler = TreeMemory()
    started = time.perf_counter()
    if extractor is None:
        library = Library.open(library_dir, samples=False)
    else:
        library = Library.open(library_dir, samples=False, extractor=extractor)
    problems = 0
    for progress in library.import_paths([docs]):
        problems += progress.problem is not None
    seconds = time.perf_counter() - started
    if extractor is None:
        library.extraction.stop_workers()
    return {
        "mode": mode,
        "docs": n_docs,
        "words": n_words,
        "seconds": seconds,
        "docs_per_s": n_docs / seconds,
        "words_per_s": n_words / seconds,
        "problems": problems,
        "articles": library.article_count(),
        "peak_rss_mb": peak_rss_mb(),
        "peak_tree_mb": sampler.stop(),
    }


def run_extract_many(docs: Path, processes: int) -> dict[str, Any]:
    """Entity extraction alone over the bodies of `docs`, with `processes` processes."""
    import resource

    from reader.core.entities import recognition as entities
    from reader.core.ingest import reading as ingest

    articles = [ingest.load_article(p) for p in sorted(docs.glob("*.md"))]
    n_words = sum(len(a.title.split()) + len(a.body.split()) for a in articles)
    started = time.perf_counter()
    found = entities.extract_many(
        [a.body for a in articles], [None] * len(articles), n_process=processes
    )
    seconds = time.perf_counter() - started
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "mode": f"extract{processes}",
        "docs": len(articles),
        "words": n_words,
        "seconds": seconds,
        "docs_per_s": len(articles) / seconds,
        "words_per_s": n_words / seconds,
        "mentions": sum(len(m) for m in found),
        "peak_rss_mb": peak_rss_mb(),
        "peak_rss_child_mb": children,
    }


def main() -> None:
    """Command line: one measurement, one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=Path, required=True)
    parser.add_argument("--library", type=Path, required=True)
    parser.add_argument("--mode", choices=["text", "default", "extract2"])
    parser.add_argument("--profile", type=Path, help="write a pyinstrument text report here")
    args = parser.parse_args()
    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.005)
        profiler.start()
    if args.mode == "extract2":
        result = run_extract_many(args.docs, 2)
    else:
        result = run_import(args.docs, args.library, args.mode)
    if profiler is not None:
        profiler.stop()
        args.profile.write_text(profiler.output_text(unicode=True, color=False, show_all=False))
    emit(result)


if __name__ == "__main__":
    main()
