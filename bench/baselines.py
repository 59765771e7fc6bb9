"""The two baselines, on the same .md files: raw Whoosh (default settings) and Recoll.

Raw Whoosh is our own baseline: Schema(id=ID, title=TEXT, body=TEXT) all stored, the
StandardAnalyzer, one default writer and one commit, MultifieldParser(title, body) with the
FuzzyTermPlugin (needed for `term~1`), and default highlights (HtmlFormatter,
ContextFragmenter, re-analysing the stored text).

Recoll (Debian package `recoll`, Xapian) is the desktop-search peer: recollindex with a fresh
configuration (defaults, aspell off), queried in-process through its Python module (system
python3, see bench/recoll_query.py) with makedocabstract() as the snippet.

Usage: .venv/bin/python -m bench.baselines whoosh-build|whoosh-search|recoll-build ...
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

from bench.common import REPO, dir_size_mb, emit, peak_rss_mb

_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


def _read(path: Path) -> tuple[str, str]:
    text = path.read_text(encoding="utf-8")
    title = path.stem
    match = _FRONT.match(text)
    if match:
        for line in match.group(1).splitlines():
            if line.startswith("title:"):
                title = line[6:].strip().strip('"')
        text = text[match.end() :]
    return title, text.strip()


def whoosh_build(docs: Path, index_dir: Path) -> dict[str, Any]:
    """Index `docs` with Whoosh defaults; return timings and size."""
    from whoosh import index
    from whoosh.fields import ID, TEXT, Schema

    shutil.rmtree(index_dir, ignore_errors=True)
    index_dir.mkdir(parents=True)
    files = sorted(docs.glob("*.md"))
    started = time.perf_counter()
    schema = Schema(
        id=ID(stored=True, unique=True), title=TEXT(stored=True), body=TEXT(stored=True)
    )
    ix = index.create_in(str(index_dir), schema)
    writer = ix.writer()
    n_words = 0
    for path in files:
        title, body = _read(path)
        n_words += len(title.split()) + len(body.split())
        writer.add_document(id=path.stem, title=title, body=body)
    writer.commit()
    seconds = time.perf_counter() - started
    return _build_figures(len(files), n_words, seconds, dir_size_mb(index_dir), peak_rss_mb())


def _build_figures(
    docs: int, words: int, seconds: float, index_mb: float, peak_mb: float
) -> dict[str, Any]:
    """What every index build reports, ours and the peers' alike."""
    return {
        "docs": docs,
        "words": words,
        "seconds": seconds,
        "docs_per_s": docs / seconds,
        "words_per_s": words / seconds,
        "index_mb": index_mb,
        "peak_rss_mb": peak_mb,
    }


def whoosh_search(index_dir: Path, queries: list[dict[str, Any]], rounds: int) -> dict[str, Any]:
    """Time each query (top 20 + default highlights), `rounds` times after one warm-up."""
    from whoosh import index
    from whoosh.qparser import FuzzyTermPlugin, MultifieldParser

    ix = index.open_dir(str(index_dir))
    parser = MultifieldParser(["title", "body"], ix.schema)
    parser.add_plugin(FuzzyTermPlugin())

    def page(text: str) -> int:
        # One searcher per query, as our query.py does (a search sees the last commit).
        with ix.searcher() as searcher:
            results = searcher.search(parser.parse(text), limit=20)
            for hit in results:
                hit.highlights("body") or hit.highlights("title")
            return len(results)

    return _time_queries(page, queries, rounds)


def _time_queries(page: Any, queries: list[dict[str, Any]], rounds: int) -> dict[str, Any]:
    times: dict[int, list[float]] = {q["qid"]: [] for q in queries}
    totals: dict[int, int] = {}
    for q in queries:  # warm-up round: caches, lazy imports
        totals[q["qid"]] = page(q["text"])
    for _ in range(rounds):
        for q in queries:
            started = time.perf_counter()
            page(q["text"])
            times[q["qid"]].append((time.perf_counter() - started) * 1000)
    return {"ms": times, "totals": totals, "peak_rss_mb": peak_rss_mb()}


RECOLL_CONF = """topdirs = {docs}
dbdir = {db}
noaspell = 1
loglevel = 1
"""


def recoll_build(docs: Path, conf_dir: Path) -> dict[str, Any]:
    """recollindex over `docs` in a fresh configuration; wall time, peak memory, index size."""
    shutil.rmtree(conf_dir, ignore_errors=True)
    conf_dir.mkdir(parents=True)
    db = conf_dir / "xapiandb"
    (conf_dir / "recoll.conf").write_text(RECOLL_CONF.format(docs=docs, db=db))
    files = sorted(docs.glob("*.md"))
    n_words = sum(len(f.read_text(encoding="utf-8").split()) for f in files)
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", "recollindex", "-c", str(conf_dir), "-z"],
        capture_output=True,
        text=True,
        env={**os.environ, "RECOLL_CONFDIR": str(conf_dir)},
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    peak_kb = float(done.stderr.strip().splitlines()[-1])
    return _build_figures(len(files), n_words, seconds, dir_size_mb(db), peak_kb / 1024)


def recoll_search(conf_dir: Path, queries: list[dict[str, Any]], rounds: int) -> dict[str, Any]:
    """Run bench/recoll_query.py under the system python3 (where the recoll module is)."""
    done = subprocess.run(
        ["/usr/bin/python3", str(REPO / "bench" / "recoll_query.py"), str(conf_dir), str(rounds)],
        input=json.dumps(queries),
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["ms"] = {int(k): v for k, v in result["ms"].items()}
    return result


def main() -> None:
    """Command line: one measurement, one JSON line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=["whoosh-build", "whoosh-search", "recoll-build"])
    parser.add_argument("--docs", type=Path)
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--queries", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if args.action == "whoosh-build":
        emit(whoosh_build(args.docs, args.index))
    elif args.action == "recoll-build":
        emit(recoll_build(args.docs, args.index))
    else:
        queries = json.loads(args.queries.read_text())
        emit(whoosh_search(args.index, queries, args.rounds))


if __name__ == "__main__":
    main()
