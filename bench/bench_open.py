"""Article open (render + highlights) and entity extraction of a long judgment, timed alone.

Usage: .venv/bin/python bench/bench_open.py [--rounds 5] [--extract-rounds 3] [--refresh]

Reads a ~1,000-word news record and the ~44,000-word judgment of the 10k variant from
../shared/corpus/real_docs.jsonl.gz (benchmark use only: no corpus text is written to the
repo). Mentions come from `entities.extract` on the whole body, as bench/memory.py's "open"
does (the worst case: `extraction.extract_article` would scan only the first 100,000
characters); they are cached in $LCR_BENCH_DIR/open/ so re-runs only time the render.
Query terms are the first two words of the title, as in bench/memory.py. Prints a table, then
the figures as one JSON line.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.common import CORPUS, bench_dir
from reader.core.articles import Article
from reader.core.entities import recognition as entities
from reader.core.mentions import Mention, from_dict, to_dict
from reader.core.present import render

# The sample articles of the 10k variant (bench/corpus.py meta.json: article_1k, article_40k),
# the ones docs/PERFORMANCE.md reports.
NEWS_ID = "reuters-05214"
LEGAL_ID = "irled-prior-0868"


def _rows(ids: set[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["id"] in ids:
                found[row["id"]] = row
    return found


def _article(row: dict[str, Any]) -> Article:
    path = Path(f"/bench/{row['id']}.md")
    return Article(row["id"], path, row["title"], row["text"], "md", row.get("date"))


def _mentions(article: Article, refresh: bool) -> list[Mention]:
    """The article's mentions, from the /tmp cache (keyed by the text's hash) or extracted."""
    digest = hashlib.sha256(article.body.encode()).hexdigest()[:16]
    cache = bench_dir() / "open" / f"{article.id}-{digest}.json"
    if cache.exists() and not refresh:
        return [from_dict(d) for d in json.loads(cache.read_text())]
    found = entities.extract(article.body)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(json.dumps([to_dict(m) for m in found]))
    return found


def _time(call: Any, rounds: int) -> float:
    """Median seconds of `rounds` calls after one untimed warm-up call."""
    call()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    """Time render.to_html on both articles and entities.extract on the judgment."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="render rounds (median)")
    parser.add_argument("--extract-rounds", type=int, default=3, help="0 skips extraction")
    parser.add_argument("--refresh", action="store_true", help="re-extract cached mentions")
    args = parser.parse_args()

    rows = _rows({NEWS_ID, LEGAL_ID})
    entities.extract("Warm-up in Paris.")  # loads the model, untimed
    lines = ["| measure | words | mentions | median ms | target |", "|---|---|---|---|---|"]
    result: dict[str, Any] = {}
    for key, row_id, target in (("render_1k", NEWS_ID, 50), ("render_44k", LEGAL_ID, 300)):
        article = _article(rows[row_id])
        mentions = _mentions(article, args.refresh)
        terms = [w for w in article.title.split() if w.isalpha()][:2]
        draw = functools.partial(render.to_html, article, mentions, query_terms=terms)
        seconds = _time(draw, args.rounds)
        words = len(article.body.split())
        result[key] = {"ms": seconds * 1000, "words": words, "mentions": len(mentions)}
        lines.append(
            f"| render.to_html {row_id} | {words:,} | {len(mentions):,} "
            f"| {seconds * 1000:,.1f} | <= {target} ms |"
        )
    if args.extract_rounds:
        body = rows[LEGAL_ID]["text"]
        times = []
        for _ in range(args.extract_rounds):
            started = time.perf_counter()
            found = entities.extract(body)
            times.append(time.perf_counter() - started)
        seconds = statistics.median(times)
        words = len(body.split())
        result["extract_44k"] = {"s": seconds, "words_per_s": words / seconds}
        lines.append(
            f"| entities.extract {LEGAL_ID} | {words:,} | {len(found):,} "
            f"| {seconds * 1000:,.0f} ({words / seconds:,.0f} words/s) | >= 3,000 words/s |"
        )
    print("\n".join(lines))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
