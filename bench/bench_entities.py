"""Words per second of the whole entity extractor, in one process and in two.

Usage: .venv/bin/python bench/bench_entities.py [--docs N]
Reads the first N news articles of ../shared/corpus/real_docs.jsonl.gz (benchmark use only).
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from reader.core.entities import recognition as entities

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real_docs.jsonl.gz"


def _texts(limit: int) -> list[str]:
    texts = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            if row["kind"] == "news":
                texts.append(row["text"])
            if len(texts) == limit:
                break
    return texts


def _rate(label: str, words: int, run: object) -> None:
    start = time.perf_counter()
    run()  # type: ignore[operator]
    seconds = time.perf_counter() - start
    print(f"| {label} | {words / seconds:,.0f} |")


def main() -> None:
    """Print a markdown table of words/s for each way of running the extractor."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=1500)
    args = parser.parse_args()
    texts = _texts(args.docs)
    words = sum(len(t.split()) for t in texts)
    nlp = entities.pipeline()
    entities.extract(texts[0])  # load and warm up outside the timing
    ner_only = entities.nlp_loader.ner()
    print(f"{len(texts)} news articles, {words:,} words\n\n| run | words/s |\n|---|---|")
    _rate("spaCy NER alone, 1 process", words, lambda: list(ner_only.pipe(texts)))
    _rate("extract, 1 process", words, lambda: entities.extract_many(texts, [None] * len(texts)))
    _rate(
        "extract_many, 2 worker processes (incl. model load)",
        words,
        lambda: entities.extract_many(texts, [None] * len(texts), n_process=2),
    )
    _rate(
        "extract, nlp.pipe(n_process=2)",
        words,
        lambda: list(entities._run(texts, [None] * len(texts), nlp, n_process=2)),
    )


if __name__ == "__main__":
    main()
