"""Measure what tense detection costs dates.find (the tagger runs only on sentences that need it).

Usage: .venv/bin/python bench/bench_dates.py [DATA_DIR]   (default ../shared/dates-dev/TBAQ-cleaned)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from reader.core.dates import finding as dates
from reader.core.dates import tense
from reader.core.text import nlp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from quality_dates import DEFAULT_DATA, parse


def main() -> int:
    """Print load time, per-document time with and without the tagger, and tagged sentences."""
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    if not data.is_dir():
        print(f"TempEval-3 data not found at {data}; pass its path.", file=sys.stderr)
        return 2
    docs = [parse(p) for p in sorted(data.glob("*/*.tml"))]
    words = sum(len(text.split()) for text, _, _ in docs)
    started = time.perf_counter()
    spans = [[(s, e) for s, e, _ in dates.ner_spans(text)] for text, _, _ in docs]
    ner_s = time.perf_counter() - started
    started = time.perf_counter()
    nlp.tagger()
    load_s = time.perf_counter() - started
    for label, governing in (("no tense", lambda *_: None), ("tagger", None)):
        tense._tag.cache_clear()
        started = time.perf_counter()
        for (text, dct, _), ner in zip(docs, spans, strict=True):
            if governing is None:
                dates.find(text, dct, ner)
            else:
                dates.match(text, dct, ner, False, governing)
        elapsed = time.perf_counter() - started
        print(f"{label:>8}: {elapsed:.2f} s for {len(docs)} docs ({words} words), "
              f"{1000 * elapsed / len(docs):.1f} ms/doc")  # fmt: skip
    info = tense._tag.cache_info()
    print(f"tagged sentences: {info.misses} (tagger load {load_s:.2f} s); "
          f"spaCy NER on all docs for comparison: {ner_s:.2f} s")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
